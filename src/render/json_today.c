/*
 * json_today.c: the advisor's day as JSON (see json_today.h).
 */
#include "render/json_today.h"

#include "render/json.h"
#include "render/json_advice.h"
#include "render/json_body.h"
#include "render/json_load.h"
#include "render/json_plan.h"
#include "render/json_race.h"

bool render_today_massage_shown(const struct massage_plan *mp, size_t i, int32_t day)
{
	return mp->items[i].day >= day && mp->items[i].day < day + RENDER_TODAY_MASSAGE_DAYS;
}

json_t *render_json_today(const struct advice_context *ctx, const struct today *t,
                          const struct massage_plan *mp)
{
	json_t *readiness = json_object(), *reasons = json_array(), *injuries = json_array();
	json_t *sore = json_array(), *workout = json_null(), *plan = json_null();
	json_t *massage = json_array();

	for (size_t i = 0; i < t->n_reasons; i++) {
		json_array_append_new(reasons, json_string(t->reasons[i]));
	}
	for (size_t i = 0; i < t->n_injuries; i++) {
		const struct today_injury *ti = &t->injuries[i];
		json_t *o = render_json_injury(ti->injury);

		json_object_set_new(o, "days", json_integer(ti->days));
		json_object_set_new(o, "measure", json_string(measure_name(ti->course.measure)));
		json_object_set_new(o, "latest_level",
		                    ti->latest >= 0 ? json_integer(ti->latest) : json_null());
		json_object_set_new(o, "latest_date", render_json_date(ti->latest_day));
		json_object_set_new(o, "trend",
		                    json_string(trend_verdict_name(ti->course.trend.verdict)));
		json_array_append_new(injuries, o);
	}
	for (size_t i = 0; i < t->n_sore; i++) {
		const struct today_sore *s = &t->sore[i];
		json_t *o = json_object();

		json_object_set_new(o, "region", json_string(s->region));
		json_object_set_new(o, "side",
		                    side_name(s->side) ? json_string(side_name(s->side))
		                                       : json_null());
		for (int m = 0; m < MEASURE_COUNT; m++) {
			json_object_set_new(o, measure_name((enum measure)m),
			                    s->level[m] >= 0 ? json_integer(s->level[m])
			                                     : json_null());
		}
		json_object_set_new(o, "last_date", render_json_date(s->last));
		json_array_append_new(sore, o);
	}
	json_object_set_new(readiness, "level", json_string(today_level_name(t->level)));
	json_object_set_new(readiness, "tsb", render_json_number(t->tsb));
	json_object_set_new(readiness, "ctl", render_json_number(t->ctl));
	json_object_set_new(readiness, "acwr", render_json_number(t->acwr));
	json_object_set_new(readiness, "acwr_settled", json_boolean(t->acwr_settled));
	json_object_set_new(readiness, "reasons", reasons);
	json_object_set_new(readiness, "injuries", injuries);
	json_object_set_new(readiness, "sore", sore);
	json_object_set_new(readiness, "last_race",
	                    t->last_race ? render_json_race(t->last_race, t->day) : json_null());
	json_object_set_new(readiness, "days_since_race",
	                    t->last_race ? json_integer(t->days_since_race) : json_null());
	if (t->workout) {
		json_decref(workout);
		workout = render_json_workout(t->workout, &t->match);
	}
	if (t->has_plan) {
		json_decref(plan);
		plan = render_json_plan(&ctx->plan);
	}
	for (size_t i = 0; i < mp->n_items; i++) {
		const struct massage_item *m = &mp->items[i];

		if (!render_today_massage_shown(mp, i, t->day)) {
			continue;
		}
		json_array_append_new(
		        massage,
		        json_pack("{s:o, s:s, s:s, s:o, s:o}", "date", render_json_date(m->day),
		                  "modality", modality_name(m->modality), "source",
		                  m->source == MASSAGE_BOOKED ? "booked" : "suggested", "rule",
		                  m->rule ? json_string(m->rule->id) : json_null(), "provider",
		                  m->provider ? json_string(m->provider->name) : json_null()));
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "date", render_json_date(t->day), "plan",
	                 plan, "workout", workout, "readiness", readiness, "massage", massage,
	                 "advice", render_json_advice_list(&t->advice));
}
