/*
 * test_body.c: the Body pages and their JSON (page_body.c), and POST
 * /sore's way back (page_sore.c), on the demo season or an empty log.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "base/date.h"
#include "core/body.h"
#include "store/store_body.h"
#include "webtest.h"

static int setup_demo(void **state)
{
	*state = webtest_new(true);
	return 0;
}

static int setup_empty(void **state)
{
	*state = webtest_new(false);
	return 0;
}

static int teardown(void **state)
{
	webtest_free(*state);
	return 0;
}

/* The <a ...> ... </a> of the link with id in body, as an owned string
 * (fails when there is none). */
static char *link_with_id(const struct web_response *resp, const char *id)
{
	char needle[128];
	const char *p, *start, *end;

	snprintf(needle, sizeof(needle), "id=\"%s\"", id);
	p = strstr(resp->body.buf, needle);
	if (!p) {
		fail_msg("no element with %s", needle);
	}
	start = p;
	while (start > resp->body.buf && strncmp(start, "<a ", 3) != 0) {
		start--;
	}
	end = strstr(p, "</a>");
	assert_non_null(end);
	return strndup(start, (size_t)(end - start) + 4);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
		n++;
	}
	return n;
}

/* Today's check-ins on code and side, as stored. */
static size_t stored_today(struct webtest *t, const char *code, enum side side, struct checkin *out)
{
	struct store *s = webtest_store(t);
	struct checkin_list list = CHECKIN_LIST_INIT;
	struct err err = ERR_INIT;
	int32_t today;
	size_t n = 0;

	assert_true(date_parse_iso(WEBTEST_TODAY, &today));
	assert_int_equal(store_checkin_list(s, ATHLETE_DEFAULT, today, today, &list, &err), ERR_OK);
	for (size_t i = 0; i < list.n; i++) {
		if (!strcmp(list.items[i].region, code) && list.items[i].side == side) {
			if (out) {
				memcpy(out->level, list.items[i].level, sizeof(out->level));
			}
			n++;
		}
	}
	checkin_list_release(&list);
	store_close(s);
	return n;
}

static void test_map_on_demo(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	char *a, *maps;

	webtest_get(t, "/body", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "<svg class=\"bodymap\" id=\"bodymap-front\""));
	assert_true(webtest_has(&resp, "<svg class=\"bodymap\" id=\"bodymap-back\""));
	/* the demo's left hamstring injury: tightness 3, pain 2 today */
	a = link_with_id(&resp, "region-hamstrings-left");
	assert_non_null(strstr(a, "href=\"/body/region?region=hamstrings&amp;side=left\""));
	assert_non_null(strstr(a, "data-level=\"3.0\""));
	assert_null(strstr(a, "bm-l0"));
	assert_non_null(strstr(a, "<title>left hamstrings: tightness 3 on Tue 2026-11-24"));
	free(a);
	/* the right one: its latest (both sides) check-in said 0 */
	a = link_with_id(&resp, "region-hamstrings-right");
	assert_non_null(strstr(a, "href=\"/body/region?region=hamstrings&amp;side=right\""));
	assert_non_null(strstr(a, "bm-l0"));
	free(a);
	/* nothing ever checked in on the neck */
	a = link_with_id(&resp, "region-neck");
	assert_non_null(strstr(a, "bm-l0"));
	assert_non_null(strstr(a, "nothing checked in lately"));
	free(a);
	/* every shape of a region is a link to its page, and every region
	 * and side of the catalogue has its id */
	/* from the maps to the injuries */
	a = strstr(resp.body.buf, "<div class=\"bodymaps\">");
	assert_non_null(a);
	maps = strndup(a, (size_t)(strstr(a, "<h2>Injuries") - a));
	assert_true(count(maps, "class=\"bm-region") > 100);
	assert_int_equal(count(maps, "class=\"bm-region"),
	                 count(maps, "<a href=\"/body/region?region="));
	assert_int_equal(count(maps, "<a "), count(maps, "<a href=\"/body/region?region="));
	free(maps);
	for (size_t i = 0; i < t->app.regions.n_regions; i++) {
		const struct region *r = &t->app.regions.regions[i];
		char id[96];

		if (r->sided) {
			snprintf(id, sizeof(id), "id=\"region-%s-left\"", r->code);
			assert_int_equal(count(resp.body.buf, id), 1);
			snprintf(id, sizeof(id), "id=\"region-%s-right\"", r->code);
		} else {
			snprintf(id, sizeof(id), "id=\"region-%s\"", r->code);
		}
		assert_int_equal(count(resp.body.buf, id), 1);
	}
	/* the legend, the injuries with their trend, the recent check-ins */
	assert_true(webtest_has(&resp, "class=\"bodymap-legend\""));
	assert_true(webtest_has(&resp, "<h2>Injuries</h2>"));
	assert_true(webtest_has(&resp, ">left hamstrings</a></td><td>Wed 2026-11-04 (20 days)"));
	assert_true(webtest_has(&resp, "improving, -1.2 a week"));
	assert_false(webtest_has(&resp, ">right hamstrings</a></td><td>Wed 2026-04-29"));
	assert_true(webtest_has(&resp, "<h2>Check-ins, last 14 days</h2>"));
	assert_true(webtest_has(&resp, "<td>Tue 2026-11-24</td>"));
	assert_false(webtest_has(&resp, "<td>Tue 2026-11-10</td>"));
	web_response_release(&resp);
}

