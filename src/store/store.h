/*
 * store.h: the SQLite database behind knead, and its transactions.
 *
 * The store is the only part of knead that speaks SQL. It opens one
 * database file in WAL mode with foreign keys on, brings its schema up to
 * date (migrations keyed on PRAGMA user_version), and offers transactions
 * that nest: a command begins one, every function it calls may begin and
 * commit its own, and only the outermost commit writes. Any rollback dooms
 * the whole transaction, so a command's writes land together or not at all.
 *
 * The aggregates have their own headers: store_athlete.h, store_activity.h,
 * store_gear.h. A struct store is not safe to share between threads.
 */
#ifndef KNEAD_STORE_H
#define KNEAD_STORE_H

#include <stdbool.h>

#include "base/err.h"

struct store;

enum store_mode {
	STORE_READ,  /* open an existing database; ERR_NOT_FOUND if there is none */
	STORE_WRITE, /* open or create the database file (not its folder) */
};

/* Open the database at path and migrate it to the current schema.
 * On success *out is a new handle for store_close. Errors: ERR_NOT_FOUND
 * (STORE_READ and no file), ERR_IO (cannot open or create: the message has
 * the path and the system's reason), ERR_FORMAT (not a knead database, or
 * one from a newer knead). */
enum err_code store_open(const char *path, enum store_mode mode, struct store **out,
                         struct err *err);

/* Close the handle. NULL is ignored. Closing with a transaction open is a
 * bug and aborts, naming where the transaction began. */
void store_close(struct store *s);

/* The path the store was opened with (borrowed, valid until close). */
const char *store_path(const struct store *s);

/* The schema version of the open database, and the newest this build knows. */
int store_schema_version(struct store *s);
int store_schema_latest(void);

/* Begin a transaction, or a nested level of the one in progress. The
 * outermost level takes the write lock at once (BEGIN IMMEDIATE), so a
 * command never fails half way for want of it. */
#define store_begin(s, err) store_begin_at((s), (err), __FILE__, __LINE__)
enum err_code store_begin_at(struct store *s, struct err *err, const char *file, int line);

/* End one level. At the outermost level, write everything, or, if any
 * level rolled back, undo everything and return ERR_CONFLICT. */
enum err_code store_commit(struct store *s, struct err *err);

/* End one level and doom the transaction: its outermost end undoes it. */
void store_rollback(struct store *s);

/* True while a transaction is open. */
bool store_in_transaction(const struct store *s);

/* The media type of a database file, for a backup sent over HTTP. */
#define STORE_MEDIA_TYPE "application/vnd.sqlite3"

/* Write a consistent copy of the whole database to dest (VACUUM INTO: one
 * read transaction, so writers elsewhere do not tear it), which must not
 * exist or be empty. Not inside a transaction. ERR_IO names dest. */
enum err_code store_backup(struct store *s, const char *dest, struct err *err);

/* A number that changes whenever another connection (another request,
 * another knead) commits a change to the database (PRAGMA data_version):
 * what a reader on a long-lived connection compares to know that what it
 * read earlier still holds. */
enum err_code store_data_version(struct store *s, int64_t *out, struct err *err);

#endif
