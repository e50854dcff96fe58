/*
 * instant.h: instants written by machines: ISO 8601 / RFC 3339 date-times
 * as GPX and TCX files carry them.
 */
#ifndef KNEAD_INSTANT_H
#define KNEAD_INSTANT_H

#include <stdbool.h>
#include <stddef.h>

/* Parse the len bytes at s (leading and trailing white space allowed) as
 * "YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM|±HHMM]" into UTC Unix seconds
 * with the fraction. A time without a zone is taken as UTC, as GPX
 * requires. A space may stand for the "T". Returns false for anything else,
 * including impossible dates and times. */
bool instant_parse(const char *s, size_t len, double *utc);

#endif
