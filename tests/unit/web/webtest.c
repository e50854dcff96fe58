/*
 * webtest.c: see webtest.h.
 */
#include "webtest.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "advice/demo.h"
#include "base/date.h"
#include "base/strbuf.h"
#include "core/athlete.h"
#include "store/store_athlete.h"

struct webtest *webtest_new(bool demo)
{
	struct webtest *t = calloc(1, sizeof(*t));
	struct store *s = NULL;
	struct err err = ERR_INIT;

	assert_non_null(t);
	setenv("KNEAD_NOW", WEBTEST_TODAY "T12:00", 1);
	memcpy(t->dir, "/tmp/knead-web-XXXXXX", sizeof("/tmp/knead-web-XXXXXX"));
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->db, sizeof(t->db), "%s/knead.db", t->dir);
	assert_int_equal(store_open(t->db, STORE_WRITE, &s, &err), ERR_OK);
	assert_int_equal(web_app_init(&t->app, t->db, &err), ERR_OK);
	if (demo) {
		struct demo_summary sum;
		int32_t today;

		assert_true(date_parse_iso(WEBTEST_TODAY, &today));
		if (store_athlete_ensure(s, ATHLETE_DEFAULT, &err) ||
		    demo_generate(s, ATHLETE_DEFAULT, &t->app.regions, today, &sum, &err)) {
			fail_msg("demo: %s", err.msg);
		}
	}
	store_close(s);
	csrf_new_session(t->session);
	csrf_token(&t->app.csrf, t->session, t->token);
	snprintf(t->cookie, sizeof(t->cookie), "%s=%s", CSRF_COOKIE, t->session);
	return t;
}

void webtest_free(struct webtest *t)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	char path[128];

	if (!t) {
		return;
	}
	web_app_release(&t->app);
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", t->db, suffixes[i]);
		remove(path);
	}
	rmdir(t->dir);
	free(t);
}

void webtest_send(struct webtest *t, struct web_request *req, struct web_response *resp)
{
	web_cookies_parse(&req->cookies, t->cookie);
	web_response_init(resp);
	web_dispatch(&t->app, req, resp);
}

void webtest_request(struct web_request *req, enum web_method method, const char *target,
                     const char *form)
{
	struct strbuf path = STRBUF_INIT;
	const char *q = strchr(target, '?');

	web_request_init(req);
	req->method = method;
	strbuf_add(&path, target, q ? (size_t)(q - target) : strlen(target));
	web_request_set_path(req, path.buf);
	if (q) {
		web_params_parse(&req->query, q + 1, strlen(q + 1));
	}
	if (form) {
		web_params_parse(&req->form, form, strlen(form));
		strbuf_adds(&req->body, form);
	}
	strbuf_release(&path);
}

void webtest_call(struct webtest *t, enum web_method method, const char *target, const char *form,
                  struct web_response *resp)
{
	struct web_request req;
	struct strbuf body = STRBUF_INIT;

	if (form) {
		strbuf_adds(&body, form);
	}
	if (method == WEB_POST) {
		strbuf_addf(&body, "%s%s=%s", body.len ? "&" : "", CSRF_FIELD, t->token);
	}
	webtest_request(&req, method, target, body.len ? body.buf : NULL);
	webtest_send(t, &req, resp);
	web_request_release(&req);
	strbuf_release(&body);
}

void webtest_get(struct webtest *t, const char *target, struct web_response *resp)
{
	webtest_call(t, WEB_GET, target, NULL, resp);
}

void webtest_post(struct webtest *t, const char *target, const char *form,
                  struct web_response *resp)
{
	webtest_call(t, WEB_POST, target, form, resp);
}

json_t *webtest_json(const struct web_response *resp)
{
	json_error_t e;
	json_t *o = json_loadb(resp->body.buf, resp->body.len, 0, &e);

	if (!o) {
		fail_msg("not JSON (%s at line %d): %.200s", e.text, e.line, resp->body.buf);
	}
	return o;
}

struct store *webtest_store(struct webtest *t)
{
	struct store *s = NULL;
	struct err err = ERR_INIT;

	if (store_open(t->db, STORE_READ, &s, &err)) {
		fail_msg("store: %s", err.msg);
	}
	return s;
}

bool webtest_has(const struct web_response *resp, const char *text)
{
	return strstr(resp->body.buf, text) != NULL;
}
