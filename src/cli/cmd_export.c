/*
 * cmd_export.c: knead export ics | csv | json [-o FILE] [--table NAME].
 *
 *   knead export ics -o training.ics       workouts, races, appointments
 *   knead export json > everything.json
 *   knead export csv --table checkins -o checkins.csv
 *
 * render/export.h reads everything and writes it; this file picks the
 * format and the table and puts the result on stdout or in FILE. A file
 * is written whole or not at all (a temporary file beside it, renamed
 * over it once complete), so a full disk never leaves half an export
 * where the last good one was.
 */
#include <stdlib.h>
#include <string.h>

#include "base/tz.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/export.h"

enum export_format {
	FORMAT_ICS,
	FORMAT_CSV,
	FORMAT_JSON,
};

static const char *const format_names[] = { "ics", "csv", "json" };

static enum err_code parse_format(const char *word, enum export_format *out, struct err *err)
{
	for (size_t i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (strcmp(word, format_names[i]) == 0) {
			*out = (enum export_format)i;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT, "unknown format '%s': export 'ics', 'csv' or 'json'", word);
}

/* What went into the file, for the line printed after writing one. */
struct exported {
	enum export_format format;
	enum export_table table;
	size_t records; /* rows, events, or every record of the JSON */
};

static size_t count_json_records(const struct export_data *d)
{
	size_t n = d->activities.n_activities + d->checkins.n + d->wellness.n + d->injuries.n +
	           d->sessions.n + d->providers.n + d->gear.n_gears + d->races.n_races +
	           d->plans.n_plans + d->appointments.n;

	for (size_t i = 0; i < d->plans.n_plans; i++) {
		n += d->plans.plans[i].n_workouts;
	}
	return n;
}

static void report(const struct cli *cli, const char *path, const struct exported *e, size_t bytes)
{
	struct strbuf sb = STRBUF_INIT;
	const char *what = e->format == FORMAT_ICS   ? "event"
	                   : e->format == FORMAT_CSV ? "row"
	                                             : "record";

	if (cli->json) {
		json_t *o = json_object();

		json_object_set_new(o, "file", json_string(path));
		json_object_set_new(o, "format", json_string(format_names[e->format]));
		json_object_set_new(o, "table",
		                    e->format == FORMAT_CSV
		                            ? json_string(export_table_name(e->table))
		                            : json_null());
		json_object_set_new(o, "records", json_integer((json_int_t)e->records));
		json_object_set_new(o, "bytes", json_integer((json_int_t)bytes));
		out_json(o);
		return;
	}
	strbuf_addf(&sb, "wrote %s (%s", path, format_names[e->format]);
	if (e->format == FORMAT_CSV) {
		strbuf_addf(&sb, " of %s", export_table_name(e->table));
	}
	strbuf_addf(&sb, ", %zu %s%s)\n", e->records, what, e->records == 1 ? "" : "s");
	out_buf(&sb);
	strbuf_release(&sb);
}

int cmd_export(struct cli *cli, const struct cli_args *args)
{
	const char *path = cli_opt(args, "output"), *table = cli_opt(args, "table");
	struct exported e = { FORMAT_CSV, EXPORT_ACTIVITIES, 0 };
	struct export_data d;
	struct strbuf text = STRBUF_INIT;
	struct err err = ERR_INIT;
	enum err_code rc;
	int events = 0;

	/* everything typed is checked before the database is opened */
	if (parse_format(args->pos[0], &e.format, &err)) {
		return cli_fail(cli, &err);
	}
	if (table && e.format != FORMAT_CSV) {
		err_set(&err, ERR_INPUT,
		        "--table chooses the table of 'export csv'; 'export %s' "
		        "holds everything",
		        format_names[e.format]);
		return cli_fail(cli, &err);
	}
	if (table && export_table_parse(table, &e.table, &err)) {
		err_prefix(&err, "--table");
		return cli_fail(cli, &err);
	}
	if (path && !*path) {
		err_set(&err, ERR_INPUT, "-o needs a file name ('-' for standard output)");
		return cli_fail(cli, &err);
	}
	if (path && strcmp(path, "-") == 0) {
		path = NULL;
	}
	if (cli_profile(cli, &err) || cli_store(cli, STORE_READ, &err)) {
		return cli_fail(cli, &err);
	}
	rc = export_read(cli->store, ATHLETE_DEFAULT, cli->today, &d, &err);
	if (!rc) {
		switch (e.format) {
		case FORMAT_ICS:
			rc = export_ics(&d, cli->now, cli->profile.units, &text, &events, &err);
			e.records = (size_t)events;
			break;
		case FORMAT_CSV:
			export_csv(&d, e.table, &text, &e.records);
			break;
		case FORMAT_JSON: {
			json_t *all = export_json(&d, &cli->profile, cli->now, tz_name());
			/* as out_json prints it */
			char *dump = json_dumps(all, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
			                                     JSON_REAL_PRECISION(10));

			if (dump) {
				strbuf_adds(&text, dump);
				strbuf_addch(&text, '\n');
				free(dump);
			} else {
				rc = err_set(&err, ERR_IO, "cannot write the JSON export");
			}
			json_decref(all);
			e.records = count_json_records(&d);
			break;
		}
		}
	}
	export_release(&d);
	if (!rc && path) {
		rc = cli_write_file_atomically(path, text.buf, text.len, &err);
	}
	if (rc) {
		strbuf_release(&text);
		return cli_fail(cli, &err);
	}
	if (path) {
		report(cli, path, &e, text.len);
	} else {
		out_buf(&text);
	}
	strbuf_release(&text);
	return EXIT_OK;
}
