/*
 * plan.c (advice): plans built back from a race, and matched to what was
 * done (see plan.h).
 *
 * Building goes in three steps: the figures of each week (phase, volume,
 * long run, cutback), then the weekly pattern of days (which offsets from
 * the long-run day are hard, easy, rest), then the workouts of each day.
 * The pattern is found by trying every way to place the running days,
 * which is small (at most 6 choose 3 days times 3 choose 2 hard ones).
 */
#include "advice/plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/datafile.h"
#include "base/date.h"
#include "base/xalloc.h"
#include "store/store_activity.h"
#include "store/store_plan.h"
#include "store/store_race.h"

#define TEMPLATE_PREFIX "plans/"
#define TEMPLATE_SUFFIX ".ini"
/* More templates than knead ships; the built-in list is fixed at build. */
#define MAX_TEMPLATES 64
/* A race this many times longer or shorter than every template gets none. */
#define TEMPLATE_MAX_RATIO 2.0
/* Targets round to 5 minutes, distances to half a display unit. */
#define ROUND_S 300.0

/* ---- templates ---- */

static size_t template_names(const char **names)
{
	size_t n = datafile_list(TEMPLATE_PREFIX, names, MAX_TEMPLATES);

	return n < MAX_TEMPLATES ? n : MAX_TEMPLATES;
}

/* The code of a data file name: "plans/half.ini" gives "half" (n bytes). */
static const char *code_of(const char *name, size_t *n)
{
	const char *code = name + strlen(TEMPLATE_PREFIX);
	size_t len = strlen(code), suffix = strlen(TEMPLATE_SUFFIX);

	*n = len > suffix && strcmp(code + len - suffix, TEMPLATE_SUFFIX) == 0 ? len - suffix : len;
	return code;
}

void plan_template_add_codes(struct strbuf *sb)
{
	const char *names[MAX_TEMPLATES];
	size_t n = template_names(names);

	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *code = code_of(names[i], &len);

		strbuf_addf(sb, "%s%.*s", i ? ", " : "", (int)len, code);
	}
}

enum err_code plan_template_load(const char *code, struct plan_template *out, struct err *err)
{
	const char *names[MAX_TEMPLATES];
	size_t n = template_names(names);
	struct strbuf name = STRBUF_INIT, text = STRBUF_INIT, origin = STRBUF_INIT;
	bool known = false;
	enum err_code rc;

	memset(out, 0, sizeof(*out));
	strbuf_addf(&name, "%s%s%s", TEMPLATE_PREFIX, code, TEMPLATE_SUFFIX);
	for (size_t i = 0; i < n; i++) {
		known = known || strcmp(names[i], name.buf) == 0;
	}
	if (!known) {
		struct strbuf codes = STRBUF_INIT;

		plan_template_add_codes(&codes);
		rc = err_set(err, ERR_INPUT, "no plan template '%s' (there are %s)", code,
		             codes.buf);
		strbuf_release(&codes);
		strbuf_release(&name);
		return rc;
	}
	rc = datafile_read(name.buf, &text, &origin, err);
	if (!rc) {
		rc = plan_template_parse(out, code, text.buf, origin.buf, err);
	}
	strbuf_release(&name);
	strbuf_release(&text);
	strbuf_release(&origin);
	return rc;
}

enum err_code plan_template_choose(double distance_m, struct plan_template *out, struct err *err)
{
	const char *names[MAX_TEMPLATES];
	size_t n = template_names(names);
	double best = (double)INFINITY;
	struct strbuf have = STRBUF_INIT;
	enum err_code rc = ERR_OK;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n && !rc; i++) {
		struct plan_template t;
		size_t len;
		const char *c = code_of(names[i], &len);
		char *code = xstrndup(c, len);
		double ratio;

		rc = plan_template_load(code, &t, err);
		free(code);
		if (rc) {
			break;
		}
		strbuf_addf(&have, "%s%s %.1f km", have.len ? ", " : "", t.code,
		            t.distance_m / 1000);
		ratio = fabs(log(distance_m / t.distance_m));
		if (ratio < best) {
			plan_template_release(out);
			*out = t;
			best = ratio;
		} else {
			plan_template_release(&t);
		}
	}
	if (!rc && best > log(TEMPLATE_MAX_RATIO)) {
		plan_template_release(out);
		rc = err_set(
		        err, ERR_INPUT,
		        "no plan template fits a race of %.1f km (there are %s): name one with "
		        "--template",
		        distance_m / 1000, have.len ? have.buf : "none");
	}
	if (rc) {
		plan_template_release(out);
	}
	strbuf_release(&have);
	return rc;
}

/* ---- recent running ---- */

enum err_code plan_recent_read(struct store *s, int64_t athlete_id, int32_t today,
                               struct plan_recent *out, struct err *err)
{
	struct activity_query q;
	struct activity_list list = ACTIVITY_LIST_INIT;
	int32_t from = today - 7 * PLAN_RECENT_WEEKS, first, last;
	double time_s = 0, distance_m = 0;
	enum err_code rc;

	memset(out, 0, sizeof(*out));
	out->weeks = PLAN_RECENT_WEEKS;
	activity_query_init(&q, athlete_id);
	q.from = from;
	q.to = today - 1;
	q.sports = (1u << SPORT_RUN) | (1u << SPORT_TRAIL);
	rc = store_activity_list(s, &q, &list, err);
	if (!rc) {
		rc = store_activity_span(s, athlete_id, &first, &last, err);
	}
	if (rc) {
		activity_list_release(&list);
		return rc;
	}
	/* a log younger than the window: average over the weeks it covers */
	if (first != DATE_NONE && first > from) {
		out->weeks = (double)(today - first) / 7;
		if (out->weeks < 1) {
			out->weeks = 1;
		}
	}
	for (size_t i = 0; i < list.n_activities; i++) {
		const struct activity *a = &list.activities[i];
		double t = activity_time_s(a);

		if (isfinite(t)) {
			time_s += t;
		}
		if (isfinite(a->distance_m)) {
			distance_m += a->distance_m;
		}
	}
	out->runs = (int)list.n_activities;
	out->time_s = time_s / out->weeks;
	out->distance_m = distance_m / out->weeks;
	activity_list_release(&list);
	return ERR_OK;
}

