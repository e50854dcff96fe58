/*
 * test_store_body.c: regions, check-ins, wellness and injuries in the
 * store (store/store_body.h). Each test gets a fresh database in its own
 * temporary folder, with athletes 1 and 2 and the regions of a small
 * catalogue.
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
#include "core/body.h"
#include "core/region.h"
#include "fixture.h"
#include "store/store.h"
#include "store/store_body.h"

static const char catalogue[] = "[thigh]\nname = thigh\nsided = yes\n"
                                "[hamstrings]\nname = hamstrings\nparent = thigh\nsided = yes\n"
                                "aliases = hamstring, hammy\n"
                                "[calf]\nname = calf\nsided = yes\n"
                                "[achilles]\nname = Achilles\nsided = yes\n"
                                "[neck]\nname = neck\nsided = no\n"
                                "[lower-back]\nname = lower back\nsided = no\n";

static void sync_text(struct store *s, const char *text)
{
	struct region_catalog cat = REGION_CATALOG_INIT;
	struct err err = ERR_INIT;

	if (region_catalog_parse(&cat, text, "test.ini", &err) || store_begin(s, &err) != ERR_OK) {
		fail_msg("catalogue: %s", err.msg);
	}
	if (store_regions_sync(s, &cat, &err) != ERR_OK) {
		store_rollback(s);
		fail_msg("syncing regions: %s", err.msg);
	}
	if (store_commit(s, &err) != ERR_OK) {
		fail_msg("committing regions: %s", err.msg);
	}
	region_catalog_release(&cat);
}

static int setup(void **state)
{
	struct region_catalog cat = REGION_CATALOG_INIT;
	struct err err = ERR_INIT;
	struct fixture *f;

	if (fixture_setup_store(state)) {
		return -1;
	}
	f = *state;
	if (region_catalog_parse(&cat, catalogue, "test.ini", &err) ||
	    store_regions_sync(f->s, &cat, &err)) {
		fprintf(stderr, "setup: %s\n", err.msg);
		region_catalog_release(&cat);
		fixture_teardown(state);
		return -1;
	}
	region_catalog_release(&cat);
	return 0;
}

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* ---------------------------------------------------------------- check-ins */

static void init_checkin(struct checkin *c, int64_t athlete_id, int32_t d, const char *region,
                         enum side side)
{
	checkin_init(c);
	c->athlete_id = athlete_id;
	c->day = d;
	snprintf(c->region, sizeof(c->region), "%s", region);
	c->side = side;
}

/* Put a check-in with one level (measure m) and an optional note; returns
 * its id and whether it merged. */
static int64_t put(struct store *s, int64_t athlete_id, int32_t d, const char *region,
                   enum side side, enum measure m, int level, const char *note, bool *merged)
{
	struct checkin c;
	struct err err = ERR_INIT;
	int64_t id;

	init_checkin(&c, athlete_id, d, region, side);
	c.level[m] = level;
	c.note = note ? strdup(note) : NULL;
	if (store_checkin_put(s, &c, merged, &err) != ERR_OK) {
		fail_msg("putting a check-in on %s: %s", region, err.msg);
	}
	assert_true(c.id > 0);
	id = c.id;
	checkin_release(&c);
	return id;
}

static void list_checkins(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                          struct checkin_list *out)
{
	struct err err = ERR_INIT;

	if (store_checkin_list(s, athlete_id, from, to, out, &err) != ERR_OK) {
		fail_msg("listing check-ins: %s", err.msg);
	}
}

static void check_levels(const struct checkin *c, int soreness, int tightness, int pain)
{
	assert_int_equal(c->level[MEASURE_SORENESS], soreness);
	assert_int_equal(c->level[MEASURE_TIGHTNESS], tightness);
	assert_int_equal(c->level[MEASURE_PAIN], pain);
}

static void test_regions_sync(void **state)
{
	struct fixture *f = *state;
	bool merged;

	/* again, unchanged; then renamed, reparented and with a region more */
	sync_text(f->s, catalogue);
	sync_text(f->s, "[leg]\nname = leg\nsided = yes\n"
	                "[calf]\nname = calf muscle\nparent = leg\nsided = yes\n"
	                "[shin]\nname = shin\nparent = leg\nsided = yes\n");
	put(f->s, 1, day(2026, 3, 2), "shin", SIDE_LEFT, MEASURE_PAIN, 2, NULL, &merged);
	put(f->s, 1, day(2026, 3, 2), "calf", SIDE_LEFT, MEASURE_PAIN, 2, NULL, &merged);
	/* regions no longer in the catalogue stay */
	put(f->s, 1, day(2026, 3, 2), "neck", SIDE_NONE, MEASURE_PAIN, 2, NULL, &merged);
	assert_false(merged);
}

