/*
 * cmd_race.c: knead race add | list | result | status, and knead predict.
 *
 * A race is picked by id, name or a unique start of its name. Recording
 * a result marks the race done and links the activity that was the race:
 * the one given with --activity, or else the run on the race's day whose
 * distance is closest to the race's. Predictions come from the best
 * efforts of the last weeks (analysis/efforts.h) through Riegel's and
 * Daniels' models (analysis/predict.h), gathered by
 * advice/race_predict.h; this file parses and prints.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "advice/race_predict.h"
#include "analysis/efforts.h"
#include "analysis/predict.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json.h"
#include "render/json_race.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_activity.h"
#include "store/store_race.h"

/* A linked activity whose time is further than this from the result is
 * worth a word: perhaps the watch ran on after the finish, or the wrong
 * run was linked. */
#define LINK_TIME_TOLERANCE 0.10

/* How many days an activity may lie from the race's day and still be the
 * race: time zones and midnight starts put some a day off. */
#define LINK_MAX_DAYS 1

static enum err_code update_race(struct store *s, void *r, struct err *err)
{
	return store_race_update(s, r, err);
}

static enum err_code add_race(struct store *s, void *r, struct err *err)
{
	return store_race_add(s, r, err);
}

/* "in 95 days", "tomorrow", "today". */
static void add_days_to_go(struct strbuf *sb, int32_t days)
{
	if (days == 0) {
		strbuf_adds(sb, "today");
	} else if (days == 1) {
		strbuf_adds(sb, "tomorrow");
	} else {
		strbuf_addf(sb, "in %d days", (int)days);
	}
}

/* "Phoenix Marathon, Sat 2027-02-27, 42.20 km, A, net-downhill,
 * registered, goal 3:45:00, result 3:41:07". */
static void add_race_line(struct strbuf *sb, const struct race *r, enum units u)
{
	strbuf_addf(sb, "%s, ", r->name);
	render_day(sb, r->date);
	strbuf_adds(sb, ", ");
	units_add_distance(sb, r->distance_m, u);
	strbuf_addf(sb, ", %s", race_priority_name(r->priority));
	if (r->terrain != RACE_TERRAIN_UNKNOWN) {
		strbuf_addf(sb, ", %s", race_terrain_name(r->terrain));
	}
	strbuf_addf(sb, ", %s", race_status_name(r->status));
	if (!isnan(r->goal_s)) {
		strbuf_adds(sb, ", goal ");
		units_add_duration(sb, r->goal_s);
	}
	if (!isnan(r->result_s)) {
		strbuf_adds(sb, ", result ");
		units_add_duration(sb, r->result_s);
		strbuf_adds(sb, " (");
		units_add_pace(sb, r->result_s / r->distance_m, u);
		strbuf_addch(sb, ')');
	}
}

/* A race run, or given up, has happened: its day cannot be ahead. */
static enum err_code refuse_future(const struct cli *cli, const struct race *r, const char *what,
                                   struct err *err)
{
	struct strbuf day = STRBUF_INIT;
	enum err_code rc;

	if (r->date <= cli->today) {
		return ERR_OK;
	}
	render_day(&day, r->date);
	rc = err_set(err, ERR_INPUT, "race '%s' is on %s, %d day%s from now: %s", r->name, day.buf,
	             (int)(r->date - cli->today), r->date - cli->today == 1 ? "" : "s", what);
	strbuf_release(&day);
	return rc;
}

static enum err_code parse_add_options(struct cli *cli, const struct cli_args *args, struct race *r,
                                       struct err *err)
{
	const char *priority = cli_opt(args, "priority"), *terrain = cli_opt(args, "terrain");
	const char *status = cli_opt(args, "status"), *goal = cli_opt(args, "goal");
	const char *note = cli_opt(args, "note");

