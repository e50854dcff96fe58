/*
 * json_recovery.h: recovery session listings and what has helped, as
 * JSON (see json.h for the conventions: stable snake_case keys, SI units,
 * null for unknown, every key always present). Each function returns a
 * new reference the caller owns.
 */
#ifndef KNEAD_RENDER_JSON_RECOVERY_H
#define KNEAD_RENDER_JSON_RECOVERY_H

#include <jansson.h>
#include <stddef.h>

#include "analysis/effects.h"
#include "analysis/spend.h"
#include "core/race.h"
#include "core/recovery.h"
#include "core/region.h"

/* The listing of `knead --json recover --list`: {sessions:
 * [render_json_recovery]} of the sessions list->items[shown[0..n-1]],
 * each with its cost costs[k] (one per list item). */
json_t *render_json_session_list(const struct recovery_list *list, const struct session_cost *costs,
                                 const size_t *shown, size_t n);

/* `knead --json effects`: date, window_days, min_cases, interval,
 * resamples, effects [{modality, region (null for the whole body),
 * region_name, baseline_min, baseline_max, with, without, difference
 * ({n, mean, lo, hi}), enough, verdict}], races {recovered_level,
 * massage_days, cases [{race_id, name, date, distance_m, massage, days,
 * recovered}], unknown, with, without, difference, enough, verdict}.
 * races is the list the report's race indices point into; cat names the
 * regions (NULL: their codes). */
json_t *render_json_effects(const struct region_catalog *cat, const struct effects_report *r,
                            const struct race_list *races);

/* "calf", or "whole body" for a region code "" (sessions that named no
 * region), appended to sb. */
void render_effects_region(struct strbuf *sb, const struct region_catalog *cat, const char *code);

#endif
