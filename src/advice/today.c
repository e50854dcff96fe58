/*
 * today.c: readiness and the one-day rules (see today.h).
 *
 * Each rule is one function reading the context and appending advice;
 * readiness is put together afterwards from what the rules found and
 * from the same inputs. Every window is a closed range of days ending on
 * the day asked about ("within 3 days" of Tuesday is Saturday to
 * Tuesday), and nothing after that day is looked at, which is what lets
 * the week ask about its past days with the same context.
 */
#include "advice/today.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/plan.h"
#include "base/date.h"
#include "base/strbuf.h"
#include "base/units.h"
#include "base/xalloc.h"
#include "core/sport.h"

const char *today_level_name(enum today_level l)
{
	switch (l) {
	case TODAY_READY:
		return "ready";
	case TODAY_CAUTION:
		return "caution";
	case TODAY_REST:
		return "rest";
	}
	return "?";
}

/* ---- small pieces of text ---- */

/* "Sat 2026-11-21". */
static void add_day(struct strbuf *sb, int32_t day)
{
	char iso[DATE_ISO_LEN];

	date_format(day, iso);
	strbuf_addf(sb, "%s %s", date_weekday_abbr(date_weekday(day)), iso);
}

/* "right hamstrings", "glutes (both sides)", "lower back". */
static void add_region(struct strbuf *sb, const struct advice_context *ctx, const char *code,
                       enum side side)
{
	const struct region *r = ctx->regions ? region_by_code(ctx->regions, code) : NULL;

	if (r) {
		struct region_ref ref = { r, r->sided ? side : SIDE_NONE };

		region_ref_describe(sb, &ref);
	} else if (side_name(side)) {
		strbuf_addf(sb, "%s %s", side_name(side), code);
	} else {
		strbuf_adds(sb, code);
	}
}

static enum units ctx_units(const struct advice_context *ctx)
{
	return ctx->profile ? ctx->profile->units : UNITS_KM;
}

/* Whether text mentions word, ignoring letter case. */
static bool mentions(const char *text, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = text; p && *p; p++) {
		size_t i = 0;

		while (i < n && p[i] &&
		       tolower((unsigned char)p[i]) == tolower((unsigned char)word[i])) {
			i++;
		}
		if (i == n) {
			return true;
		}
	}
	return false;
}

static void add_reason(struct today *t, const struct strbuf *sb)
{
	t->reasons = xrealloc(t->reasons, (t->n_reasons + 1) * sizeof(*t->reasons));
	t->reasons[t->n_reasons++] = xstrdup(sb->buf);
}

static void raise_level(struct today *t, enum today_level l)
{
	if (l > t->level) {
		t->level = l;
	}
}

/* ---- regions checked in over a window ---- */

struct spots {
	struct today_sore *items;
	size_t n, alloc;
};

/* A region's place in the catalogue; those it lacks come after all. */
static long region_index(const struct advice_context *ctx, const char *code)
{
	const struct region *r = ctx->regions ? region_by_code(ctx->regions, code) : NULL;

	return r ? (long)(r - ctx->regions->regions) : LONG_MAX;
}

/* Whether x goes before y: the catalogue's order (regions it lacks go
 * last, by code), then the side. */
static bool spot_before(const struct advice_context *ctx, const struct today_sore *x,
                        const struct today_sore *y)
{
	long rx = region_index(ctx, x->region), ry = region_index(ctx, y->region);
	int c = strcmp(x->region, y->region);

	if (rx != ry) {
		return rx < ry;
	}
	if (c) {
		return c < 0;
	}
	return x->side < y->side;
}

/* Sum the check-ins of [from, to] per region and side into out (sorted
 * by the catalogue's order): the highest level of each measure and its
 * latest day. */
static void spots_collect(const struct advice_context *ctx, int32_t from, int32_t to,
                          struct spots *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < ctx->checkins.n; i++) {
		const struct checkin *c = &ctx->checkins.items[i];
		struct today_sore *s = NULL;

		if (c->day < from || c->day > to) {
			continue;
		}
		for (size_t j = 0; j < out->n; j++) {
			if (!strcmp(out->items[j].region, c->region) &&
			    out->items[j].side == c->side) {
				s = &out->items[j];
			}
		}
		if (!s) {
			if (out->n == out->alloc) {
				out->alloc = out->alloc ? 2 * out->alloc : 8;
				out->items = xrealloc(out->items, out->alloc * sizeof(*out->items));
			}
			s = &out->items[out->n++];
			memset(s, 0, sizeof(*s));
			memcpy(s->region, c->region, sizeof(s->region));
			s->side = c->side;
			s->last = DATE_NONE;
			for (int m = 0; m < MEASURE_COUNT; m++) {
				s->level[m] = -1;
				s->day[m] = DATE_NONE;
			}
		}
		for (int m = 0; m < MEASURE_COUNT; m++) {
			int v = c->level[m];

			if (v >= 0 &&
			    (v > s->level[m] || (v == s->level[m] && c->day > s->day[m]))) {
				s->level[m] = v;
				s->day[m] = c->day;
			}
		}
		if (s->last == DATE_NONE || c->day > s->last) {
			s->last = c->day;
		}
	}
	/* insertion sort: a few regions, and the order needs the catalogue */
	for (size_t i = 1; i < out->n; i++) {
		struct today_sore s = out->items[i];
		size_t j = i;

		while (j > 0 && spot_before(ctx, &s, &out->items[j - 1])) {
			out->items[j] = out->items[j - 1];
			j--;
		}
		out->items[j] = s;
	}
}

