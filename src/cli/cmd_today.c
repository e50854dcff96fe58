/*
 * cmd_today.c: knead today | week, the advisor's day and week.
 *
 *   knead today                  today's workout, readiness and advice
 *   knead today --date sat --why as of Saturday, with facts and sources
 *   knead week --date 2026-11-18 --json
 *
 * Both read the advisor's context once (advice/context.h) and hand it to
 * advice/today.h or advice/week.h, which hold every rule and threshold;
 * this file parses, prints, and refreshes missing training loads first
 * so that fitness counts every activity.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/context.h"
#include "advice/massage.h"
#include "advice/plan.h"
#include "advice/rules.h"
#include "advice/today.h"
#include "advice/week.h"
#include "base/date.h"
#include "base/units.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json.h"
#include "render/json_advice.h"
#include "render/json_body.h"
#include "render/json_load.h"
#include "render/json_plan.h"
#include "render/json_race.h"
#include "render/json_today.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_appointment.h"

/* ---- reading the context ---- */

/* The context for the day --date names (default today). A day to come is
 * refused: it has no check-ins or training yet, so its answer would read
 * the days between as missed and the body as fine. *ctx is initialised
 * whatever happens; the caller releases it. */
static enum err_code read_context(struct cli *cli, const struct cli_args *args,
                                  struct advice_context *ctx, struct err *err)
{
	int32_t day;

	advice_context_init(ctx, &cli->profile, &cli->rules, &cli->regions, cli->today);
	if (cli_as_of(cli, args, CLI_AS_OF_TODAY, &day, err)) {
		return err->code;
	}
	return cli_advice_context(cli, day, ctx, err);
}

/* ---- pieces of text ---- */

/* "Tue 2026-11-24", or "Tue 2026-11-24 to Fri 2026-11-27". */
static void add_span(struct strbuf *sb, int32_t from, int32_t to)
{
	render_day(sb, from);
	if (to != from) {
		strbuf_adds(sb, " to ");
		render_day(sb, to);
	}
}

/* What was done against a workout: "done: 38:00", "partial: 20:00 (50%)". */
static void add_done(struct strbuf *sb, const struct workout_match *m, enum plan_by by,
                     enum units u)
{
	if (!m->n_activities) {
		return;
	}
	strbuf_addf(sb, "%s: ", workout_status_name(m->status));
	if (by == PLAN_BY_DISTANCE && m->done_m > 0) {
		units_add_distance(sb, m->done_m, u);
	} else {
		units_add_duration(sb, m->done_s);
	}
	if (m->status == WORKOUT_STATUS_PARTIAL && isfinite(m->share)) {
		strbuf_addf(sb, " (%.0f%%)", m->share * 100);
	}
	if (m->status == WORKOUT_STATUS_MOVED && m->done_on != DATE_NONE) {
		strbuf_addf(sb, " on %s", date_weekday_abbr(date_weekday(m->done_on)));
	}
}

/*
 *   warning  injury-no-run  Tue 2026-11-24
 *     No running today (right hamstrings: pain 5 on Mon 2026-11-23). ...
 *     why: running on a painful injury prolongs it; ...
 *     - latest pain 5 on Mon 2026-11-23 ...      (--why)
 *     source: domain.md 3 ...                    (--why)
 */
static void add_advice(struct strbuf *sb, const struct advice_list *list, bool why)
{
	if (!list->n_items) {
		strbuf_adds(sb, "  nothing to add\n");
		return;
	}
	for (size_t i = 0; i < list->n_items; i++) {
		const struct advice *a = &list->items[i];
		bool warning = a->kind == ADVICE_WARNING;

		strbuf_addf(sb, "%s  %s%s%s  %s  ", i ? "\n" : "",
		            warning ? out_sgr("\033[1;31m") : "", advice_kind_name(a->kind),
		            warning ? out_sgr("\033[0m") : "", a->rule->id);
		add_span(sb, a->from, a->to);
		strbuf_addf(sb, "\n    %s\n    why: %s\n", a->text, a->rule->reason);
		if (why) {
			for (size_t j = 0; j < a->n_facts; j++) {
				strbuf_addf(sb, "    - %s\n", a->facts[j]);
			}
			strbuf_addf(sb, "    source: %s\n", a->rule->source);
		}
	}
}

