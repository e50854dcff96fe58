/*
 * readiness.h: before a race, is the runner ready for it; after it, how
 * to come back.
 *
 * Before (the race is still ahead of the day asked about), four things
 * are weighed, each ok, borderline, not ready or unknown, under rule
 * race-readiness (data/rules.ini, whose parameters are named here in
 * brackets):
 *
 * - plan compliance: the share of the current plan's running done over
 *   the last [compliance_weeks] weeks (running workouts only: a skipped
 *   strength session does not make a runner unready), each due workout
 *   counting at most its target (an over-long run does not make up for a missed one), in
 *   the plan's measure (time or distance); ok from [compliance_ready],
 *   not ready below [compliance_min]; unknown without a plan or without
 *   anything due.
 * - the longest run within [long_weeks] weeks, against what the distance
 *   needs by race day ([long_half_min] minutes or [long_half_km] km, for
 *   the 5k, 10k, half or marathon nearest the race by ratio), whichever it
 *   reaches better. With weeks left before the taper ([taper_days]) the
 *   long run can still grow [long_growth] a week, so what will do today
 *   is the need divided by (1 + long_growth)^weeks; ok when reached,
 *   borderline from [long_near] of it, else not ready.
 * - the load trend: fitness (CTL) now against [trend_days] days ago, and
 *   the acute:chronic ratio (the rolling one, else the EWMA one, analysis/
 *   pmc.h); a fall of more than [ctl_drop] outside the taper, or a ratio
 *   above [acwr_max], is borderline; unknown without any training.
 * - injuries: an active one whose latest pain (or soreness) within
 *   injury-no-run's recent_days reaches its min_pain is not ready; any
 *   other active or recovering one is borderline.
 *
 * The verdict: any "not ready" is choose the shorter race (one the runner
 * is considering or registered for, if there is one), else any
 * borderline is wait a week and decide then ([wait_days]), else
 * register. Each factor and the verdict become advice with the facts.
 *
 * After (the race day is past, or it is the race day and the race is
 * done), a dated recovery timeline by distance (rules post-marathon-rest,
 * race-recovery, massage-post-race, injury-see-clinician): days without
 * running, light cross-training, the deep-tissue massage window, the
 * first easy runs, easy running only for a day per mile raced, a reverse
 * taper back to the peak week's volume, and the day to see a clinician
 * if the race's pain, or an injury, is not better.
 *
 * Everything comes from the advice context (advice/context.h); nothing
 * here reads the store. Not medical advice, and the faces say so.
 */
#ifndef KNEAD_READINESS_H
#define KNEAD_READINESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "advice/advice.h"
#include "advice/context.h"
#include "core/activity.h"
#include "core/body.h"
#include "core/race.h"

/* Where the runner stands with a race on the day asked about. */
enum readiness_phase {
	READINESS_BEFORE,  /* still ahead: weigh readiness */
	READINESS_AFTER,   /* run: the recovery timeline */
	READINESS_NOT_RUN, /* past and not started (dns): nothing to do */
};

/* How one factor stands. */
enum readiness_level {
	READINESS_OK,
	READINESS_BORDERLINE,
	READINESS_NOT_READY,
	READINESS_UNKNOWN, /* nothing to judge by: it does not count */
	READINESS_LEVEL_COUNT
};

/* What to do about the race. */
enum readiness_verdict {
	READINESS_REGISTER, /* ready: register (or race it as planned) */
	READINESS_WAIT,     /* borderline: decide in a week, before registering */
	READINESS_SHORTER,  /* not ready: choose the shorter race */
};

/* The race's phase on day today. */
enum readiness_phase readiness_phase(const struct race *race, int32_t today);

/* "ok", "borderline", "not ready", "unknown"; "register", "wait",
 * "shorter race"; "before", "after", "not run". */
const char *readiness_level_name(enum readiness_level l);
const char *readiness_verdict_name(enum readiness_verdict v);
const char *readiness_phase_name(enum readiness_phase p);

/* The distances whose long run race-readiness gives. */
enum readiness_distance {
	READINESS_5K,
	READINESS_10K,
	READINESS_HALF,
	READINESS_MARATHON,
	READINESS_DISTANCE_COUNT
};

