/*
 * parse.c: parsers for human input (see parse.h for the grammar).
 *
 * Numbers are read by hand rather than with strtod: strtod follows the
 * locale's decimal separator and accepts hex, exponents, "inf" and "nan",
 * none of which a runner means when typing "6.2mi".
 */
#include "base/parse.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "base/units.h"

/* Longest number we read: enough for any real figure, short enough that
 * the digits cannot overflow a double's exact integer range. */
#define MAX_DIGITS 12

/* Read an unsigned decimal at *p, advancing *p. *had_point reports a '.'.
 * Returns false when there is no digit at *p or the number is too long. */
static bool read_number(const char **p, double *out, bool *had_point)
{
	const char *s = *p;
	double v = 0, scale = 1;
	int n_digits = 0;
	bool point = false;

	for (;; s++) {
		if (*s >= '0' && *s <= '9') {
			if (++n_digits > MAX_DIGITS) {
				return false;
			}
			if (point) {
				scale /= 10;
				v += (*s - '0') * scale;
			} else {
				v = v * 10 + (*s - '0');
			}
		} else if (*s == '.' && !point && s[1] >= '0' && s[1] <= '9') {
			point = true;
		} else {
			break;
		}
	}
	if (n_digits == 0) {
		return false;
	}
	*p = s;
	*out = v;
	if (had_point) {
		*had_point = point;
	}
	return true;
}

/* Read an unsigned integer of at most max_digits digits. */
static bool read_uint(const char **p, int max_digits, long *out)
{
	const char *s = *p;
	long v = 0;
	int n = 0;

	while (*s >= '0' && *s <= '9') {
		if (++n > max_digits) {
			return false;
		}
		v = v * 10 + (*s++ - '0');
	}
	if (n == 0) {
		return false;
	}
	*p = s;
	*out = v;
	return true;
}

/* Read a run of letters at *p into word (lower-cased), advancing *p. */
static size_t read_word(const char **p, char *word, size_t size)
{
	size_t n = 0;
	const char *s = *p;

	while (isalpha((unsigned char)*s)) {
		if (n + 1 < size) {
			word[n++] = (char)tolower((unsigned char)*s);
		}
		s++;
	}
	word[n < size ? n : size - 1] = '\0';
	*p = s;
	return n;
}

static bool word_in(const char *word, const char *const *list)
{
	for (; *list; list++) {
		if (strcmp(word, *list) == 0) {
			return true;
		}
	}
	return false;
}

/* ---- dates ---- */

static const char *const weekday_words[8][5] = {
	{ NULL },
	{ "mon", "monday", NULL },
	{ "tue", "tues", "tuesday", NULL },
	{ "wed", "weds", "wednesday", NULL },
	{ "thu", "thur", "thurs", "thursday", NULL },
	{ "fri", "friday", NULL },
	{ "sat", "saturday", NULL },
	{ "sun", "sunday", NULL },
};

static int weekday_of_word(const char *word)
{
	for (int wd = WEEKDAY_MON; wd <= WEEKDAY_SUN; wd++) {
		if (word_in(word, weekday_words[wd])) {
			return wd;
		}
	}
	return 0;
}

static enum err_code date_out_of_range(const char *s, struct err *err)
{
	return err_set(err, ERR_INPUT, "'%s' is outside the years %d to %d", s, DATE_MIN_YEAR,
	               DATE_MAX_YEAR);
}

static bool day_in_range(int64_t day)
{
	return day >= date_from_civil(DATE_MIN_YEAR, 1, 1) &&
	       day <= date_from_civil(DATE_MAX_YEAR, 12, 31);
}

/* "-3d", "+2w": an offset from today. Returns false if s is not of that form. */
static bool relative_date(const char *s, int32_t today, int64_t *out)
{
	const char *p = s;
	int sign;
	long n;
	char word[16];

	if (*p != '-' && *p != '+') {
		return false;
	}
	sign = *p++ == '-' ? -1 : 1;
	if (!read_uint(&p, 6, &n)) {
		return false;
	}
	read_word(&p, word, sizeof(word));
	if (*p) {
		return false;
	}
	if (word_in(word, (const char *const[]){ "d", "day", "days", NULL })) {
		*out = today + (int64_t)sign * n;
	} else if (word_in(word,
	                   (const char *const[]){ "w", "wk", "wks", "week", "weeks", NULL })) {
		*out = today + (int64_t)sign * n * 7;
	} else {
		return false;
	}
	return true;
}

