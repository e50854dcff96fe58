/*
 * pmc.h: fitness, fatigue, form and workload ratios from daily load.
 *
 * The Performance Management Chart (domain.md 1.6), the acute:chronic
 * workload ratio (1.7) and Foster's weekly monotony and strain (1.4), all
 * from one series of daily load totals. Where the load comes from (rTSS,
 * hrTSS, session RPE) and summing a day's activities are the caller's
 * business; this module sees only one number a day, for consecutive days,
 * a rest day being 0 rather than missing. It allocates nothing: every
 * output array belongs to the caller.
 *
 * The name is TrainingPeaks' "Performance Management Chart", whose
 * conventions the numbers follow wherever the literature leaves a choice,
 * so a runner comparing knead with that chart sees the same values.
 *
 * Choices, each a place where tools disagree:
 *
 * - CTL and ATL use the 1/tau recurrence X_t = X_{t-1} + (L_t - X_{t-1})/tau
 *   (tau 42 and 7), not the exponential constant 1 - e^(-1/tau) (0.02353
 *   against 1/42 = 0.02381; 0.1331 against 1/7 = 0.1429). The exponential
 *   form is the exact discretisation of Banister's continuous model, but
 *   TrainingPeaks and most published calculators use 1/tau, and matching
 *   them matters more than the 1-7% faster response it implies. Half-lives
 *   are 28.8 days (CTL) and 4.5 days (ATL).
 *
 * - TSB (form) is yesterday's CTL minus yesterday's ATL, as TrainingPeaks
 *   shows it: a session moves form the next day, so the form a runner reads
 *   in the morning does not depend on whether today's run is logged yet.
 *   Tools that show same-day CTL - ATL read lower on a training day.
 *
 * - The EWMA ratio follows Williams et al. 2017: lambda = 2/(N + 1), N = 7
 *   (0.25) acute and N = 28 (2/29) chronic. These are not ATL and CTL: the
 *   constants differ, and the injury studies used these.
 *
 * - The rolling ratio is uncoupled (Windt & Gabbett 2019): the last 7 days'
 *   load over the mean weekly load of the 3 weeks before them, so the acute
 *   week is not also a quarter of the chronic figure, which would build in
 *   a correlation of about r = 0.5 (Lolli et al. 2019).
 *
 * - Seeds default to 0. CTL from 0 under-reads for 4-6 weeks (after 28
 *   days of steady load it shows about half of it), so a caller with history
 *   before the series should pass seeds, or start the series earlier than
 *   the days it shows.
 *
 * Neither ratio predicts injury (domain.md 1.7): they describe load.
 */
#ifndef KNEAD_PMC_H
#define KNEAD_PMC_H

#include <stddef.h>
#include <stdint.h>

/* Time constants, in days, of CTL (fitness) and ATL (fatigue). */
#define PMC_CTL_DAYS 42
#define PMC_ATL_DAYS 7

/* The N of the EWMA ratio's acute and chronic averages (lambda = 2/(N+1)). */
#define PMC_ACUTE_DAYS   7
#define PMC_CHRONIC_DAYS 28

/* The rolling ratio's windows: one acute week, then PMC_CHRONIC_WEEKS weeks
 * before it; PMC_ROLLING_DAYS days of series are needed for a value. */
#define PMC_CHRONIC_WEEKS 3
#define PMC_ROLLING_DAYS  (7 * (1 + PMC_CHRONIC_WEEKS))

/*
 * The averages as they stood the day before the series begins. The last
 * day of an earlier pmc_compute gives the seed that continues it exactly
 * (its ctl, atl, ewma_acute and ewma_chronic); the rolling ratio has no
 * seed and starts again. All zero when the caller passes no seed.
 */
struct pmc_seed {
	double ctl;          /* fitness before the first day */
	double atl;          /* fatigue before the first day */
	double ewma_acute;   /* acute EWMA before the first day */
	double ewma_chronic; /* chronic EWMA before the first day */
};

/*
 * One day of the chart. ctl, atl and the EWMAs include the day's own load;
 * tsb does not (see the file comment). A ratio is (double)NAN when its
 * chronic figure is 0, and acwr_rolling is NAN on the first
 * PMC_ROLLING_DAYS - 1 days (27), before four weeks of series exist.
 */
struct pmc_day {
	int32_t day;         /* local day number (base/date.h) */
	double load;         /* the day's load, as given */
	double ctl;          /* fitness: 42-day 1/tau average, this day included */
	double atl;          /* fatigue: 7-day 1/tau average, this day included */
	double tsb;          /* form, TrainingPeaks style: yesterday's ctl - atl */
	double ewma_acute;   /* EWMA of load, lambda = 2/8 */
	double ewma_chronic; /* EWMA of load, lambda = 2/29 */
	double acwr_ewma;    /* ewma_acute / ewma_chronic; NAN if chronic is 0 */
	double acwr_rolling; /* last 7 days' load / mean week of the 21 before */
};

/*
 * One ISO week (Monday to Sunday) of the series. A week at either end of
 * the series may be partial: days counts only the days the series covers,
 * and load sums only those. Foster's monotony is defined over 7 days, and
 * days outside the series are unknown rather than rest, so a partial week
 * has no monotony or strain. Neither has a week of seven equal days, whose
 * SD is 0: it is left undefined rather than capped, since a cap would be
 * an invented number.
 */
struct pmc_week {
	int32_t monday;  /* day number of the week's Monday */
	double load;     /* total load of the days covered */
	double monotony; /* mean/SD of the 7 daily loads, population SD */
	double strain;   /* load * monotony; NAN when monotony is */
	int days;        /* days of the week inside the series, 1..7 */
};

/*
 * Fill out[0..n-1] with the chart for loads[0..n-1], the loads of the days
 * first_day, first_day + 1, ... Each load must be finite and not negative
 * (assert). seed may be NULL for all zeros. out is caller-owned and holds n
 * entries; loads may be NULL when n is 0. Time and space O(n).
 */
void pmc_compute(const double *loads, size_t n, int32_t first_day, const struct pmc_seed *seed,
                 struct pmc_day *out);

/*
 * The weekly figures of the same series (loads[0..n-1] for the days from
 * first_day). Writes the first min(max, total) weeks, oldest first, to the
 * caller-owned out (which may be NULL when max is 0) and returns the total
 * number of ISO weeks the series touches, so a call with max 0 sizes the
 * array. Returns 0 for an empty series.
 */
size_t pmc_weeks(const double *loads, size_t n, int32_t first_day, struct pmc_week *out,
                 size_t max);

#endif
