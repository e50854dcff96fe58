/*
 * test_massage.c: the massage planner (advice/massage.h) on situations
 * built by hand with the built-in rules and regions.
 *
 * What must hold (issue 6): four days after a marathon, deep tissue on
 * days 3 to 5 after it, never within a day of a hard session, and an
 * easy day after; an A race in 8 days, no deep work after day -5 and a
 * Swedish massage on days -3..-1; a budget of 80 a month with a
 * membership, every month within it, the membership first and
 * self-massage beyond. Also each rule's edges: the windows' ends, the
 * hard days of the plan and the log, the kind, the cadence, booked
 * appointments, and rules switched off.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "advice/context.h"
#include "advice/massage.h"
#include "analysis/pmc.h"
#include "base/datafile.h"
#include "base/date.h"
#include "base/xalloc.h"
#include "situation.h"

/* Tuesday 2026-11-24, like the CLI tests' clock. */
#define TODAY date_from_civil(2026, 11, 24)

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

struct fixture {
	struct situation sit;
	struct appointment_list booked;
	struct massage_plan plan;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	situation_init(&f->sit, TODAY);
	f->booked = (struct appointment_list)APPOINTMENT_LIST_INIT;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	massage_plan_release(&f->plan);
	appointment_list_release(&f->booked);
	situation_release(&f->sit);
	free(f);
	return 0;
}

/* ---- building situations ---- */

static struct provider *provider(struct advice_context *ctx, const char *name, int64_t price)
{
	struct provider *p = provider_list_push(&ctx->providers);

	p->id = (int64_t)ctx->providers.n;
	p->athlete_id = 1;
	p->name = xstrdup(name);
	p->kind = PROVIDER_MASSAGE;
	p->price_cents = price;
	memcpy(p->currency, "USD", 4);
	return p;
}

static void member(struct provider *p, int64_t fee, int sessions, int32_t since)
{
	struct membership *m = provider_add_membership(p);

	m->provider_id = p->id;
	m->fee_cents = fee;
	memcpy(m->currency, "USD", 4);
	m->sessions = sessions;
	m->since = since;
	m->until = DATE_NONE;
}

/* A plan of the days first..last, every day easy but those given hard
 * (kinds[i] on hard[i]), ending in a race. */
static void plan(struct advice_context *ctx, int32_t first, int32_t last, const int32_t *hard,
                 const enum workout_kind *kinds, size_t n)
{
	struct plan *p = &ctx->plan;

	p->id = 1;
	p->athlete_id = 1;
	p->race_id = 1;
	p->race_name = xstrdup("Plan Race");
	p->race_distance_m = 21097.5;
	p->template_name = xstrdup("half");
	p->by = PLAN_BY_TIME;
	p->weeks = (last - first) / 7 + 1;
	p->days = 5;
	p->start = first;
	p->race_date = last;
	for (int32_t d = first; d <= last; d++) {
		struct workout *w = plan_push_workout(p);

		w->date = d;
		w->week = (d - first) / 7 + 1;
		w->phase = PLAN_BUILD;
		w->kind = d == last ? WORKOUT_RACE : WORKOUT_EASY;
		for (size_t i = 0; i < n; i++) {
			if (hard[i] == d) {
				w->kind = kinds[i];
			}
		}
		w->target_s = 40 * 60;
		w->target_m = (double)NAN;
		w->description = xstrdup(workout_kind_name(w->kind));
	}
}

static void make(struct fixture *f, int weeks)
{
	massage_plan_release(&f->plan);
	massage_plan_make(&f->sit.ctx, &f->booked, weeks, &f->plan);
}

/* The first item under rule id (by its rule or, for self-massage, the
 * rule that asked), NULL if none. */
static const struct massage_item *item_for(const struct massage_plan *p, const char *id)
{
	for (size_t i = 0; i < p->n_items; i++) {
		const struct massage_item *it = &p->items[i];

		if (strcmp(it->rule->id, id) == 0 ||
		    (it->asked_by && strcmp(it->asked_by->id, id) == 0)) {
			return it;
		}
	}
	return NULL;
}

static size_t count_rule(const struct massage_plan *p, const char *id)
{
	size_t n = 0;

	for (size_t i = 0; i < p->advice.n_items; i++) {
		n += strcmp(p->advice.items[i].rule->id, id) == 0;
	}
	return n;
}

