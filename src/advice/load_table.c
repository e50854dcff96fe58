/*
 * load_table.c: the spans and weeks of `knead load` (see load_table.h).
 */
#include "advice/load_table.h"

#include <stdlib.h>
#include <string.h>

#include "advice/training.h"
#include "base/bug.h"
#include "base/date.h"
#include "base/xalloc.h"
#include "store/store_activity.h"

int32_t load_table_from(int32_t from, int32_t to, bool weekly, int32_t first)
{
	int32_t start;

	if (from != DATE_NONE) {
		return from;
	}
	from = weekly ? date_week_start(to) - 7 * (LOAD_DEFAULT_WEEKS - 1)
	              : to - (LOAD_DEFAULT_DAYS - 1);
	if (first != DATE_NONE && first <= to) {
		start = weekly ? date_week_start(first) : first;
		if (start > from) {
			from = start;
		}
	}
	return from;
}

enum err_code load_table_weeks(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                               struct load_weeks *out, struct err *err)
{
	struct activity_list list = ACTIVITY_LIST_INIT;
	struct activity_query q;
	struct pmc_day *days = NULL;
	double *loads = NULL;
	size_t n_days = 0;
	enum err_code rc;

	memset(out, 0, sizeof(*out));
	from = date_week_start(from);
	out->from = from;
	out->to = to;
	activity_query_init(&q, athlete_id);
	q.from = from - 7;
	q.to = to;
	rc = training_fitness(s, athlete_id, from, to, &days, &n_days, err);
	if (!rc) {
		rc = store_activity_list(s, &q, &list, err);
	}
	if (!rc) {
		loads = xcalloc(n_days + 1, sizeof(*loads));
		for (size_t i = 0; i < n_days; i++) {
			loads[i] = days[i].load;
		}
		out->n = pmc_weeks(loads, n_days, from, NULL, 0);
		out->weeks = xcalloc(out->n + 1, sizeof(*out->weeks));
		out->volume = xcalloc(out->n + 1, sizeof(*out->volume));
		pmc_weeks(loads, n_days, from, out->weeks, out->n);
		/* both count the weeks holding from..to */
		if (volume_weeks(list.activities, list.n_activities, from, to, out->volume,
		                 out->n) != out->n) {
			BUG("volume_weeks and pmc_weeks count different weeks");
		}
	}
	activity_list_release(&list);
	free(days);
	free(loads);
	return rc;
}

void load_weeks_release(struct load_weeks *w)
{
	free(w->weeks);
	free(w->volume);
	memset(w, 0, sizeof(*w));
}
