/*
 * json_race.h: races, best efforts and predictions as JSON (see json.h for
 * the conventions: stable snake_case keys, SI units, null for unknown,
 * every key always present).
 */
#ifndef KNEAD_RENDER_JSON_RACE_H
#define KNEAD_RENDER_JSON_RACE_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "advice/race_predict.h"
#include "analysis/efforts.h"
#include "analysis/predict.h"
#include "core/race.h"

/* id, name, date, distance_m, priority ("A"), terrain (null if not
 * said), status, goal_s, result_s, activity_id, note, and days_to_go:
 * the days from today to an upcoming race (considering or registered)
 * that is today or later, else null. */
json_t *render_json_race(const struct race *r, int32_t today);

/* The races of `knead --json race list`: {races: [render_json_race]}. */
json_t *render_json_race_list(const struct race_list *list, int32_t today);

/* date, source ("race", "activity", "segment"), band ("10k", null for a
 * race at another distance), activity_id, race_id, race (its name),
 * distance_m, time_s, start_s (a segment's start in its run), pace_s_per_km,
 * vdot, and in_range: whether it lasted the 3.5 to 230 minutes the
 * models were fitted on (predict.h). */
json_t *render_json_effort(const struct effort *e);

/* The prediction for one distance: name (as typed, or the standard
 * name; null if none), distance_m, from (the index in the efforts of the
 * effort chosen, null if none), vdot, riegel_s, vdot_s, in_range (both
 * times within the models' range), and by_effort: what each of the
 * n_efforts efforts says, [{riegel_s, vdot_s}], from est (n_efforts of
 * them). */
json_t *render_json_prediction(const char *name, double distance_m,
                               const struct predict_result *res, const struct predict_estimate *est,
                               size_t n_efforts);

/* `knead --json predict`: {weeks, from, to, efforts:
 * [render_json_effort], predictions: [render_json_prediction]}. */
json_t *render_json_race_prediction(const struct race_prediction *p);

#endif
