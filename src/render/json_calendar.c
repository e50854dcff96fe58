/*
 * json_calendar.c: the calendar as JSON (see json_calendar.h).
 */
#include "render/json_calendar.h"

#include "render/export.h"
#include "render/json.h"
#include "render/json_body.h"
#include "render/json_plan.h"
#include "render/json_race.h"

static json_t *workouts(const struct calendar *c)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < c->n_workouts; i++) {
		const struct calendar_workout *cw = &c->workouts[i];
		json_t *o = render_json_workout(cw->workout, cw->match);

		json_object_set_new(o, "plan_id", json_integer((json_int_t)cw->plan->id));
		json_object_set_new(o, "race",
		                    cw->plan->race_name ? json_string(cw->plan->race_name)
		                                        : json_null());
		json_array_append_new(arr, o);
	}
	return arr;
}

json_t *render_json_calendar(const struct calendar *c)
{
	json_t *o = json_object(), *arr;

	json_object_set_new(o, "from", render_json_date(c->from));
	json_object_set_new(o, "to", render_json_date(c->to));
	json_object_set_new(o, "today", render_json_date(c->today));
	json_object_set_new(o, "workouts", workouts(c));
	arr = json_array();
	for (size_t i = 0; i < c->activities.n_activities; i++) {
		json_array_append_new(arr, render_json_activity(&c->activities.activities[i]));
	}
	json_object_set_new(o, "activities", arr);
	arr = json_array();
	for (size_t i = c->first_session; i < c->sessions.n; i++) {
		json_array_append_new(arr,
		                      render_json_recovery(&c->sessions.items[i], &c->costs[i]));
	}
	json_object_set_new(o, "recovery", arr);
	arr = json_array();
	for (size_t i = 0; i < c->races.n_races; i++) {
		json_array_append_new(arr, render_json_race(&c->races.races[i], c->today));
	}
	json_object_set_new(o, "races", arr);
	arr = json_array();
	for (size_t i = 0; i < c->appointments.n; i++) {
		json_array_append_new(arr, export_json_appointment(&c->appointments.items[i]));
	}
	json_object_set_new(o, "appointments", arr);
	arr = json_array();
	for (size_t i = 0; i < c->checkins.n; i++) {
		json_array_append_new(arr, render_json_checkin(&c->checkins.items[i]));
	}
	json_object_set_new(o, "checkins", arr);
	arr = json_array();
	for (size_t i = 0; i < c->wellness.n; i++) {
		json_array_append_new(arr, render_json_wellness(&c->wellness.items[i]));
	}
	json_object_set_new(o, "wellness", arr);
	return o;
}