/* ---- the weekly pattern ---- */

enum day_role {
	ROLE_REST,
	ROLE_EASY,
	ROLE_HARD,
	ROLE_LONG,
	ROLE_STRENGTH,
};

/* A week's days by their offset after the long-run day: offset 0 is the
 * long run's (or race's) weekday, 1 the day after, and so on. */
struct pattern {
	enum day_role role[7];
	int hard; /* quality days it has */
};

/* How a placement of running days scores: hard days spread (min_gap, the
 * more the better), few runs on consecutive days, rest the day after the
 * long run; ties go to the earlier days. */
struct placement {
	unsigned runs;        /* bit o: a run at offset o (bit 0, the long run, always) */
	unsigned hard;        /* bit o: a quality session at offset o */
	int min_gap;          /* fewest days between two hard days, the long runs included */
	int adjacent;         /* pairs of running days in a row, around the week */
	bool rest_after_long; /* offset 1 is a rest day */
};

static int popcount(unsigned v)
{
	int n = 0;

	for (; v; v &= v - 1) {
		n++;
	}
	return n;
}

/* Fill in the scores of pl; false if a hard day is next to another or to
 * a long run. */
static bool score(struct placement *pl)
{
	int prev = 0;

	pl->min_gap = 7;
	for (int o = 1; o <= 7; o++) {
		if (o == 7 || (pl->hard >> o) & 1) {
			if (o - prev < 2) {
				return false;
			}
			if (o - prev < pl->min_gap) {
				pl->min_gap = o - prev;
			}
			prev = o;
		}
	}
	pl->adjacent = 0;
	for (int o = 0; o < 7; o++) {
		if ((pl->runs >> o) & 1 && (pl->runs >> ((o + 1) % 7)) & 1) {
			pl->adjacent++;
		}
	}
	pl->rest_after_long = !((pl->runs >> 1) & 1);
	return true;
}

/* Negative if set a comes before set b: at the first offset where they
 * differ, the one holding it is the earlier. */
static int earlier(unsigned a, unsigned b)
{
	for (int o = 0; o < 7; o++) {
		if (((a ^ b) >> o) & 1) {
			return (a >> o) & 1 ? -1 : 1;
		}
	}
	return 0;
}

static bool better(const struct placement *a, const struct placement *b)
{
	if (a->min_gap != b->min_gap) {
		return a->min_gap > b->min_gap;
	}
	if (a->adjacent != b->adjacent) {
		return a->adjacent < b->adjacent;
	}
	if (a->rest_after_long != b->rest_after_long) {
		return a->rest_after_long;
	}
	if (a->runs != b->runs) {
		return earlier(a->runs, b->runs) < 0;
	}
	return earlier(a->hard, b->hard) < 0;
}

/* The best placement of `days` running days with `hard` quality days;
 * false if no placement spaces that many hard days. */
static bool place(int days, int hard, struct placement *best)
{
	bool found = false;

	for (unsigned mask = 0; mask < 64; mask++) {
		unsigned runs = 1u | (mask << 1);

		if (popcount(mask) != days - 1) {
			continue;
		}
		/* every subset of the other running days, as the hard ones */
		for (unsigned sub = mask;; sub = (sub - 1) & mask) {
			struct placement pl = { runs, sub << 1, 0, 0, false };

			if (popcount(sub) == hard && score(&pl) && (!found || better(&pl, best))) {
				*best = pl;
				found = true;
			}
			if (sub == 0) {
				break;
			}
		}
	}
	return found;
}

static void make_pattern(int days, int hard, bool strength, struct pattern *out)
{
	struct placement pl = { 1u, 0, 7, 0, true };
	int chosen = -1;

	while (!place(days, hard, &pl)) {
		hard--; /* hard >= 0 always places: a long run alone is spaced */
	}
	out->hard = hard;
	for (int o = 0; o < 7; o++) {
		out->role[o] = o == 0               ? ROLE_LONG
		               : (pl.hard >> o) & 1 ? ROLE_HARD
		               : (pl.runs >> o) & 1 ? ROLE_EASY
		                                    : ROLE_REST;
	}
	if (!strength) {
		return;
	}
	/* strength not the day before a hard day or the long run; best away
	 * from the long run on both sides */
	for (int pass = 0; pass < 2 && chosen < 0; pass++) {
		for (int o = 1; o < 7 && chosen < 0; o++) {
			enum day_role next = out->role[(o + 1) % 7];

			if (out->role[o] != ROLE_REST || next == ROLE_HARD || next == ROLE_LONG) {
				continue;
			}
			if (pass == 0 && (o == 1 || o == 6)) {
				continue;
			}
			chosen = o;
		}
	}
	if (chosen >= 0) {
		out->role[chosen] = ROLE_STRENGTH;
	}
}

/* ---- building ---- */

/* A week's figures before its days are laid out. */
struct week_figures {
	enum plan_phase phase;
	double volume;   /* the week's running, in the plan's measure */
	double long_run; /* the long run, NAN in the race's week */
	bool cutback;    /* a cutback week */
};

