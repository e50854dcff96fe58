/*
 * test_tz.c: local time in IANA zones (base/tz.h), against the system's
 * zone database in /usr/share/zoneinfo.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/date.h"
#include "base/tz.h"

/* The instant at which UTC reads y-m-d h:mi:s. */
static int64_t utc_at(int y, int m, int d, int h, int mi, int s)
{
	return (int64_t)date_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60 + s;
}

static void use(const char *zone)
{
	struct err err = ERR_INIT;

	if (tz_use(zone, &err) != ERR_OK) {
		fail_msg("tz_use('%s'): %s", zone, err.msg);
	}
	assert_string_equal(tz_name(), zone);
}

/* The wall time y-m-d h:mi in the zone in force must resolve to want_utc
 * with offset want_offset, and read back as that wall time. */
static void check_wall(int y, int m, int d, int h, int mi, int64_t want_utc, int32_t want_offset)
{
	int32_t offset = 12345;
	int64_t t = tz_utc(date_from_civil(y, m, d), h * 3600 + mi * 60, &offset);

	if (t != want_utc || offset != want_offset) {
		fail_msg("%s %04d-%02d-%02d %02d:%02d: got %lld %+d, expected %lld %+d", tz_name(),
		         y, m, d, h, mi, (long long)t, (int)offset, (long long)want_utc,
		         (int)want_offset);
	}
	assert_int_equal(tz_local(t).offset, offset);
}

static void check_rfc3339(int64_t utc, int32_t offset, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	tz_add_rfc3339(&sb, utc, offset);
	assert_string_equal(sb.buf, want);
	strbuf_release(&sb);
}

static void test_exists(void **state)
{
	(void)state;
	assert_true(tz_exists("Europe/Berlin"));
	assert_true(tz_exists("America/Argentina/Buenos_Aires"));
	assert_true(tz_exists("UTC"));
	assert_true(tz_exists("Etc/GMT+5"));
	assert_false(tz_exists("Mars/Olympus"));
	assert_false(tz_exists("Europe")); /* a folder, not a zone */
	assert_false(tz_exists(""));
	assert_false(tz_exists("../etc/passwd"));
	assert_false(tz_exists("Europe/../Europe/Berlin"));
	assert_false(tz_exists("/etc/localtime"));
	assert_false(tz_exists("Europe/Berlin "));
	assert_false(tz_exists("Europe/Berlin\n"));
	assert_false(tz_exists("zone.tab")); /* a file, but not TZif */
}

static void test_use_rejects_and_keeps_zone(void **state)
{
	static const char *const bad[] = {
		"Mars/Olympus", "../etc/passwd",  "/etc/localtime", "Europe/Berlin ",
		"Europe",       "Europe/Berlin/", "zone.tab",
	};
	int64_t summer = utc_at(2026, 7, 1, 12, 0, 0);

	(void)state;
	use("Europe/Berlin");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct err err = ERR_INIT;

		assert_int_equal(tz_use(bad[i], &err), ERR_INPUT);
		assert_non_null(strstr(err.msg, bad[i]));
		assert_non_null(strstr(err.msg, "time zone"));
		assert_string_equal(tz_name(), "Europe/Berlin");
		assert_int_equal(tz_local(summer).offset, 7200);
	}
	/* err may be NULL */
	assert_int_equal(tz_use("Mars/Olympus", NULL), ERR_INPUT);
	assert_string_equal(tz_name(), "Europe/Berlin");
}

/* Regression: a name with an empty component ("Europe//Berlin") opened as a
 * file and was accepted, so a profile could store a non-canonical name. */
static void test_use_rejects_empty_component(void **state)
{
	struct err err = ERR_INIT;

	(void)state;
	use("Europe/Berlin");
	assert_false(tz_exists("Europe//Berlin"));
	assert_int_equal(tz_use("Europe//Berlin", &err), ERR_INPUT);
	assert_string_equal(tz_name(), "Europe/Berlin");
}

static void test_use_system_zone(void **state)
{
	struct err err = ERR_INIT;
	int64_t summer = utc_at(2026, 7, 1, 12, 0, 0);

	(void)state;
	/* The suite runs with TZ=UTC: that is the system's zone here. */
	setenv("TZ", "UTC", 1);
	assert_int_equal(tz_use(NULL, &err), ERR_OK);
	assert_int_equal(tz_local(summer).offset, 0);
	assert_string_equal(tz_name(), "UTC");
	use("Europe/Berlin");
	assert_int_equal(tz_local(summer).offset, 7200);
	/* Regression: tz_use("Europe/Berlin") overwrote $TZ, so tz_use("")
	 * stayed in Berlin instead of going back to the system's zone. */
	assert_int_equal(tz_use("", &err), ERR_OK);
	assert_int_equal(tz_local(summer).offset, 0);
	assert_string_equal(tz_name(), "UTC");
}

