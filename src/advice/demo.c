/*
 * demo.c: a realistic season, generated (see demo.h).
 *
 * The season is simulated day by day, oldest first, the way a runner
 * lives it: on each day the plan (or, between plans, a runner's usual
 * week) says what to do, injuries and chance change it, the activity is
 * logged, soreness follows the training, and recovery, check-ins and
 * wellness are written for that day. Plans are made on the day the
 * runner would have made them, from the running logged until then, by
 * the same plan_generate as `knead plan new`.
 *
 * Soreness is a small model per region: each session adds to it the next
 * day (races over two days), it falls by a share each day, faster after
 * foam rolling or a massage on that region. The check-ins are what the
 * runner would have typed from it, so `knead effects` finds a real
 * effect in them, not noise.
 */
#include "advice/demo.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "advice/plan.h"
#include "advice/training.h"
#include "base/date.h"
#include "base/tz.h"
#include "base/xalloc.h"
#include "core/activity.h"
#include "core/appointment.h"
#include "core/athlete.h"
#include "core/body.h"
#include "core/gear.h"
#include "core/plan.h"
#include "core/race.h"
#include "core/recovery.h"
#include "store/store_activity.h"
#include "store/store_appointment.h"
#include "store/store_athlete.h"
#include "store/store_body.h"
#include "store/store_gear.h"
#include "store/store_plan.h"
#include "store/store_race.h"
#include "store/store_recovery.h"

/* The seed: the same season for the same today, every time. */
#define DEMO_SEED 0x6b6e656164ULL /* "knead" */

/* ---- a small, fixed random generator (splitmix64) ---- */

struct rng {
	uint64_t state;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static double rng_range(struct rng *r, double lo, double hi)
{
	return lo + (hi - lo) * rng_unit(r);
}

static bool rng_chance(struct rng *r, double p)
{
	return rng_unit(r) < p;
}

/* Roughly normal, mean 0 and deviation sd (sum of three uniforms). */
static double rng_noise(struct rng *r, double sd)
{
	return (rng_unit(r) + rng_unit(r) + rng_unit(r) - 1.5) * 2 * sd;
}

static int clamp_level(double v)
{
	long l = lround(v);

	return l < 0 ? 0 : l > LEVEL_MAX ? LEVEL_MAX : (int)l;
}

/* ---- the season's shape ---- */

/* Regions whose soreness the model follows (both sides at once). */
enum sore {
	SORE_CALF,
	SORE_QUADS,
	SORE_HAMSTRINGS,
	SORE_GLUTES,
	SORE_COUNT
};

static const char *const sore_codes[SORE_COUNT] = { "calf", "quads", "hamstrings", "glutes" };

/* What a session adds to each region's soreness. */
struct strain {
	double add[SORE_COUNT];
};

enum race_id {
	RACE_HALF,
	RACE_HILLY_10K,
	RACE_MARATHON,
	RACE_SPRING,
	RACE_ID_COUNT
};

enum injury_id {
	INJ_STRAIN, /* right hamstring, in the half build */
	INJ_HIP,    /* left hip flexors, after the marathon */
	INJ_HAM,    /* left hamstring, after the marathon */
	INJ_COUNT
};

/* One injury's story: where, when, and its pain day by day. */
struct injury_story {
	const char *region;
	enum side side;
	int32_t onset;
	int32_t resolved; /* DATE_NONE if still open today */
	double pain0;     /* pain at onset */
	int plateau;      /* days before it starts to ease */
	double tau;       /* then it eases by e every tau days */
	const char *cause;
	const char *diagnosis;
	const char *note;
	struct injury stored;
};

/* The provider kinds the demo uses. */
enum who {
	WHO_MASSAGE,
	WHO_CHIRO,
	WHO_PHYSIO,
	WHO_COUNT
};

/* A session the runner does on a day, as the generator decided it. */
struct session {
	enum sport sport;
	enum workout_kind kind; /* what it stands for in the plan */
	double minutes;
	int rpe;
	const char *name;
	const char *note;
};

static struct session session_of(enum sport sport, enum workout_kind kind, double minutes, int rpe,
                                 const char *name, const char *note)
{
	struct session ss = { sport, kind, minutes, rpe, name, note };

	return ss;
}

struct gen {
	struct store *s;
	struct err *err;
	struct rng rng;
	int64_t athlete;
	const struct region_catalog *regions;
	struct athlete profile;
	const char *currency;
	struct demo_summary *sum;

	int32_t today, first;
	int32_t half_start, marathon_start, spring_start; /* plans' first Mondays */
	int32_t race_day[RACE_ID_COUNT];
	struct race races[RACE_ID_COUNT];
	struct plan plans[3]; /* half, marathon, spring */
	int32_t plan_made[3];

	struct injury_story inj[INJ_COUNT];
	struct provider who[WHO_COUNT];
	int64_t shoes_old, shoes_main, shoes_fast;

