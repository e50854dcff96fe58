/*
 * test_race.c: race records and their validation (core/race.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "base/date.h"
#include "core/race.h"

/* A valid registered 10k with a name the test owns. */
static void ten_k(struct race *r)
{
	race_init(r);
	r->athlete_id = 1;
	r->name = strdup("City 10k");
	r->date = date_from_civil(2026, 5, 3);
	r->distance_m = 10000;
}

/* r fails validation with a message containing has. */
static void refused(const struct race *r, const char *has)
{
	struct err err = ERR_INIT;

	assert_int_equal(race_validate(r, &err), ERR_INPUT);
	if (!strstr(err.msg, has)) {
		fail_msg("'%s' lacks '%s'", err.msg, has);
	}
}

static void accepted(const struct race *r)
{
	struct err err = ERR_INIT;

	if (race_validate(r, &err) != ERR_OK) {
		fail_msg("refused: %s", err.msg);
	}
}

static void test_init_defaults(void **state)
{
	struct race r;

	(void)state;
	race_init(&r);
	assert_int_equal(r.id, 0);
	assert_null(r.name);
	assert_int_equal(r.date, DATE_NONE);
	assert_true(isnan(r.distance_m));
	assert_int_equal(r.priority, RACE_B);
	assert_int_equal(r.terrain, RACE_TERRAIN_UNKNOWN);
	assert_int_equal(r.status, RACE_REGISTERED);
	assert_true(isnan(r.goal_s));
	assert_true(isnan(r.result_s));
	assert_int_equal(r.activity_id, 0);
	assert_null(r.note);
	assert_true(race_is_upcoming(&r));
}

static void test_validate_name_date_distance(void **state)
{
	struct race r;

	(void)state;
	ten_k(&r);
	accepted(&r);

	free(r.name);
	r.name = strdup("");
	refused(&r, "needs a name");
	free(r.name);
	r.name = strdup("2026");
	refused(&r, "would read as a race id");
	free(r.name);
	r.name = strdup("tab\there");
	refused(&r, "control character");
	free(r.name);
	r.name = malloc(RACE_MAX_NAME + 2);
	memset(r.name, 'x', RACE_MAX_NAME + 1);
	r.name[RACE_MAX_NAME + 1] = '\0';
	refused(&r, "longer than 200");
	/* characters are counted, not bytes: 200 two-byte letters fit */
	free(r.name);
	r.name = malloc(2 * RACE_MAX_NAME + 1);
	for (int i = 0; i < RACE_MAX_NAME; i++) {
		memcpy(r.name + 2 * i, "\xc3\xa9", 2);
	}
	r.name[2 * RACE_MAX_NAME] = '\0';
	accepted(&r);
	free(r.name);
	r.name = strdup("Zürich Marathon");

	r.date = DATE_NONE;
	refused(&r, "needs a date");
	r.date = date_from_civil(2026, 4, 26);

	r.distance_m = 99;
	refused(&r, "100 m to 5000 km");
	r.distance_m = 5e6 + 1;
	refused(&r, "100 m to 5000 km");
	r.distance_m = (double)NAN;
	refused(&r, "100 m to 5000 km");
	r.distance_m = 100;
	accepted(&r);
	race_release(&r);
}

static void test_validate_times(void **state)
{
	struct race r;

	(void)state;
	ten_k(&r);
	/* a goal alone is fine before the race */
	r.goal_s = 45 * 60;
	accepted(&r);
	r.goal_s = -1;
	refused(&r, "goal time must be positive");
	/* 10k in 15 minutes: a typo, not a runner */
	r.goal_s = 15 * 60;
	refused(&r, "faster than anyone");
	/* 10k in 6 hours: slower than walking */
	r.goal_s = 6 * 3600;
	refused(&r, "slower than walking");
	r.goal_s = (double)NAN;

	/* a result needs the race done */
	r.result_s = 2400;
	refused(&r, "is registered, so it has no result");
	r.status = RACE_DNF;
	refused(&r, "is dnf, so it has no result");
	r.status = RACE_DONE;
	accepted(&r);
	r.result_s = 1000;
	refused(&r, "result of 16:40 for 10.00 km is faster");

	/* an activity is the race once run, finished or not */
	r.result_s = (double)NAN;
	r.activity_id = 7;
	accepted(&r);
	r.status = RACE_DNF;
	accepted(&r);
	r.status = RACE_DNS;
	refused(&r, "is dns, so no activity");
	r.status = RACE_CONSIDERING;
	refused(&r, "is considering, so no activity");

	r.activity_id = 0;
	r.note = malloc(RACE_MAX_NOTE + 2);
	memset(r.note, 'n', RACE_MAX_NOTE + 1);
	r.note[RACE_MAX_NOTE + 1] = '\0';
	refused(&r, "note is longer");
	race_release(&r);
}

