/*
 * plan.c: plans, workouts and plan templates (see plan.h).
 *
 * Templates are INI files read with inih, like the region catalogue
 * (region.c): the handler checks each value as it comes, so a bad one is
 * reported with its line; what needs the whole file (sessions named
 * before they are defined, shares adding up) is checked after, naming the
 * section and key.
 */
#include "core/plan.h"

#include <ini.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "base/parse.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

static const char *const kind_names[WORKOUT_KIND_COUNT] = {
	"rest", "easy", "long", "tempo", "intervals", "race", "cross", "strength",
};

static const char *const phase_names[PLAN_PHASE_COUNT] = {
	"base",
	"build",
	"peak",
	"taper",
};

void plan_init(struct plan *p)
{
	memset(p, 0, sizeof(*p));
	p->race_distance_m = (double)NAN;
	p->start = DATE_NONE;
	p->race_date = DATE_NONE;
	p->start_volume = (double)NAN;
	p->peak_volume = (double)NAN;
}

void plan_release(struct plan *p)
{
	for (size_t i = 0; i < p->n_workouts; i++) {
		free(p->workouts[i].description);
	}
	free(p->workouts);
	free(p->race_name);
	free(p->template_name);
	free(p->basis);
	plan_init(p);
}

struct workout *plan_push_workout(struct plan *p)
{
	struct workout *w;

	xgrow((void **)&p->workouts, &p->alloc, p->n_workouts + 1, sizeof(*p->workouts));
	w = &p->workouts[p->n_workouts++];
	memset(w, 0, sizeof(*w));
	w->date = DATE_NONE;
	w->target_s = (double)NAN;
	w->target_m = (double)NAN;
	return w;
}

static bool positive(double v)
{
	return isfinite(v) && v > 0;
}

static enum err_code check_workout(const struct plan *p, const struct workout *w, int32_t expect,
                                   struct err *err)
{
	char day[DATE_ISO_LEN];
	bool has_target = positive(w->target_s) || positive(w->target_m);

	date_format(w->date, day);
	if (w->date != expect) {
		char want[DATE_ISO_LEN];

		date_format(expect, want);
		return err_set(err, ERR_INPUT, "plan: workout on %s where %s was due (one a day)",
		               day, want);
	}
	if (w->week != (w->date - p->start) / 7 + 1) {
		return err_set(err, ERR_INPUT, "plan: %s: week %d is not the day's week", day,
		               w->week);
	}
	if ((unsigned)w->kind >= WORKOUT_KIND_COUNT || (unsigned)w->phase >= PLAN_PHASE_COUNT) {
		return err_set(err, ERR_INPUT, "plan: %s: no such kind or phase", day);
	}
	if ((!isnan(w->target_s) && !positive(w->target_s)) ||
	    (!isnan(w->target_m) && !positive(w->target_m))) {
		return err_set(err, ERR_INPUT, "plan: %s: a target must be positive", day);
	}
	if (w->kind == WORKOUT_REST && has_target) {
		return err_set(err, ERR_INPUT, "plan: %s: a rest day has no target", day);
	}
	if (w->kind != WORKOUT_REST && !has_target) {
		return err_set(err, ERR_INPUT, "plan: %s: a %s workout needs a target", day,
		               kind_names[w->kind]);
	}
	if ((w->kind == WORKOUT_RACE) != (w->date == p->race_date)) {
		return err_set(err, ERR_INPUT, "plan: %s: the race, and only the race, is on %s",
		               day, w->kind == WORKOUT_RACE ? "the race day" : "its day");
	}
	if (!w->description || !*w->description || strlen(w->description) > PLAN_MAX_TEXT) {
		return err_set(err, ERR_INPUT, "plan: %s: a description of 1 to %d bytes is needed",
		               day, PLAN_MAX_TEXT);
	}
	return ERR_OK;
}

enum err_code plan_validate(const struct plan *p, struct err *err)
{
	if (p->race_id <= 0) {
		return err_set(err, ERR_INPUT, "plan: no race");
	}
	if (p->weeks < 1 || p->weeks > PLAN_MAX_WEEKS) {
		return err_set(err, ERR_INPUT, "plan: %d weeks is not in 1..%d", p->weeks,
		               PLAN_MAX_WEEKS);
	}
	if (p->days < PLAN_MIN_DAYS || p->days > PLAN_MAX_DAYS) {
		return err_set(err, ERR_INPUT, "plan: %d running days a week is not in %d..%d",
		               p->days, PLAN_MIN_DAYS, PLAN_MAX_DAYS);
	}
	if (p->start == DATE_NONE || p->race_date == DATE_NONE ||
	    date_weekday(p->start) != WEEKDAY_MON ||
	    date_week_start(p->race_date) != p->start + 7 * (p->weeks - 1)) {
		return err_set(err, ERR_INPUT,
		               "plan: it must start on a Monday and end in the race's week");
	}
	if (!p->template_name || !*p->template_name) {
		return err_set(err, ERR_INPUT, "plan: no template");
	}
	if (p->basis && strlen(p->basis) > PLAN_MAX_TEXT) {
		return err_set(err, ERR_INPUT, "plan: its notes are longer than %d bytes",
		               PLAN_MAX_TEXT);
	}
	if (p->n_workouts != (size_t)(p->race_date - p->start + 1)) {
		return err_set(err, ERR_INPUT, "plan: %zu workouts for %d days", p->n_workouts,
		               (int)(p->race_date - p->start + 1));
	}
	for (size_t i = 0; i < p->n_workouts; i++) {
		if (check_workout(p, &p->workouts[i], p->start + (int32_t)i, err)) {
			return err->code;
		}
	}
	return ERR_OK;
}