	/* soreness: the model's state, and what is due on later days */
	double sore[SORE_COUNT];
	double due[2][SORE_COUNT]; /* [0] tomorrow, [1] the day after */
	int last_level[SORE_COUNT];
	double fatigue;   /* a running sum of recent effort, for wellness */
	int32_t moved_to; /* a workout moved to this free day, DATE_NONE */
	struct workout moved;
	int32_t last_massage;
	int32_t last_hard;  /* the last day with a session of RPE 7 or more */
	int month_massaged; /* year * 12 + month of the last massage but the extras */
};

/* ---- dates ---- */

/* The Sunday on or before day. */
static int32_t sunday_on_or_before(int32_t day)
{
	return day - (int32_t)(date_weekday(day) % 7);
}

static bool in_open_injury(const struct injury_story *s, int32_t day)
{
	return day >= s->onset && (s->resolved == DATE_NONE || day < s->resolved);
}

/* The pain of injury s on day: at pain0 on a plateau, then easing. */
static double injury_pain(const struct injury_story *s, int32_t day)
{
	int k = (int)(day - s->onset);

	if (!in_open_injury(s, day)) {
		return 0;
	}
	if (k < s->plateau) {
		return s->pain0;
	}
	return s->pain0 * exp(-(double)(k - s->plateau) / s->tau);
}

/* The worst pain of the open injuries on day. */
static double worst_pain(const struct gen *g, int32_t day)
{
	double worst = 0;

	for (int i = 0; i < INJ_COUNT; i++) {
		double p = injury_pain(&g->inj[i], day);

		worst = p > worst ? p : worst;
	}
	return worst;
}

/* ---- what the plan says ---- */

/* The workout of plan p on day, NULL outside it or before it was made. */
static const struct workout *plan_day(const struct gen *g, int i, int32_t day)
{
	const struct plan *p = &g->plans[i];

	if (!p->id || day < p->start || day > p->race_date || day < g->plan_made[i]) {
		return NULL;
	}
	return &p->workouts[day - p->start];
}

static const struct workout *planned(const struct gen *g, int32_t day)
{
	for (int i = 0; i < 3; i++) {
		const struct workout *w = plan_day(g, i, day);

		if (w) {
			return w;
		}
	}
	return NULL;
}

/* The kind of day it is meant to be, plan or not: used to keep massages
 * away from hard days. */
static bool hard_day(const struct gen *g, int32_t day)
{
	const struct workout *w = planned(g, day);

	for (int r = 0; r < RACE_ID_COUNT; r++) {
		if (g->race_day[r] == day) {
			return true;
		}
	}
	if (w) {
		return workout_kind_is_hard(w->kind);
	}
	/* a long run on Sundays between plans */
	return date_weekday(day) == WEEKDAY_SUN && day < g->marathon_start;
}

/* ---- writing ---- */

static void set_text(char **field, const char *value)
{
	free(*field);
	*field = value ? xstrdup(value) : NULL;
}

/* The instant of a local wall time on day. */
static void set_start(struct activity *a, int32_t day, int32_t sec)
{
	a->has_start = true;
	a->start_utc = tz_utc(day, sec, &a->utc_offset);
}

/* How fast this runner goes on this day: fitter as the season builds,
 * a little slower after the marathon. */
static double fitness_factor(const struct gen *g, int32_t day)
{
	double span = (double)(g->race_day[RACE_MARATHON] - g->first);
	double x = (double)(day - g->first) / (span > 0 ? span : 1);

	if (x > 1) {
		return 0.99 + 0.02 * (x - 1 > 1 ? 1 : x - 1);
	}
	return 1.04 - 0.07 * x;
}

/* Seconds per km, and average heart rate, by kind of run. */
static void run_figures(struct gen *g, enum workout_kind kind, int32_t day, double *pace, int *hr)
{
	double f = fitness_factor(g, day);
	struct rng *r = &g->rng;

	switch (kind) {
	case WORKOUT_TEMPO:
		*pace = 302 * f;
		*hr = 166;
		break;
	case WORKOUT_INTERVALS:
		*pace = 328 * f; /* with the recoveries */
		*hr = 161;
		break;
	case WORKOUT_LONG:
		*pace = 374 * f;
		*hr = 146;
		break;
	default:
		*pace = 366 * f;
		*hr = 140;
		break;
	}
	*pace *= 1 + rng_noise(r, 0.015);
	*hr += (int)lround(rng_noise(r, 2.5));
}

static enum err_code add_activity(struct gen *g, struct activity *a)
{
	a->athlete_id = g->athlete;
	a->source = SOURCE_MANUAL;
	if (activity_validate(a, g->err) || store_activity_add(g->s, a, g->err)) {
		return g->err->code;
	}
	g->sum->activities++;
	return ERR_OK;
}

/* Log a session on day; *strain gets what it does to the legs. */
static enum err_code log_session(struct gen *g, int32_t day, const struct session *ss,
                                 struct strain *strain)
{
	struct activity a;
	bool weekend = date_weekday(day) >= WEEKDAY_SAT;
	bool run = ss->sport == SPORT_RUN || ss->sport == SPORT_TRAIL;
	enum err_code rc;

	memset(strain, 0, sizeof(*strain));
	activity_init(&a);
	a.sport = ss->sport;
	a.date = day;
	a.duration_s = round(ss->minutes * 60);
	a.rpe = ss->rpe;
	set_start(&a, day,
	          (weekend ? 8 * 3600 : 6 * 3600 + 1800) + (int32_t)rng_range(&g->rng, -900, 900));
	set_text(&a.name, ss->name);
	set_text(&a.note, ss->note);
	if (run) {
		double pace;
		int hr;

		run_figures(g, ss->kind, day, &pace, &hr);
		a.distance_m = round(a.duration_s / pace * 1000);
		a.moving_s = a.duration_s - round(rng_range(&g->rng, 0, 40));
		a.hr_avg = hr;
		a.hr_max = hr + 8 + (int)rng_range(&g->rng, 0, 12);
		a.cadence_avg = round(rng_range(&g->rng, 168, 176));
		a.gear_id = ss->kind == WORKOUT_TEMPO || ss->kind == WORKOUT_INTERVALS
		                    ? g->shoes_fast
		            : day <= g->race_day[RACE_HALF] ? g->shoes_old
		                                            : g->shoes_main;
		if (ss->sport == SPORT_TRAIL) {
			a.ascent_m = round(a.distance_m / 1000 * rng_range(&g->rng, 18, 30));
			a.descent_m = a.ascent_m;
		} else if (ss->kind == WORKOUT_EASY && rng_chance(&g->rng, 0.08)) {
			a.treadmill = true;
			a.gear_id = g->shoes_main ? g->shoes_main : g->shoes_old;
		}
		switch (ss->kind) {
		case WORKOUT_LONG:
			strain->add[SORE_QUADS] = ss->minutes >= 90 ? 1.2 : 0.6;
			strain->add[SORE_CALF] = ss->minutes >= 90 ? 1.0 : 0.6;
			strain->add[SORE_HAMSTRINGS] = ss->minutes >= 90 ? 0.8 : 0.3;
			break;
		case WORKOUT_TEMPO:
			strain->add[SORE_CALF] = 0.8;
			strain->add[SORE_QUADS] = 0.6;
			strain->add[SORE_HAMSTRINGS] = 0.5;
			break;
		case WORKOUT_INTERVALS:
			strain->add[SORE_CALF] = 1.2;
			strain->add[SORE_HAMSTRINGS] = 1.0;
			strain->add[SORE_GLUTES] = 0.4;
			break;
		default:
			strain->add[SORE_CALF] = 0.5;
			break;
		}
	} else if (ss->sport == SPORT_BIKE) {
		a.distance_m = round(a.duration_s * 7.2); /* 26 km/h */
		a.hr_avg = 122 + (int)lround(rng_noise(&g->rng, 3));
		strain->add[SORE_QUADS] = 0.3;
	} else if (ss->sport == SPORT_SWIM) {
		a.distance_m = round(a.duration_s / 1.38 / 25) * 25; /* 2:18 /100m */
	} else if (ss->sport == SPORT_WALK) {
		a.distance_m = round(a.duration_s * 1.4);
	} else if (ss->sport == SPORT_STRENGTH) {
		strain->add[SORE_GLUTES] = 1.0;
		strain->add[SORE_HAMSTRINGS] = 0.4;
	}
	rc = add_activity(g, &a);
	activity_release(&a);
	return rc;
}

/* Run race r on its day: the activity, then the race done with it. */
static enum err_code run_race(struct gen *g, enum race_id id, double result_s, double ascent_m,
                              struct strain *strain)
{
	struct race *r = &g->races[id];
	struct activity a;
	enum err_code rc;

	activity_init(&a);
	a.sport = SPORT_RUN;
	a.date = r->date;
	set_start(&a, r->date, id == RACE_MARATHON ? 7 * 3600 : 8 * 3600);
	a.distance_m = round(r->distance_m * 1.006); /* GPS over the tangents */
	a.duration_s = result_s;
	a.moving_s = result_s - (id == RACE_MARATHON ? 95 : 10);
	a.ascent_m = ascent_m;
	a.descent_m = ascent_m;
	a.hr_avg = id == RACE_MARATHON ? 163 : id == RACE_HALF ? 171 : 176;
	a.hr_max = a.hr_avg + 12;
	a.cadence_avg = 178;
	a.rpe = 9;
	a.gear_id = g->shoes_fast;
	set_text(&a.name, r->name);
	rc = add_activity(g, &a);
	if (!rc) {
		r->status = RACE_DONE;
		r->result_s = result_s;
		r->activity_id = a.id;
		rc = race_validate(r, g->err) || store_race_update(g->s, r, g->err) ? g->err->code
		                                                                    : ERR_OK;
	}
	activity_release(&a);
	memset(strain, 0, sizeof(*strain));
	switch (id) {
	case RACE_MARATHON:
		*strain = (struct strain){ { 5.0, 6.5, 4.0, 2.5 } };
		break;
	case RACE_HILLY_10K:
		*strain = (struct strain){ { 2.5, 3.5, 1.0, 2.0 } };
		break;
	default:
		*strain = (struct strain){ { 3.0, 3.5, 2.0, 1.0 } };
		break;
	}
	return rc;
}

/* ---- the set-up: profile, gear, providers ---- */

static enum err_code setup_profile(struct gen *g)
{
	struct athlete *a = &g->profile;

