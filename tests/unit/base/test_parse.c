/*
 * test_parse.c: the human-input parsers (base/parse.h).
 *
 * Most cases are data: tests/data/parse/cases.txt holds one case a line
 * (its header describes the format), and the generic runner below turns
 * each line into its own cmocka test named after the line, so a new case
 * needs no new C. The few tests written in C check properties that a table
 * cannot state, such as every weekday word against every day of a week.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "base/date.h"
#include "base/parse.h"
#include "base/strbuf.h"

#define TOLERANCE 1e-6

/* One line of cases.txt. */
struct parse_case {
	int line;           /* line number in the file */
	char kind[32];      /* "date", "int:1:10", ... */
	char input[256];    /* the text to parse */
	char expected[256]; /* the expected value, or "!substring" */
	bool ok;            /* the line itself was well formed */
	char problem[128];  /* why not, when !ok */
};

/* The file's private state: the cases read, and their test names. */
static struct {
	struct parse_case *cases;
	size_t n_cases;
	struct CMUnitTest *tests;
	char **names;
} data;

/* Read one token at *p: a bare word or a "quoted string" (which may be
 * empty). Returns false at the end of the line or on a malformed token. */
static bool read_token(const char **p, char *out, size_t size, bool *malformed)
{
	const char *s = *p;
	size_t n = 0;

	while (*s == ' ' || *s == '\t') {
		s++;
	}
	if (!*s || *s == '#' || *s == '\n' || *s == '\r') {
		*p = s;
		return false;
	}
	if (*s == '"') {
		s++;
		while (*s && *s != '"' && *s != '\n') {
			if (n + 1 < size) {
				out[n++] = *s;
			}
			s++;
		}
		if (*s != '"') {
			*malformed = true;
			return false;
		}
		s++;
	} else {
		while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') {
			if (n + 1 < size) {
				out[n++] = *s;
			}
			s++;
		}
	}
	out[n] = '\0';
	*p = s;
	return true;
}

/* Split a line into a case; false for a blank or comment line. */
static bool parse_line(const char *line, int lineno, struct parse_case *c)
{
	const char *p = line;
	bool malformed = false;
	char extra[8];

	memset(c, 0, sizeof(*c));
	c->line = lineno;
	if (!read_token(&p, c->kind, sizeof(c->kind), &malformed)) {
		if (malformed) {
			c->ok = false;
			snprintf(c->problem, sizeof(c->problem), "unterminated quote");
			return true;
		}
		return false;
	}
	c->ok = read_token(&p, c->input, sizeof(c->input), &malformed) &&
	        read_token(&p, c->expected, sizeof(c->expected), &malformed) &&
	        !read_token(&p, extra, sizeof(extra), &malformed) && !malformed;
	if (!c->ok) {
		snprintf(c->problem, sizeof(c->problem),
		         "expected KIND INPUT EXPECTED, with INPUT and EXPECTED quoted if need be");
	}
	return true;
}

static double number_or_fail(const struct parse_case *c, const char *s)
{
	char *end;
	double v = strtod(s, &end);

	if (!*s || *end) {
		fail_msg("cases.txt:%d: expected value '%s' is not a number", c->line, s);
	}
	return v;
}

static int32_t date_or_fail(const struct parse_case *c, const char *s)
{
	int32_t day;

	if (!date_parse_iso(s, &day)) {
		fail_msg("cases.txt:%d: '%s' is not a YYYY-MM-DD date", c->line, s);
	}
	return day;
}

static void check_near(const struct parse_case *c, double got, double want)
{
	if (!(fabs(got - want) <= TOLERANCE)) {
		fail_msg("cases.txt:%d: %s '%s' gave %.9f, expected %.9f", c->line, c->kind,
		         c->input, got, want);
	}
}

