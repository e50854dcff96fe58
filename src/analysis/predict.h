/*
 * predict.h: race times predicted from times already run.
 *
 * Two models from domain.md 1.9, each given a time at one distance:
 *
 * - Riegel's power law T2 = T1 * (D2/D1)^k, with k = 1.06 or a personal
 *   exponent found from two of the runner's own races.
 * - Daniels & Gilbert's VDOT: the oxygen cost of the race pace divided by
 *   the fraction of VO2max sustainable for the race's duration. One VDOT
 *   stands for a whole row of Daniels' tables; the time for another
 *   distance is the one whose VDOT is the same, found numerically because
 *   the formula cannot be solved for time.
 *
 * Both were fitted on efforts of roughly 3.5 to 230 minutes, so the picker
 * (predict_from_efforts) trusts only efforts within that range. Finding
 * best efforts inside activities, and choosing what to show, are for the
 * caller. Nothing here allocates: every output belongs to the caller.
 *
 * Every function returns (double)NAN rather than a number when its input
 * does not allow an answer, so a missing prediction cannot pass for a time.
 */
#ifndef KNEAD_PREDICT_H
#define KNEAD_PREDICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Riegel's fatigue exponent, fitted on world records (Riegel 1981). */
#define PREDICT_RIEGEL_EXPONENT 1.06

/* The durations, in seconds, of the efforts Riegel's fit holds for (about
 * 3.5 to 230 minutes, domain.md 1.9); Daniels' tables span about the same
 * (a 1500 m to a marathon). */
#define PREDICT_MIN_EFFORT_S (3.5 * 60.0)
#define PREDICT_MAX_EFFORT_S (230.0 * 60.0)

/* The bracket, in seconds, that predict_time_for_vdot searches: no race
 * worth predicting is shorter or longer. */
#define PREDICT_VDOT_MIN_S 60.0
#define PREDICT_VDOT_MAX_S (24.0 * 3600.0)

/* predict_result.from when no effort could be used. */
#define PREDICT_NONE SIZE_MAX

/* One best effort: a distance covered in a time, somewhere in an activity
 * (a whole race, or the fastest 5 km inside a longer run). */
struct predict_effort {
	double distance_m;   /* > 0 */
	double time_s;       /* > 0, elapsed */
	int32_t day;         /* local day it was run (base/date.h) */
	int64_t activity_id; /* the activity it came from; only passed through */
};

/* What one effort says about the target distance. Times are NAN when the
 * effort or the target is invalid, or (VDOT) the answer lies outside
 * PREDICT_VDOT_MIN_S..PREDICT_VDOT_MAX_S. */
struct predict_estimate {
	double riegel_s; /* Riegel with PREDICT_RIEGEL_EXPONENT */
	double vdot;     /* the effort's VDOT; NAN if the effort is invalid */
	double vdot_s;   /* the time for that VDOT at the target */
	bool in_range;   /* the effort lasted PREDICT_MIN_EFFORT_S..PREDICT_MAX_EFFORT_S */
};

/*
 * The prediction for a target distance from the best of a set of efforts.
 * When from is PREDICT_NONE, effort is zeroed, vdot and the times are NAN
 * and target_in_range is false.
 */
struct predict_result {
	size_t from;                  /* index of the chosen effort, or PREDICT_NONE */
	struct predict_effort effort; /* a copy of efforts[from] */
	double vdot;                  /* its VDOT */
	double riegel_s;              /* Riegel's time for the target from it */
	double vdot_s;                /* Daniels' time for the target from it */
	bool target_in_range;         /* both times lie within the efforts' range too */
};

/* Whether an effort of time_s seconds is one predictions trust
 * (PREDICT_MIN_EFFORT_S..PREDICT_MAX_EFFORT_S). */
bool predict_effort_in_range(double time_s);

/*
 * Riegel's time in seconds for d2_m metres, given t1_s seconds for d1_m
 * metres: t1_s * (d2_m / d1_m)^exponent. NAN unless every argument is
 * finite and positive.
 */
double predict_riegel(double t1_s, double d1_m, double d2_m, double exponent);

/*
 * The exponent that carries one of the runner's races to another:
 * ln(t2_s / t1_s) / ln(d2_m / d1_m). Any value is returned, even a
 * nonsensical one (a longer race run faster); the caller judges. NAN
 * unless every argument is finite and positive and the distances differ.
 */
double predict_riegel_exponent(double t1_s, double d1_m, double t2_s, double d2_m);

/*
 * Daniels & Gilbert's VDOT of distance_m metres run in time_s seconds.
 * NAN unless both are finite and positive, and for a pace so slow (under
 * about 25 m/min) that the model gives it no positive oxygen cost.
 */
double predict_vdot(double distance_m, double time_s);

/*
 * The time in seconds in which distance_m metres is run at the given VDOT,
 * the inverse of predict_vdot, to within a millisecond. NAN unless both
 * are finite and positive, and when the time would fall outside
 * PREDICT_VDOT_MIN_S..PREDICT_VDOT_MAX_S.
 */
double predict_time_for_vdot(double vdot, double distance_m);

/*
 * Predict target_m metres from n_efforts efforts (any order). If estimates
 * is not NULL it must have room for n_efforts entries, and estimates[i] is
 * filled with what efforts[i] says, whatever its range. out gets the
 * prediction from the effort with the highest VDOT among those in range,
 * the best performance; on a tie, the later day, then the earlier index.
 * Returns whether an effort was chosen: false when none is valid and in
 * range, or target_m is not finite and positive.
 */
bool predict_from_efforts(const struct predict_effort *efforts, size_t n_efforts, double target_m,
                          struct predict_estimate *estimates, struct predict_result *out);

#endif
