/*
 * json_body.c: body and recovery records as JSON (see json_body.h).
 */
#include "render/json_body.h"

#include <math.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "base/tz.h"
#include "render/json.h"

static json_t *string_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *level(int v)
{
	return v >= 0 ? json_integer(v) : json_null();
}

static json_t *cents(int64_t v)
{
	return v >= 0 ? json_integer(v) : json_null();
}

json_t *render_json_region(const struct region_catalog *cat, const struct region *r)
{
	json_t *aliases = json_array();

	for (size_t i = 0; i < r->n_aliases; i++) {
		json_array_append_new(aliases, json_string(r->aliases[i]));
	}
	return json_pack(
	        "{s:s, s:s, s:o, s:b, s:i, s:o, s:o}", "code", r->code, "name", r->name, "parent",
	        r->parent >= 0 ? json_string(cat->regions[r->parent].code) : json_null(), "sided",
	        r->sided, "depth", r->depth, "aliases", aliases, "about", string_or_null(r->about));
}

json_t *render_json_checkin(const struct checkin *c)
{
	return json_pack("{s:I, s:o, s:s, s:o, s:o, s:o, s:o, s:o}", "id", (json_int_t)c->id,
	                 "date", render_json_date(c->day), "region", c->region, "side",
	                 string_or_null(side_name(c->side)), "soreness",
	                 level(c->level[MEASURE_SORENESS]), "tightness",
	                 level(c->level[MEASURE_TIGHTNESS]), "pain", level(c->level[MEASURE_PAIN]),
	                 "note", string_or_null(c->note));
}

json_t *render_json_checkins(const struct checkin_list *list)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < list->n; i++) {
		json_array_append_new(arr, render_json_checkin(&list->items[i]));
	}
	return json_pack("{s:o}", "checkins", arr);
}

json_t *render_json_body_state(const struct body_state *st, const struct checkin_list *recent)
{
	json_t *o = json_object(), *spots = json_array();

	for (size_t i = 0; i < st->n; i++) {
		const struct body_spot *s = &st->spots[i];

		json_array_append_new(spots, json_pack("{s:s, s:o, s:f, s:s, s:i, s:o}", "region",
		                                       s->region, "side",
		                                       string_or_null(side_name(s->side)), "level",
		                                       round(s->level * 10) / 10, "measure",
		                                       measure_name(s->measure), "raw", s->raw,
		                                       "date", render_json_date(s->day)));
	}
	json_object_set_new(o, "date", render_json_date(st->today));
	json_object_set_new(o, "window_days", json_integer(st->window));
	json_object_set_new(o, "regions", spots);
	json_object_update_new(o, render_json_checkins(recent));
	return o;
}

json_t *render_json_wellness(const struct wellness *w)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(w->id));
	json_object_set_new(o, "date", render_json_date(w->day));
	json_object_set_new(o, "sleep_s", render_json_number(w->sleep_s));
	json_object_set_new(o, "fatigue", level(w->fatigue));
	json_object_set_new(o, "stress", level(w->stress));
	json_object_set_new(o, "mood", level(w->mood));
	json_object_set_new(o, "rest_hr", w->rest_hr > 0 ? json_integer(w->rest_hr) : json_null());
	json_object_set_new(o, "hrv_ms", render_json_number(w->hrv_ms));
	json_object_set_new(o, "weight_kg", render_json_number(w->weight_kg));
	json_object_set_new(o, "note", string_or_null(w->note));
	return o;
}

json_t *render_json_injury(const struct injury *inj)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(inj->id));
	json_object_set_new(o, "region", json_string(inj->region));
	json_object_set_new(o, "side", string_or_null(side_name(inj->side)));
	json_object_set_new(o, "onset", render_json_date(inj->onset));
	json_object_set_new(o, "resolved", render_json_date(inj->resolved));
	json_object_set_new(o, "status", json_string(injury_status_name(inj->status)));
	json_object_set_new(o, "cause", string_or_null(inj->cause));
	json_object_set_new(o, "diagnosis", string_or_null(inj->diagnosis));
	json_object_set_new(o, "note", string_or_null(inj->note));
	return o;
}

