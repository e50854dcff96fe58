/*
 * test_context.c: what the advisor knows on a day (advice/context.h).
 * A small log is stored in a fresh database and read back through
 * advice_context_read (windows, order, the current plan, fitness, other
 * athletes left out); then each question is asked of that context and of
 * contexts built by hand.
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

#include "../store/fixture.h"
#include "advice/context.h"
#include "advice/rules.h"
#include "base/datafile.h"
#include "base/date.h"
#include "store/store_activity.h"
#include "store/store_body.h"
#include "store/store_gear.h"
#include "store/store_plan.h"
#include "store/store_race.h"
#include "store/store_recovery.h"

static const char catalogue[] =
        "[thigh]\nname = thigh\nsided = yes\n"
        "[hamstrings]\nname = hamstrings\nparent = thigh\nsided = yes\n"
        "[semitendinosus]\nname = semitendinosus\nparent = hamstrings\nsided = yes\n"
        "[calf]\nname = calf\nsided = yes\n"
        "[lower-back]\nname = lower back\nsided = no\n";

/* Shared by every test: the regions above and the built-in rules. */
static struct region_catalog cat = REGION_CATALOG_INIT;
static struct rulebook rules = RULEBOOK_INIT;

static int group_setup(void **state)
{
	struct err err = ERR_INIT;

	(void)state;
	if (region_catalog_parse(&cat, catalogue, "test.ini", &err) ||
	    rulebook_parse(&rules, datafile_builtin("rules.ini", NULL), "built-in rules.ini",
	                   &err)) {
		fprintf(stderr, "setup: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	region_catalog_release(&cat);
	rulebook_release(&rules);
	return 0;
}

static int setup(void **state)
{
	struct err err = ERR_INIT;
	struct fixture *f;

	if (fixture_setup_store(state)) {
		return -1;
	}
	f = *state;
	if (store_regions_sync(f->s, &cat, &err)) {
		fprintf(stderr, "setup: %s\n", err.msg);
		fixture_teardown(state);
		return -1;
	}
	return 0;
}

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* ---- building the log ---- */

/* A run of athlete_id on date; rpe 0 for none, load NAN for none. */
static int64_t add_run(struct store *s, int64_t athlete_id, int32_t date, int rpe, double load,
                       int64_t gear_id)
{
	struct activity a;
	struct err err = ERR_INIT;
	int64_t id;

	activity_init(&a);
	a.athlete_id = athlete_id;
	a.date = date;
	a.distance_m = 10000;
	a.duration_s = 3000;
	a.rpe = rpe;
	a.gear_id = gear_id;
	if (store_activity_add(s, &a, &err)) {
		fail_msg("adding a run: %s", err.msg);
	}
	id = a.id;
	activity_release(&a);
	if (isfinite(load) && store_activity_set_load(s, athlete_id, id, load, "rpe", &err)) {
		fail_msg("setting a load: %s", err.msg);
	}
	return id;
}

static int64_t add_race(struct store *s, int64_t athlete_id, const char *name, int32_t date,
                        double distance_m, enum race_priority prio, enum race_status status)
{
	struct race r;
	struct err err = ERR_INIT;
	int64_t id;

	race_init(&r);
	r.athlete_id = athlete_id;
	r.name = strdup(name);
	r.date = date;
	r.distance_m = distance_m;
	r.priority = prio;
	r.status = status;
	if (status == RACE_DONE) {
		r.result_s = distance_m / 3.0;
	}
	if (store_race_add(s, &r, &err)) {
		fail_msg("adding race '%s': %s", name, err.msg);
	}
	id = r.id;
	race_release(&r);
	return id;
}

/* A plan of `weeks` weeks for race_id on race_date (a Sunday): easy on
 * Tuesdays, tempo on Thursdays, long on Saturdays, rest otherwise. */
static void add_plan(struct store *s, int64_t race_id, int32_t race_date, int weeks)
{
	struct plan p;
	struct err err = ERR_INIT;

	plan_init(&p);
	p.athlete_id = 1;
	p.race_id = race_id;
	p.template_name = strdup("half");
	p.by = PLAN_BY_TIME;
	p.weeks = weeks;
	p.days = 3;
	p.race_date = race_date;
	p.start = date_week_start(race_date) - 7 * (weeks - 1);
	p.start_volume = 7200;
	p.peak_volume = 9000;
	p.basis = strdup("test");
	for (int32_t d = p.start; d <= race_date; d++) {
		struct workout *w = plan_push_workout(&p);
		enum weekday wd = date_weekday(d);

		w->date = d;
		w->week = (int)((d - p.start) / 7) + 1;
		w->phase = w->week == weeks ? PLAN_TAPER : PLAN_BASE;
		if (d == race_date) {
			w->kind = WORKOUT_RACE;
			w->target_m = 21097.5;
		} else if (wd == WEEKDAY_SAT) {
			w->kind = WORKOUT_LONG;
			w->target_s = 5400;
		} else if (wd == WEEKDAY_TUE || wd == WEEKDAY_THU) {
			w->kind = wd == WEEKDAY_TUE ? WORKOUT_EASY : WORKOUT_TEMPO;
			w->target_s = 2700;
		} else {
			w->kind = WORKOUT_REST;
		}
		w->description = strdup(workout_kind_name(w->kind));
	}
	if (plan_validate(&p, &err) || store_plan_replace(s, &p, NULL, &err)) {
		fail_msg("storing the plan: %s", err.msg);
	}
	plan_release(&p);
}

static void add_checkin(struct store *s, int64_t athlete_id, int32_t date, const char *region,
                        enum measure m, int level)
{
	struct checkin c;
	struct err err = ERR_INIT;
	bool merged;

	checkin_init(&c);
	c.athlete_id = athlete_id;
	c.day = date;
	snprintf(c.region, sizeof(c.region), "%s", region);
	c.side = SIDE_LEFT;
	c.level[m] = level;
	if (store_checkin_put(s, &c, &merged, &err)) {
		fail_msg("adding a check-in: %s", err.msg);
	}
	checkin_release(&c);
}

static void add_injury(struct store *s, const char *region, int32_t onset, int32_t resolved)
{
	struct injury inj;
	struct err err = ERR_INIT;

	injury_init(&inj);
	inj.athlete_id = 1;
	snprintf(inj.region, sizeof(inj.region), "%s", region);
	inj.side = SIDE_LEFT;
	inj.onset = onset;
	inj.resolved = resolved;
	inj.status = resolved == DATE_NONE ? INJURY_ACTIVE : INJURY_RESOLVED;
	if (store_injury_add(s, &inj, &err)) {
		fail_msg("adding an injury: %s", err.msg);
	}
	injury_release(&inj);
}

static int64_t add_provider(struct store *s, const char *name)
{
	struct provider p;
	struct membership *m;
	struct err err = ERR_INIT;
	int64_t id;

	provider_init(&p);
	p.athlete_id = 1;
	p.name = strdup(name);
	p.kind = PROVIDER_MASSAGE;
	p.price_cents = 9000;
	memcpy(p.currency, "USD", 4);
	m = provider_add_membership(&p);
	m->fee_cents = 6000;
	memcpy(m->currency, "USD", 4);
	m->sessions = 1;
	m->since = day(2026, 9, 1);
	m->until = DATE_NONE;
	if (store_provider_add(s, &p, &err)) {
		fail_msg("adding provider '%s': %s", name, err.msg);
	}
	id = p.id;
	provider_release(&p);
	return id;
}

static void add_session(struct store *s, enum modality mod, int32_t date, int64_t provider_id)
{
	struct recovery r;
	struct err err = ERR_INIT;

	recovery_init(&r);
	r.athlete_id = 1;
	r.modality = mod;
	r.day = date;
	r.provider_id = provider_id;
	if (store_recovery_add(s, &r, &err)) {
		fail_msg("adding a session: %s", err.msg);
	}
	recovery_release(&r);
}

static int64_t add_shoes(struct store *s, const char *name)
{
	struct gear g;
	struct err err = ERR_INIT;
	int64_t id;

	gear_init(&g);
	g.athlete_id = 1;
	g.name = strdup(name);
	g.limit_m = 600000;
	if (store_gear_add(s, &g, &err)) {
		fail_msg("adding gear: %s", err.msg);
	}
	id = g.id;
	gear_release(&g);
	return id;
}

/* The log every read test works on, for "today" 2026-11-24 (a Tuesday;
 * history from 2025-10-20, the plan and races to 2027-05-23). */
struct log_ids {
	int64_t marathon, half, ten_k, dns, far, plan_race;
	int64_t shoes, provider;
};

static void build_log(struct store *s, struct log_ids *ids)
{
	ids->shoes = add_shoes(s, "Pegasus");
	ids->provider = add_provider(s, "Anna Massage");

	/* a run before the window, then four in it; athlete 2 runs too */
	add_run(s, 1, day(2025, 10, 19), 9, 200, 0);
	add_run(s, 1, day(2026, 11, 10), 4, (double)NAN, ids->shoes); /* Tue, easy planned */
	add_run(s, 1, day(2026, 11, 20), 8, (double)NAN, ids->shoes); /* Fri, rest planned */
	add_run(s, 1, day(2026, 11, 22), 3, 95, 0);                   /* Sun, rest planned */
	add_run(s, 1, day(2026, 11, 23), 0, 40, 0);                   /* Mon, rest planned */
	add_run(s, 2, day(2026, 11, 25), 9, 300, 0);

	ids->marathon =
	        add_race(s, 1, "Autumn Marathon", day(2026, 11, 15), 42195, RACE_A, RACE_DONE);
	ids->dns = add_race(s, 1, "Skipped 5k", day(2026, 12, 6), 5000, RACE_C, RACE_DNS);
	ids->ten_k = add_race(s, 1, "Xmas 10k", day(2026, 12, 20), 10000, RACE_C, RACE_CONSIDERING);
	ids->half = add_race(s, 1, "Valentine Half", day(2027, 2, 14), 21097.5, RACE_A,
	                     RACE_REGISTERED);
	ids->far = add_race(s, 1, "Far Marathon", day(2028, 4, 16), 42195, RACE_A, RACE_REGISTERED);
	add_race(s, 2, "Other's race", day(2026, 12, 13), 10000, RACE_A, RACE_REGISTERED);
	add_plan(s, ids->marathon, day(2026, 11, 15), 4);
	add_plan(s, ids->half, day(2027, 2, 14), 14);
	ids->plan_race = ids->half;

	add_checkin(s, 1, day(2025, 10, 1), "calf", MEASURE_SORENESS, 9); /* before */
	add_checkin(s, 1, day(2026, 11, 21), "semitendinosus", MEASURE_PAIN, 5);
	add_checkin(s, 1, day(2026, 11, 21), "hamstrings", MEASURE_PAIN, 3);
	add_checkin(s, 1, day(2026, 11, 21), "calf", MEASURE_PAIN, 7);
	add_checkin(s, 1, day(2026, 11, 23), "calf", MEASURE_SORENESS, 3);
	add_checkin(s, 2, day(2026, 11, 23), "hamstrings", MEASURE_SORENESS, 8);

	add_injury(s, "hamstrings", day(2026, 11, 8), DATE_NONE);
	add_injury(s, "calf", day(2025, 3, 1), day(2025, 4, 1));

	add_session(s, MOD_MASSAGE_SWEDISH, day(2025, 9, 1), ids->provider); /* before */
	add_session(s, MOD_MASSAGE_DEEP, day(2026, 11, 18), ids->provider);
	add_session(s, MOD_ROLL, day(2026, 11, 23), 0);
}

static void read_ok(struct store *s, const struct athlete *me, int32_t today,
                    struct advice_context *ctx)
{
	struct err err = ERR_INIT;

	if (advice_context_read(s, me, &rules, &cat, today, ctx, &err)) {
		fail_msg("reading the context: %s", err.msg);
	}
}

/* ---- read back ---- */

static void test_read_log(void **state)
{
	struct fixture *f = *state;
	int32_t today = day(2026, 11, 24);
	struct advice_context ctx;
	struct log_ids ids;
	struct athlete me;
	const struct pmc_day *pd;

	athlete_init(&me, 1);
	build_log(f->s, &ids);
	read_ok(f->s, &me, today, &ctx);

	assert_int_equal(ctx.today, today);
	assert_int_equal(ctx.from, day(2025, 10, 20));
	assert_int_equal(ctx.until, day(2027, 5, 23));
	assert_ptr_equal(ctx.profile, &me);
	assert_ptr_equal(ctx.rules, &rules);
	assert_ptr_equal(ctx.regions, &cat);

	/* the athlete's activities in the window, oldest first */
	assert_int_equal(ctx.activities.n_activities, 4);
	assert_int_equal(ctx.activities.activities[0].date, day(2026, 11, 10));
	assert_int_equal(ctx.activities.activities[3].date, day(2026, 11, 23));
	assert_true(ctx.activities.activities[2].load == 95);
	assert_true(isnan(ctx.activities.activities[0].load));

	/* fitness: a row a day from `from` to today, carrying older loads */
	assert_int_equal(ctx.n_fitness, (size_t)(today - ctx.from) + 1);
	assert_int_equal(ctx.fitness[0].day, ctx.from);
	assert_int_equal(ctx.fitness[ctx.n_fitness - 1].day, today);
	assert_true(ctx.fitness[0].ctl > 0); /* the run the day before `from` */
	pd = advice_fitness_on(&ctx, day(2026, 11, 22));
	assert_non_null(pd);
	assert_int_equal(pd->day, day(2026, 11, 22));
	assert_true(pd->load == 95);
	assert_true(advice_fitness_on(&ctx, day(2026, 11, 23))->load == 40);
	assert_ptr_equal(advice_fitness_on(&ctx, today), &ctx.fitness[ctx.n_fitness - 1]);
	assert_null(advice_fitness_on(&ctx, today + 1));
	assert_null(advice_fitness_on(&ctx, ctx.from - 1));

	/* check-ins in the window, by day */
	assert_int_equal(ctx.checkins.n, 4);
	assert_int_equal(ctx.checkins.items[0].day, day(2026, 11, 21));
	assert_int_equal(ctx.checkins.items[3].day, day(2026, 11, 23));

	/* every injury, resolved too; every race of the athlete's */
	assert_int_equal(ctx.injuries.n, 2);
	assert_int_equal(ctx.races.n_races, 5);
	assert_int_equal(ctx.races.races[0].id, ids.marathon);
	assert_int_equal(ctx.races.races[4].id, ids.far);

	/* the plan for the next race, whole */
	assert_int_equal(ctx.plan.race_id, ids.plan_race);
	assert_true(ctx.plan.id > 0);
	assert_int_equal(ctx.plan.n_workouts, 14 * 7);
	assert_int_equal(ctx.plan.workouts[0].date, day(2026, 11, 9));

	/* sessions in the window, with their provider; providers and gear */
	assert_int_equal(ctx.sessions.n, 2);
	assert_int_equal(ctx.sessions.items[0].modality, MOD_MASSAGE_DEEP);
	assert_string_equal(ctx.sessions.items[0].provider_name, "Anna Massage");
	assert_int_equal(ctx.providers.n, 1);
	assert_int_equal(ctx.providers.items[0].n_memberships, 1);
	assert_int_equal(ctx.gear.n_gears, 1);
	assert_true(ctx.gear.gears[0].distance_m == 20000);

	advice_context_release(&ctx);
	assert_null(ctx.fitness);
	assert_int_equal(ctx.activities.n_activities, 0);
	athlete_release(&me);
}

/* The questions, on the log read back. */
static void test_questions_on_log(void **state)
{
	struct fixture *f = *state;
	int32_t today = day(2026, 11, 24);
	struct advice_context ctx;
	struct log_ids ids;
	struct athlete me;
	const struct workout *w;
	const struct recovery *m;
	struct rulebook strict = RULEBOOK_INIT;
	struct err err = ERR_INIT;

	athlete_init(&me, 1);
	build_log(f->s, &ids);
	read_ok(f->s, &me, today, &ctx);

	w = advice_workout_on(&ctx, day(2026, 11, 26));
	assert_non_null(w);
	assert_int_equal(w->kind, WORKOUT_TEMPO);
	assert_int_equal(advice_workout_on(&ctx, today)->kind, WORKOUT_EASY);
	assert_int_equal(advice_workout_on(&ctx, day(2027, 2, 14))->kind, WORKOUT_RACE);
	assert_null(advice_workout_on(&ctx, day(2026, 11, 8)));
	assert_null(advice_workout_on(&ctx, day(2027, 2, 15)));

	/* hard: a race run or ahead, a planned quality day, a past day
	 * with a high RPE or load */
	assert_true(advice_is_hard_day(&ctx, day(2026, 11, 15)));  /* marathon, rest planned */
	assert_true(advice_is_hard_day(&ctx, day(2026, 11, 20)));  /* RPE 8 */
	assert_true(advice_is_hard_day(&ctx, day(2026, 11, 21)));  /* long planned */
	assert_true(advice_is_hard_day(&ctx, day(2026, 11, 22)));  /* load 95 */
	assert_true(advice_is_hard_day(&ctx, day(2026, 11, 26)));  /* tempo planned */
	assert_true(advice_is_hard_day(&ctx, day(2026, 12, 20)));  /* 10k considered */
	assert_false(advice_is_hard_day(&ctx, day(2026, 11, 10))); /* easy, RPE 4 */
	assert_false(advice_is_hard_day(&ctx, day(2026, 11, 23))); /* load 40 */
	assert_false(advice_is_hard_day(&ctx, today));             /* easy planned */
	assert_false(advice_is_hard_day(&ctx, day(2026, 11, 25))); /* rest; athlete 2's run */
	assert_false(advice_is_hard_day(&ctx, day(2026, 12, 6)));  /* did not start */

	/* the thresholds come from the rules */
	rulebook_parse(&strict, datafile_builtin("rules.ini", NULL), "built-in", &err);
	rulebook_override(&strict, "[massage-not-adjacent-hard]\nhard_rpe = 9\nhard_load = 30\n",
	                  "t.ini");
	assert_int_equal(strict.warnings.len, 0);
	ctx.rules = &strict;
	assert_false(advice_is_hard_day(&ctx, day(2026, 11, 20)));
	assert_true(advice_is_hard_day(&ctx, day(2026, 11, 23)));
	ctx.rules = &rules;
	rulebook_release(&strict);

	assert_int_equal(advice_last_race(&ctx)->id, ids.marathon);
	assert_int_equal(advice_next_race(&ctx, false)->id, ids.ten_k);
	assert_int_equal(advice_next_race(&ctx, true)->id, ids.half);

	m = advice_last_massage(&ctx);
	assert_non_null(m);
	assert_int_equal(m->modality, MOD_MASSAGE_DEEP);
	assert_int_equal(m->day, day(2026, 11, 18));

	/* a level counts for a region and every region around it */
	assert_int_equal(advice_level_on(&ctx, "thigh", MEASURE_PAIN, day(2026, 11, 21)), 5);
	assert_int_equal(advice_level_on(&ctx, "hamstrings", MEASURE_PAIN, day(2026, 11, 21)), 5);
	assert_int_equal(advice_level_on(&ctx, "semitendinosus", MEASURE_PAIN, day(2026, 11, 21)),
	                 5);
	assert_int_equal(advice_level_on(&ctx, "calf", MEASURE_PAIN, day(2026, 11, 21)), 7);
	assert_int_equal(advice_level_on(&ctx, "lower-back", MEASURE_PAIN, day(2026, 11, 21)), -1);
	assert_int_equal(advice_level_on(&ctx, "hamstrings", MEASURE_SORENESS, day(2026, 11, 21)),
	                 -1);
	assert_int_equal(advice_level_on(&ctx, "calf", MEASURE_SORENESS, day(2026, 11, 23)), 3);
	/* athlete 2's soreness is not ours */
	assert_int_equal(advice_level_on(&ctx, "hamstrings", MEASURE_SORENESS, day(2026, 11, 23)),
	                 -1);
	assert_int_equal(advice_level_on(&ctx, "calf", MEASURE_SORENESS, day(2025, 10, 1)), -1);

	advice_context_release(&ctx);
	athlete_release(&me);
}

/* As of an earlier day: the window moves, the marathon is the next race
 * and its plan the current one. */
static void test_read_earlier_day(void **state)
{
	struct fixture *f = *state;
	int32_t today = day(2026, 11, 12);
	struct advice_context ctx;
	struct log_ids ids;
	struct athlete me;

	athlete_init(&me, 1);
	build_log(f->s, &ids);
	read_ok(f->s, &me, today, &ctx);
	/* from 2025-10-08 now: the run of 2025-10-19 is in, the 11-20 one not */
	assert_int_equal(ctx.from, day(2025, 10, 8));
	assert_int_equal(ctx.activities.n_activities, 2);
	assert_int_equal(ctx.activities.activities[0].date, day(2025, 10, 19));
	assert_int_equal(ctx.activities.activities[1].date, day(2026, 11, 10));
	assert_int_equal(ctx.fitness[ctx.n_fitness - 1].day, today);
	assert_int_equal(ctx.checkins.n, 0);
	assert_int_equal(ctx.sessions.n, 0);
	assert_int_equal(ctx.plan.race_id, ids.marathon);
	assert_int_equal(ctx.plan.n_workouts, 4 * 7);
	assert_null(advice_last_race(&ctx));
	assert_null(advice_last_massage(&ctx));
	assert_int_equal(advice_next_race(&ctx, false)->id, ids.marathon);
	assert_int_equal(advice_next_race(&ctx, true)->id, ids.marathon);
	/* a race day counts as hard even before it is run */
	assert_true(advice_is_hard_day(&ctx, day(2026, 11, 15)));
	advice_context_release(&ctx);
	athlete_release(&me);
}

/* A runner with nothing logged: an empty context, fitness all zero. */
static void test_read_empty(void **state)
{
	struct fixture *f = *state;
	int32_t today = day(2026, 11, 24);
	struct advice_context ctx;
	struct athlete me;

	athlete_init(&me, 1);
	read_ok(f->s, &me, today, &ctx);
	assert_int_equal(ctx.activities.n_activities, 0);
	assert_int_equal(ctx.n_fitness, ADVICE_HISTORY_DAYS + 1);
	assert_true(advice_fitness_on(&ctx, today)->ctl == 0);
	assert_int_equal(ctx.plan.id, 0);
	assert_int_equal(ctx.plan.n_workouts, 0);
	assert_null(advice_workout_on(&ctx, today));
	assert_null(advice_next_race(&ctx, false));
	assert_null(advice_last_race(&ctx));
	assert_null(advice_last_massage(&ctx));
	assert_false(advice_is_hard_day(&ctx, today));
	assert_int_equal(advice_level_on(&ctx, "calf", MEASURE_PAIN, today), -1);
	advice_context_release(&ctx);
	athlete_release(&me);
}

/* ---- contexts by hand ---- */

static void test_by_hand(void **state)
{
	int32_t today = day(2026, 6, 10);
	struct advice_context ctx;
	struct athlete me;
	struct race *r;
	struct recovery *s;
	struct checkin *c;
	struct activity *a;

	(void)state;
	athlete_init(&me, 1);
	advice_context_init(&ctx, &me, &rules, NULL, today);
	assert_int_equal(ctx.from, today - ADVICE_HISTORY_DAYS);
	assert_int_equal(ctx.until, today + ADVICE_AHEAD_DAYS);
	assert_int_equal(ctx.plan.id, 0);
	assert_null(advice_fitness_on(&ctx, today));
	assert_null(advice_last_race(&ctx));

	/* two races done, a later one is the last; a B race before an A */
	r = race_list_push(&ctx.races);
	r->date = today - 30;
	r->status = RACE_DONE;
	r = race_list_push(&ctx.races);
	r->date = today - 3;
	r->status = RACE_DONE;
	r = race_list_push(&ctx.races);
	r->date = today;
	r->status = RACE_REGISTERED;
	r->priority = RACE_B;
	r = race_list_push(&ctx.races);
	r->date = today + 20;
	r->status = RACE_REGISTERED;
	r->priority = RACE_A;
	/* a race still "registered" whose day passed is not next */
	r = race_list_push(&ctx.races);
	r->date = today - 1;
	r->status = RACE_REGISTERED;
	r->priority = RACE_A;
	assert_ptr_equal(advice_last_race(&ctx), &ctx.races.races[1]);
	assert_ptr_equal(advice_next_race(&ctx, false), &ctx.races.races[2]);
	assert_ptr_equal(advice_next_race(&ctx, true), &ctx.races.races[3]);
	/* out of order: an A race not started is skipped; one done after
	 * today (an earlier --date) was still ahead then */
	r = race_list_push(&ctx.races);
	r->date = today + 5;
	r->status = RACE_DNS;
	r->priority = RACE_A;
	assert_ptr_equal(advice_next_race(&ctx, true), &ctx.races.races[3]);
	r = race_list_push(&ctx.races);
	r->date = today + 10;
	r->status = RACE_DONE;
	r->priority = RACE_A;
	assert_ptr_equal(advice_next_race(&ctx, true), &ctx.races.races[6]);
	assert_ptr_equal(advice_last_race(&ctx), &ctx.races.races[1]);
	r = race_list_push(&ctx.races);
	r->date = today - 10;
	r->status = RACE_DONE;
	assert_ptr_equal(advice_last_race(&ctx), &ctx.races.races[1]);

	/* the last massage, of any kind of massage, not after today */
	s = recovery_list_push(&ctx.sessions);
	s->modality = MOD_MASSAGE_ART;
	s->day = today - 9;
	s = recovery_list_push(&ctx.sessions);
	s->modality = MOD_MASSAGE_SPORTS;
	s->day = today - 2;
	s = recovery_list_push(&ctx.sessions);
	s->modality = MOD_CHIRO;
	s->day = today - 1;
	s = recovery_list_push(&ctx.sessions);
	s->modality = MOD_MASSAGE_SWEDISH;
	s->day = today + 2;
	assert_ptr_equal(advice_last_massage(&ctx), &ctx.sessions.items[1]);
	s = recovery_list_push(&ctx.sessions);
	s->modality = MOD_MASSAGE_DEEP;
	s->day = today - 20;
	assert_ptr_equal(advice_last_massage(&ctx), &ctx.sessions.items[1]);

	/* without a catalogue, a level counts for its own region only */
	c = checkin_list_push(&ctx.checkins);
	c->day = today;
	snprintf(c->region, sizeof(c->region), "hamstrings");
	c->level[MEASURE_SORENESS] = 4;
	c = checkin_list_push(&ctx.checkins);
	c->day = today;
	snprintf(c->region, sizeof(c->region), "hamstrings");
	c->level[MEASURE_SORENESS] = 6;
	assert_int_equal(advice_level_on(&ctx, "hamstrings", MEASURE_SORENESS, today), 6);
	assert_int_equal(advice_level_on(&ctx, "thigh", MEASURE_SORENESS, today), -1);
	ctx.regions = &cat;
	assert_int_equal(advice_level_on(&ctx, "thigh", MEASURE_SORENESS, today), 6);
	assert_int_equal(advice_level_on(&ctx, "semitendinosus", MEASURE_SORENESS, today), -1);
	assert_int_equal(advice_level_on(&ctx, "hamstrings", MEASURE_PAIN, today), -1);

	/* hard by a logged activity only on or before today */
	a = activity_list_push(&ctx.activities);
	a->date = today - 5;
	a->rpe = 7;
	a = activity_list_push(&ctx.activities);
	a->date = today - 4;
	a->rpe = 6;
	a->load = 89;
	a = activity_list_push(&ctx.activities);
	a->date = today - 3;
	a->load = 90;
	assert_true(advice_is_hard_day(&ctx, today - 5));
	assert_false(advice_is_hard_day(&ctx, today - 4));
	assert_true(advice_is_hard_day(&ctx, today - 3)); /* and the race */
	assert_false(advice_is_hard_day(&ctx, today - 6));

	/* a plan by hand */
	{
		struct workout *w = plan_push_workout(&ctx.plan);

		w->date = today + 1;
		w->kind = WORKOUT_INTERVALS;
		w = plan_push_workout(&ctx.plan);
		w->date = today + 2;
		w->kind = WORKOUT_EASY;
	}
	assert_int_equal(advice_workout_on(&ctx, today + 1)->kind, WORKOUT_INTERVALS);
	assert_true(advice_is_hard_day(&ctx, today + 1));
	assert_false(advice_is_hard_day(&ctx, today + 2));
	assert_null(advice_workout_on(&ctx, today + 3));

	/* fitness by hand */
	ctx.fitness = calloc(3, sizeof(*ctx.fitness));
	ctx.n_fitness = 3;
	for (int i = 0; i < 3; i++) {
		ctx.fitness[i].day = today - 2 + i;
		ctx.fitness[i].ctl = 10 + i;
	}
	assert_true(advice_fitness_on(&ctx, today)->ctl == 12);
	assert_true(advice_fitness_on(&ctx, today - 2)->ctl == 10);
	assert_null(advice_fitness_on(&ctx, today - 3));
	assert_null(advice_fitness_on(&ctx, today + 1));

	advice_context_release(&ctx);
	athlete_release(&me);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read_log, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_questions_on_log, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_read_earlier_day, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_read_empty, setup, fixture_teardown),
		cmocka_unit_test(test_by_hand),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
