/*
 * json_advice.h: the advisor's rules and advice as JSON (see json.h for
 * the conventions: stable snake_case keys, SI units, dates as
 * "YYYY-MM-DD", every key always present).
 */
#ifndef KNEAD_RENDER_JSON_ADVICE_H
#define KNEAD_RENDER_JSON_ADVICE_H

#include <jansson.h>

#include "advice/advice.h"
#include "advice/massage.h"
#include "advice/rules.h"

/* rule, kind ("advice" | "warning"), from, to (dates), text, reason,
 * source, facts [strings]. */
json_t *render_json_advice(const struct advice *a);

/* An array of render_json_advice, in the list's order. */
json_t *render_json_advice_list(const struct advice_list *list);

/* id, title, reason, source, enabled, params {key: value}. */
json_t *render_json_rule(const struct rule *r);

/* One suggestion of a massage plan, `knead --json advise massage`'s
 * suggestions[i]: render_json_advice of its line, and date, modality,
 * self_massage, status ("booked" | "suggested"), appointment_id, provider
 * {id, name} or null, cost_cents (null if unknown), membership,
 * type_rule, instead_of {rule, modality} or null. booked_ids (NULL, or
 * one per plan item: the appointment just made of it, 0 for none) marks
 * suggestions booked by this request. */
json_t *render_json_massage_item(const struct massage_plan *plan, size_t i,
                                 const int64_t *booked_ids);

/* The whole plan as `knead --json advise massage` gives it: date (the day
 * planned from), from, to, weeks, currency, budget_cents, suggestions,
 * advice, months [{month, start, budget_cents, spent_cents,
 * suggested_cents, left_cents}], booked (the ids of booked_ids). */
json_t *render_json_massage_plan(const struct massage_plan *plan, int weeks, int32_t day,
                                 const int64_t *booked_ids);

#endif
