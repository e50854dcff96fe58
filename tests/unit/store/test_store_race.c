/*
 * test_store_race.c: races in the store (store/store_race.h). Each test
 * gets a fresh database in its own temporary folder, with athletes 1
 * and 2.
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

#include "base/date.h"
#include "fixture.h"
#include "store/store.h"
#include "store/store_activity.h"
#include "store/store_race.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* A registered B race of athlete_id, not yet stored. */
static void race_of(struct race *r, int64_t athlete_id, const char *name, int32_t date,
                    double distance_m)
{
	race_init(r);
	r->athlete_id = athlete_id;
	r->name = strdup(name);
	r->date = date;
	r->distance_m = distance_m;
}

/* Store a race; returns its id. */
static int64_t add_race(struct store *s, int64_t athlete_id, const char *name, int32_t date,
                        double distance_m)
{
	struct race r;
	struct err err = ERR_INIT;
	int64_t id;

	race_of(&r, athlete_id, name, date, distance_m);
	if (store_race_add(s, &r, &err) != ERR_OK) {
		fail_msg("adding race '%s': %s", name, err.msg);
	}
	assert_true(r.id > 0);
	id = r.id;
	race_release(&r);
	return id;
}

/* Add a run of athlete_id; returns its id. */
static int64_t add_run(struct store *s, int64_t athlete_id, int32_t date, double distance_m,
                       double duration_s)
{
	struct activity a;
	struct err err = ERR_INIT;

	activity_init(&a);
	a.athlete_id = athlete_id;
	a.date = date;
	a.distance_m = distance_m;
	a.duration_s = duration_s;
	if (store_activity_add(s, &a, &err) != ERR_OK) {
		fail_msg("adding a run: %s", err.msg);
	}
	return a.id;
}

static void list_of(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                    struct race_list *out)
{
	struct err err = ERR_INIT;

	if (store_race_list(s, athlete_id, from, to, out, &err) != ERR_OK) {
		fail_msg("listing races: %s", err.msg);
	}
}

static void test_add_and_list_round_trip(void **state)
{
	struct fixture *f = *state;
	int64_t run = add_run(f->s, 1, day(2026, 10, 4), 21200, 5400);
	struct race r;
	struct race_list l = RACE_LIST_INIT;
	struct err err = ERR_INIT;

	race_of(&r, 1, "Phoenix Half", day(2026, 10, 4), 21097.5);
	r.priority = RACE_A;
	r.terrain = RACE_NET_DOWNHILL;
	r.status = RACE_DONE;
	r.goal_s = 5399;
	r.result_s = 5340.5;
	r.activity_id = run;
	r.note = strdup("windy");
	assert_int_equal(store_race_add(f->s, &r, &err), ERR_OK);
	race_release(&r);
	/* and one with every optional field unset */
	add_race(f->s, 1, "Turkey Trot", day(2026, 11, 26), 5000);

	list_of(f->s, 1, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n_races, 2);
	{
		const struct race *got = &l.races[0];

		assert_int_equal(got->athlete_id, 1);
		assert_string_equal(got->name, "Phoenix Half");
		assert_int_equal(got->date, day(2026, 10, 4));
		assert_true(got->distance_m == 21097.5);
		assert_int_equal(got->priority, RACE_A);
		assert_int_equal(got->terrain, RACE_NET_DOWNHILL);
		assert_int_equal(got->status, RACE_DONE);
		assert_true(got->goal_s == 5399);
		assert_true(got->result_s == 5340.5);
		assert_int_equal(got->activity_id, run);
		assert_string_equal(got->note, "windy");
	}
	{
		const struct race *got = &l.races[1];

		assert_string_equal(got->name, "Turkey Trot");
		assert_int_equal(got->priority, RACE_B);
		assert_int_equal(got->terrain, RACE_TERRAIN_UNKNOWN);
		assert_int_equal(got->status, RACE_REGISTERED);
		assert_true(isnan(got->goal_s));
		assert_true(isnan(got->result_s));
		assert_int_equal(got->activity_id, 0);
		assert_null(got->note);
	}
	race_list_release(&l);

	/* athlete 2 sees none of them */
	list_of(f->s, 2, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n_races, 0);
	race_list_release(&l);
}

