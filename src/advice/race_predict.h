/*
 * race_predict.h: the race predictions of `knead predict`, shared by the
 * command line and the web (GET /api/v1/predict, the Training page).
 *
 * The best efforts of the weeks before today (races run, whole runs and
 * the fastest stretches of recorded runs at standard distances:
 * analysis/efforts.h) and what Riegel and VDOT make of them for each
 * target distance (analysis/predict.h).
 */
#ifndef KNEAD_ADVICE_RACE_PREDICT_H
#define KNEAD_ADVICE_RACE_PREDICT_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/efforts.h"
#include "analysis/predict.h"
#include "base/err.h"
#include "store/store.h"

/* How far back efforts are looked for by default: twelve weeks is one
 * training block, long enough to hold a race or a hard session at most
 * distances, short enough that the fitness it shows is still the
 * runner's. */
#define RACE_PREDICT_DEFAULT_WEEKS 12
#define RACE_PREDICT_MAX_WEEKS     520

/* The distances predicted when none is asked for: 5k, 10k, half, marathon. */
#define RACE_PREDICT_DEFAULT_TARGETS 4

/* An activity whose samples could not be read: only its totals counted. */
struct race_predict_skip {
	int64_t activity_id;
	char *message; /* why (owned) */
};

struct race_prediction {
	int weeks;               /* looked back */
	int32_t from, to;        /* the days searched */
	struct effort_list best; /* the efforts used, best first per distance */
	size_t n_targets;        /* 1, or RACE_PREDICT_DEFAULT_TARGETS */
	const char *names[RACE_PREDICT_DEFAULT_TARGETS]; /* as typed or the standard name
	                                                    (borrowed) */
	double targets[RACE_PREDICT_DEFAULT_TARGETS];    /* metres */
	struct predict_result res[RACE_PREDICT_DEFAULT_TARGETS];
	struct predict_estimate *est;      /* n_targets * best.n_efforts, target-major (owned) */
	struct race_predict_skip *skipped; /* n_skipped (owned) */
	size_t n_skipped;
};

/* Predict for athlete_id, from the efforts of the `weeks` weeks up to
 * today, the distance name (borrowed; distance_m metres) or, with name
 * NULL, the default distances, into *out (the caller releases it, also on
 * failure). No efforts is not an error: out->best is then empty. */
enum err_code race_predict_make(struct store *s, int64_t athlete_id, int32_t today, int weeks,
                                const char *name, double distance_m, struct race_prediction *out,
                                struct err *err);

void race_prediction_release(struct race_prediction *p);

#endif
