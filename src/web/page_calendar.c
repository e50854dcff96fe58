/*
 * page_calendar.c: GET /calendar (a month as a grid, or a week as a list
 * by day), GET /calendar/day (one day in full) and GET /api/v1/calendar.
 *
 * All three read the range through advice/calendar.h: planned workouts
 * with what was done against them (as `knead week` matches them),
 * activities, recovery sessions, races and appointments; the day page adds
 * the check-ins, the wellness and what the advisor's rules say about the
 * day's activities and sessions (advice/warn.h, the warnings `knead log`
 * and `knead recover` print). The page only lays them out.
 *
 *   /calendar?month=2026-11      the month (default: this month)
 *   /calendar?week=2026-11-24    the Monday-to-Sunday week holding the day
 *   /calendar/day?date=2026-11-24
 *   /api/v1/calendar?from=D&to=D (default: this month), render_json_calendar
 *
 * Ids for the browser tests: each day is id="day-YYYY-MM-DD", each entry
 * class="entry KIND" (activity, workout, recovery, race, appointment).
 * On a narrow screen the month's table turns into a list of its days
 * (knead.css), so the grid stays readable on a phone.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/calendar.h"
#include "advice/context.h"
#include "advice/plan.h"
#include "advice/warn.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/units.h"
#include "render/json_calendar.h"
#include "render/text.h"
#include "web/html.h"
#include "web/routes.h"

static const char *const month_names[12] = { "January",   "February", "March",    "April",
	                                     "May",       "June",     "July",     "August",
	                                     "September", "October",  "November", "December" };

/* How much of an entry to show: the grid's short line or the day's whole. */
enum detail {
	DETAIL_SHORT,
	DETAIL_FULL,
};

/* ---- parameters ---- */

/* "2026-11" into the first day of that month. */
static enum err_code parse_month(const char *text, int32_t *first, struct err *err)
{
	long y, m;
	char year[5], month[3];

	if (strlen(text) != 7 || text[4] != '-') {
		return err_set(err, ERR_INPUT, "month: '%s' is not a month (2026-11)", text);
	}
	memcpy(year, text, 4);
	year[4] = '\0';
	memcpy(month, text + 5, 2);
	month[2] = '\0';
	if (parse_int(year, DATE_MIN_YEAR, DATE_MAX_YEAR, &y, NULL) ||
	    parse_int(month, 1, 12, &m, NULL)) {
		return err_set(err, ERR_INPUT, "month: '%s' is not a month (2026-11)", text);
	}
	*first = date_from_civil((int)y, (int)m, 1);
	return ERR_OK;
}

/* ---- entries ---- */

static void add_region(struct strbuf *sb, const struct region_catalog *cat, const char *code,
                       enum side side)
{
	const struct region *r = region_by_code(cat, code);
	struct region_ref ref = { r, side == SIDE_BOTH ? SIDE_NONE : side };
	struct strbuf text = STRBUF_INIT;

	if (r) {
		region_ref_describe(&text, &ref);
	} else {
		strbuf_adds(&text, code);
	}
	html_escape(sb, text.buf);
	strbuf_release(&text);
}

static void add_workout(struct strbuf *sb, const struct calendar_workout *cw, enum units u,
                        enum detail d)
{
	const struct workout_match *m = cw->match;
	const char *status = workout_status_name(m->status);
	struct strbuf text = STRBUF_INIT;

	plan_add_workout_text(&text, cw->workout, cw->plan->by, u);
	html_addf(sb, "<li class=\"entry workout status-%s\"><span class=\"kind\">Plan</span> %s",
	          status, text.buf);
	if (m->status != WORKOUT_STATUS_REST) {
		html_addf(sb, " <span class=\"status\">%s</span>", status);
	}
	if (d == DETAIL_FULL) {
		if (m->status == WORKOUT_STATUS_MOVED && m->done_on != DATE_NONE) {
			char iso[DATE_ISO_LEN];

			date_format(m->done_on, iso);
			html_addf(sb, " (done on %s)", iso);
		}
		if (isfinite(m->share)) {
			html_addf(sb, " &middot; %d%% of the target", (int)lround(m->share * 100));
		}
		if (cw->workout->description) {
			html_addf(sb, "<br><small>%s</small>", cw->workout->description);
		}
		if (cw->plan->race_name) {
			html_addf(sb, "<br><small>Week %d of the plan for %s (%s)</small>",
			          cw->workout->week, cw->plan->race_name,
			          plan_phase_name(cw->workout->phase));
		}
	}
	strbuf_adds(sb, "</li>\n");
	strbuf_release(&text);
}

