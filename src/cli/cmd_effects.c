/*
 * cmd_effects.c: knead effects [MODALITY], what has helped this runner
 * (analysis/effects.h): for each modality and region, the change in
 * soreness after a session against comparable days without it, and for
 * races, the days until soreness settled with and without a massage.
 *
 * "massage" on its own stands for every kind of massage here (elsewhere
 * knead asks which kind): the question is "has massage helped me".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/effects.h"
#include "base/date.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json_recovery.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_body.h"
#include "store/store_race.h"
#include "store/store_recovery.h"

/* The modalities asked for: MODALITY as typed, 0 (all) without it. */
static enum err_code parse_modalities(const struct cli_args *args, unsigned *mask, struct err *err)
{
	enum modality m;

	*mask = 0;
	if (args->n_pos == 0) {
		return ERR_OK;
	}
	if (strcasecmp(args->pos[0], "massage") == 0) {
		for (int i = 0; i < MODALITY_COUNT; i++) {
			if (modality_kind((enum modality)i) == MODALITY_MASSAGE) {
				*mask |= 1u << i;
			}
		}
		return ERR_OK;
	}
	if (modality_parse(args->pos[0], &m, err)) {
		return err->code;
	}
	*mask = 1u << m;
	return ERR_OK;
}

/* The log up to the day asked about. */
struct effects_log {
	struct checkin_list checkins;
	struct recovery_list sessions;
	struct race_list races;
};

static void log_release(struct effects_log *g)
{
	checkin_list_release(&g->checkins);
	recovery_list_release(&g->sessions);
	race_list_release(&g->races);
}

static enum err_code read_log(struct cli *cli, int32_t to, struct effects_log *g, struct err *err)
{
	if (cli_store(cli, STORE_READ, err) ||
	    store_checkin_list(cli->store, ATHLETE_DEFAULT, DATE_NONE, to, &g->checkins, err) ||
	    store_recovery_list(cli->store, ATHLETE_DEFAULT, DATE_NONE, to, &g->sessions, err) ||
	    store_race_list(cli->store, ATHLETE_DEFAULT, DATE_NONE, to, &g->races, err)) {
		return err->code;
	}
	return ERR_OK;
}

/* ---- text ---- */

static void cell_mean(struct table *t, const struct effects_estimate *e, bool sign)
{
	if (e->n == 0 || isnan(e->mean)) {
		table_cell(t, "-");
	} else {
		table_cellf(t, sign ? "%+.1f" : "%.1f", e->mean);
	}
}

static void cell_interval(struct table *t, const struct effects_compare *c, bool sign)
{
	if (!c->enough) {
		table_cell(t, "-");
	} else if (sign) {
		table_cellf(t, "%+.1f to %+.1f", c->difference.lo, c->difference.hi);
	} else {
		table_cellf(t, "%.1f to %.1f", c->difference.lo, c->difference.hi);
	}
}

static void add_rows(struct strbuf *out, const struct cli *cli, const struct effects_report *r)
{
	struct table *t = table_new();
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(out,
	            "soreness (0-10) over the %d days after a session, minus that day's, against\n"
	            "days as sore without it; negative is less sore; %d cases needed in each\n\n",
	            EFFECTS_WINDOW_DAYS, EFFECTS_MIN_CASES);
	table_column(t, "modality", TABLE_LEFT, 0);
	table_column(t, "region", TABLE_LEFT, 0);
	table_column(t, "with", TABLE_RIGHT, 0);
	table_column(t, "n", TABLE_RIGHT, 0);
	table_column(t, "without", TABLE_RIGHT, 0);
	table_column(t, "n", TABLE_RIGHT, 0);
	table_column(t, "difference", TABLE_RIGHT, 0);
	table_column(t, "90 % interval", TABLE_RIGHT, 0);
	table_column(t, "effect", TABLE_LEFT, 0);
	for (size_t i = 0; i < r->n_rows; i++) {
		const struct effects_row *row = &r->rows[i];
		const struct effects_compare *c = &row->change;

		table_cell(t, modality_name(row->modality));
		render_effects_region(&sb, &cli->regions, row->region);
		table_cell_take(t, &sb);
		cell_mean(t, &c->with, true);
		table_cellf(t, "%zu", c->with.n);
		cell_mean(t, &c->without, true);
		table_cellf(t, "%zu", c->without.n);
		cell_mean(t, &c->difference, true);
		cell_interval(t, c, true);
		table_cell(t, effects_verdict_name(effects_verdict_of(c)));
	}
	table_render(t, out, out_color_stdout());
	table_free(t);
	strbuf_release(&sb);
}

