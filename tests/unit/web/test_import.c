/*
 * test_import.c: GET /import (the upload form) and POST /import with
 * requests built by hand, as server.c builds them from a multipart body:
 * per-file results (imported with links to the activity, duplicate,
 * failed with its reason), the good file stored through the same path
 * as `knead import`, 413 beyond the upload limit and 403 without the
 * anti-CSRF token, with nothing stored in either case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/strbuf.h"
#include "store/store_activity.h"
#include "webtest.h"

#define FIT_RUN "fit/activity-small-fenix2-run.fit"

/* The bytes of a test data file. */
static void read_data(const char *name, struct strbuf *out)
{
	char path[512], block[8192];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", getenv("KNEAD_TEST_DATA"), name);
	f = fopen(path, "rb");
	assert_non_null(f);
	while ((n = fread(block, 1, sizeof(block), f)) > 0) {
		strbuf_add(out, block, n);
	}
	fclose(f);
}

/* A POST /import as server.c hands it over: the token in the form (when
 * with_token), the files spooled. */
static void upload_request(struct webtest *t, struct web_request *req, bool with_token)
{
	web_request_init(req);
	req->method = WEB_POST;
	web_request_set_path(req, "/import");
	if (with_token) {
		web_params_add(&req->form, CSRF_FIELD, t->token);
	}
}

static size_t stored_activities(struct webtest *t)
{
	struct store *s = webtest_store(t);
	struct activity_list list = ACTIVITY_LIST_INIT;
	struct activity_query q;
	struct err err = ERR_INIT;
	size_t n;

	activity_query_init(&q, ATHLETE_DEFAULT);
	assert_int_equal(store_activity_list(s, &q, &list, &err), ERR_OK);
	n = list.n_activities;
	activity_list_release(&list);
	store_close(s);
	return n;
}

static void test_form(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_response resp;

	(void)state;
	webtest_get(t, "/import", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp,
	                        "<form id=\"import-form\" method=\"post\" action=\"/import\" "
	                        "enctype=\"multipart/form-data\">"));
	assert_true(webtest_has(&resp, "name=\"files\" multiple "
	                               "accept=\".fit,.gpx,.tcx,.gz,.zip\""));
	assert_true(webtest_has(&resp, t->token));
	assert_true(webtest_has(&resp, "<label for=\"import-files\">"));
	web_response_release(&resp);
	webtest_free(t);
}

static void test_upload_good_and_broken(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_request req;
	struct web_response resp;
	struct strbuf fit = STRBUF_INIT;
	struct err err = ERR_INIT;
	static const char broken[] = "this is not a watch file at all, just words";

	(void)state;
	read_data(FIT_RUN, &fit);
	upload_request(t, &req, true);
	assert_int_equal(
	        web_request_add_file(&req, "files", "Morning <Run>.fit", fit.buf, fit.len, &err),
	        ERR_OK);
	assert_int_equal(
	        web_request_add_file(&req, "files", "broken.fit", broken, sizeof(broken) - 1, &err),
	        ERR_OK);
	webtest_send(t, &req, &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "id=\"import-results\""));
	/* the good one, by its own name (escaped), with a link to its page */
	assert_true(webtest_has(&resp, "<b>Morning &lt;Run&gt;.fit</b>: <span class=\"outcome\">"
	                               "imported</span>"));
	assert_true(webtest_has(&resp, "<a class=\"activity-link\" href=\"/activity?id=1\">"));
	assert_true(webtest_has(&resp, "9.01 km"));
	/* the broken one, named, with its reason */
	assert_true(webtest_has(&resp, "<li class=\"import-failed\"><b>broken.fit</b>: "
	                               "<span class=\"outcome\">failed</span>"));
	assert_true(webtest_has(&resp, "<p class=\"message\">"));
	assert_true(webtest_has(&resp, "Imported 1 file (1 activity), 0 duplicates, 0 skipped, "
	                               "1 failed."));
	/* no spool path leaks into the page */
	assert_false(webtest_has(&resp, "knead-upload-"));
	web_response_release(&resp);
	web_request_release(&req);
	assert_int_equal(stored_activities(t), 1);
	/* kept under the name it was uploaded with */
	webtest_get(t, "/activity?id=1", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "fit Morning &lt;Run&gt;.fit from garmin fenix2"));
	web_response_release(&resp);

	/* the same file again is recognised */
	upload_request(t, &req, true);
	assert_int_equal(web_request_add_file(&req, "files", "again.fit", fit.buf, fit.len, &err),
	                 ERR_OK);
	webtest_send(t, &req, &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "<b>again.fit</b>: <span class=\"outcome\">duplicate"));
	assert_false(webtest_has(&resp, "activity-link"));
	web_response_release(&resp);
	web_request_release(&req);
	assert_int_equal(stored_activities(t), 1);

	strbuf_release(&fit);
	webtest_free(t);
}