long plan_pick(const struct plan_list *list, int32_t day)
{
	long next = -1, last = -1;

	for (size_t i = 0; i < list->n_plans; i++) {
		const struct plan *p = &list->plans[i];

		if (p->race_date >= day) {
			if (next < 0 || p->race_date < list->plans[next].race_date ||
			    (p->race_date == list->plans[next].race_date &&
			     p->id < list->plans[next].id)) {
				next = (long)i;
			}
		} else if (last < 0 || p->race_date > list->plans[last].race_date ||
		           (p->race_date == list->plans[last].race_date &&
		            p->id < list->plans[last].id)) {
			last = (long)i;
		}
	}
	return next >= 0 ? next : last;
}

void plan_range(const struct plan *p, int32_t from, int32_t to, size_t *first, size_t *end)
{
	size_t i = 0;

	while (i < p->n_workouts && p->workouts[i].date < from) {
		i++;
	}
	*first = i;
	while (i < p->n_workouts && p->workouts[i].date <= to) {
		i++;
	}
	*end = i;
}

const char *workout_kind_name(enum workout_kind k)
{
	return (unsigned)k < WORKOUT_KIND_COUNT ? kind_names[k] : "?";
}

enum err_code workout_kind_parse(const char *s, enum workout_kind *out, struct err *err)
{
	for (int i = 0; i < WORKOUT_KIND_COUNT; i++) {
		if (strcasecmp(s, kind_names[i]) == 0) {
			*out = (enum workout_kind)i;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT,
	               "'%s' is not a workout kind (rest, easy, long, tempo, intervals, race, "
	               "cross, strength)",
	               s);
}

bool workout_kind_is_run(enum workout_kind k)
{
	return k == WORKOUT_EASY || k == WORKOUT_LONG || k == WORKOUT_TEMPO ||
	       k == WORKOUT_INTERVALS || k == WORKOUT_RACE;
}

bool workout_kind_is_hard(enum workout_kind k)
{
	return k == WORKOUT_LONG || k == WORKOUT_TEMPO || k == WORKOUT_INTERVALS ||
	       k == WORKOUT_RACE;
}

bool workout_kind_matches(enum workout_kind k, enum sport sport)
{
	if (workout_kind_is_run(k)) {
		return sport == SPORT_RUN || sport == SPORT_TRAIL;
	}
	switch (k) {
	case WORKOUT_CROSS:
		return sport == SPORT_BIKE || sport == SPORT_SWIM || sport == SPORT_SKI ||
		       sport == SPORT_XCSKI || sport == SPORT_HIKE || sport == SPORT_WALK ||
		       sport == SPORT_CROSS || sport == SPORT_OTHER;
	case WORKOUT_STRENGTH:
		return sport == SPORT_STRENGTH || sport == SPORT_YOGA;
	default:
		return false;
	}
}

const char *plan_phase_name(enum plan_phase p)
{
	return (unsigned)p < PLAN_PHASE_COUNT ? phase_names[p] : "?";
}

enum err_code plan_phase_parse(const char *s, enum plan_phase *out, struct err *err)
{
	for (int i = 0; i < PLAN_PHASE_COUNT; i++) {
		if (strcasecmp(s, phase_names[i]) == 0) {
			*out = (enum plan_phase)i;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT, "'%s' is not a phase (base, build, peak, taper)", s);
}

const char *plan_by_name(enum plan_by b)
{
	return b == PLAN_BY_DISTANCE ? "distance" : "time";
}

enum err_code plan_by_parse(const char *s, enum plan_by *out, struct err *err)
{
	size_t n = strlen(s);

	if (n && strncasecmp(s, "time", n) == 0) {
		*out = PLAN_BY_TIME;
		return ERR_OK;
	}
	if (n && strncasecmp(s, "distance", n) == 0) {
		*out = PLAN_BY_DISTANCE;
		return ERR_OK;
	}
	return err_set(err, ERR_INPUT, "'%s' is neither 'time' nor 'distance'", s);
}

struct plan *plan_list_push(struct plan_list *list)
{
	struct plan *p;

