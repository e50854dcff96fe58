/*
 * test_today.c: readiness, the one-day rules (advice/today.h) and the
 * week (advice/week.h), on situations built by hand with the built-in
 * rules and regions.
 *
 * What must hold (issue 6): an active hamstring injury with pain 5 for
 * 16 days means no running (and replacing a planned run), cross-training
 * if painless, and a clinician; a load spike with calf soreness is
 * warned, naming the ratio, and not without the soreness. Also each
 * rule's edges: windows, thresholds, switching a rule off, and the week's
 * plan, load, soreness, sessions, spend and merged advice.
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
#include "advice/today.h"
#include "advice/week.h"
#include "analysis/pmc.h"
#include "base/datafile.h"
#include "base/date.h"
#include "base/xalloc.h"
#include "situation.h"

/* Tuesday 2026-11-24, like the CLI tests' clock. */
#define TODAY date_from_civil(2026, 11, 24)

struct fixture {
	struct situation sit;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	situation_init(&f->sit, TODAY);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	situation_release(&f->sit);
	free(f);
	return 0;
}

/* ---- building situations ---- */

static struct injury *injure(struct advice_context *ctx, const char *region, enum side side,
                             int32_t onset, const char *cause)
{
	struct injury *inj = situation_injure(ctx, region, side, onset, INJURY_ACTIVE);

	inj->cause = cause ? xstrdup(cause) : NULL;
	return inj;
}

/* Fitness rows for the n days up to ctx->today from their loads. */
static void fitness(struct advice_context *ctx, const double *loads, size_t n)
{
	free(ctx->fitness);
	ctx->fitness = xcalloc(n, sizeof(*ctx->fitness));
	ctx->n_fitness = n;
	pmc_compute(loads, n, ctx->today - (int32_t)n + 1, NULL, ctx->fitness);
}

/* Fitness from the activities' loads, from the first one to ctx->today. */
static void fitness_from_activities(struct advice_context *ctx)
{
	int32_t first = ctx->today;
	double *loads;
	size_t n;

	for (size_t i = 0; i < ctx->activities.n_activities; i++) {
		if (ctx->activities.activities[i].date < first) {
			first = ctx->activities.activities[i].date;
		}
	}
	n = (size_t)(ctx->today - first + 1);
	loads = xcalloc(n, sizeof(*loads));
	for (size_t i = 0; i < ctx->activities.n_activities; i++) {
		const struct activity *a = &ctx->activities.activities[i];

		if (a->date <= ctx->today) {
			loads[a->date - first] += a->load;
		}
	}
	fitness(ctx, loads, n);
	free(loads);
}

/* A one-week plan (Monday to Sunday of TODAY's week) by time: rest,
 * easy, rest, tempo, rest, easy, long; the "race" is a 10k on Sunday. */
static void plan_week(struct advice_context *ctx)
{
	static const enum workout_kind kinds[7] = {
		WORKOUT_REST, WORKOUT_EASY, WORKOUT_REST, WORKOUT_TEMPO,
		WORKOUT_REST, WORKOUT_EASY, WORKOUT_RACE,
	};
	struct plan *p = &ctx->plan;
	int32_t monday = date_week_start(TODAY);

	p->id = 3;
	p->athlete_id = 1;
	p->race_id = 1;
	p->race_name = xstrdup("Riverside 10k");
	p->race_distance_m = 10000;
	p->template_name = xstrdup("10k");
	p->by = PLAN_BY_TIME;
	p->weeks = 1;
	p->days = 4;
	p->start = monday;
	p->race_date = monday + 6;
	for (int i = 0; i < 7; i++) {
		struct workout *w = plan_push_workout(p);

		w->date = monday + i;
		w->week = 1;
		w->phase = PLAN_TAPER;
		w->kind = kinds[i];
		w->target_s = kinds[i] == WORKOUT_REST ? (double)NAN : 40 * 60;
		w->target_m = kinds[i] == WORKOUT_RACE ? 10000 : (double)NAN;
		w->description = xstrdup(workout_kind_name(kinds[i]));
	}
}

static struct gear *shoes(struct advice_context *ctx, const char *name, int32_t since,
                          double limit_km, double km)
{
	struct gear *g = gear_list_push(&ctx->gear);

	g->id = (int64_t)ctx->gear.n_gears;
	g->athlete_id = 1;
	g->name = xstrdup(name);
	g->kind = GEAR_SHOES;
	g->since = since;
	g->limit_m = limit_km * 1000;
	g->distance_m = km * 1000;
	return g;
}

static const struct advice *find(const struct today *t, const char *id)
{
	return advice_find(&t->advice, id);
}