static void add_races(struct strbuf *out, const struct effects_report *r,
                      const struct race_list *races)
{
	const struct effects_compare *c = &r->race;

	strbuf_addf(out,
	            "\nafter races: days until soreness was %d or below, with a massage in the "
	            "%d days after or without\n",
	            EFFECTS_RECOVERED, EFFECTS_RACE_MASSAGE_DAYS);
	for (size_t i = 0; i < r->n_races; i++) {
		const struct effects_race *e = &r->races[i];
		const struct race *race = &races->races[e->race];

		strbuf_adds(out, "  ");
		render_day(out, race->date);
		strbuf_addf(out, "  %s: %d day%s, %s\n", race->name, e->days,
		            e->days == 1 ? "" : "s",
		            e->massage ? "with a massage" : "without a massage");
	}
	if (r->races_unknown) {
		strbuf_addf(out, "  (%zu race%s without check-ins to tell)\n", r->races_unknown,
		            r->races_unknown == 1 ? "" : "s");
	}
	strbuf_adds(out, "  with a massage: ");
	if (c->with.n) {
		strbuf_addf(out, "%.1f days", c->with.mean);
	} else {
		strbuf_adds(out, "-");
	}
	strbuf_addf(out, " (n %zu); without: ", c->with.n);
	if (c->without.n) {
		strbuf_addf(out, "%.1f days", c->without.mean);
	} else {
		strbuf_adds(out, "-");
	}
	strbuf_addf(out, " (n %zu)\n  ", c->without.n);
	if (c->enough) {
		strbuf_addf(out, "difference %+.1f days, 90 %% interval %+.1f to %+.1f: %s\n",
		            c->difference.mean, c->difference.lo, c->difference.hi,
		            effects_verdict_name(effects_verdict_of(c)));
	} else {
		strbuf_addf(out, "not enough data (%d races of each needed)\n", EFFECTS_MIN_CASES);
	}
}

static void print_report(const struct cli *cli, const struct effects_report *r,
                         const struct race_list *races, bool filtered)
{
	struct strbuf out = STRBUF_INIT;

	strbuf_adds(&out, "what has helped you, from your log up to ");
	render_day(&out, r->to);
	strbuf_adds(&out, "\n\n");
	if (r->n_rows) {
		add_rows(&out, cli, r);
	} else {
		strbuf_addf(&out, "no %srecovery sessions logged\n", filtered ? "such " : "");
	}
	if (r->n_races || r->races_unknown) {
		add_races(&out, r, races);
	}
	strbuf_addf(&out,
	            "\n(an observational comparison from your own log, not a trial; "
	            "intervals from %d bootstrap resamples)\n",
	            EFFECTS_RESAMPLES);
	out_buf(&out);
	strbuf_release(&out);
}

int cmd_effects(struct cli *cli, const struct cli_args *args)
{
	struct effects_log g = { CHECKIN_LIST_INIT, RECOVERY_LIST_INIT, RACE_LIST_INIT };
	struct effects_report report;
	struct err err = ERR_INIT;
	unsigned mask;
	int32_t to;
	int rc = EXIT_OK;

	if (parse_modalities(args, &mask, &err) || cli_as_of(cli, args, CLI_AS_OF_ANY, &to, &err)) {
		return cli_fail(cli, &err);
	}
	if (cli_regions(cli, &err) || read_log(cli, to, &g, &err)) {
		log_release(&g);
		return cli_fail(cli, &err);
	}
	effects_compute(&cli->regions, &g.checkins, &g.sessions, &g.races, to, mask, &report);
	if (cli->json) {
		out_json(render_json_effects(&cli->regions, &report, &g.races));
	} else {
		print_report(cli, &report, &g.races, mask != 0);
	}
	if (!out_finish()) {
		rc = EXIT_FAIL;
	}
	effects_report_release(&report);
	log_release(&g);
	return rc;
}
