/*
 * listing.h: which activities a listing asks for, and the race an
 * activity was, for both faces.
 *
 * `knead list --from --to --sport --gear --last` and GET
 * /api/v1/activities?from=&to=&sport=&gear=&last= take the same filters
 * as text; listing_query reads them into a store query the same way for
 * both, and names a refused one as its face calls it ("--from" on the
 * command line, "from" on the web).
 */
#ifndef KNEAD_ADVICE_LISTING_H
#define KNEAD_ADVICE_LISTING_H

#include <stdint.h>

#include "base/err.h"
#include "core/race.h"
#include "store/store.h"
#include "store/store_activity.h"

/* The filters as typed; NULL (or "") for one not given. Borrowed. */
struct listing_filter {
	const char *from;  /* a date: "2026-11-01", "-3w", "mon" */
	const char *to;    /* the same, inclusive */
	const char *sport; /* a comma-separated list: "run,trail" */
	const char *gear;  /* gear by name or id */
	const char *last;  /* only the latest this many */
};

/* Read f into *q (initialised here) for athlete_id, dates relative to
 * today. A refused filter is ERR_INPUT, its message prefixed with
 * dash and the filter's name ("--" gives "--from: ..."). */
enum err_code listing_query(struct store *s, int64_t athlete_id, int32_t today,
                            const struct listing_filter *f, const char *dash,
                            struct activity_query *q, struct err *err);

/* The race that activity_id was (race_init'ed here; id 0 if none). The
 * caller releases it. */
enum err_code listing_race_of(struct store *s, int64_t athlete_id, int64_t activity_id,
                              struct race *race, struct err *err);

#endif
