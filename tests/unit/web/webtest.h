/*
 * webtest.h: the web handlers' tests' set-up: a scratch database (empty,
 * or the demo season ending on 2026-11-24), the web application over it,
 * and requests sent through the dispatcher as one browser would send
 * them (its session cookie, and the session's anti-CSRF token on POST),
 * with no socket.
 *
 * The clock is $KNEAD_NOW = 2026-11-24T12:00 and TZ is UTC (meson sets
 * it), so today is Tuesday 2026-11-24.
 */
#ifndef KNEAD_TEST_WEBTEST_H
#define KNEAD_TEST_WEBTEST_H

#include <jansson.h>
#include <stdbool.h>

#include "store/store.h"
#include "web/csrf.h"
#include "web/routes.h"

#define WEBTEST_TODAY "2026-11-24"

struct webtest {
	char dir[64];                   /* the scratch directory */
	char db[96];                    /* the database in it */
	struct web_app app;             /* over db */
	char session[CSRF_HEX_LEN + 1]; /* the browser's session id */
	char token[CSRF_HEX_LEN + 1];   /* its anti-CSRF token */
	char cookie[CSRF_HEX_LEN + 32]; /* "knead_session=<session>" */
};

/* A new scratch database (with the demo season when demo), and the app
 * over it. Fails the test on any error. Free with webtest_free. */
struct webtest *webtest_new(bool demo);

/* Release the app and remove the scratch files. */
void webtest_free(struct webtest *t);

/* Send method target ("/path?query") with the urlencoded form body
 * (NULL for none) and the session cookie; a POST gets the session's
 * token appended to its form. *resp is initialised here: release it. */
void webtest_call(struct webtest *t, enum web_method method, const char *target, const char *form,
                  struct web_response *resp);

/* Build *req (release it) as a browser would send method target
 * ("/path?query") with the urlencoded form body (NULL for none): no
 * cookie, no token. */
void webtest_request(struct web_request *req, enum web_method method, const char *target,
                     const char *form);

/* GET target. */
void webtest_get(struct webtest *t, const char *target, struct web_response *resp);

/* POST form to target, with the token. */
void webtest_post(struct webtest *t, const char *target, const char *form,
                  struct web_response *resp);

/* Send req as the caller built it (path, query, form, files...), adding
 * only the session cookie: no token is added. */
void webtest_send(struct webtest *t, struct web_request *req, struct web_response *resp);

/* resp's body as JSON (fails the test unless it is). Owned: json_decref. */
json_t *webtest_json(const struct web_response *resp);

/* A store on the scratch database, opened for reading. Close it. */
struct store *webtest_store(struct webtest *t);

/* Whether resp's body contains text. */
bool webtest_has(const struct web_response *resp, const char *text);

#endif
