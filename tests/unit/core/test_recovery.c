/*
 * test_recovery.c: recovery sessions, providers and memberships
 * (core/recovery.h), with the money and month arithmetic they are built on
 * (parse_money in base/parse.h, units_add_money in base/units.h,
 * date_add_months in base/date.h).
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
#include "base/parse.h"
#include "base/strbuf.h"
#include "base/units.h"
#include "core/recovery.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

static void check_day(int32_t got, int y, int m, int d)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	if (got != day(y, m, d)) {
		date_format(got, a);
		date_format(day(y, m, d), b);
		fail_msg("got %s, expected %s", a, b);
	}
}

/* ---------------------------------------------------------------- money */

static void check_money(const char *s, int64_t cents, const char *currency)
{
	struct err err = ERR_INIT;
	int64_t got = -7;
	char cur[4] = "xxx";

	if (parse_money(s, &got, cur, &err) != ERR_OK) {
		fail_msg("'%s' refused: %s", s, err.msg);
	}
	if (got != cents || strcmp(cur, currency) != 0) {
		fail_msg("'%s' read as %lld '%s', expected %lld '%s'", s, (long long)got, cur,
		         (long long)cents, currency);
	}
}

static void check_money_refused(const char *s, const char *word)
{
	struct err err = ERR_INIT;
	int64_t got = -7;
	char cur[4] = "xxx";

	if (parse_money(s, &got, cur, &err) != ERR_INPUT) {
		fail_msg("'%s' accepted as %lld '%s'", s, (long long)got, cur);
	}
	assert_int_equal(got, -7);
	assert_string_equal(cur, "");
	if (!strstr(err.msg, word)) {
		fail_msg("message \"%s\" lacks '%s'", err.msg, word);
	}
	assert_int_equal(parse_money(s, &got, cur, NULL), ERR_INPUT);
}

static void test_parse_money(void **state)
{
	(void)state;
	check_money("70", 7000, "");
	check_money("0", 0, "");
	check_money("89.99", 8999, "");
	check_money("89.9", 8990, "");
	check_money("70.05", 7005, "");
	/* a symbol says the currency where it can: $ is many currencies */
	check_money("$90", 9000, "$");
	check_money("€45", 4500, "EUR");
	check_money("£12.50", 1250, "GBP");
	check_money("$90 CAD", 9000, "CAD");
	check_money("€45 EUR", 4500, "EUR");
	check_money("90 USD", 9000, "USD");
	check_money("90usd", 9000, "USD");
	check_money("eur 45", 4500, "EUR");
	check_money("EUR 45.5", 4550, "EUR");
	check_money("  chf 80  ", 8000, "CHF");
	check_money("1000000", 100000000, "");
	check_money("1000000.00", 100000000, "");

	check_money_refused("€45 USD", "'€45 USD'");
	check_money_refused("$45 EUR", "'$45 EUR'");
	check_money_refused("1.234", "'1.234'");
	check_money_refused("", "amount");
	check_money_refused("   ", "amount");
	check_money_refused("1000001", "1,000,000");
	check_money_refused("1000000.01", "1,000,000");
	check_money_refused("abc", "'abc'");
	check_money_refused("-5", "'-5'");
	check_money_refused("90.", "'90.'");
	check_money_refused(".5", "'.5'");
	check_money_refused("90 dollars", "'90 dollars'");
	check_money_refused("USD 90 EUR", "amount");
	check_money_refused("90 USD x", "amount");
	check_money_refused("1,000", "'1,000'");
}

static void check_money_text(int64_t cents, const char *currency, const char *expected)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "[");
	units_add_money(&sb, cents, currency);
	if (strcmp(sb.buf + 1, expected) != 0) {
		fail_msg("%lld %s written \"%s\", expected \"%s\"", (long long)cents,
		         currency ? currency : "(null)", sb.buf + 1, expected);
	}
	strbuf_release(&sb);
}

static void test_units_add_money(void **state)
{
	(void)state;
	check_money_text(7000, "USD", "$70.00");
	check_money_text(4550, "EUR", "€45.50");
	check_money_text(1200, "GBP", "£12.00");
	check_money_text(8000, "CHF", "CHF 80.00");
	check_money_text(5, "USD", "$0.05");
	check_money_text(0, "EUR", "€0.00");
	check_money_text(-7000, "USD", "-$70.00");
	check_money_text(-8005, "CHF", "CHF -80.05");
	check_money_text(123456789, "USD", "$1234567.89");
	check_money_text(1999, "", "19.99");
	check_money_text(1999, NULL, "19.99");
	check_money_text(INT64_MIN, "USD", "-$92233720368547758.08");
}