/* The higher of soreness and pain of s, and which it is. */
static int sore_or_pain(const struct today_sore *s, enum measure *which)
{
	bool pain = s->level[MEASURE_PAIN] > s->level[MEASURE_SORENESS];

	*which = pain ? MEASURE_PAIN : MEASURE_SORENESS;
	return s->level[*which];
}

/* "left calf soreness 4 on Mon 2026-11-23". */
static void add_spot(struct strbuf *sb, const struct advice_context *ctx,
                     const struct today_sore *s, enum measure m)
{
	add_region(sb, ctx, s->region, s->side);
	strbuf_addf(sb, " %s %d on ", measure_name(m), s->level[m]);
	add_day(sb, s->day[m]);
}

static bool within_code(const struct advice_context *ctx, const char *code,
                        const struct region *ancestor)
{
	const struct region *r = ancestor ? region_by_code(ctx->regions, code) : NULL;

	return r && region_within(ctx->regions, r, ancestor);
}

/* ---- the day's facts ---- */

static bool injury_active_on(const struct injury *inj, int32_t day)
{
	return inj->onset <= day && (inj->resolved == DATE_NONE || inj->resolved > day);
}

static void read_injuries(const struct advice_context *ctx, struct today *t)
{
	int32_t day = ctx->today;
	int window = (int)rules_param(ctx->rules, "injury-no-run", "recent_days");

	t->injuries = xcalloc(ctx->injuries.n + 1, sizeof(*t->injuries));
	for (size_t i = 0; i < ctx->injuries.n; i++) {
		const struct injury *inj = &ctx->injuries.items[i];
		struct today_injury *ti;
		struct injury as_of;

		if (!injury_active_on(inj, day)) {
			continue;
		}
		/* as it stood on the day: a later resolution is not known yet */
		as_of = *inj;
		if (as_of.resolved != DATE_NONE) {
			as_of.resolved = DATE_NONE;
			as_of.status = INJURY_ACTIVE;
		}
		ti = &t->injuries[t->n_injuries++];
		ti->injury = inj;
		injury_course(ctx->regions, &as_of, &ctx->checkins, &ctx->sessions, day,
		              &ti->course);
		ti->days = day - inj->onset;
		ti->latest = -1;
		ti->latest_day = DATE_NONE;
		if (ti->course.trend.n_days && ti->course.trend.last.day >= day - window) {
			ti->latest = ti->course.trend.last.value;
			ti->latest_day = ti->course.trend.last.day;
		}
	}
}

/* The latest race run within the days that post-marathon-rest and the
 * post-race days look back over, or NULL. */
static const struct race *recent_race(const struct advice_context *ctx)
{
	const struct race *best = NULL;

	for (size_t i = 0; i < ctx->races.n_races; i++) {
		const struct race *r = &ctx->races.races[i];

		if (r->status == RACE_DONE && r->date <= ctx->today &&
		    (!best || r->date > best->date)) {
			best = r;
		}
	}
	return best;
}

static void read_workout(const struct advice_context *ctx, struct today *t)
{
	const struct plan *p = &ctx->plan;
	struct workout_match *m;

	t->has_plan = p->id != 0;
	t->workout = advice_workout_on(ctx, ctx->today);
	memset(&t->match, 0, sizeof(t->match));
	t->match.share = (double)NAN;
	t->match.done_on = DATE_NONE;
	if (!t->workout) {
		return;
	}
	m = xcalloc(p->n_workouts, sizeof(*m));
	plan_match(p, ctx->from, ctx->until, ctx->activities.activities,
	           ctx->activities.n_activities, ctx->today, m);
	t->match = m[t->workout - p->workouts];
	free(m);
}

bool today_acwr_settled(const struct advice_context *ctx)
{
	for (size_t i = 0; i < ctx->n_fitness && ctx->fitness[i].day <= ctx->today; i++) {
		if (ctx->fitness[i].load > 0) {
			return ctx->today - ctx->fitness[i].day >= PMC_CHRONIC_DAYS;
		}
	}
	return false;
}

/* ---- the rules ---- */

static bool planned_run(const struct today *t)
{
	return t->workout && workout_kind_is_run(t->workout->kind);
}

/* The days after a marathon: no running until rest_from_days, a return
 * with short easy runs if nothing hurts until rest_to_days, and runs of
 * at most first_runs_min for a week after that. Returns whether running
 * is off today. */
