/*
 * test_store_recovery.c: recovery sessions, providers and memberships in
 * the store (store/store_recovery.h). Each test gets a fresh database in
 * its own temporary folder, with athletes 1 and 2 and the regions of a
 * small catalogue.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "base/date.h"
#include "core/recovery.h"
#include "core/region.h"
#include "fixture.h"
#include "store/store.h"
#include "store/store_body.h"
#include "store/store_recovery.h"

static const char catalogue[] = "[thigh]\nname = thigh\nsided = yes\n"
                                "[hamstrings]\nname = hamstrings\nparent = thigh\nsided = yes\n"
                                "[calf]\nname = calf\nsided = yes\n"
                                "[lower-back]\nname = lower back\nsided = no\n";

static int setup(void **state)
{
	struct region_catalog cat = REGION_CATALOG_INIT;
	struct err err = ERR_INIT;
	struct fixture *f;

	if (fixture_setup_store(state)) {
		return -1;
	}
	f = *state;
	if (region_catalog_parse(&cat, catalogue, "test.ini", &err) ||
	    store_regions_sync(f->s, &cat, &err)) {
		fprintf(stderr, "setup: %s\n", err.msg);
		region_catalog_release(&cat);
		fixture_teardown(state);
		return -1;
	}
	region_catalog_release(&cat);
	return 0;
}

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* ---------------------------------------------------------------- providers */

/* A massage provider of athlete_id with a price in USD cents (-1: none). */
static void init_provider(struct provider *p, int64_t athlete_id, const char *name, int64_t price)
{
	provider_init(p);
	p->athlete_id = athlete_id;
	p->name = strdup(name);
	p->kind = PROVIDER_MASSAGE;
	p->price_cents = price;
	if (price >= 0) {
		memcpy(p->currency, "USD", 4);
	}
}

static struct membership *add_membership(struct provider *p, int64_t fee, int sessions,
                                         int32_t since, int32_t until)
{
	struct membership *m = provider_add_membership(p);

	m->fee_cents = fee;
	memcpy(m->currency, "USD", 4);
	m->sessions = sessions;
	m->since = since;
	m->until = until;
	return m;
}

static int64_t add_provider(struct store *s, int64_t athlete_id, const char *name)
{
	struct provider p;
	struct err err = ERR_INIT;
	int64_t id;

	init_provider(&p, athlete_id, name, 9000);
	if (store_provider_add(s, &p, &err) != ERR_OK) {
		fail_msg("adding provider '%s': %s", name, err.msg);
	}
	assert_true(p.id > 0);
	id = p.id;
	provider_release(&p);
	return id;
}

static void find_ok(struct store *s, int64_t athlete_id, const char *key, int64_t want)
{
	struct provider p;
	struct err err = ERR_INIT;

	if (store_provider_find(s, athlete_id, key, &p, &err) != ERR_OK) {
		fail_msg("finding '%s': %s", key, err.msg);
	}
	if (p.id != want) {
		fail_msg("'%s' found provider %lld ('%s'), expected %lld", key, (long long)p.id,
		         p.name, (long long)want);
	}
	provider_release(&p);
}

static void find_fails(struct store *s, int64_t athlete_id, const char *key, enum err_code code,
                       const char *word1, const char *word2)
{
	struct provider p;
	struct err err = ERR_INIT;
	enum err_code rc = store_provider_find(s, athlete_id, key, &p, &err);

	if (rc != code) {
		fail_msg("finding '%s' gave %d ('%s'), expected %d", key, (int)rc, err.msg,
		         (int)code);
	}
	assert_null(p.name);
	assert_int_equal(p.id, 0);
	provider_release(&p);
	if ((word1 && !strstr(err.msg, word1)) || (word2 && !strstr(err.msg, word2))) {
		fail_msg("message \"%s\" lacks '%s' or '%s'", err.msg, word1, word2 ? word2 : "");
	}
}

static void list_providers(struct store *s, int64_t athlete_id, struct provider_list *out)
{
	struct err err = ERR_INIT;

	if (store_provider_list(s, athlete_id, out, &err) != ERR_OK) {
		fail_msg("listing providers: %s", err.msg);
	}
}

