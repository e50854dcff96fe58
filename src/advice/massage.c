/*
 * massage.c: the massage planner (see massage.h).
 *
 * The plan is made in passes over a small set of days (at most
 * MASSAGE_MAX_WEEKS weeks): placing, choosing providers and costs, then
 * writing the advice lines. While placing, each massage keeps a draft of
 * what it is for and the facts behind it; the lines are written once the
 * provider and the money are known.
 */
#include "advice/massage.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "advice/warn.h"
#include "analysis/spend.h"
#include "base/bug.h"
#include "base/date.h"
#include "base/units.h"
#include "base/xalloc.h"

/* A cadence massage goes on its due day or up to a week after. */
#define CADENCE_SEARCH_DAYS 8

/* What a placed massage is for, until its line is written. */
struct draft {
	struct strbuf what;  /* "4 days after Phoenix Marathon (2026-11-22)" */
	struct strbuf facts; /* fact lines, each ending in '\n' */
};

/* The kinds of request the type rule is asked about. */
enum request {
	REQUEST_POST_RACE, /* deep tissue unless an adhesion asks for ART */
	REQUEST_PRE_RACE,  /* the same */
	REQUEST_CADENCE,   /* by the block: Swedish in race week, ART, deep, else sports */
};

struct planner {
	const struct advice_context *ctx;
	const struct rulebook *rb;
	struct massage_plan *plan;
	struct draft *drafts; /* one per plan->items, same index */
	size_t drafts_alloc;
	struct advice_list notes; /* lines not tied to a massage (a blocked window) */
};

bool massage_is_self(enum modality m)
{
	return m == MOD_ROLL || m == MOD_STICK || m == MOD_BALL;
}

/* Whether race r is still ahead on ctx's day: after it, and not a DNS.
 * A race done or DNF after that day was ahead then (an earlier --date);
 * one registered on an earlier day was run, whatever its status says. */
static bool ahead(const struct advice_context *ctx, const struct race *r)
{
	return r->date > ctx->today && r->status != RACE_DNS;
}

static bool is_massage(enum modality m)
{
	return modality_kind(m) == MODALITY_MASSAGE;
}

/* The rule id in rb, NULL if it has none (a rule id stored with an
 * appointment may come from an older rules file). */
static const struct rule *find_rule(const struct rulebook *rb, const char *id)
{
	for (size_t i = 0; id && i < rb->n_rules; i++) {
		if (strcmp(rb->rules[i].id, id) == 0) {
			return &rb->rules[i];
		}
	}
	return NULL;
}

static void add_date(struct strbuf *sb, int32_t day)
{
	char buf[DATE_ISO_LEN];

	date_format(day, buf);
	strbuf_adds(sb, buf);
}

static void add_distance(struct strbuf *sb, const struct advice_context *ctx, double m)
{
	units_add_distance(sb, m, ctx->profile ? ctx->profile->units : UNITS_KM);
}

/* ---- the items ---- */

static struct massage_item *add_item(struct planner *p, int32_t day, enum modality m,
                                     const struct rule *rule, struct draft **draft)
{
	struct massage_plan *plan = p->plan;
	struct massage_item *it;
	size_t alloc = p->drafts_alloc;

	xgrow((void **)&plan->items, &plan->alloc, plan->n_items + 1, sizeof(*plan->items));
	xgrow((void **)&p->drafts, &alloc, plan->n_items + 1, sizeof(*p->drafts));
	p->drafts_alloc = alloc;
	it = &plan->items[plan->n_items];
	memset(it, 0, sizeof(*it));
	it->day = day;
	it->modality = m;
	it->rule = rule;
	it->cost_cents = -1;
	*draft = &p->drafts[plan->n_items++];
	strbuf_init(&(*draft)->what, 0);
	strbuf_init(&(*draft)->facts, 0);
	return it;
}

/* Whether a massage (logged or in the plan) is on day. */
static bool massage_on(const struct planner *p, int32_t day)
{
	for (size_t i = 0; i < p->plan->n_items; i++) {
		if (p->plan->items[i].day == day) {
			return true;
		}
	}
	for (size_t i = 0; i < p->ctx->sessions.n; i++) {
		const struct recovery *r = &p->ctx->sessions.items[i];

		if (r->day == day && is_massage(r->modality)) {
			return true;
		}
	}
	return false;
}

/* Whether there is a massage, logged or planned, in [lo, hi]; deep work
 * only with deep. Self-massage in the plan counts too: it was booked in
 * a massage's place (the budget), while the runner's everyday rolling in
 * the log does not. */
static bool massage_within(const struct planner *p, int32_t lo, int32_t hi, bool deep)
{
	for (size_t i = 0; i < p->plan->n_items; i++) {
		const struct massage_item *it = &p->plan->items[i];

		if (it->day >= lo && it->day <= hi &&
		    ((is_massage(it->modality) && (!deep || warn_is_deep(it->modality))) ||
		     massage_is_self(it->modality))) {
			return true;
		}
	}
	for (size_t i = 0; i < p->ctx->sessions.n; i++) {
		const struct recovery *r = &p->ctx->sessions.items[i];

		if (r->day >= lo && r->day <= hi && is_massage(r->modality) &&
		    (!deep || warn_is_deep(r->modality))) {
			return true;
		}
	}
	return false;
}

/* The latest logged massage on or before today, DATE_NONE if none. */
static int32_t last_massage(const struct planner *p)
{
	const struct recovery *r = advice_last_massage(p->ctx);

	return r ? r->day : DATE_NONE;
}

/* ---- what deep work may not be next to ---- */

