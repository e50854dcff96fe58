/*
 * appointment.h: recovery sessions ahead of the runner.
 *
 * An appointment is a recovery session on the calendar rather than in the
 * log: a deep-tissue massage the advisor suggested for Thursday, a
 * Swedish massage booked for the day before a race. It names its modality,
 * its day (and a time if one was given), a provider (none for
 * self-massage), what it is expected to cost, the rule that suggested it,
 * and a status that moves from suggested to booked to done (when the
 * session is logged with `knead recover`) or cancelled. Done appointments
 * point at the session that did them; the session, not the appointment,
 * is what the spend and the advice count once it has happened.
 *
 * Strings are owned and NULL when unset; an unknown cost is -1, an
 * unknown time INT64_MIN, no provider or session 0.
 */
#ifndef KNEAD_APPOINTMENT_H
#define KNEAD_APPOINTMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/recovery.h"

/* Longest note, in bytes, and longest rule id. */
#define APPOINTMENT_MAX_NOTE 2000
#define APPOINTMENT_MAX_RULE 64

enum appointment_status {
	APPOINTMENT_SUGGESTED, /* the advisor proposed it; nothing is arranged */
	APPOINTMENT_BOOKED,    /* the runner means to go */
	APPOINTMENT_DONE,      /* the session happened (recovery_id says which) */
	APPOINTMENT_CANCELLED, /* it will not happen */
	APPOINTMENT_STATUS_COUNT
};

struct appointment {
	int64_t id;                     /* database id; 0 until stored */
	int64_t athlete_id;             /* owner */
	int32_t day;                    /* local day */
	int64_t start_utc;              /* when it starts, INT64_MIN if no time was given */
	int32_t utc_offset_s;           /* local offset at start_utc */
	enum modality modality;         /* what */
	int64_t provider_id;            /* with whom, 0 for none (self-massage) */
	char *provider_name;            /* filled by the store when reading (owned) */
	int64_t cost_cents;             /* expected cash at the session, -1 if unknown;
	                                   0 for a membership's included session */
	char currency[4];               /* of cost_cents, "" without one */
	enum appointment_status status; /* see above */
	char *rule;                     /* the rule id that suggested it, NULL if none (owned) */
	char *note;                     /* what and why, for the calendar (owned) */
	int64_t recovery_id;            /* the session that did it, 0 until done */
};

struct appointment_list {
	struct appointment *items; /* n initialised elements */
	size_t n, alloc;           /* count in use, count allocated */
};

#define APPOINTMENT_LIST_INIT                                                                      \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* An appointment with every field unset: suggested, no day (DATE_NONE). */
void appointment_init(struct appointment *a);
void appointment_release(struct appointment *a);

/* Check before storing: a day, a known modality and status, a cost of
 * zero or more with its currency (or -1 without one), a rule id of
 * 1..APPOINTMENT_MAX_RULE lower-case letters, digits and dashes, a note
 * no longer than APPOINTMENT_MAX_NOTE, a session only when done.
 * ERR_INPUT names the field. */
enum err_code appointment_validate(const struct appointment *a, struct err *err);

/* "suggested", "booked", "done", "cancelled" and back (any letter case). */
const char *appointment_status_name(enum appointment_status s);
enum err_code appointment_status_parse(const char *s, enum appointment_status *out,
                                       struct err *err);

/* Whether a is still ahead of the runner: suggested or booked. */
bool appointment_is_open(const struct appointment *a);

/* The open appointment of list that the session r fulfils: one on r's day
 * with r's modality, else one on r's day whose modality is given by the
 * same kind of hands (a therapist's massage for a therapist's massage,
 * self-care for self-care; modality_kind). -1 if none. */
long appointment_match_session(const struct appointment_list *list, const struct recovery *r);

struct appointment *appointment_list_push(struct appointment_list *list);
void appointment_list_release(struct appointment_list *list);

#endif
