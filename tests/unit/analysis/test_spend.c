/*
 * test_spend.c: costing recovery sessions and the spend report
 * (analysis/spend.h), on sessions and providers built here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/spend.h"
#include "base/date.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* Add provider id with a pay-per-visit price (-1 for none) in USD. */
static struct provider *add_provider(struct provider_list *l, int64_t id, const char *name,
                                     int64_t price)
{
	struct provider *p = provider_list_push(l);

	p->id = id;
	p->athlete_id = 1;
	p->name = strdup(name);
	p->price_cents = price;
	if (price >= 0) {
		memcpy(p->currency, "USD", 4);
	}
	return p;
}

static struct membership *add_membership(struct provider *p, int64_t fee, const char *currency,
                                         int sessions, int32_t since, int32_t until)
{
	struct membership *m = provider_add_membership(p);

	m->fee_cents = fee;
	memcpy(m->currency, currency, 4);
	m->sessions = sessions;
	m->since = since;
	m->until = until;
	return m;
}

/* Add a session; cost -1 for none typed. Sessions are added in day order,
 * ids counting up. */
static void add_session(struct recovery_list *l, int32_t d, enum modality mod, int64_t provider,
                        int64_t cost, const char *currency)
{
	struct recovery *r = recovery_list_push(l);

	r->id = (int64_t)l->n;
	r->athlete_id = 1;
	r->day = d;
	r->modality = mod;
	r->provider_id = provider;
	r->cost_cents = cost;
	if (currency) {
		memcpy(r->currency, currency, 4);
	}
}

static void check_cost(const struct session_cost *c, enum cost_basis basis, int64_t cash,
                       int64_t share, const char *currency)
{
	if (c->basis != basis || c->cash_cents != cash || c->share_cents != share ||
	    strcmp(c->currency, currency) != 0) {
		fail_msg("cost %s %lld/%lld '%s', expected %s %lld/%lld '%s'",
		         cost_basis_name(c->basis), (long long)c->cash_cents,
		         (long long)c->share_cents, c->currency, cost_basis_name(basis),
		         (long long)cash, (long long)share, currency);
	}
}

/* The scenario most tests share:
 * provider 1, Jo: 90 USD a visit, and from Jan 15 a membership of 70 USD a
 * month with one session included; provider 2, a clinic at 120 USD;
 * provider 3, a friend with no price.
 *   0 Jan 10 roll, self-care                  free
 *   1 Jan 20 deep massage, Jo                 membership (period Jan 15)
 *   2 Feb  1 deep massage, Jo                 price: the period's one is used
 *   3 Feb 16 deep massage, Jo                 membership (period Feb 15)
 *   4 Feb 20 physio, clinic                   price
 *   5 Mar  5 sports massage, Jo, 50 USD typed paid
 *   6 Mar 20 Epsom bath, 8 USD typed          paid
 *   7 Mar 21 deep massage, Jo, 40 EUR typed   paid, in another currency
 *   8 Mar 22 sports massage, the friend       free
 * No session in the period from Mar 15 (the typed ones are not included
 * ones) nor in April. */
static void scenario(struct recovery_list *s, struct provider_list *p)
{
	add_membership(add_provider(p, 1, "Jo", 9000), 7000, "USD", 1, day(2026, 1, 15), DATE_NONE);
	add_provider(p, 2, "Clinic", 12000);
	add_provider(p, 3, "Friend", -1);
	add_session(s, day(2026, 1, 10), MOD_ROLL, 0, -1, NULL);
	add_session(s, day(2026, 1, 20), MOD_MASSAGE_DEEP, 1, -1, NULL);
	add_session(s, day(2026, 2, 1), MOD_MASSAGE_DEEP, 1, -1, NULL);
	add_session(s, day(2026, 2, 16), MOD_MASSAGE_DEEP, 1, -1, NULL);
	add_session(s, day(2026, 2, 20), MOD_PHYSIO, 2, -1, NULL);
	add_session(s, day(2026, 3, 5), MOD_MASSAGE_SPORTS, 1, 5000, "USD");
	add_session(s, day(2026, 3, 20), MOD_BATH_EPSOM, 0, 800, "USD");
	add_session(s, day(2026, 3, 21), MOD_MASSAGE_DEEP, 1, 4000, "EUR");
	add_session(s, day(2026, 3, 22), MOD_MASSAGE_SPORTS, 3, -1, NULL);
}