/* Whether deep work may be on day; if not, say why on sb. */
static bool deep_allowed(const struct planner *p, int32_t day, struct strbuf *sb)
{
	const struct advice_context *ctx = p->ctx;
	const struct rule *adj = rulebook_get(p->rb, "massage-not-adjacent-hard");
	const struct rule *pre = rulebook_get(p->rb, "massage-pre-race-deep");
	const struct rule *post = rulebook_get(p->rb, "massage-post-race");
	int days = (int)rule_param(adj, "days");
	int min_days = (int)rule_param(pre, "min_days");
	int from_days = (int)rule_param(post, "from_days");
	double min_m = rule_param(post, "min_distance_km") * 1000;

	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];
		int before = r->date - day;

		if (pre->enabled && r->priority == RACE_A && ahead(ctx, r) && before >= 0 &&
		    before < min_days) {
			strbuf_addf(sb, "fewer than %d days before %s (A race) [%s]", min_days,
			            r->name, pre->id);
			return false;
		}
		if (post->enabled && r->distance_m >= min_m && r->status != RACE_DNS &&
		    -before >= 1 && -before < from_days) {
			strbuf_addf(sb, "%d day%s after %s, before day %d [%s]", -before,
			            before == -1 ? "" : "s", r->name, from_days, post->id);
			return false;
		}
	}
	if (!adj->enabled) {
		return true;
	}
	for (int32_t h = day - days; h <= day + days; h++) {
		if (advice_is_hard_day(ctx, h)) {
			strbuf_addf(sb, "within %d day%s of a hard day, ", days,
			            days == 1 ? "" : "s");
			add_date(sb, h);
			strbuf_adds(sb, " (");
			warn_describe_hard_day(ctx, h, sb);
			strbuf_addf(sb, ") [%s]", adj->id);
			return false;
		}
	}
	return true;
}

/* ---- which kind ---- */

/* The region's name for the text, its code without a catalogue. */
static const char *region_label(const struct advice_context *ctx, const char *code)
{
	const struct region *r = ctx->regions ? region_by_code(ctx->regions, code) : NULL;

	return r ? r->name : code;
}

static bool same_region(const struct advice_context *ctx, const char *a, const char *b)
{
	const struct region *ra, *rb;

	if (strcmp(a, b) == 0) {
		return true;
	}
	if (!ctx->regions) {
		return false;
	}
	ra = region_by_code(ctx->regions, a);
	rb = region_by_code(ctx->regions, b);
	return ra && rb && region_overlaps(ctx->regions, ra, rb);
}

/* An injury not resolved whose region had adhesions found in a session
 * since its onset: the session, and the injury through *inj. */
static const struct recovery *adhesion(const struct advice_context *ctx, const struct injury **inj)
{
	for (size_t i = 0; i < ctx->injuries.n; i++) {
		const struct injury *in = &ctx->injuries.items[i];

		if (in->status == INJURY_RESOLVED) {
			continue;
		}
		for (size_t j = ctx->sessions.n; j-- > 0;) {
			const struct recovery *r = &ctx->sessions.items[j];

			if (r->day < in->onset || r->day > ctx->today) {
				continue;
			}
			for (size_t k = 0; k < r->n_regions; k++) {
				const struct recovery_region *rr = &r->regions[k];

				if (rr->finding == FINDING_ADHESION &&
				    same_region(ctx, rr->region, in->region) &&
				    side_overlaps(rr->side, in->side)) {
					*inj = in;
					return r;
				}
			}
		}
	}
	return NULL;
}

/* The next race (A or B, still ahead) within race_week_days after day. */
static const struct race *race_week(const struct advice_context *ctx, int32_t day, int week)
{
	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];

		if (ahead(ctx, r) && r->priority != RACE_C && r->date > day &&
		    r->date - day <= week) {
			return r;
		}
	}
	return NULL;
}

/* The kind of massage for request on day; *type_rule gets massage-type
 * when that rule decided it, and why a fact line. */
static enum modality choose_kind(const struct planner *p, int32_t day, enum request req,
                                 const struct rule **type_rule, struct strbuf *why)
{
	const struct advice_context *ctx = p->ctx;
	const struct rule *rule = rulebook_get(p->rb, "massage-type");
	enum modality fallback = req == REQUEST_CADENCE ? MOD_MASSAGE_SPORTS : MOD_MASSAGE_DEEP;
	const struct pmc_day *fit = advice_fitness_on(ctx, ctx->today);
	const struct injury *inj = NULL;
	const struct recovery *found;
	const struct race *race;

	*type_rule = NULL;
	if (!rule->enabled) {
		return fallback;
	}
	race = req == REQUEST_CADENCE ? race_week(ctx, day, (int)rule_param(rule, "race_week_days"))
	                              : NULL;
	if (race) {
		*type_rule = rule;
		strbuf_addf(why, "Swedish: the week before %s (", race->name);
		add_date(why, race->date);
		strbuf_addf(why, ") [%s]", rule->id);
		return MOD_MASSAGE_SWEDISH;
	}
	found = adhesion(ctx, &inj);
	if (found) {
		*type_rule = rule;
		strbuf_addf(why, "ART: adhesions found in the %s on ",
		            region_label(ctx, inj->region));
		add_date(why, found->day);
		strbuf_addf(why, ", injured since ");
		add_date(why, inj->onset);
		strbuf_addf(why, " [%s]", rule->id);
		return MOD_MASSAGE_ART;
	}
	if (req == REQUEST_CADENCE && fit &&
	    ((isfinite(fit->acwr_ewma) && fit->acwr_ewma >= rule_param(rule, "heavy_acwr")) ||
	     fit->ctl >= rule_param(rule, "heavy_ctl"))) {
		*type_rule = rule;
		strbuf_addf(why,
		            "deep tissue: a heavy block, fitness (CTL) %.0f, acute:chronic ratio "
		            "%.2f (heavy from %.0f or %.2f) [%s]",
		            fit->ctl, fit->acwr_ewma, rule_param(rule, "heavy_ctl"),
		            rule_param(rule, "heavy_acwr"), rule->id);
		return MOD_MASSAGE_DEEP;
	}
	if (req == REQUEST_CADENCE) {
		strbuf_adds(why, "sports massage: no injury with adhesions, no heavy block");
	}
	return fallback;
}

