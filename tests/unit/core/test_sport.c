/*
 * test_sport.c: the sport table and its names (core/sport.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "core/sport.h"

static const char *const canonical[SPORT_COUNT] = {
	"run",  "trail", "walk",     "hike", "ski",   "xcski",
	"bike", "swim",  "strength", "yoga", "cross", "other",
};

static void check_parse(const char *word, enum sport want)
{
	struct err err = ERR_INIT;
	enum sport s = SPORT_COUNT;

	if (sport_parse(word, &s, &err) != ERR_OK) {
		fail_msg("'%s' refused: %s", word, err.msg);
	}
	if (s != want) {
		fail_msg("'%s' read as %s, expected %s", word, sport_name(s), sport_name(want));
	}
	assert_int_equal(err.code, ERR_OK);
}

/* Refused with ERR_INPUT, *out untouched, the word quoted and each of
 * the listed names in the message. */
static void check_refused(const char *word, const char *const *names, size_t n_names)
{
	struct err err = ERR_INIT;
	enum sport s = SPORT_COUNT;
	char quoted[64];

	assert_int_equal(sport_parse(word, &s, &err), ERR_INPUT);
	assert_int_equal(s, SPORT_COUNT);
	snprintf(quoted, sizeof(quoted), "'%s'", word);
	if (!strstr(err.msg, quoted)) {
		fail_msg("message \"%s\" does not quote %s", err.msg, quoted);
	}
	for (size_t i = 0; i < n_names; i++) {
		if (!strstr(err.msg, names[i])) {
			fail_msg("message \"%s\" lacks '%s'", err.msg, names[i]);
		}
	}
}

static void test_canonical_names(void **state)
{
	(void)state;
	for (int i = 0; i < SPORT_COUNT; i++) {
		enum sport s = SPORT_COUNT;

		assert_string_equal(sport_name((enum sport)i), canonical[i]);
		check_parse(canonical[i], (enum sport)i);
		assert_true(sport_from_name(canonical[i], &s));
		assert_int_equal(s, i);
	}
	assert_string_equal(sport_name(SPORT_COUNT), "?");
	assert_string_equal(sport_name((enum sport) - 1), "?");
}

static void test_aliases(void **state)
{
	(void)state;
	check_parse("running", SPORT_RUN);
	check_parse("jog", SPORT_RUN);
	check_parse("jogging", SPORT_RUN);
	check_parse("cycling", SPORT_BIKE);
	check_parse("cycle", SPORT_BIKE);
	check_parse("ride", SPORT_BIKE);
	check_parse("biking", SPORT_BIKE);
	check_parse("nordic", SPORT_XCSKI);
	check_parse("xc", SPORT_XCSKI);
	check_parse("x-c", SPORT_XCSKI);
	check_parse("cross-country", SPORT_XCSKI);
	check_parse("alpine", SPORT_SKI);
	check_parse("skiing", SPORT_SKI);
	check_parse("swimming", SPORT_SWIM);
	check_parse("gym", SPORT_STRENGTH);
	check_parse("weights", SPORT_STRENGTH);
	check_parse("hiking", SPORT_HIKE);
	check_parse("walking", SPORT_WALK);
	check_parse("elliptical", SPORT_CROSS);
	check_parse("xt", SPORT_CROSS);
	check_parse("Cross Training", SPORT_CROSS);
	check_parse("trailrun", SPORT_TRAIL);
}

static void test_prefixes(void **state)
{
	(void)state;
	check_parse("str", SPORT_STRENGTH);
	check_parse("stre", SPORT_STRENGTH);
	check_parse("sw", SPORT_SWIM);
	check_parse("sk", SPORT_SKI);
	check_parse("r", SPORT_RUN);
	check_parse("ru", SPORT_RUN);
	check_parse("tr", SPORT_TRAIL);
	check_parse("t", SPORT_TRAIL);
	check_parse("b", SPORT_BIKE);
	check_parse("y", SPORT_YOGA);
	check_parse("x", SPORT_XCSKI);
	check_parse("xcs", SPORT_XCSKI);
	check_parse("o", SPORT_OTHER);
	check_parse("cr", SPORT_CROSS);
	check_parse("wa", SPORT_WALK);
	check_parse("hi", SPORT_HIKE);
}

static void test_ambiguous(void **state)
{
	static const char *const s_names[] = { "ski", "swim", "strength" };

	(void)state;
	check_refused("s", s_names, 3);
	{
		struct err err = ERR_INIT;
		enum sport s;

		assert_int_equal(sport_parse("s", &s, &err), ERR_INPUT);
		/* only the candidates, not every sport */
		assert_null(strstr(err.msg, "yoga"));
		assert_null(strstr(err.msg, "run"));
	}
}

