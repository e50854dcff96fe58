/*
 * cmd_export.c: knead export ics | csv | json [-o FILE] [--table NAME].
 *
 *   knead export ics -o training.ics       workouts, races, appointments
 *   knead export json > everything.json
 *   knead export csv --table checkins -o checkins.csv
 *
 * render/export_file.h reads everything and writes it (the web app's
 * downloads share it); this file picks the format and the table and
 * puts the result on stdout or in FILE. A file is written whole or not
 * at all (a temporary file beside it, renamed over it once complete), so
 * a full disk never leaves half an export where the last good one was.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "render/export_file.h"

/* What went into the file, for the line printed after writing one. */
struct exported {
	enum export_format format;
	enum export_table table;
	size_t records; /* rows, events, or every record of the JSON */
};

static void report(const struct cli *cli, const char *path, const struct exported *e, size_t bytes)
{
	struct strbuf sb = STRBUF_INIT;
	const char *what = e->format == EXPORT_FORMAT_ICS   ? "event"
	                   : e->format == EXPORT_FORMAT_CSV ? "row"
	                                                    : "record";

	if (cli->json) {
		json_t *o = json_object();

		json_object_set_new(o, "file", json_string(path));
		json_object_set_new(o, "format", json_string(export_format_name(e->format)));
		json_object_set_new(o, "table",
		                    e->format == EXPORT_FORMAT_CSV
		                            ? json_string(export_table_name(e->table))
		                            : json_null());
		json_object_set_new(o, "records", json_integer((json_int_t)e->records));
		json_object_set_new(o, "bytes", json_integer((json_int_t)bytes));
		out_json(o);
		return;
	}
	strbuf_addf(&sb, "wrote %s (%s", path, export_format_name(e->format));
	if (e->format == EXPORT_FORMAT_CSV) {
		strbuf_addf(&sb, " of %s", export_table_name(e->table));
	}
	strbuf_addf(&sb, ", %zu %s%s)\n", e->records, what, e->records == 1 ? "" : "s");
	out_buf(&sb);
	strbuf_release(&sb);
}

int cmd_export(struct cli *cli, const struct cli_args *args)
{
	const char *path = cli_opt(args, "output"), *table = cli_opt(args, "table");
	struct exported e = { EXPORT_FORMAT_CSV, EXPORT_ACTIVITIES, 0 };
	struct strbuf text = STRBUF_INIT;
	struct err err = ERR_INIT;
	enum err_code rc;

	/* everything typed is checked before the database is opened */
	if (export_format_parse(args->pos[0], &e.format, &err)) {
		return cli_fail(cli, &err);
	}
	if (table && e.format != EXPORT_FORMAT_CSV) {
		err_set(&err, ERR_INPUT,
		        "--table chooses the table of 'export csv'; 'export %s' "
		        "holds everything",
		        export_format_name(e.format));
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
	rc = export_file(cli->store, &cli->profile, cli->now, cli->today, e.format, e.table, &text,
	                 &e.records, &err);
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
