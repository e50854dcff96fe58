/*
 * race.c: race records (see race.h).
 */
#include "core/race.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "base/units.h"
#include "base/xalloc.h"

/* The shortest and longest race knead believes: a track 100 m, and the
 * 5,000 km that bounds every activity (activity.h). */
#define RACE_MIN_DISTANCE_M 100.0
#define RACE_MAX_DISTANCE_M 5e6

/*
 * The fastest believable time for a distance: 80 % of Riegel's curve
 * (exponent 1.06) through the men's marathon record, 2:00:35. That curve
 * lies within 1-2 % of the men's records from 1500 m to the half marathon
 * and above them below 1500 m (400 m: 51.9 s against 43.0 s), so the 20 %
 * margin keeps every real performance, down to a 9.5 s 100 m, while
 * catching the typical slip: a half "45:00", a 10k "1:30" read as 90 s.
 */
#define RECORD_MARATHON_S 7235.0
#define RECORD_MARATHON_M 42195.0
#define RECORD_EXPONENT   1.06
#define RECORD_MARGIN     0.8

/* The slowest believable average: 0.5 m/s (1.8 km/h) is half a slow
 * walk, slower than any race's cut-off, multi-day ones included. */
#define RACE_MIN_SPEED 0.5

void race_init(struct race *r)
{
	memset(r, 0, sizeof(*r));
	r->date = DATE_NONE;
	r->distance_m = (double)NAN;
	r->priority = RACE_B;
	r->terrain = RACE_TERRAIN_UNKNOWN;
	r->status = RACE_REGISTERED;
	r->goal_s = (double)NAN;
	r->result_s = (double)NAN;
}

void race_release(struct race *r)
{
	free(r->name);
	free(r->note);
	race_init(r);
}

double race_fastest_believable_s(double distance_m)
{
	if (!(distance_m > 0) || !isfinite(distance_m)) {
		return (double)NAN;
	}
	return RECORD_MARGIN * RECORD_MARATHON_S *
	       pow(distance_m / RECORD_MARATHON_M, RECORD_EXPONENT);
}

double race_slowest_believable_s(double distance_m)
{
	if (!(distance_m > 0) || !isfinite(distance_m)) {
		return (double)NAN;
	}
	return distance_m / RACE_MIN_SPEED;
}

static enum err_code check_name(const char *name, struct err *err)
{
	size_t len = 0;
	bool all_digits = true;

	/* Count characters, as the schema's length() does, not UTF-8 bytes. */
	for (const unsigned char *p = (const unsigned char *)(name ? name : ""); *p; p++) {
		len += (*p & 0xc0) != 0x80;
	}
	if (len == 0) {
		return err_set(err, ERR_INPUT, "a race needs a name");
	}
	if (len > RACE_MAX_NAME) {
		return err_set(err, ERR_INPUT, "the race name is longer than %d characters",
		               RACE_MAX_NAME);
	}
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			return err_set(err, ERR_INPUT, "the race name has a control character");
		}
		if (*p < '0' || *p > '9') {
			all_digits = false;
		}
	}
	if (all_digits) {
		return err_set(err, ERR_INPUT,
		               "'%s' would read as a race id; give the race a name with a letter",
		               name);
	}
	return ERR_OK;
}

/* A goal or result time: positive, and between the fastest and slowest
 * believable times for the distance. what is "goal" or "result". */
static enum err_code check_time(double t, double distance_m, const char *what, struct err *err)
{
	struct strbuf d = STRBUF_INIT, tt = STRBUF_INIT, lim = STRBUF_INIT;
	enum err_code rc = ERR_OK;
	double fastest = race_fastest_believable_s(distance_m);
	double slowest = race_slowest_believable_s(distance_m);

	if (isnan(t)) {
		return ERR_OK;
	}
	if (!(t > 0) || !isfinite(t)) {
		return err_set(err, ERR_INPUT, "a race's %s time must be positive", what);
	}
	units_add_distance(&d, distance_m, UNITS_KM);
	units_add_duration(&tt, t);
	if (t < fastest) {
		units_add_duration(&lim, fastest);
		rc = err_set(err, ERR_INPUT,
		             "a %s of %s for %s is faster than anyone has run it (under %s); "
		             "check the time and the distance",
		             what, tt.buf, d.buf, lim.buf);
	} else if (t > slowest) {
		units_add_duration(&lim, slowest);
		rc = err_set(err, ERR_INPUT,
		             "a %s of %s for %s is slower than walking it (over %s); "
		             "check the time and the distance",
		             what, tt.buf, d.buf, lim.buf);
	}
	strbuf_release(&d);
	strbuf_release(&tt);
	strbuf_release(&lim);
	return rc;
}

enum err_code race_validate(const struct race *r, struct err *err)
{
	enum err_code rc = check_name(r->name, err);

