/*
 * xml.c: the streaming XML driver (see xml.h and docs/internals/xml.md).
 *
 * expat does the tokenising and the character encodings; this file adds
 * what expat's own namespace mode cannot do forgivingly (resolving
 * prefixes, tolerating undeclared ones), the repair of white space before
 * the XML declaration, the caps, and small helpers the readers share:
 * numbers without the locale, trimmed and capped strings, sport words and
 * the "damaged but partly read" ending.
 */
#include "formats/xml.h"

#include <assert.h>
#include <expat.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/bug.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "core/sport.h"

/* Bytes handed to expat per call: small enough to stop soon after a
 * callback asks, large enough that the call overhead vanishes. */
#define CHUNK 65536
/* Longest namespace prefix accepted; real ones are a few letters. */
#define MAX_PREFIX 255
/* Distinct undeclared prefixes named in warnings; more get one line. */
#define MAX_UNDECLARED 8

/* A macro's value as a string literal, for messages that name a cap. */
#define STRINGIFY_(x) #x
#define STRINGIFY(x)  STRINGIFY_(x)

/* The namespaces knead knows, by URI. */
static const struct {
	const char *uri;
	enum xml_ns ns;
} known_ns[] = {
	{ "http://www.topografix.com/GPX/1/0", XML_NS_GPX10 },
	{ "http://www.topografix.com/GPX/1/1", XML_NS_GPX11 },
	{ "http://www.garmin.com/xmlschemas/TrackPointExtension/v1", XML_NS_GARMIN_TPX },
	{ "http://www.garmin.com/xmlschemas/TrackPointExtension/v2", XML_NS_GARMIN_TPX },
	{ "http://www.garmin.com/xmlschemas/PowerExtension/v1", XML_NS_GARMIN_PWR },
	{ "http://www.cluetrust.com/XML/GPXDATA/1/0", XML_NS_CLUETRUST },
	{ "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2", XML_NS_TCX },
	{ "http://www.garmin.com/xmlschemas/ActivityExtension/v2", XML_NS_TCX_EXT },
};

/* One xmlns declaration in scope. Bindings form a stack: the innermost
 * declaration of a prefix is the one nearest the top. */
struct binding {
	size_t prefix_at;  /* offset of the prefix in struct xml's prefixes */
	size_t prefix_len; /* 0 for the default namespace (xmlns="...") */
	enum xml_ns ns;    /* what the URI names; XML_NS_NONE for xmlns="" */
	bool is_root;      /* the URI is the document element's */
	int depth;         /* depth of the element that declared it */
};

struct xml {
	XML_Parser parser;                   /* expat, without namespace processing */
	const struct xml_handler *h;         /* the reader */
	struct recording *rec;               /* where repairs are reported */
	struct xml_error *xe;                /* where a failure is described */
	bool stopped;                        /* no more callbacks: failed or stopped */
	int depth;                           /* elements open */
	enum xml_ns open_ns[XML_MAX_DEPTH];  /* namespace of each open element */
	bool open_root[XML_MAX_DEPTH];       /* its in_root_ns */
	struct binding ns[XML_MAX_NS];       /* declarations in scope, innermost last */
	int n_ns;                            /* entries in ns */
	struct strbuf prefixes;              /* the declared prefixes, back to back */
	struct strbuf root_uri;              /* the document element's namespace URI */
	bool root_has_ns;                    /* whether it has one */
	bool want_text;                      /* the innermost open element wants its text */
	struct strbuf text;                  /* its text so far, at most XML_MAX_TEXT bytes */
	bool text_capped;                    /* text had to drop bytes */
	unsigned long line_offset;           /* lines skipped before the declaration */
	unsigned long col_offset;            /* columns skipped on the declaration's line */
	char undeclared[MAX_UNDECLARED][32]; /* prefixes already warned about */
	int n_undeclared;                    /* entries in undeclared, or more */
};

/* ---- positions and failures ---- */

unsigned long xml_line(struct xml *x)
{
	return (unsigned long)XML_GetCurrentLineNumber(x->parser) + x->line_offset;
}