static void test_date_add_months(void **state)
{
	(void)state;
	check_day(date_add_months(day(2026, 1, 31), 1), 2026, 2, 28);
	check_day(date_add_months(day(2028, 1, 31), 1), 2028, 2, 29);
	check_day(date_add_months(day(2026, 1, 31), 2), 2026, 3, 31);
	check_day(date_add_months(day(2026, 1, 31), 3), 2026, 4, 30);
	check_day(date_add_months(day(2026, 3, 31), -1), 2026, 2, 28);
	check_day(date_add_months(day(2026, 1, 15), 0), 2026, 1, 15);
	check_day(date_add_months(day(2025, 12, 15), 1), 2026, 1, 15);
	check_day(date_add_months(day(2026, 1, 15), -1), 2025, 12, 15);
	check_day(date_add_months(day(2026, 1, 15), -25), 2023, 12, 15);
	check_day(date_add_months(day(2026, 5, 10), 12), 2027, 5, 10);
	check_day(date_add_months(day(2028, 2, 29), 12), 2029, 2, 28);
	check_day(date_add_months(day(2028, 2, 29), 48), 2032, 2, 29);
	check_day(date_add_months(day(2028, 2, 29), -48), 2024, 2, 29);
	check_day(date_add_months(day(2000, 1, 31), 1), 2000, 2, 29);
	check_day(date_add_months(day(2100, 1, 31), 1), 2100, 2, 28);
	/* across year 0, where month arithmetic on negative numbers can slip */
	check_day(date_add_months(day(2026, 1, 1), -2026 * 12 - 5), -1, 8, 1);
	check_day(date_add_months(day(1, 3, 31), -13), 0, 2, 29); /* year 0 is a leap year */
	check_day(date_add_months(day(1, 3, 31), -25), -1, 2, 28);
}

/* ------------------------------------------------------------ modalities */

static void check_modality(const char *s, enum modality expected)
{
	struct err err = ERR_INIT;
	enum modality m = MODALITY_COUNT;

	if (modality_parse(s, &m, &err) != ERR_OK) {
		fail_msg("'%s' refused: %s", s, err.msg);
	}
	if (m != expected) {
		fail_msg("'%s' read as %s, expected %s", s, modality_name(m),
		         modality_name(expected));
	}
}

static void test_modality_names(void **state)
{
	struct err err = ERR_INIT;
	enum modality m;

	(void)state;
	for (int i = 0; i < MODALITY_COUNT; i++) {
		const char *name = modality_name((enum modality)i);

		assert_non_null(name);
		assert_non_null(modality_describe((enum modality)i));
		assert_true(modality_from_name(name, &m));
		assert_int_equal(m, i);
		assert_int_equal(modality_parse(name, &m, &err), ERR_OK);
		assert_int_equal(m, i);
		for (int j = 0; j < i; j++) {
			assert_string_not_equal(name, modality_name((enum modality)j));
		}
	}
	assert_false(modality_from_name("Massage:Deep", &m)); /* exact */
	assert_false(modality_from_name("massage", &m));
	assert_int_equal(modality_kind(MOD_MASSAGE_DEEP), MODALITY_MASSAGE);
	assert_int_equal(modality_kind(MOD_MASSAGE_SWEDISH), MODALITY_MASSAGE);
	assert_int_equal(modality_kind(MOD_CHIRO), MODALITY_CLINICIAN);
	assert_int_equal(modality_kind(MOD_PHYSIO), MODALITY_CLINICIAN);
	assert_int_equal(modality_kind(MOD_ROLL), MODALITY_SELF);
	assert_int_equal(modality_kind(MOD_BATH_ICE), MODALITY_SELF);
	assert_string_equal(modality_name(MOD_MASSAGE_DEEP), "massage:deep");
	assert_string_equal(modality_name(MOD_BATH_EPSOM), "bath:epsom");
	assert_string_equal(modality_name(MOD_ROLL), "roll");
}

