/*
 * page_login.c: GET /login (the password form, or what to do when no
 * password is set), POST /login (check it, then back to next), and POST
 * /logout. See auth.h for what a login is.
 *
 * Fields: password, next (a path on this server to return to; anything
 * else returns to Today).
 */
#include <string.h>

#include "web/auth.h"
#include "web/html.h"
#include "web/routes.h"

/* The login form, with an optional message above it. */
static void add_form(struct web_call *call, struct strbuf *sb, const char *next,
                     const char *message)
{
	if (message) {
		html_addf(sb, "<p class=\"error\" role=\"alert\">%s</p>\n", message);
	}
	strbuf_adds(sb, "<form id=\"login-form\" class=\"login\" method=\"post\" "
	                "action=\"/login\">\n");
	web_add_csrf_field(call, sb);
	html_addf(sb, "<input type=\"hidden\" name=\"next\" value=\"%s\">\n", next);
	strbuf_adds(sb, "<p><label for=\"password\">Password</label>\n"
	                "<input type=\"password\" id=\"password\" name=\"password\" "
	                "autocomplete=\"current-password\" required autofocus></p>\n"
	                "<p><button type=\"submit\">Log in</button></p>\n</form>\n");
}

static void page(struct web_call *call, struct web_response *resp, const char *next,
                 const char *message)
{
	struct strbuf *sb = &resp->body;
	struct web_app *app = call->app;

	html_page_begin(sb, "Log in", HTML_NAV_NONE);
	if (!store_auth_has_password(&app->auth)) {
		strbuf_adds(sb, "<p>No password is set, so there is nothing to log in to. Set one "
		                "where knead runs:</p>\n<pre>knead passwd</pre>\n");
		if (app->network) {
			strbuf_adds(sb, "<p>This server listens beyond this machine: until a "
			                "password is set it shows nothing else.</p>\n");
		} else {
			html_addf(sb,
			          "<p><a href=\"%s\">Go on</a> (this machine needs no "
			          "login).</p>\n",
			          next);
		}
	} else if (auth_logged_in(app, call->req, call->session) && !message) {
		html_addf(sb, "<p>You are logged in. <a href=\"%s\">Go on</a>.</p>\n", next);
		strbuf_adds(sb, "<form id=\"logout-form\" method=\"post\" action=\"/logout\">\n");
		web_add_csrf_field(call, sb);
		strbuf_adds(sb, "<button type=\"submit\">Log out</button>\n</form>\n");
	} else {
		add_form(call, sb, next, message);
	}
	html_page_end(sb);
}

enum err_code web_page_login(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct web_app *app = call->app;
	const char *next = auth_next(web_param(call->req, "next"));
	const char *password = web_param(call->req, "password");
	char session[CSRF_HEX_LEN + 1];

	if (call->req->method != WEB_POST) {
		page(call, resp, next, NULL);
		return ERR_OK;
	}
	if (!store_auth_has_password(&app->auth)) {
		return err_set(err, ERR_CONFLICT,
		               "No password is set: run 'knead passwd' where knead runs.");
	}
	if (!password || !*password) {
		resp->status = 400;
		page(call, resp, next, "Type the password.");
		return ERR_OK;
	}
	if (!auth_check_password(app, password)) {
		resp->status = 403;
		page(call, resp, next, "Wrong password.");
		return ERR_OK;
	}
	auth_login(app, resp, session);
	resp->status = 303;
	web_response_header(resp, "Location", next);
	html_addf(&resp->body, "<p>Logged in: <a href=\"%s\">go on</a>.</p>\n", next);
	return ERR_OK;
}

enum err_code web_post_logout(struct web_call *call, struct web_response *resp, struct err *err)
{
	(void)err;
	auth_logout(resp);
	resp->status = 303;
	web_response_header(resp, "Location",
	                    store_auth_has_password(&call->app->auth) ? "/login" : "/");
	strbuf_adds(&resp->body, "<p>Logged out: <a href=\"/login\">log in</a>.</p>\n");
	return ERR_OK;
}