/* "int:1:10" → lo 1, hi 10. */
static void bounds_or_fail(const struct parse_case *c, const char *kind, double *lo, double *hi)
{
	const char *p = c->kind + strlen(kind);
	char *end;

	if (*p != ':') {
		fail_msg("cases.txt:%d: write %s:LO:HI", c->line, kind);
	}
	*lo = strtod(p + 1, &end);
	if (*end != ':') {
		fail_msg("cases.txt:%d: write %s:LO:HI", c->line, kind);
	}
	*hi = strtod(end + 1, &end);
	if (*end) {
		fail_msg("cases.txt:%d: write %s:LO:HI", c->line, kind);
	}
}

/* Run the parser a case names. *out_value receives what it parsed (as a
 * double; dates and times as their numbers); sentinel values go in first so
 * that an error case can check the output was left alone. */
static enum err_code run_parser(const struct parse_case *c, double *value, double *kind_out,
                                struct err *err)
{
	const char *k = c->kind;

	if (strcmp(k, "date") == 0 || strncmp(k, "date@", 5) == 0) {
		int32_t today =
		        k[4] == '@' ? date_or_fail(c, k + 5) : date_from_civil(2026, 11, 24);
		int32_t day = -777;
		enum err_code rc = parse_date(c->input, today, &day, err);

		*value = day;
		return rc;
	}
	if (strcmp(k, "time") == 0) {
		int32_t sec = -777;
		enum err_code rc = parse_time_of_day(c->input, &sec, err);

		*value = sec;
		return rc;
	}
	if (strcmp(k, "duration") == 0) {
		*value = -777;
		return parse_duration(c->input, value, err);
	}
	if (strcmp(k, "distance") == 0) {
		*value = -777;
		return parse_distance(c->input, value, err);
	}
	if (strcmp(k, "figure") == 0) {
		enum parse_figure fk = (enum parse_figure)77;
		enum err_code rc;

		*value = -777;
		rc = parse_figure(c->input, &fk, value, err);
		*kind_out = fk;
		return rc;
	}
	if (strcmp(k, "pace") == 0 || strcmp(k, "pace:km") == 0) {
		*value = -777;
		return parse_pace(c->input, 1000, value, err);
	}
	if (strcmp(k, "pace:mi") == 0) {
		*value = -777;
		return parse_pace(c->input, PARSE_MILE_M, value, err);
	}
	if (strncmp(k, "int", 3) == 0) {
		double lo, hi;
		long v = -777;
		enum err_code rc;

		bounds_or_fail(c, "int", &lo, &hi);
		rc = parse_int(c->input, (long)lo, (long)hi, &v, err);
		*value = (double)v;
		return rc;
	}
	if (strncmp(k, "number", 6) == 0) {
		double lo, hi;

		bounds_or_fail(c, "number", &lo, &hi);
		*value = -777;
		return parse_number(c->input, lo, hi, value, err);
	}
	fail_msg("cases.txt:%d: unknown kind '%s'", c->line, k);
	return ERR_OK;
}

static void check_value(const struct parse_case *c, double value, double fkind)
{
	const char *k = c->kind;
	const char *want = c->expected;

	if (strncmp(k, "date", 4) == 0) {
		int32_t day = date_or_fail(c, want);

		if ((int32_t)value != day) {
			char got[DATE_ISO_LEN];

			date_format((int32_t)value, got);
			fail_msg("cases.txt:%d: date '%s' gave %s, expected %s", c->line, c->input,
			         got, want);
		}
	} else if (strcmp(k, "figure") == 0) {
		size_t n = strlen(want);
		char num[64];
		double v;

		if (n < 2 || n >= sizeof(num) || (want[n - 1] != 'm' && want[n - 1] != 's')) {
			fail_msg("cases.txt:%d: write a figure as 8000m or 2700s", c->line);
		}
		snprintf(num, sizeof(num), "%.*s", (int)(n - 1), want);
		v = number_or_fail(c, num);
		if ((enum parse_figure)fkind !=
		    (want[n - 1] == 'm' ? PARSE_FIGURE_DISTANCE : PARSE_FIGURE_DURATION)) {
			fail_msg("cases.txt:%d: '%s' read as the wrong kind of figure", c->line,
			         c->input);
		}
		check_near(c, value, v);
	} else {
		check_near(c, value, number_or_fail(c, want));
	}
}

