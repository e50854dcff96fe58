/*
 * test_store_gear.c: gear in the store (store/store_gear.h), with its
 * figures derived from activities. Each test gets a fresh database in its
 * own temporary folder, with athletes 1 and 2.
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

/* Add gear of athlete_id with the name and first day (DATE_NONE for
 * unknown); returns its id. */
static int64_t add_gear(struct store *s, int64_t athlete_id, const char *name, int32_t since)
{
	struct gear g;
	struct err err = ERR_INIT;
	int64_t id;

	gear_init(&g);
	g.athlete_id = athlete_id;
	g.name = strdup(name);
	g.since = since;
	if (store_gear_add(s, &g, &err) != ERR_OK) {
		fail_msg("adding gear '%s': %s", name, err.msg);
	}
	assert_true(g.id > 0);
	id = g.id;
	gear_release(&g);
	return id;
}

/* Add a run of athlete 1 with gear; returns its id. */
static int64_t add_run(struct store *s, int64_t gear_id, int32_t date, double distance_m)
{
	struct activity a;
	struct err err = ERR_INIT;

	activity_init(&a);
	a.athlete_id = 1;
	a.date = date;
	a.distance_m = distance_m;
	a.duration_s = 3600;
	a.gear_id = gear_id;
	if (store_activity_add(s, &a, &err) != ERR_OK) {
		fail_msg("adding a run: %s", err.msg);
	}
	return a.id;
}

static void gear_list_of(struct store *s, int64_t athlete_id, struct gear_list *out)
{
	struct err err = ERR_INIT;

	if (store_gear_list(s, athlete_id, out, &err) != ERR_OK) {
		fail_msg("listing gear: %s", err.msg);
	}
}

/* The gear named name in l (which must be there). */
static const struct gear *named(const struct gear_list *l, const char *name)
{
	for (size_t i = 0; i < l->n_gears; i++) {
		if (strcmp(l->gears[i].name, name) == 0) {
			return &l->gears[i];
		}
	}
	fail_msg("no gear '%s' listed", name);
	return NULL;
}

/* store_gear_find(key) must find the gear with id want. */
static void find_ok(struct store *s, int64_t athlete_id, const char *key, int64_t want)
{
	struct gear g;
	struct err err = ERR_INIT;

	if (store_gear_find(s, athlete_id, key, &g, &err) != ERR_OK) {
		fail_msg("finding '%s': %s", key, err.msg);
	}
	if (g.id != want) {
		fail_msg("'%s' found gear %lld ('%s'), expected %lld", key, (long long)g.id, g.name,
		         (long long)want);
	}
	gear_release(&g);
}

/* store_gear_find(key) must fail with code and mention each word. */
static void find_fails(struct store *s, int64_t athlete_id, const char *key, enum err_code code,
                       const char *word1, const char *word2)
{
	struct gear g;
	struct err err = ERR_INIT;
	enum err_code rc = store_gear_find(s, athlete_id, key, &g, &err);
	char quoted[128];

	if (rc != code) {
		fail_msg("finding '%s' gave %d ('%s'), expected %d", key, (int)rc, err.msg,
		         (int)code);
	}
	assert_null(g.name); /* initialised, nothing found */
	gear_release(&g);
	snprintf(quoted, sizeof(quoted), "'%s'", key);
	if (!strstr(err.msg, quoted)) {
		fail_msg("message \"%s\" does not quote %s", err.msg, quoted);
	}
	if ((word1 && !strstr(err.msg, word1)) || (word2 && !strstr(err.msg, word2))) {
		fail_msg("message \"%s\" lacks '%s' or '%s'", err.msg, word1, word2 ? word2 : "");
	}
}

/* ---- tests ---- */

