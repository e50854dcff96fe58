/*
 * test_readiness.c: readiness before a race and the recovery timeline
 * after it (advice/readiness.h), on situations built by hand with the
 * built-in rules and regions.
 *
 * What must hold (issue 6): a good block before a half says register;
 * an injury and a plan mostly skipped say choose the shorter race; a long
 * run just short of the need says wait a week; after a marathon the
 * timeline has no running for a week, the deep-tissue window on days 3-5,
 * the first easy runs, a reverse taper and the day to see a clinician.
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
#include "advice/readiness.h"
#include "analysis/pmc.h"
#include "base/datafile.h"
#include "base/date.h"
#include "base/xalloc.h"
#include "situation.h"

/* Tuesday 2026-11-24, like the CLI tests' clock. */
#define TODAY date_from_civil(2026, 11, 24)
/* A half on Sunday 2026-12-13, 19 days ahead: just before the taper. */
#define HALF_DAY date_from_civil(2026, 12, 13)
/* The plan's first Monday, eight weeks before TODAY's week. */
#define PLAN_START (date_week_start(TODAY) - 56)

struct fixture {
	struct situation sit;
	struct advice_list advice;
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

	advice_list_release(&f->advice);
	situation_release(&f->sit);
	free(f);
	return 0;
}

/* ---- building situations ---- */

static struct race *add_race(struct advice_context *ctx, const char *name, int32_t day,
                             double metres, enum race_status status)
{
	struct race *r = situation_race(ctx, name, day, metres / 1000, RACE_B);

	r->distance_m = metres; /* exactly, not via km */
	r->status = status;
	return r;
}

/* Fitness rows from the activities' loads, from 400 days back to today,
 * as advice_context_read gives them. */
static void fitness_from_activities(struct advice_context *ctx)
{
	size_t n = (size_t)(ctx->today - ctx->from + 1);
	double *loads = xcalloc(n, sizeof(*loads));

	for (size_t i = 0; i < ctx->activities.n_activities; i++) {
		const struct activity *a = &ctx->activities.activities[i];

		if (a->date >= ctx->from && a->date <= ctx->today) {
			loads[a->date - ctx->from] += a->load;
		}
	}
	free(ctx->fitness);
	ctx->fitness = xcalloc(n, sizeof(*ctx->fitness));
	ctx->n_fitness = n;
	pmc_compute(loads, n, ctx->from, NULL, ctx->fitness);
	free(loads);
}

/* The weekday pattern of the half's plan, Monday first, in minutes (0 is
 * rest; Sunday's is the long run). */
static const double week_min[7] = { 0, 45, 0, 45, 0, 30, 100 };

/* The half's plan by time, from PLAN_START to HALF_DAY. */
static void plan_half(struct advice_context *ctx)
{
	struct plan *p = &ctx->plan;

	p->id = 1;
	p->athlete_id = 1;
	p->race_id = 1;
	p->race_name = xstrdup("Half of the Hills");
	p->race_distance_m = 21097.5;
	p->template_name = xstrdup("half");
	p->by = PLAN_BY_TIME;
	p->start = PLAN_START;
	p->race_date = HALF_DAY;
	p->weeks = (HALF_DAY - PLAN_START) / 7 + 1;
	p->days = 4;
	for (int32_t d = PLAN_START; d <= HALF_DAY; d++) {
		struct workout *w = plan_push_workout(p);
		double min = week_min[d - date_week_start(d)];

		w->date = d;
		w->week = (d - PLAN_START) / 7 + 1;
		w->target_s = w->target_m = (double)NAN;
		if (d == HALF_DAY) {
			w->kind = WORKOUT_RACE;
			w->target_m = 21097.5;
		} else if (min == 0) {
			w->kind = WORKOUT_REST;
		} else {
			w->kind = min >= 100 ? WORKOUT_LONG : WORKOUT_EASY;
			w->target_s = min * 60;
		}
	}
}

/* Do the plan's runs before today: each easy run (if easy) and each long
 * run at long_min minutes. */