static unsigned long column(struct xml *x)
{
	unsigned long col = (unsigned long)XML_GetCurrentColumnNumber(x->parser) + 1;

	return XML_GetCurrentLineNumber(x->parser) == 1 ? col + x->col_offset : col;
}

void xml_stop(struct xml *x, const char *fmt, ...)
{
	va_list ap;

	if (x->stopped) {
		return;
	}
	x->stopped = true;
	x->xe->failed = true;
	va_start(ap, fmt);
	vsnprintf(x->xe->msg, sizeof(x->xe->msg), fmt, ap);
	va_end(ap);
	XML_StopParser(x->parser, XML_FALSE);
}

/* Stop for a cap: worded like expat's own errors, with the position. */
static void stop_at(struct xml *x, const char *what)
{
	xml_stop(x, "XML error at line %lu, column %lu: %s", xml_line(x), column(x), what);
}

/* ---- namespaces ---- */

static enum xml_ns ns_of_uri(const char *uri)
{
	if (!*uri) {
		return XML_NS_NONE;
	}
	for (size_t i = 0; i < sizeof(known_ns) / sizeof(known_ns[0]); i++) {
		if (strcmp(uri, known_ns[i].uri) == 0) {
			return known_ns[i].ns;
		}
	}
	return XML_NS_OTHER;
}

/* The innermost binding of the prefix (len 0: the default), or NULL. */
static const struct binding *lookup(const struct xml *x, const char *prefix, size_t len)
{
	for (int i = x->n_ns - 1; i >= 0; i--) {
		const struct binding *b = &x->ns[i];

		if (b->prefix_len == len &&
		    memcmp(x->prefixes.buf + b->prefix_at, prefix, len) == 0) {
			return b;
		}
	}
	return NULL;
}

/* The prefix an xmlns attribute declares: "" for xmlns, "p" for
 * xmlns:p; NULL if the attribute is not a declaration. */
static const char *declared_prefix(const char *attr)
{
	if (strncmp(attr, "xmlns", 5) != 0) {
		return NULL;
	}
	if (attr[5] == '\0') {
		return attr + 5;
	}
	return attr[5] == ':' ? attr + 6 : NULL;
}

/* Push the declarations among attrs; false (stopped) when over a cap. */
static bool push_bindings(struct xml *x, const char **attrs)
{
	for (size_t i = 0; attrs[i]; i += 2) {
		const char *prefix = declared_prefix(attrs[i]);
		const char *uri = attrs[i + 1];
		struct binding *b;
		size_t len;

		if (!prefix) {
			continue;
		}
		len = strlen(prefix);
		if (x->n_ns == XML_MAX_NS) {
			stop_at(x, "more than " STRINGIFY(XML_MAX_NS) " namespace declarations "
			                                              "in scope");
			return false;
		}
		if (len > MAX_PREFIX) {
			stop_at(x, "namespace prefix longer than " STRINGIFY(MAX_PREFIX) " bytes");
			return false;
		}
		b = &x->ns[x->n_ns++];
		b->prefix_at = x->prefixes.len;
		b->prefix_len = len;
		b->ns = ns_of_uri(uri);
		b->is_root = x->root_has_ns && strcmp(uri, x->root_uri.buf) == 0;
		b->depth = x->depth;
		strbuf_add(&x->prefixes, prefix, len);
	}
	return true;
}

static void pop_bindings(struct xml *x)
{
	while (x->n_ns > 0 && x->ns[x->n_ns - 1].depth >= x->depth) {
		x->n_ns--;
		strbuf_setlen(&x->prefixes, x->ns[x->n_ns].prefix_at);
	}
}

/* Warn, once per prefix, that prefix (len bytes) was used undeclared.
 * Prefixes are remembered by their first 31 bytes. */
