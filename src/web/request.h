/*
 * request.h: a web request and its response as plain data.
 *
 * server.c translates each libmicrohttpd request into a struct
 * web_request once and sends back the struct web_response the handler
 * filled, so handlers never see MHD and tests call them directly with a
 * request they built by hand (as Fossil's cgi.c does for CGI).
 *
 * Every string a request holds is owned by it and URL-decoded; names are
 * compared exactly, values are NUL-terminated text (a decoded "%00" ends
 * the value early, which no form of ours needs).
 *
 * Uploaded files (a multipart/form-data POST) are not held in memory:
 * each is spooled to a file in the request's own private temporary
 * folder (mode 0700), which web_request_release removes with them. A
 * test builds the same list by hand with web_request_add_file.
 */
#ifndef KNEAD_WEB_REQUEST_H
#define KNEAD_WEB_REQUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/err.h"
#include "base/strbuf.h"

/* Methods as bits, so that a route can allow several. */
enum web_method {
	WEB_GET = 1 << 0,
	WEB_HEAD = 1 << 1,
	WEB_POST = 1 << 2,
	WEB_OTHER = 1 << 3, /* anything else: never allowed */
};

/* The largest body a request may carry (a form): beyond it, 413. */
#define WEB_BODY_MAX ((size_t)1 << 20)

/* The most a multipart body sent to a route that takes uploads
 * (WEB_UPLOAD in routes.h) may carry in all: a Strava or Garmin bulk
 * export of a few years fits (beyond it, 413 and nothing is imported).
 * Its form fields together are still held to WEB_BODY_MAX. */
#define WEB_UPLOAD_MAX ((size_t)256 << 20)

/* One name=value pair (both owned). */
struct web_param {
	char *name;
	char *value;
};

struct web_params {
	struct web_param *items;
	size_t n, alloc;
};

/* One uploaded file. */
struct web_file {
	char *field; /* the form field it came in ("files"), owned */
	char *name;  /* the file name the browser gave, as it gave it (owned): only
	                for showing, never for a path */
	char *path;  /* where its bytes are spooled: upload_dir/N/NAME, NAME the
	                browser's name made safe (no folders, no leading dot),
	                which the importer keeps as the source file (owned) */
	size_t size; /* its bytes so far */
};

struct web_files {
	struct web_file *items;
	size_t n, alloc;
};

struct web_request {
	enum web_method method;
	char *path;                /* the decoded path, "/" at least (owned) */
	struct web_params query;   /* from the query string */
	struct web_params form;    /* from an application/x-www-form-urlencoded body */
	struct web_params cookies; /* from the Cookie header */
	struct strbuf body;        /* the raw body, at most WEB_BODY_MAX bytes */
	struct web_files files;    /* from a multipart/form-data body */
	char *upload_dir;          /* the private folder files are spooled to, NULL
	                              until the first file (owned; removed on release) */
	char *host;                /* the Host header as the browser sent it, NULL
	                              if none (owned): the address the runner used */
};

struct web_header {
	char *name;  /* owned */
	char *value; /* owned */
};

struct web_response {
	int status;                 /* 200 unless a handler sets another */
	const char *content_type;   /* a literal: "text/html; charset=utf-8" by default */
	struct web_header *headers; /* extra headers (Allow, Set-Cookie), in order */
	size_t n_headers, alloc_headers;
	struct strbuf body;
};

/* A GET of "/" with nothing else (release with web_request_release). */
void web_request_init(struct web_request *req);
void web_request_release(struct web_request *req);

/* The method named by text ("GET"), WEB_OTHER for any other. */
enum web_method web_method_parse(const char *text);
/* "GET" for one method bit, "OTHER" otherwise. */
const char *web_method_name(enum web_method m);

/* Set the path, decoding %XX (owned copy). */
void web_request_set_path(struct web_request *req, const char *path);

/* Add one pair, copying both. */
void web_params_add(struct web_params *p, const char *name, const char *value);

/* Parse "a=1&b=x%20y" (application/x-www-form-urlencoded: '+' is a space)
 * of len bytes into p. Pairs without '=' get the value "". */
void web_params_parse(struct web_params *p, const char *text, size_t len);

/* Start a new uploaded file named name (the browser's) in field:
 * creates the request's private folder the first time and an empty file
 * in it, and returns the entry (owned by req) with *fp open for writing
 * (close it with fclose, or web_file_write's caller does). ERR_IO when
 * the folder or file cannot be made. */
enum err_code web_request_new_file(struct web_request *req, const char *field, const char *name,
                                   struct web_file **out, FILE **fp, struct err *err);

/* Add a whole file of len bytes at data (a test's upload): as
 * web_request_new_file, then the bytes written and the file closed. */
enum err_code web_request_add_file(struct web_request *req, const char *field, const char *name,
                                   const void *data, size_t len, struct err *err);

/* Parse a Cookie header ("a=1; b=2") into p, values as they are. */
void web_cookies_parse(struct web_params *p, const char *header);

/* The value of the first pair named name, NULL if none (borrowed). */
const char *web_params_get(const struct web_params *p, const char *name);

/* A form field on a POST, else a query parameter: NULL if neither. */
const char *web_param(const struct web_request *req, const char *name);

/* Decode %XX and, when plus_is_space, '+' into sb (appended). A malformed
 * escape is kept as it is. */
void web_url_decode(struct strbuf *sb, const char *text, size_t len, bool plus_is_space);

void web_response_init(struct web_response *resp);
void web_response_release(struct web_response *resp);

/* Add a header (copies name and value). */
void web_response_header(struct web_response *resp, const char *name, const char *value);

/* The value of the first header named name (case-insensitive), or NULL. */
const char *web_response_get_header(const struct web_response *resp, const char *name);

#endif
