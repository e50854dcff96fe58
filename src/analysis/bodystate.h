/*
 * bodystate.h: how each body region feels now, read from the recent
 * check-ins: what the body map shades.
 *
 * A spot is one region and side as the runner checked it in (left
 * hamstrings, glutes both sides, neck). Its state is the latest level of
 * each measure (soreness, tightness, pain) within the window: a later
 * check-in says how it is now, so yesterday's 5 followed by today's 0 is
 * 0, not 5. Each level fades with its age, linearly to nothing at the
 * window's end (a 6 checked in today shades as 6, three days ago over a
 * 7-day window as 6 x 4/7), since a niggle nobody has mentioned for a
 * week is old news; the spot's level is the highest of its faded
 * measures. A region's level (body_state_worst) is the highest of its
 * spots, and if asked of the spots within it too.
 */
#ifndef KNEAD_BODYSTATE_H
#define KNEAD_BODYSTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/body.h"
#include "core/region.h"

/* The window the map looks back over, in days, today included. */
#define BODY_STATE_WINDOW_DAYS 7

struct body_spot {
	char region[REGION_CODE_MAX]; /* region code as checked in */
	enum side side;               /* as checked in: none, left, right or both */
	double level;                 /* faded level, 0..10: what the map shades */
	int raw;                      /* the level of that measure as checked in */
	enum measure measure;         /* the measure giving level */
	int32_t day;                  /* the day it was checked in */
};

struct body_state {
	int32_t today;           /* as of */
	int window;              /* days looked back over, today included */
	struct body_spot *spots; /* by region code then side (owned) */
	size_t n;                /* count */
};

/* Read the state as of today from checkins (any range and order; those
 * outside the window's days are skipped) into *out. window >= 1. */
void body_state_read(const struct checkin_list *checkins, int32_t today, int window,
                     struct body_state *out);

void body_state_release(struct body_state *st);

/* The spot with the highest level on region r, and with deep on the
 * regions inside it too (the semitendinosus is in the hamstrings), on
 * side: for a sided r, spots on that side or both sides; for an unsided
 * r, any spot whatever its side (the SI joints are in the lower back).
 * Ties go to the latest day. NULL when there is none. The body map,
 * which draws every region, asks without deep so that a sore part does
 * not shade its whole parent as well. Spots whose region the catalogue
 * no longer has count only for that exact code. */
const struct body_spot *body_state_worst(const struct body_state *st,
                                         const struct region_catalog *cat, const struct region *r,
                                         enum side side, bool deep);

#endif
