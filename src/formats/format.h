/*
 * format.h: the activity file formats knead reads, behind one interface.
 *
 * Each format supplies a probe, which looks at a file's first bytes and
 * its name, and a decoder, which turns the whole file into a struct
 * recording (core/recording.h). The table is the variation point: the
 * importer never knows more of a format than this.
 *
 * A decoder's contract:
 *  - it reads only buf[0..len) and allocates nothing per record;
 *  - it fills rec (already recording_init'ed, with format, file_name and
 *    size set by the caller): device, file_type, the n_records / n_laps /
 *    n_sessions it found, and one struct recorded per session with the
 *    summary the file gives (unknowns stay NAN or 0), the samples and the
 *    laps; it does not derive what the file lacks (recording_derive does);
 *  - a valid file that holds no activity (a FIT workout or settings file,
 *    a GPX file with only a route) returns ERR_OK with no activities, and
 *    sets file_type or a warning saying what it was;
 *  - a defect it can read past (whitespace before the XML declaration, an
 *    undeclared namespace prefix) is repaired, and recording_warn names the
 *    repair and where it was;
 *  - damage after which part of the file is still good (a bad CRC, a
 *    truncation) keeps what came before, with a recording_warn naming the
 *    damage and its byte offset (or line), and returns ERR_OK: never
 *    silently;
 *  - a file with nothing usable returns ERR_FORMAT with a message naming
 *    what is wrong and where: "not a FIT file: no '.FIT' signature at byte
 *    8", "XML error at line 3, column 12: mismatched tag".
 */
#ifndef KNEAD_FORMAT_H
#define KNEAD_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/recording.h"

struct format {
	const char *name;            /* "fit", "gpx", "tcx" */
	enum activity_source source; /* what activities from it record as their source */
	/* True if buf (the file's first len bytes, len may be short) and its
	 * name look like this format. */
	bool (*probe)(const uint8_t *buf, size_t len, const char *name);
	/* Decode the whole file (see above). */
	enum err_code (*decode)(const uint8_t *buf, size_t len, struct recording *rec,
	                        struct err *err);
};

/* The formats, NULL-terminated. */
extern const struct format *const formats[];

/* The format that claims buf and name, or NULL. Content decides first;
 * the name's extension only breaks ties. */
const struct format *format_find(const uint8_t *buf, size_t len, const char *name);

/* The decoders (fit.c, gpx.c, tcx.c). */
extern const struct format format_fit;
extern const struct format format_gpx;
extern const struct format format_tcx;

#endif