static void note_undeclared(struct xml *x, const char *prefix, size_t len)
{
	size_t keep = len < sizeof(x->undeclared[0]) ? len : sizeof(x->undeclared[0]) - 1;

	for (int i = 0; i < x->n_undeclared && i < MAX_UNDECLARED; i++) {
		if (strlen(x->undeclared[i]) == keep &&
		    memcmp(x->undeclared[i], prefix, keep) == 0) {
			return;
		}
	}
	if (x->n_undeclared < MAX_UNDECLARED) {
		memcpy(x->undeclared[x->n_undeclared], prefix, keep);
		x->undeclared[x->n_undeclared][keep] = '\0';
		recording_warn(
		        x->rec,
		        "undeclared namespace prefix '%.*s' at line %lu: matched its elements "
		        "by local name",
		        (int)(len < 64 ? len : 64), prefix, xml_line(x));
	} else if (x->n_undeclared == MAX_UNDECLARED) {
		recording_warn(x->rec,
		               "more undeclared namespace prefixes from line %lu; not named",
		               xml_line(x));
	} else {
		return;
	}
	x->n_undeclared++;
}

/* The document element fixes which URI counts as "the root's". */
static void set_root_ns(struct xml *x, const char *name, const char **attrs)
{
	const char *colon = strchr(name, ':');
	size_t plen = colon ? (size_t)(colon - name) : 0;

	for (size_t i = 0; attrs[i]; i += 2) {
		const char *prefix = declared_prefix(attrs[i]);

		if (prefix && strlen(prefix) == plen && strncmp(prefix, name, plen) == 0 &&
		    attrs[i + 1][0]) {
			strbuf_reset(&x->root_uri);
			if (strbuf_tryadd(&x->root_uri, attrs[i + 1], strlen(attrs[i + 1]))) {
				x->root_has_ns = true;
			}
		}
	}
}

/* Resolve name's prefix: fill el and check the attributes' prefixes. */
static void resolve(struct xml *x, const char *name, const char **attrs, struct xml_elem *el)
{
	const char *colon = strchr(name, ':');
	const struct binding *b;

	el->local = colon ? colon + 1 : name;
	b = lookup(x, name, colon ? (size_t)(colon - name) : 0);
	if (b && b->ns != XML_NS_NONE) {
		el->ns = b->ns;
		el->in_root_ns = b->is_root;
	} else if (colon && !(colon - name == 3 && memcmp(name, "xml", 3) == 0)) {
		note_undeclared(x, name, (size_t)(colon - name));
		el->ns = XML_NS_UNDECLARED;
		el->in_root_ns = false;
	} else {
		el->ns = XML_NS_NONE;
		el->in_root_ns = !x->root_has_ns;
	}
	for (size_t i = 0; attrs[i]; i += 2) {
		const char *a = attrs[i], *c = strchr(a, ':');
		size_t plen = c ? (size_t)(c - a) : 0;

		if (c && !declared_prefix(a) && !(plen == 3 && memcmp(a, "xml", 3) == 0) &&
		    !lookup(x, a, plen)) {
			note_undeclared(x, a, plen);
		}
	}
}

/* ---- expat callbacks ---- */

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **attrs)
{
	struct xml *x = data;
	struct xml_elem el;

	if (x->stopped) {
		return;
	}
	if (x->depth == XML_MAX_DEPTH) {
		stop_at(x, "elements nested deeper than " STRINGIFY(XML_MAX_DEPTH) " levels");
		return;
	}
	if (x->depth == 0) {
		set_root_ns(x, name, attrs);
	}
	if (!push_bindings(x, attrs)) {
		return;
	}
	resolve(x, name, attrs, &el);
	el.depth = x->depth;
	x->open_ns[x->depth] = el.ns;
	x->open_root[x->depth] = el.in_root_ns;
	x->depth++;
	strbuf_reset(&x->text);
	x->text_capped = false;
	x->want_text = x->h->start(x->h->ctx, x, &el, attrs);
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct xml *x = data;
	struct xml_elem el;
	struct xml_text text = { "", 0, false };
	const char *colon = strchr(name, ':');

	if (x->stopped) {
		return;
	}
	assert(x->depth > 0);
	x->depth--;
	el.local = colon ? colon + 1 : name;
	el.ns = x->open_ns[x->depth];
	el.in_root_ns = x->open_root[x->depth];
	el.depth = x->depth;
	if (x->want_text) {
		text.s = x->text.buf;
		text.len = x->text.len;
		text.capped = x->text_capped;
	}
	x->h->end(x->h->ctx, x, &el, &text);
	pop_bindings(x);
	strbuf_reset(&x->text);
	x->want_text = false;
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct xml *x = data;
	size_t n = (size_t)len, room;

	if (x->stopped || !x->want_text || x->text_capped) {
		return;
	}
	room = XML_MAX_TEXT - x->text.len;
	if (n > room) {
		/* keep whole characters: expat hands over valid UTF-8 */
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) {
			n--;
		}
		x->text_capped = true;
	}
	strbuf_add(&x->text, s, n);
}

