/*
 * test_trend.c: which way a level is going (analysis/trend.h).
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

#include "analysis/trend.h"
#include "base/date.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Day 0 of every series: an arbitrary Monday. */
static const int32_t D0 = 20514; /* 2026-03-02 */

/* The least-squares slope through (x[i], y[i]), in levels per week, worked
 * out here independently of trend.c. */
static double slope_per_week(const int *x, const int *y, size_t n)
{
	double sx = 0, sy = 0, sxx = 0, sxy = 0;

	for (size_t i = 0; i < n; i++) {
		sx += x[i];
		sy += y[i];
		sxx += (double)x[i] * x[i];
		sxy += (double)x[i] * y[i];
	}
	return 7 * ((double)n * sxy - sx * sy) / ((double)n * sxx - sx * sx);
}

static void check_point(struct trend_point p, int32_t day, int value)
{
	assert_int_equal(p.day, day);
	assert_int_equal(p.value, value);
}

static void check_slope(const struct trend *t, double expected)
{
	if (!(fabs(t->slope_per_week - expected) < 1e-9)) {
		fail_msg("slope %.12f, expected %.12f", t->slope_per_week, expected);
	}
}

static void test_empty(void **state)
{
	struct trend t;

	(void)state;
	memset(&t, 0x5a, sizeof(t));
	trend_compute(NULL, 0, &t);
	assert_int_equal(t.n_days, 0);
	assert_int_equal(t.verdict, TREND_UNKNOWN);
	assert_true(isnan(t.slope_per_week));
	check_point(t.first, DATE_NONE, -1);
	check_point(t.last, DATE_NONE, -1);
	check_point(t.worst, DATE_NONE, -1);
}

static void test_single_day(void **state)
{
	static const struct trend_point one[] = { { D0 + 4, 6 } };
	/* several check-ins, one day: still one day */
	static const struct trend_point same_day[] = { { D0, 3 }, { D0, 7 }, { D0, 5 } };
	struct trend t;

	(void)state;
	trend_compute(one, N(one), &t);
	assert_int_equal(t.n_days, 1);
	assert_int_equal(t.verdict, TREND_UNKNOWN);
	assert_true(isnan(t.slope_per_week));
	check_point(t.first, D0 + 4, 6);
	check_point(t.last, D0 + 4, 6);
	check_point(t.worst, D0 + 4, 6);

	trend_compute(same_day, N(same_day), &t);
	assert_int_equal(t.n_days, 1);
	assert_int_equal(t.verdict, TREND_UNKNOWN);
	check_point(t.first, D0, 7);
	check_point(t.last, D0, 7);
	check_point(t.worst, D0, 7);
}

static void test_improving(void **state)
{
	static const struct trend_point pts[] = {
		{ D0, 5 },
		{ D0 + 3, 4 },
		{ D0 + 7, 3 },
		{ D0 + 10, 2 },
	};
	static const int x[] = { 0, 3, 7, 10 }, y[] = { 5, 4, 3, 2 };
	struct trend t;

	(void)state;
	trend_compute(pts, N(pts), &t);
	assert_int_equal(t.n_days, 4);
	assert_int_equal(t.verdict, TREND_IMPROVING);
	/* -17/58 a day: about -2.05 a week */
	check_slope(&t, slope_per_week(x, y, N(x)));
	check_slope(&t, -17.0 / 58 * 7);
	check_point(t.first, D0, 5);
	check_point(t.last, D0 + 10, 2);
	check_point(t.worst, D0, 5);
	assert_string_equal(trend_verdict_name(t.verdict), "improving");
}

/* Several check-ins on one day count as that day's highest, whatever the
 * order they come in. */
static void test_daily_max(void **state)
{
	static const struct trend_point pts[] = {
		{ D0 + 7, 1 }, { D0, 2 }, { D0 + 7, 6 }, { D0 + 14, 2 }, { D0, 4 }, { D0 + 14, 1 },
	};
	static const int x[] = { 0, 7, 14 }, y[] = { 4, 6, 2 };
	struct trend t;

	(void)state;
	trend_compute(pts, N(pts), &t);
	assert_int_equal(t.n_days, 3);
	check_slope(&t, slope_per_week(x, y, N(x)));
	check_point(t.first, D0, 4);
	check_point(t.last, D0 + 14, 2);
	check_point(t.worst, D0 + 7, 6);
	check_slope(&t, -1);
	assert_int_equal(t.verdict, TREND_IMPROVING);
}

