/*
 * page_recovery.c: GET /recovery, POST /book, and the recovery side of
 * the JSON API.
 *
 * The Recovery page shows, from the same library calls as the command
 * line: the recent sessions (as `knead recover --list`), the massage
 * planner's suggestions with a Book button each (as `knead advise
 * massage`), the spend by month against the budget (as `knead spend`)
 * and what has helped (as `knead effects`).
 *
 * POST /book (fields day, modality, provider: a provider's id or empty
 * for none) keeps one massage as a booked appointment, in one
 * transaction, as `knead advise massage --book` keeps them all: when it
 * is one of the planner's current suggestions it is booked from it
 * (advice/booking.h: its cost, rule and line of advice come along), else
 * as the runner asked, with its cost unknown. A day before today is
 * refused, as --book refuses it; so are an unknown modality and a
 * provider the runner does not have. Then back to /recovery (303).
 *
 * The API answers the shapes of the same commands' --json, built by the
 * same serializers:
 *
 *   GET /api/v1/recovery[?from=D&to=D]      knead --json recover --list
 *   GET /api/v1/spend[?from=D&to=D]         knead --json spend
 *   GET /api/v1/effects[?modality=M&date=D] knead --json effects [M]
 *   GET /api/v1/massage[?weeks=N&date=D]    knead --json advise massage
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "advice/booking.h"
#include "advice/context.h"
#include "advice/massage.h"
#include "analysis/effects.h"
#include "analysis/spend.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/units.h"
#include "base/xalloc.h"
#include "render/json_advice.h"
#include "render/json_body.h"
#include "render/json_recovery.h"
#include "render/text.h"
#include "store/store_appointment.h"
#include "store/store_body.h"
#include "store/store_race.h"
#include "store/store_recovery.h"
#include "web/html.h"
#include "web/routes.h"

/* How far back the session listing looks without from (as the command
 * line's listing). */
#define RECOVERY_LIST_DAYS 30

/* ---- sessions ---- */

/* Every session up to `to` (earlier ones use up a membership's sessions)
 * with their costs, and those from `from` on to show. */
struct sessions {
	struct recovery_list all;
	struct provider_list providers;
	struct session_cost *costs; /* one per all.items */
	size_t *shown, n_shown;     /* indices into all.items, from `from` on */
};

static void sessions_release(struct sessions *s)
{
	free(s->costs);
	free(s->shown);
	provider_list_release(&s->providers);
	recovery_list_release(&s->all);
}

static enum err_code sessions_read(struct store *st, int32_t from, int32_t to, struct sessions *s,
                                   struct err *err)
{
	memset(s, 0, sizeof(*s));
	if (store_recovery_list(st, ATHLETE_DEFAULT, DATE_NONE, to, &s->all, err) ||
	    store_provider_list(st, ATHLETE_DEFAULT, &s->providers, err)) {
		return err->code;
	}
	s->costs = xcalloc(s->all.n + 1, sizeof(*s->costs));
	s->shown = xcalloc(s->all.n + 1, sizeof(*s->shown));
	spend_cost_sessions(&s->all, &s->providers, s->costs);
	for (size_t i = 0; i < s->all.n; i++) {
		if (s->all.items[i].day >= from) {
			s->shown[s->n_shown++] = i;
		}
	}
	return ERR_OK;
}

enum err_code web_api_recovery(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct web_view v;
	struct sessions s;
	int32_t from, to;
	enum err_code rc;

	memset(&s, 0, sizeof(s));
	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc) {
		rc = web_param_range(call, v.today, &from, &to, err);
	}
	if (!rc) {
		if (from == DATE_NONE) {
			from = (to == DATE_NONE ? v.today : to) - (RECOVERY_LIST_DAYS - 1);
		}
		rc = sessions_read(v.store, from, to, &s, err);
	}
	if (!rc) {
		web_reply_json(resp, render_json_session_list(&s.all, s.costs, s.shown, s.n_shown));
	}
	sessions_release(&s);
	web_view_close(&v);
	return rc;
}

/* ---- spend ---- */

/* The spend of from..to as `knead spend` makes it (`to` at most today),
 * with the sessions and providers it points into. */
struct spend {
	struct recovery_list sessions;
	struct provider_list providers;
	struct spend_report report;
};

