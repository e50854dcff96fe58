/*
 * xdg.h: where knead keeps its files, after the XDG Base Directory spec.
 *
 * Data (the database) lives in $XDG_DATA_HOME/knead, configuration (rule
 * and region overrides) in $XDG_CONFIG_HOME/knead; each falls back to the
 * spec's default under $HOME when the variable is unset, empty or not an
 * absolute path (the spec says to ignore relative ones).
 */
#ifndef KNEAD_XDG_H
#define KNEAD_XDG_H

#include "base/err.h"
#include "base/strbuf.h"

/* Append the path of knead's data folder, "$XDG_DATA_HOME/knead". */
enum err_code xdg_data_dir(struct strbuf *out, struct err *err);

/* Append the path of knead's config folder, "$XDG_CONFIG_HOME/knead". */
enum err_code xdg_config_dir(struct strbuf *out, struct err *err);

/* Create the folder path and its missing parents with mode 0700 (an
 * existing folder is fine). Returns ERR_IO naming the folder on failure. */
enum err_code xdg_mkdirs(const char *path, struct err *err);

#endif
