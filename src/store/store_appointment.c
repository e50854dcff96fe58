/*
 * store_appointment.c: the appointment table (see store_appointment.h).
 */
#include "store/store_appointment.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "store/store_int.h"

/* Whether provider_id is one of athlete_id's providers. */
static enum err_code check_provider(struct store *s, int64_t athlete_id, int64_t provider_id,
                                    struct err *err)
{
	static const char sql[] = "SELECT 1 FROM provider WHERE id = ?1 AND athlete_id = ?2";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, provider_id);
	sqlite3_bind_int64(st, 2, athlete_id);
	step = sqlite3_step(st);
	store_stmt_done(st);
	if (step == SQLITE_ROW) {
		return ERR_OK;
	}
	if (step != SQLITE_DONE) {
		return store_fail(s, "looking up the appointment's provider", err);
	}
	return err_set(err, ERR_CONFLICT, "no provider %lld", (long long)provider_id);
}

enum err_code store_appointment_add(struct store *s, struct appointment *a, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO appointment (athlete_id, local_date, start_utc, utc_offset_s,"
	        " modality, provider_id, cost_cents, currency, status, rule, note, recovery_id,"
	        " created_utc)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	        " CAST(strftime('%s', 'now') AS INTEGER))";
	sqlite3_stmt *st;
	bool timed = a->start_utc != INT64_MIN;
	enum err_code rc;

	if (appointment_validate(a, err)) {
		return err->code;
	}
	if (a->provider_id && check_provider(s, a->athlete_id, a->provider_id, err)) {
		return err->code;
	}
	st = store_stmt(s, sql, err);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, a->athlete_id);
	store_bind_date(st, 2, a->day);
	store_bind_int(st, 3, a->start_utc, timed);
	store_bind_int(st, 4, a->utc_offset_s, timed);
	store_bind_text(st, 5, modality_name(a->modality));
	store_bind_int(st, 6, a->provider_id, a->provider_id > 0);
	store_bind_int(st, 7, a->cost_cents, a->cost_cents >= 0);
	store_bind_text(st, 8, a->cost_cents >= 0 ? a->currency : NULL);
	store_bind_text(st, 9, appointment_status_name(a->status));
	store_bind_text(st, 10, a->rule);
	store_bind_text(st, 11, a->note);
	store_bind_int(st, 12, a->recovery_id, a->recovery_id > 0);
	rc = store_step_done(s, st, "adding the appointment", err);
	if (rc == ERR_CONFLICT &&
	    sqlite3_extended_errcode(store_db(s)) == SQLITE_CONSTRAINT_UNIQUE) {
		char day[DATE_ISO_LEN];

		date_format(a->day, day);
		return err_set(err, ERR_CONFLICT, "there is already an open %s appointment on %s",
		               modality_name(a->modality), day);
	}
	if (!rc) {
		a->id = sqlite3_last_insert_rowid(store_db(s));
	}
	return rc;
}

enum err_code store_appointment_list(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                                     struct appointment_list *out, struct err *err)
{
	static const char sql[] =
	        "SELECT a.id, a.local_date, a.start_utc, a.utc_offset_s, a.modality,"
	        " a.provider_id, p.name, a.cost_cents, a.currency, a.status, a.rule, a.note,"
	        " a.recovery_id"
	        " FROM appointment a LEFT JOIN provider p ON p.id = a.provider_id"
	        " WHERE a.athlete_id = ?1 AND (?2 IS NULL OR a.local_date >= ?2)"
	        " AND (?3 IS NULL OR a.local_date <= ?3) ORDER BY a.local_date, a.id";
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
		struct appointment *a = appointment_list_push(out);
		const char *modality = (const char *)sqlite3_column_text(st, 4);
		const char *status = (const char *)sqlite3_column_text(st, 9);
		const char *currency = (const char *)sqlite3_column_text(st, 8);

		a->id = sqlite3_column_int64(st, 0);
		a->athlete_id = athlete_id;
		a->day = store_column_date(st, 1);
		if (sqlite3_column_type(st, 2) != SQLITE_NULL) {
			a->start_utc = sqlite3_column_int64(st, 2);
			a->utc_offset_s = sqlite3_column_int(st, 3);
		}
		/* the schema's CHECKs hold both to the names knead knows */
		if (!modality || !modality_from_name(modality, &a->modality)) {
			a->modality = MOD_MASSAGE_DEEP;
		}
		a->provider_id = sqlite3_column_int64(st, 5);
		a->provider_name = store_column_strdup(st, 6);
		if (sqlite3_column_type(st, 7) != SQLITE_NULL) {
			a->cost_cents = sqlite3_column_int64(st, 7);
		}
		if (currency && strlen(currency) == 3) {
			memcpy(a->currency, currency, 4);
		}
		if (!status || appointment_status_parse(status, &a->status, NULL)) {
			a->status = APPOINTMENT_SUGGESTED;
		}
		a->rule = store_column_strdup(st, 10);
		a->note = store_column_strdup(st, 11);
		a->recovery_id = sqlite3_column_int64(st, 12);
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing appointments", err);
	}
	store_stmt_done(st);
	return rc;
}

enum err_code store_appointment_set_status(struct store *s, int64_t athlete_id, int64_t id,
                                           enum appointment_status status, int64_t recovery_id,
                                           struct err *err)
{
	static const char sql[] = "UPDATE appointment SET status = ?3, recovery_id = ?4"
	                          " WHERE id = ?1 AND athlete_id = ?2";
	sqlite3_stmt *st;
	enum err_code rc;

	if ((unsigned)status >= APPOINTMENT_STATUS_COUNT ||
	    (recovery_id && status != APPOINTMENT_DONE)) {
		return err_set(err, ERR_INPUT, "only a done appointment has its session");
	}
	st = store_stmt(s, sql, err);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, athlete_id);
	store_bind_text(st, 3, appointment_status_name(status));
	store_bind_int(st, 4, recovery_id, recovery_id > 0);
	rc = store_step_done(s, st, "changing the appointment", err);
	if (rc == ERR_CONFLICT &&
	    sqlite3_extended_errcode(store_db(s)) == SQLITE_CONSTRAINT_UNIQUE) {
		return err_set(err, ERR_CONFLICT,
		               "appointment %lld cannot be reopened: its day already has one "
		               "like it",
		               (long long)id);
	}
	if (!rc && sqlite3_changes(store_db(s)) == 0) {
		rc = err_set(err, ERR_NOT_FOUND, "no appointment %lld", (long long)id);
	}
	return rc;
}
