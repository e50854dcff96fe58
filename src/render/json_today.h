/*
 * json_today.h: the advisor's day as JSON, the one shape both faces give
 * (`knead --json today` and GET /api/v1/today); see json.h for the
 * conventions.
 */
#ifndef KNEAD_RENDER_JSON_TODAY_H
#define KNEAD_RENDER_JSON_TODAY_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "advice/context.h"
#include "advice/massage.h"
#include "advice/today.h"

/* Days ahead that the day shows the massage planner's next massages for:
 * the week, so a booking can still be made. */
#define RENDER_TODAY_MASSAGE_DAYS 7

/* Whether the planner's item i is one of the week's from day to show. */
bool render_today_massage_shown(const struct massage_plan *mp, size_t i, int32_t day);

/* date, plan, workout, readiness {level, tsb, ctl, acwr, acwr_settled,
 * reasons, injuries, sore, last_race, days_since_race}, massage [the
 * week's], advice [render_json_advice]. A new reference. */
json_t *render_json_today(const struct advice_context *ctx, const struct today *t,
                          const struct massage_plan *mp);

#endif
