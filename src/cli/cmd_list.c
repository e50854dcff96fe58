/*
 * cmd_list.c: knead list and knead show, the two views of the log.
 *
 * list prints the activities in diary order, then totals per sport;
 * show prints one activity in full.
 */
#include <math.h>
#include <string.h>

#include "advice/listing.h"
#include "base/date.h"
#include "base/tz.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json_activity.h"
#include "render/table.h"
#include "render/text.h"
#include "store/store_activity.h"
#include "store/store_race.h"
#include "store/store_recording.h"

/* Column widths beyond which text is cut with "…". */
#define LIST_GEAR_WIDTH 18
#define LIST_NOTE_WIDTH 40

static enum err_code build_query(struct cli *cli, const struct cli_args *args,
                                 struct activity_query *q, struct err *err)
{
	struct listing_filter f = { cli_opt(args, "from"), cli_opt(args, "to"),
		                    cli_opt(args, "sport"), cli_opt(args, "gear"),
		                    cli_opt(args, "last") };

	return listing_query(cli->store, ATHLETE_DEFAULT, cli->today, &f, "--", q, err);
}

static void add_activity_row(struct table *t, const struct activity *a, enum units u)
{
	struct strbuf sb = STRBUF_INIT;

	table_cellf(t, "%lld", (long long)a->id);
	render_day(&sb, a->date);
	table_cell_take(t, &sb);
	render_start_clock(&sb, a);
	table_cell_take(t, &sb);
	render_sport(&sb, a);
	table_cell_take(t, &sb);
	if (!isnan(a->distance_m)) {
		units_add_distance(&sb, a->distance_m, u);
	}
	table_cell_take(t, &sb);
	if (!isnan(activity_time_s(a))) {
		units_add_duration(&sb, activity_time_s(a));
	}
	table_cell_take(t, &sb);
	render_pace(&sb, a, u);
	table_cell_take(t, &sb);
	if (a->rpe) {
		table_cellf(t, "%d", a->rpe);
	} else {
		table_cell(t, NULL);
	}
	if (a->hr_avg) {
		table_cellf(t, "%d", a->hr_avg);
	} else {
		table_cell(t, NULL);
	}
	table_cell(t, a->gear);
	if (a->name && a->note) {
		table_cellf(t, "%s: %s", a->name, a->note);
	} else {
		table_cell(t, a->name ? a->name : a->note);
	}
	strbuf_release(&sb);
}

static void add_totals_row(struct table *t, const char *label, const struct activity_totals *tot,
                           enum units u)
{
	struct strbuf sb = STRBUF_INIT;

	table_cell(t, label);
	table_cellf(t, "%d", tot->count);
	if (tot->distance_m > 0) {
		units_add_distance(&sb, tot->distance_m, u);
	}
	table_cell_take(t, &sb);
	if (tot->time_s > 0) {
		units_add_duration(&sb, tot->time_s);
	}
	table_cell_take(t, &sb);
	strbuf_release(&sb);
}

static void print_list(const struct activity_list *list, const struct activity_summary *sum,
                       enum units u)
{
	struct table *t = table_new();
	struct strbuf out = STRBUF_INIT;
	bool bold = out_color_stdout();

	table_column(t, "id", TABLE_RIGHT, 0);
	table_column(t, "date", TABLE_LEFT, 0);
	table_column(t, "start", TABLE_LEFT, 0);
	table_column(t, "sport", TABLE_LEFT, 0);
	table_column(t, "distance", TABLE_RIGHT, 0);
	table_column(t, "time", TABLE_RIGHT, 0);
	table_column(t, "pace", TABLE_RIGHT, 0);
	table_column(t, "rpe", TABLE_RIGHT, 0);
	table_column(t, "hr", TABLE_RIGHT, 0);
	table_column(t, "gear", TABLE_LEFT, LIST_GEAR_WIDTH);
	table_column(t, "note", TABLE_LEFT, LIST_NOTE_WIDTH);
	for (size_t i = 0; i < list->n_activities; i++) {
		add_activity_row(t, &list->activities[i], u);
	}
	table_render(t, &out, bold);
	table_free(t);

