/*
 * test_log.c: the Log page and its POSTs. A treadmill run logged through
 * POST /log/activity is stored with its load and shows on the calendar's
 * day; a recovery session and a wellness day are stored; bad input
 * (negative distance, impossible date, a day to come, unknown sport,
 * unknown region) is a 400 naming the field with nothing stored; what the
 * runner wrote is escaped; a POST without the token is 403.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/date.h"
#include "core/activity.h"
#include "core/athlete.h"
#include "core/body.h"
#include "core/recovery.h"
#include "store/store.h"
#include "store/store_activity.h"
#include "store/store_body.h"
#include "store/store_recovery.h"
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

static void activities_on(struct webtest *t, const char *iso, struct activity_list *out)
{
	struct store *s = webtest_store(t);
	struct activity_query q;
	struct err err = ERR_INIT;

	activity_query_init(&q, ATHLETE_DEFAULT);
	if (iso) {
		date_parse_iso(iso, &q.from);
		q.to = q.from;
	}
	assert_int_equal(store_activity_list(s, &q, out, &err), ERR_OK);
	store_close(s);
}

static size_t count_activities(struct webtest *t)
{
	struct activity_list acts = ACTIVITY_LIST_INIT;
	size_t n;

	activities_on(t, NULL, &acts);
	n = acts.n_activities;
	activity_list_release(&acts);
	return n;
}

static size_t count_sessions(struct webtest *t)
{
	struct store *s = webtest_store(t);
	struct recovery_list list = RECOVERY_LIST_INIT;
	struct err err = ERR_INIT;
	size_t n;

	assert_int_equal(store_recovery_list(s, ATHLETE_DEFAULT, DATE_NONE, DATE_NONE, &list, &err),
	                 ERR_OK);
	n = list.n;
	recovery_list_release(&list);
	store_close(s);
	return n;
}

static void test_log_page_has_the_forms(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;

	webtest_get(t, "/log", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "<form id=\"log-activity\" method=\"post\" "
	                               "action=\"/log/activity\">"));
	assert_true(webtest_has(&resp, "<option value=\"run\">run</option>"));
	assert_true(webtest_has(&resp, "name=\"treadmill\""));
	assert_true(webtest_has(&resp, ">Log activity</button>"));
	assert_true(webtest_has(&resp, "id=\"log-recovery\""));
	assert_true(webtest_has(&resp, "<option value=\"massage:deep\">"));
	assert_true(webtest_has(&resp, "<option value=\"Stride Physiotherapy\">"));
	assert_true(webtest_has(&resp, "id=\"log-wellness\""));
	assert_true(webtest_has(&resp, "action=\"/sore\""));
	assert_true(webtest_has(&resp, "href=\"/body\""));
	assert_true(webtest_has(&resp, "value=\"" WEBTEST_TODAY "\""));
	web_response_release(&resp);

	webtest_get(t, "/log?date=2026-11-20", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "name=\"date\" value=\"2026-11-20\""));
	assert_false(webtest_has(&resp, "name=\"date\" value=\"" WEBTEST_TODAY "\""));
	web_response_release(&resp);

	webtest_get(t, "/log?date=2026-02-30", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
}

static void test_treadmill_run_is_stored_and_on_the_calendar(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	struct activity_list acts = ACTIVITY_LIST_INIT;
	const struct activity *run = NULL;
	char link[64];

	webtest_post(t, "/log/activity",
	             "sport=run&date=2026-11-24&distance=8k&duration=45%3A00&treadmill=1&rpe=5"
	             "&note=%3Cscript%3Ealert(1)%3C%2Fscript%3E+%26+tempo",
	             &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"),
	                    "/calendar/day?date=2026-11-24");
	web_response_release(&resp);

	activities_on(t, "2026-11-24", &acts);
	assert_int_equal(acts.n_activities, 1);
	run = &acts.activities[0];
	assert_int_equal(run->sport, SPORT_RUN);
	assert_true(run->treadmill);
	assert_float_equal(run->distance_m, 8000, 1e-9);
	assert_float_equal(run->duration_s, 2700, 1e-9);
	assert_int_equal(run->rpe, 5);
	assert_int_equal(run->source, SOURCE_MANUAL);
	/* the load was computed in the same transaction */
	assert_true(isfinite(run->load) && run->load > 0);
	assert_true(run->load_method[0] != '\0');
	assert_string_equal(run->note, "<script>alert(1)</script> & tempo");

	snprintf(link, sizeof(link), "/activity?id=%lld", (long long)run->id);
	webtest_get(t, "/calendar?month=2026-11", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, link));
	{
		const char *cell = strstr(resp.body.buf, "id=\"day-2026-11-24\"");
		const char *next = cell ? strstr(cell, "id=\"day-2026-11-25\"") : NULL;
		const char *at = cell ? strstr(cell, link) : NULL;

		assert_non_null(at);
		assert_true(next && at < next);
		assert_true(strstr(cell, "treadmill") < next);
	}
	web_response_release(&resp);

	webtest_get(t, "/calendar/day?date=2026-11-24", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, link));
	assert_true(webtest_has(&resp, "RPE 5"));
	assert_true(webtest_has(&resp, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; tempo"));
	assert_false(webtest_has(&resp, "<script>alert"));
	web_response_release(&resp);
	activity_list_release(&acts);
}

static void test_plain_numbers_are_in_the_forms_units(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	struct activity_list acts = ACTIVITY_LIST_INIT;

	webtest_post(t, "/log/activity", "sport=bike&date=2026-11-21&distance=30.5&duration=75",
	             &resp);
	assert_int_equal(resp.status, 303);
	web_response_release(&resp);
	activities_on(t, "2026-11-21", &acts);
	assert_int_equal(acts.n_activities, 1);
	assert_float_equal(acts.activities[0].distance_m, 30500, 1e-6);
	assert_float_equal(acts.activities[0].duration_s, 4500, 1e-9);
	assert_false(acts.activities[0].treadmill);
	activity_list_release(&acts);
}

static void test_bad_activity_is_refused_and_nothing_stored(void **state)
{
	struct webtest *t = *state;
	static const struct {
		const char *form;
		const char *says;
	} cases[] = {
		{ "sport=run&date=2026-11-24&distance=-5", "distance: " },
		{ "sport=run&date=2026-02-30&distance=8k", "date: " },
		{ "sport=run&date=2026-11-30&distance=8k", "after today" },
		{ "sport=unicycle&date=2026-11-24&distance=8k", "sport: " },
		{ "sport=run&date=2026-11-24", "give a distance, a duration or both" },
		{ "sport=run&date=2026-11-24&distance=8k&rpe=11", "rpe: " },
		{ "sport=bike&date=2026-11-24&distance=20k&treadmill=1", "treadmill" },
		{ "sport=run&date=2026-11-24&distance=8k&duration=soon", "duration: " },
	};
	size_t before = count_activities(t);
	struct web_response resp;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		webtest_post(t, "/log/activity", cases[i].form, &resp);
		if (resp.status != 400 || !webtest_has(&resp, cases[i].says)) {
			fail_msg("%s: %d %s", cases[i].form, resp.status, resp.body.buf);
		}
		assert_null(web_response_get_header(&resp, "Location"));
		web_response_release(&resp);
	}
	assert_int_equal(count_activities(t), before);
}

