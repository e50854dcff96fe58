/*
 * load.h: one training load for every activity, in one unit.
 *
 * The unit is TSS-like points: an hour at threshold is 100 (domain.md
 * 1.5). Each activity gets the best method its data allows, in this order:
 *
 *   hr-samples  HRSS from the heart-rate trace: 100 x the session's Banister
 *               TRIMP / the TRIMP of an hour at threshold heart rate
 *   hr-avg      the same from the average heart rate over the moving time
 *   pace        rTSS: hours x IF^2 x 100, IF = speed / threshold speed,
 *               grade-adjusted (Minetti) where altitude was recorded
 *   rpe         Foster's session RPE x minutes, scaled so that an hour at
 *               RPE 10 (the hardest hour one can run: threshold) is 100
 *   default     hours x IF^2 x 100 with a per-sport intensity
 *
 * Heart-rate methods need the profile's maximum and resting heart rate,
 * pace needs its threshold pace; that is why a change to either means
 * recomputing every load.
 */
#ifndef KNEAD_LOAD_H
#define KNEAD_LOAD_H

#include "core/activity.h"
#include "core/athlete.h"
#include "core/recording.h"

enum load_method {
	LOAD_HR_SAMPLES,
	LOAD_HR_AVG,
	LOAD_PACE,
	LOAD_RPE,
	LOAD_DEFAULT,
	LOAD_METHOD_COUNT
};

/* Without a measured threshold heart rate, threshold is taken at this
 * fraction of the maximum: the middle of the 85-92 % that Friel's field
 * test usually gives (domain.md 1.10). */
#define LOAD_LTHR_OF_MAX 0.9

/* Gaps in a heart-rate trace longer than this are a paused watch, not
 * effort, and are not counted. */
#define LOAD_MAX_SAMPLE_GAP_S 30.0

/* What the load of an activity is computed from, taken from the profile. */
struct load_profile {
	int max_hr;                     /* 0 if unknown */
	int rest_hr;                    /* 0 if unknown */
	enum sex sex;                   /* TRIMP weighting; unknown weighs as men */
	double threshold_pace_s_per_km; /* NAN if unknown */
};

struct load_result {
	double points;           /* the load, >= 0 */
	enum load_method method; /* how it was found */
};

void load_profile_from_athlete(struct load_profile *p, const struct athlete *a);

/* The load of a, with its samples if it has any (s may be NULL). An
 * activity always gets a load: the default method needs only a duration,
 * and an activity without one (distance only) is timed at the sport's
 * default speed. */
struct load_result load_compute(const struct activity *a, const struct samples *s,
                                const struct load_profile *p);

/* Banister's TRIMP for minutes at heart-rate-reserve fraction x (0..1):
 * minutes x x x a x e^(b x), a = 0.64, b = 1.92 for men, a = 0.86,
 * b = 1.67 for women (domain.md 1.1). */
double load_trimp(double minutes, double x, enum sex sex);

/* Minetti's energy cost of running on grade i (rise/run, clamped to
 * +-0.45), J/kg/m (domain.md 1.8). */
double load_minetti_cost(double grade);

/* "hr-samples", "hr-avg", "pace", "rpe", "default", and back. */
const char *load_method_name(enum load_method m);
bool load_method_from_name(const char *name, enum load_method *out);

#endif
