/*
 * cmd_injury.c: knead injury add | list | show | edit | resolve.
 *
 * An injury's trend is never stored: show and list read it from the
 * check-ins on the injured region each time (analysis/injury.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/injury.h"
#include "analysis/spend.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json_body.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_body.h"
#include "store/store_recovery.h"

static enum err_code injury_id(const char *arg, int64_t *id, struct err *err)
{
	long v;

	if (parse_int(arg, 1, 0x7fffffffffffffffL, &v, NULL)) {
		return err_set(err, ERR_INPUT, "'%s' is not an injury id (see 'knead injury list')",
		               arg);
	}
	*id = v;
	return ERR_OK;
}

static void set_text(char **field, const char *value)
{
	if (value) {
		free(*field);
		*field = *value ? xstrdup(value) : NULL;
	}
}

/* --since, --cause, --diagnosis, --status and --note, as given. */
static enum err_code parse_fields(struct cli *cli, const struct cli_args *args, struct injury *inj,
                                  struct err *err)
{
	const char *since = cli_opt(args, "since"), *status = cli_opt(args, "status");

	if (since && parse_date(since, cli->today, &inj->onset, err)) {
		return err_prefix(err, "--since");
	}
	if (inj->onset > cli->today) {
		return err_set(err, ERR_INPUT, "--since %s is in the future", since);
	}
	if (status) {
		if (injury_status_parse(status, &inj->status, err)) {
			return err_prefix(err, "--status");
		}
		if (inj->status == INJURY_RESOLVED) {
			return err_set(
			        err, ERR_INPUT,
			        "--status: resolve an injury with 'knead injury resolve ID'");
		}
		inj->resolved = DATE_NONE;
	}
	set_text(&inj->cause, cli_opt(args, "cause"));
	set_text(&inj->diagnosis, cli_opt(args, "diagnosis"));
	set_text(&inj->note, cli_opt(args, "note"));
	return injury_validate(inj, err);
}

struct injury_write {
	const struct region_catalog *cat;
	struct injury *inj;
};

static enum err_code add_injury(struct store *s, void *ctx, struct err *err)
{
	struct injury_write *w = ctx;

	return store_regions_sync(s, w->cat, err) || store_injury_add(s, w->inj, err) ? err->code
	                                                                              : ERR_OK;
}

static enum err_code update_injury(struct store *s, void *ctx, struct err *err)
{
	return store_injury_update(s, ctx, err);
}

static void add_injury_line(struct strbuf *sb, const struct cli *cli, const struct injury *inj)
{
	strbuf_addf(sb, "injury %lld: ", (long long)inj->id);
	cli_add_region(sb, cli, inj->region, inj->side);
	if (inj->resolved != DATE_NONE) {
		strbuf_adds(sb, ", from ");
		render_day(sb, inj->onset);
		strbuf_adds(sb, ", resolved ");
		render_day(sb, inj->resolved);
	} else {
		strbuf_addf(sb, ", %s since ", injury_status_name(inj->status));
		render_day(sb, inj->onset);
	}
	strbuf_addch(sb, '\n');
}

static int report(struct cli *cli, const struct injury *inj)
{
	struct strbuf sb = STRBUF_INIT;

	if (cli->json) {
		out_json(render_json_injury(inj));
		return EXIT_OK;
	}
	add_injury_line(&sb, cli, inj);
	if (inj->cause) {
		strbuf_addf(&sb, "  cause: %s\n", inj->cause);
	}
	out_buf(&sb);
	strbuf_release(&sb);
	return EXIT_OK;
}

int cmd_injury_add(struct cli *cli, const struct cli_args *args)
{
	struct injury inj;
	struct err err = ERR_INIT;
	struct injury_write w = { &cli->regions, &inj };
	struct region_ref ref;
	enum err_code rc;
	int status;

	injury_init(&inj);
	inj.athlete_id = ATHLETE_DEFAULT;
	rc = cli_profile(cli, &err);
	if (!rc) {
		rc = cli_regions(cli, &err);
	}
	if (!rc) {
		rc = region_ref_parse(&cli->regions, args->pos[0], true, &ref, &err);
	}
	if (!rc) {
		memcpy(inj.region, ref.region->code, sizeof(inj.region));
		inj.side = ref.side;
		inj.onset = cli->today;
		rc = parse_fields(cli, args, &inj, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, add_injury, &w, &err);
	}
	status = rc ? cli_fail(cli, &err) : report(cli, &inj);
	injury_release(&inj);
	return status;
}

/* Read injury ID for a change: validated id, existing row. */
static enum err_code load(struct cli *cli, const char *arg, struct injury *inj, struct err *err)
{
	int64_t id = 0;
	enum err_code rc;

	injury_init(inj);
	if (cli_profile(cli, err) || cli_regions(cli, err) || injury_id(arg, &id, err) ||
	    cli_store(cli, STORE_READ, err)) {
		return err->code;
	}
	rc = store_injury_get(cli->store, ATHLETE_DEFAULT, id, inj, err);
	return rc;
}

