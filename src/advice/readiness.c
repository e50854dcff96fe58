/*
 * readiness.c: readiness before a race, recovery after it (see
 * readiness.h).
 */
#include "advice/readiness.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/plan.h"
#include "analysis/injury.h"
#include "base/date.h"
#include "base/strbuf.h"
#include "base/units.h"
#include "base/xalloc.h"

#define RULE_READY    "race-readiness"
#define RULE_RECOVERY "race-recovery"
#define RULE_MARATHON "post-marathon-rest"
#define RULE_MASSAGE  "massage-post-race"
#define RULE_NO_RUN   "injury-no-run"
#define RULE_CLINIC   "injury-see-clinician"

/* Metres in a mile, for "one easy day per mile raced". */
#define MILE_M 1609.344

enum readiness_phase readiness_phase(const struct race *race, int32_t today)
{
	if (race->status == RACE_DNS && today >= race->date) {
		return READINESS_NOT_RUN;
	}
	if (today > race->date) {
		return READINESS_AFTER;
	}
	if (today == race->date && (race->status == RACE_DONE || race->status == RACE_DNF)) {
		return READINESS_AFTER;
	}
	return READINESS_BEFORE;
}

const char *readiness_level_name(enum readiness_level l)
{
	static const char *const names[] = { "ok", "borderline", "not ready", "unknown" };

	return (unsigned)l < READINESS_LEVEL_COUNT ? names[l] : "?";
}

const char *readiness_verdict_name(enum readiness_verdict v)
{
	switch (v) {
	case READINESS_REGISTER:
		return "register";
	case READINESS_WAIT:
		return "wait";
	case READINESS_SHORTER:
		return "shorter race";
	}
	return "?";
}

const char *readiness_phase_name(enum readiness_phase p)
{
	switch (p) {
	case READINESS_BEFORE:
		return "before";
	case READINESS_AFTER:
		return "after";
	case READINESS_NOT_RUN:
		return "not run";
	}
	return "?";
}

static const double distance_m[READINESS_DISTANCE_COUNT] = { 5000, 10000, 21097.5, 42195 };
static const char *const distance_names[READINESS_DISTANCE_COUNT] = { "5k", "10k", "half",
	                                                              "marathon" };
/* How the text names a race of each distance. */
static const char *const distance_words[READINESS_DISTANCE_COUNT] = { "a 5k", "a 10k",
	                                                              "a half marathon",
	                                                              "a marathon" };

enum readiness_distance readiness_distance_of(double metres)
{
	enum readiness_distance best = READINESS_5K;

	for (int d = 1; d < READINESS_DISTANCE_COUNT; d++) {
		if (fabs(log(metres / distance_m[d])) < fabs(log(metres / distance_m[best]))) {
			best = (enum readiness_distance)d;
		}
	}
	return best;
}

const char *readiness_distance_name(enum readiness_distance d)
{
	return (unsigned)d < READINESS_DISTANCE_COUNT ? distance_names[d] : "?";
}

/* ---- text ---- */

static enum units units_of(const struct advice_context *ctx)
{
	return ctx->profile ? ctx->profile->units : UNITS_KM;
}

/* "Sun 2026-12-13" */
static void add_day(struct strbuf *sb, int32_t day)
{
	char iso[DATE_ISO_LEN];

	date_format(day, iso);
	strbuf_addf(sb, "%s %s", date_weekday_abbr(date_weekday(day)), iso);
}

/* "1:45:00 (18.0 km)", either part left out when unknown. */
static void add_amount(struct strbuf *sb, double s, double m, enum units u)
{
	if (isfinite(s) && s > 0) {
		units_add_duration(sb, s);
	}
	if (isfinite(m) && m > 0) {
		strbuf_adds(sb, isfinite(s) && s > 0 ? " (" : "");
		units_add_distance(sb, m, u);
		strbuf_adds(sb, isfinite(s) && s > 0 ? ")" : "");
	}
}

static void add_region(struct strbuf *sb, const struct advice_context *ctx, const char *code,
                       enum side side)
{
	const struct region *r = ctx->regions ? region_by_code(ctx->regions, code) : NULL;

	if (side_name(side) && side != SIDE_BOTH) {
		strbuf_addf(sb, "%s ", side_name(side));
	}
	strbuf_adds(sb, r ? r->name : code);
}

/* advice_add with text built in a strbuf, which is reset. */
static struct advice *add_sb(struct advice_list *list, const struct rule *r, enum advice_kind kind,
                             int32_t from, int32_t to, struct strbuf *sb)
{
	struct advice *a = advice_add(list, r, kind, from, to, "%s", sb->buf);

	strbuf_reset(sb);
	return a;
}

static const char *level_suffix(enum readiness_level l)
{
	switch (l) {
	case READINESS_OK:
		return "ok";
	case READINESS_BORDERLINE:
		return "borderline";
	case READINESS_NOT_READY:
		return "not ready";
	default:
		return "unknown";
	}
}

