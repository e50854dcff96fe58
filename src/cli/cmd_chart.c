/*
 * cmd_chart.c: knead chart load | volume | pace | hr | elevation -o FILE.
 *
 *   knead chart load -o load.png          the last 26 weeks, races marked
 *   knead chart volume -o weeks.svg --from 2026-01-01
 *   knead chart hr --activity 12 -o hr.svg    one activity's heart rate
 *
 * The data comes from the library (advice/training.h for fitness,
 * store_race.h for races, analysis/volume.h for the weeks,
 * store_recording.h for an activity's samples) and render/
 * chart.h draws it into memory; this file picks the range and writes the
 * file. The file is written whole or not at all: the bytes go to a
 * temporary file beside it, which is renamed over the name only once
 * everything is written, so a full disk or a refused chart never leaves
 * half a PNG where the runner's last good one was.
 */
#include <stdlib.h>
#include <string.h>

#include "advice/training.h"
#include "analysis/volume.h"
#include "base/date.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/chart.h"
#include "render/json.h"
#include "store/store_activity.h"
#include "store/store_race.h"
#include "store/store_recording.h"

/* Half a year: a training season, long enough for fitness to build. */
#define CHART_DEFAULT_WEEKS 26

enum chart_kind {
	CHART_KIND_LOAD,
	CHART_KIND_VOLUME,
	CHART_KIND_TRACE, /* one activity's pace, hr or elevation */
};

static enum err_code parse_kind(const char *word, enum chart_kind *out, enum chart_trace *trace,
                                struct err *err)
{
	if (strcmp(word, "load") == 0) {
		*out = CHART_KIND_LOAD;
	} else if (strcmp(word, "volume") == 0) {
		*out = CHART_KIND_VOLUME;
	} else if (chart_trace_parse(word, trace)) {
		*out = CHART_KIND_TRACE;
	} else {
		return err_set(err, ERR_INPUT,
		               "unknown chart '%s': draw 'load', 'volume', or an activity's "
		               "'pace', 'hr' or 'elevation'",
		               word);
	}
	return ERR_OK;
}

/* What the trace is called in a message. */
static const char *trace_words(enum chart_trace t)
{
	return t == CHART_TRACE_PACE ? "pace (speed or distance over time)"
	       : t == CHART_TRACE_HR ? "heart rate"
	                             : "altitude";
}

/* knead chart pace|hr|elevation --activity ID -o FILE: the activity's
 * samples, drawn. An activity typed by hand has none to draw. */
static int chart_trace_cmd(struct cli *cli, enum chart_trace trace, const char *id_text,
                           const char *path, enum chart_format format)
{
	struct strbuf bytes = STRBUF_INIT, sb = STRBUF_INIT;
	struct err err = ERR_INIT;
	struct chart_spec spec;
	struct recorded r;
	int64_t id = 0;

	recorded_init(&r);
	if (cli_activity_id(id_text, &id, &err)) {
		err_prefix(&err, "--activity");
		return cli_fail(cli, &err);
	}
	if (cli_profile(cli, &err) || cli_store(cli, STORE_READ, &err) ||
	    store_recorded_get(cli->store, ATHLETE_DEFAULT, id, &r, &err)) {
		recorded_release(&r);
		return cli_fail(cli, &err);
	}
	if (!chart_activity_has(&r.samples, trace)) {
		err_set(&err, ERR_NOT_FOUND, "activity %lld has no %s recorded to draw%s",
		        (long long)id, trace_words(trace),
		        r.samples.n ? "" : ": it was logged by hand, not imported");
		recorded_release(&r);
		return cli_fail(cli, &err);
	}
	chart_spec_init(&spec, format);
	if (chart_activity(&spec, &r.activity, &r.samples, trace, cli->profile.units, &bytes,
	                   &err) ||
	    cli_write_file_atomically(path, bytes.buf, bytes.len, &err)) {
		recorded_release(&r);
		strbuf_release(&bytes);
		return cli_fail(cli, &err);
	}
	if (cli->json) {
		json_t *o = json_object();

		json_object_set_new(o, "file", json_string(path));
		json_object_set_new(o, "chart", json_string(chart_trace_name(trace)));
		json_object_set_new(o, "format", json_string(chart_format_name(spec.format)));
		json_object_set_new(o, "width", json_integer(spec.width));
		json_object_set_new(o, "height", json_integer(spec.height));
		json_object_set_new(o, "activity", json_integer(id));
		json_object_set_new(o, "samples", json_integer((json_int_t)r.samples.n));
		json_object_set_new(o, "bytes", json_integer((json_int_t)bytes.len));
		out_json(o);
	} else {
		strbuf_addf(&sb, "wrote %s (%s, %dx%d, %s of activity %lld, %zu samples)\n", path,
		            spec.format == CHART_PNG   ? "PNG"
		            : spec.format == CHART_SVG ? "SVG"
		                                       : "PDF",
		            spec.width, spec.height, chart_trace_name(trace), (long long)id,
		            r.samples.n);
		out_buf(&sb);
	}
	recorded_release(&r);
	strbuf_release(&bytes);
	strbuf_release(&sb);
	return EXIT_OK;
}

