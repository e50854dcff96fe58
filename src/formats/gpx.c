/*
 * gpx.c: the GPX 1.0 and 1.1 reader.
 *
 * A GPX file is one activity: every track point of every track and
 * segment, in file order, becomes a sample. The core schema carries only
 * position, elevation and time (and, in 1.0, speed); heart rate, cadence
 * and power come from extensions whose spelling varies by writer: Garmin's
 * TrackPointExtension (hr, cad), Cluetrust's gpxdata (hr, cadence,
 * power), Garmin's PowerExtension (PowerInWatts) and bare elements that
 * Strava and Amazfit write (heartrate, cadence, power). Inside a track
 * point's <extensions> these are matched by local name in any namespace.
 *
 * GPX has no distance, so SAMPLE_DISTANCE is the geodesic distance summed
 * point to point within each segment: a new segment means the receiver
 * lost the signal or was paused, and the gap is not distance covered.
 * (gpxpy's length_2d, the reference, does the same.)
 *
 * Running cadence in GPX counts one leg (strides per minute), as FIT
 * does: Garmin Connect and Strava runs carry 75 to 90 at 3 m/s, which
 * only strides explain. It is doubled to steps per minute for the sports
 * done on foot, once the file's sport is known (at the end).
 *
 * The sport comes from the first track's <type> (or the metadata's),
 * which writers fill with their own words (see xml_sport); most files
 * from Strava and many others have none, and are SPORT_OTHER.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/geo.h"
#include "base/instant.h"
#include "base/xalloc.h"
#include "formats/format.h"
#include "formats/xml.h"

/* Most track points read from one file: 58 days at one a second. Beyond
 * it the file is kept as far as read, with a warning, so a hostile file
 * cannot make the samples grow without bound. */
#define GPX_MAX_POINTS 5000000
/* Longest device (creator) string kept, in bytes. */
#define GPX_MAX_DEVICE 200

/* What an open element is, as far as the reader cares. */
enum kind {
	K_OTHER,     /* not read, nor anything inside it */
	K_GPX,       /* the document element */
	K_METADATA,  /* <metadata> (1.1) */
	K_META_NAME, /* the file's name: metadata/name, or gpx/name in 1.0 */
	K_META_TYPE, /* metadata/type, which some writers add */
	K_TRK,       /* a track */
	K_TRK_NAME,  /* its name */
	K_TRK_TYPE,  /* its type: the sport */
	K_TRKSEG,    /* a segment */
	K_TRKPT,     /* a track point */
	K_ELE,       /* its elevation */
	K_TIME,      /* its time */
	K_SPEED,     /* its speed (1.0) */
	K_EXT,       /* inside its <extensions> */
	K_X_HR,      /* heart rate, in any spelling */
	K_X_CADENCE, /* cadence, in any spelling */
	K_X_POWER,   /* power, in any spelling */
	K_X_SPEED,   /* TrackPointExtension v2 speed */
	K_RTE,       /* a route */
	K_WPT,       /* a waypoint */
};

/* Values refused, per field, for one warning each. */
enum bad {
	BAD_POSITION,
	BAD_ELEVATION,
	BAD_TIME,
	BAD_SPEED,
	BAD_HR,
	BAD_CADENCE,
	BAD_POWER,
	BAD_COUNT
};

static const char *const bad_names[BAD_COUNT] = {
	"position", "elevation", "time", "speed", "heart rate", "cadence", "power",
};

/* The reader's state while expat runs. */
struct gpx {
	struct recording *rec;           /* what is filled */
	struct recorded *act;            /* the activity, NULL until the first point */
	enum kind kinds[XML_MAX_DEPTH];  /* each open element */
	size_t row;                      /* the open track point's sample row */
	size_t n_routes;                 /* <rte> seen */
	size_t n_waypoints;              /* <wpt> seen */
	bool have_prev;                  /* the segment has a point with a position */
	double prev_lat, prev_lon;       /* that point */
	double distance;                 /* metres so far, gaps between segments left out */
	char *trk_name;                  /* the first track's name, owned */
	char *meta_name;                 /* the file's name, owned */
	char *trk_type;                  /* the first track's type, owned */
	char *meta_type;                 /* the metadata's type, owned */
	bool name_cut;                   /* a name was longer than an activity keeps */
	unsigned long name_line;         /* where */
	struct xml_tally bad[BAD_COUNT]; /* values refused */
};