static void test_checkin_merge(void **state)
{
	struct fixture *f = *state;
	struct checkin_list l = CHECKIN_LIST_INIT;
	struct checkin c;
	struct err err = ERR_INIT;
	int32_t d = day(2026, 3, 2);
	int64_t id;
	bool merged = true;

	id = put(f->s, 1, d, "hamstrings", SIDE_LEFT, MEASURE_SORENESS, 4, "after intervals",
	         &merged);
	assert_false(merged);

	/* a second measure the same day completes it, and c gets the whole */
	init_checkin(&c, 1, d, "hamstrings", SIDE_LEFT);
	c.level[MEASURE_PAIN] = 3;
	assert_int_equal(store_checkin_put(f->s, &c, &merged, &err), ERR_OK);
	assert_true(merged);
	assert_int_equal(c.id, id);
	check_levels(&c, 4, -1, 3);
	assert_string_equal(c.note, "after intervals");
	checkin_release(&c);

	/* a level given again replaces the stored one; a note replaces the note */
	assert_int_equal(
	        put(f->s, 1, d, "hamstrings", SIDE_LEFT, MEASURE_SORENESS, 6, "evening", &merged),
	        id);
	assert_true(merged);

	list_checkins(f->s, 1, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].id, id);
	assert_int_equal(l.items[0].athlete_id, 1);
	assert_int_equal(l.items[0].day, d);
	assert_string_equal(l.items[0].region, "hamstrings");
	assert_int_equal(l.items[0].side, SIDE_LEFT);
	check_levels(&l.items[0], 6, -1, 3);
	assert_string_equal(l.items[0].note, "evening");
	checkin_list_release(&l);

	/* the next day is a new check-in */
	assert_int_not_equal(
	        put(f->s, 1, d + 1, "hamstrings", SIDE_LEFT, MEASURE_PAIN, 2, NULL, &merged), id);
	assert_false(merged);
}

/* Each side is its own check-in; an unsided region merges with itself. */
static void test_checkin_sides(void **state)
{
	struct fixture *f = *state;
	struct checkin_list l = CHECKIN_LIST_INIT;
	int32_t d = day(2026, 3, 2);
	bool merged;

	put(f->s, 1, d, "hamstrings", SIDE_RIGHT, MEASURE_PAIN, 5, NULL, &merged);
	put(f->s, 1, d, "hamstrings", SIDE_LEFT, MEASURE_PAIN, 2, NULL, &merged);
	assert_false(merged);
	put(f->s, 1, d, "hamstrings", SIDE_BOTH, MEASURE_TIGHTNESS, 7, NULL, &merged);
	assert_false(merged);
	put(f->s, 1, d, "neck", SIDE_NONE, MEASURE_TIGHTNESS, 3, NULL, &merged);
	assert_false(merged);
	put(f->s, 1, d, "neck", SIDE_NONE, MEASURE_SORENESS, 1, NULL, &merged);
	assert_true(merged);
	put(f->s, 1, d, "calf", SIDE_LEFT, MEASURE_SORENESS, 2, NULL, &merged);
	assert_false(merged);

	list_checkins(f->s, 1, d, d, &l);
	assert_int_equal(l.n, 5);
	/* by region, then side */
	assert_string_equal(l.items[0].region, "calf");
	assert_string_equal(l.items[1].region, "hamstrings");
	assert_string_equal(l.items[2].region, "hamstrings");
	assert_string_equal(l.items[3].region, "hamstrings");
	assert_string_equal(l.items[4].region, "neck");
	for (size_t i = 1; i <= 3; i++) {
		switch (l.items[i].side) {
		case SIDE_LEFT:
			check_levels(&l.items[i], -1, -1, 2);
			break;
		case SIDE_RIGHT:
			check_levels(&l.items[i], -1, -1, 5);
			break;
		case SIDE_BOTH:
			check_levels(&l.items[i], -1, 7, -1);
			break;
		default:
			fail_msg("hamstrings listed without a side");
		}
	}
	assert_int_not_equal(l.items[1].side, l.items[2].side);
	assert_int_not_equal(l.items[2].side, l.items[3].side);
	assert_int_not_equal(l.items[1].side, l.items[3].side);
	assert_int_equal(l.items[4].side, SIDE_NONE);
	check_levels(&l.items[4], 1, 3, -1);
	checkin_list_release(&l);
}

