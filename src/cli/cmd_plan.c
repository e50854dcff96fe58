/*
 * cmd_plan.c: knead plan new | show | list | rm.
 *
 *   knead plan new "Riverside Half" --weeks 16 --days 4
 *   knead plan show --week 2027-01-25
 *
 * The plan is built by advice/plan.h from a template (data/plans/) and
 * the runner's recent running, and stored whole in one transaction; a new
 * plan for a race that had one replaces it. Showing a week matches its
 * workouts to the activities in the log there and then, so the log is
 * the only record of what was done. This file parses, calls the library
 * and prints.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice/plan.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json.h"
#include "render/json_plan.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_plan.h"
#include "store/store_race.h"

/* "45 min" for a time target, "8.00 km" for a distance. */
static void add_target(struct strbuf *sb, const struct workout *w, enum plan_by by, enum units u)
{
	bool time = by == PLAN_BY_TIME ? isfinite(w->target_s) || !isfinite(w->target_m)
	                               : !isfinite(w->target_m) && isfinite(w->target_s);

	if (time && isfinite(w->target_s)) {
		strbuf_addf(sb, "%.0f min", w->target_s / 60);
	} else if (isfinite(w->target_m)) {
		units_add_distance(sb, w->target_m, u);
	}
}

static void add_volume(struct strbuf *sb, double v, enum plan_by by, enum units u)
{
	if (by == PLAN_BY_TIME) {
		units_add_duration(sb, v);
	} else {
		units_add_distance(sb, v, u);
	}
}

/* ---- new ---- */

struct new_ctx {
	struct plan *plan;
	bool replaced;
};

static enum err_code write_plan(struct store *s, void *arg, struct err *err)
{
	struct new_ctx *ctx = arg;

	return store_plan_replace(s, ctx->plan, &ctx->replaced, err);
}

static enum err_code parse_count(const struct cli_args *args, const char *name, int *out,
                                 struct err *err)
{
	const char *v = cli_opt(args, name);
	long n;

	if (!v) {
		return ERR_OK;
	}
	/* the range is the template's, checked when the plan is built */
	if (parse_int(v, 1, 1000, &n, err)) {
		return err_prefix(err, "--%s", name);
	}
	*out = (int)n;
	return ERR_OK;
}

static enum err_code parse_new(struct cli *cli, const struct cli_args *args,
                               struct plan_request *req, struct err *err)
{
	const char *by = cli_opt(args, "by");

	memset(req, 0, sizeof(*req));
	req->by = PLAN_BY_TIME;
	req->today = cli->today;
	req->units = cli->profile.units;
	if (by && plan_by_parse(by, &req->by, err)) {
		return err_prefix(err, "--by");
	}
	if (parse_count(args, "weeks", &req->weeks, err) ||
	    parse_count(args, "days", &req->days, err)) {
		return err->code;
	}
	return ERR_OK;
}

static void print_weeks(const struct cli *cli, const struct plan *p)
{
	struct plan_week_sum *weeks = xcalloc((size_t)p->weeks, sizeof(*weeks));
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	enum units u = cli->profile.units;
	struct table *t = table_new();

	plan_sum_weeks(p, weeks);
	table_column(t, "week", TABLE_RIGHT, 0);
	table_column(t, "monday", TABLE_LEFT, 0);
	table_column(t, "phase", TABLE_LEFT, 0);
	table_column(t, "runs", TABLE_RIGHT, 0);
	table_column(t, "quality", TABLE_RIGHT, 0);
	table_column(t, "volume", TABLE_RIGHT, 0);
	table_column(t, "long run", TABLE_RIGHT, 0);
	table_column(t, "", TABLE_LEFT, 0);
	for (int i = 0; i < p->weeks; i++) {
		const struct plan_week_sum *w = &weeks[i];

		table_cellf(t, "%d", w->week);
		render_day(&sb, w->monday);
		table_cell_take(t, &sb);
		table_cell(t, plan_phase_name(w->phase));
		table_cellf(t, "%d", w->runs);
		table_cellf(t, "%d", w->hard);
		add_volume(&sb, p->by == PLAN_BY_TIME ? w->volume_s : w->volume_m, p->by, u);
		table_cell_take(t, &sb);
		if (w->race) {
			table_cell(t, "race");
		} else if (p->by == PLAN_BY_TIME) {
			table_cellf(t, "%.0f min", w->long_s / 60);
		} else {
			units_add_distance(&sb, w->long_m, u);
			table_cell_take(t, &sb);
		}
		table_cell(t, w->longest   ? "longest run"
		              : w->cutback ? "cutback week"
		              : w->race    ? "race week"
		                           : NULL);
	}
	table_render(t, &out, out_color_stdout());
	out_buf(&out);
	table_free(t);
	strbuf_release(&out);
	strbuf_release(&sb);
	free(weeks);
}

