/*
 * test_plan.c: plans built back from a race and matched to what was done
 * (advice/plan.h), from the built-in templates.
 *
 * What must hold (issue 5): a 16-week half-marathon plan by time for a
 * Sunday race puts the race on that Sunday, the longest run two to three
 * weeks before it, a taper after it, respects the running days asked for,
 * and logging the week's runs marks them done. Also: the same by
 * distance, a 5k on three days, a marathon, refusals, the runner's recent
 * volume, and each matching rule.
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
#include <sys/stat.h>

#include "../store/fixture.h"
#include "advice/plan.h"
#include "base/date.h"
#include "base/parse.h"
#include "store/store_activity.h"
#include "store/store_plan.h"
#include "store/store_race.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* A Tuesday, like the CLI tests' fixed clock. */
#define TODAY day(2026, 11, 24)
/* A Sunday 17 weeks later: room for 16 weeks from next Monday. */
#define RACE_DAY day(2027, 3, 21)

static void load(const char *code, struct plan_template *t)
{
	struct err err = ERR_INIT;

	if (plan_template_load(code, t, &err)) {
		fail_msg("template %s: %s", code, err.msg);
	}
}

static void race_at(struct race *r, int32_t date, double distance_m)
{
	race_init(r);
	r->id = 7;
	r->athlete_id = 1;
	r->name = strdup("Riverside");
	r->date = date;
	r->distance_m = distance_m;
}

/* A plan from the template for the race; weeks and days 0 for the
 * template's. */
static enum err_code build(const struct plan_template *t, const struct race *r, enum plan_by by,
                           int weeks, int days, const struct plan_recent *recent, struct plan *p,
                           struct err *err)
{
	struct plan_request req;

	memset(&req, 0, sizeof(req));
	req.tpl = t;
	req.race = r;
	req.by = by;
	req.weeks = weeks;
	req.days = days;
	req.today = TODAY;
	req.units = UNITS_KM;
	if (recent) {
		req.recent = *recent;
	}
	return plan_generate(&req, p, err);
}

static void build_ok(const struct plan_template *t, const struct race *r, enum plan_by by,
                     int weeks, int days, struct plan *p)
{
	struct err err = ERR_INIT;

	if (build(t, r, by, weeks, days, NULL, p, &err) || plan_validate(p, &err)) {
		fail_msg("%s", err.msg);
	}
}

/* The running volume of week w (1..) in the plan's measure. */
static double week_volume(const struct plan *p, int w)
{
	double v = 0;

	for (size_t i = 0; i < p->n_workouts; i++) {
		const struct workout *x = &p->workouts[i];
		double t = p->by == PLAN_BY_TIME ? x->target_s : x->target_m;

		if (x->week == w && workout_kind_is_run(x->kind) && isfinite(t)) {
			v += t;
		}
	}
	return v;
}

static int week_runs(const struct plan *p, int w)
{
	int n = 0;

	for (size_t i = 0; i < p->n_workouts; i++) {
		n += p->workouts[i].week == w && workout_kind_is_run(p->workouts[i].kind);
	}
	return n;
}

/* The longest long run (in the plan's measure); fails on a tie. */
static const struct workout *longest_run(const struct plan *p)
{
	const struct workout *best = NULL;
	int ties = 0;

	for (size_t i = 0; i < p->n_workouts; i++) {
		const struct workout *w = &p->workouts[i];
		double v = p->by == PLAN_BY_TIME ? w->target_s : w->target_m;

		if (w->kind != WORKOUT_LONG) {
			continue;
		}
		if (!best || v > (p->by == PLAN_BY_TIME ? best->target_s : best->target_m)) {
			best = w;
			ties = 0;
		} else if (v == (p->by == PLAN_BY_TIME ? best->target_s : best->target_m)) {
			ties++;
		}
	}
	assert_non_null(best);
	assert_int_equal(ties, 0);
	return best;
}

/* What every plan must be: one workout a day, the race last on its day,
 * the long runs on the race's weekday, `days` runs in every full week,
 * hard days never on consecutive days, phases in order ending with
 * `taper` taper weeks whose volume is below the peak's. */
