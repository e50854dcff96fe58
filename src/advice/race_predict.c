/*
 * race_predict.c: `knead predict`'s efforts and predictions (see
 * race_predict.h).
 */
#include "advice/race_predict.h"

#include <stdlib.h>
#include <string.h>

#include "base/parse.h"
#include "base/xalloc.h"
#include "store/store_activity.h"
#include "store/store_race.h"
#include "store/store_recording.h"

static const struct {
	const char *name;
	double distance_m;
} default_targets[RACE_PREDICT_DEFAULT_TARGETS] = {
	{ "5k", 5000.0 },
	{ "10k", 10000.0 },
	{ "half", PARSE_HALF_MARATHON_M },
	{ "marathon", PARSE_MARATHON_M },
};

static void add_skip(struct race_prediction *p, int64_t id, const char *message)
{
	p->skipped = xreallocarray(p->skipped, p->n_skipped + 1, sizeof(*p->skipped));
	p->skipped[p->n_skipped].activity_id = id;
	p->skipped[p->n_skipped].message = xstrdup(message);
	p->n_skipped++;
}

/* Offer every race and activity of [from, to] to search, with the samples
 * of the recorded activities that can hold efforts. */
static enum err_code gather_efforts(struct store *s, int64_t athlete_id, struct race_prediction *p,
                                    struct effort_search *search, struct err *err)
{
	struct race_list races = RACE_LIST_INIT;
	struct activity_list acts = ACTIVITY_LIST_INIT;
	struct activity_query q;
	enum err_code rc;

	activity_query_init(&q, athlete_id);
	q.from = p->from;
	q.to = p->to;
	rc = store_race_list(s, athlete_id, p->from, p->to, &races, err);
	if (!rc) {
		rc = store_activity_list(s, &q, &acts, err);
	}
	for (size_t i = 0; !rc && i < races.n_races; i++) {
		efforts_add_race(search, &races.races[i]);
	}
	for (size_t i = 0; !rc && i < acts.n_activities; i++) {
		const struct activity *a = &acts.activities[i];
		struct recorded rec;

		if (!efforts_activity_counts(a) || a->source == SOURCE_MANUAL) {
			efforts_add_activity(search, a, NULL);
			continue;
		}
		/* one run's samples at a time: a season of them is large */
		recorded_init(&rec);
		rc = store_recorded_get(s, athlete_id, a->id, &rec, err);
		if (rc == ERR_FORMAT) {
			add_skip(p, a->id, err->msg);
			err_clear(err);
			rc = ERR_OK;
			efforts_add_activity(search, a, NULL);
		} else if (!rc) {
			efforts_add_activity(search, a, &rec.samples);
		}
		recorded_release(&rec);
	}
	activity_list_release(&acts);
	race_list_release(&races);
	return rc;
}

enum err_code race_predict_make(struct store *s, int64_t athlete_id, int32_t today, int weeks,
                                const char *name, double distance_m, struct race_prediction *out,
                                struct err *err)
{
	struct effort_search search;
	struct predict_effort *arr;
	enum err_code rc;

	memset(out, 0, sizeof(*out));
	out->weeks = weeks;
	out->from = today - 7 * weeks + 1;
	out->to = today;
	if (name) {
		out->n_targets = 1;
		out->names[0] = name;
		out->targets[0] = distance_m;
	} else {
		out->n_targets = RACE_PREDICT_DEFAULT_TARGETS;
		for (size_t k = 0; k < RACE_PREDICT_DEFAULT_TARGETS; k++) {
			out->names[k] = default_targets[k].name;
			out->targets[k] = default_targets[k].distance_m;
		}
	}
	effort_search_init(&search);
	rc = gather_efforts(s, athlete_id, out, &search, err);
	if (!rc) {
		efforts_pick(&search, &out->best);
	}
	effort_search_release(&search);
	if (rc || out->best.n_efforts == 0) {
		return rc;
	}
	arr = xreallocarray(NULL, out->best.n_efforts, sizeof(*arr));
	out->est = xreallocarray(NULL, out->best.n_efforts * out->n_targets, sizeof(*out->est));
	efforts_predict_array(&out->best, arr);
	for (size_t k = 0; k < out->n_targets; k++) {
		predict_from_efforts(arr, out->best.n_efforts, out->targets[k],
		                     out->est + k * out->best.n_efforts, &out->res[k]);
	}
	free(arr);
	return ERR_OK;
}

void race_prediction_release(struct race_prediction *p)
{
	for (size_t i = 0; i < p->n_skipped; i++) {
		free(p->skipped[i].message);
	}
	free(p->skipped);
	free(p->est);
	effort_list_release(&p->best);
	memset(p, 0, sizeof(*p));
}