	if (parse_date(args->pos[1], cli->today, &r->date, err)) {
		return err_prefix(err, "race day");
	}
	if (parse_distance(args->pos[2], &r->distance_m, err)) {
		return err_prefix(err, "race distance");
	}
	if (priority && race_priority_parse(priority, &r->priority, err)) {
		return err_prefix(err, "--priority");
	}
	if (terrain && race_terrain_parse(terrain, &r->terrain, err)) {
		return err_prefix(err, "--terrain");
	}
	if (status && race_status_parse(status, &r->status, err)) {
		return err_prefix(err, "--status");
	}
	if (goal && parse_duration(goal, &r->goal_s, err)) {
		return err_prefix(err, "--goal");
	}
	if (note && *note) {
		r->note = xstrdup(note);
	}
	if (!race_is_upcoming(r) &&
	    refuse_future(cli, r, "it cannot be done, dns or dnf yet", err)) {
		return err->code;
	}
	return race_validate(r, err);
}

static int report_race(struct cli *cli, const struct race *r, const char *verb)
{
	struct strbuf sb = STRBUF_INIT;

	if (cli->json) {
		out_json(render_json_race(r, cli->today));
		return EXIT_OK;
	}
	strbuf_addf(&sb, "%s race %lld: ", verb, (long long)r->id);
	add_race_line(&sb, r, cli->profile.units);
	if (race_is_upcoming(r) && r->date >= cli->today) {
		strbuf_adds(&sb, ", ");
		add_days_to_go(&sb, r->date - cli->today);
	}
	strbuf_addch(&sb, '\n');
	out_buf(&sb);
	strbuf_release(&sb);
	return EXIT_OK;
}

int cmd_race_add(struct cli *cli, const struct cli_args *args)
{
	struct race r;
	struct err err = ERR_INIT;
	enum err_code rc;
	int status;

	race_init(&r);
	r.athlete_id = ATHLETE_DEFAULT;
	r.name = xstrdup(args->pos[0]);
	rc = cli_profile(cli, &err);
	if (!rc) {
		rc = parse_add_options(cli, args, &r, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, add_race, &r, &err);
	}
	status = rc ? cli_fail(cli, &err) : report_race(cli, &r, "added");
	race_release(&r);
	return status;
}

/* The "to go" column: days to an upcoming race, "passed" for one whose day
 * went by without a result or a status. */
static void add_to_go(struct strbuf *sb, const struct race *r, int32_t today)
{
	if (!race_is_upcoming(r)) {
		return;
	}
	if (r->date >= today) {
		add_days_to_go(sb, r->date - today);
	} else {
		strbuf_adds(sb, "passed");
	}
}

int cmd_race_list(struct cli *cli, const struct cli_args *args)
{
	struct race_list list = RACE_LIST_INIT;
	struct err err = ERR_INIT;
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	int32_t from, to;
	enum units u;
	struct table *t;

	if (cli_profile(cli, &err) || cli_range(cli, args, &from, &to, &err) ||
	    cli_store(cli, STORE_READ, &err) ||
	    store_race_list(cli->store, ATHLETE_DEFAULT, from, to, &list, &err)) {
		race_list_release(&list);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		out_json(render_json_race_list(&list, cli->today));
		race_list_release(&list);
		return EXIT_OK;
	}
	if (list.n_races == 0) {
		fputs(from == DATE_NONE && to == DATE_NONE
		              ? "no races (add one with 'knead race add NAME DATE DISTANCE')\n"
		              : "no races in that range\n",
		      stdout);
		race_list_release(&list);
		return EXIT_OK;
	}
	u = cli->profile.units;
	t = table_new();
	table_column(t, "id", TABLE_RIGHT, 0);
	table_column(t, "date", TABLE_LEFT, 0);
	table_column(t, "name", TABLE_LEFT, 40);
	table_column(t, "distance", TABLE_RIGHT, 0);
	table_column(t, "pri", TABLE_LEFT, 0);
	table_column(t, "terrain", TABLE_LEFT, 0);
	table_column(t, "status", TABLE_LEFT, 0);
	table_column(t, "goal", TABLE_RIGHT, 0);
	table_column(t, "result", TABLE_RIGHT, 0);
	table_column(t, "pace", TABLE_RIGHT, 0);
	table_column(t, "activity", TABLE_RIGHT, 0);
	table_column(t, "to go", TABLE_LEFT, 0);
	for (size_t i = 0; i < list.n_races; i++) {
		const struct race *r = &list.races[i];

		table_cellf(t, "%lld", (long long)r->id);
		render_day(&sb, r->date);
		table_cell_take(t, &sb);
		table_cell(t, r->name);
		units_add_distance(&sb, r->distance_m, u);
		table_cell_take(t, &sb);
		table_cell(t, race_priority_name(r->priority));
		table_cell(t, race_terrain_name(r->terrain));
		table_cell(t, race_status_name(r->status));
		if (!isnan(r->goal_s)) {
			units_add_duration(&sb, r->goal_s);
		}
		table_cell_take(t, &sb);
		if (!isnan(r->result_s)) {
			units_add_duration(&sb, r->result_s);
			table_cell_take(t, &sb);
			units_add_pace(&sb, r->result_s / r->distance_m, u);
		} else {
			table_cell(t, NULL);
		}
		table_cell_take(t, &sb);
		if (r->activity_id) {
			table_cellf(t, "%lld", (long long)r->activity_id);
		} else {
			table_cell(t, NULL);
		}
		add_to_go(&sb, r, cli->today);
		table_cell_take(t, &sb);
	}
	table_render(t, &out, out_color_stdout());
	out_buf(&out);
	table_free(t);
	strbuf_release(&out);
	strbuf_release(&sb);
	race_list_release(&list);
	return EXIT_OK;
}