static void test_map_empty(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;

	webtest_get(t, "/body", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(count(resp.body.buf, "class=\"bm-region bm-l0\"") > 100);
	for (int step = 1; step <= 5; step++) {
		char cls[32];

		snprintf(cls, sizeof(cls), "bm-l%d\"", step);
		assert_false(webtest_has(&resp, cls));
	}
	assert_true(webtest_has(&resp, "<p>No check-ins.</p>"));
	web_response_release(&resp);
}

static void test_region_page(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;

	webtest_get(t, "/body/region?region=hamstrings&side=left", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "<title>Left hamstrings"));
	/* the form, aimed at this region and back here */
	assert_true(
	        webtest_has(&resp, "<form id=\"checkin-form\" method=\"post\" action=\"/sore\">"));
	assert_true(webtest_has(&resp, "name=\"region\" value=\"hamstrings:left\""));
	assert_true(webtest_has(
	        &resp, "name=\"back\" value=\"/body/region?region=hamstrings&amp;side=left\""));
	assert_true(webtest_has(&resp, "name=\"level\""));
	assert_true(webtest_has(&resp, "<option value=\"pain\">"));
	assert_true(webtest_has(&resp, "name=\"note\""));
	assert_true(webtest_has(&resp, ">Check in</button>"));
	assert_true(webtest_has(&resp, "name=\"" CSRF_FIELD "\""));
	/* its history: today's check-in and the start of the window, not before */
	assert_true(webtest_has(&resp, "class=\"sparkline\""));
	assert_true(webtest_has(&resp, "<td>Tue 2026-11-24</td>"));
	assert_true(webtest_has(&resp, "<td>Wed 2026-11-04</td>"));
	assert_true(webtest_has(&resp, "deep ache under the left sit bone"));
	/* the both-sides check-ins speak of the left one too */
	assert_true(webtest_has(&resp, ">hamstrings (both sides)</a>"));
	/* its injury with the trend; the right one's is not here */
	assert_true(webtest_has(&resp, "improving, -1.2 a week"));
	assert_false(webtest_has(&resp, "Wed 2026-04-29"));
	/* and its parts */
	assert_true(webtest_has(&resp, "region=semitendinosus&amp;side=left\">semitendinosus</a>"));
	web_response_release(&resp);

	/* the right side's page has the resolved injury and its own form */
	webtest_get(t, "/body/region?region=hamstring&side=r", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "name=\"region\" value=\"hamstrings:right\""));
	assert_true(webtest_has(&resp, "Wed 2026-04-29"));
	assert_false(webtest_has(&resp, "deep ache under the left sit bone"));
	web_response_release(&resp);

	/* an unsided region: no side anywhere */
	webtest_get(t, "/body/region?region=neck", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "name=\"region\" value=\"neck\""));
	assert_true(webtest_has(&resp, "<p>No check-ins.</p>"));
	web_response_release(&resp);
}

