/*
 * effects.h: what has helped this runner, read from their own log.
 *
 * The studies (domain.md 2) say what massage, rolling or ice do for
 * runners on average; this module asks the runner's own check-ins what
 * each modality did for them. It is an observational comparison, not a
 * trial, and says so with its numbers: how many cases, and a 90 %
 * bootstrap interval of the mean, or "not enough data" below
 * EFFECTS_MIN_CASES cases.
 *
 * Soreness after a session. For a modality and the region a session
 * worked, a case is a day d with a soreness level for that region (the
 * highest of its check-ins within the region, on the side in question)
 * and at least one level in the EFFECTS_WINDOW_DAYS days after; its
 * change is the mean of those later levels minus the level on d, so a
 * negative change is soreness easing. A day with a session of the
 * modality on the region (or an overlapping one) is a case "with"; a day
 * with none, on which soreness was in the range of the "with" days'
 * (comparable days: as sore as the days the runner reached for it), is a
 * case "without". Comparing only similarly sore days keeps the contrast
 * from crediting the modality with the fall that high soreness takes on
 * its own. Left and right are separate cases of a sided region. Sessions
 * that named no region (a bath, a yoga class) are compared on the whole
 * body: the day's highest soreness anywhere, and a region of "".
 *
 * Races. For each race run (status done), the days from the race until
 * the first check-in day whose highest soreness was EFFECTS_RECOVERED or
 * lower, looked for over EFFECTS_RACE_DAYS days; races without such a
 * day there (no check-ins, or the runner still sore) are left out. Races
 * with any massage in the EFFECTS_RACE_MASSAGE_DAYS days after are
 * compared with those without. The window is fixed, not "until soreness
 * fell", so that a quick recovery, which leaves no time for a massage,
 * does not count against the runners who had none.
 *
 * Intervals are percentile bootstrap intervals from EFFECTS_RESAMPLES
 * resamples of a fixed-seed generator: the same log always gives the
 * same numbers. Nothing here allocates but effects_compute's report.
 */
#ifndef KNEAD_EFFECTS_H
#define KNEAD_EFFECTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/body.h"
#include "core/race.h"
#include "core/recovery.h"
#include "core/region.h"

/* Soreness is followed over the 1..3 days after a day. */
#define EFFECTS_WINDOW_DAYS 3
/* Fewer cases than this in either group is "not enough data". */
#define EFFECTS_MIN_CASES 5
/* Bootstrap resamples, the interval's coverage and the fixed seed. */
#define EFFECTS_RESAMPLES 2000
#define EFFECTS_INTERVAL  0.90
#define EFFECTS_SEED      UINT64_C(0x6b6e656164) /* "knead" */
/* Soreness at or below this counts as recovered after a race... */
#define EFFECTS_RECOVERED 2
/* ...looked for over this many days after it... */
#define EFFECTS_RACE_DAYS 28
/* ...and a massage this many days after it makes a race "with massage". */
#define EFFECTS_RACE_MASSAGE_DAYS 7

/* The mean of a group of cases and how sure it is. */
struct effects_estimate {
	size_t n;    /* cases */
	double mean; /* their mean; (double)NAN when n is 0 */
	double lo;   /* EFFECTS_INTERVAL bootstrap interval of the mean; */
	double hi;   /* (double)NAN both with fewer than EFFECTS_MIN_CASES cases */
};

/* Cases with a modality against cases without it. */
struct effects_compare {
	struct effects_estimate with;       /* with the modality */
	struct effects_estimate without;    /* comparable cases without */
	struct effects_estimate difference; /* with minus without: the effect; its n is
	                                       the smaller group's, which limits it */
	bool enough; /* both groups have EFFECTS_MIN_CASES cases (the intervals are set) */
};

/* What a comparison says, read from the interval of the difference
 * (negative is better: less sore, fewer days). */
enum effects_verdict {
	EFFECTS_NOT_ENOUGH, /* fewer than EFFECTS_MIN_CASES in a group */
	EFFECTS_HELPED,     /* the whole interval is below 0 */
	EFFECTS_WORSE,      /* the whole interval is above 0 */
	EFFECTS_UNCLEAR,    /* the interval holds 0 */
};

enum effects_verdict effects_verdict_of(const struct effects_compare *c);

/* "not enough data", "helped", "worse", "no clear effect". */
const char *effects_verdict_name(enum effects_verdict v);

/* One modality on one region. */
struct effects_row {
	enum modality modality;        /* what */
	char region[REGION_CODE_MAX];  /* the region sessions worked; "" for the whole body */
	struct effects_compare change; /* soreness change over the next days (levels, 0..10) */
	int baseline_lo;               /* the "with" days' soreness ranged from this... */
	int baseline_hi;               /* ...to this (-1 both when there were none) */
};

/* One race run, and how long its soreness took to settle. */
struct effects_race {
	size_t race;       /* index into the race list given */
	bool massage;      /* a massage in the EFFECTS_RACE_MASSAGE_DAYS days after */
	int days;          /* days until soreness was EFFECTS_RECOVERED or lower */
	int32_t recovered; /* that day */
};

struct effects_report {
	int32_t to;                  /* the last day of the log used */
	struct effects_row *rows;    /* n_rows, by modality, then region code (owned) */
	size_t n_rows;               /* count */
	struct effects_race *races;  /* n_races races with a known recovery, by day (owned) */
	size_t n_races;              /* count */
	size_t races_unknown;        /* races run without a day of low soreness to go by */
	struct effects_compare race; /* days to recover, with a massage against without */
};

/* Compare what the log holds up to day `to`: the check-ins, the sessions
 * (of the modalities whose bit (1u << modality) is set in modalities, or
 * of all for 0) and the races, each in any order and range (later days
 * are ignored). cat places regions within one another; it may be NULL,
 * and then a region is only itself. The races part is filled whatever the
 * modalities. *out is initialised here; the caller releases it. */
void effects_compute(const struct region_catalog *cat, const struct checkin_list *checkins,
                     const struct recovery_list *sessions, const struct race_list *races,
                     int32_t to, unsigned modalities, struct effects_report *out);

void effects_report_release(struct effects_report *r);

/* The mean of x[0..n-1] and, with at least EFFECTS_MIN_CASES values, its
 * bootstrap interval. */
void effects_estimate_mean(const double *x, size_t n, struct effects_estimate *out);

/* Compare the groups with[0..n_with-1] and without[0..n_without-1]: each
 * group's estimate, and the difference of their means with an interval
 * from resampling both. */
void effects_compare_groups(const double *with, size_t n_with, const double *without,
                            size_t n_without, struct effects_compare *out);

#endif
