/*
 * test_warn.c: warnings about what is being logged (advice/warn.h), on
 * situations built by hand with the built-in rules.
 *
 * What must hold (issue 6): intervals the day after a deep-tissue
 * massage, and deep tissue three days before an A race, are warned. Also
 * each check's edges: which sessions are hard, which massages are deep
 * work, the windows' ends, the budget's share, rules switched off.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "advice/context.h"
#include "advice/warn.h"
#include "base/datafile.h"
#include "base/date.h"
#include "base/xalloc.h"
#include "situation.h"

/* Tuesday 2026-11-24, like the CLI tests' clock. */
#define TODAY date_from_civil(2026, 11, 24)

struct fixture {
	struct situation sit;
	struct advice_list out;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	situation_init(&f->sit, TODAY);
	f->out = (struct advice_list)ADVICE_LIST_INIT;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	advice_list_release(&f->out);
	situation_release(&f->sit);
	free(f);
	return 0;
}

/* A one-workout plan: kind on day, the race a week later. */
static void planned(struct advice_context *ctx, enum workout_kind kind, int32_t date)
{
	struct plan *p = &ctx->plan;

	p->id = 1;
	p->race_name = xstrdup("Plan Race");
	p->start = date;
	p->race_date = date + 7;
	for (int32_t d = date; d <= date + 7; d++) {
		struct workout *w = plan_push_workout(p);

		w->date = d;
		w->kind = d == date ? kind : d == date + 7 ? WORKOUT_RACE : WORKOUT_EASY;
		w->target_s = 1800;
		w->target_m = (double)NAN;
		w->description = xstrdup("x");
	}
}

static size_t count(const struct advice_list *l, const char *id)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n_items; i++) {
		n += strcmp(l->items[i].rule->id, id) == 0;
	}
	return n;
}

static const struct advice *need(const struct advice_list *l, const char *id)
{
	const struct advice *a = advice_find(l, id);

	if (!a) {
		fail_msg("no warning under %s", id);
		abort();
	}
	return a;
}

/* ---- log ---- */

/* Intervals (RPE 8) the day after a deep-tissue massage are warned; an
 * easy run is not, nor intervals two days after, nor after a Swedish
 * massage. */
static void hard_the_day_after_deep_work(void **state)
{
	struct fixture *f = *state;
	struct activity *a;
	const struct advice *w;

	situation_session(&f->sit.ctx, MOD_MASSAGE_DEEP, TODAY - 1);
	a = situation_act(&f->sit.ctx, SPORT_RUN, TODAY, 8);
	warn_activity(&f->sit.ctx, a, &f->out);
	w = need(&f->out, "easy-after-massage");
	assert_int_equal(w->kind, ADVICE_WARNING);
	assert_int_equal(w->from, TODAY);
	assert_true(strstr(w->text, "a hard run on 2026-11-24 (RPE 8)"));
	assert_true(strstr(w->text, "deep-tissue massage on 2026-11-23"));
	assert_int_equal(f->out.n_items, 1);

	a->rpe = 4;
	advice_list_release(&f->out);
	warn_activity(&f->sit.ctx, a, &f->out);
	assert_int_equal(f->out.n_items, 0);

	a->rpe = 8;
	a->date = TODAY + 1; /* two days after */
	warn_activity(&f->sit.ctx, a, &f->out);
	assert_int_equal(f->out.n_items, 0);

	a->date = TODAY;
	f->sit.ctx.sessions.items[0].modality = MOD_MASSAGE_SWEDISH;
	warn_activity(&f->sit.ctx, a, &f->out);
	assert_int_equal(f->out.n_items, 0);

	f->sit.ctx.sessions.items[0].modality = MOD_MASSAGE_ART;
	situation_disable(&f->sit.rules, "easy-after-massage");
	warn_activity(&f->sit.ctx, a, &f->out);
	assert_int_equal(f->out.n_items, 0);
}

/* What makes a session hard: RPE, load, a race run that day, or the
 * planned hard workout its sport does. */