static void test_berlin_gap_and_overlap(void **state)
{
	(void)state;
	use("Europe/Berlin");
	/* ordinary winter and summer times */
	check_wall(2026, 1, 15, 12, 0, utc_at(2026, 1, 15, 11, 0, 0), 3600);
	check_wall(2026, 7, 15, 12, 0, utc_at(2026, 7, 15, 10, 0, 0), 7200);
	/* spring: 02:30 never happens and resolves to 03:30 +02:00 */
	check_wall(2026, 3, 29, 2, 30, utc_at(2026, 3, 29, 1, 30, 0), 7200);
	/* the edges of the gap */
	check_wall(2026, 3, 29, 1, 59, utc_at(2026, 3, 29, 0, 59, 0), 3600);
	check_wall(2026, 3, 29, 3, 0, utc_at(2026, 3, 29, 1, 0, 0), 7200);
	/* autumn: 02:30 happens twice; the first (+02:00) is chosen */
	check_wall(2026, 10, 25, 2, 30, utc_at(2026, 10, 25, 0, 30, 0), 7200);
	check_wall(2026, 10, 25, 3, 0, utc_at(2026, 10, 25, 2, 0, 0), 3600);
	check_wall(2026, 10, 25, 1, 59, utc_at(2026, 10, 24, 23, 59, 0), 7200);

	struct tz_local l = tz_local(utc_at(2026, 3, 29, 1, 30, 0));
	assert_int_equal(l.day, date_from_civil(2026, 3, 29));
	assert_int_equal(l.sec, 3 * 3600 + 30 * 60);
	assert_int_equal(l.offset, 7200);
	/* both occurrences of 02:30 in autumn read as 02:30 */
	l = tz_local(utc_at(2026, 10, 25, 1, 30, 0));
	assert_int_equal(l.sec, 2 * 3600 + 30 * 60);
	assert_int_equal(l.offset, 3600);
}

static void test_new_york_dst(void **state)
{
	(void)state;
	use("America/New_York");
	check_wall(2026, 1, 10, 8, 0, utc_at(2026, 1, 10, 13, 0, 0), -18000);
	check_wall(2026, 7, 10, 8, 0, utc_at(2026, 7, 10, 12, 0, 0), -14400);
	/* spring forward, 2026-03-08: 02:30 EST does not exist */
	check_wall(2026, 3, 8, 2, 30, utc_at(2026, 3, 8, 7, 30, 0), -14400);
	check_wall(2026, 3, 8, 1, 30, utc_at(2026, 3, 8, 6, 30, 0), -18000);
	/* fall back, 2026-11-01: 01:30 happens twice, EDT first */
	check_wall(2026, 11, 1, 1, 30, utc_at(2026, 11, 1, 5, 30, 0), -14400);
	check_wall(2026, 11, 1, 2, 30, utc_at(2026, 11, 1, 7, 30, 0), -18000);
	check_wall(2026, 11, 1, 0, 30, utc_at(2026, 11, 1, 4, 30, 0), -14400);
}

static void test_lord_howe_half_hour_dst(void **state)
{
	(void)state;
	use("Australia/Lord_Howe");
	check_wall(2026, 1, 15, 12, 0, utc_at(2026, 1, 15, 1, 0, 0), 39600);  /* +11:00 */
	check_wall(2026, 7, 15, 12, 0, utc_at(2026, 7, 15, 1, 30, 0), 37800); /* +10:30 */
	/* 2026-10-04 02:00..02:30 is skipped: 02:15 resolves to 02:45 +11:00 */
	check_wall(2026, 10, 4, 2, 15, utc_at(2026, 10, 3, 15, 45, 0), 39600);
	/* 2026-04-05 01:30..02:00 happens twice: 01:45 is first at +11:00 */
	check_wall(2026, 4, 5, 1, 45, utc_at(2026, 4, 4, 14, 45, 0), 39600);
	check_rfc3339(utc_at(2026, 7, 15, 1, 30, 0), 37800, "2026-07-15T12:00:00+10:30");
}

static void test_los_angeles_late_evening(void **state)
{
	int64_t t = utc_at(2026, 11, 22, 7, 30, 0);
	struct tz_local l;

	(void)state;
	use("America/Los_Angeles");
	l = tz_local(t);
	assert_int_equal(l.day, date_from_civil(2026, 11, 21));
	assert_int_equal(l.sec, 23 * 3600 + 30 * 60);
	assert_int_equal(l.offset, -28800);
	check_wall(2026, 11, 21, 23, 30, t, -28800);
	check_rfc3339(t, l.offset, "2026-11-21T23:30:00-08:00");
}

static void test_half_hour_offsets(void **state)
{
	int32_t off = 0;
	int64_t t;

	(void)state;
	use("Asia/Kolkata");
	t = tz_utc(date_from_civil(2026, 11, 21), 20 * 3600 + 30 * 60, &off);
	assert_int_equal(off, 19800);
	assert_int_equal(t, utc_at(2026, 11, 21, 15, 0, 0));
	check_rfc3339(t, off, "2026-11-21T20:30:00+05:30");

	use("America/St_Johns");
	t = tz_utc(date_from_civil(2026, 1, 15), 6 * 3600 + 15 * 60, &off);
	assert_int_equal(off, -12600);
	assert_int_equal(t, utc_at(2026, 1, 15, 9, 45, 0));
	check_rfc3339(t, off, "2026-01-15T06:15:00-03:30");
	t = tz_utc(date_from_civil(2026, 7, 15), 6 * 3600 + 15 * 60, &off);
	assert_int_equal(off, -9000);
	check_rfc3339(t, off, "2026-07-15T06:15:00-02:30");
	/* NULL offset pointer is allowed */
	assert_int_equal(tz_utc(date_from_civil(2026, 1, 15), 6 * 3600 + 15 * 60, NULL),
	                 utc_at(2026, 1, 15, 9, 45, 0));
}

