/*
 * plan.h: training plans, their workouts, and the templates they are
 * built from.
 *
 * A plan is built back from a race (advice/plan.h): whole Monday-to-Sunday
 * weeks, the last one holding the race, which is the plan's last workout.
 * Every day from the plan's first Monday to the race has one workout, rest
 * days included, so a week's phase and number can be read from its rows.
 * A plan is by time (targets in minutes, as many runners now train) or by
 * distance (targets in metres, shown in the profile's km or mi).
 *
 * A template (data/plans/NAME.ini, described at the top of each file) says
 * how a plan for one race distance is shaped: its length, the share of
 * the weeks in each phase (base, build, peak, then the taper), the weekly
 * volume and long run through them, the quality sessions of each phase,
 * the cutback weeks and the taper. This file parses and checks templates
 * and plans; it does no I/O and no arithmetic of weeks (advice/plan.h).
 *
 * What was done against a workout is not stored: advice/plan.h matches
 * the activities each time a week is shown, so an edited log is always
 * reflected. Strings are owned by their struct and freed by its release.
 */
#ifndef KNEAD_PLAN_H
#define KNEAD_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/sport.h"

/* Limits a template may set and a plan may have. */
#define PLAN_MAX_WEEKS    52 /* a year: longer is a season, not a plan */
#define PLAN_MIN_DAYS     3  /* fewer running days than this is not a plan */
#define PLAN_MAX_DAYS     7
#define PLAN_MAX_TEXT     1000 /* a workout's description, a plan's notes */
#define PLAN_MAX_SESSIONS 32   /* quality sessions in a template */
#define PLAN_MAX_TAPER    4    /* weeks of taper */

enum workout_kind {
	WORKOUT_REST,
	WORKOUT_EASY,
	WORKOUT_LONG,
	WORKOUT_TEMPO,
	WORKOUT_INTERVALS,
	WORKOUT_RACE,
	WORKOUT_CROSS,
	WORKOUT_STRENGTH,
	WORKOUT_KIND_COUNT
};

enum plan_phase {
	PLAN_BASE,  /* aerobic base: easy volume, light quality */
	PLAN_BUILD, /* volume and the long run rise, tempo and intervals */
	PLAN_PEAK,  /* the most volume and the longest run */
	PLAN_TAPER, /* volume down, intensity kept, ending with the race */
	PLAN_PHASE_COUNT
};

enum plan_by {
	PLAN_BY_TIME,     /* targets in seconds (shown as minutes) */
	PLAN_BY_DISTANCE, /* targets in metres */
};

/* One day of a plan. */
struct workout {
	int64_t id;             /* database id; 0 until stored */
	int32_t date;           /* the day (base/date.h) */
	int week;               /* 1 .. the plan's weeks */
	enum plan_phase phase;  /* the phase of that week */
	bool cutback;           /* that week is a cutback (recovery) week */
	enum workout_kind kind; /* what to do */
	double target_s;        /* planned time, (double)NAN if none */
	double target_m;        /* planned distance, (double)NAN if none */
	char *description;      /* what to do, for the runner (owned) */
};

/* A plan, with its workouts when read whole. */
struct plan {
	int64_t id;               /* database id; 0 until stored */
	int64_t athlete_id;       /* owner */
	int64_t race_id;          /* the race it leads to (one plan per race) */
	char *race_name;          /* that race's name (owned; read with the plan) */
	double race_distance_m;   /* its distance */
	char *template_name;      /* "half": data/plans/half.ini (owned) */
	enum plan_by by;          /* time or distance */
	int weeks;                /* whole weeks, the race's week last */
	int days;                 /* running days a week */
	int32_t start;            /* the Monday of week 1 */
	int32_t race_date;        /* the last day: the race */
	double start_volume;      /* planned running in week 1 (s or m, by `by`) */
	double peak_volume;       /* the most running planned in a week (s or m) */
	char *basis;              /* how the volume was chosen, for the runner (owned) */
	struct workout *workouts; /* n_workouts, by day */
	size_t n_workouts;        /* count in use */
	size_t alloc;             /* count allocated */
};

struct plan_list {
	struct plan *plans; /* n_plans initialised elements */
	size_t n_plans;     /* count in use */
	size_t alloc;       /* count allocated */
};

#define PLAN_LIST_INIT                                                                             \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void plan_init(struct plan *p);
void plan_release(struct plan *p);

/* Append a workout (zeroed, no targets) to p and return it (owned by p). */
struct workout *plan_push_workout(struct plan *p);

/* Check a plan before storing: a race, 1..PLAN_MAX_WEEKS weeks starting
 * on a Monday and ending in the race's week, PLAN_MIN_DAYS..PLAN_MAX_DAYS
 * days, and workouts one per day in order from start to the race day,
 * each in its week, a rest day without targets, the others with a
 * positive target, descriptions no longer than PLAN_MAX_TEXT, and the
 * race last. ERR_INPUT names the workout's day and what is wrong. */
enum err_code plan_validate(const struct plan *p, struct err *err);

/* The plan to show for a day: the first plan whose race is on or after
 * day (the next race's), else the one whose race was last; -1 for none.
 * Plans on the same race day go by id. */
long plan_pick(const struct plan_list *list, int32_t day);

