/*
 * test_store_activity.c: activities in the store (store/store_activity.h).
 * Each test gets a fresh database in its own temporary folder, with
 * athletes 1 and 2.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/date.h"
#include "fixture.h"
#include "store/store.h"
#include "store/store_activity.h"
#include "store/store_athlete.h"
#include "store/store_gear.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* A run of athlete 1 on the day, distance only. */
static struct activity run_on(int32_t date, double distance_m)
{
	struct activity a;

	activity_init(&a);
	a.athlete_id = 1;
	a.sport = SPORT_RUN;
	a.date = date;
	a.distance_m = distance_m;
	return a;
}

/* Set a start time hh:mm local at offset 0. */
static void start_at(struct activity *a, int hh, int mm)
{
	a->has_start = true;
	a->start_utc = (int64_t)a->date * 86400 + hh * 3600 + mm * 60;
	a->utc_offset = 0;
}

static int64_t add(struct store *s, struct activity *a)
{
	struct err err = ERR_INIT;

	if (store_activity_add(s, a, &err) != ERR_OK) {
		fail_msg("adding: %s", err.msg);
	}
	assert_true(a->id > 0);
	return a->id;
}

static int64_t add_gear(struct store *s, int64_t athlete_id, const char *name)
{
	struct gear g;
	struct err err = ERR_INIT;
	int64_t id;

	gear_init(&g);
	g.athlete_id = athlete_id;
	g.name = strdup(name);
	if (store_gear_add(s, &g, &err) != ERR_OK) {
		fail_msg("adding gear '%s': %s", name, err.msg);
	}
	id = g.id;
	gear_release(&g);
	return id;
}

static void list(struct store *s, const struct activity_query *q, struct activity_list *out)
{
	struct err err = ERR_INIT;

	if (store_activity_list(s, q, out, &err) != ERR_OK) {
		fail_msg("listing: %s", err.msg);
	}
}

/* The ids in the list are exactly want[0..n). */
static void check_ids(const struct activity_list *l, const int64_t *want, size_t n)
{
	if (l->n_activities != n) {
		fail_msg("listed %zu activities, expected %zu", l->n_activities, n);
	}
	for (size_t i = 0; i < n; i++) {
		if (l->activities[i].id != want[i]) {
			fail_msg("position %zu: id %lld, expected %lld", i,
			         (long long)l->activities[i].id, (long long)want[i]);
		}
	}
}

static void check_same_double(double got, double want, const char *what)
{
	if (isnan(want) ? !isnan(got) : got != want) {
		fail_msg("%s: got %g, expected %g", what, got, want);
	}
}

static void check_same_str(const char *got, const char *want, const char *what)
{
	if (!want || !got) {
		if (want != got) {
			fail_msg("%s: got %s, expected %s", what, got ? got : "NULL",
			         want ? want : "NULL");
		}
		return;
	}
	assert_string_equal(got, want);
}

/* Every stored field of got equals want's. */
static void check_same(const struct activity *got, const struct activity *want)
{
	assert_int_equal(got->id, want->id);
	assert_int_equal(got->athlete_id, want->athlete_id);
	assert_int_equal(got->sport, want->sport);
	assert_int_equal(got->treadmill, want->treadmill);
	assert_int_equal(got->date, want->date);
	assert_int_equal(got->has_start, want->has_start);
	if (want->has_start) {
		assert_int_equal(got->start_utc, want->start_utc);
		assert_int_equal(got->utc_offset, want->utc_offset);
	}
	check_same_double(got->distance_m, want->distance_m, "distance_m");
	check_same_double(got->duration_s, want->duration_s, "duration_s");
	check_same_double(got->moving_s, want->moving_s, "moving_s");
	check_same_double(got->ascent_m, want->ascent_m, "ascent_m");
	check_same_double(got->descent_m, want->descent_m, "descent_m");
	assert_int_equal(got->rpe, want->rpe);
	assert_int_equal(got->hr_avg, want->hr_avg);
	assert_int_equal(got->hr_max, want->hr_max);
	assert_int_equal(got->gear_id, want->gear_id);
	check_same_str(got->gear, want->gear, "gear");
	assert_int_equal(got->source, want->source);
	check_same_double(got->cadence_avg, want->cadence_avg, "cadence_avg");
	check_same_double(got->power_avg, want->power_avg, "power_avg");
	check_same_double(got->load, want->load, "load");
	assert_string_equal(got->load_method, want->load_method);
	check_same_str(got->name, want->name, "name");
	check_same_str(got->note, want->note, "note");
}

