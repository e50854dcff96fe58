/*
 * test_auth.c: logging in to the web app (web/auth.h, page_login.c, the
 * dispatcher's gate): open without a password, a login for every page
 * with one, 401 for JSON and POSTs, wrong and right passwords, session
 * fixation, logout, the next= parameter, and a new password ending
 * every login.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "store/store_auth.h"
#include "store/store_athlete.h"
#include "web/auth.h"
#include "webtest.h"

/* A browser's cookies. */
struct browser {
	char session[CSRF_HEX_LEN + 1];
	char login[160]; /* "" when not logged in */
};

static void set_password(struct webtest *t, const char *password)
{
	struct store *s = NULL;
	struct err err = ERR_INIT;

	assert_int_equal(store_open(t->db, STORE_WRITE, &s, &err), ERR_OK);
	assert_int_equal(store_auth_set_password(s, password, &err), ERR_OK);
	store_close(s);
}

/* Send method target with form (a POST gets b's token) and b's cookies;
 * then take the cookies the answer sets. */
static void browse(struct webtest *t, struct browser *b, enum web_method method, const char *target,
                   const char *form, struct web_response *resp)
{
	struct web_request req;
	struct strbuf sb = STRBUF_INIT;
	const char *q = strchr(target, '?');
	struct err err = ERR_INIT;
	char token[CSRF_HEX_LEN + 1];

	web_request_init(&req);
	req.method = method;
	strbuf_add(&sb, target, q ? (size_t)(q - target) : strlen(target));
	web_request_set_path(&req, sb.buf);
	if (q) {
		web_params_parse(&req.query, q + 1, strlen(q + 1));
	}
	strbuf_reset(&sb);
	if (form) {
		strbuf_adds(&sb, form);
	}
	if (method == WEB_POST) {
		/* the secret as the server has it now */
		assert_int_equal(web_app_refresh_auth(&t->app, &err), ERR_OK);
		csrf_token(&t->app.csrf, b->session, token);
		strbuf_addf(&sb, "%s%s=%s", sb.len ? "&" : "", CSRF_FIELD, token);
		web_params_parse(&req.form, sb.buf, sb.len);
	}
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s=%s", CSRF_COOKIE, b->session);
	if (b->login[0]) {
		strbuf_addf(&sb, "; %s=%s", AUTH_COOKIE, b->login);
	}
	web_cookies_parse(&req.cookies, sb.buf);
	webtest_send(t, &req, resp);
	for (size_t i = 0; i < resp->n_headers; i++) {
		const char *v = resp->headers[i].value, *end = strchr(v, ';');
		size_t n;

		if (strcmp(resp->headers[i].name, "Set-Cookie") != 0 || !end) {
			continue;
		}
		if (!strncmp(v, CSRF_COOKIE "=", sizeof(CSRF_COOKIE))) {
			n = (size_t)(end - v) - sizeof(CSRF_COOKIE);
			assert_int_equal(n, CSRF_HEX_LEN);
			memcpy(b->session, v + sizeof(CSRF_COOKIE), n);
			b->session[n] = '\0';
		} else if (!strncmp(v, AUTH_COOKIE "=", sizeof(AUTH_COOKIE))) {
			n = (size_t)(end - v) - sizeof(AUTH_COOKIE);
			assert_true(n < sizeof(b->login));
			memcpy(b->login, v + sizeof(AUTH_COOKIE), n);
			b->login[n] = '\0';
		}
	}
	web_request_release(&req);
	strbuf_release(&sb);
}

static void new_browser(struct browser *b)
{
	csrf_new_session(b->session);
	b->login[0] = '\0';
}

