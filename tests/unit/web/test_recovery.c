/*
 * test_recovery.c: GET /recovery, POST /book and the recovery side of
 * the API (recovery, spend, effects, massage) on the demo season.
 *
 * Booking: a suggestion's form books it (read back through the store,
 * with the suggestion's rule) and answers 303; afterwards the page and
 * the planner show it as booked. A day in the past, an unknown modality
 * or provider, or a missing anti-CSRF token store nothing. Each JSON
 * reply is checked against the serializer the command line uses.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "advice/context.h"
#include "advice/massage.h"
#include "analysis/effects.h"
#include "analysis/spend.h"
#include "base/date.h"
#include "base/xalloc.h"
#include "core/region.h"
#include "render/json_advice.h"
#include "render/json_body.h"
#include "render/json_recovery.h"
#include "store/store_appointment.h"
#include "store/store_athlete.h"
#include "store/store_body.h"
#include "store/store_race.h"
#include "store/store_recovery.h"
#include "webtest.h"

static int setup(void **state)
{
	*state = webtest_new(true);
	return 0;
}

static int teardown(void **state)
{
	webtest_free(*state);
	return 0;
}

static int32_t today(void)
{
	int32_t d;

	assert_true(date_parse_iso(WEBTEST_TODAY, &d));
	return d;
}

static json_t *get_json(struct webtest *t, const char *target)
{
	struct web_response resp;
	json_t *o;

	webtest_get(t, target, &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.content_type, "application/json");
	o = webtest_json(&resp);
	web_response_release(&resp);
	return o;
}

/* o (taken) as the API sends it: numbers to 10 significant digits. */
static json_t *as_sent(json_t *o)
{
	char *text = json_dumps(o, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	json_t *back = json_loads(text, 0, NULL);

	free(text);
	json_decref(o);
	assert_non_null(back);
	return back;
}

static void assert_same(json_t *a, json_t *b, const char *key)
{
	assert_non_null(json_object_get(a, key));
	assert_true(json_equal(json_object_get(a, key), json_object_get(b, key)));
}

/* Every appointment stored, from any day. */
static size_t appointments(struct webtest *t, struct appointment_list *out)
{
	struct store *s = webtest_store(t);
	struct err err = ERR_INIT;

	assert_int_equal(
	        store_appointment_list(s, ATHLETE_DEFAULT, DATE_NONE, DATE_NONE, out, &err),
	        ERR_OK);
	store_close(s);
	return out->n;
}

static size_t count_appointments(struct webtest *t)
{
	struct appointment_list list = APPOINTMENT_LIST_INIT;
	size_t n = appointments(t, &list);

	appointment_list_release(&list);
	return n;
}

static void test_page(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	const char *ul, *end;

	webtest_get(t, "/recovery", &resp);
	assert_int_equal(resp.status, 200);
	/* the suggestions, each with its rule, reason and source and a Book form */
	ul = strstr(resp.body.buf, "<ul id=\"massage-suggestions\">");
	assert_non_null(ul);
	end = strstr(ul, "</ul>");
	assert_non_null(end);
	assert_non_null(strstr(ul, "<form class=\"book\" method=\"post\" action=\"/book\">"));
	assert_true(strstr(ul, "<button>Book</button>") < end);
	assert_true(strstr(ul, "name=\"csrf\"") < end);
	assert_true(strstr(ul, "<code>maintenance-cadence</code> why: ") < end);
	assert_true(strstr(ul, "(source: ") < end);
	assert_true(webtest_has(&resp, "<ul id=\"massage-booked\">"));
	/* sessions with provider, cost and findings */
	assert_true(webtest_has(&resp, "<td>physiotherapy</td>"));
	assert_true(webtest_has(&resp, "<td>Stride Physiotherapy</td><td>$110.00</td>"));
	assert_true(webtest_has(&resp, "left hamstrings tender"));
	/* spend by month with the budget */
	assert_true(webtest_has(&resp, "id=\"spend-months\""));
	assert_true(webtest_has(&resp, "budget $150.00 a month"));
	assert_true(webtest_has(&resp, "<td>2026-11</td>"));
	/* what has helped, with its caveat */
	assert_true(webtest_has(&resp, "id=\"effects-table\""));
	assert_true(webtest_has(&resp, "not a trial"));
	web_response_release(&resp);
}

static void test_page_escapes(void **state)
{
	struct webtest *t = webtest_new(false);
	struct web_response resp;
	struct store *s = NULL;
	struct err err = ERR_INIT;
	struct recovery r;
	struct provider p;

	(void)state;
	assert_int_equal(store_open(t->db, STORE_WRITE, &s, &err), ERR_OK);
	assert_int_equal(store_athlete_ensure(s, ATHLETE_DEFAULT, &err), ERR_OK);
	assert_int_equal(store_regions_sync(s, &t->app.regions, &err), ERR_OK);
	provider_init(&p);
	p.athlete_id = ATHLETE_DEFAULT;
	p.name = xstrdup("<b>Rub & Co</b>");
	p.kind = PROVIDER_MASSAGE;
	assert_int_equal(store_provider_add(s, &p, &err), ERR_OK);
	recovery_init(&r);
	r.athlete_id = ATHLETE_DEFAULT;
	r.modality = MOD_MASSAGE_SPORTS;
	r.day = today() - 1;
	r.provider_id = p.id;
	recovery_add_region(&r, "calf", SIDE_LEFT);
	if (store_recovery_add(s, &r, &err)) {
		fail_msg("%s", err.msg);
	}
	recovery_release(&r);
	provider_release(&p);
	store_close(s);
	webtest_get(t, "/recovery", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "<td>sports massage</td><td>left calf</td>"));
	assert_true(webtest_has(&resp, "<td>&lt;b&gt;Rub &amp; Co&lt;/b&gt;</td>"));
	assert_false(webtest_has(&resp, "<b>Rub"));
	assert_true(webtest_has(&resp, "Nothing to suggest"));
	web_response_release(&resp);
	webtest_free(t);
}

