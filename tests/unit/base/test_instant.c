/*
 * test_instant.c: ISO 8601 / RFC 3339 instants (base/instant.h), against
 * known Unix times.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <math.h>

#include "base/date.h"
#include "base/instant.h"
#include "base/tz.h"

/* 2011-01-13T13:46:23Z */
#define T0 1294926383.0

/* The instant at which UTC reads y-m-d h:mi:s. */
static double utc_at(int y, int m, int d, int h, int mi, int s)
{
	return (double)date_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60 + s;
}

/* text parses, to want within a microsecond. */
static void check_parse(const char *text, double want)
{
	double got = (double)NAN;

	if (!instant_parse(text, strlen(text), &got)) {
		fail_msg("'%s' was refused, expected %.6f", text, want);
	}
	if (!(fabs(got - want) < 1e-6)) {
		fail_msg("'%s': got %.6f, expected %.6f", text, got, want);
	}
}

/* text is refused. */
static void check_refused(const char *text)
{
	double got = -1;

	if (instant_parse(text, strlen(text), &got)) {
		fail_msg("'%s' was accepted as %.6f", text, got);
	}
}

/* ---- tests ---- */

static void test_utc(void **state)
{
	(void)state;
	check_parse("2011-01-13T13:46:23Z", T0);
	check_parse("1970-01-01T00:00:00Z", 0);
	check_parse("2000-01-01T00:00:00Z", 946684800);
	check_parse("2038-01-19T03:14:08Z", 2147483648.0); /* past 32 bits */
	check_parse("1969-12-31T23:59:59Z", -1);
	check_parse("2026-11-21T07:05:09Z", utc_at(2026, 11, 21, 7, 5, 9));
	check_parse("2099-12-31T23:59:59Z", utc_at(2099, 12, 31, 23, 59, 59));
}

static void test_fractions(void **state)
{
	(void)state;
	check_parse("2011-01-13T13:46:23.123Z", T0 + 0.123);
	check_parse("2011-01-13T13:46:23.5Z", T0 + 0.5);
	check_parse("2011-01-13T13:46:23.000Z", T0);
	check_parse("2011-01-13T13:46:23.999999Z", T0 + 0.999999);
	check_parse("2011-01-13T13:46:23.123456789Z", T0 + 0.123456789);
	check_parse("2011-01-13T13:46:23.25+01:00", T0 - 3600 + 0.25);
	check_parse("2011-01-13T13:46:23.75", T0 + 0.75);
	check_refused("2011-01-13T13:46:23.Z"); /* a point needs a digit */
	check_refused("2011-01-13T13:46:23.");
	check_refused("2011-01-13T13:46:23.1.2Z");
}

static void test_offsets(void **state)
{
	(void)state;
	/* the same instant written in three zones */
	check_parse("2011-01-13T14:46:23+01:00", T0);
	check_parse("2011-01-13T08:16:23-05:30", T0);
	check_parse("2011-01-13T08:16:23-0530", T0);
	check_parse("2011-01-13T14:46:23+0100", T0);
	check_parse("2011-01-13T13:46:23+00:00", T0);
	check_parse("2011-01-13T13:46:23-00:00", T0);
	/* an offset can move the instant to another UTC day */
	check_parse("2011-01-14T01:46:23+12:00", T0);
	check_parse("2011-01-13T00:16:23-13:30", utc_at(2011, 1, 13, 13, 46, 23));
	check_parse("2011-01-01T00:30:00+01:00", utc_at(2010, 12, 31, 23, 30, 0));
	check_refused("2011-01-13T13:46:23+1");
	check_refused("2011-01-13T13:46:23+01");
	check_refused("2011-01-13T13:46:23+01:0");
	check_refused("2011-01-13T13:46:23+010");
	check_refused("2011-01-13T13:46:23+01:000");
	check_refused("2011-01-13T13:46:23+24:00");
	check_refused("2011-01-13T13:46:23+01:60");
	check_refused("2011-01-13T13:46:23Z+01:00");
	check_refused("2011-01-13T13:46:23 +01:00");
}

/* A time without a zone is UTC, as GPX requires. */
static void test_no_zone_is_utc(void **state)
{
	(void)state;
	check_parse("2011-01-13T13:46:23", T0);
	check_parse("2011-01-13 13:46:23", T0);
}

static void test_lenient_spellings(void **state)
{
	(void)state;
	check_parse("2011-01-13t13:46:23z", T0);
	check_parse("2011-01-13T13:46:23z", T0);
	check_parse("2011-01-13t13:46:23Z", T0);
	check_parse("2011-01-13 13:46:23Z", T0);
	check_parse("2011-01-13T13:46:23,5Z", T0 + 0.5); /* ISO 8601's comma */
	check_parse("  2011-01-13T13:46:23Z", T0);
	check_parse("2011-01-13T13:46:23Z \n", T0);
	check_parse("\n\t 2011-01-13T13:46:23Z\r\n", T0);
	check_refused("2011-01-13_13:46:23Z");
	check_refused("2011-01-13TT13:46:23Z");
	check_refused("2011-01-13  13:46:23Z");
}

