/*
 * test_pmc.c: fitness, fatigue, form and workload ratios (analysis/pmc.h).
 *
 * Expected values are worked by hand (closed forms where the recurrence
 * has one) or by a plain loop written here, never by calling pmc.c twice.
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

#include "analysis/pmc.h"
#include "base/date.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Day 0 of every series: an arbitrary Monday. */
static const int32_t D0 = 20514; /* 2026-03-02 */

/* Three weeks of 300, then one of 450, each in the same shape. */
static const double block[28] = {
	0, 60, 0, 60, 0, 60, 120, /* 300 */
	0, 60, 0, 60, 0, 60, 120, /* 300 */
	0, 60, 0, 60, 0, 60, 120, /* 300 */
	0, 90, 0, 90, 0, 90, 180, /* 450 */
};

/* Equal to a relative 1e-12 (absolute near zero); NAN matches only NAN. */
static void check_near(double actual, double expected, const char *what, size_t i)
{
	double tol = 1e-12 * fmax(1, fabs(expected));

	if (isnan(expected) ? !isnan(actual) : !(fabs(actual - expected) <= tol)) {
		fail_msg("%s[%zu] = %.15g, expected %.15g", what, i, actual, expected);
	}
}

/* A reproducible load between 0 and 200, with about one day in four off. */
static double lcg_load(uint32_t *state)
{
	*state = *state * 1664525u + 1013904223u;
	if ((*state >> 30) == 0) {
		return 0;
	}
	return (double)((*state >> 8) % 20001) / 100;
}

static void test_empty(void **state)
{
	struct pmc_week w;

	(void)state;
	pmc_compute(NULL, 0, D0, NULL, NULL);
	assert_int_equal(pmc_weeks(NULL, 0, D0, NULL, 0), 0);
	assert_int_equal(pmc_weeks(NULL, 0, D0, &w, 1), 0);
}

/* From 0, n days of constant load L give L(1 - (1 - 1/tau)^n). */
static void test_constant(void **state)
{
	enum {
		DAYS = 400
	};
	static double loads[DAYS];
	static struct pmc_day out[DAYS];
	const double L = 80;

	(void)state;
	for (size_t i = 0; i < DAYS; i++) {
		loads[i] = L;
	}
	pmc_compute(loads, DAYS, D0, NULL, out);
	for (size_t i = 0; i < DAYS; i++) {
		double n = (double)(i + 1);

		assert_int_equal(out[i].day, D0 + (int32_t)i);
		assert_true(out[i].load == L);
		check_near(out[i].ctl, L * (1 - pow(41.0 / 42, n)), "ctl", i);
		check_near(out[i].atl, L * (1 - pow(6.0 / 7, n)), "atl", i);
		check_near(out[i].ewma_acute, L * (1 - pow(0.75, n)), "ewma_acute", i);
		check_near(out[i].ewma_chronic, L * (1 - pow(27.0 / 29, n)), "ewma_chronic", i);
		assert_true(out[i].ctl < L && out[i].atl <= L);
	}
	/* after 28 days CTL reads about half the load: the seeding caveat */
	assert_true(out[27].ctl > 0.49 * L && out[27].ctl < 0.50 * L);
	/* (41/42)^400 is 6.5e-5: nearly there */
	assert_true(L - out[DAYS - 1].ctl < 0.01);
	check_near(out[DAYS - 1].atl, L, "atl", DAYS - 1);
	check_near(out[DAYS - 1].acwr_ewma, 1, "acwr_ewma", DAYS - 1);
	check_near(out[DAYS - 1].acwr_rolling, 7.0 / 7, "acwr_rolling", DAYS - 1);
}