static void get_and_compare(struct store *s, const struct activity *want)
{
	struct activity got;
	struct err err = ERR_INIT;

	if (store_activity_get(s, want->athlete_id, want->id, &got, &err) != ERR_OK) {
		fail_msg("getting %lld: %s", (long long)want->id, err.msg);
	}
	check_same(&got, want);
	activity_release(&got);
}

/* ---- tests ---- */

static void test_round_trip_every_field(void **state)
{
	struct fixture *f = *state;
	struct activity a;

	activity_init(&a);
	a.athlete_id = 1;
	a.sport = SPORT_RUN;
	a.treadmill = true;
	a.date = day(2026, 11, 21);
	a.has_start = true;
	a.start_utc = (int64_t)day(2026, 11, 22) * 86400 + 5400;
	a.utc_offset = -18000;
	a.distance_m = 8000.5;
	a.duration_s = 2700.25;
	a.moving_s = 2650;
	a.ascent_m = 120.5;
	a.descent_m = 0; /* zero is a value, not unknown */
	a.rpe = 6;
	a.hr_avg = 150;
	a.hr_max = 175;
	a.gear_id = add_gear(f->s, 1, "Pegasus 40");
	activity_set_str(&a.gear, "Pegasus 40");
	a.source = SOURCE_FIT;
	a.cadence_avg = 172.5;
	a.power_avg = 231;
	a.load = 61.75;
	snprintf(a.load_method, sizeof(a.load_method), "hr-samples");
	activity_set_str(&a.name, "Evening 'tempo' \"run\"");
	activity_set_str(&a.note, "legs ok\nhamstring tight; Pégasus ✓");
	add(f->s, &a);
	get_and_compare(f->s, &a);

	/* and through a fresh handle, from the file */
	store_close(f->s);
	{
		struct err err = ERR_INIT;

		assert_int_equal(store_open(f->db, STORE_READ, &f->s, &err), ERR_OK);
	}
	get_and_compare(f->s, &a);
	activity_release(&a);
}

static void test_round_trip_unknowns(void **state)
{
	struct fixture *f = *state;
	struct activity a, got;
	struct err err = ERR_INIT;

	activity_init(&a);
	a.athlete_id = 1;
	a.sport = SPORT_SKI;
	a.date = day(2026, 11, 21);
	a.duration_s = 3 * 3600;
	add(f->s, &a);
	assert_int_equal(store_activity_get(f->s, 1, a.id, &got, &err), ERR_OK);
	check_same(&got, &a);
	assert_false(got.has_start);
	assert_true(isnan(got.distance_m));
	assert_true(isnan(got.moving_s));
	assert_true(isnan(got.ascent_m));
	assert_true(isnan(got.descent_m));
	assert_int_equal(got.rpe, 0);
	assert_int_equal(got.hr_avg, 0);
	assert_int_equal(got.gear_id, 0);
	assert_null(got.gear);
	assert_null(got.source_file);
	assert_null(got.source_sha256);
	assert_null(got.name);
	assert_null(got.note);
	assert_int_equal(got.source, SOURCE_MANUAL);
	assert_true(isnan(got.load));
	assert_string_equal(got.load_method, "");
	activity_release(&got);
	activity_release(&a);
}

