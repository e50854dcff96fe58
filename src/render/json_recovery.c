/*
 * json_recovery.c: session listings and effects as JSON (see
 * json_recovery.h).
 */
#include "render/json_recovery.h"

#include "render/json.h"
#include "render/json_body.h"

json_t *render_json_session_list(const struct recovery_list *list, const struct session_cost *costs,
                                 const size_t *shown, size_t n)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < n; i++) {
		json_array_append_new(arr, render_json_recovery(&list->items[shown[i]],
		                                                costs ? &costs[shown[i]] : NULL));
	}
	return json_pack("{s:o}", "sessions", arr);
}

void render_effects_region(struct strbuf *sb, const struct region_catalog *cat, const char *code)
{
	const struct region *r = *code && cat ? region_by_code(cat, code) : NULL;

	strbuf_adds(sb, !*code ? "whole body" : r ? r->name : code);
}

static json_t *json_estimate(const struct effects_estimate *e)
{
	json_t *o = json_object();

	json_object_set_new(o, "n", json_integer((json_int_t)e->n));
	json_object_set_new(o, "mean", render_json_number(e->mean));
	json_object_set_new(o, "lo", render_json_number(e->lo));
	json_object_set_new(o, "hi", render_json_number(e->hi));
	return o;
}

static void set_compare(json_t *o, const struct effects_compare *c)
{
	json_object_set_new(o, "with", json_estimate(&c->with));
	json_object_set_new(o, "without", json_estimate(&c->without));
	json_object_set_new(o, "difference", json_estimate(&c->difference));
	json_object_set_new(o, "enough", json_boolean(c->enough));
	json_object_set_new(o, "verdict", json_string(effects_verdict_name(effects_verdict_of(c))));
}

json_t *render_json_effects(const struct region_catalog *cat, const struct effects_report *r,
                            const struct race_list *races)
{
	json_t *o = json_object(), *rows = json_array(), *rc = json_object(), *cases = json_array();
	struct strbuf sb = STRBUF_INIT;

	json_object_set_new(o, "date", render_json_date(r->to));
	json_object_set_new(o, "window_days", json_integer(EFFECTS_WINDOW_DAYS));
	json_object_set_new(o, "min_cases", json_integer(EFFECTS_MIN_CASES));
	json_object_set_new(o, "interval", render_json_number(EFFECTS_INTERVAL));
	json_object_set_new(o, "resamples", json_integer(EFFECTS_RESAMPLES));
	for (size_t i = 0; i < r->n_rows; i++) {
		const struct effects_row *row = &r->rows[i];
		json_t *e = json_object();

		json_object_set_new(e, "modality", json_string(modality_name(row->modality)));
		json_object_set_new(e, "region",
		                    *row->region ? json_string(row->region) : json_null());
		render_effects_region(&sb, cat, row->region);
		json_object_set_new(e, "region_name", json_string(sb.buf));
		strbuf_reset(&sb);
		json_object_set_new(e, "baseline_min",
		                    row->baseline_lo >= 0 ? json_integer(row->baseline_lo)
		                                          : json_null());
		json_object_set_new(e, "baseline_max",
		                    row->baseline_hi >= 0 ? json_integer(row->baseline_hi)
		                                          : json_null());
		set_compare(e, &row->change);
		json_array_append_new(rows, e);
	}
	json_object_set_new(o, "effects", rows);

	json_object_set_new(rc, "recovered_level", json_integer(EFFECTS_RECOVERED));
	json_object_set_new(rc, "massage_days", json_integer(EFFECTS_RACE_MASSAGE_DAYS));
	for (size_t i = 0; i < r->n_races; i++) {
		const struct effects_race *e = &r->races[i];
		const struct race *race = &races->races[e->race];
		json_t *c = json_object();

		json_object_set_new(c, "race_id", json_integer(race->id));
		json_object_set_new(c, "name", json_string(race->name));
		json_object_set_new(c, "date", render_json_date(race->date));
		json_object_set_new(c, "distance_m", render_json_number(race->distance_m));
		json_object_set_new(c, "massage", json_boolean(e->massage));
		json_object_set_new(c, "days", json_integer(e->days));
		json_object_set_new(c, "recovered", render_json_date(e->recovered));
		json_array_append_new(cases, c);
	}
	json_object_set_new(rc, "cases", cases);
	json_object_set_new(rc, "unknown", json_integer((json_int_t)r->races_unknown));
	set_compare(rc, &r->race);
	json_object_set_new(o, "races", rc);
	strbuf_release(&sb);
	return o;
}
