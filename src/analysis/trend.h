/*
 * trend.h: which way a pain (or soreness) level is going.
 *
 * An injury's check-ins are points (day, level 0..10). The trend is the
 * least-squares slope through the daily worst level, in levels per week,
 * with the first, last and worst points for the runner to see. A slope
 * within TREND_FLAT_PER_WEEK of zero is flat: on a 0-10 scale half a level
 * a week is below what a runner can tell apart, and it is the line the
 * advisor uses for "not improving" (domain.md 3.3).
 */
#ifndef KNEAD_TREND_H
#define KNEAD_TREND_H

#include <stddef.h>
#include <stdint.h>

#define TREND_FLAT_PER_WEEK 0.5

struct trend_point {
	int32_t day; /* local day */
	int value;   /* 0..10 */
};

enum trend_verdict {
	TREND_UNKNOWN,   /* fewer than two days with a level */
	TREND_IMPROVING, /* falling by more than TREND_FLAT_PER_WEEK a week */
	TREND_FLAT,      /* ... */
	TREND_WORSE,     /* rising by more than TREND_FLAT_PER_WEEK a week */
};

struct trend {
	size_t n_days;            /* distinct days with a level */
	struct trend_point first; /* earliest day's level */
	struct trend_point last;  /* latest day's level */
	struct trend_point worst; /* highest level, its earliest day */
	double slope_per_week;    /* (double)NAN when unknown */
	enum trend_verdict verdict;
};

/* Compute the trend of pts (any order; several on one day count as that
 * day's highest). */
void trend_compute(const struct trend_point *pts, size_t n, struct trend *out);

/* "improving", "flat", "worse", "unknown". */
const char *trend_verdict_name(enum trend_verdict v);

#endif
