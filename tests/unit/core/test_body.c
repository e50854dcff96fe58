/*
 * test_body.c: check-ins, wellness and injuries (core/body.h).
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

static void check_level(const char *s, int expected)
{
	struct err err = ERR_INIT;
	int v = -7;

	if (level_parse(s, &v, &err) != ERR_OK) {
		fail_msg("level '%s' refused: %s", s, err.msg);
	}
	assert_int_equal(v, expected);
}

static void check_level_refused(const char *s, const char *word)
{
	struct err err = ERR_INIT;
	int v = -7;

	if (level_parse(s, &v, &err) != ERR_INPUT) {
		fail_msg("level '%s' accepted as %d", s, v);
	}
	assert_int_equal(v, -7);
	if (!strstr(err.msg, word)) {
		fail_msg("message \"%s\" lacks '%s'", err.msg, word);
	}
	assert_int_equal(level_parse(s, &v, NULL), ERR_INPUT);
}

static void test_level_parse(void **state)
{
	(void)state;
	check_level("0", 0);
	check_level("10", 10);
	check_level("7", 7);
	check_level("5/10", 5);
	check_level("0/10", 0);
	check_level("10/10", 10);
	check_level_refused("11", "'11'");
	check_level_refused("-1", "'-1'");
	check_level_refused("x", "'x'");
	check_level_refused("", "0");
	check_level_refused("11/10", "'11'");
	check_level_refused("/10", "level");
	check_level_refused("5/5", "level");
	check_level_refused("5.5", "level");
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(measure_name(MEASURE_SORENESS), "soreness");
	assert_string_equal(measure_name(MEASURE_TIGHTNESS), "tightness");
	assert_string_equal(measure_name(MEASURE_PAIN), "pain");
}

static void init_checkin(struct checkin *c)
{
	checkin_init(c);
	c->athlete_id = 1;
	c->day = date_from_civil(2026, 3, 2);
	memcpy(c->region, "hamstrings", sizeof("hamstrings"));
	c->side = SIDE_LEFT;
}

static void check_checkin_refused(const struct checkin *c, const char *word)
{
	struct err err = ERR_INIT;

	if (checkin_validate(c, &err) != ERR_INPUT) {
		fail_msg("check-in accepted, but should be refused naming '%s'", word);
	}
	if (!strstr(err.msg, word)) {
		fail_msg("message \"%s\" lacks '%s'", err.msg, word);
	}
}

static void test_checkin(void **state)
{
	struct checkin c;
	struct err err = ERR_INIT;

	(void)state;
	checkin_init(&c);
	assert_int_equal(c.id, 0);
	assert_int_equal(c.day, DATE_NONE);
	assert_null(c.note);
	for (int m = 0; m < MEASURE_COUNT; m++) {
		assert_int_equal(c.level[m], -1);
	}

	init_checkin(&c);
	check_checkin_refused(&c, "level");
	for (int m = 0; m < MEASURE_COUNT; m++) {
		init_checkin(&c);
		c.level[m] = 0;
		assert_int_equal(checkin_validate(&c, &err), ERR_OK);
		c.level[m] = 10;
		assert_int_equal(checkin_validate(&c, &err), ERR_OK);
		c.level[m] = 11;
		check_checkin_refused(&c, measure_name((enum measure)m));
		c.level[m] = -2;
		check_checkin_refused(&c, measure_name((enum measure)m));
	}

	init_checkin(&c);
	c.level[MEASURE_PAIN] = 3;
	c.day = DATE_NONE;
	check_checkin_refused(&c, "day");
	init_checkin(&c);
	c.level[MEASURE_PAIN] = 3;
	c.region[0] = '\0';
	check_checkin_refused(&c, "region");

	init_checkin(&c);
	c.level[MEASURE_SORENESS] = 4;
	c.note = strdup("after the long run");
	checkin_release(&c);
	assert_null(c.note);
	assert_int_equal(c.level[MEASURE_SORENESS], -1);
	checkin_release(&c);
}

static void test_checkin_list(void **state)
{
	struct checkin_list list = CHECKIN_LIST_INIT;

	(void)state;
	for (int i = 0; i < 40; i++) {
		struct checkin *c = checkin_list_push(&list);

		assert_int_equal(c->level[MEASURE_PAIN], -1);
		c->level[MEASURE_PAIN] = i % 11;
		c->note = i % 3 ? NULL : strdup("note");
	}
	assert_int_equal(list.n, 40);
	assert_int_equal(list.items[39].level[MEASURE_PAIN], 39 % 11);
	checkin_list_release(&list);
	assert_int_equal(list.n, 0);
	assert_null(list.items);
}

static void init_wellness(struct wellness *w)
{
	wellness_init(w);
	w->athlete_id = 1;
	w->day = date_from_civil(2026, 3, 2);
}

static void check_wellness_refused(const struct wellness *w, const char *word)
{
	struct err err = ERR_INIT;

	if (wellness_validate(w, &err) != ERR_INPUT) {
		fail_msg("wellness accepted, but should be refused naming '%s'", word);
	}
	if (!strstr(err.msg, word)) {
		fail_msg("message \"%s\" lacks '%s'", err.msg, word);
	}
}

static void test_wellness_validate(void **state)
{
	struct wellness w;
	struct err err = ERR_INIT;

	(void)state;
	wellness_init(&w);
	assert_true(isnan(w.sleep_s));
	assert_true(isnan(w.hrv_ms));
	assert_true(isnan(w.weight_kg));
	assert_int_equal(w.fatigue, -1);
	assert_int_equal(w.stress, -1);
	assert_int_equal(w.mood, -1);
	assert_int_equal(w.rest_hr, 0);
	assert_false(wellness_any(&w));

	init_wellness(&w);
	check_wellness_refused(&w, "nothing");
	w.day = DATE_NONE;
	w.mood = 5;
	check_wellness_refused(&w, "day");

	/* each field alone is enough, at both ends of its range */
	init_wellness(&w);
	w.sleep_s = 0;
	assert_true(wellness_any(&w));
	assert_int_equal(wellness_validate(&w, &err), ERR_OK);
	w.sleep_s = 24 * 3600;
	assert_int_equal(wellness_validate(&w, &err), ERR_OK);
	w.sleep_s = 24 * 3600 + 1;
	check_wellness_refused(&w, "sleep");
	w.sleep_s = -1;
	check_wellness_refused(&w, "sleep");

	init_wellness(&w);
	w.fatigue = 10;
	assert_int_equal(wellness_validate(&w, &err), ERR_OK);
	w.fatigue = 11;
	check_wellness_refused(&w, "fatigue");
	init_wellness(&w);
	w.stress = 0;
	assert_int_equal(wellness_validate(&w, &err), ERR_OK);
	w.stress = 12;
	check_wellness_refused(&w, "stress");
	init_wellness(&w);
	w.mood = 11;
	check_wellness_refused(&w, "mood");

	init_wellness(&w);
	w.rest_hr = 25;
	assert_int_equal(wellness_validate(&w, &err), ERR_OK);
	w.rest_hr = 120;
	assert_int_equal(wellness_validate(&w, &err), ERR_OK);
	w.rest_hr = 24;
	check_wellness_refused(&w, "24");
	w.rest_hr = 121;
	check_wellness_refused(&w, "121");

	init_wellness(&w);
	w.hrv_ms = 300;
	assert_int_equal(wellness_validate(&w, &err), ERR_OK);
	w.hrv_ms = 0;
	check_wellness_refused(&w, "HRV");
	w.hrv_ms = 301;
	check_wellness_refused(&w, "HRV");

	init_wellness(&w);
	w.weight_kg = 62.5;
	assert_int_equal(wellness_validate(&w, &err), ERR_OK);
	w.weight_kg = 19.9;
	check_wellness_refused(&w, "weight");
	w.weight_kg = 300.1;
	check_wellness_refused(&w, "weight");

	/* a note alone is something to record */
	init_wellness(&w);
	w.note = strdup("slept badly");
	assert_true(wellness_any(&w));
	assert_int_equal(wellness_validate(&w, &err), ERR_OK);
	wellness_release(&w);
	assert_null(w.note);
}

