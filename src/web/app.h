/*
 * app.h: the web application's state, and one request's view of the
 * runner.
 *
 * Threads: libmicrohttpd calls handlers from its thread (server.c runs
 * one), and the handler tests from theirs. Each request opens its own
 * store and closes it before the response is sent; what lives longer
 * (auth_store, the day cache) is app's. routes.c holds app->lock around
 * every handler all the same: the profile's time zone is process-wide
 * state (base/tz.h), a write transaction must not meet another request's,
 * and one runner's server gains nothing from running handlers side by
 * side, so the lock keeps it correct whatever runs the handlers.
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
#include "store/store_auth.h"
#include "web/csrf.h"

struct web_app {
	char *db_path;                   /* the database file (owned) */
	struct csrf csrf;                /* the server secret, as of auth */
	struct store_auth auth;          /* password hash and secret, re-read by
	                                    web_app_refresh_auth on each request, so
	                                    that `knead passwd` takes effect at once */
	struct store *auth_store;        /* the connection auth is read through,
	                                    used only with lock held; NULL while
	                                    there is no database */
	bool network;                    /* listening beyond this machine: without a
	                                    password nothing but the assets is served */
	char *base_url;                  /* "http://127.0.0.1:8080/" as served, for
	                                    links used outside the browser (calendar
	                                    subscriptions); owned, NULL if unknown */
	int64_t data_version;            /* auth_store's store_data_version when
	                                    auth was last read */
	bool versioned;                  /* data_version holds (a database is open) */
	struct web_day_cache *day_cache; /* the advisor's last day (page_today.c),
	                                    owned; NULL until asked */
	struct rulebook rules;           /* the advisor's rules, read once at start */
	struct region_catalog regions;   /* the body catalogue, read once at start */
	pthread_mutex_t lock;            /* held around each handler (see above) */
};

/* Set up app for the database at db_path: read the server secret (drawn
 * and stored on first use; while there is no database, a passing one) and
 * whether a password is set, load the rules (refused override lines are in
 * app->rules.warnings for the caller to show) and the regions. On
 * failure app is released. */
enum err_code web_app_init(struct web_app *app, const char *db_path, struct err *err);

/* Read the password and secret again into app->auth and app->csrf (a
 * password set or removed since changes both), unless the database has
 * not changed since they were last read; app->data_version says what it
 * is now. Call with app->lock held. */
enum err_code web_app_refresh_auth(struct web_app *app, struct err *err);

void web_app_release(struct web_app *app);

/* The cache of the advisor's day (page_today.c): free it (NULL is fine). */
struct web_day_cache;
void web_day_cache_free(struct web_day_cache *c);

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