/* ---- before: the four factors ---- */

static double param(const struct advice_context *ctx, const char *rule, const char *key)
{
	return rules_param(ctx->rules, rule, key);
}

static void assess_compliance(const struct advice_context *ctx, struct race_readiness *out)
{
	const struct plan *p = &ctx->plan;
	double ready = param(ctx, RULE_READY, "compliance_ready");
	double low = param(ctx, RULE_READY, "compliance_min");
	struct workout_match *m;
	double planned = 0, done = 0;
	size_t first, end;

	out->compliance_from =
	        ctx->today - 7 * (int32_t)param(ctx, RULE_READY, "compliance_weeks") + 1;
	out->compliance_share = (double)NAN;
	out->compliance_level = READINESS_UNKNOWN;
	out->compliance_by_time = p->by == PLAN_BY_TIME;
	if (p->id == 0 || p->n_workouts == 0) {
		return;
	}
	m = xcalloc(p->n_workouts, sizeof(*m));
	plan_match(p, ctx->from, ctx->until, ctx->activities.activities,
	           ctx->activities.n_activities, ctx->today, m);
	plan_range(p, out->compliance_from, ctx->today, &first, &end);
	for (size_t i = first; i < end; i++) {
		const struct workout *w = &p->workouts[i];
		double target = out->compliance_by_time ? w->target_s : w->target_m;
		double got = out->compliance_by_time ? m[i].done_s : m[i].done_m;
		enum workout_status st = m[i].status;

		if (!workout_kind_is_run(w->kind) || st == WORKOUT_STATUS_UPCOMING) {
			continue;
		}
		out->runs_due++;
		out->runs_done += st == WORKOUT_STATUS_DONE || st == WORKOUT_STATUS_MOVED;
		out->runs_partial += st == WORKOUT_STATUS_PARTIAL;
		out->runs_missed += st == WORKOUT_STATUS_MISSED;
		if (isfinite(target) && target > 0) {
			planned += target;
			done += got < target ? got : target;
		}
	}
	free(m);
	if (planned <= 0) {
		return;
	}
	out->compliance_share = done / planned;
	out->compliance_level = out->compliance_share >= ready ? READINESS_OK
	                        : out->compliance_share >= low ? READINESS_BORDERLINE
	                                                       : READINESS_NOT_READY;
}

static void assess_long_run(const struct advice_context *ctx, struct race_readiness *out)
{
	char key[64];
	double growth = param(ctx, RULE_READY, "long_growth");
	int taper = (int)param(ctx, RULE_READY, "taper_days");
	double scale;

	out->distance = readiness_distance_of(out->race->distance_m);
	snprintf(key, sizeof(key), "long_%s_min", distance_names[out->distance]);
	out->need_s = param(ctx, RULE_READY, key) * 60;
	snprintf(key, sizeof(key), "long_%s_km", distance_names[out->distance]);
	out->need_m = param(ctx, RULE_READY, key) * 1000;
	out->build_weeks = out->days_to_race > taper ? (out->days_to_race - taper) / 7 : 0;
	scale = pow(1 + growth, out->build_weeks);
	out->need_now_s = out->need_s / scale;
	out->need_now_m = out->need_m / scale;
	out->long_from = ctx->today - 7 * (int32_t)param(ctx, RULE_READY, "long_weeks") + 1;
	out->longest = NULL;
	out->long_share = 0;
	for (size_t i = 0; i < ctx->activities.n_activities; i++) {
		const struct activity *a = &ctx->activities.activities[i];
		double t = activity_time_s(a), share = 0;

		if ((a->sport != SPORT_RUN && a->sport != SPORT_TRAIL) ||
		    a->date < out->long_from || a->date > ctx->today) {
			continue;
		}
		if (isfinite(t) && t / out->need_now_s > share) {
			share = t / out->need_now_s;
		}
		if (isfinite(a->distance_m) && a->distance_m / out->need_now_m > share) {
			share = a->distance_m / out->need_now_m;
		}
		if (!out->longest || share > out->long_share) {
			out->longest = a;
			out->long_share = share;
		}
	}
	out->long_level = out->long_share >= 1 ? READINESS_OK
	                  : out->long_share >= param(ctx, RULE_READY, "long_near")
	                          ? READINESS_BORDERLINE
	                          : READINESS_NOT_READY;
}