static bool rule_post_marathon(const struct advice_context *ctx, struct today *t)
{
	const char *id = "post-marathon-rest";
	const struct rule *rule = rulebook_get(ctx->rules, id);
	const struct race *r = t->last_race;
	int from_days = (int)rule_param(rule, "rest_from_days");
	int to_days = (int)rule_param(rule, "rest_to_days");
	double first_min = rule_param(rule, "first_runs_min");
	struct strbuf sb = STRBUF_INIT;
	int d = t->days_since_race;
	enum units u = ctx_units(ctx);
	struct advice *a;
	bool off = false;

	if (!rule->enabled || !r || r->distance_m < rule_param(rule, "min_distance_km") * 1000 ||
	    d > to_days + 7) {
		return false;
	}
	if (d < from_days) {
		off = true;
		strbuf_adds(&sb, "No running until ");
		add_day(&sb, r->date + from_days);
		strbuf_addf(&sb, " (day %d after %s) at the earliest, and up to ", from_days,
		            r->name);
		add_day(&sb, r->date + to_days);
		strbuf_addf(&sb,
		            " (day %d) if your legs are still sore. Walking, swimming or an "
		            "easy spin are fine if they do not hurt.",
		            to_days);
		if (planned_run(t)) {
			strbuf_adds(&sb, " Today's plan has ");
			plan_add_workout_text(&sb, t->workout, ctx->plan.by, u);
			strbuf_adds(&sb, ": skip it.");
		}
		a = advice_add(&t->advice, rule, ADVICE_WARNING, ctx->today,
		               r->date + from_days - 1, "%s", sb.buf);
	} else if (d <= to_days) {
		strbuf_addf(&sb,
		            "You may start again with short easy runs of at most %.0f min if "
		            "walking and stairs no longer hurt; otherwise rest until ",
		            first_min);
		add_day(&sb, r->date + to_days);
		strbuf_addf(&sb, " (day %d after %s). No speed work or hills yet.", to_days,
		            r->name);
		a = advice_add(&t->advice, rule, ADVICE_ADVICE, ctx->today, r->date + to_days, "%s",
		               sb.buf);
	} else {
		strbuf_addf(&sb, "Keep your runs easy and at most %.0f min until ", first_min);
		add_day(&sb, r->date + to_days + 7);
		strbuf_addf(&sb,
		            "; muscle repair after %s takes 3 to 4 weeks, so no speed work "
		            "or hills yet.",
		            r->name);
		a = advice_add(&t->advice, rule, ADVICE_ADVICE, ctx->today, r->date + to_days + 7,
		               "%s", sb.buf);
	}
	strbuf_reset(&sb);
	add_day(&sb, r->date);
	advice_fact(a, "%s, %.1f km, on %s: %d day%s ago", r->name, r->distance_m / 1000, sb.buf, d,
	            d == 1 ? "" : "s");
	advice_fact(a, "no running for %d to %d days, then runs of at most %.0f min for a week",
	            from_days, to_days, first_min);
	strbuf_release(&sb);
	return off;
}

static void fact_injury(struct advice *a, const struct advice_context *ctx,
                        const struct today_injury *ti)
{
	struct strbuf sb = STRBUF_INIT;
	const struct injury *inj = ti->injury;

	add_region(&sb, ctx, inj->region, inj->side);
	strbuf_adds(&sb, " injured since ");
	add_day(&sb, inj->onset);
	advice_fact(a, "%s (%d days, %s)", sb.buf, ti->days, injury_status_name(inj->status));
	if (inj->cause) {
		advice_fact(a, "suspected cause: %s", inj->cause);
	}
	strbuf_release(&sb);
}

/* An injury hurting at min_pain or more within recent_days: no running,
 * cross-training if it does not hurt more. Returns whether one did. */
static bool rule_injury_no_run(const struct advice_context *ctx, struct today *t)
{
	const struct rule *rule = rulebook_get(ctx->rules, "injury-no-run");
	int min_pain = (int)rule_param(rule, "min_pain");
	struct strbuf sb = STRBUF_INIT, where = STRBUF_INIT;
	bool any = false;

	if (!rule->enabled) {
		return false;
	}
	for (size_t i = 0; i < t->n_injuries; i++) {
		const struct today_injury *ti = &t->injuries[i];
		const struct injury *inj = ti->injury;
		const char *m = measure_name(ti->course.measure);
		struct advice *a;

		if (ti->latest < min_pain) {
			continue;
		}
		strbuf_reset(&sb);
		strbuf_reset(&where);
		add_region(&where, ctx, inj->region, inj->side);
		strbuf_addf(&sb, "No running today (%s: %s %d on ", where.buf, m, ti->latest);
		add_day(&sb, ti->latest_day);
		strbuf_adds(&sb, "). Cross-train instead (swim, bike, pool running) only if that "
		                 "does not hurt more, during or after.");
		if (planned_run(t)) {
			strbuf_adds(&sb, " Today's plan has ");
			plan_add_workout_text(&sb, t->workout, ctx->plan.by, ctx_units(ctx));
			strbuf_adds(&sb, ": replace it with pain-free cross-training or rest.");
		}
		a = advice_add(&t->advice, rule, ADVICE_WARNING, ctx->today, ctx->today, "%s",
		               sb.buf);
		fact_injury(a, ctx, ti);
		strbuf_reset(&sb);
		add_day(&sb, ti->latest_day);
		advice_fact(a, "latest %s %d on %s (the rule: %d or more within %.0f days)", m,
		            ti->latest, sb.buf, min_pain,
		            rules_param(ctx->rules, "injury-no-run", "recent_days"));
		any = true;
	}
	strbuf_release(&sb);
	strbuf_release(&where);
	return any;
}

/* Whether an injury's course says it is not getting better: a flat or
 * rising trend at a level above 0, or no trend at all while the runner
 * still calls it active. */
static bool not_improving(const struct today_injury *ti)
{
	const struct trend *tr = &ti->course.trend;

	switch (tr->verdict) {
	case TREND_FLAT:
	case TREND_WORSE:
		return tr->last.value > 0;
	case TREND_UNKNOWN:
		return ti->injury->status == INJURY_ACTIVE && (!tr->n_days || tr->last.value > 0);
	case TREND_IMPROVING:
		break;
	}
	return false;
}

