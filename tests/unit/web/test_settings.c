/*
 * test_settings.c: GET /settings, POST /settings/profile, and the
 * downloads (/export, /calendar.ics, /backup) on the demo season.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/date.h"
#include "base/tz.h"
#include "render/export_file.h"
#include "store/store_athlete.h"
#include "webtest.h"

static struct athlete read_profile(struct webtest *t)
{
	struct store *s = webtest_store(t);
	struct athlete a;
	struct err err = ERR_INIT;

	athlete_init(&a, ATHLETE_DEFAULT);
	assert_int_equal(store_athlete_get(s, ATHLETE_DEFAULT, &a, &err), ERR_OK);
	store_close(s);
	return a;
}

/* What `knead export` writes for f (t for CSV) from the store s. */
static void expected_export(struct store *s, enum export_format f, enum export_table t,
                            struct strbuf *out)
{
	struct athlete a;
	struct err err = ERR_INIT;
	int32_t today;
	size_t n;

	assert_true(date_parse_iso(WEBTEST_TODAY, &today));
	athlete_init(&a, ATHLETE_DEFAULT);
	assert_int_equal(store_athlete_get(s, ATHLETE_DEFAULT, &a, &err), ERR_OK);
	tz_use(a.tz, NULL);
	assert_int_equal(
	        export_file(s, &a, 1795521600 /* 2026-11-24T12:00Z */, today, f, t, out, &n, &err),
	        ERR_OK);
	assert_true(n > 0);
	athlete_release(&a);
}

static void test_page_shows_profile_and_rules(void **state)
{
	char dir[] = "/tmp/knead-xdg-XXXXXX", path[128];
	struct webtest *t;
	struct web_response resp;
	FILE *f;

	(void)state;
	/* an override file: one good change, one refused line */
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/knead", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/knead/rules.ini", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("[massage-post-race]\nfrom_days = 4\n[no-such-rule]\nx = 1\n", f);
	fclose(f);
	setenv("XDG_CONFIG_HOME", dir, 1);
	t = webtest_new(true);
	unsetenv("XDG_CONFIG_HOME");
	webtest_post(t, "/settings/profile", "name=%3Cb%3EAna&max-hr=188&rest-hr=48", &resp);
	web_response_release(&resp);

	webtest_get(t, "/settings", &resp);
	assert_int_equal(resp.status, 200);
	assert_true(webtest_has(&resp, "id=\"profile-form\""));
	assert_true(webtest_has(&resp, "action=\"/settings/profile\""));
	assert_true(webtest_has(&resp, "value=\"&lt;b&gt;Ana\""));
	assert_false(webtest_has(&resp, "<b>Ana"));
	assert_true(webtest_has(&resp, "value=\"188\""));
	/* the rules, the override marked, the refused line shown, the file named */
	assert_true(webtest_has(&resp, "<code>massage-post-race</code>"));
	assert_true(webtest_has(&resp, "from_days = 4 (yours)"));
	assert_true(webtest_has(&resp, "to_days = 5<br>"));
	assert_true(webtest_has(&resp, "no-such-rule"));
	assert_true(webtest_has(&resp, path));
	/* downloads, the calendar, the password */
	assert_true(webtest_has(&resp, "href=\"/export?format=json\""));
	assert_true(webtest_has(&resp, "href=\"/backup\""));
	assert_true(webtest_has(&resp, "id=\"ics-link\""));
	assert_true(webtest_has(&resp, "/calendar.ics"));
	assert_true(webtest_has(&resp, "No password is set"));
	assert_false(webtest_has(&resp, "logout-form"));
	web_response_release(&resp);
	webtest_free(t);
	remove(path);
	snprintf(path, sizeof(path), "%s/knead", dir);
	rmdir(path);
	rmdir(dir);
}

