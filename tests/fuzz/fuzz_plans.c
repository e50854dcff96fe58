/*
 * fuzz_plans.c: libFuzzer target for plan templates.
 *
 * A runner may replace data/plans/NAME.ini with their own, so the parser
 * meets hand-edited text. The input is a template: it may be refused, but
 * never with a crash, a leak or an empty message. An accepted one must
 * build a valid plan (plan_validate) for its race at its default length
 * and for its shortest and longest, or refuse with a message: the
 * generator is where a strange but parseable template would hurt.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "advice/plan.h"
#include "base/date.h"
#include "base/err.h"
#include "base/xalloc.h"
#include "core/plan.h"
#include "core/race.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A template is a few kilobytes; more only slows the search down. */
#define MAX_INPUT 32768

/* A Sunday far enough ahead of today for any template's longest plan. */
static const int32_t TODAY = 20781;    /* Tue 2026-11-24 */
static const int32_t RACE_DAY = 21626; /* Sun 2029-03-18 */

static void build(const struct plan_template *t, int weeks, int days)
{
	struct race race;
	struct plan_request req;
	struct plan plan;
	struct err err = ERR_INIT;

	race_init(&race);
	race.id = 1;
	race.athlete_id = 1;
	race.date = RACE_DAY;
	race.distance_m = t->distance_m > 0 && isfinite(t->distance_m) ? t->distance_m : 21097.5;
	memset(&req, 0, sizeof(req));
	req.tpl = t;
	req.race = &race;
	req.by = weeks % 2 ? PLAN_BY_DISTANCE : PLAN_BY_TIME;
	req.weeks = weeks;
	req.days = days;
	req.today = TODAY;
	req.units = UNITS_KM;
	if (plan_generate(&req, &plan, &err) == ERR_OK) {
		struct err verr = ERR_INIT;

		if (plan_validate(&plan, &verr) != ERR_OK) {
			__builtin_trap(); /* the generator made a plan it would refuse */
		}
	} else if (err.msg[0] == '\0') {
		__builtin_trap(); /* a refusal says why */
	}
	plan_release(&plan);
	race_release(&race);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan_template t;
	struct err err = ERR_INIT;
	char *s;

	if (size > MAX_INPUT) {
		return 0;
	}
	s = xstrndup((const char *)data, size);
	if (plan_template_parse(&t, "fuzz", s, "fuzz.ini", &err)) {
		if (err.msg[0] == '\0') {
			__builtin_trap();
		}
		free(s);
		return 0;
	}
	build(&t, 0, 0);
	build(&t, t.min_weeks, 3);
	build(&t, t.max_weeks, 7);
	plan_template_release(&t);
	free(s);
	return 0;
}