/* Windows-1252 at 0x80..0x9F (-1: unassigned); elsewhere it is Latin-1.
 * expat knows only UTF-8, UTF-16, ISO-8859-1 and US-ASCII, and Windows
 * tools write this one. */
static const int cp1252_high[32] = {
	0x20AC, -1,     0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, -1,     0x017D, -1,     -1,     0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
	0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, -1,     0x017E, 0x0178,
};

static int XMLCALL on_unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info)
{
	(void)data;
	if (strcasecmp(name, "windows-1252") != 0 && strcasecmp(name, "cp1252") != 0) {
		return XML_STATUS_ERROR;
	}
	for (int i = 0; i < 256; i++) {
		info->map[i] = i >= 0x80 && i < 0xA0 ? cp1252_high[i - 0x80] : i;
	}
	info->data = NULL;
	info->convert = NULL;
	info->release = NULL;
	return XML_STATUS_OK;
}

/* ---- the parse ---- */

static bool is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Where parsing should begin: past white space (and a UTF-8 byte order
 * mark before it) that stands before an XML declaration, which expat
 * refuses ("XML or text declaration not at start of entity"). Fills the
 * line and column offsets that keep positions true to the file. */
static size_t skip_before_declaration(struct xml *x, const uint8_t *buf, size_t len)
{
	size_t i = 0, j, line_start;

	if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) {
		i = 3;
	}
	for (j = i; j < len && is_space(buf[j]); j++) {
	}
	if (j == i || len - j < 6 || memcmp(buf + j, "<?xml", 5) != 0 || !is_space(buf[j + 5])) {
		return 0;
	}
	line_start = i;
	for (size_t k = i; k < j; k++) {
		if (buf[k] == '\n') {
			x->line_offset++;
			line_start = k + 1;
		}
	}
	x->col_offset = (unsigned long)(j - line_start);
	recording_warn(x->rec,
	               "skipped %zu bytes of white space before the XML declaration at line %lu",
	               j - i, x->line_offset + 1);
	return j;
}

/* expat allocates through the same wrappers as the rest of knead, so
 * running out of memory ends the process the one way it always does. */
static const XML_Memory_Handling_Suite memory = { xmalloc, xrealloc, free };

bool xml_parse(const uint8_t *buf, size_t len, const struct xml_handler *h, struct recording *rec,
               struct xml_error *xe)
{
	struct xml *x = xcalloc(1, sizeof(*x));
	size_t off;
	bool ok = true;

	xe->failed = false;
	xe->msg[0] = '\0';
	x->h = h;
	x->rec = rec;
	x->xe = xe;
	strbuf_init(&x->prefixes, 0);
	strbuf_init(&x->root_uri, 0);
	x->root_uri.max = 1024;
	strbuf_init(&x->text, 0);
	x->parser = XML_ParserCreate_MM(NULL, &memory, NULL);
	if (!x->parser) {
		BUG("expat could not create a parser"); /* its allocations abort instead */
	}
	XML_SetUserData(x->parser, x);
	XML_SetElementHandler(x->parser, on_start, on_end);
	XML_SetCharacterDataHandler(x->parser, on_text);
	XML_SetUnknownEncodingHandler(x->parser, on_unknown_encoding, NULL);

	off = skip_before_declaration(x, buf, len);
	do {
		size_t n = len - off < CHUNK ? len - off : CHUNK;
		int final = off + n == len;

		if (XML_Parse(x->parser, (const char *)buf + off, (int)n, final) != XML_STATUS_OK) {
			if (!x->stopped) {
				snprintf(xe->msg, sizeof(xe->msg),
				         "XML error at line %lu, column %lu: %s", xml_line(x),
				         column(x), XML_ErrorString(XML_GetErrorCode(x->parser)));
				xe->failed = true;
			}
			ok = false;
			break;
		}
		off += n;
	} while (off < len);
	if (ok && x->stopped) {
		ok = false;
	}
	XML_ParserFree(x->parser);
	strbuf_release(&x->prefixes);
	strbuf_release(&x->root_uri);
	strbuf_release(&x->text);
	free(x);
	return ok;
}

