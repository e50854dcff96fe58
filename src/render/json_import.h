/*
 * json_import.h: what an import did, as JSON: the objects of `knead
 * --json import` and of the web app's import results, one serializer.
 */
#ifndef KNEAD_RENDER_JSON_IMPORT_H
#define KNEAD_RENDER_JSON_IMPORT_H

#include <jansson.h>

#include "formats/import.h"

/* "imported", "duplicate", "skipped", "failed". */
const char *render_import_outcome_name(enum import_outcome o);

/* One file: {"path", "outcome", "repaired", "message" (null if none),
 * "activities": [ids stored]}. path is the name to show (r->path on the
 * command line, the uploaded name on the web). New reference. */
json_t *render_json_import_file(const struct import_result *r, const char *path);

/* The counts: {"imported", "activities", "duplicates", "repaired",
 * "skipped", "failed"}. New reference. */
json_t *render_json_import_summary(const struct import_summary *sum);

#endif
