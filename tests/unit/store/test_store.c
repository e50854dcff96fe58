/*
 * test_store.c: opening, identifying, migrating and transactions
 * (store/store.h). Each test works in its own temporary folder.
 *
 * The files of other programs and newer knead versions are made with the
 * SQLite API directly, as those programs would.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "fixture.h"
#include "store/store.h"
#include "store/store_athlete.h"

#define KNEAD_APPLICATION_ID 0x6b6e6164

static bool file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static struct store *open_ok(const char *path, enum store_mode mode)
{
	struct store *s = NULL;
	struct err err = ERR_INIT;

	if (store_open(path, mode, &s, &err) != ERR_OK) {
		fail_msg("store_open('%s'): %s", path, err.msg);
	}
	assert_non_null(s);
	return s;
}

/* store_open must fail with code and a message containing word (if not
 * NULL) and the path, leaving *out alone. */
static void open_fails(const char *path, enum store_mode mode, enum err_code code, const char *word)
{
	static int sentinel_object;
	struct store *const sentinel = (struct store *)(void *)&sentinel_object;
	struct store *s = sentinel; /* must survive the failure */
	struct err err = ERR_INIT;
	enum err_code rc = store_open(path, mode, &s, &err);

	if (rc != code) {
		fail_msg("store_open('%s') gave %d (%s), expected %d", path, (int)rc, err.msg,
		         (int)code);
	}
	assert_ptr_equal(s, sentinel);
	if (word && !strstr(err.msg, word)) {
		fail_msg("message \"%s\" lacks '%s'", err.msg, word);
	}
	if (!strstr(err.msg, path)) {
		fail_msg("message \"%s\" does not name '%s'", err.msg, path);
	}
}

/* Run SQL on a file through SQLite directly, as another program would. */
static void sqlite_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fail_msg("%s: %s", sql, msg);
	}
	sqlite3_close(db);
}

/* An integer read through SQLite directly. */
static int64_t sqlite_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int64_t v;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

/* Whether athlete id exists, through a fresh handle. */
static bool athlete_exists(const char *path, int64_t id)
{
	struct store *s = open_ok(path, STORE_READ);
	struct athlete a;
	struct err err = ERR_INIT;
	enum err_code rc = store_athlete_get(s, id, &a, &err);

	athlete_release(&a);
	store_close(s);
	if (rc != ERR_OK && rc != ERR_NOT_FOUND) {
		fail_msg("reading athlete %lld: %s", (long long)id, err.msg);
	}
	return rc == ERR_OK;
}

static void ensure(struct store *s, int64_t id)
{
	struct err err = ERR_INIT;

	if (store_athlete_ensure(s, id, &err) != ERR_OK) {
		fail_msg("ensure %lld: %s", (long long)id, err.msg);
	}
}

/* ---- opening ---- */

static void test_read_missing(void **state)
{
	struct fixture *f = *state;

	open_fails(f->db, STORE_READ, ERR_NOT_FOUND, NULL);
	assert_false(file_exists(f->db)); /* nothing created */
}

static void test_write_creates(void **state)
{
	struct fixture *f = *state;
	struct store *s;

	assert_true(store_schema_latest() >= 1);
	s = open_ok(f->db, STORE_WRITE);
	assert_true(file_exists(f->db));
	assert_string_equal(store_path(s), f->db);
	assert_int_equal(store_schema_version(s), store_schema_latest());
	assert_false(store_in_transaction(s));
	store_close(s);
	/* marked as knead's */
	assert_int_equal(sqlite_int(f->db, "PRAGMA application_id"), KNEAD_APPLICATION_ID);
	assert_int_equal(sqlite_int(f->db, "PRAGMA user_version"), store_schema_latest());

	/* reopening in either mode works and changes nothing */
	s = open_ok(f->db, STORE_READ);
	assert_int_equal(store_schema_version(s), store_schema_latest());
	store_close(s);
	s = open_ok(f->db, STORE_WRITE);
	assert_int_equal(store_schema_version(s), store_schema_latest());
	store_close(s);
	store_close(NULL);
}

