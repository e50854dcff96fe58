/*
 * cmd_load.c: knead load, the daily fitness table or the weekly one.
 *
 *   knead load                      the last 6 weeks, one row a day
 *   knead load --weekly             the last 16 weeks, one row a week
 *   knead load --from 2026-09-01 --to 2026-10-31 --json
 *
 * The numbers come from advice/training.h (fitness from every stored load
 * since the first activity, so the first row shown carries its history)
 * and analysis/volume.h; this file picks the days and prints. Loads still
 * missing (activities stored by an older knead) are computed first, in
 * their own transaction, so that the table counts every activity.
 */
#include <math.h>
#include <stdlib.h>

#include "advice/load_table.h"
#include "advice/training.h"
#include "base/date.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json_load.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_activity.h"

/* A number with that many decimals, or "-" when it is unknown (kept
 * visible: an empty column would vanish from the table). */
static void cell_num(struct table *t, int decimals, double v)
{
	if (isnan(v)) {
		table_cell(t, "-");
	} else {
		table_cellf(t, "%.*f", decimals, v);
	}
}

static void add_legend(struct strbuf *out)
{
	strbuf_adds(out,
	            "\nload: points, an hour at threshold = 100 (see 'knead show ID' for how)\n"
	            "fitness: CTL, the 42-day average of load; fatigue: ATL, the 7-day one\n"
	            "form: TSB, yesterday's fitness - fatigue (as TrainingPeaks shows it)\n"
	            "acwr: acute:chronic load, EWMA of 7 and 28 days; 7:28: the last 7 days\n"
	            "  over the weekly mean of the 21 before. They describe load; they do not\n"
	            "  predict injury.\n");
}

static void print_days(const struct pmc_day *days, size_t n)
{
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	struct table *t = table_new();

	table_column(t, "day", TABLE_LEFT, 0);
	table_column(t, "load", TABLE_RIGHT, 0);
	table_column(t, "fitness", TABLE_RIGHT, 0);
	table_column(t, "fatigue", TABLE_RIGHT, 0);
	table_column(t, "form", TABLE_RIGHT, 0);
	table_column(t, "acwr", TABLE_RIGHT, 0);
	table_column(t, "7:28", TABLE_RIGHT, 0);
	for (size_t i = 0; i < n; i++) {
		const struct pmc_day *d = &days[i];

		render_day(&sb, d->day);
		table_cell_take(t, &sb);
		table_cellf(t, "%.0f", d->load);
		table_cellf(t, "%.1f", d->ctl);
		table_cellf(t, "%.1f", d->atl);
		table_cellf(t, "%+.1f", d->tsb);
		cell_num(t, 2, d->acwr_ewma);
		cell_num(t, 2, d->acwr_rolling);
	}
	table_render(t, &out, out_color_stdout());
	add_legend(&out);
	out_buf(&out);
	table_free(t);
	strbuf_release(&out);
	strbuf_release(&sb);
}

static int show_days(struct cli *cli, int32_t from, int32_t to)
{
	struct pmc_day *days = NULL;
	size_t n = 0;
	struct err err = ERR_INIT;

	if (training_fitness(cli->store, ATHLETE_DEFAULT, from, to, &days, &n, &err)) {
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		out_json(render_json_load_days(from, to, days, n));
	} else {
		print_days(days, n);
	}
	free(days);
	return EXIT_OK;
}

/* "+12 %", or "-" without a week before to compare with. */
static void cell_change(struct table *t, double change)
{
	if (isnan(change)) {
		table_cell(t, "-");
	} else {
		table_cellf(t, "%+.0f %%", change * 100);
	}
}

