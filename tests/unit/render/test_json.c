/*
 * test_json.c: records as JSON (render/json.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "base/date.h"
#include "base/xalloc.h"
#include "render/json.h"

/* o has exactly the keys listed (NULL-terminated). */
static void check_keys(const json_t *o, const char *const *keys)
{
	size_t n = 0;

	assert_true(json_is_object(o));
	for (; keys[n]; n++) {
		if (!json_object_get(o, keys[n])) {
			fail_msg("key '%s' is missing", keys[n]);
		}
	}
	if (json_object_size(o) != n) {
		char *s = json_dumps(o, JSON_SORT_KEYS);

		fail_msg("expected %zu keys, got %zu: %s", n, json_object_size(o), s);
	}
}

static void check_null(const json_t *o, const char *key)
{
	if (!json_is_null(json_object_get(o, key))) {
		fail_msg("'%s' is not null", key);
	}
}

static void check_int(const json_t *o, const char *key, json_int_t want)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_integer(v)) {
		fail_msg("'%s' is not an integer", key);
	}
	assert_int_equal(json_integer_value(v), want);
}

static void check_real(const json_t *o, const char *key, double want)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_real(v)) {
		fail_msg("'%s' is not a real", key);
	}
	assert_true(fabs(json_real_value(v) - want) < 1e-9);
}

static void check_str(const json_t *o, const char *key, const char *want)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_string(v)) {
		fail_msg("'%s' is not a string", key);
	}
	assert_string_equal(json_string_value(v), want);
}

/* The compact text of v. */
static void check_dump(json_t *v, const char *want)
{
	char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT | JSON_SORT_KEYS);

	assert_non_null(s);
	if (strcmp(s, want) != 0) {
		fail_msg("got %s, expected %s", s, want);
	}
	free(s);
	json_decref(v);
}

static const char *const activity_keys[] = {
	"id",         "sport",      "treadmill",   "date",      "start",     "utc_offset_s",
	"distance_m", "duration_s", "moving_s",    "ascent_m",  "descent_m", "rpe",
	"hr_avg",     "hr_max",     "cadence_avg", "power_avg", "load",      "load_method",
	"gear",       "gear_id",    "source",      "name",      "note",      NULL,
};

static void test_number(void **state)
{
	(void)state;
	check_dump(render_json_number(8000), "8000");
	check_dump(render_json_number(0), "0");
	check_dump(render_json_number(-3), "-3");
	check_dump(render_json_number(1.5), "1.5");
	check_dump(render_json_number((double)NAN), "null");
	check_dump(render_json_number((double)INFINITY), "null");
	check_dump(render_json_number(-(double)INFINITY), "null");
	{
		json_t *v = render_json_number(9977.9328);

		assert_true(json_is_real(v));
		assert_true(fabs(json_real_value(v) - 9977.9328) < 1e-9);
		json_decref(v);
		v = render_json_number(1e300); /* whole, but beyond exact integers */
		assert_true(json_is_real(v));
		json_decref(v);
		v = render_json_number(4503599627370496.0);
		assert_true(json_is_integer(v));
		json_decref(v);
	}
}

static void test_date(void **state)
{
	(void)state;
	check_dump(render_json_date(date_from_civil(2026, 11, 21)), "\"2026-11-21\"");
	check_dump(render_json_date(0), "\"1970-01-01\"");
	check_dump(render_json_date(DATE_NONE), "null");
}

static void test_activity_unknowns(void **state)
{
	struct activity a;
	json_t *o, *source;

	(void)state;
	activity_init(&a);
	a.date = date_from_civil(2026, 11, 21);
	a.duration_s = 10800;
	a.sport = SPORT_SKI;
	o = render_json_activity(&a);
	check_keys(o, activity_keys);
	check_int(o, "id", 0);
	check_str(o, "sport", "ski");
	assert_true(json_is_false(json_object_get(o, "treadmill")));
	check_str(o, "date", "2026-11-21");
	check_null(o, "start");
	check_null(o, "utc_offset_s");
	check_null(o, "distance_m");
	check_int(o, "duration_s", 10800);
	check_null(o, "moving_s");
	check_null(o, "ascent_m");
	check_null(o, "descent_m");
	check_null(o, "rpe");
	check_null(o, "hr_avg");
	check_null(o, "hr_max");
	check_null(o, "cadence_avg");
	check_null(o, "power_avg");
	check_null(o, "load");
	check_null(o, "load_method");
	check_null(o, "gear");
	check_null(o, "gear_id");
	check_null(o, "name");
	check_null(o, "note");
	source = json_object_get(o, "source");
	{
		static const char *const keys[] = { "format", "file", "sha256", "device", NULL };

		check_keys(source, keys);
	}
	check_str(source, "format", "manual");
	check_null(source, "file");
	check_null(source, "sha256");
	check_null(source, "device");
	json_decref(o);
	activity_release(&a);
}

