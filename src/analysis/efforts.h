/*
 * efforts.h: the runner's best recent efforts, for race predictions.
 *
 * Predictions (analysis/predict.h) are only as good as the efforts they
 * start from. This module looks through the log for them and keeps, for
 * each standard distance (a mile, 5k, 10k, 15k, 10 miles, the half and the
 * marathon), the best one. Candidates come from three places:
 *
 * - Race results. A done race with a result time is the best evidence
 *   there is: an all-out effort over a measured course, timed by a chip.
 *   Its distance and time stand for the activity that was the race, whose
 *   GPS distance and watch time are not counted beside it. Races on
 *   net-downhill courses (their times are not eligible as records either)
 *   and on trail are left out: their pace says little about a flat road.
 *   A race at a distance no band holds (an 8k) is kept on its own.
 * - Whole runs: outdoor runs (sport run, not a treadmill) with a distance
 *   and a time, when the distance falls in a band. Trail runs are left
 *   out for their climbing and footing; treadmill runs because belts and
 *   foot pods are often several per cent off and there is no air to push.
 * - The fastest stretch of each standard distance inside a recorded
 *   outdoor run, found from the device's cumulative distance and the
 *   sample times: the best 5k inside a 10-mile run. Stretches use clock
 *   time, pauses included (slower, never flattering); a sample that moves
 *   faster than 11 m/s is a GPS jump, and its distance is not counted.
 *   Runs without a device distance column (most GPX files) give none:
 *   distances summed from raw positions add GPS jitter, which makes
 *   stretches look faster than they were.
 *
 * Within a band a race beats any training effort (its distance and time
 * are measured, not estimated); between races, and between training
 * efforts, the higher VDOT wins, then the later day. Which activities and
 * races to offer (the look-back window) is the caller's choice.
 */
#ifndef KNEAD_EFFORTS_H
#define KNEAD_EFFORTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/predict.h"
#include "core/activity.h"
#include "core/race.h"
#include "core/recording.h"

/* The standard distances, shortest first. */
enum effort_band {
	EFFORT_MILE,
	EFFORT_5K,
	EFFORT_10K,
	EFFORT_15K,
	EFFORT_10MI,
	EFFORT_HALF,
	EFFORT_MARATHON,
	EFFORT_BAND_COUNT,
	EFFORT_NO_BAND = -1 /* a race at another distance */
};

/* Where an effort came from. */
enum effort_source {
	EFFORT_RACE,     /* a done race's result */
	EFFORT_ACTIVITY, /* a whole run */
	EFFORT_SEGMENT,  /* the fastest stretch inside a recorded run */
	EFFORT_SOURCE_COUNT
};

/* One effort. The first member is what predict.h takes, so an array of
 * efforts converts with efforts_predict_array. */
struct effort {
	struct predict_effort e;   /* distance_m, time_s, day, activity_id (0 for none) */
	enum effort_source source; /* race, whole run or stretch */
	enum effort_band band;     /* its standard distance, EFFORT_NO_BAND for an odd race */
	double vdot;               /* predict_vdot of e, NAN if the model gives none */
	int64_t race_id;           /* the race, 0 unless source is EFFORT_RACE */
	char *race_name;           /* its name (owned), NULL unless a race */
	double start_s;            /* a stretch: seconds from the run's first sample; else NAN */
};

struct effort_list {
	struct effort *efforts; /* n_efforts initialised elements */
	size_t n_efforts;       /* count in use */
	size_t alloc;           /* count allocated */
};

#define EFFORT_LIST_INIT                                                                           \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void effort_list_release(struct effort_list *list);

/* The band's standard distance in metres, its name ("5k", "10mi",
 * "half") and, for matching whole runs and races, the distances it takes:
 * from 2 % short (a GPS cutting corners) to 5 % long (weaving round a
 * course that was measured on the shortest line). */
double effort_band_distance_m(enum effort_band b);
const char *effort_band_name(enum effort_band b);
enum effort_band effort_band_of(double distance_m);

/* "race", "activity", "segment". */
const char *effort_source_name(enum effort_source s);

/* Whether an activity can hold efforts (an outdoor run with a distance
 * and a time), and whether a race gives one (done, with a result, not on
 * a trail or net-downhill course). A caller loads samples only for
 * activities that count. */
bool efforts_activity_counts(const struct activity *a);
bool efforts_race_counts(const struct race *r);

/*
 * A search: the candidates offered so far, and what the races said about
 * their activities. Offer races and activities in any order, then pick.
 */
struct effort_search {
	struct effort_list candidates;     /* every effort offered */
	int64_t *raced;                    /* activities a counted race stands for */
	size_t n_raced, alloc_raced;       /* their count and room */
	int64_t *excluded;                 /* activities of races on courses left out */
	size_t n_excluded, alloc_excluded; /* their count and room */
};

void effort_search_init(struct effort_search *search);
void effort_search_release(struct effort_search *search);

/* Offer a race: one candidate if it counts. Its activity then offers only
 * its stretches (the race's own numbers replace the whole run); the
 * activity of a race left out for its course offers nothing at all. */
void efforts_add_race(struct effort_search *search, const struct race *r);

/* Offer an activity (nothing unless it counts): the whole run if its
 * distance falls in a band, and with samples (NULL for none) the fastest
 * stretch of each standard distance it covers. */
void efforts_add_activity(struct effort_search *search, const struct activity *a,
                          const struct samples *samples);

/* The fastest stretch of distance_m metres inside samples (time and
 * distance columns, cleaned of GPS jumps), as *time_s and *start_s
 * (seconds from the first sample), the start interpolated between
 * samples; false when the samples hold no such stretch, or only ones
 * faster than anyone runs (race_fastest_believable_s). */
bool efforts_best_stretch(const struct samples *samples, double distance_m, double *time_s,
                          double *start_s);

/* Append to best the best candidate of each band, in band order, then
 * the races at odd distances by distance; each is a copy. */
void efforts_pick(const struct effort_search *search, struct effort_list *best);

/* Copy the predict.h part of each of list's efforts into out, which holds
 * list->n_efforts (caller-owned). */
void efforts_predict_array(const struct effort_list *list, struct predict_effort *out);

#endif