static const struct advice *advice_on(const struct massage_plan *p, const char *id, int32_t from)
{
	for (size_t i = 0; i < p->advice.n_items; i++) {
		const struct advice *a = &p->advice.items[i];

		if (strcmp(a->rule->id, id) == 0 && a->from == from) {
			return a;
		}
	}
	return NULL;
}

/* advice_on that must find it. */
static const struct advice *need(const struct massage_plan *p, const char *id, int32_t from)
{
	const struct advice *a = advice_on(p, id, from);

	if (!a) {
		fail_msg("no advice under %s from day %d", id, (int)from);
		abort();
	}
	return a;
}

/* No item of deep work within a day of a hard day, none on a day of
 * another. */
static void assert_rules_hold(const struct fixture *f)
{
	const struct massage_plan *p = &f->plan;

	for (size_t i = 0; i < p->n_items; i++) {
		const struct massage_item *it = &p->items[i];

		assert_true(it->day >= p->from && it->day <= p->to);
		if (i > 0) {
			assert_true(it->day > p->items[i - 1].day);
		}
		if (it->modality == MOD_MASSAGE_DEEP || it->modality == MOD_MASSAGE_ART ||
		    it->modality == MOD_MASSAGE_SPORTS) {
			for (int32_t d = it->day - 1; d <= it->day + 1; d++) {
				assert_false(advice_is_hard_day(&f->sit.ctx, d));
			}
		}
		assert_true(it->advice < p->advice.n_items);
		assert_ptr_equal(p->advice.items[it->advice].rule, it->rule);
		assert_int_equal(p->advice.items[it->advice].from, it->day);
	}
}

/* ---- after a race ---- */

/* Story 1: four days after a marathon, deep tissue on days 3..5, today
 * (day 4) being the first that fits, and an easy day after it. */
static void post_marathon_deep_tissue(void **state)
{
	struct fixture *f = *state;
	const struct massage_item *it;
	const struct advice *easy;

	situation_race(&f->sit.ctx, "Phoenix Marathon", TODAY - 4, 42.195, RACE_A);
	make(f, 6);
	it = item_for(&f->plan, "massage-post-race");
	assert_non_null(it);
	assert_int_equal(it->modality, MOD_MASSAGE_DEEP);
	assert_int_equal(it->day, TODAY);
	assert_int_equal(it->source, MASSAGE_SUGGESTED);
	assert_null(it->provider); /* knead knows no therapist */
	assert_int_equal(it->cost_cents, -1);
	assert_true(strstr(f->plan.advice.items[it->advice].text, "4 days after Phoenix Marathon"));
	assert_true(situation_has_fact(&f->plan.advice.items[it->advice], "knead provider add"));
	easy = need(&f->plan, "easy-after-massage", TODAY + 1);
	assert_int_equal(easy->kind, ADVICE_ADVICE);
	assert_true(strstr(easy->text, "easy run or rest"));
	assert_non_null(advice_on(&f->plan, "hydrate-after-massage", TODAY));
	assert_int_equal(count_rule(&f->plan, "massage-post-race"), 1);
	assert_rules_hold(f);
}

/* A hard session yesterday (day 3 after the race) rules out today: day 5
 * it is, and the skipped day is said. */
static void post_race_skips_a_day_next_to_a_hard_one(void **state)
{
	struct fixture *f = *state;
	const struct massage_item *it;

	situation_race(&f->sit.ctx, "Phoenix Marathon", TODAY - 4, 42.195, RACE_A);
	situation_act(&f->sit.ctx, SPORT_BIKE, TODAY - 1, 8);
	make(f, 6);
	it = item_for(&f->plan, "massage-post-race");
	assert_non_null(it);
	assert_int_equal(it->day, TODAY + 1);
	assert_true(situation_has_fact(
	        &f->plan.advice.items[it->advice],
	        "2026-11-24: within 1 day of a hard day, 2026-11-23 (bike, RPE 8)"));
	assert_rules_hold(f);
}

/* Planned hard workouts block the whole window: the massage slips past it
 * to the first day a day away from them, and says so. */
