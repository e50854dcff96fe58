/*
 * trend.c: the direction of a level over days (see trend.h).
 */
#include "analysis/trend.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/xalloc.h"

static int by_day(const void *a, const void *b)
{
	const struct trend_point *x = a, *y = b;

	return (x->day > y->day) - (x->day < y->day);
}

void trend_compute(const struct trend_point *pts, size_t n, struct trend *out)
{
	struct trend_point *days = NULL;
	size_t n_days = 0;
	double mx = 0, my = 0, sxy = 0, sxx = 0;

	memset(out, 0, sizeof(*out));
	out->first.day = out->last.day = out->worst.day = DATE_NONE;
	out->first.value = out->last.value = out->worst.value = -1;
	out->slope_per_week = (double)NAN;
	out->verdict = TREND_UNKNOWN;
	if (n == 0) {
		return;
	}
	days = xmalloc(n * sizeof(*days));
	memcpy(days, pts, n * sizeof(*days));
	qsort(days, n, sizeof(*days), by_day);
	for (size_t i = 0; i < n; i++) {
		if (n_days && days[n_days - 1].day == days[i].day) {
			if (days[i].value > days[n_days - 1].value) {
				days[n_days - 1].value = days[i].value;
			}
		} else {
			days[n_days++] = days[i];
		}
	}
	out->n_days = n_days;
	out->first = days[0];
	out->last = days[n_days - 1];
	out->worst = days[0];
	for (size_t i = 0; i < n_days; i++) {
		if (days[i].value > out->worst.value) {
			out->worst = days[i];
		}
		mx += days[i].day - days[0].day;
		my += days[i].value;
	}
	if (n_days >= 2) {
		mx /= (double)n_days;
		my /= (double)n_days;
		for (size_t i = 0; i < n_days; i++) {
			double dx = days[i].day - days[0].day - mx;

			sxy += dx * (days[i].value - my);
			sxx += dx * dx;
		}
		out->slope_per_week = sxy / sxx * 7;
		if (out->slope_per_week < -TREND_FLAT_PER_WEEK) {
			out->verdict = TREND_IMPROVING;
		} else if (out->slope_per_week > TREND_FLAT_PER_WEEK) {
			out->verdict = TREND_WORSE;
		} else {
			out->verdict = TREND_FLAT;
		}
	}
	free(days);
}

const char *trend_verdict_name(enum trend_verdict v)
{
	switch (v) {
	case TREND_IMPROVING:
		return "improving";
	case TREND_FLAT:
		return "flat";
	case TREND_WORSE:
		return "worse";
	default:
		return "unknown";
	}
}
