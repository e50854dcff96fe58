/*
 * csrf.h: the session cookie and the anti-CSRF token of every form.
 *
 * The server draws a secret when it starts. A browser gets a session id
 * (random) in a cookie that scripts cannot read (HttpOnly) and that other
 * sites' pages do not send (SameSite=Strict); each form carries the token
 * HMAC(secret, session id), and a POST is accepted only with the token of
 * the session its cookie names. A restart draws a new secret, so old
 * pages' forms are refused: reload and post again. As in Fossil's
 * login_insert_csrf_secret and cgi_csrf_verify.
 */
#ifndef KNEAD_WEB_CSRF_H
#define KNEAD_WEB_CSRF_H

#include <stdbool.h>

/* Hex digits of a session id and of a token, without the NUL. */
#define CSRF_HEX_LEN 64

/* The cookie that carries the session id, and the form field of the token. */
#define CSRF_COOKIE "knead_session"
#define CSRF_FIELD  "csrf"

struct csrf {
	unsigned char secret[32]; /* the server's, from randombytes */
};

/* Draw a new secret (libsodium must be initialised: csrf_init does it). */
void csrf_init(struct csrf *c);

/* A new random session id into id (CSRF_HEX_LEN hex digits and a NUL). */
void csrf_new_session(char id[CSRF_HEX_LEN + 1]);

/* Whether id looks like a session id (CSRF_HEX_LEN lowercase hex digits). */
bool csrf_session_valid(const char *id);

/* The token for session id into token (CSRF_HEX_LEN hex digits, NUL). */
void csrf_token(const struct csrf *c, const char *id, char token[CSRF_HEX_LEN + 1]);

/* Whether token is the one of session id, in constant time. NULLs fail. */
bool csrf_check(const struct csrf *c, const char *id, const char *token);

#endif
