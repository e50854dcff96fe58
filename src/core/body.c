/*
 * body.c: check-ins, wellness and injuries (see body.h).
 */
#include "core/body.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "base/parse.h"
#include "base/xalloc.h"

static const char *const measure_names[MEASURE_COUNT] = { "soreness", "tightness", "pain" };

const char *measure_name(enum measure m)
{
	return (unsigned)m < MEASURE_COUNT ? measure_names[m] : "?";
}

enum err_code level_parse(const char *s, int *out, struct err *err)
{
	size_t n = strlen(s);
	char buf[16];
	long v;

	/* "5/10" is how runners write a pain score */
	if (n > 3 && n < sizeof(buf) && strcmp(s + n - 3, "/10") == 0) {
		memcpy(buf, s, n - 3);
		buf[n - 3] = '\0';
		s = buf;
	}
	if (parse_int(s, 0, LEVEL_MAX, &v, NULL)) {
		return err_set(err, ERR_INPUT, "'%s' is not a level from 0 (none) to 10 (worst)",
		               s == buf ? buf : s);
	}
	*out = (int)v;
	return ERR_OK;
}

static enum err_code check_level(const char *what, int v, struct err *err)
{
	if (v < -1 || v > LEVEL_MAX) {
		return err_set(err, ERR_INPUT, "%s %d is not a level from 0 to 10", what, v);
	}
	return ERR_OK;
}

void checkin_init(struct checkin *c)
{
	memset(c, 0, sizeof(*c));
	c->day = DATE_NONE;
	for (int m = 0; m < MEASURE_COUNT; m++) {
		c->level[m] = -1;
	}
}

void checkin_release(struct checkin *c)
{
	free(c->note);
	checkin_init(c);
}

enum err_code checkin_validate(const struct checkin *c, struct err *err)
{
	bool any = false;

	if (c->day == DATE_NONE || !c->region[0]) {
		return err_set(err, ERR_INPUT, "a check-in needs a day and a region");
	}
	for (int m = 0; m < MEASURE_COUNT; m++) {
		if (check_level(measure_names[m], c->level[m], err)) {
			return err->code;
		}
		any |= c->level[m] >= 0;
	}
	if (!any) {
		return err_set(err, ERR_INPUT,
		               "a check-in needs a soreness, tightness or pain level");
	}
	return ERR_OK;
}

struct checkin *checkin_list_push(struct checkin_list *list)
{
	if (list->n == list->alloc) {
		list->alloc = list->alloc ? 2 * list->alloc : 16;
		list->items = xreallocarray(list->items, list->alloc, sizeof(*list->items));
	}
	checkin_init(&list->items[list->n]);
	return &list->items[list->n++];
}

void checkin_list_release(struct checkin_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		checkin_release(&list->items[i]);
	}
	free(list->items);
	*list = (struct checkin_list)CHECKIN_LIST_INIT;
}

void wellness_init(struct wellness *w)
{
	memset(w, 0, sizeof(*w));
	w->day = DATE_NONE;
	w->sleep_s = w->hrv_ms = w->weight_kg = (double)NAN;
	w->fatigue = w->stress = w->mood = -1;
}

void wellness_release(struct wellness *w)
{
	free(w->note);
	wellness_init(w);
}

bool wellness_any(const struct wellness *w)
{
	return !isnan(w->sleep_s) || w->fatigue >= 0 || w->stress >= 0 || w->mood >= 0 ||
	       w->rest_hr > 0 || !isnan(w->hrv_ms) || !isnan(w->weight_kg) || w->note;
}

void wellness_merge(struct wellness *into, const struct wellness *from)
{
	if (!isnan(from->sleep_s)) {
		into->sleep_s = from->sleep_s;
	}
	if (from->fatigue >= 0) {
		into->fatigue = from->fatigue;
	}
	if (from->stress >= 0) {
		into->stress = from->stress;
	}
	if (from->mood >= 0) {
		into->mood = from->mood;
	}
	if (from->rest_hr > 0) {
		into->rest_hr = from->rest_hr;
	}
	if (!isnan(from->hrv_ms)) {
		into->hrv_ms = from->hrv_ms;
	}
	if (!isnan(from->weight_kg)) {
		into->weight_kg = from->weight_kg;
	}
	if (from->note) {
		free(into->note);
		into->note = xstrdup(from->note);
	}
}

