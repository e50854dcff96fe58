/*
 * calendar.c: everything on the runner's calendar between two days (see
 * calendar.h).
 */
#include "advice/calendar.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/xalloc.h"
#include "store/store_activity.h"
#include "store/store_appointment.h"
#include "store/store_body.h"
#include "store/store_plan.h"
#include "store/store_race.h"
#include "store/store_recovery.h"

int32_t calendar_month_start(int32_t day)
{
	struct civil c = date_to_civil(day);

	return date_from_civil(c.year, c.month, 1);
}

int32_t calendar_month_end(int32_t day)
{
	struct civil c = date_to_civil(day);

	return date_from_civil(c.year, c.month, date_days_in_month(c.year, c.month));
}

/* The index in list of the plan a day belongs to: the first (by race
 * day, then id, as the store lists them) whose weeks hold it; -1. */
static long plan_of_day(const struct plan_list *list, int32_t day)
{
	for (size_t i = 0; i < list->n_plans; i++) {
		if (list->plans[i].start <= day && day <= list->plans[i].race_date) {
			return (long)i;
		}
	}
	return -1;
}

/* Read the plans holding a day of the range, match them against the
 * activities around it, and list the range's workouts by day. */
static enum err_code read_workouts(struct store *s, int64_t athlete_id, struct calendar *c,
                                   struct err *err)
{
	struct plan_list list = PLAN_LIST_INIT;
	struct activity_list around = ACTIVITY_LIST_INIT;
	struct activity_query q;
	int32_t from = c->from - 2 * PLAN_MOVE_DAYS, to = c->to + 2 * PLAN_MOVE_DAYS;
	long *slot = NULL; /* per listed plan: its index in c->plans, -1 */
	enum err_code rc;

	rc = store_plan_list(s, athlete_id, &list, err);
	if (rc || !list.n_plans) {
		goto done;
	}
	activity_query_init(&q, athlete_id);
	q.from = from;
	q.to = to;
	rc = store_activity_list(s, &q, &around, err);
	if (rc) {
		goto done;
	}
	slot = xcalloc(list.n_plans, sizeof(*slot));
	c->plans = xcalloc(list.n_plans, sizeof(*c->plans));
	c->matches = xcalloc(list.n_plans, sizeof(*c->matches));
	for (size_t i = 0; i < list.n_plans; i++) {
		const struct plan *p = &list.plans[i];
		struct plan *mine;

		slot[i] = -1;
		if (p->race_date < c->from || p->start > c->to) {
			continue;
		}
		mine = &c->plans[c->n_plans];
		rc = store_plan_get(s, athlete_id, p->id, from, to, mine, err);
		if (rc) {
			plan_init(mine);
			goto done;
		}
		slot[i] = (long)c->n_plans;
		c->matches[c->n_plans] =
		        xcalloc(mine->n_workouts ? mine->n_workouts : 1, sizeof(**c->matches));
		plan_match(mine, from, to, around.activities, around.n_activities, c->today,
		           c->matches[c->n_plans]);
		c->n_plans++;
	}
	c->workouts = xcalloc((size_t)(c->to - c->from + 1), sizeof(*c->workouts));
	for (int32_t day = c->from; day <= c->to; day++) {
		long which = plan_of_day(&list, day);
		const struct plan *p;
		size_t first, end;

		if (which < 0 || slot[which] < 0) {
			continue;
		}
		p = &c->plans[slot[which]];
		plan_range(p, day, day, &first, &end);
		for (size_t k = first; k < end; k++) {
			struct calendar_workout *cw = &c->workouts[c->n_workouts++];

			cw->plan = p;
			cw->workout = &p->workouts[k];
			cw->match = &c->matches[slot[which]][k];
		}
	}
done:
	free(slot);
	activity_list_release(&around);
	plan_list_release(&list);
	return rc;
}

/* Every session up to the range's end, costed, and where the range's
 * start among them. */
static enum err_code read_sessions(struct store *s, int64_t athlete_id, struct calendar *c,
                                   struct err *err)
{
	struct provider_list providers = PROVIDER_LIST_INIT;
	enum err_code rc;

	rc = store_recovery_list(s, athlete_id, DATE_NONE, c->to, &c->sessions, err);
	if (!rc) {
		rc = store_provider_list(s, athlete_id, &providers, err);
	}
	if (!rc) {
		c->costs = xcalloc(c->sessions.n + 1, sizeof(*c->costs));
		spend_cost_sessions(&c->sessions, &providers, c->costs);
		while (c->first_session < c->sessions.n &&
		       c->sessions.items[c->first_session].day < c->from) {
			c->first_session++;
		}
	}
	provider_list_release(&providers);
	return rc;
}

enum err_code calendar_read(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                            int32_t today, struct calendar *out, struct err *err)
{
	struct activity_query q;

	memset(out, 0, sizeof(*out));
	out->from = from;
	out->to = to;
	out->today = today;
	if (from == DATE_NONE || to == DATE_NONE || to < from) {
		return err_set(err, ERR_INPUT, "the calendar's range ends before it starts");
	}
	if (to - from + 1 > CALENDAR_MAX_DAYS) {
		return err_set(err, ERR_INPUT,
		               "the calendar shows at most %d days at once, not %ld",
		               CALENDAR_MAX_DAYS, (long)(to - from + 1));
	}
	activity_query_init(&q, athlete_id);
	q.from = from;
	q.to = to;
	if (store_activity_list(s, &q, &out->activities, err) ||
	    read_workouts(s, athlete_id, out, err) || read_sessions(s, athlete_id, out, err) ||
	    store_race_list(s, athlete_id, from, to, &out->races, err) ||
	    store_appointment_list(s, athlete_id, from, to, &out->appointments, err) ||
	    store_checkin_list(s, athlete_id, from, to, &out->checkins, err) ||
	    store_wellness_list(s, athlete_id, from, to, &out->wellness, err)) {
		return err->code;
	}
	return ERR_OK;
}

void calendar_release(struct calendar *c)
{
	activity_list_release(&c->activities);
	for (size_t i = 0; i < c->n_plans; i++) {
		plan_release(&c->plans[i]);
		free(c->matches[i]);
	}
	free(c->plans);
	free(c->matches);
	free(c->workouts);
	recovery_list_release(&c->sessions);
	free(c->costs);
	race_list_release(&c->races);
	appointment_list_release(&c->appointments);
	checkin_list_release(&c->checkins);
	wellness_list_release(&c->wellness);
	memset(c, 0, sizeof(*c));
}
