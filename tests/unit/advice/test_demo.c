/*
 * test_demo.c: the demo season (advice/demo.h), read back from the store.
 *
 * What must hold (issue 6): a fresh database gets a realistic season that
 * ends today: a half-marathon plan followed with some workouts missed and
 * some moved, a hamstring strain from weak glutes whose pain comes down,
 * regular foam rolling and monthly massages (never deep tissue next to a
 * hard day; deep tissue 3 to 5 days after the long races), a hilly 10k,
 * a marathon, a hip and hamstring problem after it with a chiropractor and
 * a physio, wellness, shoes with a limit; the same today gives the same
 * season; a database already in use is refused and left as it was.
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
#include "advice/demo.h"
#include "advice/plan.h"
#include "analysis/spend.h"
#include "base/datafile.h"
#include "base/date.h"
#include "store/store_activity.h"
#include "store/store_appointment.h"
#include "store/store_athlete.h"
#include "store/store_body.h"
#include "store/store_gear.h"
#include "store/store_plan.h"
#include "store/store_race.h"
#include "store/store_recovery.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* A Tuesday, like the CLI tests' fixed clock. */
#define TODAY day(2026, 11, 24)

static struct region_catalog catalog = REGION_CATALOG_INIT;

static int load_catalog(void **state)
{
	struct err err = ERR_INIT;

	(void)state;
	if (region_catalog_parse(&catalog, datafile_builtin("regions.ini", NULL),
	                         "built-in regions.ini", &err)) {
		fprintf(stderr, "regions: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int free_catalog(void **state)
{
	(void)state;
	region_catalog_release(&catalog);
	return 0;
}

static void generate(struct store *s, int32_t today, struct demo_summary *sum)
{
	struct err err = ERR_INIT;

	if (demo_generate(s, 1, &catalog, today, sum, &err)) {
		fail_msg("demo for %d: %s", today, err.msg);
	}
}

static void activities(struct store *s, struct activity_list *out)
{
	struct activity_query q;
	struct err err = ERR_INIT;

	activity_query_init(&q, 1);
	if (store_activity_list(s, &q, out, &err)) {
		fail_msg("activities: %s", err.msg);
	}
}

static void races(struct store *s, struct race_list *out)
{
	struct err err = ERR_INIT;

	if (store_race_list(s, 1, DATE_NONE, DATE_NONE, out, &err)) {
		fail_msg("races: %s", err.msg);
	}
}

static void sessions(struct store *s, struct recovery_list *out)
{
	struct err err = ERR_INIT;

	if (store_recovery_list(s, 1, DATE_NONE, DATE_NONE, out, &err)) {
		fail_msg("sessions: %s", err.msg);
	}
}

static const struct race *race_named(const struct race_list *l, const char *start)
{
	for (size_t i = 0; i < l->n_races; i++) {
		if (strncmp(l->races[i].name, start, strlen(start)) == 0) {
			return &l->races[i];
		}
	}
	fail_msg("no race '%s'", start);
	return NULL;
}

static bool is_massage(enum modality m)
{
	return m == MOD_MASSAGE_DEEP || m == MOD_MASSAGE_ART || m == MOD_MASSAGE_SPORTS ||
	       m == MOD_MASSAGE_SWEDISH;
}

static void test_races_and_plans(void **state)
{
	struct fixture *f = *state;
	struct demo_summary sum;
	struct race_list rl = RACE_LIST_INIT;
	struct plan_list pl = PLAN_LIST_INIT;
	struct activity_list al = ACTIVITY_LIST_INIT;
	struct err err = ERR_INIT;
	const struct race *half, *hilly, *mara, *spring;
	int status[WORKOUT_STATUS_COUNT] = { 0 };

	generate(f->s, TODAY, &sum);
	assert_int_equal(sum.last, TODAY);
	assert_true(sum.first < TODAY - 250);
	assert_int_equal(sum.races, 4);
	assert_int_equal(sum.plans, 3);
	races(f->s, &rl);
	activities(f->s, &al);
	assert_int_equal(rl.n_races, 4);
	assert_int_equal(al.n_activities, sum.activities);
	assert_true(sum.activities > 150);

	half = race_named(&rl, "Riverside Half");
	hilly = race_named(&rl, "Hill Country 10K");
	mara = race_named(&rl, "City Marathon");
	spring = race_named(&rl, "Spring Half");
	/* run, with a result and the activity that was the race */
	for (const struct race *r = half; r; r = r == half ? hilly : r == hilly ? mara : NULL) {
		struct activity a;

		assert_int_equal(r->status, RACE_DONE);
		assert_true(isfinite(r->result_s));
		assert_true(r->activity_id > 0);
		assert_int_equal(store_activity_get(f->s, 1, r->activity_id, &a, &err), ERR_OK);
		assert_int_equal(a.date, r->date);
		assert_true(fabs(a.distance_m - r->distance_m) < 0.01 * r->distance_m);
		activity_release(&a);
		assert_int_equal(date_weekday(r->date), WEEKDAY_SUN);
	}
	assert_int_equal(half->priority, RACE_A);
	assert_int_equal(mara->priority, RACE_A);
	assert_true(half->distance_m > 21000 && half->distance_m < 21200);
	assert_true(mara->distance_m > 42000);
	assert_int_equal(hilly->terrain, RACE_HILLY);
	assert_true(half->date < hilly->date && hilly->date < mara->date);
	/* the marathon some three to four weeks ago, a race still ahead */
	assert_true(mara->date >= TODAY - 30 && mara->date <= TODAY - 24);
	assert_int_equal(spring->status, RACE_REGISTERED);
	assert_true(spring->date > TODAY + 60);

	/* a plan per race but the 10k, followed with variation */
	assert_int_equal(store_plan_list(f->s, 1, &pl, &err), ERR_OK);
	assert_int_equal(pl.n_plans, 3);
	for (size_t i = 0; i < pl.n_plans; i++) {
		struct plan p;
		struct workout_match *m;

		assert_int_equal(
		        store_plan_get(f->s, 1, pl.plans[i].id, DATE_NONE, DATE_NONE, &p, &err),
		        ERR_OK);
		assert_int_equal(plan_validate(&p, &err), ERR_OK);
		m = calloc(p.n_workouts, sizeof(*m));
		plan_match(&p, p.start, p.race_date, al.activities, al.n_activities, TODAY, m);
		for (size_t j = 0; j < p.n_workouts; j++) {
			status[m[j].status]++;
		}
		if (p.race_id == spring->id) {
			/* the comeback plan is under way today */
			assert_true(p.start <= TODAY && p.start >= TODAY - 10);
		}
		free(m);
		plan_release(&p);
	}
	assert_true(status[WORKOUT_STATUS_DONE] > 100);
	assert_true(status[WORKOUT_STATUS_MISSED] >= 3);
	assert_true(status[WORKOUT_STATUS_MOVED] >= 3);
	assert_true(status[WORKOUT_STATUS_DONE] > 5 * status[WORKOUT_STATUS_MISSED]);
	assert_true(status[WORKOUT_STATUS_UPCOMING] > 40);

	/* every activity has its load, and the season ends near today */
	{
		size_t missing = 99;

		assert_int_equal(store_activity_count_missing_load(f->s, 1, &missing, &err),
		                 ERR_OK);
		assert_int_equal(missing, 0);
	}
	assert_true(al.activities[al.n_activities - 1].date >= TODAY - 3);
	assert_true(al.activities[al.n_activities - 1].date < TODAY);
	plan_list_release(&pl);
	race_list_release(&rl);
	activity_list_release(&al);
}

/* The mean pain of the check-ins on region:side in [from, to]. */
static double mean_pain(const struct checkin_list *l, const char *region, enum side side,
                        int32_t from, int32_t to)
{
	double sum = 0;
	int n = 0;

	for (size_t i = 0; i < l->n; i++) {
		const struct checkin *c = &l->items[i];

		if (strcmp(c->region, region) == 0 && c->side == side && c->day >= from &&
		    c->day <= to && c->level[MEASURE_PAIN] >= 0) {
			sum += c->level[MEASURE_PAIN];
			n++;
		}
	}
	assert_true(n >= 3);
	return sum / n;
}

static void test_body(void **state)
{
	struct fixture *f = *state;
	struct demo_summary sum;
	struct injury_list il = INJURY_LIST_INIT;
	struct checkin_list cl = CHECKIN_LIST_INIT;
	struct wellness_list wl = WELLNESS_LIST_INIT;
	struct err err = ERR_INIT;
	const struct injury *strain = NULL, *ham = NULL, *hip = NULL;
	size_t sore = 0;

	generate(f->s, TODAY, &sum);
	assert_int_equal(store_injury_list(f->s, 1, true, &il, &err), ERR_OK);
	assert_int_equal(store_checkin_list(f->s, 1, DATE_NONE, DATE_NONE, &cl, &err), ERR_OK);
	assert_int_equal(store_wellness_list(f->s, 1, DATE_NONE, DATE_NONE, &wl, &err), ERR_OK);
	assert_int_equal(il.n, 3);
	assert_int_equal(cl.n, sum.checkins);
	assert_int_equal(wl.n, sum.wellness);
	for (size_t i = 0; i < il.n; i++) {
		const struct injury *inj = &il.items[i];

		if (strcmp(inj->region, "hamstrings") == 0 && inj->side == SIDE_RIGHT) {
			strain = inj;
		} else if (strcmp(inj->region, "hamstrings") == 0) {
			ham = inj;
		} else if (strcmp(inj->region, "hip-flexors") == 0) {
			hip = inj;
		}
	}
	assert_non_null(strain);
	assert_non_null(ham);
	assert_non_null(hip);
	if (!strain || !ham || !hip) {
		return;
	}
	/* the strain: weak glutes, pain coming down over weeks, resolved */
	assert_string_equal(strain->cause, "weak glutes");
	assert_int_equal(strain->status, INJURY_RESOLVED);
	assert_true(strain->resolved - strain->onset >= 21);
	assert_true(mean_pain(&cl, "hamstrings", SIDE_RIGHT, strain->onset, strain->onset + 6) >=
	            2 + mean_pain(&cl, "hamstrings", SIDE_RIGHT, strain->onset + 14,
	                          strain->onset + 28));
	/* the hip and hamstring after the marathon, still there today, easing */
	assert_int_equal(ham->side, SIDE_LEFT);
	assert_int_equal(ham->status, INJURY_ACTIVE);
	assert_int_equal(hip->side, SIDE_LEFT);
	assert_int_not_equal(hip->status, INJURY_RESOLVED);
	assert_non_null(ham->diagnosis);
	assert_true(mean_pain(&cl, "hamstrings", SIDE_LEFT, ham->onset, ham->onset + 6) >
	            mean_pain(&cl, "hamstrings", SIDE_LEFT, TODAY - 6, TODAY));
	assert_true(mean_pain(&cl, "hamstrings", SIDE_LEFT, TODAY - 6, TODAY) >= 1);
	/* soreness check-ins along the season, and today's */
	for (size_t i = 0; i < cl.n; i++) {
		sore += cl.items[i].level[MEASURE_SORENESS] >= 1;
	}
	assert_true(sore > 200);
	assert_int_equal(cl.items[cl.n - 1].day, TODAY);
	assert_true(wl.n > 150);
	assert_int_equal(wl.items[wl.n - 1].day, TODAY);
	injury_list_release(&il);
	checkin_list_release(&cl);
	wellness_list_release(&wl);
}

/* Whether an activity on day was hard (RPE 7 or more, or a race). */
static bool hard_on(const struct activity_list *al, int32_t d)
{
	for (size_t i = 0; i < al->n_activities; i++) {
		if (al->activities[i].date == d && al->activities[i].rpe >= 7) {
			return true;
		}
	}
	return false;
}

static void test_recovery(void **state)
{
	struct fixture *f = *state;
	struct demo_summary sum;
	struct recovery_list rl = RECOVERY_LIST_INIT;
	struct provider_list pl = PROVIDER_LIST_INIT;
	struct race_list races_l = RACE_LIST_INIT;
	struct activity_list al = ACTIVITY_LIST_INIT;
	struct gear_list gl = GEAR_LIST_INIT;
	struct athlete profile;
	struct err err = ERR_INIT;
	struct session_cost *costs;
	int rolls = 0, chiro = 0, physio = 0, by_membership = 0;
	bool month_massaged[24] = { false };
	const struct race *half, *mara;
	bool deep_after_half = false, deep_after_mara = false, swedish_before = false;
	int retired = 0, past_limit_or_near = 0;

	generate(f->s, TODAY, &sum);
	sessions(f->s, &rl);
	races(f->s, &races_l);
	activities(f->s, &al);
	assert_int_equal(store_provider_list(f->s, 1, &pl, &err), ERR_OK);
	assert_int_equal(rl.n, sum.sessions);
	assert_int_equal(pl.n, 3);
	half = race_named(&races_l, "Riverside Half");
	mara = race_named(&races_l, "City Marathon");
	costs = calloc(rl.n, sizeof(*costs));
	spend_cost_sessions(&rl, &pl, costs);
	for (size_t i = 0; i < rl.n; i++) {
		const struct recovery *r = &rl.items[i];
		struct civil c = date_to_civil(r->day);

		rolls += r->modality == MOD_ROLL;
		chiro += r->modality == MOD_CHIRO && costs[i].share_cents == 6500;
		physio += r->modality == MOD_PHYSIO && costs[i].share_cents == 11000;
		if (!is_massage(r->modality)) {
			continue;
		}
		assert_true(r->provider_id > 0);
		by_membership += costs[i].basis == COST_MEMBERSHIP;
		month_massaged[(c.year - 2026) * 12 + c.month - 1] = true;
		if (r->modality == MOD_MASSAGE_DEEP || r->modality == MOD_MASSAGE_ART) {
			/* never within a day of a hard session or a race */
			for (int32_t d = r->day - 1; d <= r->day + 1; d++) {
				assert_false(hard_on(&al, d));
			}
			/* nor in the five days before an A race */
			assert_false(r->day >= mara->date - 5 && r->day < mara->date);
			assert_false(r->day >= half->date - 5 && r->day < half->date);
		}
		deep_after_half =
		        deep_after_half || (r->modality == MOD_MASSAGE_DEEP &&
		                            r->day >= half->date + 3 && r->day <= half->date + 5);
		deep_after_mara =
		        deep_after_mara || (r->modality == MOD_MASSAGE_DEEP &&
		                            r->day >= mara->date + 3 && r->day <= mara->date + 5);
		swedish_before =
		        swedish_before || (r->modality == MOD_MASSAGE_SWEDISH &&
		                           r->day >= mara->date - 3 && r->day < mara->date);
	}
	/* foam rolling most weeks, a massage every month of the season */
	assert_true(rolls > (TODAY - sum.first) / 7 * 2);
	for (int32_t d = sum.first; d < TODAY; d = date_add_months(d, 1)) {
		struct civil c = date_to_civil(d);

		assert_true(month_massaged[(c.year - 2026) * 12 + c.month - 1]);
	}
	assert_true(by_membership >= 8);
	assert_true(deep_after_half);
	assert_true(deep_after_mara);
	assert_true(swedish_before);
	/* the chiropractor and the physio at their prices */
	assert_true(chiro >= 2);
	assert_true(physio >= 2);
	/* a budget to hold the massages to */
	assert_int_equal(store_athlete_get(f->s, 1, &profile, &err), ERR_OK);
	assert_true(profile.budget_cents > 0);
	assert_true(profile.max_hr > 0 && profile.rest_hr > 0);
	athlete_release(&profile);
	/* shoes with a limit, the old pair retired, the daily pair near it */
	assert_int_equal(store_gear_list(f->s, 1, &gl, &err), ERR_OK);
	assert_int_equal(gl.n_gears, 3);
	for (size_t i = 0; i < gl.n_gears; i++) {
		assert_true(isfinite(gl.gears[i].limit_m));
		retired += gl.gears[i].retired != DATE_NONE;
		past_limit_or_near +=
		        gl.gears[i].retired == DATE_NONE && gear_used_fraction(&gl.gears[i]) > 0.85;
	}
	assert_int_equal(retired, 1);
	assert_true(past_limit_or_near >= 1);
	/* the next physio visit is on the calendar */
	{
		struct appointment_list al2 = APPOINTMENT_LIST_INIT;

		assert_int_equal(store_appointment_list(f->s, 1, TODAY, DATE_NONE, &al2, &err),
		                 ERR_OK);
		assert_int_equal(al2.n, 1);
		assert_int_equal(sum.appointments, 1);
		assert_int_equal(al2.items[0].modality, MOD_PHYSIO);
		assert_int_equal(al2.items[0].status, APPOINTMENT_BOOKED);
		assert_true(al2.items[0].day > TODAY && al2.items[0].day <= TODAY + 7);
		appointment_list_release(&al2);
	}
	free(costs);
	gear_list_release(&gl);
	recovery_list_release(&rl);
	provider_list_release(&pl);
	race_list_release(&races_l);
	activity_list_release(&al);
}

/* The same today gives the same season, in another database. */
static void test_deterministic(void **state)
{
	struct fixture *f = *state;
	struct demo_summary a, b;
	struct store *other = NULL;
	struct activity_list la = ACTIVITY_LIST_INIT, lb = ACTIVITY_LIST_INIT;
	struct recovery_list ra = RECOVERY_LIST_INIT, rb = RECOVERY_LIST_INIT;
	struct err err = ERR_INIT;
	char path[700];

	snprintf(path, sizeof(path), "%s/other.db", f->dir);
	assert_int_equal(store_open(path, STORE_WRITE, &other, &err), ERR_OK);
	assert_int_equal(store_athlete_ensure(other, 1, &err), ERR_OK);
	generate(f->s, TODAY, &a);
	generate(other, TODAY, &b);
	assert_memory_equal(&a, &b, sizeof(a));
	activities(f->s, &la);
	activities(other, &lb);
	assert_int_equal(la.n_activities, lb.n_activities);
	for (size_t i = 0; i < la.n_activities; i++) {
		const struct activity *x = &la.activities[i], *y = &lb.activities[i];

		assert_int_equal(x->date, y->date);
		assert_int_equal(x->sport, y->sport);
		assert_int_equal(x->start_utc, y->start_utc);
		assert_true(x->duration_s == y->duration_s);
		assert_true((isnan(x->distance_m) && isnan(y->distance_m)) ||
		            x->distance_m == y->distance_m);
		assert_true(x->load == y->load);
	}
	sessions(f->s, &ra);
	sessions(other, &rb);
	assert_int_equal(ra.n, rb.n);
	for (size_t i = 0; i < ra.n; i++) {
		assert_int_equal(ra.items[i].day, rb.items[i].day);
		assert_int_equal(ra.items[i].modality, rb.items[i].modality);
		assert_int_equal(ra.items[i].n_regions, rb.items[i].n_regions);
	}
	activity_list_release(&la);
	activity_list_release(&lb);
	recovery_list_release(&ra);
	recovery_list_release(&rb);
	store_close(other);
}

/* Every day of the week works as today: races on Sundays, the marathon
 * 24 to 30 days back, the comeback plan under way. */
static void test_any_today(void **state)
{
	struct fixture *f = *state;

	for (int k = 0; k < 7; k++) {
		struct store *s = NULL;
		struct demo_summary sum;
		struct race_list rl = RACE_LIST_INIT;
		struct err err = ERR_INIT;
		char path[700];
		int32_t today = TODAY + 7 * 30 + k;

		snprintf(path, sizeof(path), "%s/day%d.db", f->dir, k);
		assert_int_equal(store_open(path, STORE_WRITE, &s, &err), ERR_OK);
		assert_int_equal(store_athlete_ensure(s, 1, &err), ERR_OK);
		generate(s, today, &sum);
		races(s, &rl);
		assert_int_equal(rl.n_races, 4);
		for (size_t i = 0; i < rl.n_races; i++) {
			assert_int_equal(date_weekday(rl.races[i].date), WEEKDAY_SUN);
		}
		assert_true(race_named(&rl, "City Marathon")->date >= today - 30);
		assert_true(race_named(&rl, "City Marathon")->date <= today - 24);
		race_list_release(&rl);
		store_close(s);
	}
}

/* A database in use is refused, and nothing is written. */
static void test_refuses_used(void **state)
{
	struct fixture *f = *state;
	struct demo_summary sum;
	struct activity a;
	struct race_list rl = RACE_LIST_INIT;
	struct err err = ERR_INIT;

	activity_init(&a);
	a.athlete_id = 1;
	a.date = TODAY - 1;
	a.duration_s = 1800;
	assert_int_equal(store_activity_add(f->s, &a, &err), ERR_OK);
	activity_release(&a);
	assert_int_equal(demo_generate(f->s, 1, &catalog, TODAY, &sum, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "already holds activities"));
	assert_non_null(strstr(err.msg, f->db));
	assert_false(store_in_transaction(f->s));
	races(f->s, &rl);
	assert_int_equal(rl.n_races, 0);
	race_list_release(&rl);
	/* another athlete's database is still fresh */
	err_clear(&err);
	assert_int_equal(demo_generate(f->s, 2, &catalog, TODAY, &sum, &err), ERR_OK);
	assert_true(sum.activities > 150);
}

/* The second run on the same database is refused: the first made it used. */
static void test_twice(void **state)
{
	struct fixture *f = *state;
	struct demo_summary sum;
	struct err err = ERR_INIT;

	generate(f->s, TODAY, &sum);
	assert_int_equal(demo_generate(f->s, 1, &catalog, TODAY, &sum, &err), ERR_CONFLICT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_races_and_plans, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_body, fixture_setup_store, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_recovery, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_deterministic, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_any_today, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_refuses_used, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_twice, fixture_setup_store, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, load_catalog, free_catalog);
}