static void spend_release(struct spend *sp)
{
	spend_report_release(&sp->report);
	provider_list_release(&sp->providers);
	recovery_list_release(&sp->sessions);
}

static enum err_code spend_read(struct web_view *v, int32_t from, int32_t to, struct spend *sp,
                                struct err *err)
{
	memset(sp, 0, sizeof(*sp));
	if (to == DATE_NONE || to > v->today) {
		to = v->today;
	}
	if (from != DATE_NONE && from > to) {
		return err_set(err, ERR_INPUT, "from is after the end of the range");
	}
	if (store_recovery_list(v->store, ATHLETE_DEFAULT, DATE_NONE, to, &sp->sessions, err) ||
	    store_provider_list(v->store, ATHLETE_DEFAULT, &sp->providers, err)) {
		return err->code;
	}
	spend_report(&sp->sessions, &sp->providers, from, to, athlete_currency(&v->profile),
	             &sp->report);
	return ERR_OK;
}

enum err_code web_api_spend(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct web_view v;
	struct spend sp;
	int32_t from, to;
	enum err_code rc;

	memset(&sp, 0, sizeof(sp));
	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc) {
		rc = web_param_range(call, v.today, &from, &to, err);
	}
	if (!rc) {
		rc = spend_read(&v, from, to, &sp, err);
	}
	if (!rc) {
		web_reply_json(resp, render_json_spend(&sp.report));
	}
	spend_release(&sp);
	web_view_close(&v);
	return rc;
}

/* ---- effects ---- */

/* What `knead effects` compares, up to a day. */
struct effects_log {
	struct checkin_list checkins;
	struct recovery_list sessions;
	struct race_list races;
	struct effects_report report;
};

static void effects_log_release(struct effects_log *g)
{
	effects_report_release(&g->report);
	checkin_list_release(&g->checkins);
	recovery_list_release(&g->sessions);
	race_list_release(&g->races);
}

/* The modalities asked for, as `knead effects MODALITY` reads them:
 * "massage" for every kind of massage, 0 (all) for none. */
static enum err_code parse_modalities(const char *text, unsigned *mask, struct err *err)
{
	enum modality m;

	*mask = 0;
	if (!text || !*text) {
		return ERR_OK;
	}
	if (strcasecmp(text, "massage") == 0) {
		for (int i = 0; i < MODALITY_COUNT; i++) {
			if (modality_kind((enum modality)i) == MODALITY_MASSAGE) {
				*mask |= 1u << i;
			}
		}
		return ERR_OK;
	}
	if (modality_parse(text, &m, err)) {
		return err_prefix(err, "modality");
	}
	*mask = 1u << m;
	return ERR_OK;
}

static enum err_code effects_read(struct web_call *call, struct store *s, int32_t to, unsigned mask,
                                  struct effects_log *g, struct err *err)
{
	memset(g, 0, sizeof(*g));
	if (store_checkin_list(s, ATHLETE_DEFAULT, DATE_NONE, to, &g->checkins, err) ||
	    store_recovery_list(s, ATHLETE_DEFAULT, DATE_NONE, to, &g->sessions, err) ||
	    store_race_list(s, ATHLETE_DEFAULT, DATE_NONE, to, &g->races, err)) {
		return err->code;
	}
	effects_compute(&call->app->regions, &g->checkins, &g->sessions, &g->races, to, mask,
	                &g->report);
	return ERR_OK;
}

enum err_code web_api_effects(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct web_view v;
	struct effects_log g;
	unsigned mask = 0;
	int32_t to = DATE_NONE;
	enum err_code rc;

	memset(&g, 0, sizeof(g));
	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc) {
		rc = parse_modalities(web_param(call->req, "modality"), &mask, err);
	}
	if (!rc) {
		rc = web_param_day(call, "date", v.today, DATE_NONE, &to, err);
	}
	if (!rc) {
		rc = effects_read(call, v.store, to == DATE_NONE ? v.today : to, mask, &g, err);
	}
	if (!rc) {
		web_reply_json(resp, render_json_effects(&call->app->regions, &g.report, &g.races));
	}
	effects_log_release(&g);
	web_view_close(&v);
	return rc;
}

/* ---- the massage planner ---- */

