/*
 * volume.h: weekly training volume by sport, and how it changed.
 *
 * Weeks run Monday to Sunday (ISO), like pmc_weeks. Time is moving time
 * where known, else elapsed (activity_time_s); distances add only where
 * known. The change is against the week before, so a week after an empty
 * one has no change (NAN) rather than an infinite one.
 */
#ifndef KNEAD_VOLUME_H
#define KNEAD_VOLUME_H

#include <stddef.h>
#include <stdint.h>

#include "core/activity.h"
#include "core/sport.h"

struct volume_week {
	int32_t monday;                 /* the week's Monday */
	int count[SPORT_COUNT];         /* activities per sport */
	double distance_m[SPORT_COUNT]; /* metres per sport */
	double time_s[SPORT_COUNT];     /* seconds per sport */
	double time_s_all;              /* seconds, every sport */
	double run_distance_m;          /* metres on foot running: run and trail */
	double time_change;             /* time_s_all / last week's - 1, NAN if none then */
	double run_distance_change;     /* the same for run_distance_m */
};

/* Fill out with the weeks from the one holding `from` to the one holding
 * `to` (both days, from <= to), summing the activities in a (any order;
 * those outside the weeks are ignored; the week before `from`'s counts
 * only for the first change). Returns the number of weeks in the range;
 * at most max are written, so max 0 (out NULL) asks for the size. */
size_t volume_weeks(const struct activity *a, size_t n, int32_t from, int32_t to,
                    struct volume_week *out, size_t max);

#endif
