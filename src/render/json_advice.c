/*
 * json_advice.c: rules and advice as JSON (see json_advice.h).
 */
#include "render/json_advice.h"

#include <stdio.h>

#include "base/date.h"
#include "render/json.h"

json_t *render_json_advice(const struct advice *a)
{
	json_t *facts = json_array();

	for (size_t i = 0; i < a->n_facts; i++) {
		json_array_append_new(facts, json_string(a->facts[i]));
	}
	return json_pack("{s:s, s:s, s:o, s:o, s:s, s:s, s:s, s:o}", "rule", a->rule->id, "kind",
	                 advice_kind_name(a->kind), "from", render_json_date(a->from), "to",
	                 render_json_date(a->to), "text", a->text, "reason", a->rule->reason,
	                 "source", a->rule->source, "facts", facts);
}

json_t *render_json_advice_list(const struct advice_list *list)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < list->n_items; i++) {
		json_array_append_new(arr, render_json_advice(&list->items[i]));
	}
	return arr;
}

json_t *render_json_rule(const struct rule *r)
{
	json_t *params = json_object();

	for (size_t i = 0; i < r->n_params; i++) {
		json_object_set_new(params, r->params[i].key,
		                    render_json_number(r->params[i].value));
	}
	return json_pack("{s:s, s:s, s:s, s:s, s:b, s:o}", "id", r->id, "title", r->title, "reason",
	                 r->reason, "source", r->source, "enabled", r->enabled, "params", params);
}

static json_t *json_money(int64_t cents)
{
	return cents >= 0 ? json_integer((json_int_t)cents) : json_null();
}

json_t *render_json_massage_item(const struct massage_plan *plan, size_t i,
                                 const int64_t *booked_ids)
{
	const struct massage_item *it = &plan->items[i];
	json_t *o = render_json_advice(&plan->advice.items[it->advice]);
	int64_t booked_id = it->source == MASSAGE_BOOKED ? it->appointment_id
	                    : booked_ids                 ? booked_ids[i]
	                                                 : 0;

	json_object_set_new(o, "date", render_json_date(it->day));
	json_object_set_new(o, "modality", json_string(modality_name(it->modality)));
	json_object_set_new(o, "self_massage", json_boolean(massage_is_self(it->modality)));
	json_object_set_new(o, "status", json_string(booked_id ? "booked" : "suggested"));
	json_object_set_new(o, "appointment_id",
	                    booked_id ? json_integer((json_int_t)booked_id) : json_null());
	json_object_set_new(o, "provider",
	                    it->provider
	                            ? json_pack("{s:I, s:s}", "id", (json_int_t)it->provider->id,
	                                        "name", it->provider->name)
	                            : json_null());
	json_object_set_new(o, "cost_cents", json_money(it->cost_cents));
	json_object_set_new(o, "membership", json_boolean(it->membership));
	json_object_set_new(o, "type_rule",
	                    it->type_rule ? json_string(it->type_rule->id) : json_null());
	json_object_set_new(o, "instead_of",
	                    it->asked_by ? json_pack("{s:s, s:s}", "rule", it->asked_by->id,
	                                             "modality", modality_name(it->asked_modality))
	                                 : json_null());
	return o;
}

json_t *render_json_massage_plan(const struct massage_plan *plan, int weeks, int32_t day,
                                 const int64_t *booked_ids)
{
	json_t *items = json_array(), *months = json_array(), *booked = json_array();

	for (size_t i = 0; i < plan->n_items; i++) {
		json_array_append_new(items, render_json_massage_item(plan, i, booked_ids));
		if (booked_ids && booked_ids[i]) {
			json_array_append_new(booked, json_integer((json_int_t)booked_ids[i]));
		}
	}
	for (size_t i = 0; i < plan->n_months; i++) {
		const struct massage_month *m = &plan->months[i];
		struct civil c = date_to_civil(m->start);
		char month[16];
		bool budget = plan->budget_cents >= 0;

		snprintf(month, sizeof(month), "%04d-%02d", c.year, c.month);
		json_array_append_new(
		        months, json_pack("{s:s, s:o, s:o, s:I, s:I, s:o}", "month", month, "start",
		                          render_json_date(m->start), "budget_cents",
		                          json_money(plan->budget_cents), "spent_cents",
		                          (json_int_t)m->spent_cents, "suggested_cents",
		                          (json_int_t)m->planned_cents, "left_cents",
		                          budget ? json_integer((json_int_t)(plan->budget_cents -
		                                                             m->spent_cents -
		                                                             m->planned_cents))
		                                 : json_null()));
	}
	return json_pack("{s:o, s:o, s:o, s:i, s:s, s:o, s:o, s:o, s:o, s:o}", "date",
	                 render_json_date(day), "from", render_json_date(plan->from), "to",
	                 render_json_date(plan->to), "weeks", weeks, "currency", plan->currency,
	                 "budget_cents", json_money(plan->budget_cents), "suggestions", items,
	                 "advice", render_json_advice_list(&plan->advice), "months", months,
	                 "booked", booked);
}
