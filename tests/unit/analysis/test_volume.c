/*
 * test_volume.c: weekly volume by sport (analysis/volume.h).
 *
 * Every expected number is summed by hand from the activities below.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "analysis/volume.h"
#include "base/date.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* 2026-03-02, a Monday: the first week of the range. */
static const int32_t D0 = 20514;

static struct activity make(enum sport sport, int32_t date, double distance_m, double duration_s,
                            double moving_s)
{
	struct activity a;

	activity_init(&a);
	a.sport = sport;
	a.date = date;
	a.distance_m = distance_m;
	a.duration_s = duration_s;
	a.moving_s = moving_s;
	return a;
}

/* The log, in no particular order: the week before the range, three weeks
 * (the middle one empty) and activities outside on either side. */
static size_t fill(struct activity *a)
{
	size_t n = 0;

	a[n++] = make(SPORT_RUN, D0 + 14, 5000, 1500, NAN);    /* week 3, Monday */
	a[n++] = make(SPORT_RUN, D0 - 8, 20000, 7200, NAN);    /* two weeks before: ignored */
	a[n++] = make(SPORT_RUN, D0, 8000, 2700, 2400);        /* week 1, Monday, moving time */
	a[n++] = make(SPORT_TRAIL, D0 + 6, 12000, 5400, NAN);  /* week 1, Sunday */
	a[n++] = make(SPORT_BIKE, D0 + 6, 30000, 3600, NAN);   /* week 1, Sunday */
	a[n++] = make(SPORT_STRENGTH, D0 + 3, NAN, 1800, NAN); /* week 1, no distance */
	a[n++] = make(SPORT_RUN, D0 - 1, 10000, 3600, NAN);    /* the week before, Sunday */
	a[n++] = make(SPORT_RUN, D0 + 21, 15000, 5000, NAN);   /* the Monday after: ignored */
	a[n++] = make(SPORT_WALK, D0 + 20, 3000, 1800, NAN);   /* week 3, Sunday */
	a[n++] = make(SPORT_RUN, D0 + 16, NAN, 1200, NAN);     /* week 3, time only */
	return n;
}

static void check_near(double actual, double expected)
{
	if (isnan(expected) ? !isnan(actual) : !(fabs(actual - expected) <= 1e-12)) {
		fail_msg("%.15g, expected %.15g", actual, expected);
	}
}

static void test_weeks(void **state)
{
	struct activity a[16];
	struct volume_week w[3];
	size_t n = fill(a);

	(void)state;
	/* A Wednesday to a Wednesday: whole weeks, Monday to Sunday. */
	assert_int_equal(volume_weeks(a, n, D0 + 2, D0 + 16, NULL, 0), 3);
	assert_int_equal(volume_weeks(a, n, D0 + 2, D0 + 16, w, N(w)), 3);

	assert_int_equal(w[0].monday, D0);
	assert_int_equal(w[1].monday, D0 + 7);
	assert_int_equal(w[2].monday, D0 + 14);

	/* Week 1: run (moving time 2400), trail, bike, strength. */
	assert_int_equal(w[0].count[SPORT_RUN], 1);
	assert_int_equal(w[0].count[SPORT_TRAIL], 1);
	assert_int_equal(w[0].count[SPORT_BIKE], 1);
	assert_int_equal(w[0].count[SPORT_STRENGTH], 1);
	assert_int_equal(w[0].count[SPORT_WALK], 0);
	check_near(w[0].distance_m[SPORT_RUN], 8000);
	check_near(w[0].distance_m[SPORT_TRAIL], 12000);
	check_near(w[0].distance_m[SPORT_BIKE], 30000);
	check_near(w[0].distance_m[SPORT_STRENGTH], 0);
	check_near(w[0].time_s[SPORT_RUN], 2400);
	check_near(w[0].time_s[SPORT_TRAIL], 5400);
	check_near(w[0].time_s[SPORT_BIKE], 3600);
	check_near(w[0].time_s[SPORT_STRENGTH], 1800);
	check_near(w[0].time_s_all, 13200);
	check_near(w[0].run_distance_m, 20000); /* run and trail, not the bike */
	/* Against the week before (one run, 10 km in 3600 s). */
	check_near(w[0].time_change, 13200.0 / 3600 - 1);
	check_near(w[0].run_distance_change, 20000.0 / 10000 - 1);

	/* Week 2: empty, a fall of 100 %. */
	for (int s = 0; s < SPORT_COUNT; s++) {
		assert_int_equal(w[1].count[s], 0);
		check_near(w[1].time_s[s], 0);
		check_near(w[1].distance_m[s], 0);
	}
	check_near(w[1].time_s_all, 0);
	check_near(w[1].run_distance_m, 0);
	check_near(w[1].time_change, -1);
	check_near(w[1].run_distance_change, -1);

	/* Week 3: two runs (one without distance) and a walk; the Monday after
	 * is outside. After an empty week there is no change. */
	assert_int_equal(w[2].count[SPORT_RUN], 2);
	assert_int_equal(w[2].count[SPORT_WALK], 1);
	check_near(w[2].distance_m[SPORT_RUN], 5000);
	check_near(w[2].time_s[SPORT_RUN], 2700);
	check_near(w[2].time_s[SPORT_WALK], 1800);
	check_near(w[2].time_s_all, 4500);
	check_near(w[2].run_distance_m, 5000); /* the walk is not running */
	check_near(w[2].time_change, NAN);
	check_near(w[2].run_distance_change, NAN);
}

