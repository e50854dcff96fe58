/*
 * store_body.c: the region, checkin, wellness and injury tables (see
 * store_body.h).
 */
#include "store/store_body.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/xalloc.h"
#include "store/store_int.h"

static void bind_side(sqlite3_stmt *st, int i, enum side side)
{
	store_bind_text(st, i, side_name(side));
}

static enum side column_side(sqlite3_stmt *st, int i)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	enum side side = SIDE_NONE;

	if (t) {
		side_parse(t, &side, NULL);
	}
	return side;
}

static void column_code(sqlite3_stmt *st, int i, char code[REGION_CODE_MAX])
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	size_t n = t ? strnlen(t, REGION_CODE_MAX - 1) : 0;

	memcpy(code, t ? t : "", n);
	code[n] = '\0';
}

static void bind_level(sqlite3_stmt *st, int i, int level)
{
	store_bind_int(st, i, level, level >= 0);
}

static int column_level(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

enum err_code store_regions_sync(struct store *s, const struct region_catalog *cat, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO region (code, name, parent, sided) VALUES (?1, ?2, ?3, ?4)"
	        " ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent,"
	        " sided = excluded.sided WHERE name IS NOT excluded.name"
	        " OR parent IS NOT excluded.parent OR sided IS NOT excluded.sided";
	enum err_code rc = ERR_OK;

	for (size_t i = 0; i < cat->n_regions && !rc; i++) {
		const struct region *r = &cat->regions[i];
		sqlite3_stmt *st = store_stmt(s, sql, err);

		if (!st) {
			return err->code;
		}
		store_bind_text(st, 1, r->code);
		store_bind_text(st, 2, r->name);
		store_bind_text(st, 3, r->parent >= 0 ? cat->regions[r->parent].code : NULL);
		sqlite3_bind_int(st, 4, r->sided);
		rc = store_step_done(s, st, "recording the body regions", err);
	}
	return rc;
}

enum err_code store_checkin_put(struct store *s, struct checkin *c, bool *merged, struct err *err)
{
	static const char find[] =
	        "SELECT id, soreness, tightness, pain, note FROM checkin"
	        " WHERE athlete_id = ?1 AND local_date = ?2 AND region = ?3 AND side IS ?4";
	static const char insert[] =
	        "INSERT INTO checkin (athlete_id, local_date, region, side, soreness, tightness,"
	        " pain, note, created_utc)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(strftime('%s', 'now') AS INTEGER))";
	static const char update[] = "UPDATE checkin SET soreness = ?2, tightness = ?3, pain = ?4,"
	                             " note = ?5 WHERE id = ?1";
	sqlite3_stmt *st = store_stmt(s, find, err);
	enum err_code rc;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, c->athlete_id);
	store_bind_date(st, 2, c->day);
	store_bind_text(st, 3, c->region);
	bind_side(st, 4, c->side);
	step = sqlite3_step(st);
	*merged = step == SQLITE_ROW;
	if (*merged) {
		c->id = sqlite3_column_int64(st, 0);
		for (int m = 0; m < MEASURE_COUNT; m++) {
			if (c->level[m] < 0) {
				c->level[m] = column_level(st, 1 + m);
			}
		}
		if (!c->note) {
			c->note = store_column_strdup(st, 4);
		}
	}
	store_stmt_done(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		return store_fail(s, "reading the check-in", err);
	}
	st = store_stmt(s, *merged ? update : insert, err);
	if (!st) {
		return err->code;
	}
	if (*merged) {
		sqlite3_bind_int64(st, 1, c->id);
		for (int m = 0; m < MEASURE_COUNT; m++) {
			bind_level(st, 2 + m, c->level[m]);
		}
		store_bind_text(st, 5, c->note);
	} else {
		sqlite3_bind_int64(st, 1, c->athlete_id);
		store_bind_date(st, 2, c->day);
		store_bind_text(st, 3, c->region);
		bind_side(st, 4, c->side);
		for (int m = 0; m < MEASURE_COUNT; m++) {
			bind_level(st, 5 + m, c->level[m]);
		}
		store_bind_text(st, 8, c->note);
	}
	rc = store_step_done(s, st, "recording the check-in", err);
	if (!rc && !*merged) {
		c->id = sqlite3_last_insert_rowid(store_db(s));
	}
	return rc;
}