/* Only the len bytes given are read: the text need not end there. */
static void test_length_bounds_the_text(void **state)
{
	static const char text[] = "2011-01-13T13:46:23Zjunk";
	double got = 0;

	(void)state;
	assert_true(instant_parse(text, 20, &got));
	assert_true(got == T0);
	assert_true(instant_parse(text, 19, &got));
	assert_true(got == T0);
	assert_false(instant_parse(text, 18, &got)); /* "...13:46:2" */
	assert_false(instant_parse(text, sizeof(text) - 1, &got));
	assert_false(instant_parse(text, 0, &got));
	assert_false(instant_parse("", 0, &got));
}

static void test_calendar_edges(void **state)
{
	(void)state;
	check_parse("2024-02-29T12:00:00Z", utc_at(2024, 2, 29, 12, 0, 0));
	check_parse("2000-02-29T00:00:00Z", 951782400);
	check_parse("2024-12-31T23:59:59Z", utc_at(2024, 12, 31, 23, 59, 59));
	check_parse("2023-03-01T00:00:00Z", utc_at(2023, 3, 1, 0, 0, 0));
	/* 24:00:00 is the end of the day: the next day's midnight */
	check_parse("2011-01-13T24:00:00Z", utc_at(2011, 1, 14, 0, 0, 0));
	check_parse("2024-02-28T24:00:00Z", utc_at(2024, 2, 29, 0, 0, 0));
	check_parse("2010-12-31T24:00:00Z", utc_at(2011, 1, 1, 0, 0, 0));
	check_parse("2011-01-13T24:00:00+01:00", utc_at(2011, 1, 13, 23, 0, 0));
	/* a leap second reads as the second after it */
	check_parse("2016-12-31T23:59:60Z", 1483228800);
	check_parse("2015-06-30T23:59:60Z", 1435708800);
	check_parse("2016-12-31T23:59:60.5Z", 1483228800.5);
}

static void test_refuses(void **state)
{
	static const char *const bad[] = {
		"",
		"   ",
		"2023-02-29T12:00:00Z", /* not a leap year */
		"1900-02-29T12:00:00Z",
		"2011-13-13T13:46:23Z", /* month 13 */
		"2011-00-13T13:46:23Z",
		"2011-01-00T13:46:23Z",
		"2011-01-32T13:46:23Z",
		"2011-04-31T13:46:23Z",
		"2011-01-13T25:46:23Z", /* hour 25 */
		"2011-01-13T13:60:23Z",
		"2011-01-13T13:46:61Z",
		"2011-01-13T24:00:01Z", /* past the end of the day */
		"2011-01-13T24:01:00Z",
		"2011-01-13T24:00:00.5Z",
		"2011-01-13T13:46Z", /* no seconds */
		"2011-01-13T13:46",
		"2011-01-13T13:46:23Zjunk", /* trailing junk */
		"2011-01-13T13:46:23Z Z",
		"2011-01-13T13:46:23+01:00x",
		"2011-01-13T13:46:23 x",
		"2011-01-13T13:46:2",
		"2011-01-13", /* a bare date */
		"2011-01-13T",
		"2011-01-13Z",
		"13:46:23",
		"11-01-13T13:46:23Z",
		"2011-1-13T13:46:23Z",
		"2011-01-13T1:46:23Z",
		"2011/01/13T13:46:23Z",
		"2011-01-13T13.46.23Z",
		"+2011-01-13T13:46:23Z",
		"2011-01-13T13:46:-3Z",
		"x2011-01-13T13:46:23Z",
		"now",
		"1294926383",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		check_refused(bad[i]);
	}
}

/* A NUL inside the given length is not white space. */
static void test_embedded_nul(void **state)
{
	static const char text[] = "2011-01-13T13:46:23Z\0";
	static const char early[] = "2011-01-13T13:46\0:23Z";
	double got = 0;

	(void)state;
	assert_false(instant_parse(text, sizeof(text), &got));
	assert_false(instant_parse(early, sizeof(early) - 1, &got));
}

/* $KNEAD_NOW fixes the clock as Unix seconds or a local date and time
 * (the tests run in UTC); anything else is refused by name. */
static void test_now(void **state)
{
	struct err err = ERR_INIT;
	int64_t now = 0;
	time_t before;

	(void)state;
	assert_int_equal(tz_use("UTC", &err), ERR_OK);
	setenv("KNEAD_NOW", "1700000000", 1);
	assert_int_equal(instant_now(&now, &err), ERR_OK);
	assert_int_equal(now, 1700000000);
	setenv("KNEAD_NOW", "2026-11-24T12:00", 1);
	assert_int_equal(instant_now(&now, &err), ERR_OK);
	assert_int_equal(now, 1795521600);
	setenv("KNEAD_NOW", "tuesday noon", 1);
	assert_int_equal(instant_now(&now, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "$KNEAD_NOW 'tuesday noon'"));
	unsetenv("KNEAD_NOW");
	before = time(NULL);
	assert_int_equal(instant_now(&now, &err), ERR_OK);
	assert_true(now >= before && now <= before + 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utc),
		cmocka_unit_test(test_fractions),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_no_zone_is_utc),
		cmocka_unit_test(test_lenient_spellings),
		cmocka_unit_test(test_length_bounds_the_text),
		cmocka_unit_test(test_calendar_edges),
		cmocka_unit_test(test_refuses),
		cmocka_unit_test(test_embedded_nul),
		cmocka_unit_test(test_now),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
