/*
 * store_recovery.c: the recovery, recovery_region, provider and membership
 * tables (see store_recovery.h).
 */
#include "store/store_recovery.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "store/store_int.h"

static void column_currency(sqlite3_stmt *st, int i, char currency[4])
{
	const char *t = (const char *)sqlite3_column_text(st, i);

	currency[0] = '\0';
	if (t && strlen(t) == 3) {
		memcpy(currency, t, 4);
	}
}

static int column_level(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

static int64_t column_cents(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, i);
}

static enum err_code add_region(struct store *s, int64_t id, int seq,
                                const struct recovery_region *rr, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO recovery_region (recovery_id, seq, region, side, finding, severity)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *st = store_stmt(s, sql, err);

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, seq);
	store_bind_text(st, 3, rr->region);
	store_bind_text(st, 4, side_name(rr->side));
	store_bind_text(st, 5, finding_name(rr->finding));
	store_bind_int(st, 6, rr->severity, rr->finding != FINDING_NONE);
	return store_step_done(s, st, "recording a region worked", err);
}

enum err_code store_recovery_add(struct store *s, struct recovery *r, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO recovery (athlete_id, modality, local_date, start_utc, utc_offset_s,"
	        " duration_s, provider_id, cost_cents, currency, pain, relief, note, created_utc)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
	        " CAST(strftime('%s', 'now') AS INTEGER))";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	bool timed = r->start_utc != INT64_MIN;
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, r->athlete_id);
	store_bind_text(st, 2, modality_name(r->modality));
	store_bind_date(st, 3, r->day);
	store_bind_int(st, 4, r->start_utc, timed);
	store_bind_int(st, 5, r->utc_offset_s, timed);
	store_bind_real(st, 6, r->duration_s);
	store_bind_int(st, 7, r->provider_id, r->provider_id > 0);
	store_bind_int(st, 8, r->cost_cents, r->cost_cents >= 0);
	store_bind_text(st, 9, r->cost_cents >= 0 ? r->currency : NULL);
	store_bind_int(st, 10, r->pain, r->pain >= 0);
	store_bind_int(st, 11, r->relief, r->relief >= 0);
	store_bind_text(st, 12, r->note);
	rc = store_step_done(s, st, "recording the recovery session", err);
	if (rc) {
		return rc;
	}
	r->id = sqlite3_last_insert_rowid(store_db(s));
	for (size_t i = 0; i < r->n_regions && !rc; i++) {
		rc = add_region(s, r->id, (int)i, &r->regions[i], err);
	}
	return rc;
}

static struct recovery *find_session(struct recovery_list *list, size_t *hint, int64_t id)
{
	for (; *hint < list->n; ++*hint) {
		if (list->items[*hint].id == id) {
			return &list->items[*hint];
		}
	}
	return NULL;
}

static enum err_code list_regions(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                                  struct recovery_list *out, size_t first, struct err *err)
{
	static const char sql[] =
	        "SELECT rr.recovery_id, rr.region, rr.side, rr.finding, rr.severity"
	        " FROM recovery_region rr JOIN recovery r ON r.id = rr.recovery_id"
	        " WHERE r.athlete_id = ?1 AND (?2 IS NULL OR r.local_date >= ?2)"
	        " AND (?3 IS NULL OR r.local_date <= ?3) ORDER BY r.local_date, r.id, rr.seq";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	size_t hint = first;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct recovery *r = find_session(out, &hint, sqlite3_column_int64(st, 0));
		const char *side = (const char *)sqlite3_column_text(st, 2);
		const char *finding = (const char *)sqlite3_column_text(st, 3);
		struct recovery_region *rr;
		enum side sd = SIDE_NONE;

		if (!r) {
			continue; /* both queries share the order, so this cannot happen */
		}
		if (side) {
			side_parse(side, &sd, NULL);
		}
		rr = recovery_add_region(r, (const char *)sqlite3_column_text(st, 1), sd);
		if (finding) {
			for (int f = FINDING_TIGHT; f < FINDING_COUNT; f++) {
				if (strcmp(finding, finding_name((enum finding)f)) == 0) {
					rr->finding = (enum finding)f;
				}
			}
			rr->severity = sqlite3_column_int(st, 4);
		}
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing regions worked", err);
	}
	store_stmt_done(st);
	return rc;
}

