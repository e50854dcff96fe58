/*
 * text.h: knead's records as short text for people.
 *
 * The pieces a listing, a confirmation or a web page shows of an activity:
 * its day, its local start time, its sport, its pace in the form the sport
 * uses. Each appends to a strbuf and appends nothing for what is unknown.
 */
#ifndef KNEAD_RENDER_TEXT_H
#define KNEAD_RENDER_TEXT_H

#include <stdint.h>

#include "base/strbuf.h"
#include "base/units.h"
#include "advice/plan.h"
#include "analysis/efforts.h"
#include "analysis/spend.h"
#include "core/activity.h"

/* "Sat 2026-11-21". */
void render_day(struct strbuf *sb, int32_t day);

/* The local start time, "20:30", if known. */
void render_start_clock(struct strbuf *sb, const struct activity *a);

/* "run", or "run (treadmill)". */
void render_sport(struct strbuf *sb, const struct activity *a);

/* The sport's kind of pace: "5:37 /km" on foot, "25.3 km/h" on wheels or
 * skis, "1:52 /100m" swimming; nothing without distance and time. */
void render_pace(struct strbuf *sb, const struct activity *a, enum units u);

/* One line: "Sat 2026-11-21 20:30  run (treadmill)  8.00 km  45:00". */
void render_activity_line(struct strbuf *sb, const struct activity *a, enum units u);

/* Where an effort came from: "race 'City 10k'", "whole run", "segment
 * from 33:20". */
void render_effort_source(struct strbuf *sb, const struct effort *e);

/* What a session cost the runner: the money paid or priced, or a
 * membership's share with its use ("$45.00 (membership 2/4)"); nothing
 * for a free session or an unknown cost. */
void render_session_cost(struct strbuf *sb, const struct session_cost *c);

/* A planned workout's status against what was done: "done", "partial
 * (57%)", "partial (57%, on Tue)", "moved (to Sat)"; nothing for a rest
 * day. */
void render_workout_status(struct strbuf *sb, const struct workout *w,
                           const struct workout_match *m);

/* Its time: "47:12 (moving 45:30)", "47:12", or "moving 45:30" when only
 * the moving time is known. */
void render_activity_time(struct strbuf *sb, const struct activity *a);

#endif