/* How the result's activity was settled, for the report. */
enum link {
	LINK_NONE,  /* no activity: none given, none found */
	LINK_GIVEN, /* --activity */
	LINK_FOUND, /* the closest run on the race's day */
	LINK_KEPT,  /* the race already had one */
};

static const char *const link_names[] = { "none", "given", "found", "kept" };

/* Whether activity id is already the result of a race other than r. */
static bool linked_elsewhere(const struct race_list *races, const struct race *r, int64_t id)
{
	for (size_t i = 0; i < races->n_races; i++) {
		if (races->races[i].id != r->id && races->races[i].activity_id == id) {
			return true;
		}
	}
	return false;
}

/* The activity on foot on r's day whose distance is closest to r's (one
 * without a distance only when none has one), not already another race's;
 * its index in acts, or -1. */
static long closest_run(const struct activity_list *acts, const struct race_list *races,
                        const struct race *r)
{
	long best = -1;
	double best_gap = (double)INFINITY;

	for (size_t i = 0; i < acts->n_activities; i++) {
		const struct activity *a = &acts->activities[i];
		double gap = isnan(a->distance_m) ? HUGE_VAL : fabs(a->distance_m - r->distance_m);

		if (sport_pace(a->sport) != SPORT_PACE_FOOT || a->date != r->date ||
		    linked_elsewhere(races, r, a->id)) {
			continue;
		}
		if (best < 0 || gap < best_gap) {
			best = (long)i;
			best_gap = gap;
		}
	}
	return best;
}

/* Settle r's activity: the one given (which must be on foot, near the
 * race's day, and no other race's), the one it had, or the closest run
 * found on the day. *a gets the activity (initialised here). */
static enum err_code settle_link(struct cli *cli, const char *given, struct race *r,
                                 struct activity *a, enum link *how, struct err *err)
{
	struct race_list races = RACE_LIST_INIT;
	struct activity_list acts = ACTIVITY_LIST_INIT;
	struct activity_query q;
	enum err_code rc;
	int64_t id = 0;

