/*
 * store_activity.c: the activity table (see store_activity.h).
 */
#include "store/store_activity.h"

#include <string.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "store/store_int.h"

/* The columns every read selects, in the order read_row expects. */
#define ACTIVITY_COLUMNS                                                                           \
	"a.id, a.athlete_id, a.sport, a.treadmill, a.local_date, a.start_utc, a.utc_offset_s,"     \
	" a.distance_m, a.elapsed_s, a.moving_s, a.ascent_m, a.descent_m, a.hr_avg,"               \
	" a.hr_max, a.rpe, a.gear_id, g.name, a.source, a.source_id, s.file_name, s.sha256,"       \
	" s.device, a.name, a.note, a.cadence_avg, a.power_avg, a.load, a.load_method"

#define ACTIVITY_FROM                                                                              \
	" FROM activity a LEFT JOIN gear g ON g.id = a.gear_id"                                    \
	" LEFT JOIN source s ON s.id = a.source_id"

void activity_query_init(struct activity_query *q, int64_t athlete_id)
{
	memset(q, 0, sizeof(*q));
	q->athlete_id = athlete_id;
	q->from = DATE_NONE;
	q->to = DATE_NONE;
}

/* The method's name into buf, "" for NULL or one too long to be a name. */
static void read_method(sqlite3_stmt *st, int i, char *buf, size_t size)
{
	const char *m = (const char *)sqlite3_column_text(st, i);

	buf[0] = '\0';
	if (m && strlen(m) < size) {
		memcpy(buf, m, strlen(m) + 1);
	}
}

static void read_row(sqlite3_stmt *st, struct activity *a)
{
	const char *sport = (const char *)sqlite3_column_text(st, 2);
	const char *source = (const char *)sqlite3_column_text(st, 17);

	activity_release(a);
	a->id = sqlite3_column_int64(st, 0);
	a->athlete_id = sqlite3_column_int64(st, 1);
	if (!sport || !sport_from_name(sport, &a->sport)) {
		a->sport = SPORT_OTHER; /* the schema's CHECK makes this unreachable */
	}
	a->treadmill = sqlite3_column_int(st, 3) != 0;
	a->date = store_column_date(st, 4);
	a->has_start = sqlite3_column_type(st, 5) != SQLITE_NULL;
	a->start_utc = sqlite3_column_int64(st, 5);
	a->utc_offset = sqlite3_column_int(st, 6);
	a->distance_m = store_column_real(st, 7);
	a->duration_s = store_column_real(st, 8);
	a->moving_s = store_column_real(st, 9);
	a->ascent_m = store_column_real(st, 10);
	a->descent_m = store_column_real(st, 11);
	a->hr_avg = sqlite3_column_int(st, 12);
	a->hr_max = sqlite3_column_int(st, 13);
	a->rpe = sqlite3_column_int(st, 14);
	a->gear_id = sqlite3_column_int64(st, 15);
	a->gear = store_column_strdup(st, 16);
	if (!source || !activity_source_from_name(source, &a->source)) {
		a->source = SOURCE_MANUAL;
	}
	a->source_id = sqlite3_column_int64(st, 18);
	a->source_file = store_column_strdup(st, 19);
	a->source_sha256 = store_column_strdup(st, 20);
	a->device = store_column_strdup(st, 21);
	a->name = store_column_strdup(st, 22);
	a->note = store_column_strdup(st, 23);
	a->cadence_avg = store_column_real(st, 24);
	a->power_avg = store_column_real(st, 25);
	a->load = store_column_real(st, 26);
	read_method(st, 27, a->load_method, sizeof(a->load_method));
}

/* Bind a's fields to ?2..?24 in the order of the insert and update below. */
static void bind_fields(sqlite3_stmt *st, const struct activity *a)
{
	sqlite3_bind_int64(st, 2, a->athlete_id);
	store_bind_text(st, 3, sport_name(a->sport));
	sqlite3_bind_int(st, 4, a->treadmill);
	store_bind_date(st, 5, a->date);
	store_bind_int(st, 6, a->start_utc, a->has_start);
	store_bind_int(st, 7, a->utc_offset, a->has_start);
	store_bind_real(st, 8, a->distance_m);
	store_bind_real(st, 9, a->duration_s);
	store_bind_real(st, 10, a->moving_s);
	store_bind_real(st, 11, a->ascent_m);
	store_bind_real(st, 12, a->descent_m);
	store_bind_int(st, 13, a->hr_avg, a->hr_avg != 0);
	store_bind_int(st, 14, a->hr_max, a->hr_max != 0);
	store_bind_int(st, 15, a->rpe, a->rpe != 0);
	store_bind_int(st, 16, a->gear_id, a->gear_id != 0);
	store_bind_text(st, 17, activity_source_name(a->source));
	store_bind_int(st, 18, a->source_id, a->source_id != 0);
	store_bind_real(st, 19, a->cadence_avg);
	store_bind_text(st, 20, a->name);
	store_bind_text(st, 21, a->note);
	store_bind_real(st, 22, a->power_avg);
	store_bind_real(st, 23, a->load);
	store_bind_text(st, 24, a->load_method);
}

