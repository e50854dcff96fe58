/*
 * json_load.h: training load, fitness and heart-rate zones as JSON (see
 * json.h for the conventions: stable snake_case keys, SI units, null for
 * unknown, every key always present). Each function returns a new
 * reference the caller owns.
 */
#ifndef KNEAD_RENDER_JSON_LOAD_H
#define KNEAD_RENDER_JSON_LOAD_H

#include <jansson.h>

#include "advice/load_table.h"
#include "analysis/pmc.h"
#include "analysis/volume.h"
#include "analysis/zones.h"

/* One day of the fitness table: date, load, ctl, atl, tsb, ewma_acute,
 * ewma_chronic, acwr_ewma, acwr_rolling (analysis/pmc.h says what each
 * is; tsb is the day before's ctl - atl). */
json_t *render_json_pmc_day(const struct pmc_day *d);

/* One week: week (its Monday), days (those counted, 1..7), load,
 * monotony, strain, time_s, distance_m (every sport), run_distance_m,
 * time_change, run_distance_change (fractions: 0.1 is 10 % more than the
 * week before), by_sport [{sport, count, distance_m, time_s}] for the
 * sports done that week. v may be NULL for a week without volume: the
 * volume keys are then null and by_sport empty. */
json_t *render_json_load_week(const struct pmc_week *w, const struct volume_week *v);

/* The daily table of `knead --json load`: {from, to, days: [render_json_pmc_day]}. */
json_t *render_json_load_days(int32_t from, int32_t to, const struct pmc_day *days, size_t n);

/* The weekly table of `knead --json load --weekly`: {from (the first
 * week's Monday), to, weeks: [render_json_load_week]}. */
json_t *render_json_load_weeks(const struct load_weeks *w);

/* Heart-rate zones: {"method": "karvonen", "zones": [{zone, name,
 * low_bpm, high_bpm, low_hrr, high_hrr}]}, the fractions of the
 * heart-rate reserve 0..1. NULL zones give JSON null. */
json_t *render_json_zones(const struct hr_zone *zones);

#endif