static void post_race_slips_past_planned_hard_days(void **state)
{
	struct fixture *f = *state;
	static const enum workout_kind kinds[] = { WORKOUT_INTERVALS, WORKOUT_TEMPO };
	int32_t hard[] = { TODAY, TODAY + 2 };
	const struct massage_item *it;

	situation_race(&f->sit.ctx, "City Half", TODAY - 3, 21.1,
	               RACE_B); /* window: today..today+2 */
	plan(&f->sit.ctx, TODAY - 7, TODAY + 60, hard, kinds, 2);
	make(f, 6);
	it = item_for(&f->plan, "massage-post-race");
	assert_non_null(it);
	assert_int_equal(it->day, TODAY + 4);
	assert_true(strstr(f->plan.advice.items[it->advice].text, "later than days 3 to 5"));
	assert_rules_hold(f);
}

/* A 10k asks for no post-race massage; a massage already had after the
 * race is the post-race massage. */
static void post_race_only_after_long_races_once(void **state)
{
	struct fixture *f = *state;

	situation_race(&f->sit.ctx, "Turkey Trot", TODAY - 4, 10, RACE_B);
	make(f, 2);
	assert_null(item_for(&f->plan, "massage-post-race"));
	situation_race(&f->sit.ctx, "Phoenix Marathon", TODAY - 4, 42.195, RACE_A);
	situation_session(&f->sit.ctx, MOD_MASSAGE_DEEP, TODAY - 1);
	make(f, 2);
	assert_null(item_for(&f->plan, "massage-post-race"));
}

/* A window already past is not suggested late. */
static void post_race_window_past(void **state)
{
	struct fixture *f = *state;

	situation_race(&f->sit.ctx, "Phoenix Marathon", TODAY - 6, 42.195, RACE_A);
	make(f, 2);
	assert_null(item_for(&f->plan, "massage-post-race"));
}

/* ---- before a race ---- */

/* Story 2: an A race in 8 days. No massage for months: the early end of
 * the window, today; nothing deep after day -5; Swedish on day -2. */
static void a_race_in_eight_days(void **state)
{
	struct fixture *f = *state;
	int32_t race_day = TODAY + 8;
	const struct massage_item *deep, *light;

	situation_race(&f->sit.ctx, "Phoenix Half", race_day, 21.1, RACE_A);
	make(f, 6);
	deep = item_for(&f->plan, "massage-pre-race-deep");
	light = item_for(&f->plan, "massage-pre-race-light");
	assert_non_null(deep);
	assert_non_null(light);
	assert_int_equal(deep->day, TODAY);
	assert_int_equal(deep->modality, MOD_MASSAGE_DEEP);
	assert_int_equal(light->day, race_day - 2);
	assert_int_equal(light->modality, MOD_MASSAGE_SWEDISH);
	for (size_t i = 0; i < f->plan.n_items; i++) {
		const struct massage_item *it = &f->plan.items[i];

		if (it->day > race_day - 5 && it->day <= race_day) {
			assert_int_not_equal(it->modality, MOD_MASSAGE_DEEP);
			assert_int_not_equal(it->modality, MOD_MASSAGE_ART);
			assert_int_not_equal(it->modality, MOD_MASSAGE_SPORTS);
		}
	}
	assert_true(situation_has_fact(&f->plan.advice.items[deep->advice], "early end"));
	/* after the half: deep tissue 3 days after it */
	assert_int_equal(item_for(&f->plan, "massage-post-race")->day, race_day + 3);
	assert_rules_hold(f);
}

/* As of an earlier day (--date), a race since run was still ahead; one
 * not started (DNS) was not. */
static void a_race_run_since_was_ahead_then(void **state)
{
	struct fixture *f = *state;
	struct race *r = situation_race(&f->sit.ctx, "Phoenix Half", TODAY + 8, 21.1, RACE_A);

	r->status = RACE_DONE;
	make(f, 2);
	assert_int_equal(item_for(&f->plan, "massage-pre-race-deep")->day, TODAY);
	assert_int_equal(item_for(&f->plan, "massage-pre-race-light")->day, TODAY + 6);
	r->status = RACE_DNS;
	make(f, 2);
	assert_int_equal(f->plan.n_items, 0);
}