static void test_case(void **state)
{
	const struct parse_case *c = *state;
	struct err err = ERR_INIT;
	double value = -777, fkind = -1;
	enum err_code rc;

	if (!c->ok) {
		fail_msg("cases.txt:%d: %s", c->line, c->problem);
	}
	rc = run_parser(c, &value, &fkind, &err);
	if (c->expected[0] == '!') {
		char quoted[300];

		if (rc != ERR_INPUT) {
			fail_msg(
			        "cases.txt:%d: %s '%s' was accepted (%g) but should fail with '%s'",
			        c->line, c->kind, c->input, value, c->expected + 1);
		}
		if (value != -777) {
			fail_msg("cases.txt:%d: the output was written on failure", c->line);
		}
		if (!strstr(err.msg, c->expected + 1)) {
			fail_msg("cases.txt:%d: message \"%s\" lacks \"%s\"", c->line, err.msg,
			         c->expected + 1);
		}
		snprintf(quoted, sizeof(quoted), "'%s'", c->input);
		if (!strstr(err.msg, quoted)) {
			fail_msg("cases.txt:%d: message \"%s\" does not quote the input %s",
			         c->line, err.msg, quoted);
		}
		return;
	}
	if (rc != ERR_OK) {
		fail_msg("cases.txt:%d: %s '%s' failed: %s", c->line, c->kind, c->input, err.msg);
	}
	assert_int_equal(err.code, ERR_OK);
	check_value(c, value, fkind);
}

/* Read cases.txt into data; false (with a message printed) if unreadable. */
static bool load_cases(void)
{
	const char *dir = getenv("KNEAD_TEST_DATA");
	struct strbuf path = STRBUF_INIT;
	char *line = NULL;
	size_t alloc = 0, cap = 0;
	int lineno = 0;
	FILE *f;

	if (!dir || !*dir) {
		fprintf(stderr, "KNEAD_TEST_DATA is not set (meson test sets it)\n");
		return false;
	}
	strbuf_addf(&path, "%s/parse/cases.txt", dir);
	f = fopen(path.buf, "r");
	if (!f) {
		fprintf(stderr, "cannot read %s\n", path.buf);
		strbuf_release(&path);
		return false;
	}
	strbuf_release(&path);
	while (getline(&line, &alloc, f) >= 0) {
		struct parse_case c;

		lineno++;
		if (!parse_line(line, lineno, &c)) {
			continue;
		}
		if (data.n_cases == cap) {
			cap = cap ? cap * 2 : 64;
			data.cases = realloc(data.cases, cap * sizeof(*data.cases));
			if (!data.cases) {
				abort();
			}
		}
		data.cases[data.n_cases++] = c;
	}
	free(line);
	fclose(f);
	return true;
}

static int run_data_cases(void)
{
	int failed;

	data.tests = calloc(data.n_cases, sizeof(*data.tests));
	data.names = calloc(data.n_cases, sizeof(*data.names));
	if (!data.tests || !data.names) {
		abort();
	}
	for (size_t i = 0; i < data.n_cases; i++) {
		const struct parse_case *c = &data.cases[i];
		struct strbuf name = STRBUF_INIT;

		strbuf_addf(&name, "cases.txt:%d %s '%s'", c->line, c->kind, c->input);
		data.names[i] = strbuf_detach(&name, NULL);
		data.tests[i].name = data.names[i];
		data.tests[i].test_func = test_case;
		data.tests[i].initial_state = &data.cases[i];
	}
	failed = _cmocka_run_group_tests("parse cases", data.tests, data.n_cases, NULL, NULL);
	for (size_t i = 0; i < data.n_cases; i++) {
		free(data.names[i]);
	}
	free(data.names);
	free(data.tests);
	free(data.cases);
	return failed;
}

/* ---- properties written in C ---- */