/* Every sport and source survives the trip. */
static void test_round_trip_enums(void **state)
{
	struct fixture *f = *state;

	for (int i = 0; i < SPORT_COUNT; i++) {
		struct activity a = run_on(day(2026, 11, 1), (double)NAN);

		a.sport = (enum sport)i;
		a.duration_s = 600;
		a.source = (enum activity_source)(i % SOURCE_COUNT);
		add(f->s, &a);
		get_and_compare(f->s, &a);
	}
}

static void test_update(void **state)
{
	struct fixture *f = *state;
	struct activity a;
	struct err err = ERR_INIT;
	int64_t gear = add_gear(f->s, 1, "Pegasus 40");

	activity_init(&a);
	a.athlete_id = 1;
	a.sport = SPORT_RUN;
	a.date = day(2026, 11, 21);
	a.has_start = true;
	a.start_utc = (int64_t)day(2026, 11, 21) * 86400 + 3600;
	a.utc_offset = 3600;
	a.distance_m = 8000;
	a.duration_s = 2700;
	a.rpe = 6;
	a.hr_avg = 150;
	a.gear_id = gear;
	activity_set_str(&a.gear, "Pegasus 40");
	activity_set_str(&a.name, "old");
	activity_set_str(&a.note, "old note");
	add(f->s, &a);

	/* change everything, clearing what was known */
	a.sport = SPORT_TRAIL;
	a.date = day(2026, 11, 22);
	a.has_start = false;
	a.distance_m = (double)NAN;
	a.duration_s = 3600;
	a.moving_s = 3500;
	a.ascent_m = 400;
	a.descent_m = 390;
	a.rpe = 0;
	a.hr_avg = 0;
	a.hr_max = 180;
	a.gear_id = 0;
	activity_set_str(&a.gear, NULL);
	activity_set_str(&a.name, NULL);
	activity_set_str(&a.note, "new note");
	a.source = SOURCE_GPX;
	a.cadence_avg = (double)NAN;
	a.load = 80;
	snprintf(a.load_method, sizeof(a.load_method), "pace");
	assert_int_equal(store_activity_update(f->s, &a, &err), ERR_OK);
	get_and_compare(f->s, &a);

	/* an update without a load clears the stored one */
	a.load = (double)NAN;
	a.load_method[0] = '\0';
	assert_int_equal(store_activity_update(f->s, &a, &err), ERR_OK);
	get_and_compare(f->s, &a);

	/* and back again */
	a.has_start = true;
	a.start_utc = (int64_t)day(2026, 11, 22) * 86400 + 7200;
	a.utc_offset = -3600;
	a.gear_id = gear;
	activity_set_str(&a.gear, "Pegasus 40");
	a.distance_m = 12000;
	assert_int_equal(store_activity_update(f->s, &a, &err), ERR_OK);
	get_and_compare(f->s, &a);
	activity_release(&a);
}

static void test_missing_ids(void **state)
{
	struct fixture *f = *state;
	struct activity a = run_on(day(2026, 11, 21), 8000), got;
	struct err err = ERR_INIT;
	int64_t id = add(f->s, &a);

	assert_int_equal(store_activity_get(f->s, 1, 999, &got, &err), ERR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "999"));
	activity_release(&got);
	err_clear(&err);
	assert_int_equal(store_activity_remove(f->s, 1, 999, &err), ERR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "999"));
	err_clear(&err);
	a.id = 999;
	assert_int_equal(store_activity_update(f->s, &a, &err), ERR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "999"));

	/* another athlete's activity is not found either */
	a.id = id;
	assert_int_equal(store_activity_get(f->s, 2, id, &got, &err), ERR_NOT_FOUND);
	activity_release(&got);
	assert_int_equal(store_activity_remove(f->s, 2, id, &err), ERR_NOT_FOUND);
	a.athlete_id = 2;
	a.distance_m = 1;
	assert_int_equal(store_activity_update(f->s, &a, &err), ERR_NOT_FOUND);
	/* and it is untouched */
	a.athlete_id = 1;
	a.distance_m = 8000;
	get_and_compare(f->s, &a);
}

