/*
 * bodymap.c: the body map's figures (see bodymap.h).
 *
 * The figure is drawn in a 200 x 480 box with the body's midline at
 * x = 100. A sided shape is written once, for the viewer's left half, and
 * drawn a second time mirrored (x -> 200 - x): on the back view the
 * written half is the runner's left, on the front view the runner's
 * right. Shapes are drawn in table order, so a region's parts come after
 * it and lie on top of it (the quads' three heads over the quads), and a
 * parent stays visible, and clickable, around them.
 */
#include "render/bodymap.h"

#include <math.h>
#include <string.h>

#define VIEW_W 200
#define VIEW_H 480
#define FRONT  (1u << BODYMAP_FRONT)
#define BACK   (1u << BODYMAP_BACK)

struct shape {
	const char *code;   /* region code, NULL for a part with no region (head, hands) */
	unsigned views;     /* FRONT | BACK */
	bool sided;         /* drawn for each side (else once, down the middle) */
	bool ellipse;       /* an ellipse (e), else a polygon (points) */
	double e[4];        /* cx, cy, rx, ry */
	const char *points; /* "x,y x,y ..." */
};

#define ELL(code, views, sided, cx, cy, rx, ry)                                                    \
	{                                                                                          \
		code, views, sided, true, { cx, cy, rx, ry }, NULL                                 \
	}
#define POLY(code, views, sided, pts)                                                              \
	{                                                                                          \
		code, views, sided, false, { 0, 0, 0, 0 }, pts                                     \
	}