static void add_activity(struct strbuf *sb, const struct activity *a, enum units u, enum detail d)
{
	struct strbuf text = STRBUF_INIT;

	strbuf_adds(sb, "<li class=\"entry activity\">");
	html_addf(sb, "<a href=\"/activity?id=%lld\">", (long long)a->id);
	strbuf_adds(&text, sport_name(a->sport));
	if (!isnan(a->distance_m)) {
		strbuf_addch(&text, ' ');
		units_add_distance(&text, a->distance_m, u);
	}
	if (!isnan(activity_time_s(a))) {
		strbuf_addch(&text, ' ');
		units_add_duration(&text, activity_time_s(a));
	}
	html_escape(sb, text.buf);
	strbuf_adds(sb, "</a>");
	if (a->treadmill) {
		strbuf_adds(sb,
		            " <span class=\"treadmill\" title=\"on a treadmill\">treadmill</span>");
	}
	if (d == DETAIL_FULL) {
		strbuf_reset(&text);
		render_start_clock(&text, a);
		if (text.len) {
			html_addf(sb, " at %s", text.buf);
		}
		strbuf_reset(&text);
		render_pace(&text, a, u);
		if (text.len) {
			html_addf(sb, " &middot; %s", text.buf);
		}
		if (a->rpe) {
			html_addf(sb, " &middot; RPE %d", a->rpe);
		}
		if (a->hr_avg) {
			html_addf(sb, " &middot; HR %d", a->hr_avg);
		}
		if (isfinite(a->load)) {
			html_addf(sb, " &middot; load %ld", lround(a->load));
		}
		if (a->name) {
			html_addf(sb, "<br><strong>%s</strong>", a->name);
		}
		if (a->note) {
			html_addf(sb, "<br><q>%s</q>", a->note);
		}
	}
	strbuf_adds(sb, "</li>\n");
	strbuf_release(&text);
}

static void add_cost(struct strbuf *sb, const struct session_cost *c)
{
	struct strbuf text = STRBUF_INIT;

	switch (c->basis) {
	case COST_PAID:
	case COST_PRICE:
		units_add_money(&text, c->cash_cents, c->currency);
		break;
	case COST_MEMBERSHIP:
		units_add_money(&text, c->share_cents, c->currency);
		strbuf_addf(&text, " (membership %d/%d)", c->period_use, c->period_sessions);
		break;
	default:
		break;
	}
	if (text.len) {
		html_addf(sb, " &middot; %s", text.buf);
	}
	strbuf_release(&text);
}

static void add_session(struct strbuf *sb, const struct recovery *r, const struct session_cost *c,
                        const struct region_catalog *cat, enum detail d)
{
	bool any = false, plain = false;

	/* the grid names the regions worked, or those with a finding when
	 * none was named otherwise, as `knead recover` lists them */
	for (size_t i = 0; i < r->n_regions; i++) {
		plain |= r->regions[i].finding == FINDING_NONE;
	}
	html_addf(sb, "<li class=\"entry recovery\"><span class=\"kind\">%s</span>",
	          modality_describe(r->modality));
	for (size_t i = 0; i < r->n_regions; i++) {
		if (d == DETAIL_SHORT && plain && r->regions[i].finding != FINDING_NONE) {
			continue;
		}
		strbuf_adds(sb, any ? ", " : ": ");
		add_region(sb, cat, r->regions[i].region, r->regions[i].side);
		if (d == DETAIL_FULL && r->regions[i].finding != FINDING_NONE) {
			struct strbuf f = STRBUF_INIT;

			finding_describe(&f, r->regions[i].finding, r->regions[i].severity);
			html_addf(sb, " (%s)", f.buf);
			strbuf_release(&f);
		}
		any = true;
	}
	if (d == DETAIL_FULL) {
		if (!isnan(r->duration_s)) {
			struct strbuf t = STRBUF_INIT;

			units_add_duration(&t, r->duration_s);
			html_addf(sb, " &middot; %s", t.buf);
			strbuf_release(&t);
		}
		if (r->provider_name) {
			html_addf(sb, " &middot; with %s", r->provider_name);
		}
		add_cost(sb, c);
		if (r->pain >= 0) {
			html_addf(sb, " &middot; pain during %d", r->pain);
		}
		if (r->relief >= 0) {
			html_addf(sb, " &middot; relief after %d", r->relief);
		}
		if (r->note) {
			html_addf(sb, "<br><q>%s</q>", r->note);
		}
	}
	strbuf_adds(sb, "</li>\n");
}

