/*
 * page_import.c: GET /import, the upload form, and POST /import, the
 * uploaded watch files brought into the log.
 *
 * The import is `knead import`'s: server.c has spooled each uploaded file
 * to the request's private folder, and import_paths (formats/import.h)
 * walks them as the command walks the paths it is given (FIT, GPX, TCX,
 * .gz, .zip, Strava and Garmin bulk exports), through a training_sink so
 * that loads are computed on the way in, with each file kept in its own
 * transaction and a file imported before recognised by its content. The
 * results page lists every file with what became of it, in the objects
 * `knead --json import` prints (render/json_import.h).
 *
 * Uploads over WEB_UPLOAD_MAX together are refused whole with 413 before
 * anything is imported (server.c refuses them as they arrive; this
 * handler checks again for a request built another way).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "advice/training.h"
#include "base/xalloc.h"
#include "formats/import.h"
#include "render/json_import.h"
#include "render/text.h"
#include "web/html.h"
#include "web/routes.h"

static void add_form(const struct web_call *call, struct strbuf *sb)
{
	strbuf_adds(sb, "<form id=\"import-form\" method=\"post\" action=\"/import\" "
	                "enctype=\"multipart/form-data\">\n");
	web_add_csrf_field(call, sb);
	strbuf_adds(sb, "<label for=\"import-files\">Watch files: FIT, GPX or TCX, also gzipped, "
	                "or a .zip such as a Strava or Garmin Connect export</label>\n"
	                "<input type=\"file\" id=\"import-files\" name=\"files\" multiple "
	                "accept=\".fit,.gpx,.tcx,.gz,.zip\" required>\n"
	                "<button type=\"submit\">Import</button>\n</form>\n");
	strbuf_addf(sb,
	            "<p class=\"hint\">Up to %zu MB at a time. A file imported before is "
	            "recognised and skipped.</p>\n",
	            WEB_UPLOAD_MAX >> 20);
}

/* One uploaded file's results, kept for the page. */
struct upload_view {
	const struct web_request *req;
	enum units units;
	json_t *files; /* render_json_import_file objects, in order */
	json_t *lines; /* per file: an array of activity lines ("Sat ... run 9.01 km") */
};

/* The name to show for an importer's path: the uploaded file's own name
 * for its spool path ("3" -> "run.fit"), and after it the member inside
 * an archive ("export.zip:activities/1.fit.gz"). */
static void shown_path(const struct web_request *req, const char *path, struct strbuf *out)
{
	for (size_t i = 0; i < req->files.n; i++) {
		const struct web_file *f = &req->files.items[i];
		size_t len = strlen(f->path);

		if (!strncmp(path, f->path, len) && (path[len] == '\0' || path[len] == ':')) {
			strbuf_adds(out, f->name[0] ? f->name : "(no name)");
			strbuf_adds(out, path + len);
			return;
		}
	}
	strbuf_adds(out, path);
}

static void file_done(void *ctx, const struct import_result *r, const struct import_summary *sum)
{
	struct upload_view *v = ctx;
	struct strbuf name = STRBUF_INIT, line = STRBUF_INIT;
	json_t *lines = json_array();

	(void)sum;
	shown_path(v->req, r->path, &name);
	json_array_append_new(v->files, render_json_import_file(r, name.buf));
	if (r->outcome == IMPORT_IMPORTED && r->rec) {
		for (size_t i = 0; i < r->rec->n_activities; i++) {
			strbuf_reset(&line);
			render_activity_line(&line, &r->rec->activities[i].activity, v->units);
			json_array_append_new(lines, json_string(line.buf));
		}
	}
	json_array_append_new(v->lines, lines);
	strbuf_release(&name);
	strbuf_release(&line);
}