static void train(struct advice_context *ctx, bool easy, double long_min)
{
	for (int32_t d = PLAN_START; d < ctx->today; d++) {
		double min = week_min[d - date_week_start(d)];

		if (min >= 100) {
			situation_run(ctx, d, long_min / 5.5, long_min);
		} else if (min > 0 && easy) {
			situation_run(ctx, d, min / 6, min);
		}
	}
	fitness_from_activities(ctx);
}

static const struct advice *find(const struct advice_list *list, const char *rule, const char *text)
{
	for (size_t i = 0; i < list->n_items; i++) {
		if (strcmp(list->items[i].rule->id, rule) == 0 &&
		    strstr(list->items[i].text, text)) {
			return &list->items[i];
		}
	}
	fail_msg("no %s advice with '%s'", rule, text);
	abort();
}

/* ---- small parts ---- */

static void distances_go_to_the_nearest(void **state)
{
	(void)state;
	assert_int_equal(readiness_distance_of(3000), READINESS_5K);
	assert_int_equal(readiness_distance_of(5000), READINESS_5K);
	assert_int_equal(readiness_distance_of(8000), READINESS_10K);
	assert_int_equal(readiness_distance_of(10000), READINESS_10K);
	assert_int_equal(readiness_distance_of(15000), READINESS_HALF);
	assert_int_equal(readiness_distance_of(21097.5), READINESS_HALF);
	assert_int_equal(readiness_distance_of(30000), READINESS_MARATHON);
	assert_int_equal(readiness_distance_of(100000), READINESS_MARATHON);
	assert_string_equal(readiness_distance_name(READINESS_HALF), "half");
}

static void the_phase_follows_the_day_and_status(void **state)
{
	struct race r;

	(void)state;
	race_init(&r);
	r.date = TODAY;
	r.status = RACE_REGISTERED;
	assert_int_equal(readiness_phase(&r, TODAY - 1), READINESS_BEFORE);
	assert_int_equal(readiness_phase(&r, TODAY), READINESS_BEFORE);
	assert_int_equal(readiness_phase(&r, TODAY + 1), READINESS_AFTER);
	r.status = RACE_DONE;
	assert_int_equal(readiness_phase(&r, TODAY), READINESS_AFTER);
	/* asked as of a day before it, a race now done was still ahead */
	assert_int_equal(readiness_phase(&r, TODAY - 3), READINESS_BEFORE);
	r.status = RACE_DNS;
	assert_int_equal(readiness_phase(&r, TODAY + 2), READINESS_NOT_RUN);
	assert_string_equal(readiness_verdict_name(READINESS_SHORTER), "shorter race");
	assert_string_equal(readiness_level_name(READINESS_NOT_READY), "not ready");
}

/* ---- before ---- */

static void a_good_block_says_register(void **state)
{
	struct fixture *f = *state;
	struct race_readiness r;
	const struct race *half;
	const struct advice *a;

	half = add_race(&f->sit.ctx, "Half of the Hills", HALF_DAY, 21097.5, RACE_CONSIDERING);
	plan_half(&f->sit.ctx);
	train(&f->sit.ctx, true, 100);
	readiness_assess(&f->sit.ctx, half, &r, &f->advice);

	assert_int_equal(r.days_to_race, 19);
	assert_int_equal(r.compliance_level, READINESS_OK);
	assert_true(r.compliance_by_time);
	assert_true(fabs(r.compliance_share - 1) < 1e-9);
	assert_int_equal(r.runs_due, 15);
	assert_int_equal(r.runs_done, 15);
	assert_int_equal(r.runs_missed, 0);
	assert_int_equal(r.long_level, READINESS_OK);
	assert_int_equal(r.distance, READINESS_HALF);
	assert_non_null(r.longest);
	assert_true(fabs(r.need_s - 90 * 60) < 1e-9);
	assert_true(fabs(r.need_m - 16000) < 1e-9);
	assert_int_equal(r.build_weeks, 0);
	assert_int_equal(r.load_level, READINESS_OK);
	assert_true(r.ctl_now > 0);
	assert_int_equal(r.injury_level, READINESS_OK);
	assert_int_equal(r.verdict, READINESS_REGISTER);
	assert_int_equal(r.decide_by, DATE_NONE);

	/* the verdict first, then the factors */
	assert_string_equal(f->advice.items[0].rule->id, "race-readiness");
	a = find(&f->advice, "race-readiness", "register for Half of the Hills");
	assert_ptr_equal(a, &f->advice.items[0]);
	assert_int_equal(a->kind, ADVICE_ADVICE);
	assert_true(situation_has_fact(a, "19 days away"));
	a = find(&f->advice, "race-readiness", "plan compliance: 100 %");
	assert_int_equal(a->from, TODAY - 27);
	find(&f->advice, "race-readiness", "longest run in the last 6 weeks: 1:40:00");
	find(&f->advice, "race-readiness", "no active injury (ok)");
}

