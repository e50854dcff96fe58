/*
 * route.h: an activity's route drawn as SVG from its positions.
 *
 * No map tiles (the server reaches nothing outside the runner's machine):
 * the track alone, in an equirectangular projection (longitude scaled by
 * the cosine of the middle latitude, so that a square block looks
 * square), fitted into a viewBox, with the start and the finish marked.
 * Good enough at the scale of a run: the distortion over 50 km is a
 * fraction of a percent.
 */
#ifndef KNEAD_RENDER_ROUTE_H
#define KNEAD_RENDER_ROUTE_H

#include <stddef.h>

#include "base/strbuf.h"
#include "core/recording.h"

/* The viewBox is ROUTE_WIDTH wide and as tall as the track's shape asks,
 * between ROUTE_MIN_HEIGHT and ROUTE_MAX_HEIGHT. */
#define ROUTE_WIDTH      400
#define ROUTE_MIN_HEIGHT 160
#define ROUTE_MAX_HEIGHT 560

/* At most this many points go into the polyline: a long ride's every
 * second would make the page heavy without showing more at this size. */
#define ROUTE_MAX_POINTS 1500

/* The rows of s that have a position (latitude and longitude, not 0,0,
 * which devices write before a fix). */
size_t route_positions(const struct samples *s);

/* Append to out an inline SVG element, <svg id="route" class="route"
 * viewBox=...> with a <title> (title, markup-escaped), one <polyline>
 * and the start (class "route-start") and finish ("route-finish") marks.
 * Returns the number of points in the polyline; with fewer than 2
 * positions it appends nothing and returns 0. */
size_t route_svg(const struct samples *s, const char *title, struct strbuf *out);

#endif