static void check_shape(const struct plan *p, const struct race *r, int days, int taper)
{
	const struct workout *last = &p->workouts[p->n_workouts - 1];
	double peak = 0;
	enum plan_phase phase = PLAN_BASE;

	assert_int_equal(last->kind, WORKOUT_RACE);
	assert_int_equal(last->date, r->date);
	assert_true(fabs(last->target_m - r->distance_m) < 1e-9);
	assert_int_equal(date_weekday(p->start), WEEKDAY_MON);
	for (size_t i = 0; i < p->n_workouts; i++) {
		const struct workout *w = &p->workouts[i];

		assert_int_equal(w->date, p->start + (int32_t)i);
		assert_true(w->phase >= phase); /* base, build, peak, taper in order */
		phase = w->phase;
		if (w->kind == WORKOUT_LONG) {
			assert_int_equal(date_weekday(w->date), date_weekday(r->date));
		}
		if (i > 0 && workout_kind_is_hard(w->kind)) {
			if (workout_kind_is_hard(p->workouts[i - 1].kind)) {
				char d[DATE_ISO_LEN];

				date_format(w->date, d);
				fail_msg("hard days in a row on the eve of %s", d);
			}
		}
		assert_int_equal(w->phase == PLAN_TAPER, w->week > p->weeks - taper);
	}
	for (int w = 1; w < p->weeks; w++) {
		/* a full week: exactly the running days asked for */
		assert_int_equal(week_runs(p, w), days);
		if (w <= p->weeks - taper && week_volume(p, w) > peak) {
			peak = week_volume(p, w);
		}
	}
	assert_true(week_runs(p, p->weeks) <= days);
	for (int w = p->weeks - taper + 1; w <= p->weeks; w++) {
		assert_true(week_volume(p, w) < peak);
	}
	assert_true(fabs(p->peak_volume - peak) < 1e-9 || p->peak_volume >= peak);
}

/* The must-hold: 16 weeks, by time, a Sunday race. */
static void test_half_by_time(void **state)
{
	struct plan_template t;
	struct race r;
	struct plan p;
	const struct workout *longest;

	(void)state;
	load("half", &t);
	race_at(&r, RACE_DAY, PARSE_HALF_MARATHON_M);
	assert_int_equal(date_weekday(RACE_DAY), WEEKDAY_SUN);
	build_ok(&t, &r, PLAN_BY_TIME, 16, 4, &p);
	assert_int_equal(p.weeks, 16);
	assert_int_equal(p.days, 4);
	assert_int_equal(p.by, PLAN_BY_TIME);
	assert_int_equal(p.start, day(2026, 11, 30));
	assert_string_equal(p.template_name, "half");
	check_shape(&p, &r, 4, 2);
	/* the longest run: two weeks before the race, on a Sunday, 120 min */
	longest = longest_run(&p);
	assert_int_equal(longest->date, RACE_DAY - 14);
	assert_true(fabs(longest->target_s - 7200) < 1e-9);
	assert_true(isnan(longest->target_m));
	assert_non_null(strstr(longest->description, "longest run"));
	/* the taper: the last two weeks below the peak week, and falling */
	assert_true(week_volume(&p, 15) < week_volume(&p, 14));
	assert_true(week_volume(&p, 16) < week_volume(&p, 15));
	/* a cutback every 4th week, before the run-up to the longest run */
	assert_true(week_volume(&p, 4) < week_volume(&p, 3));
	assert_true(week_volume(&p, 8) < week_volume(&p, 7));
	assert_true(week_volume(&p, 12) < week_volume(&p, 11));
	assert_true(week_volume(&p, 13) > week_volume(&p, 12));
	/* no more than 30% up over two weeks (domain.md 3.2) */
	for (int w = 3; w <= 16; w++) {
		assert_true(week_volume(&p, w) <= 1.3 * week_volume(&p, w - 2));
	}
	/* the weeks summed: cutbacks, the longest run, the race */
	{
		struct plan_week_sum sums[16];

		plan_sum_weeks(&p, sums);
		for (int w = 0; w < 16; w++) {
			assert_int_equal(sums[w].week, w + 1);
			assert_int_equal(sums[w].monday, p.start + 7 * w);
			assert_int_equal(sums[w].cutback, w + 1 == 4 || w + 1 == 8 || w + 1 == 12);
			assert_int_equal(sums[w].longest, w + 1 == 14);
			assert_int_equal(sums[w].race, w + 1 == 16);
			assert_int_equal(sums[w].runs, 4);
			assert_true(fabs(sums[w].volume_s - week_volume(&p, w + 1)) < 1e-9);
		}
		assert_int_equal(sums[0].phase, PLAN_BASE);
		assert_int_equal(sums[15].phase, PLAN_TAPER);
		assert_true(fabs(sums[13].long_s - 7200) < 1e-9);
	}
	/* no recent running: week 1 at the beginner level (150 min) */
	assert_true(fabs(week_volume(&p, 1) - 9000) < 1e-9);
	assert_true(fabs(p.start_volume - 9000) < 1e-9);
	assert_non_null(strstr(p.basis, "beginner level"));
	/* time targets only, but the race: its distance (no goal time) */
	for (size_t i = 0; i + 1 < p.n_workouts; i++) {
		assert_true(isnan(p.workouts[i].target_m));
	}
	assert_true(isnan(p.workouts[p.n_workouts - 1].target_s));
	plan_release(&p);
	race_release(&r);
	plan_template_release(&t);
}

