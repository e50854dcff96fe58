/*
 * warn.c: what is being logged against the massage rules (see warn.h).
 */
#include "advice/warn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/spend.h"
#include "base/date.h"
#include "base/units.h"
#include "base/xalloc.h"

#define NOT_ADJACENT "massage-not-adjacent-hard"

bool warn_is_deep(enum modality m)
{
	return m == MOD_MASSAGE_DEEP || m == MOD_MASSAGE_ART || m == MOD_MASSAGE_SPORTS;
}

static bool runs(enum sport s)
{
	return s == SPORT_RUN || s == SPORT_TRAIL;
}

/* The race of ctx on day that was (or will be) run, NULL if none. */
static const struct race *race_on(const struct advice_context *ctx, int32_t day)
{
	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];

		if (r->date == day && r->status != RACE_DNS) {
			return r;
		}
	}
	return NULL;
}

bool warn_activity_is_hard(const struct advice_context *ctx, const struct activity *a,
                           struct strbuf *why)
{
	double hard_rpe = rules_param(ctx->rules, NOT_ADJACENT, "hard_rpe");
	double hard_load = rules_param(ctx->rules, NOT_ADJACENT, "hard_load");
	const struct workout *w = advice_workout_on(ctx, a->date);
	const struct race *race = race_on(ctx, a->date);
	struct strbuf sb = STRBUF_INIT;

	if (a->rpe > 0 && a->rpe >= hard_rpe) {
		strbuf_addf(&sb, "RPE %d", a->rpe);
	} else if (isfinite(a->load) && a->load >= hard_load) {
		strbuf_addf(&sb, "load %.0f", a->load);
	} else if (race && runs(a->sport)) {
		strbuf_addf(&sb, "the race, %s", race->name);
	} else if (w && workout_kind_is_hard(w->kind) && workout_kind_matches(w->kind, a->sport)) {
		strbuf_addf(&sb, "the planned %s", workout_kind_name(w->kind));
	}
	if (sb.len && why) {
		strbuf_add(why, sb.buf, sb.len);
	}
	if (sb.len) {
		strbuf_release(&sb);
		return true;
	}
	strbuf_release(&sb);
	return false;
}

void warn_describe_hard_day(const struct advice_context *ctx, int32_t day, struct strbuf *sb)
{
	const struct race *race = race_on(ctx, day);
	const struct workout *w = advice_workout_on(ctx, day);
	size_t start = sb->len;

	if (!advice_is_hard_day(ctx, day)) {
		return;
	}
	if (race) {
		strbuf_addf(sb, "%s (race)", race->name);
	}
	if (w && workout_kind_is_hard(w->kind) && !(race && w->kind == WORKOUT_RACE)) {
		strbuf_addf(sb, "%splanned %s", sb->len > start ? ", " : "",
		            workout_kind_name(w->kind));
	}
	if (day <= ctx->today) {
		for (size_t i = 0; i < ctx->activities.n_activities; i++) {
			const struct activity *a = &ctx->activities.activities[i];
			struct strbuf why = STRBUF_INIT;

			if (a->date != day) {
				continue;
			}
			/* the race and the plan are said above: only the effort here */
			if ((a->rpe > 0 &&
			     a->rpe >= rules_param(ctx->rules, NOT_ADJACENT, "hard_rpe")) ||
			    (isfinite(a->load) &&
			     a->load >= rules_param(ctx->rules, NOT_ADJACENT, "hard_load"))) {
				warn_activity_is_hard(ctx, a, &why);
				strbuf_addf(sb, "%s%s, %s", sb->len > start ? ", " : "",
				            sport_name(a->sport), why.buf);
			}
			strbuf_release(&why);
		}
	}
	if (sb->len == start) {
		strbuf_adds(sb, "a hard day");
	}
}

void warn_activity(const struct advice_context *ctx, const struct activity *a,
                   struct advice_list *out)
{
	const struct rule *rule = rulebook_get(ctx->rules, "easy-after-massage");
	int days = (int)rule_param(rule, "days");
	struct strbuf why = STRBUF_INIT;
	char day[DATE_ISO_LEN], mday[DATE_ISO_LEN];

