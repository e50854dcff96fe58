/*
 * test_activity.c: activity records, validation and totals
 * (core/activity.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "base/date.h"
#include "core/activity.h"

#define assert_near(a, b)                                                                          \
	do {                                                                                       \
		double a_ = (a), b_ = (b);                                                         \
		if (!(fabs(a_ - b_) <= 1e-6)) {                                                    \
			fail_msg("%s is %.9f, expected %.9f", #a, a_, b_);                         \
		}                                                                                  \
	} while (0)

/* A valid typed activity: sport on 2026-11-21 with the figures given
 * ((double)NAN for none). */
static struct activity make(enum sport sport, double distance_m, double duration_s)
{
	struct activity a;

	activity_init(&a);
	a.sport = sport;
	a.date = date_from_civil(2026, 11, 21);
	a.distance_m = distance_m;
	a.duration_s = duration_s;
	return a;
}

static void check_ok(const struct activity *a)
{
	struct err err = ERR_INIT;

	if (activity_validate(a, &err) != ERR_OK) {
		fail_msg("refused: %s", err.msg);
	}
	assert_int_equal(err.code, ERR_OK);
}

/* Refused with ERR_INPUT and a message containing each of the words. */
static void check_refused(const struct activity *a, const char *word1, const char *word2)
{
	struct err err = ERR_INIT;

	if (activity_validate(a, &err) != ERR_INPUT) {
		fail_msg("accepted, but should be refused naming '%s'", word1);
	}
	if (!strstr(err.msg, word1) || (word2 && !strstr(err.msg, word2))) {
		fail_msg("message \"%s\" lacks '%s'%s%s", err.msg, word1, word2 ? " or " : "",
		         word2 ? word2 : "");
	}
	/* err may be NULL */
	assert_int_equal(activity_validate(a, NULL), ERR_INPUT);
}

static void test_init(void **state)
{
	struct activity a;

	(void)state;
	memset(&a, 0x5a, sizeof(a));
	activity_init(&a);
	assert_int_equal(a.id, 0);
	assert_int_equal(a.athlete_id, 0);
	assert_int_equal(a.sport, SPORT_RUN);
	assert_false(a.treadmill);
	assert_int_equal(a.date, DATE_NONE);
	assert_false(a.has_start);
	assert_true(isnan(a.distance_m));
	assert_true(isnan(a.duration_s));
	assert_true(isnan(a.moving_s));
	assert_true(isnan(a.ascent_m));
	assert_true(isnan(a.descent_m));
	assert_int_equal(a.rpe, 0);
	assert_int_equal(a.hr_avg, 0);
	assert_int_equal(a.hr_max, 0);
	assert_int_equal(a.gear_id, 0);
	assert_null(a.gear);
	assert_int_equal(a.source, SOURCE_MANUAL);
	assert_null(a.source_file);
	assert_null(a.source_sha256);
	assert_null(a.name);
	assert_null(a.note);
}

static void test_diary_entries_valid(void **state)
{
	struct activity a;

	(void)state;
	/* knead log run 8k --treadmill */
	a = make(SPORT_RUN, 8000, (double)NAN);
	a.treadmill = true;
	check_ok(&a);
	/* knead log ski 3h */
	a = make(SPORT_SKI, (double)NAN, 3 * 3600);
	check_ok(&a);
	/* knead log run 200min --rpe 6 */
	a = make(SPORT_RUN, (double)NAN, 200 * 60);
	a.rpe = 6;
	check_ok(&a);
	/* a full record */
	a = make(SPORT_RUN, 10000, 3000);
	a.moving_s = 2950;
	a.ascent_m = 120;
	a.descent_m = 118;
	a.rpe = 7;
	a.hr_avg = 150;
	a.hr_max = 178;
	a.has_start = true;
	check_ok(&a);
	/* moving time alone */
	a = make(SPORT_YOGA, (double)NAN, (double)NAN);
	a.moving_s = 3600;
	check_ok(&a);
	/* walks and hikes go on treadmills too */
	a = make(SPORT_WALK, 5000, 3600);
	a.treadmill = true;
	check_ok(&a);
	a = make(SPORT_HIKE, 5000, 3600);
	a.treadmill = true;
	check_ok(&a);
}

static void test_missing_fields(void **state)
{
	struct activity a;

	(void)state;
	a = make(SPORT_RUN, 8000, (double)NAN);
	a.date = DATE_NONE;
	check_refused(&a, "date", NULL);
	a = make(SPORT_RUN, (double)NAN, (double)NAN);
	check_refused(&a, "distance", "duration");
	a = make((enum sport)SPORT_COUNT, 8000, (double)NAN);
	check_refused(&a, "sport", NULL);
}