	activity_init(a);
	*how = LINK_NONE;
	rc = store_race_list(cli->store, ATHLETE_DEFAULT, DATE_NONE, DATE_NONE, &races, err);
	if (!rc && given) {
		rc = cli_activity_id(given, &id, err);
		if (rc) {
			err_prefix(err, "--activity");
		}
	} else if (!rc && r->activity_id) {
		id = r->activity_id;
		*how = LINK_KEPT;
	}
	if (!rc && id) {
		rc = store_activity_get(cli->store, ATHLETE_DEFAULT, id, a, err);
		if (rc == ERR_NOT_FOUND && given) {
			err->code = rc = ERR_INPUT;
		}
	}
	if (!rc && id && given) {
		struct strbuf d1 = STRBUF_INIT, d2 = STRBUF_INIT;

		render_day(&d1, a->date);
		render_day(&d2, r->date);
		if (sport_pace(a->sport) != SPORT_PACE_FOOT) {
			rc = err_set(err, ERR_INPUT,
			             "--activity: activity %lld is a %s, not a race on foot",
			             (long long)id, sport_name(a->sport));
		} else if (abs(a->date - r->date) > LINK_MAX_DAYS) {
			rc = err_set(
			        err, ERR_INPUT,
			        "--activity: activity %lld is on %s, not on the race's day (%s)",
			        (long long)id, d1.buf, d2.buf);
		} else if (linked_elsewhere(&races, r, id)) {
			rc = err_set(err, ERR_INPUT,
			             "--activity: activity %lld is already another race's result",
			             (long long)id);
		}
		strbuf_release(&d1);
		strbuf_release(&d2);
		*how = LINK_GIVEN;
	}
	if (!rc && !id) {
		long pick;

		activity_query_init(&q, ATHLETE_DEFAULT);
		q.from = q.to = r->date;
		rc = store_activity_list(cli->store, &q, &acts, err);
		pick = rc ? -1 : closest_run(&acts, &races, r);
		if (pick >= 0) {
			*a = acts.activities[pick];
			activity_init(&acts.activities[pick]);
			*how = LINK_FOUND;
		}
	}
	if (!rc) {
		r->activity_id = *how == LINK_NONE ? 0 : a->id;
	}
	activity_list_release(&acts);
	race_list_release(&races);
	return rc;
}

static int report_result(struct cli *cli, const struct race *r, const struct activity *a,
                         enum link how, double previous_s)
{
	struct strbuf sb = STRBUF_INIT;
	enum units u = cli->profile.units;

	if (cli->json) {
		json_t *o = render_json_race(r, cli->today);

		json_object_set_new(o, "link", json_string(link_names[how]));
		out_json(o);
		return EXIT_OK;
	}
	strbuf_addf(&sb, "race %lld: ", (long long)r->id);
	add_race_line(&sb, r, u);
	strbuf_addch(&sb, '\n');
	if (!isnan(previous_s) && previous_s != r->result_s) {
		strbuf_adds(&sb, "replaced the result ");
		units_add_duration(&sb, previous_s);
		strbuf_addch(&sb, '\n');
	}
	if (how == LINK_NONE) {
		strbuf_adds(&sb, "no run on ");
		render_day(&sb, r->date);
		strbuf_adds(&sb, " to link (add one later with --activity ID)\n");
	} else {
		strbuf_addf(&sb, "%s activity %lld: ",
		            how == LINK_FOUND  ? "linked the closest run on the day,"
		            : how == LINK_KEPT ? "still linked to"
		                               : "linked to",
		            (long long)a->id);
		render_activity_line(&sb, a, u);
		strbuf_addch(&sb, '\n');
	}
	out_buf(&sb);
	strbuf_release(&sb);
	return EXIT_OK;
}

/* Say so when the linked activity's time is far from the result. */
static void check_link_time(const struct cli *cli, const struct race *r, const struct activity *a)
{
	double t = isfinite(a->duration_s) ? a->duration_s : a->moving_s;
	struct strbuf at = STRBUF_INIT, rt = STRBUF_INIT;

	if (!isfinite(t) || fabs(t - r->result_s) <= LINK_TIME_TOLERANCE * r->result_s) {
		return;
	}
	units_add_duration(&at, t);
	units_add_duration(&rt, r->result_s);
	out_warning(cli->name.buf, "activity %lld took %s but the result is %s; is it the race?",
	            (long long)a->id, at.buf, rt.buf);
	strbuf_release(&at);
	strbuf_release(&rt);
}

