/*
 * pmc.c: fitness, fatigue, form and workload ratios (see pmc.h).
 */
#include "analysis/pmc.h"

#include <assert.h>
#include <math.h>
#include <stdbool.h>

#include "base/date.h"

/* pmc.h describes the rolling ratio as 7:28 in words. */
_Static_assert(PMC_ROLLING_DAYS == 28, "the rolling ratio is 7:28");

/* Williams et al.'s smoothing constant for an N-day EWMA. */
static double ewma_lambda(int n_days)
{
	return 2.0 / (n_days + 1);
}

static double sum(const double *v, size_t n)
{
	double s = 0;

	for (size_t i = 0; i < n; i++) {
		s += v[i];
	}
	return s;
}

static double ratio(double acute, double chronic)
{
	return chronic > 0 ? acute / chronic : (double)NAN;
}

/*
 * The uncoupled 7:28 ratio on the day loads[i]. The windows are summed
 * afresh each day rather than kept as running sums: 28 additions a day is
 * nothing, and a running sum carries rounding residue, so three rest weeks
 * after a block of training would leave a chronic load of 1e-14 instead of
 * 0 and a huge ratio instead of none.
 */
static double rolling_ratio(const double *loads, size_t i)
{
	const double *window;
	double acute, chronic;

	if (i + 1 < PMC_ROLLING_DAYS) {
		return (double)NAN;
	}
	window = loads + i + 1 - PMC_ROLLING_DAYS;
	chronic = sum(window, 7 * PMC_CHRONIC_WEEKS) / PMC_CHRONIC_WEEKS;
	acute = sum(window + 7 * PMC_CHRONIC_WEEKS, 7);
	return ratio(acute, chronic);
}

void pmc_compute(const double *loads, size_t n, int32_t first_day, const struct pmc_seed *seed,
                 struct pmc_day *out)
{
	const double la = ewma_lambda(PMC_ACUTE_DAYS), lc = ewma_lambda(PMC_CHRONIC_DAYS);
	struct pmc_seed prev = { 0, 0, 0, 0 };

	assert(n == 0 || (loads && out));
	if (seed) {
		prev = *seed;
	}
	for (size_t i = 0; i < n; i++) {
		struct pmc_day *d = &out[i];
		double load = loads[i];

		assert(isfinite(load) && load >= 0);
		d->day = first_day + (int32_t)i;
		d->load = load;
		d->tsb = prev.ctl - prev.atl;
		d->ctl = prev.ctl + (load - prev.ctl) / PMC_CTL_DAYS;
		d->atl = prev.atl + (load - prev.atl) / PMC_ATL_DAYS;
		d->ewma_acute = la * load + (1 - la) * prev.ewma_acute;
		d->ewma_chronic = lc * load + (1 - lc) * prev.ewma_chronic;
		d->acwr_ewma = ratio(d->ewma_acute, d->ewma_chronic);
		d->acwr_rolling = rolling_ratio(loads, i);
		prev.ctl = d->ctl;
		prev.atl = d->atl;
		prev.ewma_acute = d->ewma_acute;
		prev.ewma_chronic = d->ewma_chronic;
	}
}

/*
 * Foster's monotony of one full week. Equal days are caught by comparison
 * rather than by SD == 0, because the mean of seven equal loads need not
 * round back to the load (7 x 0.1), and the SD would then be a rounding
 * residue giving a monotony near 1e16. An even week is undefined rather
 * than capped: any cap would be an invented number the advisor might act
 * on, and the runner's week (every day the same) is plain to see.
 */
static double monotony(const double v[7])
{
	double mean, ss = 0;
	bool even = true;

	for (int i = 1; i < 7; i++) {
		if (v[i] != v[0]) {
			even = false;
		}
	}
	if (even) {
		return (double)NAN;
	}
	mean = sum(v, 7) / 7;
	for (int i = 0; i < 7; i++) {
		ss += (v[i] - mean) * (v[i] - mean);
	}
	return mean / sqrt(ss / 7);
}

size_t pmc_weeks(const double *loads, size_t n, int32_t first_day, struct pmc_week *out, size_t max)
{
	int32_t first_monday, last_monday;
	size_t n_weeks;

	assert(n == 0 || loads);
	assert(max == 0 || out);
	if (n == 0) {
		return 0;
	}
	first_monday = date_week_start(first_day);
	last_monday = date_week_start(first_day + (int32_t)(n - 1));
	n_weeks = (size_t)(last_monday - first_monday) / 7 + 1;
	for (size_t w = 0; w < n_weeks && w < max; w++) {
		struct pmc_week *wk = &out[w];
		/* The week's Monday as an index into loads; negative in a first
		 * week that starts before the series. */
		int64_t start = (int64_t)first_monday - first_day + 7 * (int64_t)w;
		double v[7];

		wk->monday = first_monday + 7 * (int32_t)w;
		wk->days = 0;
		for (int i = 0; i < 7; i++) {
			int64_t j = start + i;

			v[i] = 0;
			if (j >= 0 && j < (int64_t)n) {
				v[i] = loads[(size_t)j];
				wk->days++;
			}
		}
		wk->load = sum(v, 7);
		wk->monotony = wk->days == 7 ? monotony(v) : (double)NAN;
		wk->strain = wk->load * wk->monotony;
	}
	return n_weeks;
}
