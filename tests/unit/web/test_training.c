/*
 * test_training.c: GET /training and the training side of the API
 * (load, plan, races, predict) on the demo season, each JSON reply
 * checked against the serializer the command line uses for the same
 * question, and bad parameters refused with 400.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "advice/load_table.h"
#include "advice/plan.h"
#include "advice/race_predict.h"
#include "advice/training.h"
#include "base/date.h"
#include "render/json_load.h"
#include "render/json_plan.h"
#include "render/json_race.h"
#include "store/store_activity.h"
#include "store/store_plan.h"
#include "store/store_race.h"
#include "webtest.h"

static int setup(void **state)
{
	*state = webtest_new(true);
	return 0;
}

static int teardown(void **state)
{
	webtest_free(*state);
	return 0;
}

static int32_t today(void)
{
	int32_t d;

	assert_true(date_parse_iso(WEBTEST_TODAY, &d));
	return d;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
		n++;
	}
	return n;
}

/* GET target, expecting 200 and JSON. */
static json_t *get_json(struct webtest *t, const char *target)
{
	struct web_response resp;
	json_t *o;

	webtest_get(t, target, &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.content_type, "application/json");
	o = webtest_json(&resp);
	web_response_release(&resp);
	return o;
}

static void expect_status(struct webtest *t, const char *target, int status)
{
	struct web_response resp;

	webtest_get(t, target, &resp);
	assert_int_equal(resp.status, status);
	web_response_release(&resp);
}

static void assert_same_string(json_t *a, json_t *b, const char *key)
{
	assert_non_null(json_object_get(a, key));
	assert_true(json_equal(json_object_get(a, key), json_object_get(b, key)));
}

static void assert_near(json_t *a, json_t *b)
{
	assert_true(json_is_number(a));
	assert_true(json_is_number(b));
	assert_true(fabs(json_number_value(a) - json_number_value(b)) < 1e-3);
}

static void test_page(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;

	webtest_get(t, "/training", &resp);
	assert_int_equal(resp.status, 200);
	/* the two charts, inline, with their own id prefixes */
	assert_int_equal(count(resp.body.buf, "<svg class=\"chart\""), 2);
	assert_true(webtest_has(&resp, "id=\"load-chart\""));
	assert_true(webtest_has(&resp, "id=\"volume-chart\""));
	/* today's numbers with the legend's caveat */
	assert_true(webtest_has(&resp, "<th>fitness (CTL)</th>"));
	assert_true(webtest_has(&resp, "they do not predict injury"));
	/* the plan: its weeks with compliance and this week's workouts */
	assert_true(webtest_has(&resp, "id=\"plan-weeks\""));
	assert_true(webtest_has(&resp, "<tr class=\"current\"><td>2</td>"));
	assert_true(webtest_has(&resp, "3 of 5 done"));
	assert_true(webtest_has(&resp, "This week: week 2 of 11, base"));
	assert_true(webtest_has(&resp, "<td>upcoming</td>"));
	/* races, upcoming and past with results */
	assert_true(webtest_has(&resp, "<td>Spring Half Marathon</td>"));
	assert_true(webtest_has(&resp, "<td>City Marathon</td>"));
	assert_true(webtest_has(&resp, "3:52:41"));
	/* predictions and the efforts used */
	assert_true(webtest_has(&resp, "id=\"prediction-table\""));
	assert_true(webtest_has(&resp, "<td>marathon</td>"));
	assert_true(webtest_has(&resp, "id=\"efforts\""));
	web_response_release(&resp);
}

static void test_page_empty(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_response resp;

	(void)state;
	webtest_get(t, "/training", &resp);
	assert_int_equal(resp.status, 200);
	assert_int_equal(count(resp.body.buf, "<svg"), 0);
	assert_true(webtest_has(&resp, "No activities yet"));
	assert_true(webtest_has(&resp, "id=\"no-plan\""));
	assert_true(webtest_has(&resp, "No races"));
	assert_true(webtest_has(&resp, "No efforts"));
	web_response_release(&resp);
	webtest_free(t);
}

