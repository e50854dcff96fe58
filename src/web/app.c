/*
 * app.c: the web application's state and a request's view (see app.h).
 */
#include "web/app.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/instant.h"
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
	csrf_init(&app->csrf);
	rc = rulebook_load(&app->rules, err);
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

void web_app_release(struct web_app *app)
{
	free(app->db_path);
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