static void assess_load(const struct advice_context *ctx, struct race_readiness *out)
{
	const struct pmc_day *now = advice_fitness_on(ctx, ctx->today);
	const struct pmc_day *before;

	out->ctl_day = ctx->today - (int32_t)param(ctx, RULE_READY, "trend_days");
	before = advice_fitness_on(ctx, out->ctl_day);
	out->ctl_now = now ? now->ctl : (double)NAN;
	out->ctl_before = before ? before->ctl : (double)NAN;
	out->acwr = (double)NAN;
	if (now) {
		out->acwr = isfinite(now->acwr_rolling) ? now->acwr_rolling : now->acwr_ewma;
	}
	out->taper = out->days_to_race <= (int)param(ctx, RULE_READY, "taper_days");
	out->ctl_falling =
	        !out->taper && isfinite(out->ctl_before) && out->ctl_before > 0 &&
	        out->ctl_now < out->ctl_before * (1 - param(ctx, RULE_READY, "ctl_drop"));
	out->acwr_high = isfinite(out->acwr) && out->acwr > param(ctx, RULE_READY, "acwr_max");
	if (!now || !(out->ctl_now > 0 || (isfinite(out->ctl_before) && out->ctl_before > 0))) {
		out->load_level = READINESS_UNKNOWN; /* no training load to judge by */
	} else {
		out->load_level =
		        out->ctl_falling || out->acwr_high ? READINESS_BORDERLINE : READINESS_OK;
	}
}

/* Whether inj is active or recovering on day. */
static bool injury_open(const struct injury *inj, int32_t day)
{
	return inj->onset <= day && (inj->resolved == DATE_NONE || inj->resolved > day);
}

/* The latest level of inj within injury-no-run's window, -1 if none,
 * and its level on the scale the rule judges. */
static enum readiness_level injury_level(const struct advice_context *ctx, const struct injury *inj,
                                         int *level, int32_t *day, struct injury_course *course)
{
	int recent = (int)param(ctx, RULE_NO_RUN, "recent_days");

	injury_course(ctx->regions, inj, &ctx->checkins, &ctx->sessions, ctx->today, course);
	*level = -1;
	*day = DATE_NONE;
	if (course->trend.n_days > 0 && course->trend.last.day >= ctx->today - recent) {
		*level = course->trend.last.value;
		*day = course->trend.last.day;
	}
	if (inj->status != INJURY_RECOVERING &&
	    *level >= (int)param(ctx, RULE_NO_RUN, "min_pain")) {
		return READINESS_NOT_READY;
	}
	return READINESS_BORDERLINE;
}

static void add_injury_advice(const struct advice_context *ctx, struct advice_list *list,
                              const struct injury *inj, enum readiness_level l, int level,
                              int32_t day, const struct injury_course *course)
{
	const struct rule *r = rulebook_get(ctx->rules, RULE_READY);
	struct strbuf sb = STRBUF_INIT;
	struct advice *a;

	add_region(&sb, ctx, inj->region, inj->side);
	strbuf_addf(&sb, " injury %s since ",
	            inj->status == INJURY_RECOVERING ? "recovering" : "active");
	add_day(&sb, inj->onset);
	if (level >= 0) {
		strbuf_addf(&sb, ", %s %d on ", measure_name(course->measure), level);
		add_day(&sb, day);
	}
	strbuf_addf(&sb, " (%s)", level_suffix(l));
	a = add_sb(list, r, ADVICE_WARNING, inj->onset, ctx->today, &sb);
	advice_fact(a, "trend: %s over %zu day%s with a level",
	            trend_verdict_name(course->trend.verdict), course->trend.n_days,
	            course->trend.n_days == 1 ? "" : "s");
	if (l == READINESS_NOT_READY) {
		advice_fact(a, "%s %d or more within %d days: no running (%s)",
		            measure_name(course->measure), (int)param(ctx, RULE_NO_RUN, "min_pain"),
		            (int)param(ctx, RULE_NO_RUN, "recent_days"), RULE_NO_RUN);
	}
	strbuf_release(&sb);
}

/* Weigh the open injuries into out; with list, add a piece of advice for
 * each. */
static void assess_injuries(const struct advice_context *ctx, struct race_readiness *out,
                            struct advice_list *list)
{
	out->injury_level = READINESS_OK;
	out->n_injuries = 0;
	out->worst = NULL;
	out->worst_level = -1;
	out->worst_day = DATE_NONE;
	for (size_t i = 0; i < ctx->injuries.n; i++) {
		const struct injury *inj = &ctx->injuries.items[i];
		struct injury_course course;
		enum readiness_level l;
		int level;
		int32_t day;

		if (!injury_open(inj, ctx->today)) {
			continue;
		}
		l = injury_level(ctx, inj, &level, &day, &course);
		out->n_injuries++;
		if (!out->worst || l > out->injury_level ||
		    (l == out->injury_level && level > out->worst_level)) {
			out->worst = inj;
			out->worst_level = level;
			out->worst_day = day;
		}
		if (l > out->injury_level) {
			out->injury_level = l;
		}
		if (list) {
			add_injury_advice(ctx, list, inj, l, level, day, &course);
		}
		injury_course_release(&course);
	}
}

