/*
 * store.c: opening, migrating and transactions (see store.h), and the
 * statement cache and binding helpers the aggregate files share
 * (store_int.h).
 *
 * Migrations are the files in src/store/migrate, embedded at build time in
 * name order; migration N (its file starts with N as four digits) takes a
 * database from user_version N-1 to N inside one transaction. A knead
 * database is marked with PRAGMA application_id so that --db pointed at
 * some other program's SQLite file is refused rather than altered.
 */
#include "store/store.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/bug.h"
#include "base/strbuf.h"
#include "base/date.h"
#include "base/embed.h"
#include "base/xalloc.h"
#include "store/store_int.h"

/* "knad" in ASCII: marks a database file as knead's. */
#define KNEAD_APPLICATION_ID 0x6b6e6164

/* Statements a connection may cache; a bug trips the assert long before. */
#define STMT_CACHE_SIZE 96

/* How long a command waits for another writer before giving up. */
#define BUSY_TIMEOUT_MS 5000

extern const struct embed_file store_migrations[];
extern const size_t store_migrations_count;

struct cached_stmt {
	const char *sql;  /* the literal it was prepared from: the cache key */
	sqlite3_stmt *st; /* the prepared statement */
};

struct store {
	sqlite3 *db;                               /* the connection */
	char *path;                                /* as opened (owned) */
	bool readonly;                             /* opened without write access */
	int depth;                                 /* nesting of store_begin */
	bool doomed;                               /* a level rolled back */
	const char *begun_file;                    /* where the outermost begin was */
	int begun_line;                            /* ... and its line */
	struct cached_stmt cache[STMT_CACHE_SIZE]; /* prepared statements */
	int n_cache;                               /* entries in use */
};

sqlite3 *store_db(struct store *s)
{
	return s->db;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

int store_schema_latest(void)
{
	return (int)store_migrations_count;
}

enum err_code store_fail(struct store *s, const char *what, struct err *err)
{
	int rc = sqlite3_extended_errcode(s->db);
	int primary = rc & 0xff;
	enum err_code code = ERR_IO;

	if (primary == SQLITE_CONSTRAINT) {
		code = ERR_CONFLICT;
	} else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
		code = ERR_FORMAT;
	}
	return err_set(err, code, "%s in '%s': %s", what, s->path, sqlite3_errmsg(s->db));
}

static enum err_code exec(struct store *s, const char *sql, const char *what, struct err *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		return store_fail(s, what, err);
	}
	return ERR_OK;
}

/* Read a single integer from a statement such as "PRAGMA user_version". */
static enum err_code query_int(struct store *s, const char *sql, int64_t *out, struct err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_ROW) {
		enum err_code code = store_fail(s, "reading the database", err);

		sqlite3_finalize(st);
		return code;
	}
	*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return ERR_OK;
}

static enum err_code open_error(const char *path, sqlite3 *db, struct err *err)
{
	int sys = db ? sqlite3_system_errno(db) : 0;

	if (sys) {
		return err_set(err, ERR_IO, "cannot open database '%s': %s", path, strerror(sys));
	}
	return err_set(err, ERR_IO, "cannot open database '%s': %s", path,
	               db ? sqlite3_errmsg(db) : "out of memory");
}

/* Before creating path: say plainly when its folder is missing or closed,
 * rather than leave it to SQLite's "unable to open database file". */
static enum err_code check_folder(const char *path, struct err *err)
{
	const char *slash = strrchr(path, '/');
	char dir[4096];
	struct stat st;

	if (!slash) {
		snprintf(dir, sizeof(dir), ".");
	} else if (slash == path) {
		snprintf(dir, sizeof(dir), "/");
	} else {
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	}
	if (stat(dir, &st) != 0) {
		return err_set(err, ERR_IO, "cannot create database '%s': no folder '%s'", path,
		               dir);
	}
	if (!S_ISDIR(st.st_mode)) {
		return err_set(err, ERR_IO, "cannot create database '%s': '%s' is not a folder",
		               path, dir);
	}
	if (access(dir, W_OK) != 0) {
		return err_set(err, ERR_IO,
		               "cannot create database '%s': folder '%s' is not writable", path,
		               dir);
	}
	return ERR_OK;
}