int cmd_race_result(struct cli *cli, const struct cli_args *args)
{
	struct race r;
	struct activity a;
	struct err err = ERR_INIT;
	enum link how = LINK_NONE;
	double previous_s = (double)NAN, t = (double)NAN;
	enum err_code rc;
	int status;

	race_init(&r);
	activity_init(&a);
	rc = cli_profile(cli, &err);
	if (!rc && parse_duration(args->pos[1], &t, &err)) {
		rc = err_prefix(&err, "result time");
	}
	if (!rc) {
		rc = cli_find_race(cli, args->pos[0], &r, &err);
	}
	if (!rc) {
		rc = refuse_future(cli, &r, "record its result once it is run", &err);
	}
	if (!rc) {
		previous_s = r.result_s;
		r.status = RACE_DONE;
		r.result_s = t;
		rc = race_validate(&r, &err);
	}
	if (!rc) {
		rc = settle_link(cli, cli_opt(args, "activity"), &r, &a, &how, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, update_race, &r, &err);
	}
	if (rc) {
		status = cli_fail(cli, &err);
	} else {
		if (how != LINK_NONE) {
			check_link_time(cli, &r, &a);
		}
		status = report_result(cli, &r, &a, how, previous_s);
	}
	activity_release(&a);
	race_release(&r);
	return status;
}

int cmd_race_status(struct cli *cli, const struct cli_args *args)
{
	struct race r;
	struct err err = ERR_INIT;
	struct strbuf notes = STRBUF_INIT;
	enum race_status was = RACE_REGISTERED, now = RACE_REGISTERED;
	enum err_code rc;
	int status;

	race_init(&r);
	rc = cli_profile(cli, &err);
	if (!rc && race_status_parse(args->pos[1], &now, &err)) {
		rc = err_prefix(&err, "status");
	}
	if (!rc) {
		rc = cli_find_race(cli, args->pos[0], &r, &err);
	}
	if (!rc && now != RACE_CONSIDERING && now != RACE_REGISTERED) {
		rc = refuse_future(cli, &r, "it cannot be done, dns or dnf yet", &err);
	}
	if (!rc) {
		was = r.status;
		r.status = now;
		/* what the new status cannot hold goes, and the runner is told */
		if (now != RACE_DONE && !isnan(r.result_s)) {
			strbuf_adds(&notes, "dropped the result ");
			units_add_duration(&notes, r.result_s);
			strbuf_addch(&notes, '\n');
			r.result_s = (double)NAN;
		}
		if (now != RACE_DONE && now != RACE_DNF && r.activity_id) {
			strbuf_addf(&notes, "unlinked activity %lld\n", (long long)r.activity_id);
			r.activity_id = 0;
		}
		if (now == RACE_DONE && isnan(r.result_s)) {
			strbuf_addf(&notes, "record the time with 'knead race result %lld TIME'\n",
			            (long long)r.id);
		}
		rc = race_validate(&r, &err);
	}
	if (!rc) {
		rc = cli_transaction(cli, update_race, &r, &err);
	}
	if (rc) {
		status = cli_fail(cli, &err);
	} else if (cli->json) {
		json_t *o = render_json_race(&r, cli->today);

		json_object_set_new(o, "was", json_string(race_status_name(was)));
		out_json(o);
		status = EXIT_OK;
	} else {
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "race %lld: %s, %s (was %s)\n", (long long)r.id, r.name,
		            race_status_name(now), race_status_name(was));
		strbuf_add(&sb, notes.buf, notes.len);
		out_buf(&sb);
		strbuf_release(&sb);
		status = EXIT_OK;
	}
	strbuf_release(&notes);
	race_release(&r);
	return status;
}

/* ---- predict ---- */

/* The efforts table; with est (n of them, for one target), two more
 * columns give what each effort predicts for it. */