static void test_checkin_range(void **state)
{
	struct fixture *f = *state;
	struct checkin_list l = CHECKIN_LIST_INIT;
	int32_t d = day(2026, 3, 2);
	bool merged;

	/* written out of order */
	put(f->s, 1, d + 5, "calf", SIDE_LEFT, MEASURE_PAIN, 1, NULL, &merged);
	put(f->s, 1, d, "hamstrings", SIDE_LEFT, MEASURE_PAIN, 4, NULL, &merged);
	put(f->s, 1, d + 1, "hamstrings", SIDE_LEFT, MEASURE_PAIN, 3, NULL, &merged);
	put(f->s, 1, d, "calf", SIDE_LEFT, MEASURE_PAIN, 2, NULL, &merged);

	list_checkins(f->s, 1, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.items[0].day, d);
	assert_string_equal(l.items[0].region, "calf");
	assert_int_equal(l.items[1].day, d);
	assert_string_equal(l.items[1].region, "hamstrings");
	assert_int_equal(l.items[2].day, d + 1);
	assert_int_equal(l.items[3].day, d + 5);
	checkin_list_release(&l);

	list_checkins(f->s, 1, d + 1, d + 5, &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.items[0].day, d + 1);
	assert_int_equal(l.items[1].day, d + 5);
	checkin_list_release(&l);

	list_checkins(f->s, 1, DATE_NONE, d, &l);
	assert_int_equal(l.n, 2);
	checkin_list_release(&l);
	list_checkins(f->s, 1, d + 2, DATE_NONE, &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].day, d + 5);
	checkin_list_release(&l);
	list_checkins(f->s, 1, d + 2, d + 4, &l);
	assert_int_equal(l.n, 0);
	checkin_list_release(&l);
}

/* A region the region table does not know is refused, and nothing stays. */
static void test_checkin_unknown_region(void **state)
{
	struct fixture *f = *state;
	struct checkin_list l = CHECKIN_LIST_INIT;
	struct checkin c;
	struct err err = ERR_INIT;
	bool merged;

	init_checkin(&c, 1, day(2026, 3, 2), "elbow", SIDE_LEFT);
	c.level[MEASURE_PAIN] = 3;
	assert_int_not_equal(store_checkin_put(f->s, &c, &merged, &err), ERR_OK);
	assert_int_equal(err.code, ERR_CONFLICT);
	checkin_release(&c);

	list_checkins(f->s, 1, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n, 0);
	checkin_list_release(&l);

	/* once the catalogue has it, it can be named */
	sync_text(f->s, "[elbow]\nname = elbow\nsided = yes\n");
	put(f->s, 1, day(2026, 3, 2), "elbow", SIDE_LEFT, MEASURE_PAIN, 3, NULL, &merged);
	assert_false(merged);
}

/* ---------------------------------------------------------------- wellness */

static void test_wellness(void **state)
{
	struct fixture *f = *state;
	struct wellness_list l = WELLNESS_LIST_INIT;
	struct wellness w;
	struct err err = ERR_INIT;
	int32_t d = day(2026, 3, 2);
	bool merged = true;
	int64_t id;

	wellness_init(&w);
	w.athlete_id = 1;
	w.day = d;
	w.sleep_s = 7.5 * 3600;
	w.rest_hr = 48;
	w.note = strdup("morning");
	assert_int_equal(store_wellness_put(f->s, &w, &merged, &err), ERR_OK);
	assert_false(merged);
	assert_true(w.id > 0);
	id = w.id;
	wellness_release(&w);

	/* later the same day: completes the morning's entry */
	wellness_init(&w);
	w.athlete_id = 1;
	w.day = d;
	w.mood = 8;
	w.fatigue = 3;
	w.rest_hr = 50;
	assert_int_equal(store_wellness_put(f->s, &w, &merged, &err), ERR_OK);
	assert_true(merged);
	assert_int_equal(w.id, id);
	assert_int_equal(w.day, d);
	assert_true(w.sleep_s == 7.5 * 3600);
	assert_int_equal(w.rest_hr, 50);
	assert_int_equal(w.mood, 8);
	assert_int_equal(w.fatigue, 3);
	assert_int_equal(w.stress, -1);
	assert_string_equal(w.note, "morning");
	wellness_release(&w);

	/* another day, earlier */
	wellness_init(&w);
	w.athlete_id = 1;
	w.day = d - 3;
	w.weight_kg = 61.5;
	w.hrv_ms = 72;
	assert_int_equal(store_wellness_put(f->s, &w, &merged, &err), ERR_OK);
	assert_false(merged);
	wellness_release(&w);

	assert_int_equal(store_wellness_list(f->s, 1, DATE_NONE, DATE_NONE, &l, &err), ERR_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.items[0].day, d - 3);
	assert_true(l.items[0].weight_kg == 61.5);
	assert_true(l.items[0].hrv_ms == 72);
	assert_true(isnan(l.items[0].sleep_s));
	assert_int_equal(l.items[0].mood, -1);
	assert_int_equal(l.items[0].rest_hr, 0);
	assert_null(l.items[0].note);
	assert_int_equal(l.items[1].id, id);
	assert_int_equal(l.items[1].athlete_id, 1);
	assert_true(l.items[1].sleep_s == 7.5 * 3600);
	assert_int_equal(l.items[1].mood, 8);
	assert_int_equal(l.items[1].fatigue, 3);
	assert_int_equal(l.items[1].rest_hr, 50);
	assert_true(isnan(l.items[1].weight_kg));
	assert_string_equal(l.items[1].note, "morning");
	wellness_list_release(&l);

	assert_int_equal(store_wellness_list(f->s, 1, d - 2, DATE_NONE, &l, &err), ERR_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].day, d);
	wellness_list_release(&l);
	assert_int_equal(store_wellness_list(f->s, 1, DATE_NONE, d - 1, &l, &err), ERR_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].day, d - 3);
	wellness_list_release(&l);
}

