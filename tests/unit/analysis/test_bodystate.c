/*
 * test_bodystate.c: how each region feels now (analysis/bodystate.h).
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

#include "analysis/bodystate.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const int32_t TODAY = 20780; /* any day */

static const char catalogue[] = "[thigh]\nname = thigh\nsided = yes\n"
                                "[hamstrings]\nname = hamstrings\nparent = thigh\nsided = yes\n"
                                "[semitendinosus]\nname = semitendinosus\nparent = hamstrings\n"
                                "sided = yes\n"
                                "[quads]\nname = quads\nparent = thigh\nsided = yes\n"
                                "[lower-back]\nname = lower back\nsided = no\n"
                                "[si-joint]\nname = SI joint\nparent = lower-back\nsided = yes\n"
                                "[neck]\nname = neck\nsided = no\n";

static struct region_catalog cat = REGION_CATALOG_INIT;

static int setup(void **state)
{
	struct err err = ERR_INIT;

	(void)state;
	if (region_catalog_parse(&cat, catalogue, "test", &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	region_catalog_release(&cat);
	return 0;
}

/* Add a check-in: day offset from TODAY, region, side, levels (-1 none). */
static void add(struct checkin_list *l, int ago, const char *region, enum side side, int sore,
                int tight, int pain)
{
	struct checkin *c = checkin_list_push(l);

	checkin_init(c);
	c->day = TODAY - ago;
	snprintf(c->region, sizeof(c->region), "%s", region);
	c->side = side;
	c->level[MEASURE_SORENESS] = sore;
	c->level[MEASURE_TIGHTNESS] = tight;
	c->level[MEASURE_PAIN] = pain;
}

static const struct region *R(const char *code)
{
	const struct region *r = region_by_code(&cat, code);

	assert_non_null(r);
	return r;
}

static void near(double got, double want)
{
	if (!(fabs(got - want) < 1e-9)) {
		fail_msg("level %.6f, expected %.6f", got, want);
	}
}

static void test_latest_and_fading(void **state)
{
	struct checkin_list l = CHECKIN_LIST_INIT;
	struct body_state st;
	const struct body_spot *s;

	(void)state;
	/* listed out of order: the latest of each measure counts */
	add(&l, 0, "hamstrings", SIDE_LEFT, -1, 3, 2);
	add(&l, 2, "hamstrings", SIDE_LEFT, -1, 5, 6);
	add(&l, 3, "neck", SIDE_NONE, 6, -1, -1);
	add(&l, 7, "quads", SIDE_RIGHT, 9, -1, -1); /* outside the window */
	add(&l, -1, "quads", SIDE_LEFT, 9, -1, -1); /* tomorrow: not yet */
	add(&l, 1, "lower-back", SIDE_NONE, 0, -1, -1);
	body_state_read(&l, TODAY, 7, &st);
	assert_int_equal(st.n, 3);
	/* sorted by code then side */
	assert_string_equal(st.spots[0].region, "hamstrings");
	assert_string_equal(st.spots[1].region, "lower-back");
	assert_string_equal(st.spots[2].region, "neck");
	s = &st.spots[0];
	near(s->level, 3); /* today's tightness 3 beats pain 2; the older 6 is superseded */
	assert_int_equal(s->raw, 3);
	assert_int_equal(s->measure, MEASURE_TIGHTNESS);
	assert_int_equal(s->day, TODAY);
	near(st.spots[2].level, 6.0 * 4 / 7); /* three days old over seven */
	assert_int_equal(st.spots[2].raw, 6);
	near(st.spots[1].level, 0);
	body_state_release(&st);
	checkin_list_release(&l);
}

static void test_worst_within_region(void **state)
{
	struct checkin_list l = CHECKIN_LIST_INIT;
	struct body_state st;
	const struct body_spot *s;

	(void)state;
	add(&l, 0, "semitendinosus", SIDE_LEFT, 4, -1, -1);
	add(&l, 0, "hamstrings", SIDE_BOTH, 2, -1, -1);
	add(&l, 0, "si-joint", SIDE_RIGHT, -1, -1, 5);
	add(&l, 6, "neck", SIDE_NONE, 7, -1, -1);
	body_state_read(&l, TODAY, 7, &st);
	/* the left hamstrings: the semitendinosus inside them */
	s = body_state_worst(&st, &cat, R("hamstrings"), SIDE_LEFT, true);
	assert_non_null(s);
	assert_string_equal(s->region, "semitendinosus");
	/* the right: only the both-sides check-in */
	s = body_state_worst(&st, &cat, R("hamstrings"), SIDE_RIGHT, true);
	assert_non_null(s);
	assert_int_equal(s->side, SIDE_BOTH);
	near(s->level, 2);
	/* the thigh holds them all; the quads nothing */
	assert_string_equal(body_state_worst(&st, &cat, R("thigh"), SIDE_LEFT, true)->region,
	                    "semitendinosus");
	assert_null(body_state_worst(&st, &cat, R("quads"), SIDE_LEFT, true));
	/* the semitendinosus does not hold its parent's check-in... */
	s = body_state_worst(&st, &cat, R("semitendinosus"), SIDE_RIGHT, true);
	assert_null(s);
	/* an unsided region holds its sided parts on either side */
	s = body_state_worst(&st, &cat, R("lower-back"), SIDE_NONE, true);
	assert_non_null(s);
	assert_string_equal(s->region, "si-joint");
	near(body_state_worst(&st, &cat, R("neck"), SIDE_NONE, true)->level, 1);
	/* not deep: only the region's own check-ins */
	assert_null(body_state_worst(&st, &cat, R("lower-back"), SIDE_NONE, false));
	assert_null(body_state_worst(&st, &cat, R("thigh"), SIDE_LEFT, false));
	s = body_state_worst(&st, &cat, R("hamstrings"), SIDE_LEFT, false);
	assert_non_null(s);
	assert_int_equal(s->side, SIDE_BOTH);
	assert_string_equal(
	        body_state_worst(&st, &cat, R("semitendinosus"), SIDE_LEFT, false)->region,
	        "semitendinosus");
	body_state_release(&st);
	checkin_list_release(&l);
}

static void test_empty(void **state)
{
	struct checkin_list l = CHECKIN_LIST_INIT;
	struct body_state st;

	(void)state;
	body_state_read(&l, TODAY, 7, &st);
	assert_int_equal(st.n, 0);
	assert_int_equal(st.window, 7);
	assert_null(body_state_worst(&st, &cat, R("neck"), SIDE_NONE, true));
	body_state_release(&st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latest_and_fading),
		cmocka_unit_test(test_worst_within_region),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