/* 100 on day 0, then rest. */
static void test_spike(void **state)
{
	static const double loads[] = { 100, 0, 0, 0 };
	struct pmc_day out[N(loads)];
	const double ctl0 = 100.0 / 42, atl0 = 100.0 / 7;

	(void)state;
	pmc_compute(loads, N(loads), D0, NULL, out);
	check_near(out[0].ctl, ctl0, "ctl", 0);
	check_near(out[1].ctl, ctl0 * 41 / 42, "ctl", 1);
	check_near(out[3].ctl, ctl0 * pow(41.0 / 42, 3), "ctl", 3);
	check_near(out[0].atl, atl0, "atl", 0);
	check_near(out[1].atl, atl0 * 6 / 7, "atl", 1);
	check_near(out[3].atl, atl0 * pow(6.0 / 7, 3), "atl", 3);

	/* form uses yesterday's figures: the spike shows from day 1 */
	assert_true(out[0].tsb == 0);
	check_near(out[1].tsb, ctl0 - atl0, "tsb", 1);
	check_near(out[1].tsb, -500.0 / 42, "tsb", 1);
	for (size_t i = 1; i < N(loads); i++) {
		check_near(out[i].tsb, out[i - 1].ctl - out[i - 1].atl, "tsb", i);
	}
}

/* lambda = 2/(N + 1): 0.25 for 7 days, 2/29 for 28. */
static void test_ewma(void **state)
{
	static const double spike[] = { 100, 0, 0 };
	static const double rest[] = { 0, 0, 0 };
	struct pmc_day out[3];

	(void)state;
	pmc_compute(spike, N(spike), D0, NULL, out);
	check_near(out[0].ewma_acute, 25, "ewma_acute", 0);
	check_near(out[0].ewma_chronic, 200.0 / 29, "ewma_chronic", 0);
	check_near(out[0].acwr_ewma, 25 * 29 / 200.0, "acwr_ewma", 0); /* 3.625 */
	check_near(out[1].ewma_acute, 18.75, "ewma_acute", 1);
	check_near(out[1].ewma_chronic, 200.0 / 29 * 27 / 29, "ewma_chronic", 1);
	check_near(out[2].acwr_ewma, 25 * 0.75 * 0.75 / (200.0 / 29 * 27 / 29 * 27 / 29),
	           "acwr_ewma", 2);

	/* nothing yet: no chronic load, no ratio */
	pmc_compute(rest, N(rest), D0, NULL, out);
	for (size_t i = 0; i < N(rest); i++) {
		assert_true(out[i].ewma_chronic == 0);
		assert_true(isnan(out[i].acwr_ewma));
	}
}

static void test_seed(void **state)
{
	static const double rest[] = { 0, 0, 0 };
	const struct pmc_seed seed = { .ctl = 60, .atl = 80, .ewma_acute = 90, .ewma_chronic = 45 };
	const struct pmc_seed zero = { 0, 0, 0, 0 };
	struct pmc_day out[N(block)], out_zero[N(block)];

	(void)state;
	pmc_compute(rest, N(rest), D0, &seed, out);
	check_near(out[0].tsb, -20, "tsb", 0);
	check_near(out[0].ctl, 60.0 * 41 / 42, "ctl", 0);
	check_near(out[2].ctl, 60 * pow(41.0 / 42, 3), "ctl", 2);
	check_near(out[0].atl, 80.0 * 6 / 7, "atl", 0);
	check_near(out[1].tsb, 60.0 * 41 / 42 - 80.0 * 6 / 7, "tsb", 1);
	check_near(out[0].ewma_acute, 67.5, "ewma_acute", 0);
	check_near(out[0].ewma_chronic, 45.0 * 27 / 29, "ewma_chronic", 0);
	check_near(out[0].acwr_ewma, 67.5 / (45.0 * 27 / 29), "acwr_ewma", 0);

	/* no seed is a seed of zeros */
	pmc_compute(block, N(block), D0, NULL, out);
	pmc_compute(block, N(block), D0, &zero, out_zero);
	for (size_t i = 0; i < N(out); i++) {
		assert_true(out[i].ctl == out_zero[i].ctl);
		assert_true(out[i].atl == out_zero[i].atl);
		assert_true(out[i].tsb == out_zero[i].tsb);
		assert_true(out[i].ewma_chronic == out_zero[i].ewma_chronic);
	}
}

