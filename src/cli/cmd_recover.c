/*
 * cmd_recover.c: knead recover, and knead provider add | edit | list.
 *
 * A session's cost is worked out, not typed twice: with no --cost, a
 * session with a member provider is costed from the membership, else at
 * the provider's price (analysis/spend.h). Reading the regions and
 * findings, the check on the day, the provider, the writing and the cost
 * are advice/logbook.h's, shared with the web app's Log page.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/context.h"
#include "advice/logbook.h"
#include "advice/warn.h"
#include "analysis/spend.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/tz.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json_body.h"
#include "render/json_recovery.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_appointment.h"
#include "store/store_body.h"
#include "store/store_recovery.h"

/* How far back the listing form looks without --from. */
#define LIST_DAYS 30

/* The regions worked, or (findings) those with a finding and what it was.
 * Regions named only in the findings are left out of the regions worked
 * when others were named, so the massage of hamstrings and glutes reads
 * as that, its findings beside it. */
static void add_regions(struct strbuf *sb, const struct cli *cli, const struct recovery *r,
                        bool findings)
{
	bool any = false, plain = false;

	for (size_t i = 0; i < r->n_regions; i++) {
		plain |= r->regions[i].finding == FINDING_NONE;
	}
	for (size_t i = 0; i < r->n_regions; i++) {
		const struct recovery_region *rr = &r->regions[i];

		if ((findings || plain) && (rr->finding != FINDING_NONE) != findings) {
			continue;
		}
		strbuf_adds(sb, any ? ", " : "");
		/* a session works both sides unless it says otherwise */
		cli_add_region(sb, cli, rr->region, rr->side == SIDE_BOTH ? SIDE_NONE : rr->side);
		if (findings) {
			strbuf_addch(sb, ' ');
			finding_describe(sb, rr->finding, rr->severity);
		}
		any = true;
	}
}

void cli_print_sessions(const struct cli *cli, const struct recovery_list *list,
                        const struct session_cost *costs, const size_t *only, size_t n)
{
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	struct table *t = table_new();

	table_column(t, "id", TABLE_RIGHT, 0);
	table_column(t, "date", TABLE_LEFT, 0);
	table_column(t, "what", TABLE_LEFT, 0);
	table_column(t, "regions", TABLE_LEFT, 36);
	table_column(t, "time", TABLE_RIGHT, 0);
	table_column(t, "with", TABLE_LEFT, 20);
	table_column(t, "cost", TABLE_RIGHT, 0);
	table_column(t, "pain", TABLE_RIGHT, 0);
	table_column(t, "relief", TABLE_RIGHT, 0);
	table_column(t, "found", TABLE_LEFT, 48);
	for (size_t i = 0; i < (only ? n : list->n); i++) {
		size_t k = only ? only[i] : i;
		const struct recovery *r = &list->items[k];

		table_cellf(t, "%lld", (long long)r->id);
		render_day(&sb, r->day);
		table_cell_take(t, &sb);
		table_cell(t, modality_name(r->modality));
		add_regions(&sb, cli, r, false);
		table_cell_take(t, &sb);
		if (!isnan(r->duration_s)) {
			units_add_duration(&sb, r->duration_s);
		}
		table_cell_take(t, &sb);
		table_cell(t, r->provider_name);
		if (costs) {
			render_session_cost(&sb, &costs[k]);
		} else if (r->cost_cents >= 0) {
			units_add_money(&sb, r->cost_cents, r->currency);
		}
		table_cell_take(t, &sb);
		if (r->pain >= 0) {
			table_cellf(t, "%d", r->pain);
		} else {
			table_cell(t, NULL);
		}
		if (r->relief >= 0) {
			table_cellf(t, "%d", r->relief);
		} else {
			table_cell(t, NULL);
		}
		add_regions(&sb, cli, r, true);
		table_cell_take(t, &sb);
	}
	table_render(t, &out, out_color_stdout());
	out_buf(&out);
	table_free(t);
	strbuf_release(&out);
	strbuf_release(&sb);
}

static enum err_code parse_level_opt(const struct cli_args *args, const char *name, int *out,
                                     struct err *err)
{
	const char *v = cli_opt(args, name);