/* ---------------------------------------------------------------- injuries */

static int64_t add_injury(struct store *s, int64_t athlete_id, const char *region, enum side side,
                          int32_t onset, int32_t resolved, enum injury_status status,
                          const char *cause)
{
	struct injury inj;
	struct err err = ERR_INIT;
	int64_t id;

	injury_init(&inj);
	inj.athlete_id = athlete_id;
	snprintf(inj.region, sizeof(inj.region), "%s", region);
	inj.side = side;
	inj.onset = onset;
	inj.resolved = resolved;
	inj.status = status;
	inj.cause = cause ? strdup(cause) : NULL;
	if (store_injury_add(s, &inj, &err) != ERR_OK) {
		fail_msg("adding an injury on %s: %s", region, err.msg);
	}
	assert_true(inj.id > 0);
	id = inj.id;
	injury_release(&inj);
	return id;
}

static void test_injuries(void **state)
{
	struct fixture *f = *state;
	struct injury_list l = INJURY_LIST_INIT;
	struct injury inj;
	struct err err = ERR_INIT;
	int32_t d = day(2026, 3, 2);
	int64_t achilles, back, calf;

	achilles = add_injury(f->s, 1, "achilles", SIDE_RIGHT, d, DATE_NONE, INJURY_ACTIVE,
	                      "new shoes");
	back = add_injury(f->s, 1, "lower-back", SIDE_NONE, d + 10, DATE_NONE, INJURY_RECOVERING,
	                  NULL);
	calf = add_injury(f->s, 1, "calf", SIDE_LEFT, d - 30, d - 5, INJURY_RESOLVED, NULL);

	assert_int_equal(store_injury_get(f->s, 1, achilles, &inj, &err), ERR_OK);
	assert_int_equal(inj.id, achilles);
	assert_int_equal(inj.athlete_id, 1);
	assert_string_equal(inj.region, "achilles");
	assert_int_equal(inj.side, SIDE_RIGHT);
	assert_int_equal(inj.onset, d);
	assert_int_equal(inj.resolved, DATE_NONE);
	assert_int_equal(inj.status, INJURY_ACTIVE);
	assert_string_equal(inj.cause, "new shoes");
	assert_null(inj.diagnosis);
	assert_null(inj.note);

	/* open ones only: newest onset first */
	assert_int_equal(store_injury_list(f->s, 1, false, &l, &err), ERR_OK);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.items[0].id, back);
	assert_int_equal(l.items[0].side, SIDE_NONE);
	assert_int_equal(l.items[0].status, INJURY_RECOVERING);
	assert_int_equal(l.items[1].id, achilles);
	injury_list_release(&l);

	/* all: the resolved one after the open ones, despite its onset */
	assert_int_equal(store_injury_list(f->s, 1, true, &l, &err), ERR_OK);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.items[0].id, back);
	assert_int_equal(l.items[1].id, achilles);
	assert_int_equal(l.items[2].id, calf);
	assert_int_equal(l.items[2].status, INJURY_RESOLVED);
	assert_int_equal(l.items[2].resolved, d - 5);
	injury_list_release(&l);

	/* resolve the Achilles, with a diagnosis */
	inj.status = INJURY_RESOLVED;
	inj.resolved = d + 20;
	inj.diagnosis = strdup("insertional tendinopathy");
	free(inj.cause);
	inj.cause = NULL;
	assert_int_equal(store_injury_update(f->s, &inj, &err), ERR_OK);
	injury_release(&inj);
	assert_int_equal(store_injury_get(f->s, 1, achilles, &inj, &err), ERR_OK);
	assert_int_equal(inj.status, INJURY_RESOLVED);
	assert_int_equal(inj.resolved, d + 20);
	assert_string_equal(inj.diagnosis, "insertional tendinopathy");
	assert_null(inj.cause);
	assert_string_equal(inj.region, "achilles");

	assert_int_equal(store_injury_list(f->s, 1, false, &l, &err), ERR_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].id, back);
	injury_list_release(&l);
	assert_int_equal(store_injury_list(f->s, 1, true, &l, &err), ERR_OK);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.items[1].id, achilles); /* resolved: newest onset first */
	assert_int_equal(l.items[2].id, calf);
	injury_list_release(&l);

	/* unknown ids */
	injury_release(&inj);
	err_clear(&err);
	assert_int_equal(store_injury_get(f->s, 1, 999, &inj, &err), ERR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "999"));
	assert_int_equal(inj.id, 0);
	injury_init(&inj);
	inj.id = 999;
	inj.athlete_id = 1;
	memcpy(inj.region, "calf", 5);
	inj.side = SIDE_LEFT;
	inj.onset = d;
	assert_int_equal(store_injury_update(f->s, &inj, &err), ERR_NOT_FOUND);
	injury_release(&inj);
}