static void already_registered_and_ready_races_as_planned(void **state)
{
	struct fixture *f = *state;
	struct race_readiness r;
	const struct race *half;

	half = add_race(&f->sit.ctx, "Half of the Hills", HALF_DAY, 21097.5, RACE_REGISTERED);
	plan_half(&f->sit.ctx);
	train(&f->sit.ctx, true, 100);
	readiness_assess(&f->sit.ctx, half, &r, &f->advice);
	assert_int_equal(r.verdict, READINESS_REGISTER);
	find(&f->advice, "race-readiness", "race it as planned");
}

static void an_injury_and_a_skipped_plan_say_the_shorter_race(void **state)
{
	struct fixture *f = *state;
	struct race_readiness r;
	const struct race *half;
	const struct advice *a;

	half = add_race(&f->sit.ctx, "Half of the Hills", HALF_DAY, 21097.5, RACE_CONSIDERING);
	add_race(&f->sit.ctx, "Hilly 10k", TODAY + 12, 10000, RACE_CONSIDERING);
	add_race(&f->sit.ctx, "Old 5k", TODAY - 30, 5000, RACE_DONE);
	plan_half(&f->sit.ctx);
	/* only the long runs */
	train(&f->sit.ctx, false, 100);
	situation_injure(&f->sit.ctx, "hamstrings", SIDE_RIGHT, TODAY - 10, INJURY_ACTIVE);
	situation_check(&f->sit.ctx, TODAY - 10, "hamstrings", SIDE_RIGHT, MEASURE_PAIN, 6);
	situation_check(&f->sit.ctx, TODAY - 1, "hamstrings", SIDE_RIGHT, MEASURE_PAIN, 5);
	readiness_assess(&f->sit.ctx, half, &r, &f->advice);

	assert_int_equal(r.compliance_level, READINESS_NOT_READY);
	assert_true(r.compliance_share < 0.6);
	assert_int_equal(r.runs_due, 15);
	assert_int_equal(r.runs_done, 4);
	assert_int_equal(r.runs_missed, 11);
	assert_int_equal(r.injury_level, READINESS_NOT_READY);
	assert_int_equal(r.n_injuries, 1);
	assert_int_equal(r.worst_level, 5);
	assert_int_equal(r.worst_day, TODAY - 1);
	assert_int_equal(r.verdict, READINESS_SHORTER);
	assert_non_null(r.shorter);
	assert_string_equal(r.shorter->name, "Hilly 10k");

	a = &f->advice.items[0];
	assert_int_equal(a->kind, ADVICE_WARNING);
	assert_non_null(strstr(a->text, "choose the shorter race: Hilly 10k"));
	assert_non_null(strstr(a->text, "not ready: plan compliance, injury"));
	assert_non_null(strstr(a->text, "no running while the injury hurts"));
	a = find(&f->advice, "race-readiness", "right hamstrings injury active since");
	assert_int_equal(a->kind, ADVICE_WARNING);
	assert_non_null(strstr(a->text, "pain 5 on Mon 2026-11-23"));
	assert_true(situation_has_fact(a, "no running (injury-no-run)"));
}