static enum err_code check_path(const char *path, enum store_mode mode, struct err *err)
{
	struct stat st;

	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			return err_set(err, ERR_IO, "cannot open database '%s': it is a folder",
			               path);
		}
		return ERR_OK;
	}
	if (errno == ENOENT && mode == STORE_READ) {
		return err_set(err, ERR_NOT_FOUND, "no database at '%s'", path);
	}
	if (errno != ENOENT) {
		return err_set(err, ERR_IO, "cannot open database '%s': %s", path, strerror(errno));
	}
	return check_folder(path, err);
}

static enum err_code connect(struct store *s, enum store_mode mode, struct err *err)
{
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	int rc;

	if (mode == STORE_WRITE) {
		flags |= SQLITE_OPEN_CREATE;
	}
	rc = sqlite3_open_v2(s->path, &s->db, flags, NULL);
	if (rc != SQLITE_OK && mode == STORE_READ) {
		/* A file we may read but not write still answers read commands. */
		sqlite3_close(s->db);
		s->db = NULL;
		rc = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
		                     NULL);
		s->readonly = true;
	}
	if (rc != SQLITE_OK) {
		return open_error(s->path, s->db, err);
	}
	/* A write-protected file opens read-only even when asked for writing. */
	if (sqlite3_db_readonly(s->db, "main") == 1) {
		s->readonly = true;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	return ERR_OK;
}

/* What the first read of a file tells: not SQLite at all, a damaged
 * database, or a system error such as a permission. */
static enum err_code first_read_error(struct store *s, struct err *err)
{
	switch (sqlite3_extended_errcode(s->db) & 0xff) {
	case SQLITE_NOTADB:
		return err_set(err, ERR_FORMAT, "'%s' is not a knead database (not SQLite)",
		               s->path);
	case SQLITE_CORRUPT:
		return err_set(err, ERR_FORMAT, "'%s' is damaged (%s); restore it from a backup",
		               s->path, sqlite3_errmsg(s->db));
	default:
		return open_error(s->path, s->db, err);
	}
}

/* Refuse files that are not SQLite, belong to another program, or come
 * from a newer knead; report the schema version found. */
static enum err_code identify(struct store *s, int64_t *version, struct err *err)
{
	int64_t app_id, n_tables;

	if (sqlite3_exec(s->db, "PRAGMA application_id", NULL, NULL, NULL) != SQLITE_OK) {
		return first_read_error(s, err);
	}
	if (query_int(s, "PRAGMA application_id", &app_id, err) ||
	    query_int(s, "PRAGMA user_version", version, err) ||
	    query_int(s, "SELECT count(*) FROM sqlite_schema", &n_tables, err)) {
		return err->code;
	}
	if (app_id != KNEAD_APPLICATION_ID && (app_id != 0 || n_tables > 0)) {
		return err_set(err, ERR_FORMAT,
		               "'%s' is a SQLite database of another program, not knead's",
		               s->path);
	}
	if (*version > store_schema_latest()) {
		return err_set(err, ERR_FORMAT,
		               "'%s' was written by a newer knead (schema %lld; this one knows %d)",
		               s->path, (long long)*version, store_schema_latest());
	}
	return ERR_OK;
}

static enum err_code migrate(struct store *s, int64_t from, struct err *err)
{
	char sql[96];

	if (from < store_schema_latest() && s->readonly) {
		return err_set(err, ERR_IO, "cannot update the schema of '%s': it is read-only",
		               s->path);
	}
	for (int64_t v = from; v < store_schema_latest(); v++) {
		const struct embed_file *m = &store_migrations[v];
		enum err_code rc;

		/* Files are numbered from 0001 without gaps; the build lists them. */
		assert(strtol(m->name, NULL, 10) == v + 1);
		rc = exec(s, "BEGIN IMMEDIATE", "starting the schema update", err);
		if (rc) {
			return rc;
		}
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %lld; PRAGMA application_id = %d",
		         (long long)(v + 1), KNEAD_APPLICATION_ID);
		rc = exec(s, (const char *)m->data, m->name, err);
		if (!rc) {
			rc = exec(s, sql, m->name, err);
		}
		if (!rc) {
			rc = exec(s, "COMMIT", m->name, err);
		}
		if (rc) {
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
			return err_prefix(err, "updating the schema to version %lld",
			                  (long long)(v + 1));
		}
	}
	return ERR_OK;
}