/* The last day of one run seeds the next, and the averages carry on as if
 * the series had never been cut; the rolling ratio starts again. */
static void test_continue(void **state)
{
	enum {
		DAYS = 100,
		CUT = 60
	};
	static double loads[DAYS];
	static struct pmc_day whole[DAYS], part[DAYS];
	uint32_t rng = 7;
	struct pmc_seed seed;

	(void)state;
	for (size_t i = 0; i < DAYS; i++) {
		loads[i] = lcg_load(&rng);
	}
	pmc_compute(loads, DAYS, D0, NULL, whole);
	pmc_compute(loads, CUT, D0, NULL, part);
	seed.ctl = part[CUT - 1].ctl;
	seed.atl = part[CUT - 1].atl;
	seed.ewma_acute = part[CUT - 1].ewma_acute;
	seed.ewma_chronic = part[CUT - 1].ewma_chronic;
	pmc_compute(loads + CUT, DAYS - CUT, D0 + CUT, &seed, part + CUT);
	for (size_t i = 0; i < DAYS; i++) {
		assert_int_equal(part[i].day, whole[i].day);
		check_near(part[i].ctl, whole[i].ctl, "ctl", i);
		check_near(part[i].atl, whole[i].atl, "atl", i);
		check_near(part[i].tsb, whole[i].tsb, "tsb", i);
		check_near(part[i].acwr_ewma, whole[i].acwr_ewma, "acwr_ewma", i);
	}
	assert_true(isnan(part[CUT].acwr_rolling));
	assert_false(isnan(whole[CUT].acwr_rolling));
}

static void test_rolling(void **state)
{
	double loads[30];
	struct pmc_day out[30];

	(void)state;
	memcpy(loads, block, sizeof(block));
	loads[28] = 30;
	loads[29] = 0;
	pmc_compute(loads, N(loads), D0, NULL, out);
	/* 28 days of history are needed: day index 27 is the first */
	for (size_t i = 0; i < 27; i++) {
		assert_true(isnan(out[i].acwr_rolling));
	}
	/* 450 over the mean of 300, 300, 300 */
	check_near(out[27].acwr_rolling, 1.5, "acwr_rolling", 27);
	/* acute days 22-28: 450 - 0 + 30; chronic days 1-21: 900 - 0 + 0 */
	check_near(out[28].acwr_rolling, 480.0 / 300, "acwr_rolling", 28);
	/* acute days 23-29: 480 - 90 + 0; chronic days 2-22: 900 - 60 + 90 */
	check_near(out[29].acwr_rolling, 390.0 / 310, "acwr_rolling", 29);
}

/* Three weeks off: no chronic load, no ratio, even after a hard week. */
static void test_rolling_no_chronic(void **state)
{
	double loads[29] = { 0 };
	struct pmc_day out[29];

	(void)state;
	for (size_t i = 21; i < 29; i++) {
		loads[i] = 50;
	}
	pmc_compute(loads, N(loads), D0, NULL, out);
	assert_true(isnan(out[27].acwr_rolling));
	/* day 21 is now chronic: 50/3 a week against 350 */
	check_near(out[28].acwr_rolling, 350 / (50.0 / 3), "acwr_rolling", 28);
}

/* The week 0, 60, 0, 60, 0, 60, 120 from a Monday:
 *   total 300, mean 300/7;
 *   deviations -300/7 (x3), 120/7 (x3), 540/7;
 *   squares (3 * 90000 + 3 * 14400 + 291600)/49 = 604800/49;
 *   population variance 604800/343, SD = 120 sqrt(42)/(7 sqrt(7)) = 41.99;
 *   monotony = (300/7)/SD = 300 sqrt(7)/(120 sqrt(42)) = 5 sqrt(6)/12 = 1.0206;
 *   strain = 300 * 5 sqrt(6)/12 = 125 sqrt(6) = 306.19. */