	if (store_athlete_get(g->s, g->athlete, a, g->err)) {
		return g->err->code;
	}
	if (!a->name) {
		a->name = xstrdup("Demo runner");
	}
	if (a->sex == SEX_UNKNOWN) {
		a->sex = SEX_F;
	}
	if (!a->birth_year) {
		a->birth_year = date_to_civil(g->today).year - 38;
	}
	if (!a->max_hr) {
		a->max_hr = 188;
	}
	if (!a->rest_hr) {
		a->rest_hr = 50;
	}
	if (!a->currency[0]) {
		memcpy(a->currency, ATHLETE_DEFAULT_CURRENCY, sizeof(a->currency));
	}
	if (a->budget_cents < 0) {
		a->budget_cents = 15000;
	}
	g->currency = a->currency;
	if (athlete_validate(a, date_to_civil(g->today).year, g->err) ||
	    store_athlete_put(g->s, a, g->err)) {
		return g->err->code;
	}
	return ERR_OK;
}

static enum err_code add_shoes(struct gen *g, const char *name, int32_t since, double limit_km,
                               const char *note, int64_t *id)
{
	struct gear gear;
	enum err_code rc;

	gear_init(&gear);
	gear.athlete_id = g->athlete;
	gear.name = xstrdup(name);
	gear.since = since;
	gear.limit_m = limit_km * 1000;
	set_text(&gear.note, note);
	rc = gear_validate(&gear, g->err) || store_gear_add(g->s, &gear, g->err) ? g->err->code
	                                                                         : ERR_OK;
	*id = gear.id;
	gear_release(&gear);
	g->sum->gear += !rc;
	return rc;
}

static enum err_code retire_shoes(struct gen *g, int64_t id, int32_t day)
{
	struct gear gear;
	struct strbuf key = STRBUF_INIT;
	enum err_code rc;

	strbuf_addf(&key, "%lld", (long long)id);
	rc = store_gear_find(g->s, g->athlete, key.buf, &gear, g->err);
	if (!rc) {
		gear.retired = day;
		rc = gear_validate(&gear, g->err) || store_gear_update(g->s, &gear, g->err)
		             ? g->err->code
		             : ERR_OK;
	}
	gear_release(&gear);
	strbuf_release(&key);
	return rc;
}

static enum err_code add_provider(struct gen *g, enum who w, const char *name,
                                  enum provider_kind kind, int64_t price, int64_t fee,
                                  int32_t since, const char *note)
{
	struct provider *p = &g->who[w];

	provider_init(p);
	p->athlete_id = g->athlete;
	p->name = xstrdup(name);
	p->kind = kind;
	p->price_cents = price;
	memcpy(p->currency, g->currency, sizeof(p->currency));
	set_text(&p->note, note);
	if (fee > 0) {
		struct membership *m = provider_add_membership(p);

		m->fee_cents = fee;
		memcpy(m->currency, g->currency, sizeof(m->currency));
		m->sessions = 1;
		m->since = since;
		m->until = DATE_NONE;
	}
	if (provider_validate(p, g->err) || store_provider_add(g->s, p, g->err)) {
		return g->err->code;
	}
	g->sum->providers++;
	return ERR_OK;
}

/* ---- races and plans ---- */

static enum err_code add_race(struct gen *g, enum race_id id, const char *name, double distance_m,
                              enum race_priority prio, enum race_terrain terrain, double goal_s,
                              const char *note)
{
	struct race *r = &g->races[id];

	race_init(r);
	r->athlete_id = g->athlete;
	r->name = xstrdup(name);
	r->date = g->race_day[id];
	r->distance_m = distance_m;
	r->priority = prio;
	r->terrain = terrain;
	r->status = RACE_REGISTERED;
	r->goal_s = goal_s;
	set_text(&r->note, note);
	if (race_validate(r, g->err) || store_race_add(g->s, r, g->err)) {
		return g->err->code;
	}
	g->sum->races++;
	return ERR_OK;
}

/* Make plan i for race id on day `made`, as `knead plan new RACE --weeks
 * weeks` would have then. */
static enum err_code make_plan(struct gen *g, int i, enum race_id id, int weeks, int32_t made)
{
	struct plan_request req;
	struct plan_template tpl;
	enum err_code rc;

	memset(&req, 0, sizeof(req));
	memset(&tpl, 0, sizeof(tpl));
	req.by = PLAN_BY_TIME;
	req.weeks = weeks;
	req.today = made;
	req.units = g->profile.units;
	req.race = &g->races[id];
	rc = plan_template_choose(g->races[id].distance_m, &tpl, g->err);
	if (!rc) {
		req.tpl = &tpl;
		rc = plan_recent_read(g->s, g->athlete, made, &req.recent, g->err);
	}
	if (!rc) {
		rc = plan_generate(&req, &g->plans[i], g->err);
	}
	if (!rc) {
		rc = plan_validate(&g->plans[i], g->err) ||
		                     store_plan_replace(g->s, &g->plans[i], NULL, g->err)
		             ? g->err->code
		             : ERR_OK;
	}
	if (!rc) {
		g->plan_made[i] = made;
		g->sum->plans++;
		g->sum->workouts += g->plans[i].n_workouts;
	}
	plan_template_release(&tpl);
	return rc;
}

/* ---- recovery ---- */

static struct recovery *new_session(struct recovery *r, enum modality m, int32_t day,
                                    double minutes)
{
	recovery_init(r);
	r->modality = m;
	r->day = day;
	r->duration_s = minutes * 60;
	return r;
}

static void add_region(struct recovery *r, const char *code, enum side side, enum finding f,
                       int severity)
{
	struct recovery_region *rr = recovery_add_region(r, code, side);

	rr->finding = f;
	rr->severity = f == FINDING_NONE ? 0 : severity;
}

/* Store session r (and release it), given by provider p at sec after
 * midnight, or self-care without a time for p NULL. */
static enum err_code store_session(struct gen *g, struct recovery *r, const struct provider *p,
                                   int32_t sec)
{
	enum err_code rc;

	r->athlete_id = g->athlete;
	if (p) {
		r->provider_id = p->id;
		recovery_price_from(r, p);
		r->start_utc = tz_utc(r->day, sec, &r->utc_offset_s);
	}
	rc = recovery_validate(r, g->err) || store_recovery_add(g->s, r, g->err) ? g->err->code
	                                                                         : ERR_OK;
	g->sum->sessions += !rc;
	recovery_release(r);
	return rc;
}

/* Soreness falls faster on a region worked by a session. */
static void soothe(struct gen *g, const char *code, double factor)
{
	for (int i = 0; i < SORE_COUNT; i++) {
		if (strcmp(sore_codes[i], code) == 0) {
			g->sore[i] *= factor;
		}
	}
}

/* The massage for day, if one is due: the special ones around races and
 * the strain, else the month's included one on a quiet day. */
static enum err_code maybe_massage(struct gen *g, int32_t day)
{
	const struct injury_story *strain = &g->inj[INJ_STRAIN];
	int32_t half = g->race_day[RACE_HALF], mara = g->race_day[RACE_MARATHON];
	struct civil c = date_to_civil(day);
	int month = c.year * 12 + c.month;
	struct recovery r;
	enum modality kind = MOD_MASSAGE_DEEP;
	bool special =
	        day == half + 4 || day == mara + 4 || day == mara - 2 || day == strain->onset + 6;

