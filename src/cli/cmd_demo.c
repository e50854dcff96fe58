/*
 * cmd_demo.c: knead demo: a realistic season in a fresh database.
 *
 *   KNEAD_DB=demo.db knead demo && KNEAD_DB=demo.db knead today
 *
 * advice/demo.h generates and writes the season (one transaction); this
 * file opens the database, hands over the body catalogue and today, and
 * says what was written and what to try next.
 */
#include <stdio.h>

#include "advice/demo.h"
#include "base/date.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json.h"

struct demo_write {
	const struct cli *cli;
	struct demo_summary sum;
};

static enum err_code write_demo(struct store *s, void *ctx, struct err *err)
{
	struct demo_write *w = ctx;

	return demo_generate(s, ATHLETE_DEFAULT, &w->cli->regions, w->cli->today, &w->sum, err);
}

static void report(const struct cli *cli, const struct demo_summary *sum)
{
	struct strbuf sb = STRBUF_INIT;
	char first[DATE_ISO_LEN], last[DATE_ISO_LEN];

	date_format(sum->first, first);
	date_format(sum->last, last);
	if (cli->json) {
		json_t *o = json_object();

		json_object_set_new(o, "database", json_string(cli->db_path.buf));
		json_object_set_new(o, "from", render_json_date(sum->first));
		json_object_set_new(o, "to", render_json_date(sum->last));
		json_object_set_new(o, "activities", json_integer((json_int_t)sum->activities));
		json_object_set_new(o, "checkins", json_integer((json_int_t)sum->checkins));
		json_object_set_new(o, "wellness", json_integer((json_int_t)sum->wellness));
		json_object_set_new(o, "injuries", json_integer((json_int_t)sum->injuries));
		json_object_set_new(o, "recovery", json_integer((json_int_t)sum->sessions));
		json_object_set_new(o, "providers", json_integer((json_int_t)sum->providers));
		json_object_set_new(o, "gear", json_integer((json_int_t)sum->gear));
		json_object_set_new(o, "races", json_integer((json_int_t)sum->races));
		json_object_set_new(o, "plans", json_integer((json_int_t)sum->plans));
		json_object_set_new(o, "workouts", json_integer((json_int_t)sum->workouts));
		json_object_set_new(o, "appointments", json_integer((json_int_t)sum->appointments));
		out_json(o);
		return;
	}
	strbuf_addf(&sb, "a demo season from %s to %s in %s:\n", first, last, cli->db_path.buf);
	strbuf_addf(&sb,
	            "  %zu activities, %zu races, %zu plans (%zu workouts)\n"
	            "  %zu check-ins, %zu wellness days, %zu injuries\n"
	            "  %zu recovery sessions with %zu providers, %zu booked ahead\n"
	            "  %zu pairs of shoes\n",
	            sum->activities, sum->races, sum->plans, sum->workouts, sum->checkins,
	            sum->wellness, sum->injuries, sum->sessions, sum->providers, sum->appointments,
	            sum->gear);
	strbuf_adds(&sb, "try: knead today, knead week, knead advise massage, knead effects, "
	                 "knead spend, knead plan show, knead injury list\n");
	out_buf(&sb);
	strbuf_release(&sb);
}

int cmd_demo(struct cli *cli, const struct cli_args *args)
{
	struct demo_write w = { cli, { 0 } };
	struct err err = ERR_INIT;

	(void)args;
	if (cli_profile(cli, &err) || cli_regions(cli, &err) ||
	    cli_transaction(cli, write_demo, &w, &err)) {
		return cli_fail(cli, &err);
	}
	report(cli, &w.sum);
	return EXIT_OK;
}
