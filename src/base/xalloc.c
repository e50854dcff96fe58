/*
 * xalloc.c: allocation wrappers that abort on exhaustion (see xalloc.h).
 *
 * The message goes straight to stderr with write(2) because the library
 * otherwise never prints: this is the one place where there is nobody left
 * to return an error to.
 */
#include "base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static _Noreturn void out_of_memory(size_t size)
{
	static const char msg[] = "knead: out of memory\n";
	ssize_t ignored;

	(void)size;
	ignored = write(STDERR_FILENO, msg, sizeof(msg) - 1);
	(void)ignored;
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p) {
		out_of_memory(size);
	}
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p;

	if (n && size > SIZE_MAX / n) {
		out_of_memory(SIZE_MAX);
	}
	p = calloc(n ? n : 1, size ? size : 1);
	if (!p) {
		out_of_memory(n * size);
	}
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p) {
		out_of_memory(size);
	}
	return p;
}

void *xreallocarray(void *ptr, size_t n, size_t size)
{
	if (n && size > SIZE_MAX / n) {
		out_of_memory(SIZE_MAX);
	}
	return xrealloc(ptr, n * size);
}

char *xstrdup(const char *s)
{
	if (!s) {
		return NULL;
	}
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void xgrow(void **items, size_t *alloc, size_t need, size_t size)
{
	size_t n;

	if (need <= *alloc) {
		return;
	}
	n = *alloc ? *alloc : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2) {
			out_of_memory(SIZE_MAX);
		}
		n *= 2;
	}
	*items = xreallocarray(*items, n, size);
	*alloc = n;
}