static void report_new(struct cli *cli, const struct plan *p, const struct plan_template *tpl,
                       bool replaced)
{
	struct strbuf sb = STRBUF_INIT;

	if (cli->json) {
		json_t *weeks = json_array(), *workouts = json_array();
		struct plan_week_sum *sums = xcalloc((size_t)p->weeks, sizeof(*sums));

		plan_sum_weeks(p, sums);
		for (int i = 0; i < p->weeks; i++) {
			json_array_append_new(weeks, render_json_plan_week_sum(&sums[i]));
		}
		for (size_t i = 0; i < p->n_workouts; i++) {
			json_array_append_new(workouts, render_json_workout(&p->workouts[i], NULL));
		}
		free(sums);
		out_json(json_pack("{s:o, s:b, s:o, s:o}", "plan", render_json_plan(p), "replaced",
		                   replaced, "weeks", weeks, "workouts", workouts));
		return;
	}
	strbuf_addf(&sb, "plan %lld for %s (%s", (long long)p->id, p->race_name, tpl->name);
	strbuf_adds(&sb, " on ");
	render_day(&sb, p->race_date);
	strbuf_addf(&sb, "): %d weeks by %s from ", p->weeks, plan_by_name(p->by));
	render_day(&sb, p->start);
	strbuf_addf(&sb, ", %d running days a week\n", p->days);
	if (replaced) {
		strbuf_adds(&sb, "it replaces the race's earlier plan\n");
	}
	if (p->start < cli->today) {
		strbuf_adds(&sb, "it began before today: its first weeks are in the past\n");
	}
	strbuf_addf(&sb, "volume: %s\n\n", p->basis);
	out_buf(&sb);
	print_weeks(cli, p);
	strbuf_reset(&sb);
	strbuf_adds(&sb, "\nsee a week with 'knead plan show --week DATE'\n");
	out_buf(&sb);
	strbuf_release(&sb);
}

int cmd_plan_new(struct cli *cli, const struct cli_args *args)
{
	struct plan_request req;
	struct plan_template tpl;
	struct race race;
	struct plan plan;
	struct new_ctx ctx = { &plan, false };
	struct err err = ERR_INIT;
	const char *template = cli_opt(args, "template");
	enum err_code rc;
	int status;

	race_init(&race);
	plan_init(&plan);
	memset(&tpl, 0, sizeof(tpl));
	rc = cli_profile(cli, &err);
	if (!rc) {
		rc = parse_new(cli, args, &req, &err);
	}
	if (!rc && template) {
		rc = plan_template_load(template, &tpl, &err);
		if (rc) {
			err_prefix(&err, "--template");
		}
	}
	if (!rc) {
		rc = cli_find_race(cli, args->pos[0], &race, &err);
	}
	if (!rc && !template) {
		rc = plan_template_choose(race.distance_m, &tpl, &err);
	}
	if (!rc) {
		rc = plan_recent_read(cli->store, ATHLETE_DEFAULT, cli->today, &req.recent, &err);
	}
	if (!rc) {
		req.tpl = &tpl;
		req.race = &race;
		rc = plan_generate(&req, &plan, &err);
	}
	if (!rc) {
		rc = plan_validate(&plan, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, write_plan, &ctx, &err);
	}
	if (rc) {
		status = cli_fail(cli, &err);
	} else {
		report_new(cli, &plan, &tpl, ctx.replaced);
		status = EXIT_OK;
	}
	plan_release(&plan);
	plan_template_release(&tpl);
	race_release(&race);
	return status;
}

/* ---- show ---- */

static void add_done(struct strbuf *sb, const struct workout *w, const struct workout_match *m,
                     enum plan_by by, enum units u)
{
	bool distance = by == PLAN_BY_DISTANCE || w->kind == WORKOUT_RACE;

	if (!m->n_activities) {
		return;
	}
	if (distance && m->done_m > 0) {
		units_add_distance(sb, m->done_m, u);
	} else if (m->done_s > 0) {
		units_add_duration(sb, m->done_s);
	} else {
		units_add_distance(sb, m->done_m, u);
	}
}