enum err_code wellness_validate(const struct wellness *w, struct err *err)
{
	if (w->day == DATE_NONE) {
		return err_set(err, ERR_INPUT, "wellness needs a day");
	}
	if (!wellness_any(w)) {
		return err_set(err, ERR_INPUT,
		               "nothing to record: give --sleep, --fatigue, --stress, --mood, "
		               "--rhr, --hrv, --weight or --note");
	}
	if (!isnan(w->sleep_s) && (w->sleep_s < 0 || w->sleep_s > 24 * 3600)) {
		return err_set(err, ERR_INPUT, "sleep is between 0 and 24 hours");
	}
	if (check_level("fatigue", w->fatigue, err) || check_level("stress", w->stress, err) ||
	    check_level("mood", w->mood, err)) {
		return err->code;
	}
	if (w->rest_hr && (w->rest_hr < 25 || w->rest_hr > 120)) {
		return err_set(err, ERR_INPUT, "resting heart rate %d is not 25 to 120 bpm",
		               w->rest_hr);
	}
	if (!isnan(w->hrv_ms) && !(w->hrv_ms > 0 && w->hrv_ms <= 300)) {
		return err_set(err, ERR_INPUT, "HRV is between 1 and 300 ms");
	}
	if (!isnan(w->weight_kg) && !(w->weight_kg >= 20 && w->weight_kg <= 300)) {
		return err_set(err, ERR_INPUT, "weight is between 20 and 300 kg");
	}
	return ERR_OK;
}

struct wellness *wellness_list_push(struct wellness_list *list)
{
	if (list->n == list->alloc) {
		list->alloc = list->alloc ? 2 * list->alloc : 16;
		list->items = xreallocarray(list->items, list->alloc, sizeof(*list->items));
	}
	wellness_init(&list->items[list->n]);
	return &list->items[list->n++];
}

void wellness_list_release(struct wellness_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		wellness_release(&list->items[i]);
	}
	free(list->items);
	*list = (struct wellness_list)WELLNESS_LIST_INIT;
}

static const char *const status_names[INJURY_STATUS_COUNT] = { "active", "recovering", "resolved" };

const char *injury_status_name(enum injury_status s)
{
	return (unsigned)s < INJURY_STATUS_COUNT ? status_names[s] : "?";
}

enum err_code injury_status_parse(const char *s, enum injury_status *out, struct err *err)
{
	for (int i = 0; i < INJURY_STATUS_COUNT; i++) {
		if (strcasecmp(s, status_names[i]) == 0) {
			*out = (enum injury_status)i;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT, "'%s' is not a status (active, recovering, resolved)", s);
}

void injury_init(struct injury *inj)
{
	memset(inj, 0, sizeof(*inj));
	inj->onset = inj->resolved = DATE_NONE;
	inj->status = INJURY_ACTIVE;
}

void injury_release(struct injury *inj)
{
	free(inj->cause);
	free(inj->diagnosis);
	free(inj->note);
	injury_init(inj);
}

enum err_code injury_validate(const struct injury *inj, struct err *err)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	if (!inj->region[0] || inj->onset == DATE_NONE) {
		return err_set(err, ERR_INPUT, "an injury needs a region and an onset day");
	}
	if ((inj->status == INJURY_RESOLVED) != (inj->resolved != DATE_NONE)) {
		return err_set(err, ERR_INPUT,
		               "a resolved injury, and only that, has a resolved day");
	}
	if (inj->resolved != DATE_NONE && inj->resolved < inj->onset) {
		date_format(inj->resolved, a);
		date_format(inj->onset, b);
		return err_set(err, ERR_INPUT, "resolved on %s, before its onset on %s", a, b);
	}
	return ERR_OK;
}

struct injury *injury_list_push(struct injury_list *list)
{
	if (list->n == list->alloc) {
		list->alloc = list->alloc ? 2 * list->alloc : 8;
		list->items = xreallocarray(list->items, list->alloc, sizeof(*list->items));
	}
	injury_init(&list->items[list->n]);
	return &list->items[list->n++];
}

void injury_list_release(struct injury_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		injury_release(&list->items[i]);
	}
	free(list->items);
	*list = (struct injury_list)INJURY_LIST_INIT;
}
