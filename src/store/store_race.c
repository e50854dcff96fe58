/*
 * store_race.c: the race table (see store_race.h).
 *
 * Names are not unique: a runner enters "City 10k" every spring. The
 * schema refuses the same name twice on one day, and the same activity as
 * the result of two races; both come back as ERR_CONFLICT in the runner's
 * words.
 */
#include "store/store_race.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "store/store_int.h"

/* Whether activity_id is one of athlete_id's activities. */
static enum err_code activity_owned(struct store *s, int64_t athlete_id, int64_t activity_id,
                                    bool *owned, struct err *err)
{
	static const char sql[] = "SELECT 1 FROM activity WHERE id = ?1 AND athlete_id = ?2";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, activity_id);
	sqlite3_bind_int64(st, 2, athlete_id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW || step == SQLITE_DONE) {
		*owned = step == SQLITE_ROW;
	} else {
		rc = store_fail(s, "looking up the race's activity", err);
	}
	store_stmt_done(st);
	return rc;
}

/* The name of the race of athlete_id other than race_id that activity_id
 * is the result of, into *name (owned, NULL if none). */
static enum err_code race_of_activity(struct store *s, int64_t athlete_id, int64_t activity_id,
                                      int64_t race_id, char **name, struct err *err)
{
	static const char sql[] = "SELECT name FROM race"
	                          " WHERE activity_id = ?1 AND athlete_id = ?2 AND id <> ?3";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	*name = NULL;
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, activity_id);
	sqlite3_bind_int64(st, 2, athlete_id);
	sqlite3_bind_int64(st, 3, race_id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*name = store_column_strdup(st, 0);
	} else if (step != SQLITE_DONE) {
		rc = store_fail(s, "looking up the race's activity", err);
	}
	store_stmt_done(st);
	return rc;
}

/* Check r's activity before writing, so a conflict is named, not left to
 * the schema's terse constraint message. */
static enum err_code check_activity(struct store *s, const struct race *r, struct err *err)
{
	bool owned = false;
	char *other = NULL;
	enum err_code rc;

	if (r->activity_id == 0) {
		return ERR_OK;
	}
	rc = activity_owned(s, r->athlete_id, r->activity_id, &owned, err);
	if (!rc && !owned) {
		rc = err_set(err, ERR_CONFLICT, "there is no activity %lld",
		             (long long)r->activity_id);
	}
	if (!rc) {
		rc = race_of_activity(s, r->athlete_id, r->activity_id, r->id, &other, err);
	}
	if (!rc && other) {
		rc = err_set(err, ERR_CONFLICT, "activity %lld is already the race '%s'",
		             (long long)r->activity_id, other);
	}
	free(other);
	return rc;
}

/* Bind r's fields from ?3 on, in the order both statements list them. */
static void bind_fields(sqlite3_stmt *st, const struct race *r)
{
	store_bind_text(st, 3, r->name);
	store_bind_date(st, 4, r->date);
	store_bind_real(st, 5, r->distance_m);
	store_bind_text(st, 6, race_priority_name(r->priority));
	store_bind_text(st, 7, race_terrain_name(r->terrain)); /* "" (unknown) → NULL */
	store_bind_text(st, 8, race_status_name(r->status));
	store_bind_real(st, 9, r->goal_s);
	store_bind_real(st, 10, r->result_s);
	store_bind_int(st, 11, r->activity_id, r->activity_id != 0);
	store_bind_text(st, 12, r->note);
}

/* The unique index race_name_day failed: sqlite names its columns
 * ("UNIQUE constraint failed: race.athlete_id, race.name, ..."). */
static enum err_code name_conflict(const struct race *r, struct err *err)
{
	char day[DATE_ISO_LEN];

	date_format(r->date, day);
	return err_set(err, ERR_CONFLICT, "there is already a race '%s' on %s", r->name, day);
}

enum err_code store_race_add(struct store *s, struct race *r, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO race (id, athlete_id, name, race_date, distance_m, priority, terrain,"
	        " status, goal_s, result_s, activity_id, note, created_utc)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	        " CAST(strftime('%s', 'now') AS INTEGER))";
	sqlite3_stmt *st;
	enum err_code rc = check_activity(s, r, err);

	if (rc) {
		return rc;
	}
	st = store_stmt(s, sql, err);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_null(st, 1); /* a new rowid */
	sqlite3_bind_int64(st, 2, r->athlete_id);
	bind_fields(st, r);
	rc = store_step_done(s, st, "adding the race", err);
	if (rc == ERR_CONFLICT && strstr(err->msg, "race.name")) {
		return name_conflict(r, err);
	}
	if (!rc) {
		r->id = sqlite3_last_insert_rowid(store_db(s));
	}
	return rc;
}

