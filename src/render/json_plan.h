/*
 * json_plan.h: training plans, their weeks and workouts as JSON (see
 * json.h for the conventions: stable snake_case keys, SI units, null for
 * unknown, every key always present).
 */
#ifndef KNEAD_RENDER_JSON_PLAN_H
#define KNEAD_RENDER_JSON_PLAN_H

#include <jansson.h>

#include "advice/plan.h"
#include "core/plan.h"

/* A plan without its workouts: id, race_id, race (its name), race_date,
 * race_distance_m, template ("half"), by ("time" or "distance"), weeks,
 * days, start (its first Monday), start_volume_s and peak_volume_s (week
 * 1's and the biggest week's running, by time; null in a plan by
 * distance), start_volume_m and peak_volume_m (by distance; null in a plan
 * by time), basis (how the volume was chosen). */
json_t *render_json_plan(const struct plan *p);

/* A workout: id, date, weekday ("Sun"), week, phase, cutback (its week
 * is a cutback week), kind, target_s and
 * target_m (null where it has none in that measure), description. With
 * m, what was done against it too: status ("done", "partial", "moved",
 * "missed", "upcoming", "rest"), done_s, done_m (0 when nothing was
 * done), share (done over the target, null if not comparable), done_on
 * (the day it was done, null if not) and activity_ids. */
json_t *render_json_workout(const struct workout *w, const struct workout_match *m);

/* A week's sums: week, monday, phase, runs, hard (tempo and interval
 * sessions), volume_s and volume_m (sums of the running targets that
 * have that measure), long_s and long_m (the long run's or the race's
 * targets), race, longest (the plan's longest run is this week),
 * cutback. */
json_t *render_json_plan_week_sum(const struct plan_week_sum *s);

/* A week of a plan, matched: plan (as render_json_plan), week (its
 * number, null when the week is outside the plan), of (the plan's
 * weeks), phase (null outside), monday, sunday, workouts (with what was
 * done), compliance {planned, done, partial, missed, planned_s, done_s,
 * time_share, planned_m, done_m, distance_share, week_workouts, week_s,
 * week_m} (see advice/plan.h: planned counts the workouts due so far). */
json_t *render_json_plan_week(const struct plan_week *w);

#endif
