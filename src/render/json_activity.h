/*
 * json_activity.h: the log's listings as JSON, for `knead --json list`
 * and `knead --json show` and for /api/v1/activities and
 * /api/v1/activity, which answer the same shapes.
 */
#ifndef KNEAD_RENDER_JSON_ACTIVITY_H
#define KNEAD_RENDER_JSON_ACTIVITY_H

#include <jansson.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/recording.h"

/* {"activities": [activity...] (render_json_activity, diary order),
 *  "totals": render_json_summary of them}. New reference. */
json_t *render_json_activity_list(const struct activity_list *list);

/* One activity in full: render_json_recorded plus "race_id", the race
 * it was (null for none). New reference. */
json_t *render_json_activity_show(const struct recorded *r, int64_t race_id);

#endif
