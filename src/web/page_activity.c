/*
 * page_activity.c: GET /activity?id=N, one activity in full, and the
 * log as JSON: GET /api/v1/activity?id=N (the shape of `knead --json
 * show N`) and GET /api/v1/activities?from=&to=&sport=&gear=&last= (the
 * shape of `knead --json list` with the same filters).
 *
 * The page shows what `knead show` prints (the summary in the profile's
 * units, the race it was, the laps) and, for an imported activity, its
 * pace, heart rate and elevation drawn by the same cairo code as `knead
 * chart pace|hr|elevation` (SVG inline), and its route drawn from its
 * positions (render/route.h). An activity typed by hand has no samples:
 * the page says so and shows the summary alone.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/listing.h"
#include "base/parse.h"
#include "render/chart.h"
#include "render/json_activity.h"
#include "render/route.h"
#include "render/text.h"
#include "store/store_activity.h"
#include "store/store_recording.h"
#include "web/html.h"
#include "web/routes.h"

/* The page's charts: wide enough for a laptop, scaled down on a phone. */
#define ACTIVITY_CHART_WIDTH  800
#define ACTIVITY_CHART_HEIGHT 300

/* ?id=N: an activity id, else ERR_INPUT. */
static enum err_code parse_id(const struct web_request *req, int64_t *id, struct err *err)
{
	const char *text = web_param(req, "id");
	long v;

	if (!text || !*text) {
		return err_set(err, ERR_INPUT, "say which activity: /activity?id=N");
	}
	if (parse_int(text, 1, 0x7fffffffffffffffL, &v, NULL)) {
		return err_set(err, ERR_INPUT, "id: '%s' is not an activity id", text);
	}
	*id = v;
	return ERR_OK;
}

/* One activity as the page and the API read it. */
struct shown {
	struct web_view view;
	struct recorded rec;
	struct race race;
};

static void shown_release(struct shown *s)
{
	recorded_release(&s->rec);
	race_release(&s->race);
	web_view_close(&s->view);
}

/* Read the activity ?id names, with its samples and its race, into *s
 * (released here on failure). */
static enum err_code shown_read(struct web_call *call, struct shown *s, struct err *err)
{
	int64_t id = 0;

	recorded_init(&s->rec);
	race_init(&s->race);
	memset(&s->view, 0, sizeof(s->view));
	if (parse_id(call->req, &id, err) || web_view_open(call->app, STORE_READ, &s->view, err) ||
	    store_recorded_get(s->view.store, ATHLETE_DEFAULT, id, &s->rec, err) ||
	    listing_race_of(s->view.store, ATHLETE_DEFAULT, id, &s->race, err)) {
		shown_release(s);
		return err->code;
	}
	return ERR_OK;
}

enum err_code web_api_activity(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct shown s;

	if (shown_read(call, &s, err)) {
		return err->code;
	}
	web_reply_json(resp, render_json_activity_show(&s.rec, s.race.id));
	shown_release(&s);
	return ERR_OK;
}

enum err_code web_api_activities(struct web_call *call, struct web_response *resp, struct err *err)
{
	const struct web_request *req = call->req;
	struct listing_filter f = { web_param(req, "from"), web_param(req, "to"),
		                    web_param(req, "sport"), web_param(req, "gear"),
		                    web_param(req, "last") };
	struct activity_list list = ACTIVITY_LIST_INIT;
	struct activity_query q;
	struct web_view v;
	enum err_code rc;

	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc) {
		rc = listing_query(v.store, ATHLETE_DEFAULT, v.today, &f, "", &q, err);
	}
	if (!rc) {
		rc = store_activity_list(v.store, &q, &list, err);
	}
	if (!rc) {
		web_reply_json(resp, render_json_activity_list(&list));
	}
	activity_list_release(&list);
	web_view_close(&v);
	return rc;
}

/* One row of the summary, skipped when value is empty. */
static void row(struct strbuf *sb, const char *label, const struct strbuf *value)
{
	if (value->len) {
		html_addf(sb, "<tr><th scope=\"row\">%s</th><td>%s</td></tr>\n", label, value->buf);
	}
}

static void add_summary(struct strbuf *sb, const struct activity *a, const struct race *race,
                        enum units u)
{
	struct strbuf v = STRBUF_INIT;

