/*
 * store_activity.h: activities in the store.
 *
 * An activity's load and its method are stored with it (NULL until
 * computed: NAN and ""). Add and update write them as the activity holds
 * them, so a caller that changes what a load depends on stores NAN and
 * lets advice/training.h compute it again.
 */
#ifndef KNEAD_STORE_ACTIVITY_H
#define KNEAD_STORE_ACTIVITY_H

#include <stdbool.h>
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
	bool missing_load;  /* only activities without a load */
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

/* Set the load of activity id (and its method's name, "hr-avg") without
 * rewriting the rest of it. ERR_NOT_FOUND if there is no such activity. */
enum err_code store_activity_set_load(struct store *s, int64_t athlete_id, int64_t id, double load,
                                      const char *method, struct err *err);

/* How many of athlete_id's activities have no load yet. */
enum err_code store_activity_count_missing_load(struct store *s, int64_t athlete_id, size_t *n,
                                                struct err *err);

/* The local days of athlete_id's first and last activity; both DATE_NONE
 * when there is none. */
enum err_code store_activity_span(struct store *s, int64_t athlete_id, int32_t *first,
                                  int32_t *last, struct err *err);

/* The sum of the loads of athlete_id's activities on each day from `from`
 * to `to` (inclusive, from <= to): loads[i] for day from + i, 0 for a day
 * without activities. loads holds to - from + 1 values (caller-owned).
 * Activities without a load count 0. */
enum err_code store_activity_daily_loads(struct store *s, int64_t athlete_id, int32_t from,
                                         int32_t to, double *loads, struct err *err);

#endif
