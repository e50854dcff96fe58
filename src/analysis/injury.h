/*
 * injury.h: an injury's course, read from the check-ins and sessions.
 *
 * The check-ins that speak of an injury are those on its region or a
 * region within it (a check-in on semitendinosus speaks of a hamstring
 * injury), on its side or both sides, from onset until it was resolved
 * (or today). Its trend is the pain level's; an injury tracked only by
 * soreness, with no pain level ever given, trends on soreness. The
 * recovery sessions that touched it are those over the same days that
 * worked an overlapping region (its parents included: a session on the
 * thigh touched the hamstring) on an overlapping side.
 */
#ifndef KNEAD_INJURY_H
#define KNEAD_INJURY_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/trend.h"
#include "core/body.h"
#include "core/recovery.h"
#include "core/region.h"

struct injury_course {
	enum measure measure; /* what the trend follows: pain, else soreness */
	struct trend trend;   /* of that measure */
	int32_t end;          /* resolved day, else today */
	int days;             /* from onset to end, onset counting as day 0 */
	size_t *checkins;     /* indices of the check-ins that speak of it (owned) */
	size_t n_checkins;    /* count */
	size_t *sessions;     /* indices of the sessions that touched it (owned) */
	size_t n_sessions;    /* count */
};

/* Read the course of inj from checkins and sessions (any range; those
 * outside the injury's days are skipped). */
void injury_course(const struct region_catalog *cat, const struct injury *inj,
                   const struct checkin_list *checkins, const struct recovery_list *sessions,
                   int32_t today, struct injury_course *out);

void injury_course_release(struct injury_course *c);

#endif