static void test_cost_sessions(void **state)
{
	struct recovery_list s = RECOVERY_LIST_INIT;
	struct provider_list p = PROVIDER_LIST_INIT;
	struct session_cost c[9];

	(void)state;
	scenario(&s, &p);
	assert_int_equal(s.n, 9);
	memset(c, 0x5a, sizeof(c));
	spend_cost_sessions(&s, &p, c);

	check_cost(&c[0], COST_FREE, 0, 0, "");
	assert_int_equal(c[0].provider_id, 0);
	assert_false(c[0].beyond_included);

	check_cost(&c[1], COST_MEMBERSHIP, 0, 7000, "USD");
	assert_int_equal(c[1].provider_id, 1);
	assert_int_equal(c[1].period_use, 1);
	assert_int_equal(c[1].period_sessions, 1);
	assert_false(c[1].beyond_included);

	check_cost(&c[2], COST_PRICE, 9000, 9000, "USD");
	assert_true(c[2].beyond_included);
	assert_int_equal(c[2].provider_id, 1);

	check_cost(&c[3], COST_MEMBERSHIP, 0, 7000, "USD");
	assert_int_equal(c[3].period_use, 1);

	check_cost(&c[4], COST_PRICE, 12000, 12000, "USD");
	assert_false(c[4].beyond_included);
	assert_int_equal(c[4].provider_id, 2);

	check_cost(&c[5], COST_PAID, 5000, 5000, "USD");
	assert_false(c[5].beyond_included);
	check_cost(&c[6], COST_PAID, 800, 800, "USD");
	check_cost(&c[7], COST_PAID, 4000, 4000, "EUR");

	check_cost(&c[8], COST_FREE, 0, 0, "");
	assert_int_equal(c[8].provider_id, 3);

	recovery_list_release(&s);
	provider_list_release(&p);
}

/* Several included sessions share the fee; the one past them is paid, and
 * the count starts again with the next period. After the membership ends,
 * the price is the price, not a session beyond the included ones. */
static void test_cost_several_included(void **state)
{
	struct recovery_list s = RECOVERY_LIST_INIT;
	struct provider_list p = PROVIDER_LIST_INIT;
	struct session_cost c[7];

	(void)state;
	add_membership(add_provider(&p, 7, "Jo", 9000), 10000, "USD", 3, day(2026, 1, 31),
	               day(2026, 3, 30));
	add_session(&s, day(2026, 1, 31), MOD_MASSAGE_DEEP, 7, -1, NULL);
	add_session(&s, day(2026, 2, 10), MOD_MASSAGE_DEEP, 7, -1, NULL);
	add_session(&s, day(2026, 2, 27), MOD_MASSAGE_DEEP, 7, -1, NULL);
	add_session(&s, day(2026, 2, 27), MOD_MASSAGE_ART, 7, -1, NULL);
	add_session(&s, day(2026, 2, 28), MOD_MASSAGE_DEEP, 7, -1, NULL); /* next period */
	add_session(&s, day(2026, 3, 31), MOD_MASSAGE_DEEP, 7, -1, NULL); /* ended */
	add_session(&s, day(2026, 4, 1), MOD_MASSAGE_DEEP, 7, -1, NULL);
	spend_cost_sessions(&s, &p, c);

	for (int i = 0; i < 3; i++) {
		check_cost(&c[i], COST_MEMBERSHIP, 0, 3333, "USD");
		assert_int_equal(c[i].period_use, i + 1);
		assert_int_equal(c[i].period_sessions, 3);
	}
	check_cost(&c[3], COST_PRICE, 9000, 9000, "USD");
	assert_true(c[3].beyond_included);
	check_cost(&c[4], COST_MEMBERSHIP, 0, 3333, "USD");
	assert_int_equal(c[4].period_use, 1);
	check_cost(&c[5], COST_PRICE, 9000, 9000, "USD");
	assert_false(c[5].beyond_included);
	check_cost(&c[6], COST_PRICE, 9000, 9000, "USD");
	assert_false(c[6].beyond_included);

	recovery_list_release(&s);
	provider_list_release(&p);
}

/* Past the included sessions with a provider without a price: nothing to
 * charge, so free. */