/* The distance nearest distance_m by ratio (an ultra is a marathon). */
enum readiness_distance readiness_distance_of(double distance_m);

/* "5k", "10k", "half", "marathon": also the rules' key stems. */
const char *readiness_distance_name(enum readiness_distance d);

/* The readiness for a race still ahead, and its reasons. */
struct race_readiness {
	const struct race *race; /* borrowed from the caller */
	int days_to_race;        /* race day minus today */

	enum readiness_level compliance_level;
	int32_t compliance_from; /* first day looked at (today - weeks + 1) */
	bool compliance_by_time; /* the plan's measure is time */
	int runs_due;            /* the plan's running workouts due in the window */
	int runs_done;           /* of them done (or moved) */
	int runs_partial;        /* partly done */
	int runs_missed;         /* missed */
	double compliance_share; /* share of the due running done, NAN when unknown */

	enum readiness_level long_level;
	enum readiness_distance distance; /* which need applies */
	int32_t long_from;                /* first day looked at */
	const struct activity *longest;   /* the best long run (borrowed from the
	                                     context), NULL for none */
	double need_s, need_m;            /* what race day needs */
	double need_now_s, need_now_m;    /* what will do today */
	int build_weeks;                  /* weeks the long run can still grow */
	double long_share;                /* the longest run's share of need_now (the better
	                                     of time and distance), 0 for none */

	enum readiness_level load_level;
	double ctl_now;    /* fitness today, NAN without fitness rows */
	double ctl_before; /* fitness trend_days ago, NAN likewise */
	int32_t ctl_day;   /* that day */
	double acwr;       /* acute:chronic ratio today, NAN when unknown */
	bool taper;        /* within taper_days of the race: falling fitness is the taper */
	bool ctl_falling;  /* fell more than ctl_drop (outside the taper) */
	bool acwr_high;    /* above acwr_max */

	enum readiness_level injury_level;
	size_t n_injuries;          /* active or recovering on today */
	const struct injury *worst; /* the one that counts most (borrowed), NULL */
	int worst_level;            /* its latest pain (or soreness) level, -1 for none recent */
	int32_t worst_day;          /* that level's day, DATE_NONE */

	enum readiness_verdict verdict;
	const struct race *shorter; /* an upcoming shorter race (borrowed from the
	                               context), NULL for none */
	int32_t decide_by;          /* with WAIT: the day to decide, else DATE_NONE */
};

/* Weigh the runner's readiness for race (borrowed; normally one of
 * ctx->races) on ctx->today into *out, and add the advice to list: the
 * verdict first, then one piece per factor that is known. */
void readiness_assess(const struct advice_context *ctx, const struct race *race,
                      struct race_readiness *out, struct advice_list *list);

/* The reverse taper has at most this many weeks. */
#define READINESS_MAX_REVERSE 3

/* The recovery after a race run. Days count from the race: day 1 is the
 * day after it. */
struct race_recovery {
	const struct race *race; /* borrowed from the caller */
	int day;                 /* today's day after the race (0 on race day) */
	bool marathon;           /* post-marathon-rest applies */
	int rest_days;           /* no running on days 1..rest_days */
	int rest_max_days;       /* ...and up to this day if the legs still ache */
	int cross_from;          /* light cross-training from this day */
	int first_run_min;       /* the first runs are at most this long, minutes */
	int easy_days;           /* easy running only up to this day */
	bool massage;            /* the deep-tissue window applies (long enough race) */
	int massage_from;        /* its days */
	int massage_to;
	double peak_s;     /* the most running in a week before the race, NAN if none */
	double peak_m;     /* ...its distance, NAN if none */
	int reverse_weeks; /* 0..READINESS_MAX_REVERSE */
	double reverse_share[READINESS_MAX_REVERSE]; /* each week's share of the peak */
	int32_t reverse_from;                        /* the first reverse-taper week's first day */
	int32_t clinician; /* see a clinician then if the race's pain is not better */
};

/* The recovery timeline for race (borrowed, run on or before ctx->today)
 * into *out, and its dated advice to list, by first day: one piece per
 * step, and one per active or recovering injury with the day to see a
 * clinician if it is not better. */
void readiness_recover(const struct advice_context *ctx, const struct race *race,
                       struct race_recovery *out, struct advice_list *list);

#endif