static void test_wal(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->db, STORE_WRITE);
	struct store *s2;
	struct strbuf wal = STRBUF_INIT;
	sqlite3 *db;
	sqlite3_stmt *st;

	strbuf_addf(&wal, "%s-wal", f->db);
	ensure(s, 1);
	assert_true(file_exists(wal.buf)); /* the write went to the log */
	/* a second handle may open while the first is open */
	s2 = open_ok(f->db, STORE_WRITE);
	store_close(s2);
	store_close(s);
	/* the file says WAL */
	assert_int_equal(sqlite3_open_v2(f->db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	sqlite3_close(db);
	strbuf_release(&wal);
}

static void test_not_sqlite(void **state)
{
	struct fixture *f = *state;
	static const char text[] = "date,sport,distance\n2026-11-21,run,8k\n";
	FILE *fp;
	char back[sizeof(text)] = "";

	write_file(f->db, text);
	open_fails(f->db, STORE_READ, ERR_FORMAT, "not a knead database");
	open_fails(f->db, STORE_WRITE, ERR_FORMAT, "not a knead database");
	/* the file is left as it was */
	fp = fopen(f->db, "r");
	assert_non_null(fp);
	assert_int_equal(fread(back, 1, sizeof(back), fp), sizeof(text) - 1);
	fclose(fp);
	assert_string_equal(back, text);

	/* a larger file of text, more than a SQLite header's worth */
	{
		struct strbuf big = STRBUF_INIT;

		for (int i = 0; i < 500; i++) {
			strbuf_addf(&big, "2026-11-%02d,run,%dk\n", i % 28 + 1, i % 20 + 1);
		}
		write_file(f->db, big.buf);
		strbuf_release(&big);
	}
	open_fails(f->db, STORE_WRITE, ERR_FORMAT, "not a knead database");
}

static void test_other_program(void **state)
{
	struct fixture *f = *state;

	sqlite_exec(f->db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
	                   " INSERT INTO notes (body) VALUES ('hello')");
	open_fails(f->db, STORE_WRITE, ERR_FORMAT, "another program");
	open_fails(f->db, STORE_READ, ERR_FORMAT, "another program");
	/* not altered */
	assert_int_equal(sqlite_int(f->db, "PRAGMA user_version"), 0);
	assert_int_equal(sqlite_int(f->db, "PRAGMA application_id"), 0);
	assert_int_equal(sqlite_int(f->db, "SELECT count(*) FROM sqlite_schema"), 1);
	assert_int_equal(sqlite_int(f->db, "SELECT count(*) FROM notes"), 1);

	/* another application id, even with no tables */
	unlink(f->db);
	sqlite_exec(f->db, "PRAGMA application_id = 1234");
	open_fails(f->db, STORE_WRITE, ERR_FORMAT, "another program");
	assert_int_equal(sqlite_int(f->db, "SELECT count(*) FROM sqlite_schema"), 0);
}

static void test_newer_knead(void **state)
{
	struct fixture *f = *state;
	char sql[128];

	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d; PRAGMA user_version = 999",
	         KNEAD_APPLICATION_ID);
	sqlite_exec(f->db, sql);
	open_fails(f->db, STORE_WRITE, ERR_FORMAT, "newer");
	open_fails(f->db, STORE_READ, ERR_FORMAT, "newer");
	assert_int_equal(sqlite_int(f->db, "PRAGMA user_version"), 999);

	/* one past the latest is already too new */
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", store_schema_latest() + 1);
	sqlite_exec(f->db, sql);
	open_fails(f->db, STORE_WRITE, ERR_FORMAT, "newer");
}

