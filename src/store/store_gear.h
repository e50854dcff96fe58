/*
 * store_gear.h: gear in the store, with its distance summed from the
 * activities that name it.
 */
#ifndef KNEAD_STORE_GEAR_H
#define KNEAD_STORE_GEAR_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "core/gear.h"
#include "store/store.h"

/* Store new gear (validated by the caller) and set g->id. A name already
 * used by this athlete (in any letter case) is ERR_CONFLICT. */
enum err_code store_gear_add(struct store *s, struct gear *g, struct err *err);

/* Replace the stored gear g->id with g (name, kind, dates, limit, note). */
enum err_code store_gear_update(struct store *s, const struct gear *g, struct err *err);

/* Append athlete_id's gear to out, in use first then retired, each oldest
 * first, with distance, activity count and last use filled in. */
enum err_code store_gear_list(struct store *s, int64_t athlete_id, struct gear_list *out,
                              struct err *err);

/* Find one piece of gear by id ("3"), name in any letter case, or a unique
 * prefix of a name, into *out (initialised here; the caller releases it).
 * Unknown is ERR_NOT_FOUND and ambiguous ERR_INPUT, each listing names. */
enum err_code store_gear_find(struct store *s, int64_t athlete_id, const char *key,
                              struct gear *out, struct err *err);

#endif
