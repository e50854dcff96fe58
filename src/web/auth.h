/*
 * auth.h: logging in to the web app.
 *
 * While no password is set (`knead passwd`), the app is open to this
 * machine, as knead serve listens on loopback only; a server listening
 * beyond it serves nothing but the login page and the assets until one
 * is set. With a password, every route but the WEB_PUBLIC ones needs a
 * login: a page read is sent to /login?next=PATH (303), a JSON route and
 * a POST get 401. /calendar.ics also opens with its key (auth_calendar_key),
 * for calendar apps.
 *
 * A login is a cookie (HttpOnly, SameSite=Strict; not Secure, which a
 * plain-http server cannot use) holding "EXPIRY.MAC" with MAC =
 * HMAC-SHA256(secret, "login:" session id ":" EXPIRY): bound to the
 * browser's session id and the server secret, good for AUTH_LOGIN_DAYS,
 * checked in constant time, and void for every browser at once when the
 * password changes (the secret changes with it). Nothing is kept per
 * login on the server.
 */
#ifndef KNEAD_WEB_AUTH_H
#define KNEAD_WEB_AUTH_H

#include <stdbool.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "web/app.h"
#include "web/csrf.h"
#include "web/request.h"
#include "web/routes.h"

/* The cookie that carries the login. */
#define AUTH_COOKIE "knead_login"
/* How long a login lasts. */
#define AUTH_LOGIN_DAYS 30

/* Whether req carries a login for session that has not expired. Call
 * with app->lock held (app->csrf may change between requests). */
bool auth_logged_in(const struct web_app *app, const struct web_request *req, const char *session);

/* Whether req may reach route; if not, resp holds the answer (303 to
 * the login page, 401, or 403 on a network server without a password).
 * Call with app->lock held, after web_app_refresh_auth. */
bool auth_allow(const struct web_app *app, const struct web_route *route,
                const struct web_request *req, const char *session, struct web_response *resp);

/* Whether password is the one set, with app->lock held on entry and on
 * return but released while argon2id works (a tenth of a second or more),
 * so other requests go on meanwhile. A password set or changed in the
 * meantime fails it. */
bool auth_check_password(struct web_app *app, const char *password);

/* A right password: a new session id (the old one may have been planted
 * by someone else: session fixation) into new_session, and the cookies
 * for it and the login, both lasting AUTH_LOGIN_DAYS, added to resp. */
void auth_login(const struct web_app *app, struct web_response *resp,
                char new_session[CSRF_HEX_LEN + 1]);

/* The key that opens /calendar.ics without a login (?key=...), for a
 * calendar app subscribed to it, which has no cookie: HMAC(secret,
 * "calendar"), so a new password changes it too. */
void auth_calendar_key(const struct web_app *app, char key[CSRF_HEX_LEN + 1]);

/* Log out: the login cookie cleared and a new session id set. */
void auth_logout(struct web_response *resp);

/* next if it is a path on this server ("/calendar?month=2026-11"), else
 * "/": never another site ("//evil", "https://...", "/\evil"), never
 * anything with control characters. */
const char *auth_next(const char *next);

/* Append text percent-encoded for a query value. */
void auth_url_encode(struct strbuf *sb, const char *text);

#endif