enum err_code store_recovery_list(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                                  struct recovery_list *out, struct err *err)
{
	static const char sql[] =
	        "SELECT r.id, r.modality, r.local_date, r.start_utc, r.utc_offset_s, r.duration_s,"
	        " r.provider_id, p.name, r.cost_cents, r.currency, r.pain, r.relief, r.note"
	        " FROM recovery r LEFT JOIN provider p ON p.id = r.provider_id"
	        " WHERE r.athlete_id = ?1 AND (?2 IS NULL OR r.local_date >= ?2)"
	        " AND (?3 IS NULL OR r.local_date <= ?3) ORDER BY r.local_date, r.id";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	size_t first = out->n;
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	store_bind_date(st, 2, from);
	store_bind_date(st, 3, to);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct recovery *r = recovery_list_push(out);
		const char *modality = (const char *)sqlite3_column_text(st, 1);

		r->id = sqlite3_column_int64(st, 0);
		r->athlete_id = athlete_id;
		if (!modality || !modality_from_name(modality, &r->modality)) {
			r->modality = MOD_STRETCH;
		}
		r->day = store_column_date(st, 2);
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			r->start_utc = sqlite3_column_int64(st, 3);
			r->utc_offset_s = sqlite3_column_int(st, 4);
		}
		r->duration_s = store_column_real(st, 5);
		r->provider_id = sqlite3_column_int64(st, 6);
		r->provider_name = store_column_strdup(st, 7);
		r->cost_cents = column_cents(st, 8);
		column_currency(st, 9, r->currency);
		r->pain = column_level(st, 10);
		r->relief = column_level(st, 11);
		r->note = store_column_strdup(st, 12);
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing recovery sessions", err);
	}
	store_stmt_done(st);
	if (!rc) {
		rc = list_regions(s, athlete_id, from, to, out, first, err);
	}
	return rc;
}

static enum err_code put_memberships(struct store *s, struct provider *p, struct err *err)
{
	static const char del[] = "DELETE FROM membership WHERE provider_id = ?1";
	static const char ins[] =
	        "INSERT INTO membership (provider_id, fee_cents, currency, sessions, since, until)"
	        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *st = store_stmt(s, del, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, p->id);
	rc = store_step_done(s, st, "replacing memberships", err);
	for (size_t i = 0; i < p->n_memberships && !rc; i++) {
		struct membership *m = &p->memberships[i];

		st = store_stmt(s, ins, err);
		if (!st) {
			return err->code;
		}
		m->provider_id = p->id;
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_bind_int64(st, 2, m->fee_cents);
		store_bind_text(st, 3, m->currency);
		sqlite3_bind_int(st, 4, m->sessions);
		store_bind_date(st, 5, m->since);
		store_bind_date(st, 6, m->until);
		rc = store_step_done(s, st, "recording a membership", err);
		if (!rc) {
			m->id = sqlite3_last_insert_rowid(store_db(s));
		}
	}
	return rc;
}

static void bind_provider(sqlite3_stmt *st, const struct provider *p)
{
	sqlite3_bind_int64(st, 1, p->athlete_id);
	store_bind_text(st, 2, p->name);
	store_bind_text(st, 3, provider_kind_name(p->kind));
	store_bind_int(st, 4, p->price_cents, p->price_cents >= 0);
	store_bind_text(st, 5, p->price_cents >= 0 ? p->currency : NULL);
	store_bind_text(st, 6, p->note);
}

enum err_code store_provider_add(struct store *s, struct provider *p, struct err *err)
{
	static const char sql[] =
	        "INSERT INTO provider (athlete_id, name, kind, price_cents, currency, note,"
	        " created_utc) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	        " CAST(strftime('%s', 'now') AS INTEGER))";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	bind_provider(st, p);
	rc = store_step_done(s, st, "adding the provider", err);
	if (rc == ERR_CONFLICT) {
		return err_set(err, ERR_CONFLICT, "there is already a provider named '%s'",
		               p->name);
	}
	if (rc) {
		return rc;
	}
	p->id = sqlite3_last_insert_rowid(store_db(s));
	return put_memberships(s, p, err);
}