static void without_a_shorter_race_any_shorter_one(void **state)
{
	struct fixture *f = *state;
	struct race_readiness r;
	const struct race *half;

	half = add_race(&f->sit.ctx, "Half of the Hills", HALF_DAY, 21097.5, RACE_CONSIDERING);
	add_race(&f->sit.ctx, "Another half", TODAY + 40, 21097.5, RACE_CONSIDERING);
	/* no plan, and runs far too short */
	for (int i = 1; i <= 20; i++) {
		situation_run(&f->sit.ctx, TODAY - 2 * i, 5, 30);
	}
	fitness_from_activities(&f->sit.ctx);
	readiness_assess(&f->sit.ctx, half, &r, &f->advice);
	assert_int_equal(r.compliance_level, READINESS_UNKNOWN);
	assert_int_equal(r.long_level, READINESS_NOT_READY);
	assert_int_equal(r.verdict, READINESS_SHORTER);
	assert_null(r.shorter);
	find(&f->advice, "race-readiness", "choose a shorter race than Half of the Hills");
	assert_true(situation_has_fact(&f->advice.items[0], "no plan to compare with"));
}

static void a_5k_runner_not_ready_chooses_a_later_race(void **state)
{
	struct fixture *f = *state;
	struct race_readiness r;
	const struct race *k = add_race(&f->sit.ctx, "Parkrun", TODAY + 5, 5000, RACE_CONSIDERING);

	readiness_assess(&f->sit.ctx, k, &r, &f->advice);
	assert_int_equal(r.verdict, READINESS_SHORTER);
	assert_int_equal(r.distance, READINESS_5K);
	find(&f->advice, "race-readiness",
	     "choose a later race than Parkrun (not ready: long run)");
}

static void a_long_run_just_short_says_wait_a_week(void **state)
{
	struct fixture *f = *state;
	struct race_readiness r;
	const struct race *half;
	const struct advice *a;

	half = add_race(&f->sit.ctx, "Half of the Hills", HALF_DAY, 21097.5, RACE_CONSIDERING);
	plan_half(&f->sit.ctx);
	/* 75 min and 13.6 km: 83 % of 90 min */
	train(&f->sit.ctx, true, 75);
	readiness_assess(&f->sit.ctx, half, &r, &f->advice);
	assert_int_equal(r.compliance_level, READINESS_OK);
	assert_int_equal(r.long_level, READINESS_BORDERLINE);
	/* the better of time and distance */
	assert_true(fabs(r.long_share - fmax(75.0 / 90, 75 / 5.5 / 16)) < 1e-9);
	assert_int_equal(r.verdict, READINESS_WAIT);
	assert_int_equal(r.decide_by, TODAY + 7);
	a = &f->advice.items[0];
	assert_int_equal(a->kind, ADVICE_WARNING);
	assert_int_equal(a->from, TODAY);
	assert_int_equal(a->to, TODAY + 7);
	assert_non_null(strstr(a->text, "decide on Tue 2026-12-01 whether to register"));
	assert_non_null(strstr(a->text, "borderline: long run"));
}

static void weeks_left_to_build_lower_todays_need(void **state)
{
	struct fixture *f = *state;
	struct race_readiness r;
	const struct race *m;

	/* a marathon 16 weeks and 2 days away: 14 weeks to build */
	m = add_race(&f->sit.ctx, "Spring Marathon", TODAY + 114, 42195, RACE_CONSIDERING);
	for (int i = 1; i <= 6; i++) {
		situation_run(&f->sit.ctx, TODAY - 7 * i, 7, 45);
		situation_run(&f->sit.ctx, TODAY - 7 * i + 2, 7, 45);
	}
	fitness_from_activities(&f->sit.ctx);
	readiness_assess(&f->sit.ctx, m, &r, &f->advice);
	assert_int_equal(r.distance, READINESS_MARATHON);
	assert_int_equal(r.build_weeks, 14);
	assert_true(fabs(r.need_now_s - 150 * 60 / pow(1.1, 14)) < 1e-6);
	/* 45 min against 39.5 */
	assert_int_equal(r.long_level, READINESS_OK);
	assert_true(situation_has_fact(find(&f->advice, "race-readiness", "longest run"),
	                               "14 weeks left"));
}