static bool has_reason(const struct today *t, const char *text)
{
	for (size_t i = 0; i < t->n_reasons; i++) {
		if (strstr(t->reasons[i], text)) {
			return true;
		}
	}
	return false;
}

/* The injured runner of the issue: right hamstring, pain 5 from onset
 * 16 days ago to yesterday. */
static void hurt_hamstring(struct advice_context *ctx, const char *cause)
{
	injure(ctx, "hamstrings", SIDE_RIGHT, TODAY - 16, cause);
	for (int d = 16; d >= 1; d -= 3) {
		situation_check(ctx, TODAY - d, "hamstrings", SIDE_RIGHT, MEASURE_PAIN, 5);
	}
}

/* ---- readiness ---- */

static void nothing_wrong_is_ready(void **state)
{
	struct fixture *f = *state;
	struct today t;

	for (int d = 40; d >= 1; d -= 2) {
		situation_run(&f->sit.ctx, TODAY - d, 8, 45);
	}
	fitness_from_activities(&f->sit.ctx);
	today_advise(&f->sit.ctx, &t);
	assert_int_equal(t.day, TODAY);
	assert_int_equal(t.level, TODAY_READY);
	assert_string_equal(today_level_name(t.level), "ready");
	assert_true(isfinite(t.tsb));
	assert_true(isfinite(t.acwr));
	assert_true(has_reason(&t, "nothing sore, injured or recently raced"));
	assert_int_equal(t.advice.n_items, 0);
	assert_false(t.has_plan);
	assert_null(t.workout);
	today_release(&t);
}

static void todays_workout_and_what_was_done(void **state)
{
	struct fixture *f = *state;
	struct today t;

	plan_week(&f->sit.ctx);
	situation_run(&f->sit.ctx, TODAY, 7, 38);
	today_advise(&f->sit.ctx, &t);
	assert_true(t.has_plan);
	assert_non_null(t.workout);
	assert_int_equal(t.workout->date, TODAY);
	assert_int_equal(t.workout->kind, WORKOUT_EASY);
	assert_int_equal(t.match.status, WORKOUT_STATUS_DONE);
	assert_int_equal(t.match.n_activities, 1);
	today_release(&t);

	/* the next day is a rest day */
	f->sit.ctx.today = TODAY + 1;
	today_advise(&f->sit.ctx, &t);
	assert_int_equal(t.workout->kind, WORKOUT_REST);
	today_release(&t);
}

/* ---- injury-no-run, injury-see-clinician ---- */

static void hurting_injury_means_no_running_and_a_clinician(void **state)
{
	struct fixture *f = *state;
	const struct advice *a;
	struct today t;

	plan_week(&f->sit.ctx);
	hurt_hamstring(&f->sit.ctx, NULL);
	today_advise(&f->sit.ctx, &t);
	assert_int_equal(t.level, TODAY_REST);
	assert_int_equal(t.n_injuries, 1);
	assert_int_equal(t.injuries[0].days, 16);
	assert_int_equal(t.injuries[0].latest, 5);
	assert_int_equal(t.injuries[0].latest_day, TODAY - 1);

	a = find(&t, "injury-no-run");
	assert_non_null(a);
	assert_int_equal(a->kind, ADVICE_WARNING);
	assert_int_equal(a->from, TODAY);
	assert_int_equal(a->to, TODAY);
	assert_non_null(strstr(a->text, "No running today"));
	assert_non_null(strstr(a->text, "right hamstrings"));
	assert_non_null(strstr(a->text, "pain 5 on Mon 2026-11-23"));
	assert_non_null(strstr(a->text, "only if that does not hurt more"));
	/* today's plan is an easy run: replace it */
	assert_non_null(strstr(a->text, "easy run, 40 min: replace it"));
	assert_true(situation_has_fact(a, "latest pain 5 on Mon 2026-11-23"));

	a = find(&t, "injury-see-clinician");
	assert_non_null(a);
	assert_int_equal(a->kind, ADVICE_WARNING);
	assert_non_null(strstr(a->text, "doctor or physio"));
	assert_non_null(strstr(a->text, "16 days"));
	assert_non_null(strstr(a->text, "flat"));
	assert_non_null(strstr(a->text, "not medical advice"));
	assert_true(situation_has_fact(a, "trend flat"));
	/* no cause naming the glutes, no glute check-in: no compensation */
	assert_null(find(&t, "compensation"));
	/* pain 5 within the self-care window: roll, and ice after cross-training */
	a = find(&t, "self-care");
	assert_non_null(a);
	assert_non_null(strstr(a->text, "ice it"));
	assert_non_null(strstr(a->text, "after cross-training"));
	/* warnings come first */
	assert_int_equal(t.advice.items[0].kind, ADVICE_WARNING);
	assert_int_equal(t.advice.items[t.advice.n_items - 1].kind, ADVICE_ADVICE);
	today_release(&t);
}

