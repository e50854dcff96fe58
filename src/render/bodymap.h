/*
 * bodymap.h: the body map, a front and a back figure drawn as SVG with a
 * shape for every region of the catalogue, each a link to its page and
 * shaded by how it feels.
 *
 * Pure drawing: the caller says each region's level and what to say of
 * it; bodymap writes markup and knows nothing of check-ins or HTTP.
 *
 * Sides: the back view shows the runner as seen from behind, so the
 * runner's left is on the viewer's left; the front view is its mirror
 * (the runner's left on the viewer's right). Each view is labelled "L"
 * and "R" accordingly. A sided region has two shapes on each view it
 * appears on, an unsided one a single shape down the middle.
 *
 * Ids: each region and side has one link with id "region-CODE-SIDE"
 * ("region-hamstrings-right"; "region-CODE" for an unsided region), on
 * the front view if the region is drawn there, else on the back; its
 * shape on the other view links to the same page without an id.
 */
#ifndef KNEAD_RENDER_BODYMAP_H
#define KNEAD_RENDER_BODYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "core/region.h"

enum bodymap_view {
	BODYMAP_FRONT,
	BODYMAP_BACK,
	BODYMAP_VIEW_COUNT
};

/* How one region and side feels, as the caller read it. */
struct bodymap_spot {
	const char *code;  /* region code (borrowed) */
	enum side side;    /* SIDE_NONE for an unsided region, else left or right */
	double level;      /* 0..10; 0 or less leaves the shape unshaded */
	const char *label; /* said after the region's name in its title
	                      ("tightness 3 on Tue 2026-11-24"), NULL: nothing recent */
};

/* The number of shading steps, and the step of a level: 0 unshaded,
 * then 1 (levels up to 2) .. BODYMAP_STEPS (over 8). */
#define BODYMAP_STEPS 5
int bodymap_step(double level);

/* The fill colour of a step ("#rrggbb"). */
const char *bodymap_fill(int step);

/* Whether the figure has a shape for region code on view. */
bool bodymap_draws(const char *code, enum bodymap_view view);

/* The region codes the figure draws, each once, into out (at most max);
 * returns how many there are in all. */
size_t bodymap_codes(const char **out, size_t max);

/* Append view as an inline <svg>. Each drawn region that cat has is a
 * link to "href?region=CODE&side=SIDE" (no side for an unsided region)
 * with a <title> naming it and its label, shaded by its spot in spots
 * (unshaded when it has none); a region cat lacks is drawn as a plain
 * outline. All text is escaped. */
void bodymap_svg(struct strbuf *sb, enum bodymap_view view, const struct region_catalog *cat,
                 const struct bodymap_spot *spots, size_t n, const char *href);

/* Append the colour legend: an inline <svg> with a swatch and its range
 * of levels per step. */
void bodymap_legend(struct strbuf *sb);

/* Append a sparkline, an inline <svg> of width x 40 with title: one bar
 * per value (0..10), a gap for a value below 0 (no check-in that day). */
void bodymap_sparkline(struct strbuf *sb, const int *values, size_t n, const char *title);

#endif
