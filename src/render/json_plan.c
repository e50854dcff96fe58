/*
 * json_plan.c: plans and workouts as JSON (see json_plan.h).
 */
#include "render/json_plan.h"

#include <math.h>

#include "base/date.h"
#include "render/json.h"

static json_t *by_measure(const struct plan *p, enum plan_by by, double v)
{
	return p->by == by ? render_json_number(v) : json_null();
}

json_t *render_json_plan(const struct plan *p)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "race_id", json_integer(p->race_id));
	json_object_set_new(o, "race", p->race_name ? json_string(p->race_name) : json_null());
	json_object_set_new(o, "race_date", render_json_date(p->race_date));
	json_object_set_new(o, "race_distance_m", render_json_number(p->race_distance_m));
	json_object_set_new(o, "template",
	                    p->template_name ? json_string(p->template_name) : json_null());
	json_object_set_new(o, "by", json_string(plan_by_name(p->by)));
	json_object_set_new(o, "weeks", json_integer(p->weeks));
	json_object_set_new(o, "days", json_integer(p->days));
	json_object_set_new(o, "start", render_json_date(p->start));
	json_object_set_new(o, "start_volume_s", by_measure(p, PLAN_BY_TIME, p->start_volume));
	json_object_set_new(o, "peak_volume_s", by_measure(p, PLAN_BY_TIME, p->peak_volume));
	json_object_set_new(o, "start_volume_m", by_measure(p, PLAN_BY_DISTANCE, p->start_volume));
	json_object_set_new(o, "peak_volume_m", by_measure(p, PLAN_BY_DISTANCE, p->peak_volume));
	json_object_set_new(o, "basis", p->basis ? json_string(p->basis) : json_null());
	return o;
}

json_t *render_json_workout(const struct workout *w, const struct workout_match *m)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(w->id));
	json_object_set_new(o, "date", render_json_date(w->date));
	json_object_set_new(o, "weekday", json_string(date_weekday_abbr(date_weekday(w->date))));
	json_object_set_new(o, "week", json_integer(w->week));
	json_object_set_new(o, "phase", json_string(plan_phase_name(w->phase)));
	json_object_set_new(o, "cutback", json_boolean(w->cutback));
	json_object_set_new(o, "kind", json_string(workout_kind_name(w->kind)));
	json_object_set_new(o, "target_s", render_json_number(w->target_s));
	json_object_set_new(o, "target_m", render_json_number(w->target_m));
	json_object_set_new(o, "description",
	                    w->description ? json_string(w->description) : json_null());
	if (m) {
		json_t *ids = json_array();

		for (size_t i = 0; i < m->n_activities; i++) {
			json_array_append_new(ids, json_integer(m->activity_ids[i]));
		}
		json_object_set_new(o, "status", json_string(workout_status_name(m->status)));
		json_object_set_new(o, "done_s", render_json_number(m->done_s));
		json_object_set_new(o, "done_m", render_json_number(m->done_m));
		json_object_set_new(o, "share", render_json_number(m->share));
		json_object_set_new(o, "done_on", render_json_date(m->done_on));
		json_object_set_new(o, "activity_ids", ids);
	}
	return o;
}

json_t *render_json_plan_week_sum(const struct plan_week_sum *s)
{
	json_t *o = json_object();

	json_object_set_new(o, "week", json_integer(s->week));
	json_object_set_new(o, "monday", render_json_date(s->monday));
	json_object_set_new(o, "phase", json_string(plan_phase_name(s->phase)));
	json_object_set_new(o, "runs", json_integer(s->runs));
	json_object_set_new(o, "hard", json_integer(s->hard));
	json_object_set_new(o, "volume_s", render_json_number(s->volume_s));
	json_object_set_new(o, "volume_m", render_json_number(s->volume_m));
	json_object_set_new(o, "long_s", render_json_number(s->long_s));
	json_object_set_new(o, "long_m", render_json_number(s->long_m));
	json_object_set_new(o, "race", json_boolean(s->race));
	json_object_set_new(o, "longest", json_boolean(s->longest));
	json_object_set_new(o, "cutback", json_boolean(s->cutback));
	return o;
}

static json_t *compliance(const struct plan_compliance *c)
{
	json_t *o = json_object();

	json_object_set_new(o, "planned", json_integer(c->planned));
	json_object_set_new(o, "done", json_integer(c->done));
	json_object_set_new(o, "partial", json_integer(c->partial));
	json_object_set_new(o, "missed", json_integer(c->missed));
	json_object_set_new(o, "planned_s", render_json_number(c->planned_s));
	json_object_set_new(o, "done_s", render_json_number(c->done_s));
	json_object_set_new(o, "time_share", render_json_number(c->time_share));
	json_object_set_new(o, "planned_m", render_json_number(c->planned_m));
	json_object_set_new(o, "done_m", render_json_number(c->done_m));
	json_object_set_new(o, "distance_share", render_json_number(c->distance_share));
	json_object_set_new(o, "week_workouts", json_integer(c->week_workouts));
	json_object_set_new(o, "week_s", render_json_number(c->week_s));
	json_object_set_new(o, "week_m", render_json_number(c->week_m));
	return o;
}

json_t *render_json_plan_week(const struct plan_week *w)
{
	json_t *o = json_object(), *workouts = json_array();

	for (size_t i = w->first; i < w->end; i++) {
		json_array_append_new(workouts,
		                      render_json_workout(&w->plan.workouts[i], &w->matches[i]));
	}
	json_object_set_new(o, "plan", render_json_plan(&w->plan));
	json_object_set_new(o, "week", w->number ? json_integer(w->number) : json_null());
	json_object_set_new(o, "of", json_integer(w->plan.weeks));
	json_object_set_new(o, "phase",
	                    w->number ? json_string(plan_phase_name(w->phase)) : json_null());
	json_object_set_new(o, "monday", render_json_date(w->monday));
	json_object_set_new(o, "sunday", render_json_date(w->monday + 6));
	json_object_set_new(o, "workouts", workouts);
	json_object_set_new(o, "compliance", compliance(&w->compliance));
	return o;
}
