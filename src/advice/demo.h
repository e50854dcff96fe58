/*
 * demo.h: a realistic season of a runner, generated into a fresh
 * database, so that every command has something true to say.
 *
 * The season ends on today and runs some forty weeks back:
 *
 *   - four weeks of easy base running, then a 12-week half-marathon plan
 *     (advice/plan.h builds it, as `knead plan new` would) followed with
 *     realistic variation: most workouts done on their day at a little
 *     more or less than planned, some missed, some moved to a free day;
 *   - in its seventh week a right hamstring strain at the end of an
 *     interval session, put down to weak glutes: pain checked in daily,
 *     trending down over four weeks, cross-training while it hurts, glute
 *     strength work twice a week from then on, an ART session on it;
 *   - the half marathon (an A race, run, with its result), a deep-tissue
 *     massage three to five days after it;
 *   - an 18-week marathon plan with a hilly 10k (B) in its middle, raced
 *     instead of that week's long run, and the marathon (A, run) some
 *     three weeks before today, with a Swedish massage two days before it
 *     and deep tissue four days after;
 *   - after it a week without running, then a left hip and hamstring
 *     problem: two injuries, a chiropractor and a physiotherapist
 *     (sessions with their costs, the next physio visit booked), pain
 *     coming down but not yet gone, and
 *     a comeback plan for a spring half marathon begun in the last ten days;
 *   - throughout: foam rolling most days, a massage stick and a ball, ice
 *     while something is inflamed, Epsom baths after long races, a monthly
 *     massage with a therapist whose membership includes one a month,
 *     soreness check-ins that follow the training (and fall faster after
 *     rolling and massage), wellness on most mornings, and shoes, one pair
 *     past its distance limit.
 *
 * Everything is generated from a fixed seed, so the same today gives the
 * same season. Dates are relative to today (races on Sundays). It is
 * written through the library (core structs, store_*, plan_generate,
 * training_refresh_loads), in one transaction.
 */
#ifndef KNEAD_ADVICE_DEMO_H
#define KNEAD_ADVICE_DEMO_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/region.h"
#include "store/store.h"

/* What the demo wrote. */
struct demo_summary {
	int32_t first;     /* first day of the season */
	int32_t last;      /* its last day: today */
	size_t activities; /* logged */
	size_t checkins;   /* check-ins (a region's levels on a day) */
	size_t wellness;   /* days with wellness */
	size_t injuries;
	size_t sessions; /* recovery sessions */
	size_t providers;
	size_t gear;
	size_t races;
	size_t plans;
	size_t workouts;     /* planned, in all the plans */
	size_t appointments; /* booked ahead */
};

/* Write the demo season ending on today for athlete_id into s, in one
 * transaction (nested in the caller's if one is open). The profile is
 * completed where it is unset (name, sex, birth year, heart rates,
 * currency, monthly budget); its units and zone are kept. regions is the
 * body catalogue the check-ins name. A database that already holds
 * activities, races, check-ins, recovery sessions, providers or gear of
 * the athlete is refused with ERR_CONFLICT and left as it was. */
enum err_code demo_generate(struct store *s, int64_t athlete_id,
                            const struct region_catalog *regions, int32_t today,
                            struct demo_summary *out, struct err *err);

#endif
