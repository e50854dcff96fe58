/*
 * test_efforts.c: best recent efforts (analysis/efforts.h), on runs,
 * races and sample tracks made by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "analysis/efforts.h"
#include "analysis/predict.h"
#include "base/date.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* An outdoor run with an id, a day, a distance and an elapsed time. */
static void run_of(struct activity *a, int64_t id, int32_t date, double distance_m,
                   double duration_s)
{
	activity_init(a);
	a->id = id;
	a->athlete_id = 1;
	a->date = date;
	a->distance_m = distance_m;
	a->duration_s = duration_s;
}

/* A done race with a result (name borrowed: not released). */
static struct race race_done(int64_t id, const char *name, int32_t date, double distance_m,
                             double result_s, int64_t activity_id)
{
	struct race r;

	race_init(&r);
	r.id = id;
	r.name = (char *)name;
	r.date = date;
	r.distance_m = distance_m;
	r.status = RACE_DONE;
	r.result_s = result_s;
	r.activity_id = activity_id;
	return r;
}

/* Samples every `step` seconds at speed v_of(row), from t0. */
static void track(struct samples *s, size_t rows, double step, const double *speeds,
                  size_t n_speeds)
{
	double d = 0;

	samples_init(s);
	for (size_t k = 0; k < rows; k++) {
		size_t row = samples_add_row(s);

		samples_set(s, row, SAMPLE_TIME, 1.8e9 + (double)k * step);
		samples_set(s, row, SAMPLE_DISTANCE, d);
		d += speeds[k * n_speeds / rows] * step;
	}
}

static void pick(struct effort_search *search, struct effort_list *best)
{
	*best = (struct effort_list)EFFORT_LIST_INIT;
	efforts_pick(search, best);
}

static void test_bands(void **state)
{
	(void)state;
	assert_int_equal(effort_band_of(5000), EFFORT_5K);
	/* GPS: 2 % short to 5 % long */
	assert_int_equal(effort_band_of(4900), EFFORT_5K);
	assert_int_equal(effort_band_of(4899), EFFORT_NO_BAND);
	assert_int_equal(effort_band_of(5250), EFFORT_5K);
	assert_int_equal(effort_band_of(5251), EFFORT_NO_BAND);
	assert_int_equal(effort_band_of(10150), EFFORT_10K);
	assert_int_equal(effort_band_of(21300), EFFORT_HALF);
	assert_int_equal(effort_band_of(16093.44), EFFORT_10MI);
	assert_int_equal(effort_band_of(1609.344), EFFORT_MILE);
	assert_int_equal(effort_band_of(42195), EFFORT_MARATHON);
	assert_int_equal(effort_band_of(8000), EFFORT_NO_BAND);
	assert_string_equal(effort_band_name(EFFORT_HALF), "half");
	assert_string_equal(effort_band_name(EFFORT_NO_BAND), "");
	assert_true(effort_band_distance_m(EFFORT_HALF) == 21097.5);
	assert_true(isnan(effort_band_distance_m(EFFORT_NO_BAND)));
	assert_string_equal(effort_source_name(EFFORT_SEGMENT), "segment");
}

static void test_what_counts(void **state)
{
	struct activity a;
	struct race r;

	(void)state;
	run_of(&a, 1, day(2026, 11, 1), 10000, 2400);
	assert_true(efforts_activity_counts(&a));
	a.treadmill = true;
	assert_false(efforts_activity_counts(&a));
	a.treadmill = false;
	a.sport = SPORT_TRAIL;
	assert_false(efforts_activity_counts(&a));
	a.sport = SPORT_BIKE;
	assert_false(efforts_activity_counts(&a));
	a.sport = SPORT_RUN;
	/* a time is needed: elapsed, else moving */
	a.duration_s = (double)NAN;
	assert_false(efforts_activity_counts(&a));
	a.moving_s = 2400;
	assert_true(efforts_activity_counts(&a));
	a.distance_m = (double)NAN;
	assert_false(efforts_activity_counts(&a));

	r = race_done(1, "City 10k", day(2026, 11, 1), 10000, 2400, 0);
	assert_true(efforts_race_counts(&r));
	r.terrain = RACE_HILLY;
	assert_true(efforts_race_counts(&r));
	r.terrain = RACE_NET_DOWNHILL;
	assert_false(efforts_race_counts(&r));
	r.terrain = RACE_TRAIL;
	assert_false(efforts_race_counts(&r));
	r.terrain = RACE_FLAT;
	r.status = RACE_DNF;
	assert_false(efforts_race_counts(&r));
	r.status = RACE_DONE;
	r.result_s = (double)NAN;
	assert_false(efforts_race_counts(&r));
}