/* ---- placing ---- */

/* Place a massage asked for by rule on the first of days[0..n) that is
 * free and allowed: of modality fixed, or (MODALITY_COUNT) of the kind
 * choose_kind finds for req on the day. The days passed over are said in
 * the draft's facts ("not DAY: why"). NULL if no day fits (then skipped
 * holds why). */
static struct massage_item *place(struct planner *p, const struct rule *rule, enum request req,
                                  enum modality fixed, const int32_t *days, size_t n,
                                  struct strbuf *skipped)
{
	struct strbuf why = STRBUF_INIT;

	for (size_t i = 0; i < n; i++) {
		int32_t d = days[i];
		const struct rule *type_rule = NULL;
		enum modality m = fixed;
		struct massage_item *it;
		struct draft *dr;

		if (d < p->plan->from || d > p->plan->to) {
			continue;
		}
		strbuf_reset(&why);
		if (massage_on(p, d)) {
			strbuf_adds(skipped, "not ");
			add_date(skipped, d);
			strbuf_adds(skipped, ": another massage that day\n");
			continue;
		}
		if (m == MODALITY_COUNT) {
			m = choose_kind(p, d, req, &type_rule, &why);
		}
		if (warn_is_deep(m)) {
			struct strbuf no = STRBUF_INIT;

			if (!deep_allowed(p, d, &no)) {
				strbuf_adds(skipped, "not ");
				add_date(skipped, d);
				strbuf_addf(skipped, ": %s\n", no.buf);
				strbuf_release(&no);
				continue;
			}
			strbuf_release(&no);
		}
		it = add_item(p, d, m, rule, &dr);
		it->source = MASSAGE_SUGGESTED;
		it->type_rule = type_rule;
		strbuf_add(&dr->facts, skipped->buf, skipped->len);
		if (why.len) {
			strbuf_addf(&dr->facts, "kind: %s\n", why.buf);
		}
		strbuf_release(&why);
		return it;
	}
	strbuf_release(&why);
	return NULL;
}

/* Add each line of facts ("...\n...\n") to a. */
static void add_facts(struct advice *a, const struct strbuf *facts)
{
	const char *line = facts->buf;

	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);

		if (len) {
			advice_fact(a, "%.*s", (int)len, line);
		}
		line += len + (nl != NULL);
	}
}

/* A line (printf-style) for a rule whose window [lo, hi] (cut to the plan's days) has no
 * fitting day, with why each day was not (skipped: "not DAY: why" lines)
 * as its facts. */
__attribute__((format(printf, 6, 7))) static void
note_blocked(struct planner *p, const struct rule *rule, int32_t lo, int32_t hi,
             const struct strbuf *skipped, const char *fmt, ...)
{
	struct strbuf text = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&text, fmt, ap);
	va_end(ap);
	/* only the part of the window the plan covers */
	lo = lo < p->plan->from ? p->plan->from : lo;
	hi = hi > p->plan->to ? p->plan->to : hi;
	add_facts(advice_add(&p->notes, rule, ADVICE_ADVICE, lo, hi, "%s", text.buf), skipped);
	strbuf_release(&text);
}

/* The facts of a race's window: "<race> on <date>, <distance>", then the
 * caller's words (fmt), then "<lo> to <hi>" and a newline. */
__attribute__((format(printf, 6, 7))) static void add_race_window(struct strbuf *sb,
                                                                  const struct advice_context *ctx,
                                                                  const struct race *r, int32_t lo,
                                                                  int32_t hi, const char *fmt, ...)
{
	va_list ap;

	strbuf_addf(sb, "%s on ", r->name);
	add_date(sb, r->date);
	strbuf_adds(sb, ", ");
	add_distance(sb, ctx, r->distance_m);
	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
	add_date(sb, lo);
	strbuf_adds(sb, " to ");
	add_date(sb, hi);
	strbuf_addch(sb, '\n');
}

static void post_race(struct planner *p)
{
	const struct advice_context *ctx = p->ctx;
	const struct rule *rule = rulebook_get(p->rb, "massage-post-race");
	double min_m = rule_param(rule, "min_distance_km") * 1000;
	int from_days = (int)rule_param(rule, "from_days");
	int to_days = (int)rule_param(rule, "to_days");

	if (!rule->enabled) {
		return;
	}
	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];
		int32_t lo = r->date + from_days, hi = r->date + to_days;
		int32_t days[64];
		size_t n = 0;
		struct strbuf skipped = STRBUF_INIT;
		struct massage_item *it;

		if (r->distance_m < min_m || r->status == RACE_DNS || r->status == RACE_DNF ||
		    hi < p->plan->from || lo > p->plan->to) {
			continue;
		}
		if (massage_within(p, r->date + 1, hi + MASSAGE_SLIP_DAYS, true)) {
			continue;
		}
		for (int32_t d = lo; d <= hi + MASSAGE_SLIP_DAYS && n < 64; d++) {
			days[n++] = d;
		}
		it = place(p, rule, REQUEST_POST_RACE, MODALITY_COUNT, days, n, &skipped);
		if (it) {
			struct draft *dr = &p->drafts[it - p->plan->items];

			strbuf_addf(&dr->what, "%d days after %s (", it->day - r->date, r->name);
			add_date(&dr->what, r->date);
			strbuf_addch(&dr->what, ')');
			if (it->day > hi) {
				strbuf_addf(&dr->what,
				            ", later than days %d to %d: hard days first",
				            from_days, to_days);
			}
			add_race_window(&dr->facts, ctx, r, lo, hi,
			                "; the window is days %d to %d after it, ", from_days,
			                to_days);
		} else {
			note_blocked(
			        p, rule, lo, hi, &skipped,
			        "no day for deep work after %s: every day up to a week past "
			        "its window is next to a hard day or taken; keep the week easy",
			        r->name);
		}
		strbuf_release(&skipped);
	}
}

