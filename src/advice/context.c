/*
 * context.c: what the advisor knows on a day (see context.h).
 *
 * One read of the store per command: every list is read whole for its
 * window, so the questions below are plain scans of memory. The lists
 * are small (a year of a runner's life is a few hundred rows each).
 */
#include "advice/context.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/training.h"
#include "base/date.h"
#include "store/store_activity.h"
#include "store/store_body.h"
#include "store/store_gear.h"
#include "store/store_plan.h"
#include "store/store_race.h"
#include "store/store_recovery.h"

void advice_context_init(struct advice_context *ctx, const struct athlete *profile,
                         const struct rulebook *rules, const struct region_catalog *regions,
                         int32_t today)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->today = today;
	ctx->from = today - ADVICE_HISTORY_DAYS;
	ctx->until = today + ADVICE_AHEAD_DAYS;
	ctx->profile = profile;
	ctx->rules = rules;
	ctx->regions = regions;
	ctx->activities = (struct activity_list)ACTIVITY_LIST_INIT;
	ctx->fitness = NULL;
	ctx->n_fitness = 0;
	ctx->checkins = (struct checkin_list)CHECKIN_LIST_INIT;
	ctx->injuries = (struct injury_list)INJURY_LIST_INIT;
	ctx->races = (struct race_list)RACE_LIST_INIT;
	plan_init(&ctx->plan);
	ctx->sessions = (struct recovery_list)RECOVERY_LIST_INIT;
	ctx->providers = (struct provider_list)PROVIDER_LIST_INIT;
	ctx->gear = (struct gear_list)GEAR_LIST_INIT;
}

void advice_context_release(struct advice_context *ctx)
{
	activity_list_release(&ctx->activities);
	free(ctx->fitness);
	checkin_list_release(&ctx->checkins);
	injury_list_release(&ctx->injuries);
	race_list_release(&ctx->races);
	plan_release(&ctx->plan);
	recovery_list_release(&ctx->sessions);
	provider_list_release(&ctx->providers);
	gear_list_release(&ctx->gear);
	ctx->fitness = NULL;
	ctx->n_fitness = 0;
}

/* The current plan: plan_pick's choice, with its workouts in the window. */
static enum err_code read_plan(struct store *s, struct advice_context *ctx, struct err *err)
{
	struct plan_list plans = PLAN_LIST_INIT;
	enum err_code rc;
	long pick;

	rc = store_plan_list(s, ctx->profile->id, &plans, err);
	if (!rc) {
		pick = plan_pick(&plans, ctx->today);
		if (pick >= 0) {
			plan_release(&ctx->plan);
			rc = store_plan_get(s, ctx->profile->id, plans.plans[pick].id, ctx->from,
			                    ctx->until, &ctx->plan, err);
		}
	}
	plan_list_release(&plans);
	return rc;
}

enum err_code advice_context_read(struct store *s, const struct athlete *profile,
                                  const struct rulebook *rules,
                                  const struct region_catalog *regions, int32_t today,
                                  struct advice_context *ctx, struct err *err)
{
	struct activity_query q;
	int64_t who = profile->id;
	enum err_code rc;

	advice_context_init(ctx, profile, rules, regions, today);
	activity_query_init(&q, who);
	q.from = ctx->from;
	q.to = today;
	rc = store_activity_list(s, &q, &ctx->activities, err);
	if (!rc) {
		rc = training_fitness(s, who, ctx->from, today, &ctx->fitness, &ctx->n_fitness,
		                      err);
	}
	if (!rc) {
		rc = store_checkin_list(s, who, ctx->from, today, &ctx->checkins, err);
	}
	if (!rc) {
		rc = store_injury_list(s, who, true, &ctx->injuries, err);
	}
	if (!rc) {
		rc = store_race_list(s, who, DATE_NONE, DATE_NONE, &ctx->races, err);
	}
	if (!rc) {
		rc = read_plan(s, ctx, err);
	}
	if (!rc) {
		rc = store_recovery_list(s, who, ctx->from, today, &ctx->sessions, err);
	}
	if (!rc) {
		rc = store_provider_list(s, who, &ctx->providers, err);
	}
	if (!rc) {
		rc = store_gear_list(s, who, &ctx->gear, err);
	}
	if (rc) {
		advice_context_release(ctx);
	}
	return rc;
}

