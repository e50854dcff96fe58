/*
 * export.c: everything as JSON, CSV or iCalendar (see export.h).
 *
 * Both JSON and CSV are made from the same serializers as --json
 * (render/json*.h), so an export and the command line never disagree on
 * a key or a unit: a CSV row is a record's JSON object, flattened along
 * the table's columns.
 */
#include "render/export.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/tz.h"
#include "base/xalloc.h"
#include "formats/ics.h"
#include "render/json.h"
#include "render/json_body.h"
#include "render/json_plan.h"
#include "render/json_race.h"
#include "store/store_activity.h"
#include "store/store_appointment.h"
#include "store/store_body.h"
#include "store/store_gear.h"
#include "store/store_plan.h"
#include "store/store_race.h"
#include "store/store_recovery.h"

#define EXPORT_FORMAT  "knead-export"
#define EXPORT_VERSION 1

static void export_init(struct export_data *d, int32_t today)
{
	memset(d, 0, sizeof(*d));
	d->today = today;
}

void export_release(struct export_data *d)
{
	activity_list_release(&d->activities);
	checkin_list_release(&d->checkins);
	wellness_list_release(&d->wellness);
	injury_list_release(&d->injuries);
	recovery_list_release(&d->sessions);
	free(d->costs);
	provider_list_release(&d->providers);
	gear_list_release(&d->gear);
	race_list_release(&d->races);
	plan_list_release(&d->plans);
	appointment_list_release(&d->appointments);
	export_init(d, d->today);
}

/* Each plan of the list, read again whole with its workouts. */
static enum err_code read_plans(struct store *s, int64_t athlete_id, struct plan_list *out,
                                struct err *err)
{
	struct plan_list heads = PLAN_LIST_INIT;
	enum err_code rc = store_plan_list(s, athlete_id, &heads, err);

	for (size_t i = 0; !rc && i < heads.n_plans; i++) {
		rc = store_plan_get(s, athlete_id, heads.plans[i].id, DATE_NONE, DATE_NONE,
		                    plan_list_push(out), err);
	}
	plan_list_release(&heads);
	return rc;
}

enum err_code export_read(struct store *s, int64_t athlete_id, int32_t today,
                          struct export_data *out, struct err *err)
{
	struct activity_query q;
	enum err_code rc;

	export_init(out, today);
	activity_query_init(&q, athlete_id);
	rc = store_activity_list(s, &q, &out->activities, err);
	if (!rc) {
		rc = store_checkin_list(s, athlete_id, DATE_NONE, DATE_NONE, &out->checkins, err);
	}
	if (!rc) {
		rc = store_wellness_list(s, athlete_id, DATE_NONE, DATE_NONE, &out->wellness, err);
	}
	if (!rc) {
		rc = store_injury_list(s, athlete_id, true, &out->injuries, err);
	}
	if (!rc) {
		rc = store_recovery_list(s, athlete_id, DATE_NONE, DATE_NONE, &out->sessions, err);
	}
	if (!rc) {
		rc = store_provider_list(s, athlete_id, &out->providers, err);
	}
	if (!rc) {
		rc = store_gear_list(s, athlete_id, &out->gear, err);
	}
	if (!rc) {
		rc = store_race_list(s, athlete_id, DATE_NONE, DATE_NONE, &out->races, err);
	}
	if (!rc) {
		rc = read_plans(s, athlete_id, &out->plans, err);
	}
	if (!rc) {
		rc = store_appointment_list(s, athlete_id, DATE_NONE, DATE_NONE, &out->appointments,
		                            err);
	}
	if (!rc) {
		/* every session since the first, so memberships count right */
		out->costs = xcalloc(out->sessions.n ? out->sessions.n : 1, sizeof(*out->costs));
		spend_cost_sessions(&out->sessions, &out->providers, out->costs);
	}
	return rc;
}

/* ---- rows ---- */