static void test_remove(void **state)
{
	struct fixture *f = *state;
	struct activity a = run_on(day(2026, 11, 21), 8000), b = run_on(day(2026, 11, 22), 5000);
	struct activity got;
	struct err err = ERR_INIT;
	struct activity_query q;
	struct activity_list l = ACTIVITY_LIST_INIT;

	add(f->s, &a);
	add(f->s, &b);
	assert_int_equal(store_activity_remove(f->s, 1, a.id, &err), ERR_OK);
	assert_int_equal(store_activity_get(f->s, 1, a.id, &got, &err), ERR_NOT_FOUND);
	activity_release(&got);
	assert_int_equal(store_activity_remove(f->s, 1, a.id, &err), ERR_NOT_FOUND);
	activity_query_init(&q, 1);
	list(f->s, &q, &l);
	check_ids(&l, &b.id, 1);
	activity_list_release(&l);
}

static void test_list_order(void **state)
{
	struct fixture *f = *state;
	struct activity a;
	int64_t d1_untimed, d1_0600, d1_1800, d2_untimed, d2_0700_first, d2_0700_second, d0;
	struct activity_query q;
	struct activity_list l = ACTIVITY_LIST_INIT;

	/* added out of order on purpose */
	a = run_on(day(2026, 11, 22), 5000);
	d2_untimed = add(f->s, &a);
	a = run_on(day(2026, 11, 21), 5000);
	start_at(&a, 18, 0);
	d1_1800 = add(f->s, &a);
	a = run_on(day(2026, 11, 22), 5000);
	start_at(&a, 7, 0);
	d2_0700_first = add(f->s, &a);
	a = run_on(day(2026, 11, 21), 5000);
	d1_untimed = add(f->s, &a);
	a = run_on(day(2026, 11, 21), 5000);
	start_at(&a, 6, 0);
	d1_0600 = add(f->s, &a);
	a = run_on(day(2026, 11, 22), 5000);
	start_at(&a, 7, 0);
	d2_0700_second = add(f->s, &a);
	a = run_on(day(2025, 12, 31), 5000);
	d0 = add(f->s, &a);

	activity_query_init(&q, 1);
	assert_int_equal(q.athlete_id, 1);
	assert_int_equal(q.from, DATE_NONE);
	assert_int_equal(q.to, DATE_NONE);
	assert_int_equal(q.sports, 0);
	assert_int_equal(q.gear_id, 0);
	assert_int_equal(q.last, 0);
	list(f->s, &q, &l);
	{
		const int64_t want[] = { d0,         d1_0600,       d1_1800,
			                 d1_untimed, d2_0700_first, d2_0700_second,
			                 d2_untimed };

		check_ids(&l, want, 7);
	}
	activity_list_release(&l);

	/* the latest three, still oldest first */
	q.last = 3;
	list(f->s, &q, &l);
	{
		const int64_t want[] = { d2_0700_first, d2_0700_second, d2_untimed };

		check_ids(&l, want, 3);
	}
	activity_list_release(&l);
	q.last = 5;
	list(f->s, &q, &l);
	{
		const int64_t want[] = { d1_1800, d1_untimed, d2_0700_first, d2_0700_second,
			                 d2_untimed };

		check_ids(&l, want, 5);
	}
	activity_list_release(&l);
	q.last = 100;
	list(f->s, &q, &l);
	assert_int_equal(l.n_activities, 7);
	activity_list_release(&l);
}

