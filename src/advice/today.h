/*
 * today.h: what to do today, how ready the runner is, and why.
 *
 * From the advisor's context on one day (advice/context.h) this module
 * reads today's planned workout, judges readiness from form (TSB), the
 * acute:chronic ratio, recent soreness, active injuries and recent races,
 * and evaluates the rules that speak about a single day (data/rules.ini):
 *
 *   post-marathon-rest    the days after a marathon: no running, then
 *                         short easy runs
 *   injury-no-run         an injury that hurts: no running, cross-train
 *                         if it does not hurt more
 *   injury-see-clinician  an injury not improving after two weeks
 *   load-spike            a jump in load (ratio or weekly volume) with
 *                         soreness
 *   compensation          hamstring trouble with tight, sore or weak glutes
 *   self-care             rolling, and ice while a region is inflamed
 *   shoes                 worn-out shoes, or new shoes before a new pain
 *
 * Everything is computed from the context and relative to ctx->today,
 * ignoring whatever the context holds after that day, so the week view
 * (advice/week.h) can ask about each of its days with a copy of the
 * context whose today is moved back. Nothing here touches the store.
 *
 * Readiness is not a rule of the advisor's table but a summary of the
 * rules' inputs; after a race below the marathon it follows race-recovery's
 * days (as `knead advise race` shows them), and its two thresholds of its
 * own are conventions, named below.
 */
#ifndef KNEAD_ADVICE_TODAY_H
#define KNEAD_ADVICE_TODAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "advice/advice.h"
#include "advice/context.h"
#include "advice/plan.h"
#include "analysis/injury.h"

/* Form (TSB) below this reads as deep fatigue: TrainingPeaks' usual
 * reading puts -10..-30 in the productive training range and lower in
 * the zone where fatigue outruns fitness (domain.md 1.6, a convention). */
#define TODAY_TSB_LOW (-30.0)

/* The acute:chronic ratio above this is past Gabbett's 0.8-1.3 "sweet
 * spot" (domain.md 1.7): worth saying, not a warning on its own. */
#define TODAY_ACWR_HIGH 1.3

enum today_level {
	TODAY_READY,   /* nothing holds the runner back: train as planned */
	TODAY_CAUTION, /* train, but easier or shorter than planned */
	TODAY_REST,    /* no running today: rest or cross-train */
};

/* "ready", "caution", "rest". */
const char *today_level_name(enum today_level l);

/* An injury that is active on the day, with its course. */
struct today_injury {
	const struct injury *injury; /* borrowed from the context */
	struct injury_course course; /* read up to the day (owned) */
	int latest;                  /* the course measure's latest level within the
	                                injury-no-run window, -1 if none */
	int32_t latest_day;          /* its day, DATE_NONE if none */
	int days;                    /* since onset, onset being day 0 */
};

/* A region and side sore, tight or painful in the last days (self-care's
 * window), summed over its check-ins there. */
struct today_sore {
	char region[REGION_CODE_MAX]; /* region code */
	enum side side;               /* as checked in */
	int level[MEASURE_COUNT];     /* the highest of each measure in the window, -1 */
	int32_t day[MEASURE_COUNT];   /* the latest day with that level, DATE_NONE */
	int32_t last;                 /* the latest check-in's day */
};

struct today {
	int32_t day;                   /* ctx->today */
	bool has_plan;                 /* the context has a current plan */
	const struct workout *workout; /* today's planned workout, NULL if none
	                                  (borrowed from the context) */
	struct workout_match match;    /* what was done against it today */
	double tsb;                    /* form on the day, (double)NAN if unknown */
	double acwr;                   /* EWMA acute:chronic ratio, (double)NAN */
	bool acwr_settled;             /* today_acwr_settled: the rules use the
	                                  ratio only then */
	double ctl;                    /* fitness on the day, (double)NAN */
	enum today_level level;        /* the readiness verdict */
	char **reasons;                /* n_reasons lines saying why (owned) */
	size_t n_reasons;              /* count */
	struct today_injury *injuries; /* active on the day, by onset (owned) */
	size_t n_injuries;             /* count */
	struct today_sore *sore;       /* regions with a level >= 1 recently, in
	                                  catalogue order (owned) */
	size_t n_sore;                 /* count */
	const struct race *last_race;  /* the last race run, NULL (borrowed) */
	int days_since_race;           /* today - its day, -1 without one */
	struct advice_list advice;     /* the rules' advice, warnings first */
};

/* Whether the acute:chronic ratio on ctx->today rests on at least
 * PMC_CHRONIC_DAYS days since the first day with load: before that its
 * chronic average is still rising from 0 and every ratio reads high. */
bool today_acwr_settled(const struct advice_context *ctx);

/* Evaluate readiness and the day's rules for ctx->today into *out
 * (initialised here; release with today_release). ctx and what it
 * borrows must outlive out. */
void today_advise(const struct advice_context *ctx, struct today *out);

void today_release(struct today *t);

#endif
