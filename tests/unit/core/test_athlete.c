/*
 * test_athlete.c: the runner's profile (core/athlete.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "base/xalloc.h"
#include "core/athlete.h"

#define THIS_YEAR 2026

static void check_ok(const struct athlete *a)
{
	struct err err = ERR_INIT;

	if (athlete_validate(a, THIS_YEAR, &err) != ERR_OK) {
		fail_msg("refused: %s", err.msg);
	}
}

static void check_refused(const struct athlete *a, const char *word)
{
	struct err err = ERR_INIT;

	if (athlete_validate(a, THIS_YEAR, &err) != ERR_INPUT) {
		fail_msg("accepted, but should be refused naming '%s'", word);
	}
	if (!strstr(err.msg, word)) {
		fail_msg("message \"%s\" lacks '%s'", err.msg, word);
	}
	assert_int_equal(athlete_validate(a, THIS_YEAR, NULL), ERR_INPUT);
}

static void test_init_release(void **state)
{
	struct athlete a;

	(void)state;
	memset(&a, 0x5a, sizeof(a));
	athlete_init(&a, 3);
	assert_int_equal(a.id, 3);
	assert_null(a.name);
	assert_int_equal(a.sex, SEX_UNKNOWN);
	assert_int_equal(a.birth_year, 0);
	assert_int_equal(a.max_hr, 0);
	assert_int_equal(a.rest_hr, 0);
	assert_true(isnan(a.threshold_pace_s_per_km));
	assert_int_equal(a.units, UNITS_KM);
	assert_null(a.tz);
	assert_string_equal(a.currency, "");
	assert_int_equal(a.budget_cents, -1);
	check_ok(&a); /* an empty profile is valid */

	a.name = xstrdup("Lilly");
	a.tz = xstrdup("America/Toronto");
	a.max_hr = 190;
	athlete_release(&a);
	assert_int_equal(a.id, 3); /* the id is kept */
	assert_null(a.name);
	assert_null(a.tz);
	assert_int_equal(a.max_hr, 0);
	athlete_release(&a);
}

static void test_heart_rates(void **state)
{
	struct athlete a;

	(void)state;
	athlete_init(&a, 1);
	a.max_hr = 250;
	check_ok(&a);
	a.max_hr = 251;
	check_refused(&a, "251");
	a.max_hr = 185;
	check_ok(&a);
	a.rest_hr = 25;
	check_ok(&a);
	a.rest_hr = 24;
	check_refused(&a, "resting heart rate");
	a.rest_hr = 120;
	check_ok(&a);
	a.rest_hr = 121;
	check_refused(&a, "resting heart rate");
	/* rest must be below max */
	a.max_hr = 110;
	a.rest_hr = 110;
	check_refused(&a, "below the maximum");
	a.rest_hr = 109;
	check_ok(&a);
	a.max_hr = -5;
	a.rest_hr = 0;
	check_refused(&a, "maximum heart rate");
}

static void test_birth_year(void **state)
{
	struct athlete a;

	(void)state;
	athlete_init(&a, 1);
	a.birth_year = THIS_YEAR - 110;
	check_ok(&a);
	a.birth_year = THIS_YEAR - 111;
	check_refused(&a, "birth year");
	a.birth_year = THIS_YEAR - 5;
	check_ok(&a);
	a.birth_year = THIS_YEAR - 4;
	check_refused(&a, "birth year");
	a.birth_year = 1985;
	check_ok(&a);
}

static void test_threshold_pace(void **state)
{
	struct athlete a;

	(void)state;
	athlete_init(&a, 1);
	a.threshold_pace_s_per_km = 120;
	check_ok(&a);
	a.threshold_pace_s_per_km = 119;
	check_refused(&a, "threshold pace");
	a.threshold_pace_s_per_km = 900;
	check_ok(&a);
	a.threshold_pace_s_per_km = 901;
	check_refused(&a, "threshold pace");
	a.threshold_pace_s_per_km = 270;
	check_ok(&a);
}

static void test_currency_budget(void **state)
{
	struct athlete a;

	(void)state;
	athlete_init(&a, 1);
	memcpy(a.currency, "EUR", 4);
	check_ok(&a);
	memcpy(a.currency, "CAD", 4);
	check_ok(&a);
	memcpy(a.currency, "eur", 4);
	check_refused(&a, "'eur'");
	memcpy(a.currency, "EU", 3);
	check_refused(&a, "currency");
	memcpy(a.currency, "E1R", 4);
	check_refused(&a, "currency");
	memcpy(a.currency, "EUR", 4);
	a.budget_cents = 0;
	check_ok(&a);
	a.budget_cents = 12000;
	check_ok(&a);
	a.budget_cents = -1; /* unset */
	check_ok(&a);
	a.budget_cents = -2;
	check_refused(&a, "budget");
}

static void test_sex(void **state)
{
	static const char *const f[] = { "f", "F", "female", "Female", "w", "woman" };
	static const char *const m[] = { "m", "M", "male", "MALE", "man" };
	static const char *const bad[] = { "", "x", "fem", "men", "females", " f" };

	(void)state;
	assert_string_equal(athlete_sex_name(SEX_F), "f");
	assert_string_equal(athlete_sex_name(SEX_M), "m");
	assert_string_equal(athlete_sex_name(SEX_UNKNOWN), "");
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		enum sex s = SEX_UNKNOWN;

		assert_int_equal(athlete_sex_parse(f[i], &s, NULL), ERR_OK);
		assert_int_equal(s, SEX_F);
	}
	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		enum sex s = SEX_UNKNOWN;

		assert_int_equal(athlete_sex_parse(m[i], &s, NULL), ERR_OK);
		assert_int_equal(s, SEX_M);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct err err = ERR_INIT;
		enum sex s = (enum sex)9;
		char quoted[32];

		assert_int_equal(athlete_sex_parse(bad[i], &s, &err), ERR_INPUT);
		assert_int_equal(s, 9);
		snprintf(quoted, sizeof(quoted), "'%s'", bad[i]);
		assert_non_null(strstr(err.msg, quoted));
	}
	/* name and parse agree */
	{
		enum sex s;

		assert_int_equal(athlete_sex_parse(athlete_sex_name(SEX_F), &s, NULL), ERR_OK);
		assert_int_equal(s, SEX_F);
		assert_int_equal(athlete_sex_parse(athlete_sex_name(SEX_M), &s, NULL), ERR_OK);
		assert_int_equal(s, SEX_M);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_release),    cmocka_unit_test(test_heart_rates),
		cmocka_unit_test(test_birth_year),      cmocka_unit_test(test_threshold_pace),
		cmocka_unit_test(test_currency_budget), cmocka_unit_test(test_sex),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