/* ---- elements ---- */

/* GPX's own elements: in either GPX namespace, in the document's (some
 * writers misspell the URI), or in none. */
static bool is_gpx(const struct xml_elem *el, const char *local)
{
	return strcmp(el->local, local) == 0 &&
	       (el->ns == XML_NS_GPX11 || el->ns == XML_NS_GPX10 || el->ns == XML_NS_NONE ||
	        el->ns == XML_NS_UNDECLARED || el->in_root_ns);
}

static enum kind extension_kind(const struct xml_elem *el)
{
	const char *l = el->local;

	if (strcmp(l, "hr") == 0 || strcmp(l, "heartrate") == 0) {
		return K_X_HR;
	}
	if (strcmp(l, "cad") == 0 || strcmp(l, "cadence") == 0) {
		return K_X_CADENCE;
	}
	if (strcmp(l, "power") == 0 || strcmp(l, "PowerInWatts") == 0) {
		return K_X_POWER;
	}
	/* other vendors' "speed" has other units; TrackPointExtension's is m/s */
	if (strcmp(l, "speed") == 0 && el->ns == XML_NS_GARMIN_TPX) {
		return K_X_SPEED;
	}
	return K_EXT;
}

/* A number from an attribute, through the same checks as element text;
 * a missing attribute counts as a bad value. */
static bool attr_value(struct xml *x, const char *s, double lo, double hi, double *out,
                       struct xml_tally *bad)
{
	struct xml_text t = { s ? s : "", s ? strlen(s) : 0, false };

	if (!s) {
		if (bad->count++ == 0) {
			bad->first_line = xml_line(x);
		}
		return false;
	}
	return xml_value(x, &t, lo, hi, out, bad);
}

static void start_point(struct gpx *g, struct xml *x, const char **attrs)
{
	struct samples *s;
	double lat, lon;
	bool ok;

	if (g->rec->n_records == GPX_MAX_POINTS) {
		xml_stop(x, "more than %d track points, at line %lu", GPX_MAX_POINTS, xml_line(x));
		return;
	}
	if (!g->act) {
		g->act = recording_add(g->rec);
	}
	s = &g->act->samples;
	g->row = samples_add_row(s);
	g->rec->n_records++;
	ok = attr_value(x, xml_attr(attrs, "lat"), -90, 90, &lat, &g->bad[BAD_POSITION]);
	ok = ok && attr_value(x, xml_attr(attrs, "lon"), -180, 180, &lon, &g->bad[BAD_POSITION]);
	if (!ok) {
		return;
	}
	samples_set(s, g->row, SAMPLE_LAT, lat);
	samples_set(s, g->row, SAMPLE_LON, lon);
	if (g->have_prev) {
		double d = geo_distance(g->prev_lat, g->prev_lon, lat, lon);

		if (!isnan(d)) {
			g->distance += d;
		}
	}
	samples_set(s, g->row, SAMPLE_DISTANCE, g->distance);
	g->have_prev = true;
	g->prev_lat = lat;
	g->prev_lon = lon;
}