static void test_cost_beyond_without_price(void **state)
{
	struct recovery_list s = RECOVERY_LIST_INIT;
	struct provider_list p = PROVIDER_LIST_INIT;
	struct session_cost c[2];

	(void)state;
	add_membership(add_provider(&p, 4, "Gym", -1), 5000, "USD", 1, day(2026, 1, 1), DATE_NONE);
	add_session(&s, day(2026, 1, 2), MOD_STRETCH, 4, -1, NULL);
	add_session(&s, day(2026, 1, 3), MOD_STRETCH, 4, -1, NULL);
	spend_cost_sessions(&s, &p, c);
	check_cost(&c[0], COST_MEMBERSHIP, 0, 5000, "USD");
	check_cost(&c[1], COST_FREE, 0, 0, "");
	assert_false(c[1].beyond_included);
	recovery_list_release(&s);
	provider_list_release(&p);
}

static void check_month(const struct spend_month *m, int32_t start, int64_t cents, int sessions)
{
	char a[DATE_ISO_LEN];

	date_format(m->start, a);
	if (m->start != start || m->cents != cents || m->sessions != sessions) {
		fail_msg("month %s: %lld cents, %d sessions; expected %lld, %d", a,
		         (long long)m->cents, m->sessions, (long long)cents, sessions);
	}
}

static void check_modality(const struct spend_modality *m, enum modality mod, int sessions,
                           int costed, int64_t cash, int64_t share)
{
	if (m->modality != mod || m->sessions != sessions || m->costed != costed ||
	    m->cash_cents != cash || m->share_cents != share) {
		fail_msg("%s: %d sessions, %d costed, %lld cash, %lld share; expected %s: %d, "
		         "%d, %lld, %lld",
		         modality_name(m->modality), m->sessions, m->costed,
		         (long long)m->cash_cents, (long long)m->share_cents, modality_name(mod),
		         sessions, costed, (long long)cash, (long long)share);
	}
}

static void test_report_everything(void **state)
{
	struct recovery_list s = RECOVERY_LIST_INIT;
	struct provider_list p = PROVIDER_LIST_INIT;
	struct spend_report r;
	const struct spend_membership *m;

	(void)state;
	scenario(&s, &p);
	spend_report(&s, &p, DATE_NONE, day(2026, 4, 30), "USD", &r);

	assert_string_equal(r.currency, "USD");
	assert_int_equal(r.from, day(2026, 1, 10)); /* the first record */
	assert_int_equal(r.to, day(2026, 4, 30));

	/* fees in the month each period starts: Jan 15, Feb 15, Mar 15 and the
	 * unused Apr 15 */
	assert_int_equal(r.n_months, 4);
	check_month(&r.months[0], day(2026, 1, 1), 7000 + 0, 2);
	check_month(&r.months[1], day(2026, 2, 1), 7000 + 9000 + 0 + 12000, 3);
	check_month(&r.months[2], day(2026, 3, 1), 7000 + 5000 + 800, 3);
	check_month(&r.months[3], day(2026, 4, 1), 7000, 0);

	assert_int_equal(r.sessions, 8);
	assert_int_equal(r.costed, 6);
	assert_int_equal(r.other_currency, 1);
	assert_int_equal(r.session_cents, 9000 + 12000 + 5000 + 800);
	assert_int_equal(r.fee_cents, 4 * 7000);
	assert_int_equal(r.total_cents, r.session_cents + r.fee_cents);
	assert_int_equal(r.total_cents, 54800);
	assert_int_equal(r.per_session_cents, 54800 / 6);

	/* most spent first; free self-care last */
	assert_int_equal(r.n_modalities, 5);
	check_modality(&r.modalities[0], MOD_MASSAGE_DEEP, 3, 3, 9000, 7000 + 9000 + 7000);
	check_modality(&r.modalities[1], MOD_PHYSIO, 1, 1, 12000, 12000);
	check_modality(&r.modalities[2], MOD_MASSAGE_SPORTS, 2, 1, 5000, 5000);
	check_modality(&r.modalities[3], MOD_BATH_EPSOM, 1, 1, 800, 800);
	check_modality(&r.modalities[4], MOD_ROLL, 1, 0, 0, 0);

	assert_int_equal(r.n_memberships, 1);
	m = &r.memberships[0];
	assert_ptr_equal(m->provider, &p.items[0]);
	assert_ptr_equal(m->m, &p.items[0].memberships[0]);
	assert_int_equal(m->periods, 4);
	assert_int_equal(m->fees_cents, 28000);
	assert_int_equal(m->used, 2);
	assert_int_equal(m->extra, 1);
	assert_int_equal(m->pay_per_visit_cents, 2 * 9000);
	assert_int_equal(m->saved_cents, 18000 - 28000); /* not paid off */

	spend_report_release(&r);
	assert_null(r.months);
	assert_null(r.modalities);
	assert_null(r.memberships);
	recovery_list_release(&s);
	provider_list_release(&p);
}