struct gen {
	const struct plan_request *req;
	const struct plan_template *t;
	struct plan *p;
	int weeks;                       /* the plan's */
	int pre;                         /* weeks before the taper */
	int longest_week;                /* the week of the longest run */
	int count[PLAN_TAPER];           /* weeks of base, build, peak */
	double start;                    /* week 1's volume before the floors (S') */
	double peak;                     /* the peak week's volume (P) */
	double step;                     /* rounding of targets */
	size_t cursor[PLAN_PHASE_COUNT]; /* next quality session of each phase */
	struct week_figures *fig;        /* per week, [0] is week 1 */
};

static double measure(const struct gen *g, struct plan_amount a)
{
	return g->req->by == PLAN_BY_TIME ? a.s : a.m;
}

static double round_to(double v, double step)
{
	double r = round(v / step) * step;

	return r < step ? step : r;
}

/* Split the weeks before the taper into base, build and peak by their
 * shares (largest remainder), each at least one week and the peak long
 * enough to hold the longest run and the weeks after it. */
static void split_phases(struct gen *g)
{
	const struct plan_template *t = g->t;
	double rem[PLAN_TAPER];
	int sum = 0, need_peak = t->longest - t->phases[PLAN_TAPER].n_taper + 1;

	for (int i = 0; i < PLAN_TAPER; i++) {
		double raw = t->phases[i].share * g->pre;

		g->count[i] = (int)floor(raw);
		rem[i] = raw - g->count[i];
		sum += g->count[i];
	}
	while (sum < g->pre) {
		int best = 0;

		for (int i = 1; i < PLAN_TAPER; i++) {
			if (rem[i] > rem[best]) {
				best = i;
			}
		}
		g->count[best]++;
		rem[best] = -1;
		sum++;
	}
	/* template checks (min_weeks) leave room for these moves */
	for (int i = 0; i < PLAN_TAPER; i++) {
		int want = i == PLAN_PEAK ? need_peak : 1;

		while (g->count[i] < want) {
			int from = g->count[PLAN_BASE] >= g->count[PLAN_BUILD] ? PLAN_BASE
			                                                       : PLAN_BUILD;

			if (from == i || g->count[from] <= 1) {
				from = PLAN_BASE + PLAN_BUILD + PLAN_PEAK - i - from;
			}
			g->count[from]--;
			g->count[i]++;
		}
	}
}

static double lerp(double from, double to, double x)
{
	return from + (to - from) * x;
}

/* The volume of a week before the taper whose template share is f: the
 * template's curve, but starting from the runner's week 1. */
static double volume_at(const struct gen *g, double f)
{
	double f1 = g->t->phases[PLAN_BASE].volume_from;

	if (f1 >= 1) {
		return g->peak;
	}
	return g->start + (g->peak - g->start) * (f - f1) / (1 - f1);
}

/* A runner who starts with more volume than the template's beginner
 * starts with a longer long run too: at least long_share of the week, but
 * never the longest run's length outside its week (settle_long_runs). */
static void long_floor(const struct gen *g, struct week_figures *f)
{
	double floor_v = g->t->long_share * f->volume, longest = measure(g, g->t->longest_run);

	if (f->long_run < floor_v) {
		f->long_run = floor_v < longest ? floor_v : longest;
	}
}

static void week_figures(struct gen *g, int w, struct week_figures *out)
{
	const struct plan_template *t = g->t;
	double longest = measure(g, t->longest_run);
	int b = g->count[PLAN_BASE], u = g->count[PLAN_BUILD];

	out->cutback = false;
	if (w > g->pre) {
		const struct plan_phase_spec *taper = &t->phases[PLAN_TAPER];
		int i = w - g->pre - 1;

		out->phase = PLAN_TAPER;
		out->volume = taper->taper_volume[i] * g->peak;
		out->long_run =
		        i < taper->n_taper - 1 ? taper->taper_long[i] * longest : (double)NAN;
		if (!isnan(out->long_run)) {
			long_floor(g, out);
		}
		return;
	}
	if (w <= b) {
		const struct plan_phase_spec *s = &t->phases[PLAN_BASE];
		double x = b == 1 ? 0 : (double)(w - 1) / (b - 1);

		out->phase = PLAN_BASE;
		out->volume = volume_at(g, lerp(s->volume_from, s->volume_to, x));
		out->long_run = lerp(s->long_from, s->long_to, x) * longest;
	} else if (w <= b + u) {
		const struct plan_phase_spec *s = &t->phases[PLAN_BUILD];
		double x = (double)(w - b) / u;

		out->phase = PLAN_BUILD;
		out->volume = volume_at(g, lerp(s->volume_from, s->volume_to, x));
		out->long_run = lerp(s->long_from, s->long_to, x) * longest;
	} else {
		const struct plan_phase_spec *s = &t->phases[PLAN_PEAK];
		int first = b + u + 1, to_longest = g->longest_week - first + 1;

		out->phase = PLAN_PEAK;
		if (w <= g->longest_week) {
			double x = (double)(w - first + 1) / to_longest;

			out->volume = volume_at(g, lerp(s->volume_from, s->volume_to, x));
			out->long_run = lerp(s->long_from, s->long_to, x) * longest;
		} else {
			out->volume = volume_at(g, s->volume_to);
			out->long_run = s->after_longest * longest;
		}
	}
	long_floor(g, out);
	if (t->cutback_every && w % t->cutback_every == 0 && w < g->longest_week - 1) {
		out->cutback = true;
		out->volume *= t->cutback;
		out->long_run *= t->cutback;
	}
}

/* Round the long runs, and keep the longest one the longest: a week whose
 * rounding reached it is set a step below, but never below one step (a
 * hand-made template may make the longest run a single step). */