/* ---- today ---- */

/* What `knead advise massage` would plan for the week from the day, read
 * only: the appointments already made count, nothing is stored. */
static enum err_code plan_massage(struct cli *cli, const struct advice_context *ctx,
                                  struct massage_plan *mp, struct err *err)
{
	struct appointment_list booked = APPOINTMENT_LIST_INIT;
	enum err_code rc;

	memset(mp, 0, sizeof(*mp));
	rc = store_appointment_list(cli->store, ATHLETE_DEFAULT, ctx->today, DATE_NONE, &booked,
	                            err);
	if (!rc) {
		massage_plan_make(ctx, &booked, 1, mp);
	}
	appointment_list_release(&booked);
	return rc;
}

/* "Thu 2026-11-26 deep-tissue massage with Knead Studio, suggested
 * (massage-post-race)". */
static void add_massage(struct strbuf *sb, const struct massage_item *m)
{
	render_day(sb, m->day);
	strbuf_addf(sb, " %s", modality_describe(m->modality));
	if (m->provider) {
		strbuf_addf(sb, " with %s", m->provider->name);
	}
	strbuf_addf(sb, ", %s", m->source == MASSAGE_BOOKED ? "booked" : "suggested");
	if (m->rule) {
		strbuf_addf(sb, " (%s)", m->rule->id);
	}
}

static void print_today(struct cli *cli, const struct advice_context *ctx, const struct today *t,
                        const struct massage_plan *mp, bool why)
{
	struct strbuf sb = STRBUF_INIT;
	enum units u = cli->profile.units;
	const struct plan *p = &ctx->plan;
	char iso[DATE_ISO_LEN];

	date_format(t->day, iso);
	strbuf_addf(&sb, "%s %s", date_weekday_name(date_weekday(t->day)), iso);
	strbuf_adds(&sb, t->day == cli->today ? " (today)\n" : "\n");

	strbuf_adds(&sb, "plan: ");
	if (!t->has_plan) {
		strbuf_adds(&sb, "no plan (build one with 'knead plan new RACE')\n");
	} else if (!t->workout) {
		strbuf_addf(&sb, "nothing planned: %s's plan runs from ", p->race_name);
		render_day(&sb, p->start);
		strbuf_adds(&sb, " to ");
		render_day(&sb, p->race_date);
		strbuf_addch(&sb, '\n');
	} else {
		plan_add_workout_text(&sb, t->workout, p->by, u);
		strbuf_addf(&sb, " (%s, week %d of %d, %s)", p->race_name, t->workout->week,
		            p->weeks, plan_phase_name(t->workout->phase));
		if (t->match.n_activities) {
			strbuf_adds(&sb, "; ");
			add_done(&sb, &t->match, p->by, u);
		}
		strbuf_addch(&sb, '\n');
		if (t->workout->description && t->workout->kind != WORKOUT_REST) {
			strbuf_addf(&sb, "  %s\n", t->workout->description);
		}
	}

	for (size_t i = 0, n = 0; i < mp->n_items; i++) {
		if (render_today_massage_shown(mp, i, t->day)) {
			strbuf_adds(&sb, n++ ? "         " : "massage: ");
			add_massage(&sb, &mp->items[i]);
			strbuf_addch(&sb, '\n');
		}
	}

	strbuf_addf(&sb, "\nreadiness: %s%s%s\n", out_sgr("\033[1m"), today_level_name(t->level),
	            out_sgr("\033[0m"));
	for (size_t i = 0; i < t->n_reasons; i++) {
		strbuf_addf(&sb, "  - %s\n", t->reasons[i]);
	}
	strbuf_adds(&sb, "\nadvice:\n");
	add_advice(&sb, &t->advice, why);
	out_buf(&sb);
	strbuf_release(&sb);
}

