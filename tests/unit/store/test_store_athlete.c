/*
 * test_store_athlete.c: the athlete profile in the store
 * (store/store_athlete.h). Each test gets a fresh database in its own
 * temporary folder, with athletes 1 and 2 ensured.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fixture.h"
#include "store/store.h"
#include "store/store_athlete.h"

static void get_ok(struct store *s, int64_t id, struct athlete *out)
{
	struct err err = ERR_INIT;

	if (store_athlete_get(s, id, out, &err) != ERR_OK) {
		fail_msg("getting athlete %lld: %s", (long long)id, err.msg);
	}
	assert_int_equal(out->id, id);
}

static void put_ok(struct store *s, const struct athlete *a)
{
	struct err err = ERR_INIT;

	if (store_athlete_put(s, a, &err) != ERR_OK) {
		fail_msg("putting athlete %lld: %s", (long long)a->id, err.msg);
	}
}

static void check_str(const char *got, const char *want)
{
	if (!got || !want) {
		assert_ptr_equal(got, want);
	} else {
		assert_string_equal(got, want);
	}
}

static void check_same(const struct athlete *got, const struct athlete *want)
{
	assert_int_equal(got->id, want->id);
	check_str(got->name, want->name);
	assert_int_equal(got->sex, want->sex);
	assert_int_equal(got->birth_year, want->birth_year);
	assert_int_equal(got->max_hr, want->max_hr);
	assert_int_equal(got->rest_hr, want->rest_hr);
	if (isnan(want->threshold_pace_s_per_km)) {
		assert_true(isnan(got->threshold_pace_s_per_km));
	} else {
		assert_true(got->threshold_pace_s_per_km == want->threshold_pace_s_per_km);
	}
	assert_int_equal(got->units, want->units);
	check_str(got->tz, want->tz);
	assert_string_equal(got->currency, want->currency);
	assert_int_equal(got->budget_cents, want->budget_cents);
}

static void test_missing(void **state)
{
	struct fixture *f = *state;
	struct athlete a;
	struct err err = ERR_INIT;

	a.name = (char *)"garbage"; /* initialised by get even when missing */
	assert_int_equal(store_athlete_get(f->s, 7, &a, &err), ERR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "7"));
	assert_null(a.name);
	athlete_release(&a);
}

static void test_ensure_empty_profile(void **state)
{
	struct fixture *f = *state;
	struct athlete a, empty;
	struct err err = ERR_INIT;

	assert_int_equal(store_athlete_ensure(f->s, 3, &err), ERR_OK);
	get_ok(f->s, 3, &a);
	athlete_init(&empty, 3);
	check_same(&a, &empty);
	athlete_release(&a);
	/* ensuring twice is fine */
	assert_int_equal(store_athlete_ensure(f->s, 3, &err), ERR_OK);
	get_ok(f->s, 3, &a);
	check_same(&a, &empty);
	athlete_release(&a);
}

static void test_put_get_round_trip(void **state)
{
	struct fixture *f = *state;
	struct athlete a, got;
	struct err err = ERR_INIT;

	athlete_init(&a, 1);
	a.name = strdup("Lilly");
	a.sex = SEX_F;
	a.birth_year = 1990;
	a.max_hr = 188;
	a.rest_hr = 48;
	a.threshold_pace_s_per_km = 272.5;
	a.units = UNITS_MI;
	a.tz = strdup("America/Toronto");
	memcpy(a.currency, "CAD", 4);
	a.budget_cents = 12000;
	put_ok(f->s, &a);
	get_ok(f->s, 1, &got);
	check_same(&got, &a);
	athlete_release(&got);

	/* ensure does not overwrite a profile */
	assert_int_equal(store_athlete_ensure(f->s, 1, &err), ERR_OK);
	get_ok(f->s, 1, &got);
	check_same(&got, &a);
	athlete_release(&got);

	/* replacing with unknowns clears them: NULL tz, no currency */
	athlete_release(&a);
	a.sex = SEX_M;
	a.budget_cents = 0; /* zero is a budget, not unset */
	put_ok(f->s, &a);
	get_ok(f->s, 1, &got);
	check_same(&got, &a);
	assert_null(got.tz);
	assert_null(got.name);
	assert_string_equal(got.currency, "");
	assert_true(isnan(got.threshold_pace_s_per_km));
	assert_int_equal(got.budget_cents, 0);
	athlete_release(&got);
	athlete_release(&a);

	/* the other athlete is untouched */
	get_ok(f->s, 2, &got);
	assert_null(got.name);
	athlete_release(&got);
}

static void test_put_creates(void **state)
{
	struct fixture *f = *state;
	struct athlete a, got;

	athlete_init(&a, 5);
	a.name = strdup("Sam");
	put_ok(f->s, &a);
	get_ok(f->s, 5, &got);
	check_same(&got, &a);
	athlete_release(&got);
	athlete_release(&a);
}

/* The profile survives closing and reopening the file. */
static void test_persists(void **state)
{
	struct fixture *f = *state;
	struct athlete a, got;
	struct err err = ERR_INIT;

	athlete_init(&a, 1);
	a.tz = strdup("Europe/Berlin");
	memcpy(a.currency, "EUR", 4);
	put_ok(f->s, &a);
	store_close(f->s);
	assert_int_equal(store_open(f->db, STORE_READ, &f->s, &err), ERR_OK);
	get_ok(f->s, 1, &got);
	check_same(&got, &a);
	athlete_release(&got);
	athlete_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_missing, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_ensure_empty_profile, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_put_get_round_trip, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_put_creates, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_persists, fixture_setup_store,
		                                fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