	xgrow((void **)&list->plans, &list->alloc, list->n_plans + 1, sizeof(*list->plans));
	p = &list->plans[list->n_plans++];
	plan_init(p);
	return p;
}

void plan_list_release(struct plan_list *list)
{
	for (size_t i = 0; i < list->n_plans; i++) {
		plan_release(&list->plans[i]);
	}
	free(list->plans);
	*list = (struct plan_list)PLAN_LIST_INIT;
}

/* ---- templates ---- */

/* Where a template's sessions are named before they may be defined: the
 * names are kept and resolved once the whole file is read. */
struct phase_names {
	char *hard[PLAN_MAX_SESSIONS]; /* as written (owned) */
	size_t n_hard;                 /* count */
	char *strength;                /* as written, NULL if none (owned) */
};

struct tparse {
	struct plan_template *t;
	struct phase_names names[PLAN_PHASE_COUNT];
	bool seen[PLAN_PHASE_COUNT];           /* the section appeared */
	unsigned plan_keys;                    /* bits of plan_key_names given */
	unsigned phase_keys[PLAN_PHASE_COUNT]; /* bits of phase_key_names given */
	bool hard_max_set[PLAN_PHASE_COUNT];
	struct err *err; /* where the first problem goes */
	bool failed;     /* a problem was recorded */
};

static const char *const plan_key_names[] = {
	"name",       "distance",    "weeks",         "min_weeks",  "max_weeks",
	"days",       "longest",     "cutback_every", "cutback",    "start",
	"peak_max",   "longest_run", "easy_min",      "easy_max",   "about_rest",
	"about_easy", "about_long",  "about_race",    "long_share",
};
/* Keys of [plan] that may be left out (the last ones of the list). */
#define N_PLAN_OPTIONAL 1
#define N_PLAN_KEYS     (sizeof(plan_key_names) / sizeof(plan_key_names[0]))

enum phase_key {
	PK_WEEKS,
	PK_VOLUME,
	PK_LONG,
	PK_AFTER_LONGEST,
	PK_HARD,
	PK_HARD_MAX,
	PK_STRENGTH,
	PK_ABOUT,
	PK_COUNT
};

static const char *const phase_key_names[PK_COUNT] = {
	"weeks", "volume", "long", "after_longest", "hard", "hard_max", "strength", "about",
};

__attribute__((format(printf, 4, 5))) static int tfail(struct tparse *ctx, const char *section,
                                                       const char *key, const char *fmt, ...)
{
	if (!ctx->failed) {
		char msg[384];
		va_list ap;

		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		if (*key) {
			err_set(ctx->err, ERR_FORMAT, "[%s] %s: %s", section, key, msg);
		} else {
			err_set(ctx->err, ERR_FORMAT, "[%s]: %s", section, msg);
		}
		ctx->failed = true;
	}
	return 0;
}

/* Copy [s, s+len) trimmed of blanks into a new string. */
static char *trimmed(const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t')) {
		len--;
	}
	return xstrndup(s, len);
}

static void free_parts(char **parts, size_t n);

/* Split value at commas into at most max trimmed parts (owned by the
 * caller); returns how many, or max + 1 if there were more, or 0 if a
 * part was empty. */
static size_t split(const char *value, char **parts, size_t max)
{
	size_t n = 0;
	const char *p = value;

	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *part;

		if (n == max) {
			free_parts(parts, n);
			return max + 1;
		}
		part = trimmed(p, len);
		if (!*part) {
			free(part);
			free_parts(parts, n);
			return 0;
		}
		parts[n++] = part;
		if (!end) {
			return n;
		}
		p = end + 1;
	}
}

static void free_parts(char **parts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(parts[i]);
	}
}

/* "65%" into 0.65; a share is above 0 and at most 100%. */
static bool read_percent(const char *s, double *out)
{
	char *num;
	double v;
	size_t len = strlen(s);
	bool ok;

	while (len && s[len - 1] == ' ') {
		len--;
	}
	if (len < 2 || s[len - 1] != '%') {
		return false;
	}
	num = trimmed(s, len - 1);
	ok = parse_number(num, 0, 100, &v, NULL) == ERR_OK && v > 0;
	free(num);
	if (ok) {
		*out = v / 100;
	}
	return ok;
}

/* "65% to 80%" (or one share for both ends). */
static bool read_range(const char *s, double *from, double *to)
{
	const char *sep = strstr(s, " to ");
	char *a;
	bool ok;

	if (!sep) {
		if (!read_percent(s, from)) {
			return false;
		}
		*to = *from;
		return true;
	}
	a = xstrndup(s, (size_t)(sep - s));
	ok = read_percent(a, from) && read_percent(sep + 4, to);
	free(a);
	return ok;
}

