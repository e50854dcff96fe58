/*
 * test_store_appointment.c: appointments (core/appointment.h) and their
 * table (store/store_appointment.h). Each test gets a fresh database in
 * its own temporary folder, with athletes 1 and 2.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/date.h"
#include "base/xalloc.h"
#include "core/appointment.h"
#include "fixture.h"
#include "store/store.h"
#include "store/store_appointment.h"
#include "store/store_recovery.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

static int64_t add_provider(struct store *s, int64_t athlete_id, const char *name)
{
	struct provider p;
	struct err err = ERR_INIT;
	int64_t id;

	provider_init(&p);
	p.athlete_id = athlete_id;
	p.name = xstrdup(name);
	p.kind = PROVIDER_MASSAGE;
	p.price_cents = 9000;
	memcpy(p.currency, "USD", 4);
	if (store_provider_add(s, &p, &err)) {
		fail_msg("adding provider: %s", err.msg);
	}
	id = p.id;
	provider_release(&p);
	return id;
}

/* A booked deep-tissue massage of athlete 1 on date with provider_id. */
static void fill(struct appointment *a, int32_t date, int64_t provider_id)
{
	appointment_init(a);
	a->athlete_id = 1;
	a->day = date;
	a->modality = MOD_MASSAGE_DEEP;
	a->provider_id = provider_id;
	a->cost_cents = provider_id ? 9000 : -1;
	if (provider_id) {
		memcpy(a->currency, "USD", 4);
	}
	a->status = APPOINTMENT_BOOKED;
	a->rule = xstrdup("massage-post-race");
	a->note = xstrdup("4 days after Phoenix Marathon");
}

static int64_t add(struct store *s, int32_t date, int64_t provider_id)
{
	struct appointment a;
	struct err err = ERR_INIT;
	int64_t id;

	fill(&a, date, provider_id);
	if (store_appointment_add(s, &a, &err)) {
		fail_msg("adding an appointment: %s", err.msg);
	}
	assert_true(a.id > 0);
	id = a.id;
	appointment_release(&a);
	return id;
}

/* ---- the record ---- */

static void validate_refuses_what_the_table_would(void **state)
{
	struct appointment a;
	struct err err = ERR_INIT;

	(void)state;
	fill(&a, day(2026, 11, 26), 1);
	assert_int_equal(appointment_validate(&a, &err), ERR_OK);
	a.day = DATE_NONE;
	assert_int_equal(appointment_validate(&a, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "day"));
	a.day = day(2026, 11, 26);
	a.currency[0] = '\0';
	assert_int_equal(appointment_validate(&a, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "currency"));
	memcpy(a.currency, "USD", 4);
	free(a.rule);
	a.rule = xstrdup("Massage Post Race");
	assert_int_equal(appointment_validate(&a, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "rule id"));
	free(a.rule);
	a.rule = NULL;
	a.recovery_id = 3;
	assert_int_equal(appointment_validate(&a, &err), ERR_INPUT);
	a.status = APPOINTMENT_DONE;
	assert_int_equal(appointment_validate(&a, &err), ERR_OK);
	a.cost_cents = -2;
	assert_int_equal(appointment_validate(&a, &err), ERR_INPUT);
	appointment_release(&a);
}

static void status_names_round_trip(void **state)
{
	enum appointment_status st;
	struct err err = ERR_INIT;

	(void)state;
	for (int i = 0; i < APPOINTMENT_STATUS_COUNT; i++) {
		assert_int_equal(
		        appointment_status_parse(
		                appointment_status_name((enum appointment_status)i), &st, &err),
		        ERR_OK);
		assert_int_equal(st, i);
	}
	assert_int_equal(appointment_status_parse("BOOKED", &st, &err), ERR_OK);
	assert_int_equal(st, APPOINTMENT_BOOKED);
	assert_int_equal(appointment_status_parse("maybe", &st, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "suggested, booked, done or cancelled"));
}

/* A session fulfils the open appointment of its day and modality, else
 * one given by the same kind of hands. */
