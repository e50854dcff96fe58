/*
 * test_effects.c: what has helped the runner (analysis/effects.h), on
 * check-ins, sessions and races built here so that the effect is known.
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

#include "analysis/effects.h"
#include "base/datafile.h"
#include "base/date.h"

static struct region_catalog cat = REGION_CATALOG_INIT;

static int load_catalog(void **state)
{
	size_t len;
	const char *text = datafile_builtin("regions.ini", &len);

	(void)state;
	assert_non_null(text);
	assert_int_equal(region_catalog_parse(&cat, text, "regions.ini", NULL), ERR_OK);
	return 0;
}

static int free_catalog(void **state)
{
	(void)state;
	region_catalog_release(&cat);
	return 0;
}

/* actual within tol of expected, naming both when not. */
#define assert_near(actual, expected, tol) near_(actual, expected, tol, __FILE__, __LINE__)

static void near_(double actual, double expected, double tol, const char *file, int line)
{
	if (!(fabs(actual - expected) <= tol)) {
		fail_msg("%s:%d: %g is not %g (+- %g)", file, line, actual, expected, tol);
	}
}

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

static void sore(struct checkin_list *l, int32_t d, const char *region, enum side side, int level)
{
	struct checkin *c = checkin_list_push(l);

	c->day = d;
	snprintf(c->region, sizeof(c->region), "%s", region);
	c->side = side;
	c->level[MEASURE_SORENESS] = level;
}

static struct recovery *session(struct recovery_list *l, int32_t d, enum modality m)
{
	struct recovery *r = recovery_list_push(l);

	r->id = (int64_t)l->n;
	r->day = d;
	r->modality = m;
	return r;
}

static void worked(struct recovery *r, const char *region, enum side side)
{
	recovery_add_region(r, region, side);
}

static struct race *race(struct race_list *l, const char *name, int32_t d, double metres,
                         enum race_status status)
{
	struct race *r = race_list_push(l);

	r->id = (int64_t)l->n_races;
	r->name = strdup(name);
	r->date = d;
	r->distance_m = metres;
	r->status = status;
	return r;
}

struct log {
	struct checkin_list checkins;
	struct recovery_list sessions;
	struct race_list races;
	struct effects_report report;
};

static void log_release(struct log *g)
{
	checkin_list_release(&g->checkins);
	recovery_list_release(&g->sessions);
	race_list_release(&g->races);
	effects_report_release(&g->report);
}

static const struct effects_row *row_of(const struct effects_report *r, enum modality m,
                                        const char *region)
{
	for (size_t i = 0; i < r->n_rows; i++) {
		if (r->rows[i].modality == m && strcmp(r->rows[i].region, region) == 0) {
			return &r->rows[i];
		}
	}
	fail_msg("no row for %s on '%s'", modality_name(m), region);
	abort();
}

/* ---- the bootstrap ---- */

static void constant_values_give_a_point_interval(void **state)
{
	double x[] = { 2, 2, 2, 2, 2, 2 };
	struct effects_estimate e;

	(void)state;
	effects_estimate_mean(x, 6, &e);
	assert_int_equal(e.n, 6);
	assert_near(e.mean, 2, 1e-12);
	assert_near(e.lo, 2, 1e-12);
	assert_near(e.hi, 2, 1e-12);
}

static void fewer_than_five_cases_have_no_interval(void **state)
{
	double x[] = { 1, 2, 3, 4 };
	struct effects_estimate e;

	(void)state;
	effects_estimate_mean(x, 4, &e);
	assert_int_equal(e.n, 4);
	assert_near(e.mean, 2.5, 1e-12);
	assert_true(isnan(e.lo) && isnan(e.hi));
	effects_estimate_mean(NULL, 0, &e);
	assert_int_equal(e.n, 0);
	assert_true(isnan(e.mean) && isnan(e.lo) && isnan(e.hi));
}

/* 200 values spread evenly over a range: the interval of the mean is near
 * mean +- 1.645 SD / sqrt(n), the normal approximation. */
