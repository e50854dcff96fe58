/*
 * store_auth.h: the web app's password and server secret in the store.
 *
 * knead serve keeps one secret (random bytes) that signs its session
 * tokens and login cookies; it lives in the database so that logins and
 * open forms survive a restart, and it is drawn afresh whenever the
 * password is set or removed, which ends every login at once. The
 * password itself is kept only as an argon2id hash (libsodium's
 * crypto_pwhash_str, the interactive limits); this module is the one
 * place that hashes and verifies it, so the command line and the web app
 * agree on how.
 */
#ifndef KNEAD_STORE_AUTH_H
#define KNEAD_STORE_AUTH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "store/store.h"

/* Bytes of the server secret. */
#define STORE_AUTH_SECRET_LEN 32
/* Room for a hash with its NUL (crypto_pwhash_STRBYTES). */
#define STORE_AUTH_HASH_MAX 128
/* The shortest password accepted, in bytes. */
#define STORE_AUTH_PASSWORD_MIN 8
/* The longest: a line, not a file. */
#define STORE_AUTH_PASSWORD_MAX 1024

struct store_auth {
	unsigned char secret[STORE_AUTH_SECRET_LEN];
	char hash[STORE_AUTH_HASH_MAX]; /* "" while no password is set */
};

/* Whether a password is set. */
static inline bool store_auth_has_password(const struct store_auth *a)
{
	return a->hash[0] != '\0';
}

/* Read the secret and the password's hash into *out. With no secret yet
 * (a database that never served), a new one is drawn and stored, which
 * needs a store opened for writing. */
enum err_code store_auth_get(struct store *s, struct store_auth *out, struct err *err);

/* Whether password is acceptable: ERR_INPUT saying why not (empty, shorter
 * than STORE_AUTH_PASSWORD_MIN, longer than STORE_AUTH_PASSWORD_MAX, or
 * holding a control character such as a newline). */
enum err_code store_auth_password_check(const char *password, struct err *err);

/* Set the password (checked with store_auth_password_check) or, with
 * password NULL, remove it; either way draw a new secret, ending every
 * login. One transaction. */
enum err_code store_auth_set_password(struct store *s, const char *password, struct err *err);

/* Whether password matches hash (from store_auth_get). Slow on purpose
 * (argon2id): call it without holding locks others wait on. An empty
 * hash matches nothing. */
bool store_auth_verify(const char *hash, const char *password);

#endif