int cmd_today(struct cli *cli, const struct cli_args *args)
{
	struct advice_context ctx;
	struct err err = ERR_INIT;
	struct massage_plan mp;
	struct today t;

	if (read_context(cli, args, &ctx, &err) || plan_massage(cli, &ctx, &mp, &err)) {
		advice_context_release(&ctx);
		return cli_fail(cli, &err);
	}
	today_advise(&ctx, &t);
	if (cli->json) {
		out_json(render_json_today(&ctx, &t, &mp));
	} else {
		print_today(cli, &ctx, &t, &mp, cli_opt(args, "why") != NULL);
	}
	today_release(&t);
	massage_plan_release(&mp);
	advice_context_release(&ctx);
	return EXIT_OK;
}

/* ---- week ---- */

static void print_plan(const struct cli *cli, const struct week *w, struct strbuf *out)
{
	const struct plan *p = w->plan;
	const struct plan_compliance *c = &w->compliance;
	enum units u = cli->profile.units;
	struct strbuf sb = STRBUF_INIT;
	struct table *t;

	if (!p) {
		strbuf_adds(out, "plan: no plan (build one with 'knead plan new RACE')\n");
		return;
	}
	if (!w->number) {
		strbuf_addf(out, "plan: no workouts this week (%s's plan runs from ", p->race_name);
		render_day(out, p->start);
		strbuf_adds(out, " to ");
		render_day(out, p->race_date);
		strbuf_adds(out, ")\n");
		return;
	}
	strbuf_addf(out, "plan: %s, week %d of %d, %s\n", p->race_name, w->number, p->weeks,
	            plan_phase_name(w->phase));
	t = table_new();
	table_column(t, "day", TABLE_LEFT, 0);
	table_column(t, "workout", TABLE_LEFT, 0);
	table_column(t, "done", TABLE_LEFT, 0);
	for (size_t i = w->first; i < w->end; i++) {
		const struct workout *wo = &p->workouts[i];
		const struct workout_match *m = &w->matches[i];

		render_day(&sb, wo->date);
		table_cell_take(t, &sb);
		plan_add_workout_text(&sb, wo, p->by, u);
		table_cell_take(t, &sb);
		if (m->n_activities) {
			add_done(&sb, m, p->by, u);
		} else if (m->status != WORKOUT_STATUS_REST) {
			strbuf_adds(&sb, workout_status_name(m->status));
		}
		table_cell_take(t, &sb);
	}
	table_render(t, out, out_color_stdout());
	table_free(t);
	if (!c->planned) {
		strbuf_adds(out, "so far: nothing due yet\n");
	} else {
		bool by_time = p->by == PLAN_BY_TIME;
		double share = by_time ? c->time_share : c->distance_share;

		strbuf_adds(out, "so far: ");
		if (by_time) {
			units_add_duration(out, c->done_s);
			strbuf_adds(out, " done of ");
			units_add_duration(out, c->planned_s);
		} else {
			units_add_distance(out, c->done_m, u);
			strbuf_adds(out, " done of ");
			units_add_distance(out, c->planned_m, u);
		}
		strbuf_adds(out, " due");
		if (isfinite(share)) {
			strbuf_addf(out, " (%.0f%%)", share * 100);
		}
		strbuf_addf(out, "; %d of %d workouts done", c->done, c->planned);
		if (c->partial) {
			strbuf_addf(out, ", %d partly", c->partial);
		}
		if (c->missed) {
			strbuf_addf(out, ", %d missed", c->missed);
		}
		strbuf_addch(out, '\n');
	}
	strbuf_release(&sb);
}