static void test_post_without_token_is_forbidden(void **state)
{
	struct webtest *t = *state;
	struct web_request req;
	struct web_response resp;
	size_t before = count_activities(t);

	web_request_init(&req);
	req.method = WEB_POST;
	web_request_set_path(&req, "/log/activity");
	web_params_add(&req.form, "sport", "run");
	web_params_add(&req.form, "distance", "8k");
	webtest_send(t, &req, &resp);
	assert_int_equal(resp.status, 403);
	web_response_release(&resp);
	web_request_release(&req);
	assert_int_equal(count_activities(t), before);
}

static void test_recovery_session_is_stored(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	struct store *s;
	struct recovery_list list = RECOVERY_LIST_INIT;
	struct err err = ERR_INIT;
	const struct recovery *r;
	int32_t day;

	webtest_post(t, "/log/recovery",
	             "modality=massage%3Adeep&date=2026-11-20&regions=hamstring%3Aright%2Cglutes"
	             "&duration=60min&provider=Kneaded+Relief&cost=95&pain=6&relief=8"
	             "&found=adductors%3Aright%3Dtight&note=ouch+%3Cb%3E",
	             &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"),
	                    "/calendar/day?date=2026-11-20");
	web_response_release(&resp);

	date_parse_iso("2026-11-20", &day);
	s = webtest_store(t);
	assert_int_equal(store_recovery_list(s, ATHLETE_DEFAULT, day, day, &list, &err), ERR_OK);
	store_close(s);
	r = NULL;
	for (size_t i = 0; i < list.n; i++) {
		if (list.items[i].modality == MOD_MASSAGE_DEEP) {
			r = &list.items[i];
		}
	}
	if (!r) {
		fail_msg("no deep-tissue massage on 2026-11-20");
		return;
	}
	assert_int_equal(r->n_regions, 3);
	assert_string_equal(r->regions[0].region, "hamstrings");
	assert_int_equal(r->regions[0].side, SIDE_RIGHT);
	assert_string_equal(r->regions[1].region, "glutes");
	assert_int_equal(r->regions[2].finding, FINDING_TIGHT);
	assert_float_equal(r->duration_s, 3600, 1e-9);
	assert_string_equal(r->provider_name, "Kneaded Relief");
	assert_int_equal(r->cost_cents, 9500);
	assert_int_equal(r->pain, 6);
	assert_int_equal(r->relief, 8);

	webtest_get(t, "/calendar/day?date=2026-11-20", &resp);
	assert_true(webtest_has(&resp, "deep-tissue massage"));
	assert_true(webtest_has(&resp, "right hamstrings"));
	assert_true(webtest_has(&resp, "ouch &lt;b&gt;"));
	web_response_release(&resp);
	recovery_list_release(&list);
}

