/*
 * appointment.c: appointments (see appointment.h).
 */
#include "core/appointment.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "base/xalloc.h"

void appointment_init(struct appointment *a)
{
	memset(a, 0, sizeof(*a));
	a->day = DATE_NONE;
	a->start_utc = INT64_MIN;
	a->modality = MOD_MASSAGE_DEEP;
	a->cost_cents = -1;
	a->status = APPOINTMENT_SUGGESTED;
}

void appointment_release(struct appointment *a)
{
	free(a->provider_name);
	free(a->rule);
	free(a->note);
	appointment_init(a);
}

static bool rule_id_ok(const char *id)
{
	size_t n = strlen(id);

	if (n == 0 || n > APPOINTMENT_MAX_RULE) {
		return false;
	}
	for (const char *p = id; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) {
			return false;
		}
	}
	return true;
}

enum err_code appointment_validate(const struct appointment *a, struct err *err)
{
	if (a->day == DATE_NONE) {
		return err_set(err, ERR_INPUT, "an appointment needs a day");
	}
	if ((unsigned)a->modality >= MODALITY_COUNT) {
		return err_set(err, ERR_INPUT, "an appointment needs a modality");
	}
	if ((unsigned)a->status >= APPOINTMENT_STATUS_COUNT) {
		return err_set(err, ERR_INPUT, "an appointment needs a status");
	}
	if (a->cost_cents < -1) {
		return err_set(err, ERR_INPUT, "an appointment cannot cost less than nothing");
	}
	if (a->cost_cents >= 0 && strlen(a->currency) != 3) {
		return err_set(err, ERR_INPUT, "an appointment's cost needs its currency");
	}
	if (a->rule && !rule_id_ok(a->rule)) {
		return err_set(err, ERR_INPUT, "'%s' is not a rule id", a->rule);
	}
	if (a->note && strlen(a->note) > APPOINTMENT_MAX_NOTE) {
		return err_set(err, ERR_INPUT, "an appointment's note is longer than %d bytes",
		               APPOINTMENT_MAX_NOTE);
	}
	if (a->recovery_id && a->status != APPOINTMENT_DONE) {
		return err_set(err, ERR_INPUT, "only a done appointment has its session");
	}
	return ERR_OK;
}

static const char *const status_names[APPOINTMENT_STATUS_COUNT] = { "suggested", "booked", "done",
	                                                            "cancelled" };

const char *appointment_status_name(enum appointment_status s)
{
	return (unsigned)s < APPOINTMENT_STATUS_COUNT ? status_names[s] : "?";
}

enum err_code appointment_status_parse(const char *s, enum appointment_status *out, struct err *err)
{
	for (int i = 0; i < APPOINTMENT_STATUS_COUNT; i++) {
		if (strcasecmp(s, status_names[i]) == 0) {
			*out = (enum appointment_status)i;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT,
	               "'%s' is not an appointment status (suggested, booked, done or cancelled)",
	               s);
}

bool appointment_is_open(const struct appointment *a)
{
	return a->status == APPOINTMENT_SUGGESTED || a->status == APPOINTMENT_BOOKED;
}

long appointment_match_session(const struct appointment_list *list, const struct recovery *r)
{
	long same_kind = -1;

	for (size_t i = 0; i < list->n; i++) {
		const struct appointment *a = &list->items[i];

		if (!appointment_is_open(a) || a->day != r->day) {
			continue;
		}
		if (a->modality == r->modality) {
			return (long)i;
		}
		if (same_kind < 0 && modality_kind(a->modality) == modality_kind(r->modality)) {
			same_kind = (long)i;
		}
	}
	return same_kind;
}

struct appointment *appointment_list_push(struct appointment_list *list)
{
	struct appointment *a;

	xgrow((void **)&list->items, &list->alloc, list->n + 1, sizeof(*list->items));
	a = &list->items[list->n++];
	appointment_init(a);
	return a;
}

void appointment_list_release(struct appointment_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		appointment_release(&list->items[i]);
	}
	free(list->items);
	list->items = NULL;
	list->n = 0;
	list->alloc = 0;
}
