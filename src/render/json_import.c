/*
 * json_import.c: an import's results as JSON (json_import.h).
 */
#include "render/json_import.h"

const char *render_import_outcome_name(enum import_outcome o)
{
	switch (o) {
	case IMPORT_IMPORTED:
		return "imported";
	case IMPORT_DUPLICATE:
		return "duplicate";
	case IMPORT_SKIPPED:
		return "skipped";
	case IMPORT_FAILED:
		return "failed";
	}
	return "?";
}

json_t *render_json_import_file(const struct import_result *r, const char *path)
{
	json_t *o = json_object(), *ids = json_array();

	json_object_set_new(o, "path", json_string(path));
	json_object_set_new(o, "outcome", json_string(render_import_outcome_name(r->outcome)));
	json_object_set_new(o, "repaired", json_boolean(r->repaired));
	json_object_set_new(o, "message",
	                    r->message && r->message[0] ? json_string(r->message) : json_null());
	if (r->outcome == IMPORT_IMPORTED && r->rec) {
		for (size_t i = 0; i < r->rec->n_activities; i++) {
			json_array_append_new(ids, json_integer(r->rec->activities[i].activity.id));
		}
	}
	json_object_set_new(o, "activities", ids);
	return o;
}

json_t *render_json_import_summary(const struct import_summary *sum)
{
	return json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "imported", (json_int_t)sum->imported,
	                 "activities", (json_int_t)sum->activities, "duplicates",
	                 (json_int_t)sum->duplicates, "repaired", (json_int_t)sum->repaired,
	                 "skipped", (json_int_t)sum->skipped, "failed", (json_int_t)sum->failed);
}