	if (!rule->enabled || !warn_activity_is_hard(ctx, a, &why)) {
		strbuf_release(&why);
		return;
	}
	date_format(a->date, day);
	/* the latest massage before the activity speaks for the others */
	for (size_t i = ctx->sessions.n; i-- > 0;) {
		const struct recovery *r = &ctx->sessions.items[i];
		struct advice *adv;
		int32_t gap = a->date - r->day;

		if (!warn_is_deep(r->modality) || gap < 1 || gap > days) {
			continue;
		}
		date_format(r->day, mday);
		adv = advice_add(out, rule, ADVICE_WARNING, a->date, a->date,
		                 "a hard %s on %s (%s) %s after a %s on %s: the day after a "
		                 "massage is for an easy run or rest",
		                 sport_name(a->sport), day, why.buf, gap == 1 ? "the day" : "days",
		                 modality_describe(r->modality), mday);
		advice_fact(adv, "%s on %s", modality_describe(r->modality), mday);
		advice_fact(adv, "%s on %s: %s", sport_name(a->sport), day, why.buf);
		break;
	}
	strbuf_release(&why);
}

/* "Phoenix Half: 2026-12-02, 21.10 km, A race" */
static void add_race_fact(const struct advice_context *ctx, struct advice *adv,
                          const struct race *r)
{
	struct strbuf sb = STRBUF_INIT;
	char d[DATE_ISO_LEN];

	date_format(r->date, d);
	units_add_distance(&sb, r->distance_m, ctx->profile ? ctx->profile->units : UNITS_KM);
	advice_fact(adv, "%s: %s, %s, %s race", r->name, d, sb.buf,
	            race_priority_name(r->priority));
	strbuf_release(&sb);
}

/* massage-pre-race-deep: deep work fewer than min_days before an A race. */
static void pre_race(const struct advice_context *ctx, int32_t day, const char *what,
                     struct advice_list *out)
{
	const struct rule *rule = rulebook_get(ctx->rules, "massage-pre-race-deep");
	int min_days = (int)rule_param(rule, "min_days");
	char d[DATE_ISO_LEN], rd[DATE_ISO_LEN];

	if (!rule->enabled) {
		return;
	}
	date_format(day, d);
	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];
		int before = r->date - day;
		struct advice *adv;

		if (r->priority != RACE_A || r->status == RACE_DNS || before < 0 ||
		    before >= min_days) {
			continue;
		}
		date_format(r->date, rd);
		adv = advice_add(out, rule, ADVICE_WARNING, day, day,
		                 "%s on %s is %d day%s before %s (A race, %s): deep work no later "
		                 "than %d days before an A race",
		                 what, d, before, before == 1 ? "" : "s", r->name, rd, min_days);
		add_race_fact(ctx, adv, r);
		advice_fact(adv, "%s on %s, %d days before it", what, d, before);
	}
}

/* massage-post-race: deep work before from_days after a half or longer. */
static void post_race(const struct advice_context *ctx, int32_t day, const char *what,
                      struct advice_list *out)
{
	const struct rule *rule = rulebook_get(ctx->rules, "massage-post-race");
	double min_m = rule_param(rule, "min_distance_km") * 1000;
	int from_days = (int)rule_param(rule, "from_days");
	char d[DATE_ISO_LEN], rd[DATE_ISO_LEN];

	if (!rule->enabled) {
		return;
	}
	date_format(day, d);
	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];
		int after = day - r->date;
		struct advice *adv;

		/* the day after is the hard day's neighbour: massage-not-adjacent-hard
		 * says that one */
		if (r->distance_m < min_m || r->status == RACE_DNS || after < 2 ||
		    after >= from_days) {
			continue;
		}
		date_format(r->date, rd);
		adv = advice_add(out, rule, ADVICE_WARNING, day, day,
		                 "%s on %s is %d days after %s (%s): wait until day %d after a "
		                 "long race",
		                 what, d, after, r->name, rd, from_days);
		add_race_fact(ctx, adv, r);
	}
}