static void test_modality_parse(void **state)
{
	struct err err = ERR_INIT;
	enum modality m = MOD_YOGA;

	(void)state;
	check_modality("deep", MOD_MASSAGE_DEEP);
	check_modality("deep tissue", MOD_MASSAGE_DEEP);
	check_modality("Deep-Tissue", MOD_MASSAGE_DEEP);
	check_modality("deep_tissue  massage", MOD_MASSAGE_DEEP);
	check_modality("Massage:Deep", MOD_MASSAGE_DEEP);
	check_modality("foam roll", MOD_ROLL);
	check_modality("Foam-Roller", MOD_ROLL);
	check_modality("epsom", MOD_BATH_EPSOM);
	check_modality("Epsom salt bath", MOD_BATH_EPSOM);
	check_modality("ice bath", MOD_BATH_ICE);
	check_modality("cold plunge", MOD_BATH_ICE);
	check_modality("ice", MOD_ICE);
	check_modality("chiropractor", MOD_CHIRO);
	check_modality("pt", MOD_PHYSIO);
	check_modality("PT", MOD_PHYSIO);
	check_modality("physiotherapy", MOD_PHYSIO);
	check_modality("art", MOD_MASSAGE_ART);
	check_modality("active release", MOD_MASSAGE_ART);
	check_modality("swedish", MOD_MASSAGE_SWEDISH);
	check_modality("sports massage", MOD_MASSAGE_SPORTS);
	check_modality("tennis ball", MOD_BALL);
	check_modality("the stick", MOD_STICK);
	check_modality("stretching", MOD_STRETCH);
	check_modality("sleeves", MOD_COMPRESSION);

	assert_int_equal(modality_parse("massage", &m, &err), ERR_INPUT);
	assert_int_equal(m, MOD_YOGA);
	assert_non_null(strstr(err.msg, "massage:deep"));
	assert_non_null(strstr(err.msg, "massage:swedish"));
	assert_int_equal(modality_parse("Massage", &m, &err), ERR_INPUT);

	err_clear(&err);
	assert_int_equal(modality_parse("acupuncture", &m, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "'acupuncture'"));
	assert_non_null(strstr(err.msg, "bath:epsom"));
	assert_int_equal(modality_parse("", &m, NULL), ERR_INPUT);
	assert_int_equal(m, MOD_YOGA);
}

/* -------------------------------------------------------------- findings */

static void check_finding(const char *s, enum finding f, int severity)
{
	struct err err = ERR_INIT;
	enum finding got = FINDING_COUNT;
	int sev = -7;

	if (finding_parse(s, &got, &sev, &err) != ERR_OK) {
		fail_msg("'%s' refused: %s", s, err.msg);
	}
	if (got != f || sev != severity) {
		fail_msg("'%s' read as %d/%d, expected %d/%d", s, got, sev, f, severity);
	}
}

static void test_finding_parse(void **state)
{
	struct err err = ERR_INIT;
	enum finding f;
	int sev;

	(void)state;
	check_finding("tight", FINDING_TIGHT, 2);
	check_finding("Tight", FINDING_TIGHT, 2);
	check_finding("very tight", FINDING_TIGHT, 3);
	check_finding("Very  Tight", FINDING_TIGHT, 3);
	check_finding("slightly tender", FINDING_TENDER, 1);
	check_finding("a bit sore", FINDING_TENDER, 1);
	check_finding("knots", FINDING_KNOT, 2);
	check_finding("knot", FINDING_KNOT, 2);
	check_finding("trigger points", FINDING_KNOT, 2);
	check_finding("adhesions", FINDING_ADHESION, 2);
	check_finding("extremely knotted", FINDING_KNOT, 3);
	check_finding("fine", FINDING_FINE, 1);
	check_finding("very fine", FINDING_FINE, 1);
	check_finding("loose", FINDING_FINE, 1);

	assert_int_equal(finding_parse("wobbly", &f, &sev, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "'wobbly'"));
	assert_int_equal(finding_parse("very", &f, &sev, &err), ERR_INPUT);
	assert_int_equal(finding_parse("", &f, &sev, NULL), ERR_INPUT);

	assert_string_equal(finding_name(FINDING_TIGHT), "tight");
	assert_string_equal(finding_name(FINDING_ADHESION), "adhesion");
	assert_null(finding_name(FINDING_NONE));
}