/* Every number of running days from 3 to 7 gives that many runs a week,
 * hard days apart, and the day after the long run off when it can be. */
static void test_days(void **state)
{
	struct plan_template t;
	struct race r;

	(void)state;
	load("half", &t);
	race_at(&r, RACE_DAY, PARSE_HALF_MARATHON_M);
	for (int days = 3; days <= 7; days++) {
		struct plan p;

		build_ok(&t, &r, PLAN_BY_TIME, 16, days, &p);
		check_shape(&p, &r, days, 2);
		if (days < 7) {
			/* Monday 2027-01-04, after the Sunday long run, is not a run */
			size_t i = (size_t)(day(2027, 1, 4) - p.start);

			assert_false(workout_kind_is_run(p.workouts[i].kind));
		}
		/* two quality sessions a week in the build only from 5 days */
		{
			int hard = 0;

			for (size_t i = 0; i < p.n_workouts; i++) {
				hard += p.workouts[i].week == 9 &&
				        (p.workouts[i].kind == WORKOUT_TEMPO ||
				         p.workouts[i].kind == WORKOUT_INTERVALS);
			}
			assert_int_equal(hard, days >= 5 ? 2 : 1);
		}
		plan_release(&p);
	}
	/* a Wednesday race: the long runs on Wednesdays, hard days apart
	 * where weeks of two patterns meet */
	race_release(&r);
	race_at(&r, day(2027, 3, 17), PARSE_HALF_MARATHON_M);
	for (int days = 3; days <= 7; days++) {
		struct plan p;

		build_ok(&t, &r, PLAN_BY_DISTANCE, 14, days, &p);
		check_shape(&p, &r, days, 2);
		plan_release(&p);
	}
	race_release(&r);
	plan_template_release(&t);
}

static void test_half_by_distance(void **state)
{
	struct plan_template t;
	struct race r;
	struct plan p;
	const struct workout *longest;

	(void)state;
	load("half", &t);
	race_at(&r, RACE_DAY, PARSE_HALF_MARATHON_M);
	build_ok(&t, &r, PLAN_BY_DISTANCE, 16, 4, &p);
	check_shape(&p, &r, 4, 2);
	longest = longest_run(&p);
	assert_int_equal(longest->date, RACE_DAY - 14);
	assert_true(fabs(longest->target_m - 20000) < 1e-9); /* 19-21 km */
	/* distance targets, rounded to half a kilometre */
	for (size_t i = 0; i + 1 < p.n_workouts; i++) {
		const struct workout *w = &p.workouts[i];

		if (workout_kind_is_run(w->kind)) {
			assert_true(isnan(w->target_s));
			assert_true(fabs(fmod(w->target_m, 500)) < 1e-6);
		}
	}
	plan_release(&p);
	race_release(&r);
	plan_template_release(&t);
}