struct planner {
	struct advice_context ctx;
	struct appointment_list appts;
	struct massage_plan plan;
	int weeks;
	int32_t day;
};

static void planner_release(struct planner *p)
{
	massage_plan_release(&p->plan);
	appointment_list_release(&p->appts);
	advice_context_release(&p->ctx);
}

/* Plan the massages of `weeks` weeks from day, as `knead advise massage
 * --weeks N --date D` does. */
static enum err_code planner_make(struct web_call *call, struct web_view *v, int32_t day, int weeks,
                                  struct planner *p, struct err *err)
{
	memset(p, 0, sizeof(*p));
	p->weeks = weeks;
	p->day = day;
	if (advice_context_read(v->store, &v->profile, &call->app->rules, &call->app->regions, day,
	                        &p->ctx, err) ||
	    store_appointment_list(v->store, ATHLETE_DEFAULT, day, day + 7 * weeks - 1, &p->appts,
	                           err)) {
		return err->code;
	}
	massage_plan_make(&p->ctx, &p->appts, weeks, &p->plan);
	return ERR_OK;
}

enum err_code web_api_massage(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct web_view v;
	struct planner p;
	const char *w = web_param(call->req, "weeks");
	long weeks = MASSAGE_DEFAULT_WEEKS;
	int32_t day = DATE_NONE;
	enum err_code rc;

	memset(&p, 0, sizeof(p));
	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc && w && *w && parse_int(w, 1, MASSAGE_MAX_WEEKS, &weeks, err)) {
		rc = err_prefix(err, "weeks");
	}
	if (!rc) {
		/* a day to come is fine: the planner looks ahead */
		rc = web_param_day(call, "date", v.today, DATE_NONE, &day, err);
	}
	if (!rc) {
		rc = planner_make(call, &v, day == DATE_NONE ? v.today : day, (int)weeks, &p, err);
	}
	if (!rc) {
		web_reply_json(resp, render_json_massage_plan(&p.plan, p.weeks, p.day, NULL));
	}
	planner_release(&p);
	web_view_close(&v);
	return rc;
}

/* ---- POST /book ---- */

/* The appointment the form asks for, into *a (initialised here). */
static enum err_code parse_booking(struct web_call *call, struct web_view *v, struct appointment *a,
                                   struct err *err)
{
	const char *day = web_param(call->req, "day"), *modality = web_param(call->req, "modality");
	const char *provider = web_param(call->req, "provider");
	struct provider_list providers = PROVIDER_LIST_INIT;
	struct planner p;
	long weeks, id = 0;
	bool known = false;
	enum err_code rc;

	appointment_init(a);
	a->athlete_id = ATHLETE_DEFAULT;
	a->status = APPOINTMENT_BOOKED;
	if (!day || !*day || !modality || !*modality) {
		return err_set(err, ERR_INPUT, "give a day and a modality");
	}
	if (parse_date(day, v->today, &a->day, err)) {
		return err_prefix(err, "day");
	}
	if (a->day < v->today) {
		return err_set(err, ERR_INPUT, "day: %s is past; book from today on", day);
	}
	if (modality_parse(modality, &a->modality, err)) {
		return err_prefix(err, "modality");
	}
	if (provider && *provider && parse_int(provider, 1, INT32_MAX, &id, err)) {
		return err_prefix(err, "provider");
	}
	a->provider_id = id;
	if (store_provider_list(v->store, ATHLETE_DEFAULT, &providers, err)) {
		return err->code;
	}
	for (size_t i = 0; i < providers.n; i++) {
		known |= providers.items[i].id == id;
	}
	provider_list_release(&providers);
	if (id && !known) {
		return err_set(err, ERR_INPUT, "provider: there is no provider %ld", id);
	}
	/* one of the planner's suggestions is booked from it: plan far enough
	 * ahead to reach the day */
	weeks = (a->day - v->today) / 7 + 1;
	if (weeks > MASSAGE_MAX_WEEKS) {
		return appointment_validate(a, err);
	}
	weeks = weeks < MASSAGE_DEFAULT_WEEKS ? MASSAGE_DEFAULT_WEEKS : weeks;
	rc = planner_make(call, v, v->today, (int)weeks, &p, err);
	if (!rc) {
		long i = booking_find_suggestion(&p.plan, a->day, a->modality, id);

		if (i >= 0) {
			appointment_release(a);
			booking_from_suggestion(&p.plan, (size_t)i, ATHLETE_DEFAULT, a);
		}
	}
	planner_release(&p);
	return rc ? rc : appointment_validate(a, err);
}