static enum kind kind_of(struct gpx *g, struct xml *x, const struct xml_elem *el,
                         const char **attrs)
{
	enum kind parent = g->kinds[el->depth - 1];

	switch (parent) {
	case K_GPX:
		if (is_gpx(el, "trk")) {
			g->rec->n_sessions++;
			return K_TRK;
		}
		if (is_gpx(el, "metadata")) {
			return K_METADATA;
		}
		if (is_gpx(el, "name")) {
			return K_META_NAME;
		}
		if (is_gpx(el, "rte")) {
			g->n_routes++;
			return K_RTE;
		}
		if (is_gpx(el, "wpt")) {
			g->n_waypoints++;
			return K_WPT;
		}
		return K_OTHER;
	case K_METADATA:
		if (is_gpx(el, "name")) {
			return K_META_NAME;
		}
		return is_gpx(el, "type") ? K_META_TYPE : K_OTHER;
	case K_TRK:
		if (is_gpx(el, "trkseg")) {
			g->have_prev = false;
			return K_TRKSEG;
		}
		if (is_gpx(el, "name")) {
			return K_TRK_NAME;
		}
		return is_gpx(el, "type") ? K_TRK_TYPE : K_OTHER;
	case K_TRKSEG:
		if (is_gpx(el, "trkpt")) {
			start_point(g, x, attrs);
			return K_TRKPT;
		}
		return K_OTHER;
	case K_TRKPT:
		if (is_gpx(el, "ele")) {
			return K_ELE;
		}
		if (is_gpx(el, "time")) {
			return K_TIME;
		}
		if (is_gpx(el, "speed")) {
			return K_SPEED;
		}
		return is_gpx(el, "extensions") ? K_EXT : K_OTHER;
	case K_EXT:
		return extension_kind(el);
	default:
		return K_OTHER;
	}
}

static void start_document(struct gpx *g, struct xml *x, const struct xml_elem *el,
                           const char **attrs)
{
	const char *creator = xml_attr(attrs, "creator");

	if (strcmp(el->local, "gpx") != 0) {
		xml_stop(x, "not a GPX file: the document element is <%.40s>, not <gpx>",
		         el->local);
		return;
	}
	if (creator) {
		struct xml_text t = { creator, strlen(creator), false };

		g->rec->device = xml_strdup(&t, GPX_MAX_DEVICE, NULL);
	}
	g->kinds[0] = K_GPX;
}

static bool on_start(void *ctx, struct xml *x, const struct xml_elem *el, const char **attrs)
{
	struct gpx *g = ctx;
	enum kind k;

	if (el->depth == 0) {
		start_document(g, x, el, attrs);
		return false;
	}
	k = kind_of(g, x, el, attrs);
	g->kinds[el->depth] = k;
	switch (k) {
	case K_META_NAME:
	case K_META_TYPE:
	case K_TRK_NAME:
	case K_TRK_TYPE:
	case K_ELE:
	case K_TIME:
	case K_SPEED:
	case K_X_HR:
	case K_X_CADENCE:
	case K_X_POWER:
	case K_X_SPEED:
		return true;
	default:
		return false;
	}
}

/* Keep the first non-empty name or type met in a place. */
static void keep_first(struct gpx *g, struct xml *x, char **field, const struct xml_text *text,
                       size_t max)
{
	bool cut;

	if (*field) {
		return;
	}
	*field = xml_strdup(text, max, &cut);
	if (*field && cut && max == ACTIVITY_MAX_NAME && !g->name_cut) {
		g->name_cut = true;
		g->name_line = xml_line(x);
	}
}

/* Set field f of the open point from text, if it reads as a number in
 * lo..hi; zero means "no reading" for heart rate. */
static void point_value(struct gpx *g, struct xml *x, const struct xml_text *text,
                        enum sample_field f, double lo, double hi, enum bad b)
{
	double v;

	if (!g->act || !xml_value(x, text, lo, hi, &v, &g->bad[b])) {
		return;
	}
	if (f == SAMPLE_HR && v == 0) {
		return;
	}
	samples_set(&g->act->samples, g->row, f, v);
}

