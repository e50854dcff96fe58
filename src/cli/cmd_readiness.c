/*
 * cmd_readiness.c: knead advise race RACE, readiness before a race and
 * the recovery timeline after it (advice/readiness.h).
 *
 * The library decides; this file reads the situation, picks the phase
 * from the day asked about, and prints the advice with its rule ids and
 * dates (--why adds the facts, reason and source), or --json.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/context.h"
#include "advice/readiness.h"
#include "advice/rules.h"
#include "base/date.h"
#include "base/units.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "render/json.h"
#include "render/json_advice.h"
#include "render/json_race.h"
#include "render/text.h"

/* What one run of the command holds, released in one place. */
struct race_run {
	struct advice_context ctx; /* the situation on the day asked about */
	struct race race;          /* the race as typed (found by id or name) */
	struct advice_list advice; /* what the library said */
	int32_t today;             /* the day asked about */
};

/* The day asked about (any: before a race, or after it), the race, and
 * the situation on that day. */
static enum err_code read_situation(struct cli *cli, const struct cli_args *args,
                                    struct race_run *run, struct err *err)
{
	if (cli_as_of(cli, args, CLI_AS_OF_ANY, &run->today, err) ||
	    cli_find_race(cli, args->pos[0], &run->race, err) ||
	    cli_advice_context(cli, run->today, &run->ctx, err)) {
		return err->code;
	}
	return ERR_OK;
}

/* The race in the context (the advice points into it), by id. */
static const struct race *race_in(const struct race_run *run)
{
	for (size_t i = 0; i < run->ctx.races.n_races; i++) {
		if (run->ctx.races.races[i].id == run->race.id) {
			return &run->ctx.races.races[i];
		}
	}
	return &run->race;
}

/* ---- text ---- */

static void add_dates(struct strbuf *sb, int32_t from, int32_t to)
{
	render_day(sb, from);
	if (to != from) {
		strbuf_adds(sb, " to ");
		render_day(sb, to);
	}
}

/* "- warning: TEXT [rule, dates]", with --why the facts below; with
 * today (not DATE_NONE), items covering it are marked "now". With --why,
 * each rule's reason and source follow once, after the list. */
static void add_advice(struct strbuf *out, const struct advice_list *list, int32_t today, bool why)
{
	for (size_t i = 0; i < list->n_items; i++) {
		const struct advice *a = &list->items[i];
		bool now = today != DATE_NONE && a->from <= today && today <= a->to;

		strbuf_adds(out, now ? "* " : "- ");
		if (a->kind == ADVICE_WARNING) {
			strbuf_adds(out, "warning: ");
		}
		strbuf_addf(out, "%s [%s, ", a->text, a->rule->id);
		add_dates(out, a->from, a->to);
		strbuf_adds(out, now ? ", now]\n" : "]\n");
		for (size_t k = 0; why && k < a->n_facts; k++) {
			strbuf_addf(out, "    %s\n", a->facts[k]);
		}
	}
	for (size_t i = 0; why && i < list->n_items; i++) {
		const struct rule *r = list->items[i].rule;
		bool seen = false;

		for (size_t k = 0; k < i && !seen; k++) {
			seen = list->items[k].rule == r;
		}
		if (!seen) {
			strbuf_addf(out, "\n%s: %s\n  why: %s\n  source: %s\n", r->id, r->title,
			            r->reason, r->source);
		}
	}
}

static void add_race_line(struct strbuf *out, const struct cli *cli, const struct race *r)
{
	strbuf_addf(out, "%s: ", r->name);
	render_day(out, r->date);
	strbuf_adds(out, ", ");
	units_add_distance(out, r->distance_m, cli->profile.units);
	strbuf_addf(out, ", %s", race_status_name(r->status));
	if (isfinite(r->result_s)) {
		strbuf_adds(out, " in ");
		units_add_duration(out, r->result_s);
	}
}

static void print_before(const struct cli *cli, const struct race_run *run,
                         const struct race_readiness *r, bool why)
{
	struct strbuf out = STRBUF_INIT;

	add_race_line(&out, cli, r->race);
	strbuf_addf(&out, "; %d day%s away\n\n", r->days_to_race, r->days_to_race == 1 ? "" : "s");
	strbuf_addf(&out, "recommendation: %s\n", readiness_verdict_name(r->verdict));
	strbuf_addf(&out,
	            "readiness: plan compliance %s, long run %s, load trend %s, injury %s\n\n",
	            readiness_level_name(r->compliance_level), readiness_level_name(r->long_level),
	            readiness_level_name(r->load_level), readiness_level_name(r->injury_level));
	add_advice(&out, &run->advice, DATE_NONE, why);
	if (r->n_injuries) {
		strbuf_adds(&out, "\n(not medical advice)\n");
	}
	out_buf(&out);
	strbuf_release(&out);
}