static void test_finding_describe(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	finding_describe(&sb, FINDING_TIGHT, 3);
	assert_string_equal(sb.buf, "very tight");
	strbuf_reset(&sb);
	finding_describe(&sb, FINDING_TIGHT, 2);
	assert_string_equal(sb.buf, "tight");
	strbuf_reset(&sb);
	finding_describe(&sb, FINDING_TENDER, 1);
	assert_string_equal(sb.buf, "slightly tender");
	strbuf_reset(&sb);
	finding_describe(&sb, FINDING_FINE, 1);
	assert_string_equal(sb.buf, "fine");
	strbuf_reset(&sb);
	finding_describe(&sb, FINDING_NONE, 0);
	assert_string_equal(sb.buf, "");

	/* what is written reads back as the same finding */
	for (int f = FINDING_TIGHT; f < FINDING_COUNT; f++) {
		for (int sev = 1; sev <= SEVERITY_MAX; sev++) {
			if (f == FINDING_FINE && sev != 1) {
				continue;
			}
			strbuf_reset(&sb);
			finding_describe(&sb, (enum finding)f, sev);
			check_finding(sb.buf, (enum finding)f, sev);
		}
	}
	strbuf_release(&sb);
}

/* -------------------------------------------------------------- sessions */

static void test_recovery_regions(void **state)
{
	struct recovery r;
	struct recovery_region *rr;
	char long_code[80];

	(void)state;
	recovery_init(&r);
	assert_int_equal(r.day, DATE_NONE);
	assert_int_equal(r.start_utc, INT64_MIN);
	assert_true(isnan(r.duration_s));
	assert_int_equal(r.cost_cents, -1);
	assert_int_equal(r.pain, -1);
	assert_int_equal(r.relief, -1);
	assert_int_equal(r.provider_id, 0);
	assert_int_equal(r.n_regions, 0);

	rr = recovery_add_region(&r, "hamstrings", SIDE_LEFT);
	assert_string_equal(rr->region, "hamstrings");
	assert_int_equal(rr->side, SIDE_LEFT);
	assert_int_equal(rr->finding, FINDING_NONE);
	assert_int_equal(rr->severity, 0);
	rr->finding = FINDING_TIGHT;
	rr->severity = 3;
	rr = recovery_add_region(&r, "hamstrings", SIDE_RIGHT);
	assert_ptr_equal(rr, &r.regions[1]);
	rr = recovery_add_region(&r, "calf", SIDE_LEFT);
	assert_ptr_equal(rr, &r.regions[2]);

	/* the same region and side again is the first entry, finding kept */
	rr = recovery_add_region(&r, "hamstrings", SIDE_LEFT);
	assert_ptr_equal(rr, &r.regions[0]);
	assert_int_equal(r.n_regions, 3);
	assert_int_equal(rr->finding, FINDING_TIGHT);
	assert_int_equal(rr->severity, 3);
	assert_string_equal(r.regions[1].region, "hamstrings");
	assert_int_equal(r.regions[1].side, SIDE_RIGHT);
	assert_string_equal(r.regions[2].region, "calf");

	/* a code too long is cut to fit, NUL-terminated */
	memset(long_code, 'x', sizeof(long_code) - 1);
	long_code[sizeof(long_code) - 1] = '\0';
	rr = recovery_add_region(&r, long_code, SIDE_NONE);
	assert_int_equal(strlen(rr->region), REGION_CODE_MAX - 1);
	assert_int_equal(r.n_regions, 4);

	r.note = strdup("x");
	r.provider_name = strdup("y");
	recovery_release(&r);
	assert_null(r.regions);
	assert_int_equal(r.n_regions, 0);
	assert_null(r.note);
	assert_null(r.provider_name);
}

static void init_session(struct recovery *r)
{
	recovery_init(r);
	r->athlete_id = 1;
	r->modality = MOD_MASSAGE_DEEP;
	r->day = day(2026, 3, 2);
}

static void check_session_refused(struct recovery *r, const char *word)
{
	struct err err = ERR_INIT;

	if (recovery_validate(r, &err) != ERR_INPUT) {
		fail_msg("session accepted, but should be refused naming '%s'", word);
	}
	if (!strstr(err.msg, word)) {
		fail_msg("message \"%s\" lacks '%s'", err.msg, word);
	}
	recovery_release(r);
}

