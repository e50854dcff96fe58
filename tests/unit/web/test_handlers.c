/*
 * test_handlers.c: the pages called with request objects, no socket:
 * Today and its JSON, escaping of what the runner wrote, and the
 * anti-CSRF check of POST /sore (403 and nothing stored without the
 * session's token; stored with it).
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
#include <jansson.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "core/athlete.h"
#include "core/body.h"
#include "store/store.h"
#include "store/store_athlete.h"
#include "store/store_body.h"
#include "web/csrf.h"
#include "web/routes.h"
#include "webtest.h"

static int setup(void **state)
{
	*state = webtest_new(false);
	return 0;
}

static int teardown(void **state)
{
	webtest_free(*state);
	return 0;
}

/* Send method path (with its ?query) with the form body (NULL for none) and the cookie
 * header (NULL for none) through the dispatcher into *resp. */
static void call(struct webtest *f, enum web_method m, const char *path, const char *form,
                 const char *cookie, struct web_response *resp)
{
	struct web_request req;

	webtest_request(&req, m, path, form);
	if (cookie) {
		web_cookies_parse(&req.cookies, cookie);
	}
	web_response_init(resp);
	web_dispatch(&f->app, &req, resp);
	web_request_release(&req);
}

/* The number of check-ins stored on 2026-11-24. */
static size_t checkins_today(struct webtest *f)
{
	struct store *s = NULL;
	struct checkin_list list = CHECKIN_LIST_INIT;
	struct err err = ERR_INIT;
	int32_t day;
	size_t n;

	assert_true(date_parse_iso("2026-11-24", &day));
	assert_int_equal(store_open(f->db, STORE_READ, &s, &err), ERR_OK);
	assert_int_equal(store_checkin_list(s, ATHLETE_DEFAULT, day, day, &list, &err), ERR_OK);
	n = list.n;
	checkin_list_release(&list);
	store_close(s);
	return n;
}

static void test_today_page(void **state)
{
	struct webtest *f = *state;
	struct web_response resp;

	call(f, WEB_GET, "/", NULL, NULL, &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.content_type, "text/html; charset=utf-8");
	assert_non_null(strstr(resp.body.buf, "<h1>Tuesday 2026-11-24</h1>"));
	assert_non_null(strstr(resp.body.buf, "Readiness: ready"));
	assert_non_null(strstr(resp.body.buf, "name=\"viewport\""));
	assert_non_null(strstr(resp.body.buf, "<a href=\"/\" aria-current=\"page\">Today</a>"));
	assert_non_null(strstr(resp.body.buf, "name=\"csrf\""));
	/* a new browser gets its session cookie */
	assert_non_null(strstr(web_response_get_header(&resp, "Set-Cookie"),
	                       "; Path=/; HttpOnly; SameSite=Strict"));
	web_response_release(&resp);
}

static void test_today_json(void **state)
{
	struct webtest *f = *state;
	struct web_response resp;
	json_t *o;

	call(f, WEB_GET, "/api/v1/today", NULL, NULL, &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.content_type, "application/json");
	o = json_loads(resp.body.buf, 0, NULL);
	assert_non_null(o);
	assert_string_equal(json_string_value(json_object_get(o, "date")), "2026-11-24");
	assert_string_equal(
	        json_string_value(json_object_get(json_object_get(o, "readiness"), "level")),
	        "ready");
	assert_true(json_is_array(json_object_get(o, "advice")));
	assert_true(json_is_null(json_object_get(o, "plan")));
	json_decref(o);
	web_response_release(&resp);
}