	if (!special) {
		/* one a month, from the 12th, never on a hard day or the day
		 * before one, not in a month with a special one still to come */
		int32_t next_special[] = { half + 4, mara + 4, mara - 2, strain->onset + 6 };

		/* what was done counts too: a hard session moved next to it */
		bool moved_hard = g->moved_to == day + 1 && workout_kind_is_hard(g->moved.kind);
		/* deep tissue needs a quiet day either side; a lighter sports
		 * massage only a fresh day after it */
		bool quiet = g->last_hard < day - 1 && !hard_day(g, day - 1);

		if (c.day < 12 || month == g->month_massaged || moved_hard ||
		    day - g->last_massage < 14 || hard_day(g, day) || hard_day(g, day + 1) ||
		    g->last_hard == day || day >= g->today) {
			return ERR_OK;
		}
		for (size_t i = 0; i < sizeof(next_special) / sizeof(next_special[0]); i++) {
			struct civil s = date_to_civil(next_special[i]);

			if (s.year * 12 + s.month == month && next_special[i] > day) {
				return ERR_OK;
			}
		}
		/* nor deep tissue in the five days before an A race */
		if ((day >= half - 5 && day < half) || (day >= mara - 5 && day < mara)) {
			quiet = false;
		}
		/* a quiet day is worth waiting for, until late in the month */
		if (!quiet && c.day < 22) {
			return ERR_OK;
		}
		kind = !quiet || in_open_injury(&g->inj[INJ_HAM], day) ? MOD_MASSAGE_SPORTS
		       : planned(g, day) && planned(g, day)->phase >= PLAN_BUILD
		               ? MOD_MASSAGE_DEEP
		               : MOD_MASSAGE_SPORTS;
	} else if (day == mara - 2) {
		kind = MOD_MASSAGE_SWEDISH;
	} else if (day == strain->onset + 6) {
		kind = MOD_MASSAGE_ART;
	}
	if (day >= g->today) {
		return ERR_OK;
	}
	new_session(&r, kind, day, kind == MOD_MASSAGE_ART ? 45 : 60);
	switch (kind) {
	case MOD_MASSAGE_ART:
		add_region(&r, "hamstrings", SIDE_RIGHT, FINDING_ADHESION, 2);
		add_region(&r, "glutes", SIDE_RIGHT, FINDING_TIGHT, 2);
		r.pain = 7;
		r.relief = 6;
		set_text(&r.note, "ART on the right hamstring; glutes weak and tight on that side");
		break;
	case MOD_MASSAGE_SWEDISH:
		add_region(&r, "calf", SIDE_BOTH, FINDING_TIGHT, 1);
		add_region(&r, "quads", SIDE_BOTH, FINDING_NONE, 0);
		add_region(&r, "upper-back", SIDE_NONE, FINDING_TIGHT, 1);
		r.pain = 1;
		r.relief = 8;
		set_text(&r.note, "light flush before the marathon");
		break;
	default:
		add_region(&r, "calf", SIDE_BOTH, FINDING_KNOT,
		           1 + (int)rng_range(&g->rng, 0, 2.99));
		add_region(&r, "hamstrings", SIDE_BOTH, FINDING_TIGHT,
		           1 + (int)rng_range(&g->rng, 0, 2.99));
		add_region(&r, "quads", SIDE_BOTH, FINDING_TIGHT,
		           1 + (int)rng_range(&g->rng, 0, 1.99));
		add_region(&r, "glutes", SIDE_BOTH, FINDING_TIGHT,
		           1 + (int)rng_range(&g->rng, 0, 1.99));
		if (day > mara) {
			add_region(&r, "hip-flexors", SIDE_LEFT, FINDING_TIGHT, 3);
		}
		r.pain = kind == MOD_MASSAGE_DEEP ? 5 + (int)rng_range(&g->rng, 0, 2.99) : 3;
		r.relief = 6 + (int)rng_range(&g->rng, 0, 2.99);
		break;
	}
	for (size_t i = 0; i < r.n_regions; i++) {
		soothe(g, r.regions[i].region, 0.45);
	}
	g->last_massage = day;
	if (kind != MOD_MASSAGE_SWEDISH && day != mara + 4) {
		g->month_massaged = month;
	}
	return store_session(g, &r, &g->who[WHO_MASSAGE], 17 * 3600 + 1800);
}

/* The chiropractor and the physio, for the hip and hamstring after the
 * marathon: weekly, from the first week it did not settle. */
static enum err_code maybe_clinic(struct gen *g, int32_t day)
{
	const struct injury_story *ham = &g->inj[INJ_HAM];
	int k = (int)(day - ham->onset);
	struct recovery r;

	if (day >= g->today || k < 3) {
		return ERR_OK;
	}
	if (k % 7 == 3) {
		new_session(&r, MOD_CHIRO, day, 30);
		add_region(&r, "si-joint", SIDE_LEFT, FINDING_TIGHT, k < 10 ? 3 : 2);
		add_region(&r, "hip-flexors", SIDE_LEFT, FINDING_TIGHT, k < 10 ? 3 : 2);
		add_region(&r, "lower-back", SIDE_NONE, FINDING_TIGHT, 1);
		r.pain = 2;
		r.relief = 6;
		set_text(&r.note, "adjusted the left SI joint; hip flexor release");
		return store_session(g, &r, &g->who[WHO_CHIRO], 12 * 3600 + 1800);
	}
	if (k % 7 == 5) {
		new_session(&r, MOD_PHYSIO, day, 45);
		add_region(&r, "hamstrings", SIDE_LEFT, FINDING_TENDER, k < 10 ? 3 : 2);
		add_region(&r, "gluteus-medius", SIDE_LEFT, FINDING_TIGHT, 2);
		r.pain = 3;
		r.relief = 5;
		set_text(&r.note,
		         k < 10 ? "assessment: proximal hamstring tendinopathy; isometrics, "
		                  "glute med work, no speed work"
		                : "progressed to eccentric loading; easy running if pain "
		                  "stays at 3 or less");
		return store_session(g, &r, &g->who[WHO_PHYSIO], 18 * 3600);
	}
	return ERR_OK;
}

/* The next weekly physio visit, booked: on the calendar, not yet in the
 * log. */
static enum err_code book_physio(struct gen *g)
{
	const struct provider *p = &g->who[WHO_PHYSIO];
	int32_t d = g->today + 1;
	struct appointment a;
	enum err_code rc;