/* The upcoming race shorter than race nearest to it in time. */
static const struct race *find_shorter(const struct advice_context *ctx, const struct race *race)
{
	const struct race *best = NULL;

	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];

		if (r->id == race->id || !race_is_upcoming(r) || r->date < ctx->today ||
		    r->distance_m >= race->distance_m * 0.9) {
			continue;
		}
		if (!best || abs(r->date - race->date) < abs(best->date - race->date)) {
			best = r;
		}
	}
	return best;
}

static void add_factor_advice(const struct advice_context *ctx, const struct race_readiness *out,
                              struct advice_list *list)
{
	const struct rule *r = rulebook_get(ctx->rules, RULE_READY);
	enum units u = units_of(ctx);
	struct strbuf sb = STRBUF_INIT;
	struct advice *a;
	int weeks;

	if (out->compliance_level != READINESS_UNKNOWN) {
		weeks = (int)param(ctx, RULE_READY, "compliance_weeks");
		strbuf_addf(&sb,
		            "plan compliance: %.0f %% of the planned running in the last %d weeks "
		            "(%d of %d runs done, %d missed) (%s)",
		            out->compliance_share * 100, weeks, out->runs_done, out->runs_due,
		            out->runs_missed, level_suffix(out->compliance_level));
		a = add_sb(list, r,
		           out->compliance_level == READINESS_OK ? ADVICE_ADVICE : ADVICE_WARNING,
		           out->compliance_from, ctx->today, &sb);
		advice_fact(a, "plan: %s (%s)", ctx->plan.race_name ? ctx->plan.race_name : "?",
		            out->compliance_by_time ? "by time" : "by distance");
		if (out->runs_partial) {
			advice_fact(a, "%d run%s only partly done", out->runs_partial,
			            out->runs_partial == 1 ? "" : "s");
		}
		advice_fact(a,
		            "each workout counts at most its target; ready from %.0f %%, not "
		            "ready below %.0f %%",
		            param(ctx, RULE_READY, "compliance_ready") * 100,
		            param(ctx, RULE_READY, "compliance_min") * 100);
	}

	weeks = (int)param(ctx, RULE_READY, "long_weeks");
	if (out->longest) {
		strbuf_addf(&sb, "longest run in the last %d weeks: ", weeks);
		add_amount(&sb, activity_time_s(out->longest), out->longest->distance_m, u);
		strbuf_adds(&sb, " on ");
		add_day(&sb, out->longest->date);
	} else {
		strbuf_addf(&sb, "no run in the last %d weeks", weeks);
	}
	strbuf_addf(&sb, "; %s needs %.0f min or ", distance_words[out->distance],
	            out->need_s / 60);
	units_add_distance(&sb, out->need_m, u);
	strbuf_addf(&sb, " by race day (%s)", level_suffix(out->long_level));
	a = add_sb(list, r, out->long_level == READINESS_OK ? ADVICE_ADVICE : ADVICE_WARNING,
	           out->longest ? out->longest->date : out->long_from, ctx->today, &sb);
	if (out->build_weeks > 0) {
		strbuf_addf(&sb, "%d week%s left to build at %.0f %% a week: %.0f min or ",
		            out->build_weeks, out->build_weeks == 1 ? "" : "s",
		            param(ctx, RULE_READY, "long_growth") * 100, out->need_now_s / 60);
		units_add_distance(&sb, out->need_now_m, u);
		strbuf_adds(&sb, " will do today");
		advice_fact(a, "%s", sb.buf);
		strbuf_reset(&sb);
	}
	advice_fact(a, "the run reaches %.0f %% of that; borderline from %.0f %%",
	            out->long_share * 100, param(ctx, RULE_READY, "long_near") * 100);

	if (out->load_level != READINESS_UNKNOWN) {
		strbuf_addf(&sb, "fitness (CTL) %.0f now, %.0f on ", out->ctl_now,
		            isfinite(out->ctl_before) ? out->ctl_before : 0.0);
		add_day(&sb, out->ctl_day);
		if (isfinite(out->acwr)) {
			strbuf_addf(&sb, "; acute:chronic ratio %.2f", out->acwr);
		}
		if (out->ctl_falling) {
			strbuf_adds(&sb, ": fitness is falling");
		}
		if (out->acwr_high) {
			strbuf_adds(&sb, out->ctl_falling ? " and the load jumped"
			                                  : ": the load jumped");
		}
		strbuf_addf(&sb, " (%s)", level_suffix(out->load_level));
		a = add_sb(list, r,
		           out->load_level == READINESS_OK ? ADVICE_ADVICE : ADVICE_WARNING,
		           out->ctl_day, ctx->today, &sb);
		if (out->taper) {
			advice_fact(a,
			            "within %d days of the race: fitness falls in the taper, as it "
			            "should",
			            (int)param(ctx, RULE_READY, "taper_days"));
		} else {
			advice_fact(a, "a fall of more than %.0f %% is borderline",
			            param(ctx, RULE_READY, "ctl_drop") * 100);
		}
		advice_fact(a,
		            "a ratio above %.2f is borderline; it describes load, it does not "
		            "predict injury",
		            param(ctx, RULE_READY, "acwr_max"));
	}
	if (out->n_injuries == 0) {
		advice_add(list, r, ADVICE_ADVICE, ctx->today, ctx->today, "no active injury (ok)");
	}
	strbuf_release(&sb);
}