static void add_race(struct strbuf *sb, const struct race *r, enum units u, enum detail d)
{
	html_addf(sb, "<li class=\"entry race\"><span class=\"kind\">Race</span> %s (%s)", r->name,
	          race_priority_name(r->priority));
	if (d == DETAIL_FULL) {
		struct strbuf t = STRBUF_INIT;

		units_add_distance(&t, r->distance_m, u);
		html_addf(sb, " &middot; %s &middot; %s", t.buf, race_status_name(r->status));
		if (!isnan(r->goal_s)) {
			strbuf_reset(&t);
			units_add_duration(&t, r->goal_s);
			html_addf(sb, " &middot; goal %s", t.buf);
		}
		if (!isnan(r->result_s)) {
			strbuf_reset(&t);
			units_add_duration(&t, r->result_s);
			html_addf(sb, " &middot; result %s", t.buf);
		}
		if (r->note) {
			html_addf(sb, "<br><q>%s</q>", r->note);
		}
		strbuf_release(&t);
	}
	strbuf_adds(sb, "</li>\n");
}

static void add_appointment(struct strbuf *sb, const struct appointment *a, enum detail d)
{
	const char *status = appointment_status_name(a->status);

	html_addf(sb,
	          "<li class=\"entry appointment status-%s\"><span class=\"kind\">%s</span> "
	          "<span class=\"status\">%s</span>",
	          status, modality_describe(a->modality), status);
	if (a->provider_name) {
		html_addf(sb, " with %s", a->provider_name);
	}
	if (d == DETAIL_FULL) {
		if (a->cost_cents >= 0) {
			struct strbuf t = STRBUF_INIT;

			units_add_money(&t, a->cost_cents, a->currency);
			html_addf(sb, " &middot; %s", t.buf);
			strbuf_release(&t);
		}
		if (a->rule) {
			html_addf(sb, " &middot; suggested by %s", a->rule);
		}
		if (a->note) {
			html_addf(sb, "<br><small>%s</small>", a->note);
		}
	}
	strbuf_adds(sb, "</li>\n");
}

/* The entries of day as list items. The grid leaves out rest days,
 * cancelled appointments and done ones (their session shows). */
static void add_entries(struct strbuf *sb, const struct calendar *c,
                        const struct region_catalog *cat, enum units u, int32_t day, enum detail d)
{
	size_t before = sb->len;

	strbuf_adds(sb, "<ul class=\"entries\">\n");
	for (size_t i = 0; i < c->races.n_races; i++) {
		if (c->races.races[i].date == day) {
			add_race(sb, &c->races.races[i], u, d);
		}
	}
	for (size_t i = 0; i < c->n_workouts; i++) {
		const struct calendar_workout *cw = &c->workouts[i];

		if (cw->workout->date == day &&
		    (d == DETAIL_FULL || cw->workout->kind != WORKOUT_REST)) {
			add_workout(sb, cw, u, d);
		}
	}
	for (size_t i = 0; i < c->activities.n_activities; i++) {
		if (c->activities.activities[i].date == day) {
			add_activity(sb, &c->activities.activities[i], u, d);
		}
	}
	for (size_t i = c->first_session; i < c->sessions.n; i++) {
		if (c->sessions.items[i].day == day) {
			add_session(sb, &c->sessions.items[i], &c->costs[i], cat, d);
		}
	}
	for (size_t i = 0; i < c->appointments.n; i++) {
		const struct appointment *a = &c->appointments.items[i];

		if (a->day == day && (d == DETAIL_FULL || appointment_is_open(a))) {
			add_appointment(sb, a, d);
		}
	}
	if (sb->len == before + strlen("<ul class=\"entries\">\n")) {
		strbuf_setlen(sb, before);
	} else {
		strbuf_adds(sb, "</ul>\n");
	}
}

