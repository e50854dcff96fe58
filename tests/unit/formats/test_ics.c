/*
 * test_ics.c: the calendar export (formats/ics.h), read back with libical.
 *
 * What must hold (issue 6): the iCalendar text parses back and holds every
 * appointment, race and planned workout on its day; all-day events are
 * dates, timed appointments are at their instant; text with commas,
 * semicolons and line breaks survives; the output depends only on its
 * input (UIDs stable, DTSTAMP the instant given, not the clock).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libical/ical.h>
#include <math.h>

#include "advice/plan.h"
#include "base/date.h"
#include "formats/ics.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* Tuesday 2026-11-24 12:00 UTC, the CLI tests' clock. */
#define NOW 1795521600LL

static void race_at(struct race *r, int64_t id, const char *name, int32_t date, double distance_m)
{
	race_init(r);
	r->id = id;
	r->athlete_id = 1;
	r->name = strdup(name);
	r->date = date;
	r->distance_m = distance_m;
}

/* A half-marathon plan by time for a race on 2027-03-21, as `knead plan
 * new` builds it, with workout ids 1.. in day order. */
static void half_plan(struct plan *p, struct race *r, enum plan_by by)
{
	struct plan_template t;
	struct plan_request req;
	struct err err = ERR_INIT;

	race_at(r, 3, "Riverside Half", day(2027, 3, 21), 21097.5);
	memset(&req, 0, sizeof(req));
	if (plan_template_load("half", &t, &err)) {
		fail_msg("template: %s", err.msg);
	}
	req.tpl = &t;
	req.race = r;
	req.by = by;
	req.today = day(2026, 11, 24);
	if (plan_generate(&req, p, &err)) {
		fail_msg("plan: %s", err.msg);
	}
	p->id = 1;
	for (size_t i = 0; i < p->n_workouts; i++) {
		p->workouts[i].id = (int64_t)i + 1;
	}
	plan_template_release(&t);
}

static void appointment_at(struct appointment *a, int64_t id, enum modality m, const char *provider,
                           int32_t d, int64_t start, enum appointment_status status)
{
	appointment_init(a);
	a->id = id;
	a->athlete_id = 1;
	a->modality = m;
	a->provider_name = provider ? strdup(provider) : NULL;
	a->day = d;
	a->start_utc = start;
	a->status = status;
}

static char *finish(struct ics_calendar *cal)
{
	struct strbuf sb = STRBUF_INIT;
	struct err err = ERR_INIT;

	if (ics_finish(cal, &sb, &err)) {
		fail_msg("ics_finish: %s", err.msg);
	}
	return strbuf_detach(&sb, NULL);
}

/* The VEVENT with this UID in cal, or NULL. */
static icalcomponent *event(icalcomponent *cal, const char *uid)
{
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		if (strcmp(icalcomponent_get_uid(ev), uid) == 0) {
			return ev;
		}
	}
	return NULL;
}

static int count_events(icalcomponent *cal)
{
	int n = 0;

	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		n++;
	}
	return n;
}

static icalcomponent *parse(const char *text)
{
	icalcomponent *cal = icalparser_parse_string(text);

	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	return cal;
}

/* An all-day event on d: DTSTART is the date d, DTEND the day after. */
static void assert_all_day(icalcomponent *ev, int32_t d)
{
	struct icaltimetype start = icalcomponent_get_dtstart(ev);
	struct icaltimetype end = icalcomponent_get_dtend(ev);
	struct civil c = date_to_civil(d), e = date_to_civil(d + 1);

	assert_true(start.is_date);
	assert_int_equal(start.year, c.year);
	assert_int_equal(start.month, c.month);
	assert_int_equal(start.day, c.day);
	assert_true(end.is_date);
	assert_int_equal(end.year, e.year);
	assert_int_equal(end.month, e.month);
	assert_int_equal(end.day, e.day);
}

static void uid_of(char *buf, size_t n, const char *kind, int64_t id)
{
	snprintf(buf, n, "%s-%lld@knead", kind, (long long)id);
}