	while ((d - g->inj[INJ_HAM].onset) % 7 != 5) {
		d++;
	}
	appointment_init(&a);
	a.athlete_id = g->athlete;
	a.day = d;
	a.start_utc = tz_utc(d, 18 * 3600, &a.utc_offset_s);
	a.modality = MOD_PHYSIO;
	a.provider_id = p->id;
	a.cost_cents = p->price_cents;
	memcpy(a.currency, p->currency, sizeof(a.currency));
	a.status = APPOINTMENT_BOOKED;
	set_text(&a.note, "follow-up: progress the hamstring loading");
	rc = appointment_validate(&a, g->err) || store_appointment_add(g->s, &a, g->err)
	             ? g->err->code
	             : ERR_OK;
	g->sum->appointments += !rc;
	appointment_release(&a);
	return rc;
}

/* Self-care on day: rolling, stick, ball, ice, baths, stretching. */
static enum err_code self_care(struct gen *g, int32_t day, bool ran, double long_minutes,
                               bool raced)
{
	struct rng *rng = &g->rng;
	double pain = worst_pain(g, day);
	bool sore = false;
	struct recovery r;
	enum err_code rc = ERR_OK;

	for (int i = 0; i < SORE_COUNT; i++) {
		sore = sore || g->sore[i] >= 1.5;
	}
	if (day >= g->today) {
		return ERR_OK;
	}
	if (rng_chance(rng, pain >= 1 ? 0.85 : sore ? 0.7 : 0.45)) {
		new_session(&r, MOD_ROLL, day, 10 + 5 * (int)rng_range(rng, 0, 2.99));
		for (int i = 0; i < SORE_COUNT; i++) {
			if (g->sore[i] >= 1 || rng_chance(rng, 0.35)) {
				add_region(&r, sore_codes[i], SIDE_BOTH, FINDING_NONE, 0);
				soothe(g, sore_codes[i], 0.75);
			}
		}
		if (rng_chance(rng, 0.3)) {
			add_region(&r, "it-band", SIDE_BOTH, FINDING_NONE, 0);
		}
		if (r.n_regions == 0) {
			add_region(&r, "calf", SIDE_BOTH, FINDING_NONE, 0);
			soothe(g, "calf", 0.75);
		}
		rc = store_session(g, &r, NULL, 0);
	}
	if (!rc && rng_chance(rng, 0.08)) {
		new_session(&r, MOD_STICK, day, 5);
		add_region(&r, "calf", SIDE_BOTH, FINDING_NONE, 0);
		soothe(g, "calf", 0.85);
		rc = store_session(g, &r, NULL, 0);
	}
	if (!rc && pain >= 1 && rng_chance(rng, 0.4)) {
		new_session(&r, MOD_BALL, day, 10);
		add_region(&r, "glutes", day < g->race_day[RACE_MARATHON] ? SIDE_RIGHT : SIDE_LEFT,
		           FINDING_NONE, 0);
		add_region(&r, "piriformis",
		           day < g->race_day[RACE_MARATHON] ? SIDE_RIGHT : SIDE_LEFT, FINDING_NONE,
		           0);
		rc = store_session(g, &r, NULL, 0);
	}
	/* ice while something is inflamed, after running on it */
	for (int i = 0; !rc && i < INJ_COUNT; i++) {
		const struct injury_story *s = &g->inj[i];

		if (injury_pain(s, day) >= 3 && (ran || day - s->onset < 3)) {
			new_session(&r, MOD_ICE, day, 15);
			add_region(&r, s->region, s->side, FINDING_NONE, 0);
			rc = store_session(g, &r, NULL, 0);
		}
	}
	if (!rc && (raced || (long_minutes >= 120 && rng_chance(rng, 0.5)))) {
		new_session(&r, MOD_BATH_EPSOM, day, 20);
		rc = store_session(g, &r, NULL, 0);
	}
	if (!rc && rng_chance(rng, pain >= 1 ? 0.5 : 0.2)) {
		new_session(&r, MOD_STRETCH, day, 15);
		add_region(&r, "hamstrings", SIDE_BOTH, FINDING_NONE, 0);
		add_region(&r, "hip-flexors", SIDE_BOTH, FINDING_NONE, 0);
		soothe(g, "hamstrings", 0.9);
		rc = store_session(g, &r, NULL, 0);
	}
	return rc;
}

/* ---- the body: soreness, injuries, wellness ---- */

/* The day's check-ins: soreness from the model, pain for each open
 * injury. */
static enum err_code check_in(struct gen *g, int32_t day)
{
	struct rng *rng = &g->rng;
	struct checkin c;
	bool merged;
	enum err_code rc = ERR_OK;

	for (int i = 0; !rc && i < SORE_COUNT; i++) {
		int level = clamp_level(g->sore[i] + rng_noise(rng, 0.35));
		bool write = level >= 1 ? rng_chance(rng, 0.85)
		                        : g->last_level[i] > 0 && rng_chance(rng, 0.9);

		if (!write) {
			continue;
		}
		checkin_init(&c);
		c.athlete_id = g->athlete;
		c.day = day;
		memcpy(c.region, sore_codes[i], strlen(sore_codes[i]) + 1);
		c.side = SIDE_BOTH;
		c.level[MEASURE_SORENESS] = level;
		rc = checkin_validate(&c, g->err) || store_checkin_put(g->s, &c, &merged, g->err)
		             ? g->err->code
		             : ERR_OK;
		g->sum->checkins += !rc && !merged;
		g->last_level[i] = level;
		checkin_release(&c);
	}
	for (int i = 0; !rc && i < INJ_COUNT; i++) {
		const struct injury_story *s = &g->inj[i];

		if (!in_open_injury(s, day) && day != s->resolved) {
			continue;
		}
		checkin_init(&c);
		c.athlete_id = g->athlete;
		c.day = day;
		memcpy(c.region, s->region, strlen(s->region) + 1);
		c.side = s->side;
		c.level[MEASURE_PAIN] =
		        day == s->resolved ? 0
		                           : clamp_level(injury_pain(s, day) + rng_noise(rng, 0.3));
		c.level[MEASURE_TIGHTNESS] = clamp_level(injury_pain(s, day) * 0.8 + 1);
		if (day == s->onset) {
			set_text(&c.note, s->note);
		}
		rc = checkin_validate(&c, g->err) || store_checkin_put(g->s, &c, &merged, g->err)
		             ? g->err->code
		             : ERR_OK;
		g->sum->checkins += !rc && !merged;
		checkin_release(&c);
	}
	return rc;
}

/* Soreness moves on a day: yesterday's falls, what is due arrives. */
static void soreness_step(struct gen *g)
{
	for (int i = 0; i < SORE_COUNT; i++) {
		g->sore[i] = g->sore[i] * 0.62 + g->due[0][i];
		g->due[0][i] = g->due[1][i];
		g->due[1][i] = 0;
	}
}

/* What a session does to the legs arrives the next day; a race's over
 * the two days after it. */
static void soreness_due(struct gen *g, const struct strain *s, bool race)
{
	for (int i = 0; i < SORE_COUNT; i++) {
		g->due[0][i] += s->add[i] * (race ? 0.6 : 1);
		g->due[1][i] += race ? s->add[i] * 0.4 : 0;
	}
}

static enum err_code wellness_day(struct gen *g, int32_t day)
{
	struct rng *rng = &g->rng;
	int32_t mara = g->race_day[RACE_MARATHON];
	double after = day > mara && day - mara < 14 ? 5.0 * exp(-(double)(day - mara) / 5) : 0;
	double progress = (double)(day - g->first) / (double)(mara - g->first);
	struct wellness w;
	bool merged;
	enum err_code rc;

