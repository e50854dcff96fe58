/*
 * json_race.c: races, efforts and predictions as JSON (see json_race.h).
 */
#include "render/json_race.h"

#include <math.h>

#include "base/date.h"
#include "render/json.h"

static json_t *string_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *id_or_null(int64_t id)
{
	return id > 0 ? json_integer((json_int_t)id) : json_null();
}

json_t *render_json_race(const struct race *r, int32_t today)
{
	json_t *o = json_object();
	bool ahead = race_is_upcoming(r) && r->date != DATE_NONE && r->date >= today;

	json_object_set_new(o, "id", json_integer((json_int_t)r->id));
	json_object_set_new(o, "name", json_string(r->name));
	json_object_set_new(o, "date", render_json_date(r->date));
	json_object_set_new(o, "distance_m", render_json_number(r->distance_m));
	json_object_set_new(o, "priority", json_string(race_priority_name(r->priority)));
	json_object_set_new(o, "terrain", string_or_null(race_terrain_name(r->terrain)));
	json_object_set_new(o, "status", json_string(race_status_name(r->status)));
	json_object_set_new(o, "goal_s", render_json_number(r->goal_s));
	json_object_set_new(o, "result_s", render_json_number(r->result_s));
	json_object_set_new(o, "activity_id", id_or_null(r->activity_id));
	json_object_set_new(o, "note", string_or_null(r->note));
	json_object_set_new(o, "days_to_go", ahead ? json_integer(r->date - today) : json_null());
	return o;
}

json_t *render_json_effort(const struct effort *e)
{
	json_t *o = json_object();
	bool in_range = e->e.time_s >= PREDICT_MIN_EFFORT_S && e->e.time_s <= PREDICT_MAX_EFFORT_S;

	json_object_set_new(o, "date", render_json_date(e->e.day));
	json_object_set_new(o, "source", json_string(effort_source_name(e->source)));
	json_object_set_new(o, "band", string_or_null(effort_band_name(e->band)));
	json_object_set_new(o, "activity_id", id_or_null(e->e.activity_id));
	json_object_set_new(o, "race_id", id_or_null(e->race_id));
	json_object_set_new(o, "race", string_or_null(e->race_name));
	json_object_set_new(o, "distance_m", render_json_number(e->e.distance_m));
	json_object_set_new(o, "time_s", render_json_number(e->e.time_s));
	json_object_set_new(o, "start_s", render_json_number(e->start_s));
	json_object_set_new(o, "pace_s_per_km",
	                    render_json_number(e->e.time_s / e->e.distance_m * 1000.0));
	json_object_set_new(o, "vdot", render_json_number(e->vdot));
	json_object_set_new(o, "in_range", json_boolean(in_range));
	return o;
}

json_t *render_json_prediction(const char *name, double distance_m,
                               const struct predict_result *res, const struct predict_estimate *est,
                               size_t n_efforts)
{
	json_t *o = json_object(), *by = json_array();
	bool chosen = res->from != PREDICT_NONE;

	for (size_t i = 0; i < n_efforts; i++) {
		json_array_append_new(by, json_pack("{s:o, s:o}", "riegel_s",
		                                    render_json_number(est[i].riegel_s), "vdot_s",
		                                    render_json_number(est[i].vdot_s)));
	}
	json_object_set_new(o, "name", string_or_null(name));
	json_object_set_new(o, "distance_m", render_json_number(distance_m));
	json_object_set_new(o, "from", chosen ? json_integer((json_int_t)res->from) : json_null());
	json_object_set_new(o, "vdot", render_json_number(res->vdot));
	json_object_set_new(o, "riegel_s", render_json_number(res->riegel_s));
	json_object_set_new(o, "vdot_s", render_json_number(res->vdot_s));
	json_object_set_new(o, "in_range", json_boolean(chosen && res->target_in_range));
	json_object_set_new(o, "by_effort", by);
	return o;
}

json_t *render_json_race_list(const struct race_list *list, int32_t today)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < list->n_races; i++) {
		json_array_append_new(arr, render_json_race(&list->races[i], today));
	}
	return json_pack("{s:o}", "races", arr);
}

json_t *render_json_race_prediction(const struct race_prediction *p)
{
	json_t *efforts = json_array(), *predictions = json_array();
	size_t n = p->best.n_efforts;

	for (size_t i = 0; i < n; i++) {
		json_array_append_new(efforts, render_json_effort(&p->best.efforts[i]));
	}
	for (size_t k = 0; n && k < p->n_targets; k++) {
		json_array_append_new(predictions,
		                      render_json_prediction(p->names[k], p->targets[k], &p->res[k],
		                                             p->est + k * n, n));
	}
	return json_pack("{s:i, s:o, s:o, s:o, s:o}", "weeks", p->weeks, "from",
	                 render_json_date(p->from), "to", render_json_date(p->to), "efforts",
	                 efforts, "predictions", predictions);
}
