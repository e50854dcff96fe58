/*
 * plan.h (advice): building a training plan back from a race, and
 * matching its workouts to what was done.
 *
 * Building. A plan has whole Monday-to-Sunday weeks; the last holds the
 * race, which is the plan's last workout. Its template (core/plan.h,
 * data/plans/) splits the weeks before the taper into base, build and
 * peak by their shares, and gives each week a volume (a share of the peak
 * week) and a long run (a share of the longest run). The long run is on
 * the race's weekday, the longest one `longest` weeks before the race;
 * every cutback_every-th week is a cutback week (never the two weeks up to
 * the longest run, nor the taper), and the taper's weeks follow.
 *
 * The volume follows the runner: with running in the log in the 4 weeks
 * before today (fewer if the log is younger), week 1 starts at that weekly
 * average and the peak is where the template's curve takes it from there
 * (at least the template's beginner peak, at most its peak_max); without,
 * week 1 is the template's beginner level. The long run follows the
 * template's curve, but is at least its long_share of the week (a runner
 * who starts high starts with a longer one). Each week then has the long
 * run, one or two quality sessions from the phase's list (at most as many
 * as easy days, at most the phase's hard_max, one in a cutback week), and
 * easy runs sharing what is left of the volume between easy_min and
 * easy_max; the other days are rest, one of them a strength session in
 * phases that have one. Hard days (long run, race, quality) have an easy
 * or rest day between them, the day after the long run is rest when it
 * can be, and weeks with as many quality days have the same days. Times round to 5
 * minutes, distances to half a km (or mi).
 *
 * Matching. Nothing about what was done is stored: plan_match compares
 * the workouts with the activities each time. A workout is done when the
 * activities of a matching sport on its day add up to at least
 * PLAN_DONE_SHARE of its target (in the plan's measure; a race by its
 * distance), partial below that, moved when nothing was done on its day
 * but something was within PLAN_MOVE_DAYS days on a day that has no
 * workout of its own (a rest day, or outside the plan), missed when its
 * day is past with nothing done, and upcoming otherwise. A free day's
 * activities go to the workout they fit best (a long run done on the
 * Saturday is Sunday's long run moved, not Friday's easy run), and each
 * activity counts once.
 */
#ifndef KNEAD_ADVICE_PLAN_H
#define KNEAD_ADVICE_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "base/units.h"
#include "core/activity.h"
#include "core/plan.h"
#include "core/race.h"
#include "store/store.h"

/* A workout counts as done at 80 % of its target. */
#define PLAN_DONE_SHARE 0.8
/* A workout done up to 2 days early or late, on a day without its own
 * workout, counts as moved. */
#define PLAN_MOVE_DAYS 2
/* The weeks of running that "recent training" averages over. */
#define PLAN_RECENT_WEEKS 4

/* ---- templates ---- */

/* Read and parse template code ("half": plans/half.ini, the runner's copy
 * if there is one) into *out. An unknown code is ERR_INPUT listing the
 * templates there are; a bad file is ERR_FORMAT naming it. */
enum err_code plan_template_load(const char *code, struct plan_template *out, struct err *err);

/* Load the template whose distance is nearest distance_m (by ratio).
 * A race more than twice as long or half as long as every template is
 * ERR_INPUT naming them. */
enum err_code plan_template_choose(double distance_m, struct plan_template *out, struct err *err);

/* The built-in templates' codes, in name order, joined by ", " onto sb. */
void plan_template_add_codes(struct strbuf *sb);

/* ---- building ---- */

/* The runner's recent running (run and trail). */
struct plan_recent {
	int runs;          /* runs in the window; 0 means no recent training */
	double weeks;      /* the weeks averaged over: PLAN_RECENT_WEEKS, or fewer
	                      when the log starts inside the window (at least 1) */
	double time_s;     /* average time a week */
	double distance_m; /* average distance a week (of runs with one) */
};

/* Average athlete_id's running over the PLAN_RECENT_WEEKS weeks before
 * today into *out. */
enum err_code plan_recent_read(struct store *s, int64_t athlete_id, int32_t today,
                               struct plan_recent *out, struct err *err);

/* What to build. */
struct plan_request {
	const struct plan_template *tpl; /* the template (borrowed) */
	const struct race *race;         /* the race to build back from (borrowed) */
	enum plan_by by;                 /* time or distance */
	int weeks;                       /* 0: the template's, or fewer if the race is nearer */
	int days;                        /* running days a week; 0: the template's */
	int32_t today;                   /* the runner's today */
	struct plan_recent recent;       /* the runner's recent running */
	enum units units;                /* for distances: rounding and the notes */
};

/* Build the plan for req into *out (initialised here; the caller releases
 * it), with a workout for every day, start_volume, peak_volume and a basis
 * saying how the volume was chosen. Refused with ERR_INPUT naming the
 * allowed range: weeks or days out of the template's range, a race
 * already run or past, a race too near for the template's fewest weeks.
 * Weeks asked for may start the plan before today (the runner has already
 * begun); by default the plan starts on the next Monday (today if it is
 * one). */