/* "45 min, 8 km", "8 km, 45 min" or, with time_only allowed, "25 min". */
static bool read_amount(const char *s, struct plan_amount *out, bool time_only)
{
	char *parts[2];
	size_t n = split(s, parts, 2);
	struct plan_amount a = { (double)NAN, (double)NAN };
	bool ok = n >= 1 && n <= 2;

	for (size_t i = 0; ok && i < n; i++) {
		enum parse_figure kind;
		double v;

		char *q = parts[i];

		/* "45 min" reads as "45min": the parsers take no blanks */
		for (const char *r = parts[i]; *r; r++) {
			if (*r != ' ' && *r != '\t') {
				*q++ = *r;
			}
		}
		*q = '\0';
		if (parse_figure(parts[i], &kind, &v, NULL) != ERR_OK) {
			ok = false;
		} else if (kind == PARSE_FIGURE_DURATION && isnan(a.s)) {
			a.s = v;
		} else if (kind == PARSE_FIGURE_DISTANCE && isnan(a.m)) {
			a.m = v;
		} else {
			ok = false;
		}
	}
	if (n >= 1 && n <= 2) {
		free_parts(parts, n);
	}
	ok = ok && !isnan(a.s) && (time_only || !isnan(a.m));
	if (ok) {
		*out = a;
	}
	return ok;
}

static bool read_int(const char *s, long lo, long hi, int *out)
{
	long v;

	if (parse_int(s, lo, hi, &v, NULL) != ERR_OK) {
		return false;
	}
	*out = (int)v;
	return true;
}

static int plan_key_index(const char *key)
{
	for (size_t i = 0; i < N_PLAN_KEYS; i++) {
		if (strcmp(key, plan_key_names[i]) == 0) {
			return (int)i;
		}
	}
	return -1;
}

static int on_plan(struct tparse *ctx, const char *key, const char *value)
{
	struct plan_template *t = ctx->t;
	int k = plan_key_index(key);
	const char *S = "plan";

	if (k < 0) {
		return tfail(ctx, S, key,
		             "unknown key (name, distance, weeks, min_weeks, max_weeks, days, "
		             "longest, cutback_every, cutback, start, peak_max, longest_run, "
		             "easy_min, easy_max, about_rest, about_easy, about_long, about_race, "
		             "long_share)");
	}
	if (ctx->plan_keys & (1u << k)) {
		return tfail(ctx, S, key, "given twice");
	}
	ctx->plan_keys |= 1u << k;
	if (strcmp(key, "name") == 0) {
		t->name = xstrdup(value);
	} else if (strcmp(key, "distance") == 0) {
		if (parse_distance(value, &t->distance_m, NULL) != ERR_OK) {
			return tfail(ctx, S, key,
			             "'%s' is not a distance (5k, 21.1k, half, marathon)", value);
		}
	} else if (strcmp(key, "weeks") == 0 || strcmp(key, "min_weeks") == 0 ||
	           strcmp(key, "max_weeks") == 0) {
		int *slot = key[0] == 'w'   ? &t->weeks
		            : key[1] == 'i' ? &t->min_weeks
		                            : &t->max_weeks;

		if (!read_int(value, 1, PLAN_MAX_WEEKS, slot)) {
			return tfail(ctx, S, key, "'%s' is not a number of weeks in 1..%d", value,
			             PLAN_MAX_WEEKS);
		}
	} else if (strcmp(key, "days") == 0) {
		if (!read_int(value, PLAN_MIN_DAYS, PLAN_MAX_DAYS, &t->days)) {
			return tfail(ctx, S, key, "'%s' is not a number of days in %d..%d", value,
			             PLAN_MIN_DAYS, PLAN_MAX_DAYS);
		}
	} else if (strcmp(key, "longest") == 0) {
		if (!read_int(value, 1, PLAN_MAX_TAPER + 2, &t->longest)) {
			return tfail(ctx, S, key, "'%s' is not a number of weeks in 1..%d", value,
			             PLAN_MAX_TAPER + 2);
		}
	} else if (strcmp(key, "cutback_every") == 0) {
		if (!read_int(value, 0, 8, &t->cutback_every) || t->cutback_every == 1) {
			return tfail(ctx, S, key,
			             "'%s' is not 0 (none) or a number of weeks in 2..8", value);
		}
	} else if (strcmp(key, "long_share") == 0) {
		if (!read_percent(value, &t->long_share) || t->long_share > 0.5) {
			return tfail(ctx, S, key, "'%s' is not a share up to 50%%", value);
		}
	} else if (strcmp(key, "cutback") == 0) {
		if (!read_percent(value, &t->cutback) || t->cutback < 0.4 || t->cutback >= 1) {
			return tfail(ctx, S, key, "'%s' is not a share from 40%% to 99%%", value);
		}
	} else if (strncmp(key, "about_", 6) == 0) {
		enum workout_kind kind = key[6] == 'r' && key[7] == 'e' ? WORKOUT_REST
		                         : key[6] == 'r'                ? WORKOUT_RACE
		                         : key[6] == 'e'                ? WORKOUT_EASY
		                                                        : WORKOUT_LONG;

		if (!*value || strlen(value) > PLAN_MAX_TEXT) {
			return tfail(ctx, S, key, "a description of 1 to %d bytes is needed",
			             PLAN_MAX_TEXT);
		}
		t->about[kind] = xstrdup(value);
	} else {
		struct plan_amount *slot = strcmp(key, "start") == 0         ? &t->start
		                           : strcmp(key, "peak_max") == 0    ? &t->peak_max
		                           : strcmp(key, "longest_run") == 0 ? &t->longest_run
		                           : strcmp(key, "easy_min") == 0    ? &t->easy_min
		                                                             : &t->easy_max;

		if (!read_amount(value, slot, false)) {
			return tfail(ctx, S, key,
			             "'%s' is not a time and a distance, like '45 min, 8 km'",
			             value);
		}
	}
	return 1;
}

