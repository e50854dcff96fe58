/*
 * text.c: short text for records (see text.h).
 */
#include "render/text.h"

#include <math.h>

#include "base/date.h"

void render_day(struct strbuf *sb, int32_t day)
{
	char buf[DATE_ISO_LEN];

	if (day == DATE_NONE) {
		return;
	}
	date_format(day, buf);
	strbuf_addf(sb, "%s %s", date_weekday_abbr(date_weekday(day)), buf);
}

void render_start_clock(struct strbuf *sb, const struct activity *a)
{
	int64_t local, sec;

	if (!a->has_start) {
		return;
	}
	local = a->start_utc + a->utc_offset;
	sec = ((local % 86400) + 86400) % 86400;
	strbuf_addf(sb, "%02d:%02d", (int)(sec / 3600), (int)(sec / 60 % 60));
}

void render_sport(struct strbuf *sb, const struct activity *a)
{
	strbuf_adds(sb, sport_name(a->sport));
	if (a->treadmill) {
		strbuf_adds(sb, " (treadmill)");
	}
}

void render_pace(struct strbuf *sb, const struct activity *a, enum units u)
{
	double spm = activity_sec_per_m(a);

	if (isnan(spm)) {
		return;
	}
	switch (sport_pace(a->sport)) {
	case SPORT_PACE_FOOT:
		units_add_pace(sb, spm, u);
		break;
	case SPORT_PACE_SPEED:
		units_add_speed(sb, 1 / spm, u);
		break;
	case SPORT_PACE_SWIM:
		units_add_pace_100m(sb, spm);
		break;
	case SPORT_PACE_NONE:
		break;
	}
}

void render_activity_line(struct strbuf *sb, const struct activity *a, enum units u)
{
	render_day(sb, a->date);
	if (a->has_start) {
		strbuf_addch(sb, ' ');
		render_start_clock(sb, a);
	}
	strbuf_adds(sb, "  ");
	render_sport(sb, a);
	if (!isnan(a->distance_m)) {
		strbuf_adds(sb, "  ");
		units_add_distance(sb, a->distance_m, u);
	}
	if (!isnan(a->duration_s)) {
		strbuf_adds(sb, "  ");
		units_add_duration(sb, a->duration_s);
	}
}

void render_effort_source(struct strbuf *sb, const struct effort *e)
{
	switch (e->source) {
	case EFFORT_RACE:
		strbuf_addf(sb, "race '%s'", e->race_name ? e->race_name : "");
		break;
	case EFFORT_ACTIVITY:
		strbuf_adds(sb, "whole run");
		break;
	default:
		strbuf_adds(sb, "segment from ");
		units_add_duration(sb, e->start_s);
		break;
	}
}

void render_session_cost(struct strbuf *sb, const struct session_cost *c)
{
	switch (c->basis) {
	case COST_PAID:
	case COST_PRICE:
		units_add_money(sb, c->cash_cents, c->currency);
		break;
	case COST_MEMBERSHIP:
		units_add_money(sb, c->share_cents, c->currency);
		strbuf_addf(sb, " (membership %d/%d)", c->period_use, c->period_sessions);
		break;
	default:
		break;
	}
}

void render_workout_status(struct strbuf *sb, const struct workout *w,
                           const struct workout_match *m)
{
	const char *wd = m->done_on != DATE_NONE ? date_weekday_abbr(date_weekday(m->done_on)) : "";

	if (m->status == WORKOUT_STATUS_REST) {
		return;
	}
	strbuf_adds(sb, workout_status_name(m->status));
	if (m->status == WORKOUT_STATUS_MOVED) {
		strbuf_addf(sb, " (to %s)", wd);
	} else if (m->status == WORKOUT_STATUS_PARTIAL) {
		strbuf_addf(sb, " (%.0f%%%s%s)", m->share * 100,
		            m->done_on != w->date ? ", on " : "", m->done_on != w->date ? wd : "");
	}
}

void render_activity_time(struct strbuf *sb, const struct activity *a)
{
	size_t start = sb->len;

	if (!isnan(a->duration_s)) {
		units_add_duration(sb, a->duration_s);
	}
	if (!isnan(a->moving_s)) {
		strbuf_adds(sb, sb->len > start ? " (moving " : "moving ");
		units_add_duration(sb, a->moving_s);
		strbuf_adds(sb, isnan(a->duration_s) ? "" : ")");
	}
}
