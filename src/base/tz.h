/*
 * tz.h: local time in the runner's IANA time zone.
 *
 * Instants are UTC Unix seconds. A runner lives by local calendar days, so
 * every daily figure uses the local date of an instant in her zone, with
 * daylight-saving time applied as the IANA zone database says.
 *
 * The zone database is read by the C library (glibc's localtime_r over
 * /usr/share/zoneinfo); this module selects the zone for the process,
 * validates names (glibc silently falls back to UTC for a name it cannot
 * find), and adds the one conversion libc does badly: from a local wall
 * time to an instant, with explicit rules for the hour that does not exist
 * in spring and the hour that happens twice in autumn.
 *
 * The zone is process-wide state. Select it once, before any thread starts.
 *
 * NEEDSWORK (issue 7): a server holding athletes in different zones needs
 * a zone per athlete, not per process: either a TZif reader of our own
 * behind this same interface or one process per athlete.
 */
#ifndef KNEAD_TZ_H
#define KNEAD_TZ_H

#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"

/* An instant as seen on the runner's wall clock. */
struct tz_local {
	int32_t day;    /* local calendar day (base/date.h day number) */
	int32_t sec;    /* seconds since local midnight, 0..86399 */
	int32_t offset; /* UTC offset in seconds at that instant (east positive) */
};

/* Select the zone used by every later conversion. zone is an IANA name
 * ("Europe/Berlin", "America/Toronto", "UTC"); NULL or "" keeps the
 * system's zone ($TZ, else /etc/localtime). Returns ERR_INPUT with a
 * message when the name is malformed or not in the zone database, leaving
 * the previous zone in force. */
enum err_code tz_use(const char *zone, struct err *err);

/* The name of the zone in force: the name given to tz_use, else the
 * system's zone name when it can be found, else "UTC". The pointer is
 * valid until the next tz_use. */
const char *tz_name(void);

/* True when zone names a zone in the database (a syntax and file check). */
int tz_exists(const char *zone);

/* The local wall time of the instant utc. */
struct tz_local tz_local(int64_t utc);

/* The instant at which the wall clock reads sec seconds after midnight on
 * day. A wall time skipped by a forward transition (02:30 on the spring
 * night in Europe/Berlin) resolves to the instant it would have been
 * without the jump (03:30 local); a wall time that occurs twice resolves to
 * the first occurrence. *offset (if not NULL) receives the UTC offset in
 * force at the result. */
int64_t tz_utc(int32_t day, int32_t sec, int32_t *offset);

/* Append the instant utc as RFC 3339 local time with its offset:
 * "2026-11-21T20:30:00-05:00" ("Z" is never used, so the local wall time
 * is always what is shown). Uses only the given offset, not the zone. */
void tz_add_rfc3339(struct strbuf *sb, int64_t utc, int32_t offset);

#endif