static void test_rfc3339(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	check_rfc3339(0, 0, "1970-01-01T00:00:00+00:00");
	check_rfc3339(-1, 0, "1969-12-31T23:59:59+00:00");
	check_rfc3339(utc_at(2026, 11, 22, 1, 30, 0), -18000, "2026-11-21T20:30:00-05:00");
	check_rfc3339(utc_at(2026, 11, 21, 23, 59, 59), 3600, "2026-11-22T00:59:59+01:00");
	check_rfc3339(utc_at(2011, 12, 30, 10, 0, 0), 50400, "2011-12-31T00:00:00+14:00");
	check_rfc3339(utc_at(2026, 11, 21, 12, 0, 0), -45 * 60, "2026-11-21T11:15:00-00:45");
	/* appends rather than replaces */
	strbuf_adds(&sb, "at ");
	tz_add_rfc3339(&sb, 0, 0);
	assert_string_equal(sb.buf, "at 1970-01-01T00:00:00+00:00");
	strbuf_release(&sb);
}

/* tz_local then tz_utc gives the instant back, except for the second
 * occurrence of a repeated wall time, which resolves to the first. */
static void check_round_trip_year(const char *zone, int year)
{
	int64_t start = utc_at(year, 1, 1, 0, 0, 0), end = utc_at(year + 1, 1, 1, 0, 0, 0);
	int repeats = 0;

	use(zone);
	for (int64_t t = start; t < end; t += 3600) {
		struct tz_local l = tz_local(t);
		int32_t off = 0;
		int64_t back;

		assert_in_range(l.sec, 0, 86399);
		assert_int_equal((int64_t)l.day * 86400 + l.sec, t + l.offset);
		back = tz_utc(l.day, l.sec, &off);
		assert_int_equal(off, tz_local(back).offset);
		if (back != t) {
			struct tz_local lb = tz_local(back);

			if (!(back < t && lb.day == l.day && lb.sec == l.sec)) {
				fail_msg("%s: %lld reads %d+%d but resolves to %lld", zone,
				         (long long)t, (int)l.day, (int)l.sec, (long long)back);
			}
			repeats++;
		}
	}
	/* at most one repeated hour a year in these zones */
	assert_in_range(repeats, 0, 1);
}

static void test_round_trip_year(void **state)
{
	(void)state;
	check_round_trip_year("Europe/Berlin", 2026);
	check_round_trip_year("America/New_York", 2026);
	check_round_trip_year("Australia/Lord_Howe", 2026);
	check_round_trip_year("America/St_Johns", 2026);
	check_round_trip_year("Asia/Kolkata", 2026);
	check_round_trip_year("UTC", 2026);
}

static void test_apia_skipped_day(void **state)
{
	int32_t off = 0;
	int64_t t;
	struct tz_local l;
	int64_t jump = utc_at(2011, 12, 30, 10, 0, 0); /* 29th 24:00 -10 = 31st 00:00 +14 */

	(void)state;
	use("Pacific/Apia");
	for (int h = 0; h < 24; h++) {
		t = tz_utc(date_from_civil(2011, 12, 30), h * 3600, &off);
		l = tz_local(t);
		/* Samoa never had 2011-12-30: the wall time lands on the 31st,
		 * after the jump, at the same clock time, at +14:00. */
		assert_true(t >= jump);
		assert_int_equal(off, 50400);
		assert_int_equal(l.offset, 50400);
		assert_int_equal(l.day, date_from_civil(2011, 12, 31));
		assert_int_equal(l.sec, h * 3600);
	}
	check_wall(2011, 12, 29, 12, 0, utc_at(2011, 12, 29, 22, 0, 0), -36000);
	check_wall(2011, 12, 31, 12, 0, utc_at(2011, 12, 30, 22, 0, 0), 50400);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exists),
		cmocka_unit_test(test_use_rejects_and_keeps_zone),
		cmocka_unit_test(test_use_rejects_empty_component),
		cmocka_unit_test(test_use_system_zone),
		cmocka_unit_test(test_berlin_gap_and_overlap),
		cmocka_unit_test(test_new_york_dst),
		cmocka_unit_test(test_lord_howe_half_hour_dst),
		cmocka_unit_test(test_los_angeles_late_evening),
		cmocka_unit_test(test_half_hour_offsets),
		cmocka_unit_test(test_rfc3339),
		cmocka_unit_test(test_round_trip_year),
		cmocka_unit_test(test_apia_skipped_day),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
