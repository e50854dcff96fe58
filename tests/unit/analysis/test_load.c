/*
 * test_load.c: training load per activity, on worked examples.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "analysis/load.h"

#define assert_near(a, b, tol) assert_true(fabs((double)(a) - (double)(b)) <= (tol))

static struct load_profile hr_profile(void)
{
	struct load_profile p = { 190, 50, SEX_M, (double)NAN };

	return p;
}

static void run(struct activity *a, double seconds, double metres)
{
	activity_init(a);
	a->sport = SPORT_RUN;
	a->duration_s = seconds;
	a->distance_m = metres;
}

/* Heart rate at threshold: LOAD_LTHR_OF_MAX of 190. */
#define LTHR (LOAD_LTHR_OF_MAX * 190)

static void test_trimp_check_values(void **state)
{
	(void)state;
	/* domain.md 1.1: 60 min at x = 0.5 is 50.1 for men, 59.5 for women */
	assert_near(load_trimp(60, 0.5, SEX_M), 50.1, 0.05);
	assert_near(load_trimp(60, 0.5, SEX_F), 59.5, 0.05);
	assert_near(load_trimp(60, 0.5, SEX_UNKNOWN), 50.1, 0.05);
	assert_near(load_trimp(0, 0.5, SEX_M), 0, 1e-12);
	assert_near(load_trimp(30, 0.5, SEX_M) * 2, load_trimp(60, 0.5, SEX_M), 1e-9);
}

static void test_minetti_factors(void **state)
{
	double flat = load_minetti_cost(0);

	(void)state;
	/* domain.md 1.8: +5 % 1.30, +10 % 1.66, -10 % 0.60, -20 % 0.50 */
	assert_near(flat, 3.6, 1e-12);
	assert_near(load_minetti_cost(0.05) / flat, 1.30, 0.01);
	assert_near(load_minetti_cost(0.10) / flat, 1.66, 0.01);
	assert_near(load_minetti_cost(-0.10) / flat, 0.60, 0.01);
	assert_near(load_minetti_cost(-0.20) / flat, 0.50, 0.01);
	/* beyond the fitted range the cost is that of its edge */
	assert_near(load_minetti_cost(0.9), load_minetti_cost(0.45), 1e-12);
}

static void test_hr_avg_hour_at_threshold_is_100(void **state)
{
	struct load_profile p = hr_profile();
	struct activity a;
	struct load_result r;

	(void)state;
	run(&a, 3600, 12000);
	a.hr_avg = (int)LTHR;
	r = load_compute(&a, NULL, &p);
	assert_int_equal(r.method, LOAD_HR_AVG);
	assert_near(r.points, 100, 1e-9);
	/* half an hour at threshold is half of it */
	a.duration_s = 1800;
	assert_near(load_compute(&a, NULL, &p).points, 50, 1e-9);
	/* moving time wins over elapsed */
	a.moving_s = 900;
	assert_near(load_compute(&a, NULL, &p).points, 25, 1e-9);
}

static void fill_trace(struct samples *s, int seconds, double hr)
{
	samples_init(s);
	for (int i = 0; i <= seconds; i++) {
		size_t row = samples_add_row(s);

		samples_set(s, row, SAMPLE_TIME, 1.7e9 + i);
		samples_set(s, row, SAMPLE_HR, hr);
	}
}

static void test_hr_samples(void **state)
{
	struct load_profile p = hr_profile();
	struct activity a;
	struct samples s;
	struct load_result r;

	(void)state;
	run(&a, 3600, 12000);
	a.hr_avg = 120; /* the trace wins over the average */
	fill_trace(&s, 3600, LTHR);
	r = load_compute(&a, &s, &p);
	assert_int_equal(r.method, LOAD_HR_SAMPLES);
	assert_near(r.points, 100, 0.01);
	samples_release(&s);

	/* a paused watch: a 20-minute gap adds nothing */
	samples_init(&s);
	for (int i = 0; i <= 1800; i++) {
		size_t row = samples_add_row(&s);

		samples_set(&s, row, SAMPLE_TIME, 1.7e9 + i + (i > 900 ? 1200 : 0));
		samples_set(&s, row, SAMPLE_HR, LTHR);
	}
	assert_near(load_compute(&a, &s, &p).points, 50, 0.1);
	samples_release(&s);

	/* under five minutes of heart rate: the average decides */
	fill_trace(&s, 120, LTHR);
	r = load_compute(&a, &s, &p);
	assert_int_equal(r.method, LOAD_HR_AVG);
	samples_release(&s);
}