int cmd_injury_edit(struct cli *cli, const struct cli_args *args)
{
	struct injury inj;
	struct err err = ERR_INIT;
	enum err_code rc = load(cli, args->pos[0], &inj, &err);
	int status;

	if (!rc && inj.status == INJURY_RESOLVED && cli_opt(args, "status")) {
		/* reopening: it came back */
		inj.resolved = DATE_NONE;
	}
	if (!rc) {
		rc = parse_fields(cli, args, &inj, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, update_injury, &inj, &err);
	}
	status = rc ? cli_fail(cli, &err) : report(cli, &inj);
	injury_release(&inj);
	return status;
}

int cmd_injury_resolve(struct cli *cli, const struct cli_args *args)
{
	struct injury inj;
	struct err err = ERR_INIT;
	const char *date = cli_opt(args, "date");
	enum err_code rc = load(cli, args->pos[0], &inj, &err);
	int status;

	if (!rc) {
		inj.resolved = cli->today;
		if (date && parse_date(date, cli->today, &inj.resolved, &err)) {
			rc = err_prefix(&err, "--date");
		} else if (inj.resolved > cli->today) {
			rc = err_set(&err, ERR_INPUT, "--date %s is in the future", date);
		}
	}
	if (!rc) {
		inj.status = INJURY_RESOLVED;
		rc = injury_validate(&inj, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, update_injury, &inj, &err);
	}
	status = rc ? cli_fail(cli, &err) : report(cli, &inj);
	injury_release(&inj);
	return status;
}

/* Everything an injury's course is read from. */
struct evidence {
	struct checkin_list checkins;
	struct recovery_list sessions;
	struct provider_list providers;
	struct session_cost *costs; /* one per session (owned) */
};

static enum err_code load_evidence(struct cli *cli, struct evidence *ev, struct err *err)
{
	ev->checkins = (struct checkin_list)CHECKIN_LIST_INIT;
	ev->sessions = (struct recovery_list)RECOVERY_LIST_INIT;
	ev->providers = (struct provider_list)PROVIDER_LIST_INIT;
	ev->costs = NULL;
	if (store_checkin_list(cli->store, ATHLETE_DEFAULT, DATE_NONE, cli->today, &ev->checkins,
	                       err) ||
	    store_recovery_list(cli->store, ATHLETE_DEFAULT, DATE_NONE, cli->today, &ev->sessions,
	                        err) ||
	    store_provider_list(cli->store, ATHLETE_DEFAULT, &ev->providers, err)) {
		return err->code;
	}
	ev->costs = xcalloc(ev->sessions.n + 1, sizeof(*ev->costs));
	spend_cost_sessions(&ev->sessions, &ev->providers, ev->costs);
	return ERR_OK;
}

static void release_evidence(struct evidence *ev)
{
	checkin_list_release(&ev->checkins);
	recovery_list_release(&ev->sessions);
	provider_list_release(&ev->providers);
	free(ev->costs);
	ev->costs = NULL;
}

static void add_point(struct strbuf *sb, const char *what, const struct trend_point *p)
{
	strbuf_addf(sb, "%s %d (", what, p->value);
	render_day(sb, p->day);
	strbuf_addch(sb, ')');
}

static void add_trend(struct strbuf *sb, const struct injury_course *c)
{
	const struct trend *t = &c->trend;

	if (t->n_days == 0) {
		strbuf_adds(sb, "no check-ins yet");
		return;
	}
	if (t->verdict == TREND_UNKNOWN) {
		strbuf_addf(sb, "one day of check-ins: %s %d", measure_name(c->measure),
		            t->last.value);
		return;
	}
	/* "-10.5 a week" over three days reads as a forecast: under a week,
	 * say how much a day */
	if (t->last.day - t->first.day < 7) {
		strbuf_addf(sb, "%s, %+.1f a day", trend_verdict_name(t->verdict),
		            t->slope_per_week / 7);
	} else {
		strbuf_addf(sb, "%s, %+.1f a week", trend_verdict_name(t->verdict),
		            t->slope_per_week);
	}
	strbuf_addf(sb, " over %zu days of check-ins", t->n_days);
}

