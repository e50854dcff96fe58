/*
 * json_advice.h: the advisor's rules and advice as JSON (see json.h for
 * the conventions: stable snake_case keys, SI units, dates as
 * "YYYY-MM-DD", every key always present).
 */
#ifndef KNEAD_RENDER_JSON_ADVICE_H
#define KNEAD_RENDER_JSON_ADVICE_H

#include <jansson.h>

#include "advice/advice.h"
#include "advice/rules.h"

/* rule, kind ("advice" | "warning"), from, to (dates), text, reason,
 * source, facts [strings]. */
json_t *render_json_advice(const struct advice *a);

/* An array of render_json_advice, in the list's order. */
json_t *render_json_advice_list(const struct advice_list *list);

/* id, title, reason, source, enabled, params {key: value}. */
json_t *render_json_rule(const struct rule *r);

#endif
