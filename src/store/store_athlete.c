/*
 * store_athlete.c: the athlete table (see store_athlete.h).
 */
#include "store/store_athlete.h"

#include <math.h>
#include <string.h>

#include "store/store_int.h"

enum err_code store_athlete_get(struct store *s, int64_t id, struct athlete *out, struct err *err)
{
	static const char sql[] =
	        "SELECT name, sex, birth_year, max_hr, rest_hr, threshold_pace_s_per_km, units, tz,"
	        " currency, budget_cents FROM athlete WHERE id = ?1";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	athlete_init(out, id);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		const char *sex = (const char *)sqlite3_column_text(st, 1);
		const char *units = (const char *)sqlite3_column_text(st, 6);
		const char *currency = (const char *)sqlite3_column_text(st, 8);

		out->name = store_column_strdup(st, 0);
		out->sex = !sex ? SEX_UNKNOWN : sex[0] == 'f' ? SEX_F : SEX_M;
		out->birth_year = sqlite3_column_int(st, 2);
		out->max_hr = sqlite3_column_int(st, 3);
		out->rest_hr = sqlite3_column_int(st, 4);
		out->threshold_pace_s_per_km = store_column_real(st, 5);
		out->units = units && strcmp(units, "mi") == 0 ? UNITS_MI : UNITS_KM;
		out->tz = store_column_strdup(st, 7);
		if (currency && strlen(currency) == 3) {
			memcpy(out->currency, currency, 4);
		}
		out->budget_cents = sqlite3_column_type(st, 9) == SQLITE_NULL
		                            ? -1
		                            : sqlite3_column_int64(st, 9);
	} else if (step == SQLITE_DONE) {
		rc = err_set(err, ERR_NOT_FOUND, "no athlete %lld in '%s'", (long long)id,
		             store_path(s));
	} else {
		rc = store_fail(s, "reading the profile", err);
	}
	store_stmt_done(st);
	return rc;
}

enum err_code store_athlete_ensure(struct store *s, int64_t id, struct err *err)
{
	static const char sql[] = "INSERT OR IGNORE INTO athlete (id, created_utc)"
	                          " VALUES (?1, CAST(strftime('%s', 'now') AS INTEGER))";
	sqlite3_stmt *st = store_stmt(s, sql, err);

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, id);
	return store_step_done(s, st, "creating the profile", err);
}

enum err_code store_athlete_put(struct store *s, const struct athlete *a, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO athlete (id, name, sex, birth_year, max_hr, rest_hr,"
	        " threshold_pace_s_per_km, units, tz, currency, budget_cents, created_utc)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
	        " CAST(strftime('%s', 'now') AS INTEGER))"
	        " ON CONFLICT (id) DO UPDATE SET name = ?2, sex = ?3, birth_year = ?4, max_hr = ?5,"
	        " rest_hr = ?6, threshold_pace_s_per_km = ?7, units = ?8, tz = ?9, currency = ?10,"
	        " budget_cents = ?11";
	sqlite3_stmt *st = store_stmt(s, sql, err);

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, a->id);
	store_bind_text(st, 2, a->name);
	store_bind_text(st, 3, athlete_sex_name(a->sex));
	store_bind_int(st, 4, a->birth_year, a->birth_year != 0);
	store_bind_int(st, 5, a->max_hr, a->max_hr != 0);
	store_bind_int(st, 6, a->rest_hr, a->rest_hr != 0);
	store_bind_real(st, 7, a->threshold_pace_s_per_km);
	store_bind_text(st, 8, units_name(a->units));
	store_bind_text(st, 9, a->tz);
	store_bind_text(st, 10, a->currency);
	store_bind_int(st, 11, a->budget_cents, a->budget_cents >= 0);
	return store_step_done(s, st, "saving the profile", err);
}