static void test_empty_sqlite_file_is_initialised(void **state)
{
	struct fixture *f = *state;
	struct store *s;

	/* an empty file (as `touch` makes) and an empty SQLite database with
	 * knead's id are both taken as new databases */
	write_file(f->db, "");
	s = open_ok(f->db, STORE_WRITE);
	assert_int_equal(store_schema_version(s), store_schema_latest());
	store_close(s);
	unlink(f->db);
	{
		char sql[64];

		snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", KNEAD_APPLICATION_ID);
		sqlite_exec(f->db, sql);
	}
	s = open_ok(f->db, STORE_WRITE);
	assert_int_equal(store_schema_version(s), store_schema_latest());
	store_close(s);
}

static void test_directory(void **state)
{
	struct fixture *f = *state;

	open_fails(f->dir, STORE_WRITE, ERR_IO, "folder");
	open_fails(f->dir, STORE_READ, ERR_IO, "folder");
}

static void test_missing_folder(void **state)
{
	struct fixture *f = *state;
	struct strbuf path = STRBUF_INIT;

	strbuf_addf(&path, "%s/nope/knead.db", f->dir);
	open_fails(path.buf, STORE_WRITE, ERR_IO, "nope");
	open_fails(path.buf, STORE_READ, ERR_NOT_FOUND, NULL);
	strbuf_reset(&path);
	/* a file where the folder should be */
	strbuf_addf(&path, "%s/plain", f->dir);
	write_file(path.buf, "x");
	strbuf_adds(&path, "/knead.db");
	open_fails(path.buf, STORE_WRITE, ERR_IO, "plain");
	strbuf_release(&path);
}

static void test_truncated(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->db, STORE_WRITE);
	struct err err = ERR_INIT;
	struct athlete a;
	enum err_code rc;

	ensure(s, 1);
	store_close(s); /* checkpoints the log into the file */
	assert_int_equal(truncate(f->db, 4096), 0);
	rc = store_open(f->db, STORE_WRITE, &s, &err);
	if (rc == ERR_OK) {
		rc = store_athlete_get(s, 1, &a, &err);
		athlete_release(&a);
		store_close(s);
	}
	if (rc == ERR_OK) {
		fail_msg("a truncated database opened and read as if whole");
	}
	assert_non_null(strstr(err.msg, f->db));
	/* Regression: a damaged file was reported as ERR_IO; it is
	 * ERR_FORMAT, as store_fail reports damage found after opening. */
	if (rc != ERR_FORMAT) {
		fail_msg("a truncated database gave %d: %s", (int)rc, err.msg);
	}
}

/* ---- transactions ---- */

static void test_commit_persists(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->db, STORE_WRITE);
	struct err err = ERR_INIT;

	assert_int_equal(store_begin(s, &err), ERR_OK);
	assert_true(store_in_transaction(s));
	ensure(s, 1);
	assert_int_equal(store_commit(s, &err), ERR_OK);
	assert_false(store_in_transaction(s));
	store_close(s);
	assert_true(athlete_exists(f->db, 1));
}

static void test_nested_commit_writes_at_outermost(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->db, STORE_WRITE);
	struct err err = ERR_INIT;

	assert_int_equal(store_begin(s, &err), ERR_OK);
	assert_int_equal(store_begin(s, &err), ERR_OK);
	ensure(s, 1);
	assert_int_equal(store_commit(s, &err), ERR_OK); /* inner: nothing written yet */
	assert_true(store_in_transaction(s));
	assert_false(athlete_exists(f->db, 1)); /* another connection sees nothing */
	assert_int_equal(store_commit(s, &err), ERR_OK);
	assert_false(store_in_transaction(s));
	assert_true(athlete_exists(f->db, 1));
	store_close(s);
}

