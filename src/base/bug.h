/*
 * bug.h: stopping on a broken invariant.
 *
 * The library never prints, with two exceptions that both end the
 * process: running out of memory (xalloc.h) and a bug, reported here with
 * the file and line that found it. Bad input and a failing environment are
 * errors returned to the caller (err.h), never bugs.
 */
#ifndef KNEAD_BUG_H
#define KNEAD_BUG_H

/* Report "BUG: file:line: message" on stderr and abort. */
#define BUG(...) bug_at(__FILE__, __LINE__, __VA_ARGS__)

__attribute__((format(printf, 3, 4), noreturn)) void bug_at(const char *file, int line,
                                                            const char *fmt, ...);

#endif
