/*
 * export_file.h: one whole export as bytes, the same for `knead export`
 * and the web app's downloads (/export, /calendar.ics): read everything
 * (render/export.h), write it in the format asked, count what went in.
 */
#ifndef KNEAD_RENDER_EXPORT_FILE_H
#define KNEAD_RENDER_EXPORT_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "core/athlete.h"
#include "render/export.h"
#include "store/store.h"

enum export_format {
	EXPORT_FORMAT_ICS,
	EXPORT_FORMAT_CSV,
	EXPORT_FORMAT_JSON,
};

/* "ics", "csv", "json". */
const char *export_format_name(enum export_format f);

/* The format named word; ERR_INPUT naming the three otherwise. */
enum err_code export_format_parse(const char *word, enum export_format *out, struct err *err);

/* The export of profile's data in format f (table t for CSV) as of now
 * and today, appended to text; *records gets the rows, events, or
 * records of the JSON. Reads in the zone tz_use set (tz_name). */
enum err_code export_file(struct store *s, const struct athlete *profile, int64_t now,
                          int32_t today, enum export_format f, enum export_table t,
                          struct strbuf *text, size_t *records, struct err *err);

#endif