static void test_region_errors(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;

	webtest_get(t, "/body/region?region=hamstrign&side=left", &resp);
	assert_int_equal(resp.status, 404);
	assert_true(webtest_has(&resp, "hamstrign"));
	assert_true(webtest_has(&resp, "did you mean"));
	assert_true(webtest_has(&resp, "hamstrings"));
	web_response_release(&resp);

	/* what the runner typed is escaped in the message */
	webtest_get(t, "/body/region?region=%3Cscript%3E", &resp);
	assert_int_equal(resp.status, 404);
	assert_false(webtest_has(&resp, "<script>"));
	web_response_release(&resp);

	webtest_get(t, "/body/region?region=neck&side=left", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
	webtest_get(t, "/body/region?region=calf&side=up", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
	webtest_get(t, "/body/region", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
}

static void test_checkin_and_back(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	struct checkin c;
	char *a;

	assert_int_equal(stored_today(t, "hamstrings", SIDE_RIGHT, NULL), 0);
	webtest_post(
	        t, "/sore",
	        "region=hamstrings%3Aright&level=4&measure=pain&note=sharp+%3Cb%3Eafter%3C%2Fb%3E"
	        "&back=%2Fbody%2Fregion%3Fregion%3Dhamstrings%26side%3Dright",
	        &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"),
	                    "/body/region?region=hamstrings&side=right");
	web_response_release(&resp);
	assert_int_equal(stored_today(t, "hamstrings", SIDE_RIGHT, &c), 1);
	assert_int_equal(c.level[MEASURE_PAIN], 4);

	/* the page the form went back to shows it, escaped */
	webtest_get(t, "/body/region?region=hamstrings&side=right", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "sharp &lt;b&gt;after&lt;/b&gt;"));
	assert_false(webtest_has(&resp, "<b>after"));
	web_response_release(&resp);
	/* and the map shades it now */
	webtest_get(t, "/body", &resp);
	a = link_with_id(&resp, "region-hamstrings-right");
	assert_non_null(strstr(a, "data-level=\"4.0\""));
	assert_non_null(strstr(a, "bm-l2"));
	assert_non_null(strstr(a, "pain 4 on Tue 2026-11-24"));
	free(a);
	web_response_release(&resp);

	/* without back: the Today page, as before */
	webtest_post(t, "/sore", "region=neck&level=2", &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"), "/");
	web_response_release(&resp);
}

static void test_open_redirect_refused(void **state)
{
	static const char *const bad[] = {
		"%2F%2Fevil.example",         "https%3A%2F%2Fevil.example",
		"%2F%5Cevil.example",         "evil.example",
		"%2Fok%0D%0ASet-Cookie%3A+x", "%2F%09%2Fevil.example",
		"javascript%3Aalert%281%29",
	};
	struct webtest *t = *state;
	struct web_response resp;
	char form[160];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(form, sizeof(form), "region=neck&level=3&back=%s", bad[i]);
		webtest_post(t, "/sore", form, &resp);
		if (resp.status != 400) {
			fail_msg("back=%s: status %d", bad[i], resp.status);
		}
		assert_null(web_response_get_header(&resp, "Location"));
		web_response_release(&resp);
	}
	/* and nothing was written */
	assert_int_equal(stored_today(t, "neck", SIDE_NONE, NULL), 0);
}

static void test_api_body(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	json_t *o, *regions, *checkins, *v;
	size_t i;
	bool left = false;

	webtest_get(t, "/api/v1/body", &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.content_type, "application/json");
	o = webtest_json(&resp);
	assert_string_equal(json_string_value(json_object_get(o, "date")), WEBTEST_TODAY);
	assert_int_equal(json_integer_value(json_object_get(o, "window_days")), 7);
	regions = json_object_get(o, "regions");
	assert_true(json_is_array(regions));
	json_array_foreach(regions, i, v)
	{
		assert_true(json_is_string(json_object_get(v, "region")));
		assert_true(json_is_number(json_object_get(v, "level")));
		assert_true(json_is_string(json_object_get(v, "measure")));
		assert_true(json_is_integer(json_object_get(v, "raw")));
		assert_true(json_is_string(json_object_get(v, "date")));
		if (!strcmp(json_string_value(json_object_get(v, "region")), "hamstrings") &&
		    json_is_string(json_object_get(v, "side")) &&
		    !strcmp(json_string_value(json_object_get(v, "side")), "left")) {
			left = true;
			assert_true(json_number_value(json_object_get(v, "level")) == 3.0);
			assert_string_equal(json_string_value(json_object_get(v, "measure")),
			                    "tightness");
		}
	}
	assert_true(left);
	/* the last 14 days of check-ins, as `knead --json sore` lists them */
	checkins = json_object_get(o, "checkins");
	assert_true(json_array_size(checkins) > 20);
	assert_string_equal(json_string_value(json_object_get(json_array_get(checkins, 0), "date")),
	                    "2026-11-11");
	v = json_array_get(checkins, json_array_size(checkins) - 1);
	assert_string_equal(json_string_value(json_object_get(v, "date")), WEBTEST_TODAY);
	assert_true(json_object_get(v, "soreness") && json_object_get(v, "tightness") &&
	            json_object_get(v, "pain") && json_object_get(v, "note") &&
	            json_object_get(v, "id"));
	json_decref(o);
	web_response_release(&resp);
}

static void test_api_injuries(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	json_t *o, *arr, *first;

	webtest_get(t, "/api/v1/injuries", &resp);
	assert_int_equal(resp.status, 200);
	o = webtest_json(&resp);
	arr = json_object_get(o, "injuries");
	assert_int_equal(json_array_size(arr), 2);
	first = json_array_get(arr, 0);
	assert_string_equal(json_string_value(json_object_get(first, "region")), "hamstrings");
	assert_string_equal(json_string_value(json_object_get(first, "side")), "left");
	assert_string_equal(
	        json_string_value(json_object_get(
	                json_object_get(json_object_get(first, "course"), "trend"), "verdict")),
	        "improving");
	json_decref(o);
	web_response_release(&resp);

	webtest_get(t, "/api/v1/injuries?all=1", &resp);
	assert_int_equal(resp.status, 200);
	o = webtest_json(&resp);
	assert_int_equal(json_array_size(json_object_get(o, "injuries")), 3);
	json_decref(o);
	web_response_release(&resp);

	webtest_get(t, "/api/v1/injuries?all=yes", &resp);
	assert_int_equal(resp.status, 400);
	o = webtest_json(&resp);
	assert_int_equal(json_integer_value(json_object_get(o, "status")), 400);
	json_decref(o);
	web_response_release(&resp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_map_on_demo, setup_demo, teardown),
		cmocka_unit_test_setup_teardown(test_map_empty, setup_empty, teardown),
		cmocka_unit_test_setup_teardown(test_region_page, setup_demo, teardown),
		cmocka_unit_test_setup_teardown(test_region_errors, setup_empty, teardown),
		cmocka_unit_test_setup_teardown(test_checkin_and_back, setup_demo, teardown),
		cmocka_unit_test_setup_teardown(test_open_redirect_refused, setup_empty, teardown),
		cmocka_unit_test_setup_teardown(test_api_body, setup_demo, teardown),
		cmocka_unit_test_setup_teardown(test_api_injuries, setup_demo, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