static void falling_fitness_is_borderline_outside_the_taper(void **state)
{
	struct fixture *f = *state;
	struct race_readiness r;
	const struct race *half;

	half = add_race(&f->sit.ctx, "Half of the Hills", TODAY + 30, 21097.5, RACE_CONSIDERING);
	/* eight solid weeks, then two almost idle ones with one long run */
	for (int32_t d = TODAY - 80; d < TODAY - 14; d++) {
		situation_run(&f->sit.ctx, d, 10, 60);
	}
	situation_run(&f->sit.ctx, TODAY - 5, 18, 100);
	fitness_from_activities(&f->sit.ctx);
	readiness_assess(&f->sit.ctx, half, &r, &f->advice);
	assert_false(r.taper);
	assert_true(r.ctl_falling);
	assert_int_equal(r.load_level, READINESS_BORDERLINE);
	assert_int_equal(r.verdict, READINESS_WAIT);
	find(&f->advice, "race-readiness", "fitness is falling (borderline)");
	advice_list_release(&f->advice);

	/* the same ten days before the race are the taper */
	f->sit.ctx.races.races[0].date = TODAY + 10;
	readiness_assess(&f->sit.ctx, half, &r, &f->advice);
	assert_true(r.taper);
	assert_false(r.ctl_falling);
	assert_int_equal(r.load_level, READINESS_OK);
}

static void a_load_spike_is_borderline(void **state)
{
	struct fixture *f = *state;
	struct race_readiness r;
	const struct race *half;

	half = add_race(&f->sit.ctx, "Half of the Hills", TODAY + 30, 21097.5, RACE_CONSIDERING);
	for (int32_t d = TODAY - 60; d <= TODAY - 7; d += 2) {
		situation_run(&f->sit.ctx, d, 6, 35);
	}
	for (int32_t d = TODAY - 6; d <= TODAY; d++) {
		situation_run(&f->sit.ctx, d, 17, 95);
	}
	fitness_from_activities(&f->sit.ctx);
	readiness_assess(&f->sit.ctx, half, &r, &f->advice);
	assert_true(r.acwr > 1.5);
	assert_true(r.acwr_high);
	assert_int_equal(r.load_level, READINESS_BORDERLINE);
	find(&f->advice, "race-readiness", "the load jumped");
}

static void a_mild_or_recovering_injury_is_borderline(void **state)
{
	struct fixture *f = *state;
	struct race_readiness r;
	const struct race *half;

	half = add_race(&f->sit.ctx, "Half of the Hills", HALF_DAY, 21097.5, RACE_CONSIDERING);
	plan_half(&f->sit.ctx);
	train(&f->sit.ctx, true, 100);
	situation_injure(&f->sit.ctx, "calf", SIDE_LEFT, TODAY - 20, INJURY_ACTIVE);
	situation_check(&f->sit.ctx, TODAY - 2, "calf", SIDE_LEFT, MEASURE_PAIN, 2);
	/* a resolved one does not count */
	situation_injure(&f->sit.ctx, "achilles", SIDE_LEFT, TODAY - 90, INJURY_RESOLVED)
	        ->resolved = TODAY - 60;
	readiness_assess(&f->sit.ctx, half, &r, &f->advice);
	assert_int_equal(r.n_injuries, 1);
	assert_int_equal(r.injury_level, READINESS_BORDERLINE);
	assert_int_equal(r.verdict, READINESS_WAIT);
	advice_list_release(&f->advice);

	/* a recovering one with pain 5 is borderline too: it is on its way */
	f->sit.ctx.injuries.items[0].status = INJURY_RECOVERING;
	situation_check(&f->sit.ctx, TODAY - 1, "calf", SIDE_LEFT, MEASURE_PAIN, 5);
	readiness_assess(&f->sit.ctx, half, &r, &f->advice);
	assert_int_equal(r.injury_level, READINESS_BORDERLINE);
	find(&f->advice, "race-readiness", "left calf injury recovering since");
}

/* ---- after ---- */