/* "sat", "last sat", "next-saturday". Returns false if s is not of that form. */
static bool weekday_date(const char *s, int32_t today, int64_t *out)
{
	const char *p = s;
	char first[16], second[16];
	int which = 0; /* 0: on or before today, -1: last, +1: next */
	int wd, delta;

	read_word(&p, first, sizeof(first));
	if (*p == ' ' || *p == '-' || *p == '_') {
		while (*p == ' ' || *p == '-' || *p == '_') {
			p++;
		}
		if (strcmp(first, "last") == 0) {
			which = -1;
		} else if (strcmp(first, "next") == 0) {
			which = 1;
		} else {
			return false;
		}
		read_word(&p, second, sizeof(second));
	} else {
		memcpy(second, first, sizeof(second));
	}
	if (*p) {
		return false;
	}
	wd = weekday_of_word(second);
	if (!wd) {
		return false;
	}
	delta = ((int)date_weekday(today) - wd + 7) % 7; /* days back to that weekday */
	if (which == 0) {
		*out = today - delta;
	} else if (which < 0) {
		*out = today - (delta ? delta : 7);
	} else {
		*out = today + (7 - delta);
	}
	return true;
}

enum err_code parse_date(const char *s, int32_t today, int32_t *day, struct err *err)
{
	int32_t iso;
	int64_t d;

	if (date_parse_iso(s, &iso)) {
		*day = iso;
		return ERR_OK;
	}
	if (strcasecmp(s, "today") == 0) {
		d = today;
	} else if (strcasecmp(s, "yesterday") == 0) {
		d = (int64_t)today - 1;
	} else if (strcasecmp(s, "tomorrow") == 0) {
		d = (int64_t)today + 1;
	} else if (relative_date(s, today, &d) || weekday_date(s, today, &d)) {
		/* d is set */
	} else {
		int y, m, dd;
		char tail;

		if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) == 3) {
			if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR) {
				return date_out_of_range(s, err);
			}
			if (!date_valid(y, m, dd)) {
				if (m >= 1 && m <= 12) {
					return err_set(err, ERR_INPUT,
					               "'%s' is not a date: %04d-%02d has %d days",
					               s, y, m, date_days_in_month(y, m));
				}
				return err_set(err, ERR_INPUT, "'%s' is not a date: no month %d", s,
				               m);
			}
		}
		return err_set(
		        err, ERR_INPUT,
		        "'%s' is not a date (try 2026-11-21, today, yesterday, sat, last sat, "
		        "-3d)",
		        s);
	}
	if (!day_in_range(d)) {
		return date_out_of_range(s, err);
	}
	*day = (int32_t)d;
	return ERR_OK;
}

/* ---- times of day ---- */

enum err_code parse_time_of_day(const char *s, int32_t *sec, struct err *err)
{
	const char *p = s;
	long h, m = 0, sc = 0;
	char word[8];
	bool colon = false;

	if (!read_uint(&p, 2, &h)) {
		goto bad;
	}
	if (*p == ':') {
		p++;
		colon = true;
		if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) ||
		    !read_uint(&p, 2, &m)) {
			goto bad;
		}
		if (*p == ':') {
			p++;
			if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) ||
			    !read_uint(&p, 2, &sc)) {
				goto bad;
			}
		}
	}
	while (*p == ' ') {
		p++;
	}
	read_word(&p, word, sizeof(word));
	if (*p) {
		goto bad;
	}
	if (word[0]) {
		bool pm = strcmp(word, "pm") == 0 || strcmp(word, "p") == 0;

		if (!pm && strcmp(word, "am") != 0 && strcmp(word, "a") != 0) {
			goto bad;
		}
		if (h < 1 || h > 12) {
			return err_set(err, ERR_INPUT,
			               "'%s' is not a time: the hour is 1 to 12 with am/pm", s);
		}
		h = h % 12 + (pm ? 12 : 0);
	} else if (!colon) {
		goto bad;
	}
	if (h > 23 || m > 59 || sc > 59) {
		return err_set(err, ERR_INPUT, "'%s' is not a time of day (00:00 to 23:59)", s);
	}
	*sec = (int32_t)(h * 3600 + m * 60 + sc);
	return ERR_OK;
bad:
	return err_set(err, ERR_INPUT, "'%s' is not a time of day (try 20:30, 8:30pm, 6am)", s);
}

/* ---- durations ---- */

#define MAX_DURATION_S (100.0 * 3600)