	t = table_new();
	table_column(t, "totals", TABLE_LEFT, 0);
	table_column(t, "count", TABLE_RIGHT, 0);
	table_column(t, "distance", TABLE_RIGHT, 0);
	table_column(t, "time", TABLE_RIGHT, 0);
	for (int s = 0; s < SPORT_COUNT; s++) {
		if (sum->by_sport[s].count) {
			add_totals_row(t, sport_name((enum sport)s), &sum->by_sport[s], u);
		}
	}
	table_gap(t);
	add_totals_row(t, "all", &sum->all, u);
	strbuf_addch(&out, '\n');
	table_render(t, &out, bold);
	table_free(t);
	out_buf(&out);
	strbuf_release(&out);
}

int cmd_list(struct cli *cli, const struct cli_args *args)
{
	struct activity_list list = ACTIVITY_LIST_INIT;
	struct activity_summary sum;
	struct activity_query q;
	struct err err = ERR_INIT;
	enum err_code rc;

	rc = cli_profile(cli, &err);
	if (!rc) {
		rc = cli_store(cli, STORE_READ, &err);
	}
	if (!rc) {
		rc = build_query(cli, args, &q, &err);
	}
	if (!rc) {
		rc = store_activity_list(cli->store, &q, &list, &err);
	}
	if (rc) {
		activity_list_release(&list);
		return cli_fail(cli, &err);
	}
	activity_summary_init(&sum);
	for (size_t i = 0; i < list.n_activities; i++) {
		activity_summary_add(&sum, &list.activities[i]);
	}
	if (cli->json) {
		out_json(render_json_activity_list(&list));
	} else if (list.n_activities == 0) {
		fputs("no activities\n", stdout);
	} else {
		print_list(&list, &sum, cli->profile.units);
	}
	activity_list_release(&list);
	return EXIT_OK;
}

/* One "label  value" line of show, skipped when value is empty. */
static void field(struct strbuf *out, const char *label, const struct strbuf *value)
{
	if (value->len) {
		strbuf_addf(out, "  %-10s%s\n", label, value->buf);
	}
}

static void print_activity(const struct activity *a, const struct race *race, enum units u)
{
	struct strbuf out = STRBUF_INIT, v = STRBUF_INIT;

	strbuf_addf(&out, "%sactivity %lld%s  ", out_sgr("\033[1m"), (long long)a->id,
	            out_sgr("\033[0m"));
	render_sport(&out, a);
	strbuf_addch(&out, '\n');
	if (a->name) {
		strbuf_addf(&out, "  %s\n", a->name);
	}
	render_day(&v, a->date);
	if (a->has_start) {
		int32_t off = a->utc_offset < 0 ? -a->utc_offset : a->utc_offset;

		strbuf_adds(&v, ", ");
		render_start_clock(&v, a);
		strbuf_addf(&v, " (UTC%c%02d:%02d)", a->utc_offset < 0 ? '-' : '+', off / 3600,
		            off / 60 % 60);
	}
	field(&out, "date", &v);
	strbuf_reset(&v);
	if (!isnan(a->distance_m)) {
		units_add_distance(&v, a->distance_m, u);
	}
	field(&out, "distance", &v);
	strbuf_reset(&v);
	render_activity_time(&v, a);
	field(&out, "time", &v);
	strbuf_reset(&v);
	render_pace(&v, a, u);
	field(&out, "pace", &v);
	strbuf_reset(&v);
	if (!isnan(a->ascent_m) || !isnan(a->descent_m)) {
		strbuf_addf(&v, "+%.0f m / -%.0f m", isnan(a->ascent_m) ? 0 : a->ascent_m,
		            isnan(a->descent_m) ? 0 : a->descent_m);
	}
	field(&out, "climb", &v);
	strbuf_reset(&v);
	if (a->rpe) {
		strbuf_addf(&v, "%d of 10", a->rpe);
	}
	field(&out, "effort", &v);
	strbuf_reset(&v);
	if (a->hr_avg) {
		strbuf_addf(&v, "avg %d", a->hr_avg);
	}
	if (a->hr_max) {
		strbuf_addf(&v, "%smax %d", v.len ? ", " : "", a->hr_max);
	}
	field(&out, "heart", &v);
	strbuf_reset(&v);
	if (!isnan(a->load)) {
		strbuf_addf(&v, "%.0f", a->load);
		if (a->load_method[0]) {
			strbuf_addf(&v, " (%s)", a->load_method);
		}
	}
	field(&out, "load", &v);
	strbuf_reset(&v);
	if (race->id) {
		strbuf_addf(&v, "%s (%s, race %lld)", race->name,
		            race_priority_name(race->priority), (long long)race->id);
	}
	field(&out, "race", &v);
	strbuf_reset(&v);
	if (a->gear) {
		strbuf_adds(&v, a->gear);
	}
	field(&out, "gear", &v);
	strbuf_reset(&v);
	strbuf_adds(&v, activity_source_name(a->source));
	if (a->source_file) {
		strbuf_addf(&v, " %s", a->source_file);
	}
	if (a->device) {
		strbuf_addf(&v, " from %s", a->device);
	}
	field(&out, "source", &v);
	strbuf_reset(&v);
	if (a->note) {
		strbuf_adds(&v, a->note);
	}
	field(&out, "note", &v);
	out_buf(&out);
	strbuf_release(&out);
	strbuf_release(&v);
}

