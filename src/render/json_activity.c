/*
 * json_activity.c: listings as JSON (json_activity.h).
 */
#include "render/json_activity.h"

#include "render/json.h"

json_t *render_json_activity_list(const struct activity_list *list)
{
	json_t *o = json_object(), *arr = json_array();
	struct activity_summary sum;

	activity_summary_init(&sum);
	for (size_t i = 0; i < list->n_activities; i++) {
		activity_summary_add(&sum, &list->activities[i]);
		json_array_append_new(arr, render_json_activity(&list->activities[i]));
	}
	json_object_set_new(o, "activities", arr);
	json_object_set_new(o, "totals", render_json_summary(&sum));
	return o;
}

json_t *render_json_activity_show(const struct recorded *r, int64_t race_id)
{
	json_t *o = render_json_recorded(r);

	json_object_set_new(o, "race_id", race_id ? json_integer(race_id) : json_null());
	return o;
}
