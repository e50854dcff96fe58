/*
 * sport.h: the sports knead logs, and what each one implies.
 *
 * The list is DESIGN.md's. A sport decides how its pace reads (min/km on
 * foot, km/h on wheels and skis, per 100 m in the water, nothing for time-
 * only sessions), whether a treadmill makes sense, and the fastest average
 * speed that is believable, which catches typos such as 8k in 2min.
 */
#ifndef KNEAD_SPORT_H
#define KNEAD_SPORT_H

#include <stdbool.h>

#include "base/err.h"

enum sport {
	SPORT_RUN,
	SPORT_TRAIL,
	SPORT_WALK,
	SPORT_HIKE,
	SPORT_SKI,
	SPORT_XCSKI,
	SPORT_BIKE,
	SPORT_SWIM,
	SPORT_STRENGTH,
	SPORT_YOGA,
	SPORT_CROSS,
	SPORT_OTHER,
	SPORT_COUNT
};

/* How a sport's speed is shown. */
enum sport_pace {
	SPORT_PACE_NONE,  /* time only: strength, yoga */
	SPORT_PACE_FOOT,  /* minutes per km or mile */
	SPORT_PACE_SPEED, /* km/h or mph */
	SPORT_PACE_SWIM,  /* minutes per 100 m */
};

/* The canonical name: "run", "xcski". */
const char *sport_name(enum sport s);

/* Resolve a name ("run"), an alias ("running", "cycling", "nordic") or a
 * unique prefix of a name ("str" for strength). An unknown or ambiguous
 * word is ERR_INPUT with a message listing the candidates. */
enum err_code sport_parse(const char *word, enum sport *out, struct err *err);

/* The sport named exactly (no aliases, no prefixes), as stored in the
 * database; false for anything else. */
bool sport_from_name(const char *name, enum sport *out);

enum sport_pace sport_pace(enum sport s);

/* True for the sports done on a treadmill: run, walk, hike. */
bool sport_allows_treadmill(enum sport s);

/* True for the sports that count as running volume: run, trail. */
bool sport_is_running(enum sport s);

/* The fastest believable average speed in m/s, or 0 for no limit. */
double sport_max_speed(enum sport s);

#endif