/* The gear must belong to the same athlete; the foreign key alone would
 * let one athlete's activity point at another's shoes. */
static enum err_code check_gear_owner(struct store *s, const struct activity *a, struct err *err)
{
	static const char sql[] = "SELECT athlete_id FROM gear WHERE id = ?1";
	sqlite3_stmt *st;
	enum err_code rc = ERR_OK;

	if (!a->gear_id) {
		return ERR_OK;
	}
	st = store_stmt(s, sql, err);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, a->gear_id);
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int64(st, 0) != a->athlete_id) {
		rc = err_set(err, ERR_CONFLICT, "no gear %lld for this athlete",
		             (long long)a->gear_id);
	}
	store_stmt_done(st);
	return rc;
}

enum err_code store_activity_add(struct store *s, struct activity *a, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO activity (athlete_id, sport, treadmill, local_date, start_utc,"
	        " utc_offset_s, distance_m, elapsed_s, moving_s, ascent_m, descent_m, hr_avg,"
	        " hr_max, rpe, gear_id, source, source_id, cadence_avg, name, note, power_avg,"
	        " load, load_method, created_utc)"
	        " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
	        " ?18, ?19, ?20, ?21, ?22, ?23, ?24, CAST(strftime('%s', 'now') AS INTEGER))";
	sqlite3_stmt *st;
	enum err_code rc = check_gear_owner(s, a, err);

	if (rc) {
		return rc;
	}
	st = store_stmt(s, sql, err);
	if (!st) {
		return err->code;
	}
	bind_fields(st, a);
	rc = store_step_done(s, st, "adding the activity", err);
	if (!rc) {
		a->id = sqlite3_last_insert_rowid(store_db(s));
	}
	return rc;
}

enum err_code store_activity_update(struct store *s, const struct activity *a, struct err *err)
{
	static const char sql[] =
	        "UPDATE activity SET sport = ?3, treadmill = ?4, local_date = ?5, start_utc = ?6,"
	        " utc_offset_s = ?7, distance_m = ?8, elapsed_s = ?9, moving_s = ?10,"
	        " ascent_m = ?11, descent_m = ?12, hr_avg = ?13, hr_max = ?14, rpe = ?15,"
	        " gear_id = ?16, source = ?17, source_id = ?18, cadence_avg = ?19, name = ?20,"
	        " note = ?21, power_avg = ?22, load = ?23, load_method = ?24"
	        " WHERE id = ?1 AND athlete_id = ?2";
	sqlite3_stmt *st;
	enum err_code rc = check_gear_owner(s, a, err);

	if (rc) {
		return rc;
	}
	st = store_stmt(s, sql, err);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, a->id);
	bind_fields(st, a);
	rc = store_step_done(s, st, "updating the activity", err);
	if (!rc && sqlite3_changes(store_db(s)) == 0) {
		rc = err_set(err, ERR_NOT_FOUND, "no activity %lld", (long long)a->id);
	}
	return rc;
}

enum err_code store_activity_get(struct store *s, int64_t athlete_id, int64_t id,
                                 struct activity *out, struct err *err)
{
	static const char sql[] =
	        "SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM " WHERE a.id = ?1 AND a.athlete_id = ?2";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	activity_init(out);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, athlete_id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		read_row(st, out);
	} else if (step == SQLITE_DONE) {
		rc = err_set(err, ERR_NOT_FOUND, "no activity %lld", (long long)id);
	} else {
		rc = store_fail(s, "reading the activity", err);
	}
	store_stmt_done(st);
	return rc;
}

enum err_code store_activity_remove(struct store *s, int64_t athlete_id, int64_t id,
                                    struct err *err)
{
	static const char sql[] = "DELETE FROM activity WHERE id = ?1 AND athlete_id = ?2"
	                          " RETURNING source_id";
	/* A file none of whose activities remain is forgotten, so that
	 * importing it again brings them back. */
	static const char orphan_sql[] =
	        "DELETE FROM source WHERE id = ?1"
	        " AND NOT EXISTS (SELECT 1 FROM activity WHERE source_id = ?1)";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	int64_t source_id = 0;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, athlete_id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		source_id = sqlite3_column_int64(st, 0);
		step = sqlite3_step(st);
	} else if (step == SQLITE_DONE) {
		store_stmt_done(st);
		return err_set(err, ERR_NOT_FOUND, "no activity %lld", (long long)id);
	}
	if (step != SQLITE_DONE) {
		enum err_code rc = store_fail(s, "removing the activity", err);

		store_stmt_done(st);
		return rc;
	}
	store_stmt_done(st);
	if (!source_id) {
		return ERR_OK;
	}
	st = store_stmt(s, orphan_sql, err);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, source_id);
	return store_step_done(s, st, "forgetting the imported file", err);
}

