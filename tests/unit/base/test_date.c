/*
 * test_date.c: civil-date arithmetic (base/date.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "base/date.h"

static void test_leap_years(void **state)
{
	(void)state;
	assert_false(date_is_leap(1900));
	assert_true(date_is_leap(2000));
	assert_true(date_is_leap(2024));
	assert_false(date_is_leap(2100));
	assert_false(date_is_leap(2023));
	assert_true(date_is_leap(1600));
	assert_false(date_is_leap(2026));
}

static void test_days_in_month(void **state)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	(void)state;
	for (int m = 1; m <= 12; m++) {
		assert_int_equal(date_days_in_month(2026, m), days[m - 1]);
	}
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2026, 0), 0);
	assert_int_equal(date_days_in_month(2026, 13), 0);
	assert_int_equal(date_days_in_month(2026, -1), 0);
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(date_valid(2026, 11, 21));
	assert_true(date_valid(2024, 2, 29));
	assert_true(date_valid(2026, 12, 31));
	assert_true(date_valid(2026, 1, 1));
	assert_false(date_valid(2026, 2, 30));
	assert_false(date_valid(2023, 2, 29));
	assert_false(date_valid(1900, 2, 29));
	assert_false(date_valid(2026, 0, 1));
	assert_false(date_valid(2026, 13, 1));
	assert_false(date_valid(2026, 1, 0));
	assert_false(date_valid(2026, 1, 32));
	assert_false(date_valid(2026, 4, 31));
	assert_false(date_valid(2026, 1, -1));
}

static void test_known_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(date_from_civil(1970, 1, 1), 0);
	assert_int_equal(date_from_civil(1970, 1, 2), 1);
	assert_int_equal(date_from_civil(1969, 12, 31), -1);
	assert_int_equal(date_from_civil(2000, 3, 1), 11017);
	assert_int_equal(date_from_civil(2000, 2, 29), 11016);
	assert_int_equal(date_from_civil(1900, 1, 1), -25567);

	struct civil c = date_to_civil(-1);
	assert_int_equal(c.year, 1969);
	assert_int_equal(c.month, 12);
	assert_int_equal(c.day, 31);
	c = date_to_civil(11017);
	assert_int_equal(c.year, 2000);
	assert_int_equal(c.month, 3);
	assert_int_equal(c.day, 1);
}

/* Walk every day of the accepted years, counting the calendar by hand. */
static void test_round_trip_every_day(void **state)
{
	int32_t day = date_from_civil(DATE_MIN_YEAR, 1, 1);
	int n = 0;

	(void)state;
	for (int y = DATE_MIN_YEAR; y <= DATE_MAX_YEAR; y++) {
		for (int m = 1; m <= 12; m++) {
			for (int d = 1; d <= date_days_in_month(y, m); d++, day++, n++) {
				struct civil c = date_to_civil(day);

				if (c.year != y || c.month != m || c.day != d ||
				    date_from_civil(y, m, d) != day) {
					fail_msg("day %d: expected %04d-%02d-%02d, got "
					         "%04d-%02d-%02d",
					         (int)day, y, m, d, c.year, c.month, c.day);
				}
			}
		}
	}
	assert_int_equal(day - 1, date_from_civil(DATE_MAX_YEAR, 12, 31));
	assert_int_equal(n, 109573); /* 300 years, 73 of them leap */
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(0), WEEKDAY_THU);
	assert_int_equal(date_weekday(-1), WEEKDAY_WED);
	assert_int_equal(date_weekday(-4), WEEKDAY_SUN);
	assert_int_equal(date_weekday(-7), WEEKDAY_THU);
	assert_int_equal(date_weekday(date_from_civil(2026, 11, 21)), WEEKDAY_SAT);
	assert_int_equal(date_weekday(date_from_civil(2026, 11, 24)), WEEKDAY_TUE);
	assert_int_equal(date_weekday(date_from_civil(2000, 1, 1)), WEEKDAY_SAT);
	assert_int_equal(date_weekday(date_from_civil(1900, 1, 1)), WEEKDAY_MON);
	/* Consecutive days cycle through all seven, before and after 1970. */
	for (int32_t d = -30; d < 30; d++) {
		assert_int_equal(date_weekday(d + 1), date_weekday(d) % 7 + 1);
	}
}

static void test_weekday_names(void **state)
{
	(void)state;
	assert_string_equal(date_weekday_abbr(WEEKDAY_MON), "Mon");
	assert_string_equal(date_weekday_abbr(WEEKDAY_SAT), "Sat");
	assert_string_equal(date_weekday_abbr(WEEKDAY_SUN), "Sun");
	assert_string_equal(date_weekday_name(WEEKDAY_TUE), "Tuesday");
	assert_string_equal(date_weekday_name(WEEKDAY_SUN), "Sunday");
	assert_string_equal(date_weekday_abbr((enum weekday)0), "?");
	assert_string_equal(date_weekday_name((enum weekday)8), "?");
}