/* A massage 10 days ago: the late end, day -5. */
static void pre_race_late_end_after_a_recent_massage(void **state)
{
	struct fixture *f = *state;
	const struct massage_item *deep;

	situation_race(&f->sit.ctx, "Phoenix Half", TODAY + 8, 21.1, RACE_A);
	situation_session(&f->sit.ctx, MOD_MASSAGE_SPORTS, TODAY - 10);
	make(f, 2);
	deep = item_for(&f->plan, "massage-pre-race-deep");
	assert_non_null(deep);
	assert_int_equal(deep->day, TODAY + 3);
	assert_true(situation_has_fact(&f->plan.advice.items[deep->advice], "late end"));
}

/* The late end next to a planned long run moves a day earlier; B races
 * get a Swedish massage but no pre-race deep work. */
static void pre_race_around_the_plan(void **state)
{
	struct fixture *f = *state;
	static const enum workout_kind kinds[] = { WORKOUT_LONG };
	int32_t hard[] = { TODAY + 4 };
	const struct massage_item *deep;

	situation_race(&f->sit.ctx, "Phoenix Half", TODAY + 8, 21.1, RACE_A);
	situation_session(&f->sit.ctx, MOD_MASSAGE_SPORTS, TODAY - 10);
	plan(&f->sit.ctx, TODAY - 14, TODAY + 8, hard, kinds, 1);
	make(f, 2);
	deep = item_for(&f->plan, "massage-pre-race-deep");
	assert_int_equal(deep->day, TODAY + 2);
	assert_rules_hold(f);

	massage_plan_release(&f->plan);
	f->sit.ctx.races.races[0].priority = RACE_B;
	make(f, 2);
	assert_null(item_for(&f->plan, "massage-pre-race-deep"));
	assert_int_equal(item_for(&f->plan, "massage-pre-race-light")->day, TODAY + 6);
}

/* ---- the kind ---- */

/* Adhesions found in the injured hamstrings: ART, under massage-type. */
static void adhesions_ask_for_art(void **state)
{
	struct fixture *f = *state;
	struct injury *inj = injury_list_push(&f->sit.ctx.injuries);
	struct recovery *r;
	struct recovery_region *rr;
	const struct massage_item *it;

	inj->id = 1;
	memcpy(inj->region, "hamstrings", sizeof("hamstrings"));
	inj->side = SIDE_RIGHT;
	inj->onset = TODAY - 20;
	inj->status = INJURY_ACTIVE;
	r = situation_session(&f->sit.ctx, MOD_PHYSIO, TODAY - 12);
	rr = recovery_add_region(r, "biceps-femoris", SIDE_RIGHT);
	rr->finding = FINDING_ADHESION;
	rr->severity = 2;
	situation_race(&f->sit.ctx, "Phoenix Marathon", TODAY - 4, 42.195, RACE_A);
	make(f, 1);
	it = item_for(&f->plan, "massage-post-race");
	assert_int_equal(it->modality, MOD_MASSAGE_ART);
	assert_non_null(it->type_rule);
	assert_string_equal(it->type_rule->id, "massage-type");
	assert_true(situation_has_fact(&f->plan.advice.items[it->advice],
	                               "adhesions found in the hamstrings"));

	/* resolved, it no longer asks */
	inj->status = INJURY_RESOLVED;
	inj->resolved = TODAY - 2;
	make(f, 1);
	assert_int_equal(item_for(&f->plan, "massage-post-race")->modality, MOD_MASSAGE_DEEP);
}

/* The cadence's kind: deep tissue in a heavy block, sports massage in a
 * light one, Swedish in a race week. */