/* A 5k on three days by distance; a Saturday race moves the long runs. */
static void test_5k_three_days(void **state)
{
	struct plan_template t;
	struct race r;
	struct plan p;

	(void)state;
	load("5k", &t);
	race_at(&r, day(2027, 3, 20), 5000);
	assert_int_equal(date_weekday(r.date), WEEKDAY_SAT);
	build_ok(&t, &r, PLAN_BY_DISTANCE, 0, 3, &p);
	assert_int_equal(p.weeks, 8); /* the template's */
	check_shape(&p, &r, 3, 1);
	/* the longest run two weeks out, on a Saturday; nothing after the race */
	assert_int_equal(longest_run(&p)->date, r.date - 14);
	assert_int_equal(p.workouts[p.n_workouts - 1].date, r.date);
	assert_true(fabs(p.workouts[p.n_workouts - 1].target_m - 5000) < 1e-9);
	plan_release(&p);
	race_release(&r);
	plan_template_release(&t);
}

static void test_marathon(void **state)
{
	struct plan_template t;
	struct race r;
	struct plan p;
	const struct workout *longest;

	(void)state;
	load("marathon", &t);
	race_at(&r, RACE_DAY, PARSE_MARATHON_M);
	r.goal_s = 4 * 3600;
	build_ok(&t, &r, PLAN_BY_TIME, 16, 5, &p);
	check_shape(&p, &r, 5, 3);
	/* 200 minutes, three weeks out */
	longest = longest_run(&p);
	assert_int_equal(longest->date, RACE_DAY - 21);
	assert_true(fabs(longest->target_s - 12000) < 1e-9);
	/* the goal time is the race's target */
	assert_true(fabs(p.workouts[p.n_workouts - 1].target_s - 4 * 3600) < 1e-9);
	plan_release(&p);
	race_release(&r);
	plan_template_release(&t);
}

/* Recent running: week 1 starts at the runner's average, up to a point. */
static void test_recent_volume(void **state)
{
	struct plan_template t;
	struct race r;
	struct plan p;
	struct plan_recent recent = { 12, 4, 300 * 60, 50000 };
	struct err err = ERR_INIT;

	(void)state;
	load("half", &t);
	race_at(&r, RACE_DAY, PARSE_HALF_MARATHON_M);
	assert_int_equal(build(&t, &r, PLAN_BY_TIME, 16, 5, &recent, &p, &err), ERR_OK);
	/* 5 hours a week: week 1 plans about that */
	assert_true(fabs(p.start_volume - 300 * 60) <= 15 * 60);
	assert_non_null(strstr(p.basis, "12 runs"));
	assert_non_null(strstr(p.basis, "5:00:00 a week"));
	assert_true(p.peak_volume > p.start_volume);
	plan_release(&p);
	/* a huge runner is held to the template's peak_max (480 min) */
	recent.time_s = 900 * 60;
	assert_int_equal(build(&t, &r, PLAN_BY_TIME, 16, 7, &recent, &p, &err), ERR_OK);
	assert_true(p.peak_volume <= 480 * 60 + 1e-9);
	assert_non_null(strstr(p.basis, "more than"));
	plan_release(&p);
	race_release(&r);
	plan_template_release(&t);
}