static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *export_json_appointment(const struct appointment *a)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer((json_int_t)a->id));
	json_object_set_new(o, "date", render_json_date(a->day));
	if (a->start_utc != INT64_MIN) {
		struct strbuf when = STRBUF_INIT;

		tz_add_rfc3339(&when, a->start_utc, a->utc_offset_s);
		json_object_set_new(o, "start", json_string(when.buf));
		strbuf_release(&when);
	} else {
		json_object_set_new(o, "start", json_null());
	}
	json_object_set_new(o, "modality", json_string(modality_name(a->modality)));
	json_object_set_new(o, "provider", string_or_null(a->provider_name));
	json_object_set_new(o, "provider_id",
	                    a->provider_id ? json_integer((json_int_t)a->provider_id)
	                                   : json_null());
	json_object_set_new(o, "status", json_string(appointment_status_name(a->status)));
	json_object_set_new(o, "cost_cents",
	                    a->cost_cents >= 0 ? json_integer((json_int_t)a->cost_cents)
	                                       : json_null());
	json_object_set_new(o, "currency", a->currency[0] ? json_string(a->currency) : json_null());
	json_object_set_new(o, "rule", string_or_null(a->rule));
	json_object_set_new(o, "recovery_id",
	                    a->recovery_id ? json_integer((json_int_t)a->recovery_id)
	                                   : json_null());
	json_object_set_new(o, "note", string_or_null(a->note));
	return o;
}

/* A workout as a row of its own: which plan and race it belongs to, then
 * its keys. */
static json_t *workout_row(const struct plan *p, const struct workout *w)
{
	json_t *o = json_object(), *keys = render_json_workout(w, NULL);

	json_object_set_new(o, "plan_id", json_integer((json_int_t)p->id));
	json_object_set_new(o, "race", p->race_name ? json_string(p->race_name) : json_null());
	json_object_update(o, keys);
	json_decref(keys);
	return o;
}

/* Table t of d as an array of JSON objects (a new reference). */
static json_t *rows_of(const struct export_data *d, enum export_table t)
{
	json_t *a = json_array();

	switch (t) {
	case EXPORT_ACTIVITIES:
		for (size_t i = 0; i < d->activities.n_activities; i++) {
			json_array_append_new(a,
			                      render_json_activity(&d->activities.activities[i]));
		}
		break;
	case EXPORT_CHECKINS:
		for (size_t i = 0; i < d->checkins.n; i++) {
			json_array_append_new(a, render_json_checkin(&d->checkins.items[i]));
		}
		break;
	case EXPORT_WELLNESS:
		for (size_t i = 0; i < d->wellness.n; i++) {
			json_array_append_new(a, render_json_wellness(&d->wellness.items[i]));
		}
		break;
	case EXPORT_INJURIES:
		for (size_t i = 0; i < d->injuries.n; i++) {
			json_array_append_new(a, render_json_injury(&d->injuries.items[i]));
		}
		break;
	case EXPORT_RECOVERY:
		for (size_t i = 0; i < d->sessions.n; i++) {
			json_array_append_new(
			        a, render_json_recovery(&d->sessions.items[i], &d->costs[i]));
		}
		break;
	case EXPORT_PROVIDERS:
		for (size_t i = 0; i < d->providers.n; i++) {
			json_array_append_new(a, render_json_provider(&d->providers.items[i]));
		}
		break;
	case EXPORT_GEAR:
		for (size_t i = 0; i < d->gear.n_gears; i++) {
			json_array_append_new(a, render_json_gear(&d->gear.gears[i]));
		}
		break;
	case EXPORT_RACES:
		for (size_t i = 0; i < d->races.n_races; i++) {
			json_array_append_new(a, render_json_race(&d->races.races[i], d->today));
		}
		break;
	case EXPORT_PLANS:
		for (size_t i = 0; i < d->plans.n_plans; i++) {
			json_array_append_new(a, render_json_plan(&d->plans.plans[i]));
		}
		break;
	case EXPORT_WORKOUTS:
		for (size_t i = 0; i < d->plans.n_plans; i++) {
			const struct plan *p = &d->plans.plans[i];

			for (size_t j = 0; j < p->n_workouts; j++) {
				json_array_append_new(a, workout_row(p, &p->workouts[j]));
			}
		}
		break;
	case EXPORT_APPOINTMENTS:
		for (size_t i = 0; i < d->appointments.n; i++) {
			json_array_append_new(a,
			                      export_json_appointment(&d->appointments.items[i]));
		}
		break;
	case EXPORT_TABLE_COUNT:
		break;
	}
	return a;
}