static void test_list_filters(void **state)
{
	struct fixture *f = *state;
	struct activity a;
	int64_t r1, b2, r3, s4, r5, other;
	int64_t shoes = add_gear(f->s, 1, "Pegasus 40");
	int64_t bike = add_gear(f->s, 1, "Canyon");
	struct activity_query q;
	struct activity_list l = ACTIVITY_LIST_INIT;

	a = run_on(day(2026, 11, 1), 8000);
	a.gear_id = shoes;
	r1 = add(f->s, &a);
	a = run_on(day(2026, 11, 2), 40000);
	a.sport = SPORT_BIKE;
	a.gear_id = bike;
	b2 = add(f->s, &a);
	a = run_on(day(2026, 11, 3), 10000);
	r3 = add(f->s, &a);
	a = run_on(day(2026, 11, 4), 1500);
	a.sport = SPORT_SWIM;
	s4 = add(f->s, &a);
	a = run_on(day(2026, 11, 5), 12000);
	a.gear_id = shoes;
	r5 = add(f->s, &a);
	a = run_on(day(2026, 11, 3), 5000);
	a.athlete_id = 2; /* never listed for athlete 1 */
	other = add(f->s, &a);

	/* from and to are inclusive */
	activity_query_init(&q, 1);
	q.from = day(2026, 11, 2);
	q.to = day(2026, 11, 4);
	list(f->s, &q, &l);
	{
		const int64_t want[] = { b2, r3, s4 };

		check_ids(&l, want, 3);
	}
	activity_list_release(&l);
	q.to = DATE_NONE;
	list(f->s, &q, &l);
	{
		const int64_t want[] = { b2, r3, s4, r5 };

		check_ids(&l, want, 4);
	}
	activity_list_release(&l);
	q.from = DATE_NONE;
	q.to = day(2026, 11, 1);
	list(f->s, &q, &l);
	check_ids(&l, &r1, 1);
	activity_list_release(&l);
	q.from = day(2026, 11, 6);
	q.to = DATE_NONE;
	list(f->s, &q, &l);
	check_ids(&l, NULL, 0);
	activity_list_release(&l);

	/* sports */
	activity_query_init(&q, 1);
	q.sports = 1u << SPORT_RUN;
	list(f->s, &q, &l);
	{
		const int64_t want[] = { r1, r3, r5 };

		check_ids(&l, want, 3);
	}
	activity_list_release(&l);
	q.sports = (1u << SPORT_BIKE) | (1u << SPORT_SWIM);
	list(f->s, &q, &l);
	{
		const int64_t want[] = { b2, s4 };

		check_ids(&l, want, 2);
	}
	activity_list_release(&l);
	q.sports = 1u << SPORT_YOGA;
	list(f->s, &q, &l);
	check_ids(&l, NULL, 0);
	activity_list_release(&l);

	/* gear */
	activity_query_init(&q, 1);
	q.gear_id = shoes;
	list(f->s, &q, &l);
	{
		const int64_t want[] = { r1, r5 };

		check_ids(&l, want, 2);
	}
	activity_list_release(&l);

	/* all together, with last */
	activity_query_init(&q, 1);
	q.from = day(2026, 11, 1);
	q.to = day(2026, 11, 5);
	q.sports = 1u << SPORT_RUN;
	q.last = 2;
	list(f->s, &q, &l);
	{
		const int64_t want[] = { r3, r5 };

		check_ids(&l, want, 2);
	}
	activity_list_release(&l);

	/* athlete 2 sees only hers */
	activity_query_init(&q, 2);
	list(f->s, &q, &l);
	check_ids(&l, &other, 1);
	activity_list_release(&l);
	activity_query_init(&q, 3);
	list(f->s, &q, &l);
	check_ids(&l, NULL, 0);
	activity_list_release(&l);
}

/* The list appends to what out already holds. */
static void test_list_appends(void **state)
{
	struct fixture *f = *state;
	struct activity a = run_on(day(2026, 11, 21), 8000);
	struct activity_query q;
	struct activity_list l = ACTIVITY_LIST_INIT;

	add(f->s, &a);
	activity_query_init(&q, 1);
	list(f->s, &q, &l);
	list(f->s, &q, &l);
	assert_int_equal(l.n_activities, 2);
	assert_int_equal(l.activities[0].id, a.id);
	assert_int_equal(l.activities[1].id, a.id);
	activity_list_release(&l);
}