static void test_provider_add_list(void **state)
{
	struct fixture *f = *state;
	struct provider_list l = PROVIDER_LIST_INIT;
	struct provider p;
	struct err err = ERR_INIT;
	const struct provider *jo;
	int64_t jo_id, clinic_id;

	init_provider(&p, 1, "Jo's Massage", 9000);
	p.note = strdup("Tuesdays");
	add_membership(&p, 7000, 1, day(2026, 1, 31), day(2026, 3, 30));
	add_membership(&p, 8000, 2, day(2026, 3, 31), DATE_NONE);
	assert_int_equal(store_provider_add(f->s, &p, &err), ERR_OK);
	jo_id = p.id;
	assert_true(jo_id > 0);
	for (size_t i = 0; i < p.n_memberships; i++) {
		assert_true(p.memberships[i].id > 0);
		assert_int_equal(p.memberships[i].provider_id, jo_id);
	}
	assert_int_not_equal(p.memberships[0].id, p.memberships[1].id);
	provider_release(&p);

	init_provider(&p, 1, "city physio", -1);
	p.kind = PROVIDER_PHYSIO;
	assert_int_equal(store_provider_add(f->s, &p, &err), ERR_OK);
	clinic_id = p.id;
	provider_release(&p);

	/* by name, in any letter case */
	list_providers(f->s, 1, &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.items[0].id, clinic_id);
	assert_string_equal(l.items[0].name, "city physio");
	assert_int_equal(l.items[0].kind, PROVIDER_PHYSIO);
	assert_int_equal(l.items[0].price_cents, -1);
	assert_string_equal(l.items[0].currency, "");
	assert_int_equal(l.items[0].n_memberships, 0);
	jo = &l.items[1];
	assert_int_equal(jo->id, jo_id);
	assert_int_equal(jo->athlete_id, 1);
	assert_string_equal(jo->name, "Jo's Massage");
	assert_int_equal(jo->kind, PROVIDER_MASSAGE);
	assert_int_equal(jo->price_cents, 9000);
	assert_string_equal(jo->currency, "USD");
	assert_string_equal(jo->note, "Tuesdays");
	assert_int_equal(jo->n_memberships, 2);
	assert_int_equal(jo->memberships[0].fee_cents, 7000);
	assert_string_equal(jo->memberships[0].currency, "USD");
	assert_int_equal(jo->memberships[0].sessions, 1);
	assert_int_equal(jo->memberships[0].since, day(2026, 1, 31));
	assert_int_equal(jo->memberships[0].until, day(2026, 3, 30));
	assert_int_equal(jo->memberships[0].provider_id, jo_id);
	assert_int_equal(jo->memberships[1].fee_cents, 8000);
	assert_int_equal(jo->memberships[1].sessions, 2);
	assert_int_equal(jo->memberships[1].since, day(2026, 3, 31));
	assert_int_equal(jo->memberships[1].until, DATE_NONE);
	assert_ptr_equal(provider_membership_on(jo, day(2026, 4, 1)), &jo->memberships[1]);
	provider_list_release(&l);

	/* a name already used, in another letter case */
	init_provider(&p, 1, "JO'S MASSAGE", 5000);
	err_clear(&err);
	assert_int_equal(store_provider_add(f->s, &p, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "JO'S MASSAGE"));
	provider_release(&p);
	list_providers(f->s, 1, &l);
	assert_int_equal(l.n, 2);
	provider_list_release(&l);

	/* ... but another athlete may use it */
	add_provider(f->s, 2, "Jo's Massage");
	list_providers(f->s, 2, &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].n_memberships, 0);
	provider_list_release(&l);
}

static void test_provider_find(void **state)
{
	struct fixture *f = *state;
	struct provider p;
	struct err err = ERR_INIT;
	char key[32];
	int64_t jo, joanna, clinic, other;

	find_fails(f->s, 1, "Jo", ERR_NOT_FOUND, "'Jo'", "provider add");
	jo = add_provider(f->s, 1, "Jo");
	joanna = add_provider(f->s, 1, "Joanna Smith");
	clinic = add_provider(f->s, 1, "Riverside Clinic");
	other = add_provider(f->s, 2, "Athlete Two's");

	snprintf(key, sizeof(key), "%lld", (long long)clinic);
	find_ok(f->s, 1, key, clinic);
	find_ok(f->s, 1, "Jo", jo); /* exact beats being a prefix of Joanna */
	find_ok(f->s, 1, "jo", jo);
	find_ok(f->s, 1, "joanna smith", joanna);
	find_ok(f->s, 1, "Joa", joanna);
	find_ok(f->s, 1, "river", clinic);

	/* the full provider, memberships included */
	assert_int_equal(store_provider_find(f->s, 1, "Riverside", &p, &err), ERR_OK);
	assert_string_equal(p.name, "Riverside Clinic");
	assert_int_equal(p.price_cents, 9000);
	assert_string_equal(p.currency, "USD");
	provider_release(&p);

	find_fails(f->s, 1, "J", ERR_INPUT, "'Jo'", "'Joanna Smith'");
	find_fails(f->s, 1, "Bob", ERR_NOT_FOUND, "'Bob'", "'Riverside Clinic'");
	find_fails(f->s, 1, "", ERR_NOT_FOUND, "''", NULL);

	/* another athlete's provider is not found, by id or name */
	snprintf(key, sizeof(key), "%lld", (long long)other);
	find_fails(f->s, 1, key, ERR_NOT_FOUND, key, NULL);
	find_fails(f->s, 1, "Athlete", ERR_NOT_FOUND, "'Athlete'", NULL);
	snprintf(key, sizeof(key), "%lld", (long long)jo);
	find_fails(f->s, 2, key, ERR_NOT_FOUND, key, NULL);
	find_ok(f->s, 2, "athlete", other);
}