static void cadence_kind_follows_the_block(void **state)
{
	struct fixture *f = *state;
	double loads[60];
	const struct massage_item *it;

	for (int32_t d = TODAY - 27; d < TODAY; d += 2) {
		situation_act(&f->sit.ctx, SPORT_RUN, d, 4);
	}
	make(f, 1);
	it = item_for(&f->plan, "maintenance-cadence");
	assert_non_null(it);
	assert_int_equal(it->day, TODAY);
	assert_int_equal(it->modality, MOD_MASSAGE_SPORTS);
	assert_null(it->type_rule);

	for (size_t i = 0; i < 60; i++) {
		loads[i] = 70;
	}
	f->sit.ctx.fitness = xcalloc(60, sizeof(*f->sit.ctx.fitness));
	f->sit.ctx.n_fitness = 60;
	pmc_compute(loads, 60, TODAY - 59, NULL, f->sit.ctx.fitness);
	make(f, 1);
	it = item_for(&f->plan, "maintenance-cadence");
	assert_int_equal(it->modality, MOD_MASSAGE_DEEP);
	assert_string_equal(it->type_rule->id, "massage-type");

	situation_race(&f->sit.ctx, "Tune-up 10k", TODAY + 5, 10, RACE_B);
	situation_disable(
	        &f->sit.rules,
	        "massage-pre-race-light"); /* its Swedish massage would stand for this one */
	make(f, 1);
	it = item_for(&f->plan, "maintenance-cadence");
	assert_int_equal(it->modality, MOD_MASSAGE_SWEDISH);
	assert_int_equal(it->day, TODAY);
}

/* ---- the cadence ---- */

/* In a plan's block, one every 28 days from the last; not outside a
 * block; a race massage near the due day stands for one. */
static void cadence_every_four_weeks(void **state)
{
	struct fixture *f = *state;
	const struct massage_item *it;
	size_t n = 0;

	plan(&f->sit.ctx, TODAY - 21, TODAY + 120, NULL, NULL, 0);
	situation_session(&f->sit.ctx, MOD_MASSAGE_SPORTS, TODAY - 14);
	make(f, 10);
	for (size_t i = 0; i < f->plan.n_items; i++) {
		it = &f->plan.items[i];
		assert_string_equal(it->rule->id, "maintenance-cadence");
		assert_int_equal(it->day, TODAY - 14 + 28 * (int32_t)(n + 1));
		n++;
	}
	assert_int_equal(n, 2);
	assert_true(strstr(f->plan.advice.items[f->plan.items[0].advice].text,
	                   "the last was 2026-11-10"));

	/* no plan, no regular training: no block */
	plan_release(&f->sit.ctx.plan);
	plan_init(&f->sit.ctx.plan);
	make(f, 10);
	assert_int_equal(f->plan.n_items, 0);
}

/* ---- booked appointments ---- */

static struct appointment *book(struct fixture *f, enum modality m, int32_t date, const char *rule)
{
	struct appointment *a = appointment_list_push(&f->booked);

	a->id = (int64_t)f->booked.n;
	a->athlete_id = 1;
	a->day = date;
	a->modality = m;
	a->status = APPOINTMENT_BOOKED;
	a->rule = rule ? xstrdup(rule) : NULL;
	return a;
}

/* A booked post-race massage is the post-race massage; booked next to a
 * hard day, it is warned; a hard workout planned after it is flagged. */
static void booked_appointments_count(void **state)
{
	struct fixture *f = *state;
	static const enum workout_kind kinds[] = { WORKOUT_INTERVALS };
	int32_t hard[] = { TODAY + 2 };
	const struct massage_item *it;
	const struct advice *easy;

	situation_race(&f->sit.ctx, "Phoenix Marathon", TODAY - 4, 42.195, RACE_A);
	plan(&f->sit.ctx, TODAY - 1, TODAY + 30, hard, kinds, 1);
	book(f, MOD_MASSAGE_DEEP, TODAY + 1, "massage-post-race");
	book(f, MOD_MASSAGE_SWEDISH, TODAY + 10, NULL)->status = APPOINTMENT_CANCELLED;
	make(f, 2);
	it = item_for(&f->plan, "massage-post-race");
	assert_int_equal(it->source, MASSAGE_BOOKED);
	assert_int_equal(it->appointment_id, 1);
	assert_int_equal(it->day, TODAY + 1);
	assert_true(strstr(f->plan.advice.items[it->advice].text, "booked: "));
	easy = need(&f->plan, "easy-after-massage", TODAY + 2);
	assert_int_equal(easy->kind, ADVICE_WARNING);
	assert_true(strstr(easy->text, "intervals on 2026-11-26"));
	assert_non_null(advice_on(&f->plan, "massage-not-adjacent-hard", TODAY + 1));
	for (size_t i = 0; i < f->plan.n_items; i++) {
		assert_int_not_equal(f->plan.items[i].modality, MOD_MASSAGE_SWEDISH);
	}
}

