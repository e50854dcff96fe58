/*
 * page_body.c: GET /body (the body map, injuries with their trend, recent
 * check-ins), GET /body/region (one region's history and a check-in
 * form), and their JSON: GET /api/v1/body and GET /api/v1/injuries.
 *
 * What the map shades is analysis/bodystate.h's state, read from the
 * check-ins of the last days; the figures are render/bodymap.h's. The
 * JSON is built by the serializers the command line uses: /api/v1/body
 * holds `knead --json sore`'s listing (the last 14 days) beside the
 * state, /api/v1/injuries is `knead --json injury list` (?all=1 as --all).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/bodystate.h"
#include "analysis/injury.h"
#include "base/date.h"
#include "base/xalloc.h"
#include "core/recovery.h"
#include "render/bodymap.h"
#include "render/json_body.h"
#include "render/text.h"
#include "store/store_body.h"
#include "store/store_recovery.h"
#include "web/html.h"
#include "web/routes.h"

/* How far back the recent check-ins go, as `knead sore` lists them. */
#define RECENT_DAYS 14
/* How far back a region's page looks. */
#define HISTORY_DAYS 42

/* Everything a body page reads for one request. */
struct body {
	struct web_view view;
	struct checkin_list checkins;  /* every check-in up to today */
	struct recovery_list sessions; /* every session up to today */
	struct injury_list injuries;   /* open ones, or all */
	struct body_state state;       /* as of today */
};

static void body_release(struct body *b)
{
	body_state_release(&b->state);
	injury_list_release(&b->injuries);
	recovery_list_release(&b->sessions);
	checkin_list_release(&b->checkins);
	web_view_close(&b->view);
}

/* Read *b (released here on failure): the check-ins of the last days
 * (today and days_back before it; ALL_DAYS for all), and the sessions and
 * injuries when wanted. */
#define ALL_DAYS (-1)
static enum err_code body_read(struct web_call *call, int days_back, bool sessions, bool injuries,
                               bool all_injuries, struct body *b, struct err *err)
{
	memset(b, 0, sizeof(*b));
	if (web_view_open(call->app, STORE_READ, &b->view, err) ||
	    store_checkin_list(b->view.store, ATHLETE_DEFAULT,
	                       days_back < 0 ? DATE_NONE : b->view.today - days_back, b->view.today,
	                       &b->checkins, err) ||
	    (sessions && store_recovery_list(b->view.store, ATHLETE_DEFAULT, DATE_NONE,
	                                     b->view.today, &b->sessions, err)) ||
	    (injuries &&
	     store_injury_list(b->view.store, ATHLETE_DEFAULT, all_injuries, &b->injuries, err))) {
		body_release(b);
		return err->code;
	}
	body_state_read(&b->checkins, b->view.today, BODY_STATE_WINDOW_DAYS, &b->state);
	return ERR_OK;
}

enum err_code web_api_body(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct body b;

	if (body_read(call, RECENT_DAYS - 1, false, false, false, &b, err)) {
		return err->code;
	}
	web_reply_json(resp, render_json_body_state(&b.state, &b.checkins));
	body_release(&b);
	return ERR_OK;
}

/* ?all: "", "0" or absent for the open injuries, "1" for all. */
static enum err_code want_all(struct web_call *call, bool *all, struct err *err)
{
	const char *v = web_param(call->req, "all");

	*all = v && !strcmp(v, "1");
	if (v && *v && strcmp(v, "0") && strcmp(v, "1")) {
		return err_set(err, ERR_INPUT, "all: '%s' is not 0 or 1", v);
	}
	return ERR_OK;
}

enum err_code web_api_injuries(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct body b;
	bool all;

	if (want_all(call, &all, err) || body_read(call, ALL_DAYS, true, true, all, &b, err)) {
		return err->code;
	}
	web_reply_json(resp, render_json_injuries(&call->app->regions, &b.injuries, &b.checkins,
	                                          &b.sessions, b.view.today));
	body_release(&b);
	return ERR_OK;
}

/* "right hamstrings" for a code and side, the code itself for a region
 * the catalogue no longer has. */
static void add_place(struct strbuf *sb, const struct region_catalog *cat, const char *code,
                      enum side side)
{
	const struct region *r = region_by_code(cat, code);
	struct region_ref ref = { r, side };

	if (!r) {
		strbuf_adds(sb, code);
		if (side_name(side)) {
			strbuf_addf(sb, " (%s)", side_name(side));
		}
		return;
	}
	region_ref_describe(sb, &ref);
}

