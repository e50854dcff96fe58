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

/* Tuesday 2026-11-24, like the CLI tests' clock. */
#define TODAY date_from_civil(2026, 11, 24)

struct fixture {
	struct rulebook rules;
	struct athlete profile;
	struct advice_context ctx;
	struct advice_list out;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct err err = ERR_INIT;

	f->rules = (struct rulebook)RULEBOOK_INIT;
	if (rulebook_parse(&f->rules, datafile_builtin("rules.ini", NULL), "rules.ini", &err)) {
		fail_msg("%s", err.msg);
	}
	athlete_init(&f->profile, 1);
	memcpy(f->profile.currency, "USD", 4);
	advice_context_init(&f->ctx, &f->profile, &f->rules, NULL, TODAY);
	f->out = (struct advice_list)ADVICE_LIST_INIT;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	advice_list_release(&f->out);
	advice_context_release(&f->ctx);
	rulebook_release(&f->rules);
	athlete_release(&f->profile);
	free(f);
	return 0;
}

static struct race *race(struct advice_context *ctx, const char *name, int32_t date, double km,
                         enum race_priority prio)
{
	struct race *r = race_list_push(&ctx->races);

	r->id = (int64_t)ctx->races.n_races;
	r->athlete_id = 1;
	r->name = xstrdup(name);
	r->date = date;
	r->distance_m = km * 1000;
	r->priority = prio;
	r->status = date <= ctx->today ? RACE_DONE : RACE_REGISTERED;
	return r;
}

static struct activity *act(struct advice_context *ctx, enum sport sport, int32_t date, int rpe)
{
	struct activity *a = activity_list_push(&ctx->activities);

	a->id = (int64_t)ctx->activities.n_activities;
	a->athlete_id = 1;
	a->sport = sport;
	a->date = date;
	a->duration_s = 3600;
	a->rpe = rpe;
	a->load = 50;
	return a;
}

static struct recovery *session(struct advice_context *ctx, enum modality m, int32_t date)
{
	struct recovery *r = recovery_list_push(&ctx->sessions);

	r->id = (int64_t)ctx->sessions.n;
	r->athlete_id = 1;
	r->modality = m;
	r->day = date;
	return r;
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

static void disable(struct fixture *f, const char *id)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "[%s]\nenabled = no\n", id);
	rulebook_override(&f->rules, sb.buf, "test");
	strbuf_release(&sb);
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

	session(&f->ctx, MOD_MASSAGE_DEEP, TODAY - 1);
	a = act(&f->ctx, SPORT_RUN, TODAY, 8);
	warn_activity(&f->ctx, a, &f->out);
	w = need(&f->out, "easy-after-massage");
	assert_int_equal(w->kind, ADVICE_WARNING);
	assert_int_equal(w->from, TODAY);
	assert_true(strstr(w->text, "a hard run on 2026-11-24 (RPE 8)"));
	assert_true(strstr(w->text, "deep-tissue massage on 2026-11-23"));
	assert_int_equal(f->out.n_items, 1);

	a->rpe = 4;
	advice_list_release(&f->out);
	warn_activity(&f->ctx, a, &f->out);
	assert_int_equal(f->out.n_items, 0);

	a->rpe = 8;
	a->date = TODAY + 1; /* two days after */
	warn_activity(&f->ctx, a, &f->out);
	assert_int_equal(f->out.n_items, 0);

	a->date = TODAY;
	f->ctx.sessions.items[0].modality = MOD_MASSAGE_SWEDISH;
	warn_activity(&f->ctx, a, &f->out);
	assert_int_equal(f->out.n_items, 0);

	f->ctx.sessions.items[0].modality = MOD_MASSAGE_ART;
	disable(f, "easy-after-massage");
	warn_activity(&f->ctx, a, &f->out);
	assert_int_equal(f->out.n_items, 0);
}

/* What makes a session hard: RPE, load, a race run that day, or the
 * planned hard workout its sport does. */
static void what_is_hard(void **state)
{
	struct fixture *f = *state;
	struct activity *a = act(&f->ctx, SPORT_RUN, TODAY, 0);
	struct strbuf why = STRBUF_INIT;

	assert_false(warn_activity_is_hard(&f->ctx, a, NULL));
	a->load = 120;
	assert_true(warn_activity_is_hard(&f->ctx, a, &why));
	assert_string_equal(why.buf, "load 120");
	a->load = 40;
	planned(&f->ctx, WORKOUT_INTERVALS, TODAY);
	strbuf_reset(&why);
	assert_true(warn_activity_is_hard(&f->ctx, a, &why));
	assert_string_equal(why.buf, "the planned intervals");
	a->sport = SPORT_SWIM; /* a swim does not do the intervals */
	assert_false(warn_activity_is_hard(&f->ctx, a, NULL));
	a->sport = SPORT_RUN;
	plan_release(&f->ctx.plan);
	plan_init(&f->ctx.plan);
	race(&f->ctx, "Turkey Trot", TODAY, 5, RACE_C);
	strbuf_reset(&why);
	assert_true(warn_activity_is_hard(&f->ctx, a, &why));
	assert_string_equal(why.buf, "the race, Turkey Trot");
	strbuf_release(&why);
}