/* ---- sports ---- */

/* Words writers use for sports that sport_parse does not know, folded as
 * sport_parse folds them (lower case, no '-', '_' or ' '): Garmin
 * Connect's activity types, and Strava's numeric codes in GPX <type>
 * (only the two its exports in the test data show). Sorted. */
static const struct {
	const char *word;
	enum sport sport;
} sport_words[] = {
	{ "1", SPORT_BIKE }, /* Strava's code for a ride */
	{ "9", SPORT_RUN },  /* Strava's code for a run */
	{ "casualwalking", SPORT_WALK },
	{ "crosscountryskiing", SPORT_XCSKI },
	{ "cyclocross", SPORT_BIKE },
	{ "gravelcycling", SPORT_BIKE },
	{ "indoorcycling", SPORT_BIKE },
	{ "indoorrunning", SPORT_RUN },
	{ "lapswimming", SPORT_SWIM },
	{ "mountainbiking", SPORT_BIKE },
	{ "openwaterswimming", SPORT_SWIM },
	{ "resortskiing", SPORT_SKI },
	{ "resortskiingsnowboarding", SPORT_SKI },
	{ "roadbiking", SPORT_BIKE },
	{ "speedwalking", SPORT_WALK },
	{ "streetrunning", SPORT_RUN },
	{ "strengthtraining", SPORT_STRENGTH },
	{ "trackrunning", SPORT_RUN },
	{ "trailrunning", SPORT_TRAIL },
	{ "treadmillrunning", SPORT_RUN },
	{ "virtualride", SPORT_BIKE },
	{ "virtualrun", SPORT_RUN },
};

enum sport xml_sport(const char *word)
{
	char key[32];
	size_t n = 0;
	enum sport s;

	for (const char *p = word; *p && n + 1 < sizeof(key); p++) {
		if (*p != '-' && *p != '_' && *p != ' ') {
			key[n++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
		}
	}
	key[n] = '\0';
	for (size_t i = 0; i < sizeof(sport_words) / sizeof(sport_words[0]); i++) {
		if (strcmp(key, sport_words[i].word) == 0) {
			return sport_words[i].sport;
		}
	}
	/* sport_parse also takes prefixes, which a runner types but a file's
	 * word merely collides with ("t" is not a trail run) */
	if (sport_parse(word, &s, NULL) != ERR_OK ||
	    (n < strlen(sport_name(s)) && strncmp(sport_name(s), key, n) == 0)) {
		return SPORT_OTHER;
	}
	return s;
}

/* ---- helpers for the readers ---- */

const char *xml_attr(const char **attrs, const char *name)
{
	for (size_t i = 0; attrs[i]; i += 2) {
		const char *c = strchr(attrs[i], ':');

		if (!declared_prefix(attrs[i]) && strcmp(c ? c + 1 : attrs[i], name) == 0) {
			return attrs[i + 1];
		}
	}
	return NULL;
}

/* Exact powers of ten: every one up to 1e22 is a double. */
static const double pow10_exact[] = {
	1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

bool xml_number(const char *s, size_t len, double *out)
{
	size_t i = 0;
	uint64_t mant = 0;
	int digits = 0, exp10 = 0, e = 0;
	bool neg = false, any = false;
	double v;

	while (len && is_space(s[len - 1])) {
		len--;
	}
	while (i < len && is_space(s[i])) {
		i++;
	}
	if (i < len && (s[i] == '+' || s[i] == '-')) {
		neg = s[i++] == '-';
	}
	/* the integer part, then the fraction: 19 significant digits fit a
	 * uint64_t; later ones move the exponent or are dropped */
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		any = true;
		if (digits < 19) {
			mant = mant * 10 + (uint64_t)(s[i] - '0');
			digits += mant != 0;
		} else if (exp10 < 1000) {
			exp10++;
		}
	}
	if (i < len && s[i] == '.') {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			any = true;
			if (digits < 19) {
				mant = mant * 10 + (uint64_t)(s[i] - '0');
				digits += mant != 0;
				exp10--;
			}
		}
	}
	if (!any) {
		return false;
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		bool eneg = false, edigits = false;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-')) {
			eneg = s[i++] == '-';
		}
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			edigits = true;
			if (e < 10000) {
				e = e * 10 + (s[i] - '0');
			}
		}
		if (!edigits) {
			return false;
		}
		exp10 += eneg ? -e : e;
	}
	if (i != len) {
		return false;
	}
	v = (double)mant;
	if (mant == 0) {
		v = 0;
	} else if (exp10 >= 0 && exp10 <= 22) {
		v *= pow10_exact[exp10];
	} else if (exp10 < 0 && exp10 >= -22) {
		v /= pow10_exact[-exp10];
	} else if (exp10 > 0) {
		v *= pow(10, exp10);
	} else {
		v /= pow(10, -exp10);
	}
	if (!isfinite(v)) {
		return false;
	}
	*out = neg ? -v : v;
	return true;
}

