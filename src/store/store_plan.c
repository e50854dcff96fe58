/*
 * store_plan.c: the plan and workout tables (see store_plan.h).
 */
#include "store/store_plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "store/store_int.h"

/* The plan of race_id, 0 if it has none. */
static enum err_code plan_of_race(struct store *s, int64_t athlete_id, int64_t race_id, int64_t *id,
                                  struct err *err)
{
	static const char sql[] = "SELECT id FROM plan WHERE race_id = ?1 AND athlete_id = ?2";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, race_id);
	sqlite3_bind_int64(st, 2, athlete_id);
	step = sqlite3_step(st);
	*id = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		rc = store_fail(s, "looking for the race's plan", err);
	}
	store_stmt_done(st);
	return rc;
}

static enum err_code race_exists(struct store *s, int64_t athlete_id, int64_t race_id,
                                 struct err *err)
{
	static const char sql[] = "SELECT 1 FROM race WHERE id = ?1 AND athlete_id = ?2";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, race_id);
	sqlite3_bind_int64(st, 2, athlete_id);
	step = sqlite3_step(st);
	if (step == SQLITE_DONE) {
		rc = err_set(err, ERR_NOT_FOUND, "no race %lld", (long long)race_id);
	} else if (step != SQLITE_ROW) {
		rc = store_fail(s, "looking for the race", err);
	}
	store_stmt_done(st);
	return rc;
}

static enum err_code insert_plan(struct store *s, struct plan *p, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO plan (athlete_id, race_id, template, plan_by, weeks, days, start_date,"
	        " race_date, start_volume, peak_volume, basis, created_utc)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
	        " CAST(strftime('%s', 'now') AS INTEGER))";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, p->athlete_id);
	sqlite3_bind_int64(st, 2, p->race_id);
	store_bind_text(st, 3, p->template_name);
	store_bind_text(st, 4, plan_by_name(p->by));
	sqlite3_bind_int(st, 5, p->weeks);
	sqlite3_bind_int(st, 6, p->days);
	store_bind_date(st, 7, p->start);
	store_bind_date(st, 8, p->race_date);
	store_bind_real(st, 9, p->start_volume);
	store_bind_real(st, 10, p->peak_volume);
	store_bind_text(st, 11, p->basis);
	rc = store_step_done(s, st, "adding the plan", err);
	if (!rc) {
		p->id = sqlite3_last_insert_rowid(store_db(s));
	}
	return rc;
}

static enum err_code insert_workout(struct store *s, int64_t plan_id, struct workout *w,
                                    struct err *err)
{
	static const char sql[] =
	        "INSERT INTO workout (plan_id, workout_date, week, phase, kind, target_s, target_m,"
	        " description, cutback) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, plan_id);
	store_bind_date(st, 2, w->date);
	sqlite3_bind_int(st, 3, w->week);
	store_bind_text(st, 4, plan_phase_name(w->phase));
	store_bind_text(st, 5, workout_kind_name(w->kind));
	store_bind_real(st, 6, w->target_s);
	store_bind_real(st, 7, w->target_m);
	store_bind_text(st, 8, w->description);
	sqlite3_bind_int(st, 9, w->cutback);
	rc = store_step_done(s, st, "adding a workout", err);
	if (!rc) {
		w->id = sqlite3_last_insert_rowid(store_db(s));
	}
	return rc;
}

static enum err_code write_plan(struct store *s, struct plan *p, bool *replaced, struct err *err)
{
	int64_t old = 0;
	enum err_code rc = race_exists(s, p->athlete_id, p->race_id, err);

	if (!rc) {
		rc = plan_of_race(s, p->athlete_id, p->race_id, &old, err);
	}
	if (!rc && old) {
		rc = store_plan_remove(s, p->athlete_id, old, err);
	}
	if (!rc) {
		rc = insert_plan(s, p, err);
	}
	for (size_t i = 0; !rc && i < p->n_workouts; i++) {
		rc = insert_workout(s, p->id, &p->workouts[i], err);
	}
	if (!rc && replaced) {
		*replaced = old != 0;
	}
	return rc;
}

enum err_code store_plan_replace(struct store *s, struct plan *p, bool *replaced, struct err *err)
{
	enum err_code rc = store_begin(s, err);

	if (rc) {
		return rc;
	}
	rc = write_plan(s, p, replaced, err);
	if (rc) {
		store_rollback(s);
		p->id = 0;
		return rc;
	}
	return store_commit(s, err);
}