	if (rc) {
		return rc;
	}
	if (r->date == DATE_NONE) {
		return err_set(err, ERR_INPUT, "race '%s' needs a date", r->name);
	}
	if (!(r->distance_m >= RACE_MIN_DISTANCE_M && r->distance_m <= RACE_MAX_DISTANCE_M)) {
		return err_set(err, ERR_INPUT, "a race distance must be from 100 m to 5000 km");
	}
	if ((unsigned)r->priority >= RACE_PRIORITY_COUNT ||
	    (unsigned)r->terrain >= RACE_TERRAIN_COUNT ||
	    (unsigned)r->status >= RACE_STATUS_COUNT) {
		return err_set(err, ERR_INPUT,
		               "race '%s' has an unknown priority, terrain or status", r->name);
	}
	rc = check_time(r->goal_s, r->distance_m, "goal", err);
	if (!rc) {
		rc = check_time(r->result_s, r->distance_m, "result", err);
	}
	if (rc) {
		return rc;
	}
	if (!isnan(r->result_s) && r->status != RACE_DONE) {
		return err_set(err, ERR_INPUT, "race '%s' is %s, so it has no result time", r->name,
		               race_status_name(r->status));
	}
	if (r->activity_id != 0 && r->status != RACE_DONE && r->status != RACE_DNF) {
		return err_set(err, ERR_INPUT, "race '%s' is %s, so no activity was the race",
		               r->name, race_status_name(r->status));
	}
	if (r->note && strlen(r->note) > RACE_MAX_NOTE) {
		return err_set(err, ERR_INPUT, "the race note is longer than %d characters",
		               RACE_MAX_NOTE);
	}
	return ERR_OK;
}

static const char *const priority_names[RACE_PRIORITY_COUNT] = { "A", "B", "C" };

static const char *const terrain_names[RACE_TERRAIN_COUNT] = {
	"", "flat", "rolling", "hilly", "net-downhill", "trail",
};

static const char *const status_names[RACE_STATUS_COUNT] = {
	"considering", "registered", "done", "dns", "dnf",
};

const char *race_priority_name(enum race_priority p)
{
	return (unsigned)p < RACE_PRIORITY_COUNT ? priority_names[p] : "?";
}

const char *race_terrain_name(enum race_terrain t)
{
	return (unsigned)t < RACE_TERRAIN_COUNT ? terrain_names[t] : "?";
}

const char *race_status_name(enum race_status s)
{
	return (unsigned)s < RACE_STATUS_COUNT ? status_names[s] : "?";
}

/*
 * Find s among names[first..n): an exact word in any case, else (when
 * prefixes are allowed) the one name that starts with it. Returns the
 * index, or -1 with *ambiguous telling an unknown word from a shared start.
 */
static int word_find(const char *const *names, int first, int n, const char *s, bool prefixes,
                     bool *ambiguous)
{
	size_t len = strlen(s);
	int found = -1, n_found = 0;

	*ambiguous = false;
	for (int i = first; i < n; i++) {
		if (strcasecmp(s, names[i]) == 0) {
			return i;
		}
	}
	if (!prefixes || len == 0) {
		return -1;
	}
	for (int i = first; i < n; i++) {
		if (strncasecmp(s, names[i], len) == 0) {
			found = i;
			n_found++;
		}
	}
	if (n_found > 1) {
		*ambiguous = true;
		return -1;
	}
	return found;
}

/* "'x' is not a race status (considering, registered, done, dns or dnf)",
 * or "could be" for a start several words share. */
static enum err_code word_refuse(const char *const *names, int first, int n, const char *s,
                                 bool ambiguous, const char *what, struct err *err)
{
	struct strbuf list = STRBUF_INIT;
	enum err_code rc;

	for (int i = first; i < n; i++) {
		if (i > first) {
			strbuf_adds(&list, i == n - 1 ? " or " : ", ");
		}
		strbuf_adds(&list, names[i]);
	}
	if (ambiguous) {
		rc = err_set(err, ERR_INPUT, "'%s' could be more than one %s (%s)", s, what,
		             list.buf);
	} else {
		rc = err_set(err, ERR_INPUT, "'%s' is not a %s (%s)", s, what, list.buf);
	}
	strbuf_release(&list);
	return rc;
}

enum err_code race_priority_parse(const char *s, enum race_priority *out, struct err *err)
{
	bool ambiguous;
	int i = word_find(priority_names, 0, RACE_PRIORITY_COUNT, s, false, &ambiguous);

	if (i < 0) {
		return word_refuse(priority_names, 0, RACE_PRIORITY_COUNT, s, false,
		                   "race priority", err);
	}
	*out = (enum race_priority)i;
	return ERR_OK;
}

enum err_code race_terrain_parse(const char *s, enum race_terrain *out, struct err *err)
{
	bool ambiguous;
	/* the unknown terrain's "" is not a word to type */
	int i = word_find(terrain_names, 1, RACE_TERRAIN_COUNT, s, true, &ambiguous);

	if (i < 0) {
		return word_refuse(terrain_names, 1, RACE_TERRAIN_COUNT, s, ambiguous,
		                   "race terrain", err);
	}
	*out = (enum race_terrain)i;
	return ERR_OK;
}

enum err_code race_status_parse(const char *s, enum race_status *out, struct err *err)
{
	bool ambiguous;
	int i = word_find(status_names, 0, RACE_STATUS_COUNT, s, true, &ambiguous);

	if (i < 0) {
		return word_refuse(status_names, 0, RACE_STATUS_COUNT, s, ambiguous, "race status",
		                   err);
	}
	*out = (enum race_status)i;
	return ERR_OK;
}

bool race_is_upcoming(const struct race *r)
{
	return r->status == RACE_CONSIDERING || r->status == RACE_REGISTERED;
}

struct race *race_list_push(struct race_list *list)
{
	struct race *r;

	xgrow((void **)&list->races, &list->alloc, list->n_races + 1, sizeof(*list->races));
	r = &list->races[list->n_races++];
	race_init(r);
	return r;
}

void race_list_release(struct race_list *list)
{
	for (size_t i = 0; i < list->n_races; i++) {
		race_release(&list->races[i]);
	}
	free(list->races);
	list->races = NULL;
	list->n_races = 0;
	list->alloc = 0;
}