static void rule_see_clinician(const struct advice_context *ctx, struct today *t)
{
	const struct rule *rule = rulebook_get(ctx->rules, "injury-see-clinician");
	int days = (int)rule_param(rule, "days");
	struct strbuf sb = STRBUF_INIT, where = STRBUF_INIT;

	if (!rule->enabled) {
		return;
	}
	for (size_t i = 0; i < t->n_injuries; i++) {
		const struct today_injury *ti = &t->injuries[i];
		const struct injury *inj = ti->injury;
		const struct trend *tr = &ti->course.trend;
		const char *m = measure_name(ti->course.measure);
		struct advice *a;

		if (ti->days < days || !not_improving(ti)) {
			continue;
		}
		strbuf_reset(&sb);
		strbuf_reset(&where);
		add_region(&where, ctx, inj->region, inj->side);
		if (inj->diagnosis) {
			strbuf_addf(&sb,
			            "Go back to your doctor or physio about your %s: diagnosed as "
			            "%s, it is still not improving after %d days",
			            where.buf, inj->diagnosis, ti->days);
		} else {
			strbuf_addf(&sb,
			            "See a doctor or physio about your %s: it has not improved in "
			            "%d days",
			            where.buf, ti->days);
		}
		if (tr->n_days) {
			strbuf_addf(&sb, " (%s %d, %s)", m, tr->last.value,
			            trend_verdict_name(tr->verdict));
		}
		strbuf_adds(&sb, ". This is not medical advice.");
		a = advice_add(&t->advice, rule, ADVICE_WARNING, ctx->today, ctx->today, "%s",
		               sb.buf);
		fact_injury(a, ctx, ti);
		if (tr->n_days) {
			strbuf_reset(&sb);
			add_day(&sb, tr->first.day);
			strbuf_addf(&sb, ", last %d on ", tr->last.value);
			add_day(&sb, tr->last.day);
			advice_fact(a, "%s: first %d on %s", m, tr->first.value, sb.buf);
			if (isfinite(tr->slope_per_week)) {
				advice_fact(a, "trend %s: %+.2f a week over %zu days with a level",
				            trend_verdict_name(tr->verdict), tr->slope_per_week,
				            tr->n_days);
			} else {
				advice_fact(a, "trend unknown: one day with a level");
			}
		} else {
			advice_fact(a, "no check-ins since onset to tell whether it improves");
		}
		advice_fact(a, "the rule: active %d days or more and not improving", days);
	}
	strbuf_release(&sb);
	strbuf_release(&where);
}

/* Running distance (run and trail) and time (every sport) of [from, to]. */
static void sum_days(const struct advice_context *ctx, int32_t from, int32_t to, double *run_m,
                     double *time_s)
{
	*run_m = 0;
	*time_s = 0;
	for (size_t i = 0; i < ctx->activities.n_activities; i++) {
		const struct activity *a = &ctx->activities.activities[i];
		double s = activity_time_s(a);

		if (a->date < from || a->date > to) {
			continue;
		}
		if (sport_is_running(a->sport) && isfinite(a->distance_m)) {
			*run_m += a->distance_m;
		}
		if (isfinite(s)) {
			*time_s += s;
		}
	}
}

/* "28.00 km", or "4:05:00" of training without running distance. */
static void add_volume(struct strbuf *sb, double v, bool by_distance, enum units u)
{
	if (by_distance) {
		units_add_distance(sb, v, u);
	} else {
		units_add_duration(sb, v);
	}
}

/* A jump in load, by the EWMA ratio or the last 7 days' volume against
 * the 7 before (running distance, or the time of every sport when no
 * running distance was logged), while a region is sore or painful at
 * min_soreness or more. Returns whether it warned. */
static bool rule_load_spike(const struct advice_context *ctx, struct today *t)
{
	const struct rule *rule = rulebook_get(ctx->rules, "load-spike");
	double max_ratio = rule_param(rule, "acwr");
	double max_increase = rule_param(rule, "weekly_increase");
	int min_sore = (int)rule_param(rule, "min_soreness");
	int window = (int)rule_param(rule, "recent_days");
	int32_t day = ctx->today;
	double cur_m, cur_s, prev_m, prev_s, cur, prev, change = (double)NAN;
	bool by_distance, ratio_high, volume_high;
	struct spots spots;
	struct strbuf sb = STRBUF_INIT, sore = STRBUF_INIT;
	enum units u = ctx_units(ctx);
	struct advice *a;
	size_t n_sore = 0;

	if (!rule->enabled) {
		return false;
	}
	sum_days(ctx, day - 6, day, &cur_m, &cur_s);
	sum_days(ctx, day - 13, day - 7, &prev_m, &prev_s);
	by_distance = prev_m > 0 || cur_m > 0;
	cur = by_distance ? cur_m : cur_s;
	prev = by_distance ? prev_m : prev_s;
	if (prev > 0) {
		change = cur / prev - 1;
	}
	ratio_high = t->acwr_settled && t->acwr > max_ratio;
	volume_high = isfinite(change) && change > max_increase;
	if (!ratio_high && !volume_high) {
		return false;
	}
	spots_collect(ctx, day - window, day, &spots);
	for (size_t i = 0; i < spots.n; i++) {
		enum measure m;

		if (sore_or_pain(&spots.items[i], &m) >= min_sore) {
			if (n_sore++) {
				strbuf_adds(&sore, ", ");
			}
			add_spot(&sore, ctx, &spots.items[i], m);
		}
	}
	free(spots.items);
	if (!n_sore) {
		strbuf_release(&sore);
		return false;
	}
	strbuf_adds(&sb, "Load spike: ");
	if (ratio_high) {
		strbuf_addf(&sb, "your acute:chronic ratio is %.2f (above %.1f)", t->acwr,
		            max_ratio);
	}
	if (volume_high) {
		strbuf_addf(&sb, "%syour %s in the last 7 days is up %.0f %% on the 7 before (",
		            ratio_high ? " and " : "", by_distance ? "running" : "training",
		            change * 100);
		add_volume(&sb, cur, by_distance, u);
		strbuf_adds(&sb, " against ");
		add_volume(&sb, prev, by_distance, u);
		strbuf_adds(&sb, ")");
	} else {
		strbuf_adds(&sb, ", with ");
		add_volume(&sb, cur, by_distance, u);
		strbuf_addf(&sb, " of %s in the last 7 days against ",
		            by_distance ? "running" : "training");
		add_volume(&sb, prev, by_distance, u);
		strbuf_adds(&sb, " in the 7 before");
	}
	if (!ratio_high && t->acwr_settled) {
		strbuf_addf(&sb, " at a ratio of %.2f", t->acwr);
	}
	strbuf_addf(&sb,
	            ", and you are sore: %s. Ease off: keep the next days easy or rest "
	            "until the soreness fades.",
	            sore.buf);
	a = advice_add(&t->advice, rule, ADVICE_WARNING, day, day, "%s", sb.buf);
	if (isfinite(t->acwr)) {
		advice_fact(a, "acute:chronic ratio (EWMA 7/28 days) %.2f; the rule: above %.2f%s",
		            t->acwr, max_ratio,
		            t->acwr_settled ? "" : " (left aside: under four weeks of training)");
	}
	strbuf_reset(&sb);
	add_volume(&sb, cur, by_distance, u);
	strbuf_addf(&sb, " %s in the last 7 days, ", by_distance ? "running" : "training");
	add_volume(&sb, prev, by_distance, u);
	strbuf_adds(&sb, " in the 7 before");
	if (isfinite(change)) {
		strbuf_addf(&sb, " (%+.0f %%; the rule: more than %.0f %%)", change * 100,
		            max_increase * 100);
	}
	advice_fact(a, "%s", sb.buf);
	advice_fact(a, "sore at %d or more within %d days: %s", min_sore, window, sore.buf);
	advice_fact(a, "the ratio describes load; it does not predict injury");
	strbuf_release(&sb);
	strbuf_release(&sore);
	return true;
}

