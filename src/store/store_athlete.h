/*
 * store_athlete.h: the athlete profile in the store.
 */
#ifndef KNEAD_STORE_ATHLETE_H
#define KNEAD_STORE_ATHLETE_H

#include <stdint.h>

#include "base/err.h"
#include "core/athlete.h"
#include "store/store.h"

/* Read athlete id into *out (initialised by this function; the caller
 * releases it with athlete_release). ERR_NOT_FOUND if there is none. */
enum err_code store_athlete_get(struct store *s, int64_t id, struct athlete *out, struct err *err);

/* Create athlete id with an empty profile unless it exists. */
enum err_code store_athlete_ensure(struct store *s, int64_t id, struct err *err);

/* Create or replace the profile a (a->id names it). */
enum err_code store_athlete_put(struct store *s, const struct athlete *a, struct err *err);

#endif