static const struct shape shapes[] = {
	ELL(NULL, FRONT | BACK, false, 100, 27, 17, 21), /* head */
	ELL(NULL, FRONT | BACK, true, 53, 233, 6, 9),    /* hand */
	POLY("neck", FRONT | BACK, false, "91,46 109,46 111,64 89,64"),
	POLY("arm", FRONT | BACK, true, "60,84 70,92 66,160 62,226 46,226 44,160 48,92"),
	ELL("biceps", FRONT, true, 57, 120, 6, 22),
	ELL("triceps", BACK, true, 57, 120, 6, 22),
	POLY("forearm", FRONT | BACK, true, "47,166 63,166 61,214 49,214"),
	POLY("trapezius", BACK, true, "90,58 96,62 96,106 90,108 84,96 70,74 74,68"),
	POLY("upper-back", BACK, false, "96,64 104,64 104,150 96,150"),
	ELL("shoulder", FRONT | BACK, true, 63, 80, 11, 11),
	ELL("rotator-cuff", BACK, true, 79, 98, 5.5, 9),
	POLY("rhomboids", BACK, true, "87,92 95,90 95,124 87,120"),
	POLY("lats", BACK, true, "72,112 86,126 95,132 95,168 80,172 74,150"),
	POLY("chest", FRONT, false, "94,64 106,64 106,112 94,112"),
	POLY("pecs", FRONT, true, "74,70 93,66 93,110 80,112 72,96"),
	POLY("core", FRONT, false, "76,113 124,113 126,206 74,206"),
	POLY("abs", FRONT, false, "88,116 112,116 112,188 88,188"),
	POLY("obliques", FRONT, true, "75,116 86,117 86,188 78,190 73,150"),
	POLY("lower-back", BACK, false, "82,152 118,152 118,206 82,206"),
	POLY("quadratus-lumborum", BACK, true, "79,158 91,158 91,194 81,194"),
	ELL("si-joint", BACK, true, 94, 201, 4, 5),
	ELL("hip", FRONT, true, 70, 213, 6, 7),
	POLY("hip-flexors", FRONT, true, "80,208 98,208 97,230 88,236 80,224"),
	ELL("psoas", FRONT, true, 93.5, 216, 2.5, 6),
	ELL("iliacus", FRONT, true, 84.5, 215, 3, 5),
	POLY("tfl", FRONT, true, "65,222 77,220 80,238 67,238"),
	POLY("glutes", BACK, true, "66,207 99,207 99,252 86,256 70,250 63,232"),
	ELL("gluteus-maximus", BACK, true, 87, 236, 10, 13),
	ELL("gluteus-medius", BACK, true, 74, 215, 7.5, 6.5),
	ELL("gluteus-minimus", BACK, true, 69, 229, 3, 6),
	POLY("piriformis", BACK, true, "77,223 96,216 97,220 78,227"),
	POLY("abductors", BACK, true, "59,210 65,208 66,242 60,238"),
	POLY("thigh", FRONT | BACK, true, "64,239 99,239 97,300 94,328 74,328 67,300"),
	POLY("quads", FRONT, true, "72,242 89,242 92,300 92,322 78,324 73,300"),
	ELL("rectus-femoris", FRONT, true, 81, 262, 4, 16),
	ELL("vastus-lateralis", FRONT, true, 76, 298, 3, 15),
	ELL("vastus-medialis", FRONT, true, 89, 312, 3.5, 8),
	POLY("adductors", FRONT, true, "90,242 99,242 97,284 93,296"),
	POLY("it-band", FRONT | BACK, true, "65,242 71,242 75,326 71,326"),
	POLY("hamstrings", BACK, true, "72,256 98,256 96,322 76,324 72,300"),
	ELL("biceps-femoris", BACK, true, 77, 300, 3.5, 18),
	ELL("semitendinosus", BACK, true, 93, 298, 3, 18),
	ELL("semimembranosus", BACK, true, 89, 311, 2.5, 10),
	ELL("knee", FRONT | BACK, true, 84, 336, 11, 9.5),
	ELL("kneecap", FRONT, true, 84, 333, 5, 5.5),
	POLY("patellar-tendon", FRONT, true, "81.5,339 86.5,339 86.5,346 81.5,346"),
	POLY("lower-leg", FRONT | BACK, true, "72,346 96,346 95,396 90,430 78,430 73,396"),
	POLY("shin", FRONT, true, "86,350 92,350 90,426 86,426"),
	POLY("tibialis-anterior", FRONT, true, "78.5,352 85,352 85,418 80,410"),
	POLY("peroneals", FRONT | BACK, true, "72.5,360 76.5,360 78,420 75,420"),
	POLY("calf", BACK, true, "74,348 95,348 95,390 90,414 79,414 75,390"),
	ELL("gastrocnemius", BACK, true, 85, 363, 8, 12),
	ELL("soleus", BACK, true, 85, 399, 5.5, 8),
	POLY("tibialis-posterior", BACK, true, "91.5,378 94.5,378 93,412 90,412"),
	ELL("ankle", FRONT | BACK, true, 84, 436, 9, 6),
	POLY("achilles", BACK, true, "82,414 87,414 87,434 82,434"),
	POLY("foot", FRONT, true, "75,440 94,440 98,467 72,467"),
	POLY("metatarsals", FRONT, true, "73,454 97,454 97.5,459 72.5,459"),
	POLY("toes", FRONT, true, "72,460 98,460 98,468 72,468"),
	ELL("heel", BACK, true, 84, 447, 7, 6),
	POLY("plantar-fascia", BACK, true, "76,453 92,453 94,466 74,466"),
};

#define N_SHAPES (sizeof(shapes) / sizeof(shapes[0]))

static const char *const fills[BODYMAP_STEPS + 1] = {
	"#eef0f3", "#fde68a", "#fbbf24", "#f97316", "#dc2626", "#7f1d1d",
};

int bodymap_step(double level)
{
	int step;

	if (!(level > 0)) {
		return 0;
	}
	step = (int)ceil(level / 2);
	return step > BODYMAP_STEPS ? BODYMAP_STEPS : step;
}

const char *bodymap_fill(int step)
{
	return fills[step < 0 ? 0 : step > BODYMAP_STEPS ? BODYMAP_STEPS : step];
}

bool bodymap_draws(const char *code, enum bodymap_view view)
{
	for (size_t i = 0; i < N_SHAPES; i++) {
		if (shapes[i].code && !strcmp(shapes[i].code, code) &&
		    (shapes[i].views & (1u << view))) {
			return true;
		}
	}
	return false;
}

