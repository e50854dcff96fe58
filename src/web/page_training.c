/*
 * page_training.c: GET /training, and the training side of the JSON API.
 *
 * The Training page shows, from the same library calls as the command
 * line: fitness, fatigue and form over the last half year with the races
 * marked and the weekly volume of the last 16 weeks (render/chart.h, as
 * `knead chart`), today's numbers (as `knead load`), the current plan
 * with each week's compliance and this week's workouts (as `knead plan
 * show`), the races (as `knead race list`) and the predictions (as
 * `knead predict`).
 *
 * The API answers the shapes of the same commands' --json, built by the
 * same serializers (render/json_load.h, json_plan.h, json_race.h):
 *
 *   GET /api/v1/load[?from=D&to=D&weekly=1]   knead --json load [--weekly]
 *   GET /api/v1/plan[?week=D&race=KEY]        knead --json plan show
 *   GET /api/v1/races[?from=D&to=D]           knead --json race list
 *   GET /api/v1/predict[?distance=X&weeks=N]  knead --json predict [X]
 *
 * The web face opens the store read-only here, so unlike the command
 * line it does not compute loads missing from activities an older knead
 * stored; the faces that store activities compute them on the way in.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/load_table.h"
#include "advice/plan.h"
#include "advice/race_predict.h"
#include "advice/training.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/units.h"
#include "base/xalloc.h"
#include "render/chart.h"
#include "render/json_load.h"
#include "render/json_plan.h"
#include "render/json_race.h"
#include "render/text.h"
#include "store/store_activity.h"
#include "store/store_plan.h"
#include "store/store_race.h"
#include "web/html.h"
#include "web/routes.h"

/* The load chart covers half a year (a season), the volume chart 16
 * weeks (a block), as on the command line's defaults. */
#define TRAINING_CHART_DAYS  (7 * 26)
#define TRAINING_CHART_WEEKS LOAD_DEFAULT_WEEKS

/* A flag: present and not "0", "false", "no" or "off". */
static bool param_flag(const struct web_call *call, const char *name)
{
	const char *v = web_param(call->req, name);

	return v && strcmp(v, "0") && strcmp(v, "false") && strcmp(v, "no") && strcmp(v, "off");
}

/* ---- /api/v1/load ---- */

enum err_code web_api_load(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct web_view v;
	struct pmc_day *days = NULL;
	struct load_weeks w;
	bool weekly = param_flag(call, "weekly");
	int32_t from, to, first, last;
	size_t n = 0;
	enum err_code rc;

	memset(&w, 0, sizeof(w));
	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc) {
		rc = web_param_range(call, v.today, &from, &to, err);
	}
	if (!rc && to != DATE_NONE && to > v.today) {
		rc = err_set(err, ERR_INPUT, "to: it is after today");
	}
	if (!rc) {
		to = to == DATE_NONE ? v.today : to;
		rc = store_activity_span(v.store, ATHLETE_DEFAULT, &first, &last, err);
	}
	if (!rc && from != DATE_NONE && from > to) {
		rc = err_set(err, ERR_INPUT, "from: it is after today");
	}
	if (!rc) {
		from = load_table_from(from, to, weekly, first);
		rc = weekly ? load_table_weeks(v.store, ATHLETE_DEFAULT, from, to, &w, err)
		            : training_fitness(v.store, ATHLETE_DEFAULT, from, to, &days, &n, err);
	}
	if (!rc) {
		web_reply_json(resp, weekly ? render_json_load_weeks(&w)
		                            : render_json_load_days(from, to, days, n));
	}
	free(days);
	load_weeks_release(&w);
	web_view_close(&v);
	return rc;
}

/* ---- /api/v1/plan ---- */

enum err_code web_api_plan(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct web_view v;
	struct plan_week week;
	int32_t day;
	int64_t id = 0;
	enum err_code rc;

	memset(&week, 0, sizeof(week));
	plan_init(&week.plan);
	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc) {
		rc = web_param_day(call, "week", v.today, DATE_NONE, &day, err);
	}
	if (!rc) {
		day = day == DATE_NONE ? v.today : day;
		rc = plan_choose(v.store, ATHLETE_DEFAULT, web_param(call->req, "race"), day, &id,
		                 err);
	}
	if (!rc) {
		rc = plan_week_read(v.store, ATHLETE_DEFAULT, id, day, v.today, &week, err);
	}
	if (!rc) {
		web_reply_json(resp, render_json_plan_week(&week));
	}
	plan_week_release(&week);
	web_view_close(&v);
	return rc;
}

