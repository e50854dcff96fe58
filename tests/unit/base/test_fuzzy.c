/*
 * test_fuzzy.c: edit distance for "did you mean" (base/fuzzy.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/fuzzy.h"

/* The distance must be the same both ways round. */
static void check(const char *a, const char *b, size_t want)
{
	size_t ab = fuzzy_distance(a, b), ba = fuzzy_distance(b, a);

	if (ab != want || ba != want) {
		fail_msg("'%s' and '%s': %zu and %zu, expected %zu", a, b, ab, ba, want);
	}
}

static void test_misspellings(void **state)
{
	(void)state;
	check("hamsting", "hamstring", 1);
	check("hamsting", "hamstrings", 2);
	check("hamstring", "hamstrings", 1);
	check("piraformis", "piriformis", 1);
	check("plantar", "plantar", 0);
	check("achilles", "achiles", 1);
	check("quad", "quads", 1);
	check("calf", "glute", 5);
	check("kitten", "sitting", 3);
}

static void test_swaps(void **state)
{
	(void)state;
	check("teh", "the", 1);
	check("hte", "the", 1);
	check("ab", "ba", 1);
	check("calf", "claf", 1);
	check("abcd", "badc", 2);
	/* optimal string alignment: no edits inside a swapped pair */
	check("ca", "abc", 3);
}

static void test_case_insensitive(void **state)
{
	(void)state;
	check("Hamstring", "hamstring", 0);
	check("HAMSTRING", "hamstring", 0);
	check("TEH", "the", 1);
	check("Piraformis", "PIRIFORMIS", 1);
}

static void test_empty(void **state)
{
	(void)state;
	check("", "", 0);
	check("", "a", 1);
	check("", "calf", 4);
}

static void test_long_words(void **state)
{
	char a63[64], b63[64], a64[65], b64[65], a100[101];

	(void)state;
	memset(a63, 'a', 63);
	a63[63] = '\0';
	memcpy(b63, a63, sizeof(b63));
	b63[62] = 'b';
	memset(a64, 'a', 64);
	a64[64] = '\0';
	memcpy(b64, a64, sizeof(b64));
	memset(a100, 'a', 100);
	a100[100] = '\0';

	/* 63 bytes still compare exactly */
	check(a63, a63, 0);
	check(a63, b63, 1);
	check(a63, "", 63);
	/* longer words compare as far apart, even when equal */
	assert_true(fuzzy_distance(a64, b64) >= 64);
	assert_true(fuzzy_distance(a64, a63) >= 64);
	assert_true(fuzzy_distance(a63, a64) >= 64);
	assert_true(fuzzy_distance(a100, "a") >= 64);
	assert_true(fuzzy_distance("", a100) >= 64);
	assert_true(fuzzy_distance(a100, "") > fuzzy_threshold(100));
}

static void test_threshold(void **state)
{
	(void)state;
	assert_int_equal(fuzzy_threshold(0), 1);
	assert_int_equal(fuzzy_threshold(1), 1);
	assert_int_equal(fuzzy_threshold(4), 1);
	assert_int_equal(fuzzy_threshold(5), 2);
	assert_int_equal(fuzzy_threshold(8), 2);
	assert_int_equal(fuzzy_threshold(9), 3);
	assert_int_equal(fuzzy_threshold(30), 3);
	/* the misspellings above are all worth suggesting */
	assert_true(fuzzy_distance("hamsting", "hamstrings") <=
	            fuzzy_threshold(strlen("hamsting")));
	assert_true(fuzzy_distance("teh", "the") <= fuzzy_threshold(3));
	assert_false(fuzzy_distance("calf", "glute") <= fuzzy_threshold(4));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_misspellings),     cmocka_unit_test(test_swaps),
		cmocka_unit_test(test_case_insensitive), cmocka_unit_test(test_empty),
		cmocka_unit_test(test_long_words),       cmocka_unit_test(test_threshold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
