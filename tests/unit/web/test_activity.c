/*
 * test_activity.c: GET /activity?id=N for an activity typed by hand (the
 * demo's: summary only) and for an imported FIT file (charts, route,
 * laps); 404 and 400; and /api/v1/activity and /api/v1/activities
 * answering what `knead --json show` and `knead --json list` print.
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

#include "advice/listing.h"
#include "advice/training.h"
#include "base/date.h"
#include "formats/import.h"
#include "render/json_activity.h"
#include "store/store_activity.h"
#include "store/store_athlete.h"
#include "store/store_recording.h"
#include "webtest.h"

#define FIT_RUN "fit/activity-small-fenix2-run.fit"

/* How many times needle occurs in resp's body. */
static size_t count(const struct web_response *resp, const char *needle)
{
	size_t n = 0;

	for (const char *p = resp->body.buf; (p = strstr(p, needle)); p += strlen(needle)) {
		n++;
	}
	return n;
}

/* o as the API sends it: printed and read back (reals to 10 digits). */
static json_t *as_sent(json_t *o)
{
	char *text = json_dumps(o, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	json_t *back = json_loads(text, 0, NULL);

	free(text);
	json_decref(o);
	return back;
}

/* Import the test FIT run into t's database as `knead import` does; its id. */
static int64_t import_run(struct webtest *t)
{
	struct store *s = NULL;
	struct err err = ERR_INIT;
	struct athlete profile;
	struct training_sink sink;
	struct import_summary sum;
	struct activity_list list = ACTIVITY_LIST_INIT;
	struct activity_query q;
	char path[512];
	const char *paths[1] = { path };
	int64_t id;

	snprintf(path, sizeof(path), "%s/%s", getenv("KNEAD_TEST_DATA"), FIT_RUN);
	assert_int_equal(store_open(t->db, STORE_WRITE, &s, &err), ERR_OK);
	assert_int_equal(store_athlete_ensure(s, ATHLETE_DEFAULT, &err), ERR_OK);
	athlete_init(&profile, ATHLETE_DEFAULT);
	training_sink_init(&sink, s, &profile);
	assert_int_equal(import_paths(paths, 1, &sink.sink, NULL, &sum, &err), ERR_OK);
	assert_int_equal(sum.imported, 1);
	activity_query_init(&q, ATHLETE_DEFAULT);
	q.last = 1;
	assert_int_equal(store_activity_list(s, &q, &list, &err), ERR_OK);
	assert_int_equal(list.n_activities, 1);
	id = list.activities[0].id;
	activity_list_release(&list);
	athlete_release(&profile);
	store_close(s);
	return id;
}

static void test_imported_run(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_response resp;
	struct strbuf target = STRBUF_INIT;
	const char *points, *end;
	size_t n_points = 0;
	int64_t id = import_run(t);

	(void)state;
	strbuf_addf(&target, "/activity?id=%lld", (long long)id);
	webtest_get(t, target.buf, &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "9.01 km"));
	assert_true(webtest_has(&resp, "5:14 /km"));
	assert_true(webtest_has(&resp, "average 154 bpm, max 178 bpm"));
	assert_true(webtest_has(&resp, "fenix2"));
	/* pace, heart rate and elevation, each an inline cairo chart */
	assert_int_equal(count(&resp, "<svg class=\"chart\""), 3);
	assert_true(webtest_has(&resp, "id=\"chart-pace\""));
	assert_true(webtest_has(&resp, "id=\"chart-hr\""));
	assert_true(webtest_has(&resp, "id=\"chart-elevation\""));
	assert_true(webtest_has(&resp, "Heart rate over distance"));
	/* each chart's ids are its own */
	assert_true(webtest_has(&resp, "id=\"chart-hrglyph"));
	/* the route: one polyline of many points */
	assert_true(webtest_has(&resp, "<svg id=\"route\" class=\"route\""));
	points = strstr(resp.body.buf, "<polyline class=\"route-line\"");
	assert_non_null(points);
	points = strstr(points, "points=\"") + strlen("points=\"");
	end = strchr(points, '"');
	for (const char *p = points; p < end; p++) {
		n_points += *p == ',';
	}
	assert_true(n_points > 1000);
	assert_true(webtest_has(&resp, "class=\"route-start\""));
	assert_true(webtest_has(&resp, "class=\"route-finish\""));
	/* the four laps */
	assert_true(webtest_has(&resp, "id=\"laps\""));
	assert_true(webtest_has(&resp, "<tr><td>4</td><td>2.19 km</td><td>16:06</td>"));
	assert_false(webtest_has(&resp, "<tr><td>5</td>"));
	assert_false(webtest_has(&resp, "No recording"));
	web_response_release(&resp);
	strbuf_release(&target);
	webtest_free(t);
}

