/*
 * test_training.c: stored loads and the fitness table
 * (advice/training.h), on a scratch database holding athletes 1 and 2.
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
#include <sqlite3.h>

#include "../store/fixture.h"
#include "advice/training.h"
#include "base/date.h"
#include "store/store_activity.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

static void close_to(double got, double want, double tol, const char *what)
{
	if (!(fabs(got - want) <= tol)) {
		fail_msg("%s: got %.9g, expected %.9g", what, got, want);
	}
}

/* A profile for athlete 1 with heart rates and a threshold pace. */
static void profile_init(struct athlete *p)
{
	athlete_init(p, 1);
	p->max_hr = 190;
	p->rest_hr = 50;
	p->sex = SEX_F;
	p->threshold_pace_s_per_km = 270; /* 4:30 /km */
}

/* A typed run of athlete 1 on day d, 45 minutes over 9 km. */
static struct activity run_on(int32_t d)
{
	struct activity a;

	activity_init(&a);
	a.athlete_id = 1;
	a.sport = SPORT_RUN;
	a.date = d;
	a.distance_m = 9000;
	a.duration_s = 2700;
	return a;
}

static int64_t add(struct store *s, struct activity *a)
{
	struct err err = ERR_INIT;

	if (store_activity_add(s, a, &err) != ERR_OK) {
		fail_msg("adding: %s", err.msg);
	}
	return a->id;
}

static struct activity get(struct store *s, int64_t athlete_id, int64_t id)
{
	struct activity a;
	struct err err = ERR_INIT;

	if (store_activity_get(s, athlete_id, id, &a, &err) != ERR_OK) {
		fail_msg("getting %lld: %s", (long long)id, err.msg);
	}
	return a;
}

static size_t refresh(struct store *s, const struct athlete *p, enum training_refresh which)
{
	struct err err = ERR_INIT;
	size_t n = 12345;

	if (training_refresh_loads(s, p, which, &n, &err) != ERR_OK) {
		fail_msg("refreshing: %s", err.msg);
	}
	return n;
}

/* The stored load of id is what load_compute gives a (without samples)
 * under p, with its method's name. */
static void check_load(struct store *s, const struct activity *a, const struct athlete *p,
                       enum load_method want_method)
{
	struct load_profile lp;
	struct load_result r;
	struct activity got = get(s, a->athlete_id, a->id);

	load_profile_from_athlete(&lp, p);
	r = load_compute(a, NULL, &lp);
	assert_int_equal(r.method, want_method);
	close_to(got.load, r.points, 1e-9, "load");
	assert_string_equal(got.load_method, load_method_name(want_method));
	activity_release(&got);
}

/* MISSING computes only activities without a load, ALL every one; each
 * gets the method its data allows. */
static void test_refresh_missing_then_all(void **state)
{
	struct fixture *f = *state;
	struct athlete p;
	struct activity hr = run_on(day(2026, 11, 2)), rpe = run_on(day(2026, 11, 3));
	struct activity pace = run_on(day(2026, 11, 4)), ski = run_on(day(2026, 11, 5));
	struct activity stale = run_on(day(2026, 11, 6)), other = run_on(day(2026, 11, 6));
	struct activity got;

	profile_init(&p);
	hr.hr_avg = 150;
	rpe.sport = SPORT_BIKE; /* no pace method for a ride */
	rpe.rpe = 6;
	ski.sport = SPORT_SKI;
	ski.distance_m = (double)NAN;
	stale.load = 999;
	snprintf(stale.load_method, sizeof(stale.load_method), "rpe");
	other.athlete_id = 2;
	add(f->s, &hr);
	add(f->s, &rpe);
	add(f->s, &pace);
	add(f->s, &ski);
	add(f->s, &stale);
	add(f->s, &other);

	assert_int_equal(refresh(f->s, &p, TRAINING_MISSING), 4);
	check_load(f->s, &hr, &p, LOAD_HR_AVG);
	check_load(f->s, &rpe, &p, LOAD_RPE);
	check_load(f->s, &pace, &p, LOAD_PACE);
	check_load(f->s, &ski, &p, LOAD_DEFAULT);
	got = get(f->s, 1, stale.id);
	assert_true(got.load == 999);
	activity_release(&got);
	/* another athlete's activity is not this profile's to compute */
	got = get(f->s, 2, other.id);
	assert_true(isnan(got.load));
	activity_release(&got);
	/* nothing is missing now */
	assert_int_equal(refresh(f->s, &p, TRAINING_MISSING), 0);

	assert_int_equal(refresh(f->s, &p, TRAINING_ALL), 5);
	check_load(f->s, &stale, &p, LOAD_PACE);
	check_load(f->s, &hr, &p, LOAD_HR_AVG);
	activity_release(&hr);
	activity_release(&rpe);
	activity_release(&pace);
	activity_release(&ski);
	activity_release(&stale);
	activity_release(&other);
}