static void test_refusals(void **state)
{
	struct plan_template t;
	struct race r;
	struct plan p;
	struct err err = ERR_INIT;

	(void)state;
	load("half", &t);
	race_at(&r, RACE_DAY, PARSE_HALF_MARATHON_M);
	/* weeks outside the template's 8..24, days outside 3..7 */
	assert_int_equal(build(&t, &r, PLAN_BY_TIME, 7, 4, NULL, &p, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "8 to 24"));
	assert_int_equal(build(&t, &r, PLAN_BY_TIME, 25, 4, NULL, &p, &err), ERR_INPUT);
	assert_int_equal(build(&t, &r, PLAN_BY_TIME, 16, 2, NULL, &p, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "3 to 7"));
	assert_int_equal(build(&t, &r, PLAN_BY_TIME, 16, 8, NULL, &p, &err), ERR_INPUT);
	/* a race too near for the fewest weeks, unless they are asked for */
	r.date = TODAY + 40;
	assert_int_equal(build(&t, &r, PLAN_BY_TIME, 0, 4, NULL, &p, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "needs 8 to 24"));
	assert_int_equal(build(&t, &r, PLAN_BY_TIME, 8, 4, NULL, &p, &err), ERR_OK);
	assert_true(p.start < TODAY); /* it began before today */
	plan_release(&p);
	/* nearer than the default: fewer weeks, from next Monday */
	r.date = day(2027, 2, 14);
	assert_int_equal(build(&t, &r, PLAN_BY_TIME, 0, 4, NULL, &p, &err), ERR_OK);
	assert_int_equal(p.start, day(2026, 11, 30));
	assert_int_equal(p.weeks, 11);
	plan_release(&p);
	/* a race past, or already run */
	r.date = TODAY - 1;
	assert_int_equal(build(&t, &r, PLAN_BY_TIME, 0, 4, NULL, &p, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "races ahead"));
	r.date = RACE_DAY;
	r.status = RACE_DONE;
	assert_int_equal(build(&t, &r, PLAN_BY_TIME, 0, 4, NULL, &p, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "is done"));
	race_release(&r);
	plan_template_release(&t);
}

static void test_template_choice(void **state)
{
	static const struct {
		double distance_m;
		const char *code;
	} want[] = {
		{ 5000, "5k" },        { 3000, "5k" },        { 8000, "10k" },
		{ 10000, "10k" },      { 16093, "half" },     { 21097.5, "half" },
		{ 30000, "marathon" }, { 50000, "marathon" },
	};
	struct plan_template t;
	struct err err = ERR_INIT;
	struct strbuf codes = STRBUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		if (plan_template_choose(want[i].distance_m, &t, &err)) {
			fail_msg("%.0f m: %s", want[i].distance_m, err.msg);
		}
		assert_string_equal(t.code, want[i].code);
		plan_template_release(&t);
	}
	assert_int_equal(plan_template_choose(100000, &t, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "--template"));
	assert_int_equal(plan_template_choose(1609, &t, &err), ERR_INPUT);
	assert_int_equal(plan_template_load("ultra", &t, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "10k, 5k, half, marathon"));
	plan_template_add_codes(&codes);
	assert_string_equal(codes.buf, "10k, 5k, half, marathon");
	strbuf_release(&codes);
}

/* A runner's copy of a template in the config folder wins, and a broken
 * one is refused naming its path. */
static void test_template_override(void **state)
{
	struct fixture *f = *state;
	struct plan_template t;
	struct err err = ERR_INIT;
	char path[800];
	FILE *out;

	snprintf(path, sizeof(path), "%s/knead", f->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/knead/plans", f->dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/knead/plans/5k.ini", f->dir);
	setenv("XDG_CONFIG_HOME", f->dir, 1);
	load("5k", &t);
	assert_int_equal(t.weeks, 8); /* no copy yet */
	plan_template_release(&t);
	out = fopen(path, "w");
	assert_non_null(out);
	fputs("[plan]\nname = my 5k\nweeks = nine\n", out);
	fclose(out);
	assert_int_equal(plan_template_load("5k", &t, &err), ERR_FORMAT);
	assert_non_null(strstr(err.msg, "knead/plans/5k.ini: line 3: [plan] weeks"));
	setenv("XDG_CONFIG_HOME", "/nonexistent/knead-test-config", 1);
}

/* ---- matching ---- */

/* A run (or another sport) on day d of `minutes` and `km` (0: unknown). */
static struct activity *add_act(struct activity_list *l, int64_t id, enum sport sport, int32_t d,
                                double minutes, double km)
{
	struct activity *a = activity_list_push(l);

	a->id = id;
	a->athlete_id = 1;
	a->sport = sport;
	a->date = d;
	a->duration_s = minutes > 0 ? minutes * 60 : (double)NAN;
	a->distance_m = km > 0 ? km * 1000 : (double)NAN;
	return a;
}