/* ---- /api/v1/races ---- */

enum err_code web_api_races(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct web_view v;
	struct race_list list = RACE_LIST_INIT;
	int32_t from, to;
	enum err_code rc;

	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc) {
		rc = web_param_range(call, v.today, &from, &to, err);
	}
	if (!rc) {
		rc = store_race_list(v.store, ATHLETE_DEFAULT, from, to, &list, err);
	}
	if (!rc) {
		web_reply_json(resp, render_json_race_list(&list, v.today));
	}
	race_list_release(&list);
	web_view_close(&v);
	return rc;
}

/* ---- /api/v1/predict ---- */

/* ?distance (as `knead predict DISTANCE`) and ?weeks. */
static enum err_code param_predict(const struct web_call *call, const char **name,
                                   double *distance_m, int *weeks, struct err *err)
{
	const char *d = web_param(call->req, "distance"), *w = web_param(call->req, "weeks");
	long n = RACE_PREDICT_DEFAULT_WEEKS;

	*name = NULL;
	*distance_m = 0;
	if (d && *d) {
		if (parse_distance(d, distance_m, err)) {
			return err_prefix(err, "distance");
		}
		*name = d;
	}
	if (w && *w && parse_int(w, 1, RACE_PREDICT_MAX_WEEKS, &n, err)) {
		return err_prefix(err, "weeks");
	}
	*weeks = (int)n;
	return ERR_OK;
}

/* No efforts is "not found", with the command line's words. */
static enum err_code no_efforts(const struct race_prediction *p, struct err *err)
{
	char day[DATE_ISO_LEN];

	date_format(p->from, day);
	return err_set(err, ERR_NOT_FOUND,
	               "no efforts in the last %d weeks (since %s): predictions need a race "
	               "result or an outdoor run of a standard distance (mile, 5k, 10k, 15k, "
	               "10mi, half, marathon); try a longer weeks",
	               p->weeks, day);
}

enum err_code web_api_predict(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct web_view v;
	struct race_prediction p;
	const char *name;
	double distance_m;
	int weeks = RACE_PREDICT_DEFAULT_WEEKS;
	enum err_code rc;

	memset(&p, 0, sizeof(p));
	rc = param_predict(call, &name, &distance_m, &weeks, err);
	if (!rc) {
		rc = web_view_open(call->app, STORE_READ, &v, err);
	} else {
		memset(&v, 0, sizeof(v));
	}
	if (!rc) {
		rc = race_predict_make(v.store, ATHLETE_DEFAULT, v.today, weeks, name, distance_m,
		                       &p, err);
	}
	if (!rc && p.best.n_efforts == 0) {
		rc = no_efforts(&p, err);
	}
	if (!rc) {
		web_reply_json(resp, render_json_race_prediction(&p));
	}
	race_prediction_release(&p);
	web_view_close(&v);
	return rc;
}

/* ---- the page ---- */

/* Everything the page shows, read for one request. */
struct training {
	struct web_view view;
	int32_t first, last;  /* the first and last activity's days, DATE_NONE */
	struct pmc_day *days; /* fitness for the load chart (n_days) */
	size_t n_days;
	struct load_weeks weeks; /* for the volume chart */
	struct race_list races;  /* every race */
};

static void training_release(struct training *t)
{
	free(t->days);
	load_weeks_release(&t->weeks);
	race_list_release(&t->races);
	web_view_close(&t->view);
}

static enum err_code add_load_chart(struct strbuf *sb, const struct training *t, struct err *err)
{
	struct chart_spec spec;
	struct strbuf svg = STRBUF_INIT;
	enum err_code rc;

	chart_spec_init(&spec, CHART_SVG);
	rc = chart_load_races(&spec, t->days, t->n_days, t->races.races, t->races.n_races, NULL,
	                      &svg, err);
	if (!rc) {
		strbuf_adds(sb, "<figure id=\"load-chart\">\n");
		chart_svg_inline(svg.buf, svg.len, "load", sb);
		strbuf_adds(sb, "<figcaption>Fitness (CTL), fatigue (ATL) and form (TSB) over the "
		                "last half year, daily load below, races marked.</figcaption>\n"
		                "</figure>\n");
	}
	strbuf_release(&svg);
	return rc;
}