static void test_typed_by_hand(void **state)
{
	struct webtest *t = webtest_new(true);
	struct web_response resp;
	struct strbuf target = STRBUF_INIT;
	struct activity_list list = ACTIVITY_LIST_INIT;
	struct activity_query q;
	struct err err = ERR_INIT;
	struct store *s = webtest_store(t);

	(void)state;
	activity_query_init(&q, ATHLETE_DEFAULT);
	q.last = 1;
	assert_int_equal(store_activity_list(s, &q, &list, &err), ERR_OK);
	assert_int_equal(list.n_activities, 1);
	store_close(s);
	strbuf_addf(&target, "/activity?id=%lld", (long long)list.activities[0].id);
	webtest_get(t, target.buf, &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "id=\"activity-summary\""));
	assert_true(webtest_has(&resp, "No recording"));
	assert_false(webtest_has(&resp, "<svg class=\"chart\""));
	assert_false(webtest_has(&resp, "id=\"route\""));
	web_response_release(&resp);
	activity_list_release(&list);
	strbuf_release(&target);
	webtest_free(t);
}

static void test_runner_text_escaped(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_response resp;
	struct store *s = NULL;
	struct err err = ERR_INIT;
	struct activity a;
	struct strbuf target = STRBUF_INIT;

	(void)state;
	assert_int_equal(store_open(t->db, STORE_WRITE, &s, &err), ERR_OK);
	assert_int_equal(store_athlete_ensure(s, ATHLETE_DEFAULT, &err), ERR_OK);
	activity_init(&a);
	a.athlete_id = ATHLETE_DEFAULT;
	a.sport = SPORT_RUN;
	assert_true(date_parse_iso("2026-11-20", &a.date));
	a.distance_m = 8000;
	a.duration_s = 2700;
	a.note = strdup("<script>alert(1)</script> & co");
	assert_int_equal(store_activity_add(s, &a, &err), ERR_OK);
	store_close(s);
	strbuf_addf(&target, "/activity?id=%lld", (long long)a.id);
	webtest_get(t, target.buf, &resp);
	assert_int_equal(resp.status, 200);
	assert_false(webtest_has(&resp, "<script>alert"));
	assert_true(webtest_has(&resp, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
	assert_true(webtest_has(&resp, "8.00 km"));
	web_response_release(&resp);
	activity_release(&a);
	strbuf_release(&target);
	webtest_free(t);
}

static void test_not_found_and_bad_id(void **state)
{
	struct webtest *t = webtest_new(true);
	struct web_response resp;
	json_t *o;

	(void)state;
	webtest_get(t, "/activity?id=999999", &resp);
	assert_int_equal(resp.status, 404);
	web_response_release(&resp);
	webtest_get(t, "/activity?id=abc", &resp);
	assert_int_equal(resp.status, 400);
	assert_true(webtest_has(&resp, "not an activity id"));
	web_response_release(&resp);
	webtest_get(t, "/activity?id=-3", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
	webtest_get(t, "/activity", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
	webtest_get(t, "/api/v1/activity?id=999999", &resp);
	assert_int_equal(resp.status, 404);
	o = webtest_json(&resp);
	assert_int_equal(json_integer_value(json_object_get(o, "status")), 404);
	json_decref(o);
	web_response_release(&resp);
	webtest_get(t, "/api/v1/activities?from=notaday", &resp);
	assert_int_equal(resp.status, 400);
	o = webtest_json(&resp);
	assert_non_null(strstr(json_string_value(json_object_get(o, "error")), "from"));
	json_decref(o);
	web_response_release(&resp);
	webtest_get(t, "/api/v1/activities?sport=quidditch", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
	webtest_free(t);
}

/* /api/v1/activity answers what `knead --json show` prints: the same
 * serializer over the same reads. */
static void test_api_activity_is_show(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_response resp;
	struct strbuf target = STRBUF_INIT;
	struct recorded r;
	struct race race;
	struct err err = ERR_INIT;
	struct store *s;
	json_t *got, *want;
	int64_t id = import_run(t);

	(void)state;
	strbuf_addf(&target, "/api/v1/activity?id=%lld", (long long)id);
	webtest_get(t, target.buf, &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.content_type, "application/json");
	got = webtest_json(&resp);
	s = webtest_store(t);
	recorded_init(&r);
	assert_int_equal(store_recorded_get(s, ATHLETE_DEFAULT, id, &r, &err), ERR_OK);
	assert_int_equal(listing_race_of(s, ATHLETE_DEFAULT, id, &race, &err), ERR_OK);
	want = as_sent(render_json_activity_show(&r, race.id));
	assert_true(json_equal(got, want));
	assert_int_equal(json_integer_value(json_object_get(got, "id")), id);
	assert_true(json_is_null(json_object_get(got, "race_id")));
	assert_int_equal(json_array_size(json_object_get(got, "laps")), 4);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(got, "samples"), "n")),
	                 2809);
	json_decref(got);
	json_decref(want);
	recorded_release(&r);
	race_release(&race);
	store_close(s);
	web_response_release(&resp);
	strbuf_release(&target);
	webtest_free(t);
}

/* /api/v1/activities answers what `knead --json list` prints, filters
 * and all. */
static void test_api_activities_is_list(void **state)
{
	struct webtest *t = webtest_new(true);
	struct web_response resp;
	struct activity_list list = ACTIVITY_LIST_INIT;
	struct activity_query q;
	struct listing_filter f = { "2026-11-01", "2026-11-24", "run", NULL, NULL };
	struct err err = ERR_INIT;
	struct store *s;
	int32_t today;
	json_t *got, *want, *acts;

	(void)state;
	assert_true(date_parse_iso(WEBTEST_TODAY, &today));
	webtest_get(t, "/api/v1/activities?from=2026-11-01&to=2026-11-24&sport=run", &resp);
	assert_int_equal(resp.status, 200);
	got = webtest_json(&resp);
	s = webtest_store(t);
	assert_int_equal(listing_query(s, ATHLETE_DEFAULT, today, &f, "", &q, &err), ERR_OK);
	assert_int_equal(store_activity_list(s, &q, &list, &err), ERR_OK);
	want = as_sent(render_json_activity_list(&list));
	assert_true(json_equal(got, want));
	acts = json_object_get(got, "activities");
	assert_true(json_array_size(acts) > 3);
	for (size_t i = 0; i < json_array_size(acts); i++) {
		json_t *a = json_array_get(acts, i);
		const char *date = json_string_value(json_object_get(a, "date"));

		assert_string_equal(json_string_value(json_object_get(a, "sport")), "run");
		assert_true(strcmp(date, "2026-11-01") >= 0 && strcmp(date, "2026-11-24") <= 0);
	}
	assert_non_null(json_object_get(json_object_get(got, "totals"), "all"));
	json_decref(got);
	json_decref(want);
	activity_list_release(&list);
	web_response_release(&resp);

	webtest_get(t, "/api/v1/activities?last=2", &resp);
	assert_int_equal(resp.status, 200);
	got = webtest_json(&resp);
	assert_int_equal(json_array_size(json_object_get(got, "activities")), 2);
	json_decref(got);
	web_response_release(&resp);
	store_close(s);
	webtest_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_imported_run),
		cmocka_unit_test(test_typed_by_hand),
		cmocka_unit_test(test_runner_text_escaped),
		cmocka_unit_test(test_not_found_and_bad_id),
		cmocka_unit_test(test_api_activity_is_show),
		cmocka_unit_test(test_api_activities_is_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
