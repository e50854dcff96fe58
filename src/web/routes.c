/*
 * routes.c: the route table and the dispatcher (see routes.h).
 */
#include "web/routes.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "web/auth.h"
#include "base/date.h"
#include "base/parse.h"
#include "web/html.h"

/* Sorted by path with strcmp: test_routes checks it. */
const struct web_route web_routes[] = {
	{ "/", WEB_GET | WEB_HEAD, web_page_today, 0, NULL },
	{ "/activity", WEB_GET | WEB_HEAD, web_page_activity, 0, NULL },
	{ "/api/v1/", WEB_GET | WEB_HEAD, web_api_index, WEB_JSON, NULL },
	{ "/api/v1/activities", WEB_GET | WEB_HEAD, web_api_activities, WEB_JSON,
	  "api/activities.json" },
	{ "/api/v1/activity", WEB_GET | WEB_HEAD, web_api_activity, WEB_JSON, "api/activity.json" },
	{ "/api/v1/body", WEB_GET | WEB_HEAD, web_api_body, WEB_JSON, "api/body.json" },
	{ "/api/v1/calendar", WEB_GET | WEB_HEAD, web_api_calendar, WEB_JSON, "api/calendar.json" },
	{ "/api/v1/effects", WEB_GET | WEB_HEAD, web_api_effects, WEB_JSON, "api/effects.json" },
	{ "/api/v1/injuries", WEB_GET | WEB_HEAD, web_api_injuries, WEB_JSON, "api/injuries.json" },
	{ "/api/v1/load", WEB_GET | WEB_HEAD, web_api_load, WEB_JSON, "api/load.json" },
	{ "/api/v1/massage", WEB_GET | WEB_HEAD, web_api_massage, WEB_JSON, "api/massage.json" },
	{ "/api/v1/plan", WEB_GET | WEB_HEAD, web_api_plan, WEB_JSON, "api/plan.json" },
	{ "/api/v1/predict", WEB_GET | WEB_HEAD, web_api_predict, WEB_JSON, "api/predict.json" },
	{ "/api/v1/races", WEB_GET | WEB_HEAD, web_api_races, WEB_JSON, "api/races.json" },
	{ "/api/v1/recovery", WEB_GET | WEB_HEAD, web_api_recovery, WEB_JSON, "api/recovery.json" },
	{ "/api/v1/spend", WEB_GET | WEB_HEAD, web_api_spend, WEB_JSON, "api/spend.json" },
	{ "/api/v1/today", WEB_GET | WEB_HEAD, web_api_today, WEB_JSON, "api/today.json" },
	{ "/assets/icon.svg", WEB_GET | WEB_HEAD, web_asset, WEB_PUBLIC, NULL },
	{ "/assets/knead.css", WEB_GET | WEB_HEAD, web_asset, WEB_PUBLIC, NULL },
	{ "/assets/knead.js", WEB_GET | WEB_HEAD, web_asset, WEB_PUBLIC, NULL },
	{ "/backup", WEB_GET, web_page_backup, 0, NULL },
	{ "/body", WEB_GET | WEB_HEAD, web_page_body, 0, NULL },
	{ "/body/region", WEB_GET | WEB_HEAD, web_page_body_region, 0, NULL },
	{ "/book", WEB_POST, web_post_book, WEB_WRITES, NULL },
	{ "/calendar", WEB_GET | WEB_HEAD, web_page_calendar, 0, NULL },
	{ "/calendar.ics", WEB_GET | WEB_HEAD, web_page_ics, 0, NULL },
	{ "/calendar/day", WEB_GET | WEB_HEAD, web_page_calendar_day, 0, NULL },
	{ "/export", WEB_GET, web_page_export, 0, NULL },
	{ "/import", WEB_GET | WEB_HEAD | WEB_POST, web_page_import, WEB_WRITES | WEB_UPLOAD,
	  NULL },
	{ "/log", WEB_GET | WEB_HEAD, web_page_log, 0, NULL },
	{ "/log/activity", WEB_POST, web_post_log_activity, WEB_WRITES, NULL },
	{ "/log/recovery", WEB_POST, web_post_log_recovery, WEB_WRITES, NULL },
	{ "/log/wellness", WEB_POST, web_post_log_wellness, WEB_WRITES, NULL },
	{ "/login", WEB_GET | WEB_HEAD | WEB_POST, web_page_login, WEB_WRITES | WEB_PUBLIC, NULL },
	{ "/logout", WEB_POST, web_post_logout, WEB_WRITES, NULL },
	{ "/recovery", WEB_GET | WEB_HEAD, web_page_recovery, 0, NULL },
	{ "/settings", WEB_GET | WEB_HEAD, web_page_settings, 0, NULL },
	{ "/settings/profile", WEB_POST, web_post_settings_profile, WEB_WRITES, NULL },
	{ "/sore", WEB_POST, web_post_sore, WEB_WRITES, NULL },
	{ "/training", WEB_GET | WEB_HEAD, web_page_training, 0, NULL },
};

const size_t web_routes_count = sizeof(web_routes) / sizeof(web_routes[0]);

const struct web_route *web_route_find(const char *path)
{
	size_t lo = 0, hi = web_routes_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(path, web_routes[mid].path);

		if (!c) {
			return &web_routes[mid];
		}
		if (c < 0) {
			hi = mid;
		} else {
			lo = mid + 1;
		}
	}
	return NULL;
}

