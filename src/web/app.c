/*
 * app.c: the web application's state and a request's view (see app.h).
 */
#include "web/app.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/instant.h"
#include "base/bug.h"
#include "base/datafile.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/strbuf.h"
#include "base/tz.h"
#include "base/xalloc.h"
#include "store/store_athlete.h"

enum err_code web_app_init(struct web_app *app, const char *db_path, struct err *err)
{
	struct strbuf text = STRBUF_INIT, origin = STRBUF_INIT;
	enum err_code rc;

	memset(app, 0, sizeof(*app));
	app->db_path = xstrdup(db_path);
	pthread_mutex_init(&app->lock, NULL);
	/* a secret for as long as there is no database to keep one in (the
	 * pages say there is none: nothing to log in to yet) */
	if (sodium_init() < 0) {
		BUG("libsodium could not initialise");
	}
	randombytes_buf(app->auth.secret, sizeof(app->auth.secret));
	csrf_init(&app->csrf, app->auth.secret);
	rc = web_app_refresh_auth(app, err);
	if (!rc) {
		rc = rulebook_load(&app->rules, err);
	}
	if (!rc) {
		rc = datafile_read("regions.ini", &text, &origin, err);
	}
	if (!rc) {
		rc = region_catalog_parse(&app->regions, text.buf, origin.buf, err);
	}
	strbuf_release(&text);
	strbuf_release(&origin);
	if (rc) {
		web_app_release(app);
	}
	return rc;
}

enum err_code web_app_refresh_auth(struct web_app *app, struct err *err)
{
	int64_t version;

	if (!app->auth_store && store_open(app->db_path, STORE_READ, &app->auth_store, err)) {
		if (err->code != ERR_NOT_FOUND) {
			return err->code;
		}
		err_clear(err);
		return ERR_OK;
	}
	/* One cheap pragma per request instead of reading the secret: the
	 * advisor's day cache keys on the same number. */
	if (store_data_version(app->auth_store, &version, err)) {
		return err->code;
	}
	if (app->versioned && version == app->data_version) {
		return ERR_OK;
	}
	if (store_auth_get(app->auth_store, &app->auth, err)) {
		return err->code;
	}
	csrf_init(&app->csrf, app->auth.secret);
	app->data_version = version;
	app->versioned = true;
	return ERR_OK;
}

void web_app_release(struct web_app *app)
{
	free(app->db_path);
	free(app->base_url);
	store_close(app->auth_store);
	web_day_cache_free(app->day_cache);
	sodium_memzero(&app->auth, sizeof(app->auth));
	sodium_memzero(&app->csrf, sizeof(app->csrf));
	rulebook_release(&app->rules);
	region_catalog_release(&app->regions);
	pthread_mutex_destroy(&app->lock);
	memset(app, 0, sizeof(*app));
}

enum err_code web_view_open(struct web_app *app, enum store_mode mode, struct web_view *v,
                            struct err *err)
{
	memset(v, 0, sizeof(*v));
	athlete_init(&v->profile, ATHLETE_DEFAULT);
	if (store_open(app->db_path, mode, &v->store, err)) {
		if (err->code == ERR_NOT_FOUND) {
			err_set(err, ERR_NOT_FOUND,
			        "no database at '%s' yet ('knead init' or 'knead log' creates it)",
			        app->db_path);
		}
		return err->code;
	}
	if (mode == STORE_WRITE && store_athlete_ensure(v->store, ATHLETE_DEFAULT, err)) {
		return err->code;
	}
	if (store_athlete_get(v->store, ATHLETE_DEFAULT, &v->profile, err)) {
		if (err->code != ERR_NOT_FOUND) {
			return err->code;
		}
		err_clear(err);
	}
	/* A zone that vanished from the system's database must not lock the
	 * runner out: carry on in the system's zone, as the command line does. */
	if (tz_use(v->profile.tz, NULL)) {
		tz_use(NULL, NULL);
	}
	if (instant_now(&v->now, err)) {
		return err->code;
	}
	v->today = tz_local(v->now).day;
	return ERR_OK;
}

void web_view_close(struct web_view *v)
{
	store_close(v->store);
	athlete_release(&v->profile);
	memset(v, 0, sizeof(*v));
}