enum err_code web_post_book(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct web_view v;
	struct appointment a;
	enum err_code rc;

	appointment_init(&a);
	rc = web_view_open(call->app, STORE_WRITE, &v, err);
	if (!rc) {
		rc = parse_booking(call, &v, &a, err);
	}
	if (!rc) {
		rc = store_begin(v.store, err);
		if (!rc) {
			if (store_appointment_add(v.store, &a, err)) {
				store_rollback(v.store);
				rc = err->code;
			} else {
				rc = store_commit(v.store, err);
			}
		}
	}
	appointment_release(&a);
	web_view_close(&v);
	if (rc) {
		return rc;
	}
	resp->status = 303;
	web_response_header(resp, "Location", "/recovery#massage");
	strbuf_adds(&resp->body, "<p>Booked: <a href=\"/recovery#massage\">back to recovery</a>."
	                         "</p>\n");
	return ERR_OK;
}

/* ---- the page ---- */

/* "left hamstring", or the region's code when the catalogue lacks it. */
static void add_region(struct strbuf *sb, const struct web_call *call, const char *code,
                       enum side side)
{
	const struct region *r = region_by_code(&call->app->regions, code);
	const char *s = side == SIDE_BOTH ? NULL : side_name(side);

	if (s) {
		strbuf_addf(sb, "%s ", s);
	}
	strbuf_adds(sb, r ? r->name : code);
}

/* What a session cost: nothing paid shows as "free". */
static void add_cost(struct strbuf *sb, const struct session_cost *c)
{
	size_t len = sb->len;

	render_session_cost(sb, c);
	if (sb->len == len) {
		strbuf_adds(sb, "free");
	}
}

static void add_sessions(struct strbuf *sb, const struct web_call *call, const struct sessions *s)
{
	struct strbuf cell = STRBUF_INIT;

	html_addf(sb, "<section id=\"sessions\">\n<h2>Sessions, the last %d days</h2>\n",
	          RECOVERY_LIST_DAYS);
	if (!s->n_shown) {
		strbuf_adds(sb, "<p>No recovery sessions in that time (<a href=\"/log\">log "
		                "one</a>).</p>\n</section>\n");
		return;
	}
	strbuf_adds(sb, "<div class=\"scroll\"><table>\n<tr><th>date</th><th>what</th>"
	                "<th>regions</th><th>with</th><th>cost</th><th>found</th></tr>\n");
	/* the latest first */
	for (size_t k = s->n_shown; k-- > 0;) {
		const struct recovery *r = &s->all.items[s->shown[k]];
		bool any = false;

		strbuf_reset(&cell);
		render_day(&cell, r->day);
		html_addf(sb, "<tr><td>%s</td><td>%s</td><td>", cell.buf,
		          modality_describe(r->modality));
		strbuf_reset(&cell);
		for (size_t i = 0; i < r->n_regions; i++) {
			strbuf_adds(&cell, i ? ", " : "");
			add_region(&cell, call, r->regions[i].region, r->regions[i].side);
		}
		html_addf(sb, "%s</td><td>%s</td><td>", cell.buf,
		          r->provider_name ? r->provider_name : "");
		strbuf_reset(&cell);
		add_cost(&cell, &s->costs[s->shown[k]]);
		html_addf(sb, "%s</td><td>", cell.buf);
		strbuf_reset(&cell);
		for (size_t i = 0; i < r->n_regions; i++) {
			const struct recovery_region *rr = &r->regions[i];

			if (rr->finding == FINDING_NONE) {
				continue;
			}
			strbuf_adds(&cell, any ? ", " : "");
			add_region(&cell, call, rr->region, rr->side);
			strbuf_addch(&cell, ' ');
			finding_describe(&cell, rr->finding, rr->severity);
			any = true;
		}
		html_addf(sb, "%s</td></tr>\n", cell.buf);
	}
	strbuf_adds(sb, "</table></div>\n</section>\n");
	strbuf_release(&cell);
}

