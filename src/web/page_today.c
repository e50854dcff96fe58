/*
 * page_today.c: GET / and GET /api/v1/today, the advisor's day.
 *
 * The same library calls as `knead today`: the context read once
 * (advice/context.h), today_advise for readiness and advice, and the
 * massage planner read only for the week; the JSON is render_json_today,
 * the shape `knead --json today` gives. ?date=D answers as of another
 * past day, like --date.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "advice/context.h"
#include "advice/massage.h"
#include "advice/plan.h"
#include "advice/today.h"
#include "base/date.h"
#include "base/instant.h"
#include "base/parse.h"
#include "base/tz.h"
#include "base/xalloc.h"
#include "core/recovery.h"
#include "core/sport.h"
#include "render/json_today.h"
#include "render/text.h"
#include "store/store_appointment.h"
#include "web/html.h"
#include "web/routes.h"

/* Everything the day's answer needs. */
struct day {
	struct web_view view; /* its store closed once the day is read */
	struct advice_context ctx;
	struct massage_plan mp;
	struct today t;
};

/*
 * The last day answered, kept while the database is unchanged: reading
 * the season and running the advisor costs milliseconds, the page is
 * asked for far more often than anything is logged, and every change
 * (this server's forms, the command line, an import) moves the
 * database's data_version, which web_app_refresh_auth reads before each
 * handler. Guarded by app->lock, as everything in app.
 */
struct web_day_cache {
	struct day *day; /* owned: it answers day->t.day as of day->view.today
	                    (midnight moves the advice) */
	int64_t version; /* app->data_version when it was read */
};

static void day_free(struct day *d)
{
	if (!d) {
		return;
	}
	today_release(&d->t);
	massage_plan_release(&d->mp);
	advice_context_release(&d->ctx);
	web_view_close(&d->view);
	free(d);
}

void web_day_cache_free(struct web_day_cache *c)
{
	if (c) {
		day_free(c->day);
		free(c);
	}
}

/* The day date names ("" or NULL: today) as of today, into *day. A day to
 * come is refused, as `knead today` refuses it. */
static enum err_code asked_day(const char *date, int32_t today, int32_t *day, struct err *err)
{
	*day = today;
	if (date && *date && parse_date(date, today, day, err)) {
		return err_prefix(err, "date");
	}
	if (*day > today) {
		return err_set(err, ERR_INPUT, "the date is after today: it has no log yet");
	}
	return ERR_OK;
}

/* Read the day ?date names into a new *out (freed here on failure). */
static enum err_code day_read(struct web_call *call, struct day **out, struct err *err)
{
	struct web_app *app = call->app;
	struct appointment_list booked = APPOINTMENT_LIST_INIT;
	struct day *d = xcalloc(1, sizeof(*d));
	int32_t day;
	enum err_code rc;

	*out = NULL;
	rc = web_view_open(app, STORE_READ, &d->view, err);
	if (!rc) {
		rc = asked_day(web_param(call->req, "date"), d->view.today, &day, err);
	}
	if (!rc) {
		rc = advice_context_read(d->view.store, &d->view.profile, &app->rules,
		                         &app->regions, day, &d->ctx, err);
	}
	if (!rc) {
		rc = store_appointment_list(d->view.store, ATHLETE_DEFAULT, day, DATE_NONE, &booked,
		                            err);
		if (rc) {
			advice_context_release(&d->ctx);
		}
	}
	if (rc) {
		appointment_list_release(&booked);
		web_view_close(&d->view);
		free(d);
		return rc;
	}
	massage_plan_make(&d->ctx, &booked, 1, &d->mp);
	appointment_list_release(&booked);
	today_advise(&d->ctx, &d->t);
	store_close(d->view.store);
	d->view.store = NULL;
	*out = d;
	return ERR_OK;
}

/* The day ?date names, from the cache while it holds, else read afresh
 * and cached. Borrowed: valid until the next request. */
static enum err_code day_get(struct web_call *call, const struct day **out, struct err *err)
{
	struct web_app *app = call->app;
	struct web_day_cache *c = app->day_cache;
	struct day *d;

