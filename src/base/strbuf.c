/*
 * strbuf.c: the growable buffer (see strbuf.h), after git's strbuf.
 */
#include "base/strbuf.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

char strbuf_empty[1];

void strbuf_init(struct strbuf *sb, size_t hint)
{
	sb->alloc = 0;
	sb->len = 0;
	sb->max = 0;
	sb->buf = strbuf_empty;
	if (hint) {
		strbuf_grow(sb, hint);
	}
}

void strbuf_release(struct strbuf *sb)
{
	if (sb->alloc) {
		free(sb->buf);
	}
	sb->alloc = 0;
	sb->len = 0;
	sb->buf = strbuf_empty;
}

char *strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *res;

	strbuf_grow(sb, 0);
	res = sb->buf;
	if (len) {
		*len = sb->len;
	}
	sb->alloc = 0;
	sb->len = 0;
	sb->buf = strbuf_empty;
	return res;
}

void strbuf_grow(struct strbuf *sb, size_t extra)
{
	bool fresh = sb->alloc == 0;
	size_t need;

	if (extra > SIZE_MAX - sb->len - 1) {
		abort(); /* no content of ours is this large; a caller forgot a cap */
	}
	need = sb->len + extra + 1;
	if (need <= sb->alloc) {
		return;
	}
	if (fresh) {
		sb->buf = NULL;
	}
	xgrow((void **)&sb->buf, &sb->alloc, need, 1);
	if (fresh) {
		sb->buf[0] = '\0';
	}
}

void strbuf_setlen(struct strbuf *sb, size_t len)
{
	assert(len <= (sb->alloc ? sb->alloc - 1 : 0));
	sb->len = len;
	if (sb->alloc) {
		sb->buf[len] = '\0';
	}
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	if (!len) {
		return;
	}
	strbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	strbuf_setlen(sb, sb->len + len);
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, int c)
{
	strbuf_grow(sb, 1);
	sb->buf[sb->len] = (char)c;
	strbuf_setlen(sb, sb->len + 1);
}

void strbuf_addchars(struct strbuf *sb, int c, size_t n)
{
	if (!n) {
		return;
	}
	strbuf_grow(sb, n);
	memset(sb->buf + sb->len, c, n);
	strbuf_setlen(sb, sb->len + n);
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(sb->buf + sb->len, sb->alloc ? sb->alloc - sb->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		abort(); /* only an invalid format string gets here */
	}
	if ((size_t)n >= (sb->alloc ? sb->alloc - sb->len : 0)) {
		strbuf_grow(sb, (size_t)n);
		n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
	}
	strbuf_setlen(sb, sb->len + (size_t)n);
}

bool strbuf_tryadd(struct strbuf *sb, const void *data, size_t len)
{
	if (sb->max && (len > sb->max || sb->len > sb->max - len)) {
		return false;
	}
	strbuf_add(sb, data, len);
	return true;
}

void strbuf_rtrim(struct strbuf *sb)
{
	size_t len = sb->len;

	while (len && sb->buf[len - 1] && strchr(" \t\r\n\v\f", sb->buf[len - 1])) {
		len--;
	}
	if (len != sb->len) {
		strbuf_setlen(sb, len);
	}
}

void strbuf_add_markup_escaped(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&':
			strbuf_adds(sb, "&amp;");
			break;
		case '<':
			strbuf_adds(sb, "&lt;");
			break;
		case '>':
			strbuf_adds(sb, "&gt;");
			break;
		case '"':
			strbuf_adds(sb, "&quot;");
			break;
		case '\'':
			strbuf_adds(sb, "&#39;");
			break;
		default:
			strbuf_addch(sb, c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
		}
	}
}