static void what_is_hard(void **state)
{
	struct fixture *f = *state;
	struct activity *a = situation_act(&f->sit.ctx, SPORT_RUN, TODAY, 0);
	struct strbuf why = STRBUF_INIT;

	assert_false(warn_activity_is_hard(&f->sit.ctx, a, NULL));
	a->load = 120;
	assert_true(warn_activity_is_hard(&f->sit.ctx, a, &why));
	assert_string_equal(why.buf, "load 120");
	a->load = 40;
	planned(&f->sit.ctx, WORKOUT_INTERVALS, TODAY);
	strbuf_reset(&why);
	assert_true(warn_activity_is_hard(&f->sit.ctx, a, &why));
	assert_string_equal(why.buf, "the planned intervals");
	a->sport = SPORT_SWIM; /* a swim does not do the intervals */
	assert_false(warn_activity_is_hard(&f->sit.ctx, a, NULL));
	a->sport = SPORT_RUN;
	plan_release(&f->sit.ctx.plan);
	plan_init(&f->sit.ctx.plan);
	situation_race(&f->sit.ctx, "Turkey Trot", TODAY, 5, RACE_C);
	strbuf_reset(&why);
	assert_true(warn_activity_is_hard(&f->sit.ctx, a, &why));
	assert_string_equal(why.buf, "the race, Turkey Trot");
	strbuf_release(&why);
}

/* Planned intervals done the day after an ART session: warned, naming the
 * plan. */
static void planned_intervals_after_art(void **state)
{
	struct fixture *f = *state;
	struct activity *a;

	situation_session(&f->sit.ctx, MOD_MASSAGE_ART, TODAY - 1);
	planned(&f->sit.ctx, WORKOUT_INTERVALS, TODAY);
	a = situation_act(&f->sit.ctx, SPORT_RUN, TODAY, 0);
	warn_activity(&f->sit.ctx, a, &f->out);
	assert_true(strstr(need(&f->out, "easy-after-massage")->text, "the planned intervals"));
}

/* ---- recover ---- */

/* Story 2: deep tissue three days before an A race is warned; five days
 * before is not; a B race, a Swedish massage, and a rule switched off are
 * not warned. */
static void deep_work_before_an_a_race(void **state)
{
	struct fixture *f = *state;
	struct recovery *r;
	const struct advice *w;

	situation_race(&f->sit.ctx, "Phoenix Half", TODAY + 3, 21.1, RACE_A);
	r = situation_session(&f->sit.ctx, MOD_MASSAGE_DEEP, TODAY);
	warn_recovery(&f->sit.ctx, r, &f->out);
	w = need(&f->out, "massage-pre-race-deep");
	assert_int_equal(w->kind, ADVICE_WARNING);
	assert_int_equal(w->from, TODAY);
	assert_true(strstr(w->text, "3 days before Phoenix Half (A race, 2026-11-27)"));
	assert_int_equal(f->out.n_items, 1);

	advice_list_release(&f->out);
	f->sit.ctx.races.races[0].date = TODAY + 5;
	warn_recovery(&f->sit.ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);

	f->sit.ctx.races.races[0].date = TODAY + 4;
	r->modality = MOD_MASSAGE_SWEDISH;
	warn_recovery(&f->sit.ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);

	r->modality = MOD_MASSAGE_SPORTS;
	f->sit.ctx.races.races[0].priority = RACE_B;
	warn_recovery(&f->sit.ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);

	f->sit.ctx.races.races[0].priority = RACE_A;
	situation_disable(&f->sit.rules, "massage-pre-race-deep");
	warn_recovery(&f->sit.ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);
}

/* Deep work within a day of a hard day (logged or planned) is warned,
 * naming the day; two days away is not. */
static void deep_work_next_to_a_hard_day(void **state)
{
	struct fixture *f = *state;
	struct recovery *r = situation_session(&f->sit.ctx, MOD_MASSAGE_DEEP, TODAY);
	const struct advice *w;

	situation_act(&f->sit.ctx, SPORT_BIKE, TODAY - 1, 9);
	warn_recovery(&f->sit.ctx, r, &f->out);
	w = need(&f->out, "massage-not-adjacent-hard");
	assert_true(strstr(w->text, "within 1 day of a hard day: 2026-11-23 (bike, RPE 9)"));

	advice_list_release(&f->out);
	f->sit.ctx.activities.activities[0].date = TODAY - 2;
	warn_recovery(&f->sit.ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);

	planned(&f->sit.ctx, WORKOUT_TEMPO, TODAY + 1);
	warn_recovery(&f->sit.ctx, r, &f->out);
	assert_true(strstr(need(&f->out, "massage-not-adjacent-hard")->text,
	                   "2026-11-25 (planned tempo)"));
}