/* ---------------------------------------------------------------- athletes */

static void test_isolation(void **state)
{
	struct fixture *f = *state;
	struct checkin_list cl = CHECKIN_LIST_INIT;
	struct wellness_list wl = WELLNESS_LIST_INIT;
	struct injury_list il = INJURY_LIST_INIT;
	struct injury inj;
	struct wellness w;
	struct err err = ERR_INIT;
	int32_t d = day(2026, 3, 2);
	int64_t id1, id2, inj1;
	bool merged;

	id1 = put(f->s, 1, d, "calf", SIDE_LEFT, MEASURE_PAIN, 4, NULL, &merged);
	id2 = put(f->s, 2, d, "calf", SIDE_LEFT, MEASURE_SORENESS, 2, NULL, &merged);
	assert_false(merged); /* not athlete 1's check-in */
	assert_int_not_equal(id1, id2);
	inj1 = add_injury(f->s, 1, "calf", SIDE_LEFT, d, DATE_NONE, INJURY_ACTIVE, NULL);
	wellness_init(&w);
	w.athlete_id = 1;
	w.day = d;
	w.mood = 5;
	assert_int_equal(store_wellness_put(f->s, &w, &merged, &err), ERR_OK);
	wellness_release(&w);

	list_checkins(f->s, 2, DATE_NONE, DATE_NONE, &cl);
	assert_int_equal(cl.n, 1);
	assert_int_equal(cl.items[0].id, id2);
	check_levels(&cl.items[0], 2, -1, -1);
	checkin_list_release(&cl);
	list_checkins(f->s, 1, DATE_NONE, DATE_NONE, &cl);
	assert_int_equal(cl.n, 1);
	check_levels(&cl.items[0], -1, -1, 4);
	checkin_list_release(&cl);

	assert_int_equal(store_wellness_list(f->s, 2, DATE_NONE, DATE_NONE, &wl, &err), ERR_OK);
	assert_int_equal(wl.n, 0);
	wellness_list_release(&wl);
	assert_int_equal(store_injury_list(f->s, 2, true, &il, &err), ERR_OK);
	assert_int_equal(il.n, 0);
	injury_list_release(&il);

	/* athlete 2 can neither read nor change athlete 1's injury */
	assert_int_equal(store_injury_get(f->s, 2, inj1, &inj, &err), ERR_NOT_FOUND);
	injury_release(&inj);
	assert_int_equal(store_injury_get(f->s, 1, inj1, &inj, &err), ERR_OK);
	inj.athlete_id = 2;
	inj.note = strdup("not mine");
	assert_int_equal(store_injury_update(f->s, &inj, &err), ERR_NOT_FOUND);
	injury_release(&inj);
	assert_int_equal(store_injury_get(f->s, 1, inj1, &inj, &err), ERR_OK);
	assert_null(inj.note);
	injury_release(&inj);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_regions_sync, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_checkin_merge, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_checkin_sides, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_checkin_range, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_checkin_unknown_region, setup,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_wellness, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_injuries, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_isolation, setup, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
