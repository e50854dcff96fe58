/*
 * store_activity.h: activities in the store.
 */
#ifndef KNEAD_STORE_ACTIVITY_H
#define KNEAD_STORE_ACTIVITY_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/activity.h"
#include "store/store.h"

/* Which activities store_activity_list returns. */
struct activity_query {
	int64_t athlete_id; /* whose */
	int32_t from;       /* first local day, DATE_NONE for no lower bound */
	int32_t to;         /* last local day (inclusive), DATE_NONE for no upper bound */
	unsigned sports;    /* bit (1u << sport) for each wanted sport; 0 for all */
	int64_t gear_id;    /* only activities with this gear; 0 for any */
	size_t last;        /* only the latest this many; 0 for all */
};

/* A query for all of athlete_id's activities. */
void activity_query_init(struct activity_query *q, int64_t athlete_id);

/* Store a new activity (validated by the caller) and set a->id. A gear_id
 * of another athlete, or a source_sha256 already stored, is ERR_CONFLICT. */
enum err_code store_activity_add(struct store *s, struct activity *a, struct err *err);

/* Replace the stored activity a->id with a. ERR_NOT_FOUND if it is gone. */
enum err_code store_activity_update(struct store *s, const struct activity *a, struct err *err);

/* Read activity id of athlete_id into *out (initialised here; the caller
 * releases it). ERR_NOT_FOUND, naming the id, if there is none. */
enum err_code store_activity_get(struct store *s, int64_t athlete_id, int64_t id,
                                 struct activity *out, struct err *err);

/* Delete activity id. ERR_NOT_FOUND if there is none. */
enum err_code store_activity_remove(struct store *s, int64_t athlete_id, int64_t id,
                                    struct err *err);

/* Append the activities matching q to out, oldest first (by local day,
 * then start time with untimed ones last, then id). */
enum err_code store_activity_list(struct store *s, const struct activity_query *q,
                                  struct activity_list *out, struct err *err);

#endif
