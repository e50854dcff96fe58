/*
 * test_gear.c: gear records (core/gear.h).
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
#include "core/gear.h"

static void check_name_ok(const char *name)
{
	struct gear g;
	struct err err = ERR_INIT;

	gear_init(&g);
	g.name = (char *)name;
	if (gear_validate(&g, &err) != ERR_OK) {
		fail_msg("'%s' refused: %s", name, err.msg);
	}
}

static void check_refused(const struct gear *g, const char *word)
{
	struct err err = ERR_INIT;

	if (gear_validate(g, &err) != ERR_INPUT) {
		fail_msg("'%s' accepted, but should be refused naming '%s'",
		         g->name ? g->name : "(null)", word);
	}
	if (!strstr(err.msg, word)) {
		fail_msg("message \"%s\" lacks '%s'", err.msg, word);
	}
	assert_int_equal(gear_validate(g, NULL), ERR_INPUT);
}

static void check_name_refused(const char *name, const char *word)
{
	struct gear g;

	gear_init(&g);
	g.name = (char *)name;
	check_refused(&g, word);
}

static void test_init_release(void **state)
{
	struct gear g;

	(void)state;
	memset(&g, 0x5a, sizeof(g));
	gear_init(&g);
	assert_int_equal(g.id, 0);
	assert_null(g.name);
	assert_int_equal(g.kind, GEAR_SHOES);
	assert_int_equal(g.since, DATE_NONE);
	assert_int_equal(g.retired, DATE_NONE);
	assert_true(isnan(g.limit_m));
	assert_null(g.note);
	assert_true(g.distance_m == 0);
	assert_int_equal(g.n_activities, 0);
	assert_int_equal(g.last_used, DATE_NONE);
	g.name = strdup("Pegasus 40");
	g.note = strdup("red");
	gear_release(&g);
	assert_null(g.name);
	assert_null(g.note);
	gear_release(&g);
}

static void test_names(void **state)
{
	char max[GEAR_MAX_NAME + 2];

	(void)state;
	check_name_ok("Pegasus 40");
	check_name_ok("Lilly's Pégasus");
	check_name_ok("x");
	check_name_ok("2024 Vaporfly");
	check_name_refused(NULL, "name");
	check_name_refused("", "name");
	check_name_refused("123", "'123'");
	check_name_refused("0", "id");
	check_name_refused("Pega\tsus", "control");
	check_name_refused("Pega\nsus", "control");
	check_name_refused("Pegasus\x7f", "control");
	check_name_refused("\x1b[31mred", "control");
	memset(max, 'a', GEAR_MAX_NAME);
	max[GEAR_MAX_NAME] = '\0';
	check_name_ok(max);
	max[GEAR_MAX_NAME] = 'a';
	max[GEAR_MAX_NAME + 1] = '\0';
	check_name_refused(max, "80");
}

/* Regression: gear_validate counted bytes where gear.h and the schema count
 * characters, so 80 accented letters (160 bytes) were refused. */
static void test_name_length_in_characters(void **state)
{
	char name[2 * GEAR_MAX_NAME + 1];

	(void)state;
	for (int i = 0; i < GEAR_MAX_NAME; i++) {
		name[2 * i] = (char)0xc3;
		name[2 * i + 1] = (char)0xa9; /* é */
	}
	name[2 * GEAR_MAX_NAME] = '\0';
	check_name_ok(name);
}

static void test_limit_and_dates(void **state)
{
	struct gear g;
	struct err err = ERR_INIT;

	(void)state;
	gear_init(&g);
	g.name = (char *)"Pegasus";
	g.limit_m = 800000;
	assert_int_equal(gear_validate(&g, &err), ERR_OK);
	g.limit_m = 0;
	check_refused(&g, "limit");
	g.limit_m = -1;
	check_refused(&g, "limit");
	g.limit_m = (double)NAN;
	g.since = date_from_civil(2026, 3, 1);
	g.retired = date_from_civil(2026, 2, 28);
	check_refused(&g, "retired");
	g.retired = g.since; /* same day is fine */
	assert_int_equal(gear_validate(&g, &err), ERR_OK);
	g.retired = date_from_civil(2026, 11, 21);
	assert_int_equal(gear_validate(&g, &err), ERR_OK);
	g.since = DATE_NONE; /* unknown start: any retirement */
	assert_int_equal(gear_validate(&g, &err), ERR_OK);
}

static void test_kinds(void **state)
{
	static const char *const names[GEAR_KIND_COUNT] = { "shoes", "bike", "other" };

	(void)state;
	for (int i = 0; i < GEAR_KIND_COUNT; i++) {
		enum gear_kind k = GEAR_KIND_COUNT;

		assert_string_equal(gear_kind_name((enum gear_kind)i), names[i]);
		assert_int_equal(gear_kind_parse(names[i], &k, NULL), ERR_OK);
		assert_int_equal(k, i);
	}
	assert_string_equal(gear_kind_name(GEAR_KIND_COUNT), "?");
	{
		enum gear_kind k = GEAR_BIKE;
		struct err err = ERR_INIT;

		assert_int_equal(gear_kind_parse("SHOE", &k, NULL), ERR_OK);
		assert_int_equal(k, GEAR_SHOES);
		assert_int_equal(gear_kind_parse("Bike", &k, NULL), ERR_OK);
		assert_int_equal(k, GEAR_BIKE);
		k = GEAR_KIND_COUNT;
		assert_int_equal(gear_kind_parse("car", &k, &err), ERR_INPUT);
		assert_int_equal(k, GEAR_KIND_COUNT);
		assert_non_null(strstr(err.msg, "'car'"));
		assert_int_equal(gear_kind_parse("", &k, NULL), ERR_INPUT);
	}
}

static void test_used_fraction(void **state)
{
	struct gear g;

	(void)state;
	gear_init(&g);
	g.distance_m = 400000;
	assert_true(isnan(gear_used_fraction(&g)));
	g.limit_m = 800000;
	assert_true(fabs(gear_used_fraction(&g) - 0.5) < 1e-9);
	g.distance_m = 0;
	assert_true(gear_used_fraction(&g) == 0);
	g.distance_m = 1000000;
	assert_true(fabs(gear_used_fraction(&g) - 1.25) < 1e-9);
	g.limit_m = 0;
	assert_true(isnan(gear_used_fraction(&g)));
}

static void test_list(void **state)
{
	struct gear_list list = GEAR_LIST_INIT;

	(void)state;
	for (int i = 0; i < 50; i++) {
		struct gear *g = gear_list_push(&list);

		assert_null(g->name);
		assert_int_equal(g->since, DATE_NONE);
		g->id = i + 1;
		g->name = strdup("shoe");
	}
	assert_int_equal(list.n_gears, 50);
	for (int i = 0; i < 50; i++) {
		assert_int_equal(list.gears[i].id, i + 1);
		assert_string_equal(list.gears[i].name, "shoe");
	}
	gear_list_release(&list);
	assert_null(list.gears);
	assert_int_equal(list.n_gears, 0);
	assert_int_equal(list.alloc, 0);
	gear_list_release(&list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_release),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_name_length_in_characters),
		cmocka_unit_test(test_limit_and_dates),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_used_fraction),
		cmocka_unit_test(test_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