/* The days to draw: --from and --to, else the last 26 weeks up to today
 * but not before the first activity (weeks from its Monday for volume).
 * Days after today have no training and are refused, as by knead load. */
static enum err_code pick_range(struct cli *cli, const struct cli_args *args, enum chart_kind kind,
                                int32_t first, int32_t *from, int32_t *to, struct err *err)
{
	if (cli_range_to_today(cli, args, from, to, err)) {
		return err->code;
	}
	if (*from == DATE_NONE) {
		int32_t start = kind == CHART_KIND_VOLUME
		                        ? date_week_start(*to) - 7 * (CHART_DEFAULT_WEEKS - 1)
		                        : *to - (7 * CHART_DEFAULT_WEEKS - 1);

		if (first <= *to && first > start) {
			start = kind == CHART_KIND_VOLUME ? date_week_start(first) : first;
		}
		*from = start;
	}
	return ERR_OK;
}

/* What was drawn, for the report. */
struct drawn {
	int32_t from, to; /* the days the chart covers */
	size_t n;         /* days (load) or weeks (volume) */
	size_t n_races;   /* races marked */
};

static enum err_code draw_load(struct cli *cli, const struct chart_spec *spec, int32_t from,
                               int32_t to, struct strbuf *bytes, struct drawn *d, struct err *err)
{
	struct race_list races = RACE_LIST_INIT;
	struct pmc_day *days = NULL;
	size_t n_days = 0, n_marked = 0;
	enum err_code rc;

	/* activities stored without a load get one first, so that the chart
	 * counts every activity */
	rc = cli_refresh_loads(cli, err);
	if (!rc) {
		rc = training_fitness(cli->store, ATHLETE_DEFAULT, from, to, &days, &n_days, err);
	}
	if (!rc) {
		rc = store_race_list(cli->store, ATHLETE_DEFAULT, from, to, &races, err);
	}
	if (!rc) {
		rc = chart_load_races(spec, days, n_days, races.races, races.n_races, &n_marked,
		                      bytes, err);
		*d = (struct drawn){ from, to, n_days, n_marked };
	}
	free(days);
	race_list_release(&races);
	return rc;
}

static enum err_code draw_volume(struct cli *cli, const struct chart_spec *spec, int32_t from,
                                 int32_t to, struct strbuf *bytes, struct drawn *d, struct err *err)
{
	struct activity_list list = ACTIVITY_LIST_INIT;
	struct activity_query q;
	struct volume_week *weeks = NULL;
	size_t n_weeks;
	enum err_code rc;

	activity_query_init(&q, ATHLETE_DEFAULT);
	q.from = date_week_start(from);
	q.to = date_week_start(to) + 6;
	rc = store_activity_list(cli->store, &q, &list, err);
	if (!rc) {
		n_weeks = volume_weeks(list.activities, list.n_activities, from, to, NULL, 0);
		weeks = xcalloc(n_weeks, sizeof(*weeks));
		volume_weeks(list.activities, list.n_activities, from, to, weeks, n_weeks);
		rc = chart_volume(spec, weeks, n_weeks, bytes, err);
		*d = (struct drawn){ q.from, q.to, n_weeks, 0 };
	}
	free(weeks);
	activity_list_release(&list);
	return rc;
}

