/*
 * efforts.c: best recent efforts (see efforts.h).
 */
#include "analysis/efforts.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/parse.h"
#include "base/xalloc.h"

/* A sample step faster than this is a GPS jump, not running: the same
 * ceiling core/sport.h puts on a typed run's average. */
#define MAX_STEP_SPEED 11.0

/* How far a whole run's or race's distance may stray from a band's
 * standard distance and still stand for it (see efforts.h). */
#define BAND_SHORT 0.02
#define BAND_LONG  0.05

static const struct {
	const char *name;
	double distance_m;
} bands[EFFORT_BAND_COUNT] = {
	[EFFORT_MILE] = { "mile", PARSE_MILE_M },
	[EFFORT_5K] = { "5k", 5000.0 },
	[EFFORT_10K] = { "10k", 10000.0 },
	[EFFORT_15K] = { "15k", 15000.0 },
	[EFFORT_10MI] = { "10mi", 10 * PARSE_MILE_M },
	[EFFORT_HALF] = { "half", PARSE_HALF_MARATHON_M },
	[EFFORT_MARATHON] = { "marathon", PARSE_MARATHON_M },
};

static const char *const source_names[EFFORT_SOURCE_COUNT] = { "race", "activity", "segment" };

double effort_band_distance_m(enum effort_band b)
{
	return (unsigned)b < EFFORT_BAND_COUNT ? bands[b].distance_m : (double)NAN;
}

const char *effort_band_name(enum effort_band b)
{
	return (unsigned)b < EFFORT_BAND_COUNT ? bands[b].name : "";
}

enum effort_band effort_band_of(double distance_m)
{
	/* the bands are far enough apart that at most one takes a distance */
	for (int b = 0; b < EFFORT_BAND_COUNT; b++) {
		double d = bands[b].distance_m;

		if (distance_m >= d * (1 - BAND_SHORT) && distance_m <= d * (1 + BAND_LONG)) {
			return (enum effort_band)b;
		}
	}
	return EFFORT_NO_BAND;
}

const char *effort_source_name(enum effort_source s)
{
	return (unsigned)s < EFFORT_SOURCE_COUNT ? source_names[s] : "?";
}

void effort_list_release(struct effort_list *list)
{
	for (size_t i = 0; i < list->n_efforts; i++) {
		free(list->efforts[i].race_name);
	}
	free(list->efforts);
	list->efforts = NULL;
	list->n_efforts = 0;
	list->alloc = 0;
}

/* Append a copy of e (its race name copied too). */
static void list_add(struct effort_list *list, const struct effort *e)
{
	struct effort *to;

	xgrow((void **)&list->efforts, &list->alloc, list->n_efforts + 1, sizeof(*list->efforts));
	to = &list->efforts[list->n_efforts++];
	*to = *e;
	to->race_name = e->race_name ? xstrdup(e->race_name) : NULL;
}

/* The time that an activity took from start to finish: elapsed, which is
 * what a race clock shows, else moving time. */
static double whole_time_s(const struct activity *a)
{
	return isfinite(a->duration_s) ? a->duration_s : a->moving_s;
}

bool efforts_activity_counts(const struct activity *a)
{
	double t = whole_time_s(a);

	return a->sport == SPORT_RUN && !a->treadmill && isfinite(a->distance_m) &&
	       a->distance_m > 0 && isfinite(t) && t > 0;
}

/* Whether the course itself disqualifies a race's time. */
static bool course_left_out(const struct race *r)
{
	return r->terrain == RACE_TRAIL || r->terrain == RACE_NET_DOWNHILL;
}

bool efforts_race_counts(const struct race *r)
{
	return r->status == RACE_DONE && isfinite(r->result_s) && r->result_s > 0 &&
	       isfinite(r->distance_m) && r->distance_m > 0 && !course_left_out(r);
}

void effort_search_init(struct effort_search *search)
{
	memset(search, 0, sizeof(*search));
}

void effort_search_release(struct effort_search *search)
{
	effort_list_release(&search->candidates);
	free(search->raced);
	free(search->excluded);
	effort_search_init(search);
}

static void ids_add(int64_t **ids, size_t *n, size_t *alloc, int64_t id)
{
	xgrow((void **)ids, alloc, *n + 1, sizeof(**ids));
	(*ids)[(*n)++] = id;
}