/* "1:20:00" or "45:00". Returns false if s is not of that form. */
static bool colon_duration(const char *s, double *out)
{
	const char *p = s;
	long part[3];
	int n = 0;
	double frac = 0;

	if (!read_uint(&p, 4, &part[n++])) {
		return false;
	}
	while (*p == ':' && n < 3) {
		p++;
		if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) ||
		    !read_uint(&p, 2, &part[n]) || part[n] > 59) {
			return false;
		}
		n++;
	}
	if (n < 2) {
		return false;
	}
	if (*p == '.') {
		/* fractional seconds, as watches print them: "45:00.5" */
		double scale = 0.1;

		p++;
		if (!isdigit((unsigned char)*p)) {
			return false;
		}
		for (int i = 0; isdigit((unsigned char)*p); i++, p++) {
			if (i >= MAX_DIGITS) {
				return false;
			}
			frac += (*p - '0') * scale;
			scale /= 10;
		}
	}
	if (*p) {
		return false;
	}
	*out = n == 3 ? part[0] * 3600.0 + part[1] * 60.0 + part[2] : part[0] * 60.0 + part[1];
	*out += frac;
	return true;
}

enum duration_unit {
	DUR_NONE,
	DUR_S,
	DUR_MIN,
	DUR_H
};

static enum duration_unit duration_unit_of(const char *word, enum duration_unit prev)
{
	static const char *const hours[] = { "h", "hr", "hrs", "hour", "hours", NULL };
	static const char *const minutes[] = { "min", "mins", "minute", "minutes", NULL };
	static const char *const seconds[] = { "s", "sec", "secs", "second", "seconds", NULL };

	if (word_in(word, hours)) {
		return DUR_H;
	}
	/* A lone "m" means metres, except right after hours: "1h20m". */
	if (word_in(word, minutes) || (strcmp(word, "m") == 0 && prev == DUR_H)) {
		return DUR_MIN;
	}
	if (word_in(word, seconds)) {
		return DUR_S;
	}
	return DUR_NONE;
}

/* "45min", "1h20", "1.5h", "1h20m30s". Returns false if not of that form. */
static bool unit_duration(const char *s, double *out)
{
	static const double unit_s[] = { 0, 1, 60, 3600 };
	const char *p = s;
	enum duration_unit prev = DUR_NONE;
	double total = 0;

	while (*p) {
		double v;
		bool point;
		char word[16];
		enum duration_unit u;

		if (!read_number(&p, &v, &point)) {
			return false;
		}
		if (point && prev != DUR_NONE) {
			return false; /* "1h20.5" */
		}
		read_word(&p, word, sizeof(word));
		while (*p == ' ') {
			p++;
		}
		if (!word[0]) {
			/* a bare number ends the duration in the unit below the last */
			if (*p || prev == DUR_NONE || prev == DUR_S || v >= 60) {
				return false;
			}
			u = (enum duration_unit)(prev - 1);
		} else {
			u = duration_unit_of(word, prev);
			if (u == DUR_NONE || (prev != DUR_NONE && (u >= prev || v >= 60))) {
				return false;
			}
		}
		total += v * unit_s[u];
		prev = u;
	}
	if (prev == DUR_NONE) {
		return false;
	}
	*out = total;
	return true;
}

static bool read_duration(const char *s, double *seconds)
{
	return colon_duration(s, seconds) || unit_duration(s, seconds);
}

static enum err_code check_duration(const char *s, double v, struct err *err)
{
	if (v <= 0) {
		return err_set(err, ERR_INPUT, "'%s' is not a positive duration", s);
	}
	if (v >= MAX_DURATION_S) {
		return err_set(err, ERR_INPUT, "'%s' is longer than 100 hours", s);
	}
	return ERR_OK;
}

enum err_code parse_duration(const char *s, double *seconds, struct err *err)
{
	double v;

	if (!read_duration(s, &v)) {
		return err_set(err, ERR_INPUT,
		               "'%s' is not a duration (try 45min, 1h20, 3h, 45:00, 3:20:00)", s);
	}
	if (check_duration(s, v, err)) {
		return ERR_INPUT;
	}
	*seconds = v;
	return ERR_OK;
}

/* ---- distances ---- */

#define MAX_DISTANCE_M 1e8

struct distance_word {
	const char *word;
	double metres; /* per unit, or the whole distance for a name */
	bool name;     /* a named distance takes no number */
};