/* Append the names of the factors at level l: "plan compliance, long run". */
static void add_factors_at(struct strbuf *sb, const struct race_readiness *out,
                           enum readiness_level l)
{
	const struct {
		enum readiness_level level;
		const char *name;
	} factors[] = {
		{ out->compliance_level, "plan compliance" },
		{ out->long_level, "long run" },
		{ out->load_level, "load trend" },
		{ out->injury_level, "injury" },
	};
	const char *sep = "";

	for (size_t i = 0; i < sizeof(factors) / sizeof(factors[0]); i++) {
		if (factors[i].level == l) {
			strbuf_addf(sb, "%s%s", sep, factors[i].name);
			sep = ", ";
		}
	}
}

static void add_verdict(const struct advice_context *ctx, const struct race_readiness *out,
                        struct advice_list *list)
{
	const struct rule *r = rulebook_get(ctx->rules, RULE_READY);
	const struct race *race = out->race;
	bool registered = race->status != RACE_CONSIDERING;
	enum units u = units_of(ctx);
	struct strbuf sb = STRBUF_INIT;
	struct advice *a;

	switch (out->verdict) {
	case READINESS_REGISTER:
		if (registered) {
			strbuf_addf(&sb, "you are ready for %s: race it as planned", race->name);
		} else {
			strbuf_addf(&sb, "register for %s: you are ready for it", race->name);
		}
		a = add_sb(list, r, ADVICE_ADVICE, ctx->today, ctx->today, &sb);
		break;
	case READINESS_WAIT:
		strbuf_adds(&sb, "wait a week: decide on ");
		add_day(&sb, out->decide_by);
		strbuf_addf(&sb, registered ? " whether to run %s" : " whether to register for %s",
		            race->name);
		strbuf_adds(&sb, " (borderline: ");
		add_factors_at(&sb, out, READINESS_BORDERLINE);
		strbuf_adds(&sb, ")");
		a = add_sb(list, r, ADVICE_WARNING, ctx->today, out->decide_by, &sb);
		break;
	case READINESS_SHORTER:
	default:
		if (out->shorter) {
			strbuf_addf(&sb, "choose the shorter race: %s (", out->shorter->name);
			units_add_distance(&sb, out->shorter->distance_m, u);
			strbuf_adds(&sb, ", ");
			add_day(&sb, out->shorter->date);
			strbuf_addf(&sb, ") rather than %s", race->name);
		} else if (out->distance == READINESS_5K) {
			/* nothing much shorter to choose */
			strbuf_addf(&sb, "choose a later race than %s", race->name);
		} else {
			strbuf_addf(&sb, "choose a shorter race than %s, or a later one",
			            race->name);
		}
		strbuf_adds(&sb, " (not ready: ");
		add_factors_at(&sb, out, READINESS_NOT_READY);
		strbuf_adds(&sb, ")");
		if (out->injury_level == READINESS_NOT_READY) {
			strbuf_adds(&sb, "; no running while the injury hurts");
		}
		a = add_sb(list, r, ADVICE_WARNING, ctx->today, race->date, &sb);
		break;
	}
	strbuf_addf(&sb, "race: %s, ", race->name);
	add_day(&sb, race->date);
	strbuf_adds(&sb, ", ");
	units_add_distance(&sb, race->distance_m, u);
	strbuf_addf(&sb, ", %d day%s away, %s", out->days_to_race,
	            out->days_to_race == 1 ? "" : "s", race_status_name(race->status));
	advice_fact(a, "%s", sb.buf);
	if (out->compliance_level == READINESS_UNKNOWN) {
		advice_fact(a, "plan compliance not counted: %s",
		            ctx->plan.id ? "nothing in the plan was due yet"
		                         : "no plan to compare with");
	}
	if (out->load_level == READINESS_UNKNOWN) {
		advice_fact(a, "load trend not counted: no training load yet");
	}
	strbuf_release(&sb);
}

void readiness_assess(const struct advice_context *ctx, const struct race *race,
                      struct race_readiness *out, struct advice_list *list)
{
	bool any_not = false, any_border = false;