/* A marathon run on Friday 2026-11-20: TODAY is day 4. */
static const struct race *marathon(struct fixture *f)
{
	struct race *m = add_race(&f->sit.ctx, "City Marathon", TODAY - 4, 42195, RACE_DONE);

	m->result_s = 4 * 3600 + 5 * 60;
	/* a peak week of 5 hours, 50 km, six weeks before */
	for (int i = 0; i < 5; i++) {
		situation_run(&f->sit.ctx, date_week_start(m->date) - 42 + i, 10, 60);
	}
	situation_run(&f->sit.ctx, m->date, 42.195, 245);
	return m;
}

static void after_a_marathon_the_timeline(void **state)
{
	struct fixture *f = *state;
	struct race_recovery r;
	const struct race *m = marathon(f);
	const struct advice *a;
	int32_t race = m->date;

	assert_int_equal(readiness_phase(m, TODAY), READINESS_AFTER);
	readiness_recover(&f->sit.ctx, m, &r, &f->advice);
	assert_int_equal(r.day, 4);
	assert_true(r.marathon);
	assert_int_equal(r.rest_days, 7);
	assert_int_equal(r.rest_max_days, 14);
	assert_int_equal(r.easy_days, 26);
	assert_true(r.massage);
	assert_int_equal(r.reverse_weeks, 3);
	assert_true(fabs(r.peak_s - 5 * 3600) < 1e-6);
	assert_true(fabs(r.peak_m - 50000) < 1e-6);
	assert_int_equal(r.clinician, race + 14);

	a = find(&f->advice, "post-marathon-rest", "no running on days 1-7");
	assert_int_equal(a->kind, ADVICE_WARNING);
	assert_int_equal(a->from, race + 1);
	assert_int_equal(a->to, race + 7);
	assert_non_null(strstr(a->text, "up to day 14 (Fri 2026-12-04)"));
	a = find(&f->advice, "post-marathon-rest", "light cross-training");
	assert_int_equal(a->from, race + 2);
	a = find(&f->advice, "massage-post-race", "deep-tissue massage on days 3-5");
	assert_int_equal(a->from, race + 3);
	assert_int_equal(a->to, race + 5);
	assert_non_null(strstr(a->text, "Mon 2026-11-23 to Wed 2026-11-25"));
	a = find(&f->advice, "post-marathon-rest", "first runs from day 8 (Sat 2026-11-28)");
	assert_non_null(strstr(a->text, "at most 30 min"));
	a = find(&f->advice, "race-recovery", "easy running only until day 26");
	assert_int_equal(a->to, race + 26);
	a = find(&f->advice, "race-recovery", "week 1 from Sat 2026-11-28: about 30 %");
	assert_non_null(strstr(a->text, "1:30:00 (15.00 km)"));
	find(&f->advice, "race-recovery", "week 3 from Sat 2026-12-12: about 90 %");
	find(&f->advice, "race-recovery", "back to your full week from Sat 2026-12-19");
	a = find(&f->advice, "injury-see-clinician", "not better by Fri 2026-12-04 (day 14)");
	assert_int_equal(a->from, race + 14);

	/* by first day */
	for (size_t i = 1; i < f->advice.n_items; i++) {
		assert_true(f->advice.items[i - 1].from <= f->advice.items[i].from);
	}
}

static void an_injury_after_the_race_gets_its_clinician_day(void **state)
{
	struct fixture *f = *state;
	struct race_recovery r;
	const struct race *m = marathon(f);
	const struct advice *a;

	situation_injure(&f->sit.ctx, "hip", SIDE_RIGHT, TODAY - 2, INJURY_ACTIVE);
	situation_check(&f->sit.ctx, TODAY - 2, "hip", SIDE_RIGHT, MEASURE_PAIN, 4);
	/* an old one, not improving for 20 days: now */
	situation_injure(&f->sit.ctx, "hamstrings", SIDE_LEFT, TODAY - 20, INJURY_ACTIVE);
	situation_check(&f->sit.ctx, TODAY - 20, "hamstrings", SIDE_LEFT, MEASURE_PAIN, 4);
	situation_check(&f->sit.ctx, TODAY - 1, "hamstrings", SIDE_LEFT, MEASURE_PAIN, 4);
	readiness_recover(&f->sit.ctx, m, &r, &f->advice);
	a = find(&f->advice, "injury-see-clinician", "on Sun 2026-12-06 if your right hip injury");
	assert_int_equal(a->kind, ADVICE_WARNING);
	assert_int_equal(a->from, TODAY - 2 + 14);
	a = find(&f->advice, "injury-see-clinician",
	         "now: your left hamstrings injury has lasted 20 days and is not improving");
	assert_int_equal(a->from, TODAY);
	assert_true(situation_has_fact(a, "trend flat"));
}