/* A range leaves out the sessions and fees before it, but still costs the
 * sessions in it knowing those before (Feb 16 is the period's first). */
static void test_report_range(void **state)
{
	struct recovery_list s = RECOVERY_LIST_INIT;
	struct provider_list p = PROVIDER_LIST_INIT;
	struct spend_report r;
	const struct spend_membership *m;

	(void)state;
	scenario(&s, &p);
	spend_report(&s, &p, day(2026, 2, 15), day(2026, 3, 31), "USD", &r);

	assert_int_equal(r.from, day(2026, 2, 15));
	assert_int_equal(r.n_months, 2);
	check_month(&r.months[0], day(2026, 2, 1), 7000 + 0 + 12000, 2);
	check_month(&r.months[1], day(2026, 3, 1), 7000 + 5000 + 800, 3);
	assert_int_equal(r.sessions, 5);
	assert_int_equal(r.costed, 4);
	assert_int_equal(r.other_currency, 1);
	assert_int_equal(r.session_cents, 12000 + 5000 + 800);
	assert_int_equal(r.fee_cents, 2 * 7000);
	assert_int_equal(r.total_cents, 31800);
	assert_int_equal(r.per_session_cents, 31800 / 4);

	assert_int_equal(r.n_modalities, 4);
	check_modality(&r.modalities[0], MOD_PHYSIO, 1, 1, 12000, 12000);
	check_modality(&r.modalities[1], MOD_MASSAGE_DEEP, 1, 1, 0, 7000);

	assert_int_equal(r.n_memberships, 1);
	m = &r.memberships[0];
	assert_int_equal(m->periods, 2);
	assert_int_equal(m->fees_cents, 14000);
	assert_int_equal(m->used, 1);
	assert_int_equal(m->extra, 0);
	assert_int_equal(m->pay_per_visit_cents, 9000);
	assert_int_equal(m->saved_cents, -5000);
	spend_report_release(&r);

	/* a range with nothing in it */
	spend_report(&s, &p, day(2025, 6, 1), day(2025, 7, 15), "USD", &r);
	assert_int_equal(r.n_months, 2);
	check_month(&r.months[0], day(2025, 6, 1), 0, 0);
	check_month(&r.months[1], day(2025, 7, 1), 0, 0);
	assert_int_equal(r.sessions, 0);
	assert_int_equal(r.costed, 0);
	assert_int_equal(r.total_cents, 0);
	assert_int_equal(r.per_session_cents, -1);
	assert_int_equal(r.n_modalities, 0);
	assert_int_equal(r.n_memberships, 0);
	spend_report_release(&r);

	recovery_list_release(&s);
	provider_list_release(&p);
}

/* A membership whose included visits would have cost more than its fee
 * paid off. */
static void test_report_paid_off(void **state)
{
	struct recovery_list s = RECOVERY_LIST_INIT;
	struct provider_list p = PROVIDER_LIST_INIT;
	struct spend_report r;
	const struct spend_membership *m;

	(void)state;
	add_membership(add_provider(&p, 1, "Jo", 9000), 10000, "USD", 4, day(2026, 5, 1),
	               day(2026, 5, 31));
	for (int d = 1; d <= 5; d++) {
		add_session(&s, day(2026, 5, d * 5), MOD_MASSAGE_SPORTS, 1, -1, NULL);
	}
	spend_report(&s, &p, DATE_NONE, day(2026, 6, 30), "USD", &r);

	assert_int_equal(r.from, day(2026, 5, 1));
	assert_int_equal(r.n_months, 2);
	check_month(&r.months[0], day(2026, 5, 1), 10000 + 9000, 5);
	check_month(&r.months[1], day(2026, 6, 1), 0, 0); /* ended: no fee */
	assert_int_equal(r.n_memberships, 1);
	m = &r.memberships[0];
	assert_int_equal(m->periods, 1);
	assert_int_equal(m->fees_cents, 10000);
	assert_int_equal(m->used, 4);
	assert_int_equal(m->extra, 1);
	assert_int_equal(m->pay_per_visit_cents, 36000);
	assert_int_equal(m->saved_cents, 26000);
	assert_int_equal(r.sessions, 5);
	assert_int_equal(r.costed, 5);
	assert_int_equal(r.session_cents, 9000);
	assert_int_equal(r.total_cents, 19000);
	assert_int_equal(r.per_session_cents, 3800);
	assert_int_equal(r.n_modalities, 1);
	check_modality(&r.modalities[0], MOD_MASSAGE_SPORTS, 5, 5, 9000, 4 * 2500 + 9000);
	spend_report_release(&r);

	/* without a price there is no pay-per-visit to compare with */
	p.items[0].price_cents = -1;
	p.items[0].currency[0] = '\0';
	spend_report(&s, &p, DATE_NONE, day(2026, 6, 30), "USD", &r);
	assert_int_equal(r.n_memberships, 1);
	assert_int_equal(r.memberships[0].pay_per_visit_cents, -1);
	assert_int_equal(r.memberships[0].used, 4);
	assert_int_equal(r.session_cents, 0);
	assert_int_equal(r.costed, 4);
	assert_int_equal(r.sessions, 5);
	spend_report_release(&r);

	recovery_list_release(&s);
	provider_list_release(&p);
}