static void pre_race_deep(struct planner *p)
{
	const struct advice_context *ctx = p->ctx;
	const struct rule *rule = rulebook_get(p->rb, "massage-pre-race-deep");
	int min_days = (int)rule_param(rule, "min_days");
	int max_days = (int)rule_param(rule, "max_days");
	int long_gap = (int)rule_param(rule, "long_gap_days");
	int32_t last = last_massage(p);
	bool early = last == DATE_NONE || ctx->today - last > long_gap;

	if (!rule->enabled) {
		return;
	}
	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];
		int32_t lo = r->date - max_days, hi = r->date - min_days;
		int32_t days[366];
		size_t n = 0;
		struct strbuf skipped = STRBUF_INIT;
		struct massage_item *it;

		if (r->priority != RACE_A || !ahead(ctx, r) || hi < p->plan->from ||
		    lo > p->plan->to || hi < lo) {
			continue;
		}
		if (massage_within(p, lo, hi, true)) {
			continue;
		}
		for (int32_t k = 0; k <= hi - lo && n < 366; k++) {
			days[n++] = early ? lo + k : hi - k;
		}
		it = place(p, rule, REQUEST_PRE_RACE, MODALITY_COUNT, days, n, &skipped);
		if (it) {
			struct draft *dr = &p->drafts[it - p->plan->items];

			strbuf_addf(&dr->what, "%d days before %s (A race, ", r->date - it->day,
			            r->name);
			add_date(&dr->what, r->date);
			strbuf_adds(&dr->what, ")");
			add_race_window(&dr->facts, ctx, r, lo, hi,
			                ", A race; deep work %d to %d days before it, ", max_days,
			                min_days);
			if (last == DATE_NONE) {
				strbuf_adds(&dr->facts,
				            "no massage logged yet: the early end of the "
				            "window\n");
			} else {
				strbuf_adds(&dr->facts, "last massage ");
				add_date(&dr->facts, last);
				strbuf_addf(&dr->facts, ", %d days ago: the %s end of the window\n",
				            ctx->today - last, early ? "early" : "late");
			}
		} else {
			note_blocked(
			        p, rule, lo, hi, &skipped,
			        "no day for deep work before %s: every day of its window is next "
			        "to a hard day or taken; a light Swedish massage 1 to 3 days "
			        "before is still fine",
			        r->name);
		}
		strbuf_release(&skipped);
	}
}

static void pre_race_light(struct planner *p)
{
	const struct advice_context *ctx = p->ctx;
	const struct rule *rule = rulebook_get(p->rb, "massage-pre-race-light");
	int from_days = (int)rule_param(rule, "from_days");
	int to_days = (int)rule_param(rule, "to_days");

	if (!rule->enabled) {
		return;
	}
	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];
		int32_t lo = r->date - to_days, hi = r->date - from_days;
		int32_t mid2 = lo + hi; /* twice the middle, to keep halves whole */
		int32_t days[64];
		size_t n = 0;
		struct strbuf skipped = STRBUF_INIT;
		struct massage_item *it;

		if (r->priority == RACE_C || !ahead(ctx, r) || hi < p->plan->from ||
		    lo > p->plan->to || hi < lo) {
			continue;
		}
		if (massage_within(p, lo, r->date - 1, false)) {
			continue;
		}
		/* nearest the middle first; of two as near, the earlier */
		for (int32_t d = lo; d <= hi && n < 64; d++) {
			size_t at = n++;

			while (at > 0 && abs(2 * days[at - 1] - mid2) > abs(2 * d - mid2)) {
				days[at] = days[at - 1];
				at--;
			}
			days[at] = d;
		}
		it = place(p, rule, REQUEST_PRE_RACE, MOD_MASSAGE_SWEDISH, days, n, &skipped);
		if (it) {
			struct draft *dr = &p->drafts[it - p->plan->items];

			strbuf_addf(&dr->what, "%d day%s before %s (%s race, ", r->date - it->day,
			            r->date - it->day == 1 ? "" : "s", r->name,
			            race_priority_name(r->priority));
			add_date(&dr->what, r->date);
			strbuf_adds(&dr->what, ")");
			strbuf_addf(&dr->facts, "%s on ", r->name);
			add_date(&dr->facts, r->date);
			strbuf_addf(&dr->facts, "; light work %d to %d days before it\n", to_days,
			            from_days);
		}
		strbuf_release(&skipped);
	}
}

/* Whether the runner trained in at least MASSAGE_REGULAR_WEEKS of the
 * MASSAGE_RECENT_WEEKS weeks before today. */
static bool training_regularly(const struct advice_context *ctx)
{
	bool week[MASSAGE_RECENT_WEEKS] = { false };
	int n = 0;

	for (size_t i = 0; i < ctx->activities.n_activities; i++) {
		int32_t ago = ctx->today - 1 - ctx->activities.activities[i].date;

		if (ago >= 0 && ago < 7 * MASSAGE_RECENT_WEEKS) {
			week[ago / 7] = true;
		}
	}
	for (int w = 0; w < MASSAGE_RECENT_WEEKS; w++) {
		n += week[w];
	}
	return n >= MASSAGE_REGULAR_WEEKS;
}

static bool in_block(const struct advice_context *ctx, bool regular, int32_t day)
{
	if (ctx->plan.id != 0 || ctx->plan.n_workouts) {
		if (day >= ctx->plan.start && day <= ctx->plan.race_date) {
			return true;
		}
	}
	return regular;
}

/* The first massage (or self-massage in its place) in the plan after day,
 * DATE_NONE if none. */
