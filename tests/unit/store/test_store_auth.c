/*
 * test_store_auth.c: the web app's password and server secret in the
 * store (store/store_auth.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "store/store.h"
#include "store/store_auth.h"

static void test_secret_made_once_and_kept(void **state)
{
	struct fixture *f = *state;
	struct store_auth a, b;
	struct store *again = NULL;
	struct err err = ERR_INIT;
	static const unsigned char zero[STORE_AUTH_SECRET_LEN];

	assert_int_equal(store_auth_get(f->s, &a, &err), ERR_OK);
	assert_false(store_auth_has_password(&a));
	assert_memory_not_equal(a.secret, zero, sizeof(zero));
	/* the same secret from another connection: it survives a restart */
	assert_int_equal(store_open(f->db, STORE_READ, &again, &err), ERR_OK);
	assert_int_equal(store_auth_get(again, &b, &err), ERR_OK);
	assert_memory_equal(a.secret, b.secret, sizeof(a.secret));
	store_close(again);
}

static void test_set_verify_remove(void **state)
{
	struct fixture *f = *state;
	struct store_auth before, set, removed;
	struct err err = ERR_INIT;

	assert_int_equal(store_auth_get(f->s, &before, &err), ERR_OK);
	assert_int_equal(store_auth_set_password(f->s, "correct horse", &err), ERR_OK);
	assert_int_equal(store_auth_get(f->s, &set, &err), ERR_OK);
	assert_true(store_auth_has_password(&set));
	assert_int_equal(strncmp(set.hash, "$argon2id$", 10), 0);
	assert_null(strstr(set.hash, "horse"));
	assert_true(store_auth_verify(set.hash, "correct horse"));
	assert_false(store_auth_verify(set.hash, "correct horsE"));
	assert_false(store_auth_verify(set.hash, ""));
	/* a new password is a new secret: every login ends */
	assert_memory_not_equal(before.secret, set.secret, sizeof(set.secret));

	assert_int_equal(store_auth_set_password(f->s, NULL, &err), ERR_OK);
	assert_int_equal(store_auth_get(f->s, &removed, &err), ERR_OK);
	assert_false(store_auth_has_password(&removed));
	assert_false(store_auth_verify(removed.hash, "correct horse"));
	assert_memory_not_equal(removed.secret, set.secret, sizeof(set.secret));
}

static void test_bad_passwords_refused(void **state)
{
	struct fixture *f = *state;
	struct store_auth a;
	struct err err = ERR_INIT;
	char longest[STORE_AUTH_PASSWORD_MAX + 2];

	assert_int_equal(store_auth_set_password(f->s, "", &err), ERR_INPUT);
	assert_string_equal(err.msg, "the password is empty");
	err_clear(&err);
	assert_int_equal(store_auth_set_password(f->s, "1234567", &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "too short: 7 characters, at least 8"));
	err_clear(&err);
	assert_int_equal(store_auth_set_password(f->s, "tab\there ok", &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "control character"));
	err_clear(&err);
	memset(longest, 'x', sizeof(longest) - 1);
	longest[sizeof(longest) - 1] = '\0';
	assert_int_equal(store_auth_set_password(f->s, longest, &err), ERR_INPUT);
	err_clear(&err);
	assert_int_equal(store_auth_password_check("12345678", &err), ERR_OK);
	/* nothing was stored */
	assert_int_equal(store_auth_get(f->s, &a, &err), ERR_OK);
	assert_false(store_auth_has_password(&a));
}

static void test_backup_is_a_knead_database(void **state)
{
	struct fixture *f = *state;
	struct store_auth a, b;
	struct store *copy = NULL;
	struct err err = ERR_INIT;
	char dest[700];

	assert_int_equal(store_auth_set_password(f->s, "correct horse", &err), ERR_OK);
	assert_int_equal(store_auth_get(f->s, &a, &err), ERR_OK);
	snprintf(dest, sizeof(dest), "%s/copy.db", f->dir);
	assert_int_equal(store_backup(f->s, dest, &err), ERR_OK);
	assert_int_equal(store_open(dest, STORE_READ, &copy, &err), ERR_OK);
	assert_int_equal(store_schema_version(copy), store_schema_latest());
	assert_int_equal(store_auth_get(copy, &b, &err), ERR_OK);
	assert_string_equal(a.hash, b.hash);
	store_close(copy);
	/* an existing, non-empty destination is refused */
	assert_int_equal(store_backup(f->s, dest, &err), ERR_IO);
	assert_non_null(strstr(err.msg, "copy.db"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_secret_made_once_and_kept, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_set_verify_remove, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_bad_passwords_refused, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_backup_is_a_knead_database,
		                                fixture_setup_store, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