static enum err_code add_volume_chart(struct strbuf *sb, const struct training *t, struct err *err)
{
	struct chart_spec spec;
	struct strbuf svg = STRBUF_INIT;
	enum err_code rc;

	chart_spec_init(&spec, CHART_SVG);
	rc = chart_volume(&spec, t->weeks.volume, t->weeks.n, &svg, err);
	if (!rc) {
		strbuf_adds(sb, "<figure id=\"volume-chart\">\n");
		chart_svg_inline(svg.buf, svg.len, "volume", sb);
		strbuf_adds(sb, "<figcaption>Hours a week by sport, the last 16 weeks."
		                "</figcaption>\n</figure>\n");
	}
	strbuf_release(&svg);
	return rc;
}

/* A number with that many decimals, or "-" when unknown. */
static void add_num(struct strbuf *sb, const char *fmt_sign, int decimals, double v)
{
	if (isnan(v)) {
		strbuf_adds(sb, "-");
	} else if (*fmt_sign) {
		strbuf_addf(sb, "%+.*f", decimals, v);
	} else {
		strbuf_addf(sb, "%.*f", decimals, v);
	}
}

/* Today's row of the fitness table, with `knead load`'s legend. */
static void add_numbers(struct strbuf *sb, const struct training *t)
{
	const struct pmc_day *d;

	if (!t->n_days) {
		return;
	}
	d = &t->days[t->n_days - 1];
	strbuf_adds(sb, "<table id=\"load-numbers\">\n<tr><th>fitness (CTL)</th><th>fatigue "
	                "(ATL)</th><th>form (TSB)</th><th>ACWR</th><th>7:28</th></tr>\n<tr><td>");
	add_num(sb, "", 1, d->ctl);
	strbuf_adds(sb, "</td><td>");
	add_num(sb, "", 1, d->atl);
	strbuf_adds(sb, "</td><td>");
	add_num(sb, "+", 1, d->tsb);
	strbuf_adds(sb, "</td><td>");
	add_num(sb, "", 2, d->acwr_ewma);
	strbuf_adds(sb, "</td><td>");
	add_num(sb, "", 2, d->acwr_rolling);
	strbuf_adds(sb, "</td></tr>\n</table>\n");
	strbuf_adds(sb,
	            "<p class=\"legend\"><small>Load: points, an hour at threshold = 100. "
	            "Fitness: CTL, the 42-day average of load; fatigue: ATL, the 7-day one; "
	            "form: TSB, yesterday's fitness &minus; fatigue (as TrainingPeaks shows it). "
	            "ACWR: acute:chronic load, EWMA of 7 and 28 days; 7:28: the last 7 days over "
	            "the weekly mean of the 21 before. They describe load; they do not predict "
	            "injury.</small></p>\n");
}

/* "45 min" or "8.00 km": a plan's volume in its measure. */
static void add_volume(struct strbuf *sb, double v, enum plan_by by, enum units u)
{
	if (isnan(v)) {
		strbuf_adds(sb, "-");
	} else if (by == PLAN_BY_TIME) {
		units_add_duration(sb, v);
	} else {
		units_add_distance(sb, v, u);
	}
}

/* Every week of plan plan_id so far: planned against done, from the whole
 * plan matched to the log (advice/plan.h), each week summed as `knead
 * plan show` sums one. */
static enum err_code add_plan_weeks(struct strbuf *sb, const struct training *t, int64_t plan_id,
                                    struct err *err)
{
	struct plan p;
	struct activity_list acts = ACTIVITY_LIST_INIT;
	struct activity_query q;
	struct workout_match *m = NULL;
	struct strbuf cell = STRBUF_INIT;
	int32_t today = t->view.today, last;
	enum units u = t->view.profile.units;
	enum err_code rc;

