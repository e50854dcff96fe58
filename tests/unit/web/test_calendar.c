/*
 * test_calendar.c: GET /calendar (month and week), /calendar/day and
 * /api/v1/calendar on the demo season (today Tuesday 2026-11-24): the
 * entries the store holds show on their own days, today is marked, the
 * JSON lists the same entries, and bad parameters get 400.
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
#include "base/strbuf.h"
#include "core/activity.h"
#include "core/appointment.h"
#include "core/athlete.h"
#include "core/plan.h"
#include "core/recovery.h"
#include "store/store.h"
#include "store/store_activity.h"
#include "store/store_appointment.h"
#include "store/store_plan.h"
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

/* The part of resp's body that is the day iso: from its id="day-..." to
 * the next day's (or the end). Owned: free it. Fails the test if the day
 * is not there. */
static char *day_part(const struct web_response *resp, const char *iso)
{
	char id[32];
	const char *start, *next;

	snprintf(id, sizeof(id), "id=\"day-%s\"", iso);
	start = strstr(resp->body.buf, id);
	if (!start) {
		fail_msg("no %s in the page", id);
	}
	next = strstr(start + strlen(id), "id=\"day-");
	return strndup(start, next ? (size_t)(next - start) : strlen(start));
}

static bool part_has(const struct web_response *resp, const char *iso, const char *text)
{
	char *part = day_part(resp, iso);
	bool has = strstr(part, text) != NULL;

	free(part);
	return has;
}

/* The activities of day from the store. */
static void activities_on(struct webtest *t, int32_t day, struct activity_list *out)
{
	struct store *s = webtest_store(t);
	struct activity_query q;
	struct err err = ERR_INIT;

	activity_query_init(&q, ATHLETE_DEFAULT);
	q.from = day;
	q.to = day;
	assert_int_equal(store_activity_list(s, &q, out, &err), ERR_OK);
	store_close(s);
}

static void test_month_shows_activities_on_their_days(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	struct activity_list acts = ACTIVITY_LIST_INIT;
	char link[64];
	int32_t day;

	/* Sun 2026-11-22: an 8 km run (demo); Mon 2026-11-23: strength */
	date_parse_iso("2026-11-22", &day);
	activities_on(t, day, &acts);
	assert_true(acts.n_activities >= 1);
	webtest_get(t, "/calendar?month=2026-11", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "<h1>November 2026</h1>"));
	for (size_t i = 0; i < acts.n_activities; i++) {
		snprintf(link, sizeof(link), "/activity?id=%lld", (long long)acts.activities[i].id);
		assert_true(part_has(&resp, "2026-11-22", link));
		assert_false(part_has(&resp, "2026-11-21", link));
	}
	assert_true(part_has(&resp, "2026-11-22", "class=\"entry activity\""));
	/* weeks start on Monday: Nov 2026 starts on a Sunday, so the grid
	 * opens with Mon 2026-10-26, dimmed */
	assert_true(part_has(&resp, "2026-10-26", "class=\"day other\""));
	assert_true(part_has(&resp, "2026-12-06", "class=\"day other\""));
	assert_true(part_has(&resp, WEBTEST_TODAY, "today"));
	assert_true(webtest_has(&resp, "/calendar?month=2026-10"));
	assert_true(webtest_has(&resp, "/calendar?month=2026-12"));
	assert_true(webtest_has(&resp, "/calendar?week=2026-11-24"));
	web_response_release(&resp);
	activity_list_release(&acts);
}