static void a_rest_day_is_not_replaced(void **state)
{
	struct fixture *f = *state;
	const struct advice *a;
	struct today t;

	plan_week(&f->sit.ctx);
	hurt_hamstring(&f->sit.ctx, NULL);
	f->sit.ctx.today = TODAY + 1; /* Wednesday: rest */
	today_advise(&f->sit.ctx, &t);
	a = find(&t, "injury-no-run");
	assert_non_null(a);
	assert_null(strstr(a->text, "replace it"));
	assert_int_equal(t.injuries[0].days, 17);
	today_release(&t);
}

static void mild_or_old_pain_allows_running(void **state)
{
	struct fixture *f = *state;
	struct today t;

	injure(&f->sit.ctx, "calf", SIDE_LEFT, TODAY - 5, NULL);
	situation_check(&f->sit.ctx, TODAY - 5, "calf", SIDE_LEFT, MEASURE_PAIN, 6);
	situation_check(&f->sit.ctx, TODAY - 1, "gastrocnemius", SIDE_LEFT, MEASURE_PAIN, 3);
	today_advise(&f->sit.ctx, &t);
	/* the latest level counts, and a sub-region speaks of the injury */
	assert_int_equal(t.injuries[0].latest, 3);
	assert_null(find(&t, "injury-no-run"));
	assert_null(find(&t, "injury-see-clinician")); /* 5 days: too soon */
	assert_int_equal(t.level, TODAY_CAUTION);
	assert_true(has_reason(&t, "left calf injured for 5 days"));
	today_release(&t);

	/* pain 6 eight days ago and nothing since: outside the 7 days */
	advice_context_release(&f->sit.ctx);
	advice_context_init(&f->sit.ctx, &f->sit.profile, &f->sit.rules, &f->sit.regions, TODAY);
	injure(&f->sit.ctx, "calf", SIDE_LEFT, TODAY - 9, NULL);
	situation_check(&f->sit.ctx, TODAY - 8, "calf", SIDE_LEFT, MEASURE_PAIN, 6);
	today_advise(&f->sit.ctx, &t);
	assert_int_equal(t.injuries[0].latest, -1);
	assert_null(find(&t, "injury-no-run"));
	today_release(&t);

	/* exactly 7 days ago is within */
	situation_check(&f->sit.ctx, TODAY - 7, "calf", SIDE_LEFT, MEASURE_PAIN, 4);
	today_advise(&f->sit.ctx, &t);
	assert_non_null(find(&t, "injury-no-run"));
	today_release(&t);
}

static void an_improving_injury_needs_no_clinician(void **state)
{
	struct fixture *f = *state;
	struct today t;

	injure(&f->sit.ctx, "hamstrings", SIDE_RIGHT, TODAY - 20, NULL);
	situation_check(&f->sit.ctx, TODAY - 20, "hamstrings", SIDE_RIGHT, MEASURE_PAIN, 7);
	situation_check(&f->sit.ctx, TODAY - 10, "hamstrings", SIDE_RIGHT, MEASURE_PAIN, 5);
	situation_check(&f->sit.ctx, TODAY - 2, "hamstrings", SIDE_RIGHT, MEASURE_PAIN, 4);
	today_advise(&f->sit.ctx, &t);
	assert_int_equal(t.injuries[0].course.trend.verdict, TREND_IMPROVING);
	assert_null(find(&t, "injury-see-clinician"));
	assert_non_null(find(&t, "injury-no-run")); /* still 4: no running */
	today_release(&t);
}

static void a_resolved_injury_is_past_but_not_before_it_was(void **state)
{
	struct fixture *f = *state;
	struct injury *inj;
	struct today t;

	hurt_hamstring(&f->sit.ctx, NULL);
	inj = &f->sit.ctx.injuries.items[0];
	inj->resolved = TODAY;
	inj->status = INJURY_RESOLVED;
	today_advise(&f->sit.ctx, &t);
	assert_int_equal(t.n_injuries, 0);
	assert_null(find(&t, "injury-no-run"));
	today_release(&t);

	/* the day before it was resolved, it was active and hurt */
	f->sit.ctx.today = TODAY - 1;
	today_advise(&f->sit.ctx, &t);
	assert_int_equal(t.n_injuries, 1);
	assert_non_null(find(&t, "injury-no-run"));
	assert_non_null(find(&t, "injury-see-clinician"));
	today_release(&t);
}