static void test_add_and_list_round_trip(void **state)
{
	struct fixture *f = *state;
	struct gear g;
	struct gear_list l = GEAR_LIST_INIT;
	struct err err = ERR_INIT;
	const struct gear *got;

	gear_init(&g);
	g.athlete_id = 1;
	g.name = strdup("Lilly's Pégasus 40");
	g.kind = GEAR_SHOES;
	g.since = day(2026, 3, 1);
	g.retired = DATE_NONE;
	g.limit_m = 800000;
	g.note = strdup("size 8, wide");
	assert_int_equal(store_gear_add(f->s, &g, &err), ERR_OK);
	assert_true(g.id > 0);
	gear_list_of(f->s, 1, &l);
	assert_int_equal(l.n_gears, 1);
	got = &l.gears[0];
	assert_int_equal(got->id, g.id);
	assert_int_equal(got->athlete_id, 1);
	assert_string_equal(got->name, g.name);
	assert_int_equal(got->kind, GEAR_SHOES);
	assert_int_equal(got->since, g.since);
	assert_int_equal(got->retired, DATE_NONE);
	assert_true(got->limit_m == 800000);
	assert_string_equal(got->note, "size 8, wide");
	assert_true(got->distance_m == 0);
	assert_int_equal(got->n_activities, 0);
	assert_int_equal(got->last_used, DATE_NONE);
	gear_list_release(&l);
	gear_release(&g);

	/* the unknowns stay unknown */
	gear_init(&g);
	g.athlete_id = 1;
	g.name = strdup("Canyon");
	g.kind = GEAR_BIKE;
	assert_int_equal(store_gear_add(f->s, &g, &err), ERR_OK);
	gear_list_of(f->s, 1, &l);
	got = named(&l, "Canyon");
	assert_int_equal(got->kind, GEAR_BIKE);
	assert_int_equal(got->since, DATE_NONE);
	assert_int_equal(got->retired, DATE_NONE);
	assert_true(isnan(got->limit_m));
	assert_null(got->note);
	gear_list_release(&l);
	gear_release(&g);

	/* another athlete has none of it */
	gear_list_of(f->s, 2, &l);
	assert_int_equal(l.n_gears, 0);
	gear_list_release(&l);
}

static void test_duplicate_names(void **state)
{
	struct fixture *f = *state;
	struct gear g;
	struct err err = ERR_INIT;

	add_gear(f->s, 1, "Pegasus 40", DATE_NONE);
	gear_init(&g);
	g.athlete_id = 1;
	g.name = strdup("PEGASUS 40");
	assert_int_equal(store_gear_add(f->s, &g, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "'PEGASUS 40'"));
	assert_int_equal(g.id, 0);
	gear_release(&g);
	/* the same name is fine for another athlete */
	add_gear(f->s, 2, "pegasus 40", DATE_NONE);
}

static void test_list_order(void **state)
{
	struct fixture *f = *state;
	struct gear_list l = GEAR_LIST_INIT;
	struct gear g;
	struct err err = ERR_INIT;

	add_gear(f->s, 1, "New", day(2026, 9, 1));
	add_gear(f->s, 1, "Old", day(2025, 1, 1));
	gear_init(&g);
	g.athlete_id = 1;
	g.name = strdup("Retired");
	g.since = day(2024, 1, 1);
	g.retired = day(2025, 6, 1);
	assert_int_equal(store_gear_add(f->s, &g, &err), ERR_OK);
	gear_release(&g);
	add_gear(f->s, 1, "Mid", day(2026, 1, 1));

	gear_list_of(f->s, 1, &l);
	assert_int_equal(l.n_gears, 4);
	/* in use first, oldest first; then retired */
	assert_string_equal(l.gears[0].name, "Old");
	assert_string_equal(l.gears[1].name, "Mid");
	assert_string_equal(l.gears[2].name, "New");
	assert_string_equal(l.gears[3].name, "Retired");
	assert_int_equal(l.gears[3].retired, day(2025, 6, 1));
	gear_list_release(&l);
}