static bool ids_have(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++) {
		if (ids[i] == id) {
			return true;
		}
	}
	return false;
}

/* Fill e for distance_m in time_s on day, with its VDOT. false when the
 * model gives the effort no VDOT, or it is faster than anyone runs (a
 * glitch: see race_fastest_believable_s). */
static bool effort_make(struct effort *e, enum effort_source source, double distance_m,
                        double time_s, int32_t day, int64_t activity_id)
{
	memset(e, 0, sizeof(*e));
	e->e.distance_m = distance_m;
	e->e.time_s = time_s;
	e->e.day = day;
	e->e.activity_id = activity_id;
	e->source = source;
	e->band = effort_band_of(distance_m);
	e->vdot = predict_vdot(distance_m, time_s);
	e->start_s = (double)NAN;
	return isfinite(e->vdot) && time_s >= race_fastest_believable_s(distance_m);
}

void efforts_add_race(struct effort_search *search, const struct race *r)
{
	struct effort e;

	if (r->activity_id != 0 && r->status == RACE_DONE && course_left_out(r)) {
		ids_add(&search->excluded, &search->n_excluded, &search->alloc_excluded,
		        r->activity_id);
	}
	if (!efforts_race_counts(r)) {
		return;
	}
	if (r->activity_id != 0) {
		ids_add(&search->raced, &search->n_raced, &search->alloc_raced, r->activity_id);
	}
	if (!effort_make(&e, EFFORT_RACE, r->distance_m, r->result_s, r->date, r->activity_id)) {
		return;
	}
	e.race_id = r->id;
	e.race_name = r->name;
	list_add(&search->candidates, &e); /* copies the name */
}

/*
 * The rows of samples that have both a time and a distance, in time
 * order, with the distance cleaned of GPS jumps: each step adds what the
 * device counted unless that is backwards or faster than MAX_STEP_SPEED.
 * Returns the row count; *t and *c (owned by the caller) hold times and
 * cleaned cumulative distances.
 */
static size_t clean_track(const struct samples *s, double **t, double **c)
{
	const double *st = s->cols[SAMPLE_TIME], *sd = s->cols[SAMPLE_DISTANCE];
	double last_raw = 0;
	size_t n = 0;

	*t = *c = NULL;
	if (!st || !sd || s->n < 2) {
		return 0;
	}
	*t = xreallocarray(NULL, s->n, sizeof(**t));
	*c = xreallocarray(NULL, s->n, sizeof(**c));
	for (size_t k = 0; k < s->n; k++) {
		double step, dt;

		if (!isfinite(st[k]) || !isfinite(sd[k])) {
			continue;
		}
		if (n == 0) {
			(*t)[0] = st[k];
			(*c)[0] = 0;
			last_raw = sd[k];
			n = 1;
			continue;
		}
		dt = st[k] - (*t)[n - 1];
		if (dt < 0) {
			continue; /* out of order: not trusted */
		}
		step = sd[k] - last_raw;
		last_raw = sd[k];
		if (step < 0 || (step > 0 && (dt <= 0 || step / dt > MAX_STEP_SPEED))) {
			step = 0;
		}
		(*t)[n] = st[k];
		(*c)[n] = (*c)[n - 1] + step;
		n++;
	}
	return n;
}

/* The fastest stretch of d metres in a cleaned track of n rows; see
 * efforts_best_stretch. Two pointers: for each end row j, i is the last
 * row at least d before it, and the start is interpolated between rows i
 * and i + 1 at constant speed. */
static bool fastest(const double *t, const double *c, size_t n, double d, double *time_s,
                    double *start_s)
{
	double floor_s = race_fastest_believable_s(d);
	bool found = false;
	size_t i = 0;

	for (size_t j = 1; j < n; j++) {
		double from = c[j] - d, t0, dur;

		if (from < 0) {
			continue;
		}
		while (i + 1 < j && c[i + 1] <= from) {
			i++;
		}
		t0 = t[i];
		if (c[i + 1] > c[i]) {
			t0 += (t[i + 1] - t[i]) * (from - c[i]) / (c[i + 1] - c[i]);
		}
		dur = t[j] - t0;
		/* a stretch faster than anyone runs is a glitch the cleaning missed */
		if (dur < floor_s || (found && dur >= *time_s)) {
			continue;
		}
		*time_s = dur;
		*start_s = t0 - t[0];
		found = true;
	}
	return found;
}