static void a_session_fulfils_its_appointment(void **state)
{
	struct appointment_list list = APPOINTMENT_LIST_INIT;
	struct recovery r;
	struct appointment *a;

	(void)state;
	recovery_init(&r);
	r.day = day(2026, 11, 26);
	r.modality = MOD_MASSAGE_SPORTS;
	assert_int_equal(appointment_match_session(&list, &r), -1);
	a = appointment_list_push(&list);
	a->day = r.day;
	a->modality = MOD_ROLL;
	a->status = APPOINTMENT_BOOKED;
	assert_int_equal(appointment_match_session(&list, &r), -1);
	a = appointment_list_push(&list);
	a->day = r.day;
	a->modality = MOD_MASSAGE_DEEP;
	a->status = APPOINTMENT_BOOKED;
	assert_int_equal(appointment_match_session(&list, &r), 1);
	a = appointment_list_push(&list);
	a->day = r.day;
	a->modality = MOD_MASSAGE_SPORTS;
	a->status = APPOINTMENT_SUGGESTED;
	assert_int_equal(appointment_match_session(&list, &r), 2);
	list.items[2].status = APPOINTMENT_CANCELLED;
	list.items[1].day = r.day + 1;
	assert_int_equal(appointment_match_session(&list, &r), -1);
	appointment_list_release(&list);
	recovery_release(&r);
}

/* ---- the table ---- */

static void add_and_list_round_trip(void **state)
{
	struct fixture *fx = *state;
	struct appointment_list list = APPOINTMENT_LIST_INIT;
	struct appointment a;
	struct err err = ERR_INIT;
	int64_t studio = add_provider(fx->s, 1, "Knead Studio");
	int64_t id;

	add(fx->s, day(2026, 11, 30), 0);
	id = add(fx->s, day(2026, 11, 26), studio);
	appointment_init(&a);
	a.athlete_id = 1;
	a.day = day(2026, 11, 28);
	a.modality = MOD_MASSAGE_SWEDISH;
	a.start_utc = 1795000000;
	a.utc_offset_s = -18000;
	assert_int_equal(store_appointment_add(fx->s, &a, &err), ERR_OK);
	appointment_release(&a);
	add(fx->s, day(2026, 12, 20), 0);

	assert_int_equal(
	        store_appointment_list(fx->s, 1, day(2026, 11, 26), day(2026, 11, 30), &list, &err),
	        ERR_OK);
	assert_int_equal(list.n, 3);
	assert_int_equal(list.items[0].id, id);
	assert_int_equal(list.items[0].day, day(2026, 11, 26));
	assert_int_equal(list.items[0].modality, MOD_MASSAGE_DEEP);
	assert_int_equal(list.items[0].provider_id, studio);
	assert_string_equal(list.items[0].provider_name, "Knead Studio");
	assert_int_equal(list.items[0].cost_cents, 9000);
	assert_string_equal(list.items[0].currency, "USD");
	assert_int_equal(list.items[0].status, APPOINTMENT_BOOKED);
	assert_string_equal(list.items[0].rule, "massage-post-race");
	assert_string_equal(list.items[0].note, "4 days after Phoenix Marathon");
	assert_int_equal(list.items[0].start_utc, INT64_MIN);
	assert_int_equal(list.items[1].modality, MOD_MASSAGE_SWEDISH);
	assert_int_equal(list.items[1].status, APPOINTMENT_SUGGESTED);
	assert_int_equal(list.items[1].start_utc, 1795000000);
	assert_int_equal(list.items[1].utc_offset_s, -18000);
	assert_null(list.items[1].rule);
	assert_int_equal(list.items[1].cost_cents, -1);
	assert_null(list.items[2].provider_name);
	appointment_list_release(&list);

	/* open ends, and athlete 2 sees none */
	assert_int_equal(store_appointment_list(fx->s, 1, DATE_NONE, DATE_NONE, &list, &err),
	                 ERR_OK);
	assert_int_equal(list.n, 4);
	appointment_list_release(&list);
	assert_int_equal(store_appointment_list(fx->s, 2, DATE_NONE, DATE_NONE, &list, &err),
	                 ERR_OK);
	assert_int_equal(list.n, 0);
}