	if (!rng_chance(rng, day == g->today ? 1 : 0.8)) {
		return ERR_OK;
	}
	wellness_init(&w);
	w.athlete_id = g->athlete;
	w.day = day;
	w.sleep_s = round((7.3 + rng_noise(rng, 0.5) - 0.1 * g->fatigue) * 12) * 300;
	w.fatigue = clamp_level(2 + g->fatigue + after * 0.6 + rng_noise(rng, 0.6));
	w.stress = clamp_level(3 + rng_noise(rng, 1.2));
	w.mood = clamp_level(7 - worst_pain(g, day) * 0.4 + rng_noise(rng, 0.8));
	w.rest_hr = (int)lround(g->profile.rest_hr + 1 + g->fatigue * 0.7 + after +
	                        rng_noise(rng, 1.0));
	w.hrv_ms = round(66 - 3 * g->fatigue - 2 * after + rng_noise(rng, 3));
	w.weight_kg =
	        round((61.8 - 1.3 * (progress > 1 ? 1 : progress) + rng_noise(rng, 0.25)) * 10) /
	        10;
	rc = wellness_validate(&w, g->err) || store_wellness_put(g->s, &w, &merged, g->err)
	             ? g->err->code
	             : ERR_OK;
	g->sum->wellness += !rc && !merged;
	wellness_release(&w);
	return rc;
}

/* ---- the days ---- */

/* What the runner meant to do on a day without a plan. */
static bool off_plan(const struct gen *g, int32_t day, struct session *ss)
{
	enum weekday wd = date_weekday(day);
	int32_t half = g->race_day[RACE_HALF], mara = g->race_day[RACE_MARATHON];

	memset(ss, 0, sizeof(*ss));
	ss->sport = SPORT_RUN;
	ss->kind = WORKOUT_EASY;
	if (day > mara) {
		/* a week without running, then short easy runs back */
		switch (day - mara) {
		case 2:
		case 6:
			*ss = session_of(SPORT_WALK, WORKOUT_CROSS, 30 + 10 * (day - mara == 6), 3,
			                 NULL, "legs still heavy");
			return true;
		case 4:
		case 7:
			*ss = session_of(SPORT_BIKE, WORKOUT_CROSS, 30, 3, NULL, NULL);
			return true;
		case 5:
			*ss = session_of(SPORT_SWIM, WORKOUT_CROSS, 30, 3, NULL, NULL);
			return true;
		case 8:
			*ss = session_of(SPORT_RUN, WORKOUT_EASY, 25, 3, "First run back", NULL);
			return true;
		default:
			if (day - mara < 9) {
				return false;
			}
			ss->minutes = 25 + 5 * (int)((day - mara) / 10);
			ss->rpe = 3;
			return (day - mara) % 2 == 0;
		}
	}
	if (day > half && day - half <= 3) {
		return false;
	}
	switch (wd) {
	case WEEKDAY_TUE:
		ss->minutes = day < g->half_start ? 35 + (int)((day - g->first) / 7) * 2 : 40;
		break;
	case WEEKDAY_THU:
		ss->minutes = 45;
		break;
	case WEEKDAY_SAT:
		ss->minutes = 30;
		break;
	case WEEKDAY_SUN:
		ss->kind = WORKOUT_LONG;
		ss->minutes = day < g->half_start ? 55 + 5 * (int)((day - g->first) / 7) : 80;
		ss->name = "Long run";
		break;
	default:
		return false;
	}
	ss->rpe = ss->kind == WORKOUT_LONG ? 5 : 3 + (int)(ss->minutes >= 45);
	return true;
}

/* What a planned workout becomes as a session. */
static void from_workout(struct gen *g, const struct workout *w, struct session *ss)
{
	double minutes = isfinite(w->target_s) ? w->target_s / 60 : 40;

	memset(ss, 0, sizeof(*ss));
	ss->kind = w->kind;
	ss->minutes = round(minutes * rng_range(&g->rng, 0.93, 1.08));
	switch (w->kind) {
	case WORKOUT_CROSS:
		ss->sport = SPORT_BIKE;
		ss->rpe = 4;
		break;
	case WORKOUT_STRENGTH:
		ss->sport = SPORT_STRENGTH;
		ss->minutes = 30;
		ss->rpe = 5;
		ss->note = "glute bridges, clamshells, single-leg deadlifts";
		break;
	case WORKOUT_TEMPO:
		ss->sport = SPORT_RUN;
		ss->rpe = 7;
		ss->name = "Tempo";
		break;
	case WORKOUT_INTERVALS:
		ss->sport = SPORT_RUN;
		ss->rpe = 8;
		ss->name = "Intervals";
		break;
	case WORKOUT_LONG:
		/* in the hills before the hilly 10k */
		ss->sport = w->date > g->race_day[RACE_HILLY_10K] - 42 &&
		                            w->date < g->race_day[RACE_HILLY_10K]
		                    ? SPORT_TRAIL
		                    : SPORT_RUN;
		ss->rpe = ss->minutes >= 120 ? 6 : 5;
		ss->name = ss->sport == SPORT_TRAIL ? "Long run in the hills" : "Long run";
		break;
	default:
		ss->sport = SPORT_RUN;
		ss->rpe = 3 + (int)(ss->minutes >= 50);
		break;
	}
}

/* An injury changes the day: no running while the pain is 4 or more
 * (cross-training instead), only easy running below that. */
static bool injury_changes(const struct gen *g, int32_t day, struct session *ss)
{
	double pain = worst_pain(g, day);
	bool run = ss->sport == SPORT_RUN || ss->sport == SPORT_TRAIL;

	if (!run || pain < 1) {
		return true;
	}
	if (pain >= 3.5) {
		*ss = session_of(day % 3 ? SPORT_BIKE : SPORT_SWIM, WORKOUT_CROSS, 40, 4, NULL,
		                 "cross-training while the hamstring settles");
		return true;
	}
	if (workout_kind_is_hard(ss->kind)) {
		ss->kind = WORKOUT_EASY;
		ss->sport = SPORT_RUN;
		ss->minutes = ss->minutes > 50 ? 50 : round(ss->minutes * 0.8);
		ss->rpe = 4;
		ss->name = NULL;
		ss->note = "easy instead: the hamstring is not ready for speed";
	}
	return true;
}

static enum err_code train(struct gen *g, int32_t day, bool *ran, double *long_minutes, bool *raced)
{
	const struct workout *w = planned(g, day);
	struct session ss;
	struct strain strain;
	bool have = false;
	enum err_code rc = ERR_OK;