static void test_gear_of_another_athlete(void **state)
{
	struct fixture *f = *state;
	int64_t hers = add_gear(f->s, 2, "Her shoes");
	int64_t mine = add_gear(f->s, 1, "My shoes");
	struct activity a = run_on(day(2026, 11, 21), 8000);
	struct err err = ERR_INIT;

	a.gear_id = hers;
	assert_int_equal(store_activity_add(f->s, &a, &err), ERR_CONFLICT);
	assert_int_equal(a.id, 0);
	err_clear(&err);
	a.gear_id = 9999; /* no such gear at all */
	assert_int_equal(store_activity_add(f->s, &a, &err), ERR_CONFLICT);
	/* updating onto her gear is refused too */
	a.gear_id = mine;
	add(f->s, &a);
	a.gear_id = hers;
	assert_int_equal(store_activity_update(f->s, &a, &err), ERR_CONFLICT);
	a.gear_id = mine;
	activity_set_str(&a.gear, "My shoes");
	get_and_compare(f->s, &a);
	activity_release(&a);
}

/* Adds inside a rolled-back transaction leave nothing behind. */
static void test_add_in_transaction(void **state)
{
	struct fixture *f = *state;
	struct activity a = run_on(day(2026, 11, 21), 8000);
	struct err err = ERR_INIT;
	struct activity_query q;
	struct activity_list l = ACTIVITY_LIST_INIT;

	assert_int_equal(store_begin(f->s, &err), ERR_OK);
	add(f->s, &a);
	a.id = 0;
	add(f->s, &a);
	store_rollback(f->s);
	activity_query_init(&q, 1);
	list(f->s, &q, &l);
	check_ids(&l, NULL, 0);
	activity_list_release(&l);
}

static void set_load(struct store *s, int64_t athlete_id, int64_t id, double load,
                     const char *method)
{
	struct err err = ERR_INIT;

	if (store_activity_set_load(s, athlete_id, id, load, method, &err) != ERR_OK) {
		fail_msg("setting the load of %lld: %s", (long long)id, err.msg);
	}
}

static size_t count_missing(struct store *s, int64_t athlete_id)
{
	struct err err = ERR_INIT;
	size_t n = 12345;

	assert_int_equal(store_activity_count_missing_load(s, athlete_id, &n, &err), ERR_OK);
	return n;
}

/* set_load changes the load and its method and nothing else; the
 * missing-load filter and count see only activities without one. */
static void test_set_load_and_missing(void **state)
{
	struct fixture *f = *state;
	struct activity a = run_on(day(2026, 11, 20), 8000);
	struct activity b = run_on(day(2026, 11, 21), 10000);
	struct activity c = run_on(day(2026, 11, 22), 5000);
	struct activity other = run_on(day(2026, 11, 22), 5000);
	struct activity_query q;
	struct activity_list l = ACTIVITY_LIST_INIT;
	struct err err = ERR_INIT;

	a.rpe = 5;
	activity_set_str(&a.note, "kept");
	add(f->s, &a);
	add(f->s, &b);
	c.load = 30;
	snprintf(c.load_method, sizeof(c.load_method), "rpe");
	add(f->s, &c);
	other.athlete_id = 2;
	add(f->s, &other);
	assert_int_equal(count_missing(f->s, 1), 2);
	assert_int_equal(count_missing(f->s, 2), 1);

	activity_query_init(&q, 1);
	q.missing_load = true;
	list(f->s, &q, &l);
	check_ids(&l, (int64_t[]){ a.id, b.id }, 2);
	activity_list_release(&l);

	set_load(f->s, 1, a.id, 42.5, "hr-avg");
	a.load = 42.5;
	snprintf(a.load_method, sizeof(a.load_method), "hr-avg");
	get_and_compare(f->s, &a);
	assert_int_equal(count_missing(f->s, 1), 1);
	list(f->s, &q, &l);
	check_ids(&l, (int64_t[]){ b.id }, 1);
	activity_list_release(&l);

	/* another athlete's activity is not found, and not changed */
	assert_int_equal(store_activity_set_load(f->s, 1, other.id, 1, "rpe", &err), ERR_NOT_FOUND);
	assert_int_equal(store_activity_set_load(f->s, 1, 9999, 1, "rpe", &err), ERR_NOT_FOUND);
	get_and_compare(f->s, &other);
	/* a NAN load clears it */
	set_load(f->s, 1, c.id, (double)NAN, NULL);
	assert_int_equal(count_missing(f->s, 1), 2);
	activity_release(&a);
	activity_release(&b);
	activity_release(&c);
	activity_release(&other);
}