static void test_inner_rollback_dooms(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->db, STORE_WRITE);
	struct err err = ERR_INIT;

	assert_int_equal(store_begin(s, &err), ERR_OK);
	ensure(s, 1);
	assert_int_equal(store_begin(s, &err), ERR_OK);
	ensure(s, 2);
	store_rollback(s);
	assert_true(store_in_transaction(s)); /* the outer level is still open */
	ensure(s, 3);
	assert_int_equal(store_commit(s, &err), ERR_CONFLICT);
	assert_true(strlen(err.msg) > 0);
	assert_false(store_in_transaction(s));
	store_close(s);
	assert_false(athlete_exists(f->db, 1));
	assert_false(athlete_exists(f->db, 2));
	assert_false(athlete_exists(f->db, 3));

	/* the next transaction starts clean */
	s = open_ok(f->db, STORE_WRITE);
	assert_int_equal(store_begin(s, &err), ERR_OK);
	ensure(s, 4);
	err_clear(&err);
	assert_int_equal(store_commit(s, &err), ERR_OK);
	store_close(s);
	assert_true(athlete_exists(f->db, 4));
}

static void test_doom_then_fresh_transaction_same_handle(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->db, STORE_WRITE);
	struct err err = ERR_INIT;

	assert_int_equal(store_begin(s, &err), ERR_OK);
	assert_int_equal(store_begin(s, &err), ERR_OK);
	store_rollback(s);
	assert_int_equal(store_commit(s, &err), ERR_CONFLICT);
	/* the doom does not outlive its transaction */
	err_clear(&err);
	assert_int_equal(store_begin(s, &err), ERR_OK);
	ensure(s, 1);
	assert_int_equal(store_commit(s, &err), ERR_OK);
	store_close(s);
	assert_true(athlete_exists(f->db, 1));
}

static void test_outer_rollback(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->db, STORE_WRITE);
	struct err err = ERR_INIT;

	assert_int_equal(store_begin(s, &err), ERR_OK);
	ensure(s, 1);
	assert_int_equal(store_begin(s, &err), ERR_OK);
	ensure(s, 2);
	assert_int_equal(store_commit(s, &err), ERR_OK);
	store_rollback(s);
	assert_false(store_in_transaction(s));
	/* undone on this handle too */
	{
		struct athlete a;

		assert_int_equal(store_athlete_get(s, 1, &a, &err), ERR_NOT_FOUND);
		athlete_release(&a);
	}
	store_close(s);
	assert_false(athlete_exists(f->db, 1));
	assert_false(athlete_exists(f->db, 2));
}

static void test_autocommit_outside_transaction(void **state)
{
	struct fixture *f = *state;
	struct store *s = open_ok(f->db, STORE_WRITE);

	ensure(s, 1);
	assert_true(athlete_exists(f->db, 1)); /* visible at once */
	store_close(s);
}

static void test_read_only_file(void **state)
{
	struct fixture *f = *state;
	struct store *s;
	struct err err = ERR_INIT;
	struct athlete a;

	if (geteuid() == 0) {
		skip(); /* root ignores file modes */
	}
	s = open_ok(f->db, STORE_WRITE);
	ensure(s, 1);
	store_close(s);
	assert_int_equal(chmod(f->db, 0444), 0);
	s = open_ok(f->db, STORE_READ);
	assert_int_equal(store_athlete_get(s, 1, &a, &err), ERR_OK); /* reads work */
	athlete_release(&a);
	assert_int_not_equal(store_begin(s, &err), ERR_OK);
	assert_non_null(strstr(err.msg, f->db));
	assert_false(store_in_transaction(s));
	store_close(s);
	chmod(f->db, 0644);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_read_missing, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_write_creates, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_wal, fixture_setup_folder, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_not_sqlite, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_other_program, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_newer_knead, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_empty_sqlite_file_is_initialised,
		                                fixture_setup_folder, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_directory, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_missing_folder, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_truncated, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_commit_persists, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_nested_commit_writes_at_outermost,
		                                fixture_setup_folder, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_inner_rollback_dooms, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_doom_then_fresh_transaction_same_handle,
		                                fixture_setup_folder, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_outer_rollback, fixture_setup_folder,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_autocommit_outside_transaction,
		                                fixture_setup_folder, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_read_only_file, fixture_setup_folder,
		                                fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