static void test_month_shows_plan_sessions_races_and_appointments(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	struct store *s = webtest_store(t);
	struct appointment_list appts = APPOINTMENT_LIST_INIT;
	struct recovery_list sessions = RECOVERY_LIST_INIT;
	struct err err = ERR_INIT;
	int32_t from, to;
	char iso[DATE_ISO_LEN];

	date_parse_iso("2026-11-01", &from);
	date_parse_iso("2026-12-06", &to);
	assert_int_equal(store_appointment_list(s, ATHLETE_DEFAULT, from, to, &appts, &err),
	                 ERR_OK);
	assert_int_equal(store_recovery_list(s, ATHLETE_DEFAULT, from, to, &sessions, &err),
	                 ERR_OK);
	store_close(s);

	webtest_get(t, "/calendar?month=2026-11", &resp);
	assert_int_equal(resp.status, 200);
	/* the plan's easy run of Tue 2026-11-17 was cut short (a 2.3 km run):
	 * partial, as `knead plan show` has it */
	assert_true(part_has(&resp, "2026-11-17", "entry workout status-partial"));
	/* today's easy run is still to come */
	assert_true(part_has(&resp, WEBTEST_TODAY, "entry workout status-upcoming"));
	/* every session of the month is on its day */
	assert_true(sessions.n > 0);
	for (size_t i = 0; i < sessions.n; i++) {
		date_format(sessions.items[i].day, iso);
		assert_true(part_has(&resp, iso, "class=\"entry recovery\""));
	}
	/* the booked physio follow-up is on its day */
	assert_true(appts.n > 0);
	date_format(appts.items[0].day, iso);
	assert_true(part_has(&resp, iso, "class=\"entry appointment status-booked\""));
	assert_true(part_has(&resp, iso, "Stride Physiotherapy"));
	web_response_release(&resp);

	/* the Spring Half Marathon (B) is on Sun 2027-01-31 */
	webtest_get(t, "/calendar?month=2027-01", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(part_has(&resp, "2027-01-31", "class=\"entry race\""));
	assert_true(part_has(&resp, "2027-01-31", "Spring Half Marathon (B)"));
	assert_false(part_has(&resp, "2027-01-30", "entry race"));
	web_response_release(&resp);
	appointment_list_release(&appts);
	recovery_list_release(&sessions);
}

static void test_week_lists_its_seven_days(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;

	webtest_get(t, "/calendar?week=2026-11-25", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "Week of 2026-11-23"));
	assert_true(webtest_has(&resp, "id=\"day-2026-11-23\""));
	assert_true(webtest_has(&resp, "id=\"day-2026-11-29\""));
	assert_false(webtest_has(&resp, "id=\"day-2026-11-22\""));
	assert_false(webtest_has(&resp, "id=\"day-2026-11-30\""));
	/* Mon 2026-11-23: strength and a physio session; Sun: the long run */
	assert_true(part_has(&resp, "2026-11-23", "entry activity"));
	assert_true(part_has(&resp, "2026-11-23", "physiotherapy"));
	assert_true(part_has(&resp, "2026-11-29", "long run, 70 min"));
	assert_true(part_has(&resp, WEBTEST_TODAY, "today"));
	assert_true(webtest_has(&resp, "/calendar?week=2026-11-16"));
	assert_true(webtest_has(&resp, "/calendar?week=2026-11-30"));
	assert_true(webtest_has(&resp, "/calendar?month=2026-11"));
	web_response_release(&resp);
}

static void test_day_page_in_full(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;

	/* Mon 2026-11-23: the physio found the left hamstrings tender; the
	 * demo checks the hamstring in every day */
	webtest_get(t, "/calendar/day?date=2026-11-23", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "Monday 2026-11-23"));
	assert_true(webtest_has(&resp, "with Stride Physiotherapy"));
	assert_true(webtest_has(&resp, "left hamstrings (tender)"));
	assert_true(webtest_has(&resp, "<h2>Check-ins</h2>"));
	assert_true(webtest_has(&resp, "<h2>Wellness</h2>"));
	assert_true(webtest_has(&resp, "/log?date=2026-11-23#log-activity"));
	assert_true(webtest_has(&resp, "/calendar/day?date=2026-11-22"));
	assert_true(webtest_has(&resp, "/calendar/day?date=2026-11-24"));
	web_response_release(&resp);

	/* a day to come shows its plan but offers no logging */
	webtest_get(t, "/calendar/day?date=2026-11-29", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "long run, 70 min"));
	assert_true(webtest_has(&resp, "upcoming"));
	assert_false(webtest_has(&resp, "/log?date="));
	web_response_release(&resp);
}