enum err_code store_open(const char *path, enum store_mode mode, struct store **out,
                         struct err *err)
{
	struct store *s;
	int64_t version = 0;
	enum err_code rc;

	rc = check_path(path, mode, err);
	if (rc) {
		return rc;
	}
	s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	rc = connect(s, mode, err);
	if (!rc) {
		rc = identify(s, &version, err);
	}
	if (!rc) {
		rc = exec(s, "PRAGMA foreign_keys = ON", "enabling foreign keys", err);
	}
	if (!rc && !s->readonly) {
		/* WAL lets the web app read while a command writes; NORMAL sync
		 * is durable in WAL mode except for the last commit on power loss. */
		if (sqlite3_exec(s->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL",
		                 NULL, NULL, NULL) != SQLITE_OK) {
			rc = first_read_error(s, err);
		}
	}
	if (!rc) {
		rc = migrate(s, version, err);
	}
	if (rc) {
		store_close(s);
		return rc;
	}
	*out = s;
	return ERR_OK;
}

void store_close(struct store *s)
{
	if (!s) {
		return;
	}
	if (s->depth > 0) {
		BUG("the transaction begun at %s:%d was left open", s->begun_file, s->begun_line);
	}
	for (int i = 0; i < s->n_cache; i++) {
		sqlite3_finalize(s->cache[i].st);
	}
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

int store_schema_version(struct store *s)
{
	int64_t v = -1;
	struct err err = ERR_INIT;

	if (query_int(s, "PRAGMA user_version", &v, &err)) {
		return -1;
	}
	return (int)v;
}

enum err_code store_begin_at(struct store *s, struct err *err, const char *file, int line)
{
	if (s->depth == 0) {
		if (s->readonly) {
			return err_set(err, ERR_IO, "cannot write to '%s': it is read-only",
			               s->path);
		}
		if (exec(s, "BEGIN IMMEDIATE", "starting a transaction", err)) {
			return err->code;
		}
		s->doomed = false;
		s->begun_file = file;
		s->begun_line = line;
	}
	s->depth++;
	return ERR_OK;
}

enum err_code store_commit(struct store *s, struct err *err)
{
	assert(s->depth > 0);
	if (--s->depth > 0) {
		return ERR_OK;
	}
	if (s->doomed) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return err_set(err, ERR_CONFLICT,
		               "the change was undone because part of it failed");
	}
	if (exec(s, "COMMIT", "saving", err)) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return err->code;
	}
	return ERR_OK;
}

void store_rollback(struct store *s)
{
	assert(s->depth > 0);
	s->doomed = true;
	if (--s->depth == 0) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	}
}

bool store_in_transaction(const struct store *s)
{
	return s->depth > 0;
}

enum err_code store_backup(struct store *s, const char *dest, struct err *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (s->depth) {
		BUG("store_backup inside a transaction (begun at %s:%d)", s->begun_file,
		    s->begun_line);
	}
	rc = sqlite3_prepare_v2(s->db, "VACUUM INTO ?1", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, dest, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_OK) {
		return err_set(err, ERR_IO, "cannot copy '%s' to '%s': %s", s->path, dest,
		               sqlite3_errmsg(s->db));
	}
	return ERR_OK;
}

enum err_code store_data_version(struct store *s, int64_t *out, struct err *err)
{
	sqlite3_stmt *st = store_stmt(s, "PRAGMA data_version", err);

	if (!st) {
		return err->code;
	}
	if (sqlite3_step(st) != SQLITE_ROW) {
		return store_fail(s, "reading the data version", err);
	}
	*out = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return ERR_OK;
}

