/*
 * cmd_spend.c: knead spend, what recovery costs.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/spend.h"
#include "base/date.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json_body.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_recovery.h"

static void print_report(const struct spend_report *r)
{
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	struct table *t = table_new();
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	date_format(r->from, a);
	date_format(r->to, b);
	strbuf_addf(&out, "recovery spend from %s to %s: ", a, b);
	units_add_money(&out, r->total_cents, r->currency);
	strbuf_addf(&out, " over %d session%s", r->sessions, r->sessions == 1 ? "" : "s");
	if (r->per_session_cents >= 0) {
		strbuf_adds(&out, ", ");
		units_add_money(&out, r->per_session_cents, r->currency);
		strbuf_addf(&out, " per session with a cost (%d)", r->costed);
	}
	strbuf_adds(&out, "\n\n");

	table_column(t, "month", TABLE_LEFT, 0);
	table_column(t, "sessions", TABLE_RIGHT, 0);
	table_column(t, "spent", TABLE_RIGHT, 0);
	for (size_t i = 0; i < r->n_months; i++) {
		date_format(r->months[i].start, a);
		a[7] = '\0';
		table_cell(t, a);
		table_cellf(t, "%d", r->months[i].sessions);
		units_add_money(&sb, r->months[i].cents, r->currency);
		table_cell_take(t, &sb);
	}
	table_render(t, &out, out_color_stdout());
	table_free(t);

	if (r->n_modalities) {
		strbuf_addch(&out, '\n');
		t = table_new();
		table_column(t, "modality", TABLE_LEFT, 0);
		table_column(t, "sessions", TABLE_RIGHT, 0);
		table_column(t, "paid", TABLE_RIGHT, 0);
		table_column(t, "cost", TABLE_RIGHT, 0);
		table_column(t, "per session", TABLE_RIGHT, 0);
		for (size_t i = 0; i < r->n_modalities; i++) {
			const struct spend_modality *m = &r->modalities[i];

			table_cell(t, modality_name(m->modality));
			table_cellf(t, "%d", m->sessions);
			units_add_money(&sb, m->cash_cents, r->currency);
			table_cell_take(t, &sb);
			units_add_money(&sb, m->share_cents, r->currency);
			table_cell_take(t, &sb);
			if (m->costed) {
				units_add_money(&sb, m->share_cents / m->costed, r->currency);
			} else {
				strbuf_adds(&sb, "free");
			}
			table_cell_take(t, &sb);
		}
		if (r->fee_cents) {
			table_gap(t);
			table_cell(t, "membership fees");
			table_cell(t, NULL);
			units_add_money(&sb, r->fee_cents, r->currency);
			table_cell_take(t, &sb);
			table_cell(t, NULL);
			table_cell(t, NULL);
		}
		table_render(t, &out, out_color_stdout());
		table_free(t);
		strbuf_addf(&out, "(paid: money out at the sessions; cost: with each membership "
		                  "session's share of the fee)\n");
	}

	for (size_t i = 0; i < r->n_memberships; i++) {
		const struct spend_membership *m = &r->memberships[i];

		strbuf_addf(&out, "\nmembership with %s: ", m->provider->name);
		units_add_money(&out, m->fees_cents, r->currency);
		strbuf_addf(&out, " in fees (%d month%s), %d of its sessions used", m->periods,
		            m->periods == 1 ? "" : "s", m->used);
		if (m->extra) {
			strbuf_addf(&out, ", %d more paid per visit", m->extra);
		}
		strbuf_adds(&out, "\n  ");
		if (m->pay_per_visit_cents < 0) {
			strbuf_adds(&out, "no pay-per-visit price to compare with "
			                  "('knead provider edit --price')\n");
		} else {
			strbuf_adds(&out, "at the pay-per-visit price they would have cost ");
			units_add_money(&out, m->pay_per_visit_cents, r->currency);
			strbuf_adds(&out, m->saved_cents >= 0 ? ": it paid off, saving "
			                                      : ": it did not pay off, costing ");
			units_add_money(&out,
			                m->saved_cents >= 0 ? m->saved_cents : -m->saved_cents,
			                r->currency);
			strbuf_adds(&out, m->saved_cents >= 0 ? "\n" : " more\n");
		}
	}
	out_buf(&out);
	strbuf_release(&out);
	strbuf_release(&sb);
}

int cmd_spend(struct cli *cli, const struct cli_args *args)
{
	struct recovery_list sessions = RECOVERY_LIST_INIT;
	struct provider_list providers = PROVIDER_LIST_INIT;
	struct spend_report report;
	struct err err = ERR_INIT;
	int32_t from, to;

	if (cli_profile(cli, &err) || cli_range(cli, args, &from, &to, &err)) {
		return cli_fail(cli, &err);
	}
	if (to == DATE_NONE || to > cli->today) {
		to = cli->today;
	}
	if (from != DATE_NONE && from > to) {
		err_set(&err, ERR_INPUT, "--from is after the end of the range");
		return cli_fail(cli, &err);
	}
	if (cli_store(cli, STORE_READ, &err) ||
	    store_recovery_list(cli->store, ATHLETE_DEFAULT, DATE_NONE, to, &sessions, &err) ||
	    store_provider_list(cli->store, ATHLETE_DEFAULT, &providers, &err)) {
		recovery_list_release(&sessions);
		provider_list_release(&providers);
		return cli_fail(cli, &err);
	}
	spend_report(&sessions, &providers, from, to, athlete_currency(&cli->profile), &report);
	if (cli->json) {
		out_json(render_json_spend(&report));
	} else if (report.sessions == 0 && report.n_memberships == 0) {
		fputs("no recovery sessions or memberships in that time\n", stdout);
	} else {
		print_report(&report);
	}
	if (report.other_currency) {
		out_warning(cli->name.buf,
		            "%d session%s or fee%s in another currency than %s left out",
		            report.other_currency, report.other_currency == 1 ? "" : "s",
		            report.other_currency == 1 ? "" : "s", report.currency);
	}
	spend_report_release(&report);
	recovery_list_release(&sessions);
	provider_list_release(&providers);
	return EXIT_OK;
}
