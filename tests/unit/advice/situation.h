/*
 * situation.h: hand-made situations for the advisor's unit tests.
 *
 * The advice modules work only from an advice_context, so their tests
 * build one by hand: the built-in rules and regions, athlete 1 (paying
 * in USD) and, on it, races, activities, sessions, check-ins and
 * injuries. Everything pushed here is owned by the context and freed by
 * situation_release.
 */
#ifndef KNEAD_TEST_ADVICE_SITUATION_H
#define KNEAD_TEST_ADVICE_SITUATION_H

#include <stdbool.h>
#include <stdint.h>

#include "advice/advice.h"
#include "advice/context.h"

struct situation {
	struct rulebook rules;
	struct region_catalog regions;
	struct athlete profile;
	struct advice_context ctx; /* on the three above, as of today */
};

/* Load the built-in rules.ini and regions.ini (failing the test if they
 * do not parse) and start an empty context on them as of today. */
void situation_init(struct situation *s, int32_t today);

/* Free the context and everything the situation holds. */
void situation_release(struct situation *s);

/* A race of athlete 1 with the next id, km long; done if on or before
 * ctx->today, else registered. */
struct race *situation_race(struct advice_context *ctx, const char *name, int32_t date, double km,
                            enum race_priority prio);

/* An hour of sport at rpe, load 50. */
struct activity *situation_act(struct advice_context *ctx, enum sport sport, int32_t date, int rpe);

/* A run of km in min minutes; its load is min (an easy hour is about 60). */
struct activity *situation_run(struct advice_context *ctx, int32_t date, double km, double min);

/* A recovery session of modality m on date, with no provider. */
struct recovery *situation_session(struct advice_context *ctx, enum modality m, int32_t date);

/* A check-in on date of one measure of region (a code) on side. */
struct checkin *situation_check(struct advice_context *ctx, int32_t date, const char *region,
                                enum side side, enum measure m, int level);

/* An injury of region on side from onset, in the given status. */
struct injury *situation_injure(struct advice_context *ctx, const char *region, enum side side,
                                int32_t onset, enum injury_status status);

/* Switch rule id off, as a user's rules file would. */
void situation_disable(struct rulebook *rules, const char *id);

/* Whether one of a's facts contains text. */
bool situation_has_fact(const struct advice *a, const char *text);

#endif
