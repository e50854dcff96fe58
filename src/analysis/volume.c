/*
 * volume.c: weekly training volume by sport (volume.h).
 *
 * One pass over the activities sums each into its week; weeks are counted
 * from the week before the range, so that the first week's change has the
 * week before it to compare with, even when the caller's out array is
 * shorter than the range.
 */
#include "analysis/volume.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/xalloc.h"

/* a / b - 1, or NAN when b is 0 (nothing to compare with). */
static double change(double a, double b)
{
	if (!(b > 0)) {
		return (double)NAN;
	}
	return a / b - 1;
}

size_t volume_weeks(const struct activity *a, size_t n, int32_t from, int32_t to,
                    struct volume_week *out, size_t max)
{
	int32_t first_monday, last_monday;
	size_t n_weeks;
	struct volume_week *weeks; /* [0] is the week before the range (owned) */

	assert(from <= to);
	first_monday = date_week_start(from);
	last_monday = date_week_start(to);
	n_weeks = (size_t)(((int64_t)last_monday - first_monday) / 7 + 1);
	if (max == 0) {
		return n_weeks;
	}

	weeks = xcalloc(n_weeks + 1, sizeof(*weeks));
	for (size_t w = 0; w <= n_weeks; w++) {
		weeks[w].monday = first_monday + 7 * ((int32_t)w - 1);
	}
	for (size_t i = 0; i < n; i++) {
		const struct activity *act = &a[i];
		int64_t offset = (int64_t)act->date - ((int64_t)first_monday - 7);
		struct volume_week *wk;
		double t;

		if (offset < 0 || offset >= 7 * (int64_t)(n_weeks + 1)) {
			continue;
		}
		if ((unsigned)act->sport >= SPORT_COUNT) {
			continue;
		}
		wk = &weeks[offset / 7];
		wk->count[act->sport]++;
		if (!isnan(act->distance_m)) {
			wk->distance_m[act->sport] += act->distance_m;
			if (sport_is_running(act->sport)) {
				wk->run_distance_m += act->distance_m;
			}
		}
		t = activity_time_s(act);
		if (!isnan(t)) {
			wk->time_s[act->sport] += t;
			wk->time_s_all += t;
		}
	}
	weeks[0].time_change = (double)NAN;
	weeks[0].run_distance_change = (double)NAN;
	for (size_t w = 1; w <= n_weeks; w++) {
		weeks[w].time_change = change(weeks[w].time_s_all, weeks[w - 1].time_s_all);
		weeks[w].run_distance_change =
		        change(weeks[w].run_distance_m, weeks[w - 1].run_distance_m);
	}
	memcpy(out, weeks + 1, (max < n_weeks ? max : n_weeks) * sizeof(*out));
	free(weeks);
	return n_weeks;
}