	strbuf_adds(sb, "<table class=\"summary\" id=\"activity-summary\">\n");
	render_sport(&v, a);
	row(sb, "Sport", &v);
	strbuf_reset(&v);
	render_day(&v, a->date);
	if (a->has_start) {
		strbuf_adds(&v, ", ");
		render_start_clock(&v, a);
	}
	row(sb, "Date", &v);
	strbuf_reset(&v);
	if (!isnan(a->distance_m)) {
		units_add_distance(&v, a->distance_m, u);
	}
	row(sb, "Distance", &v);
	strbuf_reset(&v);
	render_activity_time(&v, a);
	row(sb, "Time", &v);
	strbuf_reset(&v);
	render_pace(&v, a, u);
	row(sb, "Pace", &v);
	strbuf_reset(&v);
	if (a->hr_avg) {
		strbuf_addf(&v, "average %d bpm", a->hr_avg);
	}
	if (a->hr_max) {
		strbuf_addf(&v, "%smax %d bpm", v.len ? ", " : "", a->hr_max);
	}
	row(sb, "Heart rate", &v);
	strbuf_reset(&v);
	if (!isnan(a->ascent_m) || !isnan(a->descent_m)) {
		strbuf_addf(&v, "+%.0f m / \xe2\x88\x92%.0f m",
		            isnan(a->ascent_m) ? 0 : a->ascent_m,
		            isnan(a->descent_m) ? 0 : a->descent_m);
	}
	row(sb, "Climb", &v);
	strbuf_reset(&v);
	if (a->rpe) {
		strbuf_addf(&v, "%d of 10", a->rpe);
	}
	row(sb, "Effort", &v);
	strbuf_reset(&v);
	if (!isnan(a->load)) {
		strbuf_addf(&v, "%.0f", a->load);
		if (a->load_method[0]) {
			strbuf_addf(&v, " (%s)", a->load_method);
		}
	}
	row(sb, "Load", &v);
	strbuf_reset(&v);
	if (a->treadmill) {
		strbuf_adds(&v, "yes");
	}
	row(sb, "Treadmill", &v);
	strbuf_reset(&v);
	if (race->id) {
		strbuf_addf(&v, "%s (%s race)", race->name ? race->name : "",
		            race_priority_name(race->priority));
	}
	row(sb, "Race", &v);
	strbuf_reset(&v);
	if (a->gear) {
		strbuf_adds(&v, a->gear);
	}
	row(sb, "Gear", &v);
	strbuf_reset(&v);
	if (a->source != SOURCE_MANUAL) {
		strbuf_adds(&v, activity_source_name(a->source));
		if (a->source_file) {
			strbuf_addf(&v, " %s", a->source_file);
		}
		if (a->device) {
			strbuf_addf(&v, " from %s", a->device);
		}
	}
	row(sb, "File", &v);
	strbuf_reset(&v);
	if (a->note) {
		strbuf_adds(&v, a->note);
	}
	row(sb, "Note", &v);
	strbuf_adds(sb, "</table>\n");
	strbuf_release(&v);
}

static void add_laps(struct strbuf *sb, const struct recorded *r, enum units u)
{
	struct strbuf v = STRBUF_INIT;

	strbuf_adds(sb,
	            "<h2>Laps</h2>\n<div class=\"scroll\"><table class=\"laps\" id=\"laps\">\n"
	            "<thead><tr><th scope=\"col\">Lap</th><th scope=\"col\">Distance</th>"
	            "<th scope=\"col\">Time</th><th scope=\"col\">Pace</th>"
	            "<th scope=\"col\">HR</th><th scope=\"col\">Max</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < r->n_laps; i++) {
		const struct lap *lap = &r->laps[i];
		double time = !isnan(lap->moving_s) ? lap->moving_s : lap->elapsed_s;
		struct activity as_activity;

		html_addf(sb, "<tr><td>%zu</td><td>", i + 1);
		strbuf_reset(&v);
		if (!isnan(lap->distance_m)) {
			units_add_distance(&v, lap->distance_m, u);
		}
		html_addf(sb, "%s</td><td>", v.buf);
		strbuf_reset(&v);
		if (!isnan(time)) {
			units_add_duration(&v, time);
		}
		html_addf(sb, "%s</td><td>", v.buf);
		/* a lap's pace reads as its activity's sport does */
		activity_init(&as_activity);
		as_activity.sport = r->activity.sport;
		as_activity.distance_m = lap->distance_m;
		as_activity.duration_s = time;
		strbuf_reset(&v);
		render_pace(&v, &as_activity, u);
		activity_release(&as_activity);
		html_addf(sb, "%s</td><td>", v.buf);
		if (lap->hr_avg) {
			html_addf(sb, "%d", lap->hr_avg);
		}
		strbuf_adds(sb, "</td><td>");
		if (lap->hr_max) {
			html_addf(sb, "%d", lap->hr_max);
		}
		strbuf_adds(sb, "</td></tr>\n");
	}
	strbuf_adds(sb, "</tbody></table></div>\n");
	strbuf_release(&v);
}