static void test_distance_bounds(void **state)
{
	struct activity a;

	(void)state;
	/* "45m" typed meaning minutes */
	a = make(SPORT_RUN, 45, (double)NAN);
	check_refused(&a, "45 m", "45min");
	a = make(SPORT_RUN, ACTIVITY_MIN_TYPED_DISTANCE_M - 1, (double)NAN);
	check_refused(&a, "min", NULL);
	a = make(SPORT_RUN, ACTIVITY_MIN_TYPED_DISTANCE_M, (double)NAN);
	check_ok(&a);
	/* imported files may carry short distances */
	a = make(SPORT_RUN, 45, 30);
	a.source = SOURCE_FIT;
	check_ok(&a);
	a.source = SOURCE_GPX;
	check_ok(&a);
	/* zero, negative and absurd distances */
	a = make(SPORT_RUN, 0, 60);
	a.source = SOURCE_FIT;
	check_refused(&a, "distance", NULL);
	a = make(SPORT_RUN, -8000, (double)NAN);
	check_refused(&a, "distance", NULL);
	a = make(SPORT_BIKE, ACTIVITY_MAX_DISTANCE_M, (double)NAN);
	check_ok(&a);
	a = make(SPORT_BIKE, ACTIVITY_MAX_DISTANCE_M + 1, (double)NAN);
	check_refused(&a, "distance", "out of range");
	a = make(SPORT_RUN, (double)INFINITY, (double)NAN);
	check_refused(&a, "distance", NULL);
}

static void test_duration_bounds(void **state)
{
	struct activity a;

	(void)state;
	a = make(SPORT_RUN, (double)NAN, 0);
	check_refused(&a, "duration", NULL);
	a = make(SPORT_RUN, (double)NAN, -60);
	check_refused(&a, "duration", NULL);
	a = make(SPORT_HIKE, (double)NAN, ACTIVITY_MAX_DURATION_S);
	check_ok(&a);
	a = make(SPORT_HIKE, (double)NAN, ACTIVITY_MAX_DURATION_S + 1);
	check_refused(&a, "duration", "out of range");
	a = make(SPORT_RUN, (double)NAN, (double)NAN);
	a.moving_s = 0;
	check_refused(&a, "moving", NULL);
	a = make(SPORT_RUN, (double)NAN, (double)NAN);
	a.moving_s = ACTIVITY_MAX_DURATION_S + 1;
	check_refused(&a, "moving", NULL);
}

static void test_moving_above_elapsed(void **state)
{
	struct activity a;

	(void)state;
	a = make(SPORT_RUN, 8000, 2700);
	a.moving_s = 3000;
	check_refused(&a, "moving", "elapsed");
	a.moving_s = 2700; /* equal is fine */
	check_ok(&a);
	a.moving_s = 2700.5; /* rounding between watch fields is fine */
	check_ok(&a);
	a.moving_s = 2400;
	check_ok(&a);
}

static void test_treadmill(void **state)
{
	static const enum sport no[] = {
		SPORT_TRAIL,    SPORT_SKI,  SPORT_XCSKI, SPORT_BIKE,  SPORT_SWIM,
		SPORT_STRENGTH, SPORT_YOGA, SPORT_CROSS, SPORT_OTHER,
	};
	struct activity a;

	(void)state;
	a = make(SPORT_SKI, (double)NAN, 3 * 3600);
	a.treadmill = true;
	check_refused(&a, "treadmill", "'ski'");
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		a = make(no[i], (double)NAN, 3600);
		a.treadmill = true;
		check_refused(&a, "treadmill", sport_name(no[i]));
	}
}

static void test_rpe(void **state)
{
	struct activity a = make(SPORT_RUN, 8000, (double)NAN);

	(void)state;
	a.rpe = 0; /* unknown */
	check_ok(&a);
	a.rpe = 1;
	check_ok(&a);
	a.rpe = 10;
	check_ok(&a);
	a.rpe = 11;
	check_refused(&a, "RPE", "11");
	a.rpe = -1;
	check_refused(&a, "RPE", "-1");
}

static void test_heart_rate(void **state)
{
	struct activity a = make(SPORT_RUN, 8000, (double)NAN);

	(void)state;
	a.hr_avg = 25;
	check_ok(&a);
	a.hr_avg = 24;
	check_refused(&a, "heart rate", "24");
	a.hr_avg = 250;
	check_ok(&a);
	a.hr_avg = 251;
	check_refused(&a, "heart rate", "251");
	a.hr_avg = 0;
	a.hr_max = 24;
	check_refused(&a, "maximum heart rate", "24");
	a.hr_max = 251;
	check_refused(&a, "maximum heart rate", "251");
	a.hr_max = 180;
	check_ok(&a);
	a.hr_avg = 181;
	check_refused(&a, "average", "maximum");
	a.hr_avg = 180;
	check_ok(&a);
}

