/*
 * cmd_advise.c: knead advise massage, the massage planner's face.
 *
 *   knead advise massage                 the next 6 weeks
 *   knead advise massage --weeks 10 --why
 *   knead advise massage --book          keep the new suggestions as
 *                                        booked appointments
 *
 * advice/massage.h holds every rule and figure; this file reads the
 * context and the appointments, prints the plan, and with --book stores
 * (advice/booking.h) each new suggestion (a therapist's massage or self-massage) as an
 * appointment with status "booked", in one transaction: the runner asked
 * to book them, so they are no longer mere suggestions. Booked ones count
 * the next time, so booking twice adds nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "advice/booking.h"
#include "advice/context.h"
#include "advice/massage.h"
#include "advice/rules.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/units.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json_advice.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_appointment.h"

/* ---- reading ---- */

/* --weeks N and --date D; --book plans from today only. */
static enum err_code parse_args(struct cli *cli, const struct cli_args *args, int *weeks,
                                int32_t *day, struct err *err)
{
	const char *w = cli_opt(args, "weeks"), *d = cli_opt(args, "date");
	long n = MASSAGE_DEFAULT_WEEKS;

	if (w && parse_int(w, 1, MASSAGE_MAX_WEEKS, &n, err)) {
		return err_prefix(err, "--weeks");
	}
	*weeks = (int)n;
	/* a day to come is fine: the planner looks ahead */
	if (cli_as_of(cli, args, CLI_AS_OF_ANY, day, err)) {
		return err->code;
	}
	if (cli_opt(args, "book") && *day < cli->today) {
		return err_set(err, ERR_INPUT,
		               "--book keeps appointments from today on; --date %s is past", d);
	}
	return ERR_OK;
}

/* ---- booking ---- */

struct booking {
	const struct massage_plan *plan;
	int64_t *ids; /* one per plan item: the new appointment's id, 0 if none */
	size_t n_booked;
};

static enum err_code book(struct store *s, void *ctx, struct err *err)
{
	struct booking *b = ctx;
	const struct massage_plan *plan = b->plan;

	for (size_t i = 0; i < plan->n_items; i++) {
		const struct massage_item *it = &plan->items[i];
		struct appointment a;
		enum err_code rc;

		if (it->source != MASSAGE_SUGGESTED) {
			continue;
		}
		booking_from_suggestion(plan, i, ATHLETE_DEFAULT, &a);
		rc = store_appointment_add(s, &a, err);
		b->ids[i] = a.id;
		appointment_release(&a);
		if (rc) {
			return rc;
		}
		b->n_booked++;
	}
	return ERR_OK;
}

/* ---- text ---- */

static void add_span(struct strbuf *sb, int32_t from, int32_t to)
{
	render_day(sb, from);
	if (to != from) {
		strbuf_adds(sb, " to ");
		render_day(sb, to);
	}
}

static void add_money(struct strbuf *sb, const struct massage_plan *plan, int64_t cents)
{
	units_add_money(sb, cents, plan->currency);
}

/*
 *   Thu 2026-11-26  advice  massage-post-race
 *       deep-tissue massage with Knead Studio ($90.00): 4 days after ...
 *       why: the first days after a long race belong to ...
 *       - Phoenix Marathon on 2026-11-22 ...        (--why)
 *       source: runners' practice ...               (--why)
 */
static void add_line(struct strbuf *sb, const struct advice *a, bool why)
{
	bool warning = a->kind == ADVICE_WARNING;

	add_span(sb, a->from, a->to);
	strbuf_addf(sb, "  %s%s%s  %s\n    %s\n    why: %s\n", warning ? out_sgr("\033[1;31m") : "",
	            advice_kind_name(a->kind), warning ? out_sgr("\033[0m") : "", a->rule->id,
	            a->text, a->rule->reason);
	if (why) {
		for (size_t j = 0; j < a->n_facts; j++) {
			strbuf_addf(sb, "    - %s\n", a->facts[j]);
		}
		strbuf_addf(sb, "    source: %s\n", a->rule->source);
	}
}