	rc = store_plan_get(t->view.store, ATHLETE_DEFAULT, plan_id, DATE_NONE, DATE_NONE, &p, err);
	if (rc) {
		return rc;
	}
	last = p.n_workouts ? p.workouts[p.n_workouts - 1].date : p.start;
	activity_query_init(&q, ATHLETE_DEFAULT);
	q.from = p.start - PLAN_MOVE_DAYS;
	q.to = today;
	rc = store_activity_list(t->view.store, &q, &acts, err);
	if (rc) {
		goto done;
	}
	m = xcalloc(p.n_workouts + 1, sizeof(*m));
	plan_match(&p, p.start, last, acts.activities, acts.n_activities, today, m);
	strbuf_adds(sb, "<div class=\"scroll\"><table id=\"plan-weeks\">\n<tr><th>week</th>"
	                "<th>Monday</th><th>phase</th><th>planned</th><th>due</th><th>done</th>"
	                "<th>workouts</th></tr>\n");
	for (int wk = 0; wk < p.weeks; wk++) {
		int32_t monday = date_week_start(p.start) + 7 * wk;
		struct plan_compliance c;
		size_t first, end;
		bool current = monday <= today && today <= monday + 6;

		plan_range(&p, monday, monday + 6, &first, &end);
		if (first >= end) {
			continue;
		}
		plan_compliance_sum(&p, m, first, end, &c);
		strbuf_adds(sb, current ? "<tr class=\"current\">" : "<tr>");
		html_addf(sb, "<td>%d</td><td>", p.workouts[first].week);
		strbuf_reset(&cell);
		render_day(&cell, monday);
		html_escape(sb, cell.buf);
		html_addf(sb, "</td><td>%s</td><td>", plan_phase_name(p.workouts[first].phase));
		strbuf_reset(&cell);
		add_volume(&cell, p.by == PLAN_BY_TIME ? c.week_s : c.week_m, p.by, u);
		html_escape(sb, cell.buf);
		strbuf_adds(sb, "</td><td>");
		if (monday <= today && c.planned) {
			strbuf_reset(&cell);
			add_volume(&cell, p.by == PLAN_BY_TIME ? c.planned_s : c.planned_m, p.by,
			           u);
			html_escape(sb, cell.buf);
			strbuf_adds(sb, "</td><td>");
			strbuf_reset(&cell);
			add_volume(&cell, p.by == PLAN_BY_TIME ? c.done_s : c.done_m, p.by, u);
			{
				double share =
				        p.by == PLAN_BY_TIME ? c.time_share : c.distance_share;

				if (!isnan(share)) {
					strbuf_addf(&cell, " (%.0f%%)", share * 100);
				}
			}
			html_escape(sb, cell.buf);
			html_addf(sb, "</td><td>%d of %d done", c.done, c.planned);
			if (c.partial) {
				html_addf(sb, ", %d partly", c.partial);
			}
			if (c.missed) {
				html_addf(sb, ", %d missed", c.missed);
			}
		} else {
			html_addf(sb, "</td><td></td><td>%d planned", c.week_workouts);
		}
		strbuf_adds(sb, "</td></tr>\n");
	}
	strbuf_adds(sb, "</table></div>\n");
done:
	free(m);
	strbuf_release(&cell);
	activity_list_release(&acts);
	plan_release(&p);
	return rc;
}

/* This week's workouts with what was done, as `knead plan show`. */
static void add_plan_week(struct strbuf *sb, const struct training *t, const struct plan_week *w)
{
	const struct plan_compliance *c = &w->compliance;
	enum units u = t->view.profile.units;
	struct strbuf cell = STRBUF_INIT;

	if (!w->number) {
		strbuf_adds(sb, "<p>No workouts this week.</p>\n");
		return;
	}
	html_addf(sb, "<h3>This week: week %d of %d, %s</h3>\n", w->number, w->plan.weeks,
	          plan_phase_name(w->phase));
	strbuf_adds(sb, "<div class=\"scroll\"><table id=\"plan-week\">\n<tr><th>day</th>"
	                "<th>workout</th><th>status</th></tr>\n");
	for (size_t i = w->first; i < w->end; i++) {
		const struct workout *wo = &w->plan.workouts[i];
		const struct workout_match *m = &w->matches[i];

		strbuf_reset(&cell);
		render_day(&cell, wo->date);
		html_addf(sb, "<tr class=\"%s\"><td>%s</td><td>", workout_status_name(m->status),
		          cell.buf);
		strbuf_reset(&cell);
		plan_add_workout_text(&cell, wo, w->plan.by, u);
		html_escape(sb, cell.buf);
		if (wo->description && wo->kind != WORKOUT_REST) {
			html_addf(sb, "<br><small>%s</small>", wo->description);
		}
		strbuf_reset(&cell);
		render_workout_status(&cell, wo, m);
		html_addf(sb, "</td><td>%s</td></tr>\n", cell.buf);
	}
	strbuf_adds(sb, "</table></div>\n<p>So far: ");
	if (!c->planned) {
		strbuf_adds(sb, "nothing due yet.");
	} else {
		strbuf_reset(&cell);
		add_volume(&cell, w->plan.by == PLAN_BY_TIME ? c->done_s : c->done_m, w->plan.by,
		           u);
		strbuf_adds(&cell, " done of ");
		add_volume(&cell, w->plan.by == PLAN_BY_TIME ? c->planned_s : c->planned_m,
		           w->plan.by, u);
		strbuf_addf(&cell, " due; %d of %d workouts done", c->done, c->planned);
		if (c->missed) {
			strbuf_addf(&cell, ", %d missed", c->missed);
		}
		html_escape(sb, cell.buf);
		strbuf_adds(sb, ".");
	}
	strbuf_adds(sb, "</p>\n");
	strbuf_release(&cell);
}