static void the_interval_has_the_expected_width(void **state)
{
	double x[200], sum = 0, ss = 0, mean, sd, half;
	struct effects_estimate e;

	(void)state;
	for (int i = 0; i < 200; i++) {
		x[i] = (i * 37 % 200) / 20.0; /* 0 .. 9.95 in a shuffled order */
		sum += x[i];
	}
	mean = sum / 200;
	for (int i = 0; i < 200; i++) {
		ss += (x[i] - mean) * (x[i] - mean);
	}
	sd = sqrt(ss / 200);
	half = 1.645 * sd / sqrt(200.0);
	effects_estimate_mean(x, 200, &e);
	assert_near(e.mean, mean, 1e-9);
	assert_true(e.lo < mean && mean < e.hi);
	assert_near(e.hi - e.lo, 2 * half, 0.15 * 2 * half);
	assert_near((e.lo + e.hi) / 2, mean, 0.1 * half);
}

static void the_bootstrap_is_deterministic(void **state)
{
	double a[] = { -3, -1, -2, 0, -4, -2, -1, -3 };
	double b[] = { 0, 1, -1, 0, 2, 0, -1 };
	struct effects_compare x, y;

	(void)state;
	effects_compare_groups(a, 8, b, 7, &x);
	effects_compare_groups(a, 8, b, 7, &y);
	assert_true(x.enough);
	assert_true(x.with.lo == y.with.lo && x.with.hi == y.with.hi);
	assert_true(x.without.lo == y.without.lo && x.without.hi == y.without.hi);
	assert_true(x.difference.lo == y.difference.lo && x.difference.hi == y.difference.hi);
	assert_true(x.difference.lo < x.difference.mean && x.difference.mean < x.difference.hi);
	assert_near(x.difference.mean, -2.0 - 1.0 / 7, 1e-12);
	assert_int_equal(x.difference.n, 7);
}

static void the_verdict_reads_the_interval(void **state)
{
	double worse[] = { 2, 1, 3, 2, 2, 1 }, same[] = { 0, 1, -1, 0, 1, -1 };
	double zero[] = { 0, 0, 0, 0, 0, 0 };
	struct effects_compare c;

	(void)state;
	effects_compare_groups(worse, 6, zero, 6, &c);
	assert_int_equal(effects_verdict_of(&c), EFFECTS_WORSE);
	effects_compare_groups(same, 6, zero, 6, &c);
	assert_int_equal(effects_verdict_of(&c), EFFECTS_UNCLEAR);
	assert_true(c.difference.lo < 0 && c.difference.hi > 0);
}

static void a_small_group_is_not_enough(void **state)
{
	double a[] = { -2, -2, -2 };
	double b[] = { 0, 0, 0, 0, 0, 0 };
	struct effects_compare c;

	(void)state;
	effects_compare_groups(a, 3, b, 6, &c);
	assert_false(c.enough);
	assert_near(c.difference.mean, -2, 1e-12);
	assert_true(isnan(c.difference.lo) && isnan(c.difference.hi));
	assert_true(isnan(c.with.lo));
	assert_false(isnan(c.without.lo));
}

/* ---- soreness after sessions ---- */

/* Blocks of five days, check-ins on the first two only, so that the
 * window after the first day sees just the second: with rolling on the
 * first day soreness falls by 2 (give or take the noise), without it
 * stays (give or take the same noise). */
static void build_rolling(struct log *g, int32_t start, int blocks)
{
	static const int noise[] = { 0, 1, -1, 0, 1, -1 };

	for (int i = 0; i < blocks; i++) {
		int32_t d = start + 5 * i;
		int base = 4 + i % 3;
		bool rolled = i % 2 == 0;

		sore(&g->checkins, d, "calf", SIDE_LEFT, base);
		sore(&g->checkins, d + 1, "calf", SIDE_LEFT,
		     base + noise[i % 6] - (rolled ? 2 : 0));
		if (rolled) {
			worked(session(&g->sessions, d, MOD_ROLL), "calf", SIDE_LEFT);
		}
	}
}