/* A short out array gets the first weeks, the same as a full one; the first
 * week still compares with the week before the range. */
static void test_short_out(void **state)
{
	struct activity a[16];
	struct volume_week full[3], part[2];
	size_t n = fill(a);

	(void)state;
	memset(part, 0xAB, sizeof(part));
	assert_int_equal(volume_weeks(a, n, D0, D0 + 20, full, N(full)), 3);
	assert_int_equal(volume_weeks(a, n, D0, D0 + 20, part, 1), 3);
	assert_int_equal(part[0].monday, D0);
	check_near(part[0].time_s_all, 13200);
	check_near(part[0].time_change, full[0].time_change);
	/* part[1] untouched */
	assert_int_equal((unsigned)part[1].monday, 0xABABABABu);
}

/* The week is Monday..Sunday: a Sunday ends it, the next Monday starts
 * another, whatever days the range names. */
static void test_boundaries(void **state)
{
	struct activity a[16];
	struct volume_week w[2];
	size_t n = fill(a);

	(void)state;
	/* The Sunday before D0 alone: its week is D0-7..D0-1, holding one run;
	 * the week before that holds the 20 km run. */
	assert_int_equal(volume_weeks(a, n, D0 - 1, D0 - 1, w, N(w)), 1);
	assert_int_equal(w[0].monday, D0 - 7);
	check_near(w[0].run_distance_m, 10000);
	check_near(w[0].run_distance_change, 10000.0 / 20000 - 1);

	/* From a Sunday to the next Monday: two weeks. */
	assert_int_equal(volume_weeks(a, n, D0 + 6, D0 + 7, w, N(w)), 2);
	assert_int_equal(w[0].monday, D0);
	assert_int_equal(w[1].monday, D0 + 7);
	check_near(w[0].time_s_all, 13200);
	check_near(w[1].time_s_all, 0);

	/* One day in week 3 still sums the whole week. */
	assert_int_equal(volume_weeks(a, n, D0 + 20, D0 + 20, w, N(w)), 1);
	assert_int_equal(w[0].monday, D0 + 14);
	check_near(w[0].time_s_all, 4500);
	assert_int_equal(date_weekday(w[0].monday), WEEKDAY_MON);
}

static void test_no_activities(void **state)
{
	struct volume_week w[2];

	(void)state;
	assert_int_equal(volume_weeks(NULL, 0, D0, D0 + 13, w, N(w)), 2);
	for (size_t i = 0; i < N(w); i++) {
		assert_int_equal(w[i].monday, D0 + 7 * (int32_t)i);
		check_near(w[i].time_s_all, 0);
		check_near(w[i].time_change, NAN);
		check_near(w[i].run_distance_change, NAN);
	}
}

/* Ten years is 522 or 523 weeks, counted without writing. */
static void test_long_range(void **state)
{
	int32_t from = date_from_civil(2016, 1, 1); /* a Friday */
	int32_t to = date_from_civil(2025, 12, 31); /* a Wednesday */
	size_t expect = (size_t)(date_week_start(to) - date_week_start(from)) / 7 + 1;

	(void)state;
	assert_int_equal(volume_weeks(NULL, 0, from, to, NULL, 0), expect);
	assert_true(expect == 522 || expect == 523);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_weeks),      cmocka_unit_test(test_short_out),
		cmocka_unit_test(test_boundaries), cmocka_unit_test(test_no_activities),
		cmocka_unit_test(test_long_range),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