/* One massage of the plan: when, what, with whom, what it costs, and the
 * rule that asked for it with its reason and source. */
static void add_massage_item(struct strbuf *sb, const struct web_call *call,
                             const struct massage_plan *plan, size_t i)
{
	const struct massage_item *it = &plan->items[i];
	const struct advice *a = &plan->advice.items[it->advice];
	struct strbuf cell = STRBUF_INIT;
	char iso[DATE_ISO_LEN];

	/* the line of advice says what, with whom and at what cost, as
	 * `knead advise massage` prints it */
	render_day(&cell, it->day);
	strbuf_adds(sb, it->source == MASSAGE_BOOKED ? "<li class=\"booked\">" : "<li>");
	html_addf(sb, "<b>%s</b>", cell.buf);
	html_addf(sb, " %s<br><small><code>%s</code> why: %s (source: %s)</small>", a->text,
	          a->rule->id, a->rule->reason, a->rule->source);
	if (it->source == MASSAGE_SUGGESTED) {
		date_format(it->day, iso);
		strbuf_adds(sb, "\n<form class=\"book\" method=\"post\" action=\"/book\">\n");
		web_add_csrf_field(call, sb);
		html_addf(sb,
		          "<input type=\"hidden\" name=\"day\" value=\"%s\">\n"
		          "<input type=\"hidden\" name=\"modality\" value=\"%s\">\n"
		          "<input type=\"hidden\" name=\"provider\" value=\"",
		          iso, modality_name(it->modality));
		if (it->provider) {
			html_addf(sb, "%lld", (long long)it->provider->id);
		}
		strbuf_adds(sb, "\">\n<button>Book</button>\n</form>\n");
	}
	strbuf_adds(sb, "</li>\n");
	strbuf_release(&cell);
}

static void add_massage(struct strbuf *sb, const struct web_call *call, const struct planner *p)
{
	const struct massage_plan *plan = &p->plan;
	struct strbuf cell = STRBUF_INIT;
	size_t n_suggested = 0, n_booked = 0;

	for (size_t i = 0; i < plan->n_items; i++) {
		n_suggested += plan->items[i].source == MASSAGE_SUGGESTED;
		n_booked += plan->items[i].source == MASSAGE_BOOKED;
	}
	render_day(&cell, plan->from);
	strbuf_adds(&cell, " to ");
	render_day(&cell, plan->to);
	html_addf(sb, "<section id=\"massage\">\n<h2>Massage plan</h2>\n<p>%s", cell.buf);
	if (plan->budget_cents >= 0) {
		strbuf_reset(&cell);
		units_add_money(&cell, plan->budget_cents, plan->currency);
		html_addf(sb, ", budget %s a month", cell.buf);
	}
	strbuf_adds(sb, ".</p>\n<h3>Suggested</h3>\n");
	if (!n_suggested && n_booked) {
		strbuf_adds(sb, "<p>Nothing new to suggest: the massages the plan needs are "
		                "booked.</p>\n");
	} else if (!n_suggested) {
		strbuf_adds(sb, "<p>Nothing to suggest: no race just behind or ahead, and no "
		                "training block (a plan, or training most weeks) that asks for a "
		                "massage.</p>\n");
	}
	strbuf_adds(sb, "<ul id=\"massage-suggestions\">\n");
	for (size_t i = 0; i < plan->n_items; i++) {
		if (plan->items[i].source == MASSAGE_SUGGESTED) {
			add_massage_item(sb, call, plan, i);
		}
	}
	strbuf_adds(sb, "</ul>\n<h3>Booked</h3>\n");
	if (!n_booked) {
		strbuf_adds(sb, "<p>Nothing booked yet.</p>\n");
	}
	strbuf_adds(sb, "<ul id=\"massage-booked\">\n");
	for (size_t i = 0; i < plan->n_items; i++) {
		if (plan->items[i].source == MASSAGE_BOOKED) {
			add_massage_item(sb, call, plan, i);
		}
	}
	strbuf_adds(sb, "</ul>\n");
	/* the planner's warnings: a hard day next to deep work, a budget */
	for (size_t i = 0; i < plan->advice.n_items; i++) {
		const struct advice *a = &plan->advice.items[i];

		if (a->kind == ADVICE_WARNING) {
			html_addf(sb,
			          "<p class=\"warning\"><b>warning</b> <code>%s</code> %s</p>\n",
			          a->rule->id, a->text);
		}
	}
	strbuf_adds(sb, "</section>\n");
	strbuf_release(&cell);
}