static void rolling_that_always_helps_excludes_zero(void **state)
{
	struct log g = { 0 };
	const struct effects_row *row;

	(void)state;
	build_rolling(&g, day(2026, 6, 1), 24);
	effects_compute(&cat, &g.checkins, &g.sessions, &g.races, day(2026, 12, 31), 0, &g.report);
	assert_int_equal(g.report.n_rows, 1);
	row = row_of(&g.report, MOD_ROLL, "calf");
	assert_int_equal(row->change.with.n, 12);
	assert_int_equal(row->change.without.n, 12);
	assert_true(row->change.enough);
	assert_near(row->change.with.mean, -2, 0.2);
	assert_near(row->change.without.mean, 0, 0.2);
	assert_near(row->change.difference.mean, -2, 0.3);
	assert_true(row->change.difference.hi < 0);
	assert_true(row->change.difference.lo < row->change.difference.hi);
	assert_int_equal(row->baseline_lo, 4);
	assert_int_equal(row->baseline_hi, 6);
	assert_int_equal(effects_verdict_of(&row->change), EFFECTS_HELPED);
	assert_string_equal(effects_verdict_name(EFFECTS_HELPED), "helped");
	log_release(&g);
}

static void a_rare_modality_is_not_enough_data(void **state)
{
	struct log g = { 0 };
	const struct effects_row *row;
	int32_t start = day(2026, 6, 1);

	(void)state;
	build_rolling(&g, start, 24);
	/* three ice sessions on days that already have check-ins */
	for (int i = 0; i < 3; i++) {
		worked(session(&g.sessions, start + 5 * (2 * i + 1), MOD_ICE), "calf", SIDE_LEFT);
	}
	effects_compute(&cat, &g.checkins, &g.sessions, &g.races, day(2026, 12, 31), 0, &g.report);
	assert_int_equal(g.report.n_rows, 2);
	/* by modality: roll comes before ice */
	assert_int_equal(g.report.rows[0].modality, MOD_ROLL);
	row = row_of(&g.report, MOD_ICE, "calf");
	assert_int_equal(row->change.with.n, 3);
	assert_false(row->change.enough);
	assert_true(isnan(row->change.difference.lo));
	assert_int_equal(effects_verdict_of(&row->change), EFFECTS_NOT_ENOUGH);
	log_release(&g);
}

static void only_the_modalities_asked_for(void **state)
{
	struct log g = { 0 };

	(void)state;
	build_rolling(&g, day(2026, 6, 1), 10);
	worked(session(&g.sessions, day(2026, 6, 6), MOD_ICE), "calf", SIDE_LEFT);
	effects_compute(&cat, &g.checkins, &g.sessions, &g.races, day(2026, 12, 31), 1u << MOD_ICE,
	                &g.report);
	assert_int_equal(g.report.n_rows, 1);
	assert_int_equal(g.report.rows[0].modality, MOD_ICE);
	log_release(&g);
}

static void the_other_side_is_not_treated(void **state)
{
	struct log g = { 0 };
	const struct effects_row *row;
	int32_t d = day(2026, 6, 1);

	(void)state;
	for (int i = 0; i < 6; i++) {
		sore(&g.checkins, d + 5 * i, "calf", SIDE_RIGHT, 5);
		sore(&g.checkins, d + 5 * i + 1, "calf", SIDE_RIGHT, 5);
		worked(session(&g.sessions, d + 5 * i, MOD_ROLL), "calf", SIDE_LEFT);
	}
	effects_compute(&cat, &g.checkins, &g.sessions, &g.races, day(2026, 12, 31), 0, &g.report);
	row = row_of(&g.report, MOD_ROLL, "calf");
	assert_int_equal(row->change.with.n, 0);
	/* without a "with" day there is nothing to compare with */
	assert_int_equal(row->change.without.n, 0);
	assert_int_equal(row->baseline_lo, -1);
	log_release(&g);
}

static void a_session_on_a_muscle_group_covers_its_parts(void **state)
{
	struct log g = { 0 };
	const struct effects_row *row;
	int32_t d = day(2026, 6, 1);

	(void)state;
	/* massage on the hamstrings (both sides), soreness logged on the
	 * right semitendinosus: it counts */
	for (int i = 0; i < 5; i++) {
		sore(&g.checkins, d + 5 * i, "semitendinosus", SIDE_RIGHT, 6);
		sore(&g.checkins, d + 5 * i + 2, "semitendinosus", SIDE_RIGHT, 3);
		worked(session(&g.sessions, d + 5 * i, MOD_MASSAGE_DEEP), "hamstrings", SIDE_BOTH);
	}
	effects_compute(&cat, &g.checkins, &g.sessions, &g.races, day(2026, 12, 31), 0, &g.report);
	row = row_of(&g.report, MOD_MASSAGE_DEEP, "hamstrings");
	assert_int_equal(row->change.with.n, 5);
	assert_near(row->change.with.mean, -3, 1e-12);
	assert_near(row->change.with.lo, -3, 1e-12);
	log_release(&g);
}