enum err_code store_checkin_list(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                                 struct checkin_list *out, struct err *err)
{
	static const char sql[] =
	        "SELECT id, local_date, region, side, soreness, tightness, pain, note FROM checkin"
	        " WHERE athlete_id = ?1 AND (?2 IS NULL OR local_date >= ?2)"
	        " AND (?3 IS NULL OR local_date <= ?3) ORDER BY local_date, region, side";
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
		struct checkin *c = checkin_list_push(out);

		c->id = sqlite3_column_int64(st, 0);
		c->athlete_id = athlete_id;
		c->day = store_column_date(st, 1);
		column_code(st, 2, c->region);
		c->side = column_side(st, 3);
		for (int m = 0; m < MEASURE_COUNT; m++) {
			c->level[m] = column_level(st, 4 + m);
		}
		c->note = store_column_strdup(st, 7);
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing check-ins", err);
	}
	store_stmt_done(st);
	return rc;
}

#define WELLNESS_COLUMNS                                                                           \
	"id, local_date, sleep_s, fatigue, stress, mood, rest_hr, hrv_ms, weight_kg, note"

static void read_wellness(sqlite3_stmt *st, struct wellness *w)
{
	w->id = sqlite3_column_int64(st, 0);
	w->day = store_column_date(st, 1);
	w->sleep_s = store_column_real(st, 2);
	w->fatigue = column_level(st, 3);
	w->stress = column_level(st, 4);
	w->mood = column_level(st, 5);
	w->rest_hr = sqlite3_column_int(st, 6);
	w->hrv_ms = store_column_real(st, 7);
	w->weight_kg = store_column_real(st, 8);
	w->note = store_column_strdup(st, 9);
}

enum err_code store_wellness_put(struct store *s, struct wellness *w, bool *merged, struct err *err)
{
	static const char find[] = "SELECT " WELLNESS_COLUMNS " FROM wellness"
	                           " WHERE athlete_id = ?1 AND local_date = ?2";
	static const char insert[] =
	        "INSERT INTO wellness (athlete_id, local_date, sleep_s, fatigue, stress, mood,"
	        " rest_hr, hrv_ms, weight_kg, note, created_utc)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
	        " CAST(strftime('%s', 'now') AS INTEGER))";
	static const char update[] =
	        "UPDATE wellness SET sleep_s = ?3, fatigue = ?4, stress = ?5, mood = ?6,"
	        " rest_hr = ?7, hrv_ms = ?8, weight_kg = ?9, note = ?10"
	        " WHERE athlete_id = ?1 AND local_date = ?2";
	sqlite3_stmt *st = store_stmt(s, find, err);
	enum err_code rc;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, w->athlete_id);
	store_bind_date(st, 2, w->day);
	step = sqlite3_step(st);
	*merged = step == SQLITE_ROW;
	if (*merged) {
		struct wellness stored;

		wellness_init(&stored);
		read_wellness(st, &stored);
		stored.athlete_id = w->athlete_id;
		wellness_merge(&stored, w);
		wellness_release(w);
		*w = stored;
	}
	store_stmt_done(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		return store_fail(s, "reading wellness", err);
	}
	st = store_stmt(s, *merged ? update : insert, err);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, w->athlete_id);
	store_bind_date(st, 2, w->day);
	store_bind_real(st, 3, w->sleep_s);
	bind_level(st, 4, w->fatigue);
	bind_level(st, 5, w->stress);
	bind_level(st, 6, w->mood);
	store_bind_int(st, 7, w->rest_hr, w->rest_hr > 0);
	store_bind_real(st, 8, w->hrv_ms);
	store_bind_real(st, 9, w->weight_kg);
	store_bind_text(st, 10, w->note);
	rc = store_step_done(s, st, "recording wellness", err);
	if (!rc && !*merged) {
		w->id = sqlite3_last_insert_rowid(store_db(s));
	}
	return rc;
}

enum err_code store_wellness_list(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                                  struct wellness_list *out, struct err *err)
{
	static const char sql[] = "SELECT " WELLNESS_COLUMNS " FROM wellness"
	                          " WHERE athlete_id = ?1 AND (?2 IS NULL OR local_date >= ?2)"
	                          " AND (?3 IS NULL OR local_date <= ?3) ORDER BY local_date";
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
		struct wellness *w = wellness_list_push(out);