	if (v && level_parse(v, out, err)) {
		return err_prefix(err, "--%s", name);
	}
	return ERR_OK;
}

static enum err_code parse_session(struct cli *cli, const struct cli_args *args, struct recovery *r,
                                   const char **provider_key, struct err *err)
{
	const char *v, *at = cli_opt(args, "at");
	bool have_duration = false, have_regions = false;
	int32_t sec;

	if (modality_parse(args->pos[0], &r->modality, err) || cli_regions(cli, err)) {
		return err->code;
	}
	for (size_t i = 1; i < args->n_pos; i++) {
		double d;

		if (!have_duration && parse_duration(args->pos[i], &d, NULL) == ERR_OK) {
			r->duration_s = d;
			have_duration = true;
		} else if (!have_regions) {
			if (logbook_regions_parse(&cli->regions, args->pos[i], r, err)) {
				return err->code;
			}
			have_regions = true;
		} else {
			return err_set(err, ERR_INPUT,
			               "'%s': give the regions as one list, hamstrings,glutes",
			               args->pos[i]);
		}
	}
	r->athlete_id = ATHLETE_DEFAULT;
	r->day = cli->today;
	if ((v = cli_opt(args, "date")) && parse_date(v, cli->today, &r->day, err)) {
		return err_prefix(err, "--date");
	}
	if (logbook_check_done(r->day, cli->today, err)) {
		return err_prefix(err, "--date");
	}
	if (at) {
		if (parse_time_of_day(at, &sec, err)) {
			return err_prefix(err, "--at");
		}
		r->start_utc = tz_utc(r->day, sec, &r->utc_offset_s);
	}
	if ((v = cli_opt(args, "found")) && logbook_findings_parse(&cli->regions, v, r, err)) {
		return err_prefix(err, "--found");
	}
	if ((v = cli_opt(args, "cost")) &&
	    cli_money(cli, "--cost", v, &r->cost_cents, r->currency, err)) {
		return err->code;
	}
	if (parse_level_opt(args, "pain", &r->pain, err) ||
	    parse_level_opt(args, "relief", &r->relief, err)) {
		return err->code;
	}
	if ((v = cli_opt(args, "note")) && *v) {
		r->note = xstrdup(v);
	}
	*provider_key = cli_opt(args, "with");
	return recovery_validate(r, err);
}

struct session_write {
	const struct region_catalog *cat;
	struct recovery *r;
	int64_t appointment_id; /* the appointment the session did, 0 if none */
};

static enum err_code write_session(struct store *s, void *ctx, struct err *err)
{
	struct session_write *w = ctx;

	return logbook_session_add(s, w->cat, w->r, &w->appointment_id, err);
}

/* Where the session just stored breaks one of the advisor's massage
 * rules or the budget (advice/warn.h): for cli_warn_rules. */
static void check_session(const struct advice_context *ctx, const void *r, struct advice_list *out)
{
	warn_recovery(ctx, r, out);
}

static int list_sessions(struct cli *cli, const struct cli_args *args)
{
	struct recovery_list all = RECOVERY_LIST_INIT;
	struct provider_list providers = PROVIDER_LIST_INIT;
	struct session_cost *costs = NULL;
	struct err err = ERR_INIT;
	size_t *shown = NULL, n = 0;
	int32_t from, to;
	int status = EXIT_OK;

	if (cli_range(cli, args, &from, &to, &err) || cli_regions(cli, &err) ||
	    cli_store(cli, STORE_READ, &err)) {
		return cli_fail(cli, &err);
	}
	if (from == DATE_NONE) {
		from = (to == DATE_NONE ? cli->today : to) - (LIST_DAYS - 1);
	}
	/* every earlier session too: they use up a membership's sessions */
	if (store_recovery_list(cli->store, ATHLETE_DEFAULT, DATE_NONE, to, &all, &err) ||
	    store_provider_list(cli->store, ATHLETE_DEFAULT, &providers, &err)) {
		status = cli_fail(cli, &err);
		goto done;
	}
	costs = xcalloc(all.n + 1, sizeof(*costs));
	shown = xcalloc(all.n + 1, sizeof(*shown));
	spend_cost_sessions(&all, &providers, costs);
	for (size_t i = 0; i < all.n; i++) {
		if (all.items[i].day >= from) {
			shown[n++] = i;
		}
	}
	if (cli->json) {
		out_json(render_json_session_list(&all, costs, shown, n));
	} else if (n == 0) {
		fputs("no recovery sessions in that time ('knead recover MODALITY' adds one)\n",
		      stdout);
	} else {
		cli_print_sessions(cli, &all, costs, shown, n);
	}
done:
	free(costs);
	free(shown);
	provider_list_release(&providers);
	recovery_list_release(&all);
	return status;
}

