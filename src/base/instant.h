/*
 * instant.h: instants written by machines: ISO 8601 / RFC 3339 date-times
 * as GPX and TCX files carry them.
 */
#ifndef KNEAD_INSTANT_H
#define KNEAD_INSTANT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

/* Parse the len bytes at s (leading and trailing white space allowed) as
 * "YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM|±HHMM]" into UTC Unix seconds
 * with the fraction. A time without a zone is taken as UTC, as GPX
 * requires. A space may stand for the "T". Returns false for anything else,
 * including impossible dates and times. */
bool instant_parse(const char *s, size_t len, double *utc);

/* The current instant, UTC Unix seconds: the clock, unless $KNEAD_NOW
 * fixes it (tests, and replaying a day) as Unix seconds or a local
 * "YYYY-MM-DDTHH:MM[:SS]" in the zone selected with base/tz.h. Anything
 * else in $KNEAD_NOW is ERR_INPUT naming it. Both faces read it here. */
enum err_code instant_now(int64_t *now, struct err *err);

#endif