	memset(out, 0, sizeof(*out));
	out->race = race;
	out->days_to_race = race->date - ctx->today;
	assess_compliance(ctx, out);
	assess_long_run(ctx, out);
	assess_load(ctx, out);
	assess_injuries(ctx, out, NULL);
	for (int i = 0; i < 4; i++) {
		enum readiness_level l = i == 0   ? out->compliance_level
		                         : i == 1 ? out->long_level
		                         : i == 2 ? out->load_level
		                                  : out->injury_level;

		any_not |= l == READINESS_NOT_READY;
		any_border |= l == READINESS_BORDERLINE;
	}
	out->verdict = any_not      ? READINESS_SHORTER
	               : any_border ? READINESS_WAIT
	                            : READINESS_REGISTER;
	out->shorter = out->verdict == READINESS_SHORTER ? find_shorter(ctx, race) : NULL;
	out->decide_by = out->verdict == READINESS_WAIT
	                         ? ctx->today + (int32_t)param(ctx, RULE_READY, "wait_days")
	                         : DATE_NONE;
	add_verdict(ctx, out, list);
	add_factor_advice(ctx, out, list);
	assess_injuries(ctx, out, list);
}

/* ---- after: the recovery timeline ---- */

/* The most running (run and trail) in one Monday-to-Sunday week of the
 * peak_weeks weeks before the race's week. */
static void peak_week(const struct advice_context *ctx, const struct race *race, double *peak_s,
                      double *peak_m)
{
	int weeks = (int)param(ctx, RULE_RECOVERY, "peak_weeks");
	int32_t race_week = date_week_start(race->date);

	*peak_s = *peak_m = (double)NAN;
	for (int w = 1; w <= weeks; w++) {
		int32_t monday = race_week - 7 * w;
		double s = 0, m = 0;
		int runs = 0;

		for (size_t i = 0; i < ctx->activities.n_activities; i++) {
			const struct activity *a = &ctx->activities.activities[i];
			double t = activity_time_s(a);

			if ((a->sport != SPORT_RUN && a->sport != SPORT_TRAIL) ||
			    a->date < monday || a->date > monday + 6) {
				continue;
			}
			runs++;
			s += isfinite(t) ? t : 0;
			m += isfinite(a->distance_m) ? a->distance_m : 0;
		}
		if (runs && s > 0 && (!isfinite(*peak_s) || s > *peak_s)) {
			*peak_s = s;
			*peak_m = m > 0 ? m : (double)NAN;
		}
	}
}

static void plan_recovery(const struct advice_context *ctx, const struct race *race,
                          struct race_recovery *out)
{
	double km = race->distance_m / 1000;
	double shares[READINESS_MAX_REVERSE] = {
		param(ctx, RULE_RECOVERY, "reverse_week1"),
		param(ctx, RULE_RECOVERY, "reverse_week2"),
		param(ctx, RULE_RECOVERY, "reverse_week3"),
	};
	long weeks;

	memset(out, 0, sizeof(*out));
	out->race = race;
	out->day = ctx->today - race->date;
	out->marathon = rules_enabled(ctx->rules, RULE_MARATHON) &&
	                km >= param(ctx, RULE_MARATHON, "min_distance_km");
	if (out->marathon) {
		out->rest_days = (int)param(ctx, RULE_MARATHON, "rest_from_days");
		out->rest_max_days = (int)param(ctx, RULE_MARATHON, "rest_to_days");
		out->first_run_min = (int)param(ctx, RULE_MARATHON, "first_runs_min");
	} else {
		out->rest_days = (int)ceil(km / param(ctx, RULE_RECOVERY, "km_per_rest_day"));
		out->rest_days = out->rest_days < 1 ? 1 : out->rest_days;
		out->rest_max_days = out->rest_days;
		out->first_run_min = (int)param(ctx, RULE_RECOVERY, "first_runs_min");
	}
	out->cross_from = (int)param(ctx, RULE_RECOVERY, "cross_from_days");
	out->easy_days = (int)lround(race->distance_m / MILE_M *
	                             param(ctx, RULE_RECOVERY, "easy_days_per_mile"));
	out->massage = rules_enabled(ctx->rules, RULE_MASSAGE) &&
	               km >= param(ctx, RULE_MASSAGE, "min_distance_km");
	out->massage_from = (int)param(ctx, RULE_MASSAGE, "from_days");
	out->massage_to = (int)param(ctx, RULE_MASSAGE, "to_days");
	peak_week(ctx, race, &out->peak_s, &out->peak_m);
	weeks = lround(km / param(ctx, RULE_RECOVERY, "km_per_reverse_week"));
	out->reverse_weeks = weeks > READINESS_MAX_REVERSE ? READINESS_MAX_REVERSE
	                     : weeks < 0                   ? 0
	                                                   : (int)weeks;
	for (int w = 0; w < out->reverse_weeks; w++) {
		out->reverse_share[w] = shares[READINESS_MAX_REVERSE - out->reverse_weeks + w];
	}
	out->reverse_from = race->date + out->rest_days + 1;
	out->clinician = race->date + (int32_t)param(ctx, RULE_CLINIC, "days");
}