static void add_results(struct strbuf *sb, const struct upload_view *v,
                        const struct import_summary *sum)
{
	size_t i;
	json_t *file;

	html_addf(sb,
	          "<p id=\"import-summary\">Imported %zu file%s (%zu activit%s), %zu duplicate%s, "
	          "%zu skipped, %zu failed.</p>\n",
	          sum->imported, sum->imported == 1 ? "" : "s", sum->activities,
	          sum->activities == 1 ? "y" : "ies", sum->duplicates,
	          sum->duplicates == 1 ? "" : "s", sum->skipped, sum->failed);
	strbuf_adds(sb, "<ul id=\"import-results\">\n");
	json_array_foreach(v->files, i, file)
	{
		const char *outcome = json_string_value(json_object_get(file, "outcome"));
		const char *path = json_string_value(json_object_get(file, "path"));
		const char *message = json_string_value(json_object_get(file, "message"));
		json_t *ids = json_object_get(file, "activities");
		json_t *lines = json_array_get(v->lines, i);

		html_addf(sb,
		          "<li class=\"import-%s\"><b>%s</b>: <span class=\"outcome\">%s</span>",
		          outcome, path ? path : "?", outcome);
		if (json_array_size(ids)) {
			strbuf_adds(sb, "<ul>\n");
			for (size_t k = 0; k < json_array_size(ids); k++) {
				const char *text = json_string_value(json_array_get(lines, k));

				html_addf(sb,
				          "<li><a class=\"activity-link\" "
				          "href=\"/activity?id=%lld\">%s"
				          "</a></li>\n",
				          (long long)json_integer_value(json_array_get(ids, k)),
				          text ? text : "activity");
			}
			strbuf_adds(sb, "</ul>");
		}
		if (message) {
			html_addf(sb, "<p class=\"message\">%s</p>", message);
		}
		strbuf_adds(sb, "</li>\n");
	}
	strbuf_adds(sb, "</ul>\n");
}

/* The bytes the request's files hold on disk, for the limit. */
static uint64_t uploaded_bytes(const struct web_request *req)
{
	uint64_t total = 0;

	for (size_t i = 0; i < req->files.n; i++) {
		struct stat st;

		if (stat(req->files.items[i].path, &st) == 0) {
			total += (uint64_t)st.st_size;
		}
	}
	return total;
}

static enum err_code post_import(struct web_call *call, struct web_response *resp, struct err *err)
{
	const struct web_request *req = call->req;
	struct upload_view view = { req, UNITS_KM, NULL, NULL };
	struct import_observer obs = { &view, file_done, NULL };
	struct import_summary sum;
	struct training_sink sink;
	struct web_view v;
	const char **paths;
	enum err_code rc;

	if (uploaded_bytes(req) > WEB_UPLOAD_MAX) {
		web_error_page(resp, 413, "The upload is too large: send at most 256 MB at a time.",
		               false);
		return ERR_OK;
	}
	if (!req->files.n) {
		return err_set(err, ERR_INPUT, "choose one or more files to import");
	}
	rc = web_view_open(call->app, STORE_WRITE, &v, err);
	if (rc) {
		web_view_close(&v);
		return rc;
	}
	paths = xcalloc(req->files.n, sizeof(*paths));
	for (size_t i = 0; i < req->files.n; i++) {
		paths[i] = req->files.items[i].path;
	}
	view.units = v.profile.units;
	view.files = json_array();
	view.lines = json_array();
	training_sink_init(&sink, v.store, &v.profile);
	rc = import_paths(paths, req->files.n, &sink.sink, &obs, &sum, err);
	free(paths);
	web_view_close(&v);

	html_page_begin(&resp->body, "Import", HTML_NAV_IMPORT);
	if (rc) {
		/* the store refused a file: those before it are kept */
		resp->status = 500;
		html_addf(&resp->body, "<p class=\"error\">The import stopped: %s</p>\n", err->msg);
		*err = (struct err)ERR_INIT;
	}
	add_results(&resp->body, &view, &sum);
	strbuf_adds(&resp->body, "<h2>Import more</h2>\n");
	add_form(call, &resp->body);
	html_page_end(&resp->body);
	json_decref(view.files);
	json_decref(view.lines);
	return ERR_OK;
}

enum err_code web_page_import(struct web_call *call, struct web_response *resp, struct err *err)
{
	if (call->req->method == WEB_POST) {
		return post_import(call, resp, err);
	}
	html_page_begin(&resp->body, "Import", HTML_NAV_IMPORT);
	add_form(call, &resp->body);
	html_page_end(&resp->body);
	return ERR_OK;
}