	if (c && app->versioned && c->version == app->data_version) {
		int64_t now;
		int32_t today, day;

		if (tz_use(c->day->view.profile.tz, NULL)) {
			tz_use(NULL, NULL);
		}
		if (instant_now(&now, err)) {
			return err->code;
		}
		today = tz_local(now).day;
		if (asked_day(web_param(call->req, "date"), today, &day, err)) {
			return err->code;
		}
		if (today == c->day->view.today && day == c->day->t.day) {
			*out = c->day;
			return ERR_OK;
		}
	}
	if (day_read(call, &d, err)) {
		return err->code;
	}
	if (!c) {
		c = app->day_cache = xcalloc(1, sizeof(*c));
	}
	day_free(c->day);
	c->day = d;
	c->version = app->data_version;
	*out = d;
	return ERR_OK;
}

enum err_code web_api_today(struct web_call *call, struct web_response *resp, struct err *err)
{
	const struct day *d;

	if (day_get(call, &d, err)) {
		return err->code;
	}
	web_reply_json(resp, render_json_today(&d->ctx, &d->t, &d->mp));
	return ERR_OK;
}

/* The day's check-ins, with their notes: what the runner wrote. */
static void add_checkins(struct strbuf *sb, const struct day *d)
{
	const struct checkin_list *list = &d->ctx.checkins;
	bool any = false;

	for (size_t i = 0; i < list->n; i++) {
		const struct checkin *c = &list->items[i];
		const struct region *r = region_by_code(d->ctx.regions, c->region);

		if (c->day != d->t.day) {
			continue;
		}
		if (!any) {
			strbuf_adds(sb, "<h2>Check-ins</h2>\n<ul>\n");
			any = true;
		}
		html_addf(sb, "<li>%s%s%s:", side_name(c->side) ? side_name(c->side) : "",
		          side_name(c->side) ? " " : "", r ? r->name : c->region);
		for (int m = 0; m < MEASURE_COUNT; m++) {
			if (c->level[m] >= 0) {
				html_addf(sb, " %s %d", measure_name((enum measure)m), c->level[m]);
			}
		}
		if (c->note) {
			html_addf(sb, " <q>%s</q>", c->note);
		}
		strbuf_adds(sb, "</li>\n");
	}
	if (any) {
		strbuf_adds(sb, "</ul>\n");
	}
}

static void add_advice(struct strbuf *sb, const struct advice_list *list)
{
	struct strbuf span = STRBUF_INIT;

	if (!list->n_items) {
		strbuf_adds(sb, "<p>Nothing to add.</p>\n");
		return;
	}
	strbuf_adds(sb, "<ul class=\"advice\">\n");
	for (size_t i = 0; i < list->n_items; i++) {
		const struct advice *a = &list->items[i];

		strbuf_reset(&span);
		render_day(&span, a->from);
		if (a->to != a->from) {
			strbuf_adds(&span, " to ");
			render_day(&span, a->to);
		}
		html_addf(sb,
		          "<li class=\"%s\"><b>%s</b> <code>%s</code> <small>%s</small><br>%s<br>"
		          "<small>why: %s (source: %s)</small></li>\n",
		          advice_kind_name(a->kind), advice_kind_name(a->kind), a->rule->id,
		          span.buf, a->text, a->rule->reason, a->rule->source);
	}
	strbuf_adds(sb, "</ul>\n");
	strbuf_release(&span);
}

static void add_plan(struct strbuf *sb, const struct day *d)
{
	const struct plan *p = &d->ctx.plan;
	struct strbuf text = STRBUF_INIT;

	strbuf_adds(sb, "<h2>Plan</h2>\n<p>");
	if (!d->t.has_plan) {
		strbuf_adds(sb, "No plan (build one with <code>knead plan new RACE</code>).");
	} else if (!d->t.workout) {
		html_addf(sb, "Nothing planned: %s's plan.", p->race_name);
	} else {
		plan_add_workout_text(&text, d->t.workout, p->by, d->view.profile.units);
		html_addf(sb, "%s (%s, week %d of %d, %s)", text.buf, p->race_name,
		          d->t.workout->week, p->weeks, plan_phase_name(d->t.workout->phase));
		if (d->t.workout->description && d->t.workout->kind != WORKOUT_REST) {
			html_addf(sb, "<br><small>%s</small>", d->t.workout->description);
		}
	}
	strbuf_adds(sb, "</p>\n");
	strbuf_release(&text);
}