static void test_speed_limits(void **state)
{
	struct activity a;

	(void)state;
	/* 8 km in 2 min: a typo, not a run */
	a = make(SPORT_RUN, 8000, 120);
	check_refused(&a, "too fast", "run");
	/* moving time counts when it is known */
	a = make(SPORT_RUN, 8000, 2700);
	a.moving_s = 120;
	check_refused(&a, "too fast", NULL);
	/* 40 km in 1 h is a fine bike ride, and a fine 2:00/km run is believed */
	a = make(SPORT_BIKE, 40000, 3600);
	check_ok(&a);
	a = make(SPORT_RUN, 5000, 600);
	check_ok(&a);
	/* but the same ride is too fast on foot */
	a = make(SPORT_RUN, 40000, 3600);
	check_refused(&a, "too fast", NULL);
	a = make(SPORT_WALK, 20000, 3600);
	check_refused(&a, "too fast", "walk");
	a = make(SPORT_SWIM, 5000, 600);
	check_refused(&a, "too fast", "swim");
	/* sports without a limit take anything */
	a = make(SPORT_OTHER, 100000, 600);
	check_ok(&a);
	/* without a time there is nothing to check */
	a = make(SPORT_RUN, 42195, (double)NAN);
	check_ok(&a);
}

static void test_text_limits(void **state)
{
	struct activity a = make(SPORT_RUN, 8000, (double)NAN);
	char *name = malloc(ACTIVITY_MAX_NAME + 2);
	char *note = malloc(ACTIVITY_MAX_NOTE + 2);

	(void)state;
	memset(name, 'n', ACTIVITY_MAX_NAME + 1);
	name[ACTIVITY_MAX_NAME + 1] = '\0';
	memset(note, 'x', ACTIVITY_MAX_NOTE + 1);
	note[ACTIVITY_MAX_NOTE + 1] = '\0';

	name[ACTIVITY_MAX_NAME] = '\0';
	a.name = name;
	check_ok(&a);
	name[ACTIVITY_MAX_NAME] = 'n';
	check_refused(&a, "name", "200");
	a.name = NULL;

	note[ACTIVITY_MAX_NOTE] = '\0';
	a.note = note;
	check_ok(&a);
	note[ACTIVITY_MAX_NOTE] = 'x';
	check_refused(&a, "note", "10000");
	a.note = NULL;
	free(name);
	free(note);
}

static void test_time_and_pace(void **state)
{
	struct activity a = make(SPORT_RUN, 8000, 2700);

	(void)state;
	assert_near(activity_time_s(&a), 2700);
	assert_near(activity_sec_per_m(&a), 2700.0 / 8000);
	a.moving_s = 2640;
	assert_near(activity_time_s(&a), 2640);
	assert_near(activity_sec_per_m(&a), 0.33);
	a.duration_s = (double)NAN;
	assert_near(activity_time_s(&a), 2640);
	a.moving_s = (double)NAN;
	assert_true(isnan(activity_time_s(&a)));
	assert_true(isnan(activity_sec_per_m(&a)));
	a = make(SPORT_SKI, (double)NAN, 3600);
	assert_true(isnan(activity_sec_per_m(&a)));
	a.distance_m = 0;
	assert_true(isnan(activity_sec_per_m(&a)));
}

static void test_source_names(void **state)
{
	static const char *const names[SOURCE_COUNT] = { "manual", "fit", "gpx", "tcx", "csv" };

	(void)state;
	for (int i = 0; i < SOURCE_COUNT; i++) {
		enum activity_source s = SOURCE_COUNT;

		assert_string_equal(activity_source_name((enum activity_source)i), names[i]);
		assert_true(activity_source_from_name(names[i], &s));
		assert_int_equal(s, i);
	}
	assert_string_equal(activity_source_name(SOURCE_COUNT), "?");
	{
		enum activity_source s = SOURCE_COUNT;

		assert_false(activity_source_from_name("FIT", &s));
		assert_false(activity_source_from_name("", &s));
		assert_false(activity_source_from_name("strava", &s));
		assert_int_equal(s, SOURCE_COUNT);
	}
}

static void test_set_str(void **state)
{
	char *field = NULL;
	char buf[] = "tempo";

	(void)state;
	activity_set_str(&field, buf);
	assert_string_equal(field, "tempo");
	assert_ptr_not_equal(field, buf); /* a copy */
	buf[0] = 'x';
	assert_string_equal(field, "tempo");
	activity_set_str(&field, "long run"); /* replaces, freeing the old */
	assert_string_equal(field, "long run");
	activity_set_str(&field, "");
	assert_null(field);
	activity_set_str(&field, "again");
	activity_set_str(&field, NULL);
	assert_null(field);
	activity_set_str(&field, NULL);
	assert_null(field);
}