static void print_after(const struct cli *cli, const struct race_run *run,
                        const struct race_recovery *r, bool why)
{
	struct strbuf out = STRBUF_INIT;

	add_race_line(&out, cli, r->race);
	if (r->day == 0) {
		strbuf_adds(&out, "; today is race day\n\n");
	} else {
		strbuf_addf(&out, "; today is day %d after it\n\n", r->day);
	}
	strbuf_adds(&out, "recovery:\n");
	add_advice(&out, &run->advice, run->today, why);
	strbuf_adds(&out, "\n(* marks what applies today; not medical advice)\n");
	out_buf(&out);
	strbuf_release(&out);
}

/* ---- JSON ---- */

static json_t *json_level(enum readiness_level l)
{
	return json_string(readiness_level_name(l));
}

static json_t *json_readiness(const struct race_readiness *r)
{
	json_t *o = json_object(), *c = json_object(), *l = json_object(), *d = json_object(),
	       *i = json_object();
	const struct activity *a = r->longest;

	json_object_set_new(o, "verdict", json_string(readiness_verdict_name(r->verdict)));
	json_object_set_new(o, "days_to_race", json_integer(r->days_to_race));
	json_object_set_new(o, "decide_by", render_json_date(r->decide_by));
	if (r->shorter) {
		json_t *s = json_object();

		json_object_set_new(s, "id", json_integer(r->shorter->id));
		json_object_set_new(s, "name", json_string(r->shorter->name));
		json_object_set_new(s, "date", render_json_date(r->shorter->date));
		json_object_set_new(s, "distance_m", render_json_number(r->shorter->distance_m));
		json_object_set_new(o, "shorter_race", s);
	} else {
		json_object_set_new(o, "shorter_race", json_null());
	}

	json_object_set_new(c, "level", json_level(r->compliance_level));
	json_object_set_new(c, "from", render_json_date(r->compliance_from));
	json_object_set_new(c, "measure", json_string(r->compliance_by_time ? "time" : "distance"));
	json_object_set_new(c, "share", render_json_number(r->compliance_share));
	json_object_set_new(c, "runs_due", json_integer(r->runs_due));
	json_object_set_new(c, "runs_done", json_integer(r->runs_done));
	json_object_set_new(c, "runs_partial", json_integer(r->runs_partial));
	json_object_set_new(c, "runs_missed", json_integer(r->runs_missed));
	json_object_set_new(o, "compliance", c);

	json_object_set_new(l, "level", json_level(r->long_level));
	json_object_set_new(l, "from", render_json_date(r->long_from));
	json_object_set_new(l, "activity_id", a ? json_integer(a->id) : json_null());
	json_object_set_new(l, "date", render_json_date(a ? a->date : DATE_NONE));
	json_object_set_new(l, "duration_s",
	                    render_json_number(a ? activity_time_s(a) : (double)NAN));
	json_object_set_new(l, "distance_m", render_json_number(a ? a->distance_m : (double)NAN));
	json_object_set_new(l, "distance", json_string(readiness_distance_name(r->distance)));
	json_object_set_new(l, "need_s", render_json_number(r->need_s));
	json_object_set_new(l, "need_m", render_json_number(r->need_m));
	json_object_set_new(l, "build_weeks", json_integer(r->build_weeks));
	json_object_set_new(l, "need_now_s", render_json_number(r->need_now_s));
	json_object_set_new(l, "need_now_m", render_json_number(r->need_now_m));
	json_object_set_new(l, "share", render_json_number(r->long_share));
	json_object_set_new(o, "long_run", l);

	json_object_set_new(d, "level", json_level(r->load_level));
	json_object_set_new(d, "ctl", render_json_number(r->ctl_now));
	json_object_set_new(d, "ctl_before", render_json_number(r->ctl_before));
	json_object_set_new(d, "ctl_before_date", render_json_date(r->ctl_day));
	json_object_set_new(d, "acwr", render_json_number(r->acwr));
	json_object_set_new(d, "taper", json_boolean(r->taper));
	json_object_set_new(d, "falling", json_boolean(r->ctl_falling));
	json_object_set_new(d, "spike", json_boolean(r->acwr_high));
	json_object_set_new(o, "load", d);

	json_object_set_new(i, "level", json_level(r->injury_level));
	json_object_set_new(i, "count", json_integer((json_int_t)r->n_injuries));
	json_object_set_new(i, "worst_injury_id",
	                    r->worst ? json_integer(r->worst->id) : json_null());
	json_object_set_new(i, "worst_level",
	                    r->worst_level >= 0 ? json_integer(r->worst_level) : json_null());
	json_object_set_new(i, "worst_date", render_json_date(r->worst_day));
	json_object_set_new(o, "injuries", i);
	return o;
}