/* The rule a step of the timeline follows: post-marathon-rest after a
 * marathon, race-recovery after anything shorter. */
static const struct rule *step_rule(const struct advice_context *ctx,
                                    const struct race_recovery *out)
{
	return rulebook_get(ctx->rules, out->marathon ? RULE_MARATHON : RULE_RECOVERY);
}

/* "days 3-5 (Wed 2026-11-25 to Fri 2026-11-27)" or "day 1 (Sun ...)". */
static void add_days(struct strbuf *sb, int32_t race, int from, int to)
{
	if (from == to) {
		strbuf_addf(sb, "day %d (", from);
		add_day(sb, race + from);
	} else {
		strbuf_addf(sb, "days %d-%d (", from, to);
		add_day(sb, race + from);
		strbuf_adds(sb, " to ");
		add_day(sb, race + to);
	}
	strbuf_adds(sb, ")");
}

static void add_massage_step(const struct advice_context *ctx, const struct race_recovery *out,
                             struct advice_list *list, struct strbuf *sb)
{
	int32_t race = out->race->date;
	struct advice *a;

	strbuf_adds(sb, "a deep-tissue massage on ");
	add_days(sb, race, out->massage_from, out->massage_to);
	strbuf_adds(sb, ", once the worst tenderness has passed; drink extra water after it");
	a = add_sb(list, rulebook_get(ctx->rules, RULE_MASSAGE), ADVICE_ADVICE,
	           race + out->massage_from, race + out->massage_to, sb);
	for (size_t i = 0; i < ctx->sessions.n; i++) {
		const struct recovery *s = &ctx->sessions.items[i];

		if (modality_kind(s->modality) == MODALITY_MASSAGE && s->day > race &&
		    s->day <= race + out->massage_to) {
			add_day(sb, s->day);
			advice_fact(a, "%s on %s (day %d)", modality_name(s->modality), sb->buf,
			            s->day - race);
			strbuf_reset(sb);
		}
	}
}

static void add_reverse_steps(const struct advice_context *ctx, const struct race_recovery *out,
                              struct advice_list *list, struct strbuf *sb)
{
	const struct rule *r = rulebook_get(ctx->rules, RULE_RECOVERY);
	enum units u = units_of(ctx);

	for (int w = 0; w < out->reverse_weeks; w++) {
		int32_t from = out->reverse_from + 7 * w;
		struct advice *a;

		strbuf_addf(sb, "reverse taper, week %d from ", w + 1);
		add_day(sb, from);
		strbuf_addf(sb, ": about %.0f %% of your peak week", out->reverse_share[w] * 100);
		if (isfinite(out->peak_s)) {
			strbuf_adds(sb, ", ");
			add_amount(sb, out->peak_s * out->reverse_share[w],
			           out->peak_m * out->reverse_share[w], u);
		}
		a = add_sb(list, r, ADVICE_ADVICE, from, from + 6, sb);
		if (isfinite(out->peak_s)) {
			add_amount(sb, out->peak_s, out->peak_m, u);
			advice_fact(a, "peak week before the race: %s", sb->buf);
			strbuf_reset(sb);
		} else {
			advice_fact(a,
			            "no running logged in the weeks before the race to size it by");
		}
	}
	if (out->reverse_weeks) {
		strbuf_adds(sb, "back to your full week from ");
		add_day(sb, out->reverse_from + 7 * out->reverse_weeks);
		add_sb(list, r, ADVICE_ADVICE, out->reverse_from + 7 * out->reverse_weeks,
		       out->reverse_from + 7 * out->reverse_weeks, sb);
	}
}

static void add_clinician_steps(const struct advice_context *ctx, const struct race_recovery *out,
                                struct advice_list *list, struct strbuf *sb)
{
	const struct rule *r = rulebook_get(ctx->rules, RULE_CLINIC);
	int days = (int)param(ctx, RULE_CLINIC, "days");
	struct advice *a;