/* A link to a region's page: href="/body/region?region=..&side=..". */
static void add_region_href(struct strbuf *sb, const char *code, enum side side)
{
	html_addf(sb, "/body/region?region=%s", code);
	if (side_name(side)) {
		html_addf(sb, "&amp;side=%s", side_name(side));
	}
}

/* "tightness 3 on Tue 2026-11-24", naming the spot when it is another
 * region or side than the shape's. */
static void add_spot_label(struct strbuf *sb, const struct region_catalog *cat,
                           const struct body_spot *s, const struct region *shape)
{
	strbuf_addf(sb, "%s %d on ", measure_name(s->measure), s->raw);
	render_day(sb, s->day);
	if (strcmp(s->region, shape->code) || s->side == SIDE_BOTH) {
		strbuf_adds(sb, ", checked in as ");
		add_place(sb, cat, s->region, s->side);
	}
}

static void add_maps(struct strbuf *sb, const struct body *b, const struct region_catalog *cat)
{
	const char *codes[256];
	size_t n = bodymap_codes(codes, 256), n_spots = 0;
	struct bodymap_spot *spots;
	struct strbuf *labels;

	if (n > 256) {
		n = 256;
	}
	spots = xcalloc(2 * n + 1, sizeof(*spots));
	labels = xcalloc(2 * n + 1, sizeof(*labels));
	for (size_t i = 0; i < n; i++) {
		const struct region *r = region_by_code(cat, codes[i]);

		for (int k = 0; r && k < (r->sided ? 2 : 1); k++) {
			enum side side = !r->sided ? SIDE_NONE : k ? SIDE_RIGHT : SIDE_LEFT;
			const struct body_spot *s =
			        body_state_worst(&b->state, cat, r, side, false);

			if (!s) {
				continue;
			}
			strbuf_init(&labels[n_spots], 0);
			add_spot_label(&labels[n_spots], cat, s, r);
			spots[n_spots] = (struct bodymap_spot){ r->code, side, s->level,
				                                labels[n_spots].buf };
			n_spots++;
		}
	}
	strbuf_adds(sb, "<div class=\"bodymaps\">\n<figure>\n");
	bodymap_svg(sb, BODYMAP_FRONT, cat, spots, n_spots, "/body/region");
	strbuf_adds(sb, "<figcaption>Front (the runner's left on the right)</figcaption>\n"
	                "</figure>\n<figure>\n");
	bodymap_svg(sb, BODYMAP_BACK, cat, spots, n_spots, "/body/region");
	strbuf_adds(sb, "<figcaption>Back (the runner's left on the left)</figcaption>\n"
	                "</figure>\n</div>\n<p class=\"legend\">");
	html_addf(sb,
	          "Shaded by the latest level checked in over the last %d days, fading "
	          "with its age: ",
	          BODY_STATE_WINDOW_DAYS);
	bodymap_legend(sb);
	strbuf_adds(sb, "</p>\n");
	for (size_t i = 0; i < n_spots; i++) {
		strbuf_release(&labels[i]);
	}
	free(labels);
	free(spots);
}

static void add_trend_text(struct strbuf *sb, const struct injury_course *c)
{
	const struct trend *t = &c->trend;

	if (t->n_days == 0) {
		strbuf_adds(sb, "no check-ins yet");
	} else if (t->verdict == TREND_UNKNOWN) {
		strbuf_addf(sb, "one day of check-ins: %s %d", measure_name(c->measure),
		            t->last.value);
	} else if (t->last.day - t->first.day < 7) {
		strbuf_addf(sb, "%s, %+.1f a day", trend_verdict_name(t->verdict),
		            t->slope_per_week / 7);
	} else {
		strbuf_addf(sb, "%s, %+.1f a week", trend_verdict_name(t->verdict),
		            t->slope_per_week);
	}
}

/* The injuries of b for which keep says yes, as a table with their
 * course (the trend `knead injury show` gives). */