static void test_derived_figures(void **state)
{
	struct fixture *f = *state;
	int64_t shoes = add_gear(f->s, 1, "Pegasus 40", DATE_NONE);
	int64_t spare = add_gear(f->s, 1, "Spare", DATE_NONE);
	int64_t late;
	struct gear_list l = GEAR_LIST_INIT;
	const struct gear *g;
	struct err err = ERR_INIT;

	add_run(f->s, shoes, day(2026, 11, 1), 8000);
	late = add_run(f->s, shoes, day(2026, 11, 21), 10000);
	add_run(f->s, shoes, day(2026, 11, 10), (double)NAN); /* counts, adds no distance */
	add_run(f->s, 0, day(2026, 11, 22), 5000);            /* no gear */
	gear_list_of(f->s, 1, &l);
	g = named(&l, "Pegasus 40");
	assert_true(fabs(g->distance_m - 18000) < 1e-9);
	assert_int_equal(g->n_activities, 3);
	assert_int_equal(g->last_used, day(2026, 11, 21));
	g = named(&l, "Spare");
	assert_true(g->distance_m == 0);
	assert_int_equal(g->n_activities, 0);
	assert_int_equal(g->last_used, DATE_NONE);
	gear_list_release(&l);

	/* removing an activity updates the figures */
	assert_int_equal(store_activity_remove(f->s, 1, late, &err), ERR_OK);
	gear_list_of(f->s, 1, &l);
	g = named(&l, "Pegasus 40");
	assert_true(fabs(g->distance_m - 8000) < 1e-9);
	assert_int_equal(g->n_activities, 2);
	assert_int_equal(g->last_used, day(2026, 11, 10));
	gear_list_release(&l);

	/* so does moving one to other gear */
	{
		struct activity a;
		int64_t id = add_run(f->s, shoes, day(2026, 11, 23), 7000);

		assert_int_equal(store_activity_get(f->s, 1, id, &a, &err), ERR_OK);
		a.gear_id = spare;
		assert_int_equal(store_activity_update(f->s, &a, &err), ERR_OK);
		activity_release(&a);
	}
	gear_list_of(f->s, 1, &l);
	g = named(&l, "Spare");
	assert_true(fabs(g->distance_m - 7000) < 1e-9);
	assert_int_equal(g->n_activities, 1);
	assert_int_equal(g->last_used, day(2026, 11, 23));
	g = named(&l, "Pegasus 40");
	assert_true(fabs(g->distance_m - 8000) < 1e-9);
	gear_list_release(&l);
}

/* The activity names its gear when read back. */
static void test_activity_carries_gear_name(void **state)
{
	struct fixture *f = *state;
	int64_t shoes = add_gear(f->s, 1, "Pegasus 40", DATE_NONE);
	int64_t id = add_run(f->s, shoes, day(2026, 11, 21), 8000);
	struct activity a;
	struct gear g;
	struct err err = ERR_INIT;

	assert_int_equal(store_activity_get(f->s, 1, id, &a, &err), ERR_OK);
	assert_int_equal(a.gear_id, shoes);
	assert_string_equal(a.gear, "Pegasus 40");
	activity_release(&a);

	/* renaming the gear renames it everywhere */
	assert_int_equal(store_gear_find(f->s, 1, "Pegasus 40", &g, &err), ERR_OK);
	free(g.name);
	g.name = strdup("Pegasus Forty");
	assert_int_equal(store_gear_update(f->s, &g, &err), ERR_OK);
	gear_release(&g);
	assert_int_equal(store_activity_get(f->s, 1, id, &a, &err), ERR_OK);
	assert_string_equal(a.gear, "Pegasus Forty");
	activity_release(&a);
}

static void test_find(void **state)
{
	struct fixture *f = *state;
	int64_t peg = add_gear(f->s, 1, "Pegasus", DATE_NONE);
	int64_t peg40 = add_gear(f->s, 1, "Pegasus 40", DATE_NONE);
	int64_t canyon = add_gear(f->s, 1, "Canyon", DATE_NONE);
	int64_t hers = add_gear(f->s, 2, "Cloudmonster", DATE_NONE);
	char key[32];

	/* by id */
	snprintf(key, sizeof(key), "%lld", (long long)canyon);
	find_ok(f->s, 1, key, canyon);
	snprintf(key, sizeof(key), "%lld", (long long)peg40);
	find_ok(f->s, 1, key, peg40);
	/* by exact name in any case, which beats being a prefix */
	find_ok(f->s, 1, "Pegasus", peg);
	find_ok(f->s, 1, "pegasus", peg);
	find_ok(f->s, 1, "PEGASUS 40", peg40);
	/* by unique prefix */
	find_ok(f->s, 1, "Can", canyon);
	find_ok(f->s, 1, "c", canyon);
	find_ok(f->s, 1, "pegasus 4", peg40);
	/* ambiguous prefix */
	find_fails(f->s, 1, "Peg", ERR_INPUT, "'Pegasus'", "'Pegasus 40'");
	find_fails(f->s, 1, "p", ERR_INPUT, "'Pegasus'", "'Pegasus 40'");
	/* unknown: the names there are listed */
	find_fails(f->s, 1, "Vaporfly", ERR_NOT_FOUND, "'Canyon'", "'Pegasus 40'");
	find_fails(f->s, 1, "", ERR_NOT_FOUND, "'Canyon'", NULL);
	find_fails(f->s, 1, "999", ERR_NOT_FOUND, NULL, NULL);
	find_fails(f->s, 1, "Pegasus 400", ERR_NOT_FOUND, NULL, NULL);
	/* another athlete's gear, by id or by name, is not found */
	snprintf(key, sizeof(key), "%lld", (long long)hers);
	find_fails(f->s, 1, key, ERR_NOT_FOUND, NULL, NULL);
	find_fails(f->s, 1, "Cloudmonster", ERR_NOT_FOUND, NULL, NULL);
	find_ok(f->s, 2, "cloud", hers);
	/* an athlete with no gear */
	find_fails(f->s, 3, "Pegasus", ERR_NOT_FOUND, NULL, NULL);
}