static void test_every_event_back(void **state)
{
	struct plan plan;
	struct race races[3];
	struct appointment appts[3];
	struct ics_calendar *cal = ics_new(NOW, UNITS_KM);
	icalcomponent *back;
	char uid[64], *text;
	int workouts = 0;

	(void)state;
	appointment_at(&appts[0], 10, MOD_MASSAGE_DEEP, "Kneaded Relief", day(2027, 3, 25),
	               1805995800LL, APPOINTMENT_BOOKED);
	appts[0].note = strdup("after the half: deep tissue, day 4");
	appts[0].rule = strdup("massage-post-race");
	appts[0].cost_cents = 0;
	memcpy(appts[0].currency, "USD", 4);
	appointment_at(&appts[1], 11, MOD_MASSAGE_SWEDISH, NULL, day(2027, 3, 19), INT64_MIN,
	               APPOINTMENT_SUGGESTED);
	appointment_at(&appts[2], 12, MOD_PHYSIO, "Stride Physio", day(2027, 1, 5), 1799172000LL,
	               APPOINTMENT_CANCELLED);
	appts[2].cost_cents = 11000;
	memcpy(appts[2].currency, "USD", 4);
	half_plan(&plan, &races[0], PLAN_BY_TIME);
	race_at(&races[1], 5, "Hill Country 10K, the hilly one; \"tough\"", day(2027, 2, 14),
	        10000);
	races[1].terrain = RACE_HILLY;
	races[1].goal_s = 3120;
	races[1].note = strdup("bring gels;\nstart at the back, pass on the climbs");
	race_at(&races[2], 6, "Turkey Trot", day(2026, 11, 26), 5000);
	races[2].status = RACE_DNS;
	for (size_t i = 0; i < plan.n_workouts; i++) {
		ics_add_workout(cal, &plan, &plan.workouts[i]);
		workouts += plan.workouts[i].kind != WORKOUT_REST &&
		            plan.workouts[i].kind != WORKOUT_RACE;
	}
	for (int i = 0; i < 3; i++) {
		ics_add_race(cal, &races[i]);
	}
	for (int i = 0; i < 3; i++) {
		ics_add_appointment(cal, &appts[i]);
	}
	assert_int_equal(ics_count(cal), workouts + 3 + 3);
	text = finish(cal);
	ics_free(cal);
	/* RFC 5545: CRLF line ends */
	assert_non_null(strstr(text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	back = parse(text);
	assert_int_equal(count_events(back), workouts + 6);

	/* every planned workout but rest days and the race, on its day */
	assert_true(workouts > 40);
	for (size_t i = 0; i < plan.n_workouts; i++) {
		const struct workout *w = &plan.workouts[i];
		icalcomponent *ev;
		char summary[64];

		uid_of(uid, sizeof(uid), "workout", w->id);
		ev = event(back, uid);
		if (w->kind == WORKOUT_REST || w->kind == WORKOUT_RACE) {
			assert_null(ev);
			continue;
		}
		assert_non_null(ev);
		assert_all_day(ev, w->date);
		snprintf(summary, sizeof(summary), " %.0f min", w->target_s / 60);
		assert_non_null(strstr(icalcomponent_get_summary(ev), summary));
		assert_string_equal(icalcomponent_get_description(ev), w->description);
		if (w->kind == WORKOUT_EASY) {
			assert_true(strncmp(icalcomponent_get_summary(ev), "Easy run ", 9) == 0);
		}
		if (w->kind == WORKOUT_LONG) {
			assert_true(strncmp(icalcomponent_get_summary(ev), "Long run ", 9) == 0);
		}
	}

	/* the races, with their text intact */
	for (int i = 0; i < 3; i++) {
		icalcomponent *ev;
		char summary[128];

		uid_of(uid, sizeof(uid), "race", races[i].id);
		ev = event(back, uid);
		assert_non_null(ev);
		assert_all_day(ev, races[i].date);
		snprintf(summary, sizeof(summary), "Race: %s", races[i].name);
		assert_string_equal(icalcomponent_get_summary(ev), summary);
	}
	assert_non_null(strstr(icalcomponent_get_description(event(back, "race-5@knead")),
	                       "10.00 km, priority B, hilly, registered; goal 52:00\nbring gels;\n"
	                       "start at the back"));
	assert_int_equal(icalcomponent_get_status(event(back, "race-6@knead")),
	                 ICAL_STATUS_CANCELLED);

	/* the appointments: timed at their instant, all-day on their day */
	{
		icalcomponent *ev = event(back, "appointment-10@knead");
		struct icaltimetype start, end;

		assert_non_null(ev);
		start = icalcomponent_get_dtstart(ev);
		end = icalcomponent_get_dtend(ev);
		assert_false(start.is_date);
		assert_int_equal((long long)icaltime_as_timet(start), 1805995800LL);
		assert_int_equal((long long)icaltime_as_timet(end), 1805995800LL + 3600);
		assert_string_equal(icalcomponent_get_summary(ev),
		                    "Deep-tissue massage with Kneaded Relief");
		assert_string_equal(icalcomponent_get_description(ev),
		                    "after the half: deep tissue, day 4\nexpected cost $0.00\n"
		                    "knead rule massage-post-race");
		assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CONFIRMED);

		ev = event(back, "appointment-11@knead");
		assert_non_null(ev);
		assert_all_day(ev, day(2027, 3, 19));
		assert_string_equal(icalcomponent_get_summary(ev), "Swedish massage");
		assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_TENTATIVE);

		ev = event(back, "appointment-12@knead");
		assert_non_null(ev);
		assert_int_equal((long long)icaltime_as_timet(icalcomponent_get_dtstart(ev)),
		                 1799172000LL);
		assert_string_equal(icalcomponent_get_summary(ev),
		                    "Physiotherapy with Stride Physio");
		assert_string_equal(icalcomponent_get_description(ev), "expected cost $110.00");
		assert_int_equal(icalcomponent_get_status(ev), ICAL_STATUS_CANCELLED);
	}

	icalcomponent_free(back);
	free(text);
	plan_release(&plan);
	for (int i = 0; i < 3; i++) {
		race_release(&races[i]);
		appointment_release(&appts[i]);
	}
}