/* Hamstring trouble (a check-in within the hamstrings sore or painful at
 * min_level, or an active hamstring injury) with a sign from the glutes:
 * a check-in within them at min_level in any measure, a therapist's
 * finding there, or a suspected cause that names them. */
static void rule_compensation(const struct advice_context *ctx, struct today *t)
{
	const struct rule *rule = rulebook_get(ctx->rules, "compensation");
	int min_level = (int)rule_param(rule, "min_level");
	int window = (int)rule_param(rule, "recent_days");
	const struct region *ham = ctx->regions ? region_by_code(ctx->regions, "hamstrings") : NULL;
	const struct region *glutes = ctx->regions ? region_by_code(ctx->regions, "glutes") : NULL;
	int32_t day = ctx->today;
	struct strbuf trouble = STRBUF_INIT, sign = STRBUF_INIT, sb = STRBUF_INIT;
	size_t n_trouble = 0, n_sign = 0;
	struct spots spots;
	struct advice *a;

	if (!rule->enabled || !ham || !glutes) {
		return;
	}
	spots_collect(ctx, day - window, day, &spots);
	for (size_t i = 0; i < spots.n; i++) {
		const struct today_sore *s = &spots.items[i];
		enum measure m;

		if (within_code(ctx, s->region, ham) && sore_or_pain(s, &m) >= min_level) {
			strbuf_adds(&trouble, n_trouble++ ? "; " : "");
			add_spot(&trouble, ctx, s, m);
		}
		for (int mm = 0; mm < MEASURE_COUNT; mm++) {
			if (within_code(ctx, s->region, glutes) && s->level[mm] >= min_level) {
				strbuf_adds(&sign, n_sign++ ? "; " : "");
				add_spot(&sign, ctx, s, (enum measure)mm);
			}
		}
	}
	free(spots.items);
	for (size_t i = 0; i < t->n_injuries; i++) {
		const struct injury *inj = t->injuries[i].injury;

		if (within_code(ctx, inj->region, ham)) {
			strbuf_adds(&trouble, n_trouble++ ? "; " : "");
			add_region(&trouble, ctx, inj->region, inj->side);
			strbuf_adds(&trouble, " injured since ");
			add_day(&trouble, inj->onset);
		}
		if (inj->cause && mentions(inj->cause, "glute")) {
			strbuf_adds(&sign, n_sign++ ? "; " : "");
			strbuf_addf(&sign, "suspected cause of the injury: \"%s\"", inj->cause);
		}
	}
	for (size_t i = 0; i < ctx->sessions.n; i++) {
		const struct recovery *r = &ctx->sessions.items[i];

		if (r->day < day - window || r->day > day) {
			continue;
		}
		for (size_t j = 0; j < r->n_regions; j++) {
			const struct recovery_region *rr = &r->regions[j];

			if (within_code(ctx, rr->region, glutes) &&
			    (rr->finding == FINDING_TIGHT || rr->finding == FINDING_KNOT ||
			     rr->finding == FINDING_ADHESION)) {
				strbuf_adds(&sign, n_sign++ ? "; " : "");
				strbuf_adds(&sign, "found ");
				finding_describe(&sign, rr->finding, rr->severity);
				strbuf_adds(&sign, " in the ");
				add_region(&sign, ctx, rr->region, rr->side);
				strbuf_addf(&sign, " (%s, ", modality_name(r->modality));
				add_day(&sign, r->day);
				strbuf_adds(&sign, ")");
			}
		}
	}
	if (n_trouble && n_sign) {
		strbuf_adds(&sb,
		            "Your hamstrings may be doing your glutes' work: add glute "
		            "strength two or three times a week (bridges, clamshells, "
		            "side-lying leg raises, single-leg deadlifts), and roll the glutes "
		            "as well as the hamstrings.");
		a = advice_add(&t->advice, rule, ADVICE_ADVICE, day, day, "%s", sb.buf);
		advice_fact(a, "hamstrings: %s", trouble.buf);
		advice_fact(a, "glutes: %s", sign.buf);
		advice_fact(a, "the rule: level %d or more within %d days", min_level, window);
	}
	strbuf_release(&trouble);
	strbuf_release(&sign);
	strbuf_release(&sb);
}