static void settle_long_runs(struct gen *g)
{
	int lw = g->longest_week - 1;

	for (int i = 0; i < g->weeks; i++) {
		if (!isnan(g->fig[i].long_run)) {
			g->fig[i].long_run = round_to(g->fig[i].long_run, g->step);
		}
	}
	for (int i = 0; i < g->weeks; i++) {
		if (i != lw && g->fig[i].long_run >= g->fig[lw].long_run) {
			g->fig[i].long_run = fmax(g->fig[lw].long_run - g->step, g->step);
		}
	}
}

static void set_target(const struct gen *g, struct workout *w, double v)
{
	if (g->req->by == PLAN_BY_TIME) {
		w->target_s = v;
	} else {
		w->target_m = v;
	}
}

static char *described(const char *about, const char *note)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, about);
	if (note) {
		strbuf_addf(&sb, " (%s)", note);
	}
	return strbuf_detach(&sb, NULL);
}

/* What the race takes of its week's volume, in the plan's measure: its
 * distance, or by time its goal, else its distance at the pace of the
 * template's longest run (a slow guess, only to keep the race week's
 * other runs short; it is not stored as the race's target). */
static double race_budget(const struct gen *g)
{
	const struct race *r = g->req->race;
	const struct plan_amount *l = &g->t->longest_run;

	if (g->req->by == PLAN_BY_DISTANCE) {
		return r->distance_m;
	}
	if (isfinite(r->goal_s) && r->goal_s > 0) {
		return r->goal_s;
	}
	return r->distance_m * l->s / l->m;
}

static int hard_days(const struct gen *g, const struct week_figures *f)
{
	int h = (g->p->days - 1) / 2;

	if (h > g->t->phases[f->phase].hard_max) {
		h = g->t->phases[f->phase].hard_max;
	}
	if (f->cutback && h > 1) {
		h = 1;
	}
	return h;
}

static void build_week(struct gen *g, int w)
{
	const struct plan_template *t = g->t;
	const struct week_figures *f = &g->fig[w - 1];
	const struct plan_phase_spec *spec = &t->phases[f->phase];
	const struct race *race = g->req->race;
	int32_t monday = g->p->start + 7 * (w - 1);
	int race_wd = (int)date_weekday(race->date);
	struct pattern pat;
	const struct plan_session *hard[7] = { NULL };
	double hard_target[7] = { 0 }, fixed = 0, easy = 0, upper;
	int n_easy = 0;

	make_pattern(g->p->days, hard_days(g, f), spec->strength >= 0, &pat);
	/* first pass: what is fixed, and how many easy days share the rest */
	for (int32_t d = monday; d < monday + 7 && d <= race->date; d++) {
		int o = ((int)date_weekday(d) - race_wd + 7) % 7;

		if (pat.role[o] == ROLE_HARD) {
			const struct plan_session *s =
			        &t->sessions[spec->hard[g->cursor[f->phase] % spec->n_hard]];

			g->cursor[f->phase]++;
			hard[o] = s;
			/* 10 km is 6 mi to a runner in miles */
			hard_target[o] = round_to(measure(g, s->time), g->step);
			fixed += hard_target[o];
		} else if (pat.role[o] == ROLE_LONG) {
			fixed += d == race->date ? race_budget(g) : f->long_run;
		} else if (pat.role[o] == ROLE_EASY) {
			n_easy++;
		}
	}
	if (n_easy) {
		double lo = measure(g, t->easy_min);

		upper = measure(g, t->easy_max);
		if (!isnan(f->long_run) && f->long_run < upper) {
			upper = f->long_run;
		}
		easy = (f->volume - fixed) / n_easy;
		easy = easy < lo ? lo : easy > upper ? (upper > lo ? upper : lo) : easy;
		easy = round_to(easy, g->step);
	}
	for (int32_t d = monday; d < monday + 7 && d <= race->date; d++) {
		int o = ((int)date_weekday(d) - race_wd + 7) % 7;
		struct workout *wo = plan_push_workout(g->p);

		wo->date = d;
		wo->week = w;
		wo->phase = f->phase;
		wo->cutback = f->cutback;
		switch (pat.role[o]) {
		case ROLE_LONG:
			if (d == race->date) {
				wo->kind = WORKOUT_RACE;
				wo->target_m = race->distance_m;
				wo->target_s = isfinite(race->goal_s) && race->goal_s > 0
				                       ? race->goal_s
				                       : (double)NAN;
				wo->description = xstrdup(t->about[WORKOUT_RACE]);
			} else {
				wo->kind = WORKOUT_LONG;
				set_target(g, wo, f->long_run);
				wo->description = described(
				        t->about[WORKOUT_LONG],
				        w == g->longest_week ? "the longest run of the plan"
				        : f->cutback         ? "cutback week: a shorter long run"
				                             : NULL);
			}
			break;
		case ROLE_HARD:
			wo->kind = hard[o]->kind;
			set_target(g, wo, hard_target[o]);
			wo->description = xstrdup(hard[o]->about);
			break;
		case ROLE_EASY:
			wo->kind = WORKOUT_EASY;
			set_target(g, wo, easy);
			wo->description = xstrdup(t->about[WORKOUT_EASY]);
			break;
		case ROLE_STRENGTH: {
			const struct plan_session *s = &t->sessions[spec->strength];

			wo->kind = s->kind;
			wo->target_s = s->time.s;
			wo->description = xstrdup(s->about);
			break;
		}
		case ROLE_REST:
			wo->kind = WORKOUT_REST;
			wo->description = xstrdup(t->about[WORKOUT_REST]);
			break;
		}
	}
}

/* The target of an easy run in the week of workout i (the week's first),
 * or easy_min if the week has none. */
