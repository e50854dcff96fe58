/*
 * strbuf.h: the one growable buffer for text and bytes.
 *
 * Invariants: buf is never NULL and always NUL-terminated at buf[len], so a
 * strbuf can be handed to anything that wants a C string. A buffer that
 * never grew points at a shared empty string and owns nothing, which is why
 * STRBUF_INIT needs no allocation. After strbuf_release the buffer is back
 * in that state and can be reused.
 *
 * Content from outside (a file, a request) is added with strbuf_tryadd,
 * which refuses to grow past max when max is non-zero; everything else
 * grows without limit and aborts only when memory is exhausted.
 */
#ifndef KNEAD_STRBUF_H
#define KNEAD_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

struct strbuf {
	size_t alloc; /* bytes allocated at buf; 0 while buf is the shared empty string */
	size_t len;   /* bytes in use, not counting the NUL at buf[len] */
	size_t max;   /* cap on len for strbuf_tryadd; 0 means no cap */
	char *buf;    /* the content, always NUL-terminated */
};

/* Storage for STRBUF_INIT; never written to. */
extern char strbuf_empty[];

#define STRBUF_INIT                                                                                \
	{                                                                                          \
		0, 0, 0, strbuf_empty                                                              \
	}

/* Initialise sb, allocating room for hint bytes if hint is non-zero. */
void strbuf_init(struct strbuf *sb, size_t hint);

/* Free what sb holds and leave it as STRBUF_INIT (its max is kept). */
void strbuf_release(struct strbuf *sb);

/* Hand the content to the caller, who frees it with free(); sb is left
 * empty and reusable. *len (if not NULL) receives the length. Never NULL. */
char *strbuf_detach(struct strbuf *sb, size_t *len);

/* Make room for extra more bytes beyond len. */
void strbuf_grow(struct strbuf *sb, size_t extra);

/* Truncate or extend (with the caller's bytes already in place) to len. */
void strbuf_setlen(struct strbuf *sb, size_t len);

/* Empty the content, keeping the allocation. */
static inline void strbuf_reset(struct strbuf *sb)
{
	strbuf_setlen(sb, 0);
}

/* Append len bytes from data. */
void strbuf_add(struct strbuf *sb, const void *data, size_t len);

/* Append the NUL-terminated s. */
void strbuf_adds(struct strbuf *sb, const char *s);

/* Append one byte. */
void strbuf_addch(struct strbuf *sb, int c);

/* Append n copies of the byte c. */
void strbuf_addchars(struct strbuf *sb, int c, size_t n);

/* Append s (NULL appends nothing) escaped for HTML and XML text and
 * attribute values: & < > " ' as entities, and control characters other
 * than tab, newline and carriage return (which XML does not allow) as a
 * space, so that no text a runner typed can break the markup. */
void strbuf_add_markup_escaped(struct strbuf *sb, const char *s);

/* Append printf-style formatted text. */
__attribute__((format(printf, 2, 3))) void strbuf_addf(struct strbuf *sb, const char *fmt, ...);

/* Append vprintf-style formatted text. */
__attribute__((format(printf, 2, 0))) void strbuf_vaddf(struct strbuf *sb, const char *fmt,
                                                        va_list ap);

/* Append len bytes from data unless that would make len exceed a non-zero
 * max. Returns true when appended, false (sb unchanged) when over the cap. */
bool strbuf_tryadd(struct strbuf *sb, const void *data, size_t len);

/* Remove trailing ASCII whitespace. */
void strbuf_rtrim(struct strbuf *sb);

#endif
