/*
 * err.h: how the library reports failure.
 *
 * The library never prints and never exits. A function that can fail
 * returns an enum err_code (ERR_OK, zero, is success) and, on failure,
 * fills the caller's struct err with a message for the runner that names
 * what failed and where: the file, record or line, the field and the value.
 * The face decides the wording around it and the exit status.
 *
 * Messages start in lower case, have no final full stop, and quote the
 * subject: "'8x' is not a distance or a duration".
 */
#ifndef KNEAD_ERR_H
#define KNEAD_ERR_H

#include <stdarg.h>

enum err_code {
	ERR_OK = 0,
	ERR_INPUT,     /* the runner typed something invalid: a usage error */
	ERR_NOT_FOUND, /* a named thing (activity, gear, file) does not exist */
	ERR_FORMAT,    /* a file or request is malformed */
	ERR_CONFLICT,  /* the change contradicts what is stored */
	ERR_IO,        /* the environment failed: file system, database, disk */
};

struct err {
	enum err_code code; /* ERR_OK until something fails */
	char msg[512];      /* the message, "" while code is ERR_OK */
};

#define ERR_INIT                                                                                   \
	{                                                                                          \
		ERR_OK, ""                                                                         \
	}

/* Record a failure: set err->code and format err->msg. Returns code, so a
 * function can end with `return err_set(err, ERR_INPUT, "...")`. err may be
 * NULL when the caller does not want the message. */
__attribute__((format(printf, 3, 4))) enum err_code err_set(struct err *err, enum err_code code,
                                                            const char *fmt, ...);

/* Prefix the existing message with formatted context and ": ", keeping the
 * code: "--date: '2026-02-30' is not a valid date". Returns err->code. */
__attribute__((format(printf, 2, 3))) enum err_code err_prefix(struct err *err, const char *fmt,
                                                               ...);

/* Reset err to ERR_OK and an empty message. */
void err_clear(struct err *err);

#endif