static void add_efforts_table(struct strbuf *out, const struct cli *cli,
                              const struct effort_list *best, const struct predict_estimate *est,
                              bool *flagged)
{
	enum units u = cli->profile.units;
	struct strbuf sb = STRBUF_INIT;
	struct table *t = table_new();

	table_column(t, "#", TABLE_RIGHT, 0);
	table_column(t, "date", TABLE_LEFT, 0);
	table_column(t, "activity", TABLE_RIGHT, 0);
	table_column(t, "distance", TABLE_RIGHT, 0);
	table_column(t, "time", TABLE_RIGHT, 0);
	table_column(t, "pace", TABLE_RIGHT, 0);
	table_column(t, "VDOT", TABLE_RIGHT, 0);
	if (est) {
		table_column(t, "Riegel", TABLE_RIGHT, 0);
		table_column(t, "by VDOT", TABLE_RIGHT, 0);
	}
	table_column(t, "from", TABLE_LEFT, 0);
	for (size_t i = 0; i < best->n_efforts; i++) {
		const struct effort *e = &best->efforts[i];
		bool in = predict_effort_in_range(e->e.time_s);

		table_cellf(t, "%zu", i + 1);
		render_day(&sb, e->e.day);
		table_cell_take(t, &sb);
		if (e->e.activity_id) {
			table_cellf(t, "%lld", (long long)e->e.activity_id);
		} else {
			table_cell(t, NULL);
		}
		units_add_distance(&sb, e->e.distance_m, u);
		table_cell_take(t, &sb);
		units_add_duration(&sb, e->e.time_s);
		if (!in) {
			strbuf_addch(&sb, '*');
			*flagged = true;
		}
		table_cell_take(t, &sb);
		units_add_pace(&sb, e->e.time_s / e->e.distance_m, u);
		table_cell_take(t, &sb);
		table_cellf(t, "%.1f", e->vdot);
		if (est) {
			units_add_duration(&sb, est[i].riegel_s);
			table_cell_take(t, &sb);
			units_add_duration(&sb, est[i].vdot_s);
			table_cell_take(t, &sb);
		}
		render_effort_source(&sb, e);
		table_cell_take(t, &sb);
	}
	table_render(t, out, out_color_stdout());
	table_free(t);
	strbuf_release(&sb);
}

/* "10k (10.00 km)" or just "8.00 km" for an unnamed distance. */
static void add_target(struct strbuf *sb, const char *name, double distance_m, enum units u)
{
	if (name) {
		strbuf_addf(sb, "%s (", name);
	}
	units_add_distance(sb, distance_m, u);
	if (name) {
		strbuf_addch(sb, ')');
	}
}

static void add_range_notes(struct strbuf *out, bool effort_flag, bool target_flag)
{
	if (effort_flag) {
		strbuf_adds(out,
		            "* shorter than 3.5 or longer than 230 minutes, the efforts Riegel "
		            "and VDOT were fitted on: shown, but not chosen\n");
	}
	if (target_flag) {
		strbuf_adds(out, "~ the predicted time lies outside those 3.5 to 230 minutes: "
		                 "an extrapolation, take it loosely\n");
	}
}

/* A predicted time, marked '~' (and *flagged set) when the prediction
 * lies outside the models' range. */
static void add_predicted(struct strbuf *sb, double t, const struct predict_result *r,
                          bool *flagged)
{
	units_add_duration(sb, t);
	if (!r->target_in_range) {
		strbuf_addch(sb, '~');
		*flagged = true;
	}
}

