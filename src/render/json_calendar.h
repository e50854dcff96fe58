/*
 * json_calendar.h: the calendar of a range of days as JSON (see json.h
 * for the conventions: stable snake_case keys, SI units, null for
 * unknown, every key always present). Each entry is in the shape its own
 * serializer gives it everywhere else.
 */
#ifndef KNEAD_RENDER_JSON_CALENDAR_H
#define KNEAD_RENDER_JSON_CALENDAR_H

#include <jansson.h>

#include "advice/calendar.h"

/* from, to, today (dates), and the range's entries, each list by day:
 * workouts (render_json_workout with what was done, plus plan_id and
 * race, the name of the race the plan leads to), activities
 * (render_json_activity), recovery (render_json_recovery with its cost),
 * races (render_json_race), appointments (export_json_appointment, every
 * status), checkins (render_json_checkin) and wellness
 * (render_json_wellness). A new reference. */
json_t *render_json_calendar(const struct calendar *c);

#endif