static double week_easy(const struct gen *g, size_t i)
{
	const struct plan *p = g->p;

	for (size_t j = 0; j < p->n_workouts; j++) {
		if (p->workouts[j].week == p->workouts[i].week &&
		    p->workouts[j].kind == WORKOUT_EASY) {
			return g->req->by == PLAN_BY_TIME ? p->workouts[j].target_s
			                                  : p->workouts[j].target_m;
		}
	}
	return measure(g, g->t->easy_min);
}

/* Weeks of different patterns meet on Sunday night; with a midweek race
 * two hard days can meet there. The quality session of the two becomes an
 * easy run, so that hard days always have a day between them. */
static void space_hard_days(struct gen *g)
{
	struct plan *p = g->p;

	for (size_t i = 1; i < p->n_workouts; i++) {
		struct workout *a = &p->workouts[i - 1], *b = &p->workouts[i];
		struct workout *q;

		if (!workout_kind_is_hard(a->kind) || !workout_kind_is_hard(b->kind)) {
			continue;
		}
		q = b->kind == WORKOUT_TEMPO || b->kind == WORKOUT_INTERVALS ? b : a;
		q->kind = WORKOUT_EASY;
		q->target_s = (double)NAN;
		q->target_m = (double)NAN;
		set_target(g, q, week_easy(g, (size_t)(q - p->workouts)));
		free(q->description);
		q->description = xstrdup(g->t->about[WORKOUT_EASY]);
	}
}

/* Check and settle the length of the plan and its running days. */
static enum err_code fit_request(struct gen *g, struct err *err)
{
	const struct plan_request *req = g->req;
	const struct plan_template *t = g->t;
	const struct race *race = req->race;
	int32_t first = date_weekday(req->today) == WEEKDAY_MON ? req->today
	                                                        : date_week_start(req->today) + 7;
	int32_t race_monday = date_week_start(race->date);
	int avail = (int)((race_monday - first) / 7) + 1;
	char day[DATE_ISO_LEN];

	date_format(race->date, day);
	if (!race_is_upcoming(race)) {
		return err_set(err, ERR_INPUT, "race '%s' is %s: plans are for races ahead",
		               race->name, race_status_name(race->status));
	}
	if (race->date < req->today) {
		return err_set(err, ERR_INPUT, "race '%s' was on %s: plans are for races ahead",
		               race->name, day);
	}
	g->p->days = req->days ? req->days : t->days;
	if (g->p->days < PLAN_MIN_DAYS || g->p->days > PLAN_MAX_DAYS) {
		return err_set(err, ERR_INPUT,
		               "%d running days a week: a plan has %d to %d (--days)", g->p->days,
		               PLAN_MIN_DAYS, PLAN_MAX_DAYS);
	}
	if (req->weeks) {
		if (req->weeks < t->min_weeks || req->weeks > t->max_weeks) {
			return err_set(err, ERR_INPUT, "%d weeks: a %s plan has %d to %d (--weeks)",
			               req->weeks, t->name, t->min_weeks, t->max_weeks);
		}
		g->weeks = req->weeks;
	} else {
		g->weeks = t->weeks < avail ? t->weeks : avail;
		if (g->weeks < t->min_weeks) {
			return err_set(
			        err, ERR_INPUT,
			        "race '%s' on %s is %d week%s away from next Monday: a %s plan "
			        "needs %d to %d (--weeks %d starts it before today)",
			        race->name, day, avail < 0 ? 0 : avail, avail == 1 ? "" : "s",
			        t->name, t->min_weeks, t->max_weeks, t->min_weeks);
		}
	}
	return ERR_OK;
}

/* Where week 1 starts and where the plan peaks (see plan.h). */
static void fit_volume(struct gen *g)
{
	const struct plan_template *t = g->t;
	double f1 = t->phases[PLAN_BASE].volume_from;
	double beginner = measure(g, t->start), cap = measure(g, t->peak_max);
	double recent =
	        g->req->by == PLAN_BY_TIME ? g->req->recent.time_s : g->req->recent.distance_m;
	double s = g->req->recent.runs > 0 && recent > 0 ? recent : beginner;
	double p = s / f1;

	if (p < beginner / f1) {
		p = beginner / f1;
	}
	if (p > cap) {
		p = cap;
	}
	g->peak = p;
	g->start = s < f1 * p ? s : f1 * p;
}

static void add_volume(const struct gen *g, struct strbuf *sb, double v)
{
	if (g->req->by == PLAN_BY_TIME) {
		units_add_duration(sb, v);
	} else {
		units_add_distance(sb, v, g->req->units);
	}
}

static void write_basis(const struct gen *g)
{
	const struct plan_recent *r = &g->req->recent;
	double recent = g->req->by == PLAN_BY_TIME ? r->time_s : r->distance_m;
	double cap = measure(g, g->t->peak_max);
	struct strbuf sb = STRBUF_INIT;

	if (r->runs > 0 && recent > 0) {
		if (r->weeks < PLAN_RECENT_WEEKS) {
			strbuf_addf(&sb, "from your running since your log began, %.0f days ago",
			            r->weeks * 7);
		} else {
			strbuf_addf(&sb, "from your running in the last %d weeks",
			            PLAN_RECENT_WEEKS);
		}
		strbuf_addf(&sb, " (%d run%s, ", r->runs, r->runs == 1 ? "" : "s");
		add_volume(g, &sb, recent);
		strbuf_adds(&sb, " a week)");
		if (recent > cap * g->t->phases[PLAN_BASE].volume_from) {
			strbuf_addf(&sb, ", more than the %s plan starts from", g->t->name);
		}
	} else if (r->runs > 0) {
		strbuf_addf(&sb,
		            "your recent runs have no distances, so the %s plan's beginner level",
		            g->t->name);
	} else {
		strbuf_addf(&sb, "no running in the last %d weeks, so the %s plan's beginner level",
		            PLAN_RECENT_WEEKS, g->t->name);
	}
	strbuf_adds(&sb, ": week 1 plans ");
	add_volume(g, &sb, g->p->start_volume);
	strbuf_adds(&sb, ", the peak week ");
	add_volume(g, &sb, g->p->peak_volume);
	g->p->basis = strbuf_detach(&sb, NULL);
}