bool xml_blank(const struct xml_text *text)
{
	for (size_t i = 0; i < text->len; i++) {
		if (!is_space(text->s[i])) {
			return false;
		}
	}
	return true;
}

bool xml_value(struct xml *x, const struct xml_text *text, double lo, double hi, double *out,
               struct xml_tally *bad)
{
	double v;

	if (xml_blank(text)) {
		return false;
	}
	if (text->capped || !xml_number(text->s, text->len, &v) || v < lo || v > hi) {
		if (bad->count++ == 0) {
			bad->first_line = xml_line(x);
		}
		return false;
	}
	*out = v;
	return true;
}

void xml_tally_warn(struct recording *rec, const struct xml_tally *bad, const char *what)
{
	if (bad->count) {
		recording_warn(rec,
		               "ignored %zu %s value%s that %s unreadable or out of range, "
		               "first at line %lu",
		               bad->count, what, bad->count == 1 ? "" : "s",
		               bad->count == 1 ? "is" : "are", bad->first_line);
	}
}

char *xml_strdup(const struct xml_text *text, size_t max, bool *cut)
{
	const char *s = text->s;
	size_t len = text->len;
	bool lost = text->capped;

	while (len && is_space(s[len - 1])) {
		len--;
	}
	while (len && is_space(*s)) {
		s++;
		len--;
	}
	if (len > max) {
		/* s[max] is the first byte dropped: back up to its sequence's start */
		len = max;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) {
			len--;
		}
		while (len && is_space(s[len - 1])) {
			len--;
		}
		lost = true;
	}
	if (cut) {
		*cut = lost;
	}
	return len ? xstrndup(s, len) : NULL;
}

enum err_code xml_finish(const struct xml_error *xe, bool keep, const char *kept,
                         struct recording *rec, struct err *err)
{
	if (!keep) {
		return err_set(err, ERR_FORMAT, "%s", xe->msg);
	}
	recording_warn(rec, "damaged or truncated file: %s; kept the %s read before it", xe->msg,
	               kept);
	return ERR_OK;
}

bool xml_probe_root(const uint8_t *buf, size_t len, const char *root)
{
	size_t i = 0, rlen = strlen(root);

	if (len > 1024) {
		len = 1024;
	}
	if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) {
		i = 3;
	}
	while (i < len && is_space(buf[i])) {
		i++;
	}
	if (i == len || buf[i] != '<') {
		return false;
	}
	for (; i + rlen + 2 <= len; i++) {
		if (buf[i] == '<' && memcmp(buf + i + 1, root, rlen) == 0) {
			uint8_t c = buf[i + 1 + rlen];

			if (is_space(c) || c == '>' || c == '/') {
				return true;
			}
		}
	}
	return false;
}

bool xml_name_has_ext(const char *name, const char *ext)
{
	size_t n, e = strlen(ext);

	if (!name) {
		return false;
	}
	n = strlen(name);
	return n >= e && strcasecmp(name + n - e, ext) == 0;
}