static void add_massage(struct strbuf *sb, const struct day *d)
{
	struct strbuf day = STRBUF_INIT;
	bool any = false;

	for (size_t i = 0; i < d->mp.n_items; i++) {
		const struct massage_item *m = &d->mp.items[i];

		if (!render_today_massage_shown(&d->mp, i, d->t.day)) {
			continue;
		}
		if (!any) {
			strbuf_adds(sb, "<h2>Massage this week</h2>\n<ul>\n");
			any = true;
		}
		strbuf_reset(&day);
		render_day(&day, m->day);
		html_addf(sb, "<li>%s %s%s%s, %s", day.buf, modality_describe(m->modality),
		          m->provider ? " with " : "", m->provider ? m->provider->name : "",
		          m->source == MASSAGE_BOOKED ? "booked" : "suggested");
		if (m->rule) {
			html_addf(sb, " (<code>%s</code>)", m->rule->id);
		}
		strbuf_adds(sb, "</li>\n");
	}
	if (any) {
		strbuf_adds(sb, "</ul>\n");
	}
	strbuf_release(&day);
}

/* Log what was done today in one line's worth of fields: POST /log/activity
 * (the Log page has every field). */
static void add_quick_log(struct strbuf *sb, const struct web_call *call)
{
	strbuf_adds(sb, "<h2>Quick log</h2>\n"
	                "<form method=\"post\" action=\"/log/activity\" id=\"quick-log\" "
	                "class=\"inline\">\n");
	web_add_csrf_field(call, sb);
	strbuf_adds(sb, "<label>Sport <select name=\"sport\">");
	for (int i = 0; i < SPORT_COUNT; i++) {
		html_addf(sb, "<option%s>%s</option>", i == SPORT_RUN ? " selected" : "",
		          sport_name((enum sport)i));
	}
	strbuf_adds(sb, "</select></label>\n"
	                "<label>Distance <input name=\"distance\" placeholder=\"8k\" "
	                "inputmode=\"decimal\"></label>\n"
	                "<label>Time <input name=\"duration\" placeholder=\"45:00\"></label>\n"
	                "<label class=\"check\"><input type=\"checkbox\" name=\"treadmill\" "
	                "value=\"1\"> treadmill</label>\n"
	                "<button>Log activity</button>\n</form>\n"
	                "<p><small><a href=\"/log\">More to log</a>: the whole activity, a "
	                "recovery session, how you slept.</small></p>\n");
}

/* A small form to check in how a region feels: POST /sore. */
static void add_sore_form(struct strbuf *sb, const struct web_call *call)
{
	strbuf_adds(sb, "<h2>Check in</h2>\n<p><small>Or tap it on the <a href=\"/body\">body "
	                "map</a>.</small></p>\n<form method=\"post\" action=\"/sore\">\n");
	web_add_csrf_field(call, sb);
	strbuf_adds(sb, "<label>Region <input name=\"region\" placeholder=\"hamstring:right\" "
	                "required></label>\n"
	                "<label>Level <input name=\"level\" type=\"number\" min=\"0\" max=\"10\" "
	                "required></label>\n"
	                "<label>Measure <select name=\"measure\"><option>soreness</option>"
	                "<option>tightness</option><option>pain</option></select></label>\n"
	                "<label>Note <input name=\"note\"></label>\n"
	                "<button>Check in</button>\n</form>\n");
}

enum err_code web_page_today(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct strbuf *sb = &resp->body;
	struct strbuf title = STRBUF_INIT;
	const struct day *d;
	char iso[DATE_ISO_LEN];

	if (day_get(call, &d, err)) {
		return err->code;
	}
	date_format(d->t.day, iso);
	strbuf_addf(&title, "%s %s", date_weekday_name(date_weekday(d->t.day)), iso);
	html_page_begin(sb, title.buf, HTML_NAV_TODAY);
	add_plan(sb, d);
	add_massage(sb, d);
	html_addf(sb, "<h2>Readiness: %s</h2>\n<ul>\n", today_level_name(d->t.level));
	for (size_t i = 0; i < d->t.n_reasons; i++) {
		html_addf(sb, "<li>%s</li>\n", d->t.reasons[i]);
	}
	strbuf_adds(sb, "</ul>\n<h2>Advice</h2>\n");
	add_advice(sb, &d->t.advice);
	add_checkins(sb, d);
	if (d->t.day == d->view.today) {
		add_quick_log(sb, call);
		add_sore_form(sb, call);
	}
	html_page_end(sb);
	strbuf_release(&title);
	return ERR_OK;
}
