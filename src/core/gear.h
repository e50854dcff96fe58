/*
 * gear.h: shoes and other kit, and the distance they have carried.
 *
 * A piece of gear is named by the runner ("Pegasus 40") and picked by that
 * name, a unique prefix of it, or its id. Its distance is not stored: the
 * store sums the activities that name it, so editing or removing an
 * activity can never leave a shoe's mileage wrong.
 */
#ifndef KNEAD_GEAR_H
#define KNEAD_GEAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/sport.h"

#define GEAR_MAX_NAME 80

enum gear_kind {
	GEAR_SHOES,
	GEAR_BIKE,
	GEAR_OTHER,
	GEAR_KIND_COUNT
};

struct gear {
	int64_t id;          /* database id; 0 until stored */
	int64_t athlete_id;  /* owner */
	char *name;          /* unique per athlete, case-insensitively (owned) */
	enum gear_kind kind; /* shoes unless said otherwise */
	int32_t since;       /* first day in use, DATE_NONE if unknown */
	int32_t retired;     /* day retired, DATE_NONE while in use */
	double limit_m;      /* distance after which to replace it, (double)NAN if none */
	char *note;          /* free text, NULL if none (owned) */
	/* Derived by the store from the activities that name this gear: */
	double distance_m; /* total distance */
	int n_activities;  /* activities */
	int32_t last_used; /* latest activity day, DATE_NONE if never */
};

struct gear_list {
	struct gear *gears; /* n_gears initialised elements */
	size_t n_gears;     /* count in use */
	size_t alloc;       /* count allocated */
};

#define GEAR_LIST_INIT                                                                             \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void gear_init(struct gear *g);
void gear_release(struct gear *g);

/* Check before storing: a name of 1..GEAR_MAX_NAME printable characters
 * that is not just digits (it would read as an id), a positive limit,
 * retirement not before the first day. */
enum err_code gear_validate(const struct gear *g, struct err *err);

/* "shoes", "bike", "other" and back. */
const char *gear_kind_name(enum gear_kind k);
enum err_code gear_kind_parse(const char *s, enum gear_kind *out, struct err *err);

/* The kind of gear a sport wears out: shoes on foot, a bike cycling. */
enum gear_kind gear_kind_for_sport(enum sport sport);

/* Fraction of the limit used (distance / limit), (double)NAN without a limit. */
double gear_used_fraction(const struct gear *g);

struct gear *gear_list_push(struct gear_list *list);
void gear_list_release(struct gear_list *list);

#endif