/* "run 3:10, bike 1:00": each sport's time, busiest first. */
static void add_sports(struct strbuf *sb, const struct volume_week *v)
{
	bool used[SPORT_COUNT] = { false };

	for (;;) {
		int best = -1;

		for (int i = 0; i < SPORT_COUNT; i++) {
			if (v->count[i] && !used[i] &&
			    (best < 0 || v->time_s[i] > v->time_s[best])) {
				best = i;
			}
		}
		if (best < 0) {
			return;
		}
		used[best] = true;
		strbuf_addf(sb, "%s%s ", sb->len ? ", " : "", sport_name((enum sport)best));
		units_add_duration(sb, v->time_s[best]);
	}
}

static void print_weeks(const struct pmc_week *w, const struct volume_week *v, size_t n,
                        enum units u)
{
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	struct table *t = table_new();
	char buf[DATE_ISO_LEN];

	table_column(t, "week of", TABLE_LEFT, 0);
	table_column(t, "days", TABLE_RIGHT, 0);
	table_column(t, "load", TABLE_RIGHT, 0);
	table_column(t, "monotony", TABLE_RIGHT, 0);
	table_column(t, "strain", TABLE_RIGHT, 0);
	table_column(t, "time", TABLE_RIGHT, 0);
	table_column(t, "change", TABLE_RIGHT, 0);
	table_column(t, "running", TABLE_RIGHT, 0);
	table_column(t, "change", TABLE_RIGHT, 0);
	table_column(t, "by sport", TABLE_LEFT, 0);
	for (size_t i = 0; i < n; i++) {
		date_format(w[i].monday, buf);
		table_cell(t, buf);
		table_cellf(t, "%d", w[i].days);
		table_cellf(t, "%.0f", w[i].load);
		cell_num(t, 2, w[i].monotony);
		cell_num(t, 0, w[i].strain);
		units_add_duration(&sb, v[i].time_s_all);
		table_cell_take(t, &sb);
		cell_change(t, v[i].time_change);
		units_add_distance(&sb, v[i].run_distance_m, u);
		table_cell_take(t, &sb);
		cell_change(t, v[i].run_distance_change);
		add_sports(&sb, &v[i]);
		table_cell_take(t, &sb);
	}
	table_render(t, &out, out_color_stdout());
	strbuf_adds(&out,
	            "\nweeks run Monday to Sunday; days: those shown (a week cut by the range\n"
	            "  has no monotony or strain, and its change compares part of a week)\n"
	            "monotony: the week's mean daily load / its SD (Foster); strain: load x "
	            "monotony\n"
	            "time: moving time, every sport; running: run and trail distance;\n"
	            "  change: against the week before\n");
	out_buf(&out);
	table_free(t);
	strbuf_release(&out);
	strbuf_release(&sb);
}

/* The weeks holding from..to (advice/load_table.h). */
static int show_weeks(struct cli *cli, int32_t from, int32_t to)
{
	struct load_weeks w;
	struct err err = ERR_INIT;
	int rc = EXIT_OK;

	if (load_table_weeks(cli->store, ATHLETE_DEFAULT, from, to, &w, &err)) {
		rc = cli_fail(cli, &err);
	} else if (cli->json) {
		out_json(render_json_load_weeks(&w));
	} else {
		print_weeks(w.weeks, w.volume, w.n, cli->profile.units);
	}
	load_weeks_release(&w);
	return rc;
}

int cmd_load(struct cli *cli, const struct cli_args *args)
{
	struct err err = ERR_INIT;
	bool weekly = cli_opt(args, "weekly") != NULL;
	int32_t from, to, first, last;

	/* --from and --to, else the default span ending today; days after
	 * today have no training to show and are refused */
	if (cli_profile(cli, &err) || cli_range_to_today(cli, args, &from, &to, &err) ||
	    cli_refresh_loads(cli, &err) ||
	    store_activity_span(cli->store, ATHLETE_DEFAULT, &first, &last, &err)) {
		return cli_fail(cli, &err);
	}
	from = load_table_from(from, to, weekly, first);
	return weekly ? show_weeks(cli, from, to) : show_days(cli, from, to);
}