static void test_profile_changes_loads(void **state)
{
	struct athlete a, b;

	(void)state;
	profile_init(&a);
	profile_init(&b);
	assert_false(training_profile_changes_loads(&a, &b));
	b.units = UNITS_MI;
	b.birth_year = 1990;
	b.budget_cents = 10000;
	assert_false(training_profile_changes_loads(&a, &b));
	b.max_hr = 191;
	assert_true(training_profile_changes_loads(&a, &b));
	profile_init(&b);
	b.rest_hr = 49;
	assert_true(training_profile_changes_loads(&a, &b));
	profile_init(&b);
	b.sex = SEX_M;
	assert_true(training_profile_changes_loads(&a, &b));
	profile_init(&b);
	b.threshold_pace_s_per_km = 271;
	assert_true(training_profile_changes_loads(&a, &b));
	b.threshold_pace_s_per_km = (double)NAN;
	assert_true(training_profile_changes_loads(&a, &b));
	a.threshold_pace_s_per_km = (double)NAN;
	assert_false(training_profile_changes_loads(&a, &b));
}

/* A new maximum heart rate changes heart-rate loads, keeping their method,
 * and leaves RPE loads as they were. */
static void test_profile_change_recomputes(void **state)
{
	struct fixture *f = *state;
	struct athlete before, after;
	struct activity hr = run_on(day(2026, 11, 2)), rpe = run_on(day(2026, 11, 3));
	struct activity got_before, got_after;

	profile_init(&before);
	before.threshold_pace_s_per_km = (double)NAN;
	hr.hr_avg = 155;
	rpe.rpe = 4;
	add(f->s, &hr);
	add(f->s, &rpe);
	refresh(f->s, &before, TRAINING_MISSING);
	got_before = get(f->s, 1, hr.id);

	after = before;
	after.max_hr = 200;
	assert_true(training_profile_changes_loads(&before, &after));
	assert_int_equal(refresh(f->s, &after, TRAINING_ALL), 2);
	got_after = get(f->s, 1, hr.id);
	assert_string_equal(got_after.load_method, "hr-avg");
	/* 155 is a smaller share of a larger reserve: less load */
	assert_true(got_after.load < got_before.load - 1);
	check_load(f->s, &hr, &after, LOAD_HR_AVG);
	check_load(f->s, &rpe, &after, LOAD_RPE);
	activity_release(&got_before);
	activity_release(&got_after);
	activity_release(&hr);
	activity_release(&rpe);
}

/* A recorded run: 40 minutes at 1 Hz, heart rate rising from 130 to 169. */
static void recorded_run(struct recording *rec)
{
	struct recorded *r;
	int64_t start = (int64_t)day(2026, 11, 21) * 86400 + 8 * 3600;

	recording_init(rec);
	rec->format = SOURCE_FIT;
	rec->file_name = strdup("morning.fit");
	memset(rec->sha256, 'a', 64);
	rec->sha256[64] = '\0';
	rec->size_bytes = 1000;
	rec->n_records = 2400;
	rec->n_sessions = 1;
	r = recording_add(rec);
	r->activity.sport = SPORT_RUN;
	r->activity.date = day(2026, 11, 21);
	r->activity.has_start = true;
	r->activity.start_utc = start;
	r->activity.duration_s = 2400;
	r->activity.distance_m = 8000;
	r->activity.hr_avg = 150;
	for (size_t i = 0; i < 2400; i++) {
		size_t row = samples_add_row(&r->samples);

		samples_set(&r->samples, row, SAMPLE_TIME, (double)(start + (int64_t)i));
		/* whole beats, as watches record them and the store keeps them */
		samples_set(&r->samples, row, SAMPLE_HR, (double)(130 + 40 * i / 2400));
	}
}

/* The sink stores each activity with its load from the samples, and
 * asks the store whether a file was seen. A later refresh of every load
 * reads the samples back and finds the same. */