/* ---- pages ---- */

static enum err_code read_range(struct web_view *v, int32_t from, int32_t to, struct calendar *c,
                                struct err *err)
{
	return calendar_read(v->store, ATHLETE_DEFAULT, from, to, v->today, c, err);
}

static void add_day_cell(struct strbuf *sb, const struct calendar *c,
                         const struct region_catalog *cat, enum units u, int32_t day,
                         bool other_month)
{
	char iso[DATE_ISO_LEN];
	struct civil cv = date_to_civil(day);

	date_format(day, iso);
	strbuf_addf(sb, "<td id=\"day-%s\" class=\"day%s%s\">", iso, other_month ? " other" : "",
	            day == c->today ? " today" : "");
	strbuf_addf(sb, "<a class=\"daynum\" href=\"/calendar/day?date=%s\"%s>", iso,
	            day == c->today ? " aria-current=\"date\"" : "");
	strbuf_addf(sb, "<span class=\"wd\">%s </span>%d", date_weekday_abbr(date_weekday(day)),
	            cv.day);
	if (day == c->today) {
		strbuf_adds(sb, " <span class=\"today-mark\">today</span>");
	}
	strbuf_adds(sb, "</a>\n");
	add_entries(sb, c, cat, u, day, DETAIL_SHORT);
	strbuf_adds(sb, "</td>\n");
}

static void month_name(struct strbuf *sb, int32_t first)
{
	struct civil cv = date_to_civil(first);

	strbuf_addf(sb, "%s %d", month_names[cv.month - 1], cv.year);
}

static void add_month_link(struct strbuf *sb, int32_t first, const char *rel, const char *arrow_l,
                           const char *arrow_r)
{
	struct civil cv = date_to_civil(first);

	strbuf_addf(sb, "<a rel=\"%s\" href=\"/calendar?month=%04d-%02d\">%s%s %d%s</a>\n", rel,
	            cv.year, cv.month, arrow_l, month_names[cv.month - 1], cv.year, arrow_r);
}

static enum err_code month_page(struct web_call *call, struct web_view *v, int32_t first,
                                struct strbuf *sb, struct err *err)
{
	int32_t last = calendar_month_end(first);
	int32_t from = date_week_start(first), to = date_week_start(last) + 6;
	struct calendar c;
	struct strbuf title = STRBUF_INIT;
	char iso[DATE_ISO_LEN];
	int32_t week_day = v->today >= first && v->today <= last ? v->today : first;

	if (read_range(v, from, to, &c, err)) {
		calendar_release(&c);
		return err->code;
	}
	month_name(&title, first);
	html_page_begin(sb, title.buf, HTML_NAV_CALENDAR);
	strbuf_adds(sb, "<nav class=\"cal-nav\" aria-label=\"calendar\">\n");
	add_month_link(sb, date_add_months(first, -1), "prev", "&lsaquo; ", "");
	strbuf_adds(sb, "<a href=\"/calendar\">This month</a>\n");
	date_format(week_day, iso);
	strbuf_addf(sb, "<a href=\"/calendar?week=%s\">Week view</a>\n", iso);
	add_month_link(sb, date_add_months(first, 1), "next", "", " &rsaquo;");
	strbuf_adds(sb, "</nav>\n<table class=\"cal-month\">\n<thead><tr>");
	for (int wd = WEEKDAY_MON; wd <= WEEKDAY_SUN; wd++) {
		strbuf_addf(sb, "<th scope=\"col\">%s</th>", date_weekday_abbr((enum weekday)wd));
	}
	strbuf_adds(sb, "</tr></thead>\n<tbody>\n");
	for (int32_t day = from; day <= to; day++) {
		if (date_weekday(day) == WEEKDAY_MON) {
			strbuf_adds(sb, "<tr>\n");
		}
		add_day_cell(sb, &c, &call->app->regions, v->profile.units, day,
		             day < first || day > last);
		if (date_weekday(day) == WEEKDAY_SUN) {
			strbuf_adds(sb, "</tr>\n");
		}
	}
	strbuf_adds(sb, "</tbody>\n</table>\n");
	html_page_end(sb);
	strbuf_release(&title);
	calendar_release(&c);
	return ERR_OK;
}