static json_t *point(const struct trend_point *p)
{
	if (p->day == DATE_NONE) {
		return json_null();
	}
	return json_pack("{s:o, s:i}", "date", render_json_date(p->day), "level", p->value);
}

json_t *render_json_injury_course(const struct injury *inj, const struct injury_course *course,
                                  const struct checkin_list *checkins,
                                  const struct recovery_list *sessions)
{
	json_t *o = render_json_injury(inj), *cs = json_array(), *ss = json_array();
	const struct trend *t = &course->trend;

	for (size_t i = 0; i < course->n_checkins; i++) {
		json_array_append_new(cs,
		                      render_json_checkin(&checkins->items[course->checkins[i]]));
	}
	for (size_t i = 0; i < course->n_sessions; i++) {
		json_array_append_new(ss, json_integer(sessions->items[course->sessions[i]].id));
	}
	json_object_set_new(
	        o, "course",
	        json_pack(
	                "{s:s, s:i, s:o, s:{s:I, s:o, s:o, s:o, s:o, s:s}, s:o, s:o}", "measure",
	                measure_name(course->measure), "days", course->days, "end",
	                render_json_date(course->end), "trend", "days", (json_int_t)t->n_days,
	                "first", point(&t->first), "last", point(&t->last), "worst",
	                point(&t->worst), "slope_per_week",
	                isnan(t->slope_per_week) ? json_null()
	                                         : json_real(round(t->slope_per_week * 100) / 100),
	                "verdict", trend_verdict_name(t->verdict), "checkins", cs, "sessions", ss));
	return o;
}

json_t *render_json_injuries(const struct region_catalog *cat, const struct injury_list *list,
                             const struct checkin_list *checkins,
                             const struct recovery_list *sessions, int32_t today)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < list->n; i++) {
		struct injury_course c;

		injury_course(cat, &list->items[i], checkins, sessions, today, &c);
		json_array_append_new(
		        arr, render_json_injury_course(&list->items[i], &c, checkins, sessions));
		injury_course_release(&c);
	}
	return json_pack("{s:o}", "injuries", arr);
}

json_t *render_json_recovery(const struct recovery *r, const struct session_cost *cost)
{
	json_t *o = json_object(), *regions = json_array();
	struct strbuf when = STRBUF_INIT;

	for (size_t i = 0; i < r->n_regions; i++) {
		const struct recovery_region *rr = &r->regions[i];

		json_array_append_new(
		        regions, json_pack("{s:s, s:o, s:o, s:o}", "region", rr->region, "side",
		                           string_or_null(side_name(rr->side)), "finding",
		                           string_or_null(finding_name(rr->finding)), "severity",
		                           rr->finding != FINDING_NONE ? json_integer(rr->severity)
		                                                       : json_null()));
	}
	json_object_set_new(o, "id", json_integer(r->id));
	json_object_set_new(o, "modality", json_string(modality_name(r->modality)));
	json_object_set_new(o, "date", render_json_date(r->day));
	if (r->start_utc != INT64_MIN) {
		tz_add_rfc3339(&when, r->start_utc, r->utc_offset_s);
		json_object_set_new(o, "start", json_string(when.buf));
		strbuf_release(&when);
	} else {
		json_object_set_new(o, "start", json_null());
	}
	json_object_set_new(o, "duration_s", render_json_number(r->duration_s));
	json_object_set_new(o, "provider", string_or_null(r->provider_name));
	json_object_set_new(o, "provider_id",
	                    r->provider_id ? json_integer(r->provider_id) : json_null());
	json_object_set_new(o, "pain", level(r->pain));
	json_object_set_new(o, "relief", level(r->relief));
	json_object_set_new(o, "note", string_or_null(r->note));
	json_object_set_new(o, "regions", regions);
	if (cost && cost->basis != COST_FREE) {
		json_object_set_new(
		        o, "cost",
		        json_pack("{s:s, s:I, s:I, s:s}", "basis", cost_basis_name(cost->basis),
		                  "cash_cents", (json_int_t)cost->cash_cents, "share_cents",
		                  (json_int_t)cost->share_cents, "currency", cost->currency));
	} else {
		json_object_set_new(o, "cost", json_null());
	}
	return o;
}

