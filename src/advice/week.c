/*
 * week.c: one week, as of a day in it (see week.h).
 *
 * The week's advice comes from asking advice/today.h about each of its
 * days up to today, with a copy of the context whose today is that day:
 * the rules look at nothing after their day, so the copy sees the week
 * as the runner lived it. A rule that speaks on several days is merged
 * into one entry spanning them, keeping the latest day's words (its
 * numbers are the freshest); a rule that speaks twice on one day (two
 * injuries) keeps two entries, matched day to day by their order.
 */
#include "advice/week.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/today.h"
#include "base/date.h"
#include "base/xalloc.h"

static void read_plan(const struct advice_context *ctx, struct week *w)
{
	const struct plan *p = &ctx->plan;

	if (!p->id) {
		return;
	}
	w->plan = p;
	w->matches = xcalloc(p->n_workouts ? p->n_workouts : 1, sizeof(*w->matches));
	plan_match(p, ctx->from, ctx->until, ctx->activities.activities,
	           ctx->activities.n_activities, ctx->today, w->matches);
	plan_range(p, w->monday, w->sunday, &w->first, &w->end);
	if (w->first < w->end) {
		w->number = p->workouts[w->first].week;
		w->phase = p->workouts[w->first].phase;
	}
	plan_compliance_sum(p, w->matches, w->first, w->end, &w->compliance);
}

static void read_load(const struct advice_context *ctx, struct week *w)
{
	double loads[WEEK_DAYS];
	size_t n = 0;

	memset(&w->load, 0, sizeof(w->load));
	w->load.monday = w->monday;
	w->load.monotony = (double)NAN;
	w->load.strain = (double)NAN;
	volume_weeks(ctx->activities.activities, ctx->activities.n_activities, w->monday, w->last,
	             &w->volume, 1);
	/* before the first activity the fitness rows are zeros, not training */
	if (!ctx->activities.n_activities || ctx->activities.activities[0].date > w->last) {
		return;
	}
	for (int32_t d = w->monday; d <= w->last; d++) {
		const struct pmc_day *f = advice_fitness_on(ctx, d);

		if (!f) {
			continue;
		}
		if (!w->fitness) {
			w->fitness = f;
		}
		loads[n++] = f->load;
	}
	w->n_fitness = n;
	{
		struct advice_context last = *ctx; /* a view: never released */

		last.today = w->last;
		w->acwr_settled = today_acwr_settled(&last);
	}
	if (n) {
		pmc_weeks(loads, n, w->fitness->day, &w->load, 1);
	}
}

/* Whether region x goes before y in the catalogue (those it lacks last,
 * by code), then by side. */
static bool region_before(const struct advice_context *ctx, const struct week_region *x,
                          const struct week_region *y)
{
	const struct region_catalog *cat = ctx->regions;
	long ix = LONG_MAX, iy = LONG_MAX;
	int c = strcmp(x->region, y->region);

	if (cat) {
		const struct region *rx = region_by_code(cat, x->region);
		const struct region *ry = region_by_code(cat, y->region);

		ix = rx ? (long)(rx - cat->regions) : LONG_MAX;
		iy = ry ? (long)(ry - cat->regions) : LONG_MAX;
	}
	if (ix != iy) {
		return ix < iy;
	}
	if (c) {
		return c < 0;
	}
	return x->side < y->side;
}

static struct week_region *region_slot(struct week *w, size_t *alloc, const struct checkin *c)
{
	struct week_region *r;

	for (size_t i = 0; i < w->n_regions; i++) {
		if (!strcmp(w->regions[i].region, c->region) && w->regions[i].side == c->side) {
			return &w->regions[i];
		}
	}
	xgrow((void **)&w->regions, alloc, w->n_regions + 1, sizeof(*w->regions));
	r = &w->regions[w->n_regions++];
	memset(r, 0, sizeof(*r));
	memcpy(r->region, c->region, sizeof(r->region));
	r->side = c->side;
	for (int m = 0; m < MEASURE_COUNT; m++) {
		r->worst[m] = -1;
		for (int d = 0; d < WEEK_DAYS; d++) {
			r->level[d][m] = -1;
		}
	}
	return r;
}