	*ran = *raced = false;
	*long_minutes = 0;
	for (int r = 0; r < RACE_ID_COUNT; r++) {
		static const double results[RACE_ID_COUNT] = { 6527, 3088, 13961, 0 };
		static const double ascent[RACE_ID_COUNT] = { 35, 212, 160, 0 };

		if (g->race_day[r] == day && day < g->today && g->races[r].id) {
			g->last_hard = day;
			rc = run_race(g, (enum race_id)r, results[r], ascent[r], &strain);
			soreness_due(g, &strain, true);
			*ran = *raced = true;
			g->fatigue += r == RACE_MARATHON ? 6 : 3;
			return rc;
		}
	}
	if (day == g->inj[INJ_STRAIN].onset) {
		/* the strain came at the end of intervals */
		ss = session_of(SPORT_RUN, WORKOUT_INTERVALS, 50, 8, "Intervals",
		                "felt a twinge in the right hamstring on the last 400");
		have = true;
	} else if (day == g->inj[INJ_HAM].onset) {
		ss = session_of(SPORT_RUN, WORKOUT_EASY, 20, 4, NULL,
		                "left hip and hamstring tight from the start; stopped early");
		have = true;
	} else if (g->moved_to == day) {
		from_workout(g, &g->moved, &ss);
		ss.note = "moved from the day before";
		have = true;
		g->moved_to = DATE_NONE;
	} else if (w && w->kind != WORKOUT_REST) {
		double roll = rng_unit(&g->rng);
		const struct workout *next = planned(g, day + 1);

		if (roll < 0.06 && w->kind != WORKOUT_LONG) {
			have = false; /* missed */
		} else if (roll < 0.11 && next && next->kind == WORKOUT_REST &&
		           day + 1 < g->today && workout_kind_is_run(w->kind)) {
			g->moved = *w;
			g->moved_to = day + 1;
		} else {
			from_workout(g, w, &ss);
			have = true;
			if (roll > 0.97 && workout_kind_is_run(w->kind)) {
				ss.minutes = round(ss.minutes * 0.55);
				ss.note = "cut short: legs heavy";
			}
		}
		/* the hilly 10k takes the long run's place that weekend */
		if (day == g->race_day[RACE_HILLY_10K] + 1 ||
		    day == g->race_day[RACE_HILLY_10K] - 1) {
			have = have && w->kind == WORKOUT_EASY;
		}
	} else if (!w) {
		have = off_plan(g, day, &ss);
	}
	if (!have && day >= g->inj[INJ_STRAIN].onset &&
	    (date_weekday(day) == WEEKDAY_MON || date_weekday(day) == WEEKDAY_FRI) &&
	    day < g->today && rng_chance(&g->rng, 0.8)) {
		/* the glutes were the problem: strength work since the strain */
		ss = session_of(SPORT_STRENGTH, WORKOUT_STRENGTH, 30, 5, "Glute strength",
		                "glute bridges, clamshells, single-leg deadlifts");
		have = true;
	} else if (!have && rng_chance(&g->rng, 0.05) && day < g->today) {
		ss = session_of(SPORT_YOGA, WORKOUT_CROSS, 60, 3, NULL, NULL);
		have = true;
	}
	if (!have || day >= g->today) {
		return ERR_OK;
	}
	if (day != g->inj[INJ_STRAIN].onset && day != g->inj[INJ_HAM].onset) {
		injury_changes(g, day, &ss);
	}
	if (ss.rpe >= 7) {
		g->last_hard = day;
	}
	rc = log_session(g, day, &ss, &strain);
	soreness_due(g, &strain, false);
	*ran = ss.sport == SPORT_RUN || ss.sport == SPORT_TRAIL;
	*long_minutes = ss.kind == WORKOUT_LONG ? ss.minutes : 0;
	g->fatigue += ss.minutes * ss.rpe / 350.0;
	return rc;
}

/* ---- the season ---- */

/* Lay out the dates of the season from today. */
static void lay_out(struct gen *g)
{
	int32_t t = g->today;

	/* the marathon 24 to 30 days ago, a Sunday */
	g->race_day[RACE_MARATHON] = sunday_on_or_before(t - 24);
	g->marathon_start = date_week_start(g->race_day[RACE_MARATHON]) - 17 * 7;
	g->race_day[RACE_HILLY_10K] = g->race_day[RACE_MARATHON] - 70;
	g->race_day[RACE_HALF] = g->marathon_start - 22;
	g->half_start = date_week_start(g->race_day[RACE_HALF]) - 11 * 7;
	g->first = g->half_start - 28;
	/* the comeback plan began this week, or last week early in a week,
	 * so that some of it is behind the runner */
	g->spring_start = date_week_start(t - 3);
	g->race_day[RACE_SPRING] = g->spring_start + 10 * 7 + 6;
	g->plan_made[0] = g->half_start - 2;
	g->plan_made[1] = g->marathon_start - 2;
	g->plan_made[2] = g->spring_start;
}

/* The strain: the intervals of the half plan's seventh week, and its
 * course; the hip and hamstring after the marathon. */
static void write_injury_stories(struct gen *g)
{
	const struct plan *half = &g->plans[0];
	int32_t onset = g->half_start + 45, mara = g->race_day[RACE_MARATHON];

	for (size_t i = 0; i < half->n_workouts; i++) {
		if (half->workouts[i].week >= 7 && half->workouts[i].kind == WORKOUT_INTERVALS) {
			onset = half->workouts[i].date;
			break;
		}
	}
	g->inj[INJ_STRAIN] = (struct injury_story){
		"hamstrings",
		SIDE_RIGHT,
		onset,
		onset + 30,
		5.2,
		2,
		7.5,
		"weak glutes",
		"grade 1 hamstring strain",
		"sharp twinge at the back of the right thigh on the last 400",
		{ 0 },
	};
	g->inj[INJ_HIP] = (struct injury_story){
		"hip-flexors",
		SIDE_LEFT,
		mara + 9,
		DATE_NONE,
		4.0,
		5,
		7.0,
		"tight hip flexors after the marathon",
		"hip flexor strain with a restricted left SI joint (chiropractor)",
		"front of the left hip pinches when lifting the knee",
		{ 0 },
	};
	g->inj[INJ_HAM] = (struct injury_story){
		"hamstrings",
		SIDE_LEFT,
		mara + 10,
		DATE_NONE,
		4.8,
		6,
		18.0,
		"compensating for the stiff left hip; glutes still weak on that side",
		"proximal hamstring tendinopathy (physio)",
		"deep ache under the left sit bone on the first run back",
		{ 0 },
	};
}

static enum err_code open_injuries(struct gen *g, int32_t day)
{
	for (int i = 0; i < INJ_COUNT; i++) {
		struct injury_story *s = &g->inj[i];
		struct injury *inj = &s->stored;

		if (s->onset != day) {
			continue;
		}
		injury_init(inj);
		inj->athlete_id = g->athlete;
		memcpy(inj->region, s->region, strlen(s->region) + 1);
		inj->side = s->side;
		inj->onset = s->onset;
		set_text(&inj->cause, s->cause);
		set_text(&inj->note, s->note);
		/* the diagnosis came with the first clinician's visit; kept with
		 * the injury from the start for simplicity of the story */
		set_text(&inj->diagnosis, s->diagnosis);
		if (s->resolved != DATE_NONE && s->resolved <= g->today) {
			inj->status = INJURY_RESOLVED;
			inj->resolved = s->resolved;
		} else if (injury_pain(s, g->today) < 2) {
			inj->status = INJURY_RECOVERING;
		}
		if (injury_validate(inj, g->err) || store_injury_add(g->s, inj, g->err)) {
			return g->err->code;
		}
		g->sum->injuries++;
	}
	return ERR_OK;
}

/* Make the races and plans that are made on day. */
static enum err_code plans_on(struct gen *g, int32_t day)
{
	enum err_code rc = ERR_OK;

