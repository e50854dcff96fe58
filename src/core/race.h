/*
 * race.h: the races a runner considers, enters and runs.
 *
 * A race has a day, a distance, a priority (A: the goal the season builds
 * to; B: a serious effort inside it; C: a training race) and a status
 * that moves from considering to registered to done, or to dns/dnf. Once
 * run, it carries its result time and the activity that was the race.
 * Plans are built back from a race; the advisor plans massage around them.
 *
 * Strings are owned by the race and freed by race_release. Unknown times
 * are (double)NAN, an unknown terrain RACE_TERRAIN_UNKNOWN, no activity 0.
 */
#ifndef KNEAD_RACE_H
#define KNEAD_RACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

#define RACE_MAX_NAME 200
#define RACE_MAX_NOTE 10000

enum race_priority {
	RACE_A,
	RACE_B,
	RACE_C,
	RACE_PRIORITY_COUNT
};

enum race_terrain {
	RACE_TERRAIN_UNKNOWN,
	RACE_FLAT,
	RACE_ROLLING,
	RACE_HILLY,
	RACE_NET_DOWNHILL,
	RACE_TRAIL,
	RACE_TERRAIN_COUNT
};

enum race_status {
	RACE_CONSIDERING,
	RACE_REGISTERED,
	RACE_DONE,
	RACE_DNS,
	RACE_DNF,
	RACE_STATUS_COUNT
};

struct race {
	int64_t id;                  /* database id; 0 until stored */
	int64_t athlete_id;          /* owner */
	char *name;                  /* "Phoenix Marathon" (owned) */
	int32_t date;                /* race day (base/date.h) */
	double distance_m;           /* metres, > 0 */
	enum race_priority priority; /* B unless said otherwise */
	enum race_terrain terrain;   /* RACE_TERRAIN_UNKNOWN if not said */
	enum race_status status;     /* registered unless said otherwise */
	double goal_s;               /* goal time, (double)NAN if none */
	double result_s;             /* finishing time, (double)NAN until done */
	int64_t activity_id;         /* the activity that was the race, 0 if none */
	char *note;                  /* free text, NULL if none (owned) */
};

struct race_list {
	struct race *races; /* n_races initialised elements */
	size_t n_races;     /* count in use */
	size_t alloc;       /* count allocated */
};

#define RACE_LIST_INIT                                                                             \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* A race with every field unset: B, registered, unknown terrain. */
void race_init(struct race *r);
void race_release(struct race *r);

/* Check before storing: a name of 1..RACE_MAX_NAME printable characters
 * that is not just digits (it would read as an id), a date, a distance
 * of 100 m to 5,000 km, goal and result times that are positive and give
 * a believable pace for the distance, a result only when done, an
 * activity only when done or dnf, and a note no longer than
 * RACE_MAX_NOTE bytes. ERR_INPUT names the field and value. */
enum err_code race_validate(const struct race *r, struct err *err);

/* The bounds race_validate holds goal and result times to, in seconds,
 * for distance_m metres: 80 % of Riegel's curve through the marathon
 * world record (faster is a typo, not a runner), and an average of
 * 0.5 m/s (slower is not a race). NAN for a distance that is not
 * finite and positive. */
double race_fastest_believable_s(double distance_m);
double race_slowest_believable_s(double distance_m);

/* "A", "B", "C"; "flat", "rolling", "hilly", "net-downhill", "trail";
 * "considering", "registered", "done", "dns", "dnf"; and back. Parsing
 * accepts any letter case and, for terrain and status, a unique start;
 * an unknown word is ERR_INPUT listing the valid ones. */
const char *race_priority_name(enum race_priority p);
enum err_code race_priority_parse(const char *s, enum race_priority *out, struct err *err);
const char *race_terrain_name(enum race_terrain t); /* "" for unknown */
enum err_code race_terrain_parse(const char *s, enum race_terrain *out, struct err *err);
const char *race_status_name(enum race_status s);
enum err_code race_status_parse(const char *s, enum race_status *out, struct err *err);

/* Whether the race is still ahead of the runner: considering or
 * registered (whatever the date says). */
bool race_is_upcoming(const struct race *r);

struct race *race_list_push(struct race_list *list);
void race_list_release(struct race_list *list);

#endif
