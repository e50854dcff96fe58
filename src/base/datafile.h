/*
 * datafile.h: the data files knead is built with, and the runner's copies.
 *
 * data/regions.ini (and, later, rules.ini and the plan templates) are
 * compiled into the binary, so knead runs with nothing installed beside
 * it. A runner who wants different regions or thresholds copies the file
 * to $XDG_CONFIG_HOME/knead/ and edits it; that copy then wins, whole.
 */
#ifndef KNEAD_DATAFILE_H
#define KNEAD_DATAFILE_H

#include "base/err.h"
#include "base/strbuf.h"

/* Append the text of the data file name ("regions.ini") to text: the
 * runner's copy in the config folder if there is one, else the built-in
 * one. origin gets where it came from ("/home/k/.config/knead/regions.ini"
 * or "built-in regions.ini"), for messages. A copy that cannot be read is
 * ERR_IO naming it; an unknown name is a bug. */
enum err_code datafile_read(const char *name, struct strbuf *text, struct strbuf *origin,
                            struct err *err);

#endif