static void add_spend(struct strbuf *sb, const struct spend_report *r, int64_t budget_cents)
{
	struct strbuf cell = STRBUF_INIT;
	char month[DATE_ISO_LEN];

	strbuf_adds(sb, "<section id=\"spend\">\n<h2>Spend</h2>\n");
	if (r->sessions == 0 && r->n_memberships == 0) {
		strbuf_adds(sb, "<p>No recovery sessions or memberships yet.</p>\n</section>\n");
		return;
	}
	units_add_money(&cell, r->total_cents, r->currency);
	html_addf(sb, "<p>%s over %d session%s", cell.buf, r->sessions,
	          r->sessions == 1 ? "" : "s");
	if (budget_cents >= 0) {
		strbuf_reset(&cell);
		units_add_money(&cell, budget_cents, r->currency);
		html_addf(sb, "; budget %s a month", cell.buf);
	}
	strbuf_adds(sb, ".</p>\n<div class=\"scroll\"><table id=\"spend-months\">\n<tr><th>month"
	                "</th><th>sessions</th><th>spent</th>");
	if (budget_cents >= 0) {
		strbuf_adds(sb, "<th>left of the budget</th>");
	}
	strbuf_adds(sb, "</tr>\n");
	/* the latest months first, a year of them */
	for (size_t i = r->n_months, shown = 0; i-- > 0 && shown < 12; shown++) {
		const struct spend_month *m = &r->months[i];

		date_format(m->start, month);
		month[7] = '\0';
		strbuf_reset(&cell);
		units_add_money(&cell, m->cents, r->currency);
		html_addf(sb, "<tr><td>%s</td><td>%d</td><td>%s</td>", month, m->sessions,
		          cell.buf);
		if (budget_cents >= 0) {
			strbuf_reset(&cell);
			units_add_money(&cell, budget_cents - m->cents, r->currency);
			strbuf_adds(sb, m->cents > budget_cents ? "<td class=\"over\">" : "<td>");
			html_addf(sb, "%s</td>", cell.buf);
		}
		strbuf_adds(sb, "</tr>\n");
	}
	strbuf_adds(sb, "</table></div>\n");
	if (r->other_currency) {
		html_addf(sb,
		          "<p><small>%d session%s or fee%s in another currency than %s left "
		          "out.</small></p>\n",
		          r->other_currency, r->other_currency == 1 ? "" : "s",
		          r->other_currency == 1 ? "" : "s", r->currency);
	}
	strbuf_adds(sb, "</section>\n");
	strbuf_release(&cell);
}

/* "+1.2" or "-" for an estimate without cases. */
static void add_mean(struct strbuf *sb, const struct effects_estimate *e)
{
	if (e->n == 0 || isnan(e->mean)) {
		strbuf_adds(sb, "-");
	} else {
		strbuf_addf(sb, "%+.1f", e->mean);
	}
}

