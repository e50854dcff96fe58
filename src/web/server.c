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
	bool too_large;               /* the body passed its limit: answer 413 */
	bool bad;                     /* a multipart body MHD could not read: answer 400 */
	bool io_error;                /* an upload could not be spooled: answer 500 */
	struct MHD_PostProcessor *pp; /* reading a multipart/form-data body, else NULL */
	size_t limit;                 /* the most body bytes this request may send */
	size_t received;              /* body bytes so far */
	size_t form_bytes;            /* bytes of multipart form fields so far */
	struct web_file *file;        /* the upload being written, NULL between files */
	FILE *fp;                     /* its spool file, open while it is written */
};

/* Close the upload being written (if any); false if its bytes could not
 * all be kept. */
static bool close_file(struct pending *p)
{
	bool ok = true;

	if (p->fp) {
		ok = fclose(p->fp) == 0;
		p->fp = NULL;
	}
	p->file = NULL;
	return ok;
}

/* MHD's post processor hands each multipart part over in pieces: fields
 * go into req->form (held to WEB_BODY_MAX in all), files are written to
 * their spool files as they come. */
static enum MHD_Result on_part(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *filename, const char *content_type,
                               const char *transfer_encoding, const char *data, uint64_t off,
                               size_t size)
{
	struct pending *p = cls;
	struct err err = ERR_INIT;

	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	if (!key) {
		return MHD_YES;
	}
	if (!filename) {
		struct web_params *form = &p->req.form;

		close_file(p);
		p->form_bytes += size;
		if (p->form_bytes > WEB_BODY_MAX) {
			p->too_large = true;
			return MHD_NO;
		}
		if (off == 0 || !form->n || strcmp(form->items[form->n - 1].name, key) != 0) {
			web_params_add(form, key, "");
		}
		if (size) {
			struct web_param *last = &form->items[form->n - 1];
			size_t had = strlen(last->value);

			last->value = xrealloc(last->value, had + size + 1);
			memcpy(last->value + had, data, size);
			last->value[had + size] = '\0';
		}
		return MHD_YES;
	}
	if (!*filename && !size) {
		return MHD_YES; /* a file input left empty */
	}
	if (off == 0 || !p->file) {
		if (!close_file(p)) {
			p->io_error = true;
			return MHD_NO;
		}
		if (web_request_new_file(&p->req, key, filename, &p->file, &p->fp, &err)) {
			p->io_error = true;
			return MHD_NO;
		}
	}
	if (size && fwrite(data, 1, size, p->fp) != size) {
		p->io_error = true;
		return MHD_NO;
	}
	p->file->size += size;
	return MHD_YES;
}

/* The media type of the request's body, lowercase comparisons. */
static bool content_type_is(struct MHD_Connection *conn, const char *want)
{
	const char *type =
	        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);

	return type && !strncasecmp(type, want, strlen(want));
}

/* The Content-Length the client declared, or 0. */
static uint64_t declared_length(struct MHD_Connection *conn)
{
	const char *v =
	        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	char *end;
	unsigned long long n;

	if (!v) {
		return 0;
	}
	errno = 0;
	n = strtoull(v, &end, 10);
	return errno || end == v ? 0 : (uint64_t)n;
}

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

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
	struct web_server *srv = cls;
	struct pending *p = *con_cls;
	struct web_response resp;
	enum MHD_Result ret;
	const char *host;

	(void)version;
	if (!p) {
		/* first call: the headers are in, the body (if any) follows */
		p = xcalloc(1, sizeof(*p));
		web_request_init(&p->req);
		p->req.method = web_method_parse(method);
		web_request_set_path(&p->req, url);
		p->req.body.max = WEB_BODY_MAX;
		p->limit = WEB_BODY_MAX;
		*con_cls = p;
		if (p->req.method == WEB_POST && content_type_is(conn, "multipart/form-data")) {
			const struct web_route *route = web_route_find(p->req.path);

			if (route && (route->flags & WEB_UPLOAD)) {
				p->limit = WEB_UPLOAD_MAX;
			}
			p->pp = MHD_create_post_processor(conn, 64 * 1024, on_part, p);
			p->bad = !p->pp;
		}
		if (declared_length(conn) > p->limit) {
			/* refused before a byte of it is read */
			p->too_large = true;
			web_response_init(&resp);
			web_error_page(&resp, 413, "The request is too large.", false);
			ret = send_response(conn, &resp);
			web_response_release(&resp);
			return ret;
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		p->received += *upload_data_size;
		if (p->received > p->limit) {
			p->too_large = true;
		}
		if (p->too_large || p->bad || p->io_error) {
			/* read and dropped: the answer is already decided */
		} else if (p->pp) {
			if (MHD_post_process(p->pp, upload_data, *upload_data_size) != MHD_YES &&
			    !p->too_large && !p->io_error) {
				p->bad = true;
			}
		} else if (!strbuf_tryadd(&p->req.body, upload_data, *upload_data_size)) {
			p->too_large = true;
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (p->pp) {
		MHD_destroy_post_processor(p->pp);
		p->pp = NULL;
	}
	if (!close_file(p)) {
		p->io_error = true;
	}
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, add_query, &p->req);
	host = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	p->req.host = host ? xstrdup(host) : NULL;
	web_cookies_parse(&p->req.cookies, MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	                                                               MHD_HTTP_HEADER_COOKIE));
	web_response_init(&resp);
	if (p->too_large) {
		web_error_page(&resp, 413,
		               p->limit == WEB_UPLOAD_MAX
		                       ? "The upload is too large: send at most 256 MB at a time."
		                       : "The request is too large.",
		               false);
	} else if (p->io_error) {
		web_error_page(&resp, 500, "The upload could not be kept: is the disk full?",
		               false);
	} else if (p->bad) {
		web_error_page(&resp, 400, "The form's data could not be read.", false);
	} else {
		if (p->req.method == WEB_POST &&
		    content_type_is(conn, "application/x-www-form-urlencoded")) {
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
		if (p->pp) {
			MHD_destroy_post_processor(p->pp);
		}
		close_file(p);
		web_request_release(&p->req);
		free(p);
		*con_cls = NULL;
	}
}

enum err_code web_server_start(struct web_app *app, const struct web_listen *l,
                               struct web_server **out, struct err *err)
{
	struct web_server *srv = xcalloc(1, sizeof(*srv));
	/* One thread, its sockets in epoll: handlers run one at a time anyway
	 * (app.h), and a pool of threads taking turns at that lock measured
	 * worse, the turns themselves costing a p99 of 25-35 ms against 2 ms
	 * on two cores (bench/web). Slow clients do not hold others up: the
	 * thread only ever waits in epoll. */
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
