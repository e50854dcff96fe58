/*
 * profile.h: changing the runner's profile from typed text, for `knead
 * init` and the web app's settings page alike, so that both accept the
 * same values with the same messages and both recompute loads when the
 * figures loads rest on change.
 */
#ifndef KNEAD_ADVICE_PROFILE_H
#define KNEAD_ADVICE_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/athlete.h"
#include "store/store.h"

/* The fields as typed, each NULL when not given (borrowed). An empty name
 * or tz clears it (the system's zone); budget "none" clears it. */
struct profile_input {
	const char *name;
	const char *sex;       /* f | m */
	const char *born;      /* a year */
	const char *max_hr;    /* bpm, 25..250 */
	const char *rest_hr;   /* bpm, 25..250 */
	const char *units;     /* km | mi */
	const char *tz;        /* an IANA zone */
	const char *threshold; /* a pace, "4:40/km" (in units if it names none) */
	const char *currency;  /* three letters */
	const char *budget;    /* money a month in the currency, or "none" */
};

/* Apply in to *a and validate the result. Messages name the field as
 * prefix and its name ("--max-hr" with prefix "--", "max-hr" with "").
 * *recompute (may be NULL) says whether loads must be computed again. On
 * failure *a may be half changed: the caller throws it away. */
enum err_code profile_apply(const struct profile_input *in, const char *prefix, int32_t today,
                            struct athlete *a, bool *recompute, struct err *err);

/* Store a and, when recompute, every activity's load again (*n_recomputed,
 * may be NULL, gets how many), inside the caller's transaction. */
enum err_code profile_store(struct store *s, const struct athlete *a, bool recompute,
                            size_t *n_recomputed, struct err *err);

#endif