static void test_activity_full(void **state)
{
	struct activity a;
	json_t *o, *source;
	int64_t start = (int64_t)date_from_civil(2026, 11, 22) * 86400 + 5400; /* 01:30Z */

	(void)state;
	activity_init(&a);
	a.id = 42;
	a.athlete_id = 1;
	a.sport = SPORT_RUN;
	a.treadmill = true;
	a.date = date_from_civil(2026, 11, 21);
	a.has_start = true;
	a.start_utc = start;
	a.utc_offset = -18000;
	a.distance_m = 8000;
	a.duration_s = 2700;
	a.moving_s = 2650.5;
	a.ascent_m = 0;
	a.descent_m = 12.25;
	a.rpe = 6;
	a.hr_avg = 150;
	a.hr_max = 171;
	a.load = 61.25;
	memcpy(a.load_method, "hr-avg", sizeof("hr-avg"));
	a.gear_id = 3;
	a.gear = xstrdup("Pegasus 40");
	a.source = SOURCE_FIT;
	a.source_file = xstrdup("2026-11-21-evening.fit");
	a.source_sha256 =
	        xstrdup("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
	a.name = xstrdup("Evening \"tempo\"");
	a.note = xstrdup("legs ok\nhamstring tight");
	o = render_json_activity(&a);
	check_keys(o, activity_keys);
	check_int(o, "id", 42);
	check_str(o, "sport", "run");
	assert_true(json_is_true(json_object_get(o, "treadmill")));
	check_str(o, "date", "2026-11-21");
	check_str(o, "start", "2026-11-21T20:30:00-05:00");
	check_int(o, "utc_offset_s", -18000);
	check_int(o, "distance_m", 8000);
	check_int(o, "duration_s", 2700);
	check_real(o, "moving_s", 2650.5);
	check_int(o, "ascent_m", 0);
	check_real(o, "descent_m", 12.25);
	check_int(o, "rpe", 6);
	check_int(o, "hr_avg", 150);
	check_int(o, "hr_max", 171);
	check_real(o, "load", 61.25);
	check_str(o, "load_method", "hr-avg");
	check_str(o, "gear", "Pegasus 40");
	check_int(o, "gear_id", 3);
	check_str(o, "name", "Evening \"tempo\"");
	check_str(o, "note", "legs ok\nhamstring tight");
	source = json_object_get(o, "source");
	assert_true(json_is_object(source));
	check_str(source, "format", "fit");
	check_str(source, "file", "2026-11-21-evening.fit");
	check_str(source, "sha256", a.source_sha256);
	json_decref(o);

	/* a start east of UTC that falls on the previous UTC day */
	a.start_utc = (int64_t)date_from_civil(2026, 11, 20) * 86400 + 23 * 3600;
	a.utc_offset = 3600;
	o = render_json_activity(&a);
	check_str(o, "start", "2026-11-21T00:00:00+01:00");
	json_decref(o);
	activity_release(&a);
}

/* The serialized text says 8000, never 8000.0. */
static void test_activity_text(void **state)
{
	struct activity a;
	json_t *o;
	char *s;

	(void)state;
	activity_init(&a);
	a.date = date_from_civil(2026, 11, 21);
	a.distance_m = 8000;
	o = render_json_activity(&a);
	s = json_dumps(o, JSON_COMPACT);
	assert_non_null(strstr(s, "\"distance_m\":8000,"));
	assert_null(strstr(s, "8000.0"));
	assert_non_null(strstr(s, "\"duration_s\":null"));
	free(s);
	json_decref(o);
}

static void test_summary(void **state)
{
	struct activity_summary sum;
	struct activity a;
	json_t *o, *by_sport, *all, *run, *yoga;
	static const char *const totals_keys[] = { "sport", "count", "distance_m", "time_s", NULL };
	static const char *const all_keys[] = { "count", "distance_m", "time_s", NULL };
	static const char *const top_keys[] = { "by_sport", "all", NULL };

	(void)state;
	activity_summary_init(&sum);
	o = render_json_summary(&sum);
	check_keys(o, top_keys);
	by_sport = json_object_get(o, "by_sport");
	assert_true(json_is_array(by_sport));
	assert_int_equal(json_array_size(by_sport), 0);
	all = json_object_get(o, "all");
	check_keys(all, all_keys);
	check_int(all, "count", 0);
	check_int(all, "distance_m", 0);
	check_int(all, "time_s", 0);
	json_decref(o);

	activity_init(&a);
	a.date = 1;
	a.sport = SPORT_YOGA;
	a.duration_s = 3600;
	activity_summary_add(&sum, &a);
	a.sport = SPORT_RUN;
	a.duration_s = 2700;
	a.distance_m = 8000.5;
	activity_summary_add(&sum, &a);
	activity_summary_add(&sum, &a);
	o = render_json_summary(&sum);
	by_sport = json_object_get(o, "by_sport");
	assert_int_equal(json_array_size(by_sport), 2);
	/* in sport order: run before yoga */
	run = json_array_get(by_sport, 0);
	yoga = json_array_get(by_sport, 1);
	check_keys(run, totals_keys);
	check_str(run, "sport", "run");
	check_int(run, "count", 2);
	check_int(run, "distance_m", 16001);
	check_int(run, "time_s", 5400);
	check_str(yoga, "sport", "yoga");
	check_int(yoga, "count", 1);
	check_int(yoga, "distance_m", 0);
	check_int(yoga, "time_s", 3600);
	all = json_object_get(o, "all");
	check_int(all, "count", 3);
	check_int(all, "time_s", 9000);
	json_decref(o);
}

static void test_gear(void **state)
{
	static const char *const keys[] = {
		"id",         "name",       "kind",      "since",         "retired", "limit_m",
		"distance_m", "activities", "last_used", "used_fraction", "note",    NULL,
	};
	struct gear g;
	json_t *o;

	(void)state;
	gear_init(&g);
	g.id = 3;
	g.name = xstrdup("Pegasus 40");
	o = render_json_gear(&g);
	check_keys(o, keys);
	check_int(o, "id", 3);
	check_str(o, "name", "Pegasus 40");
	check_str(o, "kind", "shoes");
	check_null(o, "since");
	check_null(o, "retired");
	check_null(o, "limit_m");
	check_int(o, "distance_m", 0);
	check_int(o, "activities", 0);
	check_null(o, "last_used");
	check_null(o, "used_fraction");
	check_null(o, "note");
	json_decref(o);

	g.kind = GEAR_BIKE;
	g.since = date_from_civil(2026, 1, 1);
	g.retired = date_from_civil(2026, 11, 1);
	g.limit_m = 800000;
	g.distance_m = 400000;
	g.n_activities = 52;
	g.last_used = date_from_civil(2026, 10, 31);
	g.note = xstrdup("blue");
	o = render_json_gear(&g);
	check_keys(o, keys);
	check_str(o, "kind", "bike");
	check_str(o, "since", "2026-01-01");
	check_str(o, "retired", "2026-11-01");
	check_int(o, "limit_m", 800000);
	check_int(o, "distance_m", 400000);
	check_int(o, "activities", 52);
	check_str(o, "last_used", "2026-10-31");
	check_real(o, "used_fraction", 0.5);
	check_str(o, "note", "blue");
	json_decref(o);
	gear_release(&g);
}

static void test_athlete(void **state)
{
	static const char *const keys[] = {
		"id",
		"name",
		"sex",
		"birth_year",
		"max_hr",
		"rest_hr",
		"threshold_pace_s_per_km",
		"units",
		"tz",
		"currency",
		"budget_cents",
		NULL,
	};
	struct athlete a;
	json_t *o;

	(void)state;
	athlete_init(&a, 1);
	o = render_json_athlete(&a, NULL);
	check_keys(o, keys);
	check_int(o, "id", 1);
	check_null(o, "name");
	check_null(o, "sex");
	check_null(o, "birth_year");
	check_null(o, "max_hr");
	check_null(o, "rest_hr");
	check_null(o, "threshold_pace_s_per_km");
	check_str(o, "units", "km");
	check_null(o, "tz");
	check_null(o, "currency");
	check_null(o, "budget_cents");
	json_decref(o);

	a.name = xstrdup("Lilly");
	a.sex = SEX_F;
	a.birth_year = 1990;
	a.max_hr = 188;
	a.rest_hr = 48;
	a.threshold_pace_s_per_km = 270;
	a.units = UNITS_MI;
	a.tz = xstrdup("Europe/Berlin");
	memcpy(a.currency, "CAD", 4);
	a.budget_cents = 8000;
	/* tz is the zone in force, which the caller passes */
	o = render_json_athlete(&a, "America/Toronto");
	check_keys(o, keys);
	check_str(o, "name", "Lilly");
	check_str(o, "sex", "f");
	check_int(o, "birth_year", 1990);
	check_int(o, "max_hr", 188);
	check_int(o, "rest_hr", 48);
	check_int(o, "threshold_pace_s_per_km", 270);
	check_str(o, "units", "mi");
	check_str(o, "tz", "America/Toronto");
	check_str(o, "currency", "CAD");
	check_int(o, "budget_cents", 8000);
	json_decref(o);
	a.sex = SEX_M;
	a.budget_cents = 0; /* a budget of nothing is a budget, not unset */
	o = render_json_athlete(&a, "UTC");
	check_str(o, "sex", "m");
	check_int(o, "budget_cents", 0);
	json_decref(o);
	athlete_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_activity_unknowns),
		cmocka_unit_test(test_activity_full),
		cmocka_unit_test(test_activity_text),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_gear),
		cmocka_unit_test(test_athlete),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