/* The charts the samples have data for, inline. A chart that cannot be
 * drawn is an error: the page would otherwise hide it silently. */
static enum err_code add_charts(struct strbuf *sb, const struct recorded *r, enum units u,
                                struct err *err)
{
	static const char *const prefixes[CHART_TRACE_COUNT] = { "chart-pace", "chart-hr",
		                                                 "chart-elevation" };
	struct chart_spec spec;
	struct strbuf svg = STRBUF_INIT;
	bool any = false;

	chart_spec_init(&spec, CHART_SVG);
	spec.width = ACTIVITY_CHART_WIDTH;
	spec.height = ACTIVITY_CHART_HEIGHT;
	for (int t = 0; t < CHART_TRACE_COUNT; t++) {
		if (!chart_activity_has(&r->samples, (enum chart_trace)t)) {
			continue;
		}
		if (!any) {
			strbuf_adds(sb, "<h2>Charts</h2>\n");
			any = true;
		}
		strbuf_reset(&svg);
		if (chart_activity(&spec, &r->activity, &r->samples, (enum chart_trace)t, u, &svg,
		                   err)) {
			strbuf_release(&svg);
			return err->code;
		}
		html_addf(sb, "<figure id=\"%s\">\n", prefixes[t]);
		chart_svg_inline(svg.buf, svg.len, prefixes[t], sb);
		strbuf_adds(sb, "</figure>\n");
	}
	strbuf_release(&svg);
	return ERR_OK;
}

enum err_code web_page_activity(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct shown s;
	struct strbuf *sb = &resp->body, title = STRBUF_INIT;
	const struct activity *a;
	enum units u;

	if (shown_read(call, &s, err)) {
		return err->code;
	}
	a = &s.rec.activity;
	u = s.view.profile.units;
	render_sport(&title, a);
	title.buf[0] = (char)(title.buf[0] >= 'a' && title.buf[0] <= 'z' ? title.buf[0] - 32
	                                                                 : title.buf[0]);
	strbuf_adds(&title, ", ");
	render_day(&title, a->date);
	if (a->name) {
		strbuf_reset(&title);
		strbuf_adds(&title, a->name);
	}
	html_page_begin(sb, title.buf, HTML_NAV_NONE);
	add_summary(sb, a, &s.race, u);
	if (!s.rec.samples.n) {
		strbuf_adds(sb, "<p class=\"no-recording\">No recording: this activity was typed "
		                "in by hand, so there are no charts and no route.</p>\n");
	} else {
		if (add_charts(sb, &s.rec, u, err)) {
			strbuf_release(&title);
			shown_release(&s);
			return err->code;
		}
		if (route_positions(&s.rec.samples) >= 2) {
			strbuf_adds(sb, "<h2>Route</h2>\n<figure class=\"route-figure\">\n");
			route_svg(&s.rec.samples,
			          "The route, from the start (green) to the finish (red)", sb);
			strbuf_adds(sb, "</figure>\n");
		}
	}
	if (s.rec.n_laps > 1) {
		add_laps(sb, &s.rec, u);
	}
	html_addf(sb, "<p><a href=\"/api/v1/activity?id=%lld\">This activity as JSON</a></p>\n",
	          (long long)a->id);
	html_page_end(sb);
	strbuf_release(&title);
	shown_release(&s);
	return ERR_OK;
}