static void test_provider_update(void **state)
{
	struct fixture *f = *state;
	struct provider_list l = PROVIDER_LIST_INIT;
	struct provider p;
	struct err err = ERR_INIT;
	int64_t id;

	add_provider(f->s, 1, "Clinic");
	init_provider(&p, 1, "Jo", 9000);
	add_membership(&p, 7000, 1, day(2026, 1, 1), DATE_NONE);
	assert_int_equal(store_provider_add(f->s, &p, &err), ERR_OK);
	id = p.id;

	/* end the first membership and start a dearer one */
	p.memberships[0].until = day(2026, 5, 31);
	add_membership(&p, 9500, 2, day(2026, 6, 1), DATE_NONE);
	p.price_cents = 9500;
	p.kind = PROVIDER_CLINIC;
	free(p.name);
	p.name = strdup("Jo Bloggs");
	assert_int_equal(store_provider_update(f->s, &p, &err), ERR_OK);
	assert_true(p.memberships[0].id > 0);
	assert_true(p.memberships[1].id > 0);
	provider_release(&p);

	assert_int_equal(store_provider_find(f->s, 1, "Jo Bloggs", &p, &err), ERR_OK);
	assert_int_equal(p.id, id);
	assert_int_equal(p.kind, PROVIDER_CLINIC);
	assert_int_equal(p.price_cents, 9500);
	assert_int_equal(p.n_memberships, 2); /* replaced, not added to */
	assert_int_equal(p.memberships[0].until, day(2026, 5, 31));
	assert_int_equal(p.memberships[1].fee_cents, 9500);
	assert_int_equal(p.memberships[1].sessions, 2);
	assert_int_equal(p.memberships[1].since, day(2026, 6, 1));

	/* no memberships now: all gone */
	free(p.memberships);
	p.memberships = NULL;
	p.n_memberships = 0;
	assert_int_equal(store_provider_update(f->s, &p, &err), ERR_OK);
	provider_release(&p);
	list_providers(f->s, 1, &l);
	assert_int_equal(l.n, 2);
	for (size_t i = 0; i < l.n; i++) {
		assert_int_equal(l.items[i].n_memberships, 0);
	}
	provider_list_release(&l);

	/* renaming onto another provider's name */
	assert_int_equal(store_provider_find(f->s, 1, "Jo Bloggs", &p, &err), ERR_OK);
	free(p.name);
	p.name = strdup("clinic");
	err_clear(&err);
	assert_int_equal(store_provider_update(f->s, &p, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "'clinic'"));

	/* unknown, or another athlete's */
	p.id = 999;
	assert_int_equal(store_provider_update(f->s, &p, &err), ERR_NOT_FOUND);
	p.id = id;
	p.athlete_id = 2;
	free(p.name);
	p.name = strdup("Stolen");
	assert_int_equal(store_provider_update(f->s, &p, &err), ERR_NOT_FOUND);
	provider_release(&p);
	find_ok(f->s, 1, "Jo Bloggs", id);
}

/* ---------------------------------------------------------------- sessions */

static void init_session(struct recovery *r, int64_t athlete_id, int32_t d, enum modality m)
{
	recovery_init(r);
	r->athlete_id = athlete_id;
	r->day = d;
	r->modality = m;
}

static int64_t add_session(struct store *s, struct recovery *r)
{
	struct err err = ERR_INIT;
	int64_t id;

	if (store_recovery_add(s, r, &err) != ERR_OK) {
		fail_msg("adding a session: %s", err.msg);
	}
	assert_true(r->id > 0);
	id = r->id;
	recovery_release(r);
	return id;
}