	if (day == g->plan_made[0]) {
		rc = add_race(g, RACE_HALF, "Riverside Half Marathon", 21097.5, RACE_A, RACE_FLAT,
		              6600, "goal: under 1:50");
		if (!rc) {
			rc = make_plan(g, 0, RACE_HALF, 12, day);
		}
		if (!rc) {
			write_injury_stories(g);
		}
	}
	if (!rc && day == g->plan_made[1]) {
		rc = add_race(g, RACE_MARATHON, "City Marathon", 42195, RACE_A, RACE_ROLLING, 14100,
		              "first marathon");
		if (!rc) {
			rc = add_race(g, RACE_HILLY_10K, "Hill Country 10K", 10000, RACE_B,
			              RACE_HILLY, 3120, "a tune-up in the hills");
		}
		if (!rc) {
			rc = make_plan(g, 1, RACE_MARATHON, 18, day);
		}
	}
	if (!rc && day == g->plan_made[2]) {
		rc = add_race(g, RACE_SPRING, "Spring Half Marathon", 21097.5, RACE_B, RACE_FLAT,
		              6420, "the comeback race, if the hamstring allows");
		if (!rc) {
			rc = make_plan(g, 2, RACE_SPRING, 11, day);
		}
	}
	return rc;
}

/* Anything of the athlete's already here makes the database not fresh. */
static enum err_code refuse_used(struct gen *g)
{
	struct race_list races = RACE_LIST_INIT;
	struct checkin_list checkins = CHECKIN_LIST_INIT;
	struct recovery_list sessions = RECOVERY_LIST_INIT;
	struct provider_list providers = PROVIDER_LIST_INIT;
	struct gear_list gear = GEAR_LIST_INIT;
	int32_t first = DATE_NONE, last = DATE_NONE;
	const char *what = NULL;
	enum err_code rc;

	rc = store_activity_span(g->s, g->athlete, &first, &last, g->err);
	if (!rc && first != DATE_NONE) {
		what = "activities";
	}
	if (!rc && !what) {
		rc = store_race_list(g->s, g->athlete, DATE_NONE, DATE_NONE, &races, g->err);
		what = races.n_races ? "races" : NULL;
	}
	if (!rc && !what) {
		rc = store_checkin_list(g->s, g->athlete, DATE_NONE, DATE_NONE, &checkins, g->err);
		what = checkins.n ? "check-ins" : NULL;
	}
	if (!rc && !what) {
		rc = store_recovery_list(g->s, g->athlete, DATE_NONE, DATE_NONE, &sessions, g->err);
		what = sessions.n ? "recovery sessions" : NULL;
	}
	if (!rc && !what) {
		rc = store_provider_list(g->s, g->athlete, &providers, g->err);
		what = providers.n ? "providers" : NULL;
	}
	if (!rc && !what) {
		rc = store_gear_list(g->s, g->athlete, &gear, g->err);
		what = gear.n_gears ? "gear" : NULL;
	}
	race_list_release(&races);
	checkin_list_release(&checkins);
	recovery_list_release(&sessions);
	provider_list_release(&providers);
	gear_list_release(&gear);
	if (!rc && what) {
		rc = err_set(g->err, ERR_CONFLICT,
		             "the database '%s' already holds %s: the demo fills a fresh one "
		             "(give another with --db FILE)",
		             store_path(g->s), what);
	}
	return rc;
}

static enum err_code season(struct gen *g)
{
	enum err_code rc;

	lay_out(g);
	g->sum->first = g->first;
	g->sum->last = g->today;
	rc = refuse_used(g);
	if (!rc) {
		rc = setup_profile(g);
	}
	if (!rc) {
		rc = store_regions_sync(g->s, g->regions, g->err);
	}
	if (!rc) {
		rc = add_shoes(g, "Pegasus 39", g->first - 120, 700, "daily trainers",
		               &g->shoes_old);
	}
	if (!rc) {
		rc = add_shoes(g, "Endorphin Speed 3", g->first, 500, "workouts and races",
		               &g->shoes_fast);
	}
	if (!rc) {
		/* a member since the first of the month, so its months are the
		 * calendar's */
		struct civil c = date_to_civil(g->first);

		rc = add_provider(g, WHO_MASSAGE, "Kneaded Relief", PROVIDER_MASSAGE, 9500, 7000,
		                  date_from_civil(c.year, c.month, 1),
		                  "sports and deep-tissue massage, ART");
	}
	for (int32_t day = g->first; !rc && day <= g->today; day++) {
		bool ran, raced;
		double long_minutes;

		/* the morning: yesterday's soreness eases, what is due arrives */
		soreness_step(g);
		g->fatigue *= 0.8;
		rc = plans_on(g, day);
		if (!rc && day == g->race_day[RACE_HALF] + 1) {
			rc = retire_shoes(g, g->shoes_old, day);
			if (!rc) {
				rc = add_shoes(g, "Pegasus 40", day, 700, "daily trainers",
				               &g->shoes_main);
			}
		}
		if (!rc && day == g->race_day[RACE_MARATHON] + 11) {
			rc = add_provider(g, WHO_CHIRO, "Align Chiropractic", PROVIDER_CHIRO, 6500,
			                  0, DATE_NONE, NULL);
			if (!rc) {
				rc = add_provider(g, WHO_PHYSIO, "Stride Physiotherapy",
				                  PROVIDER_PHYSIO, 11000, 0, DATE_NONE,
				                  "sports physio; hamstring and hip rehab");
			}
		}
		if (!rc && g->plans[0].id) {
			rc = open_injuries(g, day);
		}
		/* check in in the morning, before the day's training and care */
		if (!rc) {
			rc = check_in(g, day);
		}
		if (!rc) {
			rc = wellness_day(g, day);
		}
		if (!rc) {
			rc = train(g, day, &ran, &long_minutes, &raced);
		}
		if (!rc) {
			rc = maybe_massage(g, day);
		}
		if (!rc && g->who[WHO_CHIRO].id) {
			rc = maybe_clinic(g, day);
		}
		if (!rc) {
			rc = self_care(g, day, ran, long_minutes, raced);
		}
	}
	if (!rc) {
		rc = book_physio(g);
	}
	if (!rc) {
		rc = training_refresh_loads(g->s, &g->profile, TRAINING_MISSING, NULL, g->err);
	}
	return rc;
}

enum err_code demo_generate(struct store *s, int64_t athlete_id,
                            const struct region_catalog *regions, int32_t today,
                            struct demo_summary *out, struct err *err)
{
	struct gen *g = xcalloc(1, sizeof(*g));
	enum err_code rc;

	memset(out, 0, sizeof(*out));
	g->s = s;
	g->err = err;
	g->rng.state = DEMO_SEED;
	g->athlete = athlete_id;
	g->regions = regions;
	g->today = today;
	g->sum = out;
	g->moved_to = DATE_NONE;
	g->last_massage = DATE_NONE / 2;
	g->last_hard = DATE_NONE / 2;
	/* no injury until the stories are written with the half's plan */
	for (int i = 0; i < INJ_COUNT; i++) {
		g->inj[i].onset = INT32_MAX / 2;
		g->inj[i].resolved = DATE_NONE;
	}
	athlete_init(&g->profile, athlete_id);
	rc = store_begin(s, err);
	if (!rc) {
		rc = season(g);
		if (rc) {
			store_rollback(s);
		} else {
			rc = store_commit(s, err);
		}
	}
	for (int i = 0; i < 3; i++) {
		plan_release(&g->plans[i]);
	}
	for (int i = 0; i < RACE_ID_COUNT; i++) {
		race_release(&g->races[i]);
	}
	for (int i = 0; i < INJ_COUNT; i++) {
		injury_release(&g->inj[i].stored);
	}
	for (int i = 0; i < WHO_COUNT; i++) {
		provider_release(&g->who[i]);
	}
	athlete_release(&g->profile);
	free(g);
	return rc;
}