static void print_predictions(const struct cli *cli, const struct effort_list *best,
                              const char *const *names, const double *targets, size_t n_targets,
                              const struct predict_result *res, const struct predict_estimate *est,
                              int weeks, int32_t from)
{
	enum units u = cli->profile.units;
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;
	bool effort_flag = false, target_flag = false;

	strbuf_addf(&out, "Best efforts of the last %d weeks (since ", weeks);
	render_day(&out, from);
	strbuf_adds(&out, "):\n\n");
	if (n_targets == 1) {
		const struct predict_result *r = &res[0];

		add_efforts_table(&out, cli, best, est, &effort_flag);
		strbuf_addch(&out, '\n');
		add_target(&out, names[0], targets[0], u);
		if (r->from == PREDICT_NONE) {
			strbuf_adds(&out, ": no effort in range to predict from\n");
		} else {
			strbuf_adds(&out, ": ");
			add_predicted(&out, r->riegel_s, r, &target_flag);
			strbuf_adds(&out, " by Riegel, ");
			add_predicted(&out, r->vdot_s, r, &target_flag);
			strbuf_addf(&out, " by VDOT, from effort %zu (VDOT %.1f)\n", r->from + 1,
			            r->vdot);
		}
	} else {
		struct table *t = table_new();

		table_column(t, "distance", TABLE_LEFT, 0);
		table_column(t, "Riegel", TABLE_RIGHT, 0);
		table_column(t, "by VDOT", TABLE_RIGHT, 0);
		table_column(t, "pace", TABLE_RIGHT, 0);
		table_column(t, "from", TABLE_LEFT, 0);
		for (size_t k = 0; k < n_targets; k++) {
			const struct predict_result *r = &res[k];

			add_target(&sb, names[k], targets[k], u);
			table_cell_take(t, &sb);
			if (r->from == PREDICT_NONE) {
				table_cell(t, "?");
				table_cell(t, "?");
				table_cell(t, NULL);
				table_cell(t, "no effort in range");
				continue;
			}
			add_predicted(&sb, r->riegel_s, r, &target_flag);
			table_cell_take(t, &sb);
			add_predicted(&sb, r->vdot_s, r, &target_flag);
			table_cell_take(t, &sb);
			units_add_pace(&sb, r->vdot_s / targets[k], u);
			table_cell_take(t, &sb);
			strbuf_addf(&sb, "effort %zu (VDOT %.1f)", r->from + 1, r->vdot);
			table_cell_take(t, &sb);
		}
		table_render(t, &out, out_color_stdout());
		table_free(t);
		strbuf_adds(&out, "\nEfforts:\n");
		add_efforts_table(&out, cli, best, NULL, &effort_flag);
	}
	add_range_notes(&out, effort_flag, target_flag);
	out_buf(&out);
	strbuf_release(&out);
	strbuf_release(&sb);
}

int cmd_predict(struct cli *cli, const struct cli_args *args)
{
	struct race_prediction p;
	struct err err = ERR_INIT;
	const char *weeks_opt = cli_opt(args, "weeks");
	const char *name = NULL;
	double distance_m = 0;
	long weeks = RACE_PREDICT_DEFAULT_WEEKS;
	int status = EXIT_OK;
	enum err_code rc = ERR_OK;

	memset(&p, 0, sizeof(p));
	if (args->n_pos == 1) {
		name = args->pos[0];
		if (parse_distance(args->pos[0], &distance_m, &err)) {
			rc = err_prefix(&err, "distance");
		}
	}
	if (!rc && weeks_opt && parse_int(weeks_opt, 1, RACE_PREDICT_MAX_WEEKS, &weeks, &err)) {
		rc = err_prefix(&err, "--weeks");
	}
	if (!rc) {
		rc = cli_profile(cli, &err);
	}
	if (!rc) {
		rc = cli_store(cli, STORE_READ, &err);
	}
	if (!rc) {
		rc = race_predict_make(cli->store, ATHLETE_DEFAULT, cli->today, (int)weeks, name,
		                       distance_m, &p, &err);
	}
	for (size_t i = 0; i < p.n_skipped; i++) {
		out_warning(cli->name.buf, "activity %lld: %s; using its totals only",
		            (long long)p.skipped[i].activity_id, p.skipped[i].message);
	}
	if (rc) {
		status = cli_fail(cli, &err);
		goto done;
	}
	if (p.best.n_efforts == 0) {
		struct strbuf day = STRBUF_INIT;

		render_day(&day, p.from);
		out_error(cli->name.buf,
		          "no efforts in the last %ld weeks (since %s): predictions need a race "
		          "result or an outdoor run of a standard distance (mile, 5k, 10k, 15k, "
		          "10mi, half, marathon); try a longer --weeks",
		          weeks, day.buf);
		strbuf_release(&day);
		status = EXIT_FAIL;
		goto done;
	}
	if (cli->json) {
		out_json(render_json_race_prediction(&p));
	} else {
		print_predictions(cli, &p.best, p.names, p.targets, p.n_targets, p.res, p.est,
		                  (int)weeks, p.from);
	}
done:
	race_prediction_release(&p);
	return status;
}
