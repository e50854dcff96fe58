/*
 * routes.h: the web pages and API, one sorted table, and the dispatcher
 * every request goes through.
 *
 * Every handler has one shape (as Fossil's pages): the dispatcher has
 * checked the method and, for a route that writes, the anti-CSRF token;
 * the handler validates its parameters, calls the library and renders.
 * It returns an err_code: on failure the dispatcher throws away what the
 * handler wrote and sends an error page whose status follows the code
 * (ERR_INPUT 400, ERR_NOT_FOUND 404, ERR_CONFLICT 409, anything else 500).
 */
#ifndef KNEAD_WEB_ROUTES_H
#define KNEAD_WEB_ROUTES_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "web/app.h"
#include "web/csrf.h"
#include "web/request.h"

/* What a handler is given besides the response to fill. */
struct web_call {
	struct web_app *app;
	const struct web_request *req;
	const char *session; /* the browser's session id (from its cookie, or
	                        new: the dispatcher then sets the cookie) */
};

typedef enum err_code (*web_handler)(struct web_call *call, struct web_response *resp,
                                     struct err *err);

enum web_route_flags {
	WEB_WRITES = 1 << 0, /* a POST to it changes data: anti-CSRF token required */
	WEB_JSON = 1 << 1,   /* answers JSON, and errors as JSON too */
	WEB_PUBLIC = 1 << 2, /* reachable without logging in (the login page, assets) */
	WEB_UPLOAD = 1 << 3, /* takes files: multipart bodies up to WEB_UPLOAD_MAX */
};

struct web_route {
	const char *path;    /* exact path, "/api/v1/today" */
	unsigned methods;    /* enum web_method bits it accepts */
	web_handler handler; /* never NULL */
	unsigned flags;      /* enum web_route_flags */
	const char *schema;  /* WEB_JSON: the data file declaring the reply's shape
	                        ("api/today.json", JSON Schema), else NULL */
};

/* The table, sorted by path (strcmp), and its length. */
extern const struct web_route web_routes[];
extern const size_t web_routes_count;

/* The route for path (bisection), or NULL. */
const struct web_route *web_route_find(const char *path);

/* Answer req into resp (initialised by the caller): 404 for an unknown
 * path, 405 with Allow for a method the route does not accept, 403 for a
 * writing POST without the session's token, else the handler's answer or
 * the error page for its failure. Takes app->lock around the handler. */
void web_dispatch(struct web_app *app, const struct web_request *req, struct web_response *resp);

/* Write the error page (or JSON error) for status with message into resp,
 * replacing its body. */
void web_error_page(struct web_response *resp, int status, const char *message, bool json);

/* Answer o (taken) as JSON, formatted as the command line's --json prints
 * it. */
void web_reply_json(struct web_response *resp, json_t *o);

/* The parameter name as a day (parse_date's forms, "2026-11-24", "sat",
 * "-3d", relative to today) into *day; absent or empty gives fallback.
 * ERR_INPUT names the parameter. */
enum err_code web_param_day(const struct web_call *call, const char *name, int32_t today,
                            int32_t fallback, int32_t *day, struct err *err);

/* The parameters from and to as --from and --to are read (absent:
 * DATE_NONE), refused when to is before from. */
enum err_code web_param_range(const struct web_call *call, int32_t today, int32_t *from,
                              int32_t *to, struct err *err);

/* Append the hidden form field with the call's anti-CSRF token. */
void web_add_csrf_field(const struct web_call *call, struct strbuf *sb);

/* Handlers (page_*.c, api.c, assets.c). */
enum err_code web_api_activities(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_activity(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_body(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_calendar(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_effects(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_index(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_injuries(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_load(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_massage(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_plan(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_predict(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_races(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_recovery(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_spend(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_api_today(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_asset(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_activity(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_backup(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_body(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_body_region(struct web_call *call, struct web_response *resp,
                                   struct err *err);
enum err_code web_page_calendar(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_calendar_day(struct web_call *call, struct web_response *resp,
                                    struct err *err);
enum err_code web_page_export(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_ics(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_import(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_log(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_login(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_recovery(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_settings(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_today(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_page_training(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_post_book(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_post_log_activity(struct web_call *call, struct web_response *resp,
                                    struct err *err);
enum err_code web_post_log_recovery(struct web_call *call, struct web_response *resp,
                                    struct err *err);
enum err_code web_post_log_wellness(struct web_call *call, struct web_response *resp,
                                    struct err *err);
enum err_code web_post_logout(struct web_call *call, struct web_response *resp, struct err *err);
enum err_code web_post_settings_profile(struct web_call *call, struct web_response *resp,
                                        struct err *err);
enum err_code web_post_sore(struct web_call *call, struct web_response *resp, struct err *err);

#endif