static void test_believable_bounds(void **state)
{
	(void)state;
	/* the curve through the marathon record, 20 % faster */
	assert_true(fabs(race_fastest_believable_s(42195) - 0.8 * 7235) < 1e-9);
	/* every men's world record stays believable */
	assert_true(race_fastest_believable_s(100) < 9.58);
	assert_true(race_fastest_believable_s(400) < 43.03);
	assert_true(race_fastest_believable_s(1500) < 206.0);
	assert_true(race_fastest_believable_s(5000) < 755.36);
	assert_true(race_fastest_believable_s(10000) < 1571.0);
	assert_true(race_fastest_believable_s(21097.5) < 3402.0);
	/* while the usual slips do not: a half in 45:00, a 5k in 9:00 */
	assert_true(race_fastest_believable_s(21097.5) > 45 * 60);
	assert_true(race_fastest_believable_s(5000) > 9 * 60);
	/* 0.5 m/s: a marathon in about 23.4 hours */
	assert_true(fabs(race_slowest_believable_s(42195) - 84390) < 1e-9);
	assert_true(isnan(race_fastest_believable_s(0)));
	assert_true(isnan(race_slowest_believable_s((double)NAN)));
}

static void test_words(void **state)
{
	enum race_priority p;
	enum race_terrain t;
	enum race_status s;
	struct err err = ERR_INIT;

	(void)state;
	for (int i = 0; i < RACE_PRIORITY_COUNT; i++) {
		assert_int_equal(
		        race_priority_parse(race_priority_name((enum race_priority)i), &p, &err),
		        ERR_OK);
		assert_int_equal(p, i);
	}
	for (int i = 1; i < RACE_TERRAIN_COUNT; i++) {
		assert_int_equal(
		        race_terrain_parse(race_terrain_name((enum race_terrain)i), &t, &err),
		        ERR_OK);
		assert_int_equal(t, i);
	}
	for (int i = 0; i < RACE_STATUS_COUNT; i++) {
		assert_int_equal(race_status_parse(race_status_name((enum race_status)i), &s, &err),
		                 ERR_OK);
		assert_int_equal(s, i);
	}
	assert_string_equal(race_terrain_name(RACE_TERRAIN_UNKNOWN), "");
	assert_string_equal(race_terrain_name(RACE_NET_DOWNHILL), "net-downhill");

	/* any case; a unique start for terrain and status, not priority */
	assert_int_equal(race_priority_parse("a", &p, &err), ERR_OK);
	assert_int_equal(p, RACE_A);
	assert_int_equal(race_terrain_parse("HILL", &t, &err), ERR_OK);
	assert_int_equal(t, RACE_HILLY);
	assert_int_equal(race_terrain_parse("net", &t, &err), ERR_OK);
	assert_int_equal(t, RACE_NET_DOWNHILL);
	assert_int_equal(race_status_parse("reg", &s, &err), ERR_OK);
	assert_int_equal(s, RACE_REGISTERED);
	assert_int_equal(race_status_parse("DNF", &s, &err), ERR_OK);
	assert_int_equal(s, RACE_DNF);

	/* unknown words list the valid ones; outputs stay alone */
	p = RACE_C;
	assert_int_equal(race_priority_parse("AA", &p, &err), ERR_INPUT);
	assert_string_equal(err.msg, "'AA' is not a race priority (A, B or C)");
	assert_int_equal(p, RACE_C);
	assert_int_equal(race_priority_parse("", &p, &err), ERR_INPUT);
	assert_int_equal(race_terrain_parse("mountain", &t, &err), ERR_INPUT);
	assert_string_equal(err.msg, "'mountain' is not a race terrain "
	                             "(flat, rolling, hilly, net-downhill or trail)");
	assert_int_equal(race_terrain_parse("", &t, &err), ERR_INPUT);
	assert_int_equal(race_status_parse("finished", &s, &err), ERR_INPUT);
	assert_string_equal(err.msg, "'finished' is not a race status "
	                             "(considering, registered, done, dns or dnf)");
	/* a start several words share */
	assert_int_equal(race_status_parse("d", &s, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "could be more than one race status"));
	assert_int_equal(race_status_parse("dn", &s, &err), ERR_INPUT);
}

static void test_upcoming(void **state)
{
	struct race r;

	(void)state;
	race_init(&r);
	r.status = RACE_CONSIDERING;
	assert_true(race_is_upcoming(&r));
	r.status = RACE_DONE;
	assert_false(race_is_upcoming(&r));
	r.status = RACE_DNS;
	assert_false(race_is_upcoming(&r));
	r.status = RACE_DNF;
	assert_false(race_is_upcoming(&r));
}

static void test_list(void **state)
{
	struct race_list l = RACE_LIST_INIT;

	(void)state;
	for (int i = 0; i < 40; i++) {
		struct race *r = race_list_push(&l);

		assert_int_equal(r->status, RACE_REGISTERED);
		r->name = strdup("r");
		r->id = i + 1;
	}
	assert_int_equal(l.n_races, 40);
	assert_int_equal(l.races[39].id, 40);
	race_list_release(&l);
	assert_null(l.races);
	assert_int_equal(l.n_races, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_defaults),
		cmocka_unit_test(test_validate_name_date_distance),
		cmocka_unit_test(test_validate_times),
		cmocka_unit_test(test_believable_bounds),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_upcoming),
		cmocka_unit_test(test_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
