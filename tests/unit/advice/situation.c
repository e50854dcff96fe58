/*
 * situation.c: hand-made situations for the advisor's unit tests.
 */
#include "situation.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "base/datafile.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

void situation_init(struct situation *s, int32_t today)
{
	struct err err = ERR_INIT;

	s->rules = (struct rulebook)RULEBOOK_INIT;
	s->regions = (struct region_catalog)REGION_CATALOG_INIT;
	if (rulebook_parse(&s->rules, datafile_builtin("rules.ini", NULL), "rules.ini", &err) ||
	    region_catalog_parse(&s->regions, datafile_builtin("regions.ini", NULL), "regions.ini",
	                         &err)) {
		fail_msg("%s", err.msg);
	}
	athlete_init(&s->profile, 1);
	memcpy(s->profile.currency, "USD", 4);
	advice_context_init(&s->ctx, &s->profile, &s->rules, &s->regions, today);
}

void situation_release(struct situation *s)
{
	advice_context_release(&s->ctx);
	rulebook_release(&s->rules);
	region_catalog_release(&s->regions);
	athlete_release(&s->profile);
}

struct race *situation_race(struct advice_context *ctx, const char *name, int32_t date, double km,
                            enum race_priority prio)
{
	struct race *r = race_list_push(&ctx->races);

	r->id = (int64_t)ctx->races.n_races;
	r->athlete_id = 1;
	r->name = xstrdup(name);
	r->date = date;
	r->distance_m = km * 1000;
	r->priority = prio;
	r->status = date <= ctx->today ? RACE_DONE : RACE_REGISTERED;
	return r;
}

struct activity *situation_act(struct advice_context *ctx, enum sport sport, int32_t date, int rpe)
{
	struct activity *a = activity_list_push(&ctx->activities);

	a->id = (int64_t)ctx->activities.n_activities;
	a->athlete_id = 1;
	a->sport = sport;
	a->date = date;
	a->duration_s = 3600;
	a->rpe = rpe;
	a->load = 50;
	return a;
}

struct activity *situation_run(struct advice_context *ctx, int32_t date, double km, double min)
{
	struct activity *a = activity_list_push(&ctx->activities);

	a->id = (int64_t)ctx->activities.n_activities;
	a->athlete_id = 1;
	a->sport = SPORT_RUN;
	a->date = date;
	a->distance_m = km * 1000;
	a->duration_s = min * 60;
	a->load = min;
	return a;
}

struct recovery *situation_session(struct advice_context *ctx, enum modality m, int32_t date)
{
	struct recovery *r = recovery_list_push(&ctx->sessions);

	r->id = (int64_t)ctx->sessions.n;
	r->athlete_id = 1;
	r->modality = m;
	r->day = date;
	return r;
}

struct checkin *situation_check(struct advice_context *ctx, int32_t date, const char *region,
                                enum side side, enum measure m, int level)
{
	struct checkin *c = checkin_list_push(&ctx->checkins);

	c->id = (int64_t)ctx->checkins.n;
	c->athlete_id = 1;
	c->day = date;
	memcpy(c->region, region, strlen(region) + 1);
	c->side = side;
	c->level[m] = level;
	return c;
}

struct injury *situation_injure(struct advice_context *ctx, const char *region, enum side side,
                                int32_t onset, enum injury_status status)
{
	struct injury *inj = injury_list_push(&ctx->injuries);

	inj->id = (int64_t)ctx->injuries.n;
	inj->athlete_id = 1;
	memcpy(inj->region, region, strlen(region) + 1);
	inj->side = side;
	inj->onset = onset;
	inj->status = status;
	return inj;
}

void situation_disable(struct rulebook *rules, const char *id)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "[%s]\nenabled = no\n", id);
	rulebook_override(rules, sb.buf, "test");
	assert_false(rules_enabled(rules, id));
	strbuf_release(&sb);
}

bool situation_has_fact(const struct advice *a, const char *text)
{
	for (size_t i = 0; i < a->n_facts; i++) {
		if (strstr(a->facts[i], text)) {
			return true;
		}
	}
	return false;
}