static void a_diagnosed_injury_sends_back_to_the_clinician(void **state)
{
	struct fixture *f = *state;
	const struct advice *a;
	struct today t;

	hurt_hamstring(&f->sit.ctx, NULL);
	f->sit.ctx.injuries.items[0].diagnosis = xstrdup("grade 1 strain");
	today_advise(&f->sit.ctx, &t);
	a = find(&t, "injury-see-clinician");
	assert_non_null(a);
	assert_non_null(strstr(a->text, "Go back to your doctor or physio"));
	assert_non_null(strstr(a->text, "grade 1 strain"));
	today_release(&t);
}

static void a_rule_switched_off_says_nothing(void **state)
{
	struct fixture *f = *state;
	struct today t;

	rulebook_override(&f->sit.rules, "[injury-see-clinician]\nenabled = no\n", "test");
	hurt_hamstring(&f->sit.ctx, NULL);
	today_advise(&f->sit.ctx, &t);
	assert_null(find(&t, "injury-see-clinician"));
	assert_non_null(find(&t, "injury-no-run"));
	today_release(&t);
}

/* ---- load-spike ---- */

/* Four weeks at 30 points a day, then a week at 100: the EWMA ratio is
 * well above 1.5 (acute 0.25, chronic 2/29). */
static void spike(struct advice_context *ctx)
{
	double loads[35];

	for (int i = 0; i < 35; i++) {
		loads[i] = i < 28 ? 30 : 100;
	}
	fitness(ctx, loads, 35);
}

static void load_spike_with_sore_calf_is_warned(void **state)
{
	struct fixture *f = *state;
	const struct advice *a;
	char ratio[32];
	struct today t;

	spike(&f->sit.ctx);
	situation_check(&f->sit.ctx, TODAY - 1, "calf", SIDE_LEFT, MEASURE_SORENESS, 4);
	today_advise(&f->sit.ctx, &t);
	assert_true(t.acwr > 1.5);
	a = find(&t, "load-spike");
	assert_non_null(a);
	assert_int_equal(a->kind, ADVICE_WARNING);
	assert_int_equal(a->from, TODAY);
	snprintf(ratio, sizeof(ratio), "ratio is %.2f (above 1.5)", t.acwr);
	assert_non_null(strstr(a->text, ratio));
	assert_non_null(strstr(a->text, "left calf soreness 4 on Mon 2026-11-23"));
	assert_true(situation_has_fact(a, "does not predict injury"));
	assert_int_equal(t.level, TODAY_CAUTION);
	assert_true(has_reason(&t, "load spike"));
	today_release(&t);
}

static void load_spike_without_soreness_is_not(void **state)
{
	struct fixture *f = *state;
	struct today t;

	spike(&f->sit.ctx);
	situation_check(&f->sit.ctx, TODAY - 1, "calf", SIDE_LEFT, MEASURE_SORENESS,
	                2); /* below 3 */
	situation_check(&f->sit.ctx, TODAY - 5, "calf", SIDE_LEFT, MEASURE_SORENESS,
	                6); /* too long ago */
	today_advise(&f->sit.ctx, &t);
	assert_true(t.acwr > 1.5);
	assert_null(find(&t, "load-spike"));
	/* the ratio is still said, as a reason for caution */
	assert_int_equal(t.level, TODAY_CAUTION);
	assert_true(has_reason(&t, "acute:chronic ratio"));
	today_release(&t);
}

static void soreness_without_a_spike_is_no_load_spike(void **state)
{
	struct fixture *f = *state;
	struct today t;

	for (int d = 35; d >= 0; d--) {
		situation_run(&f->sit.ctx, TODAY - d, 6, 30);
	}
	fitness_from_activities(&f->sit.ctx);
	situation_check(&f->sit.ctx, TODAY, "calf", SIDE_RIGHT, MEASURE_SORENESS, 5);
	today_advise(&f->sit.ctx, &t);
	assert_true(t.acwr < 1.5);
	assert_null(find(&t, "load-spike"));
	today_release(&t);
}

static void weekly_volume_up_with_soreness_is_a_spike(void **state)
{
	struct fixture *f = *state;
	const struct advice *a;
	struct today t;

	/* 20 km in the 7 days before last, 30 km in the last 7: +50 % */
	situation_run(&f->sit.ctx, TODAY - 12, 10, 55);
	situation_run(&f->sit.ctx, TODAY - 9, 10, 55);
	situation_run(&f->sit.ctx, TODAY - 6, 10, 55);
	situation_run(&f->sit.ctx, TODAY - 3, 10, 55);
	situation_run(&f->sit.ctx, TODAY - 1, 10, 55);
	situation_check(&f->sit.ctx, TODAY, "quads", SIDE_BOTH, MEASURE_SORENESS, 3);
	today_advise(&f->sit.ctx, &t);
	a = find(&t, "load-spike");
	assert_non_null(a);
	assert_non_null(strstr(a->text, "running in the last 7 days is up 50 %"));
	assert_non_null(strstr(a->text, "30.00 km against 20.00 km"));
	today_release(&t);

	/* +10 % is not a spike */
	f->sit.ctx.activities.activities[f->sit.ctx.activities.n_activities - 1].distance_m = 2000;
	today_advise(&f->sit.ctx, &t);
	assert_null(find(&t, "load-spike"));
	today_release(&t);
}

