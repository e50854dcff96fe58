/*
 * auth.c: logging in (see auth.h).
 */
#include "web/auth.h"

#include <inttypes.h>
#include <limits.h>
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "base/instant.h"
#include "base/parse.h"
#include "web/html.h"

#define LOGIN_SECONDS ((int64_t)AUTH_LOGIN_DAYS * 86400)

/* The clock: $KNEAD_NOW when it is set and good (tests), else the system. */
static int64_t now_seconds(void)
{
	struct err err = ERR_INIT;
	int64_t now;

	if (instant_now(&now, &err)) {
		now = (int64_t)time(NULL);
	}
	return now;
}

/* The MAC of a login for session until expiry, as hex (NUL-terminated). */
static void login_mac(const struct csrf *c, const char *session, int64_t expiry,
                      char hex[CSRF_HEX_LEN + 1])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	char text[32];
	int n = snprintf(text, sizeof(text), ":%" PRId64, expiry);

	crypto_auth_hmacsha256_init(&st, c->secret, sizeof(c->secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"login:", 6);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)session, strlen(session));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)text, (unsigned long long)n);
	crypto_auth_hmacsha256_final(&st, mac);
	sodium_bin2hex(hex, CSRF_HEX_LEN + 1, mac, sizeof(mac));
}

bool auth_logged_in(const struct web_app *app, const struct web_request *req, const char *session)
{
	const char *value = web_params_get(&req->cookies, AUTH_COOKIE);
	const char *dot = value ? strchr(value, '.') : NULL;
	char digits[24], want[CSRF_HEX_LEN + 1];
	long expiry;
	size_t len;

	if (!dot || !csrf_session_valid(session)) {
		return false;
	}
	len = (size_t)(dot - value);
	if (len == 0 || len >= sizeof(digits) || strlen(dot + 1) != CSRF_HEX_LEN) {
		return false;
	}
	memcpy(digits, value, len);
	digits[len] = '\0';
	for (size_t i = 0; i < len; i++) {
		if (digits[i] < '0' || digits[i] > '9') {
			return false;
		}
	}
	if (parse_int(digits, 0, LONG_MAX, &expiry, NULL) || expiry <= now_seconds()) {
		return false;
	}
	login_mac(&app->csrf, session, (int64_t)expiry, want);
	return sodium_memcmp(want, dot + 1, CSRF_HEX_LEN) == 0;
}

void auth_calendar_key(const struct web_app *app, char key[CSRF_HEX_LEN + 1])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];

	crypto_auth_hmacsha256(mac, (const unsigned char *)"calendar", 8, app->csrf.secret);
	sodium_bin2hex(key, CSRF_HEX_LEN + 1, mac, sizeof(mac));
}

static bool calendar_key_ok(const struct web_app *app, const struct web_request *req)
{
	const char *given = web_params_get(&req->query, "key");
	char want[CSRF_HEX_LEN + 1];

	if (!given || strlen(given) != CSRF_HEX_LEN) {
		return false;
	}
	auth_calendar_key(app, want);
	return sodium_memcmp(want, given, CSRF_HEX_LEN) == 0;
}

/* "/calendar?month=2026-11": the path and query to come back to. */
static void add_target(struct strbuf *sb, const struct web_request *req)
{
	strbuf_adds(sb, req->path);
	for (size_t i = 0; i < req->query.n; i++) {
		strbuf_addch(sb, i ? '&' : '?');
		auth_url_encode(sb, req->query.items[i].name);
		strbuf_addch(sb, '=');
		auth_url_encode(sb, req->query.items[i].value);
	}
}

bool auth_allow(const struct web_app *app, const struct web_route *route,
                const struct web_request *req, const char *session, struct web_response *resp)
{
	bool json = route->flags & WEB_JSON;
	struct strbuf target = STRBUF_INIT, location = STRBUF_INIT;

	if (route->flags & WEB_PUBLIC) {
		return true;
	}
	if (!store_auth_has_password(&app->auth)) {
		if (!app->network) {
			return true;
		}
		web_error_page(resp, 403,
		               "This server listens beyond this machine and no password is set: "
		               "run 'knead passwd' where it runs, then log in.",
		               json);
		return false;
	}
	if (auth_logged_in(app, req, session)) {
		return true;
	}
	if (route->handler == web_page_ics && calendar_key_ok(app, req)) {
		return true;
	}
	if (json || req->method == WEB_POST) {
		web_error_page(resp, 401, "Log in first: the password is asked on /login.", json);
		return false;
	}
	add_target(&target, req);
	strbuf_adds(&location, "/login?next=");
	auth_url_encode(&location, target.buf);
	resp->status = 303;
	web_response_header(resp, "Location", location.buf);
	strbuf_reset(&resp->body);
	html_addf(&resp->body, "<p>Log in first: <a href=\"%s\">the login page</a>.</p>\n",
	          location.buf);
	strbuf_release(&target);
	strbuf_release(&location);
	return false;
}

bool auth_check_password(struct web_app *app, const char *password)
{
	char hash[STORE_AUTH_HASH_MAX];
	struct err err = ERR_INIT;
	bool ok;

	memcpy(hash, app->auth.hash, sizeof(hash));
	pthread_mutex_unlock(&app->lock);
	ok = store_auth_verify(hash, password);
	if (!ok) {
		/* slow guessing down a little more, still without the lock */
		struct timespec pause = { 0, 400 * 1000 * 1000 };

		nanosleep(&pause, NULL);
	}
	pthread_mutex_lock(&app->lock);
	/* the password may have changed while the lock was free */
	if (web_app_refresh_auth(app, &err) || strcmp(hash, app->auth.hash) != 0) {
		ok = false;
	}
	sodium_memzero(hash, sizeof(hash));
	return ok;
}

void auth_login(const struct web_app *app, struct web_response *resp,
                char new_session[CSRF_HEX_LEN + 1])
{
	struct strbuf sb = STRBUF_INIT;
	int64_t expiry = now_seconds() + LOGIN_SECONDS;
	char mac[CSRF_HEX_LEN + 1];

	csrf_new_session(new_session);
	login_mac(&app->csrf, new_session, expiry, mac);
	strbuf_addf(&sb, "%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%" PRId64, CSRF_COOKIE,
	            new_session, LOGIN_SECONDS);
	web_response_header(resp, "Set-Cookie", sb.buf);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s=%" PRId64 ".%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%" PRId64,
	            AUTH_COOKIE, expiry, mac, LOGIN_SECONDS);
	web_response_header(resp, "Set-Cookie", sb.buf);
	strbuf_release(&sb);
}

void auth_logout(struct web_response *resp)
{
	struct strbuf sb = STRBUF_INIT;
	char session[CSRF_HEX_LEN + 1];

	csrf_new_session(session);
	strbuf_addf(&sb, "%s=%s; Path=/; HttpOnly; SameSite=Strict", CSRF_COOKIE, session);
	web_response_header(resp, "Set-Cookie", sb.buf);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", AUTH_COOKIE);
	web_response_header(resp, "Set-Cookie", sb.buf);
	strbuf_release(&sb);
}

const char *auth_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\') {
		return "/";
	}
	for (const char *p = next; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\') {
			return "/";
		}
	}
	return next;
}

void auth_url_encode(struct strbuf *sb, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.' || *p == '~' ||
		    *p == '/') {
			strbuf_addch(sb, (char)*p);
		} else {
			strbuf_addch(sb, '%');
			strbuf_addch(sb, hex[*p >> 4]);
			strbuf_addch(sb, hex[*p & 15]);
		}
	}
}
