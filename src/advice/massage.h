/*
 * massage.h: the massage planner.
 *
 * For the weeks ahead, which massages to have, which kind, why, with whom
 * and at what cost, honouring the massage rules of data/rules.ini:
 *
 *   massage-post-race          deep tissue 3..5 days after a half or longer
 *   massage-pre-race-deep      deep tissue or ART 5..15 days before an A
 *                              race: the late end normally, the early end
 *                              when the last massage was over long_gap_days
 *                              ago (the body is not used to it)
 *   massage-pre-race-light     a Swedish massage 1..3 days before an A or B
 *                              race (a C race is a training run)
 *   maintenance-cadence        one every every_days during a training block
 *   massage-not-adjacent-hard  no deep work within `days` of a hard day
 *                              (advice_is_hard_day)
 *   massage-type               the kind: ART for an injury not resolved
 *                              whose region had adhesions found since its
 *                              onset; for the cadence's massages also
 *                              Swedish in the week before an A or B race,
 *                              deep tissue in a heavy block (acute:chronic
 *                              ratio or fitness), else a sports massage
 *   budget                     a paid massage that would take its month past
 *                              the profile's budget becomes self-massage
 *   easy-after-massage         the day after deep work: easy or rest; a
 *                              hard workout planned then is flagged
 *   hydrate-after-massage      drink extra water
 *
 * How a plan is made, in order: appointments already booked are kept as
 * they are (and checked with warn.h); then the race rules place their
 * massages, each on the first day of its window, in its preferred order,
 * that is free (no other massage that day) and, for deep work, allowed
 * (no hard day within `days`, not fewer than min_days before an A race,
 * not before from_days after a half or longer); a window with no such day
 * gets a line saying so, with why each day was not; then the cadence
 * fills the gaps of the block, counting every massage (logged, booked or
 * placed) and letting one within half a cadence of the due day stand for
 * it. A block is the current plan's span or, with no plan, regular
 * training: activities in at least MASSAGE_REGULAR_WEEKS of the
 * MASSAGE_RECENT_WEEKS weeks before today.
 *
 * Then, day by day, each new massage gets a provider of kind massage:
 * one whose membership covers the day and has an included session left
 * in that period (counting the logged sessions, the booked appointments
 * and the massages placed before it), else the cheapest price. The
 * month's money is what the spend report counts (sessions paid, each
 * membership fee in the month its period starts) plus the booked
 * appointments' costs plus the massages placed before it; a paid massage
 * that would take it past the budget becomes self-massage (foam roller,
 * stick or ball), under the budget rule, saying so.
 *
 * A "massage" here is one given by a therapist (modality_kind
 * MODALITY_MASSAGE); deep work is warn_is_deep's.
 */
#ifndef KNEAD_ADVICE_MASSAGE_H
#define KNEAD_ADVICE_MASSAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "advice/advice.h"
#include "advice/context.h"
#include "core/appointment.h"
#include "core/recovery.h"

/* Weeks planned without --weeks, and at most (the context reads
 * ADVICE_AHEAD_DAYS ahead). */
#define MASSAGE_DEFAULT_WEEKS 6
#define MASSAGE_MAX_WEEKS     (ADVICE_AHEAD_DAYS / 7)

/* Regular training without a plan: activities in at least 3 of the 4
 * weeks before today. */
#define MASSAGE_RECENT_WEEKS  4
#define MASSAGE_REGULAR_WEEKS 3

/* A post-race window blocked by hard days is searched this many days
 * further (the pre-race window is a limit, not a wish). */
#define MASSAGE_SLIP_DAYS 7

enum massage_source {
	MASSAGE_SUGGESTED, /* new: the planner's suggestion */
	MASSAGE_BOOKED,    /* an open appointment already on the calendar */
};

/* One massage of the plan. */
struct massage_item {
	int32_t day;                     /* when */
	enum modality modality;          /* deep, ART, sports, Swedish, or roll (self-massage) */
	enum massage_source source;      /* new or booked */
	int64_t appointment_id;          /* with MASSAGE_BOOKED, 0 otherwise */
	const struct rule *rule;         /* the rule that asked for it; budget when a paid
	                                    massage became self-massage */
	const struct rule *asked_by;     /* with budget: the rule that asked for the
	                                    massage, else NULL */
	enum modality asked_modality;    /* with budget: the massage it replaces */
	const struct rule *type_rule;    /* massage-type when it chose the kind, else NULL */
	const struct provider *provider; /* with whom (borrowed from the context), NULL for
	                                    self-massage or when knead knows no therapist */
	int64_t cost_cents;              /* cash expected: 0 for a membership session or
	                                    self-massage, else the price; -1 if unknown */
	bool membership;                 /* one of a membership's included sessions */
	size_t advice;                   /* its line: plan.advice.items[advice] */
};

/* The money of one calendar month the plan touches. */
struct massage_month {
	int32_t start;         /* its first day */
	int64_t spent_cents;   /* already committed: sessions paid, membership fees,
	                          booked appointments */
	int64_t planned_cents; /* the new suggestions' cash */
};

struct massage_plan {
	int32_t from, to;             /* the days planned, inclusive */
	int64_t budget_cents;         /* the monthly budget, -1 without one */
	char currency[4];             /* of every amount */
	struct massage_item *items;   /* n_items, by day */
	size_t n_items, alloc;        /* count, allocated */
	struct massage_month *months; /* every month from..to touches (n_months, owned) */
	size_t n_months;              /* count */
	struct advice_list advice;    /* by day: each item's line followed by its
	                                 easy-after, hydrate and warnings; a month's budget
	                                 warning before its items */
};

/* Plan the massages of the `weeks` weeks (1..MASSAGE_MAX_WEEKS) from
 * ctx->today into *out (initialised here; release with
 * massage_plan_release). booked: the runner's appointments (any status;
 * the open ones from today on count, NULL for none), borrowed until out is
 * released, as are ctx and what it borrows. */
void massage_plan_make(const struct advice_context *ctx, const struct appointment_list *booked,
                       int weeks, struct massage_plan *out);

void massage_plan_release(struct massage_plan *p);

/* Whether m is self-massage: foam roller, stick or ball. */
bool massage_is_self(enum modality m);

#endif