/* ---- compensation ---- */

static void hamstrings_with_tight_glutes_want_glute_work(void **state)
{
	struct fixture *f = *state;
	const struct advice *a;
	struct today t;

	situation_check(&f->sit.ctx, TODAY - 2, "semitendinosus", SIDE_RIGHT, MEASURE_SORENESS, 4);
	today_advise(&f->sit.ctx, &t);
	assert_null(find(&t, "compensation")); /* no sign from the glutes */
	today_release(&t);

	situation_check(&f->sit.ctx, TODAY - 10, "gluteus-medius", SIDE_RIGHT, MEASURE_TIGHTNESS,
	                3);
	today_advise(&f->sit.ctx, &t);
	a = find(&t, "compensation");
	assert_non_null(a);
	assert_int_equal(a->kind, ADVICE_ADVICE);
	assert_non_null(strstr(a->text, "glute strength"));
	assert_true(situation_has_fact(a, "right semitendinosus soreness 4"));
	assert_true(situation_has_fact(a, "right gluteus medius tightness 3"));
	today_release(&t);
}

static void a_cause_or_a_finding_names_the_glutes(void **state)
{
	struct fixture *f = *state;
	struct recovery *r;
	const struct advice *a;
	struct today t;

	hurt_hamstring(&f->sit.ctx, "weak glutes, hamstring over-compensating");
	today_advise(&f->sit.ctx, &t);
	a = find(&t, "compensation");
	assert_non_null(a);
	assert_true(situation_has_fact(a, "weak glutes"));
	today_release(&t);

	advice_context_release(&f->sit.ctx);
	advice_context_init(&f->sit.ctx, &f->sit.profile, &f->sit.rules, &f->sit.regions, TODAY);
	situation_check(&f->sit.ctx, TODAY - 1, "hamstrings", SIDE_LEFT, MEASURE_PAIN, 3);
	r = recovery_list_push(&f->sit.ctx.sessions);
	r->id = 1;
	r->day = TODAY - 4;
	r->modality = MOD_MASSAGE_DEEP;
	recovery_add_region(r, "glutes", SIDE_LEFT)->finding = FINDING_KNOT;
	r->regions[0].severity = 2;
	today_advise(&f->sit.ctx, &t);
	a = find(&t, "compensation");
	assert_non_null(a);
	assert_true(situation_has_fact(a, "found knot in the left glutes"));
	today_release(&t);
}

/* ---- self-care ---- */

static void pain_means_ice_and_soreness_means_rolling(void **state)
{
	struct fixture *f = *state;
	const struct advice *a;
	struct today t;

	situation_check(&f->sit.ctx, TODAY - 3, "achilles", SIDE_LEFT, MEASURE_PAIN, 3);
	situation_check(&f->sit.ctx, TODAY, "quads", SIDE_RIGHT, MEASURE_SORENESS, 4);
	situation_check(&f->sit.ctx, TODAY - 4, "shin", SIDE_RIGHT, MEASURE_PAIN,
	                7); /* too long ago */
	today_advise(&f->sit.ctx, &t);
	a = find(&t, "self-care");
	assert_non_null(a);
	assert_non_null(strstr(a->text, "Roll your left Achilles gently"));
	assert_non_null(strstr(a->text, "after runs"));
	assert_non_null(strstr(a->text, "Roll your right quads for a few minutes"));
	assert_null(strstr(a->text, "shin"));
	assert_int_equal(t.n_sore, 2);
	today_release(&t);

	advice_context_release(&f->sit.ctx);
	advice_context_init(&f->sit.ctx, &f->sit.profile, &f->sit.rules, &f->sit.regions, TODAY);
	situation_check(&f->sit.ctx, TODAY, "quads", SIDE_RIGHT, MEASURE_SORENESS, 2);
	today_advise(&f->sit.ctx, &t);
	assert_null(find(&t, "self-care"));
	today_release(&t);
}

/* ---- shoes ---- */

