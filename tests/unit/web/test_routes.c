/*
 * test_routes.c: the route table is sorted (bisection depends on it) and
 * dispatch finds routes, refuses unknown paths and wrong methods.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "web/routes.h"

static void test_table_sorted(void **state)
{
	(void)state;
	assert_true(web_routes_count > 0);
	for (size_t i = 1; i < web_routes_count; i++) {
		assert_true(strcmp(web_routes[i - 1].path, web_routes[i].path) < 0);
	}
	for (size_t i = 0; i < web_routes_count; i++) {
		assert_ptr_equal(web_route_find(web_routes[i].path), &web_routes[i]);
		assert_non_null(web_routes[i].handler);
		/* a route that writes takes POST (its GET, if any, shows the form) */
		if (web_routes[i].flags & WEB_WRITES) {
			assert_true(web_routes[i].methods & WEB_POST);
		}
		/* a JSON route declares its reply's shape; a page does not */
		if ((web_routes[i].flags & WEB_JSON) && strcmp(web_routes[i].path, "/api/v1/")) {
			assert_non_null(web_routes[i].schema);
		} else {
			assert_null(web_routes[i].schema);
		}
	}
}

static void test_find(void **state)
{
	(void)state;
	assert_ptr_equal(web_route_find("/")->handler, web_page_today);
	assert_ptr_equal(web_route_find("/api/v1/today")->handler, web_api_today);
	assert_true(web_route_find("/api/v1/today")->flags & WEB_JSON);
	assert_null(web_route_find("/api/v1/toda"));
	assert_null(web_route_find("/nope"));
	assert_null(web_route_find(""));
	assert_null(web_route_find("/zzz"));
}

/* Dispatch without a database: refusals happen before any handler runs. */
static void dispatch(const char *path, enum web_method m, struct web_response *resp)
{
	struct web_app app;
	struct web_request req;
	struct err err = ERR_INIT;

	assert_int_equal(web_app_init(&app, "/nonexistent/knead.db", &err), ERR_OK);
	web_request_init(&req);
	req.method = m;
	web_request_set_path(&req, path);
	web_response_init(resp);
	web_dispatch(&app, &req, resp);
	web_request_release(&req);
	web_app_release(&app);
}

static void test_dispatch_refusals(void **state)
{
	struct web_response resp;

	(void)state;
	dispatch("/nope", WEB_GET, &resp);
	assert_int_equal(resp.status, 404);
	assert_non_null(strstr(resp.body.buf, "no such page"));
	web_response_release(&resp);

	dispatch("/", WEB_POST, &resp);
	assert_int_equal(resp.status, 405);
	assert_string_equal(web_response_get_header(&resp, "Allow"), "GET, HEAD");
	web_response_release(&resp);

	dispatch("/api/v1/today", WEB_POST, &resp);
	assert_int_equal(resp.status, 405);
	assert_string_equal(resp.content_type, "application/json");
	web_response_release(&resp);

	dispatch("/sore", WEB_GET, &resp);
	assert_int_equal(resp.status, 405);
	assert_string_equal(web_response_get_header(&resp, "Allow"), "POST");
	web_response_release(&resp);

	/* a handler's failure (no database) is an error page, not a crash */
	dispatch("/", WEB_GET, &resp);
	assert_int_equal(resp.status, 404);
	assert_non_null(strstr(resp.body.buf, "no database"));
	web_response_release(&resp);
}

static void test_params(void **state)
{
	struct web_request req;

	(void)state;
	web_request_init(&req);
	web_params_parse(&req.form, "a=1&note=%3Cb%3E+x&empty&b=%zz", 30);
	assert_string_equal(web_params_get(&req.form, "a"), "1");
	assert_string_equal(web_params_get(&req.form, "note"), "<b> x");
	assert_string_equal(web_params_get(&req.form, "empty"), "");
	assert_string_equal(web_params_get(&req.form, "b"), "%zz");
	assert_null(web_param(&req, "a")); /* a GET reads the query only */
	req.method = WEB_POST;
	assert_string_equal(web_param(&req, "a"), "1");
	web_cookies_parse(&req.cookies, "x=1; knead_session=abc;y=");
	assert_string_equal(web_params_get(&req.cookies, "knead_session"), "abc");
	assert_string_equal(web_params_get(&req.cookies, "y"), "");
	web_request_set_path(&req, "/a%20b");
	assert_string_equal(req.path, "/a b");
	web_request_release(&req);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_sorted),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_dispatch_refusals),
		cmocka_unit_test(test_params),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