static int32_t next_planned(const struct planner *p, int32_t day)
{
	int32_t best = DATE_NONE;

	for (size_t i = 0; i < p->plan->n_items; i++) {
		const struct massage_item *it = &p->plan->items[i];

		if ((day == DATE_NONE || it->day > day) && (best == DATE_NONE || it->day < best)) {
			best = it->day;
		}
	}
	return best;
}

/* What the cadence's massage it is for (the last massage before it was
 * on day last), and which block it is in. */
static void describe_cadence(struct planner *p, const struct massage_item *it, int32_t last,
                             int every)
{
	const struct advice_context *ctx = p->ctx;
	struct draft *dr = &p->drafts[it - p->plan->items];

	strbuf_addf(&dr->what, "a massage every %d days in a training block; ", every);
	if (last == DATE_NONE) {
		strbuf_adds(&dr->what, "none logged yet");
	} else {
		strbuf_adds(&dr->what, "the last was ");
		add_date(&dr->what, last);
	}
	if (ctx->plan.n_workouts && it->day >= ctx->plan.start && it->day <= ctx->plan.race_date) {
		strbuf_addf(&dr->facts, "the block: the plan for %s, ",
		            ctx->plan.race_name ? ctx->plan.race_name : "the race");
		add_date(&dr->facts, ctx->plan.start);
		strbuf_adds(&dr->facts, " to ");
		add_date(&dr->facts, ctx->plan.race_date);
		strbuf_addch(&dr->facts, '\n');
	} else {
		strbuf_addf(&dr->facts, "the block: training in at least %d of the last %d weeks\n",
		            MASSAGE_REGULAR_WEEKS, MASSAGE_RECENT_WEEKS);
	}
}

static void cadence(struct planner *p)
{
	const struct advice_context *ctx = p->ctx;
	const struct rule *rule = rulebook_get(p->rb, "maintenance-cadence");
	int every = (int)rule_param(rule, "every_days");
	int slack = every / 2;
	bool regular = training_regularly(ctx);
	int32_t last = last_massage(p);
	int32_t due;

	if (!rule->enabled || every < 1) {
		return;
	}
	due = last == DATE_NONE ? p->plan->from : last + every;
	if (due < p->plan->from) {
		due = p->plan->from;
	}
	while (due <= p->plan->to) {
		int32_t next = next_planned(p, last);
		int32_t days[CADENCE_SEARCH_DAYS];
		size_t n = 0;
		struct strbuf skipped = STRBUF_INIT;
		struct massage_item *it;

		/* a massage planned near the due day stands for this one */
		if (next != DATE_NONE && next <= due + slack) {
			last = next;
			due = next + every;
			continue;
		}
		if (!in_block(ctx, regular, due)) {
			due++;
			continue;
		}
		for (int32_t d = due; d < due + CADENCE_SEARCH_DAYS && d <= p->plan->to; d++) {
			days[n++] = d;
		}
		it = place(p, rule, REQUEST_CADENCE, MODALITY_COUNT, days, n, &skipped);
		strbuf_release(&skipped);
		if (!it) {
			due += CADENCE_SEARCH_DAYS;
			continue;
		}
		describe_cadence(p, it, last, every);
		last = it->day;
		due = it->day + every;
	}
}

/* ---- booked appointments ---- */

static const struct provider *provider_by_id(const struct advice_context *ctx, int64_t id)
{
	for (size_t i = 0; id && i < ctx->providers.n; i++) {
		if (ctx->providers.items[i].id == id) {
			return &ctx->providers.items[i];
		}
	}
	return NULL;
}

static void take_booked(struct planner *p, const struct appointment_list *booked)
{
	const struct rule *fallback = rulebook_get(p->rb, "maintenance-cadence");

	for (size_t i = 0; booked && i < booked->n; i++) {
		const struct appointment *a = &booked->items[i];
		const struct rule *rule = find_rule(p->rb, a->rule);
		struct massage_item *it;
		struct draft *dr;

		if (!appointment_is_open(a) || a->day < p->plan->from || a->day > p->plan->to ||
		    !(is_massage(a->modality) || massage_is_self(a->modality))) {
			continue;
		}
		it = add_item(p, a->day, a->modality, rule ? rule : fallback, &dr);
		it->source = MASSAGE_BOOKED;
		it->appointment_id = a->id;
		it->provider = provider_by_id(p->ctx, a->provider_id);
		it->cost_cents = a->cost_cents >= 0 && strcmp(a->currency, p->plan->currency) == 0
		                         ? a->cost_cents
		                         : -1;
		it->membership = it->provider && a->cost_cents == 0 &&
		                 provider_membership_on(it->provider, a->day);
		strbuf_addf(&dr->what, "appointment %lld, %s", (long long)a->id,
		            appointment_status_name(a->status));
		if (!rule) {
			strbuf_adds(&dr->facts,
			            a->rule ? "booked under a rule this rules file lacks\n"
			                    : "booked by hand\n");
		}
		if (a->note) {
			strbuf_addf(&dr->facts, "note: %s\n", a->note);
		}
	}
}

/* ---- providers and money ---- */

static int32_t month_start(int32_t day)
{
	struct civil c = date_to_civil(day);

	return date_from_civil(c.year, c.month, 1);
}

static struct massage_month *month_of(struct massage_plan *plan, int32_t day)
{
	int32_t start = month_start(day);

	for (size_t i = 0; i < plan->n_months; i++) {
		if (plan->months[i].start == start) {
			return &plan->months[i];
		}
	}
	return NULL;
}

