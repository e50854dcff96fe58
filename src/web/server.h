/*
 * server.h: the HTTP transport, libmicrohttpd behind a small face.
 *
 * The only file that sees MHD: it turns each MHD request into a struct
 * web_request once (query, cookies, a urlencoded form body of at most
 * WEB_BODY_MAX bytes; a multipart/form-data body read with MHD's post
 * processor into the form's fields and uploaded files spooled to disk, at
 * most WEB_UPLOAD_MAX bytes to a WEB_UPLOAD route and WEB_BODY_MAX
 * elsewhere: 413 beyond, declared or not), hands it to web_dispatch and
 * sends back the struct web_response. MHD runs one thread of its own,
 * its sockets in epoll where available; see app.h for what handlers
 * share and how.
 */
#ifndef KNEAD_WEB_SERVER_H
#define KNEAD_WEB_SERVER_H

#include <stdbool.h>
#include <sys/socket.h>

#include "base/err.h"
#include "web/app.h"

/* Where to listen. */
struct web_listen {
	struct sockaddr_storage addr; /* IPv4 or IPv6, with the port */
	socklen_t len;                /* of addr */
	bool loopback;                /* 127.0.0.0/8 or ::1: only this machine */
	char host[64];                /* the address as given, without brackets */
	unsigned port;                /* 1..65535 */
};

/* Parse "ADDR:PORT" ("127.0.0.1:8080", "0.0.0.0:80", "[::1]:8080") into
 * *out. A name (localhost) or a bad port is ERR_INPUT. */
enum err_code web_listen_parse(const char *text, struct web_listen *out, struct err *err);

/* Append the URL to open: "http://127.0.0.1:8080/" ("[::1]" for IPv6). */
void web_listen_url(const struct web_listen *l, struct strbuf *sb);

struct web_server;

/* Start serving app on l (app must outlive the server). ERR_IO if the
 * address cannot be bound, naming it and the system's reason. */
enum err_code web_server_start(struct web_app *app, const struct web_listen *l,
                               struct web_server **out, struct err *err);

/* Stop: finish the requests in progress, close the socket, free. NULL is
 * ignored. */
void web_server_stop(struct web_server *s);

#endif