/* ---- questions ---- */

const struct pmc_day *advice_fitness_on(const struct advice_context *ctx, int32_t day)
{
	int64_t i;

	if (ctx->n_fitness == 0) {
		return NULL;
	}
	i = (int64_t)day - ctx->fitness[0].day;
	if (i < 0 || (uint64_t)i >= ctx->n_fitness) {
		return NULL;
	}
	return &ctx->fitness[i];
}

const struct workout *advice_workout_on(const struct advice_context *ctx, int32_t day)
{
	for (size_t i = 0; i < ctx->plan.n_workouts; i++) {
		if (ctx->plan.workouts[i].date == day) {
			return &ctx->plan.workouts[i];
		}
	}
	return NULL;
}

bool advice_is_hard_day(const struct advice_context *ctx, int32_t day)
{
	const struct workout *w = advice_workout_on(ctx, day);
	double hard_rpe, hard_load;

	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];

		/* a race not started was not run: it tired nobody */
		if (r->date == day && r->status != RACE_DNS) {
			return true;
		}
	}
	if (w && workout_kind_is_hard(w->kind)) {
		return true;
	}
	if (day > ctx->today) {
		return false;
	}
	hard_rpe = rules_param(ctx->rules, "massage-not-adjacent-hard", "hard_rpe");
	hard_load = rules_param(ctx->rules, "massage-not-adjacent-hard", "hard_load");
	for (size_t i = 0; i < ctx->activities.n_activities; i++) {
		const struct activity *a = &ctx->activities.activities[i];

		if (a->date != day) {
			continue;
		}
		if ((a->rpe > 0 && a->rpe >= hard_rpe) ||
		    (isfinite(a->load) && a->load >= hard_load)) {
			return true;
		}
	}
	return false;
}

const struct race *advice_last_race(const struct advice_context *ctx)
{
	const struct race *last = NULL;

	/* the store gives races by day, but a context built by hand need
	 * not: the latest wins, the later in the list on a tie */
	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];

		if (r->status == RACE_DONE && r->date <= ctx->today &&
		    (!last || r->date >= last->date)) {
			last = r;
		}
	}
	return last;
}

const struct race *advice_next_race(const struct advice_context *ctx, bool a_only)
{
	const struct race *next = NULL;

	/* the earliest wins, the first in the list on a tie */
	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];

		/* a race after today was still ahead then, whatever became of it
		 * since (advice as of an earlier --date); one not started is
		 * not run */
		if (r->date >= ctx->today && r->status != RACE_DNS &&
		    (!a_only || r->priority == RACE_A) && (!next || r->date < next->date)) {
			next = r;
		}
	}
	return next;
}

const struct recovery *advice_last_massage(const struct advice_context *ctx)
{
	const struct recovery *last = NULL;

	/* the latest wins, the later in the list on a tie (the store's
	 * order is by day then id) */
	for (size_t i = 0; i < ctx->sessions.n; i++) {
		const struct recovery *r = &ctx->sessions.items[i];

		if (modality_kind(r->modality) == MODALITY_MASSAGE && r->day <= ctx->today &&
		    (!last || r->day >= last->day)) {
			last = r;
		}
	}
	return last;
}

/* Whether a check-in of code concerns region (is it or within it). */
static bool concerns(const struct advice_context *ctx, const char *code, const char *region)
{
	const struct region *r, *ancestor;

	if (strcmp(code, region) == 0) {
		return true;
	}
	if (!ctx->regions) {
		return false;
	}
	r = region_by_code(ctx->regions, code);
	ancestor = region_by_code(ctx->regions, region);
	return r && ancestor && region_within(ctx->regions, r, ancestor);
}

int advice_level_on(const struct advice_context *ctx, const char *region, enum measure m,
                    int32_t day)
{
	int best = -1;

	for (size_t i = 0; i < ctx->checkins.n; i++) {
		const struct checkin *c = &ctx->checkins.items[i];

		if (c->day == day && c->level[m] > best && concerns(ctx, c->region, region)) {
			best = c->level[m];
		}
	}
	return best;
}