static void check_iso_week(int y, int m, int d, int want_year, int want_week)
{
	int iso_year = 0, week = 0;

	date_iso_week(date_from_civil(y, m, d), &iso_year, &week);
	if (iso_year != want_year || week != want_week) {
		fail_msg("%04d-%02d-%02d: expected %d-W%02d, got %d-W%02d", y, m, d, want_year,
		         want_week, iso_year, week);
	}
}

static void test_iso_week(void **state)
{
	(void)state;
	check_iso_week(2020, 12, 31, 2020, 53);
	check_iso_week(2021, 1, 3, 2020, 53);
	check_iso_week(2021, 1, 4, 2021, 1);
	check_iso_week(2024, 12, 30, 2025, 1);
	check_iso_week(2026, 1, 1, 2026, 1);
	check_iso_week(2026, 11, 21, 2026, 47);
	check_iso_week(2027, 1, 1, 2026, 53);
	check_iso_week(2026, 12, 31, 2026, 53);
	check_iso_week(1970, 1, 1, 1970, 1);
	check_iso_week(2008, 12, 29, 2009, 1);
}

static void test_week_start(void **state)
{
	int32_t mon = date_from_civil(2026, 11, 16);

	(void)state;
	for (int i = 0; i < 7; i++) {
		assert_int_equal(date_week_start(mon + i), mon);
	}
	assert_int_equal(date_week_start(mon + 7), mon + 7);
	assert_int_equal(date_week_start(mon - 1), mon - 7);
	/* before 1970 too: 1969-12-31 is a Wednesday, its Monday the 29th */
	assert_int_equal(date_week_start(-1), date_from_civil(1969, 12, 29));
	assert_int_equal(date_weekday(date_week_start(-1000)), WEEKDAY_MON);
}

static void test_format(void **state)
{
	char buf[DATE_ISO_LEN];

	(void)state;
	date_format(0, buf);
	assert_string_equal(buf, "1970-01-01");
	date_format(date_from_civil(2026, 11, 21), buf);
	assert_string_equal(buf, "2026-11-21");
	date_format(date_from_civil(1900, 1, 1), buf);
	assert_string_equal(buf, "1900-01-01");
	date_format(date_from_civil(2199, 12, 31), buf);
	assert_string_equal(buf, "2199-12-31");
	date_format(-1, buf);
	assert_string_equal(buf, "1969-12-31");
}

static void check_parse_ok(const char *s, int y, int m, int d)
{
	int32_t day = 12345;

	if (!date_parse_iso(s, &day)) {
		fail_msg("'%s' refused", s);
	}
	assert_int_equal(day, date_from_civil(y, m, d));
}

static void check_parse_bad(const char *s)
{
	int32_t day = 12345;

	if (date_parse_iso(s, &day)) {
		fail_msg("'%s' accepted", s);
	}
	assert_int_equal(day, 12345); /* left alone */
}

static void test_parse_iso(void **state)
{
	(void)state;
	check_parse_ok("2026-11-21", 2026, 11, 21);
	check_parse_ok("2024-02-29", 2024, 2, 29);
	check_parse_ok("1900-01-01", 1900, 1, 1);
	check_parse_ok("2199-12-31", 2199, 12, 31);
	check_parse_ok("1970-01-01", 1970, 1, 1);

	check_parse_bad("");
	check_parse_bad("2026-11-2");
	check_parse_bad("2026-1-21");
	check_parse_bad("26-11-21");
	check_parse_bad("2026/11/21");
	check_parse_bad("20261121");
	check_parse_bad("2026-11-21x");
	check_parse_bad("2026-11-21 ");
	check_parse_bad(" 2026-11-21");
	check_parse_bad("2026-11-21T00:00");
	check_parse_bad("+026-11-21");
	check_parse_bad("2026-+1-21");
	check_parse_bad("2026-11--1");
	check_parse_bad("2026-1a-21");
	check_parse_bad("2026-02-30");
	check_parse_bad("2023-02-29");
	check_parse_bad("2026-00-10");
	check_parse_bad("2026-13-01");
	check_parse_bad("2026-01-00");
	check_parse_bad("2026-01-32");
	check_parse_bad("1899-12-31");
	check_parse_bad("2200-01-01");
	check_parse_bad("0000-01-01");
	check_parse_bad("9999-12-31");
}

/* Every day formats and parses back to itself. */
static void test_format_parse_round_trip(void **state)
{
	char buf[DATE_ISO_LEN];

	(void)state;
	for (int32_t d = date_from_civil(DATE_MIN_YEAR, 1, 1);
	     d <= date_from_civil(DATE_MAX_YEAR, 12, 31); d++) {
		int32_t back = DATE_NONE;

		date_format(d, buf);
		if (!date_parse_iso(buf, &back) || back != d) {
			fail_msg("day %d formats as '%s' which reads back as %d", (int)d, buf,
			         (int)back);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_known_day_numbers),
		cmocka_unit_test(test_round_trip_every_day),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_weekday_names),
		cmocka_unit_test(test_iso_week),
		cmocka_unit_test(test_week_start),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_parse_iso),
		cmocka_unit_test(test_format_parse_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