/* massage-not-adjacent-hard: deep work within `days` of a hard day. */
static void adjacent(const struct advice_context *ctx, int32_t day, const char *what,
                     struct advice_list *out)
{
	const struct rule *rule = rulebook_get(ctx->rules, NOT_ADJACENT);
	int days = (int)rule_param(rule, "days");
	struct strbuf hard = STRBUF_INIT;
	struct advice *adv = NULL;
	char d[DATE_ISO_LEN], hd[DATE_ISO_LEN];

	if (!rule->enabled) {
		return;
	}
	date_format(day, d);
	for (int32_t h = day - days; h <= day + days; h++) {
		if (!advice_is_hard_day(ctx, h)) {
			continue;
		}
		date_format(h, hd);
		strbuf_addf(&hard, "%s%s (", hard.len ? ", " : "", hd);
		warn_describe_hard_day(ctx, h, &hard);
		strbuf_addch(&hard, ')');
	}
	if (hard.len) {
		adv = advice_add(out, rule, ADVICE_WARNING, day, day,
		                 "%s on %s is within %d day%s of a hard day: %s", what, d, days,
		                 days == 1 ? "" : "s", hard.buf);
		advice_fact(adv, "hard days from %d before to %d after: %s", days, days, hard.buf);
	}
	strbuf_release(&hard);
}

void warn_massage(const struct advice_context *ctx, enum modality m, int32_t day, const char *what,
                  struct advice_list *out)
{
	if (!warn_is_deep(m)) {
		return;
	}
	pre_race(ctx, day, what, out);
	post_race(ctx, day, what, out);
	adjacent(ctx, day, what, out);
}

/* budget: the month of r's spend against the profile's budget. */
static void budget(const struct advice_context *ctx, const struct recovery *r,
                   struct advice_list *out)
{
	const struct rule *rule = rulebook_get(ctx->rules, "budget");
	double share = rule_param(rule, "warn_share");
	const char *currency = athlete_currency(ctx->profile);
	struct session_cost *costs;
	struct spend_report rep;
	struct civil c = date_to_civil(r->day);
	int32_t start = date_from_civil(c.year, c.month, 1);
	int32_t end = date_add_months(start, 1) - 1;
	int64_t cash = 0, budget_cents = ctx->profile->budget_cents;
	struct strbuf sb = STRBUF_INIT;
	struct advice *adv;
	bool over;

	if (!rule->enabled || budget_cents < 0 || r->id == 0) {
		return;
	}
	costs = xcalloc(ctx->sessions.n + 1, sizeof(*costs));
	spend_cost_sessions(&ctx->sessions, &ctx->providers, costs);
	for (size_t i = 0; i < ctx->sessions.n; i++) {
		if (ctx->sessions.items[i].id == r->id &&
		    strcmp(costs[i].currency, currency) == 0) {
			cash = costs[i].cash_cents;
		}
	}
	free(costs);
	if (cash <= 0) {
		return;
	}
	spend_report(&ctx->sessions, &ctx->providers, start, end, currency, &rep);
	over = rep.total_cents > budget_cents;
	if (rep.total_cents >= share * (double)budget_cents) {
		units_add_money(&sb, rep.total_cents, currency);
		strbuf_adds(&sb, " of the ");
		units_add_money(&sb, budget_cents, currency);
		adv = advice_add(
		        out, rule, ADVICE_WARNING, start, end,
		        "the recovery spend of %04d-%02d is %s budget%s", c.year, c.month, sb.buf,
		        over ? ": self-massage (roller, stick, ball) costs nothing more" : "");
		strbuf_reset(&sb);
		units_add_money(&sb, rep.session_cents, currency);
		advice_fact(adv, "sessions paid this month: %s", sb.buf);
		strbuf_reset(&sb);
		units_add_money(&sb, rep.fee_cents, currency);
		advice_fact(adv, "membership fees this month: %s", sb.buf);
		advice_fact(adv, "warned from %.0f %% of the budget", share * 100);
	}
	spend_report_release(&rep);
	strbuf_release(&sb);
}

void warn_recovery(const struct advice_context *ctx, const struct recovery *r,
                   struct advice_list *out)
{
	warn_massage(ctx, r->modality, r->day, modality_describe(r->modality), out);
	budget(ctx, r, out);
}
