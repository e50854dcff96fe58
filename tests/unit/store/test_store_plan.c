/*
 * test_store_plan.c: plans and their workouts in the store
 * (store/store_plan.h): written whole, read back field for field, one
 * plan per race with a new one replacing the old, listed by race day,
 * removed, and never half written. Each test gets a fresh database with
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
#include <math.h>

#include "base/date.h"
#include "fixture.h"
#include "store/store.h"
#include "store/store_plan.h"
#include "store/store_race.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* Store a race of athlete_id; returns its id. */
static int64_t add_race(struct store *s, int64_t athlete_id, const char *name, int32_t date)
{
	struct race r;
	struct err err = ERR_INIT;
	int64_t id;

	race_init(&r);
	r.athlete_id = athlete_id;
	r.name = strdup(name);
	r.date = date;
	r.distance_m = 10000;
	if (store_race_add(s, &r, &err)) {
		fail_msg("adding race '%s': %s", name, err.msg);
	}
	id = r.id;
	race_release(&r);
	return id;
}

/* A plan of `weeks` weeks for race_id on race_date (a Sunday): a rest day,
 * an easy run by time, a long run by distance, the race by both. */
static void make_plan(struct plan *p, int64_t race_id, int32_t race_date, int weeks)
{
	plan_init(p);
	p->athlete_id = 1;
	p->race_id = race_id;
	p->template_name = strdup("10k");
	p->by = PLAN_BY_TIME;
	p->weeks = weeks;
	p->days = 3;
	p->race_date = race_date;
	p->start = date_week_start(race_date) - 7 * (weeks - 1);
	p->start_volume = 7200;
	p->peak_volume = 9000;
	p->basis = strdup("no running in the last 4 weeks");
	for (int32_t d = p->start; d <= race_date; d++) {
		struct workout *w = plan_push_workout(p);
		int wd = (int)date_weekday(d);

		w->date = d;
		w->week = (int)((d - p->start) / 7) + 1;
		w->phase = w->week == weeks ? PLAN_TAPER : PLAN_BASE;
		w->cutback = w->week == 2;
		if (d == race_date) {
			w->kind = WORKOUT_RACE;
			w->target_m = 10000;
			w->target_s = 3000;
		} else if (wd == WEEKDAY_SUN) {
			w->kind = WORKOUT_LONG;
			w->target_m = 14000;
		} else if (wd == WEEKDAY_TUE || wd == WEEKDAY_THU) {
			w->kind = wd == WEEKDAY_TUE ? WORKOUT_EASY : WORKOUT_TEMPO;
			w->target_s = 2700;
		} else {
			w->kind = WORKOUT_REST;
		}
		w->description = strdup(workout_kind_name(w->kind));
	}
}

static void replace_ok(struct store *s, struct plan *p, bool *replaced)
{
	struct err err = ERR_INIT;

	if (plan_validate(p, &err) || store_plan_replace(s, p, replaced, &err)) {
		fail_msg("storing the plan: %s", err.msg);
	}
	assert_true(p->id > 0);
}

static void test_round_trip(void **state)
{
	struct fixture *f = *state;
	int32_t race_day = day(2027, 3, 21);
	int64_t race = add_race(f->s, 1, "Spring 10k", race_day);
	struct plan p, got;
	struct err err = ERR_INIT;
	bool replaced = true;

	make_plan(&p, race, race_day, 3);
	replace_ok(f->s, &p, &replaced);
	assert_false(replaced);
	for (size_t i = 0; i < p.n_workouts; i++) {
		assert_true(p.workouts[i].id > 0);
	}
	assert_int_equal(store_plan_get(f->s, 1, p.id, DATE_NONE, DATE_NONE, &got, &err), ERR_OK);
	assert_int_equal(got.id, p.id);
	assert_int_equal(got.race_id, race);
	assert_string_equal(got.race_name, "Spring 10k");
	assert_true(fabs(got.race_distance_m - 10000) < 1e-9);
	assert_string_equal(got.template_name, "10k");
	assert_int_equal(got.by, PLAN_BY_TIME);
	assert_int_equal(got.weeks, 3);
	assert_int_equal(got.days, 3);
	assert_int_equal(got.start, p.start);
	assert_int_equal(got.race_date, race_day);
	assert_true(fabs(got.start_volume - 7200) < 1e-9);
	assert_true(fabs(got.peak_volume - 9000) < 1e-9);
	assert_string_equal(got.basis, p.basis);
	assert_int_equal(got.n_workouts, p.n_workouts);
	for (size_t i = 0; i < p.n_workouts; i++) {
		const struct workout *a = &p.workouts[i], *b = &got.workouts[i];

		assert_int_equal(b->id, a->id);
		assert_int_equal(b->date, a->date);
		assert_int_equal(b->week, a->week);
		assert_int_equal(b->phase, a->phase);
		assert_int_equal(b->cutback, a->cutback);
		assert_int_equal(b->kind, a->kind);
		assert_int_equal(isnan(b->target_s), isnan(a->target_s));
		assert_int_equal(isnan(b->target_m), isnan(a->target_m));
		if (!isnan(a->target_s)) {
			assert_true(fabs(b->target_s - a->target_s) < 1e-9);
		}
		if (!isnan(a->target_m)) {
			assert_true(fabs(b->target_m - a->target_m) < 1e-9);
		}
		assert_string_equal(b->description, a->description);
	}
	/* what the stored plan reads back as is valid as it stands */
	assert_int_equal(plan_validate(&got, &err), ERR_OK);
	plan_release(&got);
	/* a range of days: the race's week only */
	assert_int_equal(store_plan_get(f->s, 1, p.id, day(2027, 3, 15), DATE_NONE, &got, &err),
	                 ERR_OK);
	assert_int_equal(got.n_workouts, 7);
	assert_int_equal(got.workouts[0].date, day(2027, 3, 15));
	plan_release(&got);
	/* another athlete's plan, or none, is not found */
	assert_int_equal(store_plan_get(f->s, 2, p.id, DATE_NONE, DATE_NONE, &got, &err),
	                 ERR_NOT_FOUND);
	assert_int_equal(store_plan_get(f->s, 1, p.id + 1, DATE_NONE, DATE_NONE, &got, &err),
	                 ERR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "no plan"));
	plan_release(&p);
}