static void sum_volumes(struct gen *g)
{
	struct plan_week_sum *weeks = xcalloc((size_t)g->weeks, sizeof(*weeks));

	plan_sum_weeks(g->p, weeks);
	g->p->peak_volume = 0;
	for (int i = 0; i < g->weeks; i++) {
		double v = g->req->by == PLAN_BY_TIME ? weeks[i].volume_s : weeks[i].volume_m;

		if (i == 0) {
			g->p->start_volume = v;
		}
		if (v > g->p->peak_volume) {
			g->p->peak_volume = v;
		}
	}
	free(weeks);
}

enum err_code plan_generate(const struct plan_request *req, struct plan *out, struct err *err)
{
	struct gen g;
	enum err_code rc;

	memset(&g, 0, sizeof(g));
	g.req = req;
	g.t = req->tpl;
	g.p = out;
	plan_init(out);
	rc = fit_request(&g, err);
	if (rc) {
		return rc;
	}
	out->athlete_id = req->race->athlete_id;
	out->race_id = req->race->id;
	out->race_name = xstrdup(req->race->name);
	out->race_distance_m = req->race->distance_m;
	out->template_name = xstrdup(g.t->code);
	out->by = req->by;
	out->weeks = g.weeks;
	out->race_date = req->race->date;
	out->start = date_week_start(req->race->date) - 7 * (g.weeks - 1);
	g.pre = plan_template_pre_taper(g.t, g.weeks);
	g.longest_week = plan_template_longest_week(g.t, g.weeks);
	g.step = req->by == PLAN_BY_TIME ? ROUND_S : units_metres(req->units) / 2;
	split_phases(&g);
	fit_volume(&g);
	g.fig = xcalloc((size_t)g.weeks, sizeof(*g.fig));
	for (int w = 1; w <= g.weeks; w++) {
		week_figures(&g, w, &g.fig[w - 1]);
	}
	settle_long_runs(&g);
	for (int w = 1; w <= g.weeks; w++) {
		build_week(&g, w);
	}
	space_hard_days(&g);
	free(g.fig);
	sum_volumes(&g);
	write_basis(&g);
	return ERR_OK;
}

void plan_sum_weeks(const struct plan *p, struct plan_week_sum *out)
{
	double best = -1;
	int longest = -1;

	for (int i = 0; i < p->weeks; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		out[i].week = i + 1;
		out[i].monday = p->start + 7 * i;
		out[i].long_s = (double)NAN;
		out[i].long_m = (double)NAN;
	}
	for (size_t i = 0; i < p->n_workouts; i++) {
		const struct workout *w = &p->workouts[i];
		struct plan_week_sum *s;

		if (w->week < 1 || w->week > p->weeks) {
			continue;
		}
		s = &out[w->week - 1];
		s->phase = w->phase;
		s->cutback = w->cutback;
		if (!workout_kind_is_run(w->kind)) {
			continue;
		}
		s->runs++;
		s->hard += w->kind == WORKOUT_TEMPO || w->kind == WORKOUT_INTERVALS;
		s->volume_s += isfinite(w->target_s) ? w->target_s : 0;
		s->volume_m += isfinite(w->target_m) ? w->target_m : 0;
		if (w->kind == WORKOUT_LONG || w->kind == WORKOUT_RACE) {
			double v = p->by == PLAN_BY_TIME ? w->target_s : w->target_m;

			s->long_s = w->target_s;
			s->long_m = w->target_m;
			s->race = w->kind == WORKOUT_RACE;
			if (w->kind == WORKOUT_LONG && v > best) {
				best = v;
				longest = w->week - 1;
			}
		}
	}
	if (longest >= 0) {
		out[longest].longest = true;
	}
}

/* ---- matching ---- */

static const char *const status_names[WORKOUT_STATUS_COUNT] = {
	"rest", "done", "partial", "moved", "missed", "upcoming",
};

const char *workout_status_name(enum workout_status s)
{
	return (unsigned)s < WORKOUT_STATUS_COUNT ? status_names[s] : "?";
}

/* Which measures the matched activities gave, per workout. */
struct known {
	bool s; /* some activity had a time */
	bool m; /* some activity had a distance */
};

static void claim(struct workout_match *m, struct known *k, const struct activity *a)
{
	double t = activity_time_s(a);

	if (isfinite(t)) {
		m->done_s += t;
		k->s = true;
	}
	if (isfinite(a->distance_m)) {
		m->done_m += a->distance_m;
		k->m = true;
	}
	if (m->n_activities < PLAN_MATCH_MAX_ACTIVITIES) {
		m->activity_ids[m->n_activities] = a->id;
	}
	m->n_activities++;
	m->done_on = a->date;
}

/* Whether day d has no workout of its own: outside the plan, or a day of
 * [from, to] whose workouts are all rest. Days of the plan outside
 * [from, to] are not known, so not free. */
static bool free_day(const struct plan *p, int32_t from, int32_t to, int32_t d)
{
	if (d < p->start || d > p->race_date) {
		return true;
	}
	if (d < from || d > to) {
		return false;
	}
	for (size_t i = 0; i < p->n_workouts; i++) {
		if (p->workouts[i].date == d && p->workouts[i].kind != WORKOUT_REST) {
			return false;
		}
	}
	return true;
}

