/*
 * out.h: the command line's output conventions.
 *
 * Results go to stdout, messages to stderr. Colour is used only when the
 * stream is a terminal, $NO_COLOR is unset or empty, and $TERM is not
 * "dumb". JSON is printed with two-space indentation and a final newline.
 */
#ifndef KNEAD_OUT_H
#define KNEAD_OUT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "base/strbuf.h"

/* Decide once whether stdout and stderr get colour. */
void out_setup(void);

/* Whether stdout (or stderr) gets colour. */
bool out_color_stdout(void);
bool out_color_stderr(void);

/* Print "PREFIX: message" on stderr; the prefix is the command's name. */
__attribute__((format(printf, 2, 3))) void out_error(const char *prefix, const char *fmt, ...);

/* Print "PREFIX: warning: message" on stderr. */
__attribute__((format(printf, 2, 3))) void out_warning(const char *prefix, const char *fmt, ...);

/* Print sb on stdout. */
void out_buf(const struct strbuf *sb);

/* Print a JSON value on stdout and drop the reference. */
void out_json(json_t *value);

/* Flush stdout; returns false (after saying so on stderr) if any write to
 * it failed, so that `knead list > /full/disk` does not exit 0. */
bool out_finish(void);

/* Wrap text in bold (or another SGR code) when stdout has colour. */
const char *out_sgr(const char *code);

#endif