static void add_injuries(struct strbuf *sb, const struct body *b, const struct region_catalog *cat,
                         const struct region *only, enum side side)
{
	struct strbuf text = STRBUF_INIT;
	bool any = false;

	for (size_t i = 0; i < b->injuries.n; i++) {
		const struct injury *inj = &b->injuries.items[i];
		const struct region *r = region_by_code(cat, inj->region);
		struct injury_course c;

		if (only && (!r || !region_overlaps(cat, r, only) ||
		             (only->sided && !side_overlaps(side, inj->side)))) {
			continue;
		}
		if (!any) {
			strbuf_adds(sb, "<div class=\"scroll\"><table class=\"injuries\">\n<tr><th>"
			                "Region</th><th>Since</th><th>Status</th><th>Last</th>"
			                "<th>Trend</th><th>Cause</th></tr>\n");
			any = true;
		}
		injury_course(cat, inj, &b->checkins, &b->sessions, b->view.today, &c);
		strbuf_adds(sb, "<tr><td><a href=\"");
		add_region_href(sb, inj->region, inj->side);
		strbuf_adds(sb, "\">");
		strbuf_reset(&text);
		add_place(&text, cat, inj->region, inj->side);
		html_escape(sb, text.buf);
		strbuf_reset(&text);
		render_day(&text, inj->onset);
		html_addf(sb, "</a></td><td>%s (%d days)</td><td>%s</td><td>", text.buf, c.days,
		          injury_status_name(inj->status));
		if (c.trend.n_days) {
			html_addf(sb, "%s %d", measure_name(c.measure), c.trend.last.value);
		}
		strbuf_reset(&text);
		add_trend_text(&text, &c);
		html_addf(sb, "</td><td class=\"trend-%s\">%s</td><td>%s</td></tr>\n",
		          trend_verdict_name(c.trend.verdict), text.buf,
		          inj->cause ? inj->cause : "");
		injury_course_release(&c);
	}
	if (any) {
		strbuf_adds(sb, "</table></div>\n");
	} else {
		strbuf_adds(sb, "<p>None.</p>\n");
	}
	strbuf_release(&text);
}

/* The check-ins idx[0..n) of list as a table, newest first. */
static void add_checkin_table(struct strbuf *sb, const struct checkin_list *list, const size_t *idx,
                              size_t n, const struct region_catalog *cat)
{
	struct strbuf text = STRBUF_INIT;

	if (!n) {
		strbuf_adds(sb, "<p>No check-ins.</p>\n");
		return;
	}
	strbuf_adds(sb, "<div class=\"scroll\"><table class=\"checkins\">\n<tr><th>Date</th>"
	                "<th>Region</th><th>Sore</th><th>Tight</th><th>Pain</th><th>Note</th>"
	                "</tr>\n");
	for (size_t k = n; k-- > 0;) {
		const struct checkin *c = &list->items[idx[k]];

		strbuf_reset(&text);
		render_day(&text, c->day);
		html_addf(sb, "<tr><td>%s</td><td><a href=\"", text.buf);
		add_region_href(sb, c->region, c->side);
		strbuf_reset(&text);
		add_place(&text, cat, c->region, c->side);
		html_addf(sb, "\">%s</a></td>", text.buf);
		for (int m = 0; m < MEASURE_COUNT; m++) {
			if (c->level[m] >= 0) {
				html_addf(sb, "<td class=\"num\">%d</td>", c->level[m]);
			} else {
				strbuf_adds(sb, "<td></td>");
			}
		}
		html_addf(sb, "<td>%s</td></tr>\n", c->note ? c->note : "");
	}
	strbuf_adds(sb, "</table></div>\n");
	strbuf_release(&text);
}

enum err_code web_page_body(struct web_call *call, struct web_response *resp, struct err *err)
{
	const struct region_catalog *cat = &call->app->regions;
	struct strbuf *sb = &resp->body;
	struct body b;
	size_t *idx, n = 0;

	if (body_read(call, ALL_DAYS, true, true, false, &b, err)) {
		return err->code;
	}
	html_page_begin(sb, "Body", HTML_NAV_BODY);
	strbuf_adds(sb, "<p>Tap a region to see its history or to check in how it feels.</p>\n");
	add_maps(sb, &b, cat);
	strbuf_adds(sb, "<h2>Injuries</h2>\n");
	add_injuries(sb, &b, cat, NULL, SIDE_NONE);
	html_addf(sb, "<h2>Check-ins, last %d days</h2>\n", RECENT_DAYS);
	idx = xcalloc(b.checkins.n + 1, sizeof(*idx));
	for (size_t i = 0; i < b.checkins.n; i++) {
		if (b.checkins.items[i].day > b.view.today - RECENT_DAYS) {
			idx[n++] = i;
		}
	}
	add_checkin_table(sb, &b.checkins, idx, n, cat);
	free(idx);
	html_page_end(sb);
	body_release(&b);
	return ERR_OK;
}

/* The region and side the page is about, from ?region=CODE (or a name,
 * alias or "CODE:SIDE") and ?side=left|right|both. An unknown region is
 * ERR_NOT_FOUND with the closest names; no side on a sided region means
 * both sides. */