static void test_bad_session_is_refused_and_nothing_stored(void **state)
{
	struct webtest *t = *state;
	static const struct {
		const char *form;
		const char *says;
	} cases[] = {
		{ "modality=massage%3Adeep&regions=hamstrng", "regions: " },
		{ "modality=massage%3Adeep&regions=glutes&found=calves", "findings: " },
		{ "modality=massage", "modality: " },
		{ "modality=roll&date=2026-02-30", "date: " },
		{ "modality=roll&provider=Nobody", "provider: " },
		{ "modality=roll&cost=12+EUR", "cost: " },
		{ "modality=roll&pain=11", "pain: " },
	};
	size_t before = count_sessions(t);
	struct web_response resp;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		webtest_post(t, "/log/recovery", cases[i].form, &resp);
		if (resp.status != 400 || !webtest_has(&resp, cases[i].says)) {
			fail_msg("%s: %d %s", cases[i].form, resp.status, resp.body.buf);
		}
		web_response_release(&resp);
	}
	assert_int_equal(count_sessions(t), before);
}

static void test_wellness_is_stored(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_response resp;
	struct store *s;
	struct wellness_list list = WELLNESS_LIST_INIT;
	struct err err = ERR_INIT;

	(void)state;
	webtest_post(t, "/log/wellness", "date=2026-11-24&sleep=7h30&fatigue=3&weight=135lb",
	             &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"),
	                    "/calendar/day?date=2026-11-24");
	web_response_release(&resp);

	webtest_post(t, "/log/wellness", "date=2026-11-24&sleep=lots", &resp);
	assert_int_equal(resp.status, 400);
	assert_true(webtest_has(&resp, "sleep: "));
	web_response_release(&resp);
	webtest_post(t, "/log/wellness", "date=2026-11-24", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);

	s = webtest_store(t);
	assert_int_equal(store_wellness_list(s, ATHLETE_DEFAULT, DATE_NONE, DATE_NONE, &list, &err),
	                 ERR_OK);
	store_close(s);
	assert_int_equal(list.n, 1);
	assert_float_equal(list.items[0].sleep_s, 27000, 1e-9);
	assert_int_equal(list.items[0].fatigue, 3);
	assert_true(fabs(list.items[0].weight_kg - 135 * 0.45359237) < 1e-9);

	webtest_get(t, "/calendar/day?date=2026-11-24", &resp);
	assert_true(webtest_has(&resp, "Slept 7h30"));
	assert_true(webtest_has(&resp, "Fatigue 3"));
	web_response_release(&resp);
	wellness_list_release(&list);
	webtest_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_log_page_has_the_forms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_treadmill_run_is_stored_and_on_the_calendar,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_plain_numbers_are_in_the_forms_units, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_bad_activity_is_refused_and_nothing_stored,
		                                setup, teardown),
		cmocka_unit_test_setup_teardown(test_post_without_token_is_forbidden, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_recovery_session_is_stored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_session_is_refused_and_nothing_stored,
		                                setup, teardown),
		cmocka_unit_test(test_wellness_is_stored),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