static void test_post_needs_token(void **state)
{
	struct webtest *f = *state;
	struct web_response resp;
	char session[CSRF_HEX_LEN + 1], token[CSRF_HEX_LEN + 1];
	struct strbuf cookie = STRBUF_INIT, form = STRBUF_INIT;

	csrf_new_session(session);
	csrf_token(&f->app.csrf, session, token);
	strbuf_addf(&cookie, "%s=%s", CSRF_COOKIE, session);

	/* no token */
	call(f, WEB_POST, "/sore", "region=calf:left&level=4", cookie.buf, &resp);
	assert_int_equal(resp.status, 403);
	web_response_release(&resp);
	/* a token, but no session cookie */
	strbuf_addf(&form, "region=calf:left&level=4&csrf=%s", token);
	call(f, WEB_POST, "/sore", form.buf, NULL, &resp);
	assert_int_equal(resp.status, 403);
	web_response_release(&resp);
	/* another session's token */
	csrf_token(&f->app.csrf, "0000000000000000000000000000000000000000000000000000000000000000",
	           token);
	strbuf_reset(&form);
	strbuf_addf(&form, "region=calf:left&level=4&csrf=%s", token);
	call(f, WEB_POST, "/sore", form.buf, cookie.buf, &resp);
	assert_int_equal(resp.status, 403);
	web_response_release(&resp);
	assert_int_equal(checkins_today(f), 0);

	/* the session's token: stored, and back to Today */
	csrf_token(&f->app.csrf, session, token);
	strbuf_reset(&form);
	strbuf_addf(&form,
	            "region=calf%%3Aleft&level=4&measure=pain&note=%%3Cscript%%3Ealert(1)"
	            "%%3C%%2Fscript%%3E&csrf=%s",
	            token);
	call(f, WEB_POST, "/sore", form.buf, cookie.buf, &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"), "/");
	assert_null(web_response_get_header(&resp, "Set-Cookie")); /* the session is kept */
	web_response_release(&resp);
	assert_int_equal(checkins_today(f), 1);

	/* the note is on the Today page, escaped */
	call(f, WEB_GET, "/", NULL, cookie.buf, &resp);
	assert_int_equal(resp.status, 200);
	assert_null(strstr(resp.body.buf, "<script>"));
	assert_non_null(strstr(resp.body.buf, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(resp.body.buf, "pain 4"));
	web_response_release(&resp);

	/* bad input with a good token: 400, nothing more stored */
	strbuf_reset(&form);
	strbuf_addf(&form, "region=elbowz:left&level=4&csrf=%s", token);
	call(f, WEB_POST, "/sore", form.buf, cookie.buf, &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
	strbuf_reset(&form);
	strbuf_addf(&form, "region=calf:left&level=11&csrf=%s", token);
	call(f, WEB_POST, "/sore", form.buf, cookie.buf, &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
	assert_int_equal(checkins_today(f), 1);

	strbuf_release(&cookie);
	strbuf_release(&form);
}

/* The number of regions in the reply's readiness.sore. */
static size_t sore_regions(struct webtest *f, const char *target)
{
	struct web_response resp;
	json_t *o;
	size_t n;

	call(f, WEB_GET, target, NULL, NULL, &resp);
	if (resp.status != 200) {
		fail_msg("%s: %d %s", target, resp.status, resp.body.buf);
	}
	o = json_loads(resp.body.buf, 0, NULL);
	assert_non_null(o);
	n = json_array_size(json_object_get(json_object_get(o, "readiness"), "sore"));
	json_decref(o);
	web_response_release(&resp);
	return n;
}

/* Today is kept while the database is unchanged: a check-in written by
 * another connection (as knead sore would write it) shows at once. */
static void test_today_follows_changes(void **state)
{
	struct webtest *f = *state;
	struct store *s = NULL;
	struct err err = ERR_INIT;
	struct checkin c;
	bool merged;

	assert_int_equal(sore_regions(f, "/api/v1/today"), 0);
	assert_int_equal(sore_regions(f, "/api/v1/today"), 0);
	checkin_init(&c);
	c.athlete_id = ATHLETE_DEFAULT;
	assert_true(date_parse_iso("2026-11-24", &c.day));
	memcpy(c.region, "calf", sizeof("calf"));
	c.side = SIDE_LEFT;
	c.level[MEASURE_SORENESS] = 5;
	assert_int_equal(store_open(f->db, STORE_WRITE, &s, &err), ERR_OK);
	assert_int_equal(store_athlete_ensure(s, ATHLETE_DEFAULT, &err), ERR_OK);
	assert_int_equal(store_regions_sync(s, &f->app.regions, &err), ERR_OK);
	assert_int_equal(store_checkin_put(s, &c, &merged, &err), ERR_OK);
	store_close(s);
	checkin_release(&c);
	assert_int_equal(sore_regions(f, "/api/v1/today"), 1);
	/* another day asked, then today again: each its own answer */
	assert_int_equal(sore_regions(f, "/api/v1/today?date=2026-11-20"), 0);
	assert_int_equal(sore_regions(f, "/api/v1/today"), 1);
}

static void test_asset(void **state)
{
	struct webtest *f = *state;
	struct web_response resp;

	call(f, WEB_GET, "/assets/knead.css", NULL, NULL, &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.content_type, "text/css; charset=utf-8");
	assert_non_null(strstr(resp.body.buf, "nav"));
	web_response_release(&resp);
	call(f, WEB_GET, "/assets/../knead.db", NULL, NULL, &resp);
	assert_int_equal(resp.status, 404);
	web_response_release(&resp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_today_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_today_json, setup, teardown),
		cmocka_unit_test_setup_teardown(test_post_needs_token, setup, teardown),
		cmocka_unit_test_setup_teardown(test_today_follows_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_asset, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