static void test_span(void **state)
{
	struct fixture *f = *state;
	struct activity a = run_on(day(2026, 3, 2), 8000);
	struct activity b = run_on(day(2025, 12, 30), 8000);
	struct activity other = run_on(day(2020, 1, 1), 8000);
	struct err err = ERR_INIT;
	int32_t first = 0, last = 0;

	assert_int_equal(store_activity_span(f->s, 1, &first, &last, &err), ERR_OK);
	assert_int_equal(first, DATE_NONE);
	assert_int_equal(last, DATE_NONE);
	add(f->s, &a);
	add(f->s, &b);
	other.athlete_id = 2;
	add(f->s, &other);
	assert_int_equal(store_activity_span(f->s, 1, &first, &last, &err), ERR_OK);
	assert_int_equal(first, day(2025, 12, 30));
	assert_int_equal(last, day(2026, 3, 2));
}

/* Daily sums add a day's activities, count those without a load as 0,
 * leave days without activities at 0, and see neither days outside the
 * range nor another athlete. */
static void test_daily_loads(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	double loads[5];
	static const struct {
		int d;
		int64_t athlete;
		double load; /* NAN: none */
	} rows[] = {
		{ 27, 1, 10 }, /* before the range */
		{ 28, 1, 40 },  { 28, 1, 12.5 }, { 28, 2, 100 }, { 30, 1, 55 },
		{ 30, 1, NAN }, { 31, 1, NAN },  { 32, 1, 7 }, /* 2026-02-01, after the range */
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct activity a = run_on(day(2026, 1, 1) + rows[i].d - 1, 8000);

		a.athlete_id = rows[i].athlete;
		a.load = rows[i].load;
		if (!isnan(rows[i].load)) {
			snprintf(a.load_method, sizeof(a.load_method), "default");
		}
		add(f->s, &a);
		activity_release(&a);
	}
	/* 2026-01-27 .. 2026-01-31 */
	for (int i = 0; i < 5; i++) {
		loads[i] = -1;
	}
	assert_int_equal(store_activity_daily_loads(f->s, 1, day(2026, 1, 27), day(2026, 1, 31),
	                                            loads, &err),
	                 ERR_OK);
	assert_true(loads[0] == 10);
	assert_true(loads[1] == 52.5);
	assert_true(loads[2] == 0);
	assert_true(loads[3] == 55);
	assert_true(loads[4] == 0);
	/* one day */
	assert_int_equal(store_activity_daily_loads(f->s, 2, day(2026, 1, 28), day(2026, 1, 28),
	                                            loads, &err),
	                 ERR_OK);
	assert_true(loads[0] == 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip_every_field, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_round_trip_unknowns, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_round_trip_enums, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_update, fixture_setup_store, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_missing_ids, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_remove, fixture_setup_store, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_order, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_filters, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_appends, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_gear_of_another_athlete, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_add_in_transaction, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_set_load_and_missing, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_span, fixture_setup_store, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_daily_loads, fixture_setup_store,
		                                fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