static void print_session(struct cli *cli, const struct recovery *r, const struct session_cost *c,
                          int64_t appointment_id)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "recovery %lld: %s on ", (long long)r->id, modality_describe(r->modality));
	render_day(&sb, r->day);
	if (r->n_regions) {
		size_t before = sb.len;

		strbuf_adds(&sb, ", ");
		add_regions(&sb, cli, r, false);
		if (sb.len == before + 2) {
			strbuf_setlen(&sb, before);
		}
	}
	if (!isnan(r->duration_s)) {
		strbuf_adds(&sb, ", ");
		units_add_duration(&sb, r->duration_s);
	}
	if (r->provider_name) {
		strbuf_addf(&sb, ", with %s", r->provider_name);
	}
	strbuf_addch(&sb, '\n');
	if (c->basis != COST_FREE) {
		strbuf_adds(&sb, "  cost: ");
		render_session_cost(&sb, c);
		if (c->basis == COST_PRICE) {
			strbuf_adds(&sb, c->beyond_included
			                         ? " (the provider's price: this month's "
			                           "membership sessions are used)"
			                         : " (the provider's price)");
		}
		strbuf_addch(&sb, '\n');
	}
	if (r->pain >= 0 || r->relief >= 0) {
		strbuf_adds(&sb, " ");
		if (r->pain >= 0) {
			strbuf_addf(&sb, " pain during %d", r->pain);
		}
		if (r->relief >= 0) {
			strbuf_addf(&sb, "%s relief after %d", r->pain >= 0 ? "," : "", r->relief);
		}
		strbuf_addch(&sb, '\n');
	}
	for (size_t i = 0; i < r->n_regions; i++) {
		if (r->regions[i].finding != FINDING_NONE) {
			strbuf_adds(&sb, "  found: ");
			add_regions(&sb, cli, r, true);
			strbuf_addch(&sb, '\n');
			break;
		}
	}
	if (appointment_id) {
		strbuf_addf(&sb, "  appointment %lld is done\n", (long long)appointment_id);
	}
	out_buf(&sb);
	strbuf_release(&sb);
}

int cmd_recover(struct cli *cli, const struct cli_args *args)
{
	struct recovery r;
	struct session_cost cost;
	struct err err = ERR_INIT;
	struct session_write w = { &cli->regions, &r, 0 };
	const char *provider_key = NULL;
	enum err_code rc;

	if (args->n_pos == 0) {
		static const char *const session_only[] = { "at",   "cost", "date",   "found",
			                                    "note", "pain", "relief", "with" };

		for (size_t i = 0; i < sizeof(session_only) / sizeof(session_only[0]); i++) {
			if (cli_opt(args, session_only[i])) {
				err_set(&err, ERR_INPUT,
				        "--%s needs a modality: recover MODALITY ...",
				        session_only[i]);
				return cli_fail(cli, &err);
			}
		}
		return cli_profile(cli, &err) ? cli_fail(cli, &err) : list_sessions(cli, args);
	}
	recovery_init(&r);
	rc = cli_profile(cli, &err);
	if (!rc && (cli_opt(args, "from") || cli_opt(args, "to"))) {
		rc = err_set(&err, ERR_INPUT, "--from and --to list sessions; give no modality");
	}
	if (!rc) {
		rc = parse_session(cli, args, &r, &provider_key, &err);
	}
	if (!rc && provider_key) {
		rc = cli_store(cli, STORE_READ, &err);
		if (rc == ERR_NOT_FOUND) {
			rc = err_set(&err, ERR_INPUT,
			             "--with: no provider '%s' (add one with 'knead "
			             "provider add')",
			             provider_key);
		}
		if (!rc &&
		    logbook_session_provider(cli->store, ATHLETE_DEFAULT, provider_key, &r, &err)) {
			rc = err_prefix(&err, "--with");
		}
	}
	if (!rc) {
		rc = cli_transaction(cli, write_session, &w, &err);
	}
	if (!rc) {
		rc = logbook_session_cost(cli->store, &r, &cost, &err);
	}
	if (rc) {
		recovery_release(&r);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		json_t *o = render_json_recovery(&r, &cost);

		json_object_set_new(o, "appointment_id",
		                    w.appointment_id ? json_integer((json_int_t)w.appointment_id)
		                                     : json_null());
		out_json(o);
	} else {
		print_session(cli, &r, &cost, w.appointment_id);
	}
	cli_warn_rules(cli, check_session, &r);
	recovery_release(&r);
	return EXIT_OK;
}