sqlite3_stmt *store_stmt(struct store *s, const char *sql, struct err *err)
{
	sqlite3_stmt *st;

	for (int i = 0; i < s->n_cache; i++) {
		if (s->cache[i].sql == sql) {
			st = s->cache[i].st;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	}
	if (s->n_cache == STMT_CACHE_SIZE) {
		BUG("more than %d cached statements; raise STMT_CACHE_SIZE", STMT_CACHE_SIZE);
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		err_set(err, ERR_IO, "preparing SQL in '%s': %s\n%s", s->path,
		        sqlite3_errmsg(s->db), sql);
		return NULL;
	}
	s->cache[s->n_cache].sql = sql;
	s->cache[s->n_cache].st = st;
	s->n_cache++;
	return st;
}

void store_stmt_done(sqlite3_stmt *st)
{
	if (st) {
		sqlite3_reset(st);
	}
}

enum err_code store_step_done(struct store *s, sqlite3_stmt *st, const char *what, struct err *err)
{
	int rc = sqlite3_step(st);
	enum err_code code = ERR_OK;

	if (rc != SQLITE_DONE) {
		code = store_fail(s, what, err);
	}
	sqlite3_reset(st);
	return code;
}

void store_bind_text(sqlite3_stmt *st, int i, const char *text)
{
	if (text && *text) {
		sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_bind_null(st, i);
	}
}

void store_bind_real(sqlite3_stmt *st, int i, double v)
{
	if (isnan(v)) {
		sqlite3_bind_null(st, i);
	} else {
		sqlite3_bind_double(st, i, v);
	}
}

void store_bind_int(sqlite3_stmt *st, int i, int64_t v, bool known)
{
	if (known) {
		sqlite3_bind_int64(st, i, v);
	} else {
		sqlite3_bind_null(st, i);
	}
}

void store_bind_date(sqlite3_stmt *st, int i, int32_t day)
{
	char buf[DATE_ISO_LEN];

	if (day == DATE_NONE) {
		sqlite3_bind_null(st, i);
		return;
	}
	date_format(day, buf);
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

char *store_column_strdup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? xstrdup((const char *)t) : NULL;
}

double store_column_real(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? (double)NAN
	                                                 : sqlite3_column_double(st, i);
}

int32_t store_column_date(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	int32_t day;

	if (!t || !date_parse_iso((const char *)t, &day)) {
		return DATE_NONE;
	}
	return day;
}

/* The id and name of record i of a store_pick array. */
static int64_t pick_id(const void *items, size_t i, size_t size, size_t id_at)
{
	int64_t id;

	memcpy(&id, (const char *)items + i * size + id_at, sizeof(id));
	return id;
}

static const char *pick_name(const void *items, size_t i, size_t size, size_t name_at)
{
	const char *name;

	memcpy(&name, (const char *)items + i * size + name_at, sizeof(name));
	return name;
}

enum err_code store_pick(const void *items, size_t n, size_t size, size_t id_at, size_t name_at,
                         const char *key, const char *what, const char *add_hint, size_t *match,
                         struct err *err)
{
	struct strbuf list = STRBUF_INIT;
	size_t key_len = strlen(key), n_matches = 0;
	int64_t id = 0;
	enum err_code rc = ERR_OK;

	if (key_len && strspn(key, "0123456789") == key_len && key_len < 18) {
		for (const char *p = key; *p; p++) {
			id = id * 10 + (*p - '0');
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (pick_id(items, i, size, id_at) == id ||
		    strcasecmp(pick_name(items, i, size, name_at), key) == 0) {
			*match = i;
			return ERR_OK;
		}
	}
	for (size_t i = 0; i < n; i++) {
		const char *name = pick_name(items, i, size, name_at);

		if (key_len && strncasecmp(name, key, key_len) == 0) {
			*match = i;
			n_matches++;
			strbuf_addf(&list, "%s'%s'", list.len ? ", " : "", name);
		}
	}
	if (n_matches > 1) {
		rc = err_set(err, ERR_INPUT, "'%s' could be any of: %s", key, list.buf);
	} else if (n_matches == 0) {
		for (size_t i = 0; i < n; i++) {
			strbuf_addf(&list, "%s'%s'", list.len ? ", " : "",
			            pick_name(items, i, size, name_at));
		}
		if (n) {
			rc = err_set(err, ERR_NOT_FOUND, "no %s '%s' (there is %s)", what, key,
			             list.buf);
		} else {
			rc = err_set(err, ERR_NOT_FOUND, "no %s '%s' (%s)", what, key, add_hint);
		}
	}
	strbuf_release(&list);
	return rc;
}