/* Claim the unclaimed activities on day d that do workout w; whether any. */
static bool claim_day(const struct workout *w, int32_t d, const struct activity *a, size_t n,
                      bool *claimed, struct workout_match *m, struct known *k)
{
	bool any = false;

	for (size_t j = 0; j < n; j++) {
		if (!claimed[j] && a[j].date == d && workout_kind_matches(w->kind, a[j].sport)) {
			claimed[j] = true;
			claim(m, k, &a[j]);
			any = true;
		}
	}
	return any;
}

/* Done over target in the plan's measure (a race: by its distance),
 * falling back on the other when the target or the activities lack it. */
static double share_of(const struct plan *p, const struct workout *w, const struct workout_match *m,
                       const struct known *k)
{
	bool by_m = p->by == PLAN_BY_DISTANCE || w->kind == WORKOUT_RACE;
	bool can_s = isfinite(w->target_s) && k->s, can_m = isfinite(w->target_m) && k->m;

	if (by_m && can_m) {
		return m->done_m / w->target_m;
	}
	if (can_s) {
		return m->done_s / w->target_s;
	}
	if (can_m) {
		return m->done_m / w->target_m;
	}
	return (double)NAN;
}

/* What the unclaimed activities on day d that do workout w add up to,
 * in w's compared measure (see share_of); false if there are none. */
static bool day_amount(const struct plan *p, const struct workout *w, int32_t d,
                       const struct activity *a, size_t n, const bool *claimed, double *share)
{
	struct workout_match m;
	struct known k = { false, false };

	memset(&m, 0, sizeof(m));
	for (size_t j = 0; j < n; j++) {
		if (!claimed[j] && a[j].date == d && workout_kind_matches(w->kind, a[j].sport)) {
			claim(&m, &k, &a[j]);
		}
	}
	*share = share_of(p, w, &m, &k);
	return m.n_activities > 0;
}

/* Give one free day's activities to the workout they fit best: among the
 * workouts with nothing done (but the race) and the free days within
 * PLAN_MOVE_DAYS of each, the pair whose amount is nearest the target
 * (by ratio), then the nearer day, then the earlier. A long run done on
 * the Saturday before goes to Sunday's long run, not to Friday's easy
 * run. False when no pair is left. */
static bool move_best(const struct plan *p, int32_t from, int32_t to, const struct activity *a,
                      size_t n, bool *claimed, struct workout_match *out, struct known *known)
{
	double best = (double)INFINITY;
	size_t best_i = 0;
	int32_t best_d = DATE_NONE;

	for (size_t i = 0; i < p->n_workouts; i++) {
		const struct workout *w = &p->workouts[i];

		if (w->kind == WORKOUT_REST || w->kind == WORKOUT_RACE || out[i].n_activities) {
			continue;
		}
		for (int32_t d = w->date - PLAN_MOVE_DAYS; d <= w->date + PLAN_MOVE_DAYS; d++) {
			double share, fit;

			if (d == w->date || !free_day(p, from, to, d) ||
			    !day_amount(p, w, d, a, n, claimed, &share)) {
				continue;
			}
			/* an amount of unknown size fits worse than any known one */
			fit = isnan(share) || share <= 0 ? 100 : fabs(log(share));
			fit += 0.001 * abs(d - w->date);
			if (fit < best) {
				best = fit;
				best_i = i;
				best_d = d;
			}
		}
	}
	if (best_d == DATE_NONE) {
		return false;
	}
	claim_day(&p->workouts[best_i], best_d, a, n, claimed, &out[best_i], &known[best_i]);
	return true;
}

static int by_day(const void *x, const void *y)
{
	const struct activity *a = x, *b = y;

	if (a->date != b->date) {
		return a->date < b->date ? -1 : 1;
	}
	return (a->id > b->id) - (a->id < b->id);
}

void plan_match(const struct plan *p, int32_t from, int32_t to, const struct activity *a, size_t n,
                int32_t today, struct workout_match *out)
{
	bool *claimed = xcalloc(n ? n : 1, sizeof(*claimed));
	struct known *known = xcalloc(p->n_workouts ? p->n_workouts : 1, sizeof(*known));
	struct activity *sorted = xcalloc(n ? n : 1, sizeof(*sorted));

	/* shallow copies, only read and reordered (never released), so that
	 * each day's activities are claimed in their order */
	if (n) {
		memcpy(sorted, a, n * sizeof(*a));
		qsort(sorted, n, sizeof(*sorted), by_day);
	}
	for (size_t i = 0; i < p->n_workouts; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		out[i].share = (double)NAN;
		out[i].done_on = DATE_NONE;
	}
	/* each workout takes what was done on its own day first */
	for (size_t i = 0; i < p->n_workouts; i++) {
		const struct workout *w = &p->workouts[i];

		if (w->kind != WORKOUT_REST) {
			claim_day(w, w->date, sorted, n, claimed, &out[i], &known[i]);
		}
	}
	/* then what was done on free days goes to the workouts with nothing,
	 * best fit first (the race is run on its day) */
	while (move_best(p, from, to, sorted, n, claimed, out, known)) {
	}
	for (size_t i = 0; i < p->n_workouts; i++) {
		const struct workout *w = &p->workouts[i];
		struct workout_match *m = &out[i];

		if (w->kind == WORKOUT_REST) {
			m->status = WORKOUT_STATUS_REST;
		} else if (m->n_activities) {
			m->share = share_of(p, w, m, &known[i]);
			if (!isnan(m->share) && m->share < PLAN_DONE_SHARE) {
				m->status = WORKOUT_STATUS_PARTIAL;
			} else {
				m->status = m->done_on == w->date ? WORKOUT_STATUS_DONE
				                                  : WORKOUT_STATUS_MOVED;
			}
		} else {
			m->status =
			        w->date < today ? WORKOUT_STATUS_MISSED : WORKOUT_STATUS_UPCOMING;
		}
		if (m->n_activities > PLAN_MATCH_MAX_ACTIVITIES) {
			m->n_activities = PLAN_MATCH_MAX_ACTIVITIES;
		}
	}
	free(sorted);
	free(known);
	free(claimed);
}