static void test_find_fills_figures(void **state)
{
	struct fixture *f = *state;
	int64_t shoes = add_gear(f->s, 1, "Pegasus 40", day(2026, 1, 1));
	struct gear g;
	struct err err = ERR_INIT;

	add_run(f->s, shoes, day(2026, 11, 21), 8000);
	assert_int_equal(store_gear_find(f->s, 1, "peg", &g, &err), ERR_OK);
	assert_int_equal(g.id, shoes);
	assert_string_equal(g.name, "Pegasus 40");
	assert_int_equal(g.since, day(2026, 1, 1));
	assert_true(fabs(g.distance_m - 8000) < 1e-9);
	assert_int_equal(g.n_activities, 1);
	assert_int_equal(g.last_used, day(2026, 11, 21));
	gear_release(&g);
}

static void test_update(void **state)
{
	struct fixture *f = *state;
	int64_t peg = add_gear(f->s, 1, "Pegasus", DATE_NONE);
	struct gear g;
	struct gear_list l = GEAR_LIST_INIT;
	struct err err = ERR_INIT;

	add_gear(f->s, 1, "Canyon", DATE_NONE);
	assert_int_equal(store_gear_find(f->s, 1, "Pegasus", &g, &err), ERR_OK);
	g.kind = GEAR_OTHER;
	g.since = day(2026, 1, 1);
	g.retired = day(2026, 11, 1);
	g.limit_m = 700000;
	g.note = strdup("worn out");
	assert_int_equal(store_gear_update(f->s, &g, &err), ERR_OK);
	gear_list_of(f->s, 1, &l);
	{
		const struct gear *got = named(&l, "Pegasus");

		assert_int_equal(got->id, peg);
		assert_int_equal(got->kind, GEAR_OTHER);
		assert_int_equal(got->since, day(2026, 1, 1));
		assert_int_equal(got->retired, day(2026, 11, 1));
		assert_true(got->limit_m == 700000);
		assert_string_equal(got->note, "worn out");
	}
	gear_list_release(&l);

	/* renaming onto another's name, in any case, conflicts */
	free(g.name);
	g.name = strdup("CANYON");
	assert_int_equal(store_gear_update(f->s, &g, &err), ERR_CONFLICT);
	/* the same name in another case is fine */
	free(g.name);
	g.name = strdup("PEGASUS");
	assert_int_equal(store_gear_update(f->s, &g, &err), ERR_OK);
	/* clearing values */
	g.limit_m = (double)NAN;
	free(g.note);
	g.note = NULL;
	g.retired = DATE_NONE;
	assert_int_equal(store_gear_update(f->s, &g, &err), ERR_OK);
	gear_list_of(f->s, 1, &l);
	{
		const struct gear *got = named(&l, "PEGASUS");

		assert_true(isnan(got->limit_m));
		assert_null(got->note);
		assert_int_equal(got->retired, DATE_NONE);
	}
	gear_list_release(&l);

	/* missing gear, or another athlete's */
	g.id = 999;
	assert_int_equal(store_gear_update(f->s, &g, &err), ERR_NOT_FOUND);
	g.id = peg;
	g.athlete_id = 2;
	assert_int_equal(store_gear_update(f->s, &g, &err), ERR_NOT_FOUND);
	gear_release(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_and_list_round_trip, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_names, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_order, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_derived_figures, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_activity_carries_gear_name,
		                                fixture_setup_store, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_find, fixture_setup_store, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_find_fills_figures, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_update, fixture_setup_store, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
