/*
 * store_race.h: races in the store.
 */
#ifndef KNEAD_STORE_RACE_H
#define KNEAD_STORE_RACE_H

#include <stdint.h>

#include "base/err.h"
#include "core/race.h"
#include "store/store.h"

/* Store a new race (validated by the caller) and set r->id. An
 * activity_id that is not one of the athlete's activities is
 * ERR_CONFLICT. */
enum err_code store_race_add(struct store *s, struct race *r, struct err *err);

/* Replace the stored race r->id with r. ERR_NOT_FOUND if it is gone. */
enum err_code store_race_update(struct store *s, const struct race *r, struct err *err);

/* Append athlete_id's races with a day in [from, to] (DATE_NONE for an
 * open end) to out, by day then id. */
enum err_code store_race_list(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                              struct race_list *out, struct err *err);

/* Find one race by id ("3"), name in any letter case, or a unique prefix
 * of a name, into *out (initialised here; the caller releases it).
 * Unknown is ERR_NOT_FOUND and ambiguous ERR_INPUT, each listing names. */
enum err_code store_race_find(struct store *s, int64_t athlete_id, const char *key,
                              struct race *out, struct err *err);

#endif