static void test_profile_saved_and_loads_recomputed(void **state)
{
	struct webtest *t = webtest_new(true);
	struct web_response resp;
	struct athlete a;
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	struct store *s;

	(void)state;
	s = webtest_store(t);
	expected_export(s, EXPORT_FORMAT_CSV, EXPORT_ACTIVITIES, &before);
	store_close(s);
	webtest_post(t, "/settings/profile",
	             "name=Ana&sex=f&born=1990&max-hr=200&rest-hr=40&threshold=4%3A30%2Fkm"
	             "&units=km&tz=Europe%2FBerlin&currency=eur&budget=120",
	             &resp);
	assert_int_equal(resp.status, 303);
	assert_string_equal(web_response_get_header(&resp, "Location"), "/settings?saved=profile");
	web_response_release(&resp);
	a = read_profile(t);
	assert_string_equal(a.name, "Ana");
	assert_int_equal(a.birth_year, 1990);
	assert_int_equal(a.max_hr, 200);
	assert_int_equal(a.rest_hr, 40);
	assert_float_equal(a.threshold_pace_s_per_km, 270, 0.5);
	assert_string_equal(a.tz, "Europe/Berlin");
	assert_string_equal(a.currency, "EUR");
	assert_int_equal(a.budget_cents, 12000);
	athlete_release(&a);
	/* the heart rates changed: the loads in the activities table did too */
	s = webtest_store(t);
	expected_export(s, EXPORT_FORMAT_CSV, EXPORT_ACTIVITIES, &after);
	store_close(s);
	assert_true(strcmp(before.buf, after.buf) != 0);
	webtest_get(t, "/settings?saved=profile", &resp);
	assert_true(webtest_has(&resp, "The profile is saved."));
	web_response_release(&resp);
	/* an empty budget clears it, an empty name too */
	webtest_post(t, "/settings/profile", "name=&budget=", &resp);
	assert_int_equal(resp.status, 303);
	web_response_release(&resp);
	a = read_profile(t);
	assert_null(a.name);
	assert_int_equal(a.budget_cents, -1);
	assert_int_equal(a.max_hr, 200);
	athlete_release(&a);
	strbuf_release(&before);
	strbuf_release(&after);
	webtest_free(t);
}

static void test_bad_profile_refused_whole(void **state)
{
	static const char *const bad[][2] = {
		{ "name=Eve&max-hr=999", "max-hr" },
		{ "name=Eve&tz=Mars%2FOlympus", "unknown time zone &#39;Mars/Olympus&#39;" },
		{ "name=Eve&currency=EURO", "currency: &#39;EURO&#39; is not a three-letter code" },
		{ "name=Eve&born=1700", "born" },
		{ "name=Eve&threshold=fast", "threshold" },
		{ "name=Eve&budget=%C2%A350", "budget" },
		{ "name=Eve&max-hr=150&rest-hr=160", "profile" },
	};
	struct webtest *t = webtest_new(false);
	struct web_response resp;
	struct athlete a;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		webtest_post(t, "/settings/profile", bad[i][0], &resp);
		if (resp.status != 400 || !webtest_has(&resp, bad[i][1])) {
			fail_msg("%s: %d %s", bad[i][0], resp.status, resp.body.buf);
		}
		web_response_release(&resp);
	}
	a = read_profile(t);
	assert_null(a.name);
	assert_int_equal(a.max_hr, 0);
	athlete_release(&a);
	webtest_free(t);
}

static void test_exports_are_the_cli_bytes(void **state)
{
	static const struct {
		const char *target;
		enum export_format f;
		enum export_table t;
		const char *type, *file;
	} cases[] = {
		{ "/export?format=csv", EXPORT_FORMAT_CSV, EXPORT_ACTIVITIES, "text/csv",
		  "knead-2026-11-24-activities.csv" },
		{ "/export?format=csv&table=checkins", EXPORT_FORMAT_CSV, EXPORT_CHECKINS,
		  "text/csv", "knead-2026-11-24-checkins.csv" },
		{ "/export?format=json", EXPORT_FORMAT_JSON, EXPORT_ACTIVITIES, "application/json",
		  "knead-2026-11-24.json" },
		{ "/export?format=ics", EXPORT_FORMAT_ICS, EXPORT_ACTIVITIES, "text/calendar",
		  "knead-2026-11-24.ics" },
	};
	struct webtest *t = webtest_new(true);
	struct web_response resp;
	struct store *s = webtest_store(t);

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf want = STRBUF_INIT;
		const char *disp;

		expected_export(s, cases[i].f, cases[i].t, &want);
		webtest_get(t, cases[i].target, &resp);
		assert_int_equal(resp.status, 200);
		assert_int_equal(strncmp(resp.content_type, cases[i].type, strlen(cases[i].type)),
		                 0);
		disp = web_response_get_header(&resp, "Content-Disposition");
		assert_non_null(disp);
		assert_non_null(strstr(disp, "attachment"));
		assert_non_null(strstr(disp, cases[i].file));
		assert_int_equal(resp.body.len, want.len);
		assert_memory_equal(resp.body.buf, want.buf, want.len);
		web_response_release(&resp);
		strbuf_release(&want);
	}
	store_close(s);
	webtest_get(t, "/export?format=xml", &resp);
	assert_int_equal(resp.status, 400);
	assert_true(webtest_has(&resp, "unknown format"));
	web_response_release(&resp);
	webtest_get(t, "/export?format=json&table=gear", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
	webtest_get(t, "/export?format=csv&table=nope", &resp);
	assert_int_equal(resp.status, 400);
	web_response_release(&resp);
	webtest_free(t);
}