static void report(const struct cli *cli, const char *path, enum chart_kind kind,
                   const struct chart_spec *spec, const struct drawn *d, size_t n_bytes)
{
	struct strbuf sb = STRBUF_INIT;
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	const char *unit = kind == CHART_KIND_LOAD ? "day" : "week";

	if (cli->json) {
		json_t *o = json_object();

		json_object_set_new(o, "file", json_string(path));
		json_object_set_new(o, "chart",
		                    json_string(kind == CHART_KIND_LOAD ? "load" : "volume"));
		json_object_set_new(o, "format", json_string(chart_format_name(spec->format)));
		json_object_set_new(o, "width", json_integer(spec->width));
		json_object_set_new(o, "height", json_integer(spec->height));
		json_object_set_new(o, "from", render_json_date(d->from));
		json_object_set_new(o, "to", render_json_date(d->to));
		json_object_set_new(o, kind == CHART_KIND_LOAD ? "days" : "weeks",
		                    json_integer((json_int_t)d->n));
		if (kind == CHART_KIND_LOAD) {
			json_object_set_new(o, "races", json_integer((json_int_t)d->n_races));
		}
		json_object_set_new(o, "bytes", json_integer((json_int_t)n_bytes));
		out_json(o);
		return;
	}
	date_format(d->from, from);
	date_format(d->to, to);
	strbuf_addf(&sb, "wrote %s (%s, %dx%d, %zu %s%s from %s to %s", path,
	            spec->format == CHART_PNG   ? "PNG"
	            : spec->format == CHART_SVG ? "SVG"
	                                        : "PDF",
	            spec->width, spec->height, d->n, unit, d->n == 1 ? "" : "s", from, to);
	if (kind == CHART_KIND_LOAD && d->n_races > 0) {
		strbuf_addf(&sb, ", %zu race%s marked", d->n_races, d->n_races == 1 ? "" : "s");
	}
	strbuf_adds(&sb, ")\n");
	out_buf(&sb);
	strbuf_release(&sb);
}

int cmd_chart(struct cli *cli, const struct cli_args *args)
{
	const char *path = cli_opt(args, "output"), *activity = cli_opt(args, "activity");
	enum chart_trace trace = CHART_TRACE_PACE;
	struct strbuf bytes = STRBUF_INIT;
	struct err err = ERR_INIT;
	struct chart_spec spec;
	enum chart_format format = CHART_PNG;
	enum chart_kind kind = CHART_KIND_LOAD;
	int32_t first = DATE_NONE, last = DATE_NONE, from, to;
	struct drawn d = { DATE_NONE, DATE_NONE, 0, 0 };
	enum err_code rc;

	/* Everything typed is checked before the database is opened. */
	if (parse_kind(args->pos[0], &kind, &trace, &err)) {
		return cli_fail(cli, &err);
	}
	if (kind == CHART_KIND_TRACE && !activity) {
		err_set(&err, ERR_INPUT, "say whose %s to draw: --activity ID (see 'knead list')",
		        chart_trace_name(trace));
		return cli_fail(cli, &err);
	}
	if (kind == CHART_KIND_TRACE && (cli_opt(args, "from") || cli_opt(args, "to"))) {
		err_set(&err, ERR_INPUT,
		        "--from and --to go with 'load' or 'volume': '%s' draws the whole activity",
		        args->pos[0]);
		return cli_fail(cli, &err);
	}
	if (kind != CHART_KIND_TRACE && activity) {
		err_set(&err, ERR_INPUT,
		        "--activity goes with 'pace', 'hr' or 'elevation', not '%s'", args->pos[0]);
		return cli_fail(cli, &err);
	}
	if (!path || !*path) {
		err_set(&err, ERR_INPUT, "say where to write the chart: -o FILE.png, .svg or .pdf");
		return cli_fail(cli, &err);
	}
	if (chart_format_from_path(path, &format, &err)) {
		err_prefix(&err, "-o");
		return cli_fail(cli, &err);
	}
	if (kind == CHART_KIND_TRACE) {
		return chart_trace_cmd(cli, trace, activity, path, format);
	}
	if (cli_profile(cli, &err) || cli_range_to_today(cli, args, &from, &to, &err)) {
		return cli_fail(cli, &err);
	}
	if (cli_store(cli, STORE_READ, &err) ||
	    store_activity_span(cli->store, ATHLETE_DEFAULT, &first, &last, &err)) {
		if (err.code == ERR_NOT_FOUND) {
			err_set(&err, ERR_NOT_FOUND,
			        "no activities yet: log some with 'knead log' or 'knead import' "
			        "first");
		}
		return cli_fail(cli, &err);
	}
	if (first == DATE_NONE) {
		err_set(&err, ERR_NOT_FOUND,
		        "no activities yet: log some with 'knead log' or 'knead import' first");
		return cli_fail(cli, &err);
	}
	if (pick_range(cli, args, kind, first, &from, &to, &err)) {
		return cli_fail(cli, &err);
	}

	chart_spec_init(&spec, format);
	rc = kind == CHART_KIND_LOAD ? draw_load(cli, &spec, from, to, &bytes, &d, &err)
	                             : draw_volume(cli, &spec, from, to, &bytes, &d, &err);
	if (!rc) {
		rc = cli_write_file_atomically(path, bytes.buf, bytes.len, &err);
	}
	if (rc) {
		strbuf_release(&bytes);
		return cli_fail(cli, &err);
	}
	report(cli, path, kind, &spec, &d, bytes.len);
	strbuf_release(&bytes);
	return EXIT_OK;
}