static enum err_code add_plan(struct strbuf *sb, const struct training *t, struct err *err)
{
	struct plan_week week;
	struct strbuf cell = STRBUF_INIT;
	int64_t id = 0;
	enum err_code rc;

	strbuf_adds(sb, "<section id=\"plan\">\n<h2>Plan</h2>\n");
	rc = plan_choose(t->view.store, ATHLETE_DEFAULT, NULL, t->view.today, &id, err);
	if (rc == ERR_NOT_FOUND) {
		err_clear(err);
		strbuf_adds(sb,
		            "<p id=\"no-plan\">No plan. Build one for a race with <code>knead "
		            "plan new RACE</code> (add the race first with <code>knead race add "
		            "NAME DATE DISTANCE</code>).</p>\n</section>\n");
		return ERR_OK;
	}
	if (rc) {
		return rc;
	}
	memset(&week, 0, sizeof(week));
	rc = plan_week_read(t->view.store, ATHLETE_DEFAULT, id, t->view.today, t->view.today, &week,
	                    err);
	if (!rc) {
		const struct plan *p = &week.plan;

		units_add_distance(&cell, p->race_distance_m, t->view.profile.units);
		strbuf_adds(&cell, " on ");
		render_day(&cell, p->race_date);
		html_addf(sb, "<p>%s (%s), %d weeks by %s, from the %s template.</p>\n",
		          p->race_name, cell.buf, p->weeks, plan_by_name(p->by), p->template_name);
		rc = add_plan_weeks(sb, t, id, err);
	}
	if (!rc) {
		add_plan_week(sb, t, &week);
		strbuf_adds(sb, "</section>\n");
	}
	strbuf_release(&cell);
	plan_week_release(&week);
	return rc;
}

static void add_race_row(struct strbuf *sb, const struct race *r, const struct training *t)
{
	enum units u = t->view.profile.units;
	struct strbuf cell = STRBUF_INIT;

	render_day(&cell, r->date);
	html_addf(sb, "<tr><td>%s</td><td>%s</td><td>", cell.buf, r->name);
	strbuf_reset(&cell);
	units_add_distance(&cell, r->distance_m, u);
	html_addf(sb, "%s</td><td>%s</td><td>%s</td><td>", cell.buf,
	          race_priority_name(r->priority), race_status_name(r->status));
	strbuf_reset(&cell);
	if (!isnan(r->goal_s)) {
		units_add_duration(&cell, r->goal_s);
	}
	html_addf(sb, "%s</td><td>", cell.buf);
	strbuf_reset(&cell);
	if (!isnan(r->result_s)) {
		units_add_duration(&cell, r->result_s);
		strbuf_adds(&cell, " (");
		units_add_pace(&cell, r->result_s / r->distance_m, u);
		strbuf_adds(&cell, ")");
	} else if (race_is_upcoming(r) && r->date >= t->view.today) {
		int32_t n = r->date - t->view.today;

		if (n == 0) {
			strbuf_adds(&cell, "today");
		} else {
			strbuf_addf(&cell, "in %d day%s", (int)n, n == 1 ? "" : "s");
		}
	}
	html_addf(sb, "%s</td></tr>\n", cell.buf);
	strbuf_release(&cell);
}

