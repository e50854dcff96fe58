/*
 * cmd_log.c: knead log and knead edit, which share how typed figures and
 * options become an activity.
 *
 *   knead log run 8k --treadmill --date sat --at 20:30
 *   knead log ski 3h --date sun --note "3 runs with Lilly"
 *   knead edit 4 9k --rpe none
 *
 * Everything typed is parsed and the activity validated before the
 * database is opened for writing, so a refused command writes nothing.
 * What a figure means, the check on the day and the writing (the load
 * computed in the same transaction) are advice/logbook.h's, shared with
 * the web app's Log page.
 */
#include <math.h>
#include <string.h>

#include "advice/context.h"
#include "advice/logbook.h"
#include "advice/warn.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/tz.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json.h"
#include "render/text.h"
#include "store/store_activity.h"
#include "store/store_gear.h"

static bool is_none(const char *v)
{
	return strcmp(v, "none") == 0;
}

static enum err_code apply_figures(struct activity *a, const char *const *pos, size_t n,
                                   struct err *err)
{
	bool seen_distance = false, seen_duration = false;

	for (size_t i = 0; i < n; i++) {
		if (logbook_figure(a, pos[i], &seen_distance, &seen_duration, err)) {
			return err->code;
		}
	}
	return ERR_OK;
}

/* An optional small integer option: absent, "none" (clear) or lo..hi. */
static enum err_code apply_int(const struct cli_args *args, const char *name, long lo, long hi,
                               int *field, struct err *err)
{
	const char *v = cli_opt(args, name);
	long n;

	if (!v) {
		return ERR_OK;
	}
	if (is_none(v)) {
		*field = 0;
		return ERR_OK;
	}
	if (parse_int(v, lo, hi, &n, err)) {
		return err_prefix(err, "--%s", name);
	}
	*field = (int)n;
	return ERR_OK;
}

/* --distance and --duration: set, or clear with "none". */
static enum err_code apply_measure(const struct cli_args *args, const char *name,
                                   enum err_code (*parse)(const char *, double *, struct err *),
                                   double *field, struct err *err)
{
	const char *v = cli_opt(args, name);

	if (!v) {
		return ERR_OK;
	}
	if (is_none(v)) {
		*field = (double)NAN;
		return ERR_OK;
	}
	if (parse(v, field, err)) {
		return err_prefix(err, "--%s", name);
	}
	return ERR_OK;
}

/* The local wall-clock second of the day at which a started. */
static int32_t start_second(const struct activity *a)
{
	int64_t local = a->start_utc + a->utc_offset;

	return (int32_t)(((local % 86400) + 86400) % 86400);
}

/* --date and --at. A new date keeps a known start time's wall clock; a
 * new time is placed on the (new) date in the runner's zone, with DST. */
static enum err_code apply_when(struct cli *cli, const struct cli_args *args, struct activity *a,
                                struct err *err)
{
	const char *date = cli_opt(args, "date");
	const char *at = cli_opt(args, "at");
	int32_t day = a->date == DATE_NONE ? cli->today : a->date;
	int32_t sec = a->has_start ? start_second(a) : -1;

	if (date && parse_date(date, cli->today, &day, err)) {
		return err_prefix(err, "--date");
	}
	if (logbook_check_done(day, cli->today, err)) {
		return err_prefix(err, "--date");
	}
	if (at && is_none(at)) {
		sec = -1;
	} else if (at && parse_time_of_day(at, &sec, err)) {
		return err_prefix(err, "--at");
	}
	a->date = day;
	a->has_start = sec >= 0;
	if (a->has_start) {
		a->start_utc = tz_utc(day, sec, &a->utc_offset);
	} else {
		a->start_utc = 0;
		a->utc_offset = 0;
	}
	return ERR_OK;
}

/* --gear NAME|ID|none, looked up in the database if there is one. */
static enum err_code apply_gear(struct cli *cli, const struct cli_args *args, struct activity *a,
                                struct err *err)
{
	const char *key = cli_opt(args, "gear");
	struct gear g;
	enum err_code rc;

	if (!key) {
		return ERR_OK;
	}
	if (is_none(key)) {
		a->gear_id = 0;
		activity_set_str(&a->gear, NULL);
		return ERR_OK;
	}
	rc = cli_store(cli, STORE_READ, err);
	if (rc == ERR_NOT_FOUND) {
		return err_set(err, ERR_INPUT,
		               "--gear: no gear '%s' (add it with 'knead gear add')", key);
	}
	if (rc == ERR_OK) {
		rc = store_gear_find(cli->store, ATHLETE_DEFAULT, key, &g, err);
	}
	if (rc) {
		if (rc == ERR_NOT_FOUND) {
			err->code = ERR_INPUT;
		}
		return err_prefix(err, "--gear");
	}
	if (g.retired != DATE_NONE && a->date > g.retired) {
		char buf[DATE_ISO_LEN];

		date_format(g.retired, buf);
		out_warning(cli->name.buf, "gear '%s' was retired on %s", g.name, buf);
	}
	a->gear_id = g.id;
	activity_set_str(&a->gear, g.name);
	gear_release(&g);
	return ERR_OK;
}