/* The workout on day d. */
static size_t at(const struct plan *p, int32_t d)
{
	assert_true(d >= p->start && d <= p->race_date);
	return (size_t)(d - p->start);
}

/* Week 9 (Mon 2027-01-25 .. Sun 01-31) of the 16-week half on 4 days:
 * Tue easy 30, Wed tempo 50, Thu strength, Fri easy 30, Sun long 100;
 * Mon and Sat rest. */
static void test_match_rules(void **state)
{
	struct plan_template t;
	struct race r;
	struct plan p;
	struct activity_list acts = ACTIVITY_LIST_INIT;
	struct workout_match *m;
	struct plan_compliance c;
	int32_t mon = day(2027, 1, 25);
	size_t first, end;

	(void)state;
	load("half", &t);
	race_at(&r, RACE_DAY, PARSE_HALF_MARATHON_M);
	build_ok(&t, &r, PLAN_BY_TIME, 16, 4, &p);
	assert_int_equal(p.workouts[at(&p, mon + 1)].kind, WORKOUT_EASY);
	assert_int_equal(p.workouts[at(&p, mon + 2)].kind, WORKOUT_TEMPO);
	assert_int_equal(p.workouts[at(&p, mon + 3)].kind, WORKOUT_STRENGTH);
	assert_int_equal(p.workouts[at(&p, mon + 4)].kind, WORKOUT_EASY);
	assert_int_equal(p.workouts[at(&p, mon + 5)].kind, WORKOUT_REST);
	assert_int_equal(p.workouts[at(&p, mon + 6)].kind, WORKOUT_LONG);
	assert_true(fabs(p.workouts[at(&p, mon + 6)].target_s - 6000) < 1e-9);
	add_act(&acts, 1, SPORT_RUN, mon + 1, 45, 8);   /* easy 30: done (150%) */
	add_act(&acts, 2, SPORT_RUN, mon + 2, 30, 5);   /* tempo 50: partial (60%) */
	add_act(&acts, 3, SPORT_BIKE, mon + 4, 60, 25); /* a ride is no easy run */
	add_act(&acts, 4, SPORT_RUN, mon + 5, 95, 16);  /* Saturday: the long run moved */
	add_act(&acts, 5, SPORT_STRENGTH, mon + 3, 20, 0);
	m = calloc(p.n_workouts, sizeof(*m));
	/* on Saturday evening */
	plan_match(&p, p.start, p.race_date, acts.activities, acts.n_activities, mon + 5, m);
	assert_int_equal(m[at(&p, mon)].status, WORKOUT_STATUS_REST);
	assert_int_equal(m[at(&p, mon + 1)].status, WORKOUT_STATUS_DONE);
	assert_true(fabs(m[at(&p, mon + 1)].share - 1.5) < 1e-9);
	assert_int_equal(m[at(&p, mon + 1)].activity_ids[0], 1);
	assert_int_equal(m[at(&p, mon + 2)].status, WORKOUT_STATUS_PARTIAL);
	assert_true(fabs(m[at(&p, mon + 2)].share - 0.6) < 1e-9);
	assert_int_equal(m[at(&p, mon + 3)].status, WORKOUT_STATUS_DONE); /* 20 of 25 min */
	/* Friday's easy run was not done (a ride is not a run) and is past;
	 * Saturday's long run went to Sunday's long run, which fits it best */
	assert_int_equal(m[at(&p, mon + 4)].status, WORKOUT_STATUS_MISSED);
	assert_int_equal(m[at(&p, mon + 4)].n_activities, 0);
	assert_int_equal(m[at(&p, mon + 6)].status, WORKOUT_STATUS_MOVED);
	assert_int_equal(m[at(&p, mon + 6)].done_on, mon + 5);
	assert_true(fabs(m[at(&p, mon + 6)].done_s - 95 * 60) < 1e-9);
	/* compliance so far: Tue, Wed, Thu, Fri due; Sun moved counts too */
	plan_range(&p, mon, mon + 6, &first, &end);
	plan_compliance_sum(&p, m, first, end, &c);
	assert_int_equal(c.week_workouts, 5);
	assert_int_equal(c.planned, 5);
	assert_int_equal(c.done, 3);
	assert_int_equal(c.partial, 1);
	assert_int_equal(c.missed, 1);
	assert_true(fabs(c.planned_s - (30 + 50 + 25 + 30 + 100) * 60) < 1e-9);
	assert_true(fabs(c.done_s - (45 + 30 + 20 + 95) * 60) < 1e-9);
	assert_true(fabs(c.time_share - 190.0 / 235) < 1e-9);
	/* on Thursday morning: Thursday and after are upcoming, not missed */
	activity_list_release(&acts);
	add_act(&acts, 1, SPORT_RUN, mon + 1, 30, 0);
	plan_match(&p, p.start, p.race_date, acts.activities, acts.n_activities, mon + 3, m);
	assert_int_equal(m[at(&p, mon + 2)].status, WORKOUT_STATUS_MISSED);
	assert_int_equal(m[at(&p, mon + 3)].status, WORKOUT_STATUS_UPCOMING);
	assert_int_equal(m[at(&p, mon + 6)].status, WORKOUT_STATUS_UPCOMING);
	plan_compliance_sum(&p, m, first, end, &c);
	assert_int_equal(c.planned, 2);
	assert_int_equal(c.done, 1);
	/* a run on a day with its own workout is that workout's, never moved:
	 * Wednesday's 50 min done on Tuesday beside Tuesday's own run */
	activity_list_release(&acts);
	add_act(&acts, 1, SPORT_RUN, mon + 1, 30, 0);
	add_act(&acts, 2, SPORT_RUN, mon + 1, 50, 0);
	plan_match(&p, p.start, p.race_date, acts.activities, acts.n_activities, mon + 3, m);
	assert_int_equal(m[at(&p, mon + 1)].n_activities, 2); /* a double: both Tuesday's */
	assert_int_equal(m[at(&p, mon + 2)].status, WORKOUT_STATUS_MISSED);
	/* a run 3 days away is too far to be moved: Friday's run on Monday
	 * (a rest day 4 days before) does nothing for it */
	activity_list_release(&acts);
	add_act(&acts, 1, SPORT_RUN, mon, 30, 0);
	plan_match(&p, p.start, p.race_date, acts.activities, acts.n_activities, mon + 7, m);
	assert_int_equal(m[at(&p, mon + 1)].status, WORKOUT_STATUS_MOVED); /* Tue: 1 day */
	assert_int_equal(m[at(&p, mon + 4)].status, WORKOUT_STATUS_MISSED);
	activity_list_release(&acts);
	free(m);
	plan_release(&p);
	race_release(&r);
	plan_template_release(&t);
}