/* Days much less sore than the days with the modality are not
 * comparable: their soreness has nowhere to fall. */
static void only_comparably_sore_days_count_without(void **state)
{
	struct log g = { 0 };
	const struct effects_row *row;
	int32_t d = day(2026, 6, 1);

	(void)state;
	for (int i = 0; i < 6; i++) {
		sore(&g.checkins, d + 5 * i, "quads", SIDE_LEFT, 6);
		sore(&g.checkins, d + 5 * i + 1, "quads", SIDE_LEFT, 4);
		worked(session(&g.sessions, d + 5 * i, MOD_STICK), "quads", SIDE_LEFT);
	}
	d += 100;
	for (int i = 0; i < 6; i++) {
		/* as sore: comparable */
		sore(&g.checkins, d + 10 * i, "quads", SIDE_LEFT, 6);
		sore(&g.checkins, d + 10 * i + 1, "quads", SIDE_LEFT, 5);
		/* barely sore: not */
		sore(&g.checkins, d + 10 * i + 5, "quads", SIDE_LEFT, 1);
		sore(&g.checkins, d + 10 * i + 6, "quads", SIDE_LEFT, 1);
	}
	effects_compute(&cat, &g.checkins, &g.sessions, &g.races, day(2026, 12, 31), 0, &g.report);
	row = row_of(&g.report, MOD_STICK, "quads");
	assert_int_equal(row->change.with.n, 6);
	assert_int_equal(row->change.without.n, 6);
	assert_near(row->change.without.mean, -1, 1e-12);
	assert_near(row->change.difference.mean, -1, 1e-12);
	log_release(&g);
}

static void a_session_without_regions_is_for_the_whole_body(void **state)
{
	struct log g = { 0 };
	const struct effects_row *row;
	int32_t d = day(2026, 6, 1);

	(void)state;
	for (int i = 0; i < 5; i++) {
		sore(&g.checkins, d + 5 * i, "calf", SIDE_LEFT, 2);
		sore(&g.checkins, d + 5 * i, "hamstrings", SIDE_RIGHT, 5);
		sore(&g.checkins, d + 5 * i + 1, "hamstrings", SIDE_RIGHT, 4);
		session(&g.sessions, d + 5 * i, MOD_BATH_EPSOM);
	}
	effects_compute(&cat, &g.checkins, &g.sessions, &g.races, day(2026, 12, 31), 0, &g.report);
	assert_int_equal(g.report.n_rows, 1);
	row = row_of(&g.report, MOD_BATH_EPSOM, "");
	/* the day's highest soreness anywhere: 5, then 4 */
	assert_int_equal(row->change.with.n, 5);
	assert_near(row->change.with.mean, -1, 1e-12);
	log_release(&g);
}

static void nothing_after_the_day_asked_about_counts(void **state)
{
	struct log g = { 0 };
	const struct effects_row *row;
	int32_t start = day(2026, 6, 1);

	(void)state;
	build_rolling(&g, start, 24);
	/* up to the 10th block's first day: its next day is not known yet */
	effects_compute(&cat, &g.checkins, &g.sessions, &g.races, start + 5 * 10, 0, &g.report);
	row = row_of(&g.report, MOD_ROLL, "calf");
	assert_int_equal(row->change.with.n + row->change.without.n, 10);
	log_release(&g);
}

static void no_checkins_no_cases(void **state)
{
	struct log g = { 0 };

	(void)state;
	worked(session(&g.sessions, day(2026, 6, 1), MOD_ROLL), "calf", SIDE_LEFT);
	effects_compute(&cat, &g.checkins, &g.sessions, &g.races, day(2026, 12, 31), 0, &g.report);
	assert_int_equal(g.report.n_rows, 1);
	assert_int_equal(g.report.rows[0].change.with.n, 0);
	assert_false(g.report.rows[0].change.enough);
	assert_int_equal(g.report.n_races, 0);
	log_release(&g);
}

