/*
 * warn.h: what is being logged against the massage rules.
 *
 * `knead log` and `knead recover` ask, once the activity or the session
 * is stored, whether it breaks one of the advisor's massage rules
 * (data/rules.ini), and print what comes back on standard error without
 * failing: the log is a record of what happened, and a runner who ran
 * intervals the day after a deep-tissue massage did so. The same checks
 * tell the massage planner (massage.h) about appointments already booked.
 *
 *   easy-after-massage         a hard session the day after deep work
 *   massage-pre-race-deep      deep work fewer than min_days before an A race
 *   massage-post-race          deep work in the first days after a long race
 *   massage-not-adjacent-hard  deep work within `days` of a hard day
 *   budget                     a paid session that takes the month's spend
 *                              to warn_share of the budget or past it
 *
 * "Deep work" is deep tissue, Active Release Technique and sports
 * massage: a sports massage works as deep as deep tissue, and leaves the
 * muscles as tender. A Swedish massage is light work (massage-pre-race-
 * light): none of these rules concern it.
 *
 * Everything here reads the context (context.h) only; ctx->today may be
 * any day on or after the one being checked.
 */
#ifndef KNEAD_ADVICE_WARN_H
#define KNEAD_ADVICE_WARN_H

#include <stdbool.h>
#include <stdint.h>

#include "advice/advice.h"
#include "advice/context.h"
#include "base/strbuf.h"
#include "core/activity.h"
#include "core/recovery.h"

/* Whether modality m is deep work for the massage rules (see above). */
bool warn_is_deep(enum modality m);

/* Whether activity a was a hard session for the massage rules: an RPE or
 * a load at least massage-not-adjacent-hard's hard_rpe or hard_load, a
 * race of ctx on its day run on foot, or a hard workout of the plan on its
 * day (long, tempo, intervals, race) that its sport does. Appends what made
 * it hard ("RPE 8", "the planned intervals") to why when it was (why may
 * be NULL). */
bool warn_activity_is_hard(const struct advice_context *ctx, const struct activity *a,
                           struct strbuf *why);

/* Append what makes day hard in ctx, as advice_is_hard_day judges it:
 * "Phoenix Half (race)", "planned tempo", "run, RPE 8"; joined by ", ".
 * Appends "a hard day" when the context calls it hard for a reason not
 * listed here, and nothing when it is not hard. */
void warn_describe_hard_day(const struct advice_context *ctx, int32_t day, struct strbuf *sb);

/* Append to out the warnings about activity a (stored or about to be):
 * easy-after-massage when it was hard (warn_activity_is_hard) within
 * easy-after-massage's `days` after a session of deep work in ctx. */
void warn_activity(const struct advice_context *ctx, const struct activity *a,
                   struct advice_list *out);

/* Append to out the warnings about a massage of modality m on day, for
 * what (as the text should call it: "deep-tissue massage" for a session,
 * "the booked deep-tissue massage" for an appointment): for deep work,
 * massage-pre-race-deep, massage-post-race and massage-not-adjacent-hard.
 * Nothing for other modalities. */
void warn_massage(const struct advice_context *ctx, enum modality m, int32_t day, const char *what,
                  struct advice_list *out);

/* Append to out the warnings about session r: warn_massage's, and, when r
 * costs something and the profile has a budget, budget if the spend of
 * r's month (ctx's sessions up to today, r among them, and the fees)
 * reaches the budget rule's warn_share of it. ctx must be read after r
 * was stored, so that its sessions hold r. */
void warn_recovery(const struct advice_context *ctx, const struct recovery *r,
                   struct advice_list *out);

#endif