static int phase_key_index(const char *key)
{
	for (int i = 0; i < PK_COUNT; i++) {
		if (strcmp(key, phase_key_names[i]) == 0) {
			return i;
		}
	}
	return -1;
}

/* A list of shares, one per taper week ("75%, 55%"). */
static bool read_share_list(const char *value, double *out, int max, int *n)
{
	char *parts[PLAN_MAX_TAPER];
	size_t k = split(value, parts, (size_t)max);
	bool ok = k >= 1 && k <= (size_t)max;

	for (size_t i = 0; ok && i < k; i++) {
		ok = read_percent(parts[i], &out[i]);
	}
	if (k >= 1 && k <= (size_t)max) {
		free_parts(parts, k);
	}
	if (ok) {
		*n = (int)k;
	}
	return ok;
}

static int on_phase(struct tparse *ctx, enum plan_phase ph, const char *key, const char *value)
{
	struct plan_phase_spec *spec = &ctx->t->phases[ph];
	struct phase_names *names = &ctx->names[ph];
	const char *S = phase_names[ph];
	int k = phase_key_index(key);
	bool taper = ph == PLAN_TAPER;

	if (k < 0 || (taper && (k == PK_WEEKS || k == PK_AFTER_LONGEST || k == PK_STRENGTH)) ||
	    (k == PK_AFTER_LONGEST && ph != PLAN_PEAK)) {
		return tfail(ctx, S, key, "unknown key here (%s)",
		             taper ? "volume, long, hard, hard_max, about"
		             : ph == PLAN_PEAK
		                     ? "weeks, volume, long, after_longest, hard, hard_max, "
		                       "strength, about"
		                     : "weeks, volume, long, hard, hard_max, strength, about");
	}
	if (ctx->phase_keys[ph] & (1u << k)) {
		return tfail(ctx, S, key, "given twice");
	}
	ctx->phase_keys[ph] |= 1u << k;
	switch ((enum phase_key)k) {
	case PK_WEEKS:
		if (!read_percent(value, &spec->share)) {
			return tfail(ctx, S, key, "'%s' is not a share like '40%%'", value);
		}
		break;
	case PK_VOLUME:
		if (taper) {
			if (!read_share_list(value, spec->taper_volume, PLAN_MAX_TAPER,
			                     &spec->n_taper)) {
				return tfail(
				        ctx, S, key,
				        "'%s' is not 1 to %d shares, one a week, like '75%%, 55%%'",
				        value, PLAN_MAX_TAPER);
			}
		} else if (!read_range(value, &spec->volume_from, &spec->volume_to)) {
			return tfail(ctx, S, key,
			             "'%s' is not a range of shares like '65%% to 80%%'", value);
		}
		break;
	case PK_LONG:
		if (taper) {
			if (!read_share_list(value, spec->taper_long, PLAN_MAX_TAPER,
			                     &spec->n_taper_long)) {
				return tfail(ctx, S, key,
				             "'%s' is not shares, one a week, like '65%%'", value);
			}
		} else if (!read_range(value, &spec->long_from, &spec->long_to)) {
			return tfail(ctx, S, key,
			             "'%s' is not a range of shares like '50%% to 70%%'", value);
		}
		break;
	case PK_AFTER_LONGEST:
		if (!read_percent(value, &spec->after_longest) || spec->after_longest >= 1) {
			return tfail(ctx, S, key, "'%s' is not a share below 100%%", value);
		}
		break;
	case PK_HARD: {
		size_t n = split(value, names->hard, PLAN_MAX_SESSIONS);

		if (n == 0 || n > PLAN_MAX_SESSIONS) {
			return tfail(ctx, S, key, "'%s' is not a list of 1 to %d session names",
			             value, PLAN_MAX_SESSIONS);
		}
		names->n_hard = n;
		break;
	}
	case PK_HARD_MAX:
		if (!read_int(value, 1, 3, &spec->hard_max)) {
			return tfail(ctx, S, key, "'%s' is not 1, 2 or 3", value);
		}
		ctx->hard_max_set[ph] = true;
		break;
	case PK_STRENGTH:
		names->strength = trimmed(value, strlen(value));
		break;
	case PK_ABOUT:
		if (!*value || strlen(value) > PLAN_MAX_TEXT) {
			return tfail(ctx, S, key, "a description of 1 to %d bytes is needed",
			             PLAN_MAX_TEXT);
		}
		spec->about = xstrdup(value);
		break;
	case PK_COUNT:
		break;
	}
	return 1;
}