size_t bodymap_codes(const char **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < N_SHAPES; i++) {
		bool seen = false;

		if (!shapes[i].code) {
			continue;
		}
		for (size_t j = 0; j < i && !seen; j++) {
			seen = shapes[j].code && !strcmp(shapes[j].code, shapes[i].code);
		}
		if (!seen) {
			if (n < max) {
				out[n] = shapes[i].code;
			}
			n++;
		}
	}
	return n;
}

static const struct bodymap_spot *spot_for(const struct bodymap_spot *spots, size_t n,
                                           const char *code, enum side side)
{
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(spots[i].code, code) && spots[i].side == side) {
			return &spots[i];
		}
	}
	return NULL;
}

static void add_geometry(struct strbuf *sb, const struct shape *s, bool mirrored, const char *fill)
{
	if (s->ellipse) {
		strbuf_addf(sb, "<ellipse cx=\"%g\" cy=\"%g\" rx=\"%g\" ry=\"%g\"",
		            mirrored ? VIEW_W - s->e[0] : s->e[0], s->e[1], s->e[2], s->e[3]);
	} else {
		strbuf_addf(sb, "<polygon points=\"%s\"%s", s->points,
		            mirrored ? " transform=\"matrix(-1 0 0 1 200 0)\"" : "");
	}
	strbuf_addf(sb, " fill=\"%s\" stroke=\"#6b7280\" stroke-width=\"0.6\"/>", fill);
}

/* One region's shape on one side, as a link. */
static void add_region(struct strbuf *sb, const struct shape *s, bool mirrored, enum side side,
                       enum bodymap_view view, const struct region *r,
                       const struct bodymap_spot *spot, const char *href)
{
	int step = spot ? bodymap_step(spot->level) : 0;
	const char *sname = side_name(side);
	struct region_ref ref = { r, side };

	strbuf_adds(sb, "<a href=\"");
	strbuf_add_markup_escaped(sb, href);
	strbuf_adds(sb, "?region=");
	strbuf_add_markup_escaped(sb, r->code);
	if (sname) {
		strbuf_addf(sb, "&amp;side=%s", sname);
	}
	strbuf_adds(sb, "\"");
	/* the id on the first view the region is drawn on */
	if (view == BODYMAP_FRONT || !bodymap_draws(r->code, BODYMAP_FRONT)) {
		strbuf_adds(sb, " id=\"region-");
		strbuf_add_markup_escaped(sb, r->code);
		if (sname) {
			strbuf_addf(sb, "-%s", sname);
		}
		strbuf_adds(sb, "\"");
	}
	strbuf_addf(sb, " class=\"bm-region bm-l%d\" data-level=\"%.1f\"><title>", step,
	            spot && spot->level > 0 ? spot->level : 0.0);
	{
		struct strbuf name = STRBUF_INIT;

		region_ref_describe(&name, &ref);
		strbuf_add_markup_escaped(sb, name.buf);
		strbuf_release(&name);
	}
	strbuf_adds(sb, ": ");
	strbuf_add_markup_escaped(sb,
	                          spot && spot->label ? spot->label : "nothing checked in lately");
	strbuf_adds(sb, "</title>");
	add_geometry(sb, s, mirrored, bodymap_fill(step));
	strbuf_adds(sb, "</a>\n");
}