/* A whole 10k in 40:00 is a 10k effort with the VDOT domain.md gives. */
static void test_whole_run(void **state)
{
	struct effort_search search;
	struct effort_list best;
	struct activity a;

	(void)state;
	effort_search_init(&search);
	run_of(&a, 7, day(2026, 11, 1), 10000, 2400);
	efforts_add_activity(&search, &a, NULL);
	/* a 12 km run falls in no band and gives nothing without samples */
	run_of(&a, 8, day(2026, 11, 3), 12000, 3600);
	efforts_add_activity(&search, &a, NULL);
	/* a faster treadmill 10k does not count */
	run_of(&a, 9, day(2026, 11, 4), 10000, 2300);
	a.treadmill = true;
	efforts_add_activity(&search, &a, NULL);
	pick(&search, &best);
	assert_int_equal(best.n_efforts, 1);
	assert_int_equal(best.efforts[0].band, EFFORT_10K);
	assert_int_equal(best.efforts[0].source, EFFORT_ACTIVITY);
	assert_int_equal(best.efforts[0].e.activity_id, 7);
	assert_int_equal(best.efforts[0].e.day, day(2026, 11, 1));
	assert_true(best.efforts[0].e.time_s == 2400);
	assert_true(fabs(best.efforts[0].vdot - 51.9) < 0.05);
	assert_true(isnan(best.efforts[0].start_s));
	assert_null(best.efforts[0].race_name);
	effort_list_release(&best);
	effort_search_release(&search);
}

/* Within a band a race beats a faster training run; the race's numbers
 * replace its own activity's. */
static void test_race_preferred(void **state)
{
	struct effort_search search;
	struct effort_list best;
	struct activity a;
	struct race r;

	(void)state;
	effort_search_init(&search);
	/* the race's activity: GPS says 10.25 km in 41:10 */
	run_of(&a, 20, day(2026, 10, 18), 10250, 2470);
	efforts_add_activity(&search, &a, NULL);
	/* a faster 10k tempo run, later */
	run_of(&a, 21, day(2026, 11, 8), 10000, 2380);
	efforts_add_activity(&search, &a, NULL);
	r = race_done(3, "City 10k", day(2026, 10, 18), 10000, 2465, 20);
	efforts_add_race(&search, &r);
	pick(&search, &best);
	assert_int_equal(best.n_efforts, 1);
	assert_int_equal(best.efforts[0].source, EFFORT_RACE);
	assert_int_equal(best.efforts[0].race_id, 3);
	assert_string_equal(best.efforts[0].race_name, "City 10k");
	assert_int_equal(best.efforts[0].e.activity_id, 20);
	assert_true(best.efforts[0].e.distance_m == 10000);
	assert_true(best.efforts[0].e.time_s == 2465);
	effort_list_release(&best);
	effort_search_release(&search);
}

/* The race's own activity is not counted beside it, even in another band
 * or when offered after the race. */
static void test_race_replaces_its_activity(void **state)
{
	struct effort_search search;
	struct effort_list best;
	struct activity a;
	struct race r;

	(void)state;
	effort_search_init(&search);
	/* an 8 km race (no band) whose GPS read 10.0 km */
	r = race_done(4, "Odd 8k", day(2026, 10, 4), 8000, 1900, 30);
	efforts_add_race(&search, &r);
	run_of(&a, 30, day(2026, 10, 4), 10000, 1900);
	efforts_add_activity(&search, &a, NULL);
	pick(&search, &best);
	/* only the race, kept on its own */
	assert_int_equal(best.n_efforts, 1);
	assert_int_equal(best.efforts[0].band, EFFORT_NO_BAND);
	assert_true(best.efforts[0].e.distance_m == 8000);
	effort_list_release(&best);
	effort_search_release(&search);
}