static void test_flat(void **state)
{
	static const struct trend_point level[] = { { D0, 3 }, { D0 + 5, 3 }, { D0 + 9, 3 } };
	/* up then down: a slope of zero */
	static const struct trend_point hump[] = { { D0, 2 }, { D0 + 7, 5 }, { D0 + 14, 2 } };
	/* 0.4 a week: under TREND_FLAT_PER_WEEK */
	static const struct trend_point creep[] = { { D0, 2 }, { D0 + 35, 4 } };
	struct trend t;

	(void)state;
	trend_compute(level, N(level), &t);
	assert_int_equal(t.verdict, TREND_FLAT);
	check_slope(&t, 0);
	check_point(t.worst, D0, 3); /* the earliest of equal highs */
	assert_string_equal(trend_verdict_name(t.verdict), "flat");

	trend_compute(hump, N(hump), &t);
	assert_int_equal(t.verdict, TREND_FLAT);
	check_slope(&t, 0);
	check_point(t.worst, D0 + 7, 5);

	trend_compute(creep, N(creep), &t);
	assert_int_equal(t.verdict, TREND_FLAT);
	check_slope(&t, 0.4);
}

static void test_worse(void **state)
{
	static const struct trend_point pts[] = {
		{ D0, 1 }, { D0 + 2, 2 }, { D0 + 4, 2 }, { D0 + 6, 4 }, { D0 + 8, 6 },
	};
	static const int x[] = { 0, 2, 4, 6, 8 }, y[] = { 1, 2, 2, 4, 6 };
	/* 0.6 a week: just over the line */
	static const struct trend_point creep[] = { { D0, 2 }, { D0 + 35, 5 } };
	struct trend t;

	(void)state;
	trend_compute(pts, N(pts), &t);
	assert_int_equal(t.verdict, TREND_WORSE);
	check_slope(&t, slope_per_week(x, y, N(x)));
	check_point(t.worst, D0 + 8, 6);
	assert_string_equal(trend_verdict_name(t.verdict), "worse");

	trend_compute(creep, N(creep), &t);
	assert_int_equal(t.verdict, TREND_WORSE);
	check_slope(&t, 0.6);
}

/* The order of the points does not matter, and the input is left alone. */
static void test_unsorted(void **state)
{
	struct trend_point pts[] = {
		{ D0 + 10, 2 },
		{ D0, 5 },
		{ D0 + 7, 3 },
		{ D0 + 3, 4 },
	};
	struct trend_point copy[N(pts)];
	struct trend t;

	(void)state;
	memcpy(copy, pts, sizeof(pts));
	trend_compute(pts, N(pts), &t);
	assert_memory_equal(pts, copy, sizeof(pts));
	assert_int_equal(t.verdict, TREND_IMPROVING);
	check_slope(&t, -17.0 / 58 * 7);
	check_point(t.first, D0, 5);
	check_point(t.last, D0 + 10, 2);
	check_point(t.worst, D0, 5);
}

/* The worst is the first day the highest level was reached. */
static void test_worst_earliest(void **state)
{
	static const struct trend_point pts[] = {
		{ D0 + 20, 7 }, { D0 + 2, 3 }, { D0 + 9, 7 }, { D0 + 15, 7 }, { D0 + 30, 1 },
	};
	struct trend t;

	(void)state;
	trend_compute(pts, N(pts), &t);
	check_point(t.worst, D0 + 9, 7);
	check_point(t.first, D0 + 2, 3);
	check_point(t.last, D0 + 30, 1);
	assert_int_equal(t.n_days, 5);
}

static void test_names(void **state)
{
	(void)state;
	assert_int_equal(D0, date_from_civil(2026, 3, 2));
	assert_string_equal(trend_verdict_name(TREND_UNKNOWN), "unknown");
	assert_string_equal(trend_verdict_name(TREND_IMPROVING), "improving");
	assert_string_equal(trend_verdict_name(TREND_FLAT), "flat");
	assert_string_equal(trend_verdict_name(TREND_WORSE), "worse");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),     cmocka_unit_test(test_single_day),
		cmocka_unit_test(test_improving), cmocka_unit_test(test_daily_max),
		cmocka_unit_test(test_flat),      cmocka_unit_test(test_worse),
		cmocka_unit_test(test_unsorted),  cmocka_unit_test(test_worst_earliest),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