static void add_races(struct strbuf *sb, const struct training *t)
{
	static const char head[] = "<div class=\"scroll\"><table>\n<tr><th>date</th><th>race</th>"
	                           "<th>distance</th><th>priority</th><th>status</th>"
	                           "<th>goal</th><th>result</th></tr>\n";
	size_t n_up = 0;

	strbuf_adds(sb, "<section id=\"races\">\n<h2>Races</h2>\n");
	if (!t->races.n_races) {
		strbuf_adds(sb, "<p>No races (add one with <code>knead race add NAME DATE "
		                "DISTANCE</code>).</p>\n</section>\n");
		return;
	}
	for (size_t i = 0; i < t->races.n_races; i++) {
		n_up += t->races.races[i].date >= t->view.today;
	}
	strbuf_adds(sb, "<h3>Upcoming</h3>\n");
	if (n_up) {
		strbuf_adds(sb, head);
		for (size_t i = 0; i < t->races.n_races; i++) {
			if (t->races.races[i].date >= t->view.today) {
				add_race_row(sb, &t->races.races[i], t);
			}
		}
		strbuf_adds(sb, "</table></div>\n");
	} else {
		strbuf_adds(sb, "<p>None.</p>\n");
	}
	if (n_up < t->races.n_races) {
		strbuf_adds(sb, "<h3>Past</h3>\n");
		strbuf_adds(sb, head);
		/* the latest first: the races just run matter most */
		for (size_t i = t->races.n_races; i-- > 0;) {
			if (t->races.races[i].date < t->view.today) {
				add_race_row(sb, &t->races.races[i], t);
			}
		}
		strbuf_adds(sb, "</table></div>\n");
	}
	strbuf_adds(sb, "</section>\n");
}

static enum err_code add_predictions(struct strbuf *sb, const struct training *t, struct err *err)
{
	struct race_prediction p;
	struct strbuf cell = STRBUF_INIT;
	enum units u = t->view.profile.units;
	enum err_code rc;

	rc = race_predict_make(t->view.store, ATHLETE_DEFAULT, t->view.today,
	                       RACE_PREDICT_DEFAULT_WEEKS, NULL, 0, &p, err);
	if (rc) {
		race_prediction_release(&p);
		return rc;
	}
	render_day(&cell, p.from);
	html_addf(sb,
	          "<section id=\"predictions\">\n<h2>Predictions</h2>\n<p>From the best efforts "
	          "of the last %d weeks (since %s).</p>\n",
	          p.weeks, cell.buf);
	if (!p.best.n_efforts) {
		strbuf_adds(sb, "<p>No efforts: predictions need a race result or an outdoor run "
		                "of a standard distance (mile, 5k, 10k, 15k, 10mi, half, "
		                "marathon).</p>\n</section>\n");
		goto done;
	}
	strbuf_adds(sb, "<div class=\"scroll\"><table id=\"prediction-table\">\n<tr><th>distance"
	                "</th><th>Riegel</th><th>by VDOT</th><th>from</th></tr>\n");
	for (size_t k = 0; k < p.n_targets; k++) {
		const struct predict_result *r = &p.res[k];

		html_addf(sb, "<tr><td>%s</td>", p.names[k]);
		if (r->from == PREDICT_NONE) {
			strbuf_adds(sb, "<td>?</td><td>?</td><td>no effort in range</td></tr>\n");
			continue;
		}
		strbuf_reset(&cell);
		units_add_duration(&cell, r->riegel_s);
		strbuf_adds(&cell, r->target_in_range ? "" : "~");
		html_addf(sb, "<td>%s</td>", cell.buf);
		strbuf_reset(&cell);
		units_add_duration(&cell, r->vdot_s);
		strbuf_adds(&cell, r->target_in_range ? "" : "~");
		strbuf_addf(&cell, "</td><td>effort %zu (VDOT %.1f)", r->from + 1, r->vdot);
		/* times and numbers only: nothing to escape */
		strbuf_addf(sb, "<td>%s</td></tr>\n", cell.buf);
	}
	strbuf_adds(sb, "</table></div>\n<h3>Efforts used</h3>\n<div class=\"scroll\"><table "
	                "id=\"efforts\">\n<tr><th>#</th><th>date</th><th>distance</th>"
	                "<th>time</th><th>pace</th><th>VDOT</th><th>from</th></tr>\n");
	for (size_t i = 0; i < p.best.n_efforts; i++) {
		const struct effort *e = &p.best.efforts[i];
		bool in = predict_effort_in_range(e->e.time_s);

		strbuf_reset(&cell);
		render_day(&cell, e->e.day);
		html_addf(sb, "<tr><td>%zu</td><td>%s</td><td>", i + 1, cell.buf);
		strbuf_reset(&cell);
		units_add_distance(&cell, e->e.distance_m, u);
		strbuf_adds(&cell, "</td><td>");
		units_add_duration(&cell, e->e.time_s);
		strbuf_adds(&cell, in ? "" : "*");
		strbuf_adds(&cell, "</td><td>");
		units_add_pace(&cell, e->e.time_s / e->e.distance_m, u);
		strbuf_addf(&cell, "</td><td>%.1f</td><td>", e->vdot);
		strbuf_adds(sb, cell.buf); /* numbers and units only */
		strbuf_reset(&cell);
		render_effort_source(&cell, e);
		if (e->e.activity_id) {
			html_addf(sb, "<a href=\"/activity?id=%lld\">%s</a>",
			          (long long)e->e.activity_id, cell.buf);
		} else {
			html_escape(sb, cell.buf);
		}
		strbuf_adds(sb, "</td></tr>\n");
	}
	strbuf_adds(sb, "</table></div>\n<p><small>Riegel: T2 = T1 &times; (D2/D1)^1.06; VDOT: "
	                "Daniels' tables. * shorter than 3.5 or longer than 230 minutes, the "
	                "efforts the models were fitted on: shown, but not chosen. ~ the "
	                "predicted time lies outside that range: an extrapolation, take it "
	                "loosely.</small></p>\n</section>\n");
done:
	strbuf_release(&cell);
	race_prediction_release(&p);
	return ERR_OK;
}