static const struct distance_word distance_words[] = {
	{ "full", PARSE_MARATHON_M, true },
	{ "half", PARSE_HALF_MARATHON_M, true },
	{ "halfmarathon", PARSE_HALF_MARATHON_M, true },
	{ "hm", PARSE_HALF_MARATHON_M, true },
	{ "k", 1000, false },
	{ "kilometer", 1000, false },
	{ "kilometers", 1000, false },
	{ "kilometre", 1000, false },
	{ "kilometres", 1000, false },
	{ "km", 1000, false },
	{ "kms", 1000, false },
	{ "m", 1, false },
	{ "marathon", PARSE_MARATHON_M, true },
	{ "meter", 1, false },
	{ "meters", 1, false },
	{ "metre", 1, false },
	{ "metres", 1, false },
	{ "mi", PARSE_MILE_M, false },
	{ "mile", PARSE_MILE_M, false },
	{ "miles", PARSE_MILE_M, false },
	{ "yard", PARSE_YARD_M, false },
	{ "yards", PARSE_YARD_M, false },
	{ "yd", PARSE_YARD_M, false },
	{ "yds", PARSE_YARD_M, false },
};

static const struct distance_word *distance_word_of(const char *word)
{
	size_t n = sizeof(distance_words) / sizeof(distance_words[0]);

	for (size_t i = 0; i < n; i++) {
		if (strcmp(word, distance_words[i].word) == 0) {
			return &distance_words[i];
		}
	}
	return NULL;
}

/* Read "8k", "6.2 mi", "half-marathon". *no_unit reports a bare number. */
static bool read_distance(const char *s, double *metres, bool *no_unit)
{
	const char *p = s;
	char word[32], joined[32];
	double v = 1;
	bool has_number;
	size_t n = 0;
	const struct distance_word *dw;

	*no_unit = false;
	has_number = read_number(&p, &v, NULL);
	while (*p == ' ') {
		p++;
	}
	/* "half-marathon" and "half marathon" are one word here */
	for (const char *q = p; *q && n + 1 < sizeof(joined); q++) {
		if (*q != '-' && *q != ' ' && *q != '_') {
			joined[n++] = *q;
		}
	}
	joined[n] = '\0';
	p = joined;
	read_word(&p, word, sizeof(word));
	if (*p) {
		return false;
	}
	if (has_number && !word[0]) {
		*no_unit = true;
		return false;
	}
	dw = distance_word_of(word);
	if (!dw || dw->name == has_number) {
		return false;
	}
	*metres = v * dw->metres;
	return true;
}

static enum err_code check_distance(const char *s, double v, struct err *err)
{
	if (v <= 0) {
		return err_set(err, ERR_INPUT, "'%s' is not a positive distance", s);
	}
	if (v >= MAX_DISTANCE_M) {
		return err_set(err, ERR_INPUT, "'%s' is longer than 100,000 km", s);
	}
	return ERR_OK;
}

enum err_code parse_distance(const char *s, double *metres, struct err *err)
{
	double v;
	bool no_unit;

	if (!read_distance(s, &v, &no_unit)) {
		if (no_unit) {
			return err_set(err, ERR_INPUT,
			               "'%s' has no unit: say 8k, 8km, 6.2mi or 400m", s);
		}
		return err_set(err, ERR_INPUT,
		               "'%s' is not a distance (try 8k, 8km, 6.2mi, 400m, half, marathon)",
		               s);
	}
	if (check_distance(s, v, err)) {
		return ERR_INPUT;
	}
	*metres = v;
	return ERR_OK;
}

enum err_code parse_figure(const char *s, enum parse_figure *kind, double *value, struct err *err)
{
	double v;
	bool no_unit;

	if (read_distance(s, &v, &no_unit)) {
		if (check_distance(s, v, err)) {
			return ERR_INPUT;
		}
		*kind = PARSE_FIGURE_DISTANCE;
		*value = v;
		return ERR_OK;
	}
	if (read_duration(s, &v)) {
		if (check_duration(s, v, err)) {
			return ERR_INPUT;
		}
		*kind = PARSE_FIGURE_DURATION;
		*value = v;
		return ERR_OK;
	}
	if (no_unit) {
		return err_set(err, ERR_INPUT,
		               "'%s' has no unit: write %smin for minutes or %sk for kilometres", s,
		               s, s);
	}
	return err_set(err, ERR_INPUT,
	               "'%s' is not a distance or a duration (try 8k, 6.2mi, 400m, half, 45min, "
	               "1h20, 3:20:00)",
	               s);
}

/* ---- paces ---- */

enum err_code parse_pace(const char *s, double default_unit_m, double *sec_per_km, struct err *err)
{
	const char *p = s;
	long min, sec;
	double per_m = default_unit_m;
	char word[16];

