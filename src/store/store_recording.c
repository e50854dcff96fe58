/*
 * store_recording.c: sources, laps and samples (see store_recording.h).
 */
#include "store/store_recording.h"

#include <math.h>
#include <string.h>

#include "base/strbuf.h"
#include "core/gear.h"
#include "store/samples_blob.h"
#include "store/store_activity.h"
#include "store/store_int.h"

enum err_code store_source_seen(struct store *s, int64_t athlete_id, const char *sha256, bool *seen,
                                struct err *err)
{
	static const char sql[] = "SELECT 1 FROM source WHERE athlete_id = ?1 AND sha256 = ?2";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	store_bind_text(st, 2, sha256);
	step = sqlite3_step(st);
	store_stmt_done(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		return store_fail(s, "looking up the file", err);
	}
	*seen = step == SQLITE_ROW;
	return ERR_OK;
}

static enum err_code add_source(struct store *s, int64_t athlete_id, const struct recording *rec,
                                int64_t *id, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO source (athlete_id, format, file_name, sha256, size_bytes, device,"
	        " file_type, n_records, n_laps, n_sessions, n_activities, warnings, imported_utc)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	        " CAST(strftime('%s', 'now') AS INTEGER))";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	store_bind_text(st, 2, activity_source_name(rec->format));
	store_bind_text(st, 3, rec->file_name ? rec->file_name : "?");
	store_bind_text(st, 4, rec->sha256);
	sqlite3_bind_int64(st, 5, (int64_t)rec->size_bytes);
	store_bind_text(st, 6, rec->device);
	store_bind_text(st, 7, rec->file_type);
	sqlite3_bind_int64(st, 8, (int64_t)rec->n_records);
	sqlite3_bind_int64(st, 9, (int64_t)rec->n_laps);
	sqlite3_bind_int64(st, 10, (int64_t)rec->n_sessions);
	sqlite3_bind_int64(st, 11, (int64_t)rec->n_activities);
	store_bind_text(st, 12, rec->warnings.buf);
	rc = store_step_done(s, st, "adding the imported file", err);
	if (rc == ERR_CONFLICT &&
	    sqlite3_extended_errcode(store_db(s)) == SQLITE_CONSTRAINT_UNIQUE) {
		return err_set(err, ERR_CONFLICT, "'%s' was imported before", rec->file_name);
	}
	if (!rc) {
		*id = sqlite3_last_insert_rowid(store_db(s));
	}
	return rc;
}

/* The id of the gear named name, added if there is none. */
static enum err_code gear_named(struct store *s, int64_t athlete_id, const char *name,
                                enum sport sport, int64_t *id, struct err *err)
{
	static const char find_sql[] =
	        "SELECT id FROM gear WHERE athlete_id = ?1 AND name = ?2 COLLATE NOCASE";
	static const char add_sql[] =
	        "INSERT INTO gear (athlete_id, name, kind, created_utc)"
	        " VALUES (?1, ?2, ?3, CAST(strftime('%s', 'now') AS INTEGER))";
	sqlite3_stmt *st = store_stmt(s, find_sql, err);
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	store_bind_text(st, 2, name);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
	}
	store_stmt_done(st);
	if (step == SQLITE_ROW) {
		return ERR_OK;
	}
	if (step != SQLITE_DONE) {
		return store_fail(s, "looking up gear", err);
	}
	st = store_stmt(s, add_sql, err);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	store_bind_text(st, 2, name);
	store_bind_text(st, 3, gear_kind_name(gear_kind_for_sport(sport)));
	if (store_step_done(s, st, "adding gear", err)) {
		return err->code;
	}
	*id = sqlite3_last_insert_rowid(store_db(s));
	return ERR_OK;
}

static enum err_code add_laps(struct store *s, const struct recorded *r, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO lap (activity_id, seq, start_utc, elapsed_s, moving_s, distance_m,"
	        " ascent_m, descent_m, speed_max, cadence_avg, power_avg, calories, hr_avg, hr_max,"
	        " intensity, trigger)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

	for (size_t i = 0; i < r->n_laps; i++) {
		const struct lap *lap = &r->laps[i];
		sqlite3_stmt *st = store_stmt(s, sql, err);

		if (!st) {
			return err->code;
		}
		sqlite3_bind_int64(st, 1, r->activity.id);
		sqlite3_bind_int64(st, 2, (int64_t)i + 1);
		store_bind_real(st, 3, lap->start_utc);
		store_bind_real(st, 4, lap->elapsed_s);
		store_bind_real(st, 5, lap->moving_s);
		store_bind_real(st, 6, lap->distance_m);
		store_bind_real(st, 7, lap->ascent_m);
		store_bind_real(st, 8, lap->descent_m);
		store_bind_real(st, 9, lap->speed_max);
		store_bind_real(st, 10, lap->cadence_avg);
		store_bind_real(st, 11, lap->power_avg);
		store_bind_real(st, 12, lap->calories);
		store_bind_int(st, 13, lap->hr_avg, lap->hr_avg != 0);
		store_bind_int(st, 14, lap->hr_max, lap->hr_max != 0);
		store_bind_text(st, 15, lap->intensity);
		store_bind_text(st, 16, lap->trigger);
		if (store_step_done(s, st, "adding a lap", err)) {
			return err->code;
		}
	}
	return ERR_OK;
}

static enum err_code add_samples(struct store *s, const struct recorded *r, struct strbuf *blob,
                                 struct err *err)
{
	static const char sql[] =
	        "INSERT INTO samples (activity_id, n, fields, data) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *st;
	unsigned fields;

	if (r->samples.n == 0) {
		return ERR_OK;
	}
	strbuf_reset(blob);
	samples_blob_encode(&r->samples, blob, &fields);
	st = store_stmt(s, sql, err);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, r->activity.id);
	sqlite3_bind_int64(st, 2, (int64_t)r->samples.n);
	sqlite3_bind_int(st, 3, (int)fields);
	sqlite3_bind_blob(st, 4, blob->buf, (int)blob->len, SQLITE_STATIC);
	return store_step_done(s, st, "adding samples", err);
}

