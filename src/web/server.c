/*
 * server.c: libmicrohttpd in, web_dispatch, libmicrohttpd out (see
 * server.h).
 */
#include "web/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/parse.h"
#include "base/xalloc.h"
#include "web/routes.h"

struct web_server {
	struct MHD_Daemon *daemon;
	struct web_app *app; /* borrowed */
};

enum err_code web_listen_parse(const char *text, struct web_listen *out, struct err *err)
{
	const char *colon = strrchr(text, ':'), *host = text;
	size_t host_len;
	long port;

	memset(out, 0, sizeof(*out));
	if (!colon) {
		return err_set(err, ERR_INPUT, "--listen: '%s' is not ADDR:PORT (127.0.0.1:8080)",
		               text);
	}
	host_len = (size_t)(colon - text);
	if (host_len >= 2 && text[0] == '[' && text[host_len - 1] == ']') {
		host++;
		host_len -= 2;
	}
	if (host_len == 0 || host_len >= sizeof(out->host)) {
		return err_set(err, ERR_INPUT, "--listen: '%s' has no address (127.0.0.1:8080)",
		               text);
	}
	memcpy(out->host, host, host_len);
	out->host[host_len] = '\0';
	if (parse_int(colon + 1, 1, 65535, &port, NULL)) {
		return err_set(err, ERR_INPUT, "--listen: '%s' is not a port (1 to 65535)",
		               colon + 1);
	}
	out->port = (unsigned)port;
	if (strchr(out->host, ':')) {
		struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&out->addr;

		if (inet_pton(AF_INET6, out->host, &a6->sin6_addr) != 1) {
			return err_set(err, ERR_INPUT, "--listen: '%s' is not an IPv6 address",
			               out->host);
		}
		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		out->len = sizeof(*a6);
		out->loopback = IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr);
	} else {
		struct sockaddr_in *a4 = (struct sockaddr_in *)&out->addr;

		if (inet_pton(AF_INET, out->host, &a4->sin_addr) != 1) {
			return err_set(
			        err, ERR_INPUT,
			        "--listen: '%s' is not an IPv4 address (names are not looked "
			        "up: 127.0.0.1 for this machine)",
			        out->host);
		}
		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		out->len = sizeof(*a4);
		out->loopback = (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
	}
	return ERR_OK;
}

void web_listen_url(const struct web_listen *l, struct strbuf *sb)
{
	bool v6 = l->addr.ss_family == AF_INET6;

	strbuf_addf(sb, "http://%s%s%s:%u/", v6 ? "[" : "", l->host, v6 ? "]" : "", l->port);
}

/* One connection's request while its body arrives. */
struct pending {
	struct web_request req;
	bool too_large; /* the body passed WEB_BODY_MAX: answer 413 */
};

static enum MHD_Result add_query(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value)
{
	struct web_request *req = cls;

	(void)kind;
	if (key) {
		/* MHD has decoded the query string already */
		web_params_add(&req->query, key, value ? value : "");
	}
	return MHD_YES;
}

static enum MHD_Result send_response(struct MHD_Connection *conn, const struct web_response *resp)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(resp->body.len, resp->body.buf,
	                                                         MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ret;

	if (!r) {
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, resp->content_type);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Content-Security-Policy",
	                        /* cairo's SVG charts, inline in the pages, style
	                         * their shapes with style attributes */
	                        "default-src 'self'; style-src 'self' 'unsafe-inline'; "
	                        "img-src 'self' data:; form-action 'self'; "
	                        "frame-ancestors 'none'");
	for (size_t i = 0; i < resp->n_headers; i++) {
		MHD_add_response_header(r, resp->headers[i].name, resp->headers[i].value);
	}
	ret = MHD_queue_response(conn, (unsigned)resp->status, r);
	MHD_destroy_response(r);
	return ret;
}

/* Whether the request's body is a urlencoded form. */
static bool is_form(struct MHD_Connection *conn)
{
	const char *type =
	        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
	const char *want = "application/x-www-form-urlencoded";

	return type && !strncasecmp(type, want, strlen(want));
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
	struct web_server *srv = cls;
	struct pending *p = *con_cls;
	struct web_response resp;
	enum MHD_Result ret;

	(void)version;
	if (!p) {
		/* first call: the headers are in, the body (if any) follows */
		p = xcalloc(1, sizeof(*p));
		web_request_init(&p->req);
		p->req.method = web_method_parse(method);
		web_request_set_path(&p->req, url);
		p->req.body.max = WEB_BODY_MAX;
		*con_cls = p;
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!p->too_large && !strbuf_tryadd(&p->req.body, upload_data, *upload_data_size)) {
			p->too_large = true;
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_query, &p->req);
	web_cookies_parse(&p->req.cookies, MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	                                                               MHD_HTTP_HEADER_COOKIE));
	web_response_init(&resp);
	if (p->too_large) {
		web_error_page(&resp, 413, "The request is too large.", false);
	} else {
		if (p->req.method == WEB_POST && is_form(conn)) {
			web_params_parse(&p->req.form, p->req.body.buf, p->req.body.len);
		}
		web_dispatch(srv->app, &p->req, &resp);
	}
	ret = send_response(conn, &resp);
	web_response_release(&resp);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	struct pending *p = *con_cls;

	(void)cls;
	(void)conn;
	(void)toe;
	if (p) {
		web_request_release(&p->req);
		free(p);
		*con_cls = NULL;
	}
}

/* Threads in the pool: handlers run one at a time (app.h), so a few are
 * enough to keep slow clients from holding the others up. */
static unsigned pool_size(void)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	return cores < 2 ? 2 : cores > 4 ? 4 : (unsigned)cores;
}

enum err_code web_server_start(struct web_app *app, const struct web_listen *l,
                               struct web_server **out, struct err *err)
{
	struct web_server *srv = xcalloc(1, sizeof(*srv));
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;

	if (MHD_is_feature_supported(MHD_FEATURE_EPOLL) == MHD_YES) {
		flags |= MHD_USE_EPOLL;
	}
	if (l->addr.ss_family == AF_INET6) {
		flags |= MHD_USE_IPv6;
	}
	srv->app = app;
	errno = 0;
	srv->daemon = MHD_start_daemon(flags, (uint16_t)l->port, NULL, NULL, on_request, srv,
	                               MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&l->addr,
	                               MHD_OPTION_THREAD_POOL_SIZE, pool_size(),
	                               MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
	                               MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60, MHD_OPTION_END);
	if (!srv->daemon) {
		free(srv);
		return err_set(err, ERR_IO, "cannot listen on %s:%u: %s", l->host, l->port,
		               errno ? strerror(errno) : "the server did not start");
	}
	*out = srv;
	return ERR_OK;
}

void web_server_stop(struct web_server *s)
{
	if (!s) {
		return;
	}
	MHD_stop_daemon(s->daemon);
	free(s);
}
