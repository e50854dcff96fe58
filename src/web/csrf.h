/*
 * csrf.h: the session cookie and the anti-CSRF token of every form.
 *
 * The server's secret is kept in the database (store/store_auth.h), so
 * it survives a restart and changes only with the password. A browser
 * gets a session id (random) in a cookie that scripts cannot read
 * (HttpOnly) and that other sites' pages do not send (SameSite=Strict);
 * each form carries the token HMAC(secret, session id), and a POST is
 * accepted only with the token of the session its cookie names. A new
 * password draws a new secret, so old pages' forms are refused: reload
 * and post again. As in Fossil's login_insert_csrf_secret and
 * cgi_csrf_verify.
 */
#ifndef KNEAD_WEB_CSRF_H
#define KNEAD_WEB_CSRF_H

#include <stdbool.h>

/* Hex digits of a session id and of a token, without the NUL. */
#define CSRF_HEX_LEN 64

/* The cookie that carries the session id, and the form field of the token. */
#define CSRF_COOKIE "knead_session"
#define CSRF_FIELD  "csrf"

/* Bytes of the secret (STORE_AUTH_SECRET_LEN). */
#define CSRF_SECRET_LEN 32

struct csrf {
	unsigned char secret[CSRF_SECRET_LEN]; /* the server's, from the database */
};

/* Use secret (initialises libsodium too). */
void csrf_init(struct csrf *c, const unsigned char secret[CSRF_SECRET_LEN]);

/* A new random session id into id (CSRF_HEX_LEN hex digits and a NUL). */
void csrf_new_session(char id[CSRF_HEX_LEN + 1]);

/* Whether id looks like a session id (CSRF_HEX_LEN lowercase hex digits). */
bool csrf_session_valid(const char *id);

/* The token for session id into token (CSRF_HEX_LEN hex digits, NUL). */
void csrf_token(const struct csrf *c, const char *id, char token[CSRF_HEX_LEN + 1]);

/* Whether token is the one of session id, in constant time. NULLs fail. */
bool csrf_check(const struct csrf *c, const char *id, const char *token);

#endif