static void test_monotony(void **state)
{
	struct pmc_week w[4];

	(void)state;
	assert_int_equal(pmc_weeks(block, N(block), D0, w, N(w)), 4);
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(w[i].monday, D0 + 7 * (int32_t)i);
		assert_int_equal(w[i].days, 7);
	}
	check_near(w[0].load, 300, "load", 0);
	check_near(w[0].monotony, 5 * sqrt(6) / 12, "monotony", 0);
	check_near(w[0].strain, 125 * sqrt(6), "strain", 0);
	check_near(w[0].strain, w[0].load * w[0].monotony, "strain", 0);
	/* the same shape, scaled: the same monotony, strain scaled */
	check_near(w[3].load, 450, "load", 3);
	check_near(w[3].monotony, 5 * sqrt(6) / 12, "monotony", 3);
	check_near(w[3].strain, 450 * 5 * sqrt(6) / 12, "strain", 3);
}

/* Seven equal days have SD 0: no monotony, no strain, the load stands. */
static void test_even_week(void **state)
{
	/* 0.1 * 7 / 7 is not 0.1 in binary: the guard must not rely on SD */
	static const double tenth[] = { 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 };
	static const double fifty[] = { 50, 50, 50, 50, 50, 50, 50 };
	static const double rest[7] = { 0 };
	static const double one_off[] = { 50, 50, 50, 50, 50, 50, 51 };
	struct pmc_week w;

	(void)state;
	assert_int_equal(pmc_weeks(tenth, 7, D0, &w, 1), 1);
	assert_true(isnan(w.monotony) && isnan(w.strain));
	check_near(w.load, 0.7, "load", 0);
	assert_int_equal(pmc_weeks(fifty, 7, D0, &w, 1), 1);
	assert_true(isnan(w.monotony) && isnan(w.strain));
	check_near(w.load, 350, "load", 0);
	assert_int_equal(pmc_weeks(rest, 7, D0, &w, 1), 1);
	assert_true(isnan(w.monotony) && isnan(w.strain));
	assert_true(w.load == 0);
	/* mean 351/7, SD sqrt(6)/7: monotony 351/sqrt(6) */
	assert_int_equal(pmc_weeks(one_off, 7, D0, &w, 1), 1);
	check_near(w.monotony, 351 / sqrt(6), "monotony", 0);
}

/* A series from a Wednesday for 15 days: Wed-Sun, a full week, Mon-Wed. */
static void test_partial_weeks(void **state)
{
	double loads[15];
	struct pmc_week w[3], sentinel;

	(void)state;
	assert_int_equal(date_weekday(D0 + 2), WEEKDAY_WED);
	for (size_t i = 0; i < N(loads); i++) {
		loads[i] = 10 * (double)(i + 1);
	}
	assert_int_equal(pmc_weeks(loads, N(loads), D0 + 2, NULL, 0), 3);
	assert_int_equal(pmc_weeks(loads, N(loads), D0 + 2, w, N(w)), 3);

	/* Monday and Tuesday are before the series: not counted, not rest */
	assert_int_equal(w[0].monday, D0);
	assert_int_equal(w[0].days, 5);
	check_near(w[0].load, 10 + 20 + 30 + 40 + 50, "load", 0);
	assert_true(isnan(w[0].monotony) && isnan(w[0].strain));

	assert_int_equal(w[1].monday, D0 + 7);
	assert_int_equal(w[1].days, 7);
	/* 60..120 by 10: mean 90, population SD 20 */
	check_near(w[1].load, 630, "load", 1);
	check_near(w[1].monotony, 4.5, "monotony", 1);
	check_near(w[1].strain, 630 * 4.5, "strain", 1);

	/* this week so far */
	assert_int_equal(w[2].monday, D0 + 14);
	assert_int_equal(w[2].days, 3);
	check_near(w[2].load, 130 + 140 + 150, "load", 2);
	assert_true(isnan(w[2].monotony) && isnan(w[2].strain));

	/* a short array gets the oldest weeks and the true count */
	memset(&sentinel, 0x5a, sizeof(sentinel));
	w[1] = sentinel;
	assert_int_equal(pmc_weeks(loads, N(loads), D0 + 2, w, 1), 3);
	assert_int_equal(w[0].monday, D0);
	assert_memory_equal(&w[1], &sentinel, sizeof(sentinel));
}