static void add_effects(struct strbuf *sb, const struct web_call *call, const struct effects_log *g)
{
	const struct effects_report *r = &g->report;
	const struct effects_compare *c = &r->race;
	struct strbuf cell = STRBUF_INIT;

	html_addf(sb,
	          "<section id=\"effects\">\n<h2>What has helped</h2>\n<p>Soreness (0-10) over "
	          "the %d days after a session, minus that day's, against days as sore without "
	          "it; negative is less sore; %d cases needed in each.</p>\n",
	          EFFECTS_WINDOW_DAYS, EFFECTS_MIN_CASES);
	if (!r->n_rows) {
		strbuf_adds(sb, "<p>No recovery sessions logged.</p>\n");
	} else {
		strbuf_adds(sb, "<div class=\"scroll\"><table id=\"effects-table\">\n<tr><th>what"
		                "</th><th>region</th><th>with (n)</th><th>without (n)</th>"
		                "<th>difference</th><th>90&nbsp;% interval</th><th>effect</th>"
		                "</tr>\n");
	}
	for (size_t i = 0; i < r->n_rows; i++) {
		const struct effects_row *row = &r->rows[i];
		const struct effects_compare *e = &row->change;

		strbuf_reset(&cell);
		render_effects_region(&cell, &call->app->regions, row->region);
		html_addf(sb, "<tr><td>%s</td><td>%s</td><td>", modality_name(row->modality),
		          cell.buf);
		strbuf_reset(&cell);
		add_mean(&cell, &e->with);
		strbuf_addf(&cell, " (%zu)</td><td>", e->with.n);
		add_mean(&cell, &e->without);
		strbuf_addf(&cell, " (%zu)</td><td>", e->without.n);
		add_mean(&cell, &e->difference);
		strbuf_adds(&cell, "</td><td>");
		if (e->enough) {
			strbuf_addf(&cell, "%+.1f to %+.1f", e->difference.lo, e->difference.hi);
		} else {
			strbuf_adds(&cell, "-");
		}
		strbuf_adds(sb, cell.buf); /* numbers only */
		html_addf(sb, "</td><td>%s</td></tr>\n",
		          effects_verdict_name(effects_verdict_of(e)));
	}
	if (r->n_rows) {
		strbuf_adds(sb, "</table></div>\n");
	}
	if (r->n_races || r->races_unknown) {
		html_addf(sb,
		          "<h3>After races</h3>\n<p>Days until soreness was %d or below, with a "
		          "massage in the %d days after or without: ",
		          EFFECTS_RECOVERED, EFFECTS_RACE_MASSAGE_DAYS);
		strbuf_reset(&cell);
		if (c->with.n) {
			strbuf_addf(&cell, "%.1f days", c->with.mean);
		} else {
			strbuf_adds(&cell, "-");
		}
		strbuf_addf(&cell, " (n %zu) with, ", c->with.n);
		if (c->without.n) {
			strbuf_addf(&cell, "%.1f days", c->without.mean);
		} else {
			strbuf_adds(&cell, "-");
		}
		strbuf_addf(&cell, " (n %zu) without; ", c->without.n);
		if (c->enough) {
			strbuf_addf(&cell,
			            "difference %+.1f days, 90 %% interval %+.1f to %+.1f: %s",
			            c->difference.mean, c->difference.lo, c->difference.hi,
			            effects_verdict_name(effects_verdict_of(c)));
		} else {
			strbuf_addf(&cell, "not enough data (%d races of each needed)",
			            EFFECTS_MIN_CASES);
		}
		html_addf(sb, "%s.</p>\n", cell.buf);
	}
	html_addf(sb,
	          "<p class=\"caveat\"><small>An observational comparison from your own log, not "
	          "a trial; intervals from %d bootstrap resamples.</small></p>\n</section>\n",
	          EFFECTS_RESAMPLES);
	strbuf_release(&cell);
}

enum err_code web_page_recovery(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct strbuf *sb = &resp->body;
	struct web_view v;
	struct sessions s;
	struct planner p;
	struct spend spend;
	struct effects_log g;
	enum err_code rc;

	memset(&s, 0, sizeof(s));
	memset(&p, 0, sizeof(p));
	memset(&spend, 0, sizeof(spend));
	memset(&g, 0, sizeof(g));
	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc) {
		rc = sessions_read(v.store, v.today - (RECOVERY_LIST_DAYS - 1), v.today, &s, err);
	}
	if (!rc) {
		rc = planner_make(call, &v, v.today, MASSAGE_DEFAULT_WEEKS, &p, err);
	}
	if (!rc) {
		rc = spend_read(&v, DATE_NONE, v.today, &spend, err);
	}
	if (!rc) {
		rc = effects_read(call, v.store, v.today, 0, &g, err);
	}
	if (!rc) {
		html_page_begin(sb, "Recovery", HTML_NAV_RECOVERY);
		add_massage(sb, call, &p);
		add_sessions(sb, call, &s);
		add_spend(sb, &spend.report, v.profile.budget_cents);
		add_effects(sb, call, &g);
		html_page_end(sb);
	}
	effects_log_release(&g);
	spend_release(&spend);
	planner_release(&p);
	sessions_release(&s);
	web_view_close(&v);
	return rc;
}
