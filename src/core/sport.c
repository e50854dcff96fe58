/*
 * sport.c: the sport table (see sport.h).
 */
#include "core/sport.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/strbuf.h"

/* One row per sport, in enum order. The speed limits are generous
 * ceilings for a whole session's average, not records: they exist to catch
 * a unit typed wrong, never to doubt a fast runner. */
static const struct {
	const char *name;
	enum sport_pace pace;
	bool treadmill;
	double max_speed; /* m/s; 0 = unchecked */
} sports[SPORT_COUNT] = {
	[SPORT_RUN] = { "run", SPORT_PACE_FOOT, true, 11.0 },
	[SPORT_TRAIL] = { "trail", SPORT_PACE_FOOT, false, 11.0 },
	[SPORT_WALK] = { "walk", SPORT_PACE_FOOT, true, 5.0 },
	[SPORT_HIKE] = { "hike", SPORT_PACE_FOOT, true, 5.0 },
	[SPORT_SKI] = { "ski", SPORT_PACE_SPEED, false, 45.0 },
	[SPORT_XCSKI] = { "xcski", SPORT_PACE_SPEED, false, 15.0 },
	[SPORT_BIKE] = { "bike", SPORT_PACE_SPEED, false, 25.0 },
	[SPORT_SWIM] = { "swim", SPORT_PACE_SWIM, false, 3.0 },
	[SPORT_STRENGTH] = { "strength", SPORT_PACE_NONE, false, 0 },
	[SPORT_YOGA] = { "yoga", SPORT_PACE_NONE, false, 0 },
	[SPORT_CROSS] = { "cross", SPORT_PACE_SPEED, false, 25.0 },
	[SPORT_OTHER] = { "other", SPORT_PACE_NONE, false, 0 },
};

/* Other words runners use, sorted by alias. */
static const struct {
	const char *alias;
	enum sport sport;
} aliases[] = {
	{ "alpine", SPORT_SKI },         { "biking", SPORT_BIKE },
	{ "crosscountry", SPORT_XCSKI }, { "crosstraining", SPORT_CROSS },
	{ "cycle", SPORT_BIKE },         { "cycling", SPORT_BIKE },
	{ "elliptical", SPORT_CROSS },   { "gym", SPORT_STRENGTH },
	{ "hiking", SPORT_HIKE },        { "jog", SPORT_RUN },
	{ "jogging", SPORT_RUN },        { "nordic", SPORT_XCSKI },
	{ "ride", SPORT_BIKE },          { "running", SPORT_RUN },
	{ "skiing", SPORT_SKI },         { "swimming", SPORT_SWIM },
	{ "trailrun", SPORT_TRAIL },     { "walking", SPORT_WALK },
	{ "weights", SPORT_STRENGTH },   { "xc", SPORT_XCSKI },
	{ "xt", SPORT_CROSS },
};

const char *sport_name(enum sport s)
{
	return (unsigned)s < SPORT_COUNT ? sports[s].name : "?";
}

bool sport_from_name(const char *name, enum sport *out)
{
	for (int i = 0; i < SPORT_COUNT; i++) {
		if (strcmp(name, sports[i].name) == 0) {
			*out = (enum sport)i;
			return true;
		}
	}
	return false;
}

static void list_sports(struct strbuf *sb)
{
	for (int i = 0; i < SPORT_COUNT; i++) {
		strbuf_addf(sb, "%s%s", i ? ", " : "", sports[i].name);
	}
}

enum err_code sport_parse(const char *word, enum sport *out, struct err *err)
{
	char key[32];
	size_t n = 0, len;
	int match = -1, n_matches = 0;
	struct strbuf sb = STRBUF_INIT;
	enum err_code rc;

	/* "trail-run", "Cross Training" and "x-c" fold to one lower-case word */
	for (const char *p = word; *p && n + 1 < sizeof(key); p++) {
		if (*p != '-' && *p != ' ' && *p != '_') {
			key[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
		}
	}
	key[n] = '\0';
	len = n;
	if (len) {
		if (sport_from_name(key, out)) {
			return ERR_OK;
		}
		for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
			if (strcmp(key, aliases[i].alias) == 0) {
				*out = aliases[i].sport;
				return ERR_OK;
			}
		}
		for (int i = 0; i < SPORT_COUNT; i++) {
			if (strncmp(key, sports[i].name, len) == 0) {
				match = i;
				n_matches++;
			}
		}
	}
	if (n_matches == 1) {
		*out = (enum sport)match;
		return ERR_OK;
	}
	if (n_matches > 1) {
		for (int i = 0; i < SPORT_COUNT; i++) {
			if (strncmp(key, sports[i].name, len) == 0) {
				strbuf_addf(&sb, "%s%s", sb.len ? ", " : "", sports[i].name);
			}
		}
		rc = err_set(err, ERR_INPUT, "'%s' could be any of: %s", word, sb.buf);
	} else {
		list_sports(&sb);
		rc = err_set(err, ERR_INPUT, "'%s' is not a sport (one of: %s)", word, sb.buf);
	}
	strbuf_release(&sb);
	return rc;
}

enum sport_pace sport_pace(enum sport s)
{
	return (unsigned)s < SPORT_COUNT ? sports[s].pace : SPORT_PACE_NONE;
}

bool sport_allows_treadmill(enum sport s)
{
	return (unsigned)s < SPORT_COUNT && sports[s].treadmill;
}

bool sport_is_running(enum sport s)
{
	return s == SPORT_RUN || s == SPORT_TRAIL;
}

double sport_max_speed(enum sport s)
{
	return (unsigned)s < SPORT_COUNT ? sports[s].max_speed : 0;
}