enum err_code store_race_update(struct store *s, const struct race *r, struct err *err)
{
	static const char sql[] =
	        "UPDATE race SET name = ?3, race_date = ?4, distance_m = ?5, priority = ?6,"
	        " terrain = ?7, status = ?8, goal_s = ?9, result_s = ?10, activity_id = ?11,"
	        " note = ?12 WHERE id = ?1 AND athlete_id = ?2";
	sqlite3_stmt *st;
	enum err_code rc = check_activity(s, r, err);

	if (rc) {
		return rc;
	}
	st = store_stmt(s, sql, err);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int64(st, 2, r->athlete_id);
	bind_fields(st, r);
	rc = store_step_done(s, st, "updating the race", err);
	if (rc == ERR_CONFLICT && strstr(err->msg, "race.name")) {
		return name_conflict(r, err);
	}
	if (!rc && sqlite3_changes(store_db(s)) == 0) {
		rc = err_set(err, ERR_NOT_FOUND, "no race %lld", (long long)r->id);
	}
	return rc;
}

/* Read one row of the list query into r. Words the schema allows always
 * parse; should one not, the default stands rather than failing a list. */
static void read_race(sqlite3_stmt *st, int64_t athlete_id, struct race *r)
{
	const char *priority = (const char *)sqlite3_column_text(st, 4);
	const char *terrain = (const char *)sqlite3_column_text(st, 5);
	const char *status = (const char *)sqlite3_column_text(st, 6);

	r->id = sqlite3_column_int64(st, 0);
	r->athlete_id = athlete_id;
	r->name = store_column_strdup(st, 1);
	r->date = store_column_date(st, 2);
	r->distance_m = store_column_real(st, 3);
	if (priority) {
		(void)race_priority_parse(priority, &r->priority, NULL);
	}
	if (terrain) {
		(void)race_terrain_parse(terrain, &r->terrain, NULL);
	}
	if (status) {
		(void)race_status_parse(status, &r->status, NULL);
	}
	r->goal_s = store_column_real(st, 7);
	r->result_s = store_column_real(st, 8);
	r->activity_id = sqlite3_column_int64(st, 9); /* NULL reads as 0 */
	r->note = store_column_strdup(st, 10);
}

enum err_code store_race_list(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                              struct race_list *out, struct err *err)
{
	static const char sql[] =
	        "SELECT id, name, race_date, distance_m, priority, terrain, status, goal_s,"
	        " result_s, activity_id, note FROM race"
	        " WHERE athlete_id = ?1 AND (?2 IS NULL OR race_date >= ?2)"
	        " AND (?3 IS NULL OR race_date <= ?3) ORDER BY race_date, id";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		read_race(st, athlete_id, race_list_push(out));
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing races", err);
	}
	store_stmt_done(st);
	return rc;
}

/* When key is exactly the name of more than one race (the same race in
 * different years), which one is meant cannot be guessed: ERR_INPUT
 * listing them with their ids and days. */
static enum err_code refuse_repeated_name(const struct race_list *list, const char *key,
                                          struct err *err)
{
	struct strbuf which = STRBUF_INIT;
	size_t n = 0;
	enum err_code rc = ERR_OK;

	for (size_t i = 0; i < list->n_races; i++) {
		const struct race *r = &list->races[i];
		char day[DATE_ISO_LEN];

		if (strcasecmp(r->name, key) != 0) {
			continue;
		}
		date_format(r->date, day);
		strbuf_addf(&which, "%s%lld (%s)", n ? ", " : "", (long long)r->id, day);
		n++;
	}
	if (n > 1) {
		rc = err_set(err, ERR_INPUT, "there are %zu races named '%s'; give the id: %s", n,
		             key, which.buf);
	}
	strbuf_release(&which);
	return rc;
}

enum err_code store_race_find(struct store *s, int64_t athlete_id, const char *key,
                              struct race *out, struct err *err)
{
	struct race_list list = RACE_LIST_INIT;
	size_t match;
	enum err_code rc;

	race_init(out);
	rc = store_race_list(s, athlete_id, DATE_NONE, DATE_NONE, &list, err);
	if (!rc) {
		rc = refuse_repeated_name(&list, key, err);
	}
	if (!rc) {
		rc = STORE_PICK(list.races, list.n_races, struct race, key, "race",
		                "add it with 'knead race add'", &match, err);
	}
	if (!rc) {
		*out = list.races[match];
		race_init(&list.races[match]);
	}
	race_list_release(&list);
	return rc;
}