static bool valid_code(const char *s)
{
	if (!*s || strlen(s) > 40) {
		return false;
	}
	for (; *s; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-')) {
			return false;
		}
	}
	return true;
}

static struct plan_session *session_named(struct plan_template *t, const char *code)
{
	for (size_t i = 0; i < t->n_sessions; i++) {
		if (strcmp(t->sessions[i].code, code) == 0) {
			return &t->sessions[i];
		}
	}
	return NULL;
}

/* Session sections keep their keys' presence in these bits. */
#define SK_KIND   1u
#define SK_TARGET 2u
#define SK_ABOUT  4u

static int on_session(struct tparse *ctx, const char *section, const char *code, const char *key,
                      const char *value)
{
	struct plan_template *t = ctx->t;
	struct plan_session *s = session_named(t, code);
	unsigned bit = strcmp(key, "kind") == 0     ? SK_KIND
	               : strcmp(key, "target") == 0 ? SK_TARGET
	               : strcmp(key, "about") == 0  ? SK_ABOUT
	                                            : 0;

	if (!s) {
		if (!valid_code(code)) {
			return tfail(ctx, section, "",
			             "a session's code is 1 to 40 of a-z, 0-9 and '-', as in "
			             "[session tempo-20]");
		}
		if (t->n_sessions == PLAN_MAX_SESSIONS) {
			return tfail(ctx, section, "", "more than %d sessions", PLAN_MAX_SESSIONS);
		}
		t->sessions = xreallocarray(t->sessions, t->n_sessions + 1, sizeof(*t->sessions));
		s = &t->sessions[t->n_sessions++];
		memset(s, 0, sizeof(*s));
		s->code = xstrdup(code);
		s->kind = WORKOUT_KIND_COUNT; /* not given yet */
		s->time.s = (double)NAN;
		s->time.m = (double)NAN;
	}
	if (!bit) {
		return tfail(ctx, section, key, "unknown key (kind, target, about)");
	}
	if (bit == SK_KIND) {
		enum workout_kind k;

		if (s->kind != WORKOUT_KIND_COUNT) {
			return tfail(ctx, section, key, "given twice");
		}
		if (workout_kind_parse(value, &k, NULL) != ERR_OK || k == WORKOUT_REST ||
		    k == WORKOUT_LONG || k == WORKOUT_RACE) {
			return tfail(ctx, section, key,
			             "'%s' is not tempo, intervals, easy, cross or strength",
			             value);
		}
		s->kind = k;
	} else if (bit == SK_TARGET) {
		if (!isnan(s->time.s)) {
			return tfail(ctx, section, key, "given twice");
		}
		if (!read_amount(value, &s->time, true)) {
			return tfail(
			        ctx, section, key,
			        "'%s' is not a time and a distance like '45 min, 8 km' (or only "
			        "a time, for strength and cross)",
			        value);
		}
	} else {
		if (s->about) {
			return tfail(ctx, section, key, "given twice");
		}
		if (!*value || strlen(value) > PLAN_MAX_TEXT) {
			return tfail(ctx, section, key, "a description of 1 to %d bytes is needed",
			             PLAN_MAX_TEXT);
		}
		s->about = xstrdup(value);
	}
	return 1;
}

static int on_value(void *user, const char *section, const char *key, const char *value)
{
	struct tparse *ctx = user;
	enum plan_phase ph;

	if (ctx->failed) {
		return 1; /* the first problem is the one reported */
	}
	if (!*section) {
		return tfail(ctx, "", key, "comes before any [section]");
	}
	if (strcmp(section, "plan") == 0) {
		return on_plan(ctx, key, value);
	}
	if (strncmp(section, "session ", 8) == 0) {
		return on_session(ctx, section, section + 8, key, value);
	}
	if (plan_phase_parse(section, &ph, NULL) == ERR_OK &&
	    strcmp(section, phase_names[ph]) == 0) {
		ctx->seen[ph] = true;
		return on_phase(ctx, ph, key, value);
	}
	return tfail(ctx, section, "",
	             "unknown section ([plan], [base], [build], [peak], [taper], "
	             "[session CODE])");
}

