/*
 * json.c: JSON serializers (see json.h).
 */
#include "render/json.h"

#include <math.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "base/tz.h"

json_t *render_json_number(double v)
{
	if (isnan(v) || isinf(v)) {
		return json_null();
	}
	/* Whole values print as integers: 8000, not 8000.0. */
	if (v == trunc(v) && fabs(v) < 9007199254740992.0) {
		return json_integer((json_int_t)v);
	}
	return json_real(v);
}

json_t *render_json_date(int32_t day)
{
	char buf[DATE_ISO_LEN];

	if (day == DATE_NONE) {
		return json_null();
	}
	date_format(day, buf);
	return json_string(buf);
}

/* A string, or null for NULL: json_string(NULL) would fail instead. */
static json_t *string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *int_or_null(long v, int known)
{
	return known ? json_integer(v) : json_null();
}

json_t *render_json_activity(const struct activity *a)
{
	json_t *o = json_object();
	json_t *source = json_object();

	json_object_set_new(o, "id", json_integer(a->id));
	json_object_set_new(o, "sport", json_string(sport_name(a->sport)));
	json_object_set_new(o, "treadmill", json_boolean(a->treadmill));
	json_object_set_new(o, "date", render_json_date(a->date));
	if (a->has_start) {
		struct strbuf sb = STRBUF_INIT;

		tz_add_rfc3339(&sb, a->start_utc, a->utc_offset);
		json_object_set_new(o, "start", json_string(sb.buf));
		strbuf_release(&sb);
	} else {
		json_object_set_new(o, "start", json_null());
	}
	json_object_set_new(o, "utc_offset_s", int_or_null(a->utc_offset, a->has_start));
	json_object_set_new(o, "distance_m", render_json_number(a->distance_m));
	json_object_set_new(o, "duration_s", render_json_number(a->duration_s));
	json_object_set_new(o, "moving_s", render_json_number(a->moving_s));
	json_object_set_new(o, "ascent_m", render_json_number(a->ascent_m));
	json_object_set_new(o, "descent_m", render_json_number(a->descent_m));
	json_object_set_new(o, "rpe", int_or_null(a->rpe, a->rpe != 0));
	json_object_set_new(o, "hr_avg", int_or_null(a->hr_avg, a->hr_avg != 0));
	json_object_set_new(o, "hr_max", int_or_null(a->hr_max, a->hr_max != 0));
	json_object_set_new(o, "cadence_avg", render_json_number(a->cadence_avg));
	json_object_set_new(o, "power_avg", render_json_number(a->power_avg));
	json_object_set_new(o, "load", render_json_number(a->load));
	json_object_set_new(o, "load_method",
	                    string_or_null(a->load_method[0] ? a->load_method : NULL));
	json_object_set_new(o, "gear", string_or_null(a->gear));
	json_object_set_new(o, "gear_id", int_or_null((long)a->gear_id, a->gear_id != 0));
	json_object_set_new(source, "format", json_string(activity_source_name(a->source)));
	json_object_set_new(source, "file", string_or_null(a->source_file));
	json_object_set_new(source, "sha256", string_or_null(a->source_sha256));
	json_object_set_new(source, "device", string_or_null(a->device));
	json_object_set_new(o, "source", source);
	json_object_set_new(o, "name", string_or_null(a->name));
	json_object_set_new(o, "note", string_or_null(a->note));
	return o;
}

static json_t *totals_json(const struct activity_totals *t)
{
	json_t *o = json_object();

	json_object_set_new(o, "count", json_integer(t->count));
	json_object_set_new(o, "distance_m", render_json_number(t->distance_m));
	json_object_set_new(o, "time_s", render_json_number(t->time_s));
	return o;
}

json_t *render_json_summary(const struct activity_summary *s)
{
	json_t *o = json_object();
	json_t *by_sport = json_array();

	for (int i = 0; i < SPORT_COUNT; i++) {
		json_t *t;

		if (!s->by_sport[i].count) {
			continue;
		}
		t = totals_json(&s->by_sport[i]);
		json_object_set_new(t, "sport", json_string(sport_name((enum sport)i)));
		json_array_append_new(by_sport, t);
	}
	json_object_set_new(o, "by_sport", by_sport);
	json_object_set_new(o, "all", totals_json(&s->all));
	return o;
}

json_t *render_json_gear(const struct gear *g)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(g->id));
	json_object_set_new(o, "name", string_or_null(g->name));
	json_object_set_new(o, "kind", json_string(gear_kind_name(g->kind)));
	json_object_set_new(o, "since", render_json_date(g->since));
	json_object_set_new(o, "retired", render_json_date(g->retired));
	json_object_set_new(o, "limit_m", render_json_number(g->limit_m));
	json_object_set_new(o, "distance_m", render_json_number(g->distance_m));
	json_object_set_new(o, "activities", json_integer(g->n_activities));
	json_object_set_new(o, "last_used", render_json_date(g->last_used));
	json_object_set_new(o, "used_fraction", render_json_number(gear_used_fraction(g)));
	json_object_set_new(o, "note", string_or_null(g->note));
	return o;
}