	if (!read_uint(&p, 3, &min) || *p++ != ':' || !isdigit((unsigned char)p[0]) ||
	    !isdigit((unsigned char)p[1]) || !read_uint(&p, 2, &sec) || sec > 59) {
		goto bad;
	}
	while (*p == ' ') {
		p++;
	}
	if (*p == '/') {
		p++;
		read_word(&p, word, sizeof(word));
		if (word_in(word, (const char *const[]){ "km", "k", NULL })) {
			per_m = 1000;
		} else if (word_in(word, (const char *const[]){ "mi", "mile", NULL })) {
			per_m = PARSE_MILE_M;
		} else {
			goto bad;
		}
	}
	if (*p || (min == 0 && sec == 0)) {
		goto bad;
	}
	*sec_per_km = (min * 60.0 + sec) * 1000.0 / per_m;
	return ERR_OK;
bad:
	return err_set(err, ERR_INPUT, "'%s' is not a pace (try 5:30/km or 8:50/mi)", s);
}

/* ---- plain numbers ---- */

enum err_code parse_int(const char *s, long lo, long hi, long *out, struct err *err)
{
	const char *p = s;
	bool neg = false;
	long v;

	if (*p == '-' || *p == '+') {
		neg = *p++ == '-';
	}
	if (!read_uint(&p, 15, &v) || *p) {
		return err_set(err, ERR_INPUT, "'%s' is not a whole number", s);
	}
	if (neg) {
		v = -v;
	}
	if (v < lo || v > hi) {
		return err_set(err, ERR_INPUT, "'%s' is out of range (%ld to %ld)", s, lo, hi);
	}
	*out = v;
	return ERR_OK;
}

enum err_code parse_number(const char *s, double lo, double hi, double *out, struct err *err)
{
	const char *p = s;
	bool neg = false;
	double v;

	if (*p == '-' || *p == '+') {
		neg = *p++ == '-';
	}
	if (!read_number(&p, &v, NULL) || *p) {
		return err_set(err, ERR_INPUT, "'%s' is not a number", s);
	}
	if (neg) {
		v = -v;
	}
	if (v < lo || v > hi) {
		return err_set(err, ERR_INPUT, "'%s' is out of range (%g to %g)", s, lo, hi);
	}
	*out = v;
	return ERR_OK;
}

static const char *skip_spaces(const char *p)
{
	while (*p == ' ') {
		p++;
	}
	return p;
}

/* A three-letter currency code at *p, copied upper-case into code. */
static bool read_currency(const char **p, char code[4])
{
	const char *s = *p;

	for (int i = 0; i < 3; i++) {
		char c = s[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
			return false;
		}
		code[i] = (char)(c >= 'a' ? c - ('a' - 'A') : c);
	}
	if ((s[3] >= 'A' && s[3] <= 'Z') || (s[3] >= 'a' && s[3] <= 'z')) {
		return false;
	}
	code[3] = '\0';
	*p = s + 3;
	return true;
}

enum err_code parse_money(const char *s, int64_t *cents, char currency[4], struct err *err)
{
	static const struct {
		const char *symbol, *code;
	} symbols[] = { { "$", "$" }, { "€", "EUR" }, { "£", "GBP" } };
	const char *p = skip_spaces(s), *symbol = NULL;
	long whole = 0, frac = 0;
	int n_frac = 0;

	currency[0] = '\0';
	if (read_currency(&p, currency)) {
		p = skip_spaces(p);
	}
	for (size_t i = 0; !currency[0] && i < sizeof(symbols) / sizeof(symbols[0]); i++) {
		size_t n = strlen(symbols[i].symbol);

		if (strncmp(p, symbols[i].symbol, n) == 0) {
			p += n;
			symbol = symbols[i].code;
			break;
		}
	}
	if (!read_uint(&p, 7, &whole)) {
		goto bad;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			if (++n_frac > 2) {
				goto bad;
			}
			frac = frac * 10 + (*p++ - '0');
		}
		if (n_frac == 0) {
			goto bad;
		}
		if (n_frac == 1) {
			frac *= 10;
		}
	}
	p = skip_spaces(p);
	if (*p && (currency[0] || !read_currency(&p, currency))) {
		goto bad;
	}
	if (*skip_spaces(p)) {
		goto bad;
	}
	if (symbol && currency[0] &&
	    (strcmp(symbol, "$") == 0 ? strcmp(units_currency_symbol(currency), "$") != 0
	                              : strcmp(symbol, currency) != 0)) {
		goto bad;
	}
	if (symbol && !currency[0]) {
		memcpy(currency, symbol, strlen(symbol) + 1);
	}
	if (whole > 1000000 || (whole == 1000000 && frac)) {
		return err_set(err, ERR_INPUT, "'%s' is more than 1,000,000", s);
	}
	*cents = (int64_t)whole * 100 + frac;
	return ERR_OK;
bad:
	currency[0] = '\0';
	return err_set(err, ERR_INPUT, "'%s' is not an amount of money (70, 89.99, 90 EUR)", s);
}
