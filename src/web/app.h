/*
 * app.h: the web application's state, and one request's view of the
 * runner.
 *
 * Threads: libmicrohttpd calls handlers from a pool of threads. Each
 * request opens its own store (a SQLite connection is never shared
 * between threads) and closes it before the response is sent. On top of
 * that, routes.c holds app->lock around every handler: the profile's time
 * zone is process-wide state (base/tz.h) and a write transaction must
 * not meet another request's; one runner's server gains nothing from
 * running handlers side by side, and the lock keeps that simple and
 * correct.
 */
#ifndef KNEAD_WEB_APP_H
#define KNEAD_WEB_APP_H

#include <pthread.h>
#include <stdint.h>

#include "advice/rules.h"
#include "base/err.h"
#include "core/athlete.h"
#include "core/region.h"
#include "store/store.h"
#include "web/csrf.h"

struct web_app {
	char *db_path;                 /* the database file (owned) */
	struct csrf csrf;              /* this run's secret */
	struct rulebook rules;         /* the advisor's rules, read once at start */
	struct region_catalog regions; /* the body catalogue, read once at start */
	pthread_mutex_t lock;          /* held around each handler (see above) */
};

/* Set up app for the database at db_path: draw the CSRF secret, load the
 * rules (refused override lines are in app->rules.warnings for the caller
 * to show) and the regions. On failure app is released. */
enum err_code web_app_init(struct web_app *app, const char *db_path, struct err *err);

void web_app_release(struct web_app *app);

/* One request's view: its own store, the profile, the clock. */
struct web_view {
	struct store *store;    /* opened for this request, closed by web_view_close */
	struct athlete profile; /* the runner's profile (defaults if none stored) */
	int64_t now;            /* $KNEAD_NOW or the clock */
	int32_t today;          /* the local day of now in the profile's zone */
};

/* Open the view: the store in mode (STORE_WRITE also makes sure the
 * profile row exists), the profile, its zone and today. Call with
 * app->lock held. *v is ready for web_view_close whatever happens. */
enum err_code web_view_open(struct web_app *app, enum store_mode mode, struct web_view *v,
                            struct err *err);

void web_view_close(struct web_view *v);

#endif