/* One open appointment of a kind a day; a cancelled one leaves room. */
static void one_open_appointment_of_a_kind_a_day(void **state)
{
	struct fixture *fx = *state;
	struct appointment a;
	struct err err = ERR_INIT;
	int64_t id = add(fx->s, day(2026, 11, 26), 0);

	fill(&a, day(2026, 11, 26), 0);
	assert_int_equal(store_appointment_add(fx->s, &a, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "already an open massage:deep appointment on 2026-11-26"));
	assert_int_equal(store_appointment_set_status(fx->s, 1, id, APPOINTMENT_CANCELLED, 0, &err),
	                 ERR_OK);
	assert_int_equal(store_appointment_add(fx->s, &a, &err), ERR_OK);
	/* the cancelled one cannot come back beside it */
	assert_int_equal(store_appointment_set_status(fx->s, 1, id, APPOINTMENT_BOOKED, 0, &err),
	                 ERR_CONFLICT);
	appointment_release(&a);
}

/* Another athlete's provider is refused; a refused appointment is not
 * kept. */
static void provider_must_be_the_athletes(void **state)
{
	struct fixture *fx = *state;
	struct appointment_list list = APPOINTMENT_LIST_INIT;
	struct appointment a;
	struct err err = ERR_INIT;
	int64_t theirs = add_provider(fx->s, 2, "Their Studio");

	fill(&a, day(2026, 11, 26), theirs);
	assert_int_equal(store_appointment_add(fx->s, &a, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "no provider"));
	a.provider_id = 0;
	a.day = DATE_NONE;
	assert_int_equal(store_appointment_add(fx->s, &a, &err), ERR_INPUT);
	appointment_release(&a);
	assert_int_equal(store_appointment_list(fx->s, 1, DATE_NONE, DATE_NONE, &list, &err),
	                 ERR_OK);
	assert_int_equal(list.n, 0);
}

/* Done links the session; deleting the session keeps the appointment
 * done without it; unknown ids are not found. */
static void done_links_the_session(void **state)
{
	struct fixture *fx = *state;
	struct appointment_list list = APPOINTMENT_LIST_INIT;
	struct recovery r;
	struct err err = ERR_INIT;
	int64_t id = add(fx->s, day(2026, 11, 26), 0);

	recovery_init(&r);
	r.athlete_id = 1;
	r.day = day(2026, 11, 26);
	r.modality = MOD_MASSAGE_DEEP;
	assert_int_equal(store_recovery_add(fx->s, &r, &err), ERR_OK);
	assert_int_equal(store_appointment_set_status(fx->s, 1, id, APPOINTMENT_BOOKED, r.id, &err),
	                 ERR_INPUT);
	assert_int_equal(store_appointment_set_status(fx->s, 2, id, APPOINTMENT_DONE, 0, &err),
	                 ERR_NOT_FOUND);
	assert_int_equal(store_appointment_set_status(fx->s, 1, id + 9, APPOINTMENT_DONE, 0, &err),
	                 ERR_NOT_FOUND);
	assert_non_null(strstr(err.msg, "no appointment"));
	assert_int_equal(store_appointment_set_status(fx->s, 1, id, APPOINTMENT_DONE, r.id, &err),
	                 ERR_OK);
	assert_int_equal(store_appointment_list(fx->s, 1, DATE_NONE, DATE_NONE, &list, &err),
	                 ERR_OK);
	assert_int_equal(list.items[0].status, APPOINTMENT_DONE);
	assert_int_equal(list.items[0].recovery_id, r.id);
	appointment_list_release(&list);
	recovery_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(validate_refuses_what_the_table_would),
		cmocka_unit_test(status_names_round_trip),
		cmocka_unit_test(a_session_fulfils_its_appointment),
		cmocka_unit_test_setup_teardown(add_and_list_round_trip, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(one_open_appointment_of_a_kind_a_day,
		                                fixture_setup_store, fixture_teardown),
		cmocka_unit_test_setup_teardown(provider_must_be_the_athletes, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(done_links_the_session, fixture_setup_store,
		                                fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