static void test_recovery_validate(void **state)
{
	struct recovery r;
	struct err err = ERR_INIT;

	(void)state;
	init_session(&r);
	assert_int_equal(recovery_validate(&r, &err), ERR_OK);
	r.duration_s = 60;
	assert_int_equal(recovery_validate(&r, &err), ERR_OK);
	r.duration_s = 12 * 3600;
	assert_int_equal(recovery_validate(&r, &err), ERR_OK);
	r.pain = 0;
	r.relief = 10;
	r.cost_cents = 0;
	memcpy(r.currency, "USD", 4);
	recovery_add_region(&r, "calf", SIDE_LEFT)->finding = FINDING_KNOT;
	r.regions[0].severity = SEVERITY_MAX;
	assert_int_equal(recovery_validate(&r, &err), ERR_OK);
	recovery_release(&r);

	init_session(&r);
	r.day = DATE_NONE;
	check_session_refused(&r, "day");
	init_session(&r);
	r.modality = MODALITY_COUNT;
	check_session_refused(&r, "modality");
	init_session(&r);
	r.duration_s = 59;
	check_session_refused(&r, "minute");
	init_session(&r);
	r.duration_s = 12 * 3600 + 1;
	check_session_refused(&r, "12 hours");
	init_session(&r);
	r.duration_s = 0;
	check_session_refused(&r, "minute");
	init_session(&r);
	r.pain = 11;
	check_session_refused(&r, "pain");
	init_session(&r);
	r.relief = -2;
	check_session_refused(&r, "relief");
	init_session(&r);
	r.cost_cents = 9000;
	check_session_refused(&r, "currency");
	init_session(&r);
	recovery_add_region(&r, "calf", SIDE_LEFT)->finding = FINDING_TIGHT;
	check_session_refused(&r, "severity");
	init_session(&r);
	recovery_add_region(&r, "calf", SIDE_LEFT)->finding = FINDING_TIGHT;
	r.regions[0].severity = 4;
	check_session_refused(&r, "severity");
}

static void test_recovery_list(void **state)
{
	struct recovery_list list = RECOVERY_LIST_INIT;

	(void)state;
	for (int i = 0; i < 20; i++) {
		struct recovery *r = recovery_list_push(&list);

		assert_int_equal(r->cost_cents, -1);
		recovery_add_region(r, "calf", SIDE_BOTH);
		r->note = strdup("x");
	}
	assert_int_equal(list.n, 20);
	recovery_list_release(&list);
	assert_int_equal(list.n, 0);
	assert_null(list.items);
}

/* ------------------------------------------------------------- providers */

static void test_provider_kind(void **state)
{
	struct err err = ERR_INIT;
	enum provider_kind k;

	(void)state;
	for (int i = 0; i < PROVIDER_KIND_COUNT; i++) {
		assert_int_equal(
		        provider_kind_parse(provider_kind_name((enum provider_kind)i), &k, &err),
		        ERR_OK);
		assert_int_equal(k, i);
	}
	assert_int_equal(provider_kind_parse("RMT", &k, &err), ERR_OK);
	assert_int_equal(k, PROVIDER_MASSAGE);
	assert_int_equal(provider_kind_parse("Massage-Therapist", &k, &err), ERR_OK);
	assert_int_equal(k, PROVIDER_MASSAGE);
	assert_int_equal(provider_kind_parse("pt", &k, &err), ERR_OK);
	assert_int_equal(k, PROVIDER_PHYSIO);
	assert_int_equal(provider_kind_parse("chiropractor", &k, &err), ERR_OK);
	assert_int_equal(k, PROVIDER_CHIRO);
	assert_int_equal(provider_kind_parse("dentist", &k, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "'dentist'"));
}