/* A foam-rolling session on day d that worked region (both sides). */
static int64_t add_simple(struct store *s, int64_t athlete_id, int32_t d, const char *region)
{
	struct recovery r;

	init_session(&r, athlete_id, d, MOD_ROLL);
	recovery_add_region(&r, region, SIDE_BOTH);
	return add_session(s, &r);
}

static void list_sessions(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                          struct recovery_list *out)
{
	struct err err = ERR_INIT;

	if (store_recovery_list(s, athlete_id, from, to, out, &err) != ERR_OK) {
		fail_msg("listing sessions: %s", err.msg);
	}
}

static void check_region(const struct recovery_region *rr, const char *code, enum side side,
                         enum finding finding, int severity)
{
	assert_string_equal(rr->region, code);
	assert_int_equal(rr->side, side);
	assert_int_equal(rr->finding, finding);
	assert_int_equal(rr->severity, severity);
}

static void test_session_round_trip(void **state)
{
	struct fixture *f = *state;
	struct recovery_list l = RECOVERY_LIST_INIT;
	struct recovery r;
	struct recovery_region *rr;
	const struct recovery *got;
	int32_t d = day(2026, 3, 2);
	int64_t jo, massage, roll;

	jo = add_provider(f->s, 1, "Jo's Massage");
	init_session(&r, 1, d, MOD_MASSAGE_DEEP);
	r.provider_id = jo;
	r.duration_s = 3600;
	r.pain = 6;
	r.relief = 8;
	r.start_utc = 1772460000;
	r.utc_offset_s = -5 * 3600;
	r.note = strdup("worked the left side hard");
	rr = recovery_add_region(&r, "hamstrings", SIDE_LEFT);
	rr->finding = FINDING_TIGHT;
	rr->severity = 3;
	recovery_add_region(&r, "hamstrings", SIDE_RIGHT);
	rr = recovery_add_region(&r, "calf", SIDE_LEFT);
	rr->finding = FINDING_KNOT;
	rr->severity = 2;
	rr = recovery_add_region(&r, "lower-back", SIDE_NONE);
	rr->finding = FINDING_FINE;
	rr->severity = 1;
	massage = add_session(f->s, &r);

	/* a day earlier, self-care with a cost and nothing else */
	init_session(&r, 1, d - 1, MOD_BATH_EPSOM);
	r.cost_cents = 800;
	memcpy(r.currency, "USD", 4);
	roll = add_session(f->s, &r);

	list_sessions(f->s, 1, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n, 2);

	got = &l.items[0];
	assert_int_equal(got->id, roll);
	assert_int_equal(got->athlete_id, 1);
	assert_int_equal(got->modality, MOD_BATH_EPSOM);
	assert_int_equal(got->day, d - 1);
	assert_int_equal(got->start_utc, INT64_MIN);
	assert_true(isnan(got->duration_s));
	assert_int_equal(got->provider_id, 0);
	assert_null(got->provider_name);
	assert_int_equal(got->cost_cents, 800);
	assert_string_equal(got->currency, "USD");
	assert_int_equal(got->pain, -1);
	assert_int_equal(got->relief, -1);
	assert_null(got->note);
	assert_int_equal(got->n_regions, 0);

	got = &l.items[1];
	assert_int_equal(got->id, massage);
	assert_int_equal(got->modality, MOD_MASSAGE_DEEP);
	assert_int_equal(got->day, d);
	assert_int_equal(got->start_utc, 1772460000);
	assert_int_equal(got->utc_offset_s, -5 * 3600);
	assert_true(got->duration_s == 3600);
	assert_int_equal(got->provider_id, jo);
	assert_string_equal(got->provider_name, "Jo's Massage");
	assert_int_equal(got->cost_cents, -1);
	assert_string_equal(got->currency, "");
	assert_int_equal(got->pain, 6);
	assert_int_equal(got->relief, 8);
	assert_string_equal(got->note, "worked the left side hard");
	assert_int_equal(got->n_regions, 4);
	check_region(&got->regions[0], "hamstrings", SIDE_LEFT, FINDING_TIGHT, 3);
	check_region(&got->regions[1], "hamstrings", SIDE_RIGHT, FINDING_NONE, 0);
	check_region(&got->regions[2], "calf", SIDE_LEFT, FINDING_KNOT, 2);
	check_region(&got->regions[3], "lower-back", SIDE_NONE, FINDING_FINE, 1);
	recovery_list_release(&l);

	/* every modality is stored as itself */
	for (int m = 0; m < MODALITY_COUNT; m++) {
		init_session(&r, 2, d + m, (enum modality)m);
		add_session(f->s, &r);
	}
	list_sessions(f->s, 2, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n, MODALITY_COUNT);
	for (int m = 0; m < MODALITY_COUNT; m++) {
		assert_int_equal(l.items[m].modality, m);
	}
	recovery_list_release(&l);
}