static void add_membership(struct strbuf *sb, const struct membership *m)
{
	units_add_money(sb, m->fee_cents, m->currency);
	strbuf_addf(sb, "/month for %d session%s, from ", m->sessions, m->sessions == 1 ? "" : "s");
	render_day(sb, m->since);
	if (m->until != DATE_NONE) {
		strbuf_adds(sb, " to ");
		render_day(sb, m->until);
	}
}

static int report_provider(struct cli *cli, const struct provider *p, const char *verb)
{
	struct strbuf sb = STRBUF_INIT;

	if (cli->json) {
		out_json(render_json_provider(p));
		return EXIT_OK;
	}
	strbuf_addf(&sb, "%s provider %lld: %s (%s", verb, (long long)p->id, p->name,
	            provider_kind_name(p->kind));
	if (p->price_cents >= 0) {
		strbuf_adds(&sb, ", ");
		units_add_money(&sb, p->price_cents, p->currency);
		strbuf_adds(&sb, " a visit");
	}
	strbuf_adds(&sb, ")\n");
	for (size_t i = 0; i < p->n_memberships; i++) {
		strbuf_adds(&sb, "  membership: ");
		add_membership(&sb, &p->memberships[i]);
		strbuf_addch(&sb, '\n');
	}
	out_buf(&sb);
	strbuf_release(&sb);
	return EXIT_OK;
}

/* --kind, --price, --membership with --since, --end, --note, --name. */
static enum err_code parse_provider(struct cli *cli, const struct cli_args *args, bool editing,
                                    struct provider *p, struct err *err)
{
	const char *kind = cli_opt(args, "kind"), *price = cli_opt(args, "price");
	const char *mem = cli_opt(args, "membership"), *since = cli_opt(args, "since");
	const char *end = editing ? cli_opt(args, "end") : NULL, *note = cli_opt(args, "note");
	const char *name = editing ? cli_opt(args, "name") : NULL;
	int32_t start = cli->today, last = DATE_NONE;

	if (kind && provider_kind_parse(kind, &p->kind, err)) {
		return err_prefix(err, "--kind");
	}
	if (price && strcmp(price, "none") == 0) {
		p->price_cents = -1;
		p->currency[0] = '\0';
	} else if (price && cli_money(cli, "--price", price, &p->price_cents, p->currency, err)) {
		return err->code;
	}
	if (since && parse_date(since, cli->today, &start, err)) {
		return err_prefix(err, "--since");
	}
	if (since && !mem) {
		return err_set(err, ERR_INPUT, "--since is when a --membership starts");
	}
	if (end && parse_date(end, cli->today, &last, err)) {
		return err_prefix(err, "--end");
	}
	if (end) {
		struct membership *open =
		        p->n_memberships ? &p->memberships[p->n_memberships - 1] : NULL;

		if (!open) {
			return err_set(err, ERR_INPUT, "--end: %s has no membership", p->name);
		}
		open->until = last;
	}
	if (mem) {
		struct membership m = { 0 };

		if (membership_parse(mem, &m, err)) {
			return err_prefix(err, "--membership");
		}
		if (cli_currency(cli, "--membership", mem, m.currency, err)) {
			return err->code;
		}
		for (size_t i = 0; i < p->n_memberships; i++) {
			struct membership *o = &p->memberships[i];

			/* a new membership replaces the one running on its first day */
			if (o->since < start && (o->until == DATE_NONE || o->until >= start)) {
				o->until = start - 1;
			}
		}
		m.since = start;
		m.until = DATE_NONE;
		*provider_add_membership(p) = m;
		p->memberships[p->n_memberships - 1].provider_id = p->id;
	}
	if (note) {
		free(p->note);
		p->note = *note ? xstrdup(note) : NULL;
	}
	if (name) {
		free(p->name);
		p->name = xstrdup(name);
	}
	return provider_validate(p, err);
}