/* ---- JSON ---- */

json_t *export_json(const struct export_data *d, const struct athlete *profile, int64_t now_utc,
                    const char *tz)
{
	json_t *o = json_object(), *plans = json_array();
	struct strbuf when = STRBUF_INIT;

	tz_add_rfc3339(&when, now_utc, tz_local(now_utc).offset);
	json_object_set_new(o, "format", json_string(EXPORT_FORMAT));
	json_object_set_new(o, "version", json_integer(EXPORT_VERSION));
	json_object_set_new(o, "exported", json_string(when.buf));
	json_object_set_new(o, "athlete", render_json_athlete(profile, tz));
	json_object_set_new(o, "activities", rows_of(d, EXPORT_ACTIVITIES));
	json_object_set_new(o, "checkins", rows_of(d, EXPORT_CHECKINS));
	json_object_set_new(o, "wellness", rows_of(d, EXPORT_WELLNESS));
	json_object_set_new(o, "injuries", rows_of(d, EXPORT_INJURIES));
	json_object_set_new(o, "recovery", rows_of(d, EXPORT_RECOVERY));
	json_object_set_new(o, "providers", rows_of(d, EXPORT_PROVIDERS));
	json_object_set_new(o, "gear", rows_of(d, EXPORT_GEAR));
	json_object_set_new(o, "races", rows_of(d, EXPORT_RACES));
	for (size_t i = 0; i < d->plans.n_plans; i++) {
		const struct plan *p = &d->plans.plans[i];
		json_t *plan = render_json_plan(p), *workouts = json_array();

		for (size_t j = 0; j < p->n_workouts; j++) {
			json_array_append_new(workouts, render_json_workout(&p->workouts[j], NULL));
		}
		json_object_set_new(plan, "workouts", workouts);
		json_array_append_new(plans, plan);
	}
	json_object_set_new(o, "plans", plans);
	json_object_set_new(o, "appointments", rows_of(d, EXPORT_APPOINTMENTS));
	strbuf_release(&when);
	return o;
}

/* ---- CSV ---- */

/* Each table's columns: paths into its JSON rows, "." into a nested
 * object. The header writes them with "_" (source.format is
 * source_format). The order is the spreadsheet's: what and when first,
 * free text last. */
static const char *const activity_columns[] = {
	"id",
	"date",
	"start",
	"sport",
	"treadmill",
	"name",
	"distance_m",
	"duration_s",
	"moving_s",
	"ascent_m",
	"descent_m",
	"rpe",
	"hr_avg",
	"hr_max",
	"cadence_avg",
	"power_avg",
	"load",
	"load_method",
	"gear",
	"gear_id",
	"utc_offset_s",
	"source.format",
	"source.file",
	"source.sha256",
	"source.device",
	"note",
	NULL,
};
static const char *const checkin_columns[] = {
	"id", "date", "region", "side", "soreness", "tightness", "pain", "note", NULL,
};
static const char *const wellness_columns[] = {
	"id",      "date",   "sleep_s",   "fatigue", "stress", "mood",
	"rest_hr", "hrv_ms", "weight_kg", "note",    NULL,
};
static const char *const injury_columns[] = {
	"id", "region", "side", "onset", "resolved", "status", "cause", "diagnosis", "note", NULL,
};
static const char *const recovery_columns[] = {
	"id",
	"date",
	"start",
	"modality",
	"duration_s",
	"provider",
	"provider_id",
	"pain",
	"relief",
	"regions",
	"cost.basis",
	"cost.cash_cents",
	"cost.share_cents",
	"cost.currency",
	"note",
	NULL,
};
static const char *const provider_columns[] = {
	"id", "name", "kind", "price_cents", "currency", "memberships", "note", NULL,
};
static const char *const gear_columns[] = {
	"id",         "name",       "kind",      "since",         "retired", "limit_m",
	"distance_m", "activities", "last_used", "used_fraction", "note",    NULL,
};
static const char *const race_columns[] = {
	"id",     "name",     "date",        "distance_m", "priority", "terrain", "status",
	"goal_s", "result_s", "activity_id", "days_to_go", "note",     NULL,
};
static const char *const plan_columns[] = {
	"id",
	"race_id",
	"race",
	"race_date",
	"race_distance_m",
	"template",
	"by",
	"weeks",
	"days",
	"start",
	"start_volume_s",
	"peak_volume_s",
	"start_volume_m",
	"peak_volume_m",
	"basis",
	NULL,
};
static const char *const workout_columns[] = {
	"plan_id", "race", "id",       "date",     "weekday",     "week", "phase",
	"cutback", "kind", "target_s", "target_m", "description", NULL,
};