json_t *render_json_provider(const struct provider *p)
{
	json_t *o = json_object(), *ms = json_array();

	for (size_t i = 0; i < p->n_memberships; i++) {
		const struct membership *m = &p->memberships[i];

		json_array_append_new(ms, json_pack("{s:I, s:s, s:i, s:o, s:o}", "fee_cents",
		                                    (json_int_t)m->fee_cents, "currency",
		                                    m->currency, "sessions", m->sessions, "since",
		                                    render_json_date(m->since), "until",
		                                    render_json_date(m->until)));
	}
	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "name", json_string(p->name));
	json_object_set_new(o, "kind", json_string(provider_kind_name(p->kind)));
	json_object_set_new(o, "price_cents", cents(p->price_cents));
	json_object_set_new(o, "currency", string_or_null(p->currency));
	json_object_set_new(o, "note", string_or_null(p->note));
	json_object_set_new(o, "memberships", ms);
	return o;
}

json_t *render_json_spend(const struct spend_report *r)
{
	json_t *o = json_object(), *months = json_array(), *mods = json_array(),
	       *mems = json_array();

	for (size_t i = 0; i < r->n_months; i++) {
		char day[DATE_ISO_LEN];

		date_format(r->months[i].start, day);
		day[7] = '\0';
		json_array_append_new(months, json_pack("{s:s, s:I, s:i}", "month", day, "cents",
		                                        (json_int_t)r->months[i].cents, "sessions",
		                                        r->months[i].sessions));
	}
	for (size_t i = 0; i < r->n_modalities; i++) {
		const struct spend_modality *m = &r->modalities[i];

		json_array_append_new(mods,
		                      json_pack("{s:s, s:i, s:i, s:I, s:I, s:o}", "modality",
		                                modality_name(m->modality), "sessions", m->sessions,
		                                "costed", m->costed, "cash_cents",
		                                (json_int_t)m->cash_cents, "share_cents",
		                                (json_int_t)m->share_cents, "per_session_cents",
		                                m->costed ? json_integer(m->share_cents / m->costed)
		                                          : json_null()));
	}
	for (size_t i = 0; i < r->n_memberships; i++) {
		const struct spend_membership *m = &r->memberships[i];
		bool known = m->pay_per_visit_cents >= 0;

		json_array_append_new(
		        mems,
		        json_pack("{s:s, s:I, s:i, s:o, s:i, s:I, s:i, s:i, s:o, s:o, s:o}",
		                  "provider", m->provider->name, "fee_cents",
		                  (json_int_t)m->m->fee_cents, "sessions", m->m->sessions, "since",
		                  render_json_date(m->m->since), "periods", m->periods,
		                  "fees_cents", (json_int_t)m->fees_cents, "used", m->used, "extra",
		                  m->extra, "pay_per_visit_cents", cents(m->pay_per_visit_cents),
		                  "saved_cents", known ? json_integer(m->saved_cents) : json_null(),
		                  "paid_off",
		                  known ? json_boolean(m->saved_cents >= 0) : json_null()));
	}
	json_object_set_new(o, "currency", json_string(r->currency));
	json_object_set_new(o, "from", render_json_date(r->from));
	json_object_set_new(o, "to", render_json_date(r->to));
	json_object_set_new(o, "total_cents", json_integer(r->total_cents));
	json_object_set_new(o, "session_cents", json_integer(r->session_cents));
	json_object_set_new(o, "fee_cents", json_integer(r->fee_cents));
	json_object_set_new(o, "sessions", json_integer(r->sessions));
	json_object_set_new(o, "costed", json_integer(r->costed));
	json_object_set_new(o, "per_session_cents", cents(r->per_session_cents));
	json_object_set_new(o, "by_month", months);
	json_object_set_new(o, "by_modality", mods);
	json_object_set_new(o, "memberships", mems);
	json_object_set_new(o, "other_currency", json_integer(r->other_currency));
	return o;
}
