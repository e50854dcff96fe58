/*
 * store_auth.c: the auth table (see store_auth.h).
 */
#include "store/store_auth.h"

#include <sodium.h>
#include <string.h>

#include "base/bug.h"
#include "store/store_int.h"

static void sodium_ready(void)
{
	if (sodium_init() < 0) {
		BUG("libsodium could not initialise");
	}
}

/* The row into *out: ERR_NOT_FOUND if there is none. */
static enum err_code read_row(struct store *s, struct store_auth *out, struct err *err)
{
	static const char sql[] = "SELECT secret, password_hash FROM auth WHERE id = 1";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	memset(out, 0, sizeof(*out));
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		const void *secret = sqlite3_column_blob(st, 0);
		const unsigned char *hash = sqlite3_column_text(st, 1);

		if (!secret || sqlite3_column_bytes(st, 0) != STORE_AUTH_SECRET_LEN) {
			rc = err_set(err, ERR_FORMAT, "the server secret in '%s' is damaged",
			             store_path(s));
		} else {
			memcpy(out->secret, secret, STORE_AUTH_SECRET_LEN);
		}
		if (!rc && hash) {
			if ((size_t)sqlite3_column_bytes(st, 1) >= sizeof(out->hash)) {
				rc = err_set(err, ERR_FORMAT,
				             "the password hash in '%s' is damaged", store_path(s));
			} else {
				memcpy(out->hash, hash, (size_t)sqlite3_column_bytes(st, 1) + 1);
			}
		}
	} else if (step == SQLITE_DONE) {
		rc = err_set(err, ERR_NOT_FOUND, "no server secret in '%s' yet", store_path(s));
	} else {
		rc = store_fail(s, "reading the server secret", err);
	}
	store_stmt_done(st);
	return rc;
}

/* Store secret and hash (NULL: no password) as the one row. */
static enum err_code write_row(struct store *s, const unsigned char *secret, const char *hash,
                               struct err *err)
{
	static const char sql[] =
	        "INSERT INTO auth (id, secret, password_hash, changed_utc)"
	        " VALUES (1, ?1, ?2, CAST(strftime('%s', 'now') AS INTEGER))"
	        " ON CONFLICT (id) DO UPDATE SET secret = excluded.secret,"
	        " password_hash = excluded.password_hash, changed_utc = excluded.changed_utc";
	sqlite3_stmt *st = store_stmt(s, sql, err);

	if (!st) {
		return err->code;
	}
	sqlite3_bind_blob(st, 1, secret, STORE_AUTH_SECRET_LEN, SQLITE_STATIC);
	store_bind_text(st, 2, hash);
	return store_step_done(s, st, "storing the password", err);
}

enum err_code store_auth_get(struct store *s, struct store_auth *out, struct err *err)
{
	unsigned char secret[STORE_AUTH_SECRET_LEN];
	enum err_code rc = read_row(s, out, err);

	if (rc != ERR_NOT_FOUND) {
		return rc;
	}
	err_clear(err);
	sodium_ready();
	randombytes_buf(secret, sizeof(secret));
	/* INSERT OR IGNORE semantics through the transaction: if another
	 * process drew one first, read theirs below */
	if (store_begin(s, err)) {
		return err->code;
	}
	rc = read_row(s, out, err);
	if (rc == ERR_NOT_FOUND) {
		err_clear(err);
		rc = write_row(s, secret, NULL, err);
	}
	if (rc) {
		store_rollback(s);
		return rc;
	}
	if (store_commit(s, err)) {
		return err->code;
	}
	sodium_memzero(secret, sizeof(secret));
	return read_row(s, out, err);
}

enum err_code store_auth_password_check(const char *password, struct err *err)
{
	size_t len = password ? strlen(password) : 0;

	if (len == 0) {
		return err_set(err, ERR_INPUT, "the password is empty");
	}
	if (len < STORE_AUTH_PASSWORD_MIN) {
		return err_set(err, ERR_INPUT,
		               "the password is too short: %zu characters, at least %d needed", len,
		               STORE_AUTH_PASSWORD_MIN);
	}
	if (len > STORE_AUTH_PASSWORD_MAX) {
		return err_set(err, ERR_INPUT, "the password is too long (at most %d characters)",
		               STORE_AUTH_PASSWORD_MAX);
	}
	for (const char *p = password; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			return err_set(
			        err, ERR_INPUT,
			        "the password holds a control character (a tab or a newline?)");
		}
	}
	return ERR_OK;
}

enum err_code store_auth_set_password(struct store *s, const char *password, struct err *err)
{
	unsigned char secret[STORE_AUTH_SECRET_LEN];
	char hash[crypto_pwhash_STRBYTES];
	enum err_code rc;

	_Static_assert(crypto_pwhash_STRBYTES <= STORE_AUTH_HASH_MAX, "hash buffer");
	sodium_ready();
	if (password) {
		if (store_auth_password_check(password, err)) {
			return err->code;
		}
		if (crypto_pwhash_str_alg(hash, password, strlen(password),
		                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
		                          crypto_pwhash_MEMLIMIT_INTERACTIVE,
		                          crypto_pwhash_ALG_ARGON2ID13) != 0) {
			return err_set(err, ERR_IO, "cannot hash the password: out of memory");
		}
	}
	randombytes_buf(secret, sizeof(secret));
	if (store_begin(s, err)) {
		return err->code;
	}
	rc = write_row(s, secret, password ? hash : NULL, err);
	if (rc) {
		store_rollback(s);
	} else {
		rc = store_commit(s, err);
	}
	sodium_memzero(secret, sizeof(secret));
	return rc;
}

bool store_auth_verify(const char *hash, const char *password)
{
	sodium_ready();
	if (!hash || !*hash || !password) {
		return false;
	}
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}