static void print_load(const struct cli *cli, const struct week *w, struct strbuf *out)
{
	const struct volume_week *v = &w->volume;
	const struct pmc_day *end;

	if (!w->n_fitness) {
		strbuf_adds(out, "load: no training logged yet\n");
		return;
	}
	end = &w->fitness[w->n_fitness - 1];
	strbuf_addf(out, "load: %.0f points over %d day%s; on ", w->load.load, w->load.days,
	            w->load.days == 1 ? "" : "s");
	render_day(out, end->day);
	strbuf_addf(out, " fitness %.1f, fatigue %.1f, form %+.1f", end->ctl, end->atl, end->tsb);
	if (w->acwr_settled && isfinite(end->acwr_ewma)) {
		strbuf_addf(out, ", ratio %.2f", end->acwr_ewma);
	}
	strbuf_addch(out, '\n');
	if (isfinite(w->load.monotony)) {
		strbuf_addf(out, "monotony %.2f, strain %.0f\n", w->load.monotony, w->load.strain);
	}
	strbuf_adds(out, "volume: running ");
	units_add_distance(out, v->run_distance_m, cli->profile.units);
	if (isfinite(v->run_distance_change)) {
		strbuf_addf(out, " (%+.0f %% on last week)", v->run_distance_change * 100);
	}
	strbuf_adds(out, "; every sport ");
	units_add_duration(out, v->time_s_all);
	if (isfinite(v->time_change)) {
		strbuf_addf(out, " (%+.0f %%)", v->time_change * 100);
	}
	strbuf_addch(out, '\n');
}

/* "s4 t6 p5": the day's levels of a region, "." for none. */
static void add_levels(struct strbuf *sb, const int *level)
{
	static const char letter[MEASURE_COUNT] = { 's', 't', 'p' };
	bool any = false;

	for (int m = 0; m < MEASURE_COUNT; m++) {
		if (level[m] >= 0) {
			strbuf_addf(sb, "%s%c%d", any ? " " : "", letter[m], level[m]);
			any = true;
		}
	}
	if (!any) {
		strbuf_adds(sb, ".");
	}
}

static void print_body(const struct cli *cli, const struct week *w, struct strbuf *out)
{
	struct strbuf sb = STRBUF_INIT;
	struct table *t;

	if (!w->n_regions) {
		strbuf_adds(out, "soreness: nothing checked in\n");
		return;
	}
	strbuf_adds(out, "soreness (each day's highest: s soreness, t tightness, p pain):\n");
	t = table_new();
	table_column(t, "region", TABLE_LEFT, 0);
	for (int d = 0; d < WEEK_DAYS; d++) {
		table_column(t, date_weekday_abbr(date_weekday(w->monday + d)), TABLE_LEFT, 0);
	}
	for (size_t i = 0; i < w->n_regions; i++) {
		const struct week_region *r = &w->regions[i];

		cli_add_region(&sb, cli, r->region, (int)r->side);
		table_cell_take(t, &sb);
		for (int d = 0; d < WEEK_DAYS; d++) {
			if (w->monday + d > w->last) {
				table_cell(t, NULL);
				continue;
			}
			add_levels(&sb, r->level[d]);
			table_cell_take(t, &sb);
		}
	}
	table_render(t, out, out_color_stdout());
	table_free(t);
	strbuf_release(&sb);
}

static void print_week(struct cli *cli, const struct advice_context *ctx, const struct week *w,
                       bool why)
{
	struct strbuf out = STRBUF_INIT;

	strbuf_adds(&out, "week of ");
	render_day(&out, w->monday);
	strbuf_adds(&out, " to ");
	render_day(&out, w->sunday);
	if (w->today < w->sunday) {
		strbuf_adds(&out, ", as of ");
		render_day(&out, w->today);
	}
	strbuf_adds(&out, "\n\n");
	print_plan(cli, w, &out);
	strbuf_addch(&out, '\n');
	print_load(cli, w, &out);
	strbuf_addch(&out, '\n');
	print_body(cli, w, &out);
	strbuf_addch(&out, '\n');
	if (!w->n_sessions) {
		strbuf_adds(&out, "recovery: no sessions\n");
		out_buf(&out);
	} else {
		strbuf_addf(&out, "recovery: %zu session%s\n", w->n_sessions,
		            w->n_sessions == 1 ? "" : "s");
		out_buf(&out);
		cli_print_sessions(cli, &ctx->sessions, w->costs, w->sessions, w->n_sessions);
	}
	strbuf_reset(&out);
	strbuf_adds(&out, "spend: ");
	units_add_money(&out, w->spend.total_cents, w->spend.currency);
	if (w->spend.fee_cents) {
		strbuf_adds(&out, " (membership fees ");
		units_add_money(&out, w->spend.fee_cents, w->spend.currency);
		strbuf_adds(&out, ")");
	}
	strbuf_addf(&out, ", %d session%s costed\n", w->spend.costed,
	            w->spend.costed == 1 ? "" : "s");
	strbuf_adds(&out, "\nadvice this week:\n");
	add_advice(&out, &w->advice, why);
	out_buf(&out);
	strbuf_release(&out);
}

