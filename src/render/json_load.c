/*
 * json_load.c: training load, fitness and zones as JSON (see json_load.h).
 */
#include "render/json_load.h"

#include <math.h>

#include "core/sport.h"
#include "render/json.h"

json_t *render_json_pmc_day(const struct pmc_day *d)
{
	json_t *o = json_object();

	json_object_set_new(o, "date", render_json_date(d->day));
	json_object_set_new(o, "load", render_json_number(d->load));
	json_object_set_new(o, "ctl", render_json_number(d->ctl));
	json_object_set_new(o, "atl", render_json_number(d->atl));
	json_object_set_new(o, "tsb", render_json_number(d->tsb));
	json_object_set_new(o, "ewma_acute", render_json_number(d->ewma_acute));
	json_object_set_new(o, "ewma_chronic", render_json_number(d->ewma_chronic));
	json_object_set_new(o, "acwr_ewma", render_json_number(d->acwr_ewma));
	json_object_set_new(o, "acwr_rolling", render_json_number(d->acwr_rolling));
	return o;
}

json_t *render_json_load_week(const struct pmc_week *w, const struct volume_week *v)
{
	json_t *o = json_object();
	json_t *by_sport = json_array();
	double distance = 0;

	json_object_set_new(o, "week", render_json_date(w->monday));
	json_object_set_new(o, "days", json_integer(w->days));
	json_object_set_new(o, "load", render_json_number(w->load));
	json_object_set_new(o, "monotony", render_json_number(w->monotony));
	json_object_set_new(o, "strain", render_json_number(w->strain));
	for (int i = 0; v && i < SPORT_COUNT; i++) {
		json_t *t;

		distance += v->distance_m[i];
		if (!v->count[i]) {
			continue;
		}
		t = json_object();
		json_object_set_new(t, "sport", json_string(sport_name((enum sport)i)));
		json_object_set_new(t, "count", json_integer(v->count[i]));
		json_object_set_new(t, "distance_m", render_json_number(v->distance_m[i]));
		json_object_set_new(t, "time_s", render_json_number(v->time_s[i]));
		json_array_append_new(by_sport, t);
	}
	json_object_set_new(o, "time_s", render_json_number(v ? v->time_s_all : (double)NAN));
	json_object_set_new(o, "distance_m", render_json_number(v ? distance : (double)NAN));
	json_object_set_new(o, "run_distance_m",
	                    render_json_number(v ? v->run_distance_m : (double)NAN));
	json_object_set_new(o, "time_change", render_json_number(v ? v->time_change : (double)NAN));
	json_object_set_new(o, "run_distance_change",
	                    render_json_number(v ? v->run_distance_change : (double)NAN));
	json_object_set_new(o, "by_sport", by_sport);
	return o;
}

json_t *render_json_load_days(int32_t from, int32_t to, const struct pmc_day *days, size_t n)
{
	json_t *o = json_object(), *arr = json_array();

	for (size_t i = 0; i < n; i++) {
		json_array_append_new(arr, render_json_pmc_day(&days[i]));
	}
	json_object_set_new(o, "from", render_json_date(from));
	json_object_set_new(o, "to", render_json_date(to));
	json_object_set_new(o, "days", arr);
	return o;
}

json_t *render_json_load_weeks(const struct load_weeks *w)
{
	json_t *o = json_object(), *arr = json_array();

	for (size_t i = 0; i < w->n; i++) {
		json_array_append_new(arr, render_json_load_week(&w->weeks[i], &w->volume[i]));
	}
	json_object_set_new(o, "from", render_json_date(w->from));
	json_object_set_new(o, "to", render_json_date(w->to));
	json_object_set_new(o, "weeks", arr);
	return o;
}

json_t *render_json_zones(const struct hr_zone *zones)
{
	json_t *o, *list;

	if (!zones) {
		return json_null();
	}
	o = json_object();
	list = json_array();
	for (int i = 0; i < ZONES_COUNT; i++) {
		const struct hr_zone *z = &zones[i];
		json_t *t = json_object();

		json_object_set_new(t, "zone", json_integer(z->number));
		json_object_set_new(t, "name", json_string(z->name));
		json_object_set_new(t, "low_bpm", json_integer(z->low_bpm));
		json_object_set_new(t, "high_bpm", json_integer(z->high_bpm));
		json_object_set_new(t, "low_hrr", render_json_number(z->low_hrr));
		json_object_set_new(t, "high_hrr", render_json_number(z->high_hrr));
		json_array_append_new(list, t);
	}
	json_object_set_new(o, "method", json_string("karvonen"));
	json_object_set_new(o, "zones", list);
	return o;
}