__attribute__((format(printf, 3, 4))) static enum err_code bad(struct err *err, const char *origin,
                                                               const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return err_set(err, ERR_FORMAT, "%s: %s", origin, msg);
}

static enum err_code resolve_sessions(struct tparse *ctx, const char *origin, struct err *err)
{
	struct plan_template *t = ctx->t;

	for (size_t i = 0; i < t->n_sessions; i++) {
		const struct plan_session *s = &t->sessions[i];

		if (s->kind == WORKOUT_KIND_COUNT || isnan(s->time.s) || !s->about) {
			return bad(err, origin, "[session %s]: say its kind, target and about",
			           s->code);
		}
		if (workout_kind_is_run(s->kind) && isnan(s->time.m)) {
			return bad(err, origin,
			           "[session %s] target: a running session needs a time and a "
			           "distance, like '45 min, 8 km'",
			           s->code);
		}
	}
	for (int ph = 0; ph < PLAN_PHASE_COUNT; ph++) {
		struct phase_names *names = &ctx->names[ph];
		struct plan_phase_spec *spec = &t->phases[ph];

		for (size_t i = 0; i < names->n_hard; i++) {
			const struct plan_session *s = session_named(t, names->hard[i]);

			if (!s) {
				return bad(err, origin, "[%s] hard: no [session %s] in the file",
				           phase_names[ph], names->hard[i]);
			}
			if (!workout_kind_is_run(s->kind)) {
				return bad(err, origin,
				           "[%s] hard: [session %s] is %s, not a running session",
				           phase_names[ph], s->code, kind_names[s->kind]);
			}
			spec->hard[spec->n_hard++] = (size_t)(s - t->sessions);
		}
		spec->strength = -1;
		if (names->strength) {
			const struct plan_session *s = session_named(t, names->strength);

			if (!s || s->kind != WORKOUT_STRENGTH) {
				return bad(
				        err, origin,
				        "[%s] strength: '%s' is not a [session] of kind strength",
				        phase_names[ph], names->strength);
			}
			spec->strength = (long)(s - t->sessions);
		}
	}
	return ERR_OK;
}

static enum err_code check_phases(struct tparse *ctx, const char *origin, struct err *err)
{
	struct plan_template *t = ctx->t;
	const struct plan_phase_spec *taper = &t->phases[PLAN_TAPER];
	const struct plan_phase_spec *peak = &t->phases[PLAN_PEAK];
	double shares = 0;

	for (int ph = 0; ph < PLAN_PHASE_COUNT; ph++) {
		const struct plan_phase_spec *spec = &t->phases[ph];
		unsigned need = ph == PLAN_TAPER ? (1u << PK_VOLUME) | (1u << PK_HARD)
		                                 : (1u << PK_WEEKS) | (1u << PK_VOLUME) |
		                                           (1u << PK_LONG) | (1u << PK_HARD);

		if (!ctx->seen[ph]) {
			return bad(err, origin, "no [%s] section", phase_names[ph]);
		}
		if ((ctx->phase_keys[ph] & need) != need) {
			return bad(err, origin, "[%s]: say %s", phase_names[ph],
			           ph == PLAN_TAPER ? "its volume and hard sessions"
			                            : "its weeks, volume, long and hard sessions");
		}
		if (!ctx->hard_max_set[ph]) {
			t->phases[ph].hard_max = 2;
		}
		if (ph != PLAN_TAPER) {
			shares += spec->share;
		}
	}
	if (fabs(shares - 1) > 0.005) {
		return bad(err, origin,
		           "the weeks of [base], [build] and [peak] add up to %.0f%%, not 100%%",
		           shares * 100);
	}
	if (peak->volume_to != 1 || peak->long_to != 1) {
		return bad(err, origin,
		           "[peak]: its volume and long run end at 100%% (the peak week, the "
		           "longest run)");
	}
	for (int ph = 0; ph < PLAN_TAPER; ph++) {
		const struct plan_phase_spec *spec = &t->phases[ph];

		if (spec->volume_from > spec->volume_to || spec->long_from > spec->long_to) {
			return bad(err, origin, "[%s]: volume and long run rise through a phase",
			           phase_names[ph]);
		}
	}
	for (int i = 0; i < taper->n_taper; i++) {
		if (taper->taper_volume[i] >= 1) {
			return bad(err, origin,
			           "[taper] volume: a taper week is below 100%% of the peak");
		}
	}
	if (taper->n_taper_long != taper->n_taper - 1) {
		return bad(err, origin,
		           "[taper] long: one share for each taper week but the race's: %d, not %d",
		           taper->n_taper - 1, taper->n_taper_long);
	}
	for (int i = 0; i < taper->n_taper - 1; i++) {
		if (taper->taper_long[i] >= 1) {
			return bad(err, origin, "[taper] long: below 100%% of the longest run");
		}
	}
	if (t->longest < taper->n_taper) {
		return bad(err, origin,
		           "[plan] longest: the longest run comes before the taper, at least %d "
		           "weeks before the race's",
		           taper->n_taper);
	}
	if ((t->longest > taper->n_taper) != !isnan(peak->after_longest)) {
		return bad(err, origin,
		           t->longest > taper->n_taper
		                   ? "[peak] after_longest: say the long run of the weeks between "
		                     "the longest run and the taper"
		                   : "[peak] after_longest: there are no weeks between the longest "
		                     "run and the taper");
	}
	return ERR_OK;
}