static const char *const appointment_columns[] = {
	"id",         "date",     "start", "modality",    "provider", "provider_id", "status",
	"cost_cents", "currency", "rule",  "recovery_id", "note",     NULL,
};

static const struct {
	const char *name;
	const char *const *columns;
} tables[EXPORT_TABLE_COUNT] = {
	[EXPORT_ACTIVITIES] = { "activities", activity_columns },
	[EXPORT_CHECKINS] = { "checkins", checkin_columns },
	[EXPORT_WELLNESS] = { "wellness", wellness_columns },
	[EXPORT_INJURIES] = { "injuries", injury_columns },
	[EXPORT_RECOVERY] = { "recovery", recovery_columns },
	[EXPORT_PROVIDERS] = { "providers", provider_columns },
	[EXPORT_GEAR] = { "gear", gear_columns },
	[EXPORT_RACES] = { "races", race_columns },
	[EXPORT_PLANS] = { "plans", plan_columns },
	[EXPORT_WORKOUTS] = { "workouts", workout_columns },
	[EXPORT_APPOINTMENTS] = { "appointments", appointment_columns },
};

const char *export_table_name(enum export_table t)
{
	return (unsigned)t < EXPORT_TABLE_COUNT ? tables[t].name : "?";
}

void export_add_table_names(struct strbuf *sb)
{
	for (int t = 0; t < EXPORT_TABLE_COUNT; t++) {
		strbuf_addf(sb, "%s%s", t ? ", " : "", tables[t].name);
	}
}

enum err_code export_table_parse(const char *s, enum export_table *out, struct err *err)
{
	size_t len = strlen(s);
	int found = -1, n = 0;
	struct strbuf names = STRBUF_INIT;

	for (int t = 0; t < EXPORT_TABLE_COUNT; t++) {
		if (strcmp(s, tables[t].name) == 0) {
			*out = (enum export_table)t;
			return ERR_OK;
		}
		if (len && strncmp(s, tables[t].name, len) == 0) {
			found = t;
			n++;
		}
	}
	if (n == 1) {
		*out = (enum export_table)found;
		return ERR_OK;
	}
	export_add_table_names(&names);
	err_set(err, ERR_INPUT, "%s table '%s': choose one of %s", n ? "ambiguous" : "no", s,
	        names.buf);
	strbuf_release(&names);
	return ERR_INPUT;
}

/* A scalar as CSV text: nothing for null, numbers as JSON writes them
 * (integers whole, reals to ten significant digits). */
static void add_scalar(struct strbuf *sb, const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		strbuf_add(sb, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		strbuf_addf(sb, "%lld", (long long)json_integer_value(v));
		break;
	case JSON_REAL:
		strbuf_addf(sb, "%.10g", json_real_value(v));
		break;
	case JSON_TRUE:
		strbuf_adds(sb, "true");
		break;
	case JSON_FALSE:
		strbuf_adds(sb, "false");
		break;
	case JSON_NULL:
	case JSON_OBJECT:
	case JSON_ARRAY:
		break;
	}
}

/* An object's known values joined by ":". */
static void add_item(struct strbuf *sb, const json_t *v)
{
	const char *key;
	json_t *field;
	bool first = true;

	if (!json_is_object(v)) {
		add_scalar(sb, v);
		return;
	}
	json_object_foreach((json_t *)v, key, field)
	{
		if (json_is_null(field)) {
			continue;
		}
		if (!first) {
			strbuf_addch(sb, ':');
		}
		add_item(sb, field);
		first = false;
	}
}

