/*
 * training.h: the training side of the store, computed: every activity's
 * load, and the fitness table built from them.
 *
 * Loads are stored on the activities (with the method that found them)
 * so that reading fitness costs one query. They go stale when the profile
 * changes what they are computed from (maximum and resting heart rate,
 * sex, threshold pace) and are missing on an activity just logged,
 * edited or imported; training_refresh_loads puts that right, inside the
 * caller's transaction. Imports compute them on the way in, from the
 * samples already in memory, through a training_sink.
 */
#ifndef KNEAD_TRAINING_H
#define KNEAD_TRAINING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/load.h"
#include "analysis/pmc.h"
#include "base/err.h"
#include "core/athlete.h"
#include "core/recording.h"
#include "store/store.h"
#include "store/store_recording.h"

enum training_refresh {
	TRAINING_MISSING, /* only activities without a load */
	TRAINING_ALL,     /* every activity: the profile changed */
};

/* Compute and store the load of profile's activities that need one
 * (which), reading the samples of imported ones. *n_done (may be NULL)
 * gets the number updated. Run inside the caller's transaction. */
enum err_code training_refresh_loads(struct store *s, const struct athlete *profile,
                                     enum training_refresh which, size_t *n_done, struct err *err);

/* Whether a profile change from before to after changes loads. */
bool training_profile_changes_loads(const struct athlete *before, const struct athlete *after);

/* A recording sink that computes each activity's load from its samples
 * before the store keeps it; otherwise it is the store's sink. Set it up
 * with training_sink_init and pass &ts.sink to the importer. */
struct training_sink {
	struct recording_sink sink;  /* what the importer calls */
	struct store_sink inner;     /* where files go */
	struct load_profile profile; /* what loads are computed from */
};
void training_sink_init(struct training_sink *ts, struct store *s, const struct athlete *profile);

/* The fitness table: one row per day from `from` to `to` (inclusive),
 * computed from every stored load since the first activity so that
 * fitness on `from` carries the history before it. from DATE_NONE means
 * the first activity's day. *days is allocated here (the caller frees
 * it) with *n rows; no activities and from DATE_NONE give 0 rows. */
enum err_code training_fitness(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                               struct pmc_day **days, size_t *n, struct err *err);

#endif