/* By distance, runs are held to their distance; a run without one is
 * judged on time only when the target has a time (it has not). */
static void test_match_by_distance(void **state)
{
	struct plan_template t;
	struct race r;
	struct plan p;
	struct activity_list acts = ACTIVITY_LIST_INIT;
	struct workout_match *m;
	size_t race_i;

	(void)state;
	load("5k", &t);
	race_at(&r, RACE_DAY, 5000);
	build_ok(&t, &r, PLAN_BY_DISTANCE, 8, 3, &p);
	race_i = p.n_workouts - 1;
	add_act(&acts, 1, SPORT_RUN, r.date, 24, 5.02);  /* the race */
	add_act(&acts, 2, SPORT_RUN, r.date - 5, 40, 0); /* no distance */
	m = calloc(p.n_workouts, sizeof(*m));
	plan_match(&p, p.start, p.race_date, acts.activities, acts.n_activities, r.date + 1, m);
	assert_int_equal(m[race_i].status, WORKOUT_STATUS_DONE);
	assert_true(fabs(m[race_i].share - 1.004) < 1e-9);
	/* the Tuesday easy run has a distance target and the run none: done,
	 * of unknown share */
	assert_int_equal(p.workouts[race_i - 5].kind, WORKOUT_EASY);
	assert_int_equal(m[race_i - 5].status, WORKOUT_STATUS_DONE);
	assert_true(isnan(m[race_i - 5].share));
	activity_list_release(&acts);
	free(m);
	plan_release(&p);
	race_release(&r);
	plan_template_release(&t);
}