/* The columns every plan query reads, in this order. */
#define PLAN_COLUMNS                                                                               \
	"p.id, p.race_id, r.name, r.distance_m, p.template, p.plan_by, p.weeks, p.days,"           \
	" p.start_date, p.race_date, p.start_volume, p.peak_volume, p.basis"

static void read_plan(sqlite3_stmt *st, int64_t athlete_id, struct plan *p)
{
	const char *by = (const char *)sqlite3_column_text(st, 5);

	p->id = sqlite3_column_int64(st, 0);
	p->athlete_id = athlete_id;
	p->race_id = sqlite3_column_int64(st, 1);
	p->race_name = store_column_strdup(st, 2);
	p->race_distance_m = store_column_real(st, 3);
	p->template_name = store_column_strdup(st, 4);
	if (!by || plan_by_parse(by, &p->by, NULL) != ERR_OK) {
		p->by = PLAN_BY_TIME;
	}
	p->weeks = sqlite3_column_int(st, 6);
	p->days = sqlite3_column_int(st, 7);
	p->start = store_column_date(st, 8);
	p->race_date = store_column_date(st, 9);
	p->start_volume = store_column_real(st, 10);
	p->peak_volume = store_column_real(st, 11);
	p->basis = store_column_strdup(st, 12);
}

enum err_code store_plan_list(struct store *s, int64_t athlete_id, struct plan_list *out,
                              struct err *err)
{
	static const char sql[] =
	        "SELECT " PLAN_COLUMNS " FROM plan p JOIN race r ON r.id = p.race_id"
	        " WHERE p.athlete_id = ?1 ORDER BY p.race_date, p.id";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		read_plan(st, athlete_id, plan_list_push(out));
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing plans", err);
	}
	store_stmt_done(st);
	return rc;
}

static enum err_code read_workouts(struct store *s, struct plan *p, int32_t from, int32_t to,
                                   struct err *err)
{
	static const char sql[] =
	        "SELECT id, workout_date, week, phase, kind, target_s, target_m, description,"
	        " cutback FROM workout WHERE plan_id = ?1 AND (?2 IS NULL OR workout_date >= ?2)"
	        " AND (?3 IS NULL OR workout_date <= ?3) ORDER BY workout_date, id";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, p->id);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct workout *w = plan_push_workout(p);
		const char *phase = (const char *)sqlite3_column_text(st, 3);
		const char *kind = (const char *)sqlite3_column_text(st, 4);

		w->id = sqlite3_column_int64(st, 0);
		w->date = store_column_date(st, 1);
		w->week = sqlite3_column_int(st, 2);
		/* the schema's CHECKs keep these parseable */
		if (!phase || plan_phase_parse(phase, &w->phase, NULL) != ERR_OK) {
			w->phase = PLAN_BASE;
		}
		if (!kind || workout_kind_parse(kind, &w->kind, NULL) != ERR_OK) {
			w->kind = WORKOUT_REST;
		}
		w->target_s = store_column_real(st, 5);
		w->target_m = store_column_real(st, 6);
		w->description = store_column_strdup(st, 7);
		w->cutback = sqlite3_column_int(st, 8) != 0;
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "reading the plan's workouts", err);
	}
	store_stmt_done(st);
	return rc;
}

enum err_code store_plan_get(struct store *s, int64_t athlete_id, int64_t id, int32_t from,
                             int32_t to, struct plan *out, struct err *err)
{
	static const char sql[] =
	        "SELECT " PLAN_COLUMNS " FROM plan p JOIN race r ON r.id = p.race_id"
	        " WHERE p.id = ?1 AND p.athlete_id = ?2";
	sqlite3_stmt *st;
	enum err_code rc = ERR_OK;
	int step;

	plan_init(out);
	st = store_stmt(s, sql, err);
	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, athlete_id);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		read_plan(st, athlete_id, out);
	} else if (step == SQLITE_DONE) {
		rc = err_set(err, ERR_NOT_FOUND, "no plan %lld", (long long)id);
	} else {
		rc = store_fail(s, "reading the plan", err);
	}
	store_stmt_done(st);
	if (!rc) {
		rc = read_workouts(s, out, from, to, err);
	}
	if (rc) {
		plan_release(out);
	}
	return rc;
}

enum err_code store_plan_remove(struct store *s, int64_t athlete_id, int64_t id, struct err *err)
{
	static const char sql[] = "DELETE FROM plan WHERE id = ?1 AND athlete_id = ?2";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, athlete_id);
	rc = store_step_done(s, st, "removing the plan", err);
	if (!rc && sqlite3_changes(store_db(s)) == 0) {
		rc = err_set(err, ERR_NOT_FOUND, "no plan %lld", (long long)id);
	}
	return rc;
}
