/*
 * booking.c: suggestions made appointments (see booking.h).
 */
#include "advice/booking.h"

#include <string.h>

#include "base/xalloc.h"

/* The appointment's note: the suggestion's text, cut to the longest note
 * at a character's start (names may be UTF-8). */
static char *note_of(const char *text)
{
	size_t n = strnlen(text, APPOINTMENT_MAX_NOTE + 1);

	if (n > APPOINTMENT_MAX_NOTE) {
		n = APPOINTMENT_MAX_NOTE;
		while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80) {
			n--;
		}
	}
	return xstrndup(text, n);
}

void booking_from_suggestion(const struct massage_plan *plan, size_t i, int64_t athlete_id,
                             struct appointment *out)
{
	const struct massage_item *it = &plan->items[i];

	appointment_init(out);
	out->athlete_id = athlete_id;
	out->day = it->day;
	out->modality = it->modality;
	out->status = APPOINTMENT_BOOKED;
	out->provider_id = it->provider ? it->provider->id : 0;
	out->cost_cents = it->cost_cents;
	if (it->cost_cents >= 0) {
		memcpy(out->currency, plan->currency, sizeof(out->currency));
	}
	out->rule = xstrdup(it->rule->id);
	out->note = note_of(plan->advice.items[it->advice].text);
}

long booking_find_suggestion(const struct massage_plan *plan, int32_t day, enum modality modality,
                             int64_t provider_id)
{
	for (size_t i = 0; i < plan->n_items; i++) {
		const struct massage_item *it = &plan->items[i];

		if (it->source == MASSAGE_SUGGESTED && it->day == day && it->modality == modality &&
		    (it->provider ? it->provider->id : 0) == provider_id) {
			return (long)i;
		}
	}
	return -1;
}
