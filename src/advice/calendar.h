/*
 * calendar.h: everything on the runner's calendar between two days.
 *
 * The web app's month and week views, its day page and /api/v1/calendar
 * show the same things for a range of days: the planned workouts with
 * what was done against them (advice/plan.h's matching, as `knead week`
 * and `knead plan show` have it), the activities, the recovery sessions
 * with what they cost (analysis/spend.h), the races, the appointments,
 * and the body's check-ins and wellness days. calendar_read gathers them
 * from the store in one pass; the faces only lay them out.
 *
 * Workouts: a day belongs to at most one plan, the first (by race day,
 * then id) whose weeks hold it, which is plan_pick's choice for a day
 * inside a plan. Each plan is matched against the activities of the
 * range widened by 2 * PLAN_MOVE_DAYS, so a workout near the range's
 * edges knows whether it was moved to a day just outside.
 */
#ifndef KNEAD_ADVICE_CALENDAR_H
#define KNEAD_ADVICE_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "advice/plan.h"
#include "analysis/spend.h"
#include "base/err.h"
#include "core/activity.h"
#include "core/appointment.h"
#include "core/body.h"
#include "core/plan.h"
#include "core/race.h"
#include "core/recovery.h"
#include "store/store.h"

/* The longest range calendar_read reads: a little over a year. */
#define CALENDAR_MAX_DAYS 400

/* One planned workout in the range, with what was done against it. */
struct calendar_workout {
	const struct plan *plan;           /* its plan (borrowed from the calendar) */
	const struct workout *workout;     /* the workout (borrowed from plan) */
	const struct workout_match *match; /* what was done (borrowed from the calendar) */
};

struct calendar {
	int32_t from, to; /* the range, inclusive */
	int32_t today;    /* the runner's today: workouts after it are upcoming */

	struct activity_list activities; /* from..to, oldest first */

	struct plan *plans;                /* the plans holding a day of the range, each with
	                                      its workouts of the widened range (owned) */
	struct workout_match **matches;    /* per plan: one match per workout (owned) */
	size_t n_plans;                    /* count */
	struct calendar_workout *workouts; /* the range's workouts, by day (owned) */
	size_t n_workouts;                 /* count */

	struct recovery_list sessions; /* every session up to `to` (memberships count
	                                  them all), by day */
	struct session_cost *costs;    /* one per session (owned) */
	size_t first_session;          /* sessions[first_session..] are the range's */

	struct race_list races;               /* from..to, by day */
	struct appointment_list appointments; /* from..to, every status, by day */
	struct checkin_list checkins;         /* from..to */
	struct wellness_list wellness;        /* from..to */
};

/* Read athlete_id's calendar from `from` to `to` (inclusive, at most
 * CALENDAR_MAX_DAYS days, else ERR_INPUT) as of today into *out
 * (initialised here; the caller releases it, also on failure). */
enum err_code calendar_read(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                            int32_t today, struct calendar *out, struct err *err);

void calendar_release(struct calendar *c);

/* The first day of the month holding day, and its last. */
int32_t calendar_month_start(int32_t day);
int32_t calendar_month_end(int32_t day);

#endif