static void on_end(void *ctx, struct xml *x, const struct xml_elem *el, const struct xml_text *text)
{
	struct gpx *g = ctx;
	double t;

	switch (g->kinds[el->depth]) {
	case K_META_NAME:
		keep_first(g, x, &g->meta_name, text, ACTIVITY_MAX_NAME);
		break;
	case K_TRK_NAME:
		keep_first(g, x, &g->trk_name, text, ACTIVITY_MAX_NAME);
		break;
	case K_META_TYPE:
		keep_first(g, x, &g->meta_type, text, 64);
		break;
	case K_TRK_TYPE:
		keep_first(g, x, &g->trk_type, text, 64);
		break;
	case K_ELE:
		point_value(g, x, text, SAMPLE_ALTITUDE, -1000, 12000, BAD_ELEVATION);
		break;
	case K_TIME:
		if (!g->act || xml_blank(text)) {
			break;
		}
		if (!text->capped && instant_parse(text->s, text->len, &t)) {
			samples_set(&g->act->samples, g->row, SAMPLE_TIME, t);
		} else if (g->bad[BAD_TIME].count++ == 0) {
			g->bad[BAD_TIME].first_line = xml_line(x);
		}
		break;
	case K_SPEED:
	case K_X_SPEED:
		point_value(g, x, text, SAMPLE_SPEED, 0, 200, BAD_SPEED);
		break;
	case K_X_HR:
		point_value(g, x, text, SAMPLE_HR, 0, 255, BAD_HR);
		break;
	case K_X_CADENCE:
		point_value(g, x, text, SAMPLE_CADENCE, 0, 255, BAD_CADENCE);
		break;
	case K_X_POWER:
		point_value(g, x, text, SAMPLE_POWER, 0, 4000, BAD_POWER);
		break;
	default:
		break;
	}
}

/* ---- the decoder ---- */

/* Give the activity what the whole file says about it. */
static void finish_activity(struct gpx *g)
{
	struct activity *a = &g->act->activity;
	const char *type = g->trk_type ? g->trk_type : g->meta_type;
	struct samples *s = &g->act->samples;

	a->sport = type ? xml_sport(type) : SPORT_OTHER;
	if (sport_pace(a->sport) == SPORT_PACE_FOOT && samples_has(s, SAMPLE_CADENCE)) {
		for (size_t i = 0; i < s->n; i++) {
			s->cols[SAMPLE_CADENCE][i] *= 2; /* strides to steps; NAN stays NAN */
		}
	}
	activity_set_str(&a->name, g->trk_name ? g->trk_name : g->meta_name);
}

/* Why a file without track points has no activity: information, not a
 * repair, so the repaired flag stays as it was. */
static void warn_empty(struct gpx *g)
{
	bool repaired = g->rec->repaired;

	if (g->n_routes) {
		recording_note(g->rec, "no track points: only a route");
	} else if (g->n_waypoints) {
		recording_note(g->rec, "no track points: only waypoints");
	} else {
		recording_note(g->rec, "no track points: only metadata");
	}
	g->rec->repaired = repaired;
}

static enum err_code decode(const uint8_t *buf, size_t len, struct recording *rec, struct err *err)
{
	struct gpx g;
	struct xml_handler h = { &g, on_start, on_end };
	struct xml_error xe;
	enum err_code rc = ERR_OK;
	bool complete;

	memset(&g, 0, sizeof(g));
	g.rec = rec;
	complete = xml_parse(buf, len, &h, rec, &xe);
	if (g.name_cut) {
		recording_note(rec, "name at line %lu cut to %d bytes", g.name_line,
		               ACTIVITY_MAX_NAME);
	}
	for (int b = 0; b < BAD_COUNT; b++) {
		xml_tally_warn(rec, &g.bad[b], bad_names[b]);
	}
	if (!complete) {
		char kept[48];

		snprintf(kept, sizeof(kept), "%zu track point%s", rec->n_records,
		         rec->n_records == 1 ? "" : "s");
		rc = xml_finish(&xe, rec->n_records > 0, kept, rec, err);
	}
	if (rc == ERR_OK && g.act) {
		finish_activity(&g);
	} else if (rc == ERR_OK) {
		warn_empty(&g);
	}
	free(g.trk_name);
	free(g.meta_name);
	free(g.trk_type);
	free(g.meta_type);
	return rc;
}

/* ---- probing ---- */

static bool probe(const uint8_t *buf, size_t len, const char *name)
{
	if (xml_probe_root(buf, len, "gpx")) {
		return true;
	}
	/* the name breaks ties only: content plainly of another format wins */
	return xml_name_has_ext(name, ".gpx") &&
	       !xml_probe_root(buf, len, "TrainingCenterDatabase") &&
	       !(len >= 12 && memcmp(buf + 8, ".FIT", 4) == 0);
}

const struct format format_gpx = { "gpx", SOURCE_GPX, probe, decode };
