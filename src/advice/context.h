/*
 * context.h: what the advisor knows on a day.
 *
 * Every piece of advice is a function of the runner's situation on one
 * day: the profile, the rules, the activities and their loads, fitness,
 * the check-ins, injuries, races, the current plan, recovery sessions,
 * providers and gear. advice_context_read gathers it from the store once;
 * the advice modules (today, massage, race, week, warn, effects) only read
 * it, so they can be tested on a context built by hand and never touch
 * SQL themselves.
 *
 * Windows are generous so that every rule sees what it needs: history
 * reaches ADVICE_HISTORY_DAYS back (fitness is computed from the first
 * activity regardless), the plan and races ADVICE_AHEAD_DAYS ahead.
 */
#ifndef KNEAD_ADVICE_CONTEXT_H
#define KNEAD_ADVICE_CONTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "advice/rules.h"
#include "analysis/pmc.h"
#include "base/err.h"
#include "core/activity.h"
#include "core/athlete.h"
#include "core/body.h"
#include "core/gear.h"
#include "core/plan.h"
#include "core/race.h"
#include "core/recovery.h"
#include "core/region.h"
#include "store/store.h"

/* How far back the context reads activities, check-ins and sessions. */
#define ADVICE_HISTORY_DAYS 400
/* How far ahead it reads races and the plan. */
#define ADVICE_AHEAD_DAYS 180

struct advice_context {
	int32_t today;                 /* the day advice is for (--date) */
	int32_t from;                  /* first day of history read: today - ADVICE_HISTORY_DAYS */
	int32_t until;                 /* last day read ahead: today + ADVICE_AHEAD_DAYS */
	const struct athlete *profile; /* borrowed: budget, currency, heart rates */
	const struct rulebook *rules;  /* borrowed */
	const struct region_catalog *regions; /* borrowed: names for the text */
	struct activity_list activities;      /* from..today, oldest first, with loads */
	struct pmc_day *fitness;              /* one row per day from..today (n_fitness) */
	size_t n_fitness;
	struct checkin_list checkins;   /* from..today */
	struct injury_list injuries;    /* every injury, resolved ones too */
	struct race_list races;         /* every race, by day */
	struct plan plan;               /* the current plan (plan_pick on today) with its
	                                   workouts from..until; id 0 if none */
	struct recovery_list sessions;  /* from..today */
	struct provider_list providers; /* with memberships */
	struct gear_list gear;          /* with distances */
};

/* Read the context for profile's athlete on today from s into *ctx
 * (initialised here; the caller releases it). Loads missing from older
 * databases count as 0 (the faces refresh them first when they can). */
enum err_code advice_context_read(struct store *s, const struct athlete *profile,
                                  const struct rulebook *rules,
                                  const struct region_catalog *regions, int32_t today,
                                  struct advice_context *ctx, struct err *err);

/* An empty context for today (for tests, which then fill it by hand). */
void advice_context_init(struct advice_context *ctx, const struct athlete *profile,
                         const struct rulebook *rules, const struct region_catalog *regions,
                         int32_t today);

void advice_context_release(struct advice_context *ctx);

/* ---- questions every advice module asks ---- */

/* The fitness row of day, NULL outside from..today. */
const struct pmc_day *advice_fitness_on(const struct advice_context *ctx, int32_t day);

/* The planned workout on day, NULL without a plan or a workout then. */
const struct workout *advice_workout_on(const struct advice_context *ctx, int32_t day);

/* Whether day holds a race or a hard session: a race in ctx->races, a
 * planned tempo, intervals, race or long run, or (for past days) a logged
 * activity with RPE >= 7 or a load the rules call hard. */
bool advice_is_hard_day(const struct advice_context *ctx, int32_t day);

/* The last race run (status done) on or before today, NULL if none. */
const struct race *advice_last_race(const struct advice_context *ctx);

/* The next race on or after today that is not a DNS (considering or
 * registered; or done or DNF when today is an earlier --date, since the
 * race was still ahead then), NULL if none; with a_only, the next A race. */
const struct race *advice_next_race(const struct advice_context *ctx, bool a_only);

/* The last massage (any massage modality) on or before today, NULL. */
const struct recovery *advice_last_massage(const struct advice_context *ctx);

/* The highest level of measure m checked in for region code (and its
 * sub-regions) on day, -1 if none. */
int advice_level_on(const struct advice_context *ctx, const char *region, enum measure m,
                    int32_t day);

#endif