enum err_code plan_generate(const struct plan_request *req, struct plan *out, struct err *err);

/* One week of a plan, summed. */
struct plan_week_sum {
	int week;              /* 1.. */
	int32_t monday;        /* its Monday */
	enum plan_phase phase; /* its phase */
	int runs;              /* running workouts */
	int hard;              /* of which tempo or intervals */
	double volume_s;       /* sum of running time targets (known ones) */
	double volume_m;       /* sum of running distance targets (known ones) */
	double long_s;         /* the long run's (or the race's) time target, NAN if none */
	double long_m;         /* ... distance target */
	bool race;             /* the race is this week */
	bool longest;          /* the longest run of the plan is this week */
	bool cutback;          /* a cutback (recovery) week */
};

/* Sum plan p's workouts (all of them, from its start) into out, one per
 * week (p->weeks of them; out holds that many). */
void plan_sum_weeks(const struct plan *p, struct plan_week_sum *out);

/* ---- matching ---- */

enum workout_status {
	WORKOUT_STATUS_REST,     /* a rest day */
	WORKOUT_STATUS_DONE,     /* done on its day */
	WORKOUT_STATUS_PARTIAL,  /* less than PLAN_DONE_SHARE of it */
	WORKOUT_STATUS_MOVED,    /* done on a nearby free day */
	WORKOUT_STATUS_MISSED,   /* its day is past, nothing done */
	WORKOUT_STATUS_UPCOMING, /* today or later, nothing done yet */
	WORKOUT_STATUS_COUNT
};

/* "rest", "done", "partial", "moved", "missed", "upcoming". */
const char *workout_status_name(enum workout_status s);

#define PLAN_MATCH_MAX_ACTIVITIES 8

/* What was done against one workout. */
struct workout_match {
	enum workout_status status;
	double done_s;   /* time of the matched activities, 0 if none */
	double done_m;   /* their distance (known ones), 0 if none */
	double share;    /* done over the target in the compared measure, NAN if none */
	int32_t done_on; /* the day they were done (the workout's, or where moved), DATE_NONE */
	int64_t activity_ids[PLAN_MATCH_MAX_ACTIVITIES]; /* the activities, by time of day */
	size_t n_activities;                             /* count */
};

/* Match the activities a (any order) to p's workouts, which are those of
 * the days from `from` to `to` (a days of the plan outside them are not
 * known to be free); out holds p->n_workouts matches. Days before today
 * with nothing done are missed. */
void plan_match(const struct plan *p, int32_t from, int32_t to, const struct activity *a, size_t n,
                int32_t today, struct workout_match *out);

/* How a week went, so far. "Due" workouts are the non-rest ones before
 * today, and today's if anything was done. */
struct plan_compliance {
	int planned;           /* due workouts */
	int done;              /* of them done or moved */
	int partial;           /* partial */
	int missed;            /* missed */
	double planned_s;      /* time targets of the due workouts */
	double done_s;         /* time done against them */
	double planned_m;      /* distance targets of the due workouts */
	double done_m;         /* distance done against them */
	double time_share;     /* done_s / planned_s, NAN when nothing is due */
	double distance_share; /* done_m / planned_m, NAN likewise */
	int week_workouts;     /* all the week's non-rest workouts */
	double week_s;         /* the week's time targets */
	double week_m;         /* the week's distance targets */
};

/* One week of the current plan, matched. */
struct plan_week {
	struct plan plan;      /* the plan, with the workouts around the week */
	int number;            /* week number, 0 if the week is outside the plan */
	enum plan_phase phase; /* its phase (when number > 0) */
	int32_t monday;        /* the week's Monday */
	size_t first;          /* the week's workouts: plan.workouts[first..end) */
	size_t end;
	struct workout_match *matches; /* one per plan.workouts (owned) */
	struct plan_compliance compliance;
};

/* Read plan plan_id's week holding day, and match it to the activities,
 * into *out (the caller releases it). */
enum err_code plan_week_read(struct store *s, int64_t athlete_id, int64_t plan_id, int32_t day,
                             int32_t today, struct plan_week *out, struct err *err);

void plan_week_release(struct plan_week *w);

/* Sum the compliance of the workouts [first, end) of p with their
 * matches m (one per p->workouts, from plan_match). */
void plan_compliance_sum(const struct plan *p, const struct workout_match *m, size_t first,
                         size_t end, struct plan_compliance *out);

/* Append workout w as a line of text: "easy run, 40 min", "long run,
 * 16.0 km", "rest". By time or distance as the plan is (by), falling
 * back to whichever target w has; distances in u. */
void plan_add_workout_text(struct strbuf *sb, const struct workout *w, enum plan_by by,
                           enum units u);

/* The plan to show on day, into *id: the plan of the race race_key names
 * (store_race_find's forms) when it is given, else the one plan_pick
 * picks for day's week. ERR_NOT_FOUND says how to make one. The command
 * line's `plan show` and the web's Training page both choose so. */
enum err_code plan_choose(struct store *s, int64_t athlete_id, const char *race_key, int32_t day,
                          int64_t *id, struct err *err);

#endif
