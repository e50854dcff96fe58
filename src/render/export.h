/*
 * export.h: everything a runner has in knead, read once and written as
 * JSON, CSV or an iCalendar file.
 *
 * JSON holds everything in one document, each record in the shape the
 * command line's --json and the web app's API give it (render/json*.h):
 * the profile, activities, check-ins, wellness days, injuries, recovery
 * sessions with their costs, providers with memberships, gear with its
 * distance, races, plans with their workouts, and appointments (which no
 * other command prints as JSON yet: export_json_appointment is their
 * shape).
 *
 * CSV holds one table per file, since a spreadsheet holds one: a header
 * of the JSON keys (nested ones joined with "_": source_format, cost_basis)
 * and a row per record, in the same SI units. A list inside a record
 * (a session's regions, a provider's memberships) is one cell: its items
 * separated by ";", each item's known values by ":" ("hamstrings:right:
 * tight:2"). Fields are quoted as libcsv quotes them, only when they need
 * it (a comma, a quote, a line break, or spaces at either end).
 *
 * iCalendar holds what is planned: workouts, races and appointments
 * (formats/ics.h).
 */
#ifndef KNEAD_RENDER_EXPORT_H
#define KNEAD_RENDER_EXPORT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/spend.h"
#include "base/err.h"
#include "base/strbuf.h"
#include "core/activity.h"
#include "core/appointment.h"
#include "core/athlete.h"
#include "core/body.h"
#include "core/gear.h"
#include "core/plan.h"
#include "core/race.h"
#include "core/recovery.h"
#include "store/store.h"

/* Everything of one athlete, read by export_read. */
struct export_data {
	int32_t today; /* for each race's days to go */
	struct activity_list activities;
	struct checkin_list checkins;
	struct wellness_list wellness;
	struct injury_list injuries;          /* open ones first, as the store lists them */
	struct recovery_list sessions;        /* by day */
	struct session_cost *costs;           /* one per session (owned) */
	struct provider_list providers;       /* with memberships */
	struct gear_list gear;                /* with distances */
	struct race_list races;               /* by day */
	struct plan_list plans;               /* by race day, each with all its workouts */
	struct appointment_list appointments; /* by day, every status */
};

/* Read everything of athlete_id from s into *out (initialised here; the
 * caller releases it, also on failure). */
enum err_code export_read(struct store *s, int64_t athlete_id, int32_t today,
                          struct export_data *out, struct err *err);

void export_release(struct export_data *d);

/* An appointment: id, date, start (RFC 3339 local time, null without a
 * time), modality, provider, provider_id, status, cost_cents (expected at
 * the session, null if unknown), currency, rule (the rule that suggested
 * it, null if booked by hand), recovery_id (the session that did it),
 * note. A new reference. */
json_t *export_json_appointment(const struct appointment *a);

/* The whole export as one JSON object: format ("knead-export"), version
 * (1), exported (now_utc as RFC 3339 local time), athlete (tz the zone in
 * force, and budget_cents, the monthly recovery budget, null if unset),
 * and the lists activities, checkins, wellness, injuries, recovery,
 * providers, gear, races, plans (each plan's keys plus workouts [...])
 * and appointments. A new reference the caller owns. */
json_t *export_json(const struct export_data *d, const struct athlete *profile, int64_t now_utc,
                    const char *tz);

/* The tables CSV can export. */
enum export_table {
	EXPORT_ACTIVITIES,
	EXPORT_CHECKINS,
	EXPORT_WELLNESS,
	EXPORT_INJURIES,
	EXPORT_RECOVERY,
	EXPORT_PROVIDERS,
	EXPORT_GEAR,
	EXPORT_RACES,
	EXPORT_PLANS,
	EXPORT_WORKOUTS,
	EXPORT_APPOINTMENTS,
	EXPORT_TABLE_COUNT
};

/* "activities", "checkins", ... and back: a name or a unique start of
 * one; anything else is ERR_INPUT listing the tables. */
const char *export_table_name(enum export_table t);
enum err_code export_table_parse(const char *s, enum export_table *out, struct err *err);

/* The tables' names joined by ", " onto sb (for help and messages). */
void export_add_table_names(struct strbuf *sb);

/* Append table t of d as CSV (header and rows, "\n" line ends) to out;
 * *rows (may be NULL) gets the number of records. */
void export_csv(const struct export_data *d, enum export_table t, struct strbuf *out, size_t *rows);

/* Append the planned workouts, races and appointments of d as an
 * iCalendar file stamped now_utc to out; *events (may be NULL) gets how
 * many events it holds. */
enum err_code export_ics(const struct export_data *d, int64_t now_utc, enum units units,
                         struct strbuf *out, int *events, struct err *err);

#endif
