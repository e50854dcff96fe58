/*
 * ics.h: the runner's calendar as iCalendar (RFC 5545), through libical.
 *
 * What a calendar app should show: the plan's workouts and the races as
 * all-day events, and recovery appointments at their time (all-day when
 * they have none). Rest days and a plan's race day are left out: a rest
 * day is the absence of an event, and the race is its own event.
 *
 * The output is reproducible: each event's UID is stable across exports
 * ("workout-12@knead", "race-3@knead", "appointment-7@knead"), so a
 * calendar that imports the file again updates its events instead of
 * doubling them, and DTSTAMP is the instant given to ics_new, not the
 * clock. Text goes through libical, which escapes commas, semicolons and
 * line breaks and folds long lines.
 *
 * Build a calendar with ics_new, add events, then ics_finish writes it
 * and ics_free releases it.
 */
#ifndef KNEAD_ICS_H
#define KNEAD_ICS_H

#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "base/units.h"
#include "core/appointment.h"
#include "core/plan.h"
#include "core/race.h"

struct ics_calendar;

/* A new empty calendar whose events are stamped now_utc (Unix seconds);
 * distances in the summaries are in units. The caller frees it with
 * ics_free. */
struct ics_calendar *ics_new(int64_t now_utc, enum units units);

/* Add workout w of plan p as an all-day event "Easy run 45 min" (the
 * plan's measure) with its description; rest days and the race day are
 * skipped. */
void ics_add_workout(struct ics_calendar *cal, const struct plan *p, const struct workout *w);

/* Add race r as an all-day event "Race: NAME" with its distance,
 * priority, terrain, goal and result; a dns race is marked cancelled. */
void ics_add_race(struct ics_calendar *cal, const struct race *r);

/* Add appointment a at its time for an hour (all day when it has no
 * time), "Deep-tissue massage with Kneaded Relief", with its note, the
 * rule that suggested it and the expected cost: suggested ones are
 * tentative, cancelled ones cancelled, booked and done ones confirmed. */
void ics_add_appointment(struct ics_calendar *cal, const struct appointment *a);

/* The number of events added so far. */
int ics_count(const struct ics_calendar *cal);

/* Append the calendar as iCalendar text (CRLF line ends) to out. An
 * error from libical is ERR_FORMAT naming it. */
enum err_code ics_finish(struct ics_calendar *cal, struct strbuf *out, struct err *err);

void ics_free(struct ics_calendar *cal);

#endif