static void worn_shoes_are_flagged(void **state)
{
	struct fixture *f = *state;
	const struct advice *a;
	struct today t;

	shoes(&f->sit.ctx, "Pegasus 40", TODAY - 300, 700, 812);
	shoes(&f->sit.ctx, "Clifton 9", TODAY - 200, 600, 560);
	shoes(&f->sit.ctx, "Racers", TODAY - 100, 400, 100);
	today_advise(&f->sit.ctx, &t);
	a = find(&t, "shoes");
	assert_non_null(a);
	assert_int_equal(a->kind, ADVICE_WARNING);
	assert_non_null(strstr(a->text, "Pegasus 40 have carried 812.00 km, past their 700.00 km"));
	assert_int_equal(t.advice.n_items, 2);
	assert_int_equal(t.advice.items[1].kind, ADVICE_ADVICE);
	assert_non_null(strstr(t.advice.items[1].text, "Clifton 9 have carried 560.00 km"));
	today_release(&t);

	/* retired shoes are not */
	f->sit.ctx.gear.gears[0].retired = TODAY - 1;
	f->sit.ctx.gear.gears[1].retired = TODAY - 1;
	today_advise(&f->sit.ctx, &t);
	assert_null(find(&t, "shoes"));
	today_release(&t);
}

static void new_shoes_before_new_pain_are_flagged(void **state)
{
	struct fixture *f = *state;
	const struct advice *a;
	struct today t;
	struct gear *g = shoes(&f->sit.ctx, "Vaporfly", TODAY - 10, 500, 40);

	for (int d = 10; d >= 2; d -= 2) {
		situation_run(&f->sit.ctx, TODAY - d, 8, 45)->gear_id = g->id;
	}
	situation_check(&f->sit.ctx, TODAY - 4, "calf", SIDE_RIGHT, MEASURE_PAIN, 4);
	today_advise(&f->sit.ctx, &t);
	a = find(&t, "shoes");
	assert_non_null(a);
	assert_int_equal(a->kind, ADVICE_WARNING);
	assert_non_null(strstr(a->text, "New pain in your right calf (pain 4 on Fri 2026-11-20) "
	                                "began 6 days after you started running in your Vaporfly"));
	today_release(&t);

	/* the same pain before the new shoes is not new */
	situation_check(&f->sit.ctx, TODAY - 20, "calf", SIDE_RIGHT, MEASURE_PAIN, 3);
	today_advise(&f->sit.ctx, &t);
	assert_null(find(&t, "shoes"));
	today_release(&t);
}

static void shoes_without_a_start_day_start_with_their_first_run(void **state)
{
	struct fixture *f = *state;
	struct today t;
	struct gear *g = shoes(&f->sit.ctx, "Vaporfly", DATE_NONE, 500, 40);

	for (int d = 10; d >= 2; d -= 2) {
		situation_run(&f->sit.ctx, TODAY - d, 8, 45)->gear_id = g->id;
	}
	g->n_activities = 5;
	situation_check(&f->sit.ctx, TODAY - 4, "calf", SIDE_RIGHT, MEASURE_PAIN, 4);
	today_advise(&f->sit.ctx, &t);
	assert_non_null(find(&t, "shoes"));
	assert_non_null(strstr(find(&t, "shoes")->text, "began 6 days after"));
	today_release(&t);

	/* worn before the context's history began: not new */
	f->sit.ctx.gear.gears[0].n_activities = 90;
	today_advise(&f->sit.ctx, &t);
	assert_null(find(&t, "shoes"));
	today_release(&t);
}

/* ---- post-marathon-rest and recent races ---- */

static void after_a_marathon_no_running_then_easy_runs(void **state)
{
	struct fixture *f = *state;
	int32_t race_day = TODAY - 4;
	const struct advice *a;
	struct today t;

	situation_race(&f->sit.ctx, "City Marathon", race_day, 42.195, RACE_B);
	today_advise(&f->sit.ctx, &t);
	assert_int_equal(t.days_since_race, 4);
	a = find(&t, "post-marathon-rest");
	assert_non_null(a);
	assert_int_equal(a->kind, ADVICE_WARNING);
	assert_int_equal(a->from, TODAY);
	assert_int_equal(a->to, race_day + 6);
	assert_non_null(strstr(a->text, "No running until Fri 2026-11-27 (day 7 after City "
	                                "Marathon)"));
	assert_non_null(strstr(a->text, "up to Fri 2026-12-04 (day 14)"));
	assert_int_equal(t.level, TODAY_REST);
	today_release(&t);

	f->sit.ctx.today = race_day + 9;
	today_advise(&f->sit.ctx, &t);
	a = find(&t, "post-marathon-rest");
	assert_non_null(a);
	assert_int_equal(a->kind, ADVICE_ADVICE);
	assert_int_equal(a->to, race_day + 14);
	assert_non_null(strstr(a->text, "at most 30 min"));
	assert_int_equal(t.level, TODAY_CAUTION);
	today_release(&t);

	f->sit.ctx.today = race_day + 17;
	today_advise(&f->sit.ctx, &t);
	a = find(&t, "post-marathon-rest");
	assert_non_null(a);
	assert_int_equal(a->to, race_day + 21);
	today_release(&t);

	f->sit.ctx.today = race_day + 22;
	today_advise(&f->sit.ctx, &t);
	assert_null(find(&t, "post-marathon-rest"));
	assert_int_equal(t.level, TODAY_READY);
	today_release(&t);
}