/* ",run,trail," for the sports in mask: matched with instr() in SQL, so
 * one prepared statement serves every filter. */
static void sport_set(struct strbuf *sb, unsigned mask)
{
	strbuf_addch(sb, ',');
	for (int i = 0; i < SPORT_COUNT; i++) {
		if (mask & (1u << i)) {
			strbuf_addf(sb, "%s,", sport_name((enum sport)i));
		}
	}
}

enum err_code store_activity_list(struct store *s, const struct activity_query *q,
                                  struct activity_list *out, struct err *err)
{
	/* The newest `last` rows are picked in the inner query and put back in
	 * diary order by the outer one (whose columns are named after a's);
	 * -1 as the limit means all. */
	static const char sql[] =
	        "SELECT * FROM (SELECT " ACTIVITY_COLUMNS ACTIVITY_FROM
	        " WHERE a.athlete_id = ?1 AND a.local_date BETWEEN ?2 AND ?3"
	        " AND (?4 IS NULL OR instr(?4, ',' || a.sport || ',') > 0)"
	        " AND (?5 IS NULL OR a.gear_id = ?5) AND (?7 = 0 OR a.load IS NULL)"
	        " ORDER BY a.local_date DESC, a.start_utc IS NULL DESC, a.start_utc DESC, a.id DESC"
	        " LIMIT ?6) ORDER BY local_date, start_utc IS NULL, start_utc, id";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	struct strbuf sports = STRBUF_INIT;
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, q->athlete_id);
	if (q->from == DATE_NONE) {
		sqlite3_bind_text(st, 2, "0000-00-00", -1, SQLITE_STATIC);
	} else {
		store_bind_date(st, 2, q->from);
	}
	if (q->to == DATE_NONE) {
		sqlite3_bind_text(st, 3, "9999-99-99", -1, SQLITE_STATIC);
	} else {
		store_bind_date(st, 3, q->to);
	}
	if (q->sports) {
		sport_set(&sports, q->sports);
		store_bind_text(st, 4, sports.buf);
	}
	store_bind_int(st, 5, q->gear_id, q->gear_id != 0);
	sqlite3_bind_int64(st, 6, q->last ? (int64_t)q->last : -1);
	sqlite3_bind_int(st, 7, q->missing_load);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(st, activity_list_push(out));
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing activities", err);
	}
	store_stmt_done(st);
	strbuf_release(&sports);
	return rc;
}

enum err_code store_activity_set_load(struct store *s, int64_t athlete_id, int64_t id, double load,
                                      const char *method, struct err *err)
{
	static const char sql[] =
	        "UPDATE activity SET load = ?3, load_method = ?4 WHERE id = ?1 AND athlete_id = ?2";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, athlete_id);
	store_bind_real(st, 3, load);
	store_bind_text(st, 4, method);
	rc = store_step_done(s, st, "storing the load", err);
	if (!rc && sqlite3_changes(store_db(s)) == 0) {
		rc = err_set(err, ERR_NOT_FOUND, "no activity %lld", (long long)id);
	}
	return rc;
}

enum err_code store_activity_count_missing_load(struct store *s, int64_t athlete_id, size_t *n,
                                                struct err *err)
{
	static const char sql[] =
	        "SELECT count(*) FROM activity WHERE athlete_id = ?1 AND load IS NULL";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*n = (size_t)sqlite3_column_int64(st, 0);
	}
	store_stmt_done(st);
	return step == SQLITE_ROW ? ERR_OK : store_fail(s, "counting activities", err);
}

enum err_code store_activity_span(struct store *s, int64_t athlete_id, int32_t *first,
                                  int32_t *last, struct err *err)
{
	static const char sql[] =
	        "SELECT min(local_date), max(local_date) FROM activity WHERE athlete_id = ?1";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	int step;

	*first = *last = DATE_NONE;
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*first = store_column_date(st, 0);
		*last = store_column_date(st, 1);
	}
	store_stmt_done(st);
	return step == SQLITE_ROW ? ERR_OK : store_fail(s, "reading the first activity", err);
}

enum err_code store_activity_daily_loads(struct store *s, int64_t athlete_id, int32_t from,
                                         int32_t to, double *loads, struct err *err)
{
	/* total() is 0.0 for a day whose activities all lack a load, where
	 * sum() would be NULL */
	static const char sql[] = "SELECT local_date, total(load) FROM activity"
	                          " WHERE athlete_id = ?1 AND local_date BETWEEN ?2 AND ?3"
	                          " GROUP BY local_date";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	int step;

	if (!st) {
		return err->code;
	}
	for (int32_t d = from; d <= to; d++) {
		loads[d - from] = 0;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int32_t d = store_column_date(st, 0);

		if (d != DATE_NONE && d >= from && d <= to) {
			loads[d - from] = sqlite3_column_double(st, 1);
		}
	}
	store_stmt_done(st);
	return step == SQLITE_DONE ? ERR_OK : store_fail(s, "reading daily loads", err);
}
