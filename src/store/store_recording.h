/*
 * store_recording.h: imported files in the store: the file (its hash,
 * device and counts), its activities, their laps and their samples.
 */
#ifndef KNEAD_STORE_RECORDING_H
#define KNEAD_STORE_RECORDING_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "core/recording.h"
#include "store/store.h"

/* Whether athlete_id already has a file with this SHA-256 (hex). */
enum err_code store_source_seen(struct store *s, int64_t athlete_id, const char *sha256, bool *seen,
                                struct err *err);

/* Keep rec for athlete_id, inside the caller's transaction: a source row
 * for the file, each activity (validated by the caller) pointing at it
 * with its laps and its samples, and the gear rec->gear names (found by
 * name in any letter case, or added: shoes for foot sports, a bike for
 * cycling, else other). Sets each activity's id, athlete and source.
 * A file already kept (same hash) is ERR_CONFLICT. */
enum err_code store_recording_add(struct store *s, int64_t athlete_id, struct recording *rec,
                                  struct err *err);

/* Read activity id of athlete_id with its laps and samples into out
 * (recorded_init'ed here; the caller releases it). ERR_NOT_FOUND if there
 * is no such activity; damaged samples are ERR_FORMAT. */
enum err_code store_recorded_get(struct store *s, int64_t athlete_id, int64_t id,
                                 struct recorded *out, struct err *err);

/* A struct recording_sink (core/recording.h) that keeps each file in its
 * own transaction in a store: set it up with store_sink_init and pass
 * &sink.sink to the importer. */
struct store_sink {
	struct recording_sink sink; /* what the importer calls */
	struct store *store;        /* where files go (borrowed) */
	int64_t athlete_id;         /* whose they are */
};

void store_sink_init(struct store_sink *ss, struct store *s, int64_t athlete_id);

#endif