enum err_code store_recording_add(struct store *s, int64_t athlete_id, struct recording *rec,
                                  struct err *err)
{
	struct strbuf blob = STRBUF_INIT;
	int64_t source_id = 0, gear_id = 0;
	enum err_code rc;

	rc = add_source(s, athlete_id, rec, &source_id, err);
	if (!rc && rec->gear && rec->n_activities) {
		rc = gear_named(s, athlete_id, rec->gear, rec->activities[0].activity.sport,
		                &gear_id, err);
	}
	for (size_t i = 0; i < rec->n_activities && !rc; i++) {
		struct recorded *r = &rec->activities[i];

		r->activity.athlete_id = athlete_id;
		r->activity.source_id = source_id;
		if (gear_id) {
			r->activity.gear_id = gear_id;
			activity_set_str(&r->activity.gear, rec->gear);
		}
		rc = store_activity_add(s, &r->activity, err);
		if (!rc) {
			rc = add_laps(s, r, err);
		}
		if (!rc) {
			rc = add_samples(s, r, &blob, err);
		}
	}
	strbuf_release(&blob);
	return rc;
}

static enum err_code read_laps(struct store *s, struct recorded *out, struct err *err)
{
	static const char sql[] =
	        "SELECT start_utc, elapsed_s, moving_s, distance_m, ascent_m, descent_m, speed_max,"
	        " cadence_avg, power_avg, calories, hr_avg, hr_max, intensity, trigger"
	        " FROM lap WHERE activity_id = ?1 ORDER BY seq";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, out->activity.id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct lap *lap = recorded_add_lap(out);
		const char *intensity = (const char *)sqlite3_column_text(st, 12);
		const char *trigger = (const char *)sqlite3_column_text(st, 13);

		lap->start_utc = store_column_real(st, 0);
		lap->elapsed_s = store_column_real(st, 1);
		lap->moving_s = store_column_real(st, 2);
		lap->distance_m = store_column_real(st, 3);
		lap->ascent_m = store_column_real(st, 4);
		lap->descent_m = store_column_real(st, 5);
		lap->speed_max = store_column_real(st, 6);
		lap->cadence_avg = store_column_real(st, 7);
		lap->power_avg = store_column_real(st, 8);
		lap->calories = store_column_real(st, 9);
		lap->hr_avg = sqlite3_column_int(st, 10);
		lap->hr_max = sqlite3_column_int(st, 11);
		snprintf(lap->intensity, sizeof(lap->intensity), "%s", intensity ? intensity : "");
		snprintf(lap->trigger, sizeof(lap->trigger), "%s", trigger ? trigger : "");
	}
	store_stmt_done(st);
	if (step != SQLITE_DONE) {
		return store_fail(s, "reading laps", err);
	}
	return ERR_OK;
}

static enum err_code read_samples(struct store *s, struct recorded *out, struct err *err)
{
	static const char sql[] = "SELECT data FROM samples WHERE activity_id = ?1";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, out->activity.id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		rc = samples_blob_decode(sqlite3_column_blob(st, 0),
		                         (size_t)sqlite3_column_bytes(st, 0), &out->samples, err);
		if (rc) {
			err_prefix(err, "activity %lld", (long long)out->activity.id);
		}
	} else if (step != SQLITE_DONE) {
		rc = store_fail(s, "reading samples", err);
	}
	store_stmt_done(st);
	return rc;
}

enum err_code store_recorded_get(struct store *s, int64_t athlete_id, int64_t id,
                                 struct recorded *out, struct err *err)
{
	enum err_code rc;

	recorded_init(out);
	rc = store_activity_get(s, athlete_id, id, &out->activity, err);
	if (!rc) {
		rc = read_laps(s, out, err);
	}
	if (!rc) {
		rc = read_samples(s, out, err);
	}
	return rc;
}

static enum err_code sink_seen(void *ctx, const char *sha256, bool *seen, struct err *err)
{
	struct store_sink *ss = ctx;

	return store_source_seen(ss->store, ss->athlete_id, sha256, seen, err);
}

static enum err_code sink_save(void *ctx, struct recording *rec, struct err *err)
{
	struct store_sink *ss = ctx;
	enum err_code rc = store_begin(ss->store, err);

	if (rc) {
		return rc;
	}
	rc = store_recording_add(ss->store, ss->athlete_id, rec, err);
	if (rc) {
		store_rollback(ss->store);
		return rc;
	}
	return store_commit(ss->store, err);
}

void store_sink_init(struct store_sink *ss, struct store *s, int64_t athlete_id)
{
	ss->sink.ctx = ss;
	ss->sink.seen = sink_seen;
	ss->sink.save = sink_save;
	ss->store = s;
	ss->athlete_id = athlete_id;
}