/* The first suggestion of /api/v1/massage as a /book form. */
static json_t *first_suggestion(struct webtest *t, char *form, size_t size)
{
	json_t *o = get_json(t, "/api/v1/massage"), *it = NULL,
	       *sug = json_object_get(o, "suggestions");
	json_t *p;

	for (size_t i = 0; i < json_array_size(sug) && !it; i++) {
		if (!strcmp(json_string_value(json_object_get(json_array_get(sug, i), "status")),
		            "suggested")) {
			it = json_array_get(sug, i);
		}
	}
	assert_non_null(it);
	p = json_object_get(it, "provider");
	snprintf(form, size, "day=%s&modality=%s&provider=%lld",
	         json_string_value(json_object_get(it, "date")),
	         json_string_value(json_object_get(it, "modality")),
	         json_is_object(p) ? (long long)json_integer_value(json_object_get(p, "id")) : 0LL);
	if (!json_is_object(p)) {
		form[strlen(form) - 1] = '\0'; /* "provider=" for none */
	}
	json_incref(it);
	json_decref(o);
	return it;
}

static void test_book(void **state)
{
	struct webtest *t = webtest_new(true);
	struct appointment_list list = APPOINTMENT_LIST_INIT;
	struct web_response resp;
	char form[160];
	json_t *it = first_suggestion(t, form, sizeof(form)), *o, *sug;
	size_t before = count_appointments(t);
	int32_t day;
	bool found = false;

	(void)state;
	webtest_post(t, "/book", form, &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"), "/recovery#massage");
	web_response_release(&resp);

	/* stored as booked, from the suggestion: its rule and its line */
	assert_int_equal(appointments(t, &list), before + 1);
	assert_true(date_parse_iso(json_string_value(json_object_get(it, "date")), &day));
	for (size_t i = 0; i < list.n; i++) {
		const struct appointment *a = &list.items[i];

		if (a->day == day && !strcmp(modality_name(a->modality),
		                             json_string_value(json_object_get(it, "modality")))) {
			assert_int_equal(a->status, APPOINTMENT_BOOKED);
			assert_string_equal(a->rule,
			                    json_string_value(json_object_get(it, "rule")));
			assert_string_equal(a->note,
			                    json_string_value(json_object_get(it, "text")));
			found = true;
		}
	}
	assert_true(found);
	appointment_list_release(&list);

	/* the planner now counts it as booked, and the page lists it so */
	o = get_json(t, "/api/v1/massage");
	sug = json_object_get(o, "suggestions");
	found = false;
	for (size_t i = 0; i < json_array_size(sug); i++) {
		json_t *s = json_array_get(sug, i);

		if (json_equal(json_object_get(s, "date"), json_object_get(it, "date")) &&
		    !strcmp(json_string_value(json_object_get(s, "status")), "booked")) {
			found = true;
		}
	}
	assert_true(found);
	json_decref(o);
	webtest_get(t, "/recovery", &resp);
	assert_int_equal(resp.status, 200);
	assert_non_null(strstr(strstr(resp.body.buf, "<ul id=\"massage-booked\">"),
	                       "<li class=\"booked\">"));
	web_response_release(&resp);

	/* the same again is a conflict, and nothing more is stored */
	webtest_post(t, "/book", form, &resp);
	assert_int_equal(resp.status, 409);
	web_response_release(&resp);
	assert_int_equal(count_appointments(t), before + 1);
	json_decref(it);
	webtest_free(t);
}

static void test_book_refused(void **state)
{
	struct webtest *t = *state;
	struct web_response resp;
	struct web_request req;
	char form[160];
	json_t *it = first_suggestion(t, form, sizeof(form));
	size_t before = count_appointments(t);
	static const char *const bad[] = {
		"day=2026-11-20&modality=massage:deep&provider=",    /* past */
		"day=2026-12-01&modality=hot-stones&provider=",      /* no such modality */
		"day=2026-12-01&modality=massage:deep&provider=999", /* no such provider */
		"day=2026-12-01&modality=massage:deep&provider=x",   /* not an id */
		"day=soon&modality=massage:deep",                    /* not a day */
		"modality=massage:deep",                             /* no day */
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		webtest_post(t, "/book", bad[i], &resp);
		if (resp.status != 400) {
			fail_msg("%s: %d", bad[i], resp.status);
		}
		web_response_release(&resp);
	}
	assert_int_equal(count_appointments(t), before);

	/* a good form without the token: 403, nothing stored */
	web_request_init(&req);
	req.method = WEB_POST;
	web_request_set_path(&req, "/book");
	web_params_parse(&req.form, form, strlen(form));
	webtest_send(t, &req, &resp);
	assert_int_equal(resp.status, 403);
	web_response_release(&resp);
	web_request_release(&req);
	assert_int_equal(count_appointments(t), before);

	/* and GET is not a way to book */
	webtest_get(t, "/book", &resp);
	assert_int_equal(resp.status, 405);
	web_response_release(&resp);
	assert_int_equal(count_appointments(t), before);
	json_decref(it);
}

static void test_api_recovery(void **state)
{
	struct webtest *t = *state;
	struct store *s = webtest_store(t);
	struct recovery_list all = RECOVERY_LIST_INIT;
	struct provider_list providers = PROVIDER_LIST_INIT;
	struct err err = ERR_INIT;
	struct session_cost *costs;
	size_t *shown, n = 0;
	json_t *got, *want, *g, *w;

	assert_int_equal(store_recovery_list(s, ATHLETE_DEFAULT, DATE_NONE, DATE_NONE, &all, &err),
	                 ERR_OK);
	assert_int_equal(store_provider_list(s, ATHLETE_DEFAULT, &providers, &err), ERR_OK);
	costs = calloc(all.n + 1, sizeof(*costs));
	shown = calloc(all.n + 1, sizeof(*shown));
	spend_cost_sessions(&all, &providers, costs);
	for (size_t i = 0; i < all.n; i++) {
		if (all.items[i].day >= today() - 29) {
			shown[n++] = i;
		}
	}
	want = as_sent(render_json_session_list(&all, costs, shown, n));
	got = get_json(t, "/api/v1/recovery");
	g = json_object_get(got, "sessions");
	w = json_object_get(want, "sessions");
	assert_true(n > 10);
	assert_int_equal(json_array_size(g), n);
	assert_true(json_equal(g, w));
	json_decref(got);
	json_decref(want);
	free(costs);
	free(shown);
	provider_list_release(&providers);
	recovery_list_release(&all);
	store_close(s);

	got = get_json(t, "/api/v1/recovery?from=2026-11-23&to=2026-11-23");
	assert_int_equal(json_array_size(json_object_get(got, "sessions")), 2);
	json_decref(got);
}

static void test_api_spend(void **state)
{
	struct webtest *t = *state;
	struct store *s = webtest_store(t);
	struct recovery_list all = RECOVERY_LIST_INIT;
	struct provider_list providers = PROVIDER_LIST_INIT;
	struct spend_report r;
	struct err err = ERR_INIT;
	struct web_response resp;
	json_t *got, *want;

	assert_int_equal(store_recovery_list(s, ATHLETE_DEFAULT, DATE_NONE, today(), &all, &err),
	                 ERR_OK);
	assert_int_equal(store_provider_list(s, ATHLETE_DEFAULT, &providers, &err), ERR_OK);
	spend_report(&all, &providers, DATE_NONE, today(), "USD", &r);
	want = as_sent(render_json_spend(&r));
	got = get_json(t, "/api/v1/spend");
	assert_same(got, want, "total_cents");
	assert_same(got, want, "from");
	assert_same(got, want, "by_month");
	assert_same(got, want, "memberships");
	assert_int_equal(json_array_size(json_object_get(got, "memberships")), 1);
	json_decref(got);
	json_decref(want);
	spend_report_release(&r);
	provider_list_release(&providers);
	recovery_list_release(&all);
	store_close(s);

	webtest_get(t, "/api/v1/spend?from=2026-12-20", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
}

static void test_api_effects(void **state)
{
	struct webtest *t = *state;
	struct store *s = webtest_store(t);
	struct checkin_list checkins = CHECKIN_LIST_INIT;
	struct recovery_list sessions = RECOVERY_LIST_INIT;
	struct race_list races = RACE_LIST_INIT;
	struct effects_report r;
	struct err err = ERR_INIT;
	struct web_response resp;
	json_t *got, *want;

	assert_int_equal(
	        store_checkin_list(s, ATHLETE_DEFAULT, DATE_NONE, today(), &checkins, &err),
	        ERR_OK);
	assert_int_equal(
	        store_recovery_list(s, ATHLETE_DEFAULT, DATE_NONE, today(), &sessions, &err),
	        ERR_OK);
	assert_int_equal(store_race_list(s, ATHLETE_DEFAULT, DATE_NONE, today(), &races, &err),
	                 ERR_OK);
	effects_compute(&t->app.regions, &checkins, &sessions, &races, today(), 0, &r);
	want = as_sent(render_json_effects(&t->app.regions, &r, &races));
	got = get_json(t, "/api/v1/effects");
	assert_true(r.n_rows > 0);
	assert_same(got, want, "date");
	assert_same(got, want, "effects");
	assert_same(got, want, "races");
	json_decref(got);
	json_decref(want);
	effects_report_release(&r);
	race_list_release(&races);
	recovery_list_release(&sessions);
	checkin_list_release(&checkins);
	store_close(s);

	got = get_json(t, "/api/v1/effects?modality=massage");
	for (size_t i = 0; i < json_array_size(json_object_get(got, "effects")); i++) {
		const char *m = json_string_value(json_object_get(
		        json_array_get(json_object_get(got, "effects"), i), "modality"));

		assert_int_equal(strncmp(m, "massage:", 8), 0);
	}
	json_decref(got);
	webtest_get(t, "/api/v1/effects?modality=hot-stones", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
}

static void test_api_massage(void **state)
{
	struct webtest *t = *state;
	struct store *s = webtest_store(t);
	struct web_view v;
	struct advice_context ctx;
	struct appointment_list appts = APPOINTMENT_LIST_INIT;
	struct massage_plan plan;
	struct err err = ERR_INIT;
	struct web_response resp;
	json_t *got, *want;

	store_close(s);
	assert_int_equal(web_view_open(&t->app, STORE_READ, &v, &err), ERR_OK);
	assert_int_equal(advice_context_read(v.store, &v.profile, &t->app.rules, &t->app.regions,
	                                     today(), &ctx, &err),
	                 ERR_OK);
	assert_int_equal(store_appointment_list(v.store, ATHLETE_DEFAULT, today(),
	                                        today() + 7 * MASSAGE_DEFAULT_WEEKS - 1, &appts,
	                                        &err),
	                 ERR_OK);
	massage_plan_make(&ctx, &appts, MASSAGE_DEFAULT_WEEKS, &plan);
	want = as_sent(render_json_massage_plan(&plan, MASSAGE_DEFAULT_WEEKS, today(), NULL));
	got = get_json(t, "/api/v1/massage");
	assert_true(plan.n_items > 0);
	assert_same(got, want, "from");
	assert_same(got, want, "to");
	assert_same(got, want, "suggestions");
	assert_same(got, want, "months");
	assert_same(got, want, "booked");
	json_decref(got);
	json_decref(want);
	massage_plan_release(&plan);
	appointment_list_release(&appts);
	advice_context_release(&ctx);
	web_view_close(&v);

	got = get_json(t, "/api/v1/massage?weeks=2");
	assert_int_equal(json_integer_value(json_object_get(got, "weeks")), 2);
	json_decref(got);
	webtest_get(t, "/api/v1/massage?weeks=99", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page),         cmocka_unit_test(test_page_escapes),
		cmocka_unit_test(test_book),         cmocka_unit_test(test_book_refused),
		cmocka_unit_test(test_api_recovery), cmocka_unit_test(test_api_spend),
		cmocka_unit_test(test_api_effects),  cmocka_unit_test(test_api_massage),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