static void test_session_range(void **state)
{
	struct fixture *f = *state;
	struct recovery_list l = RECOVERY_LIST_INIT;
	int32_t d = day(2026, 3, 2);
	int64_t a, b, c, e, other;

	/* written out of order; b and c on one day */
	e = add_simple(f->s, 1, d + 5, "lower-back");
	b = add_simple(f->s, 1, d + 1, "calf");
	a = add_simple(f->s, 1, d, "hamstrings");
	c = add_simple(f->s, 1, d + 1, "thigh");
	other = add_simple(f->s, 2, d + 1, "calf");
	assert_true(b < c);

	list_sessions(f->s, 1, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.items[0].id, a);
	assert_int_equal(l.items[1].id, b);
	assert_int_equal(l.items[2].id, c);
	assert_int_equal(l.items[3].id, e);
	assert_string_equal(l.items[0].regions[0].region, "hamstrings");
	assert_string_equal(l.items[1].regions[0].region, "calf");
	assert_string_equal(l.items[2].regions[0].region, "thigh");
	assert_string_equal(l.items[3].regions[0].region, "lower-back");
	recovery_list_release(&l);

	list_sessions(f->s, 1, d + 1, d + 1, &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.items[0].id, b);
	assert_int_equal(l.items[1].id, c);
	assert_int_equal(l.items[0].n_regions, 1);
	assert_string_equal(l.items[1].regions[0].region, "thigh");
	recovery_list_release(&l);

	list_sessions(f->s, 1, d + 2, DATE_NONE, &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].id, e);
	recovery_list_release(&l);

	list_sessions(f->s, 1, DATE_NONE, d, &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.items[0].id, a);
	recovery_list_release(&l);

	list_sessions(f->s, 1, d + 2, d + 4, &l);
	assert_int_equal(l.n, 0);
	recovery_list_release(&l);

	/* appended to a list that already holds sessions, each keeps its own
	 * regions */
	list_sessions(f->s, 1, d + 5, d + 5, &l);
	list_sessions(f->s, 1, d, d + 1, &l);
	list_sessions(f->s, 2, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n, 5);
	assert_int_equal(l.items[0].id, e);
	assert_int_equal(l.items[0].n_regions, 1);
	assert_string_equal(l.items[0].regions[0].region, "lower-back");
	assert_int_equal(l.items[1].id, a);
	assert_int_equal(l.items[1].n_regions, 1);
	assert_string_equal(l.items[1].regions[0].region, "hamstrings");
	assert_int_equal(l.items[2].n_regions, 1);
	assert_string_equal(l.items[3].regions[0].region, "thigh");
	assert_int_equal(l.items[4].id, other);
	assert_int_equal(l.items[4].athlete_id, 2);
	assert_int_equal(l.items[4].n_regions, 1);
	assert_string_equal(l.items[4].regions[0].region, "calf");
	recovery_list_release(&l);
}

/* A region the region table does not know, or a provider that does not
 * exist, is refused; in a transaction, undone whole. */
static void test_session_refused(void **state)
{
	struct fixture *f = *state;
	struct recovery_list l = RECOVERY_LIST_INIT;
	struct recovery r;
	struct err err = ERR_INIT;

	assert_int_equal(store_begin(f->s, &err), ERR_OK);
	init_session(&r, 1, day(2026, 3, 2), MOD_MASSAGE_SPORTS);
	recovery_add_region(&r, "calf", SIDE_LEFT);
	recovery_add_region(&r, "elbow", SIDE_LEFT);
	assert_int_equal(store_recovery_add(f->s, &r, &err), ERR_CONFLICT);
	recovery_release(&r);
	store_rollback(f->s);

	init_session(&r, 1, day(2026, 3, 2), MOD_MASSAGE_SPORTS);
	r.provider_id = 4242;
	err_clear(&err);
	assert_int_equal(store_recovery_add(f->s, &r, &err), ERR_CONFLICT);
	recovery_release(&r);

	list_sessions(f->s, 1, DATE_NONE, DATE_NONE, &l);
	assert_int_equal(l.n, 0);
	recovery_list_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_provider_add_list, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_provider_find, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_provider_update, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_session_round_trip, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_session_range, setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_session_refused, setup, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