static enum err_code parse_place(struct web_call *call, struct region_ref *out, struct err *err)
{
	const char *word = web_param(call->req, "region"), *side = web_param(call->req, "side");
	struct strbuf text = STRBUF_INIT;
	const char *colon;
	enum err_code rc;

	if (!word || !*word) {
		return err_set(err, ERR_INPUT, "give a region: /body/region?region=hamstrings");
	}
	colon = strchr(word, ':');
	strbuf_add(&text, word, colon ? (size_t)(colon - word) : strlen(word));
	rc = region_lookup(&call->app->regions, text.buf, &out->region, err);
	strbuf_release(&text);
	if (rc) {
		/* a region nobody has: the page is not there */
		err->code = ERR_NOT_FOUND;
		return ERR_NOT_FOUND;
	}
	if (colon) {
		if (side && *side) {
			return err_set(err, ERR_INPUT, "the side is given twice");
		}
		side = colon + 1;
	}
	out->side = out->region->sided ? SIDE_BOTH : SIDE_NONE;
	if (side && *side) {
		if (side_parse(side, &out->side, err)) {
			return err_prefix(err, "side");
		}
		if (!out->region->sided && out->side != SIDE_NONE) {
			return err_set(err, ERR_INPUT, "side: the %s has no left and right",
			               out->region->name);
		}
	}
	return ERR_OK;
}

/* Whether a check-in's or session's place speaks of the page's. */
static bool place_within(const struct region_catalog *cat, const struct region_ref *page,
                         const char *code, enum side side)
{
	const struct region *r = region_by_code(cat, code);

	if (r ? !region_within(cat, r, page->region) : strcmp(code, page->region->code)) {
		return false;
	}
	return !page->region->sided || side_overlaps(page->side, side);
}

static void add_history(struct strbuf *sb, const struct body *b, const struct region_catalog *cat,
                        const struct region_ref *page)
{
	int32_t from = b->view.today - (HISTORY_DAYS - 1);
	int values[HISTORY_DAYS];
	size_t *idx = xcalloc(b->checkins.n + 1, sizeof(*idx)), n = 0;
	struct strbuf title = STRBUF_INIT;

	for (int d = 0; d < HISTORY_DAYS; d++) {
		values[d] = -1;
	}
	for (size_t i = 0; i < b->checkins.n; i++) {
		const struct checkin *c = &b->checkins.items[i];

		if (c->day < from || !place_within(cat, page, c->region, c->side)) {
			continue;
		}
		idx[n++] = i;
		for (int m = 0; m < MEASURE_COUNT; m++) {
			if (c->level[m] > values[c->day - from]) {
				values[c->day - from] = c->level[m];
			}
		}
	}
	html_addf(sb, "<h2>Last %d weeks</h2>\n", HISTORY_DAYS / 7);
	if (n) {
		strbuf_addf(&title, "the highest level each day over the last %d days, today last",
		            HISTORY_DAYS);
		strbuf_adds(sb, "<p>");
		bodymap_sparkline(sb, values, HISTORY_DAYS, title.buf);
		strbuf_adds(sb, "</p>\n");
	}
	add_checkin_table(sb, &b->checkins, idx, n, cat);
	free(idx);
	strbuf_release(&title);
}

static void add_sessions(struct strbuf *sb, const struct body *b, const struct region_catalog *cat,
                         const struct region_ref *page)
{
	int32_t from = b->view.today - (HISTORY_DAYS - 1);
	struct strbuf text = STRBUF_INIT;
	bool any = false;

	html_addf(sb, "<h2>Recovery on it, last %d weeks</h2>\n", HISTORY_DAYS / 7);
	for (size_t i = b->sessions.n; i-- > 0;) {
		const struct recovery *s = &b->sessions.items[i];
		bool worked = false;

		if (s->day < from) {
			continue;
		}
		for (size_t k = 0; k < s->n_regions && !worked; k++) {
			const struct region *r = region_by_code(cat, s->regions[k].region);

			worked = r && region_overlaps(cat, r, page->region) &&
			         (!page->region->sided ||
			          side_overlaps(page->side, s->regions[k].side));
		}
		if (!worked) {
			continue;
		}
		if (!any) {
			strbuf_adds(
			        sb,
			        "<div class=\"scroll\"><table class=\"sessions\">\n<tr>"
			        "<th>Date</th><th>What</th><th>With</th><th>Relief</th></tr>\n");
			any = true;
		}
		strbuf_reset(&text);
		render_day(&text, s->day);
		html_addf(sb, "<tr><td>%s</td><td>%s</td><td>%s</td><td class=\"num\">", text.buf,
		          modality_describe(s->modality), s->provider_name ? s->provider_name : "");
		if (s->relief >= 0) {
			html_addf(sb, "%d", s->relief);
		}
		strbuf_adds(sb, "</td></tr>\n");
	}
	strbuf_adds(sb, any ? "</table></div>\n" : "<p>None.</p>\n");
	strbuf_release(&text);
}

