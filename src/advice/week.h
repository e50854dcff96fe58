/*
 * week.h: one Monday-to-Sunday week, as of a day in it.
 *
 * The week holding ctx->today, seen from that day: the current plan's
 * workouts against what was done (advice/plan.h's matching and
 * compliance), the load and fitness of its days (analysis/pmc.h) and its
 * volume against the week before (analysis/volume.h), the body's
 * check-ins by region and day, the recovery sessions and what they cost
 * (analysis/spend.h), and the advice of each of its days up to today
 * (advice/today.h), merged so that a rule that spoke on several days is
 * said once with the days it covered.
 *
 * Days after ctx->today are unknown rather than empty: the plan shows
 * them as upcoming, and nothing else counts them. Everything is read
 * from the context; nothing here touches the store.
 */
#ifndef KNEAD_ADVICE_WEEK_H
#define KNEAD_ADVICE_WEEK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "advice/advice.h"
#include "advice/context.h"
#include "advice/plan.h"
#include "analysis/pmc.h"
#include "analysis/spend.h"
#include "analysis/volume.h"

#define WEEK_DAYS 7

/* One region and side checked in during the week. */
struct week_region {
	char region[REGION_CODE_MAX];        /* region code */
	enum side side;                      /* as checked in */
	int level[WEEK_DAYS][MEASURE_COUNT]; /* each day's highest, Monday first; -1 */
	int worst[MEASURE_COUNT];            /* the week's highest of each measure, -1 */
};

struct week {
	int32_t monday; /* the week's first day */
	int32_t sunday; /* its last */
	int32_t today;  /* the day it is seen from (ctx->today) */
	int32_t last;   /* the last day with data: min(sunday, today) */

	/* the plan; plan is NULL without one, and first == end when the
	 * week is outside it */
	const struct plan *plan;           /* ctx->plan (borrowed) */
	size_t first, end;                 /* the week's workouts: plan->workouts[first..end) */
	int number;                        /* its week number, 0 outside the plan */
	enum plan_phase phase;             /* its phase when number > 0 */
	struct workout_match *matches;     /* one per plan->workouts (owned), NULL */
	struct plan_compliance compliance; /* of the week's workouts so far */

	/* load: the days from monday to last */
	const struct pmc_day *fitness; /* their fitness rows (borrowed), NULL */
	size_t n_fitness;              /* count: 0 before any training */
	struct pmc_week load;          /* their load; monotony and strain for a whole week */
	struct volume_week volume;     /* their volume, with the change on the week before */
	bool acwr_settled;             /* today_acwr_settled on the last day */

	/* the body: regions checked in, in the catalogue's order */
	struct week_region *regions; /* n_regions (owned) */
	size_t n_regions;

	/* recovery */
	size_t *sessions;           /* the week's sessions: indices into ctx->sessions (owned) */
	size_t n_sessions;          /* count */
	struct session_cost *costs; /* one per ctx->sessions, NULL without sessions (owned) */
	struct spend_report spend;  /* money out from monday to last (owned) */

	/* the advice of the days from monday to last, one entry per rule and
	 * subject: from its first day to its last, with the latest text */
	struct advice_list advice;
};

/* Build the week holding ctx->today into *out (initialised here; release
 * with week_release). ctx and what it borrows must outlive out. */
void week_build(const struct advice_context *ctx, struct week *out);

void week_release(struct week *w);

#endif
