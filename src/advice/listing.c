/*
 * listing.c: a listing's filters, and an activity's race (listing.h).
 */
#include "advice/listing.h"

#include <string.h>

#include "base/date.h"
#include "base/parse.h"
#include "core/gear.h"
#include "store/store_gear.h"
#include "store/store_race.h"

static bool given(const char *s)
{
	return s && *s;
}

/* "run,trail": a mask of sports. */
static enum err_code parse_sports(const char *list, const char *dash, unsigned *mask,
                                  struct err *err)
{
	char word[32];
	const char *p = list;

	*mask = 0;
	while (*p) {
		size_t len = strcspn(p, ",");
		enum sport s;

		if (len == 0 || len >= sizeof(word)) {
			return err_set(err, ERR_INPUT, "%ssport: '%s' is not a list of sports",
			               dash, list);
		}
		memcpy(word, p, len);
		word[len] = '\0';
		if (sport_parse(word, &s, err)) {
			return err_prefix(err, "%ssport", dash);
		}
		*mask |= 1u << s;
		p += len + (p[len] == ',');
	}
	return ERR_OK;
}

enum err_code listing_query(struct store *s, int64_t athlete_id, int32_t today,
                            const struct listing_filter *f, const char *dash,
                            struct activity_query *q, struct err *err)
{
	long n;

	activity_query_init(q, athlete_id);
	if (given(f->from) && parse_date(f->from, today, &q->from, err)) {
		return err_prefix(err, "%sfrom", dash);
	}
	if (given(f->to) && parse_date(f->to, today, &q->to, err)) {
		return err_prefix(err, "%sto", dash);
	}
	if (q->from != DATE_NONE && q->to != DATE_NONE && q->from > q->to) {
		return err_set(err, ERR_INPUT, "%sfrom '%s' is after %sto '%s'", dash, f->from,
		               dash, f->to);
	}
	if (given(f->sport) && parse_sports(f->sport, dash, &q->sports, err)) {
		return err->code;
	}
	if (given(f->last)) {
		if (parse_int(f->last, 1, 1000000, &n, err)) {
			return err_prefix(err, "%slast", dash);
		}
		q->last = (size_t)n;
	}
	if (given(f->gear)) {
		struct gear g;

		if (store_gear_find(s, athlete_id, f->gear, &g, err)) {
			if (err->code == ERR_NOT_FOUND) {
				err->code = ERR_INPUT;
			}
			return err_prefix(err, "%sgear", dash);
		}
		q->gear_id = g.id;
		gear_release(&g);
	}
	return ERR_OK;
}

enum err_code listing_race_of(struct store *s, int64_t athlete_id, int64_t activity_id,
                              struct race *race, struct err *err)
{
	struct race_list races = RACE_LIST_INIT;
	enum err_code rc = store_race_list(s, athlete_id, DATE_NONE, DATE_NONE, &races, err);

	race_init(race);
	for (size_t i = 0; !rc && i < races.n_races; i++) {
		if (races.races[i].activity_id == activity_id) {
			*race = races.races[i];
			race_init(&races.races[i]);
			break;
		}
	}
	race_list_release(&races);
	return rc;
}
