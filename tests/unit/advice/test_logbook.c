/*
 * test_logbook.c: what the Log forms and `knead log` / `knead recover`
 * read the same way: figures, distances in the form's unit, durations,
 * sleep, weight, money in the profile's currency, regions and findings,
 * and the refusal of a day to come.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "advice/logbook.h"
#include "base/datafile.h"
#include "base/date.h"

static struct region_catalog catalog = REGION_CATALOG_INIT;

static int setup(void **state)
{
	(void)state;
	return region_catalog_parse(&catalog, datafile_builtin("regions.ini", NULL),
	                            "built-in regions.ini", NULL)
	               ? -1
	               : 0;
}

static int teardown(void **state)
{
	(void)state;
	region_catalog_release(&catalog);
	return 0;
}

static void test_figures(void **state)
{
	struct activity a;
	bool dist = false, dur = false;
	struct err err = ERR_INIT;

	(void)state;
	activity_init(&a);
	assert_int_equal(logbook_figure(&a, "8k", &dist, &dur, &err), ERR_OK);
	assert_int_equal(logbook_figure(&a, "45min", &dist, &dur, &err), ERR_OK);
	assert_true(fabs(a.distance_m - 8000) < 1e-9 && fabs(a.duration_s - 2700) < 1e-9);
	assert_int_equal(logbook_figure(&a, "5k", &dist, &dur, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "second distance"));
	activity_release(&a);
}

static void test_distances_and_durations(void **state)
{
	double v = 0;
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(logbook_distance_parse("5.2", UNITS_KM, &v, &err), ERR_OK);
	assert_true(fabs(v - 5200) < 1e-9);
	assert_int_equal(logbook_distance_parse("5", UNITS_MI, &v, &err), ERR_OK);
	assert_true(fabs(v - 5 * units_metres(UNITS_MI)) < 1e-6);
	assert_int_equal(logbook_distance_parse("half", UNITS_MI, &v, &err), ERR_OK);
	assert_true(fabs(v - 21097.5) < 1);
	assert_int_equal(logbook_distance_parse("-5", UNITS_KM, &v, &err), ERR_INPUT);
	assert_int_equal(logbook_duration_parse("45", &v, &err), ERR_OK);
	assert_true(fabs(v - 2700) < 1e-9);
	assert_int_equal(logbook_duration_parse("1:20:00", &v, &err), ERR_OK);
	assert_true(fabs(v - 4800) < 1e-9);
	assert_int_equal(logbook_duration_parse("later", &v, &err), ERR_INPUT);
}

static void test_sleep_and_weight(void **state)
{
	double v = 0;
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(logbook_sleep_parse("7.5", &v, &err), ERR_OK);
	assert_true(fabs(v - 27000) < 1e-9);
	assert_int_equal(logbook_sleep_parse("7h30", &v, &err), ERR_OK);
	assert_true(fabs(v - 27000) < 1e-9);
	assert_int_equal(logbook_sleep_parse("25", &v, &err), ERR_INPUT);
	assert_int_equal(logbook_weight_parse("61.5kg", &v, &err), ERR_OK);
	assert_true(fabs(v - 61.5) < 1e-9);
	assert_int_equal(logbook_weight_parse("135lbs", &v, &err), ERR_OK);
	assert_true(fabs(v - 135 * 0.45359237) < 1e-9);
	assert_int_equal(logbook_weight_parse("heavy", &v, &err), ERR_INPUT);
}

static void test_money_in_the_profiles_currency(void **state)
{
	struct athlete profile;
	struct err err = ERR_INIT;
	int64_t cents = -1;
	char currency[4] = "";

	(void)state;
	athlete_init(&profile, ATHLETE_DEFAULT);
	memcpy(profile.currency, "USD", 4);
	assert_int_equal(logbook_money_parse(&profile, "$80", &cents, currency, &err), ERR_OK);
	assert_int_equal(cents, 8000);
	assert_string_equal(currency, "USD");
	assert_int_equal(logbook_money_parse(&profile, "80 EUR", &cents, currency, &err),
	                 ERR_INPUT);
	assert_non_null(strstr(err.msg, "knead keeps money in USD"));
	athlete_release(&profile);
}

static void test_regions_and_findings(void **state)
{
	struct recovery r;
	struct err err = ERR_INIT;

	(void)state;
	recovery_init(&r);
	assert_int_equal(logbook_regions_parse(&catalog, "hamstring:right, glutes", &r, &err),
	                 ERR_OK);
	assert_int_equal(logbook_findings_parse(&catalog, "adductors:left=very tight", &r, &err),
	                 ERR_OK);
	assert_int_equal(r.n_regions, 3);
	assert_string_equal(r.regions[0].region, "hamstrings");
	assert_int_equal(r.regions[0].side, SIDE_RIGHT);
	assert_int_equal(r.regions[2].finding, FINDING_TIGHT);
	assert_int_equal(r.regions[2].severity, 3);
	assert_int_equal(logbook_regions_parse(&catalog, "hamstrng", &r, &err), ERR_INPUT);
	assert_int_equal(logbook_findings_parse(&catalog, "calves", &r, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "needs REGION=FINDING"));
	recovery_release(&r);
}

static void test_days_to_come_are_refused(void **state)
{
	struct err err = ERR_INIT;
	int32_t today;

	(void)state;
	date_parse_iso("2026-11-24", &today);
	assert_int_equal(logbook_check_done(today, today, &err), ERR_OK);
	assert_int_equal(logbook_check_done(today + 1, today, &err), ERR_INPUT);
	assert_string_equal(err.msg, "2026-11-25 is after today; knead logs what was done");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_distances_and_durations),
		cmocka_unit_test(test_sleep_and_weight),
		cmocka_unit_test(test_money_in_the_profiles_currency),
		cmocka_unit_test(test_regions_and_findings),
		cmocka_unit_test(test_days_to_come_are_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