static void test_list_order_and_range(void **state)
{
	struct fixture *f = *state;
	int64_t late = add_race(f->s, 1, "Late", day(2026, 12, 6), 42195);
	int64_t early = add_race(f->s, 1, "Early", day(2026, 3, 1), 10000);
	int64_t same_b = add_race(f->s, 1, "Same day B", day(2026, 6, 7), 5000);
	int64_t same_a = add_race(f->s, 1, "Same day A", day(2026, 6, 7), 10000);
	struct race_list l = RACE_LIST_INIT;

	/* by day, then id (the order they were added) */
	list_of(f->s, 1, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n_races, 4);
	assert_int_equal(l.races[0].id, early);
	assert_int_equal(l.races[1].id, same_b);
	assert_int_equal(l.races[2].id, same_a);
	assert_int_equal(l.races[3].id, late);
	race_list_release(&l);

	/* both ends inclusive */
	list_of(f->s, 1, day(2026, 6, 7), day(2026, 12, 6), &l);
	assert_int_equal(l.n_races, 3);
	assert_int_equal(l.races[0].id, same_b);
	assert_int_equal(l.races[2].id, late);
	race_list_release(&l);

	/* open at one end; the result is appended to what out holds */
	list_of(f->s, 1, DATE_NONE, day(2026, 6, 6), &l);
	assert_int_equal(l.n_races, 1);
	list_of(f->s, 1, day(2026, 6, 8), DATE_NONE, &l);
	assert_int_equal(l.n_races, 2);
	assert_int_equal(l.races[0].id, early);
	assert_int_equal(l.races[1].id, late);
	race_list_release(&l);
}

static void test_conflicts(void **state)
{
	struct fixture *f = *state;
	int64_t mine = add_run(f->s, 1, day(2026, 5, 3), 10000, 2500);
	int64_t hers = add_run(f->s, 2, day(2026, 5, 3), 10000, 2600);
	struct race r;
	struct err err = ERR_INIT;

	add_race(f->s, 1, "City 10k", day(2026, 5, 3), 10000);
	/* the same name on another day is another race (next year's) */
	add_race(f->s, 1, "City 10k", day(2027, 5, 2), 10000);
	/* another athlete may enter the same race */
	add_race(f->s, 2, "City 10k", day(2026, 5, 3), 10000);

	/* but not the same race twice, in any letter case */
	race_of(&r, 1, "CITY 10K", day(2026, 5, 3), 10000);
	assert_int_equal(store_race_add(f->s, &r, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "already a race 'CITY 10K' on 2026-05-03"));
	race_release(&r);

	/* an activity that is not hers, or not there */
	race_of(&r, 1, "Spring 10k", day(2026, 5, 3), 10000);
	r.status = RACE_DONE;
	r.activity_id = hers;
	err_clear(&err);
	assert_int_equal(store_race_add(f->s, &r, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "no activity"));
	r.activity_id = 9999;
	assert_int_equal(store_race_add(f->s, &r, &err), ERR_CONFLICT);

	/* one activity is the result of one race */
	r.activity_id = mine;
	assert_int_equal(store_race_add(f->s, &r, &err), ERR_OK);
	race_release(&r);
	race_of(&r, 1, "Other 10k", day(2026, 5, 3), 10000);
	r.status = RACE_DONE;
	r.activity_id = mine;
	assert_int_equal(store_race_add(f->s, &r, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "already the race 'Spring 10k'"));
	race_release(&r);
}

static void find_ok(struct store *s, int64_t athlete_id, const char *key, int64_t want)
{
	struct race r;
	struct err err = ERR_INIT;

	if (store_race_find(s, athlete_id, key, &r, &err) != ERR_OK) {
		fail_msg("finding '%s': %s", key, err.msg);
	}
	assert_int_equal(r.id, want);
	race_release(&r);
}

/* Finding key fails with code, the message holding has (and has2). */
static void find_fails(struct store *s, int64_t athlete_id, const char *key, enum err_code code,
                       const char *has, const char *has2)
{
	struct race r;
	struct err err = ERR_INIT;

	assert_int_equal(store_race_find(s, athlete_id, key, &r, &err), code);
	if (has && !strstr(err.msg, has)) {
		fail_msg("finding '%s': '%s' lacks '%s'", key, err.msg, has);
	}
	if (has2 && !strstr(err.msg, has2)) {
		fail_msg("finding '%s': '%s' lacks '%s'", key, err.msg, has2);
	}
	/* out is left initialised, safe to release */
	assert_null(r.name);
	race_release(&r);
}

static void test_find(void **state)
{
	struct fixture *f = *state;
	int64_t phx = add_race(f->s, 1, "Phoenix Marathon", day(2026, 2, 28), 42195);
	int64_t phx_half = add_race(f->s, 1, "Phoenix Half", day(2026, 2, 28), 21097.5);
	int64_t trot = add_race(f->s, 1, "Turkey Trot", day(2026, 11, 26), 5000);
	int64_t hers = add_race(f->s, 2, "Boston", day(2026, 4, 20), 42195);
	char key[32];

	/* by id, exact name in any case, unique prefix */
	snprintf(key, sizeof(key), "%lld", (long long)phx_half);
	find_ok(f->s, 1, key, phx_half);
	find_ok(f->s, 1, "phoenix marathon", phx);
	find_ok(f->s, 1, "turkey", trot);
	find_ok(f->s, 1, "Phoenix H", phx_half);
	/* a shared start is ambiguous, naming both */
	find_fails(f->s, 1, "Phoenix", ERR_INPUT, "'Phoenix Marathon'", "'Phoenix Half'");
	/* unknown: the races there are listed; with none, how to add one */
	find_fails(f->s, 1, "Boston", ERR_NOT_FOUND, "'Turkey Trot'", NULL);
	snprintf(key, sizeof(key), "%lld", (long long)hers);
	find_fails(f->s, 1, key, ERR_NOT_FOUND, NULL, NULL);
	find_fails(f->s, 1, "999", ERR_NOT_FOUND, NULL, NULL);
	find_fails(f->s, 3, "Boston", ERR_NOT_FOUND, "knead race add", NULL);
	find_ok(f->s, 2, "bos", hers);
}