static void after_a_half_race_recovery_days(void **state)
{
	struct fixture *f = *state;
	struct today t;

	situation_race(&f->sit.ctx, "Riverside Half", TODAY - 3, 21.0975, RACE_B);
	today_advise(&f->sit.ctx, &t);
	assert_null(find(&t, "post-marathon-rest"));
	/* race-recovery: ceil(21.1 / 6) = 4 days without running */
	assert_int_equal(t.level, TODAY_REST);
	assert_true(has_reason(&t, "3 days after Riverside Half (21.1 km): no running until "
	                           "Thu 2026-11-26"));
	today_release(&t);

	/* then a day of easy running per mile: 13.1 miles, 14 days */
	f->sit.ctx.today = TODAY + 5;
	today_advise(&f->sit.ctx, &t);
	assert_int_equal(t.level, TODAY_CAUTION);
	assert_true(has_reason(&t, "easy running only until Sat 2026-12-05"));
	today_release(&t);

	f->sit.ctx.today = TODAY + 12;
	today_advise(&f->sit.ctx, &t);
	assert_int_equal(t.level, TODAY_READY);
	today_release(&t);
}

/* ---- the week ---- */

static void the_week_as_of_thursday(void **state)
{
	struct fixture *f = *state;
	int32_t monday = date_week_start(TODAY);
	struct provider *p;
	struct recovery *r;
	struct week w;

	f->sit.ctx.today = monday + 3; /* Thursday */
	plan_week(&f->sit.ctx);
	/* last week: 3 runs; this week: Tuesday's easy run, a short tempo */
	situation_run(&f->sit.ctx, monday - 6, 8, 45);
	situation_run(&f->sit.ctx, monday - 4, 8, 45);
	situation_run(&f->sit.ctx, monday - 2, 8, 45);
	situation_run(&f->sit.ctx, monday + 1, 7, 40);
	situation_run(&f->sit.ctx, monday + 3, 3, 15);
	fitness_from_activities(&f->sit.ctx);
	injure(&f->sit.ctx, "hamstrings", SIDE_RIGHT, monday - 20, NULL);
	situation_check(&f->sit.ctx, monday - 20, "hamstrings", SIDE_RIGHT, MEASURE_PAIN, 5);
	situation_check(&f->sit.ctx, monday, "hamstrings", SIDE_RIGHT, MEASURE_PAIN, 5);
	situation_check(&f->sit.ctx, monday + 2, "hamstrings", SIDE_RIGHT, MEASURE_PAIN, 4);
	situation_check(&f->sit.ctx, monday + 2, "hamstrings", SIDE_RIGHT, MEASURE_TIGHTNESS, 6);
	situation_check(&f->sit.ctx, monday + 1, "calf", SIDE_LEFT, MEASURE_SORENESS, 2);
	situation_check(&f->sit.ctx, monday - 1, "calf", SIDE_LEFT, MEASURE_SORENESS,
	                7); /* last week */
	p = provider_list_push(&f->sit.ctx.providers);
	p->id = 1;
	p->name = xstrdup("Knead Studio");
	p->price_cents = 9000;
	memcpy(p->currency, "USD", 4);
	r = recovery_list_push(&f->sit.ctx.sessions);
	r->id = 1;
	r->day = monday - 3;
	r->modality = MOD_MASSAGE_DEEP;
	r->provider_id = 1;
	r->cost_cents = 9000;
	memcpy(r->currency, "USD", 4);
	r = recovery_list_push(&f->sit.ctx.sessions);
	r->id = 2;
	r->day = monday + 2;
	r->modality = MOD_MASSAGE_SPORTS;
	r->provider_id = 1;
	r->cost_cents = 8500;
	memcpy(r->currency, "USD", 4);
	r = recovery_list_push(&f->sit.ctx.sessions);
	r->id = 3;
	r->day = monday + 3;
	r->modality = MOD_ROLL;

	week_build(&f->sit.ctx, &w);
	assert_int_equal(w.monday, monday);
	assert_int_equal(w.sunday, monday + 6);
	assert_int_equal(w.last, monday + 3);

	/* the plan: Tuesday done, Thursday's tempo partial, the rest to come */
	assert_ptr_equal(w.plan, &f->sit.ctx.plan);
	assert_int_equal(w.end - w.first, 7);
	assert_int_equal(w.number, 1);
	assert_int_equal(w.matches[w.first + 1].status, WORKOUT_STATUS_DONE);
	assert_int_equal(w.matches[w.first + 3].status, WORKOUT_STATUS_PARTIAL);
	assert_int_equal(w.matches[w.first + 5].status, WORKOUT_STATUS_UPCOMING);
	assert_int_equal(w.compliance.planned, 2);
	assert_int_equal(w.compliance.done, 1);
	assert_int_equal(w.compliance.partial, 1);
	assert_int_equal(w.compliance.week_workouts, 4);

	/* load: Monday to Thursday */
	assert_int_equal(w.n_fitness, 4);
	assert_int_equal(w.fitness[0].day, monday);
	assert_int_equal(w.load.days, 4);
	assert_true(fabs(w.load.load - 55) < 1e-9);
	assert_true(isnan(w.load.monotony)); /* not a whole week */
	assert_true(fabs(w.volume.run_distance_m - 10000) < 1e-9);
	assert_true(fabs(w.volume.run_distance_change - (10.0 / 24 - 1)) < 1e-9);

	/* the body: hamstrings before calf (the catalogue's order), by day */
	assert_int_equal(w.n_regions, 2);
	assert_string_equal(w.regions[0].region, "hamstrings");
	assert_int_equal(w.regions[0].level[0][MEASURE_PAIN], 5);
	assert_int_equal(w.regions[0].level[1][MEASURE_PAIN], -1);
	assert_int_equal(w.regions[0].level[2][MEASURE_PAIN], 4);
	assert_int_equal(w.regions[0].level[2][MEASURE_TIGHTNESS], 6);
	assert_int_equal(w.regions[0].worst[MEASURE_PAIN], 5);
	assert_string_equal(w.regions[1].region, "calf");
	assert_int_equal(w.regions[1].worst[MEASURE_SORENESS], 2);

	/* recovery: the sports massage and the rolling, $85 */
	assert_int_equal(w.n_sessions, 2);
	assert_int_equal(f->sit.ctx.sessions.items[w.sessions[0]].id, 2);
	assert_int_equal(f->sit.ctx.sessions.items[w.sessions[1]].id, 3);
	assert_int_equal(w.spend.total_cents, 8500);
	assert_int_equal(w.spend.sessions, 2);

	/* advice: no running on each day Monday to Thursday, said once */
	{
		const struct advice *a = advice_find(&w.advice, "injury-no-run");
		size_t n = 0;

		assert_non_null(a);
		assert_int_equal(a->from, monday);
		assert_int_equal(a->to, monday + 3);
		/* the latest day's words: pain 4 on Wednesday */
		assert_non_null(strstr(a->text, "pain 4 on Wed 2026-11-25"));
		for (size_t i = 0; i < w.advice.n_items; i++) {
			n += !strcmp(w.advice.items[i].rule->id, "injury-no-run");
		}
		assert_int_equal(n, 1);
		a = advice_find(&w.advice, "injury-see-clinician");
		assert_non_null(a);
		assert_int_equal(a->from, monday);
	}
	week_release(&w);
}

