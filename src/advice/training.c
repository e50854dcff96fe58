/*
 * training.c: stored loads and the fitness table (see training.h).
 */
#include "advice/training.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/xalloc.h"
#include "store/store_activity.h"

/* Compute one activity's load and store it. Imported activities have
 * their samples read, since the heart-rate trace and the altitude make
 * the best methods possible; typed ones have none. Damaged samples
 * (ERR_FORMAT) leave the activity its summary: one bad blob must not stop
 * every later log, edit or profile change, which all refresh loads. */
static enum err_code refresh_one(struct store *s, const struct activity *a,
                                 const struct load_profile *p, struct err *err)
{
	struct load_result r;

	if (a->source != SOURCE_MANUAL) {
		struct recorded rec;
		enum err_code rc = store_recorded_get(s, a->athlete_id, a->id, &rec, err);

		if (rc == ERR_FORMAT) {
			err_clear(err);
			r = load_compute(a, NULL, p);
		} else if (rc) {
			recorded_release(&rec);
			return rc;
		} else {
			r = load_compute(&rec.activity, &rec.samples, p);
		}
		recorded_release(&rec);
	} else {
		r = load_compute(a, NULL, p);
	}
	return store_activity_set_load(s, a->athlete_id, a->id, r.points,
	                               load_method_name(r.method), err);
}

enum err_code training_refresh_loads(struct store *s, const struct athlete *profile,
                                     enum training_refresh which, size_t *n_done, struct err *err)
{
	struct activity_query q;
	struct activity_list list = ACTIVITY_LIST_INIT;
	struct load_profile p;
	enum err_code rc;
	size_t done = 0;

	load_profile_from_athlete(&p, profile);
	activity_query_init(&q, profile->id);
	q.missing_load = which == TRAINING_MISSING;
	rc = store_activity_list(s, &q, &list, err);
	for (size_t i = 0; i < list.n_activities && !rc; i++) {
		rc = refresh_one(s, &list.activities[i], &p, err);
		if (!rc) {
			done++;
		}
	}
	activity_list_release(&list);
	if (n_done) {
		*n_done = rc ? 0 : done;
	}
	return rc;
}

/* NAN-aware equality of two thresholds. */
static bool same_pace(double a, double b)
{
	return isnan(a) ? isnan(b) : a == b;
}

bool training_profile_changes_loads(const struct athlete *before, const struct athlete *after)
{
	return before->max_hr != after->max_hr || before->rest_hr != after->rest_hr ||
	       before->sex != after->sex ||
	       !same_pace(before->threshold_pace_s_per_km, after->threshold_pace_s_per_km);
}

static enum err_code sink_seen(void *ctx, const char *sha256, bool *seen, struct err *err)
{
	struct training_sink *ts = ctx;

	return ts->inner.sink.seen(ts->inner.sink.ctx, sha256, seen, err);
}

/* The samples are in memory only now: once stored, reading them back
 * costs a decode per activity, which is what refresh does and import
 * need not. */
static enum err_code sink_save(void *ctx, struct recording *rec, struct err *err)
{
	struct training_sink *ts = ctx;

	for (size_t i = 0; i < rec->n_activities; i++) {
		struct recorded *r = &rec->activities[i];
		struct load_result lr = load_compute(&r->activity, &r->samples, &ts->profile);

		r->activity.load = lr.points;
		snprintf(r->activity.load_method, sizeof(r->activity.load_method), "%s",
		         load_method_name(lr.method));
	}
	return ts->inner.sink.save(ts->inner.sink.ctx, rec, err);
}

void training_sink_init(struct training_sink *ts, struct store *s, const struct athlete *profile)
{
	store_sink_init(&ts->inner, s, profile->id);
	load_profile_from_athlete(&ts->profile, profile);
	ts->sink.ctx = ts;
	ts->sink.seen = sink_seen;
	ts->sink.save = sink_save;
}

/*
 * The chart starts at the first activity with zero seeds, whatever the
 * rows asked for: before it there was no logged training, so 0 is what
 * knead knows, and starting there gives every later day its whole history.
 * A `to` of DATE_NONE means the last activity's day.
 */
enum err_code training_fitness(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                               struct pmc_day **days, size_t *n, struct err *err)
{
	int32_t first, last, start;
	double *loads;
	struct pmc_day *all;
	size_t n_all, skip;
	enum err_code rc;

	*days = NULL;
	*n = 0;
	rc = store_activity_span(s, athlete_id, &first, &last, err);
	if (rc) {
		return rc;
	}
	if (from == DATE_NONE) {
		from = first;
	}
	if (to == DATE_NONE) {
		to = last != DATE_NONE && last > from ? last : from;
	}
	if (from == DATE_NONE || to < from) {
		return ERR_OK;
	}
	start = first != DATE_NONE && first < from ? first : from;
	n_all = (size_t)(to - start) + 1;
	loads = xreallocarray(NULL, n_all, sizeof(*loads));
	rc = store_activity_daily_loads(s, athlete_id, start, to, loads, err);
	if (rc) {
		free(loads);
		return rc;
	}
	for (size_t i = 0; i < n_all; i++) {
		/* pmc_compute takes only real loads; a damaged row must not abort */
		if (!isfinite(loads[i]) || loads[i] < 0) {
			loads[i] = 0;
		}
	}
	all = xreallocarray(NULL, n_all, sizeof(*all));
	pmc_compute(loads, n_all, start, NULL, all);
	free(loads);
	skip = (size_t)(from - start);
	if (skip) {
		memmove(all, all + skip, (n_all - skip) * sizeof(*all));
	}
	*days = all;
	*n = n_all - skip;
	return ERR_OK;
}