/* One cell: a scalar, or a list's items joined by ";". */
static void add_cell_text(struct strbuf *sb, const json_t *v)
{
	if (json_is_array(v)) {
		size_t i;
		json_t *item;

		json_array_foreach(v, i, item)
		{
			if (i) {
				strbuf_addch(sb, ';');
			}
			add_item(sb, item);
		}
	} else {
		add_item(sb, v);
	}
}

/* The value at path ("cost.basis") in row, NULL where a step is missing
 * or not an object. */
static const json_t *lookup(const json_t *row, const char *path)
{
	const json_t *v = row;
	const char *dot;

	while (v && (dot = strchr(path, '.')) != NULL) {
		char key[64];
		size_t n = (size_t)(dot - path);

		if (n >= sizeof(key) || !json_is_object(v)) {
			return NULL;
		}
		memcpy(key, path, n);
		key[n] = '\0';
		v = json_object_get(v, key);
		path = dot + 1;
	}
	return v && json_is_object(v) ? json_object_get(v, path) : NULL;
}

/* Append field text as a CSV field: as is when it is safe, else quoted
 * by libcsv (quotes doubled). */
static void add_field(struct strbuf *out, const char *text, size_t len)
{
	bool quote = len && (text[0] == ' ' || text[0] == '\t' || text[len - 1] == ' ' ||
	                     text[len - 1] == '\t');

	for (size_t i = 0; !quote && i < len; i++) {
		quote = text[i] == ',' || text[i] == '"' || text[i] == '\n' || text[i] == '\r';
	}
	if (!quote) {
		strbuf_add(out, text, len);
		return;
	}
	/* every character doubled at worst, and the two quotes */
	strbuf_grow(out, 2 * len + 2);
	strbuf_setlen(out, out->len + csv_write(out->buf + out->len, 2 * len + 2, text, len));
}

void export_csv(const struct export_data *d, enum export_table t, struct strbuf *out, size_t *rows)
{
	const char *const *columns = tables[t].columns;
	json_t *all = rows_of(d, t), *row;
	struct strbuf cell = STRBUF_INIT;
	size_t i;

	for (size_t c = 0; columns[c]; c++) {
		if (c) {
			strbuf_addch(out, ',');
		}
		for (const char *p = columns[c]; *p; p++) {
			strbuf_addch(out, *p == '.' ? '_' : *p);
		}
	}
	strbuf_addch(out, '\n');
	json_array_foreach(all, i, row)
	{
		for (size_t c = 0; columns[c]; c++) {
			const json_t *v = lookup(row, columns[c]);

			if (c) {
				strbuf_addch(out, ',');
			}
			strbuf_reset(&cell);
			if (v) {
				add_cell_text(&cell, v);
			}
			add_field(out, cell.buf, cell.len);
		}
		strbuf_addch(out, '\n');
	}
	if (rows) {
		*rows = json_array_size(all);
	}
	strbuf_release(&cell);
	json_decref(all);
}

/* ---- iCalendar ---- */

enum err_code export_ics(const struct export_data *d, int64_t now_utc, enum units units,
                         struct strbuf *out, int *events, struct err *err)
{
	struct ics_calendar *cal = ics_new(now_utc, units);
	enum err_code rc;

	for (size_t i = 0; i < d->plans.n_plans; i++) {
		const struct plan *p = &d->plans.plans[i];

		for (size_t j = 0; j < p->n_workouts; j++) {
			ics_add_workout(cal, p, &p->workouts[j]);
		}
	}
	for (size_t i = 0; i < d->races.n_races; i++) {
		ics_add_race(cal, &d->races.races[i]);
	}
	for (size_t i = 0; i < d->appointments.n; i++) {
		ics_add_appointment(cal, &d->appointments.items[i]);
	}
	rc = ics_finish(cal, out, err);
	if (events) {
		*events = ics_count(cal);
	}
	ics_free(cal);
	return rc;
}