static void print_header(const struct cli *cli, const struct plan_week *w, struct strbuf *sb)
{
	const struct plan *p = &w->plan;

	strbuf_addf(sb, "%s (", p->race_name);
	units_add_distance(sb, p->race_distance_m, cli->profile.units);
	strbuf_adds(sb, " on ");
	render_day(sb, p->race_date);
	strbuf_adds(sb, ")");
	if (w->number) {
		strbuf_addf(sb, ": week %d of %d, %s, by %s\n", w->number, p->weeks,
		            plan_phase_name(w->phase), plan_by_name(p->by));
	} else {
		strbuf_addf(sb, ": the plan runs from ");
		render_day(sb, p->start);
		strbuf_adds(sb, " to the race\n");
	}
	render_day(sb, w->monday);
	strbuf_adds(sb, " to ");
	render_day(sb, w->monday + 6);
	strbuf_adds(sb, w->number ? "\n\n" : ": no workouts this week\n");
}

static void print_compliance(const struct cli *cli, const struct plan_week *w, struct strbuf *sb)
{
	const struct plan_compliance *c = &w->compliance;
	enum plan_by by = w->plan.by;
	enum units u = cli->profile.units;
	double planned = by == PLAN_BY_TIME ? c->planned_s : c->planned_m;
	double done = by == PLAN_BY_TIME ? c->done_s : c->done_m;
	double share = by == PLAN_BY_TIME ? c->time_share : c->distance_share;

	strbuf_adds(sb, "\nthis week: ");
	strbuf_addf(sb, "%d workout%s, ", c->week_workouts, c->week_workouts == 1 ? "" : "s");
	add_volume(sb, by == PLAN_BY_TIME ? c->week_s : c->week_m, by, u);
	strbuf_adds(sb, " planned\n");
	if (!c->planned) {
		strbuf_adds(sb, "so far: nothing due yet\n");
		return;
	}
	strbuf_adds(sb, "so far: ");
	add_volume(sb, done, by, u);
	strbuf_adds(sb, " done of ");
	add_volume(sb, planned, by, u);
	if (!isnan(share)) {
		strbuf_addf(sb, " due (%.0f%%)", share * 100);
	}
	strbuf_addf(sb, "; %d of %d workouts done", c->done, c->planned);
	if (c->partial) {
		strbuf_addf(sb, ", %d partly", c->partial);
	}
	if (c->missed) {
		strbuf_addf(sb, ", %d missed", c->missed);
	}
	strbuf_addch(sb, '\n');
}

static void print_week(const struct cli *cli, const struct plan_week *w)
{
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	enum units u = cli->profile.units;
	struct table *t;

	print_header(cli, w, &out);
	out_buf(&out);
	strbuf_reset(&out);
	if (!w->number) {
		strbuf_release(&out);
		return;
	}
	t = table_new();
	table_column(t, "day", TABLE_LEFT, 0);
	table_column(t, "workout", TABLE_LEFT, 0);
	table_column(t, "target", TABLE_RIGHT, 0);
	table_column(t, "done", TABLE_RIGHT, 0);
	table_column(t, "status", TABLE_LEFT, 0);
	table_column(t, "what to do", TABLE_LEFT, 0);
	for (size_t i = w->first; i < w->end; i++) {
		const struct workout *wo = &w->plan.workouts[i];
		const struct workout_match *m = &w->matches[i];

		render_day(&sb, wo->date);
		table_cell_take(t, &sb);
		table_cell(t, workout_kind_name(wo->kind));
		add_target(&sb, wo, w->plan.by, u);
		table_cell_take(t, &sb);
		add_done(&sb, wo, m, w->plan.by, u);
		table_cell_take(t, &sb);
		render_workout_status(&sb, wo, m);
		table_cell_take(t, &sb);
		table_cell(t, wo->description);
	}
	table_render(t, &out, out_color_stdout());
	table_free(t);
	print_compliance(cli, w, &out);
	out_buf(&out);
	strbuf_release(&out);
	strbuf_release(&sb);
}

int cmd_plan_show(struct cli *cli, const struct cli_args *args)
{
	struct plan_week week;
	struct err err = ERR_INIT;
	const char *opt = cli_opt(args, "week");
	int32_t day;
	int64_t id = 0;
	enum err_code rc;

	memset(&week, 0, sizeof(week));
	plan_init(&week.plan);
	rc = cli_profile(cli, &err);
	day = cli->today;
	if (!rc && opt && parse_date(opt, cli->today, &day, &err)) {
		rc = err_prefix(&err, "--week");
	}
	if (!rc) {
		rc = cli_store(cli, STORE_READ, &err);
	}
	if (!rc) {
		rc = plan_choose(cli->store, ATHLETE_DEFAULT, cli_opt(args, "race"), day, &id,
		                 &err);
	}
	if (!rc) {
		rc = plan_week_read(cli->store, ATHLETE_DEFAULT, id, day, cli->today, &week, &err);
	}
	if (rc) {
		plan_week_release(&week);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		out_json(render_json_plan_week(&week));
	} else {
		print_week(cli, &week);
	}
	plan_week_release(&week);
	return EXIT_OK;
}