static void add_week_link(struct strbuf *sb, int32_t monday, const char *rel, const char *label)
{
	char iso[DATE_ISO_LEN];

	date_format(monday, iso);
	strbuf_addf(sb, "<a rel=\"%s\" href=\"/calendar?week=%s\">%s</a>\n", rel, iso, label);
}

static enum err_code week_page(struct web_call *call, struct web_view *v, int32_t day,
                               struct strbuf *sb, struct err *err)
{
	int32_t monday = date_week_start(day), sunday = monday + 6;
	struct calendar c;
	struct strbuf title = STRBUF_INIT;
	struct civil cv = date_to_civil(day);
	char iso[DATE_ISO_LEN];

	if (read_range(v, monday, sunday, &c, err)) {
		calendar_release(&c);
		return err->code;
	}
	date_format(monday, iso);
	strbuf_addf(&title, "Week of %s", iso);
	html_page_begin(sb, title.buf, HTML_NAV_CALENDAR);
	strbuf_adds(sb, "<nav class=\"cal-nav\" aria-label=\"calendar\">\n");
	add_week_link(sb, monday - 7, "prev", "&lsaquo; Previous week");
	strbuf_adds(sb, "<a href=\"/calendar?week=today\">This week</a>\n");
	strbuf_addf(sb, "<a href=\"/calendar?month=%04d-%02d\">Month view</a>\n", cv.year,
	            cv.month);
	add_week_link(sb, monday + 7, "next", "Next week &rsaquo;");
	strbuf_adds(sb, "</nav>\n<ol class=\"cal-week\">\n");
	for (int32_t d = monday; d <= sunday; d++) {
		date_format(d, iso);
		strbuf_addf(sb,
		            "<li id=\"day-%s\" class=\"day%s\">\n<h2><a "
		            "href=\"/calendar/day?date=%s\">",
		            iso, d == c.today ? " today" : "", iso);
		strbuf_addf(sb, "%s %s</a>%s</h2>\n", date_weekday_name(date_weekday(d)), iso,
		            d == c.today ? " <span class=\"today-mark\">today</span>" : "");
		add_entries(sb, &c, &call->app->regions, v->profile.units, d, DETAIL_SHORT);
		strbuf_adds(sb, "</li>\n");
	}
	strbuf_adds(sb, "</ol>\n");
	html_page_end(sb);
	strbuf_release(&title);
	calendar_release(&c);
	return ERR_OK;
}

enum err_code web_page_calendar(struct web_call *call, struct web_response *resp, struct err *err)
{
	const char *month = web_param(call->req, "month"), *week = web_param(call->req, "week");
	struct web_view v;
	enum err_code rc;
	int32_t first, day;

	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc && week && *week) {
		rc = web_param_day(call, "week", v.today, v.today, &day, err);
		if (!rc) {
			rc = week_page(call, &v, day, &resp->body, err);
		}
	} else if (!rc) {
		first = calendar_month_start(v.today);
		if (month && *month) {
			rc = parse_month(month, &first, err);
		}
		if (!rc) {
			rc = month_page(call, &v, first, &resp->body, err);
		}
	}
	web_view_close(&v);
	return rc;
}

/* ---- the day ---- */