static const char *status_text(int status)
{
	switch (status) {
	case 400:
		return "Bad request";
	case 401:
		return "Log in first";
	case 403:
		return "Forbidden";
	case 404:
		return "Not found";
	case 405:
		return "Method not allowed";
	case 409:
		return "Conflict";
	case 413:
		return "Too large";
	default:
		return status >= 500 ? "Server error" : "Error";
	}
}

void web_error_page(struct web_response *resp, int status, const char *message, bool json)
{
	resp->status = status;
	strbuf_reset(&resp->body);
	if (json) {
		json_t *o = json_pack("{s:i, s:s}", "status", status, "error", message);
		char *text = json_dumps(o, JSON_PRESERVE_ORDER);

		resp->content_type = "application/json";
		strbuf_adds(&resp->body, text);
		strbuf_addch(&resp->body, '\n');
		free(text);
		json_decref(o);
		return;
	}
	resp->content_type = "text/html; charset=utf-8";
	html_page_begin(&resp->body, status_text(status), HTML_NAV_NONE);
	html_addf(&resp->body, "<p class=\"error\">%s</p>\n", message);
	html_page_end(&resp->body);
}

void web_reply_json(struct web_response *resp, json_t *o)
{
	char *text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));

	json_decref(o);
	resp->content_type = "application/json";
	strbuf_adds(&resp->body, text);
	strbuf_addch(&resp->body, '\n');
	free(text);
}

enum err_code web_param_day(const struct web_call *call, const char *name, int32_t today,
                            int32_t fallback, int32_t *day, struct err *err)
{
	const char *text = web_param(call->req, name);

	*day = fallback;
	if (text && *text && parse_date(text, today, day, err)) {
		return err_prefix(err, "%s", name);
	}
	return ERR_OK;
}

enum err_code web_param_range(const struct web_call *call, int32_t today, int32_t *from,
                              int32_t *to, struct err *err)
{
	if (web_param_day(call, "from", today, DATE_NONE, from, err) ||
	    web_param_day(call, "to", today, DATE_NONE, to, err)) {
		return err->code;
	}
	if (*from != DATE_NONE && *to != DATE_NONE && *to < *from) {
		return err_set(err, ERR_INPUT, "from is after to");
	}
	return ERR_OK;
}

void web_add_csrf_field(const struct web_call *call, struct strbuf *sb)
{
	char token[CSRF_HEX_LEN + 1];

	csrf_token(&call->app->csrf, call->session, token);
	strbuf_addf(sb, "<input type=\"hidden\" name=\"%s\" value=\"%s\">\n", CSRF_FIELD, token);
}

static int status_for(enum err_code code)
{
	switch (code) {
	case ERR_INPUT:
		return 400;
	case ERR_NOT_FOUND:
		return 404;
	case ERR_CONFLICT:
		return 409;
	default:
		return 500;
	}
}

/* "GET, HEAD" for a route's methods. */
static void add_allow(struct strbuf *sb, unsigned methods)
{
	static const enum web_method order[] = { WEB_GET, WEB_HEAD, WEB_POST };

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		if (methods & (unsigned)order[i]) {
			strbuf_addf(sb, "%s%s", sb->len ? ", " : "", web_method_name(order[i]));
		}
	}
}

void web_dispatch(struct web_app *app, const struct web_request *req, struct web_response *resp)
{
	const struct web_route *route = web_route_find(req->path);
	const char *cookie = web_params_get(&req->cookies, CSRF_COOKIE);
	char session[CSRF_HEX_LEN + 1];
	struct web_call call = { app, req, session };
	struct err err = ERR_INIT;
	struct strbuf sb = STRBUF_INIT;
	bool json = route && (route->flags & WEB_JSON);

	if (!route) {
		web_error_page(resp, 404, "There is no such page.", false);
		return;
	}
	if (!(route->methods & (unsigned)req->method)) {
		add_allow(&sb, route->methods);
		web_response_header(resp, "Allow", sb.buf);
		strbuf_release(&sb);
		web_error_page(resp, 405, "This page does not accept that method.", json);
		return;
	}
	if (csrf_session_valid(cookie)) {
		memcpy(session, cookie, sizeof(session));
	} else {
		csrf_new_session(session);
		strbuf_addf(&sb, "%s=%s; Path=/; HttpOnly; SameSite=Strict", CSRF_COOKIE, session);
		web_response_header(resp, "Set-Cookie", sb.buf);
		strbuf_release(&sb);
	}
	/* The password and the secret are read again first (knead passwd may
	 * have changed them), under the lock that guards app's copy. */
	pthread_mutex_lock(&app->lock);
	if (web_app_refresh_auth(app, &err)) {
		web_error_page(resp, 500, err.msg, json);
	} else if (!auth_allow(app, route, req, session, resp)) {
		/* resp says why: log in first */
	} else if ((route->flags & WEB_WRITES) && req->method == WEB_POST &&
	           !csrf_check(&app->csrf, cookie, web_params_get(&req->form, CSRF_FIELD))) {
		web_error_page(resp, 403,
		               "The form's security token is missing or out of date (the "
		               "password may have changed): reload the page and send it again.",
		               json);
	} else if (route->handler(&call, resp, &err)) {
		/* A handler that failed may have set a redirect: drop it with the body. */
		resp->content_type = "text/html; charset=utf-8";
		web_error_page(resp, status_for(err.code), err.msg[0] ? err.msg : "failed", json);
	}
	pthread_mutex_unlock(&app->lock);
}