/* The subscription address is the one the browser reached the server at
 * (a phone does not reach 0.0.0.0), unless its Host header is not a host. */
static void test_ics_url_follows_host(void **state)
{
	static const struct {
		const char *host;
		const char *want;
	} cases[] = {
		{ "192.168.1.5:8080", "<code id=\"ics-url\">http://192.168.1.5:8080/calendar.ics" },
		{ "[::1]:8080", "<code id=\"ics-url\">http://[::1]:8080/calendar.ics" },
		{ "x\"><script>", "<code id=\"ics-url\">/calendar.ics" },
	};
	struct webtest *t = webtest_new(false);

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct web_request req;
		struct web_response resp;

		web_request_init(&req);
		web_request_set_path(&req, "/settings");
		req.host = strdup(cases[i].host);
		webtest_send(t, &req, &resp);
		assert_int_equal(resp.status, 200);
		if (!webtest_has(&resp, cases[i].want)) {
			fail_msg("Host %s: no %s", cases[i].host, cases[i].want);
		}
		assert_false(webtest_has(&resp, "<script>"));
		web_response_release(&resp);
		web_request_release(&req);
	}
	webtest_free(t);
}

static void test_calendar_ics(void **state)
{
	struct webtest *t = webtest_new(true);
	struct web_response resp;

	(void)state;
	webtest_get(t, "/calendar.ics", &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.content_type, "text/calendar; charset=utf-8");
	assert_int_equal(strncmp(resp.body.buf, "BEGIN:VCALENDAR", 15), 0);
	assert_true(webtest_has(&resp, "BEGIN:VEVENT"));
	assert_null(web_response_get_header(&resp, "Content-Disposition"));
	web_response_release(&resp);
	webtest_free(t);
}

static void test_backup_is_the_database(void **state)
{
	struct webtest *t = webtest_new(true);
	struct web_response resp;
	struct strbuf want = STRBUF_INIT, got = STRBUF_INIT;
	struct store *s, *copy = NULL;
	struct err err = ERR_INIT;
	char path[160];
	FILE *f;

	(void)state;
	webtest_get(t, "/backup", &resp);
	assert_int_equal(resp.status, 200);
	assert_string_equal(resp.content_type, "application/vnd.sqlite3");
	assert_string_equal(web_response_get_header(&resp, "Content-Disposition"),
	                    "attachment; filename=\"knead-2026-11-24.sqlite\"");
	assert_true(resp.body.len > 4096);
	assert_memory_equal(resp.body.buf, "SQLite format 3", 16);
	snprintf(path, sizeof(path), "%s/copy.sqlite", t->dir);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(resp.body.buf, 1, resp.body.len, f), resp.body.len);
	fclose(f);
	web_response_release(&resp);
	/* a knead database with the same activities */
	assert_int_equal(store_open(path, STORE_READ, &copy, &err), ERR_OK);
	expected_export(copy, EXPORT_FORMAT_CSV, EXPORT_ACTIVITIES, &got);
	store_close(copy);
	s = webtest_store(t);
	expected_export(s, EXPORT_FORMAT_CSV, EXPORT_ACTIVITIES, &want);
	store_close(s);
	assert_string_equal(got.buf, want.buf);
	remove(path);
	strbuf_release(&want);
	strbuf_release(&got);
	webtest_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_page_shows_profile_and_rules),
		cmocka_unit_test(test_profile_saved_and_loads_recomputed),
		cmocka_unit_test(test_bad_profile_refused_whole),
		cmocka_unit_test(test_exports_are_the_cli_bytes),
		cmocka_unit_test(test_ics_url_follows_host),
		cmocka_unit_test(test_calendar_ics),
		cmocka_unit_test(test_backup_is_the_database),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