static void add_months(struct strbuf *sb, const struct massage_plan *plan)
{
	struct strbuf cell = STRBUF_INIT;
	struct table *t = table_new();

	table_column(t, "month", TABLE_LEFT, 0);
	table_column(t, "budget", TABLE_RIGHT, 0);
	table_column(t, "spent or booked", TABLE_RIGHT, 0);
	table_column(t, "suggested", TABLE_RIGHT, 0);
	table_column(t, "left", TABLE_RIGHT, 0);
	for (size_t i = 0; i < plan->n_months; i++) {
		const struct massage_month *m = &plan->months[i];
		struct civil c = date_to_civil(m->start);

		table_cellf(t, "%04d-%02d", c.year, c.month);
		add_money(&cell, plan, plan->budget_cents);
		table_cell_take(t, &cell);
		add_money(&cell, plan, m->spent_cents);
		table_cell_take(t, &cell);
		add_money(&cell, plan, m->planned_cents);
		table_cell_take(t, &cell);
		add_money(&cell, plan, plan->budget_cents - m->spent_cents - m->planned_cents);
		table_cell_take(t, &cell);
	}
	strbuf_addch(sb, '\n');
	table_render(t, sb, out_color_stdout());
	table_free(t);
	strbuf_release(&cell);
}

static void print_plan(const struct massage_plan *plan, const struct booking *b, bool why)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "massage plan, ");
	add_span(&sb, plan->from, plan->to);
	if (plan->budget_cents >= 0) {
		strbuf_adds(&sb, ", budget ");
		add_money(&sb, plan, plan->budget_cents);
		strbuf_adds(&sb, " a month");
	}
	strbuf_adds(&sb, "\n\n");
	if (plan->advice.n_items == 0) {
		strbuf_adds(&sb,
		            "nothing to suggest: no race just behind or ahead, and no training "
		            "block (a plan, or training most weeks) that asks for a massage\n");
	}
	for (size_t i = 0; i < plan->advice.n_items; i++) {
		add_line(&sb, &plan->advice.items[i], why);
	}
	if (plan->budget_cents >= 0) {
		add_months(&sb, plan);
	}
	if (b && b->n_booked) {
		strbuf_addf(&sb, "\nbooked %zu appointment%s:", b->n_booked,
		            b->n_booked == 1 ? "" : "s");
		for (size_t i = 0; i < plan->n_items; i++) {
			if (b->ids[i]) {
				strbuf_addf(&sb, " %lld", (long long)b->ids[i]);
			}
		}
		strbuf_addch(&sb, '\n');
	} else if (b) {
		strbuf_adds(&sb, "\nnothing new to book\n");
	}
	out_buf(&sb);
	strbuf_release(&sb);
}

/* ---- the command ---- */

int cmd_advise_massage(struct cli *cli, const struct cli_args *args)
{
	struct advice_context ctx;
	struct appointment_list appts = APPOINTMENT_LIST_INIT;
	struct massage_plan plan;
	struct booking b = { &plan, NULL, 0 };
	struct err err = ERR_INIT;
	bool booking = cli_opt(args, "book") != NULL;
	int weeks = MASSAGE_DEFAULT_WEEKS, status = EXIT_OK;
	int32_t day = cli->today;

	memset(&plan, 0, sizeof(plan));
	advice_context_init(&ctx, &cli->profile, &cli->rules, &cli->regions, cli->today);
	if (parse_args(cli, args, &weeks, &day, &err) || cli_advice_context(cli, day, &ctx, &err) ||
	    store_appointment_list(cli->store, ATHLETE_DEFAULT, day, day + 7 * weeks - 1, &appts,
	                           &err)) {
		status = cli_fail(cli, &err);
		goto done;
	}
	massage_plan_make(&ctx, &appts, weeks, &plan);
	if (booking) {
		b.ids = xcalloc(plan.n_items + 1, sizeof(*b.ids));
		if (cli_transaction(cli, book, &b, &err)) {
			status = cli_fail(cli, &err);
			goto done;
		}
	}
	if (cli->json) {
		out_json(render_json_massage_plan(&plan, weeks, day, booking ? b.ids : NULL));
	} else {
		print_plan(&plan, booking ? &b : NULL, cli_opt(args, "why") != NULL);
	}
done:
	free(b.ids);
	massage_plan_release(&plan);
	appointment_list_release(&appts);
	advice_context_release(&ctx);
	return status;
}