json_t *render_json_athlete(const struct athlete *a, const char *tz_in_force)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(a->id));
	json_object_set_new(o, "name", string_or_null(a->name));
	json_object_set_new(o, "sex",
	                    a->sex == SEX_UNKNOWN ? json_null()
	                                          : json_string(athlete_sex_name(a->sex)));
	json_object_set_new(o, "birth_year", int_or_null(a->birth_year, a->birth_year != 0));
	json_object_set_new(o, "max_hr", int_or_null(a->max_hr, a->max_hr != 0));
	json_object_set_new(o, "rest_hr", int_or_null(a->rest_hr, a->rest_hr != 0));
	json_object_set_new(o, "threshold_pace_s_per_km",
	                    render_json_number(a->threshold_pace_s_per_km));
	json_object_set_new(o, "units", json_string(units_name(a->units)));
	json_object_set_new(o, "tz", string_or_null(tz_in_force));
	json_object_set_new(o, "currency", a->currency[0] ? json_string(a->currency) : json_null());
	/* the monthly recovery budget, null when unset (-1) */
	json_object_set_new(o, "budget_cents",
	                    a->budget_cents >= 0 ? json_integer((json_int_t)a->budget_cents)
	                                         : json_null());
	return o;
}

/* A number rounded to a precision that keeps the JSON small and loses
 * nothing the devices measured. */
static json_t *rounded(double v, double step)
{
	return render_json_number(isnan(v) ? v : nearbyint(v / step) * step);
}

json_t *render_json_lap(const struct lap *lap, int32_t utc_offset)
{
	json_t *o = json_object();

	if (isnan(lap->start_utc)) {
		json_object_set_new(o, "start", json_null());
	} else {
		struct strbuf sb = STRBUF_INIT;

		tz_add_rfc3339(&sb, (int64_t)floor(lap->start_utc), utc_offset);
		json_object_set_new(o, "start", json_string(sb.buf));
		strbuf_release(&sb);
	}
	json_object_set_new(o, "elapsed_s", rounded(lap->elapsed_s, 0.001));
	json_object_set_new(o, "moving_s", rounded(lap->moving_s, 0.001));
	json_object_set_new(o, "distance_m", rounded(lap->distance_m, 0.01));
	json_object_set_new(o, "ascent_m", rounded(lap->ascent_m, 0.1));
	json_object_set_new(o, "descent_m", rounded(lap->descent_m, 0.1));
	json_object_set_new(o, "speed_max_m_s", rounded(lap->speed_max, 0.001));
	json_object_set_new(o, "cadence_avg", rounded(lap->cadence_avg, 0.1));
	json_object_set_new(o, "power_avg", rounded(lap->power_avg, 0.1));
	json_object_set_new(o, "calories", rounded(lap->calories, 1));
	json_object_set_new(o, "hr_avg", int_or_null(lap->hr_avg, lap->hr_avg != 0));
	json_object_set_new(o, "hr_max", int_or_null(lap->hr_max, lap->hr_max != 0));
	json_object_set_new(o, "intensity",
	                    lap->intensity[0] ? json_string(lap->intensity) : json_null());
	json_object_set_new(o, "trigger",
	                    lap->trigger[0] ? json_string(lap->trigger) : json_null());
	return o;
}

json_t *render_json_samples(const struct samples *s, int64_t start_utc)
{
	static const struct {
		enum sample_field field;
		const char *key;
		double step; /* as stored: see store/samples_blob.c */
	} columns[] = {
		{ SAMPLE_TIME, "time_s", 1e-3 },
		{ SAMPLE_LAT, "lat_deg", 1e-7 },
		{ SAMPLE_LON, "lon_deg", 1e-7 },
		{ SAMPLE_ALTITUDE, "altitude_m", 1e-2 },
		{ SAMPLE_DISTANCE, "distance_m", 1e-2 },
		{ SAMPLE_HR, "hr_bpm", 1 },
		{ SAMPLE_CADENCE, "cadence_per_min", 1e-1 },
		{ SAMPLE_POWER, "power_w", 1 },
		{ SAMPLE_SPEED, "speed_m_s", 1e-3 },
	};
	json_t *o = json_object();

	json_object_set_new(o, "n", json_integer((json_int_t)s->n));
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		json_t *arr;

		if (!samples_has(s, columns[c].field)) {
			continue;
		}
		arr = json_array();
		for (size_t i = 0; i < s->n; i++) {
			double v = samples_get(s, i, columns[c].field);

			if (columns[c].field == SAMPLE_TIME && !isnan(v)) {
				v -= (double)start_utc;
			}
			json_array_append_new(arr, rounded(v, columns[c].step));
		}
		json_object_set_new(o, columns[c].key, arr);
	}
	return o;
}

json_t *render_json_recorded(const struct recorded *r)
{
	json_t *o = render_json_activity(&r->activity);
	json_t *laps = json_array();

	for (size_t i = 0; i < r->n_laps; i++) {
		json_array_append_new(laps, render_json_lap(&r->laps[i], r->activity.utc_offset));
	}
	json_object_set_new(o, "laps", laps);
	json_object_set_new(o, "samples", render_json_samples(&r->samples, r->activity.start_utc));
	return o;
}
