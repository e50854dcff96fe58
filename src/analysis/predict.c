/*
 * predict.c: Riegel and VDOT race predictions (see predict.h).
 */
#include "analysis/predict.h"

#include <math.h>
#include <string.h>

#include "base/bug.h"

/* The bisection stops once the bracket is this narrow, in seconds: well
 * under the millisecond predict.h promises, and reached in 37 halvings
 * of the 24-hour bracket. */
#define BISECT_WIDTH_S 1e-6

/* A guard against a loop that would not end if the width could not be
 * reached in floating point; 100 halvings shrink any bracket to nothing. */
#define BISECT_MAX_STEPS 100

static bool positive(double x)
{
	return isfinite(x) && x > 0.0;
}

double predict_riegel(double t1_s, double d1_m, double d2_m, double exponent)
{
	if (!positive(t1_s) || !positive(d1_m) || !positive(d2_m) || !positive(exponent)) {
		return (double)NAN;
	}
	return t1_s * pow(d2_m / d1_m, exponent);
}

double predict_riegel_exponent(double t1_s, double d1_m, double t2_s, double d2_m)
{
	double k;

	if (!positive(t1_s) || !positive(d1_m) || !positive(t2_s) || !positive(d2_m) ||
	    d1_m == d2_m) {
		return (double)NAN;
	}
	k = log(t2_s / t1_s) / log(d2_m / d1_m);
	/* distances a rounding error apart would give a huge, meaningless k */
	return isfinite(k) ? k : (double)NAN;
}

double predict_vdot(double distance_m, double time_s)
{
	double t, v, vo2, f;

	if (!positive(distance_m) || !positive(time_s)) {
		return (double)NAN;
	}
	/* the fit is in minutes and metres per minute */
	t = time_s / 60.0;
	v = distance_m / t;
	vo2 = -4.60 + 0.182258 * v + 0.000104 * v * v;
	f = 0.8 + 0.1894393 * exp(-0.012778 * t) + 0.2989558 * exp(-0.1932605 * t);
	if (!(vo2 > 0.0)) {
		return (double)NAN;
	}
	return vo2 / f;
}

/*
 * Bisection is enough: each step costs two exp() calls and 37 steps
 * reach BISECT_WIDTH_S, and unlike Newton or secant steps it cannot leave
 * the bracket.
 *
 * The root is unique because, for a fixed distance, VDOT falls strictly as
 * time rises wherever it is positive. With v = d/t, VO2(v) falls as t
 * rises, and since VO2(v) < v * (0.182258 + 0.000208 v) = v * VO2'(v),
 * -d(ln VO2)/dt = VO2'(v) * v/t / VO2 > 1/t. F falls too, but slowly:
 * t * |F'(t)| is at most 0.0698 (the first term's peak, at t = 78 min) plus
 * 0.110 (the second's, at t = 5.2 min), under 0.18, while F > 0.8, so
 * -d(ln F)/dt < 1/t. Hence d(ln VDOT)/dt < 0. Where VO2 is not positive,
 * predict_vdot gives NAN, which counts as below every (positive) target;
 * that region is a tail of the bracket, since VO2 only falls with t.
 */
double predict_time_for_vdot(double vdot, double distance_m)
{
	double lo = PREDICT_VDOT_MIN_S, hi = PREDICT_VDOT_MAX_S;
	double at_lo, at_hi;

	if (!positive(vdot) || !positive(distance_m)) {
		return (double)NAN;
	}
	at_lo = predict_vdot(distance_m, lo);
	at_hi = predict_vdot(distance_m, hi);
	/* the time needed is under the bracket: a faster runner than one
	 * minute allows for this distance */
	if (!(at_lo >= vdot)) {
		return (double)NAN;
	}
	/* or over it: even 24 hours asks for more than this VDOT */
	if (at_hi > vdot) {
		return (double)NAN;
	}
	for (int step = 0; step < BISECT_MAX_STEPS && hi - lo > BISECT_WIDTH_S; step++) {
		double mid = lo + (hi - lo) / 2.0;

		/* a NAN (too slow to score) compares false, as below the target */
		if (predict_vdot(distance_m, mid) >= vdot) {
			lo = mid;
		} else {
			hi = mid;
		}
	}
	return lo + (hi - lo) / 2.0;
}

static void estimate(const struct predict_effort *e, double target_m, struct predict_estimate *out)
{
	out->riegel_s = predict_riegel(e->time_s, e->distance_m, target_m, PREDICT_RIEGEL_EXPONENT);
	out->vdot = predict_vdot(e->distance_m, e->time_s);
	out->vdot_s = predict_time_for_vdot(out->vdot, target_m);
	out->in_range = isfinite(out->vdot) && e->time_s >= PREDICT_MIN_EFFORT_S &&
	                e->time_s <= PREDICT_MAX_EFFORT_S;
}

static bool time_in_range(double t_s)
{
	return t_s >= PREDICT_MIN_EFFORT_S && t_s <= PREDICT_MAX_EFFORT_S;
}

/* Whether candidate, of VDOT vdot, beats the current pick. Of equal
 * performances the more recent says more about today's fitness; on one day
 * the earlier index stays, so the caller's order decides. */
static bool better(const struct predict_effort *candidate, double vdot,
                   const struct predict_result *pick)
{
	if (pick->from == PREDICT_NONE) {
		return true;
	}
	if (vdot != pick->vdot) {
		return vdot > pick->vdot;
	}
	return candidate->day > pick->effort.day;
}

bool predict_from_efforts(const struct predict_effort *efforts, size_t n_efforts, double target_m,
                          struct predict_estimate *estimates, struct predict_result *out)
{
	bool target_ok = positive(target_m);

	if (n_efforts > 0 && efforts == NULL) {
		BUG("predict_from_efforts: %zu efforts but no array", n_efforts);
	}
	memset(out, 0, sizeof(*out));
	out->from = PREDICT_NONE;
	out->vdot = out->riegel_s = out->vdot_s = (double)NAN;
	for (size_t i = 0; i < n_efforts; i++) {
		struct predict_estimate est;

		estimate(&efforts[i], target_m, &est);
		if (estimates) {
			estimates[i] = est;
		}
		if (target_ok && est.in_range && better(&efforts[i], est.vdot, out)) {
			out->from = i;
			out->effort = efforts[i];
			out->vdot = est.vdot;
			out->riegel_s = est.riegel_s;
			out->vdot_s = est.vdot_s;
		}
	}
	if (out->from == PREDICT_NONE) {
		return false;
	}
	out->target_in_range = time_in_range(out->riegel_s) && time_in_range(out->vdot_s);
	return true;
}

bool predict_effort_in_range(double time_s)
{
	return time_s >= PREDICT_MIN_EFFORT_S && time_s <= PREDICT_MAX_EFFORT_S;
}
