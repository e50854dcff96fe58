/*
 * cmd_gear.c: knead gear add | list | retire.
 *
 * Gear is picked by name, unique prefix or id. Its distance is the sum of
 * the activities that name it, so it is always current.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_gear.h"

static void add_gear_line(struct strbuf *sb, const struct gear *g, enum units u)
{
	strbuf_addf(sb, "%s (%s, ", g->name, gear_kind_name(g->kind));
	units_add_distance(sb, g->distance_m, u);
	if (!isnan(g->limit_m)) {
		strbuf_adds(sb, " of ");
		units_add_distance(sb, g->limit_m, u);
	}
	strbuf_addch(sb, ')');
}

static int report(struct cli *cli, const struct gear *g, const char *verb)
{
	struct strbuf sb = STRBUF_INIT;

	if (cli->json) {
		out_json(render_json_gear(g));
		return EXIT_OK;
	}
	strbuf_addf(&sb, "%s gear %lld: ", verb, (long long)g->id);
	add_gear_line(&sb, g, cli->profile.units);
	strbuf_addch(&sb, '\n');
	out_buf(&sb);
	strbuf_release(&sb);
	return EXIT_OK;
}

static enum err_code parse_gear_options(struct cli *cli, const struct cli_args *args,
                                        struct gear *g, struct err *err)
{
	const char *kind = cli_opt(args, "kind"), *limit = cli_opt(args, "limit");
	const char *since = cli_opt(args, "since"), *note = cli_opt(args, "note");

	if (kind && gear_kind_parse(kind, &g->kind, err)) {
		return err_prefix(err, "--kind");
	}
	if (limit && strcmp(limit, "none") == 0) {
		g->limit_m = (double)NAN;
	} else if (limit && parse_distance(limit, &g->limit_m, err)) {
		return err_prefix(err, "--limit");
	}
	if (since && parse_date(since, cli->today, &g->since, err)) {
		return err_prefix(err, "--since");
	}
	if (note) {
		free(g->note);
		g->note = *note ? xstrdup(note) : NULL;
	}
	return ERR_OK;
}

static enum err_code add_gear(struct store *s, void *g, struct err *err)
{
	return store_gear_add(s, g, err);
}

static enum err_code update_gear(struct store *s, void *g, struct err *err)
{
	return store_gear_update(s, g, err);
}

int cmd_gear_add(struct cli *cli, const struct cli_args *args)
{
	struct gear g;
	struct err err = ERR_INIT;
	enum err_code rc;
	int status;

	gear_init(&g);
	g.athlete_id = ATHLETE_DEFAULT;
	g.name = xstrdup(args->pos[0]);
	rc = cli_profile(cli, &err);
	if (!rc) {
		rc = parse_gear_options(cli, args, &g, &err);
	}
	if (!rc) {
		rc = gear_validate(&g, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, add_gear, &g, &err);
	}
	status = rc ? cli_fail(cli, &err) : report(cli, &g, "added");
	gear_release(&g);
	return status;
}

int cmd_gear_list(struct cli *cli, const struct cli_args *args)
{
	struct gear_list list = GEAR_LIST_INIT;
	struct err err = ERR_INIT;
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	enum units u;
	struct table *t;

	(void)args;
	if (cli_profile(cli, &err) || cli_store(cli, STORE_READ, &err) ||
	    store_gear_list(cli->store, ATHLETE_DEFAULT, &list, &err)) {
		gear_list_release(&list);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < list.n_gears; i++) {
			json_array_append_new(arr, render_json_gear(&list.gears[i]));
		}
		out_json(json_pack("{s:o}", "gear", arr));
		gear_list_release(&list);
		return EXIT_OK;
	}
	if (list.n_gears == 0) {
		fputs("no gear (add some with 'knead gear add NAME')\n", stdout);
		gear_list_release(&list);
		return EXIT_OK;
	}
	u = cli->profile.units;
	t = table_new();
	table_column(t, "id", TABLE_RIGHT, 0);
	table_column(t, "name", TABLE_LEFT, 0);
	table_column(t, "kind", TABLE_LEFT, 0);
	table_column(t, "distance", TABLE_RIGHT, 0);
	table_column(t, "limit", TABLE_RIGHT, 0);
	table_column(t, "used", TABLE_RIGHT, 0);
	table_column(t, "activities", TABLE_RIGHT, 0);
	table_column(t, "last used", TABLE_LEFT, 0);
	table_column(t, "status", TABLE_LEFT, 0);
	for (size_t i = 0; i < list.n_gears; i++) {
		const struct gear *g = &list.gears[i];
		double used = gear_used_fraction(g);

		table_cellf(t, "%lld", (long long)g->id);
		table_cell(t, g->name);
		table_cell(t, gear_kind_name(g->kind));
		units_add_distance(&sb, g->distance_m, u);
		table_cell_take(t, &sb);
		if (!isnan(g->limit_m)) {
			units_add_distance(&sb, g->limit_m, u);
		}
		table_cell_take(t, &sb);
		if (isnan(used)) {
			table_cell(t, NULL);
		} else {
			table_cellf(t, "%.0f%%", used * 100);
		}
		table_cellf(t, "%d", g->n_activities);
		render_day(&sb, g->last_used);
		table_cell_take(t, &sb);
		if (g->retired != DATE_NONE) {
			strbuf_adds(&sb, "retired ");
			render_day(&sb, g->retired);
		} else if (!isnan(used) && used >= 1) {
			strbuf_adds(&sb, "past its limit");
		} else {
			strbuf_adds(&sb, "in use");
		}
		table_cell_take(t, &sb);
	}
	table_render(t, &out, out_color_stdout());
	out_buf(&out);
	table_free(t);
	strbuf_release(&out);
	strbuf_release(&sb);
	gear_list_release(&list);
	return EXIT_OK;
}

int cmd_gear_retire(struct cli *cli, const struct cli_args *args)
{
	struct gear g;
	struct err err = ERR_INIT;
	const char *date = cli_opt(args, "date");
	int32_t day = DATE_NONE;
	enum err_code rc;
	int status;

	gear_init(&g);
	rc = cli_profile(cli, &err);
	if (!rc) {
		day = cli->today;
		if (date && parse_date(date, cli->today, &day, &err)) {
			rc = err_prefix(&err, "--date");
		}
	}
	if (!rc) {
		rc = cli_store(cli, STORE_READ, &err);
	}
	if (!rc) {
		rc = store_gear_find(cli->store, ATHLETE_DEFAULT, args->pos[0], &g, &err);
		if (rc == ERR_NOT_FOUND) {
			err.code = rc = ERR_INPUT;
		}
	}
	if (!rc) {
		g.retired = day;
		rc = gear_validate(&g, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, update_gear, &g, &err);
	}
	status = rc ? cli_fail(cli, &err) : report(cli, &g, "retired");
	gear_release(&g);
	return status;
}
