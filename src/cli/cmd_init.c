/*
 * cmd_init.c: knead init, which creates the database and sets the profile.
 *
 * Running it again changes only the fields given, so it doubles as the way
 * to update the profile. It asks nothing interactively. A change to what
 * loads are computed from (heart rates, sex, threshold pace) recomputes
 * every activity's load in the same transaction as the profile.
 */
#include <math.h>
#include <string.h>

#include "advice/training.h"
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

static enum err_code apply_hr(const struct cli_args *args, const char *name, int *field,
                              struct err *err)
{
	const char *v = cli_opt(args, name);
	long n;

	if (v && parse_int(v, 25, 250, &n, err)) {
		return err_prefix(err, "--%s", name);
	}
	if (v) {
		*field = (int)n;
	}
	return ERR_OK;
}

static enum err_code apply_profile(struct cli *cli, const struct cli_args *args, struct athlete *a,
                                   struct err *err)
{
	const char *name = cli_opt(args, "name"), *sex = cli_opt(args, "sex");
	const char *born = cli_opt(args, "born"), *units = cli_opt(args, "units");
	const char *tz = cli_opt(args, "tz"), *pace = cli_opt(args, "threshold");
	const char *currency = cli_opt(args, "currency"), *budget = cli_opt(args, "budget");
	int this_year = date_to_civil(cli->today).year;
	long n;

	if (name) {
		free(a->name);
		a->name = *name ? xstrdup(name) : NULL;
	}
	if (sex && athlete_sex_parse(sex, &a->sex, err)) {
		return err_prefix(err, "--sex");
	}
	if (born) {
		if (parse_int(born, DATE_MIN_YEAR, this_year, &n, err)) {
			return err_prefix(err, "--born");
		}
		a->birth_year = (int)n;
	}
	if (apply_hr(args, "max-hr", &a->max_hr, err) ||
	    apply_hr(args, "rest-hr", &a->rest_hr, err)) {
		return err->code;
	}
	if (units && units_parse(units, &a->units, err)) {
		return err_prefix(err, "--units");
	}
	if (pace && parse_pace(pace, units_metres(a->units), &a->threshold_pace_s_per_km, err)) {
		return err_prefix(err, "--threshold");
	}
	if (tz) {
		if (*tz && !tz_exists(tz)) {
			return err_set(err, ERR_INPUT,
			               "--tz: unknown time zone '%s' (an IANA name such as "
			               "'America/Toronto')",
			               tz);
		}
		free(a->tz);
		a->tz = *tz ? xstrdup(tz) : NULL;
	}
	if (currency) {
		if (strlen(currency) != 3) {
			return err_set(err, ERR_INPUT,
			               "--currency: '%s' is not a three-letter code", currency);
		}
		for (int i = 0; i < 3; i++) {
			a->currency[i] =
			        (char)(currency[i] >= 'a' && currency[i] <= 'z' ? currency[i] - 32
			                                                        : currency[i]);
		}
		a->currency[3] = '\0';
	}
	/* after --currency: the budget is in the profile's currency */
	if (budget && strcmp(budget, "none") == 0) {
		a->budget_cents = -1;
	} else if (budget) {
		char cur[4];

		if (cli_money(cli, "--budget", budget, &a->budget_cents, cur, err)) {
			return err->code;
		}
	}
	if (athlete_validate(a, this_year, err)) {
		return err_prefix(err, "profile");
	}
	return ERR_OK;
}

/* What init writes: the profile, and whether the loads go with it. */
struct init_write {
	struct athlete *profile;
	bool recompute;      /* the change touches what loads are computed from */
	size_t n_recomputed; /* loads computed again */
};

static enum err_code put_profile(struct store *s, void *ctx, struct err *err)
{
	struct init_write *w = ctx;

	if (store_athlete_put(s, w->profile, err)) {
		return err->code;
	}
	if (!w->recompute) {
		return ERR_OK;
	}
	return training_refresh_loads(s, w->profile, TRAINING_ALL, &w->n_recomputed, err);
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
	struct athlete before;
	bool created;

	if (cli_profile(cli, &err)) {
		return cli_fail(cli, &err);
	}
	created = cli->store == NULL;
	/* only the figures loads depend on: the strings are not copied */
	athlete_init(&before, cli->profile.id);
	before.max_hr = cli->profile.max_hr;
	before.rest_hr = cli->profile.rest_hr;
	before.sex = cli->profile.sex;
	before.threshold_pace_s_per_km = cli->profile.threshold_pace_s_per_km;
	if (apply_profile(cli, args, &cli->profile, &err)) {
		return cli_fail(cli, &err);
	}
	w.recompute = training_profile_changes_loads(&before, &cli->profile);
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