/* The form checking in today: POST /sore, then back to this page. */
static void add_form(struct strbuf *sb, const struct web_call *call, const struct region_ref *page)
{
	const char *side = side_name(page->side);
	struct strbuf back = STRBUF_INIT, name = STRBUF_INIT;

	region_ref_describe(&name, page);
	strbuf_addf(&back, "/body/region?region=%s", page->region->code);
	if (side) {
		strbuf_addf(&back, "&side=%s", side);
	}
	html_addf(sb,
	          "<h2>Check in today</h2>\n<form id=\"checkin-form\" method=\"post\" "
	          "action=\"/sore\">\n<input type=\"hidden\" name=\"region\" value=\"%s%s%s\">\n"
	          "<input type=\"hidden\" name=\"back\" value=\"%s\">\n",
	          page->region->code, side ? ":" : "", side ? side : "", back.buf);
	web_add_csrf_field(call, sb);
	html_addf(sb, "<p>How does the %s feel?</p>\n", name.buf);
	strbuf_adds(sb, "<label>Level (0-10) <input name=\"level\" id=\"checkin-level\" "
	                "type=\"number\" min=\"0\" max=\"10\" step=\"1\" required></label>\n"
	                "<label>Measure <select name=\"measure\" id=\"checkin-measure\">"
	                "<option value=\"soreness\">soreness</option>"
	                "<option value=\"tightness\">tightness</option>"
	                "<option value=\"pain\">pain</option></select></label>\n"
	                "<label>Note <input name=\"note\" id=\"checkin-note\" maxlength=\"500\">"
	                "</label>\n<button type=\"submit\">Check in</button>\n</form>\n");
	strbuf_release(&back);
	strbuf_release(&name);
}

static void add_about(struct strbuf *sb, const struct region_catalog *cat,
                      const struct region_ref *page)
{
	const struct region *r = page->region;
	bool any = false;

	if (r->about) {
		html_addf(sb, "<p>%s", r->about);
	} else {
		strbuf_adds(sb, "<p>");
	}
	if (r->parent >= 0) {
		const struct region *p = &cat->regions[r->parent];

		strbuf_adds(sb, r->about ? ". Part of the <a href=\"" : "Part of the <a href=\"");
		add_region_href(sb, p->code, p->sided ? page->side : SIDE_NONE);
		html_addf(sb, "\">%s</a>", p->name);
	}
	strbuf_adds(sb, ".</p>\n");
	for (size_t i = 0; i < cat->n_regions; i++) {
		const struct region *c = &cat->regions[i];

		if (c->parent != (int)(r - cat->regions)) {
			continue;
		}
		strbuf_adds(sb, any ? ", " : "<p>Includes: ");
		strbuf_adds(sb, "<a href=\"");
		add_region_href(sb, c->code, c->sided ? page->side : SIDE_NONE);
		html_addf(sb, "\">%s</a>", c->name);
		any = true;
	}
	if (any) {
		strbuf_adds(sb, ".</p>\n");
	}
}

enum err_code web_page_body_region(struct web_call *call, struct web_response *resp,
                                   struct err *err)
{
	const struct region_catalog *cat = &call->app->regions;
	struct strbuf *sb = &resp->body;
	struct strbuf title = STRBUF_INIT;
	struct region_ref page;
	struct body b;

	if (parse_place(call, &page, err) || body_read(call, ALL_DAYS, true, true, true, &b, err)) {
		return err->code;
	}
	region_ref_describe(&title, &page);
	if (title.len) {
		title.buf[0] = (char)(title.buf[0] >= 'a' && title.buf[0] <= 'z' ? title.buf[0] - 32
		                                                                 : title.buf[0]);
	}
	html_page_begin(sb, title.buf, HTML_NAV_BODY);
	strbuf_adds(sb, "<p><a href=\"/body\">&larr; body map</a></p>\n");
	add_about(sb, cat, &page);
	add_form(sb, call, &page);
	add_history(sb, &b, cat, &page);
	strbuf_adds(sb, "<h2>Injuries</h2>\n");
	add_injuries(sb, &b, cat, page.region, page.side);
	add_sessions(sb, &b, cat, &page);
	html_page_end(sb);
	strbuf_release(&title);
	body_release(&b);
	return ERR_OK;
}