static enum err_code check_plan(struct tparse *ctx, const char *origin, struct err *err)
{
	struct plan_template *t = ctx->t;
	int taper = t->phases[PLAN_TAPER].n_taper;
	int need;

	for (size_t i = 0; i < N_PLAN_KEYS - N_PLAN_OPTIONAL; i++) {
		if (!(ctx->plan_keys & (1u << i))) {
			return bad(err, origin, "[plan]: no %s", plan_key_names[i]);
		}
	}
	if (!(t->min_weeks <= t->weeks && t->weeks <= t->max_weeks)) {
		return bad(err, origin,
		           "[plan] weeks: %d is not within min_weeks..max_weeks (%d..%d)", t->weeks,
		           t->min_weeks, t->max_weeks);
	}
	/* a week for each phase before the taper, and room in the peak for
	 * the longest run and the weeks after it */
	need = taper + (t->longest - taper + 3 > 3 ? t->longest - taper + 3 : 3);
	if (t->min_weeks < need) {
		return bad(err, origin,
		           "[plan] min_weeks: %d leaves no room for the phases; at least %d",
		           t->min_weeks, need);
	}
	if (!(t->easy_min.s < t->easy_max.s && t->easy_min.m < t->easy_max.m)) {
		return bad(err, origin, "[plan] easy_min: below easy_max, in time and distance");
	}
	if (!(t->start.s < t->peak_max.s && t->start.m < t->peak_max.m)) {
		return bad(err, origin, "[plan] start: below peak_max, in time and distance");
	}
	if (!(t->longest_run.s < t->peak_max.s && t->longest_run.m < t->peak_max.m)) {
		return bad(err, origin, "[plan] longest_run: below peak_max, in time and distance");
	}
	return ERR_OK;
}

enum err_code plan_template_parse(struct plan_template *t, const char *code, const char *text,
                                  const char *origin, struct err *err)
{
	struct tparse ctx;
	enum err_code rc = ERR_OK;
	int line;

	memset(t, 0, sizeof(*t));
	memset(&ctx, 0, sizeof(ctx));
	ctx.t = t;
	ctx.err = err;
	t->code = xstrdup(code);
	t->phases[PLAN_PEAK].after_longest = (double)NAN;
	line = ini_parse_string(text, on_value, &ctx);
	if (ctx.failed) {
		rc = err->code;
		if (line > 0) {
			err_prefix(err, "%s: line %d", origin, line);
		} else {
			err_prefix(err, "%s", origin);
		}
	} else if (line != 0) {
		rc = err_set(err, ERR_FORMAT,
		             "%s: line %d: not 'key = value' or '[section]' (or longer than 199 "
		             "characters)",
		             origin, line);
	}
	if (!rc) {
		rc = check_plan(&ctx, origin, err);
	}
	if (!rc) {
		rc = resolve_sessions(&ctx, origin, err);
	}
	if (!rc) {
		rc = check_phases(&ctx, origin, err);
	}
	for (int ph = 0; ph < PLAN_PHASE_COUNT; ph++) {
		free_parts(ctx.names[ph].hard, ctx.names[ph].n_hard);
		free(ctx.names[ph].strength);
	}
	if (rc) {
		plan_template_release(t);
	}
	return rc;
}

void plan_template_release(struct plan_template *t)
{
	for (size_t i = 0; i < t->n_sessions; i++) {
		free(t->sessions[i].code);
		free(t->sessions[i].about);
	}
	free(t->sessions);
	for (int k = 0; k < WORKOUT_KIND_COUNT; k++) {
		free(t->about[k]);
	}
	for (int ph = 0; ph < PLAN_PHASE_COUNT; ph++) {
		free(t->phases[ph].about);
	}
	free(t->code);
	free(t->name);
	memset(t, 0, sizeof(*t));
}

int plan_template_pre_taper(const struct plan_template *t, int weeks)
{
	return weeks - t->phases[PLAN_TAPER].n_taper;
}

int plan_template_longest_week(const struct plan_template *t, int weeks)
{
	return weeks - t->longest;
}