static void test_api_load(void **state)
{
	struct webtest *t = *state;
	struct store *s = webtest_store(t);
	struct err err = ERR_INIT;
	struct pmc_day *days = NULL;
	struct load_weeks w;
	int32_t first, last, from;
	size_t n = 0;
	json_t *got, *want, *gd, *wd;

	/* the default: the last 42 days, as `knead --json load` */
	assert_int_equal(store_activity_span(s, ATHLETE_DEFAULT, &first, &last, &err), ERR_OK);
	from = load_table_from(DATE_NONE, today(), false, first);
	assert_int_equal(from, today() - 41);
	assert_int_equal(training_fitness(s, ATHLETE_DEFAULT, from, today(), &days, &n, &err),
	                 ERR_OK);
	want = render_json_load_days(from, today(), days, n);
	got = get_json(t, "/api/v1/load");
	assert_same_string(got, want, "from");
	assert_same_string(got, want, "to");
	gd = json_object_get(got, "days");
	wd = json_object_get(want, "days");
	assert_int_equal(json_array_size(gd), 42);
	assert_int_equal(json_array_size(gd), json_array_size(wd));
	assert_same_string(json_array_get(gd, 41), json_array_get(wd, 41), "date");
	assert_near(json_object_get(json_array_get(gd, 41), "ctl"),
	            json_object_get(json_array_get(wd, 41), "ctl"));
	assert_near(json_object_get(json_array_get(gd, 41), "tsb"),
	            json_object_get(json_array_get(wd, 41), "tsb"));
	json_decref(got);
	json_decref(want);
	free(days);

	/* weekly, with a range */
	assert_int_equal(load_table_weeks(s, ATHLETE_DEFAULT, today() - 60, today(), &w, &err),
	                 ERR_OK);
	want = render_json_load_weeks(&w);
	got = get_json(t, "/api/v1/load?weekly=1&from=-60d");
	assert_same_string(got, want, "from");
	gd = json_object_get(got, "weeks");
	wd = json_object_get(want, "weeks");
	assert_int_equal(json_array_size(gd), w.n);
	assert_true(w.n >= 9);
	assert_same_string(json_array_get(gd, 0), json_array_get(wd, 0), "week");
	assert_near(json_object_get(json_array_get(gd, 2), "load"),
	            json_object_get(json_array_get(wd, 2), "load"));
	assert_near(json_object_get(json_array_get(gd, 2), "run_distance_m"),
	            json_object_get(json_array_get(wd, 2), "run_distance_m"));
	json_decref(got);
	json_decref(want);
	load_weeks_release(&w);
	store_close(s);

	expect_status(t, "/api/v1/load?to=2026-12-01", 400);
	expect_status(t, "/api/v1/load?from=someday", 400);
	expect_status(t, "/api/v1/load?from=2026-11-10&to=2026-11-01", 400);
}

static void test_api_plan(void **state)
{
	struct webtest *t = *state;
	struct store *s = webtest_store(t);
	struct plan_list list = PLAN_LIST_INIT;
	struct plan_week week;
	struct err err = ERR_INIT;
	long pick;
	json_t *got, *want;

	assert_int_equal(store_plan_list(s, ATHLETE_DEFAULT, &list, &err), ERR_OK);
	pick = plan_pick(&list, date_week_start(today()));
	assert_true(pick >= 0);
	assert_int_equal(plan_week_read(s, ATHLETE_DEFAULT, list.plans[pick].id, today(), today(),
	                                &week, &err),
	                 ERR_OK);
	want = render_json_plan_week(&week);
	got = get_json(t, "/api/v1/plan");
	assert_same_string(got, want, "week");
	assert_same_string(got, want, "of");
	assert_same_string(got, want, "monday");
	assert_same_string(json_object_get(got, "plan"), json_object_get(want, "plan"), "race");
	assert_int_equal(json_array_size(json_object_get(got, "workouts")),
	                 json_array_size(json_object_get(want, "workouts")));
	assert_same_string(json_object_get(got, "compliance"), json_object_get(want, "compliance"),
	                   "week_workouts");
	json_decref(got);
	json_decref(want);
	plan_week_release(&week);
	plan_list_release(&list);
	store_close(s);

	/* another week of it, an earlier race's plan, and a race without one */
	got = get_json(t, "/api/v1/plan?week=2026-12-16");
	assert_int_equal(json_integer_value(json_object_get(got, "week")), 5);
	json_decref(got);
	got = get_json(t, "/api/v1/plan?race=City&week=2026-10-19");
	assert_string_equal(
	        json_string_value(json_object_get(json_object_get(got, "plan"), "race")),
	        "City Marathon");
	assert_int_equal(json_integer_value(json_object_get(got, "week")), 18);
	json_decref(got);
	expect_status(t, "/api/v1/plan?race=Hill", 404);
	expect_status(t, "/api/v1/plan?race=Nowhere", 404);
	expect_status(t, "/api/v1/plan?week=nope", 400);
}