static void read_body(const struct advice_context *ctx, struct week *w)
{
	size_t alloc = 0;

	for (size_t i = 0; i < ctx->checkins.n; i++) {
		const struct checkin *c = &ctx->checkins.items[i];
		struct week_region *r;
		int d = (int)(c->day - w->monday);

		if (c->day < w->monday || c->day > w->last) {
			continue;
		}
		r = region_slot(w, &alloc, c);
		for (int m = 0; m < MEASURE_COUNT; m++) {
			if (c->level[m] > r->level[d][m]) {
				r->level[d][m] = c->level[m];
			}
			if (c->level[m] > r->worst[m]) {
				r->worst[m] = c->level[m];
			}
		}
	}
	/* insertion sort: a handful of regions, ordered by the catalogue */
	for (size_t i = 1; i < w->n_regions; i++) {
		struct week_region r = w->regions[i];
		size_t j = i;

		while (j > 0 && region_before(ctx, &r, &w->regions[j - 1])) {
			w->regions[j] = w->regions[j - 1];
			j--;
		}
		w->regions[j] = r;
	}
}

static void read_recovery(const struct advice_context *ctx, struct week *w)
{
	const char *currency =
	        ctx->profile ? athlete_currency(ctx->profile) : ATHLETE_DEFAULT_CURRENCY;

	w->sessions = xcalloc(ctx->sessions.n + 1, sizeof(*w->sessions));
	for (size_t i = 0; i < ctx->sessions.n; i++) {
		int32_t d = ctx->sessions.items[i].day;

		if (d >= w->monday && d <= w->last) {
			w->sessions[w->n_sessions++] = i;
		}
	}
	if (ctx->sessions.n) {
		w->costs = xcalloc(ctx->sessions.n, sizeof(*w->costs));
		spend_cost_sessions(&ctx->sessions, &ctx->providers, w->costs);
	}
	spend_report(&ctx->sessions, &ctx->providers, w->monday, w->last, currency, &w->spend);
}

/* Move a into the week's advice: merged with the entry of the same rule
 * and order of the day before, or as a new entry. a is left empty. */
static void merge_advice(struct week *w, struct advice *a, size_t nth)
{
	size_t seen = 0;

	for (size_t i = 0; i < w->advice.n_items; i++) {
		struct advice *e = &w->advice.items[i];

		if (e->rule != a->rule || seen++ != nth) {
			continue;
		}
		free(e->text);
		for (size_t j = 0; j < e->n_facts; j++) {
			free(e->facts[j]);
		}
		free(e->facts);
		e->kind = a->kind > e->kind ? a->kind : e->kind;
		e->from = a->from < e->from ? a->from : e->from;
		e->to = a->to > e->to ? a->to : e->to;
		e->text = a->text;
		e->facts = a->facts;
		e->n_facts = a->n_facts;
		memset(a, 0, sizeof(*a));
		return;
	}
	xgrow((void **)&w->advice.items, &w->advice.alloc, w->advice.n_items + 1,
	      sizeof(*w->advice.items));
	w->advice.items[w->advice.n_items++] = *a;
	memset(a, 0, sizeof(*a));
}

static void read_advice(const struct advice_context *ctx, struct week *w)
{
	for (int32_t d = w->monday; d <= w->last; d++) {
		struct advice_context day = *ctx; /* a view: never released */
		struct today t;

		day.today = d;
		today_advise(&day, &t);
		for (size_t i = 0; i < t.advice.n_items; i++) {
			struct advice *a = &t.advice.items[i];
			size_t nth = 0;

			/* the how-manieth advice of its rule this day */
			for (size_t j = 0; j < i; j++) {
				nth += t.advice.items[j].rule == a->rule;
			}
			merge_advice(w, a, nth);
		}
		today_release(&t);
	}
	advice_list_warnings_first(&w->advice);
}

void week_build(const struct advice_context *ctx, struct week *out)
{
	memset(out, 0, sizeof(*out));
	out->advice = (struct advice_list)ADVICE_LIST_INIT;
	out->today = ctx->today;
	out->monday = date_week_start(ctx->today);
	out->sunday = out->monday + WEEK_DAYS - 1;
	out->last = out->sunday < ctx->today ? out->sunday : ctx->today;
	read_plan(ctx, out);
	read_load(ctx, out);
	read_body(ctx, out);
	read_recovery(ctx, out);
	read_advice(ctx, out);
}

void week_release(struct week *w)
{
	free(w->matches);
	free(w->regions);
	free(w->sessions);
	free(w->costs);
	spend_report_release(&w->spend);
	advice_list_release(&w->advice);
	memset(w, 0, sizeof(*w));
}