/* A net-downhill race, and its activity, are left out entirely. */
static void test_downhill_course_left_out(void **state)
{
	struct effort_search search;
	struct effort_list best;
	struct activity a;
	struct race r;
	double speeds[] = { 4.5 };
	struct samples s;

	(void)state;
	effort_search_init(&search);
	r = race_done(5, "Revel", day(2026, 9, 13), 21097.5, 4500, 40);
	r.terrain = RACE_NET_DOWNHILL;
	efforts_add_race(&search, &r);
	run_of(&a, 40, day(2026, 9, 13), 21100, 4500);
	track(&s, 4700, 1.0, speeds, 1);
	efforts_add_activity(&search, &a, &s);
	pick(&search, &best);
	assert_int_equal(best.n_efforts, 0);
	effort_list_release(&best);
	effort_search_release(&search);
	samples_release(&s);
}

/* A 10-mile run at 4 m/s with a 5 km stretch at 5 m/s in the middle:
 * the best 5k is that stretch, 1000 s; the best 10k holds it and 5 km
 * at 4 m/s, 2250 s. */
static void test_stretch(void **state)
{
	/* 1 s samples: 2000 s at 4, 1000 s at 5, 2000 s at 4 m/s */
	double speeds[] = { 4, 4, 5, 4, 4 };
	struct samples s;
	double t = 0, start = 0;

	(void)state;
	track(&s, 5000, 1.0, speeds, 5);
	assert_true(efforts_best_stretch(&s, 5000, &t, &start));
	assert_true(fabs(t - 1000) < 1e-6);
	assert_true(fabs(start - 2000) < 1e-6);
	assert_true(efforts_best_stretch(&s, 10000, &t, &start));
	assert_true(fabs(t - 2250) < 1e-6);
	/* longer than the run: none */
	assert_false(efforts_best_stretch(&s, 21097.5, &t, &start));
	samples_release(&s);
}

/* Stretch start interpolated between samples 10 s apart. */
static void test_stretch_interpolates(void **state)
{
	double speeds[] = { 3 };
	struct samples s;
	double t = 0, start = 0;

	(void)state;
	track(&s, 200, 10.0, speeds, 1);
	/* 1609.344 m at 3 m/s = 536.448 s, whatever the grid */
	assert_true(efforts_best_stretch(&s, 1609.344, &t, &start));
	assert_true(fabs(t - 536.448) < 1e-6);
	samples_release(&s);
}

/* A GPS jump (200 m in one second) adds no distance, so it cannot make
 * a stretch look fast; backwards steps add none either. */
static void test_stretch_glitches(void **state)
{
	struct samples s;
	double t = 0, start = 0;

	(void)state;
	samples_init(&s);
	for (size_t k = 0; k < 2000; k++) {
		size_t row = samples_add_row(&s);
		double d = 3.0 * (double)k;

		if (k >= 1000) {
			d += 200; /* the jump between rows 999 and 1000 */
		}
		if (k == 1500) {
			d -= 50; /* one row read short */
		}
		samples_set(&s, row, SAMPLE_TIME, (double)k);
		samples_set(&s, row, SAMPLE_DISTANCE, d);
	}
	/* a row with no distance is skipped */
	samples_set(&s, samples_add_row(&s), SAMPLE_TIME, 2000);
	assert_true(efforts_best_stretch(&s, 5000, &t, &start));
	/* cleaned, the track is 3 m/s throughout but for three steps that
	 * count nothing (the jump, the drop and the recovery from it): the
	 * best 5000 m takes 5000 / 3 s, or up to 9 m longer, never less */
	assert_true(t >= 5000.0 / 3 - 1e-6);
	assert_true(t <= 5009.0 / 3 + 1e-6);
	samples_release(&s);

	/* without a distance column: nothing */
	samples_init(&s);
	samples_set(&s, samples_add_row(&s), SAMPLE_TIME, 0);
	samples_set(&s, samples_add_row(&s), SAMPLE_TIME, 1);
	assert_false(efforts_best_stretch(&s, 100, &t, &start));
	samples_release(&s);
}

/* Segments inside a run, alongside its whole; best per band by VDOT,
 * bands in order. */