int cmd_injury_show(struct cli *cli, const struct cli_args *args)
{
	struct injury inj;
	struct err err = ERR_INIT;
	struct evidence ev;
	struct injury_course course;
	struct strbuf sb = STRBUF_INIT;
	const struct trend *t = &course.trend;
	enum err_code rc = load(cli, args->pos[0], &inj, &err);

	if (rc) {
		injury_release(&inj);
		return cli_fail(cli, &err);
	}
	if (load_evidence(cli, &ev, &err)) {
		release_evidence(&ev);
		injury_release(&inj);
		return cli_fail(cli, &err);
	}
	injury_course(&cli->regions, &inj, &ev.checkins, &ev.sessions, cli->today, &course);
	if (cli->json) {
		out_json(render_json_injury_course(&inj, &course, &ev.checkins, &ev.sessions));
		goto done;
	}
	add_injury_line(&sb, cli, &inj);
	strbuf_addf(&sb, "  %s %d days\n",
	            inj.resolved != DATE_NONE ? "lasted" : "since onset:", course.days);
	if (inj.cause) {
		strbuf_addf(&sb, "  cause: %s\n", inj.cause);
	}
	if (inj.diagnosis) {
		strbuf_addf(&sb, "  diagnosis: %s\n", inj.diagnosis);
	}
	if (inj.note) {
		strbuf_addf(&sb, "  note: %s\n", inj.note);
	}
	strbuf_addf(&sb, "  %s: ", measure_name(course.measure));
	add_trend(&sb, &course);
	strbuf_addch(&sb, '\n');
	if (t->n_days) {
		strbuf_adds(&sb, "  ");
		add_point(&sb, "first", &t->first);
		strbuf_adds(&sb, ", ");
		add_point(&sb, "last", &t->last);
		strbuf_adds(&sb, ", ");
		add_point(&sb, "worst", &t->worst);
		strbuf_addch(&sb, '\n');
	}
	out_buf(&sb);
	strbuf_reset(&sb);
	if (course.n_checkins) {
		strbuf_addf(&sb, "\n%scheck-ins%s\n", out_sgr("\033[1m"), out_sgr("\033[0m"));
		out_buf(&sb);
		strbuf_reset(&sb);
		cli_print_checkins(cli, &ev.checkins, course.checkins, course.n_checkins);
	}
	if (course.n_sessions) {
		strbuf_addf(&sb, "\n%srecovery on the region%s\n", out_sgr("\033[1m"),
		            out_sgr("\033[0m"));
		out_buf(&sb);
		cli_print_sessions(cli, &ev.sessions, ev.costs, course.sessions, course.n_sessions);
	}
done:
	strbuf_release(&sb);
	injury_course_release(&course);
	release_evidence(&ev);
	injury_release(&inj);
	return EXIT_OK;
}

int cmd_injury_list(struct cli *cli, const struct cli_args *args)
{
	struct injury_list list = INJURY_LIST_INIT;
	struct err err = ERR_INIT;
	struct evidence ev = { CHECKIN_LIST_INIT, RECOVERY_LIST_INIT, PROVIDER_LIST_INIT, NULL };
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	struct table *t = NULL;
	int status = EXIT_OK;

	if (cli_profile(cli, &err) || cli_regions(cli, &err) || cli_store(cli, STORE_READ, &err) ||
	    store_injury_list(cli->store, ATHLETE_DEFAULT, cli_opt(args, "all") != NULL, &list,
	                      &err) ||
	    load_evidence(cli, &ev, &err)) {
		status = cli_fail(cli, &err);
		goto done;
	}
	if (cli->json) {
		out_json(render_json_injuries(&cli->regions, &list, &ev.checkins, &ev.sessions,
		                              cli->today));
		goto done;
	}
	if (list.n == 0) {
		fputs("no open injuries ('knead injury add REGION:SIDE' records one)\n", stdout);
		goto done;
	}
	t = table_new();
	table_column(t, "id", TABLE_RIGHT, 0);
	table_column(t, "region", TABLE_LEFT, 0);
	table_column(t, "since", TABLE_LEFT, 0);
	table_column(t, "days", TABLE_RIGHT, 0);
	table_column(t, "status", TABLE_LEFT, 0);
	table_column(t, "last", TABLE_RIGHT, 0);
	table_column(t, "trend", TABLE_LEFT, 0);
	table_column(t, "cause", TABLE_LEFT, 40);
	for (size_t i = 0; i < list.n; i++) {
		const struct injury *inj = &list.items[i];
		struct injury_course c;

		injury_course(&cli->regions, inj, &ev.checkins, &ev.sessions, cli->today, &c);
		table_cellf(t, "%lld", (long long)inj->id);
		cli_add_region(&sb, cli, inj->region, inj->side);
		table_cell_take(t, &sb);
		render_day(&sb, inj->onset);
		table_cell_take(t, &sb);
		table_cellf(t, "%d", c.days);
		table_cell(t, injury_status_name(inj->status));
		if (c.trend.n_days) {
			table_cellf(t, "%s %d", measure_name(c.measure), c.trend.last.value);
		} else {
			table_cell(t, NULL);
		}
		table_cell(t, c.trend.verdict == TREND_UNKNOWN
		                      ? NULL
		                      : trend_verdict_name(c.trend.verdict));
		table_cell(t, inj->cause);
		injury_course_release(&c);
	}
	table_render(t, &out, out_color_stdout());
	out_buf(&out);
	table_free(t);
done:
	strbuf_release(&out);
	strbuf_release(&sb);
	release_evidence(&ev);
	injury_list_release(&list);
	return status;
}