enum err_code store_provider_update(struct store *s, struct provider *p, struct err *err)
{
	static const char sql[] = "UPDATE provider SET name = ?2, kind = ?3, price_cents = ?4,"
	                          " currency = ?5, note = ?6 WHERE id = ?7 AND athlete_id = ?1";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc;

	if (!st) {
		return err->code;
	}
	bind_provider(st, p);
	sqlite3_bind_int64(st, 7, p->id);
	rc = store_step_done(s, st, "updating the provider", err);
	if (rc == ERR_CONFLICT) {
		return err_set(err, ERR_CONFLICT, "there is already a provider named '%s'",
		               p->name);
	}
	if (!rc && sqlite3_changes(store_db(s)) == 0) {
		return err_set(err, ERR_NOT_FOUND, "no provider %lld", (long long)p->id);
	}
	return rc ? rc : put_memberships(s, p, err);
}

static enum err_code list_memberships(struct store *s, int64_t athlete_id,
                                      struct provider_list *out, struct err *err)
{
	static const char sql[] =
	        "SELECT m.id, m.provider_id, m.fee_cents, m.currency, m.sessions, m.since, m.until"
	        " FROM membership m JOIN provider p ON p.id = m.provider_id"
	        " WHERE p.athlete_id = ?1 ORDER BY m.provider_id, m.since";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t pid = sqlite3_column_int64(st, 1);

		for (size_t i = 0; i < out->n; i++) {
			struct membership *m;

			if (out->items[i].id != pid) {
				continue;
			}
			m = provider_add_membership(&out->items[i]);
			m->id = sqlite3_column_int64(st, 0);
			m->fee_cents = sqlite3_column_int64(st, 2);
			column_currency(st, 3, m->currency);
			m->sessions = sqlite3_column_int(st, 4);
			m->since = store_column_date(st, 5);
			m->until = store_column_date(st, 6);
		}
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing memberships", err);
	}
	store_stmt_done(st);
	return rc;
}

enum err_code store_provider_list(struct store *s, int64_t athlete_id, struct provider_list *out,
                                  struct err *err)
{
	static const char sql[] = "SELECT id, name, kind, price_cents, currency, note FROM provider"
	                          " WHERE athlete_id = ?1 ORDER BY name COLLATE NOCASE, id";
	sqlite3_stmt *st = store_stmt(s, sql, err);
	enum err_code rc = ERR_OK;
	int step;

	if (!st) {
		return err->code;
	}
	sqlite3_bind_int64(st, 1, athlete_id);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct provider *p = provider_list_push(out);
		const char *kind = (const char *)sqlite3_column_text(st, 2);

		p->id = sqlite3_column_int64(st, 0);
		p->athlete_id = athlete_id;
		p->name = store_column_strdup(st, 1);
		if (!kind || provider_kind_parse(kind, &p->kind, NULL)) {
			p->kind = PROVIDER_CLINIC;
		}
		p->price_cents = column_cents(st, 3);
		column_currency(st, 4, p->currency);
		p->note = store_column_strdup(st, 5);
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, "listing providers", err);
	}
	store_stmt_done(st);
	return rc ? rc : list_memberships(s, athlete_id, out, err);
}

static void move_provider(struct provider *to, struct provider *from)
{
	*to = *from;
	provider_init(from);
}

enum err_code store_provider_find(struct store *s, int64_t athlete_id, const char *key,
                                  struct provider *out, struct err *err)
{
	struct provider_list list = PROVIDER_LIST_INIT;
	size_t match;
	enum err_code rc;

	provider_init(out);
	rc = store_provider_list(s, athlete_id, &list, err);
	if (!rc) {
		rc = STORE_PICK(list.items, list.n, struct provider, key, "provider",
		                "add one with 'knead provider add'", &match, err);
	}
	if (!rc) {
		move_provider(out, &list.items[match]);
	}
	provider_list_release(&list);
	return rc;
}