static void test_pace(void **state)
{
	struct load_profile p = { 0, 0, SEX_F, 300 }; /* 5:00 /km */
	struct activity a;
	struct load_result r;
	struct samples s;

	(void)state;
	/* 10 km in 50:00 at threshold pace: IF 1, 5/6 h, 83.3 points */
	run(&a, 3000, 10000);
	r = load_compute(&a, NULL, &p);
	assert_int_equal(r.method, LOAD_PACE);
	assert_near(r.points, 100.0 * 5 / 6, 1e-9);
	/* an easy hour at 6:00 /km: IF 5/6 */
	run(&a, 3600, 10000);
	assert_near(load_compute(&a, NULL, &p).points, 100.0 * 25 / 36, 1e-9);

	/* uphill at the same speed is harder: 5 % grade all the way */
	samples_init(&s);
	for (int i = 0; i <= 3600; i++) {
		size_t row = samples_add_row(&s);

		samples_set(&s, row, SAMPLE_TIME, 1.7e9 + i);
		samples_set(&s, row, SAMPLE_DISTANCE, i * 10000.0 / 3600);
		samples_set(&s, row, SAMPLE_ALTITUDE, 100 + 0.05 * i * 10000.0 / 3600);
	}
	r = load_compute(&a, &s, &p);
	assert_int_equal(r.method, LOAD_PACE);
	assert_near(r.points / (100.0 * 25 / 36), pow(load_minetti_cost(0.05) / 3.6, 2), 0.01);
	/* ... but not on a treadmill, where the altitude is the building's */
	a.treadmill = true;
	assert_near(load_compute(&a, &s, &p).points, 100.0 * 25 / 36, 1e-9);
	samples_release(&s);

	/* pace is for running: a ride falls through */
	run(&a, 3600, 30000);
	a.sport = SPORT_BIKE;
	assert_int_equal(load_compute(&a, NULL, &p).method, LOAD_DEFAULT);
}

static void test_rpe_and_default(void **state)
{
	struct load_profile none = { 0, 0, SEX_UNKNOWN, (double)NAN };
	struct activity a;
	struct load_result r;

	(void)state;
	/* Foster: RPE 6 x 60 min = 360 AU, an hour at RPE 10 = 100 points */
	run(&a, 3600, (double)NAN);
	a.rpe = 6;
	r = load_compute(&a, NULL, &none);
	assert_int_equal(r.method, LOAD_RPE);
	assert_near(r.points, 60, 1e-9);
	a.rpe = 10;
	assert_near(load_compute(&a, NULL, &none).points, 100, 1e-9);

	/* nothing but a duration: the sport's default intensity */
	a.rpe = 0;
	r = load_compute(&a, NULL, &none);
	assert_int_equal(r.method, LOAD_DEFAULT);
	assert_near(r.points, 0.75 * 0.75 * 100, 1e-9);
	a.sport = SPORT_YOGA;
	assert_near(load_compute(&a, NULL, &none).points, 0.45 * 0.45 * 100, 1e-9);

	/* a distance alone is timed at the sport's default speed */
	run(&a, (double)NAN, 10080);
	r = load_compute(&a, NULL, &none);
	assert_int_equal(r.method, LOAD_DEFAULT);
	assert_near(r.points, 1.0 * 0.75 * 0.75 * 100, 1e-9); /* 10080 m at 2.8 m/s = 1 h */
	/* heart rate without the profile's max and rest cannot be used */
	run(&a, 3600, 12000);
	a.hr_avg = 150;
	assert_int_equal(load_compute(&a, NULL, &none).method, LOAD_DEFAULT);
}

static void test_method_names(void **state)
{
	enum load_method m;

	(void)state;
	for (int i = 0; i < LOAD_METHOD_COUNT; i++) {
		assert_true(load_method_from_name(load_method_name((enum load_method)i), &m));
		assert_int_equal(m, i);
	}
	assert_false(load_method_from_name("trimp", &m));
	assert_string_equal(load_method_name(LOAD_PACE), "pace");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trimp_check_values),
		cmocka_unit_test(test_minetti_factors),
		cmocka_unit_test(test_hr_avg_hour_at_threshold_is_100),
		cmocka_unit_test(test_hr_samples),
		cmocka_unit_test(test_pace),
		cmocka_unit_test(test_rpe_and_default),
		cmocka_unit_test(test_method_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