		read_wellness(st, w);
		w->athlete_id = athlete_id;
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing wellness", err);
	}
	store_stmt_done(st);
	return rc;
}

#define INJURY_COLUMNS "id, region, side, onset, resolved, status, cause, diagnosis, note"

static void read_injury(sqlite3_stmt *st, int64_t athlete_id, struct injury *inj)
{
	const char *status = (const char *)sqlite3_column_text(st, 5);

	inj->id = sqlite3_column_int64(st, 0);
	inj->athlete_id = athlete_id;
	column_code(st, 1, inj->region);
	inj->side = column_side(st, 2);
	inj->onset = store_column_date(st, 3);
	inj->resolved = store_column_date(st, 4);
	if (!status || injury_status_parse(status, &inj->status, NULL)) {
		inj->status = INJURY_ACTIVE;
	}
	inj->cause = store_column_strdup(st, 6);
	inj->diagnosis = store_column_strdup(st, 7);
	inj->note = store_column_strdup(st, 8);
}

static void bind_injury(sqlite3_stmt *st, const struct injury *inj)
{
	sqlite3_bind_int64(st, 1, inj->athlete_id);
	store_bind_text(st, 2, inj->region);
	bind_side(st, 3, inj->side);
	store_bind_date(st, 4, inj->onset);
	store_bind_date(st, 5, inj->resolved);
	store_bind_text(st, 6, injury_status_name(inj->status));
	store_bind_text(st, 7, inj->cause);
	store_bind_text(st, 8, inj->diagnosis);
	store_bind_text(st, 9, inj->note);
}

enum err_code store_injury_add(struct store *s, struct injury *inj, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO injury (athlete_id, region, side, onset, resolved, status, cause,"
	        " diagnosis, note, created_utc)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(strftime('%s', 'now') AS "
	        "INTEGER))";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	bind_injury(st, inj);
	rc = store_step_done(s, st, "adding the injury", err);
	if (!rc) {
		inj->id = sqlite3_last_insert_rowid(store_db(s));
	}
	return rc;
}

enum err_code store_injury_update(struct store *s, const struct injury *inj, struct err *err)
{
	static const char sql[] =
	        "UPDATE injury SET region = ?2, side = ?3, onset = ?4, resolved = ?5, status = ?6,"
	        " cause = ?7, diagnosis = ?8, note = ?9 WHERE id = ?10 AND athlete_id = ?1";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	bind_injury(st, inj);
	sqlite3_bind_int64(st, 10, inj->id);
	rc = store_step_done(s, st, "updating the injury", err);
	if (!rc && sqlite3_changes(store_db(s)) == 0) {
		rc = err_set(err, ERR_NOT_FOUND, "no injury %lld", (long long)inj->id);
	}
	return rc;
}

enum err_code store_injury_get(struct store *s, int64_t athlete_id, int64_t id, struct injury *out,
                               struct err *err)
{
	static const char sql[] = "SELECT " INJURY_COLUMNS " FROM injury"
	                          " WHERE athlete_id = ?1 AND id = ?2";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	injury_init(out);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	sqlite3_bind_int64(st, 2, id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		read_injury(st, athlete_id, out);
	} else if (step == SQLITE_DONE) {
		rc = err_set(err, ERR_NOT_FOUND, "no injury %lld ('knead injury list' shows them)",
		             (long long)id);
	} else {
		rc = store_fail(s, "reading the injury", err);
	}
	store_stmt_done(st);
	return rc;
}

enum err_code store_injury_list(struct store *s, int64_t athlete_id, bool all,
                                struct injury_list *out, struct err *err)
{
	static const char sql[] = "SELECT " INJURY_COLUMNS " FROM injury"
	                          " WHERE athlete_id = ?1 AND (?2 OR status != 'resolved')"
	                          " ORDER BY status = 'resolved', onset DESC, id DESC";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	sqlite3_bind_int(st, 2, all);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		read_injury(st, athlete_id, injury_list_push(out));
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing injuries", err);
	}
	store_stmt_done(st);
	return rc;
}
