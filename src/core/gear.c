/*
 * gear.c: gear records (see gear.h).
 */
#include "core/gear.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "base/xalloc.h"

void gear_init(struct gear *g)
{
	memset(g, 0, sizeof(*g));
	g->kind = GEAR_SHOES;
	g->since = DATE_NONE;
	g->retired = DATE_NONE;
	g->limit_m = (double)NAN;
	g->last_used = DATE_NONE;
}

void gear_release(struct gear *g)
{
	free(g->name);
	free(g->note);
	gear_init(g);
}

enum err_code gear_validate(const struct gear *g, struct err *err)
{
	size_t len = 0;
	bool all_digits = true;

	/* Count characters, as the schema's length() does, not UTF-8 bytes. */
	for (const unsigned char *p = (const unsigned char *)(g->name ? g->name : ""); *p; p++) {
		len += (*p & 0xc0) != 0x80;
	}
	if (len == 0) {
		return err_set(err, ERR_INPUT, "gear needs a name");
	}
	if (len > GEAR_MAX_NAME) {
		return err_set(err, ERR_INPUT, "the gear name is longer than %d characters",
		               GEAR_MAX_NAME);
	}
	for (const unsigned char *p = (const unsigned char *)g->name; *p; p++) {
		if (*p < 0x20 || *p == 0x7f) {
			return err_set(err, ERR_INPUT, "the gear name has a control character");
		}
		if (*p < '0' || *p > '9') {
			all_digits = false;
		}
	}
	if (all_digits) {
		return err_set(err, ERR_INPUT,
		               "'%s' would read as a gear id; give the gear a name with a letter",
		               g->name);
	}
	if (!isnan(g->limit_m) && !(g->limit_m > 0)) {
		return err_set(err, ERR_INPUT, "a gear limit must be a positive distance");
	}
	if (g->since != DATE_NONE && g->retired != DATE_NONE && g->retired < g->since) {
		return err_set(err, ERR_INPUT, "gear cannot be retired before it was first used");
	}
	return ERR_OK;
}

static const char *const kind_names[GEAR_KIND_COUNT] = { "shoes", "bike", "other" };

const char *gear_kind_name(enum gear_kind k)
{
	return (unsigned)k < GEAR_KIND_COUNT ? kind_names[k] : "?";
}

enum err_code gear_kind_parse(const char *s, enum gear_kind *out, struct err *err)
{
	for (int i = 0; i < GEAR_KIND_COUNT; i++) {
		if (strcasecmp(s, kind_names[i]) == 0) {
			*out = (enum gear_kind)i;
			return ERR_OK;
		}
	}
	if (strcasecmp(s, "shoe") == 0) {
		*out = GEAR_SHOES;
		return ERR_OK;
	}
	return err_set(err, ERR_INPUT, "'%s' is not a kind of gear (shoes, bike or other)", s);
}

enum gear_kind gear_kind_for_sport(enum sport sport)
{
	switch (sport) {
	case SPORT_RUN:
	case SPORT_TRAIL:
	case SPORT_WALK:
	case SPORT_HIKE:
		return GEAR_SHOES;
	case SPORT_BIKE:
		return GEAR_BIKE;
	default:
		return GEAR_OTHER;
	}
}

double gear_used_fraction(const struct gear *g)
{
	if (isnan(g->limit_m) || g->limit_m <= 0) {
		return (double)NAN;
	}
	return g->distance_m / g->limit_m;
}

struct gear *gear_list_push(struct gear_list *list)
{
	struct gear *g;

	xgrow((void **)&list->gears, &list->alloc, list->n_gears + 1, sizeof(*list->gears));
	g = &list->gears[list->n_gears++];
	gear_init(g);
	return g;
}

void gear_list_release(struct gear_list *list)
{
	for (size_t i = 0; i < list->n_gears; i++) {
		gear_release(&list->gears[i]);
	}
	free(list->gears);
	list->gears = NULL;
	list->n_gears = 0;
	list->alloc = 0;
}