/* Deep work two days after a marathon is too soon; three is fine. */
static void deep_work_too_soon_after_a_long_race(void **state)
{
	struct fixture *f = *state;
	struct recovery *r = situation_session(&f->sit.ctx, MOD_MASSAGE_DEEP, TODAY);

	situation_race(&f->sit.ctx, "Phoenix Marathon", TODAY - 2, 42.195, RACE_A);
	warn_recovery(&f->sit.ctx, r, &f->out);
	assert_true(
	        strstr(need(&f->out, "massage-post-race")->text, "2 days after Phoenix Marathon"));
	assert_int_equal(count(&f->out, "massage-not-adjacent-hard"), 0);

	advice_list_release(&f->out);
	f->sit.ctx.races.races[0].date = TODAY - 3;
	warn_recovery(&f->sit.ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);

	/* the day after is the race's neighbour */
	f->sit.ctx.races.races[0].date = TODAY - 1;
	warn_recovery(&f->sit.ctx, r, &f->out);
	assert_int_equal(count(&f->out, "massage-post-race"), 0);
	assert_int_equal(count(&f->out, "massage-not-adjacent-hard"), 1);
}

/* A paid session that takes the month to 80 % of the budget is warned;
 * below it, or without a budget, not. */
static void budget_share(void **state)
{
	struct fixture *f = *state;
	struct recovery *a = situation_session(&f->sit.ctx, MOD_MASSAGE_SPORTS, TODAY - 10);
	struct recovery *b;
	const struct advice *w;

	a->cost_cents = 4000;
	memcpy(a->currency, "USD", 4);
	f->sit.profile.budget_cents = 10000;
	warn_recovery(&f->sit.ctx, a, &f->out);
	assert_int_equal(f->out.n_items, 0);

	b = situation_session(&f->sit.ctx, MOD_MASSAGE_SWEDISH, TODAY);
	b->cost_cents = 4500;
	memcpy(b->currency, "USD", 4);
	warn_recovery(&f->sit.ctx, b, &f->out);
	w = need(&f->out, "budget");
	assert_int_equal(w->kind, ADVICE_WARNING);
	assert_true(strstr(w->text, "2026-11 is $85.00 of the $100.00 budget"));
	assert_int_equal(w->from, date_from_civil(2026, 11, 1));
	assert_int_equal(w->to, date_from_civil(2026, 11, 30));

	advice_list_release(&f->out);
	f->sit.profile.budget_cents = -1;
	warn_recovery(&f->sit.ctx, b, &f->out);
	assert_int_equal(f->out.n_items, 0);
}

static void deep_work_is_deep_sports_and_art(void **state)
{
	(void)state;
	assert_true(warn_is_deep(MOD_MASSAGE_DEEP));
	assert_true(warn_is_deep(MOD_MASSAGE_ART));
	assert_true(warn_is_deep(MOD_MASSAGE_SPORTS));
	assert_false(warn_is_deep(MOD_MASSAGE_SWEDISH));
	assert_false(warn_is_deep(MOD_ROLL));
	assert_false(warn_is_deep(MOD_PHYSIO));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(hard_the_day_after_deep_work, setup, teardown),
		cmocka_unit_test_setup_teardown(what_is_hard, setup, teardown),
		cmocka_unit_test_setup_teardown(planned_intervals_after_art, setup, teardown),
		cmocka_unit_test_setup_teardown(deep_work_before_an_a_race, setup, teardown),
		cmocka_unit_test_setup_teardown(deep_work_next_to_a_hard_day, setup, teardown),
		cmocka_unit_test_setup_teardown(deep_work_too_soon_after_a_long_race, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(budget_share, setup, teardown),
		cmocka_unit_test_setup_teardown(deep_work_is_deep_sports_and_art, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
