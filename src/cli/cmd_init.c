/*
 * cmd_init.c: knead init, which creates the database and sets the profile.
 *
 * Running it again changes only the fields given, so it doubles as the way
 * to update the profile. It asks nothing interactively. A change to what
 * loads are computed from (heart rates, sex, threshold pace) recomputes
 * every activity's load in the same transaction as the profile. The
 * fields are read by advice/profile.h, which the settings page shares.
 */
#include <math.h>
#include <string.h>

#include "advice/profile.h"
#include "analysis/zones.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/tz.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json.h"
#include "render/json_load.h"
#include "store/store_athlete.h"

/* What init writes: the profile, and whether the loads go with it. */
struct init_write {
	struct athlete *profile;
	bool recompute;      /* the change touches what loads are computed from */
	size_t n_recomputed; /* loads computed again */
};

static enum err_code put_profile(struct store *s, void *ctx, struct err *err)
{
	struct init_write *w = ctx;

	return profile_store(s, w->profile, w->recompute, &w->n_recomputed, err);
}

/* The Karvonen zones, one per line under the heart rates. */
static void add_zones(struct strbuf *sb, const struct hr_zone *z)
{
	strbuf_adds(sb, "  zones      Karvonen, % of heart-rate reserve\n");
	for (int i = 0; i < ZONES_COUNT; i++) {
		char range[16];

		snprintf(range, sizeof(range), "%.0f-%.0f %%", z[i].low_hrr * 100,
		         z[i].high_hrr * 100);
		strbuf_addf(sb, "    %d %-10s %-9s %3d-%d bpm\n", z[i].number, z[i].name, range,
		            z[i].low_bpm, z[i].high_bpm);
	}
}

static void print_profile(const struct cli *cli, bool created, const struct init_write *w)
{
	const struct athlete *a = &cli->profile;
	struct strbuf sb = STRBUF_INIT;
	struct hr_zone zones[ZONES_COUNT];

	strbuf_addf(&sb, "%s %s\n", created ? "created" : "profile in", cli->db_path.buf);
	if (a->name) {
		strbuf_addf(&sb, "  name       %s\n", a->name);
	}
	if (a->sex != SEX_UNKNOWN) {
		strbuf_addf(&sb, "  sex        %s\n", athlete_sex_name(a->sex));
	}
	if (a->birth_year) {
		strbuf_addf(&sb, "  born       %d\n", a->birth_year);
	}
	if (a->max_hr || a->rest_hr) {
		strbuf_adds(&sb, "  heart      ");
		if (a->rest_hr) {
			strbuf_addf(&sb, "resting %d", a->rest_hr);
		}
		if (a->max_hr) {
			strbuf_addf(&sb, "%smax %d", a->rest_hr ? ", " : "", a->max_hr);
		}
		strbuf_addch(&sb, '\n');
	}
	if (zones_karvonen(a->max_hr, a->rest_hr, zones)) {
		add_zones(&sb, zones);
	}
	if (!isnan(a->threshold_pace_s_per_km)) {
		strbuf_adds(&sb, "  threshold  ");
		units_add_pace(&sb, a->threshold_pace_s_per_km / 1000, a->units);
		strbuf_addch(&sb, '\n');
	}
	strbuf_addf(&sb, "  units      %s\n", units_name(a->units));
	strbuf_addf(&sb, "  time zone  %s%s\n", tz_name(), a->tz ? "" : " (the system's)");
	if (a->currency[0]) {
		strbuf_addf(&sb, "  currency   %s\n", a->currency);
	}
	if (a->budget_cents >= 0) {
		strbuf_adds(&sb, "  budget     ");
		units_add_money(&sb, a->budget_cents, athlete_currency(a));
		strbuf_adds(&sb, " a month for recovery\n");
	}
	if (w->n_recomputed) {
		strbuf_addf(&sb, "recomputed the load of %zu %s\n", w->n_recomputed,
		            w->n_recomputed == 1 ? "activity" : "activities");
	}
	out_buf(&sb);
	strbuf_release(&sb);
}

int cmd_init(struct cli *cli, const struct cli_args *args)
{
	struct err err = ERR_INIT;
	struct init_write w = { &cli->profile, false, 0 };
	struct profile_input in = {
		.name = cli_opt(args, "name"),
		.sex = cli_opt(args, "sex"),
		.born = cli_opt(args, "born"),
		.max_hr = cli_opt(args, "max-hr"),
		.rest_hr = cli_opt(args, "rest-hr"),
		.units = cli_opt(args, "units"),
		.tz = cli_opt(args, "tz"),
		.threshold = cli_opt(args, "threshold"),
		.currency = cli_opt(args, "currency"),
		.budget = cli_opt(args, "budget"),
	};
	bool created;

	if (cli_profile(cli, &err)) {
		return cli_fail(cli, &err);
	}
	created = cli->store == NULL;
	if (profile_apply(&in, "--", cli->today, &cli->profile, &w.recompute, &err)) {
		return cli_fail(cli, &err);
	}
	if (cli_transaction(cli, put_profile, &w, &err)) {
		return cli_fail(cli, &err);
	}
	tz_use(cli->profile.tz, NULL);
	if (cli->json) {
		json_t *o = json_object(), *athlete = render_json_athlete(&cli->profile, tz_name());
		struct hr_zone zones[ZONES_COUNT];
		bool have_zones = zones_karvonen(cli->profile.max_hr, cli->profile.rest_hr, zones);

		json_object_set_new(o, "database", json_string(cli->db_path.buf));
		json_object_set_new(o, "created", json_boolean(created));
		json_object_set_new(o, "athlete", athlete);
		json_object_set_new(o, "hr_zones", render_json_zones(have_zones ? zones : NULL));
		json_object_set_new(o, "loads_recomputed",
		                    json_integer((json_int_t)w.n_recomputed));
		out_json(o);
	} else {
		print_profile(cli, created, &w);
	}
	return EXIT_OK;
}