static void test_unknown(void **state)
{
	(void)state;
	check_refused("curling", canonical, SPORT_COUNT);
	check_refused("", canonical, SPORT_COUNT);
	check_refused("runs", canonical, SPORT_COUNT);
	check_refused("run run", canonical, SPORT_COUNT);
	check_refused("z", canonical, SPORT_COUNT);
	check_refused("bikes", canonical, SPORT_COUNT);
	/* err may be NULL */
	{
		enum sport s;

		assert_int_equal(sport_parse("curling", &s, NULL), ERR_INPUT);
		assert_int_equal(sport_parse("s", &s, NULL), ERR_INPUT);
	}
}

static void test_folding(void **state)
{
	(void)state;
	check_parse("RUN", SPORT_RUN);
	check_parse("Run", SPORT_RUN);
	check_parse("Trail-Run", SPORT_TRAIL);
	check_parse("trail_run", SPORT_TRAIL);
	check_parse("trail run", SPORT_TRAIL);
	check_parse("XC-Ski", SPORT_XCSKI);
	check_parse("STR", SPORT_STRENGTH);
	check_parse("Nordic", SPORT_XCSKI);
}

static void test_from_name_strict(void **state)
{
	static const char *const no[] = {
		"Run", "RUN",       "running", "str",  "s",      "",
		"xc",  "trail-run", "run ",    " run", "xc-ski",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		enum sport s = SPORT_COUNT;

		if (sport_from_name(no[i], &s)) {
			fail_msg("sport_from_name('%s') accepted it", no[i]);
		}
		assert_int_equal(s, SPORT_COUNT);
	}
}

static void test_table(void **state)
{
	(void)state;
	/* treadmill */
	for (int i = 0; i < SPORT_COUNT; i++) {
		bool want = i == SPORT_RUN || i == SPORT_WALK || i == SPORT_HIKE;

		assert_int_equal(sport_allows_treadmill((enum sport)i), want);
	}
	assert_false(sport_allows_treadmill(SPORT_COUNT));
	/* running volume */
	for (int i = 0; i < SPORT_COUNT; i++) {
		bool want = i == SPORT_RUN || i == SPORT_TRAIL;

		assert_int_equal(sport_is_running((enum sport)i), want);
	}
	/* pace forms */
	assert_int_equal(sport_pace(SPORT_RUN), SPORT_PACE_FOOT);
	assert_int_equal(sport_pace(SPORT_TRAIL), SPORT_PACE_FOOT);
	assert_int_equal(sport_pace(SPORT_WALK), SPORT_PACE_FOOT);
	assert_int_equal(sport_pace(SPORT_HIKE), SPORT_PACE_FOOT);
	assert_int_equal(sport_pace(SPORT_SKI), SPORT_PACE_SPEED);
	assert_int_equal(sport_pace(SPORT_XCSKI), SPORT_PACE_SPEED);
	assert_int_equal(sport_pace(SPORT_BIKE), SPORT_PACE_SPEED);
	assert_int_equal(sport_pace(SPORT_CROSS), SPORT_PACE_SPEED);
	assert_int_equal(sport_pace(SPORT_SWIM), SPORT_PACE_SWIM);
	assert_int_equal(sport_pace(SPORT_STRENGTH), SPORT_PACE_NONE);
	assert_int_equal(sport_pace(SPORT_YOGA), SPORT_PACE_NONE);
	assert_int_equal(sport_pace(SPORT_OTHER), SPORT_PACE_NONE);
	assert_int_equal(sport_pace(SPORT_COUNT), SPORT_PACE_NONE);
	/* speed limits: generous but they exist where a pace does */
	for (int i = 0; i < SPORT_COUNT; i++) {
		double v = sport_max_speed((enum sport)i);

		if (sport_pace((enum sport)i) == SPORT_PACE_NONE) {
			assert_true(v == 0);
		} else {
			assert_true(v > 0);
		}
	}
	/* a 2:00/km runner (8.3 m/s) is believed; 8 km in 2 min is not */
	assert_true(sport_max_speed(SPORT_RUN) > 1000.0 / 120);
	assert_true(sport_max_speed(SPORT_RUN) < 8000.0 / 120);
	/* a 40 km/h bike is believed */
	assert_true(sport_max_speed(SPORT_BIKE) > 40 / 3.6);
	assert_true(sport_max_speed(SPORT_WALK) < sport_max_speed(SPORT_RUN));
	assert_true(sport_max_speed(SPORT_COUNT) == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical_names),  cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_prefixes),         cmocka_unit_test(test_ambiguous),
		cmocka_unit_test(test_unknown),          cmocka_unit_test(test_folding),
		cmocka_unit_test(test_from_name_strict), cmocka_unit_test(test_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
