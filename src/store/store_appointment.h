/*
 * store_appointment.h: appointments in the store.
 */
#ifndef KNEAD_STORE_APPOINTMENT_H
#define KNEAD_STORE_APPOINTMENT_H

#include <stdint.h>

#include "base/err.h"
#include "core/appointment.h"
#include "store/store.h"

/* Store a new appointment (validated here) and set a->id. An open one
 * (suggested or booked) on a day that already has an open one of the same
 * modality is ERR_CONFLICT naming both; a provider that is not one of the
 * athlete's is ERR_CONFLICT. */
enum err_code store_appointment_add(struct store *s, struct appointment *a, struct err *err);

/* Append athlete_id's appointments with a day in [from, to] (DATE_NONE
 * for an open end), of every status, to out, by day then id, with their
 * provider names. */
enum err_code store_appointment_list(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                                     struct appointment_list *out, struct err *err);

/* Set the status of athlete_id's appointment id, and the session that did
 * it (0 for none; only with APPOINTMENT_DONE). ERR_NOT_FOUND if there is
 * no such appointment. */
enum err_code store_appointment_set_status(struct store *s, int64_t athlete_id, int64_t id,
                                           enum appointment_status status, int64_t recovery_id,
                                           struct err *err);

#endif