void plan_compliance_sum(const struct plan *p, const struct workout_match *m, size_t first,
                         size_t end, struct plan_compliance *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = first; i < end; i++) {
		const struct workout *w = &p->workouts[i];
		enum workout_status st = m[i].status;

		if (w->kind == WORKOUT_REST) {
			continue;
		}
		out->week_workouts++;
		out->week_s += isfinite(w->target_s) ? w->target_s : 0;
		out->week_m += isfinite(w->target_m) ? w->target_m : 0;
		if (st == WORKOUT_STATUS_UPCOMING) {
			continue;
		}
		out->planned++;
		out->done += st == WORKOUT_STATUS_DONE || st == WORKOUT_STATUS_MOVED;
		out->partial += st == WORKOUT_STATUS_PARTIAL;
		out->missed += st == WORKOUT_STATUS_MISSED;
		if (isfinite(w->target_s)) {
			out->planned_s += w->target_s;
			out->done_s += m[i].done_s;
		}
		if (isfinite(w->target_m)) {
			out->planned_m += w->target_m;
			out->done_m += m[i].done_m;
		}
	}
	out->time_share = out->planned_s > 0 ? out->done_s / out->planned_s : (double)NAN;
	out->distance_share = out->planned_m > 0 ? out->done_m / out->planned_m : (double)NAN;
}

enum err_code plan_week_read(struct store *s, int64_t athlete_id, int64_t plan_id, int32_t day,
                             int32_t today, struct plan_week *out, struct err *err)
{
	int32_t monday = date_week_start(day);
	/* the workouts and activities around the week, far enough out that
	 * a workout of the week's edges knows its neighbours' days */
	int32_t from = monday - 2 * PLAN_MOVE_DAYS, to = monday + 6 + 2 * PLAN_MOVE_DAYS;
	struct activity_query q;
	struct activity_list acts = ACTIVITY_LIST_INIT;
	enum err_code rc;

	memset(out, 0, sizeof(*out));
	out->monday = monday;
	rc = store_plan_get(s, athlete_id, plan_id, from, to, &out->plan, err);
	if (rc) {
		plan_init(&out->plan);
		return rc;
	}
	activity_query_init(&q, athlete_id);
	q.from = from;
	q.to = to;
	rc = store_activity_list(s, &q, &acts, err);
	if (rc) {
		activity_list_release(&acts);
		return rc;
	}
	out->matches =
	        xcalloc(out->plan.n_workouts ? out->plan.n_workouts : 1, sizeof(*out->matches));
	plan_match(&out->plan, from, to, acts.activities, acts.n_activities, today, out->matches);
	plan_range(&out->plan, monday, monday + 6, &out->first, &out->end);
	if (out->first < out->end) {
		out->number = out->plan.workouts[out->first].week;
		out->phase = out->plan.workouts[out->first].phase;
	}
	plan_compliance_sum(&out->plan, out->matches, out->first, out->end, &out->compliance);
	activity_list_release(&acts);
	return ERR_OK;
}

void plan_week_release(struct plan_week *w)
{
	plan_release(&w->plan);
	free(w->matches);
	memset(w, 0, sizeof(*w));
	plan_init(&w->plan);
}

void plan_add_workout_text(struct strbuf *sb, const struct workout *w, enum plan_by by,
                           enum units u)
{
	bool time = by == PLAN_BY_TIME ? isfinite(w->target_s) || !isfinite(w->target_m)
	                               : !isfinite(w->target_m) && isfinite(w->target_s);

	strbuf_adds(sb, workout_kind_name(w->kind));
	if (w->kind == WORKOUT_EASY || w->kind == WORKOUT_LONG) {
		strbuf_adds(sb, " run");
	}
	if (w->kind == WORKOUT_REST) {
		return;
	}
	if (time && isfinite(w->target_s)) {
		strbuf_addf(sb, ", %.0f min", w->target_s / 60);
	} else if (isfinite(w->target_m)) {
		strbuf_adds(sb, ", ");
		units_add_distance(sb, w->target_m, u);
	}
}

enum err_code plan_choose(struct store *s, int64_t athlete_id, const char *race_key, int32_t day,
                          int64_t *id, struct err *err)
{
	struct plan_list list = PLAN_LIST_INIT;
	struct race race;
	long pick = -1;
	enum err_code rc;

	race_init(&race);
	rc = store_plan_list(s, athlete_id, &list, err);
	if (!rc && race_key && *race_key) {
		rc = store_race_find(s, athlete_id, race_key, &race, err);
		for (size_t i = 0; !rc && i < list.n_plans; i++) {
			if (list.plans[i].race_id == race.id) {
				pick = (long)i;
			}
		}
		if (!rc && pick < 0) {
			rc = err_set(err, ERR_NOT_FOUND,
			             "race '%s' has no plan (build one with 'knead plan new')",
			             race.name);
		}
	} else if (!rc) {
		pick = plan_pick(&list, date_week_start(day));
		if (pick < 0) {
			rc = err_set(err, ERR_NOT_FOUND,
			             "no plan yet (build one with 'knead plan new RACE')");
		}
	}
	if (!rc) {
		*id = list.plans[pick].id;
	}
	race_release(&race);
	plan_list_release(&list);
	return rc;
}