static void add_checkins(struct strbuf *sb, const struct calendar *c,
                         const struct region_catalog *cat, int32_t day)
{
	bool any = false;

	for (size_t i = 0; i < c->checkins.n; i++) {
		const struct checkin *ci = &c->checkins.items[i];

		if (ci->day != day) {
			continue;
		}
		if (!any) {
			strbuf_adds(sb, "<h2>Check-ins</h2>\n<ul class=\"checkins\">\n");
			any = true;
		}
		strbuf_adds(sb, "<li>");
		add_region(sb, cat, ci->region, ci->side);
		strbuf_addch(sb, ':');
		for (int m = 0; m < MEASURE_COUNT; m++) {
			if (ci->level[m] >= 0) {
				html_addf(sb, " %s %d", measure_name((enum measure)m),
				          ci->level[m]);
			}
		}
		if (ci->note) {
			html_addf(sb, " <q>%s</q>", ci->note);
		}
		strbuf_adds(sb, "</li>\n");
	}
	if (any) {
		strbuf_adds(sb, "</ul>\n");
	}
}

static void add_wellness(struct strbuf *sb, const struct calendar *c, int32_t day)
{
	for (size_t i = 0; i < c->wellness.n; i++) {
		const struct wellness *w = &c->wellness.items[i];

		if (w->day != day) {
			continue;
		}
		strbuf_adds(sb, "<h2>Wellness</h2>\n<ul class=\"wellness\">\n");
		if (!isnan(w->sleep_s)) {
			long min = lround(w->sleep_s / 60);

			strbuf_addf(sb, "<li>Slept %ldh%02ld</li>\n", min / 60, min % 60);
		}
		if (w->fatigue >= 0) {
			html_addf(sb, "<li>Fatigue %d</li>\n", w->fatigue);
		}
		if (w->stress >= 0) {
			html_addf(sb, "<li>Stress %d</li>\n", w->stress);
		}
		if (w->mood >= 0) {
			html_addf(sb, "<li>Mood %d</li>\n", w->mood);
		}
		if (w->rest_hr > 0) {
			html_addf(sb, "<li>Resting HR %d</li>\n", w->rest_hr);
		}
		if (!isnan(w->hrv_ms)) {
			html_addf(sb, "<li>HRV %ld ms</li>\n", lround(w->hrv_ms));
		}
		if (!isnan(w->weight_kg)) {
			html_addf(sb, "<li>Weight %ld.%ld kg</li>\n",
			          lround(w->weight_kg * 10) / 10, lround(w->weight_kg * 10) % 10);
		}
		if (w->note) {
			html_addf(sb, "<li><q>%s</q></li>\n", w->note);
		}
		strbuf_adds(sb, "</ul>\n");
	}
}

/* What the advisor's rules say about the day's activities and sessions,
 * as `knead log` and `knead recover` warn once they are stored. */
static enum err_code add_warnings(struct web_call *call, struct web_view *v,
                                  const struct calendar *c, int32_t day, struct strbuf *sb,
                                  struct err *err)
{
	struct advice_context ctx;
	struct advice_list out = ADVICE_LIST_INIT;
	enum err_code rc;

	rc = advice_context_read(v->store, &v->profile, &call->app->rules, &call->app->regions,
	                         v->today, &ctx, err);
	if (rc) {
		return rc;
	}
	for (size_t i = 0; i < c->activities.n_activities; i++) {
		if (c->activities.activities[i].date == day) {
			warn_activity(&ctx, &c->activities.activities[i], &out);
		}
	}
	for (size_t i = c->first_session; i < c->sessions.n; i++) {
		if (c->sessions.items[i].day == day) {
			warn_recovery(&ctx, &c->sessions.items[i], &out);
		}
	}
	if (out.n_items) {
		strbuf_adds(sb, "<h2>Warnings</h2>\n<ul class=\"advice warnings\">\n");
		for (size_t i = 0; i < out.n_items; i++) {
			html_addf(sb, "<li>%s <small>[%s]</small></li>\n", out.items[i].text,
			          out.items[i].rule->id);
		}
		strbuf_adds(sb, "</ul>\n");
	}
	advice_list_release(&out);
	advice_context_release(&ctx);
	return ERR_OK;
}

enum err_code web_page_calendar_day(struct web_call *call, struct web_response *resp,
                                    struct err *err)
{
	struct strbuf *sb = &resp->body, title = STRBUF_INIT;
	struct web_view v;
	struct calendar c;
	char iso[DATE_ISO_LEN], other[DATE_ISO_LEN];
	struct civil cv;
	size_t before;
	int32_t day;
	enum err_code rc;

