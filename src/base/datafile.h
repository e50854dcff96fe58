/*
 * datafile.h: the data files knead is built with, and the runner's copies.
 *
 * data/regions.ini, the plan templates in data/plans/ (and, later,
 * rules.ini) are compiled into the binary, so knead runs with nothing
 * installed beside it. A file is named by its path below data/
 * ("regions.ini", "plans/half.ini"). A runner who wants different regions,
 * thresholds or plans copies the file to the same path below
 * $XDG_CONFIG_HOME/knead/ and edits it; that copy then wins, whole.
 */
#ifndef KNEAD_DATAFILE_H
#define KNEAD_DATAFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "base/strbuf.h"

/* Append the text of the data file name ("regions.ini") to text: the
 * runner's copy in the config folder if there is one, else the built-in
 * one. origin gets where it came from ("/home/k/.config/knead/regions.ini"
 * or "built-in regions.ini"), for messages. A copy that cannot be read is
 * ERR_IO naming it; an unknown name is a bug. */
enum err_code datafile_read(const char *name, struct strbuf *text, struct strbuf *origin,
                            struct err *err);

/* The built-in text of data file name, NUL-terminated (static, never
 * NULL); *len (if not NULL) gets its length. For files that a runner's copy
 * amends rather than replaces (rules.ini). An unknown name is a bug. */
const char *datafile_builtin(const char *name, size_t *len);

/* Append the runner's copy of data file name to text and its path to
 * origin, setting *found; without a copy (or a usable config folder),
 * *found is false and text and origin are unchanged. A copy that cannot
 * be read is ERR_IO naming it; an unknown name is a bug. */
enum err_code datafile_read_override(const char *name, struct strbuf *text, struct strbuf *origin,
                                     bool *found, struct err *err);

/* The built-in data files whose names start with prefix ("plans/"), in
 * name order: up to max of their names go to names (borrowed, static).
 * Returns how many there are in all, so max 0 (names NULL) asks for the
 * count. A runner's copy replaces a built-in file but adds none. */
size_t datafile_list(const char *prefix, const char **names, size_t max);

#endif