static void test_wellness_merge(void **state)
{
	struct wellness into, from;

	(void)state;
	init_wellness(&into);
	into.sleep_s = 7 * 3600;
	into.fatigue = 4;
	into.rest_hr = 48;
	into.note = strdup("morning");
	init_wellness(&from);
	from.fatigue = 6;
	from.mood = 8;
	from.weight_kg = 61.2;

	wellness_merge(&into, &from);
	assert_true(into.sleep_s == 7 * 3600);
	assert_int_equal(into.fatigue, 6);
	assert_int_equal(into.mood, 8);
	assert_int_equal(into.stress, -1);
	assert_int_equal(into.rest_hr, 48);
	assert_true(isnan(into.hrv_ms));
	assert_true(into.weight_kg == 61.2);
	assert_string_equal(into.note, "morning");

	from.note = strdup("evening");
	from.hrv_ms = 55;
	from.rest_hr = 50;
	from.stress = 2;
	from.sleep_s = 6 * 3600;
	wellness_merge(&into, &from);
	assert_string_equal(into.note, "evening");
	assert_ptr_not_equal(into.note, from.note);
	assert_true(into.hrv_ms == 55);
	assert_int_equal(into.rest_hr, 50);
	assert_int_equal(into.stress, 2);
	assert_true(into.sleep_s == 6 * 3600);

	wellness_release(&into);
	wellness_release(&from);
}