	memset(&c, 0, sizeof(c));
	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc) {
		rc = web_param_day(call, "date", v.today, v.today, &day, err);
	}
	if (!rc) {
		rc = read_range(&v, day, day, &c, err);
	}
	if (rc) {
		calendar_release(&c);
		web_view_close(&v);
		return rc;
	}
	date_format(day, iso);
	cv = date_to_civil(day);
	strbuf_addf(&title, "%s %s", date_weekday_name(date_weekday(day)), iso);
	html_page_begin(sb, title.buf, HTML_NAV_CALENDAR);
	strbuf_adds(sb, "<nav class=\"cal-nav\" aria-label=\"calendar\">\n");
	date_format(day - 1, other);
	strbuf_addf(sb, "<a rel=\"prev\" href=\"/calendar/day?date=%s\">&lsaquo; %s</a>\n", other,
	            other);
	strbuf_addf(sb, "<a href=\"/calendar?week=%s\">Week</a>\n", iso);
	strbuf_addf(sb, "<a href=\"/calendar?month=%04d-%02d\">Month</a>\n", cv.year, cv.month);
	date_format(day + 1, other);
	strbuf_addf(sb, "<a rel=\"next\" href=\"/calendar/day?date=%s\">%s &rsaquo;</a>\n", other,
	            other);
	strbuf_adds(sb, "</nav>\n");
	if (day == v.today) {
		strbuf_adds(sb, "<p class=\"today-mark\">Today</p>\n");
	}
	strbuf_addf(sb, "<section id=\"day-%s\" class=\"day\">\n", iso);
	before = sb->len;
	add_entries(sb, &c, &call->app->regions, v.profile.units, day, DETAIL_FULL);
	if (sb->len == before) {
		strbuf_adds(sb, "<p>Nothing planned or logged.</p>\n");
	}
	strbuf_adds(sb, "</section>\n");
	add_checkins(sb, &c, &call->app->regions, day);
	add_wellness(sb, &c, day);
	rc = add_warnings(call, &v, &c, day, sb, err);
	if (!rc && day <= v.today) {
		strbuf_adds(sb, "<h2>Log for this day</h2>\n<ul class=\"log-links\">\n");
		strbuf_addf(sb, "<li><a href=\"/log?date=%s#log-activity\">An activity</a></li>\n",
		            iso);
		strbuf_addf(
		        sb,
		        "<li><a href=\"/log?date=%s#log-recovery\">A recovery session</a></li>\n",
		        iso);
		strbuf_addf(sb, "<li><a href=\"/log?date=%s#log-wellness\">Wellness</a></li>\n",
		            iso);
		strbuf_adds(sb,
		            "<li><a href=\"/body\">Soreness, on the body map</a></li>\n</ul>\n");
	}
	html_page_end(sb);
	strbuf_release(&title);
	calendar_release(&c);
	web_view_close(&v);
	return rc;
}

/* ---- JSON ---- */

enum err_code web_api_calendar(struct web_call *call, struct web_response *resp, struct err *err)
{
	const char *from_text = web_param(call->req, "from"), *to_text = web_param(call->req, "to");
	struct web_view v;
	struct calendar c;
	int32_t from = DATE_NONE, to = DATE_NONE;
	enum err_code rc;

	memset(&c, 0, sizeof(c));
	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc) {
		rc = web_param_day(call, "from", v.today, DATE_NONE, &from, err);
	}
	if (!rc) {
		rc = web_param_day(call, "to", v.today, DATE_NONE, &to, err);
	}
	if (!rc) {
		/* an open end is the month of the other end, or this month */
		if (from == DATE_NONE) {
			from = calendar_month_start(to == DATE_NONE ? v.today : to);
		}
		if (to == DATE_NONE) {
			to = calendar_month_end(from);
		}
		if (to < from) {
			rc = err_set(err, ERR_INPUT, "from: '%s' is after to: '%s'", from_text,
			             to_text);
		}
	}
	if (!rc) {
		rc = read_range(&v, from, to, &c, err);
	}
	if (!rc) {
		web_reply_json(resp, render_json_calendar(&c));
	}
	calendar_release(&c);
	web_view_close(&v);
	return rc;
}