/* ---- money ---- */

/* Story 5: a budget of 80 a month and a 50/month membership with one
 * session: the membership's sessions first, the cheapest therapist when
 * the month has room, self-massage when it has not, every month within
 * the budget. */
static void budget_of_eighty_with_a_membership(void **state)
{
	struct fixture *f = *state;
	struct provider *studio, *cheap;
	const struct massage_item *deep, *light, *post;

	f->sit.profile.budget_cents = 8000;
	studio = provider(&f->sit.ctx, "Knead Studio", 9000);
	member(studio, 5000, 1, day(2026, 11, 1));
	cheap = provider(&f->sit.ctx, "Thrifty Hands", 6000);
	situation_race(&f->sit.ctx, "Phoenix Half", day(2026, 12, 13), 21.1, RACE_A);
	make(f, 6);
	deep = item_for(&f->plan, "massage-pre-race-deep");
	light = item_for(&f->plan, "massage-pre-race-light");
	post = item_for(&f->plan, "massage-post-race");
	assert_non_null(deep);
	assert_non_null(light);
	assert_non_null(post);
	assert_ptr_equal(deep->provider, studio);
	assert_true(deep->membership);
	assert_int_equal(deep->cost_cents, 0);
	assert_int_equal(deep->day, day(2026, 11, 28));
	assert_ptr_equal(light->provider, studio); /* December's session */
	assert_true(light->membership);
	/* December has 50 in fees: Thrifty's 60 would take it to 110 */
	assert_string_equal(post->rule->id, "budget");
	assert_string_equal(post->asked_by->id, "massage-post-race");
	assert_int_equal(post->asked_modality, MOD_MASSAGE_DEEP);
	assert_int_equal(post->modality, MOD_ROLL);
	assert_null(post->provider);
	assert_int_equal(post->cost_cents, 0);
	assert_true(strstr(f->plan.advice.items[post->advice].text, "self-massage"));
	assert_true(situation_has_fact(&f->plan.advice.items[post->advice],
	                               "would take the month to $110.00"));
	/* no easy-after or water for self-massage */
	assert_null(advice_on(&f->plan, "easy-after-massage", post->day + 1));
	for (size_t i = 0; i < f->plan.n_months; i++) {
		const struct massage_month *m = &f->plan.months[i];

		assert_true(m->spent_cents + m->planned_cents <= 8000);
		assert_int_equal(m->spent_cents, 5000);
	}
	(void)cheap;

	/* without a budget, the cheapest therapist */
	f->sit.profile.budget_cents = -1;
	make(f, 6);
	post = item_for(&f->plan, "massage-post-race");
	assert_string_equal(post->rule->id, "massage-post-race");
	assert_ptr_equal(post->provider, cheap);
	assert_int_equal(post->cost_cents, 6000);
	assert_int_equal(post->modality, MOD_MASSAGE_DEEP);
}

/* A membership session used by a logged session is not offered again
 * that period; a month already spent near the budget is warned. */
static void budget_counts_what_was_spent(void **state)
{
	struct fixture *f = *state;
	struct provider *studio;
	struct recovery *r;
	const struct massage_item *it;
	const struct advice *warn;

	f->sit.profile.budget_cents = 8000;
	studio = provider(&f->sit.ctx, "Knead Studio", 9000);
	member(studio, 5000, 1, day(2026, 11, 1));
	r = situation_session(&f->sit.ctx, MOD_MASSAGE_SPORTS, day(2026, 11, 3));
	r->provider_id = studio->id;
	r = situation_session(&f->sit.ctx, MOD_MASSAGE_SWEDISH, day(2026, 11, 20));
	r->cost_cents = 2000;
	memcpy(r->currency, "USD", 4);
	situation_race(&f->sit.ctx, "Phoenix Marathon", TODAY - 4, 42.195, RACE_A);
	make(f, 1);
	it = item_for(&f->plan, "massage-post-race");
	assert_string_equal(it->rule->id, "budget"); /* 70 spent, 90 more is too much */
	assert_int_equal(f->plan.months[0].spent_cents, 7000);
	warn = need(&f->plan, "budget", TODAY);
	assert_int_equal(warn->kind, ADVICE_WARNING);
	assert_true(strstr(warn->text, "$70.00 of the $80.00"));
}