static json_t *json_recovery(const struct race_recovery *r)
{
	json_t *o = json_object(), *weeks = json_array();
	int32_t race = r->race->date;

	json_object_set_new(o, "marathon", json_boolean(r->marathon));
	json_object_set_new(o, "rest_days", json_integer(r->rest_days));
	json_object_set_new(o, "rest_until", render_json_date(race + r->rest_days));
	json_object_set_new(o, "rest_max_days", json_integer(r->rest_max_days));
	json_object_set_new(o, "cross_from", render_json_date(race + r->cross_from));
	json_object_set_new(o, "first_run", render_json_date(race + r->rest_days + 1));
	json_object_set_new(o, "first_run_max_s", json_integer(r->first_run_min * 60));
	json_object_set_new(o, "easy_days", json_integer(r->easy_days));
	json_object_set_new(o, "easy_until", render_json_date(race + r->easy_days));
	json_object_set_new(o, "massage_from",
	                    render_json_date(r->massage ? race + r->massage_from : DATE_NONE));
	json_object_set_new(o, "massage_to",
	                    render_json_date(r->massage ? race + r->massage_to : DATE_NONE));
	json_object_set_new(o, "peak_week_s", render_json_number(r->peak_s));
	json_object_set_new(o, "peak_week_m", render_json_number(r->peak_m));
	for (int w = 0; w < r->reverse_weeks; w++) {
		json_t *wk = json_object();
		int32_t from = r->reverse_from + 7 * w;

		json_object_set_new(wk, "from", render_json_date(from));
		json_object_set_new(wk, "to", render_json_date(from + 6));
		json_object_set_new(wk, "share", render_json_number(r->reverse_share[w]));
		json_object_set_new(wk, "duration_s",
		                    render_json_number(r->peak_s * r->reverse_share[w]));
		json_object_set_new(wk, "distance_m",
		                    render_json_number(r->peak_m * r->reverse_share[w]));
		json_array_append_new(weeks, wk);
	}
	json_object_set_new(o, "reverse_taper", weeks);
	json_object_set_new(o, "clinician", render_json_date(r->clinician));
	return o;
}

static void print_json(const struct race_run *run, const struct race *race,
                       enum readiness_phase phase, json_t *detail)
{
	json_t *o = json_object();

	json_object_set_new(o, "date", render_json_date(run->today));
	json_object_set_new(o, "race", render_json_race(race, run->today));
	json_object_set_new(o, "phase", json_string(readiness_phase_name(phase)));
	json_object_set_new(o, "day",
	                    phase == READINESS_BEFORE ? json_null()
	                                              : json_integer(run->today - race->date));
	json_object_set_new(o, "readiness", phase == READINESS_BEFORE ? detail : json_null());
	json_object_set_new(o, "recovery", phase == READINESS_AFTER ? detail : json_null());
	if (phase == READINESS_NOT_RUN) {
		json_decref(detail);
	}
	json_object_set_new(o, "advice", render_json_advice_list(&run->advice));
	out_json(o);
}

int cmd_advise_race(struct cli *cli, const struct cli_args *args)
{
	struct race_run run;
	struct err err = ERR_INIT;
	bool why = cli_opt(args, "why") != NULL;
	const struct race *race;
	enum readiness_phase phase;
	int rc = EXIT_OK;

	memset(&run, 0, sizeof(run));
	advice_context_init(&run.ctx, &cli->profile, &cli->rules, &cli->regions, cli->today);
	run.advice = (struct advice_list)ADVICE_LIST_INIT;
	race_init(&run.race);
	if (read_situation(cli, args, &run, &err)) {
		rc = cli_fail(cli, &err);
		goto done;
	}
	race = race_in(&run);
	phase = readiness_phase(race, run.today);
	if (phase == READINESS_BEFORE) {
		struct race_readiness r;

		readiness_assess(&run.ctx, race, &r, &run.advice);
		if (cli->json) {
			print_json(&run, race, phase, json_readiness(&r));
		} else {
			print_before(cli, &run, &r, why);
		}
	} else if (phase == READINESS_AFTER) {
		struct race_recovery r;

		readiness_recover(&run.ctx, race, &r, &run.advice);
		if (cli->json) {
			print_json(&run, race, phase, json_recovery(&r));
		} else {
			print_after(cli, &run, &r, why);
		}
	} else if (cli->json) {
		print_json(&run, race, phase, json_null());
	} else {
		struct strbuf out = STRBUF_INIT;

		add_race_line(&out, cli, race);
		strbuf_adds(&out, ": not started, so nothing to recover from\n");
		out_buf(&out);
		strbuf_release(&out);
	}
	if (!out_finish()) {
		rc = EXIT_FAIL;
	}
done:
	advice_list_release(&run.advice);
	advice_context_release(&run.ctx);
	race_release(&run.race);
	return rc;
}
