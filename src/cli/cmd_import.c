/*
 * cmd_import.c: knead import PATH..., watch files into the log.
 *
 *   knead import ~/Downloads/export_1234567.zip
 *   knead import Morning_Run.fit trail.gpx.gz races/
 *
 * Each file is kept in its own transaction, so an import stopped half way
 * (even by SIGKILL) leaves only whole activities, and running it again
 * completes it: files already kept are recognised by their content.
 * Standard output lists what was imported and ends with the counts;
 * standard error says why each refused file was refused, and shows a
 * progress bar when it is a terminal.
 */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "advice/training.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "formats/import.h"
#include "render/json_import.h"
#include "render/text.h"

/* Redraw the bar at most this often (milliseconds). */
#define BAR_INTERVAL_MS 100
#define BAR_WIDTH       30

struct import_view {
	struct cli *cli;   /* for the units and the name in messages */
	bool bar;          /* draw a progress bar on stderr */
	bool bar_shown;    /* a bar is on the screen now */
	int64_t bar_drawn; /* when it was drawn, milliseconds */
	json_t *files;     /* with --json: one object per file */
};

static int64_t now_ms(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static void clear_bar(struct import_view *v)
{
	if (v->bar_shown) {
		fputs("\r\033[K", stderr);
		v->bar_shown = false;
	}
}

static void draw_bar(struct import_view *v, const struct import_summary *sum, bool force)
{
	int64_t t = now_ms();
	double frac;
	int filled;

	if (!v->bar || (!force && t - v->bar_drawn < BAR_INTERVAL_MS)) {
		return;
	}
	v->bar_drawn = t;
	frac = sum->bytes_total ? (double)sum->bytes_done / (double)sum->bytes_total : 0;
	if (frac > 1) {
		frac = 1;
	}
	filled = (int)(frac * BAR_WIDTH);
	fprintf(stderr, "\r[%.*s%*s] %3.0f%%  %zu imported, %zu duplicates, %zu failed\033[K",
	        filled, "==============================", BAR_WIDTH - filled, "", frac * 100,
	        sum->imported, sum->duplicates, sum->failed);
	fflush(stderr);
	v->bar_shown = true;
}

/* Each line of a multi-line message, prefixed. */
static void say_lines(const char *prefix, const char *label, const char *path, const char *msg)
{
	const char *p = msg;

	do {
		const char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);

		out_warning(prefix, "%s: %s: %.*s", label, path, len, p);
		p = nl ? nl + 1 : NULL;
	} while (p);
}

static void file_done(void *ctx, const struct import_result *r, const struct import_summary *sum)
{
	struct import_view *v = ctx;
	struct strbuf line = STRBUF_INIT;

	if (v->files) {
		json_array_append_new(v->files, render_json_import_file(r, r->path));
		return;
	}
	clear_bar(v);
	switch (r->outcome) {
	case IMPORT_IMPORTED:
		for (size_t i = 0; i < r->rec->n_activities; i++) {
			const struct activity *a = &r->rec->activities[i].activity;

			strbuf_reset(&line);
			strbuf_addf(&line, "imported %lld: ", (long long)a->id);
			render_activity_line(&line, a, v->cli->profile.units);
			strbuf_addf(&line, "  (%s)\n", r->rec->file_name);
			out_buf(&line);
		}
		if (r->message[0]) {
			say_lines(v->cli->name.buf, r->repaired ? "repaired" : "note", r->path,
			          r->message);
		}
		break;
	case IMPORT_FAILED:
		out_error(v->cli->name.buf, "failed: %s: %s", r->path, r->message);
		break;
	case IMPORT_SKIPPED:
		say_lines(v->cli->name.buf, "skipped", r->path, r->message);
		break;
	case IMPORT_DUPLICATE:
		break; /* counted; a re-import of a folder would otherwise list it all */
	}
	strbuf_release(&line);
	draw_bar(v, sum, false);
}

static void on_progress(void *ctx, const struct import_summary *sum)
{
	draw_bar(ctx, sum, false);
}

static void print_summary(const struct import_summary *sum)
{
	printf("imported %zu %s (%zu %s), %zu %s, %zu repaired, %zu skipped, %zu failed\n",
	       sum->imported, sum->imported == 1 ? "file" : "files", sum->activities,
	       sum->activities == 1 ? "activity" : "activities", sum->duplicates,
	       sum->duplicates == 1 ? "duplicate" : "duplicates", sum->repaired, sum->skipped,
	       sum->failed);
}

int cmd_import(struct cli *cli, const struct cli_args *args)
{
	struct import_view view = { cli, false, false, 0, NULL };
	struct import_observer obs = { &view, file_done, on_progress };
	struct import_summary sum;
	struct training_sink sink;
	struct err err = ERR_INIT;
	enum err_code rc;

	if (cli_profile(cli, &err) || cli_store(cli, STORE_WRITE, &err)) {
		return cli_fail(cli, &err);
	}
	view.bar = !cli->json && isatty(STDERR_FILENO) == 1;
	if (cli->json) {
		view.files = json_array();
	}
	training_sink_init(&sink, cli->store, &cli->profile);
	rc = import_paths(args->pos, args->n_pos, &sink.sink, &obs, &sum, &err);
	clear_bar(&view);
	if (cli->json) {
		json_t *o = json_object();

		json_object_set_new(o, "files", view.files);
		json_object_set_new(o, "summary", render_json_import_summary(&sum));
		out_json(o);
	} else {
		print_summary(&sum);
	}
	if (rc) {
		out_error(cli->name.buf, "stopped: %s", err.msg);
		return EXIT_FAIL;
	}
	return sum.failed ? EXIT_FAIL : EXIT_OK;
}