static enum err_code add_provider(struct store *s, void *p, struct err *err)
{
	return store_provider_add(s, p, err);
}

static enum err_code update_provider(struct store *s, void *p, struct err *err)
{
	return store_provider_update(s, p, err);
}

int cmd_provider_add(struct cli *cli, const struct cli_args *args)
{
	struct provider p;
	struct err err = ERR_INIT;
	enum err_code rc;
	int status;

	provider_init(&p);
	p.athlete_id = ATHLETE_DEFAULT;
	p.name = xstrdup(args->pos[0]);
	rc = cli_profile(cli, &err);
	if (!rc && !cli_opt(args, "kind")) {
		rc = err_set(&err, ERR_INPUT,
		             "say what they do: --kind massage, chiro, physio or "
		             "clinic");
	}
	if (!rc) {
		rc = parse_provider(cli, args, false, &p, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, add_provider, &p, &err);
	}
	status = rc ? cli_fail(cli, &err) : report_provider(cli, &p, "added");
	provider_release(&p);
	return status;
}

int cmd_provider_edit(struct cli *cli, const struct cli_args *args)
{
	struct provider p;
	struct err err = ERR_INIT;
	enum err_code rc;
	int status;

	provider_init(&p);
	rc = cli_profile(cli, &err);
	if (!rc) {
		rc = cli_store(cli, STORE_READ, &err);
	}
	if (!rc) {
		rc = store_provider_find(cli->store, ATHLETE_DEFAULT, args->pos[0], &p, &err);
	}
	if (!rc) {
		rc = parse_provider(cli, args, true, &p, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, update_provider, &p, &err);
	}
	status = rc ? cli_fail(cli, &err) : report_provider(cli, &p, "changed");
	provider_release(&p);
	return status;
}

int cmd_provider_list(struct cli *cli, const struct cli_args *args)
{
	struct provider_list list = PROVIDER_LIST_INIT;
	struct err err = ERR_INIT;
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	struct table *t;

	(void)args;
	if (cli_profile(cli, &err) || cli_store(cli, STORE_READ, &err) ||
	    store_provider_list(cli->store, ATHLETE_DEFAULT, &list, &err)) {
		provider_list_release(&list);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		json_t *arr = json_array();

		for (size_t i = 0; i < list.n; i++) {
			json_array_append_new(arr, render_json_provider(&list.items[i]));
		}
		out_json(json_pack("{s:o}", "providers", arr));
		provider_list_release(&list);
		return EXIT_OK;
	}
	if (list.n == 0) {
		fputs("no providers ('knead provider add NAME --kind massage' adds one)\n", stdout);
		provider_list_release(&list);
		return EXIT_OK;
	}
	t = table_new();
	table_column(t, "id", TABLE_RIGHT, 0);
	table_column(t, "name", TABLE_LEFT, 0);
	table_column(t, "kind", TABLE_LEFT, 0);
	table_column(t, "price", TABLE_RIGHT, 0);
	table_column(t, "membership", TABLE_LEFT, 0);
	for (size_t i = 0; i < list.n; i++) {
		const struct provider *p = &list.items[i];
		const struct membership *m = provider_membership_on(p, cli->today);

		table_cellf(t, "%lld", (long long)p->id);
		table_cell(t, p->name);
		table_cell(t, provider_kind_name(p->kind));
		if (p->price_cents >= 0) {
			units_add_money(&sb, p->price_cents, p->currency);
		}
		table_cell_take(t, &sb);
		if (m) {
			add_membership(&sb, m);
		}
		table_cell_take(t, &sb);
	}
	table_render(t, &out, out_color_stdout());
	out_buf(&out);
	table_free(t);
	strbuf_release(&out);
	strbuf_release(&sb);
	provider_list_release(&list);
	return EXIT_OK;
}
