/*
 * xml.h: the streaming XML driver that the GPX and TCX readers share.
 *
 * It runs expat over the file in chunks and hands the reader one call
 * when an element opens and one when it closes, with the element's text;
 * no tree is ever built, so memory stays flat however long the track.
 *
 * expat runs without its own namespace processing, because that turns an
 * undeclared prefix (Strava writes gpxdata: without declaring it) into a
 * fatal error. The driver resolves prefixes itself from the xmlns
 * attributes in scope: an element in a namespace knead knows is tagged
 * with it, and an element whose prefix nobody declared is matched by its
 * local name alone, with a warning. Two more defects are read past with a
 * warning: white space (after an optional byte order mark) before the XML
 * declaration, and damage after which part of the file was read (the
 * reader decides whether that part is worth keeping, see xml_finish).
 *
 * Caps keep a hostile file from making the driver allocate without
 * bound: element text beyond XML_MAX_TEXT bytes is dropped (and the
 * reader told), nesting beyond XML_MAX_DEPTH and more than XML_MAX_NS
 * namespace declarations in scope stop the parse as an error.
 * docs/internals/xml.md tells the story.
 */
#ifndef KNEAD_XML_H
#define KNEAD_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/recording.h"
#include "core/sport.h"

/* Deepest element nesting accepted: TCX needs 11 levels, GPX 7. */
#define XML_MAX_DEPTH 64
/* Most bytes of one element's text kept: room for the longest note
 * (ACTIVITY_MAX_NOTE) with its white space. */
#define XML_MAX_TEXT 16384
/* Most namespace declarations in scope at once. */
#define XML_MAX_NS 64

/* The namespaces knead tells apart. */
enum xml_ns {
	XML_NS_NONE,       /* no prefix and no default namespace in scope */
	XML_NS_UNDECLARED, /* a prefix nobody declared: match by local name */
	XML_NS_OTHER,      /* declared, but not one of those below */
	XML_NS_GPX10,      /* http://www.topografix.com/GPX/1/0 */
	XML_NS_GPX11,      /* http://www.topografix.com/GPX/1/1 */
	XML_NS_GARMIN_TPX, /* Garmin TrackPointExtension v1 or v2 */
	XML_NS_GARMIN_PWR, /* Garmin PowerExtension v1 */
	XML_NS_CLUETRUST,  /* Cluetrust gpxdata 1.0 */
	XML_NS_TCX,        /* Garmin TrainingCenterDatabase v2 */
	XML_NS_TCX_EXT,    /* Garmin ActivityExtension v2 (TPX, LX) */
};

/* An element as the reader sees it. */
struct xml_elem {
	const char *local; /* name without its prefix; valid during the call only */
	enum xml_ns ns;    /* its namespace */
	bool in_root_ns;   /* same namespace URI as the document element (or both none) */
	int depth;         /* 0 for the document element, < XML_MAX_DEPTH */
};

/* An element's text: the character data between its start tag and its
 * end tag, or after its last child element. */
struct xml_text {
	const char *s; /* the text, NUL-terminated; valid during the call only */
	size_t len;    /* bytes at s */
	bool capped;   /* the element had more than XML_MAX_TEXT bytes; s holds the first */
};

/* The parse in progress (opaque). */
struct xml;

/* What a reader supplies. Callbacks are not made after xml_stop. */
struct xml_handler {
	void *ctx; /* passed back to both callbacks */
	/* An element opened; attrs is expat's NULL-terminated list of name,
	 * value pairs, names as written (with any prefix). Return true to be
	 * given the element's text when it closes. */
	bool (*start)(void *ctx, struct xml *x, const struct xml_elem *el, const char **attrs);
	/* An element closed; text is empty unless start returned true. */
	void (*end)(void *ctx, struct xml *x, const struct xml_elem *el,
	            const struct xml_text *text);
};

/* Why a parse ended early. */
struct xml_error {
	bool failed;   /* false: the whole document was read */
	char msg[256]; /* "XML error at line 3, column 12: mismatched tag", or a reader's */
};