/* Planned intervals done the day after an ART session: warned, naming the
 * plan. */
static void planned_intervals_after_art(void **state)
{
	struct fixture *f = *state;
	struct activity *a;

	session(&f->ctx, MOD_MASSAGE_ART, TODAY - 1);
	planned(&f->ctx, WORKOUT_INTERVALS, TODAY);
	a = act(&f->ctx, SPORT_RUN, TODAY, 0);
	warn_activity(&f->ctx, a, &f->out);
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

	race(&f->ctx, "Phoenix Half", TODAY + 3, 21.1, RACE_A);
	r = session(&f->ctx, MOD_MASSAGE_DEEP, TODAY);
	warn_recovery(&f->ctx, r, &f->out);
	w = need(&f->out, "massage-pre-race-deep");
	assert_int_equal(w->kind, ADVICE_WARNING);
	assert_int_equal(w->from, TODAY);
	assert_true(strstr(w->text, "3 days before Phoenix Half (A race, 2026-11-27)"));
	assert_int_equal(f->out.n_items, 1);

	advice_list_release(&f->out);
	f->ctx.races.races[0].date = TODAY + 5;
	warn_recovery(&f->ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);

	f->ctx.races.races[0].date = TODAY + 4;
	r->modality = MOD_MASSAGE_SWEDISH;
	warn_recovery(&f->ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);

	r->modality = MOD_MASSAGE_SPORTS;
	f->ctx.races.races[0].priority = RACE_B;
	warn_recovery(&f->ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);

	f->ctx.races.races[0].priority = RACE_A;
	disable(f, "massage-pre-race-deep");
	warn_recovery(&f->ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);
}

/* Deep work within a day of a hard day (logged or planned) is warned,
 * naming the day; two days away is not. */
static void deep_work_next_to_a_hard_day(void **state)
{
	struct fixture *f = *state;
	struct recovery *r = session(&f->ctx, MOD_MASSAGE_DEEP, TODAY);
	const struct advice *w;

	act(&f->ctx, SPORT_BIKE, TODAY - 1, 9);
	warn_recovery(&f->ctx, r, &f->out);
	w = need(&f->out, "massage-not-adjacent-hard");
	assert_true(strstr(w->text, "within 1 day of a hard day: 2026-11-23 (bike, RPE 9)"));

	advice_list_release(&f->out);
	f->ctx.activities.activities[0].date = TODAY - 2;
	warn_recovery(&f->ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);

	planned(&f->ctx, WORKOUT_TEMPO, TODAY + 1);
	warn_recovery(&f->ctx, r, &f->out);
	assert_true(strstr(need(&f->out, "massage-not-adjacent-hard")->text,
	                   "2026-11-25 (planned tempo)"));
}

/* Deep work two days after a marathon is too soon; three is fine. */
static void deep_work_too_soon_after_a_long_race(void **state)
{
	struct fixture *f = *state;
	struct recovery *r = session(&f->ctx, MOD_MASSAGE_DEEP, TODAY);

	race(&f->ctx, "Phoenix Marathon", TODAY - 2, 42.195, RACE_A);
	warn_recovery(&f->ctx, r, &f->out);
	assert_true(
	        strstr(need(&f->out, "massage-post-race")->text, "2 days after Phoenix Marathon"));
	assert_int_equal(count(&f->out, "massage-not-adjacent-hard"), 0);

	advice_list_release(&f->out);
	f->ctx.races.races[0].date = TODAY - 3;
	warn_recovery(&f->ctx, r, &f->out);
	assert_int_equal(f->out.n_items, 0);

	/* the day after is the race's neighbour */
	f->ctx.races.races[0].date = TODAY - 1;
	warn_recovery(&f->ctx, r, &f->out);
	assert_int_equal(count(&f->out, "massage-post-race"), 0);
	assert_int_equal(count(&f->out, "massage-not-adjacent-hard"), 1);
}

/* A paid session that takes the month to 80 % of the budget is warned;
 * below it, or without a budget, not. */
static void budget_share(void **state)
{
	struct fixture *f = *state;
	struct recovery *a = session(&f->ctx, MOD_MASSAGE_SPORTS, TODAY - 10);
	struct recovery *b;
	const struct advice *w;

	a->cost_cents = 4000;
	memcpy(a->currency, "USD", 4);
	f->profile.budget_cents = 10000;
	warn_recovery(&f->ctx, a, &f->out);
	assert_int_equal(f->out.n_items, 0);

	b = session(&f->ctx, MOD_MASSAGE_SWEDISH, TODAY);
	b->cost_cents = 4500;
	memcpy(b->currency, "USD", 4);
	warn_recovery(&f->ctx, b, &f->out);
	w = need(&f->out, "budget");
	assert_int_equal(w->kind, ADVICE_WARNING);
	assert_true(strstr(w->text, "2026-11 is $85.00 of the $100.00 budget"));
	assert_int_equal(w->from, date_from_civil(2026, 11, 1));
	assert_int_equal(w->to, date_from_civil(2026, 11, 30));

	advice_list_release(&f->out);
	f->profile.budget_cents = -1;
	warn_recovery(&f->ctx, b, &f->out);
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
