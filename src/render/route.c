/*
 * route.c: the route as SVG (route.h).
 */
#include "render/route.h"

#include <math.h>
#include <stdbool.h>

/* Room around the track, in viewBox units, so the marks are not cut. */
#define ROUTE_PAD 12.0

#define DEG_TO_RAD (3.14159265358979323846 / 180.0)

static bool has_position(const struct samples *s, size_t i, double *lat, double *lon)
{
	*lat = samples_get(s, i, SAMPLE_LAT);
	*lon = samples_get(s, i, SAMPLE_LON);
	return !isnan(*lat) && !isnan(*lon) && !(*lat == 0 && *lon == 0) && fabs(*lat) <= 90 &&
	       fabs(*lon) <= 180;
}

size_t route_positions(const struct samples *s)
{
	size_t n = 0;
	double lat, lon;

	if (!samples_has(s, SAMPLE_LAT) || !samples_has(s, SAMPLE_LON)) {
		return 0;
	}
	for (size_t i = 0; i < s->n; i++) {
		n += has_position(s, i, &lat, &lon);
	}
	return n;
}

/* The projection: x east, y south (SVG's y grows downwards). */
struct frame {
	double k;            /* cos(middle latitude) */
	double x0, y0;       /* the track's west and north edges, projected */
	double scale;        /* viewBox units per projected degree */
	double off_x, off_y; /* where the track's box starts in the viewBox */
};

static void project(const struct frame *f, double lat, double lon, double *x, double *y)
{
	*x = f->off_x + (lon * f->k - f->x0) * f->scale;
	*y = f->off_y + (f->y0 - lat) * f->scale;
}

size_t route_svg(const struct samples *s, const char *title, struct strbuf *out)
{
	size_t n = route_positions(s), stride, drawn = 0, first = 0, last = 0;
	double lat, lon, lat_lo = 90, lat_hi = -90, lon_lo = 180, lon_hi = -180;
	double span_x, span_y, height, x, y, sx = 0, sy = 0;
	struct frame f;
	bool any = false;

	if (n < 2) {
		return 0;
	}
	for (size_t i = 0; i < s->n; i++) {
		if (has_position(s, i, &lat, &lon)) {
			if (!any) {
				first = i;
			}
			any = true;
			last = i;
			lat_lo = fmin(lat_lo, lat);
			lat_hi = fmax(lat_hi, lat);
			lon_lo = fmin(lon_lo, lon);
			lon_hi = fmax(lon_hi, lon);
		}
	}
	f.k = cos((lat_lo + lat_hi) / 2 * DEG_TO_RAD);
	span_x = (lon_hi - lon_lo) * f.k;
	span_y = lat_hi - lat_lo;
	/* a track on the spot still gets a box to sit in */
	if (span_x < 1e-6 && span_y < 1e-6) {
		span_x = span_y = 1e-6;
	}
	height = span_x > 0 ? (ROUTE_WIDTH - 2 * ROUTE_PAD) * span_y / span_x + 2 * ROUTE_PAD
	                    : ROUTE_MAX_HEIGHT;
	height = fmin(fmax(round(height), ROUTE_MIN_HEIGHT), ROUTE_MAX_HEIGHT);
	f.scale = fmin(span_x > 0 ? (ROUTE_WIDTH - 2 * ROUTE_PAD) / span_x : (double)INFINITY,
	               span_y > 0 ? (height - 2 * ROUTE_PAD) / span_y : (double)INFINITY);
	f.x0 = lon_lo * f.k;
	f.y0 = lat_hi;
	f.off_x = (ROUTE_WIDTH - span_x * f.scale) / 2;
	f.off_y = (height - span_y * f.scale) / 2;

	strbuf_addf(out,
	            "<svg id=\"route\" class=\"route\" viewBox=\"0 0 %d %.0f\" role=\"img\">\n",
	            ROUTE_WIDTH, height);
	strbuf_adds(out, "<title>");
	strbuf_add_markup_escaped(out, title ? title : "Route");
	strbuf_adds(out, "</title>\n");
	strbuf_adds(out, "<polyline class=\"route-line\" fill=\"none\" stroke=\"#2a6f97\" "
	                 "stroke-width=\"3\" stroke-linejoin=\"round\" stroke-linecap=\"round\" "
	                 "points=\"");
	stride = (n + ROUTE_MAX_POINTS - 1) / ROUTE_MAX_POINTS;
	for (size_t i = first, k = 0; i <= last; i++) {
		if (!has_position(s, i, &lat, &lon)) {
			continue;
		}
		/* every stride-th position, and always the last */
		if (k++ % stride == 0 || i == last) {
			project(&f, lat, lon, &x, &y);
			strbuf_addf(out, "%s%.1f,%.1f", drawn ? " " : "", x, y);
			drawn++;
		}
	}
	strbuf_adds(out, "\"/>\n");
	has_position(s, first, &lat, &lon);
	project(&f, lat, lon, &sx, &sy);
	has_position(s, last, &lat, &lon);
	project(&f, lat, lon, &x, &y);
	strbuf_addf(out,
	            "<circle class=\"route-finish\" cx=\"%.1f\" cy=\"%.1f\" r=\"6\" "
	            "fill=\"#b3261e\" stroke=\"#fff\" stroke-width=\"2\"><title>finish</title>"
	            "</circle>\n",
	            x, y);
	strbuf_addf(out,
	            "<circle class=\"route-start\" cx=\"%.1f\" cy=\"%.1f\" r=\"6\" "
	            "fill=\"#1e8c45\" stroke=\"#fff\" stroke-width=\"2\"><title>start</title>"
	            "</circle>\n",
	            sx, sy);
	strbuf_adds(out, "</svg>\n");
	return drawn;
}
