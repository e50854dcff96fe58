/*
 * zones.h: heart-rate training zones from the profile.
 *
 * Karvonen's method (domain.md 1.10) places a target at a fraction p of
 * the heart-rate reserve: HR = rest + p x (max - rest). It needs a
 * measured maximum and resting heart rate, and it is what knead's load
 * uses too (TRIMP weighs each minute by its fraction of the reserve), so
 * the zones a runner reads and the load knead computes speak of the same
 * thing.
 *
 * The five zones and their bounds, in fractions of the reserve, are the
 * usual five-zone convention [C] (the literature fixes the formula, not
 * the cut points):
 *
 *   1 recovery   50-60 %
 *   2 aerobic    60-70 %   easy and long runs
 *   3 tempo      70-80 %
 *   4 threshold  80-90 %
 *   5 maximum    90-100 %  intervals, VO2max
 *
 * Friel's zones, in fractions of a lactate-threshold heart rate, are not
 * offered: they need a threshold heart rate measured in a field test, and
 * the profile keeps none (an estimate from the maximum would only restate
 * these zones with more confidence than they have).
 */
#ifndef KNEAD_ZONES_H
#define KNEAD_ZONES_H

#include <stdbool.h>

#define ZONES_COUNT 5

struct hr_zone {
	int number;       /* 1..ZONES_COUNT */
	const char *name; /* "recovery", "aerobic", "tempo", "threshold", "maximum" (static) */
	double low_hrr;   /* lower bound, fraction of the reserve (0.5 for zone 1) */
	double high_hrr;  /* upper bound, fraction of the reserve (1.0 for zone 5) */
	int low_bpm;      /* first heart rate of the zone */
	int high_bpm;     /* last heart rate of the zone: the next one's low - 1, or the maximum */
};

/* Fill out with the five Karvonen zones for max_hr and rest_hr. Bounds
 * are rounded to the nearest beat (halves up), so zones meet without gaps
 * or overlap; a reserve of under ten beats can leave a zone empty
 * (high_bpm below low_bpm).
 * Returns false (out untouched) unless both are known (> 0) and rest is
 * below max. */
bool zones_karvonen(int max_hr, int rest_hr, struct hr_zone out[ZONES_COUNT]);

/* The zone (1..ZONES_COUNT) of heart rate hr in zones, 0 below zone 1.
 * Rates above the maximum count in zone 5. */
int zones_find(const struct hr_zone zones[ZONES_COUNT], int hr);

#endif