/* ---- list, rm ---- */

int cmd_plan_list(struct cli *cli, const struct cli_args *args)
{
	struct plan_list list = PLAN_LIST_INIT;
	struct err err = ERR_INIT;
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	struct table *t;
	long current;

	(void)args;
	if (cli_profile(cli, &err) || cli_store(cli, STORE_READ, &err) ||
	    store_plan_list(cli->store, ATHLETE_DEFAULT, &list, &err)) {
		plan_list_release(&list);
		return cli_fail(cli, &err);
	}
	current = plan_pick(&list, date_week_start(cli->today));
	if (cli->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < list.n_plans; i++) {
			json_t *o = render_json_plan(&list.plans[i]);

			json_object_set_new(o, "current", json_boolean((long)i == current));
			json_array_append_new(arr, o);
		}
		out_json(json_pack("{s:o}", "plans", arr));
		plan_list_release(&list);
		return EXIT_OK;
	}
	if (list.n_plans == 0) {
		fputs("no plans (build one with 'knead plan new RACE')\n", stdout);
		plan_list_release(&list);
		return EXIT_OK;
	}
	t = table_new();
	table_column(t, "id", TABLE_RIGHT, 0);
	table_column(t, "race", TABLE_LEFT, 0);
	table_column(t, "race day", TABLE_LEFT, 0);
	table_column(t, "template", TABLE_LEFT, 0);
	table_column(t, "by", TABLE_LEFT, 0);
	table_column(t, "weeks", TABLE_RIGHT, 0);
	table_column(t, "days", TABLE_RIGHT, 0);
	table_column(t, "from", TABLE_LEFT, 0);
	table_column(t, "", TABLE_LEFT, 0);
	for (size_t i = 0; i < list.n_plans; i++) {
		const struct plan *p = &list.plans[i];

		table_cellf(t, "%lld", (long long)p->id);
		table_cell(t, p->race_name);
		render_day(&sb, p->race_date);
		table_cell_take(t, &sb);
		table_cell(t, p->template_name);
		table_cell(t, plan_by_name(p->by));
		table_cellf(t, "%d", p->weeks);
		table_cellf(t, "%d", p->days);
		render_day(&sb, p->start);
		table_cell_take(t, &sb);
		table_cell(t, (long)i == current ? "current" : NULL);
	}
	table_render(t, &out, out_color_stdout());
	out_buf(&out);
	table_free(t);
	strbuf_release(&out);
	strbuf_release(&sb);
	plan_list_release(&list);
	return EXIT_OK;
}

struct rm_ctx {
	int64_t race_id;  /* whose plan */
	const char *race; /* its name, for the message */
};

static enum err_code remove_plan(struct store *s, void *arg, struct err *err)
{
	struct rm_ctx *ctx = arg;
	struct plan_list list = PLAN_LIST_INIT;
	enum err_code rc = store_plan_list(s, ATHLETE_DEFAULT, &list, err);
	int64_t id = 0;

	for (size_t i = 0; !rc && i < list.n_plans; i++) {
		if (list.plans[i].race_id == ctx->race_id) {
			id = list.plans[i].id;
		}
	}
	if (!rc && !id) {
		rc = err_set(err, ERR_NOT_FOUND, "race '%s' has no plan", ctx->race);
	}
	if (!rc) {
		rc = store_plan_remove(s, ATHLETE_DEFAULT, id, err);
	}
	plan_list_release(&list);
	return rc;
}

int cmd_plan_rm(struct cli *cli, const struct cli_args *args)
{
	struct race race;
	struct err err = ERR_INIT;
	struct rm_ctx ctx;
	enum err_code rc;

	race_init(&race);
	rc = cli_profile(cli, &err);
	if (!rc) {
		rc = cli_find_race(cli, args->pos[0], &race, &err);
	}
	if (!rc) {
		ctx.race_id = race.id;
		ctx.race = race.name;
		rc = cli_transaction(cli, remove_plan, &ctx, &err);
	}
	if (rc) {
		race_release(&race);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		out_json(json_pack("{s:I, s:b}", "race_id", (json_int_t)race.id, "removed", 1));
	} else {
		printf("removed the plan for %s\n", race.name);
	}
	race_release(&race);
	return EXIT_OK;
}
