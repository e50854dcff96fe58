/*
 * booking.h: a massage the planner suggested, made an appointment.
 *
 * Every face books a suggestion the same way (`knead advise massage
 * --book`, the Recovery page's Book button): the appointment is "booked"
 * (the runner asked for it), on the suggestion's day, with its modality,
 * provider and expected cost, the rule that asked for it and its line of
 * advice as the note, so the calendar can say why it is there.
 */
#ifndef KNEAD_ADVICE_BOOKING_H
#define KNEAD_ADVICE_BOOKING_H

#include <stddef.h>
#include <stdint.h>

#include "advice/massage.h"
#include "core/appointment.h"

/* Fill *out (initialised here; the caller releases it) with the
 * appointment that books plan->items[i] for athlete_id. */
void booking_from_suggestion(const struct massage_plan *plan, size_t i, int64_t athlete_id,
                             struct appointment *out);

/* The suggestion (source MASSAGE_SUGGESTED) of plan on day with modality
 * and provider_id (0: none), or -1 if the plan has none. */
long booking_find_suggestion(const struct massage_plan *plan, int32_t day, enum modality modality,
                             int64_t provider_id);

#endif