static void test_wellness_list(void **state)
{
	struct wellness_list list = WELLNESS_LIST_INIT;

	(void)state;
	for (int i = 0; i < 20; i++) {
		struct wellness *w = wellness_list_push(&list);

		assert_true(isnan(w->sleep_s));
		w->mood = i % 11;
		w->note = strdup("x");
	}
	assert_int_equal(list.n, 20);
	wellness_list_release(&list);
	assert_int_equal(list.n, 0);
	assert_null(list.items);
}

static void init_injury(struct injury *inj)
{
	injury_init(inj);
	inj->athlete_id = 1;
	memcpy(inj->region, "achilles", sizeof("achilles"));
	inj->side = SIDE_RIGHT;
	inj->onset = date_from_civil(2026, 2, 10);
}

static void check_injury_refused(const struct injury *inj, const char *word)
{
	struct err err = ERR_INIT;

	if (injury_validate(inj, &err) != ERR_INPUT) {
		fail_msg("injury accepted, but should be refused naming '%s'", word);
	}
	if (!strstr(err.msg, word)) {
		fail_msg("message \"%s\" lacks '%s'", err.msg, word);
	}
}

static void test_injury_validate(void **state)
{
	struct injury inj;
	struct err err = ERR_INIT;

	(void)state;
	injury_init(&inj);
	assert_int_equal(inj.onset, DATE_NONE);
	assert_int_equal(inj.resolved, DATE_NONE);
	assert_int_equal(inj.status, INJURY_ACTIVE);
	check_injury_refused(&inj, "onset");

	init_injury(&inj);
	assert_int_equal(injury_validate(&inj, &err), ERR_OK);
	inj.status = INJURY_RECOVERING;
	assert_int_equal(injury_validate(&inj, &err), ERR_OK);

	/* resolved the day it began, and later */
	inj.status = INJURY_RESOLVED;
	inj.resolved = inj.onset;
	assert_int_equal(injury_validate(&inj, &err), ERR_OK);
	inj.resolved = date_from_civil(2026, 3, 1);
	assert_int_equal(injury_validate(&inj, &err), ERR_OK);

	inj.resolved = date_from_civil(2026, 2, 9);
	check_injury_refused(&inj, "2026-02-09");
	check_injury_refused(&inj, "2026-02-10");

	/* status and resolved day agree */
	init_injury(&inj);
	inj.status = INJURY_RESOLVED;
	check_injury_refused(&inj, "resolved");
	init_injury(&inj);
	inj.resolved = date_from_civil(2026, 3, 1);
	check_injury_refused(&inj, "resolved");
	inj.status = INJURY_RECOVERING;
	check_injury_refused(&inj, "resolved");

	init_injury(&inj);
	inj.region[0] = '\0';
	check_injury_refused(&inj, "region");

	init_injury(&inj);
	inj.cause = strdup("new shoes");
	inj.diagnosis = strdup("insertional tendinopathy");
	inj.note = strdup("x");
	injury_release(&inj);
	assert_null(inj.cause);
	assert_null(inj.diagnosis);
	assert_null(inj.note);
}

static void test_injury_status(void **state)
{
	struct err err = ERR_INIT;
	enum injury_status s;

	(void)state;
	for (int i = 0; i < INJURY_STATUS_COUNT; i++) {
		s = INJURY_STATUS_COUNT;
		assert_int_equal(
		        injury_status_parse(injury_status_name((enum injury_status)i), &s, &err),
		        ERR_OK);
		assert_int_equal(s, i);
	}
	assert_string_equal(injury_status_name(INJURY_ACTIVE), "active");
	assert_string_equal(injury_status_name(INJURY_RECOVERING), "recovering");
	assert_string_equal(injury_status_name(INJURY_RESOLVED), "resolved");
	assert_int_equal(injury_status_parse("Resolved", &s, &err), ERR_OK);
	assert_int_equal(s, INJURY_RESOLVED);
	assert_int_equal(injury_status_parse("healed", &s, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "'healed'"));
	assert_int_equal(injury_status_parse("", &s, NULL), ERR_INPUT);
}

static void test_injury_list(void **state)
{
	struct injury_list list = INJURY_LIST_INIT;

	(void)state;
	for (int i = 0; i < 10; i++) {
		struct injury *inj = injury_list_push(&list);

		assert_int_equal(inj->resolved, DATE_NONE);
		inj->cause = strdup("x");
	}
	assert_int_equal(list.n, 10);
	injury_list_release(&list);
	assert_int_equal(list.n, 0);
	assert_null(list.items);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_parse),       cmocka_unit_test(test_names),
		cmocka_unit_test(test_checkin),           cmocka_unit_test(test_checkin_list),
		cmocka_unit_test(test_wellness_validate), cmocka_unit_test(test_wellness_merge),
		cmocka_unit_test(test_wellness_list),     cmocka_unit_test(test_injury_validate),
		cmocka_unit_test(test_injury_status),     cmocka_unit_test(test_injury_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