/* ---- with the store ---- */

static void store_race(struct store *s, struct race *r)
{
	struct err err = ERR_INIT;

	r->id = 0;
	if (store_race_add(s, r, &err)) {
		fail_msg("adding the race: %s", err.msg);
	}
}

static void log_run(struct store *s, int32_t d, double minutes)
{
	struct activity a;
	struct err err = ERR_INIT;

	activity_init(&a);
	a.athlete_id = 1;
	a.date = d;
	a.duration_s = minutes * 60;
	if (store_activity_add(s, &a, &err)) {
		fail_msg("logging a run: %s", err.msg);
	}
	activity_release(&a);
}

/* The must-hold end to end in the library: a stored plan, the week's
 * runs logged, and the week read back shows them done. */
static void test_logged_runs_are_done(void **state)
{
	struct fixture *f = *state;
	struct plan_template t;
	struct race r;
	struct plan p;
	struct plan_week week;
	struct err err = ERR_INIT;
	int32_t mon = day(2027, 1, 25);
	bool replaced = true;

	load("half", &t);
	race_at(&r, RACE_DAY, PARSE_HALF_MARATHON_M);
	store_race(f->s, &r);
	build_ok(&t, &r, PLAN_BY_TIME, 16, 4, &p);
	assert_int_equal(store_plan_replace(f->s, &p, &replaced, &err), ERR_OK);
	assert_false(replaced);
	/* log every run of week 9 at its target */
	for (size_t i = 0; i < p.n_workouts; i++) {
		const struct workout *w = &p.workouts[i];

		if (w->week == 9 && workout_kind_is_run(w->kind)) {
			log_run(f->s, w->date, w->target_s / 60);
		}
	}
	assert_int_equal(plan_week_read(f->s, 1, p.id, mon + 2, mon + 7, &week, &err), ERR_OK);
	assert_int_equal(week.number, 9);
	assert_int_equal(week.phase, PLAN_BUILD);
	assert_int_equal(week.monday, mon);
	assert_int_equal(week.end - week.first, 7);
	for (size_t i = week.first; i < week.end; i++) {
		const struct workout *w = &week.plan.workouts[i];

		if (workout_kind_is_run(w->kind)) {
			assert_int_equal(week.matches[i].status, WORKOUT_STATUS_DONE);
		}
	}
	/* the runs all done; the strength session not logged */
	assert_int_equal(week.compliance.done, 4);
	assert_int_equal(week.compliance.missed, 1);
	plan_week_release(&week);
	/* a week outside the plan */
	assert_int_equal(plan_week_read(f->s, 1, p.id, day(2027, 4, 1), mon, &week, &err), ERR_OK);
	assert_int_equal(week.number, 0);
	assert_int_equal(week.first, week.end);
	plan_week_release(&week);
	/* recent running now: the 4 runs of week 9, 4:00 in a log 5 days old */
	{
		struct plan_recent recent;

		assert_int_equal(plan_recent_read(f->s, 1, mon + 7, &recent, &err), ERR_OK);
		assert_int_equal(recent.runs, 4);
		assert_true(fabs(recent.weeks - 1) < 1e-9);
		assert_true(fabs(recent.time_s - week_volume(&p, 9)) < 1e-9);
		assert_int_equal(plan_recent_read(f->s, 1, mon + 60, &recent, &err), ERR_OK);
		assert_int_equal(recent.runs, 0);
	}
	plan_release(&p);
	race_release(&r);
	plan_template_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_half_by_time),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_half_by_distance),
		cmocka_unit_test(test_5k_three_days),
		cmocka_unit_test(test_marathon),
		cmocka_unit_test(test_recent_volume),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_template_choice),
		cmocka_unit_test_setup_teardown(test_template_override, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test(test_match_rules),
		cmocka_unit_test(test_match_by_distance),
		cmocka_unit_test_setup_teardown(test_logged_runs_are_done, fixture_setup_store,
		                                fixture_teardown),
	};

	/* the built-in templates, not a runner's copies */
	setenv("XDG_CONFIG_HOME", "/nonexistent/knead-test-config", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