/* Roll what is sore or tight; ice what hurts (pain at min_pain within
 * recent_days), after running and not after strength work, which icing
 * blunts (domain.md 2.3). */
static void rule_self_care(const struct advice_context *ctx, struct today *t, bool no_run)
{
	const struct rule *rule = rulebook_get(ctx->rules, "self-care");
	int min_pain = (int)rule_param(rule, "min_pain");
	int window = (int)rule_param(rule, "recent_days");
	struct strbuf inflamed = STRBUF_INIT, tight = STRBUF_INIT, sb = STRBUF_INIT;
	size_t n_inflamed = 0, n_tight = 0;
	struct advice *a;

	if (!rule->enabled) {
		return;
	}
	for (size_t i = 0; i < t->n_sore; i++) {
		const struct today_sore *s = &t->sore[i];

		if (s->level[MEASURE_PAIN] >= min_pain) {
			strbuf_adds(&inflamed, n_inflamed++ ? ", " : "");
			add_region(&inflamed, ctx, s->region, s->side);
		} else if (s->level[MEASURE_SORENESS] >= min_pain ||
		           s->level[MEASURE_TIGHTNESS] >= min_pain) {
			strbuf_adds(&tight, n_tight++ ? ", " : "");
			add_region(&tight, ctx, s->region, s->side);
		}
	}
	if (!n_inflamed && !n_tight) {
		goto done;
	}
	if (n_inflamed) {
		strbuf_addf(&sb,
		            "Roll your %s gently every day, around the painful spot rather than "
		            "on it, and ice %s for 10 to 15 minutes after %s while it hurts (not "
		            "after strength work).",
		            inflamed.buf, n_inflamed == 1 ? "it" : "them",
		            no_run ? "cross-training" : "runs");
	}
	if (n_tight) {
		strbuf_addf(&sb, "%sRoll your %s for a few minutes every day.",
		            n_inflamed ? " " : "", tight.buf);
	}
	a = advice_add(&t->advice, rule, ADVICE_ADVICE, ctx->today, ctx->today, "%s", sb.buf);
	for (size_t i = 0; i < t->n_sore; i++) {
		const struct today_sore *s = &t->sore[i];

		for (int m = 0; m < MEASURE_COUNT; m++) {
			if (s->level[m] >= min_pain) {
				strbuf_reset(&sb);
				add_spot(&sb, ctx, s, (enum measure)m);
				advice_fact(a, "%s", sb.buf);
			}
		}
	}
	advice_fact(a, "the rule: pain %d or more within %d days is inflamed", min_pain, window);
done:
	strbuf_release(&inflamed);
	strbuf_release(&tight);
	strbuf_release(&sb);
}

/* The day g was first used: its start day, else its first activity,
 * when the context holds every activity g was used for (the store counts
 * them all; the context's history is ADVICE_HISTORY_DAYS long, and a
 * pair older than that is not new). DATE_NONE when unknown. */
static int32_t gear_start(const struct advice_context *ctx, const struct gear *g)
{
	int32_t first = DATE_NONE;
	int n = 0;

	if (g->since != DATE_NONE) {
		return g->since;
	}
	for (size_t i = 0; i < ctx->activities.n_activities; i++) {
		const struct activity *a = &ctx->activities.activities[i];

		if (a->gear_id == g->id) {
			n++;
			if (first == DATE_NONE || a->date < first) {
				first = a->date;
			}
		}
	}
	return n == g->n_activities ? first : DATE_NONE;
}

/* g's distance on the day: the context gives it as of its own day, so a
 * day before that has the activities after it taken off. */
static double gear_distance_on(const struct advice_context *ctx, const struct gear *g, int32_t day)
{
	double d = g->distance_m;

	for (size_t i = 0; i < ctx->activities.n_activities; i++) {
		const struct activity *a = &ctx->activities.activities[i];

		if (a->gear_id == g->id && a->date > day && isfinite(a->distance_m)) {
			d -= a->distance_m;
		}
	}
	return d > 0 ? d : 0;
}

static bool gear_used_between(const struct advice_context *ctx, const struct gear *g, int32_t from,
                              int32_t to)
{
	for (size_t i = 0; i < ctx->activities.n_activities; i++) {
		const struct activity *a = &ctx->activities.activities[i];

		if (a->gear_id == g->id && a->date >= from && a->date <= to) {
			return true;
		}
	}
	return false;
}

/* The first pain at min_pain in a region (any side) between from and to
 * whose region had none in the quiet days before from; its check-in or
 * NULL. */
static const struct checkin *new_pain(const struct advice_context *ctx, int32_t from, int32_t to,
                                      int min_pain, int quiet)
{
	const struct checkin *best = NULL;

	for (size_t i = 0; i < ctx->checkins.n; i++) {
		const struct checkin *c = &ctx->checkins.items[i];
		bool before = false;

		if (c->day < from || c->day > to || c->level[MEASURE_PAIN] < min_pain ||
		    (best && best->day <= c->day)) {
			continue;
		}
		for (size_t j = 0; j < ctx->checkins.n && !before; j++) {
			const struct checkin *e = &ctx->checkins.items[j];

			before = e->day >= from - quiet && e->day < c->day &&
			         e->level[MEASURE_PAIN] >= min_pain &&
			         !strcmp(e->region, c->region) && side_overlaps(e->side, c->side);
		}
		if (!before) {
			best = c;
		}
	}
	return best;
}