static void test_release(void **state)
{
	struct activity a = make(SPORT_BIKE, 40000, 3600);

	(void)state;
	activity_set_str(&a.gear, "Canyon");
	activity_set_str(&a.source_file, "ride.fit");
	activity_set_str(&a.source_sha256, "abc");
	activity_set_str(&a.name, "Commute");
	activity_set_str(&a.note, "windy");
	a.id = 7;
	activity_release(&a);
	assert_null(a.gear);
	assert_null(a.source_file);
	assert_null(a.source_sha256);
	assert_null(a.name);
	assert_null(a.note);
	assert_int_equal(a.id, 0);
	assert_int_equal(a.sport, SPORT_RUN);
	assert_int_equal(a.date, DATE_NONE);
	assert_true(isnan(a.distance_m));
	activity_release(&a); /* twice is fine */
}

static void test_list(void **state)
{
	struct activity_list list = ACTIVITY_LIST_INIT;

	(void)state;
	for (int i = 0; i < 100; i++) {
		struct activity *a = activity_list_push(&list);

		assert_int_equal(a->date, DATE_NONE);
		assert_true(isnan(a->distance_m));
		assert_null(a->name);
		a->id = i + 1;
		if (i % 3 == 0) {
			activity_set_str(&a->name, "named");
		}
	}
	assert_int_equal(list.n_activities, 100);
	assert_true(list.alloc >= 100);
	/* earlier elements survive the reallocations */
	for (int i = 0; i < 100; i++) {
		assert_int_equal(list.activities[i].id, i + 1);
		if (i % 3 == 0) {
			assert_string_equal(list.activities[i].name, "named");
		}
	}
	activity_list_release(&list);
	assert_null(list.activities);
	assert_int_equal(list.n_activities, 0);
	assert_int_equal(list.alloc, 0);
	/* reusable */
	activity_list_push(&list);
	assert_int_equal(list.n_activities, 1);
	activity_list_release(&list);
	activity_list_release(&list);
}

static void test_summary(void **state)
{
	struct activity_summary s;
	struct activity a;

	(void)state;
	memset(&s, 0x7f, sizeof(s));
	activity_summary_init(&s);
	for (int i = 0; i < SPORT_COUNT; i++) {
		assert_int_equal(s.by_sport[i].count, 0);
		assert_true(s.by_sport[i].distance_m == 0);
		assert_true(s.by_sport[i].time_s == 0);
	}
	assert_int_equal(s.all.count, 0);

	a = make(SPORT_RUN, 8000, 2700);
	activity_summary_add(&s, &a);
	a = make(SPORT_RUN, (double)NAN, 1800); /* unknown distance is skipped */
	activity_summary_add(&s, &a);
	a = make(SPORT_RUN, 10000, 3100);
	a.moving_s = 3000; /* moving time counts when known */
	activity_summary_add(&s, &a);
	a = make(SPORT_BIKE, 40000, (double)NAN); /* unknown time is skipped */
	activity_summary_add(&s, &a);
	a = make(SPORT_YOGA, (double)NAN, 3600);
	activity_summary_add(&s, &a);

	assert_int_equal(s.by_sport[SPORT_RUN].count, 3);
	assert_near(s.by_sport[SPORT_RUN].distance_m, 18000);
	assert_near(s.by_sport[SPORT_RUN].time_s, 2700 + 1800 + 3000);
	assert_int_equal(s.by_sport[SPORT_BIKE].count, 1);
	assert_near(s.by_sport[SPORT_BIKE].distance_m, 40000);
	assert_near(s.by_sport[SPORT_BIKE].time_s, 0);
	assert_int_equal(s.by_sport[SPORT_YOGA].count, 1);
	assert_near(s.by_sport[SPORT_YOGA].distance_m, 0);
	assert_near(s.by_sport[SPORT_YOGA].time_s, 3600);
	assert_int_equal(s.by_sport[SPORT_SWIM].count, 0);
	assert_int_equal(s.all.count, 5);
	assert_near(s.all.distance_m, 58000);
	assert_near(s.all.time_s, 2700 + 1800 + 3000 + 3600);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_diary_entries_valid),
		cmocka_unit_test(test_missing_fields),
		cmocka_unit_test(test_distance_bounds),
		cmocka_unit_test(test_duration_bounds),
		cmocka_unit_test(test_moving_above_elapsed),
		cmocka_unit_test(test_treadmill),
		cmocka_unit_test(test_rpe),
		cmocka_unit_test(test_heart_rate),
		cmocka_unit_test(test_speed_limits),
		cmocka_unit_test(test_text_limits),
		cmocka_unit_test(test_time_and_pace),
		cmocka_unit_test(test_source_names),
		cmocka_unit_test(test_set_str),
		cmocka_unit_test(test_release),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_summary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