static void test_sink_stores_sample_loads(void **state)
{
	struct fixture *f = *state;
	struct athlete p;
	struct training_sink ts;
	struct recording rec;
	struct load_profile lp;
	struct load_result want;
	struct activity got;
	struct err err = ERR_INIT;
	bool seen = true;
	int64_t id;

	profile_init(&p);
	load_profile_from_athlete(&lp, &p);
	recorded_run(&rec);
	want = load_compute(&rec.activities[0].activity, &rec.activities[0].samples, &lp);
	assert_int_equal(want.method, LOAD_HR_SAMPLES);

	training_sink_init(&ts, f->s, &p);
	assert_int_equal(ts.sink.seen(ts.sink.ctx, rec.sha256, &seen, &err), ERR_OK);
	assert_false(seen);
	assert_int_equal(ts.sink.save(ts.sink.ctx, &rec, &err), ERR_OK);
	assert_int_equal(ts.sink.seen(ts.sink.ctx, rec.sha256, &seen, &err), ERR_OK);
	assert_true(seen);
	id = rec.activities[0].activity.id;
	assert_true(id > 0);

	got = get(f->s, 1, id);
	assert_string_equal(got.load_method, "hr-samples");
	close_to(got.load, want.points, 1e-9, "load from the sink");
	/* not the average's figure: the trace is what counted */
	assert_true(fabs(got.load - load_compute(&got, NULL, &lp).points) > 0.01);
	activity_release(&got);

	assert_int_equal(refresh(f->s, &p, TRAINING_ALL), 1);
	got = get(f->s, 1, id);
	assert_string_equal(got.load_method, "hr-samples");
	close_to(got.load, want.points, 1e-9, "load after refresh");
	activity_release(&got);
	recording_release(&rec);
}

/* Samples damaged on disk do not stop a refresh: the activity gets the
 * load its summary allows (here its average heart rate). */
static void test_damaged_samples_fall_back(void **state)
{
	struct fixture *f = *state;
	struct athlete p;
	struct training_sink ts;
	struct recording rec;
	struct activity got;
	struct err err = ERR_INIT;
	sqlite3 *db;
	int64_t id;

	profile_init(&p);
	recorded_run(&rec);
	training_sink_init(&ts, f->s, &p);
	assert_int_equal(ts.sink.save(ts.sink.ctx, &rec, &err), ERR_OK);
	id = rec.activities[0].activity.id;
	/* a second connection breaks the blob, as a bad disk would */
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(
	        sqlite3_exec(db, "UPDATE samples SET data = x'4b5301ff'", NULL, NULL, NULL),
	        SQLITE_OK);
	sqlite3_close(db);

	assert_int_equal(refresh(f->s, &p, TRAINING_ALL), 1);
	got = get(f->s, 1, id);
	assert_string_equal(got.load_method, "hr-avg");
	check_load(f->s, &got, &p, LOAD_HR_AVG);
	activity_release(&got);
	recording_release(&rec);
}

/* Store activities with loads set by hand on the days of a series. */
static void add_loaded(struct store *s, int64_t athlete_id, int32_t d, double load)
{
	struct activity a = run_on(d);

	a.athlete_id = athlete_id;
	a.load = load;
	snprintf(a.load_method, sizeof(a.load_method), "rpe");
	add(s, &a);
	activity_release(&a);
}

static void same_day(const struct pmc_day *got, const struct pmc_day *want)
{
	assert_int_equal(got->day, want->day);
	close_to(got->load, want->load, 1e-12, "load");
	close_to(got->ctl, want->ctl, 1e-12, "ctl");
	close_to(got->atl, want->atl, 1e-12, "atl");
	close_to(got->tsb, want->tsb, 1e-12, "tsb");
	close_to(got->acwr_ewma, want->acwr_ewma, 1e-12, "acwr_ewma");
	if (isnan(want->acwr_rolling)) {
		assert_true(isnan(got->acwr_rolling));
	} else {
		close_to(got->acwr_rolling, want->acwr_rolling, 1e-12, "acwr_rolling");
	}
}

/* Fitness is computed from the first activity with zero seeds, whatever
 * the first row asked for: rows from a later day equal the same rows of
 * pmc_compute over the whole hand-made series. */
