/*
 * routes.c: the route table and the dispatcher (see routes.h).
 */
#include "web/routes.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "web/html.h"

/* Sorted by path with strcmp: test_routes checks it. */
const struct web_route web_routes[] = {
	{ "/", WEB_GET | WEB_HEAD, web_page_today, 0 },
	{ "/api/v1/today", WEB_GET | WEB_HEAD, web_api_today, WEB_JSON },
	{ "/assets/knead.css", WEB_GET | WEB_HEAD, web_asset, 0 },
	{ "/sore", WEB_POST, web_post_sore, WEB_WRITES },
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
	if ((route->flags & WEB_WRITES) &&
	    !csrf_check(&app->csrf, cookie, web_params_get(&req->form, CSRF_FIELD))) {
		web_error_page(resp, 403,
		               "The form's security token is missing or out of date (the server "
		               "may have restarted): reload the page and send it again.",
		               json);
		return;
	}
	pthread_mutex_lock(&app->lock);
	if (route->handler(&call, resp, &err)) {
		/* A handler that failed may have set a redirect: drop it with the body. */
		resp->content_type = "text/html; charset=utf-8";
		web_error_page(resp, status_for(err.code), err.msg[0] ? err.msg : "failed", json);
	}
	pthread_mutex_unlock(&app->lock);
}