static void a_week_without_anything(void **state)
{
	struct fixture *f = *state;
	struct week w;

	week_build(&f->sit.ctx, &w);
	assert_null(w.plan);
	assert_int_equal(w.first, w.end);
	assert_int_equal(w.n_fitness, 0);
	assert_int_equal(w.n_regions, 0);
	assert_int_equal(w.n_sessions, 0);
	assert_int_equal(w.spend.total_cents, 0);
	assert_int_equal(w.advice.n_items, 0);
	assert_int_equal(w.last, TODAY);
	week_release(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(nothing_wrong_is_ready),
		T(todays_workout_and_what_was_done),
		T(hurting_injury_means_no_running_and_a_clinician),
		T(a_rest_day_is_not_replaced),
		T(mild_or_old_pain_allows_running),
		T(an_improving_injury_needs_no_clinician),
		T(a_resolved_injury_is_past_but_not_before_it_was),
		T(a_diagnosed_injury_sends_back_to_the_clinician),
		T(a_rule_switched_off_says_nothing),
		T(load_spike_with_sore_calf_is_warned),
		T(load_spike_without_soreness_is_not),
		T(soreness_without_a_spike_is_no_load_spike),
		T(weekly_volume_up_with_soreness_is_a_spike),
		T(hamstrings_with_tight_glutes_want_glute_work),
		T(a_cause_or_a_finding_names_the_glutes),
		T(pain_means_ice_and_soreness_means_rolling),
		T(worn_shoes_are_flagged),
		T(new_shoes_before_new_pain_are_flagged),
		T(shoes_without_a_start_day_start_with_their_first_run),
		T(after_a_marathon_no_running_then_easy_runs),
		T(after_a_half_race_recovery_days),
		T(the_week_as_of_thursday),
		T(a_week_without_anything),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