/* A provider named name with a price of 90 USD (owned strings). */
static void init_provider(struct provider *p, const char *name)
{
	provider_init(p);
	p->athlete_id = 1;
	p->name = strdup(name);
	p->kind = PROVIDER_MASSAGE;
	p->price_cents = 9000;
	memcpy(p->currency, "USD", 4);
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

static void check_provider_refused(struct provider *p, enum err_code code, const char *word)
{
	struct err err = ERR_INIT;

	if (provider_validate(p, &err) != code) {
		fail_msg("provider '%s' not refused with %d naming '%s' (%s)",
		         p->name ? p->name : "(null)", code, word, err.msg);
	}
	if (!strstr(err.msg, word)) {
		fail_msg("message \"%s\" lacks '%s'", err.msg, word);
	}
	provider_release(p);
}

static void test_provider_validate(void **state)
{
	struct provider p;
	struct err err = ERR_INIT;
	char name[82];

	(void)state;
	provider_init(&p);
	assert_int_equal(p.price_cents, -1);
	assert_null(p.memberships);
	check_provider_refused(&p, ERR_INPUT, "name");

	init_provider(&p, "Jo's Massage");
	assert_int_equal(provider_validate(&p, &err), ERR_OK);
	add_membership(&p, 7000, 1, day(2026, 1, 31), day(2026, 3, 30));
	add_membership(&p, 8000, 2, day(2026, 3, 31), DATE_NONE);
	assert_int_equal(provider_validate(&p, &err), ERR_OK);
	assert_int_equal(p.n_memberships, 2);
	provider_release(&p);
	assert_null(p.name);
	assert_null(p.memberships);
	assert_int_equal(p.n_memberships, 0);

	init_provider(&p, "123");
	check_provider_refused(&p, ERR_INPUT, "'123'");
	init_provider(&p, "123 Clinic");
	assert_int_equal(provider_validate(&p, &err), ERR_OK);
	provider_release(&p);

	memset(name, 'a', 80);
	name[80] = '\0';
	init_provider(&p, name);
	assert_int_equal(provider_validate(&p, &err), ERR_OK);
	provider_release(&p);
	name[80] = 'a';
	name[81] = '\0';
	init_provider(&p, name);
	check_provider_refused(&p, ERR_INPUT, "80");
	init_provider(&p, "");
	check_provider_refused(&p, ERR_INPUT, "name");

	init_provider(&p, "Jo");
	p.currency[0] = '\0';
	check_provider_refused(&p, ERR_INPUT, "currency");
	init_provider(&p, "Jo");
	p.price_cents = -1;
	p.currency[0] = '\0';
	assert_int_equal(provider_validate(&p, &err), ERR_OK);
	provider_release(&p);

	/* memberships that would run at once */
	init_provider(&p, "Jo");
	add_membership(&p, 7000, 1, day(2026, 1, 1), day(2026, 3, 31));
	add_membership(&p, 8000, 1, day(2026, 3, 31), DATE_NONE);
	check_provider_refused(&p, ERR_CONFLICT, "Jo");
	init_provider(&p, "Jo");
	add_membership(&p, 7000, 1, day(2026, 1, 1), DATE_NONE);
	add_membership(&p, 8000, 1, day(2026, 6, 1), DATE_NONE);
	check_provider_refused(&p, ERR_CONFLICT, "at once");
	init_provider(&p, "Jo");
	add_membership(&p, 8000, 1, day(2026, 6, 1), DATE_NONE);
	add_membership(&p, 7000, 1, day(2026, 1, 1), day(2026, 6, 1));
	check_provider_refused(&p, ERR_CONFLICT, "at once");

	/* memberships that make no sense */
	init_provider(&p, "Jo");
	add_membership(&p, 7000, 0, day(2026, 1, 1), DATE_NONE);
	check_provider_refused(&p, ERR_INPUT, "session");
	init_provider(&p, "Jo");
	add_membership(&p, -1, 1, day(2026, 1, 1), DATE_NONE);
	check_provider_refused(&p, ERR_INPUT, "fee");
	init_provider(&p, "Jo");
	add_membership(&p, 7000, 1, DATE_NONE, DATE_NONE);
	check_provider_refused(&p, ERR_INPUT, "start");
	init_provider(&p, "Jo");
	add_membership(&p, 7000, 1, day(2026, 1, 1), DATE_NONE)->currency[0] = '\0';
	check_provider_refused(&p, ERR_INPUT, "membership");
	init_provider(&p, "Jo");
	add_membership(&p, 7000, 1, day(2026, 2, 1), day(2026, 1, 31));
	check_provider_refused(&p, ERR_INPUT, "end before");
}

static void test_provider_membership_on(void **state)
{
	struct provider p;
	const struct membership *first, *second;

	(void)state;
	init_provider(&p, "Jo");
	assert_null(provider_membership_on(&p, day(2026, 1, 1)));
	p.id = 5;
	add_membership(&p, 7000, 1, day(2026, 1, 31), day(2026, 3, 30));
	add_membership(&p, 8000, 2, day(2026, 5, 1), DATE_NONE);
	first = &p.memberships[0];
	second = &p.memberships[1];
	assert_int_equal(first->provider_id, 5);
	assert_null(provider_membership_on(&p, day(2026, 1, 30)));
	assert_ptr_equal(provider_membership_on(&p, day(2026, 1, 31)), first);
	assert_ptr_equal(provider_membership_on(&p, day(2026, 3, 30)), first);
	assert_null(provider_membership_on(&p, day(2026, 3, 31)));
	assert_null(provider_membership_on(&p, day(2026, 4, 30)));
	assert_ptr_equal(provider_membership_on(&p, day(2026, 5, 1)), second);
	assert_ptr_equal(provider_membership_on(&p, day(2030, 5, 1)), second);
	provider_release(&p);
}

static void test_provider_list(void **state)
{
	struct provider_list list = PROVIDER_LIST_INIT;

	(void)state;
	for (int i = 0; i < 12; i++) {
		struct provider *p = provider_list_push(&list);

		assert_int_equal(p->price_cents, -1);
		p->name = strdup("x");
		add_membership(p, 100, 1, day(2026, 1, 1), DATE_NONE);
	}
	assert_int_equal(list.n, 12);
	provider_list_release(&list);
	assert_int_equal(list.n, 0);
	assert_null(list.items);
}

/* ----------------------------------------------------------- memberships */

static void check_membership(const char *s, int64_t fee, const char *currency, int sessions)
{
	struct membership m;
	struct err err = ERR_INIT;

	memset(&m, 0, sizeof(m));
	if (membership_parse(s, &m, &err) != ERR_OK) {
		fail_msg("'%s' refused: %s", s, err.msg);
	}
	if (m.fee_cents != fee || strcmp(m.currency, currency) != 0 || m.sessions != sessions) {
		fail_msg("'%s' read as %lld '%s' x%d, expected %lld '%s' x%d", s,
		         (long long)m.fee_cents, m.currency, m.sessions, (long long)fee, currency,
		         sessions);
	}
}

static void check_membership_refused(const char *s, const char *word)
{
	struct membership m;
	struct err err = ERR_INIT;

	memset(&m, 0, sizeof(m));
	if (membership_parse(s, &m, &err) != ERR_INPUT) {
		fail_msg("'%s' accepted", s);
	}
	if (!strstr(err.msg, word)) {
		fail_msg("message \"%s\" lacks '%s'", err.msg, word);
	}
}

static void test_membership_parse(void **state)
{
	(void)state;
	check_membership("70/month:1", 7000, "", 1);
	check_membership("70/mo:2", 7000, "", 2);
	check_membership("70/MONTH:2", 7000, "", 2);
	check_membership("70:1", 7000, "", 1);
	check_membership("70/month", 7000, "", 1);
	check_membership("70", 7000, "", 1);
	check_membership("89.99/month:4", 8999, "", 4);
	check_membership("$70/month:1", 7000, "$", 1);
	check_membership("70 USD/month:1", 7000, "USD", 1);
	check_membership("EUR 45.50/mo:3", 4550, "EUR", 3);
	check_membership("70 a month:2", 7000, "", 2);
	check_membership("70/month:31", 7000, "", 31);

	check_membership_refused("abc", "'abc'");
	check_membership_refused("", "FEE/month");
	check_membership_refused("/month:1", "'/month:1'");
	check_membership_refused("70/month:0", "'70/month:0'");
	check_membership_refused("70/month:40", "sessions");
	check_membership_refused("70/month:x", "sessions");
	check_membership_refused("70/week:1", "'70/week:1'");
	check_membership_refused("1000001/month:1", "1,000,000");
}

static void test_membership_periods(void **state)
{
	struct membership m;

	(void)state;
	memset(&m, 0, sizeof(m));
	m.since = day(2026, 1, 31);
	m.until = DATE_NONE;
	check_day(membership_period_start(&m, day(2026, 1, 31)), 2026, 1, 31);
	check_day(membership_period_start(&m, day(2026, 2, 27)), 2026, 1, 31);
	check_day(membership_period_start(&m, day(2026, 2, 28)), 2026, 2, 28);
	check_day(membership_period_start(&m, day(2026, 3, 1)), 2026, 2, 28);
	check_day(membership_period_start(&m, day(2026, 3, 30)), 2026, 2, 28);
	check_day(membership_period_start(&m, day(2026, 3, 31)), 2026, 3, 31);
	check_day(membership_period_start(&m, day(2026, 4, 29)), 2026, 3, 31);
	check_day(membership_period_start(&m, day(2026, 4, 30)), 2026, 4, 30);
	check_day(membership_period_start(&m, day(2027, 1, 30)), 2026, 12, 31);
	check_day(membership_period_start(&m, day(2028, 2, 29)), 2028, 2, 29);
	check_day(membership_next_period(&m, day(2026, 1, 31)), 2026, 2, 28);
	check_day(membership_next_period(&m, day(2026, 2, 28)), 2026, 3, 31);
	check_day(membership_next_period(&m, day(2026, 3, 31)), 2026, 4, 30);
	check_day(membership_next_period(&m, day(2026, 4, 30)), 2026, 5, 31);
	check_day(membership_next_period(&m, day(2026, 12, 31)), 2027, 1, 31);
	check_day(membership_next_period(&m, day(2028, 1, 31)), 2028, 2, 29);

	/* a leap day start: Feb 29, Mar 29, ..., Feb 28 2029, Mar 29 2029 */
	m.since = day(2028, 2, 29);
	check_day(membership_next_period(&m, day(2028, 2, 29)), 2028, 3, 29);
	check_day(membership_next_period(&m, day(2029, 1, 29)), 2029, 2, 28);
	check_day(membership_next_period(&m, day(2029, 2, 28)), 2029, 3, 29);
	check_day(membership_period_start(&m, day(2029, 3, 28)), 2029, 2, 28);
	check_day(membership_period_start(&m, day(2032, 3, 1)), 2032, 2, 29);

	/* mid-month, across the new year */
	m.since = day(2025, 12, 15);
	check_day(membership_period_start(&m, day(2026, 1, 14)), 2025, 12, 15);
	check_day(membership_period_start(&m, day(2026, 1, 15)), 2026, 1, 15);
	check_day(membership_next_period(&m, day(2025, 12, 15)), 2026, 1, 15);
}

/* Every day lies in exactly the period that period_start names, and the
 * periods chain without gaps. */
static void test_membership_periods_tile(void **state)
{
	static const int starts[][3] = {
		{ 2026, 1, 31 }, { 2028, 2, 29 }, { 2026, 8, 30 }, { 2026, 3, 1 }, { 2027, 12, 29 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(starts) / sizeof(starts[0]); i++) {
		struct membership m;
		int32_t start, next;

		memset(&m, 0, sizeof(m));
		m.since = day(starts[i][0], starts[i][1], starts[i][2]);
		start = m.since;
		next = membership_next_period(&m, start);
		for (int32_t d = m.since; d < m.since + 3 * 366; d++) {
			if (d == next) {
				start = next;
				next = membership_next_period(&m, start);
				assert_true(next - start >= 28 && next - start <= 31);
			}
			if (membership_period_start(&m, d) != start) {
				char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

				date_format(d, a);
				date_format(m.since, b);
				fail_msg("day %s of a membership from %s in the wrong period", a,
				         b);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_money),
		cmocka_unit_test(test_units_add_money),
		cmocka_unit_test(test_date_add_months),
		cmocka_unit_test(test_modality_names),
		cmocka_unit_test(test_modality_parse),
		cmocka_unit_test(test_finding_parse),
		cmocka_unit_test(test_finding_describe),
		cmocka_unit_test(test_recovery_regions),
		cmocka_unit_test(test_recovery_validate),
		cmocka_unit_test(test_recovery_list),
		cmocka_unit_test(test_provider_kind),
		cmocka_unit_test(test_provider_validate),
		cmocka_unit_test(test_provider_membership_on),
		cmocka_unit_test(test_provider_list),
		cmocka_unit_test(test_membership_parse),
		cmocka_unit_test(test_membership_periods),
		cmocka_unit_test(test_membership_periods_tile),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
