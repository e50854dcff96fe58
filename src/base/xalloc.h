/*
 * xalloc.h: allocation that never returns NULL.
 *
 * Running out of memory is not something a command can recover from, so
 * these wrappers abort with a message instead of making every caller check.
 * Sizes that come from untrusted input (a file, a request) must be capped by
 * the caller before they reach here, so a hostile file gets an input error
 * and never an abort.
 */
#ifndef KNEAD_XALLOC_H
#define KNEAD_XALLOC_H

#include <stddef.h>

/* malloc(size), aborting when memory is exhausted; size 0 returns a unique
 * pointer. The caller frees the result with free(). */
void *xmalloc(size_t size);

/* calloc(n, size) with the multiplication checked for overflow. */
void *xcalloc(size_t n, size_t size);

/* realloc(ptr, size); ptr stays owned by the caller on return. */
void *xrealloc(void *ptr, size_t size);

/* Reallocate an array of n elements of size bytes, overflow-checked. */
void *xreallocarray(void *ptr, size_t n, size_t size);

/* A copy of the NUL-terminated s (NULL gives NULL); the caller frees it. */
char *xstrdup(const char *s);

/* A NUL-terminated copy of the first len bytes at s; the caller frees it. */
char *xstrndup(const char *s, size_t len);

/* Grow *items (an array of *alloc elements of size bytes) so it can hold at
 * least need elements, at least doubling to keep appends amortised O(1). */
void xgrow(void **items, size_t *alloc, size_t need, size_t size);

#endif
