/*
 * test_units.c: figures formatted for people (base/units.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "base/units.h"

enum what {
	DISTANCE_KM,
	DISTANCE_MI,
	DURATION,
	PACE_KM,
	PACE_MI,
	SPEED_KM,
	SPEED_MI,
	PACE_100M
};

static void check(enum what what, double v, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, ">"); /* each appends, never replaces */
	switch (what) {
	case DISTANCE_KM:
		units_add_distance(&sb, v, UNITS_KM);
		break;
	case DISTANCE_MI:
		units_add_distance(&sb, v, UNITS_MI);
		break;
	case DURATION:
		units_add_duration(&sb, v);
		break;
	case PACE_KM:
		units_add_pace(&sb, v, UNITS_KM);
		break;
	case PACE_MI:
		units_add_pace(&sb, v, UNITS_MI);
		break;
	case SPEED_KM:
		units_add_speed(&sb, v, UNITS_KM);
		break;
	case SPEED_MI:
		units_add_speed(&sb, v, UNITS_MI);
		break;
	case PACE_100M:
		units_add_pace_100m(&sb, v);
		break;
	}
	if (strcmp(sb.buf + 1, want) != 0 || sb.buf[0] != '>') {
		fail_msg("%g (case %d) gave '%s', expected '%s'", v, (int)what, sb.buf + 1, want);
	}
	strbuf_release(&sb);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(units_name(UNITS_KM), "km");
	assert_string_equal(units_name(UNITS_MI), "mi");
	assert_true(units_metres(UNITS_KM) == 1000.0);
	assert_true(units_metres(UNITS_MI) == 1609.344);
}

static void test_parse(void **state)
{
	static const char *const km[] = { "km", "KM", "k", "metric", "kilometres", "kilometers" };
	static const char *const mi[] = { "mi", "Mi", "miles", "mile", "imperial", "IMPERIAL" };
	static const char *const bad[] = { "", "m", "furlongs", "km ", "kms?", "metres" };
	enum units u;

	(void)state;
	for (size_t i = 0; i < sizeof(km) / sizeof(km[0]); i++) {
		u = UNITS_MI;
		assert_int_equal(units_parse(km[i], &u, NULL), ERR_OK);
		assert_int_equal(u, UNITS_KM);
	}
	for (size_t i = 0; i < sizeof(mi) / sizeof(mi[0]); i++) {
		u = UNITS_KM;
		assert_int_equal(units_parse(mi[i], &u, NULL), ERR_OK);
		assert_int_equal(u, UNITS_MI);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct err err = ERR_INIT;
		char quoted[64];

		u = (enum units)7;
		assert_int_equal(units_parse(bad[i], &u, &err), ERR_INPUT);
		assert_int_equal(u, 7); /* untouched */
		snprintf(quoted, sizeof(quoted), "'%s'", bad[i]);
		assert_non_null(strstr(err.msg, quoted));
		assert_non_null(strstr(err.msg, "km or mi"));
	}
}

static void test_distance(void **state)
{
	(void)state;
	check(DISTANCE_KM, 8000, "8.00 km");
	check(DISTANCE_MI, 8000, "4.97 mi");
	check(DISTANCE_KM, 21097.5, "21.10 km");
	check(DISTANCE_MI, 42195, "26.22 mi");
	check(DISTANCE_MI, 1609.344, "1.00 mi");
	check(DISTANCE_KM, 400, "0.40 km");
	check(DISTANCE_KM, 5, "0.01 km");
	check(DISTANCE_KM, 0, "0.00 km");
	check(DISTANCE_KM, 123456789, "123456.79 km");
}

static void test_duration(void **state)
{
	(void)state;
	check(DURATION, 12000, "3:20:00");
	check(DURATION, 2700, "45:00");
	check(DURATION, 8, "0:08");
	check(DURATION, 0, "0:00");
	check(DURATION, 59.4, "0:59");
	check(DURATION, 59.6, "1:00");
	check(DURATION, 3599.5, "1:00:00");
	check(DURATION, 3600, "1:00:00");
	check(DURATION, 4830, "1:20:30");
	check(DURATION, 359999, "99:59:59");
	check(DURATION, 7 * 86400, "168:00:00");
	check(DURATION, (double)NAN, "?");
	check(DURATION, (double)INFINITY, "?");
	check(DURATION, -1, "?");
}

static void test_pace(void **state)
{
	(void)state;
	check(PACE_KM, 0.33, "5:30 /km");
	check(PACE_MI, 0.33, "8:51 /mi");
	check(PACE_KM, 0.3296, "5:30 /km"); /* rounds to the second */
	check(PACE_KM, 0.6, "10:00 /km");
	check(PACE_KM, 3.6, "1:00:00 /km");
	check(PACE_KM, (double)NAN, "?");
	check(PACE_KM, (double)INFINITY, "?");
	check(PACE_KM, 0, "?");
	check(PACE_MI, -0.3, "?");
}

static void test_pace_100m(void **state)
{
	(void)state;
	check(PACE_100M, 1.12, "1:52 /100m");
	check(PACE_100M, 0.9, "1:30 /100m");
	check(PACE_100M, (double)NAN, "?");
	check(PACE_100M, 0, "?");
}

static void test_speed(void **state)
{
	(void)state;
	check(SPEED_KM, 25.3 / 3.6, "25.3 km/h");
	check(SPEED_MI, 25.3 / 3.6, "15.7 mph");
	check(SPEED_KM, 10, "36.0 km/h");
	check(SPEED_KM, 0, "0.0 km/h");
}

/* Regression: an unknown distance or speed printed "nan km" and "nan km/h";
 * like every unknown figure, it prints "?". */
static void test_unknown_distance_speed(void **state)
{
	(void)state;
	check(DISTANCE_KM, (double)NAN, "?");
	check(DISTANCE_MI, (double)NAN, "?");
	check(SPEED_KM, (double)NAN, "?");
	check(SPEED_MI, (double)INFINITY, "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),    cmocka_unit_test(test_parse),
		cmocka_unit_test(test_distance), cmocka_unit_test(test_duration),
		cmocka_unit_test(test_pace),     cmocka_unit_test(test_pace_100m),
		cmocka_unit_test(test_speed),    cmocka_unit_test(test_unknown_distance_speed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
