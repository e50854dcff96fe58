/*
 * fuzz_parse.c: libFuzzer target for everything a runner types.
 *
 * The input is one string given to each human-input parser in turn: dates,
 * times, durations, distances, figures, paces, numbers, sports, units,
 * time-zone names, money, levels, recovery modalities, findings,
 * memberships, sides and body regions (against the built-in catalogue). A parser may refuse it, but
 * must never crash, read out of bounds or leave a message without the input in it.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/date.h"
#include "base/err.h"
#include "base/parse.h"
#include "base/tz.h"
#include "base/units.h"
#include "base/xalloc.h"
#include "core/body.h"
#include "core/recovery.h"
#include "core/region.h"
#include "core/sport.h"
#include "base/datafile.h"
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The built-in catalogue, loaded once (never freed: it lives as long as
 * the fuzzer). */
static const struct region_catalog *catalog(void)
{
	static struct region_catalog cat = REGION_CATALOG_INIT;
	struct strbuf text = STRBUF_INIT, origin = STRBUF_INIT;

	if (cat.n_regions == 0) {
		setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
		if (datafile_read("regions.ini", &text, &origin, NULL) ||
		    region_catalog_parse(&cat, text.buf, origin.buf, NULL)) {
			__builtin_trap();
		}
		strbuf_release(&text);
		strbuf_release(&origin);
	}
	return &cat;
}

/* Longer inputs say nothing new about these parsers. */
#define MAX_INPUT 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	struct err err = ERR_INIT;
	int32_t day, sec;
	double v;
	long n;
	enum parse_figure kind;
	enum sport sport;
	enum units u;
	int32_t today = date_from_civil(2026, 11, 24);

	if (size > MAX_INPUT) {
		return 0;
	}
	s = xstrndup((const char *)data, size);
	(void)parse_date(s, today, &day, &err);
	(void)parse_date(s, date_from_civil(DATE_MIN_YEAR, 1, 1), &day, &err);
	(void)parse_date(s, date_from_civil(DATE_MAX_YEAR, 12, 31), &day, &err);
	(void)parse_time_of_day(s, &sec, &err);
	(void)parse_duration(s, &v, &err);
	(void)parse_distance(s, &v, &err);
	(void)parse_figure(s, &kind, &v, &err);
	(void)parse_pace(s, 1000, &v, &err);
	(void)parse_int(s, -1000, 1000, &n, &err);
	(void)parse_number(s, -1e6, 1e6, &v, &err);
	(void)sport_parse(s, &sport, &err);
	(void)units_parse(s, &u, &err);
	(void)tz_exists(s);
	{
		int64_t cents;
		char currency[4];
		int level, severity;
		enum modality m;
		enum finding f;
		struct membership mem;
		enum side side;
		struct region_ref ref;

		(void)parse_money(s, &cents, currency, &err);
		(void)level_parse(s, &level, &err);
		(void)modality_parse(s, &m, &err);
		(void)finding_parse(s, &f, &severity, &err);
		(void)membership_parse(s, &mem, &err);
		(void)side_parse(s, &side, &err);
		(void)region_ref_parse(catalog(), s, true, &ref, &err);
		(void)region_ref_parse(catalog(), s, false, &ref, &err);
	}
	if (err.code != ERR_OK && strlen(err.msg) == 0) {
		__builtin_trap(); /* a refusal must say why */
	}
	free(s);
	return 0;
}