static void test_fitness_seeded_from_history(void **state)
{
	struct fixture *f = *state;
	/* 40 days from 2026-10-01: two activities on some days, rest days */
	double series[40];
	struct pmc_day want[40];
	struct pmc_day *days = NULL;
	int32_t first = day(2026, 10, 1);
	struct err err = ERR_INIT;
	size_t n = 0;

	for (int i = 0; i < 40; i++) {
		series[i] = 0;
		if (i % 7 == 6) {
			continue; /* a rest day each week */
		}
		series[i] = 40 + (i * 37) % 50;
		add_loaded(f->s, 1, first + i, series[i]);
		if (i % 5 == 0) {
			add_loaded(f->s, 1, first + i, 25.5);
			series[i] += 25.5;
		}
	}
	add_loaded(f->s, 2, first + 3, 500); /* another athlete's */
	pmc_compute(series, 40, first, NULL, want);
	/* the first day, by hand: 1/42 and 1/7 of its load */
	close_to(want[0].ctl, series[0] / 42, 1e-12, "hand ctl");
	close_to(want[0].atl, series[0] / 7, 1e-12, "hand atl");

	/* from the first activity */
	assert_int_equal(training_fitness(f->s, 1, DATE_NONE, first + 39, &days, &n, &err), ERR_OK);
	assert_int_equal(n, 40);
	for (size_t i = 0; i < n; i++) {
		same_day(&days[i], &want[i]);
	}
	free(days);

	/* a window in the middle carries the history before it */
	assert_int_equal(training_fitness(f->s, 1, first + 30, first + 35, &days, &n, &err),
	                 ERR_OK);
	assert_int_equal(n, 6);
	for (size_t i = 0; i < n; i++) {
		same_day(&days[i], &want[30 + i]);
	}
	assert_true(days[0].ctl > 10); /* not restarted from 0 */
	free(days);

	/* days before the first activity are zeros, then the same series */
	assert_int_equal(training_fitness(f->s, 1, first - 3, first + 2, &days, &n, &err), ERR_OK);
	assert_int_equal(n, 6);
	for (int i = 0; i < 3; i++) {
		assert_true(days[i].load == 0 && days[i].ctl == 0 && days[i].atl == 0);
	}
	for (int i = 0; i < 3; i++) {
		same_day(&days[3 + i], &want[i]);
	}
	free(days);

	/* days after the last activity decay: no load, fitness down by 1/42 */
	assert_int_equal(training_fitness(f->s, 1, first + 40, first + 40, &days, &n, &err),
	                 ERR_OK);
	assert_int_equal(n, 1);
	assert_true(days[0].load == 0);
	close_to(days[0].ctl, want[39].ctl * 41 / 42, 1e-12, "decayed ctl");
	free(days);
}

static void test_fitness_edges(void **state)
{
	struct fixture *f = *state;
	struct pmc_day *days = NULL;
	struct err err = ERR_INIT;
	size_t n = 99;

	/* no activities: nothing from the first one, zeros for a range */
	assert_int_equal(training_fitness(f->s, 1, DATE_NONE, DATE_NONE, &days, &n, &err), ERR_OK);
	assert_int_equal(n, 0);
	assert_null(days);
	assert_int_equal(
	        training_fitness(f->s, 1, day(2026, 1, 1), day(2026, 1, 7), &days, &n, &err),
	        ERR_OK);
	assert_int_equal(n, 7);
	assert_true(days[6].ctl == 0);
	free(days);
	/* a range that ends before it starts is empty */
	assert_int_equal(
	        training_fitness(f->s, 1, day(2026, 1, 7), day(2026, 1, 1), &days, &n, &err),
	        ERR_OK);
	assert_int_equal(n, 0);
	/* to DATE_NONE: through the last activity */
	add_loaded(f->s, 1, day(2026, 2, 1), 60);
	add_loaded(f->s, 1, day(2026, 2, 10), 60);
	assert_int_equal(training_fitness(f->s, 1, DATE_NONE, DATE_NONE, &days, &n, &err), ERR_OK);
	assert_int_equal(n, 10);
	assert_int_equal(days[0].day, day(2026, 2, 1));
	assert_int_equal(days[9].day, day(2026, 2, 10));
	free(days);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_refresh_missing_then_all, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test(test_profile_changes_loads),
		cmocka_unit_test_setup_teardown(test_profile_change_recomputes, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_sink_stores_sample_loads, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_damaged_samples_fall_back, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_fitness_seeded_from_history,
		                                fixture_setup_store, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_fitness_edges, fixture_setup_store,
		                                fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