static void test_json_lists_the_range(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	struct store *s = webtest_store(t);
	struct activity_list acts = ACTIVITY_LIST_INIT;
	struct activity_query q;
	struct err err = ERR_INIT;
	json_t *o, *v;
	size_t i;

	activity_query_init(&q, ATHLETE_DEFAULT);
	date_parse_iso("2026-11-01", &q.from);
	date_parse_iso("2026-11-30", &q.to);
	assert_int_equal(store_activity_list(s, &q, &acts, &err), ERR_OK);
	store_close(s);

	/* the default is this month */
	webtest_get(t, "/api/v1/calendar", &resp);
	assert_int_equal(resp.status, 200);
	o = webtest_json(&resp);
	assert_string_equal(json_string_value(json_object_get(o, "from")), "2026-11-01");
	assert_string_equal(json_string_value(json_object_get(o, "to")), "2026-11-30");
	assert_int_equal(json_array_size(json_object_get(o, "activities")), acts.n_activities);
	json_array_foreach(json_object_get(o, "activities"), i, v)
	{
		assert_int_equal(json_integer_value(json_object_get(v, "id")),
		                 acts.activities[i].id);
	}
	/* 2026-11-30 is a Monday of the plan: a rest day; the physio is booked */
	assert_int_equal(json_array_size(json_object_get(o, "workouts")), 15);
	v = json_array_get(json_object_get(o, "workouts"), 14);
	assert_string_equal(json_string_value(json_object_get(v, "status")), "rest");
	assert_string_equal(json_string_value(json_object_get(v, "race")), "Spring Half Marathon");
	v = json_array_get(json_object_get(o, "appointments"), 0);
	assert_string_equal(json_string_value(json_object_get(v, "status")), "booked");
	json_decref(o);
	web_response_release(&resp);

	webtest_get(t, "/api/v1/calendar?from=2027-01-31&to=2027-01-31", &resp);
	assert_int_equal(resp.status, 200);
	o = webtest_json(&resp);
	assert_int_equal(json_array_size(json_object_get(o, "races")), 1);
	assert_int_equal(json_array_size(json_object_get(o, "activities")), 0);
	v = json_array_get(json_object_get(o, "workouts"), 0);
	assert_string_equal(json_string_value(json_object_get(v, "kind")), "race");
	json_decref(o);
	web_response_release(&resp);
	activity_list_release(&acts);
}

static void test_bad_parameters_are_refused(void **state)
{
	struct webtest *t = *state;
	static const char *const targets[] = {
		"/calendar?month=2026-13",
		"/calendar?month=nov",
		"/calendar?week=2026-02-30",
		"/calendar/day?date=2026-02-30",
		"/api/v1/calendar?from=2026-12-01&to=2026-11-01",
		"/api/v1/calendar?from=2020-01-01&to=2026-01-01",
	};
	struct web_response resp;

	for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++) {
		webtest_get(t, targets[i], &resp);
		if (resp.status != 400) {
			fail_msg("%s: %d", targets[i], resp.status);
		}
		web_response_release(&resp);
	}
	webtest_get(t, "/calendar?month=2026-13", &resp);
	assert_true(webtest_has(&resp, "month: "));
	web_response_release(&resp);
	webtest_get(t, "/calendar?week=2026-02-30", &resp);
	assert_true(webtest_has(&resp, "week: "));
	web_response_release(&resp);
}

static void test_empty_database(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_response resp;

	(void)state;
	webtest_get(t, "/calendar", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "<h1>November 2026</h1>"));
	assert_false(webtest_has(&resp, "class=\"entry"));
	web_response_release(&resp);
	webtest_get(t, "/calendar/day", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "Nothing planned or logged."));
	web_response_release(&resp);
	webtest_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_month_shows_activities_on_their_days, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(
		        test_month_shows_plan_sessions_races_and_appointments, setup, teardown),
		cmocka_unit_test_setup_teardown(test_week_lists_its_seven_days, setup, teardown),
		cmocka_unit_test_setup_teardown(test_day_page_in_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_lists_the_range, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_parameters_are_refused, setup, teardown),
		cmocka_unit_test(test_empty_database),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