static void apply_text(const struct cli_args *args, const char *name, char **field)
{
	const char *v = cli_opt(args, name);

	if (v) {
		activity_set_str(field, v);
	}
}

/* Everything but the figures and the sport, shared by log and edit. */
static enum err_code apply_options(struct cli *cli, const struct cli_args *args, struct activity *a,
                                   struct err *err)
{
	if (apply_when(cli, args, a, err) || apply_int(args, "rpe", 1, 10, &a->rpe, err) ||
	    apply_int(args, "hr", 25, 250, &a->hr_avg, err) ||
	    apply_int(args, "hr-max", 25, 250, &a->hr_max, err) ||
	    apply_measure(args, "distance", parse_distance, &a->distance_m, err) ||
	    apply_measure(args, "duration", parse_duration, &a->duration_s, err)) {
		return err->code;
	}
	if (cli_opt(args, "treadmill")) {
		a->treadmill = true;
	}
	apply_text(args, "name", &a->name);
	apply_text(args, "note", &a->note);
	return apply_gear(cli, args, a, err);
}

/* What log and edit write: the activity, and the profile its load is
 * computed from. */
struct log_write {
	struct activity *a;
	const struct athlete *profile;
};

static enum err_code add_activity(struct store *s, void *ctx, struct err *err)
{
	struct log_write *w = ctx;

	return logbook_activity_add(s, w->profile, w->a, err);
}

/* Any change may change the load (the sport, the time, the heart rate),
 * so an edited activity always has it computed again. */
static enum err_code update_activity(struct store *s, void *ctx, struct err *err)
{
	struct log_write *w = ctx;

	return logbook_activity_update(s, w->profile, w->a, err);
}

static int report(struct cli *cli, const struct activity *a, const char *verb)
{
	struct strbuf sb = STRBUF_INIT;

	if (cli->json) {
		out_json(render_json_activity(a));
		return EXIT_OK;
	}
	strbuf_addf(&sb, "%s %lld: ", verb, (long long)a->id);
	render_activity_line(&sb, a, cli->profile.units);
	strbuf_addch(&sb, '\n');
	out_buf(&sb);
	strbuf_release(&sb);
	return EXIT_OK;
}

/* Where the activity just stored breaks one of the advisor's massage
 * rules (advice/warn.h), e.g. intervals the day after a deep-tissue
 * massage: for cli_warn_rules. */
static void check_activity(const struct advice_context *ctx, const void *a, struct advice_list *out)
{
	warn_activity(ctx, a, out);
}

int cmd_log(struct cli *cli, const struct cli_args *args)
{
	struct activity a;
	struct log_write w = { &a, &cli->profile };
	struct err err = ERR_INIT;
	int rc;

	activity_init(&a);
	a.athlete_id = ATHLETE_DEFAULT;
	if (cli_profile(cli, &err) || sport_parse(args->pos[0], &a.sport, &err) ||
	    apply_figures(&a, args->pos + 1, args->n_pos - 1, &err) ||
	    apply_options(cli, args, &a, &err) || activity_validate(&a, &err) ||
	    cli_transaction(cli, add_activity, &w, &err)) {
		rc = cli_fail(cli, &err);
	} else {
		rc = report(cli, &a, "logged");
		cli_warn_rules(cli, check_activity, &a);
	}
	activity_release(&a);
	return rc;
}

/* Parse an activity id argument. */
enum err_code cli_activity_id(const char *arg, int64_t *id, struct err *err)
{
	long v;

	if (parse_int(arg, 1, 0x7fffffffffffffffL, &v, NULL)) {
		return err_set(err, ERR_INPUT, "'%s' is not an activity id (see 'knead list')",
		               arg);
	}
	*id = v;
	return ERR_OK;
}

int cmd_edit(struct cli *cli, const struct cli_args *args)
{
	struct activity a;
	struct log_write w = { &a, &cli->profile };
	struct err err = ERR_INIT;
	int64_t id = 0;
	const char *sport = cli_opt(args, "sport");
	int rc;

	activity_init(&a);
	if (cli_activity_id(args->pos[0], &id, &err) || cli_profile(cli, &err) ||
	    cli_store(cli, STORE_READ, &err) ||
	    store_activity_get(cli->store, ATHLETE_DEFAULT, id, &a, &err)) {
		rc = cli_fail(cli, &err);
		goto done;
	}
	if ((sport && sport_parse(sport, &a.sport, &err)) ||
	    apply_figures(&a, args->pos + 1, args->n_pos - 1, &err) ||
	    apply_options(cli, args, &a, &err)) {
		rc = cli_fail(cli, &err);
		goto done;
	}
	if (cli_opt(args, "outdoor")) {
		if (cli_opt(args, "treadmill")) {
			err_set(&err, ERR_INPUT, "--treadmill and --outdoor contradict each other");
			rc = cli_fail(cli, &err);
			goto done;
		}
		a.treadmill = false;
	}
	if (activity_validate(&a, &err) || cli_transaction(cli, update_activity, &w, &err)) {
		rc = cli_fail(cli, &err);
		goto done;
	}
	rc = report(cli, &a, "edited");
done:
	activity_release(&a);
	return rc;
}