/* Log b in with the password; asserts it worked. */
static void log_in(struct webtest *t, struct browser *b, const char *password)
{
	struct web_response resp;
	char form[128];

	snprintf(form, sizeof(form), "password=%s&next=/settings", password);
	browse(t, b, WEB_POST, "/login", form, &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"), "/settings");
	assert_true(b->login[0]);
	web_response_release(&resp);
}

static int status_of(struct webtest *t, struct browser *b, enum web_method m, const char *target,
                     const char *form)
{
	struct web_response resp;
	int status;

	browse(t, b, m, target, form, &resp);
	status = resp.status;
	web_response_release(&resp);
	return status;
}

static void test_open_without_password(void **state)
{
	struct webtest *t = webtest_new(false);
	struct browser b;
	struct web_response resp;

	(void)state;
	new_browser(&b);
	assert_int_equal(status_of(t, &b, WEB_GET, "/settings", NULL), 200);
	browse(t, &b, WEB_GET, "/login", NULL, &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "No password is set"));
	assert_true(webtest_has(&resp, "knead passwd"));
	assert_false(webtest_has(&resp, "login-form"));
	web_response_release(&resp);
	/* a server listening on the network serves nothing until one is set */
	t->app.network = true;
	browse(t, &b, WEB_GET, "/settings", NULL, &resp);
	assert_int_equal(resp.status, 403);
	assert_true(webtest_has(&resp, "knead passwd"));
	web_response_release(&resp);
	assert_int_equal(status_of(t, &b, WEB_GET, "/api/v1/today", NULL), 403);
	assert_int_equal(status_of(t, &b, WEB_GET, "/assets/knead.css", NULL), 200);
	webtest_free(t);
}

static void test_login_required(void **state)
{
	struct webtest *t = webtest_new(false);
	struct browser b;
	struct web_response resp;
	struct store *s;
	struct athlete a;
	struct err err = ERR_INIT;

	(void)state;
	set_password(t, "correct horse");
	new_browser(&b);
	browse(t, &b, WEB_GET, "/settings", NULL, &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"), "/login?next=/settings");
	web_response_release(&resp);
	browse(t, &b, WEB_GET, "/calendar?month=2026-11&x=a b", NULL, &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"),
	                    "/login?next=/calendar%3Fmonth%3D2026-11%26x%3Da%2520b");
	web_response_release(&resp);
	/* JSON gets 401 as JSON */
	browse(t, &b, WEB_GET, "/api/v1/today", NULL, &resp);
	assert_int_equal(resp.status, 401);
	assert_string_equal(resp.content_type, "application/json");
	json_decref(webtest_json(&resp));
	web_response_release(&resp);
	/* a POST with a good token but no login changes nothing */
	assert_int_equal(status_of(t, &b, WEB_POST, "/settings/profile", "name=Mallory"), 401);
	s = webtest_store(t);
	athlete_init(&a, ATHLETE_DEFAULT);
	if (store_athlete_get(s, ATHLETE_DEFAULT, &a, &err) == ERR_OK) {
		assert_null(a.name);
	}
	athlete_release(&a);
	store_close(s);
	/* the login page and the assets stay open */
	browse(t, &b, WEB_GET, "/login?next=/settings", NULL, &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "id=\"login-form\""));
	assert_true(webtest_has(&resp, "name=\"password\""));
	assert_true(webtest_has(&resp, "value=\"/settings\""));
	assert_true(webtest_has(&resp, "name=\"viewport\""));
	web_response_release(&resp);
	assert_int_equal(status_of(t, &b, WEB_GET, "/assets/knead.css", NULL), 200);
	webtest_free(t);
}

static void test_wrong_then_right_password(void **state)
{
	struct webtest *t = webtest_new(false);
	struct browser b, thief;
	struct web_response resp;
	char before[CSRF_HEX_LEN + 1];

	(void)state;
	set_password(t, "correct horse");
	new_browser(&b);
	browse(t, &b, WEB_POST, "/login", "password=wrong+horse&next=/settings", &resp);
	assert_int_equal(resp.status, 403);
	assert_true(webtest_has(&resp, "Wrong password"));
	assert_true(webtest_has(&resp, "id=\"login-form\""));
	assert_false(b.login[0]);
	web_response_release(&resp);
	/* a POST to /login without the form's token is refused before any check */
	memcpy(before, b.session, sizeof(before));
	log_in(t, &b, "correct+horse");
	/* a new session id: one planted before the login is worth nothing */
	assert_string_not_equal(before, b.session);
	browse(t, &b, WEB_GET, "/settings", NULL, &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "id=\"logout-form\""));
	web_response_release(&resp);
	assert_int_equal(status_of(t, &b, WEB_GET, "/export?format=json", NULL), 200);
	assert_int_equal(status_of(t, &b, WEB_POST, "/settings/profile", "name=Ana"), 303);
	/* the login cookie is bound to its session */
	thief = b;
	memcpy(thief.session, before, sizeof(before));
	assert_int_equal(status_of(t, &thief, WEB_GET, "/settings", NULL), 303);
	/* and to the secret: a forged one fails */
	thief = b;
	thief.login[strlen(thief.login) - 1] ^= 1;
	assert_int_equal(status_of(t, &thief, WEB_GET, "/settings", NULL), 303);
	/* an expiry moved later breaks the MAC */
	thief = b;
	thief.login[0] = '9';
	assert_int_equal(status_of(t, &thief, WEB_GET, "/settings", NULL), 303);
	/* 30 days on, the login is over */
	setenv("KNEAD_NOW", "2026-12-25T12:00", 1);
	assert_int_equal(status_of(t, &b, WEB_GET, "/settings", NULL), 303);
	setenv("KNEAD_NOW", WEBTEST_TODAY "T12:00", 1);
	assert_int_equal(status_of(t, &b, WEB_GET, "/settings", NULL), 200);
	webtest_free(t);
}