static void test_segments_and_bands(void **state)
{
	double speeds[] = { 4, 4, 5, 4, 4 };
	struct effort_search search;
	struct effort_list best;
	struct activity a;
	struct samples s;

	(void)state;
	effort_search_init(&search);
	track(&s, 5000, 1.0, speeds, 5);
	run_of(&a, 50, day(2026, 11, 15), 21000, 5000);
	/* 21,000 m by the summary: a whole half (2 % short is allowed) */
	efforts_add_activity(&search, &a, &s);
	/* an older 5k run, slower than the stretch */
	run_of(&a, 51, day(2026, 10, 1), 5000, 1100);
	efforts_add_activity(&search, &a, NULL);
	pick(&search, &best);
	/* mile, 5k, 10k, 15k, 10mi from the stretches; half from the whole */
	assert_int_equal(best.n_efforts, 6);
	for (size_t i = 0; i < best.n_efforts; i++) {
		assert_int_equal(best.efforts[i].band, (enum effort_band)i);
	}
	assert_int_equal(best.efforts[1].source, EFFORT_SEGMENT);
	assert_int_equal(best.efforts[1].e.activity_id, 50);
	assert_true(fabs(best.efforts[1].e.time_s - 1000) < 1e-6);
	assert_true(fabs(best.efforts[1].start_s - 2000) < 1e-6);
	assert_int_equal(best.efforts[5].source, EFFORT_ACTIVITY);
	assert_true(best.efforts[5].e.distance_m == 21000);

	/* and they feed predict.h */
	{
		struct predict_effort arr[6];
		struct predict_result res;

		efforts_predict_array(&best, arr);
		assert_true(arr[1].time_s == best.efforts[1].e.time_s);
		assert_true(predict_from_efforts(arr, best.n_efforts, 10000, NULL, &res));
		/* the 5k stretch at 5 m/s has the highest VDOT */
		assert_int_equal(res.from, 1);
	}
	effort_list_release(&best);
	effort_search_release(&search);
	samples_release(&s);
}

/* Ties go to the later day; an impossible time (a typo'd file) is not
 * an effort. */
static void test_ties_and_glitches(void **state)
{
	struct effort_search search;
	struct effort_list best;
	struct activity a;

	(void)state;
	effort_search_init(&search);
	run_of(&a, 60, day(2026, 10, 1), 5000, 1200);
	efforts_add_activity(&search, &a, NULL);
	run_of(&a, 61, day(2026, 10, 8), 5000, 1200);
	efforts_add_activity(&search, &a, NULL);
	/* 5 km in 8 minutes */
	run_of(&a, 62, day(2026, 10, 9), 5000, 480);
	efforts_add_activity(&search, &a, NULL);
	pick(&search, &best);
	assert_int_equal(best.n_efforts, 1);
	assert_int_equal(best.efforts[0].e.activity_id, 61);
	effort_list_release(&best);
	effort_search_release(&search);
}

/* Races at odd distances come after the bands, by distance. */
static void test_odd_races_order(void **state)
{
	struct effort_search search;
	struct effort_list best;
	struct race r;

	(void)state;
	effort_search_init(&search);
	r = race_done(1, "25k", day(2026, 9, 1), 25000, 7200, 0);
	efforts_add_race(&search, &r);
	r = race_done(2, "8k", day(2026, 9, 8), 8000, 2000, 0);
	efforts_add_race(&search, &r);
	r = race_done(3, "Parkrun", day(2026, 9, 15), 5000, 1250, 0);
	efforts_add_race(&search, &r);
	pick(&search, &best);
	assert_int_equal(best.n_efforts, 3);
	assert_string_equal(best.efforts[0].race_name, "Parkrun");
	assert_string_equal(best.efforts[1].race_name, "8k");
	assert_string_equal(best.efforts[2].race_name, "25k");
	effort_list_release(&best);
	effort_search_release(&search);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bands),
		cmocka_unit_test(test_what_counts),
		cmocka_unit_test(test_whole_run),
		cmocka_unit_test(test_race_preferred),
		cmocka_unit_test(test_race_replaces_its_activity),
		cmocka_unit_test(test_downhill_course_left_out),
		cmocka_unit_test(test_stretch),
		cmocka_unit_test(test_stretch_interpolates),
		cmocka_unit_test(test_stretch_glitches),
		cmocka_unit_test(test_segments_and_bands),
		cmocka_unit_test(test_ties_and_glitches),
		cmocka_unit_test(test_odd_races_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
