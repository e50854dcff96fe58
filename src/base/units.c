/*
 * units.c: formatting figures for display (see units.h).
 */
#include "base/units.h"

#include <math.h>
#include <string.h>
#include <strings.h>

#include "base/parse.h"

const char *units_name(enum units u)
{
	return u == UNITS_MI ? "mi" : "km";
}

enum err_code units_parse(const char *s, enum units *out, struct err *err)
{
	static const char *const km[] = { "km", "k", "metric", "kilometres", "kilometers" };
	static const char *const mi[] = { "mi", "miles", "mile", "imperial" };

	for (size_t i = 0; i < sizeof(km) / sizeof(km[0]); i++) {
		if (strcasecmp(s, km[i]) == 0) {
			*out = UNITS_KM;
			return ERR_OK;
		}
	}
	for (size_t i = 0; i < sizeof(mi) / sizeof(mi[0]); i++) {
		if (strcasecmp(s, mi[i]) == 0) {
			*out = UNITS_MI;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT, "'%s' is not a unit system (km or mi)", s);
}

double units_metres(enum units u)
{
	return u == UNITS_MI ? PARSE_MILE_M : 1000.0;
}

void units_add_distance(struct strbuf *sb, double metres, enum units u)
{
	if (!isfinite(metres)) {
		strbuf_adds(sb, "?");
		return;
	}
	strbuf_addf(sb, "%.2f %s", metres / units_metres(u), units_name(u));
}

static void add_clock(struct strbuf *sb, long total)
{
	long h = total / 3600, m = total / 60 % 60, s = total % 60;

	if (h) {
		strbuf_addf(sb, "%ld:%02ld:%02ld", h, m, s);
	} else {
		strbuf_addf(sb, "%ld:%02ld", m, s);
	}
}

void units_add_duration(struct strbuf *sb, double seconds)
{
	if (!isfinite(seconds) || seconds < 0) {
		strbuf_adds(sb, "?");
		return;
	}
	add_clock(sb, lround(seconds));
}

void units_add_pace(struct strbuf *sb, double sec_per_m, enum units u)
{
	if (!isfinite(sec_per_m) || sec_per_m <= 0) {
		strbuf_adds(sb, "?");
		return;
	}
	add_clock(sb, lround(sec_per_m * units_metres(u)));
	strbuf_addf(sb, " /%s", units_name(u));
}

void units_add_speed(struct strbuf *sb, double m_per_s, enum units u)
{
	if (!isfinite(m_per_s)) {
		strbuf_adds(sb, "?");
		return;
	}
	strbuf_addf(sb, "%.1f %s", m_per_s * 3600 / units_metres(u),
	            u == UNITS_MI ? "mph" : "km/h");
}

void units_add_pace_100m(struct strbuf *sb, double sec_per_m)
{
	if (!isfinite(sec_per_m) || sec_per_m <= 0) {
		strbuf_adds(sb, "?");
		return;
	}
	add_clock(sb, lround(sec_per_m * 100));
	strbuf_adds(sb, " /100m");
}

const char *units_currency_symbol(const char *currency)
{
	static const struct {
		const char *code, *symbol;
	} symbols[] = {
		{ "AUD", "$" }, { "CAD", "$" }, { "EUR", "€" },
		{ "GBP", "£" }, { "NZD", "$" }, { "USD", "$" },
	};

	for (size_t i = 0; currency && i < sizeof(symbols) / sizeof(symbols[0]); i++) {
		if (strcmp(currency, symbols[i].code) == 0) {
			return symbols[i].symbol;
		}
	}
	return "";
}

void units_add_money(struct strbuf *sb, int64_t cents, const char *currency)
{
	const char *symbol = units_currency_symbol(currency), *sign = cents < 0 ? "-" : "";
	uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;

	if (*symbol) {
		strbuf_addf(sb, "%s%s%llu.%02llu", sign, symbol, (unsigned long long)(mag / 100),
		            (unsigned long long)(mag % 100));
	} else {
		strbuf_addf(sb, "%s%s%s%llu.%02llu", currency && *currency ? currency : "",
		            currency && *currency ? " " : "", sign, (unsigned long long)(mag / 100),
		            (unsigned long long)(mag % 100));
	}
}