void bodymap_svg(struct strbuf *sb, enum bodymap_view view, const struct region_catalog *cat,
                 const struct bodymap_spot *spots, size_t n, const char *href)
{
	/* the written half is the runner's left from behind, right from the front */
	enum side written = view == BODYMAP_BACK ? SIDE_LEFT : SIDE_RIGHT;
	enum side other = view == BODYMAP_BACK ? SIDE_RIGHT : SIDE_LEFT;
	const char *what = view == BODYMAP_BACK ? "back" : "front";

	strbuf_addf(sb,
	            "<svg class=\"bodymap\" id=\"bodymap-%s\" viewBox=\"0 0 %d %d\" "
	            "xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"bodymap-%s-title\">\n"
	            "<title id=\"bodymap-%s-title\">The body from the %s: tap a region</title>\n",
	            what, VIEW_W, VIEW_H, what, what, what);
	strbuf_addf(sb,
	            "<text x=\"14\" y=\"22\" class=\"bm-side\" font-size=\"18\">%s</text>"
	            "<text x=\"186\" y=\"22\" text-anchor=\"end\" class=\"bm-side\" "
	            "font-size=\"18\">%s</text>\n",
	            view == BODYMAP_BACK ? "L" : "R", view == BODYMAP_BACK ? "R" : "L");
	for (size_t i = 0; i < N_SHAPES; i++) {
		const struct shape *s = &shapes[i];
		const struct region *r = s->code ? region_by_code(cat, s->code) : NULL;

		if (!(s->views & (1u << view))) {
			continue;
		}
		for (int half = 0; half < (s->sided ? 2 : 1); half++) {
			bool mirrored = half == 1;
			enum side side;

			if (!r) {
				add_geometry(sb, s, mirrored, "#f8f9fa");
				strbuf_addch(sb, '\n');
				continue;
			}
			side = !r->sided ? SIDE_NONE : mirrored ? other : written;
			add_region(sb, s, mirrored, side, view, r,
			           spot_for(spots, n, r->code, side), href);
		}
	}
	strbuf_adds(sb, "</svg>\n");
}

void bodymap_legend(struct strbuf *sb)
{
	strbuf_addf(sb,
	            "<svg class=\"bodymap-legend\" viewBox=\"0 0 %d 24\" "
	            "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
	            "aria-label=\"shading: none, then levels 1-2, 3-4, 5-6, 7-8, 9-10\">\n",
	            (BODYMAP_STEPS + 1) * 52);
	for (int step = 0; step <= BODYMAP_STEPS; step++) {
		int x = step * 52;

		strbuf_addf(sb,
		            "<rect x=\"%d\" y=\"4\" width=\"16\" height=\"16\" fill=\"%s\" "
		            "stroke=\"#6b7280\" stroke-width=\"0.6\"/>",
		            x + 1, bodymap_fill(step));
		if (step == 0) {
			strbuf_addf(sb, "<text x=\"%d\" y=\"17\" font-size=\"12\">none</text>\n",
			            x + 20);
		} else {
			strbuf_addf(sb, "<text x=\"%d\" y=\"17\" font-size=\"12\">%d-%d</text>\n",
			            x + 20, 2 * step - 1, 2 * step);
		}
	}
	strbuf_adds(sb, "</svg>\n");
}

void bodymap_sparkline(struct strbuf *sb, const int *values, size_t n, const char *title)
{
	size_t w = n * 4 + 2;

	strbuf_addf(sb,
	            "<svg class=\"sparkline\" viewBox=\"0 0 %zu 42\" width=\"%zu\" height=\"42\" "
	            "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"",
	            w, w);
	strbuf_add_markup_escaped(sb, title);
	strbuf_adds(sb, "\"><title>");
	strbuf_add_markup_escaped(sb, title);
	strbuf_addf(sb,
	            "</title>\n<line x1=\"0\" y1=\"41\" x2=\"%zu\" y2=\"41\" stroke=\"#9ca3af\" "
	            "stroke-width=\"0.5\"/>\n",
	            w);
	for (size_t i = 0; i < n; i++) {
		int v = values[i] > 10 ? 10 : values[i];

		if (v < 0) {
			continue;
		}
		/* a 0 still shows as a sliver: checked in, nothing felt */
		strbuf_addf(sb, "<rect x=\"%zu\" y=\"%d\" width=\"3\" height=\"%d\" fill=\"%s\"/>",
		            1 + 4 * i, 40 - 4 * v - 1, 4 * v + 1,
		            v > 0 ? bodymap_fill(bodymap_step(v)) : "#9ca3af");
	}
	strbuf_adds(sb, "\n</svg>\n");
}