static void test_api_races(void **state)
{
	struct webtest *t = *state;
	struct store *s = webtest_store(t);
	struct race_list list = RACE_LIST_INIT;
	struct err err = ERR_INIT;
	json_t *got, *want, *g, *w;

	assert_int_equal(store_race_list(s, ATHLETE_DEFAULT, DATE_NONE, DATE_NONE, &list, &err),
	                 ERR_OK);
	want = render_json_race_list(&list, today());
	got = get_json(t, "/api/v1/races");
	g = json_object_get(got, "races");
	w = json_object_get(want, "races");
	assert_int_equal(json_array_size(g), 4);
	assert_int_equal(json_array_size(g), json_array_size(w));
	for (size_t i = 0; i < json_array_size(g); i++) {
		assert_same_string(json_array_get(g, i), json_array_get(w, i), "name");
		assert_same_string(json_array_get(g, i), json_array_get(w, i), "date");
		assert_same_string(json_array_get(g, i), json_array_get(w, i), "status");
		assert_same_string(json_array_get(g, i), json_array_get(w, i), "days_to_go");
	}
	json_decref(got);
	json_decref(want);
	race_list_release(&list);
	store_close(s);

	got = get_json(t, "/api/v1/races?from=2026-08-01&to=2026-10-31");
	assert_int_equal(json_array_size(json_object_get(got, "races")), 2);
	json_decref(got);
	expect_status(t, "/api/v1/races?from=2026-10-31&to=2026-08-01", 400);
}

static void test_api_predict(void **state)
{
	struct webtest *t = *state;
	struct store *s = webtest_store(t);
	struct race_prediction p;
	struct err err = ERR_INIT;
	json_t *got, *want, *g, *w;

	assert_int_equal(race_predict_make(s, ATHLETE_DEFAULT, today(), RACE_PREDICT_DEFAULT_WEEKS,
	                                   NULL, 0, &p, &err),
	                 ERR_OK);
	want = render_json_race_prediction(&p);
	got = get_json(t, "/api/v1/predict");
	assert_same_string(got, want, "weeks");
	assert_same_string(got, want, "from");
	assert_int_equal(json_array_size(json_object_get(got, "efforts")), p.best.n_efforts);
	assert_true(p.best.n_efforts > 0);
	g = json_object_get(got, "predictions");
	w = json_object_get(want, "predictions");
	assert_int_equal(json_array_size(g), 4);
	for (size_t k = 0; k < 4; k++) {
		assert_same_string(json_array_get(g, k), json_array_get(w, k), "name");
		assert_near(json_object_get(json_array_get(g, k), "riegel_s"),
		            json_object_get(json_array_get(w, k), "riegel_s"));
		assert_near(json_object_get(json_array_get(g, k), "vdot_s"),
		            json_object_get(json_array_get(w, k), "vdot_s"));
	}
	json_decref(got);
	json_decref(want);
	race_prediction_release(&p);
	store_close(s);

	got = get_json(t, "/api/v1/predict?distance=10k&weeks=20");
	assert_int_equal(json_integer_value(json_object_get(got, "weeks")), 20);
	assert_int_equal(json_array_size(json_object_get(got, "predictions")), 1);
	assert_string_equal(
	        json_string_value(json_object_get(
	                json_array_get(json_object_get(got, "predictions"), 0), "name")),
	        "10k");
	json_decref(got);
	expect_status(t, "/api/v1/predict?distance=far", 400);
	expect_status(t, "/api/v1/predict?weeks=0", 400);
}

static void test_predict_without_efforts(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_response resp;
	json_t *o;

	(void)state;
	webtest_get(t, "/api/v1/predict", &resp);
	assert_int_equal(resp.status, 404);
	o = webtest_json(&resp);
	assert_non_null(strstr(json_string_value(json_object_get(o, "error")), "no efforts"));
	json_decref(o);
	web_response_release(&resp);
	webtest_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_page_empty),
		cmocka_unit_test(test_api_load),
		cmocka_unit_test(test_api_plan),
		cmocka_unit_test(test_api_races),
		cmocka_unit_test(test_api_predict),
		cmocka_unit_test(test_predict_without_efforts),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