/* Read what the page shows into *t (released by the caller). */
static enum err_code training_read(struct web_call *call, struct training *t, struct err *err)
{
	int32_t today, from, weeks_from;

	memset(t, 0, sizeof(*t));
	t->races = (struct race_list)RACE_LIST_INIT;
	if (web_view_open(call->app, STORE_READ, &t->view, err) ||
	    store_activity_span(t->view.store, ATHLETE_DEFAULT, &t->first, &t->last, err) ||
	    store_race_list(t->view.store, ATHLETE_DEFAULT, DATE_NONE, DATE_NONE, &t->races, err)) {
		return err->code;
	}
	if (t->first == DATE_NONE || t->first > t->view.today) {
		return ERR_OK;
	}
	today = t->view.today;
	from = today - (TRAINING_CHART_DAYS - 1);
	from = from < t->first ? t->first : from;
	weeks_from = date_week_start(today) - 7 * (TRAINING_CHART_WEEKS - 1);
	if (weeks_from < date_week_start(t->first)) {
		weeks_from = date_week_start(t->first);
	}
	if (training_fitness(t->view.store, ATHLETE_DEFAULT, from, today, &t->days, &t->n_days,
	                     err) ||
	    load_table_weeks(t->view.store, ATHLETE_DEFAULT, weeks_from, today, &t->weeks, err)) {
		return err->code;
	}
	return ERR_OK;
}

enum err_code web_page_training(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct strbuf *sb = &resp->body;
	struct training t;
	enum err_code rc = training_read(call, &t, err);

	if (!rc) {
		html_page_begin(sb, "Training", HTML_NAV_TRAINING);
		strbuf_adds(sb, "<section id=\"load\">\n<h2>Fitness, fatigue and form</h2>\n");
		if (!t.n_days) {
			strbuf_adds(sb, "<p>No activities yet: log some, or import your watch's "
			                "files, and the charts fill in.</p>\n");
		} else {
			add_numbers(sb, &t);
			rc = add_load_chart(sb, &t, err);
			if (!rc) {
				strbuf_adds(sb, "<h2>Weekly volume</h2>\n");
				rc = add_volume_chart(sb, &t, err);
			}
		}
		strbuf_adds(sb, "</section>\n");
	}
	if (!rc) {
		rc = add_plan(sb, &t, err);
	}
	if (!rc) {
		add_races(sb, &t);
		rc = add_predictions(sb, &t, err);
	}
	if (!rc) {
		html_page_end(sb);
	}
	training_release(&t);
	return rc;
}