	strbuf_adds(sb, "if pain from the race is not better by ");
	add_day(sb, out->clinician);
	strbuf_addf(sb, " (day %d), see a doctor or physio", days);
	a = add_sb(list, r, ADVICE_ADVICE, out->clinician, out->clinician, sb);
	advice_fact(a, "soreness after a race should fade within about a week");
	for (size_t i = 0; i < ctx->injuries.n; i++) {
		const struct injury *inj = &ctx->injuries.items[i];
		struct injury_course course;
		int32_t when = inj->onset + days;

		if (!injury_open(inj, ctx->today)) {
			continue;
		}
		injury_course(ctx->regions, inj, &ctx->checkins, &ctx->sessions, ctx->today,
		              &course);
		if (when > ctx->today) {
			strbuf_adds(sb, "see a doctor or physio on ");
			add_day(sb, when);
			strbuf_adds(sb, " if your ");
			add_region(sb, ctx, inj->region, inj->side);
			strbuf_adds(sb, " injury is not better by then");
		} else if (course.trend.verdict != TREND_IMPROVING) {
			when = ctx->today;
			strbuf_adds(sb, "see a doctor or physio now: your ");
			add_region(sb, ctx, inj->region, inj->side);
			strbuf_addf(sb, " injury has lasted %d days %s", when - inj->onset,
			            course.trend.verdict == TREND_UNKNOWN
			                    ? "with no sign of improving"
			                    : "and is not improving");
		} else {
			when = ctx->today;
			strbuf_adds(sb, "your ");
			add_region(sb, ctx, inj->region, inj->side);
			strbuf_adds(sb, " injury is improving: see a doctor or physio if it stops");
		}
		a = add_sb(list, r, ADVICE_WARNING, when, when, sb);
		strbuf_adds(sb, "injury since ");
		add_day(sb, inj->onset);
		strbuf_addf(sb, ", trend %s", trend_verdict_name(course.trend.verdict));
		if (course.trend.n_days) {
			strbuf_addf(sb, ", %s %d on ", measure_name(course.measure),
			            course.trend.last.value);
			add_day(sb, course.trend.last.day);
		}
		advice_fact(a, "%s", sb->buf);
		strbuf_reset(sb);
		injury_course_release(&course);
	}
}

/* Order list->items[first..] by first day, keeping the order of equals. */
static void sort_from(struct advice_list *list, size_t first)
{
	for (size_t i = first + 1; i < list->n_items; i++) {
		for (size_t j = i; j > first && list->items[j - 1].from > list->items[j].from;
		     j--) {
			struct advice t = list->items[j];

			list->items[j] = list->items[j - 1];
			list->items[j - 1] = t;
		}
	}
}

void readiness_recover(const struct advice_context *ctx, const struct race *race,
                       struct race_recovery *out, struct advice_list *list)
{
	const struct rule *r;
	struct strbuf sb = STRBUF_INIT;
	size_t first = list->n_items;
	struct advice *a;

	plan_recovery(ctx, race, out);
	r = step_rule(ctx, out);

	strbuf_adds(&sb, "no running on ");
	add_days(&sb, race->date, 1, out->rest_days);
	if (out->rest_max_days > out->rest_days) {
		strbuf_adds(&sb, ", or up to ");
		add_days(&sb, race->date, out->rest_max_days, out->rest_max_days);
		strbuf_adds(&sb, " if your legs still ache");
	}
	strbuf_adds(&sb, ": rest and walk");
	a = add_sb(list, r, ADVICE_WARNING, race->date + 1, race->date + out->rest_days, &sb);
	add_amount(&sb, race->result_s, race->distance_m, units_of(ctx));
	advice_fact(a, "raced %s", sb.buf);
	strbuf_reset(&sb);

	if (out->cross_from <= out->rest_max_days) {
		strbuf_adds(&sb,
		            "light cross-training if it does not hurt (an easy spin, a swim, a "
		            "walk) on ");
		add_days(&sb, race->date, out->cross_from, out->rest_max_days);
		add_sb(list, r, ADVICE_ADVICE, race->date + out->cross_from,
		       race->date + out->rest_max_days, &sb);
	}

	if (out->massage) {
		add_massage_step(ctx, out, list, &sb);
	}

	strbuf_adds(&sb, "first runs from ");
	add_days(&sb, race->date, out->rest_days + 1, out->rest_days + 1);
	strbuf_addf(&sb,
	            ": short and easy, at most %d min on the flat, once walking and stairs "
	            "are pain-free",
	            out->first_run_min);
	add_sb(list, r, ADVICE_ADVICE, race->date + out->rest_days + 1,
	       race->date + out->rest_days + 7, &sb);

	if (out->easy_days > out->rest_days) {
		strbuf_adds(&sb, "easy running only until ");
		add_days(&sb, race->date, out->easy_days, out->easy_days);
		strbuf_adds(&sb, ": no speed work, hills or races");
		a = add_sb(list, rulebook_get(ctx->rules, RULE_RECOVERY), ADVICE_WARNING,
		           race->date + out->rest_days + 1, race->date + out->easy_days, &sb);
		advice_fact(a, "%g easy day%s per mile raced",
		            param(ctx, RULE_RECOVERY, "easy_days_per_mile"),
		            param(ctx, RULE_RECOVERY, "easy_days_per_mile") == 1 ? "" : "s");
	}

	add_reverse_steps(ctx, out, list, &sb);
	add_clinician_steps(ctx, out, list, &sb);
	sort_from(list, first);
	strbuf_release(&sb);
}