static json_t *json_body(const struct week *w)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < w->n_regions; i++) {
		const struct week_region *r = &w->regions[i];
		json_t *days = json_array(), *worst = json_object();

		for (int d = 0; d < WEEK_DAYS && w->monday + d <= w->last; d++) {
			json_t *o = json_object();
			bool any = false;

			json_object_set_new(o, "date", render_json_date(w->monday + d));
			for (int m = 0; m < MEASURE_COUNT; m++) {
				int v = r->level[d][m];

				any |= v >= 0;
				json_object_set_new(o, measure_name((enum measure)m),
				                    v >= 0 ? json_integer(v) : json_null());
			}
			if (any) {
				json_array_append_new(days, o);
			} else {
				json_decref(o);
			}
		}
		for (int m = 0; m < MEASURE_COUNT; m++) {
			json_object_set_new(worst, measure_name((enum measure)m),
			                    r->worst[m] >= 0 ? json_integer(r->worst[m])
			                                     : json_null());
		}
		json_array_append_new(arr,
		                      json_pack("{s:s, s:o, s:o, s:o}", "region", r->region, "side",
		                                side_name(r->side) ? json_string(side_name(r->side))
		                                                   : json_null(),
		                                "days", days, "worst", worst));
	}
	return arr;
}

static json_t *json_week(const struct advice_context *ctx, const struct week *w)
{
	json_t *plan = json_null(), *days = json_array(), *sessions = json_array();

	if (w->plan) {
		/* the same shape as 'knead plan show --json': a view of the
		 * context's plan, never released */
		struct plan_week view;

		memset(&view, 0, sizeof(view));
		view.plan = *w->plan;
		view.number = w->number;
		view.phase = w->phase;
		view.monday = w->monday;
		view.first = w->first;
		view.end = w->end;
		view.matches = w->matches;
		view.compliance = w->compliance;
		json_decref(plan);
		plan = render_json_plan_week(&view);
	}
	for (size_t i = 0; i < w->n_fitness; i++) {
		json_array_append_new(days, render_json_pmc_day(&w->fitness[i]));
	}
	for (size_t i = 0; i < w->n_sessions; i++) {
		size_t k = w->sessions[i];

		json_array_append_new(sessions,
		                      render_json_recovery(&ctx->sessions.items[k], &w->costs[k]));
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:{s:o, s:o}, s:o, s:o, s:o, s:o}", "monday",
	                 render_json_date(w->monday), "sunday", render_json_date(w->sunday), "date",
	                 render_json_date(w->today), "plan", plan, "load", "days", days, "week",
	                 render_json_load_week(&w->load, &w->volume), "soreness", json_body(w),
	                 "sessions", sessions, "spend", render_json_spend(&w->spend), "advice",
	                 render_json_advice_list(&w->advice));
}

int cmd_week(struct cli *cli, const struct cli_args *args)
{
	struct advice_context ctx;
	struct err err = ERR_INIT;
	struct week w;

	if (read_context(cli, args, &ctx, &err)) {
		advice_context_release(&ctx);
		return cli_fail(cli, &err);
	}
	week_build(&ctx, &w);
	if (cli->json) {
		out_json(json_week(&ctx, &w));
	} else {
		print_week(cli, &ctx, &w, cli_opt(args, "why") != NULL);
	}
	week_release(&w);
	advice_context_release(&ctx);
	return EXIT_OK;
}
