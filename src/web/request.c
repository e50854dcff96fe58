/*
 * request.c: requests and responses as plain data (see request.h).
 */
#include "web/request.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

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

static void files_release(struct web_request *req)
{
	for (size_t i = 0; i < req->files.n; i++) {
		struct web_file *f = &req->files.items[i];

		char *slash;

		remove(f->path);
		slash = strrchr(f->path, '/');
		if (slash) {
			*slash = '\0';
			rmdir(f->path); /* its numbered folder */
		}
		free(f->field);
		free(f->name);
		free(f->path);
	}
	free(req->files.items);
	if (req->upload_dir) {
		rmdir(req->upload_dir);
		free(req->upload_dir);
	}
}

void web_request_release(struct web_request *req)
{
	files_release(req);
	free(req->path);
	free(req->host);
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

/* The folder uploads are spooled to: $TMPDIR, else /tmp. */
static const char *tmp_root(void)
{
	const char *t = getenv("TMPDIR");

	return t && *t == '/' ? t : "/tmp";
}

/* The last part of a browser's file name (after any / or \), without
 * leading dots, control characters made '_', at most 200 bytes: a name
 * that stays inside its folder. "upload" if nothing is left. */
static void add_safe_name(struct strbuf *sb, const char *name)
{
	const char *base = name ? name : "";
	size_t start = sb->len;

	for (const char *p = base; *p; p++) {
		if (*p == '/' || *p == '\\') {
			base = p + 1;
		}
	}
	while (*base == '.') {
		base++;
	}
	for (const char *p = base; *p && sb->len - start < 200; p++) {
		strbuf_addch(sb, (unsigned char)*p < 0x20 || *p == 0x7f ? '_' : *p);
	}
	if (sb->len == start) {
		strbuf_adds(sb, "upload");
	}
}

enum err_code web_request_new_file(struct web_request *req, const char *field, const char *name,
                                   struct web_file **out, FILE **fp, struct err *err)
{
	struct strbuf sb = STRBUF_INIT;
	struct web_file *f;
	int fd;

	if (!req->upload_dir) {
		strbuf_addf(&sb, "%s/knead-upload-XXXXXX", tmp_root());
		if (!mkdtemp(sb.buf)) {
			err_set(err, ERR_IO, "cannot make a folder for the upload in %s: %s",
			        tmp_root(), strerror(errno));
			strbuf_release(&sb);
			return err->code;
		}
		req->upload_dir = strbuf_detach(&sb, NULL);
	}
	/* a numbered folder per file, so that two files of one name do not
	 * meet, holding the file under its own name made safe: the importer
	 * keeps the name it reads as the activity's source file */
	strbuf_addf(&sb, "%s/%zu", req->upload_dir, req->files.n + 1);
	if (mkdir(sb.buf, 0700) != 0) {
		err_set(err, ERR_IO, "cannot keep the upload in %s: %s", req->upload_dir,
		        strerror(errno));
		strbuf_release(&sb);
		return err->code;
	}
	strbuf_addch(&sb, '/');
	add_safe_name(&sb, name);
	fd = open(sb.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	*fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!*fp) {
		err_set(err, ERR_IO, "cannot keep the upload in %s: %s", req->upload_dir,
		        strerror(errno));
		if (fd >= 0) {
			close(fd);
			remove(sb.buf);
		}
		strbuf_release(&sb);
		return err->code;
	}
	if (req->files.n == req->files.alloc) {
		req->files.alloc = req->files.alloc ? 2 * req->files.alloc : 4;
		req->files.items = xreallocarray(req->files.items, req->files.alloc,
		                                 sizeof(*req->files.items));
	}
	f = &req->files.items[req->files.n++];
	f->field = xstrdup(field ? field : "");
	f->name = xstrdup(name ? name : "");
	f->path = strbuf_detach(&sb, NULL);
	f->size = 0;
	*out = f;
	return ERR_OK;
}

enum err_code web_request_add_file(struct web_request *req, const char *field, const char *name,
                                   const void *data, size_t len, struct err *err)
{
	struct web_file *f;
	FILE *fp;

	if (web_request_new_file(req, field, name, &f, &fp, err)) {
		return err->code;
	}
	/* close it whether or not the write failed */
	bool written = !len || fwrite(data, 1, len, fp) == len;
	bool closed = fclose(fp) == 0;

	if (!written || !closed) {
		return err_set(err, ERR_IO, "cannot keep the upload in %s: %s", f->path,
		               strerror(errno));
	}
	f->size = len;
	return ERR_OK;
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