static void test_logout_and_new_password(void **state)
{
	struct webtest *t = webtest_new(false);
	struct browser b, other;
	struct web_response resp;

	(void)state;
	set_password(t, "correct horse");
	new_browser(&b);
	new_browser(&other);
	log_in(t, &b, "correct+horse");
	log_in(t, &other, "correct+horse");
	browse(t, &b, WEB_POST, "/logout", NULL, &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"), "/login");
	assert_false(b.login[0]);
	web_response_release(&resp);
	assert_int_equal(status_of(t, &b, WEB_GET, "/settings", NULL), 303);
	/* the other browser is still in, until the password changes */
	assert_int_equal(status_of(t, &other, WEB_GET, "/settings", NULL), 200);
	set_password(t, "battery staple");
	assert_int_equal(status_of(t, &other, WEB_GET, "/settings", NULL), 303);
	log_in(t, &other, "battery+staple");
	assert_int_equal(status_of(t, &other, WEB_GET, "/settings", NULL), 200);
	/* removed: this machine needs no login again */
	set_password(t, NULL);
	new_browser(&b);
	assert_int_equal(status_of(t, &b, WEB_GET, "/settings", NULL), 200);
	webtest_free(t);
}

static void test_next_stays_here(void **state)
{
	static const char *const bad[] = {
		"//evil.example/",     "https://evil.example/", "/\\evil.example", "evil", "",
		"/\r\nSet-Cookie:x=1", "javascript:alert(1)",
	};
	struct webtest *t = webtest_new(false);
	struct browser b;
	struct web_response resp;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_string_equal(auth_next(bad[i]), "/");
	}
	assert_string_equal(auth_next(NULL), "/");
	assert_string_equal(auth_next("/calendar?month=2026-11"), "/calendar?month=2026-11");
	set_password(t, "correct horse");
	new_browser(&b);
	browse(t, &b, WEB_POST, "/login", "password=correct+horse&next=%2F%2Fevil.example", &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"), "/");
	web_response_release(&resp);
	/* and on the form, next is escaped */
	browse(t, &b, WEB_GET, "/login?next=/x%22%3E%3Cscript%3E", NULL, &resp);
	assert_false(webtest_has(&resp, "<script>"));
	web_response_release(&resp);
	webtest_free(t);
}

static void test_calendar_key(void **state)
{
	struct webtest *t = webtest_new(false);
	struct browser b;
	struct web_response resp;
	struct err err = ERR_INIT;
	char key[CSRF_HEX_LEN + 1], target[128];

	(void)state;
	set_password(t, "correct horse");
	assert_int_equal(web_app_refresh_auth(&t->app, &err), ERR_OK);
	auth_calendar_key(&t->app, key);
	new_browser(&b);
	snprintf(target, sizeof(target), "/calendar.ics?key=%s", key);
	browse(t, &b, WEB_GET, target, NULL, &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "BEGIN:VCALENDAR"));
	web_response_release(&resp);
	key[0] = key[0] == 'a' ? 'b' : 'a';
	snprintf(target, sizeof(target), "/calendar.ics?key=%s", key);
	assert_int_equal(status_of(t, &b, WEB_GET, target, NULL), 303);
	/* the key opens nothing else */
	assert_int_equal(status_of(t, &b, WEB_GET, "/backup?key=x", NULL), 303);
	webtest_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_without_password),
		cmocka_unit_test(test_login_required),
		cmocka_unit_test(test_wrong_then_right_password),
		cmocka_unit_test(test_logout_and_new_password),
		cmocka_unit_test(test_next_stays_here),
		cmocka_unit_test(test_calendar_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