bool efforts_best_stretch(const struct samples *samples, double distance_m, double *time_s,
                          double *start_s)
{
	double *t, *c;
	size_t n = clean_track(samples, &t, &c);
	bool found = false;

	if (n >= 2 && distance_m > 0 && c[n - 1] >= distance_m) {
		found = fastest(t, c, n, distance_m, time_s, start_s);
	}
	free(t);
	free(c);
	return found;
}

void efforts_add_activity(struct effort_search *search, const struct activity *a,
                          const struct samples *samples)
{
	struct effort e;
	double *t = NULL, *c = NULL;
	size_t n;

	if (!efforts_activity_counts(a)) {
		return;
	}
	if (effort_band_of(a->distance_m) != EFFORT_NO_BAND &&
	    effort_make(&e, EFFORT_ACTIVITY, a->distance_m, whole_time_s(a), a->date, a->id)) {
		list_add(&search->candidates, &e);
	}
	n = samples ? clean_track(samples, &t, &c) : 0;
	for (int b = 0; n >= 2 && b < EFFORT_BAND_COUNT; b++) {
		double d = bands[b].distance_m, time_s = 0, start_s = 0;

		if (c[n - 1] < d || !fastest(t, c, n, d, &time_s, &start_s)) {
			continue;
		}
		if (effort_make(&e, EFFORT_SEGMENT, d, time_s, a->date, a->id)) {
			e.start_s = start_s;
			list_add(&search->candidates, &e);
		}
	}
	free(t);
	free(c);
}

/* Whether candidate beats pick within a band: a race beats a training
 * effort; else the higher VDOT, then the later day. Ties keep pick, so
 * the order offered decides the rest. */
static bool beats(const struct effort *candidate, const struct effort *pick)
{
	bool cr = candidate->source == EFFORT_RACE, pr = pick->source == EFFORT_RACE;

	if (cr != pr) {
		return cr;
	}
	if (candidate->vdot != pick->vdot) {
		return candidate->vdot > pick->vdot;
	}
	return candidate->e.day > pick->e.day;
}

/* Whether candidate is set aside by what the races said of its activity. */
static bool set_aside(const struct effort_search *search, const struct effort *e)
{
	if (e->source == EFFORT_RACE || e->e.activity_id == 0) {
		return false;
	}
	if (ids_have(search->excluded, search->n_excluded, e->e.activity_id)) {
		return true;
	}
	return e->source == EFFORT_ACTIVITY &&
	       ids_have(search->raced, search->n_raced, e->e.activity_id);
}

static int by_distance_then_day(const void *pa, const void *pb)
{
	const struct effort *a = pa, *b = pb;

	if (a->e.distance_m != b->e.distance_m) {
		return a->e.distance_m < b->e.distance_m ? -1 : 1;
	}
	return (a->e.day > b->e.day) - (a->e.day < b->e.day);
}

void efforts_pick(const struct effort_search *search, struct effort_list *best)
{
	const struct effort_list *all = &search->candidates;
	struct effort_list odd = EFFORT_LIST_INIT;

	for (int b = 0; b < EFFORT_BAND_COUNT; b++) {
		const struct effort *pick = NULL;

		for (size_t i = 0; i < all->n_efforts; i++) {
			const struct effort *e = &all->efforts[i];

			if ((int)e->band == b && !set_aside(search, e) &&
			    (!pick || beats(e, pick))) {
				pick = e;
			}
		}
		if (pick) {
			list_add(best, pick);
		}
	}
	for (size_t i = 0; i < all->n_efforts; i++) {
		const struct effort *e = &all->efforts[i];

		if (e->band == EFFORT_NO_BAND && e->source == EFFORT_RACE) {
			list_add(&odd, e);
		}
	}
	if (odd.n_efforts > 1) {
		qsort(odd.efforts, odd.n_efforts, sizeof(*odd.efforts), by_distance_then_day);
	}
	for (size_t i = 0; i < odd.n_efforts; i++) {
		list_add(best, &odd.efforts[i]);
	}
	effort_list_release(&odd);
}

void efforts_predict_array(const struct effort_list *list, struct predict_effort *out)
{
	for (size_t i = 0; i < list->n_efforts; i++) {
		out[i] = list->efforts[i].e;
	}
}