/* The months from..to touch, with what is already committed in each. */
static void months_init(struct planner *p)
{
	struct massage_plan *plan = p->plan;
	int32_t first = month_start(plan->from), last = month_start(plan->to);
	struct spend_report rep;

	for (int32_t m = first; m <= last; m = date_add_months(m, 1)) {
		plan->months =
		        xreallocarray(plan->months, plan->n_months + 1, sizeof(*plan->months));
		plan->months[plan->n_months++] = (struct massage_month){ m, 0, 0 };
	}
	spend_report(&p->ctx->sessions, &p->ctx->providers, first, date_add_months(last, 1) - 1,
	             plan->currency, &rep);
	for (size_t i = 0; i < rep.n_months; i++) {
		struct massage_month *m = month_of(plan, rep.months[i].start);

		if (m) {
			m->spent_cents += rep.months[i].cents;
		}
	}
	spend_report_release(&rep);
	for (size_t i = 0; i < plan->n_items; i++) {
		const struct massage_item *it = &plan->items[i];

		if (it->source == MASSAGE_BOOKED && it->cost_cents > 0) {
			month_of(plan, it->day)->spent_cents += it->cost_cents;
		}
	}
}

/* The included sessions of prov's membership used in the period [start,
 * end]: logged sessions without a typed cost (spend.h), appointments
 * booked as included sessions whenever they are (they are arranged), and
 * the new massages before items[upto] given one. */
static int period_used(const struct planner *p, const struct provider *prov, int32_t start,
                       int32_t end, size_t upto)
{
	int used = 0;

	for (size_t i = 0; i < p->ctx->sessions.n; i++) {
		const struct recovery *r = &p->ctx->sessions.items[i];

		used += r->provider_id == prov->id && r->day >= start && r->day <= end &&
		        r->cost_cents < 0;
	}
	for (size_t i = 0; i < p->plan->n_items; i++) {
		const struct massage_item *it = &p->plan->items[i];

		if (it->provider != prov || it->day < start || it->day > end) {
			continue;
		}
		used += it->membership && (it->source == MASSAGE_BOOKED || i < upto);
	}
	return used;
}

/* A membership of a massage provider with a session left on items[k]'s
 * day; NULL if none. */
static const struct provider *member_provider(const struct planner *p, size_t k,
                                              const struct membership **mem, int *use)
{
	const struct massage_item *it = &p->plan->items[k];

	for (size_t i = 0; i < p->ctx->providers.n; i++) {
		const struct provider *prov = &p->ctx->providers.items[i];
		const struct membership *m = provider_membership_on(prov, it->day);
		int32_t start, end;
		int used;

		if (prov->kind != PROVIDER_MASSAGE || !m) {
			continue;
		}
		start = membership_period_start(m, it->day);
		end = membership_next_period(m, start) - 1;
		used = period_used(p, prov, start, end, k);
		if (used < m->sessions) {
			*mem = m;
			*use = used + 1;
			return prov;
		}
	}
	return NULL;
}

/* The massage provider with the lowest known price in the plan's
 * currency; without prices, the first one; NULL without one. */
static const struct provider *cheapest(const struct planner *p)
{
	const struct provider *best = NULL, *any = NULL;

	for (size_t i = 0; i < p->ctx->providers.n; i++) {
		const struct provider *prov = &p->ctx->providers.items[i];

		if (prov->kind != PROVIDER_MASSAGE) {
			continue;
		}
		if (!any) {
			any = prov;
		}
		if (prov->price_cents >= 0 && strcmp(prov->currency, p->plan->currency) == 0 &&
		    (!best || prov->price_cents < best->price_cents)) {
			best = prov;
		}
	}
	return best ? best : any;
}

static void add_money(struct strbuf *sb, const struct planner *p, int64_t cents)
{
	units_add_money(sb, cents, p->plan->currency);
}

/* Give items[k] (a new therapist's massage) a provider and a cost, or
 * turn it into self-massage when it would break the budget. */
static void assign(struct planner *p, size_t k)
{
	struct massage_plan *plan = p->plan;
	struct massage_item *it = &plan->items[k];
	struct draft *dr = &p->drafts[k];
	const struct rule *budget = rulebook_get(p->rb, "budget");
	struct massage_month *month = month_of(plan, it->day);
	const struct membership *mem = NULL;
	const struct provider *prov;
	int use = 0;

	if (!month) {
		BUG("day %d outside the months planned", (int)it->day);
	}
	prov = member_provider(p, k, &mem, &use);
	if (prov) {
		it->provider = prov;
		it->cost_cents = 0;
		it->membership = true;
		strbuf_addf(&dr->facts,
		            "%s: included session %d of %d in the membership period from ",
		            prov->name, use, mem->sessions);
		add_date(&dr->facts, membership_period_start(mem, it->day));
		strbuf_addch(&dr->facts, '\n');
		return;
	}
	prov = cheapest(p);
	if (!prov) {
		strbuf_adds(&dr->facts, "no massage therapist in knead yet: 'knead provider add "
		                        "NAME --kind massage --price X' adds one\n");
		return;
	}
	it->provider = prov;
	if (prov->price_cents < 0 || strcmp(prov->currency, plan->currency) != 0) {
		strbuf_addf(&dr->facts, "%s: no price known, so the budget cannot be checked\n",
		            prov->name);
		return;
	}
	it->cost_cents = prov->price_cents;
	strbuf_addf(&dr->facts, "%s: the lowest price, ", prov->name);
	add_money(&dr->facts, p, prov->price_cents);
	strbuf_addch(&dr->facts, '\n');
	if (!budget->enabled || plan->budget_cents < 0) {
		month->planned_cents += it->cost_cents;
		return;
	}
	if (month->spent_cents + month->planned_cents + it->cost_cents <= plan->budget_cents) {
		struct civil c = date_to_civil(month->start);

		month->planned_cents += it->cost_cents;
		strbuf_addf(&dr->facts, "budget: %04d-%02d comes to ", c.year, c.month);
		add_money(&dr->facts, p, month->spent_cents + month->planned_cents);
		strbuf_adds(&dr->facts, " of ");
		add_money(&dr->facts, p, plan->budget_cents);
		strbuf_adds(&dr->facts, " with it\n");
		return;
	}
	/* past the budget: the same care from the runner's own hands */
	strbuf_addf(&dr->facts, "budget: %s at ", modality_describe(it->modality));
	add_money(&dr->facts, p, it->cost_cents);
	strbuf_adds(&dr->facts, " would take the month to ");
	add_money(&dr->facts, p, month->spent_cents + month->planned_cents + it->cost_cents);
	strbuf_adds(&dr->facts, " of ");
	add_money(&dr->facts, p, plan->budget_cents);
	strbuf_addch(&dr->facts, '\n');
	it->asked_by = it->rule;
	it->asked_modality = it->modality;
	it->rule = budget;
	it->type_rule = NULL;
	it->modality = MOD_ROLL;
	it->provider = NULL;
	it->cost_cents = 0;
}