/* ---- races ---- */

/* A race on d, soreness 7 the day after, falling to 2 on day `days`. */
static void race_with_soreness(struct log *g, int32_t d, int days, bool massage)
{
	race(&g->races, "race", d, 21097.5, RACE_DONE);
	sore(&g->checkins, d + 1, "quads", SIDE_BOTH, 7);
	for (int k = 2; k < days; k++) {
		sore(&g->checkins, d + k, "quads", SIDE_BOTH, 4);
	}
	sore(&g->checkins, d + days, "quads", SIDE_BOTH, 2);
	if (massage) {
		worked(session(&g->sessions, d + 3, MOD_MASSAGE_SPORTS), "quads", SIDE_BOTH);
	}
}

static void days_until_soreness_fell_after_races(void **state)
{
	struct log g = { 0 };
	int32_t d = day(2026, 3, 1);

	(void)state;
	race_with_soreness(&g, d + 40, 6, false);
	race_with_soreness(&g, d, 4, true);
	/* no check-ins after it: unknown */
	race(&g.races, "quiet", d + 80, 10000, RACE_DONE);
	/* not run, or not yet */
	race(&g.races, "next", d + 120, 10000, RACE_REGISTERED);
	race(&g.races, "future", day(2027, 5, 1), 42195, RACE_DONE);
	effects_compute(&cat, &g.checkins, &g.sessions, &g.races, day(2026, 12, 31), 0, &g.report);
	assert_int_equal(g.report.n_races, 2);
	assert_int_equal(g.report.races_unknown, 1);
	/* by day */
	assert_int_equal(g.report.races[0].race, 1);
	assert_true(g.report.races[0].massage);
	assert_int_equal(g.report.races[0].days, 4);
	assert_int_equal(g.report.races[0].recovered, d + 4);
	assert_int_equal(g.report.races[1].race, 0);
	assert_false(g.report.races[1].massage);
	assert_int_equal(g.report.races[1].days, 6);
	assert_int_equal(g.report.race.with.n, 1);
	assert_int_equal(g.report.race.without.n, 1);
	assert_near(g.report.race.difference.mean, -2, 1e-12);
	assert_false(g.report.race.enough);
	log_release(&g);
}

static void enough_races_give_an_interval(void **state)
{
	struct log g = { 0 };
	int32_t d = day(2024, 1, 1);

	(void)state;
	for (int i = 0; i < 10; i++) {
		bool massage = i % 2 == 0;

		race_with_soreness(&g, d + 60 * i, massage ? 3 + i % 3 : 6 + i % 3, massage);
	}
	effects_compute(&cat, &g.checkins, &g.sessions, &g.races, day(2026, 12, 31), 0, &g.report);
	assert_int_equal(g.report.n_races, 10);
	assert_true(g.report.race.enough);
	assert_int_equal(g.report.race.with.n, 5);
	assert_true(g.report.race.difference.hi < 0);
	log_release(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(constant_values_give_a_point_interval),
		cmocka_unit_test(fewer_than_five_cases_have_no_interval),
		cmocka_unit_test(the_interval_has_the_expected_width),
		cmocka_unit_test(the_bootstrap_is_deterministic),
		cmocka_unit_test(the_verdict_reads_the_interval),
		cmocka_unit_test(a_small_group_is_not_enough),
		cmocka_unit_test(rolling_that_always_helps_excludes_zero),
		cmocka_unit_test(a_rare_modality_is_not_enough_data),
		cmocka_unit_test(only_the_modalities_asked_for),
		cmocka_unit_test(the_other_side_is_not_treated),
		cmocka_unit_test(a_session_on_a_muscle_group_covers_its_parts),
		cmocka_unit_test(only_comparably_sore_days_count_without),
		cmocka_unit_test(a_session_without_regions_is_for_the_whole_body),
		cmocka_unit_test(nothing_after_the_day_asked_about_counts),
		cmocka_unit_test(no_checkins_no_cases),
		cmocka_unit_test(days_until_soreness_fell_after_races),
		cmocka_unit_test(enough_races_give_an_interval),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
