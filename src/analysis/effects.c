/*
 * effects.c: what has helped this runner (see effects.h).
 */
#include "analysis/effects.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/xalloc.h"

/* ---- the bootstrap ---- */

/* splitmix64 (Steele, Lea & Flood 2014): tiny, fast, and good enough to
 * pick resample indices; seeded with EFFECTS_SEED so results repeat. */
struct rng {
	uint64_t state; /* advances by the golden-ratio constant each draw */
};

static uint64_t rng_next(struct rng *g)
{
	uint64_t z = (g->state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A uniform index below n (n < 2^32): the top 32 bits scaled, whose bias
 * for the n here (a runner's cases) is below 1e-6. */
static size_t rng_below(struct rng *g, size_t n)
{
	return (size_t)(((rng_next(g) >> 32) * (uint64_t)n) >> 32);
}

static double mean_of(const double *x, size_t n)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++) {
		sum += x[i];
	}
	return n ? sum / (double)n : (double)NAN;
}

static double resample_mean(struct rng *g, const double *x, size_t n)
{
	double sum = 0;

	for (size_t i = 0; i < n; i++) {
		sum += x[rng_below(g, n)];
	}
	return sum / (double)n;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The q-quantile of sorted v[0..n-1], interpolating between neighbours
 * (the "type 7" rule of R and numpy). */
static double quantile(const double *v, size_t n, double q)
{
	double pos = q * (double)(n - 1);
	size_t i = (size_t)pos;
	double frac = pos - (double)i;

	if (i + 1 >= n) {
		return v[n - 1];
	}
	return v[i] + frac * (v[i + 1] - v[i]);
}

static void interval(double *means, double *lo, double *hi)
{
	double tail = (1 - EFFECTS_INTERVAL) / 2;

	qsort(means, EFFECTS_RESAMPLES, sizeof(*means), cmp_double);
	*lo = quantile(means, EFFECTS_RESAMPLES, tail);
	*hi = quantile(means, EFFECTS_RESAMPLES, 1 - tail);
}

void effects_estimate_mean(const double *x, size_t n, struct effects_estimate *out)
{
	out->n = n;
	out->mean = mean_of(x, n);
	out->lo = out->hi = (double)NAN;
	if (n >= EFFECTS_MIN_CASES) {
		struct rng g = { EFFECTS_SEED };
		double *means = xcalloc(EFFECTS_RESAMPLES, sizeof(*means));

		for (size_t b = 0; b < EFFECTS_RESAMPLES; b++) {
			means[b] = resample_mean(&g, x, n);
		}
		interval(means, &out->lo, &out->hi);
		free(means);
	}
}

void effects_compare_groups(const double *with, size_t n_with, const double *without,
                            size_t n_without, struct effects_compare *out)
{
	effects_estimate_mean(with, n_with, &out->with);
	effects_estimate_mean(without, n_without, &out->without);
	out->enough = n_with >= EFFECTS_MIN_CASES && n_without >= EFFECTS_MIN_CASES;
	out->difference.n = n_with < n_without ? n_with : n_without;
	out->difference.mean =
	        n_with && n_without ? out->with.mean - out->without.mean : (double)NAN;
	out->difference.lo = out->difference.hi = (double)NAN;
	if (out->enough) {
		struct rng g = { EFFECTS_SEED };
		double *means = xcalloc(EFFECTS_RESAMPLES, sizeof(*means));

		for (size_t b = 0; b < EFFECTS_RESAMPLES; b++) {
			means[b] = resample_mean(&g, with, n_with) -
			           resample_mean(&g, without, n_without);
		}
		interval(means, &out->difference.lo, &out->difference.hi);
		free(means);
	}
}

enum effects_verdict effects_verdict_of(const struct effects_compare *c)
{
	if (!c->enough) {
		return EFFECTS_NOT_ENOUGH;
	}
	if (c->difference.hi < 0) {
		return EFFECTS_HELPED;
	}
	return c->difference.lo > 0 ? EFFECTS_WORSE : EFFECTS_UNCLEAR;
}

const char *effects_verdict_name(enum effects_verdict v)
{
	switch (v) {
	case EFFECTS_NOT_ENOUGH:
		return "not enough data";
	case EFFECTS_HELPED:
		return "helped";
	case EFFECTS_WORSE:
		return "worse";
	case EFFECTS_UNCLEAR:
		return "no clear effect";
	}
	return "?";
}

/* ---- days, regions and sides ---- */

/* A growable list of doubles. */
struct values {
	double *v;
	size_t n, alloc;
};

static void values_push(struct values *vs, double x)
{
	xgrow((void **)&vs->v, &vs->alloc, vs->n + 1, sizeof(*vs->v));
	vs->v[vs->n++] = x;
}

/* A sided region is followed left and right apart; an unsided one (and
 * the whole body) as one. */
enum {
	UNIT_ANY,
	UNIT_LEFT,
	UNIT_RIGHT,
	UNIT_COUNT
};

/* Whether something recorded on side s concerns unit u of a sided region:
 * "both", or no side (an unsided parent region), concerns both. */
static bool side_in_unit(int u, enum side s)
{
	if (u == UNIT_ANY || s == SIDE_BOTH || s == SIDE_NONE) {
		return true;
	}
	return (u == UNIT_LEFT) == (s == SIDE_LEFT);
}

/* One modality on one region, as the log shows it day by day from
 * `first` for n_days days. */
struct grid {
	int32_t first;          /* the first day */
	size_t n_days;          /* days */
	int *level[UNIT_COUNT]; /* the day's highest soreness, -1 for none */
	bool *with[UNIT_COUNT]; /* a session of the modality worked it */
	bool *busy[UNIT_COUNT]; /* a session of the modality may have touched it */
	int units;              /* 1 (UNIT_ANY) or 3 (left and right used) */
};

static void grid_init(struct grid *g, int32_t first, int32_t last, bool sided)
{
	memset(g, 0, sizeof(*g));
	g->first = first;
	g->n_days = last >= first ? (size_t)(last - first) + 1 : 0;
	g->units = sided ? UNIT_COUNT : 1;
	for (int u = 0; u < g->units; u++) {
		g->level[u] = xcalloc(g->n_days + 1, sizeof(int));
		g->with[u] = xcalloc(g->n_days + 1, sizeof(bool));
		g->busy[u] = xcalloc(g->n_days + 1, sizeof(bool));
		for (size_t d = 0; d < g->n_days; d++) {
			g->level[u][d] = -1;
		}
	}
}

static void grid_release(struct grid *g)
{
	for (int u = 0; u < UNIT_COUNT; u++) {
		free(g->level[u]);
		free(g->with[u]);
		free(g->busy[u]);
	}
}

static bool grid_has(const struct grid *g, int32_t day)
{
	return day >= g->first && (size_t)(day - g->first) < g->n_days;
}

/* Whether check-in region `code` speaks of `group` (is it or within it);
 * a region missing from the catalogue only speaks of itself. */
static bool within(const struct region_catalog *cat, const char *code, const char *group)
{
	const struct region *r, *g;

	if (strcmp(code, group) == 0) {
		return true;
	}
	r = cat ? region_by_code(cat, code) : NULL;
	g = cat ? region_by_code(cat, group) : NULL;
	return r && g && region_within(cat, r, g);
}

/* Whether a session on region `code` worked `group`: one within the
 * other (a session on the thigh worked the hamstrings, one on the
 * semitendinosus worked them too). */
static bool overlaps(const struct region_catalog *cat, const char *code, const char *group)
{
	return within(cat, code, group) || within(cat, group, code);
}

static bool wanted(unsigned modalities, enum modality m)
{
	return modalities == 0 || (modalities & (1u << m)) != 0;
}

/* Fill g's soreness for region group ("" for the whole body). */
static void grid_levels(struct grid *g, const struct region_catalog *cat,
                        const struct checkin_list *checkins, const char *group)
{
	for (size_t i = 0; i < checkins->n; i++) {
		const struct checkin *c = &checkins->items[i];
		int level = c->level[MEASURE_SORENESS];

		if (level < 0 || !grid_has(g, c->day) ||
		    (*group && !within(cat, c->region, group))) {
			continue;
		}
		for (int u = 0; u < g->units; u++) {
			int *slot = &g->level[u][c->day - g->first];

			if (side_in_unit(u, c->side) && level > *slot) {
				*slot = level;
			}
		}
	}
}

/* Mark g's days with a session of modality m on region group. */
static void grid_sessions(struct grid *g, const struct region_catalog *cat,
                          const struct recovery_list *sessions, enum modality m, const char *group)
{
	for (size_t i = 0; i < sessions->n; i++) {
		const struct recovery *s = &sessions->items[i];
		size_t d;

		if (s->modality != m || !grid_has(g, s->day)) {
			continue;
		}
		d = (size_t)(s->day - g->first);
		for (int u = 0; u < g->units; u++) {
			if (s->n_regions == 0) {
				/* a whole-body session: a case for the whole body, and
				 * no comparable day for any region */
				g->with[u][d] |= *group == '\0';
				g->busy[u][d] = true;
				continue;
			}
			for (size_t k = 0; k < s->n_regions && *group; k++) {
				if (overlaps(cat, s->regions[k].region, group) &&
				    side_in_unit(u, s->regions[k].side)) {
					g->with[u][d] = true;
					g->busy[u][d] = true;
				}
			}
			/* any session of it that day, for the whole body */
			g->busy[u][d] |= *group == '\0';
		}
	}
}

/* The mean soreness of unit u over the window after day index d, NAN
 * without a check-in there. */
static double later_mean(const struct grid *g, int u, size_t d)
{
	double sum = 0;
	int n = 0;

	for (size_t k = d + 1; k <= d + EFFECTS_WINDOW_DAYS && k < g->n_days; k++) {
		if (g->level[u][k] >= 0) {
			sum += g->level[u][k];
			n++;
		}
	}
	return n ? sum / n : (double)NAN;
}

static void compare_row(const struct region_catalog *cat, const struct checkin_list *checkins,
                        const struct recovery_list *sessions, int32_t first, int32_t last,
                        struct effects_row *row)
{
	const struct region *r = cat && *row->region ? region_by_code(cat, row->region) : NULL;
	struct values with = { 0 }, without = { 0 };
	struct values base = { 0 }; /* the "without" cases' soreness on the day */
	struct grid g;
	int lo = -1, hi = -1;
	size_t kept = 0;

	grid_init(&g, first, last, r && r->sided);
	grid_levels(&g, cat, checkins, row->region);
	grid_sessions(&g, cat, sessions, row->modality, row->region);
	for (int u = g.units == 1 ? UNIT_ANY : UNIT_LEFT; u < g.units; u++) {
		for (size_t d = 0; d < g.n_days; d++) {
			int level = g.level[u][d];
			double after;

			if (level < 0 || isnan(after = later_mean(&g, u, d))) {
				continue;
			}
			if (g.with[u][d]) {
				values_push(&with, after - level);
				lo = lo < 0 || level < lo ? level : lo;
				hi = level > hi ? level : hi;
			} else if (!g.busy[u][d]) {
				values_push(&without, after - level);
				values_push(&base, level);
			}
		}
	}
	/* comparable days: as sore as the days with it */
	for (size_t i = 0; i < without.n; i++) {
		if (base.v[i] >= lo && base.v[i] <= hi) {
			without.v[kept++] = without.v[i];
		}
	}
	without.n = kept;
	effects_compare_groups(with.v, with.n, without.v, without.n, &row->change);
	row->baseline_lo = lo;
	row->baseline_hi = hi;
	free(with.v);
	free(without.v);
	free(base.v);
	grid_release(&g);
}

/* ---- rows ---- */

static int cmp_row(const void *a, const void *b)
{
	const struct effects_row *x = a, *y = b;

	if (x->modality != y->modality) {
		return x->modality < y->modality ? -1 : 1;
	}
	return strcmp(x->region, y->region);
}

static void add_row(struct effects_report *r, size_t *alloc, enum modality m, const char *code)
{
	struct effects_row *row;

	for (size_t i = 0; i < r->n_rows; i++) {
		if (r->rows[i].modality == m && strcmp(r->rows[i].region, code) == 0) {
			return;
		}
	}
	xgrow((void **)&r->rows, alloc, r->n_rows + 1, sizeof(*r->rows));
	row = &r->rows[r->n_rows++];
	memset(row, 0, sizeof(*row));
	row->modality = m;
	assert(strlen(code) < sizeof(row->region));
	memcpy(row->region, code, strlen(code) + 1);
}

/* The day span the check-ins cover up to `to`; false for none. */
static bool checkin_span(const struct checkin_list *checkins, int32_t to, int32_t *first,
                         int32_t *last)
{
	bool any = false;

	for (size_t i = 0; i < checkins->n; i++) {
		int32_t day = checkins->items[i].day;

		if (day > to) {
			continue;
		}
		if (!any || day < *first) {
			*first = day;
		}
		if (!any || day > *last) {
			*last = day;
		}
		any = true;
	}
	return any;
}

/* ---- races ---- */

/* The highest soreness anywhere on day, -1 without a check-in. */
static int body_level(const struct checkin_list *checkins, int32_t day)
{
	int level = -1;

	for (size_t i = 0; i < checkins->n; i++) {
		const struct checkin *c = &checkins->items[i];

		if (c->day == day && c->level[MEASURE_SORENESS] > level) {
			level = c->level[MEASURE_SORENESS];
		}
	}
	return level;
}

static bool massage_after(const struct recovery_list *sessions, int32_t race, int32_t to)
{
	for (size_t i = 0; i < sessions->n; i++) {
		const struct recovery *s = &sessions->items[i];

		if (modality_kind(s->modality) == MODALITY_MASSAGE && s->day > race &&
		    s->day <= race + EFFECTS_RACE_MASSAGE_DAYS && s->day <= to) {
			return true;
		}
	}
	return false;
}

static int cmp_race_case(const void *a, const void *b, const struct race_list *races)
{
	int32_t x = races->races[((const struct effects_race *)a)->race].date;
	int32_t y = races->races[((const struct effects_race *)b)->race].date;

	return (x > y) - (x < y);
}

static void compare_races(const struct checkin_list *checkins, const struct recovery_list *sessions,
                          const struct race_list *races, int32_t to, struct effects_report *out)
{
	struct values with = { 0 }, without = { 0 };

	out->races = xcalloc(races->n_races + 1, sizeof(*out->races));
	for (size_t i = 0; i < races->n_races; i++) {
		const struct race *race = &races->races[i];
		struct effects_race *c = &out->races[out->n_races];

		if (race->status != RACE_DONE || race->date > to) {
			continue;
		}
		c->race = i;
		c->days = -1;
		c->recovered = DATE_NONE;
		for (int32_t d = race->date + 1; d <= race->date + EFFECTS_RACE_DAYS && d <= to;
		     d++) {
			int level = body_level(checkins, d);

			if (level >= 0 && level <= EFFECTS_RECOVERED) {
				c->days = d - race->date;
				c->recovered = d;
				break;
			}
		}
		if (c->days < 0) {
			out->races_unknown++;
			continue;
		}
		c->massage = massage_after(sessions, race->date, to);
		out->n_races++;
	}
	/* by day: insertion sort, races are few */
	for (size_t i = 1; i < out->n_races; i++) {
		for (size_t j = i;
		     j > 0 && cmp_race_case(&out->races[j - 1], &out->races[j], races) > 0; j--) {
			struct effects_race t = out->races[j];

			out->races[j] = out->races[j - 1];
			out->races[j - 1] = t;
		}
	}
	for (size_t i = 0; i < out->n_races; i++) {
		values_push(out->races[i].massage ? &with : &without, out->races[i].days);
	}
	effects_compare_groups(with.v, with.n, without.v, without.n, &out->race);
	free(with.v);
	free(without.v);
}

void effects_compute(const struct region_catalog *cat, const struct checkin_list *checkins,
                     const struct recovery_list *sessions, const struct race_list *races,
                     int32_t to, unsigned modalities, struct effects_report *out)
{
	size_t alloc = 0;
	int32_t first = 0, last = 0;
	bool any;

	memset(out, 0, sizeof(*out));
	out->to = to;
	for (size_t i = 0; i < sessions->n; i++) {
		const struct recovery *s = &sessions->items[i];

		if (s->day > to || !wanted(modalities, s->modality)) {
			continue;
		}
		if (s->n_regions == 0) {
			add_row(out, &alloc, s->modality, "");
		}
		for (size_t k = 0; k < s->n_regions; k++) {
			add_row(out, &alloc, s->modality, s->regions[k].region);
		}
	}
	if (out->n_rows) {
		qsort(out->rows, out->n_rows, sizeof(*out->rows), cmp_row);
	}
	any = checkin_span(checkins, to, &first, &last);
	for (size_t i = 0; i < out->n_rows; i++) {
		if (any) {
			compare_row(cat, checkins, sessions, first, last, &out->rows[i]);
		} else {
			effects_compare_groups(NULL, 0, NULL, 0, &out->rows[i].change);
			out->rows[i].baseline_lo = out->rows[i].baseline_hi = -1;
		}
	}
	compare_races(checkins, sessions, races, to, out);
}

void effects_report_release(struct effects_report *r)
{
	free(r->rows);
	free(r->races);
	memset(r, 0, sizeof(*r));
}