/* ---- the lines ---- */

/* A line's place: by day, then a month's budget first, then the order
 * written. */
struct line {
	int32_t day;
	int rank;
	size_t seq;
	size_t item; /* the item whose line it is, or SIZE_MAX */
};

static int by_line(const void *a, const void *b)
{
	const struct line *x = a, *y = b;

	if (x->day != y->day) {
		return x->day < y->day ? -1 : 1;
	}
	if (x->rank != y->rank) {
		return x->rank < y->rank ? -1 : 1;
	}
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The item's line: what, with whom, what it costs, why. */
static void item_line(struct planner *p, size_t k, struct advice_list *out)
{
	struct massage_item *it = &p->plan->items[k];
	struct draft *dr = &p->drafts[k];
	struct strbuf sb = STRBUF_INIT;
	struct advice *a;

	if (it->source == MASSAGE_BOOKED) {
		strbuf_adds(&sb, "booked: ");
	}
	if (it->asked_by) {
		strbuf_addf(&sb,
		            "self-massage (foam roller, stick or ball) instead of a %s, to stay "
		            "in the budget",
		            modality_describe(it->asked_modality));
	} else if (massage_is_self(it->modality)) {
		strbuf_addf(&sb, "self-massage: %s", modality_describe(it->modality));
	} else {
		strbuf_adds(&sb, modality_describe(it->modality));
		if (it->provider) {
			strbuf_addf(&sb, " with %s", it->provider->name);
		}
		if (it->membership) {
			strbuf_adds(&sb, " (membership session)");
		} else if (it->cost_cents >= 0) {
			strbuf_adds(&sb, " (");
			add_money(&sb, p, it->cost_cents);
			strbuf_adds(&sb, ")");
		}
	}
	if (dr->what.len) {
		strbuf_addf(&sb, ": %s", dr->what.buf);
	}
	a = advice_add(out, it->rule, ADVICE_ADVICE, it->day, it->day, "%s", sb.buf);
	if (it->asked_by) {
		advice_fact(a, "asked for by %s: %s", it->asked_by->id, it->asked_by->title);
	}
	add_facts(a, &dr->facts);
	strbuf_release(&sb);
}

/* For the massage items[k]: the warnings of a booked one (warn.h), then
 * hydrate-after-massage on its day and easy-after-massage the day after. */
static void follow_ups(struct planner *p, size_t k, struct advice_list *out)
{
	const struct advice_context *ctx = p->ctx;
	const struct massage_item *it = &p->plan->items[k];
	const struct rule *easy = rulebook_get(p->rb, "easy-after-massage");
	const struct rule *water = rulebook_get(p->rb, "hydrate-after-massage");
	const char *what = modality_describe(it->modality);
	char day[DATE_ISO_LEN];

	date_format(it->day, day);
	if (it->source == MASSAGE_BOOKED) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "the booked %s", what);
		warn_massage(ctx, it->modality, it->day, sb.buf, out);
		strbuf_release(&sb);
	}
	if (water->enabled) {
		int days = (int)rule_param(water, "days");

		advice_add(out, water, ADVICE_ADVICE, it->day, it->day + (days > 1 ? days - 1 : 0),
		           "drink extra water after the %s", what);
	}
	if (easy->enabled && warn_is_deep(it->modality) && rule_param(easy, "days") >= 1) {
		int days = (int)rule_param(easy, "days");
		const struct workout *hard = NULL;
		struct advice *a;

		for (int32_t d = it->day + 1; d <= it->day + days && !hard; d++) {
			const struct workout *w = advice_workout_on(ctx, d);

			if (w && workout_kind_is_hard(w->kind)) {
				hard = w;
			}
		}
		if (hard) {
			char hd[DATE_ISO_LEN];

			date_format(hard->date, hd);
			a = advice_add(
			        out, easy, ADVICE_WARNING, hard->date, hard->date,
			        "the plan has %s on %s, after the %s on %s: run easy or rest "
			        "instead, or move the massage",
			        workout_kind_name(hard->kind), hd, what, day);
			advice_fact(a, "planned %s on %s", workout_kind_name(hard->kind), hd);
		} else {
			a = advice_add(out, easy, ADVICE_ADVICE, it->day + 1, it->day + days,
			               "after the %s on %s: an easy run or rest, nothing hard",
			               what, day);
		}
		advice_fact(a, "%s on %s", what, day);
	}
}

/* budget: a month whose committed money already reaches warn_share. */
static void month_line(struct planner *p, const struct massage_month *m, struct advice_list *out)
{
	const struct rule *rule = rulebook_get(p->rb, "budget");
	int64_t budget = p->plan->budget_cents;
	int32_t from = m->start < p->plan->from ? p->plan->from : m->start;
	int32_t to = date_add_months(m->start, 1) - 1;
	struct strbuf sb = STRBUF_INIT;
	struct civil c = date_to_civil(m->start);
	struct advice *a;

	if (!rule->enabled || budget < 0 ||
	    (double)m->spent_cents < rule_param(rule, "warn_share") * (double)budget) {
		return;
	}
	if (to > p->plan->to) {
		to = p->plan->to;
	}
	add_money(&sb, p, m->spent_cents);
	strbuf_adds(&sb, " of the ");
	add_money(&sb, p, budget);
	a = advice_add(out, rule, ADVICE_WARNING, from, to,
	               "%04d-%02d: %s budget is already spent or booked%s", c.year, c.month, sb.buf,
	               m->spent_cents >= budget ? "; self-massage (roller, stick, ball) costs "
	                                          "nothing more"
	                                        : "");
	advice_fact(a, "spent or booked: sessions, membership fees and appointments of the month");
	advice_fact(a, "warned from %.0f %% of the budget", rule_param(rule, "warn_share") * 100);
	strbuf_release(&sb);
}