static void rule_shoes(const struct advice_context *ctx, struct today *t)
{
	const struct rule *rule = rulebook_get(ctx->rules, "shoes");
	int new_days = (int)rule_param(rule, "new_shoes_days");
	double near = rule_param(rule, "near_limit");
	int min_pain = (int)rule_param(rule, "min_pain");
	int quiet = (int)rule_param(rule, "quiet_days");
	int32_t day = ctx->today;
	struct strbuf sb = STRBUF_INIT, lim = STRBUF_INIT;
	enum units u = ctx_units(ctx);

	if (!rule->enabled) {
		return;
	}
	for (size_t i = 0; i < ctx->gear.n_gears; i++) {
		const struct gear *g = &ctx->gear.gears[i];
		int32_t start = gear_start(ctx, g);
		double dist, frac;
		const struct checkin *c;
		struct advice *a;

		if (g->kind != GEAR_SHOES || (g->retired != DATE_NONE && g->retired <= day) ||
		    (start != DATE_NONE && start > day)) {
			continue;
		}
		dist = gear_distance_on(ctx, g, day);
		frac = isfinite(g->limit_m) && g->limit_m > 0 ? dist / g->limit_m : (double)NAN;
		strbuf_reset(&sb);
		strbuf_reset(&lim);
		units_add_distance(&lim, g->limit_m, u);
		if (isfinite(frac) && frac >= 1) {
			units_add_distance(&sb, dist, u);
			a = advice_add(
			        &t->advice, rule, ADVICE_WARNING, day, day,
			        "Your %s have carried %s, past their %s limit: replace them.",
			        g->name, sb.buf, lim.buf);
			advice_fact(a, "%s: %s of %s (%.0f %%)", g->name, sb.buf, lim.buf,
			            frac * 100);
		} else if (isfinite(frac) && frac >= near) {
			units_add_distance(&sb, dist, u);
			a = advice_add(&t->advice, rule, ADVICE_ADVICE, day, day,
			               "Your %s have carried %s of their %s: get the next pair and "
			               "break it in alongside them.",
			               g->name, sb.buf, lim.buf);
			advice_fact(a, "%s: %.0f %% of the limit (the rule: %.0f %%)", g->name,
			            frac * 100, near * 100);
		}
		if (start == DATE_NONE || start < day - 2 * new_days) {
			continue;
		}
		c = new_pain(ctx, start, start + new_days < day ? start + new_days : day, min_pain,
		             quiet);
		if (!c || day - c->day > new_days || !gear_used_between(ctx, g, start, c->day)) {
			continue;
		}
		strbuf_reset(&sb);
		add_region(&sb, ctx, c->region, c->side);
		strbuf_addf(&sb, " (pain %d on ", c->level[MEASURE_PAIN]);
		add_day(&sb, c->day);
		strbuf_addf(&sb, ") began %d day%s after you started running in your %s",
		            c->day - start, c->day - start == 1 ? "" : "s", g->name);
		a = advice_add(&t->advice, rule, ADVICE_WARNING, day, day,
		               "New pain in your %s: a new shoe changes the load on feet and legs, "
		               "so run in your old pair for a while and see whether it settles.",
		               sb.buf);
		strbuf_reset(&sb);
		add_day(&sb, start);
		advice_fact(a, "%s in use since %s", g->name, sb.buf);
		strbuf_reset(&sb);
		add_day(&sb, c->day);
		advice_fact(a, "first pain %d or more in the %s on %s, none in the %d days before",
		            min_pain, c->region, sb.buf, quiet);
	}
	strbuf_release(&sb);
	strbuf_release(&lim);
}

/* ---- readiness ---- */

/* Whether a sore spot is (within) an injury already given as a reason. */
static bool injured_spot(const struct advice_context *ctx, const struct today *t,
                         const struct today_sore *s)
{
	for (size_t i = 0; i < t->n_injuries; i++) {
		const struct injury *inj = t->injuries[i].injury;

		if (side_overlaps(inj->side, s->side) &&
		    (!strcmp(inj->region, s->region) ||
		     within_code(ctx, s->region,
		                 ctx->regions ? region_by_code(ctx->regions, inj->region)
		                              : NULL))) {
			return true;
		}
	}
	return false;
}

/* Readiness after the last race. A marathon goes by post-marathon-rest
 * (which tells when running is off); a shorter race by race-recovery's
 * conventions, which `knead advise race` shows as a timeline: a day
 * without running per km_per_rest_day km raced, then easy running only
 * for easy_days_per_mile days a mile, both rounded up. */
static void post_race(const struct advice_context *ctx, struct today *t, bool marathon_off,
                      struct strbuf *sb)
{
	const struct race *r = t->last_race;
	const struct rulebook *rb = ctx->rules;
	double km = r->distance_m / 1000;
	int d = t->days_since_race;
	bool marathon = km >= rules_param(rb, "post-marathon-rest", "min_distance_km");
	int rest = (int)ceil(km / rules_param(rb, "race-recovery", "km_per_rest_day"));
	int easy = (int)ceil(r->distance_m / 1609.344 *
	                     rules_param(rb, "race-recovery", "easy_days_per_mile"));
	enum today_level level;

	strbuf_reset(sb);
	strbuf_addf(sb, "%d day%s after %s (%.1f km)", d, d == 1 ? "" : "s", r->name, km);
	if (marathon) {
		if (d > rules_param(rb, "post-marathon-rest", "rest_to_days") + 7) {
			return;
		}
		strbuf_adds(sb, marathon_off ? ": no running yet" : ": short easy runs only");
		level = marathon_off ? TODAY_REST : TODAY_CAUTION;
	} else if (d == 0) {
		strbuf_adds(sb, ": race day");
		level = TODAY_CAUTION;
	} else if (d <= rest) {
		strbuf_adds(sb, ": no running until ");
		add_day(sb, r->date + rest + 1);
		level = TODAY_REST;
	} else if (d <= easy) {
		strbuf_adds(sb, ": easy running only until ");
		add_day(sb, r->date + easy);
		level = TODAY_CAUTION;
	} else {
		return;
	}
	add_reason(t, sb);
	raise_level(t, level);
}