/* Same input, same bytes: DTSTAMP is the instant given, UIDs the ids. */
static void test_reproducible(void **state)
{
	struct race r;
	char *a, *b;
	struct ics_calendar *cal;
	icalcomponent *back;

	(void)state;
	race_at(&r, 9, "Riverside Half", day(2027, 3, 21), 21097.5);
	cal = ics_new(NOW, UNITS_KM);
	ics_add_race(cal, &r);
	a = finish(cal);
	ics_free(cal);
	cal = ics_new(NOW, UNITS_KM);
	ics_add_race(cal, &r);
	b = finish(cal);
	ics_free(cal);
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "DTSTAMP:20261124T120000Z\r\n"));
	assert_non_null(strstr(a, "UID:race-9@knead\r\n"));
	back = parse(a);
	assert_int_equal(count_events(back), 1);
	assert_non_null(strstr(icalcomponent_get_description(event(back, "race-9@knead")),
	                       "21.10 km, priority B, registered"));
	icalcomponent_free(back);
	free(a);
	free(b);
	race_release(&r);
}

/* A plan by distance says its distances, in the runner's units. */
static void test_plan_by_distance(void **state)
{
	struct plan plan;
	struct race r;
	struct ics_calendar *cal = ics_new(NOW, UNITS_MI);
	icalcomponent *back, *ev;
	const struct workout *longest = NULL;
	char uid[64], *text;

	(void)state;
	half_plan(&plan, &r, PLAN_BY_DISTANCE);
	for (size_t i = 0; i < plan.n_workouts; i++) {
		const struct workout *w = &plan.workouts[i];

		ics_add_workout(cal, &plan, w);
		if (w->kind == WORKOUT_LONG && (!longest || w->target_m > longest->target_m)) {
			longest = w;
		}
	}
	if (!longest) {
		fail_msg("the plan has no long run");
		return;
	}
	text = finish(cal);
	ics_free(cal);
	back = parse(text);
	uid_of(uid, sizeof(uid), "workout", longest->id);
	ev = event(back, uid);
	assert_non_null(ev);
	assert_non_null(strstr(icalcomponent_get_summary(ev), " mi"));
	assert_true(strncmp(icalcomponent_get_summary(ev), "Long run ", 9) == 0);
	icalcomponent_free(back);
	free(text);
	plan_release(&plan);
	race_release(&r);
}

/* Nothing planned is still a calendar. */
static void test_empty(void **state)
{
	struct ics_calendar *cal = ics_new(NOW, UNITS_KM);
	icalcomponent *back;
	char *text;

	(void)state;
	text = finish(cal);
	assert_int_equal(ics_count(cal), 0);
	ics_free(cal);
	back = parse(text);
	assert_int_equal(count_events(back), 0);
	assert_non_null(icalcomponent_get_first_property(back, ICAL_PRODID_PROPERTY));
	icalcomponent_free(back);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_event_back),
		cmocka_unit_test(test_reproducible),
		cmocka_unit_test(test_plan_by_distance),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