/* Write every line into plan->advice, by day, and point the items at
 * theirs. */
static void write_lines(struct planner *p)
{
	struct massage_plan *plan = p->plan;
	struct advice_list raw = ADVICE_LIST_INIT;
	struct line *lines = NULL;
	size_t n_lines = 0;

	for (size_t i = 0; i < plan->n_months; i++) {
		size_t before = raw.n_items;

		month_line(p, &plan->months[i], &raw);
		for (size_t j = before; j < raw.n_items; j++) {
			lines = xreallocarray(lines, n_lines + 1, sizeof(*lines));
			lines[n_lines++] = (struct line){ raw.items[j].from, 0, j, SIZE_MAX };
		}
	}
	for (size_t k = 0; k < plan->n_items; k++) {
		const struct massage_item *it = &plan->items[k];
		size_t first = raw.n_items;

		item_line(p, k, &raw);
		if (!massage_is_self(it->modality)) {
			follow_ups(p, k, &raw);
		}
		for (size_t j = first; j < raw.n_items; j++) {
			lines = xreallocarray(lines, n_lines + 1, sizeof(*lines));
			/* the follow-ups stay under their massage */
			lines[n_lines++] =
			        (struct line){ it->day, 1, j, j == first ? k : SIZE_MAX };
		}
	}
	for (size_t j = 0; j < p->notes.n_items; j++) {
		lines = xreallocarray(lines, n_lines + 1, sizeof(*lines));
		lines[n_lines++] =
		        (struct line){ p->notes.items[j].from, 1, raw.n_items + j, SIZE_MAX };
	}
	if (n_lines > 1) {
		qsort(lines, n_lines, sizeof(*lines), by_line);
	}
	/* move the advice (the structs own their strings) into the sorted order */
	for (size_t i = 0; i < n_lines; i++) {
		size_t j = lines[i].seq;
		struct advice *src =
		        j < raw.n_items ? &raw.items[j] : &p->notes.items[j - raw.n_items];

		xgrow((void **)&plan->advice.items, &plan->advice.alloc, plan->advice.n_items + 1,
		      sizeof(*plan->advice.items));
		plan->advice.items[plan->advice.n_items] = *src;
		memset(src, 0, sizeof(*src));
		if (lines[i].item != SIZE_MAX) {
			plan->items[lines[i].item].advice = plan->advice.n_items;
		}
		plan->advice.n_items++;
	}
	free(lines);
	advice_list_release(&raw);
	advice_list_release(&p->notes);
}

/* ---- the plan ---- */

/* Sort the items (and their drafts) by day, keeping the order of a day's. */
static void sort_items(struct planner *p)
{
	struct massage_plan *plan = p->plan;
	size_t n = plan->n_items;
	struct massage_item *items;
	struct draft *drafts;
	size_t *order;
	size_t m = 0;

	/* nothing to sort, and memcpy from a NULL list is undefined */
	if (n == 0) {
		return;
	}
	items = xcalloc(n, sizeof(*items));
	drafts = xcalloc(n, sizeof(*drafts));
	order = xcalloc(n, sizeof(*order));

	/* counting by day is stable and the days are few */
	for (int32_t d = plan->from; d <= plan->to; d++) {
		for (size_t i = 0; i < n; i++) {
			if (plan->items[i].day == d) {
				order[m++] = i;
			}
		}
	}
	for (size_t i = 0; i < m; i++) {
		items[i] = plan->items[order[i]];
		drafts[i] = p->drafts[order[i]];
	}
	memcpy(plan->items, items, m * sizeof(*items));
	memcpy(p->drafts, drafts, m * sizeof(*drafts));
	plan->n_items = m;
	free(order);
	free(items);
	free(drafts);
}

void massage_plan_make(const struct advice_context *ctx, const struct appointment_list *booked,
                       int weeks, struct massage_plan *out)
{
	struct planner p = { ctx, ctx->rules, out, NULL, 0, ADVICE_LIST_INIT };
	const char *currency = athlete_currency(ctx->profile);

	memset(out, 0, sizeof(*out));
	if (weeks < 1) {
		weeks = 1;
	}
	if (weeks > MASSAGE_MAX_WEEKS) {
		weeks = MASSAGE_MAX_WEEKS;
	}
	out->from = ctx->today;
	out->to = ctx->today + 7 * weeks - 1;
	out->budget_cents = ctx->profile ? ctx->profile->budget_cents : -1;
	memcpy(out->currency, currency, strnlen(currency, 3));
	take_booked(&p, booked);
	post_race(&p);
	pre_race_deep(&p);
	pre_race_light(&p);
	cadence(&p);
	sort_items(&p);
	months_init(&p);
	for (size_t k = 0; k < out->n_items; k++) {
		if (out->items[k].source == MASSAGE_SUGGESTED &&
		    is_massage(out->items[k].modality)) {
			assign(&p, k);
		}
	}
	write_lines(&p);
	for (size_t k = 0; k < out->n_items; k++) {
		strbuf_release(&p.drafts[k].what);
		strbuf_release(&p.drafts[k].facts);
	}
	free(p.drafts);
}

void massage_plan_release(struct massage_plan *p)
{
	free(p->items);
	free(p->months);
	advice_list_release(&p->advice);
	memset(p, 0, sizeof(*p));
}