static void test_week_edges(void **state)
{
	static const double loads[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct pmc_week w[3];

	(void)state;
	/* one Sunday */
	assert_int_equal(date_weekday(D0 + 6), WEEKDAY_SUN);
	assert_int_equal(pmc_weeks(loads, 1, D0 + 6, w, N(w)), 1);
	assert_int_equal(w[0].monday, D0);
	assert_int_equal(w[0].days, 1);
	/* Sunday and Monday: two weeks */
	assert_int_equal(pmc_weeks(loads, 2, D0 + 6, w, N(w)), 2);
	assert_int_equal(w[1].monday, D0 + 7);
	assert_int_equal(w[1].days, 1);
	check_near(w[1].load, 2, "load", 1);
	/* Monday to Sunday: one week; one more day starts another */
	assert_int_equal(pmc_weeks(loads, 7, D0, w, N(w)), 1);
	assert_int_equal(pmc_weeks(loads, 8, D0, w, N(w)), 2);
	assert_int_equal(w[1].days, 1);
	/* a Monday before 1970: weeks still start on Monday */
	assert_int_equal(pmc_weeks(loads, 8, -3, w, N(w)), 2);
	assert_int_equal(date_weekday(w[0].monday), WEEKDAY_MON);
	assert_int_equal(w[0].monday, date_week_start(-3));
	assert_int_equal(w[0].days + w[1].days, 8);
}

/* Ten years of made-up training against plain loops written here. */
static void test_ten_years(void **state)
{
	enum {
		DAYS = 3650
	};
	static double loads[DAYS];
	static struct pmc_day out[DAYS];
	static struct pmc_week weeks[DAYS / 7 + 2];
	uint32_t rng = 2026;
	double ctl = 0, atl = 0, total = 0, week_total = 0;
	size_t n_weeks;

	(void)state;
	for (size_t i = 0; i < DAYS; i++) {
		loads[i] = lcg_load(&rng);
	}
	pmc_compute(loads, DAYS, D0 + 3, NULL, out);
	for (size_t i = 0; i < DAYS; i++) {
		double acute = 0, chronic = 0;

		check_near(out[i].tsb, ctl - atl, "tsb", i);
		ctl = ctl * 41 / 42 + loads[i] / 42;
		atl = atl * 6 / 7 + loads[i] / 7;
		check_near(out[i].ctl, ctl, "ctl", i);
		check_near(out[i].atl, atl, "atl", i);
		total += loads[i];
		if (i < 27) {
			assert_true(isnan(out[i].acwr_rolling));
			continue;
		}
		for (size_t j = i - 27; j <= i - 7; j++) {
			chronic += loads[j];
		}
		for (size_t j = i - 6; j <= i; j++) {
			acute += loads[j];
		}
		check_near(out[i].acwr_rolling, acute / (chronic / 3), "acwr_rolling", i);
	}
	n_weeks = pmc_weeks(loads, DAYS, D0 + 3, weeks, N(weeks));
	/* from a Thursday, 3650 days: 4 + 520 * 7 + 6 */
	assert_int_equal(n_weeks, 522);
	for (size_t w = 0; w < n_weeks; w++) {
		week_total += weeks[w].load;
	}
	assert_true(fabs(week_total - total) < 1e-6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),         cmocka_unit_test(test_constant),
		cmocka_unit_test(test_spike),         cmocka_unit_test(test_ewma),
		cmocka_unit_test(test_seed),          cmocka_unit_test(test_continue),
		cmocka_unit_test(test_rolling),       cmocka_unit_test(test_rolling_no_chronic),
		cmocka_unit_test(test_monotony),      cmocka_unit_test(test_even_week),
		cmocka_unit_test(test_partial_weeks), cmocka_unit_test(test_week_edges),
		cmocka_unit_test(test_ten_years),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
