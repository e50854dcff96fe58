/*
 * csrf.c: sessions and anti-CSRF tokens (see csrf.h).
 */
#include "web/csrf.h"

#include <sodium.h>
#include <string.h>

#include "base/bug.h"

void csrf_init(struct csrf *c, const unsigned char secret[CSRF_SECRET_LEN])
{
	if (sodium_init() < 0) {
		BUG("libsodium could not initialise");
	}
	memcpy(c->secret, secret, CSRF_SECRET_LEN);
}

void csrf_new_session(char id[CSRF_HEX_LEN + 1])
{
	unsigned char raw[CSRF_HEX_LEN / 2];

	if (sodium_init() < 0) {
		BUG("libsodium could not initialise");
	}
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(id, CSRF_HEX_LEN + 1, raw, sizeof(raw));
}

bool csrf_session_valid(const char *id)
{
	if (!id || strlen(id) != CSRF_HEX_LEN) {
		return false;
	}
	for (const char *p = id; *p; p++) {
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) {
			return false;
		}
	}
	return true;
}

void csrf_token(const struct csrf *c, const char *id, char token[CSRF_HEX_LEN + 1])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];

	crypto_auth_hmacsha256(mac, (const unsigned char *)id, strlen(id), c->secret);
	sodium_bin2hex(token, CSRF_HEX_LEN + 1, mac, sizeof(mac));
}

bool csrf_check(const struct csrf *c, const char *id, const char *token)
{
	char want[CSRF_HEX_LEN + 1];

	if (!csrf_session_valid(id) || !token || strlen(token) != CSRF_HEX_LEN) {
		return false;
	}
	csrf_token(c, id, want);
	return sodium_memcmp(want, token, CSRF_HEX_LEN) == 0;
}