/* An included session booked later in the period is taken: a new
 * massage earlier in it is paid, and here past the budget. */
static void booked_membership_sessions_are_taken(void **state)
{
	struct fixture *f = *state;
	struct provider *studio;
	struct appointment *a;
	const struct massage_item *it;

	f->sit.profile.budget_cents = 8000;
	studio = provider(&f->sit.ctx, "Knead Studio", 9000);
	member(studio, 5000, 1, day(2026, 11, 1));
	provider(&f->sit.ctx, "Thrifty Hands", 6000);
	situation_race(&f->sit.ctx, "Phoenix Half", day(2026, 12, 13), 21.1, RACE_A);
	a = book(f, MOD_MASSAGE_SWEDISH, day(2026, 11, 30), "maintenance-cadence");
	a->provider_id = studio->id;
	a->cost_cents = 0;
	memcpy(a->currency, "USD", 4);
	make(f, 1);
	assert_true(f->plan.items[1].membership);
	assert_int_equal(f->plan.items[1].source, MASSAGE_BOOKED);
	it = item_for(&f->plan, "massage-pre-race-deep");
	assert_int_equal(it->day, day(2026, 11, 28));
	assert_string_equal(it->rule->id, "budget");
	assert_true(situation_has_fact(&f->plan.advice.items[it->advice],
	                               "$60.00 would take the month to "
	                               "$110.00"));
}

/* ---- switches ---- */

static void rules_switched_off_say_nothing(void **state)
{
	struct fixture *f = *state;

	situation_race(&f->sit.ctx, "Phoenix Marathon", TODAY - 4, 42.195, RACE_A);
	situation_race(&f->sit.ctx, "Phoenix Half", TODAY + 20, 21.1, RACE_A);
	situation_disable(&f->sit.rules, "massage-post-race");
	situation_disable(&f->sit.rules, "massage-pre-race-light");
	situation_disable(&f->sit.rules, "hydrate-after-massage");
	make(f, 6);
	assert_null(item_for(&f->plan, "massage-post-race"));
	assert_null(item_for(&f->plan, "massage-pre-race-light"));
	assert_non_null(item_for(&f->plan, "massage-pre-race-deep"));
	assert_int_equal(count_rule(&f->plan, "hydrate-after-massage"), 0);
	assert_int_equal(count_rule(&f->plan, "easy-after-massage"), 1);
}

/* Weeks are held to 1..MASSAGE_MAX_WEEKS. */
static void weeks_are_bounded(void **state)
{
	struct fixture *f = *state;

	make(f, 0);
	assert_int_equal(f->plan.to - f->plan.from, 6);
	make(f, 1000);
	assert_int_equal(f->plan.to - f->plan.from + 1, 7 * MASSAGE_MAX_WEEKS);
	assert_true(f->plan.to <= f->sit.ctx.until);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(post_marathon_deep_tissue, setup, teardown),
		cmocka_unit_test_setup_teardown(post_race_skips_a_day_next_to_a_hard_one, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(post_race_slips_past_planned_hard_days, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(post_race_only_after_long_races_once, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(post_race_window_past, setup, teardown),
		cmocka_unit_test_setup_teardown(a_race_in_eight_days, setup, teardown),
		cmocka_unit_test_setup_teardown(a_race_run_since_was_ahead_then, setup, teardown),
		cmocka_unit_test_setup_teardown(pre_race_late_end_after_a_recent_massage, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(pre_race_around_the_plan, setup, teardown),
		cmocka_unit_test_setup_teardown(adhesions_ask_for_art, setup, teardown),
		cmocka_unit_test_setup_teardown(cadence_kind_follows_the_block, setup, teardown),
		cmocka_unit_test_setup_teardown(cadence_every_four_weeks, setup, teardown),
		cmocka_unit_test_setup_teardown(booked_appointments_count, setup, teardown),
		cmocka_unit_test_setup_teardown(budget_of_eighty_with_a_membership, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(budget_counts_what_was_spent, setup, teardown),
		cmocka_unit_test_setup_teardown(booked_membership_sessions_are_taken, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(rules_switched_off_say_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(weeks_are_bounded, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
