/*
 * store_gear.c: the gear table (see store_gear.h).
 */
#include "store/store_gear.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

enum err_code store_gear_add(struct store *s, struct gear *g, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO gear (athlete_id, name, kind, since, retired, limit_m, note, "
	        "created_utc)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(strftime('%s', 'now') AS INTEGER))";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, g->athlete_id);
	store_bind_text(st, 2, g->name);
	store_bind_text(st, 3, gear_kind_name(g->kind));
	store_bind_date(st, 4, g->since);
	store_bind_date(st, 5, g->retired);
	store_bind_real(st, 6, g->limit_m);
	store_bind_text(st, 7, g->note);
	rc = store_step_done(s, st, "adding gear", err);
	if (rc == ERR_CONFLICT) {
		return err_set(err, ERR_CONFLICT, "there is already gear named '%s'", g->name);
	}
	if (!rc) {
		g->id = sqlite3_last_insert_rowid(store_db(s));
	}
	return rc;
}

enum err_code store_gear_update(struct store *s, const struct gear *g, struct err *err)
{
	static const char sql[] = "UPDATE gear SET name = ?3, kind = ?4, since = ?5, retired = ?6,"
	                          " limit_m = ?7, note = ?8 WHERE id = ?1 AND athlete_id = ?2";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, g->id);
	sqlite3_bind_int64(st, 2, g->athlete_id);
	store_bind_text(st, 3, g->name);
	store_bind_text(st, 4, gear_kind_name(g->kind));
	store_bind_date(st, 5, g->since);
	store_bind_date(st, 6, g->retired);
	store_bind_real(st, 7, g->limit_m);
	store_bind_text(st, 8, g->note);
	rc = store_step_done(s, st, "updating gear", err);
	if (rc == ERR_CONFLICT) {
		return err_set(err, ERR_CONFLICT, "there is already gear named '%s'", g->name);
	}
	if (!rc && sqlite3_changes(store_db(s)) == 0) {
		rc = err_set(err, ERR_NOT_FOUND, "no gear %lld", (long long)g->id);
	}
	return rc;
}

enum err_code store_gear_list(struct store *s, int64_t athlete_id, struct gear_list *out,
                              struct err *err)
{
	static const char sql[] =
	        "SELECT g.id, g.name, g.kind, g.since, g.retired, g.limit_m, g.note,"
	        " coalesce(sum(a.distance_m), 0), count(a.id), max(a.local_date)"
	        " FROM gear g LEFT JOIN activity a ON a.gear_id = g.id"
	        " WHERE g.athlete_id = ?1 GROUP BY g.id"
	        " ORDER BY g.retired IS NOT NULL, g.retired, g.since, g.id";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct gear *g = gear_list_push(out);
		const char *kind = (const char *)sqlite3_column_text(st, 2);

		g->id = sqlite3_column_int64(st, 0);
		g->athlete_id = athlete_id;
		g->name = store_column_strdup(st, 1);
		if (!kind || gear_kind_parse(kind, &g->kind, NULL) != ERR_OK) {
			g->kind = GEAR_OTHER;
		}
		g->since = store_column_date(st, 3);
		g->retired = store_column_date(st, 4);
		g->limit_m = store_column_real(st, 5);
		g->note = store_column_strdup(st, 6);
		g->distance_m = sqlite3_column_double(st, 7);
		g->n_activities = sqlite3_column_int(st, 8);
		g->last_used = store_column_date(st, 9);
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing gear", err);
	}
	store_stmt_done(st);
	return rc;
}

static void move_gear(struct gear *to, struct gear *from)
{
	*to = *from;
	gear_init(from);
}

enum err_code store_gear_find(struct store *s, int64_t athlete_id, const char *key,
                              struct gear *out, struct err *err)
{
	struct gear_list list = GEAR_LIST_INIT;
	size_t match;
	enum err_code rc;

	gear_init(out);
	rc = store_gear_list(s, athlete_id, &list, err);
	if (!rc) {
		rc = STORE_PICK(list.gears, list.n_gears, struct gear, key, "gear",
		                "add it with 'knead gear add'", &match, err);
	}
	if (!rc) {
		move_gear(out, &list.gears[match]);
	}
	gear_list_release(&list);
	return rc;
}