/* Money in another currency is counted aside, never added in. */
static void test_report_other_currency(void **state)
{
	struct recovery_list s = RECOVERY_LIST_INIT;
	struct provider_list p = PROVIDER_LIST_INIT;
	struct spend_report r;

	(void)state;
	add_membership(add_provider(&p, 1, "Berlin", -1), 4000, "EUR", 1, day(2026, 3, 1),
	               DATE_NONE);
	add_session(&s, day(2026, 3, 2), MOD_MASSAGE_DEEP, 1, -1, NULL);
	add_session(&s, day(2026, 3, 3), MOD_ICE, 0, 500, "USD");
	spend_report(&s, &p, DATE_NONE, day(2026, 3, 31), "USD", &r);
	assert_true(r.other_currency >= 2); /* the fee and the included session */
	assert_int_equal(r.n_memberships, 0);
	assert_int_equal(r.fee_cents, 0);
	assert_int_equal(r.sessions, 1);
	assert_int_equal(r.session_cents, 500);
	assert_int_equal(r.total_cents, 500);
	assert_int_equal(r.n_months, 1);
	check_month(&r.months[0], day(2026, 3, 1), 500, 1);
	spend_report_release(&r);

	/* and the other way round */
	spend_report(&s, &p, DATE_NONE, day(2026, 3, 31), "EUR", &r);
	assert_string_equal(r.currency, "EUR");
	assert_int_equal(r.other_currency, 1);
	assert_int_equal(r.fee_cents, 4000);
	assert_int_equal(r.session_cents, 0);
	assert_int_equal(r.total_cents, 4000);
	assert_int_equal(r.sessions, 1);
	assert_int_equal(r.n_memberships, 1);
	assert_int_equal(r.memberships[0].used, 1);
	assert_int_equal(r.memberships[0].pay_per_visit_cents, -1);
	spend_report_release(&r);

	recovery_list_release(&s);
	provider_list_release(&p);
}

static void test_empty(void **state)
{
	struct recovery_list s = RECOVERY_LIST_INIT;
	struct provider_list p = PROVIDER_LIST_INIT;
	struct spend_report r;

	(void)state;
	spend_report(&s, &p, DATE_NONE, day(2026, 3, 31), "USD", &r);
	assert_int_equal(r.from, day(2026, 3, 31));
	assert_int_equal(r.n_months, 1);
	assert_int_equal(r.sessions, 0);
	assert_int_equal(r.total_cents, 0);
	assert_int_equal(r.per_session_cents, -1);
	assert_int_equal(r.other_currency, 0);
	spend_report_release(&r);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(cost_basis_name(COST_FREE), "free");
	assert_string_equal(cost_basis_name(COST_PAID), "paid");
	assert_string_equal(cost_basis_name(COST_PRICE), "price");
	assert_string_equal(cost_basis_name(COST_MEMBERSHIP), "membership");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cost_sessions),
		cmocka_unit_test(test_cost_several_included),
		cmocka_unit_test(test_cost_beyond_without_price),
		cmocka_unit_test(test_report_everything),
		cmocka_unit_test(test_report_range),
		cmocka_unit_test(test_report_paid_off),
		cmocka_unit_test(test_report_other_currency),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