/* The laps of an imported activity, as a table. */
static void print_laps(const struct recorded *r, enum units u)
{
	struct table *t = table_new();
	struct strbuf out = STRBUF_INIT, sb = STRBUF_INIT;

	table_column(t, "lap", TABLE_RIGHT, 0);
	table_column(t, "distance", TABLE_RIGHT, 0);
	table_column(t, "time", TABLE_RIGHT, 0);
	table_column(t, "pace", TABLE_RIGHT, 0);
	table_column(t, "hr", TABLE_RIGHT, 0);
	table_column(t, "max", TABLE_RIGHT, 0);
	table_column(t, "", TABLE_LEFT, 0);
	for (size_t i = 0; i < r->n_laps; i++) {
		const struct lap *lap = &r->laps[i];
		double time = !isnan(lap->moving_s) ? lap->moving_s : lap->elapsed_s;
		struct activity as_activity;

		table_cellf(t, "%zu", i + 1);
		if (!isnan(lap->distance_m)) {
			units_add_distance(&sb, lap->distance_m, u);
		}
		table_cell_take(t, &sb);
		if (!isnan(time)) {
			units_add_duration(&sb, time);
		}
		table_cell_take(t, &sb);
		/* a lap's pace reads as its activity's sport does */
		activity_init(&as_activity);
		as_activity.sport = r->activity.sport;
		as_activity.distance_m = lap->distance_m;
		as_activity.duration_s = time;
		render_pace(&sb, &as_activity, u);
		table_cell_take(t, &sb);
		if (lap->hr_avg) {
			table_cellf(t, "%d", lap->hr_avg);
		} else {
			table_cell(t, NULL);
		}
		if (lap->hr_max) {
			table_cellf(t, "%d", lap->hr_max);
		} else {
			table_cell(t, NULL);
		}
		table_cell(t, lap->intensity[0] && strcmp(lap->intensity, "active") != 0
		                      ? lap->intensity
		                      : NULL);
	}
	strbuf_addch(&out, '\n');
	table_render(t, &out, out_color_stdout());
	out_buf(&out);
	table_free(t);
	strbuf_release(&out);
	strbuf_release(&sb);
}

/* One line naming the sample fields an activity has. */
static void print_samples(const struct samples *s)
{
	struct strbuf sb = STRBUF_INIT;

	if (!s->n) {
		return;
	}
	strbuf_addf(&sb, "  %-10s%zu (", "samples", s->n);
	for (int f = 0, first = 1; f < SAMPLE_FIELDS; f++) {
		if (samples_has(s, (enum sample_field)f)) {
			strbuf_addf(&sb, "%s%s", first ? "" : ", ",
			            samples_field_name((enum sample_field)f));
			first = 0;
		}
	}
	strbuf_adds(&sb, ")\n");
	out_buf(&sb);
	strbuf_release(&sb);
}

int cmd_show(struct cli *cli, const struct cli_args *args)
{
	struct recorded r;
	struct race race;
	struct err err = ERR_INIT;
	int64_t id = 0;

	recorded_init(&r);
	race_init(&race);
	if (cli_activity_id(args->pos[0], &id, &err) || cli_profile(cli, &err) ||
	    cli_store(cli, STORE_READ, &err) ||
	    store_recorded_get(cli->store, ATHLETE_DEFAULT, id, &r, &err) ||
	    listing_race_of(cli->store, ATHLETE_DEFAULT, id, &race, &err)) {
		recorded_release(&r);
		race_release(&race);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		out_json(render_json_activity_show(&r, race.id));
	} else {
		print_activity(&r.activity, &race, cli->profile.units);
		print_samples(&r.samples);
		if (r.n_laps > 1) {
			print_laps(&r, cli->profile.units);
		}
	}
	recorded_release(&r);
	race_release(&race);
	return EXIT_OK;
}