/* The workouts of p in [from, to] as a range of indices [*first, *end). */
void plan_range(const struct plan *p, int32_t from, int32_t to, size_t *first, size_t *end);

/* "rest", "easy", "long", "tempo", "intervals", "race", "cross",
 * "strength" and back (any letter case). */
const char *workout_kind_name(enum workout_kind k);
enum err_code workout_kind_parse(const char *s, enum workout_kind *out, struct err *err);

/* Running workouts (easy, long, tempo, intervals, race) count toward the
 * runner's days a week; hard ones (long, tempo, intervals, race) want an
 * easy day or a rest day between them. */
bool workout_kind_is_run(enum workout_kind k);
bool workout_kind_is_hard(enum workout_kind k);

/* Whether an activity of this sport does a workout of this kind: running
 * workouts take run and trail; cross takes the other endurance sports
 * (bike, swim, ski, xcski, hike, walk, cross, other); strength takes
 * strength and yoga. Rest takes nothing. */
bool workout_kind_matches(enum workout_kind k, enum sport sport);

/* "base", "build", "peak", "taper" and back. */
const char *plan_phase_name(enum plan_phase p);
enum err_code plan_phase_parse(const char *s, enum plan_phase *out, struct err *err);

/* "time" or "distance" and back (a unique start will do). */
const char *plan_by_name(enum plan_by b);
enum err_code plan_by_parse(const char *s, enum plan_by *out, struct err *err);

struct plan *plan_list_push(struct plan_list *list);
void plan_list_release(struct plan_list *list);

/* ---- templates ---- */

/* A figure in both measures: a template gives each target as a time and
 * a distance ("45 min, 8 km") so a plan can be by either. */
struct plan_amount {
	double s; /* seconds, > 0 */
	double m; /* metres, > 0 */
};

/* A quality session (or the strength session) of a template. */
struct plan_session {
	char *code;              /* [session CODE] (owned) */
	enum workout_kind kind;  /* tempo, intervals, easy, cross or strength */
	struct plan_amount time; /* its target (distance NAN for strength) */
	char *about;             /* what to do (owned) */
};

/* What a template says about one phase. Fractions are 0..1. */
struct plan_phase_spec {
	double share;         /* base, build, peak: share of the weeks before the taper */
	double volume_from;   /* weekly volume, fraction of the peak week, at the phase's start */
	double volume_to;     /* ... and at its end (the peak's is 1) */
	double long_from;     /* long run, fraction of the longest, at the start */
	double long_to;       /* ... and at its end (the peak's is 1) */
	double after_longest; /* peak only: the long run in weeks after the longest, NAN if none */
	double taper_volume[PLAN_MAX_TAPER]; /* taper only: volume per week, race week last */
	double taper_long[PLAN_MAX_TAPER];   /* taper only: long run per week but the last */
	int n_taper;                         /* taper only: its weeks */
	int n_taper_long;                    /* taper only: long runs given (n_taper - 1) */
	size_t hard[PLAN_MAX_SESSIONS];      /* quality sessions (indices), taken in turn */
	size_t n_hard;                       /* count; at least one */
	int hard_max;                        /* most quality sessions a week in this phase */
	long strength;                       /* index of a strength session a week, -1 for none */
	char *about;                         /* what the phase is for, NULL if not said (owned) */
};

struct plan_template {
	char *code;                  /* "half", from the file name (owned) */
	char *name;                  /* "half marathon" (owned) */
	double distance_m;           /* the race distance it is for */
	int weeks;                   /* default length */
	int min_weeks;               /* fewest weeks allowed */
	int max_weeks;               /* most weeks allowed */
	int days;                    /* default running days a week */
	int longest;                 /* the longest run is this many weeks before race week */
	int cutback_every;           /* every Nth week is a cutback week (0: none) */
	double cutback;              /* a cutback week's volume and long run, fraction */
	double long_share;           /* the long run is at least this share of its week (0: none) */
	struct plan_amount start;    /* week 1 of a runner with no recent training */
	struct plan_amount peak_max; /* the most weekly volume the plan builds to */
	struct plan_amount longest_run;  /* the longest run */
	struct plan_amount easy_min;     /* shortest easy run */
	struct plan_amount easy_max;     /* longest easy run */
	char *about[WORKOUT_KIND_COUNT]; /* descriptions of rest, easy, long and race (owned) */
	struct plan_phase_spec phases[PLAN_PHASE_COUNT]; /* base, build, peak, taper */
	struct plan_session *sessions;                   /* n_sessions, in file order */
	size_t n_sessions;                               /* count */
};

/* Parse a template's text into t (zeroed here). code names it ("half");
 * origin names the text in messages ("built-in plans/half.ini"). A bad
 * template is ERR_FORMAT naming origin, the line, the section and key
 * where it can, and leaves t released. */
enum err_code plan_template_parse(struct plan_template *t, const char *code, const char *text,
                                  const char *origin, struct err *err);

void plan_template_release(struct plan_template *t);

/* The weeks before the taper, and the week of the longest run, of a plan
 * of `weeks` weeks made from t. */
int plan_template_pre_taper(const struct plan_template *t, int weeks);
int plan_template_longest_week(const struct plan_template *t, int weeks);

#endif
