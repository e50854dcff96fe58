/*
 * store_int.h: what the store's own files share; nothing outside
 * src/store includes this.
 *
 * Statements come from a per-connection cache keyed by the address of
 * their SQL text, which is always a string literal: each is prepared once
 * and reused, so a loop of inserts costs no re-parsing. A statement handed
 * out by store_stmt is reset and unbound; the caller resets it again with
 * store_stmt_done when finished, which releases its read lock.
 */
#ifndef KNEAD_STORE_INT_H
#define KNEAD_STORE_INT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "store/store.h"

/* The cached statement for sql (a string literal), ready to bind, or NULL
 * with err set if it does not prepare (a bug, reported with the SQL). */
sqlite3_stmt *store_stmt(struct store *s, const char *sql, struct err *err);

/* Reset st after use. NULL is ignored. */
void store_stmt_done(sqlite3_stmt *st);

/* Step st once, expecting it to finish (SQLITE_DONE). Errors carry the
 * database's message, with what describing the operation. */
enum err_code store_step_done(struct store *s, sqlite3_stmt *st, const char *what, struct err *err);

/* Fill err from the connection's last error; what names the operation
 * ("adding the activity"). Constraint failures are ERR_CONFLICT, a full
 * disk or I/O failure ERR_IO. Returns the code. */
enum err_code store_fail(struct store *s, const char *what, struct err *err);

/* The connection, for sqlite3_last_insert_rowid and sqlite3_changes. */
sqlite3 *store_db(struct store *s);

/* Binding helpers that store unknown values as NULL. */
void store_bind_text(sqlite3_stmt *st, int i, const char *text); /* NULL or "" → NULL */
void store_bind_real(sqlite3_stmt *st, int i, double v);         /* NAN → NULL */
void store_bind_int(sqlite3_stmt *st, int i, int64_t v, bool known);
void store_bind_date(sqlite3_stmt *st, int i, int32_t day); /* DATE_NONE → NULL */

/* Pick one of n named records (gear, providers), laid out size bytes
 * apart from items, each with an `int64_t id` and a `char *name` at the
 * offsets given, by key: its id ("3"), its name in any letter case, or a
 * unique prefix of a name; *match gets its index. Unknown is ERR_NOT_FOUND
 * ("no gear 'x' (there is 'a', 'b')", or with none at all, "no gear 'x'
 * (add_hint)") and ambiguous ERR_INPUT, each naming the candidates. what
 * is "gear" or "provider". */
#define STORE_PICK(items, n, type, key, what, add_hint, match, err)                                \
	store_pick((items), (n), sizeof(type), offsetof(type, id), offsetof(type, name), (key),    \
	           (what), (add_hint), (match), (err))
enum err_code store_pick(const void *items, size_t n, size_t size, size_t id_at, size_t name_at,
                         const char *key, const char *what, const char *add_hint, size_t *match,
                         struct err *err);

/* Column helpers that read NULL back as unknown. */
char *store_column_strdup(sqlite3_stmt *st, int i); /* NULL → NULL, else owned copy */
double store_column_real(sqlite3_stmt *st, int i);  /* NULL → NAN */
int32_t store_column_date(sqlite3_stmt *st, int i); /* NULL or malformed → DATE_NONE */

#endif