/* Whether any training is logged up to the day. */
static bool has_training(const struct advice_context *ctx)
{
	for (size_t i = 0; i < ctx->activities.n_activities; i++) {
		if (ctx->activities.activities[i].date <= ctx->today) {
			return true;
		}
	}
	return false;
}

static void readiness(const struct advice_context *ctx, struct today *t, bool marathon_off,
                      bool no_run, bool spike)
{
	int sore_min = (int)rules_param(ctx->rules, "self-care", "min_pain");
	const struct race *r = t->last_race;
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < t->n_injuries; i++) {
		const struct today_injury *ti = &t->injuries[i];

		strbuf_reset(&sb);
		add_region(&sb, ctx, ti->injury->region, ti->injury->side);
		strbuf_addf(&sb, " injured for %d days", ti->days);
		if (ti->latest >= 0) {
			strbuf_addf(&sb, ", %s %d on ", measure_name(ti->course.measure),
			            ti->latest);
			add_day(&sb, ti->latest_day);
		}
		if (ti->course.trend.verdict != TREND_UNKNOWN) {
			strbuf_addf(&sb, ", %s", trend_verdict_name(ti->course.trend.verdict));
		}
		add_reason(t, &sb);
	}
	raise_level(t, t->n_injuries ? TODAY_CAUTION : TODAY_READY);
	if (no_run) {
		raise_level(t, TODAY_REST);
	}
	if (r) {
		post_race(ctx, t, marathon_off, &sb);
	}
	for (size_t i = 0; i < t->n_sore; i++) {
		const struct today_sore *s = &t->sore[i];
		enum measure m;

		if (sore_or_pain(s, &m) >= sore_min && !injured_spot(ctx, t, s)) {
			strbuf_reset(&sb);
			add_spot(&sb, ctx, s, m);
			add_reason(t, &sb);
			raise_level(t, TODAY_CAUTION);
		}
	}
	if (spike) {
		strbuf_reset(&sb);
		strbuf_adds(&sb, "load spike with soreness (see load-spike)");
		add_reason(t, &sb);
		raise_level(t, TODAY_CAUTION);
	} else if (t->acwr_settled && t->acwr > TODAY_ACWR_HIGH) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "acute:chronic ratio %.2f, above the usual 0.8-1.3", t->acwr);
		add_reason(t, &sb);
		raise_level(t, TODAY_CAUTION);
	}
	if (isfinite(t->tsb) && t->tsb < TODAY_TSB_LOW) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "form %.1f: fatigue well above fitness (below %.0f)", t->tsb,
		            TODAY_TSB_LOW);
		add_reason(t, &sb);
		raise_level(t, TODAY_CAUTION);
	}
	strbuf_reset(&sb);
	if (isfinite(t->tsb) && has_training(ctx)) {
		strbuf_addf(&sb, "form %+.1f, fitness %.1f", t->tsb, t->ctl);
		if (t->acwr_settled) {
			strbuf_addf(&sb, ", ratio %.2f", t->acwr);
		}
	} else {
		strbuf_adds(&sb, "no training logged yet to judge form");
	}
	if (t->level == TODAY_READY) {
		strbuf_adds(&sb, "; nothing sore, injured or recently raced");
	}
	add_reason(t, &sb);
	strbuf_release(&sb);
}

void today_advise(const struct advice_context *ctx, struct today *out)
{
	const struct pmc_day *fit = advice_fitness_on(ctx, ctx->today);
	int window = (int)rules_param(ctx->rules, "self-care", "recent_days");
	struct spots spots;
	bool marathon_off, no_run, spike;

	memset(out, 0, sizeof(*out));
	out->day = ctx->today;
	out->advice = (struct advice_list)ADVICE_LIST_INIT;
	out->tsb = fit ? fit->tsb : (double)NAN;
	out->acwr = fit ? fit->acwr_ewma : (double)NAN;
	out->ctl = fit ? fit->ctl : (double)NAN;
	out->acwr_settled = isfinite(out->acwr) && today_acwr_settled(ctx);
	out->level = TODAY_READY;
	out->last_race = recent_race(ctx);
	out->days_since_race = out->last_race ? ctx->today - out->last_race->date : -1;
	read_workout(ctx, out);
	read_injuries(ctx, out);
	spots_collect(ctx, ctx->today - window, ctx->today, &spots);
	out->sore = spots.items;
	out->n_sore = spots.n;

	marathon_off = rule_post_marathon(ctx, out);
	no_run = rule_injury_no_run(ctx, out);
	rule_see_clinician(ctx, out);
	spike = rule_load_spike(ctx, out);
	rule_compensation(ctx, out);
	rule_self_care(ctx, out, no_run || marathon_off);
	rule_shoes(ctx, out);
	advice_list_warnings_first(&out->advice);
	readiness(ctx, out, marathon_off, no_run, spike);
}

void today_release(struct today *t)
{
	for (size_t i = 0; i < t->n_reasons; i++) {
		free(t->reasons[i]);
	}
	free(t->reasons);
	for (size_t i = 0; i < t->n_injuries; i++) {
		injury_course_release(&t->injuries[i].course);
	}
	free(t->injuries);
	free(t->sore);
	advice_list_release(&t->advice);
	memset(t, 0, sizeof(*t));
}
