/*
 * bodystate.c: how each body region feels now (see bodystate.h).
 */
#include "analysis/bodystate.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static int spot_cmp(const struct body_spot *a, const char *region, enum side side)
{
	int c = strcmp(a->region, region);

	return c ? c : (int)a->side - (int)side;
}

static int spot_order(const void *pa, const void *pb)
{
	const struct body_spot *a = pa, *b = pb;

	return spot_cmp(a, b->region, b->side);
}

void body_state_read(const struct checkin_list *checkins, int32_t today, int window,
                     struct body_state *out)
{
	int32_t from = today - (window - 1);
	/* latest[i * MEASURE_COUNT + m]: the index of the spot's latest
	 * check-in giving measure m, or SIZE_MAX */
	size_t *latest;
	size_t alloc = 0;

	memset(out, 0, sizeof(*out));
	out->today = today;
	out->window = window;
	latest = xcalloc((checkins->n + 1) * MEASURE_COUNT, sizeof(*latest));
	for (size_t i = 0; i < checkins->n; i++) {
		const struct checkin *c = &checkins->items[i];
		size_t k;

		if (c->day < from || c->day > today) {
			continue;
		}
		for (k = 0; k < out->n; k++) {
			if (!spot_cmp(&out->spots[k], c->region, c->side)) {
				break;
			}
		}
		if (k == out->n) {
			if (out->n == alloc) {
				alloc = alloc ? 2 * alloc : 16;
				out->spots = xrealloc(out->spots, alloc * sizeof(*out->spots));
			}
			memset(&out->spots[k], 0, sizeof(out->spots[k]));
			memcpy(out->spots[k].region, c->region, sizeof(c->region));
			out->spots[k].side = c->side;
			for (int m = 0; m < MEASURE_COUNT; m++) {
				latest[k * MEASURE_COUNT + (size_t)m] = SIZE_MAX;
			}
			out->n++;
		}
		for (int m = 0; m < MEASURE_COUNT; m++) {
			size_t *l = &latest[k * MEASURE_COUNT + (size_t)m];

			if (c->level[m] >= 0 &&
			    (*l == SIZE_MAX || checkins->items[*l].day <= c->day)) {
				*l = i;
			}
		}
	}
	for (size_t k = 0; k < out->n; k++) {
		struct body_spot *s = &out->spots[k];

		s->level = -1;
		for (int m = 0; m < MEASURE_COUNT; m++) {
			size_t l = latest[k * MEASURE_COUNT + (size_t)m];
			const struct checkin *c;
			double faded;

			if (l == SIZE_MAX) {
				continue;
			}
			c = &checkins->items[l];
			faded = c->level[m] * (double)(window - (today - c->day)) / window;
			if (faded > s->level || (faded == s->level && c->level[m] > s->raw)) {
				s->level = faded;
				s->raw = c->level[m];
				s->measure = (enum measure)m;
				s->day = c->day;
			}
		}
	}
	free(latest);
	if (out->n) {
		qsort(out->spots, out->n, sizeof(*out->spots), spot_order);
	}
}

void body_state_release(struct body_state *st)
{
	free(st->spots);
	memset(st, 0, sizeof(*st));
}

const struct body_spot *body_state_worst(const struct body_state *st,
                                         const struct region_catalog *cat, const struct region *r,
                                         enum side side, bool deep)
{
	const struct body_spot *best = NULL;

	for (size_t i = 0; i < st->n; i++) {
		const struct body_spot *s = &st->spots[i];
		const struct region *sr = region_by_code(cat, s->region);
		bool inside = sr && deep ? region_within(cat, sr, r) : !strcmp(s->region, r->code);

		if (!inside || (r->sided && !side_overlaps(side, s->side))) {
			continue;
		}
		if (!best || s->level > best->level ||
		    (s->level == best->level && s->day > best->day)) {
			best = s;
		}
	}
	return best;
}