static void test_one_plan_per_race(void **state)
{
	struct fixture *f = *state;
	int32_t race_day = day(2027, 3, 21);
	int64_t race = add_race(f->s, 1, "Spring 10k", race_day);
	struct plan p, q, got;
	struct plan_list list = PLAN_LIST_INIT;
	struct err err = ERR_INIT;
	bool replaced = false;

	make_plan(&p, race, race_day, 3);
	replace_ok(f->s, &p, &replaced);
	make_plan(&q, race, race_day, 2);
	replace_ok(f->s, &q, &replaced);
	assert_true(replaced);
	assert_int_equal(store_plan_list(f->s, 1, &list, &err), ERR_OK);
	assert_int_equal(list.n_plans, 1);
	assert_int_equal(list.plans[0].id, q.id);
	assert_int_equal(list.plans[0].weeks, 2);
	assert_int_equal(list.plans[0].n_workouts, 0); /* listed without workouts */
	plan_list_release(&list);
	/* the old plan and its workouts are gone: only q's 14 days remain */
	assert_int_equal(store_plan_get(f->s, 1, q.id, DATE_NONE, DATE_NONE, &got, &err), ERR_OK);
	assert_int_equal(got.weeks, 2);
	assert_int_equal(got.n_workouts, 14);
	assert_int_equal(got.workouts[0].date, q.start);
	for (size_t i = 0; i < got.n_workouts; i++) {
		assert_int_equal(got.workouts[i].id, q.workouts[i].id);
	}
	plan_release(&got);
	plan_release(&p);
	plan_release(&q);
}

static void test_list_and_remove(void **state)
{
	struct fixture *f = *state;
	int64_t late = add_race(f->s, 1, "Autumn 10k", day(2027, 10, 3));
	int64_t early = add_race(f->s, 1, "Spring 10k", day(2027, 3, 21));
	int64_t other = add_race(f->s, 2, "Their 10k", day(2027, 3, 21));
	struct plan a, b, c;
	struct plan_list list = PLAN_LIST_INIT;
	struct err err = ERR_INIT;

	make_plan(&a, late, day(2027, 10, 3), 2);
	replace_ok(f->s, &a, NULL);
	make_plan(&b, early, day(2027, 3, 21), 2);
	replace_ok(f->s, &b, NULL);
	make_plan(&c, other, day(2027, 3, 21), 2);
	c.athlete_id = 2;
	replace_ok(f->s, &c, NULL);
	/* by race day, only the athlete's own */
	assert_int_equal(store_plan_list(f->s, 1, &list, &err), ERR_OK);
	assert_int_equal(list.n_plans, 2);
	assert_string_equal(list.plans[0].race_name, "Spring 10k");
	assert_string_equal(list.plans[1].race_name, "Autumn 10k");
	plan_list_release(&list);
	assert_int_equal(store_plan_remove(f->s, 1, b.id, &err), ERR_OK);
	assert_int_equal(store_plan_remove(f->s, 1, b.id, &err), ERR_NOT_FOUND);
	assert_int_equal(store_plan_remove(f->s, 1, c.id, &err), ERR_NOT_FOUND); /* not theirs */
	assert_int_equal(store_plan_list(f->s, 1, &list, &err), ERR_OK);
	assert_int_equal(list.n_plans, 1);
	assert_string_equal(list.plans[0].race_name, "Autumn 10k");
	plan_list_release(&list);
	plan_release(&a);
	plan_release(&b);
	plan_release(&c);
}

/* A plan for a race that is not the athlete's is refused; a plan whose
 * writing fails half way leaves the old one whole. */
static void test_refused_and_atomic(void **state)
{
	struct fixture *f = *state;
	int32_t race_day = day(2027, 3, 21);
	int64_t race = add_race(f->s, 1, "Spring 10k", race_day);
	int64_t theirs = add_race(f->s, 2, "Their 10k", race_day);
	struct plan p, q, got;
	struct err err = ERR_INIT;
	bool replaced = false;

	make_plan(&p, theirs, race_day, 2);
	assert_int_equal(store_plan_replace(f->s, &p, &replaced, &err), ERR_NOT_FOUND);
	assert_int_equal(p.id, 0);
	assert_false(store_in_transaction(f->s));
	plan_release(&p);
	make_plan(&p, race, race_day, 2);
	replace_ok(f->s, &p, &replaced);
	/* the last workout breaks the schema's checks: nothing of q lands */
	make_plan(&q, race, race_day, 3);
	q.workouts[q.n_workouts - 1].target_s = -1;
	assert_int_not_equal(store_plan_replace(f->s, &q, &replaced, &err), ERR_OK);
	assert_int_equal(q.id, 0);
	assert_false(store_in_transaction(f->s));
	assert_int_equal(store_plan_get(f->s, 1, p.id, DATE_NONE, DATE_NONE, &got, &err), ERR_OK);
	assert_int_equal(got.weeks, 2);
	assert_int_equal(got.n_workouts, p.n_workouts);
	plan_release(&got);
	plan_release(&p);
	plan_release(&q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_round_trip, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_one_plan_per_race, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_list_and_remove, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_refused_and_atomic, fixture_setup_store,
		                                fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
