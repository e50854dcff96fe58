/*
 * injury.c: an injury's course (see injury.h).
 */
#include "analysis/injury.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/xalloc.h"

static bool speaks_of(const struct region_catalog *cat, const struct region *injured,
                      enum side side, const char *code, enum side other)
{
	const struct region *r = region_by_code(cat, code);

	/* a region dropped from the runner's catalogue still matches itself */
	if (!r) {
		return strcmp(code, injured->code) == 0 && side_overlaps(side, other);
	}
	return region_within(cat, r, injured) && side_overlaps(side, other);
}

static bool touched(const struct region_catalog *cat, const struct region *injured, enum side side,
                    const struct recovery *s)
{
	for (size_t i = 0; i < s->n_regions; i++) {
		const struct region *r = region_by_code(cat, s->regions[i].region);

		if (r && region_overlaps(cat, r, injured) &&
		    side_overlaps(side, s->regions[i].side)) {
			return true;
		}
	}
	return false;
}

void injury_course(const struct region_catalog *cat, const struct injury *inj,
                   const struct checkin_list *checkins, const struct recovery_list *sessions,
                   int32_t today, struct injury_course *out)
{
	const struct region *injured = region_by_code(cat, inj->region);
	struct region fallback;
	struct trend_point *pts;
	size_t n_pts = 0;

	memset(out, 0, sizeof(*out));
	if (!injured) {
		memset(&fallback, 0, sizeof(fallback));
		memcpy(fallback.code, inj->region, sizeof(fallback.code));
		fallback.parent = -1;
		injured = &fallback;
	}
	out->end = inj->resolved != DATE_NONE ? inj->resolved : today;
	out->days = out->end - inj->onset;
	out->checkins = xcalloc(checkins->n + 1, sizeof(size_t));
	out->sessions = xcalloc(sessions->n + 1, sizeof(size_t));
	out->measure = MEASURE_SORENESS;
	for (size_t i = 0; i < checkins->n; i++) {
		const struct checkin *c = &checkins->items[i];

		if (c->day < inj->onset || c->day > out->end ||
		    !speaks_of(cat, injured, inj->side, c->region, c->side)) {
			continue;
		}
		out->checkins[out->n_checkins++] = i;
		if (c->level[MEASURE_PAIN] >= 0) {
			out->measure = MEASURE_PAIN;
		}
	}
	pts = xcalloc(out->n_checkins + 1, sizeof(*pts));
	for (size_t i = 0; i < out->n_checkins; i++) {
		const struct checkin *c = &checkins->items[out->checkins[i]];

		if (c->level[out->measure] >= 0) {
			pts[n_pts++] = (struct trend_point){ c->day, c->level[out->measure] };
		}
	}
	trend_compute(pts, n_pts, &out->trend);
	free(pts);
	for (size_t i = 0; i < sessions->n; i++) {
		const struct recovery *s = &sessions->items[i];

		if (s->day >= inj->onset && s->day <= out->end &&
		    touched(cat, injured, inj->side, s)) {
			out->sessions[out->n_sessions++] = i;
		}
	}
}

void injury_course_release(struct injury_course *c)
{
	free(c->checkins);
	free(c->sessions);
	memset(c, 0, sizeof(*c));
}
