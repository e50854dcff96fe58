/*
 * test_zones.c: Karvonen heart-rate zones (analysis/zones.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "analysis/zones.h"

/* max 190, rest 50: a reserve of 140, so every bound is a whole beat:
 * 50 + 0.5 x 140 = 120, then 134, 148, 162, 176. */
static void test_whole_bounds(void **state)
{
	struct hr_zone z[ZONES_COUNT];
	static const int low[] = { 120, 134, 148, 162, 176 };
	static const int high[] = { 133, 147, 161, 175, 190 };
	static const char *const names[] = { "recovery", "aerobic", "tempo", "threshold",
		                             "maximum" };

	(void)state;
	assert_true(zones_karvonen(190, 50, z));
	for (int i = 0; i < ZONES_COUNT; i++) {
		assert_int_equal(z[i].number, i + 1);
		assert_int_equal(z[i].low_bpm, low[i]);
		assert_int_equal(z[i].high_bpm, high[i]);
		assert_string_equal(z[i].name, names[i]);
		assert_true(fabs(z[i].low_hrr - (0.5 + 0.1 * i)) < 1e-12);
	}
	assert_true(z[4].high_hrr == 1.0);
	assert_true(z[0].high_hrr == z[1].low_hrr);
}

/* max 185, rest 48: a reserve of 137. 0.5 x 137 = 68.5 rounds up to 69
 * (117), 82.2 to 82 (130), 95.9 to 96 (144), 109.6 to 110 (158), 123.3
 * to 123 (171). */
static void test_rounded_bounds_meet(void **state)
{
	struct hr_zone z[ZONES_COUNT];
	static const int low[] = { 117, 130, 144, 158, 171 };

	(void)state;
	assert_true(zones_karvonen(185, 48, z));
	for (int i = 0; i < ZONES_COUNT; i++) {
		assert_int_equal(z[i].low_bpm, low[i]);
		if (i + 1 < ZONES_COUNT) {
			assert_int_equal(z[i].high_bpm + 1, low[i + 1]);
		}
	}
	assert_int_equal(z[4].high_bpm, 185);
}

static void test_find(void **state)
{
	struct hr_zone z[ZONES_COUNT];

	(void)state;
	assert_true(zones_karvonen(190, 50, z));
	assert_int_equal(zones_find(z, 60), 0);
	assert_int_equal(zones_find(z, 119), 0);
	assert_int_equal(zones_find(z, 120), 1);
	assert_int_equal(zones_find(z, 133), 1);
	assert_int_equal(zones_find(z, 134), 2);
	assert_int_equal(zones_find(z, 161), 3);
	assert_int_equal(zones_find(z, 162), 4);
	assert_int_equal(zones_find(z, 176), 5);
	assert_int_equal(zones_find(z, 200), 5);
}

/* Without both rates, or with rest not below max, there are no zones and
 * out is not touched. */
static void test_needs_both_rates(void **state)
{
	struct hr_zone z[ZONES_COUNT];

	(void)state;
	memset(z, 0x5a, sizeof(z));
	assert_false(zones_karvonen(190, 0, z));
	assert_false(zones_karvonen(0, 50, z));
	assert_false(zones_karvonen(150, 150, z));
	assert_false(zones_karvonen(150, 160, z));
	assert_int_equal(z[0].low_bpm, 0x5a5a5a5a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_bounds),
		cmocka_unit_test(test_rounded_bounds_meet),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_needs_both_rates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