static void test_upload_removes_spool(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_request req;
	struct err err = ERR_INIT;
	char *dir, *path;

	(void)state;
	upload_request(t, &req, true);
	assert_int_equal(web_request_add_file(&req, "files", "../../etc/passwd", "x", 1, &err),
	                 ERR_OK);
	dir = strdup(req.upload_dir);
	path = strdup(req.files.items[0].path);
	/* spooled in a private folder, in a numbered folder of its own, under
	 * its name without the folders the browser sent */
	assert_true(strncmp(path, dir, strlen(dir)) == 0);
	assert_string_equal(path + strlen(dir), "/1/passwd");
	assert_int_equal(access(path, R_OK), 0);
	web_request_release(&req);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(access(dir, F_OK), -1);
	free(dir);
	free(path);
	webtest_free(t);
}

static void test_upload_too_large(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_request req;
	struct web_response resp;
	struct strbuf fit = STRBUF_INIT;
	struct err err = ERR_INIT;

	(void)state;
	read_data(FIT_RUN, &fit);
	upload_request(t, &req, true);
	assert_int_equal(web_request_add_file(&req, "files", "run.fit", fit.buf, fit.len, &err),
	                 ERR_OK);
	assert_int_equal(web_request_add_file(&req, "files", "big.zip", "PK", 2, &err), ERR_OK);
	/* a sparse file just over the limit: no disk spent */
	assert_int_equal(truncate(req.files.items[1].path, (off_t)WEB_UPLOAD_MAX), 0);
	req.files.items[1].size = WEB_UPLOAD_MAX;
	webtest_send(t, &req, &resp);
	assert_int_equal(resp.status, 413);
	assert_true(webtest_has(&resp, "too large"));
	web_response_release(&resp);
	web_request_release(&req);
	assert_int_equal(stored_activities(t), 0);
	strbuf_release(&fit);
	webtest_free(t);
}

static void test_upload_without_token(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_request req;
	struct web_response resp;
	struct strbuf fit = STRBUF_INIT;
	struct err err = ERR_INIT;

	(void)state;
	read_data(FIT_RUN, &fit);
	upload_request(t, &req, false);
	assert_int_equal(web_request_add_file(&req, "files", "run.fit", fit.buf, fit.len, &err),
	                 ERR_OK);
	webtest_send(t, &req, &resp);
	assert_int_equal(resp.status, 403);
	web_response_release(&resp);
	web_request_release(&req);
	assert_int_equal(stored_activities(t), 0);

	/* a token of another session is no better */
	upload_request(t, &req, false);
	web_params_add(&req.form, CSRF_FIELD,
	               "0000000000000000000000000000000000000000000000000000000000000000");
	assert_int_equal(web_request_add_file(&req, "files", "run.fit", fit.buf, fit.len, &err),
	                 ERR_OK);
	webtest_send(t, &req, &resp);
	assert_int_equal(resp.status, 403);
	web_response_release(&resp);
	web_request_release(&req);
	assert_int_equal(stored_activities(t), 0);
	strbuf_release(&fit);
	webtest_free(t);
}

static void test_upload_nothing(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_response resp;

	(void)state;
	webtest_post(t, "/import", NULL, &resp);
	assert_int_equal(resp.status, 400);
	assert_true(webtest_has(&resp, "choose one or more files"));
	web_response_release(&resp);
	webtest_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form),
		cmocka_unit_test(test_upload_good_and_broken),
		cmocka_unit_test(test_upload_removes_spool),
		cmocka_unit_test(test_upload_too_large),
		cmocka_unit_test(test_upload_without_token),
		cmocka_unit_test(test_upload_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
