/*
 * json.h: knead's records as JSON, one serializer per record.
 *
 * The command line's --json and the web app's /api/v1 print the same
 * shapes because both call these. Keys are stable snake_case; figures are
 * SI (distance_m, duration_s); dates are "YYYY-MM-DD" local days; instants
 * are RFC 3339 local times with their offset; unknown values are null, so
 * every key is always present. Each function returns a new reference the
 * caller owns (json_decref).
 */
#ifndef KNEAD_RENDER_JSON_H
#define KNEAD_RENDER_JSON_H

#include <jansson.h>

#include "core/activity.h"
#include "core/athlete.h"
#include "core/gear.h"
#include "core/recording.h"

/* An activity: id, sport, treadmill, date, start, utc_offset_s,
 * distance_m, duration_s, moving_s, ascent_m, descent_m, rpe, hr_avg,
 * hr_max, cadence_avg, power_avg, load (points, analysis/load.h),
 * load_method ("hr-avg", ...), gear, gear_id, source {format, file,
 * sha256, device}, name, note. */
json_t *render_json_activity(const struct activity *a);

/* A lap: start (RFC 3339 with the activity's offset), elapsed_s,
 * moving_s, distance_m, ascent_m, descent_m, speed_max_m_s, cadence_avg,
 * power_avg, calories, hr_avg, hr_max, intensity, trigger. */
json_t *render_json_lap(const struct lap *lap, int32_t utc_offset);

/* Samples as columns: {"n": rows, "start": RFC 3339 of the first time,
 * "time_s": seconds since the activity's start, "lat_deg", "lon_deg",
 * "altitude_m", "distance_m", "hr_bpm", "cadence_per_min", "power_w",
 * "speed_m_s"}: only the fields present, null where a row has none. */
json_t *render_json_samples(const struct samples *s, int64_t start_utc);

/* An activity with its laps and samples: the activity's keys plus
 * "laps" and "samples". */
json_t *render_json_recorded(const struct recorded *r);

/* Totals: {"by_sport": [{sport, count, distance_m, time_s}...], "all":
 * {count, distance_m, time_s}}; only sports with activities are listed. */
json_t *render_json_summary(const struct activity_summary *s);

/* Gear: id, name, kind, since, retired, limit_m, distance_m, activities,
 * last_used, used_fraction, note. */
json_t *render_json_gear(const struct gear *g);

/* The profile: id, name, sex, birth_year, max_hr, rest_hr,
 * threshold_pace_s_per_km, units, tz (the zone in force), currency,
 * budget_cents (the monthly recovery budget, null when unset). */
json_t *render_json_athlete(const struct athlete *a, const char *tz_in_force);

/* A number: an integer when it is whole, else a real; null for NAN. */
json_t *render_json_number(double v);

/* A local day as "YYYY-MM-DD", null for DATE_NONE. */
json_t *render_json_date(int32_t day);

#endif