/* For every today in two weeks, "sat" is the latest Saturday on or before
 * it, "last sat" the latest strictly before, "next sat" the first after. */
static void test_weekday_words_every_today(void **state)
{
	static const char *const words[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
	int32_t first = date_from_civil(2026, 11, 16);

	(void)state;
	for (int32_t today = first; today < first + 14; today++) {
		for (int wd = WEEKDAY_MON; wd <= WEEKDAY_SUN; wd++) {
			char last[32], next[32];
			int32_t plain = 0, before = 0, after = 0;

			snprintf(last, sizeof(last), "last %s", words[wd - 1]);
			snprintf(next, sizeof(next), "next %s", words[wd - 1]);
			assert_int_equal(parse_date(words[wd - 1], today, &plain, NULL), ERR_OK);
			assert_int_equal(parse_date(last, today, &before, NULL), ERR_OK);
			assert_int_equal(parse_date(next, today, &after, NULL), ERR_OK);
			assert_int_equal(date_weekday(plain), wd);
			assert_int_equal(date_weekday(before), wd);
			assert_int_equal(date_weekday(after), wd);
			assert_in_range(today - plain, 0, 6);
			assert_in_range(today - before, 1, 7);
			assert_in_range(after - today, 1, 7);
		}
	}
}

/* An ISO date means itself whatever today is, even far from it. */
static void test_iso_date_ignores_today(void **state)
{
	int32_t day = 0;

	(void)state;
	assert_int_equal(parse_date("2026-11-21", date_from_civil(1900, 1, 1), &day, NULL), ERR_OK);
	assert_int_equal(day, date_from_civil(2026, 11, 21));
	assert_int_equal(parse_date("1900-01-01", date_from_civil(2199, 12, 31), &day, NULL),
	                 ERR_OK);
	assert_int_equal(day, date_from_civil(1900, 1, 1));
}

/* err may be NULL, and a failure leaves the outputs alone. */
static void test_null_err(void **state)
{
	double v = 1.25;
	int32_t i = 42;
	long l = 7;

	(void)state;
	assert_int_equal(parse_distance("8x", &v, NULL), ERR_INPUT);
	assert_int_equal(parse_duration("8x", &v, NULL), ERR_INPUT);
	assert_int_equal(parse_pace("8x", 1000, &v, NULL), ERR_INPUT);
	assert_int_equal(parse_number("8x", 0, 10, &v, NULL), ERR_INPUT);
	assert_true(v == 1.25);
	assert_int_equal(parse_date("8x", 0, &i, NULL), ERR_INPUT);
	assert_int_equal(parse_time_of_day("8x", &i, NULL), ERR_INPUT);
	assert_int_equal(i, 42);
	assert_int_equal(parse_int("8x", 0, 10, &l, NULL), ERR_INPUT);
	assert_int_equal(l, 7);
}

/* A very long argument is refused without overflowing anything, and the
 * message stays within its buffer. */
static void test_long_input(void **state)
{
	char s[2000];
	struct err err = ERR_INIT;
	double v;
	int32_t d;

	(void)state;
	memset(s, '9', sizeof(s) - 2);
	s[sizeof(s) - 2] = 'k';
	s[sizeof(s) - 1] = '\0';
	assert_int_equal(parse_distance(s, &v, &err), ERR_INPUT);
	assert_true(strlen(err.msg) < sizeof(err.msg));
	memset(s, 'a', sizeof(s) - 1);
	assert_int_equal(parse_date(s, 0, &d, &err), ERR_INPUT);
	assert_int_equal(parse_duration(s, &v, &err), ERR_INPUT);
	assert_int_equal(parse_time_of_day(s, &d, &err), ERR_INPUT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weekday_words_every_today),
		cmocka_unit_test(test_iso_date_ignores_today),
		cmocka_unit_test(test_null_err),
		cmocka_unit_test(test_long_input),
	};
	int failed;

	if (!load_cases()) {
		return 1;
	}
	failed = run_data_cases();
	failed += cmocka_run_group_tests(tests, NULL, NULL);
	return failed;
}
