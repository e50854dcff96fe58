/*
 * store_body.h: regions, check-ins, wellness and injuries in the store.
 */
#ifndef KNEAD_STORE_BODY_H
#define KNEAD_STORE_BODY_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "core/body.h"
#include "core/region.h"
#include "store/store.h"

/* Make the region table agree with the catalogue: add new regions and
 * update the names, parents and sides of known ones. Regions no longer in
 * the catalogue stay, since rows may name them. Call inside the write
 * transaction that names a region. */
enum err_code store_regions_sync(struct store *s, const struct region_catalog *cat,
                                 struct err *err);

/* Record c (validated). If the athlete has a check-in for that day, region
 * and side, the levels c gives replace its levels and the others stay (a
 * note replaces the note); *merged says so. Afterwards c holds the stored
 * check-in, id included. */
enum err_code store_checkin_put(struct store *s, struct checkin *c, bool *merged, struct err *err);

/* Append the athlete's check-ins from from to to (inclusive; DATE_NONE for
 * open ends) to out, by day, then region and side. */
enum err_code store_checkin_list(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                                 struct checkin_list *out, struct err *err);

/* Record w (validated), completing the day's entry if there is one (as
 * wellness_merge); *merged says so. Afterwards w holds the stored row. */
enum err_code store_wellness_put(struct store *s, struct wellness *w, bool *merged,
                                 struct err *err);

/* Append the athlete's wellness days from from to to (inclusive;
 * DATE_NONE for open ends) to out, oldest first. */
enum err_code store_wellness_list(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                                  struct wellness_list *out, struct err *err);

/* Store a new injury (validated) and set inj->id. */
enum err_code store_injury_add(struct store *s, struct injury *inj, struct err *err);

/* Replace the stored injury inj->id with inj. */
enum err_code store_injury_update(struct store *s, const struct injury *inj, struct err *err);

/* Read injury id into *out (initialised here; the caller releases it).
 * Unknown is ERR_NOT_FOUND. */
enum err_code store_injury_get(struct store *s, int64_t athlete_id, int64_t id, struct injury *out,
                               struct err *err);

/* Append the athlete's injuries to out, the open ones first, each newest
 * onset first; with all false, only the open ones. */
enum err_code store_injury_list(struct store *s, int64_t athlete_id, bool all,
                                struct injury_list *out, struct err *err);

#endif
