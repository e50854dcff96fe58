/*
 * activity.h: one training session, as knead stores it.
 *
 * An activity happened on a local calendar day; its start instant is known
 * only when the runner gave a time (--at) or a file recorded one. Figures
 * that were not given are unknown, not zero: NAN for measures, 0 for the
 * small integers whose valid values start at 1 (RPE, heart rate), 0 for ids
 * and DATE_NONE for dates. Everything is SI: metres, seconds, bpm.
 *
 * Strings are owned by the activity and freed by activity_release.
 * Validation lives here so that the CLI, the importer and the web app
 * refuse the same things with the same words.
 */
#ifndef KNEAD_ACTIVITY_H
#define KNEAD_ACTIVITY_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/sport.h"

/* Where an activity came from. */
enum activity_source {
	SOURCE_MANUAL, /* typed with knead log or entered in the web app */
	SOURCE_FIT,
	SOURCE_GPX,
	SOURCE_TCX,
	SOURCE_CSV,
	SOURCE_COUNT
};

/* The longest activity knead believes when typed: seven days. */
#define ACTIVITY_MAX_DURATION_S (7.0 * 86400)
/* Files are believed further: a device left recording for a month writes
 * a month-long "activity" (27- and 31-day ones are in the test data). */
#define ACTIVITY_MAX_FILE_DURATION_S (400.0 * 86400)
/* The longest distance knead believes: 5,000 km. */
#define ACTIVITY_MAX_DISTANCE_M 5e6
/* Typed distances shorter than this are taken for a unit mistake ("45m"
 * meant as minutes); imported files may carry shorter ones. */
#define ACTIVITY_MIN_TYPED_DISTANCE_M 100.0
/* Longest name and note, in bytes. */
#define ACTIVITY_MAX_NAME 200
#define ACTIVITY_MAX_NOTE 10000

struct activity {
	int64_t id;           /* database id; 0 until stored */
	int64_t athlete_id;   /* owner */
	enum sport sport;     /* what was done */
	bool treadmill;       /* indoors on a treadmill (run, walk, hike only) */
	int32_t date;         /* local calendar day (base/date.h), always set */
	bool has_start;       /* whether start_utc and utc_offset are known */
	int64_t start_utc;    /* start instant, Unix seconds */
	int32_t utc_offset;   /* local offset from UTC at the start, seconds */
	double distance_m;    /* metres, (double)NAN if unknown */
	double duration_s;    /* elapsed seconds, (double)NAN if unknown */
	double moving_s;      /* seconds in motion, (double)NAN if unknown */
	double ascent_m;      /* metres climbed, (double)NAN if unknown */
	double descent_m;     /* metres descended, (double)NAN if unknown */
	int rpe;              /* perceived effort 1..10, 0 if unknown */
	int hr_avg;           /* average heart rate, 0 if unknown */
	int hr_max;           /* maximum heart rate, 0 if unknown */
	double cadence_avg;   /* steps per minute running, rpm cycling; NAN if unknown */
	double power_avg;     /* watts, NAN if unknown */
	double load;          /* training load in points (analysis/load.h), NAN until computed */
	char load_method[12]; /* how load was found ("hr-avg"), "" until computed */
	int64_t gear_id;      /* gear used, 0 for none */
	char *gear;           /* that gear's name, NULL for none (owned) */
	enum activity_source source; /* where it came from */
	int64_t source_id;           /* the imported file (store), 0 if typed */
	char *source_file;           /* imported file's name, NULL if typed (owned) */
	char *source_sha256;         /* imported file's SHA-256 in hex (owned) */
	char *device;                /* the device that recorded it, NULL if unknown (owned) */
	char *name;                  /* a title, NULL if none (owned) */
	char *note;                  /* free text, NULL if none (owned) */
};

/* A growable array of activities, owned. */
struct activity_list {
	struct activity *activities; /* n_activities initialised elements */
	size_t n_activities;         /* count in use */
	size_t alloc;                /* count allocated */
};

#define ACTIVITY_LIST_INIT                                                                         \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* Per-sport and overall sums over a set of activities. Distances and times
 * add only where known; count includes every activity. */
struct activity_totals {
	int count;         /* activities */
	double distance_m; /* sum of known distances */
	double time_s;     /* sum of moving time where known, else elapsed */
};

struct activity_summary {
	struct activity_totals by_sport[SPORT_COUNT]; /* indexed by enum sport */
	struct activity_totals all;                   /* every sport together */
};

/* Set every field to unknown: no id, SPORT_RUN, today unset (DATE_NONE),
 * manual source, no strings. */
void activity_init(struct activity *a);

/* Free the strings a holds and re-initialise it. */
void activity_release(struct activity *a);

/* Replace the string *field with a copy of value (NULL or "" clears it). */
void activity_set_str(char **field, const char *value);

/* Check a complete activity before it is stored. Returns ERR_INPUT with a
 * message naming the field and value for: a missing date, neither
 * distance nor duration, a distance or duration out of range, moving time
 * above elapsed time, a treadmill for a sport that has none, RPE outside
 * 1..10, heart rates outside 25..250 or an average above the maximum,
 * overlong name or note. Typed activities (SOURCE_MANUAL) are also held to
 * a shorter longest duration, a shortest distance and each sport's
 * fastest believable speed: there a surprise is a typo, while a file's
 * surprises are facts to keep. */
enum err_code activity_validate(const struct activity *a, struct err *err);

/* The time that counts for pace and volume: moving time if known, else
 * elapsed, else NAN. */
double activity_time_s(const struct activity *a);

/* Seconds per metre over the activity, (double)NAN without distance and time. */
double activity_sec_per_m(const struct activity *a);

/* "manual", "fit", ... and back. */
const char *activity_source_name(enum activity_source s);
bool activity_source_from_name(const char *name, enum activity_source *out);

/* Append a new initialised activity to list and return it (owned by list). */
struct activity *activity_list_push(struct activity_list *list);

/* Release every activity and the array. */
void activity_list_release(struct activity_list *list);

/* Zero a summary, then add activities to it one by one. */
void activity_summary_init(struct activity_summary *s);
void activity_summary_add(struct activity_summary *s, const struct activity *a);

#endif