static void after_a_half_shorter_rest_and_two_reverse_weeks(void **state)
{
	struct fixture *f = *state;
	struct race_recovery r;
	const struct race *h = add_race(&f->sit.ctx, "Half", TODAY - 2, 21097.5, RACE_DONE);

	readiness_recover(&f->sit.ctx, h, &r, &f->advice);
	assert_false(r.marathon);
	assert_int_equal(r.rest_days, 4);
	assert_int_equal(r.rest_max_days, 4);
	assert_int_equal(r.easy_days, 13);
	assert_true(r.massage);
	assert_int_equal(r.reverse_weeks, 2);
	assert_true(fabs(r.reverse_share[0] - 0.6) < 1e-9);
	assert_true(fabs(r.reverse_share[1] - 0.9) < 1e-9);
	assert_true(isnan(r.peak_s));
	find(&f->advice, "race-recovery", "no running on days 1-4");
	find(&f->advice, "massage-post-race", "days 3-5");
	assert_true(situation_has_fact(find(&f->advice, "race-recovery", "week 1"),
	                               "no running logged"));
}

static void after_a_10k_no_massage_window(void **state)
{
	struct fixture *f = *state;
	struct race_recovery r;
	const struct race *k = add_race(&f->sit.ctx, "Hilly 10k", TODAY - 1, 10000, RACE_DONE);

	readiness_recover(&f->sit.ctx, k, &r, &f->advice);
	assert_false(r.massage);
	assert_int_equal(r.rest_days, 2);
	assert_int_equal(r.easy_days, 6);
	assert_int_equal(r.reverse_weeks, 1);
	assert_true(fabs(r.reverse_share[0] - 0.9) < 1e-9);
	assert_null(advice_find(&f->advice, "massage-post-race"));
	assert_null(advice_find(&f->advice, "post-marathon-rest"));
	find(&f->advice, "race-recovery", "no running on days 1-2");
}

static void a_rule_switched_off_leaves_its_step_out(void **state)
{
	struct fixture *f = *state;
	struct race_recovery r;
	const struct race *m = marathon(f);

	rulebook_override(&f->sit.rules, "[massage-post-race]\nenabled = no\n", "test");
	readiness_recover(&f->sit.ctx, m, &r, &f->advice);
	assert_false(r.massage);
	assert_null(advice_find(&f->advice, "massage-post-race"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(distances_go_to_the_nearest),
		cmocka_unit_test(the_phase_follows_the_day_and_status),
		cmocka_unit_test_setup_teardown(a_good_block_says_register, setup, teardown),
		cmocka_unit_test_setup_teardown(already_registered_and_ready_races_as_planned,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(an_injury_and_a_skipped_plan_say_the_shorter_race,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(without_a_shorter_race_any_shorter_one, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(a_5k_runner_not_ready_chooses_a_later_race, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(a_long_run_just_short_says_wait_a_week, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(weeks_left_to_build_lower_todays_need, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(falling_fitness_is_borderline_outside_the_taper,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(a_load_spike_is_borderline, setup, teardown),
		cmocka_unit_test_setup_teardown(a_mild_or_recovering_injury_is_borderline, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(after_a_marathon_the_timeline, setup, teardown),
		cmocka_unit_test_setup_teardown(an_injury_after_the_race_gets_its_clinician_day,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(after_a_half_shorter_rest_and_two_reverse_weeks,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(after_a_10k_no_massage_window, setup, teardown),
		cmocka_unit_test_setup_teardown(a_rule_switched_off_leaves_its_step_out, setup,
		                                teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
