/*
 * request.c: requests and responses as plain data (see request.h).
 */
#include "web/request.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"

void web_request_init(struct web_request *req)
{
	memset(req, 0, sizeof(*req));
	req->method = WEB_GET;
	req->path = xstrdup("/");
	strbuf_init(&req->body, 0);
}

static void params_release(struct web_params *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->items[i].name);
		free(p->items[i].value);
	}
	free(p->items);
	memset(p, 0, sizeof(*p));
}

void web_request_release(struct web_request *req)
{
	free(req->path);
	params_release(&req->query);
	params_release(&req->form);
	params_release(&req->cookies);
	strbuf_release(&req->body);
	memset(req, 0, sizeof(*req));
}

static const struct {
	const char *name;
	enum web_method method;
} methods[] = {
	{ "GET", WEB_GET },
	{ "HEAD", WEB_HEAD },
	{ "POST", WEB_POST },
};

enum web_method web_method_parse(const char *text)
{
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		if (!strcmp(text, methods[i].name)) {
			return methods[i].method;
		}
	}
	return WEB_OTHER;
}

const char *web_method_name(enum web_method m)
{
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		if (m == methods[i].method) {
			return methods[i].name;
		}
	}
	return "OTHER";
}

static int hex_value(int c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

void web_url_decode(struct strbuf *sb, const char *text, size_t len, bool plus_is_space)
{
	for (size_t i = 0; i < len; i++) {
		int hi, lo;

		if (text[i] == '+' && plus_is_space) {
			strbuf_addch(sb, ' ');
		} else if (text[i] == '%' && i + 2 < len &&
		           (hi = hex_value((unsigned char)text[i + 1])) >= 0 &&
		           (lo = hex_value((unsigned char)text[i + 2])) >= 0) {
			strbuf_addch(sb, hi * 16 + lo);
			i += 2;
		} else {
			strbuf_addch(sb, text[i]);
		}
	}
}

void web_request_set_path(struct web_request *req, const char *path)
{
	struct strbuf sb = STRBUF_INIT;

	web_url_decode(&sb, path, strlen(path), false);
	if (!sb.len || sb.buf[0] != '/') {
		strbuf_reset(&sb);
		strbuf_addch(&sb, '/');
		web_url_decode(&sb, path, strlen(path), false);
	}
	free(req->path);
	req->path = strbuf_detach(&sb, NULL);
}

void web_params_add(struct web_params *p, const char *name, const char *value)
{
	if (p->n == p->alloc) {
		p->alloc = p->alloc ? 2 * p->alloc : 8;
		p->items = xreallocarray(p->items, p->alloc, sizeof(*p->items));
	}
	p->items[p->n].name = xstrdup(name);
	p->items[p->n].value = xstrdup(value);
	p->n++;
}

void web_params_parse(struct web_params *p, const char *text, size_t len)
{
	struct strbuf name = STRBUF_INIT, value = STRBUF_INIT;
	size_t i = 0;

	while (i < len) {
		size_t end = i, eq;

		while (end < len && text[end] != '&' && text[end] != ';') {
			end++;
		}
		for (eq = i; eq < end && text[eq] != '='; eq++) {
		}
		if (end > i) {
			strbuf_reset(&name);
			strbuf_reset(&value);
			web_url_decode(&name, text + i, eq - i, true);
			if (eq < end) {
				web_url_decode(&value, text + eq + 1, end - eq - 1, true);
			}
			web_params_add(p, name.buf, value.buf);
		}
		i = end + 1;
	}
	strbuf_release(&name);
	strbuf_release(&value);
}

void web_cookies_parse(struct web_params *p, const char *header)
{
	const char *s = header;

	while (s && *s) {
		const char *end = strchr(s, ';'), *eq;
		size_t len;
		char *name, *value;

		while (*s == ' ' || *s == '\t') {
			s++;
		}
		len = end ? (size_t)(end - s) : strlen(s);
		eq = memchr(s, '=', len);
		if (eq && eq > s) {
			name = xmalloc((size_t)(eq - s) + 1);
			memcpy(name, s, (size_t)(eq - s));
			name[eq - s] = '\0';
			value = xmalloc(len - (size_t)(eq - s));
			memcpy(value, eq + 1, len - (size_t)(eq - s) - 1);
			value[len - (size_t)(eq - s) - 1] = '\0';
			web_params_add(p, name, value);
			free(name);
			free(value);
		}
		s = end ? end + 1 : NULL;
	}
}

const char *web_params_get(const struct web_params *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++) {
		if (!strcmp(p->items[i].name, name)) {
			return p->items[i].value;
		}
	}
	return NULL;
}

const char *web_param(const struct web_request *req, const char *name)
{
	const char *v = req->method == WEB_POST ? web_params_get(&req->form, name) : NULL;

	return v ? v : web_params_get(&req->query, name);
}

void web_response_init(struct web_response *resp)
{
	memset(resp, 0, sizeof(*resp));
	resp->status = 200;
	resp->content_type = "text/html; charset=utf-8";
	strbuf_init(&resp->body, 0);
}

void web_response_release(struct web_response *resp)
{
	for (size_t i = 0; i < resp->n_headers; i++) {
		free(resp->headers[i].name);
		free(resp->headers[i].value);
	}
	free(resp->headers);
	strbuf_release(&resp->body);
	memset(resp, 0, sizeof(*resp));
}

void web_response_header(struct web_response *resp, const char *name, const char *value)
{
	if (resp->n_headers == resp->alloc_headers) {
		resp->alloc_headers = resp->alloc_headers ? 2 * resp->alloc_headers : 4;
		resp->headers =
		        xreallocarray(resp->headers, resp->alloc_headers, sizeof(*resp->headers));
	}
	resp->headers[resp->n_headers].name = xstrdup(name);
	resp->headers[resp->n_headers].value = xstrdup(value);
	resp->n_headers++;
}

const char *web_response_get_header(const struct web_response *resp, const char *name)
{
	for (size_t i = 0; i < resp->n_headers; i++) {
		if (!strcasecmp(resp->headers[i].name, name)) {
			return resp->headers[i].value;
		}
	}
	return NULL;
}
