/*
 * json_advice.c: rules and advice as JSON (see json_advice.h).
 */
#include "render/json_advice.h"

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