static void test_find_repeated_name(void **state)
{
	struct fixture *f = *state;
	int64_t y2026 = add_race(f->s, 1, "City 10k", day(2026, 5, 3), 10000);
	int64_t y2027 = add_race(f->s, 1, "City 10k", day(2027, 5, 2), 10000);
	char key[32];

	/* the name alone cannot say which year: both are offered by id */
	find_fails(f->s, 1, "city 10k", ERR_INPUT, "2026-05-03", "2027-05-02");
	find_fails(f->s, 1, "City", ERR_INPUT, NULL, NULL);
	snprintf(key, sizeof(key), "%lld", (long long)y2027);
	find_ok(f->s, 1, key, y2027);
	snprintf(key, sizeof(key), "%lld", (long long)y2026);
	find_ok(f->s, 1, key, y2026);
}

static void test_update(void **state)
{
	struct fixture *f = *state;
	int64_t trot = add_race(f->s, 1, "Turkey Trot", day(2026, 11, 26), 5000);
	int64_t run = add_run(f->s, 1, day(2026, 11, 26), 5050, 1250);
	struct race r;
	struct race_list l = RACE_LIST_INIT;
	struct err err = ERR_INIT;

	add_race(f->s, 1, "Jingle Bell", day(2026, 12, 13), 5000);
	assert_int_equal(store_race_find(f->s, 1, "turkey", &r, &err), ERR_OK);
	r.status = RACE_DONE;
	r.result_s = 1250;
	r.activity_id = run;
	r.terrain = RACE_ROLLING;
	assert_int_equal(store_race_update(f->s, &r, &err), ERR_OK);
	list_of(f->s, 1, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.races[0].id, trot);
	assert_int_equal(l.races[0].status, RACE_DONE);
	assert_true(l.races[0].result_s == 1250);
	assert_int_equal(l.races[0].activity_id, run);
	assert_int_equal(l.races[0].terrain, RACE_ROLLING);
	assert_int_equal(l.races[1].status, RACE_REGISTERED);
	race_list_release(&l);

	/* renaming onto another race of the same day conflicts */
	free(r.name);
	r.name = strdup("jingle bell");
	r.date = day(2026, 12, 13);
	assert_int_equal(store_race_update(f->s, &r, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "already a race"));

	/* another race cannot take the activity trot was */
	r.date = day(2026, 11, 26);
	r.id = 999;
	assert_int_equal(store_race_update(f->s, &r, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "already the race 'Turkey Trot'"));

	/* missing, or another athlete's */
	r.activity_id = 0;
	r.status = RACE_REGISTERED;
	r.result_s = (double)NAN;
	assert_int_equal(store_race_update(f->s, &r, &err), ERR_NOT_FOUND);
	r.id = trot;
	r.athlete_id = 2;
	assert_int_equal(store_race_update(f->s, &r, &err), ERR_NOT_FOUND);
	race_release(&r);
}

static void test_removed_activity_unlinks(void **state)
{
	struct fixture *f = *state;
	int64_t run = add_run(f->s, 1, day(2026, 11, 26), 5050, 1250);
	struct race r;
	struct race_list l = RACE_LIST_INIT;
	struct err err = ERR_INIT;

	race_of(&r, 1, "Turkey Trot", day(2026, 11, 26), 5000);
	r.status = RACE_DONE;
	r.result_s = 1250;
	r.activity_id = run;
	assert_int_equal(store_race_add(f->s, &r, &err), ERR_OK);
	race_release(&r);
	assert_int_equal(store_activity_remove(f->s, 1, run, &err), ERR_OK);
	/* the race and its result stay; only the link goes */
	list_of(f->s, 1, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n_races, 1);
	assert_int_equal(l.races[0].activity_id, 0);
	assert_true(l.races[0].result_s == 1250);
	race_list_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_and_list_round_trip, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_order_and_range, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_conflicts, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_find, fixture_setup_store, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_find_repeated_name, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_update, fixture_setup_store, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_removed_activity_unlinks, fixture_setup_store,
		                                fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