/* Parse the len bytes at buf as one XML document, calling h as elements
 * open and close. The repairs (white space before the declaration, an
 * undeclared prefix) are reported with recording_warn on rec, naming the
 * line. Returns true if the document was read to its end; false with xe
 * filled when expat found an error, a cap was hit, or the reader called
 * xml_stop. Lines and columns in messages count from 1 and refer to the
 * file as given. */
bool xml_parse(const uint8_t *buf, size_t len, const struct xml_handler *h, struct recording *rec,
               struct xml_error *xe);

/* The line (from 1, in the file as given) the parser is at. */
unsigned long xml_line(struct xml *x);

/* Stop the parse from inside a callback; xml_parse then fails with msg
 * (printf-style) as the error, taken as it is. */
__attribute__((format(printf, 2, 3))) void xml_stop(struct xml *x, const char *fmt, ...);

/* The value of the attribute whose local name (the part after any
 * prefix) is name, or NULL. Namespace declarations are not attributes. */
const char *xml_attr(const char **attrs, const char *name);

/* Parse a plain decimal number: optional white space, an optional sign,
 * digits with at most one '.', an optional exponent ('e' or 'E', optional
 * sign, digits), optional white space; nothing else (no "NaN", "INF", hex
 * or thousands separators) and independent of the locale. The result is
 * within an ulp or two of the correctly rounded value (exact for up to 15
 * significant digits and exponents up to 22). Returns false, leaving *out
 * alone, for anything else or a value that is not finite. */
bool xml_number(const char *s, size_t len, double *out);

/* True if text is empty or all white space. */
bool xml_blank(const struct xml_text *text);

/* Values a reader could not use, counted so that a file with thousands
 * of them gets one warning, not thousands. */
struct xml_tally {
	size_t count;             /* values refused */
	unsigned long first_line; /* line of the first one */
};

/* Read text as a number in lo..hi into *out and return true. Empty (or
 * all white space) text returns false silently; anything else that is not
 * such a number returns false and is counted in bad at the current line. */
bool xml_value(struct xml *x, const struct xml_text *text, double lo, double hi, double *out,
               struct xml_tally *bad);

/* If bad counted anything, warn on rec: "ignored 3 <what> values that are
 * unreadable or out of range, first at line 17". */
void xml_tally_warn(struct recording *rec, const struct xml_tally *bad, const char *what);

/* A copy of text with white space trimmed at both ends, cut to at most
 * max bytes without splitting a UTF-8 sequence; NULL if nothing is left.
 * *cut (if not NULL) is set to whether anything but white space was lost,
 * counting text the driver capped. The caller frees the result. */
char *xml_strdup(const struct xml_text *text, size_t max, bool *cut);

/* End a decode after xml_parse failed with xe. If the reader kept
 * something (keep, with kept naming it: "412 track points"), warn
 * "damaged or truncated file: <error>; kept the <kept> read before it"
 * and return ERR_OK; otherwise return ERR_FORMAT with the error. */
enum err_code xml_finish(const struct xml_error *xe, bool keep, const char *kept,
                         struct recording *rec, struct err *err);

/* The sport a file's word names: the sport names and the aliases that
 * sport_parse knows ("running", "Biking", "Other"), Garmin Connect's
 * activity types ("road_biking", "trail_running", "lap_swimming") and
 * Strava's GPX codes "1" (ride) and "9" (run); SPORT_OTHER for anything
 * else, including the prefixes sport_parse would accept. */
enum sport xml_sport(const char *word);

/* True if the first bytes of buf (after a UTF-8 byte order mark and white
 * space) open markup and its first KB holds "<root" followed by white
 * space, '>' or '/'. */
bool xml_probe_root(const uint8_t *buf, size_t len, const char *root);

/* True if name ends in ext (".gpx"), compared without case. */
bool xml_name_has_ext(const char *name, const char *ext);

#endif
