/*
 * chart.c: the training charts (chart.h).
 *
 * One drawing routine per chart works on a cairo context of the page's
 * size; render() puts that context on the surface the format needs and
 * collects the bytes. Layout is in page units from the page's size, so a
 * bigger page gets a bigger plot, not bigger type.
 *
 * The axes are built for reading at a glance: value ticks at 1, 2 or 5
 * times a power of ten, date ticks at the coarsest calendar step (days,
 * weeks, months, years) whose labels do not touch, and any label that
 * would still collide with its neighbour is left out rather than drawn
 * over it.
 */
#include "render/chart.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/bug.h"
#include "base/date.h"
#include "base/units.h"
#include "base/xalloc.h"

struct rgb {
	double r, g, b;
};

/* The PMC's usual colours: fitness blue, fatigue magenta, form orange. */
static const struct rgb ink = { 0.16, 0.16, 0.18 };
static const struct rgb muted = { 0.40, 0.40, 0.44 };
static const struct rgb grid = { 0.90, 0.90, 0.92 };
static const struct rgb axis_ink = { 0.55, 0.55, 0.58 };
static const struct rgb ctl_ink = { 0.12, 0.42, 0.75 };
static const struct rgb atl_ink = { 0.80, 0.18, 0.55 };
static const struct rgb tsb_ink = { 0.93, 0.55, 0.08 };
static const struct rgb load_ink = { 0.58, 0.62, 0.70 };
static const struct rgb race_a_ink = { 0.80, 0.10, 0.12 };
static const struct rgb race_ink = { 0.35, 0.35, 0.40 };

/* One colour per sport, running in blues and greens at the bottom of the
 * stack, the rest in hues far enough apart to tell in a legend. */
static const struct rgb sport_ink[SPORT_COUNT] = {
	[SPORT_RUN] = { 0.16, 0.44, 0.73 },      [SPORT_TRAIL] = { 0.15, 0.58, 0.40 },
	[SPORT_WALK] = { 0.55, 0.75, 0.90 },     [SPORT_HIKE] = { 0.62, 0.76, 0.36 },
	[SPORT_SKI] = { 0.62, 0.60, 0.86 },      [SPORT_XCSKI] = { 0.40, 0.36, 0.72 },
	[SPORT_BIKE] = { 0.94, 0.56, 0.16 },     [SPORT_SWIM] = { 0.10, 0.70, 0.76 },
	[SPORT_STRENGTH] = { 0.78, 0.26, 0.30 }, [SPORT_YOGA] = { 0.86, 0.56, 0.76 },
	[SPORT_CROSS] = { 0.62, 0.46, 0.30 },    [SPORT_OTHER] = { 0.62, 0.62, 0.62 },
};

/* Legend names: sport_name's words, written for a person. */
static const char *const sport_label[SPORT_COUNT] = {
	[SPORT_RUN] = "Run",   [SPORT_TRAIL] = "Trail",       [SPORT_WALK] = "Walk",
	[SPORT_HIKE] = "Hike", [SPORT_SKI] = "Ski",           [SPORT_XCSKI] = "XC ski",
	[SPORT_BIKE] = "Bike", [SPORT_SWIM] = "Swim",         [SPORT_STRENGTH] = "Strength",
	[SPORT_YOGA] = "Yoga", [SPORT_CROSS] = "Cross-train", [SPORT_OTHER] = "Other",
};

static const char *const month_abbr[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* Type sizes and spacing, in page units. */
#define FONT_TITLE  17.0
#define FONT_LEGEND 12.5
#define FONT_AXIS   11.5
#define FONT_SMALL  10.5

/* U+2212, the minus sign: a hyphen reads too short next to digits. */
#define MINUS "\xe2\x88\x92"

/* ---- drawing helpers ---- */

static void set_ink(cairo_t *cr, struct rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static void set_ink_alpha(cairo_t *cr, struct rgb c, double alpha)
{
	cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

static void set_font(cairo_t *cr, double size, bool bold)
{
	cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
	                       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
}

static double text_width(cairo_t *cr, const char *s)
{
	cairo_text_extents_t e;

	cairo_text_extents(cr, s, &e);
	return e.x_advance;
}

/* Draw s with its baseline at y; align 0 puts its left end at x, 0.5 its
 * middle, 1 its right end. Returns its width. */
static double text_at(cairo_t *cr, double x, double y, const char *s, double align)
{
	double w = text_width(cr, s);

	cairo_move_to(cr, x - align * w, y);
	cairo_show_text(cr, s);
	return w;
}

/* The centre of the pixel a coordinate falls in, so 1-unit lines are
 * sharp in PNG. */
static double crisp(double v)
{
	return floor(v) + 0.5;
}

static void hline(cairo_t *cr, double x0, double x1, double y)
{
	cairo_move_to(cr, x0, crisp(y));
	cairo_line_to(cr, x1, crisp(y));
	cairo_stroke(cr);
}

static void vline(cairo_t *cr, double x, double y0, double y1)
{
	cairo_move_to(cr, crisp(x), y0);
	cairo_line_to(cr, crisp(x), y1);
	cairo_stroke(cr);
}

/* Format v with decimals places into buf, with a real minus sign. */
static void format_value(struct strbuf *sb, double v, int decimals)
{
	if (v < 0 && fabs(v) >= 0.5 * pow(10, -decimals)) {
		strbuf_adds(sb, MINUS);
	}
	strbuf_addf(sb, "%.*f", decimals, fabs(v));
}

/* ---- the page ---- */

/* Where the parts of a chart go, from the page size. */
struct page {
	cairo_t *cr;
	double width, height;
	double left, right; /* the plot's sides */
	double top, bottom; /* the plot's top and bottom (the date axis) */
	double title_y;     /* baseline of the title */
	double legend_y;    /* baseline of the legend */
	double legend_x;    /* where the next legend entry goes */
	double legend_line; /* row height when the legend wraps */
};

static void page_init(struct page *p, cairo_t *cr, double width, double height)
{
	p->cr = cr;
	p->width = width;
	p->height = height;
	p->left = 58;
	p->right = width - 28;
	p->title_y = 28;
	p->legend_y = 52;
	p->legend_line = 18;
	p->legend_x = p->left;
	p->top = 70;
	p->bottom = height - 42;
}

/* White page, title at the left, subtitle (the range) at the right. */
static void page_begin(struct page *p, const char *title, const char *subtitle)
{
	cairo_t *cr = p->cr;
	double w;

	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	set_ink(cr, ink);
	set_font(cr, FONT_TITLE, true);
	w = text_at(cr, p->left, p->title_y, title, 0);
	/* On a narrow page the subtitle gives way to the title. */
	set_ink(cr, muted);
	set_font(cr, FONT_AXIS, false);
	if (p->left + w + 16 + text_width(cr, subtitle) <= p->right) {
		text_at(cr, p->right, p->title_y, subtitle, 1);
	}
}

/* The "no data" page: an empty frame with the words in the middle. */
static void page_no_data(struct page *p, const char *what)
{
	cairo_t *cr = p->cr;

	cairo_set_line_width(cr, 1);
	set_ink(cr, axis_ink);
	cairo_rectangle(cr, crisp(p->left), crisp(p->top), floor(p->right - p->left),
	                floor(p->bottom - p->top));
	cairo_stroke(cr);
	set_ink(cr, muted);
	set_font(cr, FONT_LEGEND + 2, false);
	text_at(cr, (p->left + p->right) / 2, (p->top + p->bottom) / 2, what, 0.5);
}

enum swatch {
	SWATCH_LINE,
	SWATCH_THICK,
	SWATCH_DASH,
	SWATCH_BOX,
};

/* Add one legend entry, wrapping to a second row when the first is full. */
static void legend_add(struct page *p, enum swatch kind, struct rgb c, const char *text)
{
	cairo_t *cr = p->cr;
	double w, y;
	const double sw = 20;

	set_font(cr, FONT_LEGEND, false);
	w = sw + 6 + text_width(cr, text) + 18;
	if (p->legend_x > p->left && p->legend_x + w > p->right) {
		p->legend_x = p->left;
		p->legend_y += p->legend_line;
		p->top += p->legend_line;
	}
	y = p->legend_y - 4;
	set_ink(cr, c);
	switch (kind) {
	case SWATCH_BOX:
		cairo_rectangle(cr, p->legend_x, y - 5, sw, 10);
		cairo_fill(cr);
		break;
	case SWATCH_DASH: {
		static const double dash[] = { 4, 3 };

		cairo_set_line_width(cr, 1.5);
		cairo_set_dash(cr, dash, 2, 0);
		hline(cr, p->legend_x, p->legend_x + sw, y);
		cairo_set_dash(cr, NULL, 0, 0);
		break;
	}
	case SWATCH_LINE:
	case SWATCH_THICK:
		cairo_set_line_width(cr, kind == SWATCH_THICK ? 3 : 2);
		cairo_move_to(cr, p->legend_x, y);
		cairo_line_to(cr, p->legend_x + sw, y);
		cairo_stroke(cr);
		break;
	}
	set_ink(cr, ink);
	text_at(cr, p->legend_x + sw + 6, p->legend_y, text, 0);
	p->legend_x += w;
}

/* ---- value axes ---- */

/* A value axis: lo..hi maps to the pixels y0 (bottom) .. y1 (top). */
struct yaxis {
	double lo, hi, step;
	double y0, y1;
	int decimals;
};

/* 1, 2 or 5 times a power of ten, nearest range / target (Heckbert's
 * "nice numbers"), so the tick count stays near the target. */
static double nice_step(double range, int target)
{
	double raw = range / target;
	double mag = pow(10, floor(log10(raw)));
	double f = raw / mag;

	return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

/* An end of the axis past the data value v (dir +1 for the top, -1 for
 * the bottom): the next tick when it is near, else a little room, so that
 * a tick step of 50 does not leave an empty band of 40. */
static double axis_end(double v, double step, double room, int dir)
{
	double tick = dir > 0 ? ceil(v / step - 1e-9) * step : floor(v / step + 1e-9) * step;

	return fabs(tick - v) <= 0.4 * step ? tick : v + dir * room;
}

/* Fit the axis to the data lo..hi (widened to at least min_range), with
 * about target ticks. */
static void yaxis_fit(struct yaxis *ay, double lo, double hi, double min_range, int target,
                      double y0, double y1)
{
	if (!(hi - lo >= min_range)) {
		hi = lo + min_range;
	}
	ay->step = nice_step(hi - lo, target);
	ay->lo = axis_end(lo, ay->step, 0.04 * (hi - lo), -1);
	ay->hi = axis_end(hi, ay->step, 0.04 * (hi - lo), 1);
	ay->decimals = ay->step >= 1 ? 0 : (int)ceil(-log10(ay->step) - 1e-9);
	ay->y0 = y0;
	ay->y1 = y1;
}

static double yaxis_y(const struct yaxis *ay, double v)
{
	return ay->y0 - (v - ay->lo) * (ay->y0 - ay->y1) / (ay->hi - ay->lo);
}

/* Grid lines and labels at each tick, left of x0; the plot spans x0..x1.
 * label writes a tick's value. */
static void yaxis_draw_with(cairo_t *cr, const struct yaxis *ay, double x0, double x1,
                            void (*label)(struct strbuf *sb, double v, int decimals))
{
	struct strbuf sb = STRBUF_INIT;
	long first = lround(ceil(ay->lo / ay->step - 1e-9));
	long last = lround(floor(ay->hi / ay->step + 1e-9));

	cairo_set_line_width(cr, 1);
	set_font(cr, FONT_AXIS, false);
	for (long i = first; i <= last; i++) {
		double v = (double)i * ay->step;
		double y = yaxis_y(ay, v);

		set_ink(cr, grid);
		hline(cr, x0, x1, y);
		strbuf_reset(&sb);
		label(&sb, fabs(v) < ay->step * 1e-6 ? 0 : v, ay->decimals);
		set_ink(cr, muted);
		text_at(cr, x0 - 7, y + 4, sb.buf, 1);
	}
	strbuf_release(&sb);
}

static void yaxis_draw(cairo_t *cr, const struct yaxis *ay, double x0, double x1)
{
	yaxis_draw_with(cr, ay, x0, x1, format_value);
}

/* ---- the date axis ---- */

/* Days first .. first + span - 1 over the pixels x0 .. x1. */
struct xaxis {
	int32_t first;
	int32_t span;
	double x0, x1;
};

static double xaxis_x(const struct xaxis *ax, double day)
{
	return ax->x0 + (day - ax->first) * (ax->x1 - ax->x0) / ax->span;
}

enum tick_unit {
	TICK_DAY,  /* every n days from the first */
	TICK_WEEK, /* every n weeks from the first Monday */
	TICK_MONTH,
	TICK_YEAR,
};

struct tick_step {
	enum tick_unit unit;
	int n;
	double days; /* about how many days apart */
};

static const struct tick_step tick_steps[] = {
	{ TICK_DAY, 1, 1 },        { TICK_DAY, 2, 2 },         { TICK_WEEK, 1, 7 },
	{ TICK_WEEK, 2, 14 },      { TICK_MONTH, 1, 30.44 },   { TICK_MONTH, 2, 60.9 },
	{ TICK_MONTH, 3, 91.3 },   { TICK_MONTH, 6, 182.6 },   { TICK_YEAR, 1, 365.25 },
	{ TICK_YEAR, 2, 730.5 },   { TICK_YEAR, 5, 1826.2 },   { TICK_YEAR, 10, 3652.5 },
	{ TICK_YEAR, 25, 9131.2 }, { TICK_YEAR, 50, 18262.5 }, { TICK_YEAR, 100, 36525 },
};

/* The finest step whose labels have room. Days and weeks are used for
 * ranges up to three months, and months from six weeks up, so that half
 * a year reads by month, as a runner thinks of a season. */
static const struct tick_step *tick_pick(const struct xaxis *ax)
{
	double px_per_day = (ax->x1 - ax->x0) / ax->span;
	size_t n = sizeof(tick_steps) / sizeof(tick_steps[0]);

	for (size_t i = 0; i < n; i++) {
		const struct tick_step *s = &tick_steps[i];
		double room = s->unit == TICK_DAY || s->unit == TICK_WEEK ? 62 : 46;

		if ((s->unit == TICK_DAY || s->unit == TICK_WEEK) && ax->span > 92) {
			continue;
		}
		if (s->unit == TICK_MONTH && ax->span < 42) {
			continue;
		}
		if (s->days * px_per_day >= room) {
			return s;
		}
	}
	return &tick_steps[n - 1];
}

/* The first tick day at or after ax->first, then each next one; DATE_NONE
 * past the end. */
static int32_t tick_next(const struct xaxis *ax, const struct tick_step *s, int32_t prev)
{
	int32_t last = ax->first + ax->span - 1, d;
	struct civil c;

	switch (s->unit) {
	case TICK_DAY:
		d = prev == DATE_NONE ? ax->first : prev + s->n;
		break;
	case TICK_WEEK:
		if (prev == DATE_NONE) {
			d = date_week_start(ax->first);
			d += d < ax->first ? 7 : 0;
		} else {
			d = prev + 7 * s->n;
		}
		break;
	case TICK_MONTH:
		c = date_to_civil(prev == DATE_NONE ? ax->first : prev);
		if (prev == DATE_NONE && c.day == 1 && (c.month - 1) % s->n == 0) {
			d = ax->first;
			break;
		}
		do {
			c.month++;
			if (c.month > 12) {
				c.month = 1;
				c.year++;
			}
		} while ((c.month - 1) % s->n != 0);
		d = date_from_civil(c.year, c.month, 1);
		break;
	case TICK_YEAR:
	default:
		c = date_to_civil(prev == DATE_NONE ? ax->first : prev);
		if (prev == DATE_NONE && c.month == 1 && c.day == 1 && c.year % s->n == 0) {
			d = ax->first;
			break;
		}
		c.year = (c.year / s->n + 1) * s->n;
		d = date_from_civil(c.year, 1, 1);
		break;
	}
	return d <= last ? d : DATE_NONE;
}

/* Draw the date axis along y: small ticks on Mondays when there is room,
 * labelled ticks at the picked step with a grid line up to top, and the
 * year under the first label and wherever it changes. */
static void xaxis_draw(cairo_t *cr, const struct xaxis *ax, double top, double y)
{
	const struct tick_step *s = tick_pick(ax);
	double px_per_day = (ax->x1 - ax->x0) / ax->span;
	double last_right = -1e9, year_right = -1e9;
	int last_year = INT32_MIN;
	struct strbuf sb = STRBUF_INIT;

	cairo_set_line_width(cr, 1);
	if (s->unit != TICK_DAY && s->unit != TICK_WEEK && px_per_day * 7 >= 6) {
		set_ink(cr, axis_ink);
		for (int32_t d = tick_next(ax, &tick_steps[2], DATE_NONE); d != DATE_NONE;
		     d = tick_next(ax, &tick_steps[2], d)) {
			vline(cr, xaxis_x(ax, d), y, y + 3);
		}
	}
	set_font(cr, FONT_AXIS, false);
	for (int32_t d = tick_next(ax, s, DATE_NONE); d != DATE_NONE; d = tick_next(ax, s, d)) {
		struct civil c = date_to_civil(d);
		/* Days sit at their middle; months and years start at their edge. */
		double x = xaxis_x(ax, d + (s->unit == TICK_DAY ? 0.5 : 0));
		double w;

		set_ink(cr, grid);
		vline(cr, x, top, y);
		set_ink(cr, axis_ink);
		vline(cr, x, y, y + 6);

		strbuf_reset(&sb);
		if (s->unit == TICK_YEAR) {
			strbuf_addf(&sb, "%d", c.year);
		} else if (s->unit == TICK_MONTH) {
			strbuf_adds(&sb, month_abbr[c.month - 1]);
		} else {
			strbuf_addf(&sb, "%s %d", month_abbr[c.month - 1], c.day);
		}
		w = text_width(cr, sb.buf);
		if (x - w / 2 < last_right + 6 || x - w / 2 < 2 || x + w / 2 > ax->x1 + 26) {
			continue;
		}
		set_ink(cr, muted);
		text_at(cr, x, y + 18, sb.buf, 0.5);
		last_right = x + w / 2;
		if (s->unit != TICK_YEAR && c.year != last_year) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%d", c.year);
			w = text_width(cr, sb.buf);
			if (x - w / 2 >= year_right + 6) {
				set_ink(cr, ink);
				text_at(cr, x, y + 32, sb.buf, 0.5);
				year_right = x + w / 2;
				last_year = c.year;
			}
		}
	}
	set_ink(cr, axis_ink);
	hline(cr, ax->x0, ax->x1, y);
	strbuf_release(&sb);
}

/* ---- the load chart ---- */

struct load_ctx {
	const struct pmc_day *days;
	size_t n_days;
	const struct chart_race *races;
	size_t n_races;
};

/* The lines of the load chart. */
enum series {
	SERIES_CTL,
	SERIES_ATL,
	SERIES_TSB,
};

static double series_value(const struct pmc_day *d, enum series which)
{
	return which == SERIES_CTL ? d->ctl : which == SERIES_ATL ? d->atl : d->tsb;
}

/* A series' line through each day's middle; one day is a dot. */
static void series_line(cairo_t *cr, const struct xaxis *ax, const struct yaxis *ay,
                        const struct pmc_day *days, size_t n, enum series which, struct rgb c,
                        double width)
{
	set_ink(cr, c);
	if (n == 1) {
		double v = series_value(&days[0], which);

		cairo_arc(cr, xaxis_x(ax, days[0].day + 0.5), yaxis_y(ay, v), width + 1.5, 0,
		          2 * M_PI);
		cairo_fill(cr);
		return;
	}
	cairo_set_line_width(cr, width);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	for (size_t i = 0; i < n; i++) {
		double v = series_value(&days[i], which);
		double x = xaxis_x(ax, days[i].day + 0.5), y = yaxis_y(ay, v);

		if (i == 0) {
			cairo_move_to(cr, x, y);
		} else {
			cairo_line_to(cr, x, y);
		}
	}
	cairo_stroke(cr);
}

/* Form shaded between its line and zero: fresh above, tired below. */
static void form_fill(cairo_t *cr, const struct xaxis *ax, const struct yaxis *ay,
                      const struct pmc_day *days, size_t n)
{
	double y_zero = yaxis_y(ay, 0);

	if (n < 2) {
		return;
	}
	cairo_move_to(cr, xaxis_x(ax, days[0].day + 0.5), y_zero);
	for (size_t i = 0; i < n; i++) {
		cairo_line_to(cr, xaxis_x(ax, days[i].day + 0.5), yaxis_y(ay, days[i].tsb));
	}
	cairo_line_to(cr, xaxis_x(ax, days[n - 1].day + 0.5), y_zero);
	cairo_close_path(cr);
	set_ink_alpha(cr, tsb_ink, 0.14);
	cairo_fill(cr);
}

/* Daily load as bars; when days are narrower than two pixels, the
 * highest load of each pixel column, so that ten years still show their
 * big days instead of a grey smear. */
static void load_bars(cairo_t *cr, const struct xaxis *ax, const struct yaxis *ay,
                      const struct pmc_day *days, size_t n)
{
	double px_per_day = (ax->x1 - ax->x0) / ax->span;
	double y0 = yaxis_y(ay, 0);

	set_ink(cr, load_ink);
	if (px_per_day >= 2) {
		double w = fmax(1, fmin(px_per_day * 0.55, 10));

		for (size_t i = 0; i < n; i++) {
			double x = xaxis_x(ax, days[i].day + 0.5);

			if (days[i].load > 0) {
				double y = yaxis_y(ay, days[i].load);

				cairo_rectangle(cr, x - w / 2, y, w, y0 - y);
			}
		}
		cairo_fill(cr);
		return;
	}
	{
		size_t n_cols = (size_t)ceil(ax->x1 - ax->x0) + 1;
		double *col = xcalloc(n_cols, sizeof(*col));

		for (size_t i = 0; i < n; i++) {
			double x = xaxis_x(ax, days[i].day + 0.5) - ax->x0;
			size_t k = x <= 0 ? 0 : (size_t)x;

			if (k < n_cols && days[i].load > col[k]) {
				col[k] = days[i].load;
			}
		}
		for (size_t k = 0; k < n_cols; k++) {
			if (col[k] > 0) {
				double y = yaxis_y(ay, col[k]);

				cairo_rectangle(cr, ax->x0 + (double)k, y, 1, y0 - y);
			}
		}
		cairo_fill(cr);
		free(col);
	}
}

/* A placed race label, to keep the next ones off it. */
struct placed {
	double x0, x1;
	int row;
};

#define RACE_ROWS 3
#define RACE_ROW  16.0

/* Race lines over both panels, then their labels in up to RACE_ROWS rows
 * at the top, A races placed first; a label with no room is left out
 * (its line stays). */
static void race_marks(cairo_t *cr, const struct xaxis *ax, const struct chart_race *races,
                       size_t n, double top, double bottom)
{
	static const double dash[] = { 5, 3 };
	struct placed *placed = xcalloc(n ? n : 1, sizeof(*placed));
	size_t n_placed = 0;
	int32_t last = ax->first + ax->span - 1;

	for (size_t i = 0; i < n; i++) {
		const struct chart_race *r = &races[i];
		double x = xaxis_x(ax, r->day + 0.5);

		if (r->day < ax->first || r->day > last) {
			continue;
		}
		if (r->priority == RACE_A) {
			set_ink(cr, race_a_ink);
			cairo_set_line_width(cr, 2);
			cairo_move_to(cr, x, top);
			cairo_line_to(cr, x, bottom);
			cairo_stroke(cr);
		} else {
			set_ink_alpha(cr, race_ink, r->priority == RACE_B ? 0.9 : 0.6);
			cairo_set_line_width(cr, 1.2);
			cairo_set_dash(cr, dash, 2, 0);
			vline(cr, x, top, bottom);
			cairo_set_dash(cr, NULL, 0, 0);
		}
	}
	for (int pri = RACE_A; pri < RACE_PRIORITY_COUNT; pri++) {
		for (size_t i = 0; i < n; i++) {
			const struct chart_race *r = &races[i];
			double x = xaxis_x(ax, r->day + 0.5), w, lx;
			int row;

			if ((int)r->priority != pri || r->day < ax->first || r->day > last ||
			    !r->label || !*r->label) {
				continue;
			}
			set_font(cr, FONT_SMALL + 0.5, r->priority == RACE_A);
			w = text_width(cr, r->label) + 6;
			lx = x + 3;
			if (lx + w > ax->x1 + 20) {
				lx = x - 3 - w;
			}
			for (row = 0; row < RACE_ROWS; row++) {
				bool free_row = true;

				for (size_t k = 0; k < n_placed; k++) {
					if (placed[k].row == row && lx < placed[k].x1 + 4 &&
					    lx + w > placed[k].x0 - 4) {
						free_row = false;
						break;
					}
				}
				if (free_row) {
					break;
				}
			}
			if (row == RACE_ROWS || lx < 2) {
				continue;
			}
			placed[n_placed++] = (struct placed){ lx, lx + w, row };
			cairo_set_source_rgba(cr, 1, 1, 1, 0.88);
			cairo_rectangle(cr, lx, top + 3 + row * RACE_ROW, w, RACE_ROW - 2);
			cairo_fill(cr);
			set_ink(cr, r->priority == RACE_A ? race_a_ink : race_ink);
			text_at(cr, lx + 3, top + 3 + row * RACE_ROW + 11, r->label, 0);
		}
	}
	free(placed);
}

/* Whether any race falls inside the chart. */
static bool races_inside(const struct load_ctx *c, int *have_a, int *have_other)
{
	int32_t first = c->days[0].day, last = c->days[c->n_days - 1].day;

	*have_a = *have_other = 0;
	for (size_t i = 0; i < c->n_races; i++) {
		if (c->races[i].day >= first && c->races[i].day <= last) {
			*(c->races[i].priority == RACE_A ? have_a : have_other) = 1;
		}
	}
	return *have_a || *have_other;
}

static void legend_value(struct strbuf *sb, const char *name, double v, bool sign)
{
	strbuf_reset(sb);
	strbuf_addf(sb, "%s ", name);
	if (sign && lround(v) > 0) {
		strbuf_addch(sb, '+');
	}
	format_value(sb, v, 0);
}

static void draw_load(struct page *p, const void *ctx)
{
	const struct load_ctx *c = ctx;
	cairo_t *cr = p->cr;
	struct strbuf sb = STRBUF_INIT, range = STRBUF_INIT;
	char d0[DATE_ISO_LEN], d1[DATE_ISO_LEN];
	const struct pmc_day *end;
	struct xaxis ax;
	struct yaxis top_ax, load_ax;
	double lo = 0, hi = 0, max_load = 0, gap = 24, load_h, top_bottom;
	int have_a, have_other;
	bool any_race;

	if (c->n_days == 0) {
		page_begin(p, "Fitness, fatigue and form", "");
		page_no_data(p, "no data");
		return;
	}
	end = &c->days[c->n_days - 1];
	date_format(c->days[0].day, d0);
	date_format(end->day, d1);
	if (c->n_days == 1) {
		strbuf_addf(&range, "%s", d0);
	} else {
		strbuf_addf(&range, "%s to %s", d0, d1);
	}
	page_begin(p, "Fitness, fatigue and form", range.buf);

	legend_value(&sb, "Fitness (CTL)", end->ctl, false);
	legend_add(p, SWATCH_THICK, ctl_ink, sb.buf);
	legend_value(&sb, "Fatigue (ATL)", end->atl, false);
	legend_add(p, SWATCH_LINE, atl_ink, sb.buf);
	legend_value(&sb, "Form (TSB)", end->tsb, true);
	legend_add(p, SWATCH_LINE, tsb_ink, sb.buf);
	legend_add(p, SWATCH_BOX, load_ink, "Daily load");
	any_race = races_inside(c, &have_a, &have_other);
	if (have_a) {
		legend_add(p, SWATCH_THICK, race_a_ink, "A race");
	}
	if (have_other) {
		legend_add(p, SWATCH_DASH, race_ink, "B/C race");
	}

	for (size_t i = 0; i < c->n_days; i++) {
		const struct pmc_day *d = &c->days[i];

		lo = fmin(lo, fmin(d->tsb, fmin(d->ctl, d->atl)));
		hi = fmax(hi, fmax(d->tsb, fmax(d->ctl, d->atl)));
		max_load = fmax(max_load, d->load);
	}
	ax = (struct xaxis){ c->days[0].day, end->day - c->days[0].day + 1, p->left, p->right };
	load_h = floor((p->bottom - p->top - gap) * 0.24);
	top_bottom = p->bottom - load_h - gap;
	/* Keep the race labels' rows clear of the lines. */
	if (any_race) {
		double frac = (RACE_ROWS * RACE_ROW + 6) / (top_bottom - p->top);

		hi = lo + (fmax(hi - lo, 10)) / (1 - fmin(frac, 0.5));
	}
	yaxis_fit(&top_ax, lo, hi, 10, 5, top_bottom, p->top);
	yaxis_fit(&load_ax, 0, max_load, 10, 2, p->bottom, p->bottom - load_h);

	yaxis_draw(cr, &top_ax, ax.x0, ax.x1);
	yaxis_draw(cr, &load_ax, ax.x0, ax.x1);
	xaxis_draw(cr, &ax, p->top, p->bottom);
	set_ink(cr, axis_ink);
	cairo_set_line_width(cr, 1);
	hline(cr, ax.x0, ax.x1, top_bottom);

	/* The load panel's name, in the gap above it. */
	set_font(cr, FONT_SMALL, false);
	set_ink(cr, muted);
	text_at(cr, ax.x0 + 4, p->bottom - load_h - 8, "load per day", 0);

	cairo_save(cr);
	cairo_rectangle(cr, ax.x0, p->top, ax.x1 - ax.x0, top_bottom - p->top);
	cairo_clip(cr);
	form_fill(cr, &ax, &top_ax, c->days, c->n_days);
	/* Form's zero: above it fresh, below it tired. */
	set_ink(cr, muted);
	cairo_set_line_width(cr, 1);
	hline(cr, ax.x0, ax.x1, yaxis_y(&top_ax, 0));
	series_line(cr, &ax, &top_ax, c->days, c->n_days, SERIES_TSB, tsb_ink, 1.6);
	series_line(cr, &ax, &top_ax, c->days, c->n_days, SERIES_ATL, atl_ink, 1.6);
	series_line(cr, &ax, &top_ax, c->days, c->n_days, SERIES_CTL, ctl_ink, 2.6);
	cairo_restore(cr);

	load_bars(cr, &ax, &load_ax, c->days, c->n_days);
	if (max_load <= 0) {
		set_font(cr, FONT_SMALL, false);
		set_ink(cr, muted);
		text_at(cr, (ax.x0 + ax.x1) / 2, p->bottom - load_h / 2 + 4, "no load recorded",
		        0.5);
	}
	race_marks(cr, &ax, c->races, c->n_races, p->top, p->bottom);

	set_ink(cr, axis_ink);
	cairo_set_line_width(cr, 1);
	vline(cr, ax.x0, p->top, p->bottom);
	strbuf_release(&sb);
	strbuf_release(&range);
}

/* ---- the volume chart ---- */

struct volume_ctx {
	const struct volume_week *weeks;
	size_t n_weeks;
};

static void format_hours(struct strbuf *sb, double hours)
{
	strbuf_addf(sb, hours < 9.95 ? "%.1f" : "%.0f", hours);
}

static void draw_volume(struct page *p, const void *ctx)
{
	const struct volume_ctx *c = ctx;
	cairo_t *cr = p->cr;
	struct strbuf sb = STRBUF_INIT;
	char d0[DATE_ISO_LEN], d1[DATE_ISO_LEN];
	double total[SPORT_COUNT] = { 0 }, max_h = 0, px_per_week, gap;
	struct xaxis ax;
	struct yaxis ay;

	if (c->n_weeks == 0) {
		page_begin(p, "Weekly volume by sport", "");
		page_no_data(p, "no data");
		return;
	}
	date_format(c->weeks[0].monday, d0);
	date_format(c->weeks[c->n_weeks - 1].monday + 6, d1);
	strbuf_addf(&sb, "hours per week, %s to %s", d0, d1);
	page_begin(p, "Weekly volume by sport", sb.buf);

	for (size_t i = 0; i < c->n_weeks; i++) {
		for (int s = 0; s < SPORT_COUNT; s++) {
			total[s] += c->weeks[i].time_s[s];
		}
		max_h = fmax(max_h, c->weeks[i].time_s_all / 3600);
	}
	for (int s = 0; s < SPORT_COUNT; s++) {
		if (total[s] > 0) {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "%s ", sport_label[s]);
			format_hours(&sb, total[s] / 3600);
			strbuf_adds(&sb, " h");
			legend_add(p, SWATCH_BOX, sport_ink[s], sb.buf);
		}
	}

	ax = (struct xaxis){ c->weeks[0].monday, 7 * (int32_t)c->n_weeks, p->left, p->right };
	/* Room above the tallest bar for its total. */
	yaxis_fit(&ay, 0, max_h * 1.06, 1, 5, p->bottom, p->top);
	yaxis_draw(cr, &ay, ax.x0, ax.x1);
	xaxis_draw(cr, &ax, p->top, p->bottom);
	set_font(cr, FONT_SMALL, false);
	set_ink(cr, muted);
	text_at(cr, ax.x0 - 7, p->top - 6, "hours", 1);

	px_per_week = (ax.x1 - ax.x0) / (double)c->n_weeks;
	gap = px_per_week >= 6 ? fmin(px_per_week * 0.2, 14) : 0;
	for (size_t i = 0; i < c->n_weeks; i++) {
		const struct volume_week *w = &c->weeks[i];
		double x = xaxis_x(&ax, w->monday) + gap / 2, bw = px_per_week - gap;
		double base = 0;

		/* Bars without a gap meet on whole pixels: no seams between weeks. */
		if (gap == 0) {
			x = round(xaxis_x(&ax, w->monday));
			bw = fmax(1, round(xaxis_x(&ax, w->monday + 7)) - x);
		}

		for (int s = 0; s < SPORT_COUNT; s++) {
			double h = w->time_s[s] / 3600;
			double y_lo, y_hi;

			if (!(h > 0)) {
				continue;
			}
			y_lo = yaxis_y(&ay, base);
			y_hi = yaxis_y(&ay, base + h);
			set_ink(cr, sport_ink[s]);
			cairo_rectangle(cr, x, y_hi, bw, y_lo - y_hi);
			cairo_fill(cr);
			base += h;
		}
		if (base > 0 && bw >= 24) {
			strbuf_reset(&sb);
			format_hours(&sb, base);
			set_font(cr, FONT_SMALL, false);
			set_ink(cr, muted);
			text_at(cr, x + bw / 2, yaxis_y(&ay, base) - 4, sb.buf, 0.5);
		}
	}
	if (max_h <= 0) {
		set_font(cr, FONT_LEGEND, false);
		set_ink(cr, muted);
		text_at(cr, (ax.x0 + ax.x1) / 2, (p->top + p->bottom) / 2,
		        "no activities in these weeks", 0.5);
	}
	set_ink(cr, axis_ink);
	cairo_set_line_width(cr, 1);
	vline(cr, ax.x0, p->top, p->bottom);
	strbuf_release(&sb);
}

/* ---- an activity's traces ---- */

static const struct rgb pace_ink = { 0.16, 0.44, 0.73 };
static const struct rgb hr_ink = { 0.80, 0.14, 0.20 };
static const struct rgb elev_ink = { 0.38, 0.52, 0.30 };

/* Below this a runner has stopped: no pace is drawn there. */
#define TRACE_STOPPED_M_S 0.3
/* Plot units per bucket: each bucket averages the samples under it,
 * which smooths GPS noise and keeps the SVG small. */
#define TRACE_BUCKET_PX 2.0

static const char *const trace_names[CHART_TRACE_COUNT] = { "pace", "hr", "elevation" };
static const char *const trace_titles[CHART_TRACE_COUNT] = { "Pace", "Heart rate", "Elevation" };

const char *chart_trace_name(enum chart_trace t)
{
	return (unsigned)t < CHART_TRACE_COUNT ? trace_names[t] : "?";
}

bool chart_trace_parse(const char *word, enum chart_trace *out)
{
	for (int t = 0; t < CHART_TRACE_COUNT; t++) {
		if (strcmp(word, trace_names[t]) == 0) {
			*out = (enum chart_trace)t;
			return true;
		}
	}
	return false;
}

/* Whether the samples hold elapsed time and distance enough for a speed. */
static bool has_speed(const struct samples *s)
{
	return samples_has(s, SAMPLE_SPEED) ||
	       (samples_has(s, SAMPLE_TIME) && samples_has(s, SAMPLE_DISTANCE));
}

bool chart_activity_has(const struct samples *s, enum chart_trace t)
{
	switch (t) {
	case CHART_TRACE_PACE:
		return has_speed(s);
	case CHART_TRACE_HR:
		return samples_has(s, SAMPLE_HR);
	case CHART_TRACE_ELEVATION:
		return samples_has(s, SAMPLE_ALTITUDE);
	default:
		return false;
	}
}

/* How the trace's values read: pace (seconds per unit, faster drawn
 * higher), speed (units per hour), or a plain number. */
enum trace_kind {
	TRACE_PACE,
	TRACE_SPEED,
	TRACE_PLAIN,
};

struct trace_ctx {
	const struct activity *a;
	const struct samples *s;
	enum chart_trace trace;
	enum units units;
	bool by_distance;     /* x is distance, else minutes since the start */
	enum trace_kind kind; /* see above */
	double unit_m;        /* metres per distance unit of the pace or speed */
	double x_unit_m;      /* metres per distance unit of the x axis */
};

/* The speed at row i, metres per second: the device's, else from the
 * distance and time since the row before. */
static double row_speed(const struct samples *s, size_t i)
{
	double v = samples_get(s, i, SAMPLE_SPEED);

	if (isnan(v) && i > 0) {
		double dt = samples_get(s, i, SAMPLE_TIME) - samples_get(s, i - 1, SAMPLE_TIME);
		double dd =
		        samples_get(s, i, SAMPLE_DISTANCE) - samples_get(s, i - 1, SAMPLE_DISTANCE);

		v = dt > 0 && dd >= 0 ? dd / dt : (double)NAN;
	}
	return v;
}

/* The row's value in the units the trace is averaged in: speed in m/s
 * (turned into pace only after averaging), bpm, metres or feet. */
static double row_value(const struct trace_ctx *c, size_t i)
{
	switch (c->trace) {
	case CHART_TRACE_PACE:
		return row_speed(c->s, i);
	case CHART_TRACE_HR: {
		double v = samples_get(c->s, i, SAMPLE_HR);

		return v > 0 ? v : (double)NAN;
	}
	case CHART_TRACE_ELEVATION: {
		double v = samples_get(c->s, i, SAMPLE_ALTITUDE);

		return c->units == UNITS_MI ? v / 0.3048 : v;
	}
	default:
		return (double)NAN;
	}
}

/* The row's position along x, in the axis's units, NAN if unknown. */
static double row_x(const struct trace_ctx *c, size_t i, double t0)
{
	if (c->by_distance) {
		return samples_get(c->s, i, SAMPLE_DISTANCE) / c->x_unit_m;
	}
	return (samples_get(c->s, i, SAMPLE_TIME) - t0) / 60;
}

/* What a bucket's average speed is drawn as. */
static double shown_value(const struct trace_ctx *c, double v)
{
	if (c->trace != CHART_TRACE_PACE || isnan(v)) {
		return v;
	}
	if (v < TRACE_STOPPED_M_S) {
		return (double)NAN;
	}
	return c->kind == TRACE_PACE ? c->unit_m / v : v * 3600 / c->unit_m;
}

/* "5:30" for seconds. */
static void format_clock(struct strbuf *sb, double v, int decimals)
{
	long s = lround(v);

	(void)decimals;
	strbuf_addf(sb, "%ld:%02ld", s / 60, s % 60);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Bucket averages of the trace into ys[0..n) (NAN for an empty bucket)
 * over x from 0 to x_max. */
static void trace_buckets(const struct trace_ctx *c, double x_max, double *ys, size_t n)
{
	double *sum = xcalloc(n, sizeof(*sum));
	size_t *count = xcalloc(n, sizeof(*count));
	double t0 = samples_get(c->s, 0, SAMPLE_TIME);

	for (size_t i = 0; i < c->s->n; i++) {
		double x = row_x(c, i, t0), v = row_value(c, i);
		size_t b;

		if (isnan(x) || isnan(v) || x < 0) {
			continue;
		}
		b = x >= x_max ? n - 1 : (size_t)(x / x_max * (double)n);
		sum[b] += v;
		count[b]++;
	}
	for (size_t b = 0; b < n; b++) {
		ys[b] = shown_value(c, count[b] ? sum[b] / (double)count[b] : (double)NAN);
	}
	free(sum);
	free(count);
}

/* The furthest x of any row. */
static double trace_x_max(const struct trace_ctx *c)
{
	double t0 = samples_get(c->s, 0, SAMPLE_TIME), hi = 0;

	for (size_t i = 0; i < c->s->n; i++) {
		double x = row_x(c, i, t0);

		if (!isnan(x)) {
			hi = fmax(hi, x);
		}
	}
	return hi;
}

/* The numeric x axis: grid, ticks and labels at a nice step, the unit
 * at the right end. */
static void trace_xaxis(cairo_t *cr, const struct page *p, double x_max, const char *unit)
{
	struct strbuf sb = STRBUF_INIT;
	double step = nice_step(x_max, 8), last_right = -1e9;

	cairo_set_line_width(cr, 1);
	set_font(cr, FONT_AXIS, false);
	for (long i = 0; (double)i * step <= x_max + 1e-9; i++) {
		double v = (double)i * step;
		double x = p->left + v / x_max * (p->right - p->left);
		double w;

		set_ink(cr, grid);
		vline(cr, x, p->top, p->bottom);
		set_ink(cr, axis_ink);
		vline(cr, x, p->bottom, p->bottom + 6);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%.*f", step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9), v);
		w = text_width(cr, sb.buf);
		if (x - w / 2 > last_right + 8 && x + w / 2 <= p->right + 20) {
			set_ink(cr, muted);
			text_at(cr, x, p->bottom + 19, sb.buf, 0.5);
			last_right = x + w / 2;
		}
	}
	set_font(cr, FONT_SMALL, false);
	set_ink(cr, muted);
	text_at(cr, p->right, p->bottom + 34, unit, 1);
	set_ink(cr, axis_ink);
	hline(cr, p->left, p->right, p->bottom);
	vline(cr, p->left, p->top, p->bottom);
	strbuf_release(&sb);
}

/* Steps for a pace axis, in seconds: the clock's own. */
static double pace_step(double range)
{
	static const double steps[] = { 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800 };

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (range / steps[i] <= 6) {
			return steps[i];
		}
	}
	return 3600;
}

/* The unit label of the value axis. */
static const char *trace_unit(const struct trace_ctx *c)
{
	bool mi = c->units == UNITS_MI;

	switch (c->trace) {
	case CHART_TRACE_PACE:
		if (c->kind == TRACE_PACE) {
			return c->unit_m == 100 ? "/100m" : mi ? "/mi" : "/km";
		}
		return mi ? "mph" : "km/h";
	case CHART_TRACE_HR:
		return "bpm";
	default:
		return mi ? "ft" : "m";
	}
}

/* "Sat 2026-11-21, run, 9.01 km": which activity this is. */
static void trace_subtitle(struct strbuf *sb, const struct trace_ctx *c)
{
	char day[DATE_ISO_LEN];

	if (c->a->date != DATE_NONE) {
		date_format(c->a->date, day);
		strbuf_addf(sb, "%s %s, ", date_weekday_abbr(date_weekday(c->a->date)), day);
	}
	strbuf_adds(sb, sport_name(c->a->sport));
	if (!isnan(c->a->distance_m) && c->a->distance_m > 0) {
		strbuf_adds(sb, ", ");
		units_add_distance(sb, c->a->distance_m, c->units);
	}
}

/* The legend's one entry: the activity's own figures where it has them
 * (the device's average and maximum beat a smoothed line's), else the
 * drawn values' (sorted[0..n)). */
static void trace_legend(struct strbuf *sb, const struct trace_ctx *c, const double *sorted,
                         size_t n)
{
	const struct activity *a = c->a;

	switch (c->trace) {
	case CHART_TRACE_PACE:
		if (c->kind == TRACE_PACE) {
			strbuf_adds(sb, "fastest ");
			format_clock(sb, sorted[0], 0);
		} else {
			strbuf_addf(sb, "fastest %.1f", sorted[n - 1]);
		}
		strbuf_addf(sb, " %s", trace_unit(c));
		break;
	case CHART_TRACE_HR:
		strbuf_addf(sb, "average %d bpm, max %d bpm",
		            a->hr_avg ? a->hr_avg : (int)lround(sorted[n / 2]),
		            a->hr_max ? a->hr_max : (int)lround(sorted[n - 1]));
		break;
	default:
		strbuf_addf(sb, "lowest %.0f %s, highest %.0f %s", sorted[0], trace_unit(c),
		            sorted[n - 1], trace_unit(c));
		if (!isnan(a->ascent_m)) {
			strbuf_addf(sb, ", climb %.0f %s",
			            c->units == UNITS_MI ? a->ascent_m / 0.3048 : a->ascent_m,
			            trace_unit(c));
		}
		break;
	}
}

static void draw_trace(struct page *p, const void *ctx)
{
	const struct trace_ctx *c = ctx;
	cairo_t *cr = p->cr;
	struct strbuf sb = STRBUF_INIT;
	struct rgb col = c->trace == CHART_TRACE_PACE ? pace_ink
	                 : c->trace == CHART_TRACE_HR ? hr_ink
	                                              : elev_ink;
	double x_max, lo, hi, *ys, *sorted;
	size_t n, n_vals = 0;
	struct yaxis ay;
	bool pen = false;
	const char *title = c->kind == TRACE_SPEED ? "Speed" : trace_titles[c->trace];

	trace_subtitle(&sb, c);
	p->bottom -= 14; /* room for the unit under the x axis */
	x_max = c->s->n && chart_activity_has(c->s, c->trace) ? trace_x_max(c) : 0;
	if (!(x_max > 0)) {
		page_begin(p, title, sb.buf);
		page_no_data(p, "no data");
		strbuf_release(&sb);
		return;
	}
	page_begin(p, title, sb.buf);
	n = (size_t)fmax(8, (p->right - p->left) / TRACE_BUCKET_PX);
	ys = xcalloc(n, sizeof(*ys));
	sorted = xcalloc(n, sizeof(*sorted));
	trace_buckets(c, x_max, ys, n);
	for (size_t b = 0; b < n; b++) {
		if (!isnan(ys[b])) {
			sorted[n_vals++] = ys[b];
		}
	}
	if (n_vals == 0) {
		page_no_data(p, "no data");
		goto done;
	}
	qsort(sorted, n_vals, sizeof(*sorted), cmp_double);
	lo = sorted[0];
	hi = sorted[n_vals - 1];
	if (c->kind == TRACE_PACE) {
		/* a walk break or a stop at a light would squash the rest:
		 * the slowest twentieth runs off the bottom */
		hi = sorted[(n_vals - 1) * 95 / 100];
	}
	strbuf_reset(&sb);
	trace_legend(&sb, c, sorted, n_vals);
	legend_add(p, SWATCH_THICK, col, sb.buf);

	if (c->kind == TRACE_PACE) {
		double step = pace_step(hi - lo);

		/* faster is higher: the axis runs from lo at the top */
		ay.step = step;
		ay.lo = floor(lo / step) * step;
		ay.hi = fmax(ceil(hi / step) * step, ay.lo + step);
		ay.decimals = 0;
		ay.y0 = p->top;
		ay.y1 = p->bottom;
		yaxis_draw_with(cr, &ay, p->left, p->right, format_clock);
	} else {
		double min_range = c->trace == CHART_TRACE_ELEVATION ? 20 : 10;

		yaxis_fit(&ay, lo, hi, min_range, 5, p->bottom, p->top);
		yaxis_draw(cr, &ay, p->left, p->right);
	}
	set_font(cr, FONT_SMALL, false);
	set_ink(cr, muted);
	text_at(cr, p->left - 7, p->top - 11, trace_unit(c), 1);
	trace_xaxis(cr, p, x_max,
	            c->by_distance ? (c->units == UNITS_MI ? "mi" : "km") : "minutes");

	cairo_save(cr);
	cairo_rectangle(cr, p->left, p->top, p->right - p->left, p->bottom - p->top);
	cairo_clip(cr);
	if (c->trace == CHART_TRACE_ELEVATION) {
		/* the ground under the line, filled, reads as a profile */
		double base = yaxis_y(&ay, ay.lo);

		for (size_t b = 0; b < n; b++) {
			double x = p->left + ((double)b + 0.5) / (double)n * (p->right - p->left);

			if (isnan(ys[b])) {
				continue;
			}
			if (!pen) {
				cairo_move_to(cr, x, base);
				pen = true;
			}
			cairo_line_to(cr, x, yaxis_y(&ay, ys[b]));
			if (b + 1 == n || isnan(ys[b + 1])) {
				cairo_line_to(cr, x, base);
				cairo_close_path(cr);
				pen = false;
			}
		}
		set_ink_alpha(cr, col, 0.25);
		cairo_fill(cr);
		pen = false;
	}
	for (size_t b = 0; b < n; b++) {
		double x = p->left + ((double)b + 0.5) / (double)n * (p->right - p->left);

		if (isnan(ys[b])) {
			pen = false;
			continue;
		}
		if (pen) {
			cairo_line_to(cr, x, yaxis_y(&ay, ys[b]));
		} else {
			cairo_move_to(cr, x, yaxis_y(&ay, ys[b]));
			pen = true;
		}
	}
	set_ink(cr, col);
	cairo_set_line_width(cr, 2);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_stroke(cr);
	cairo_restore(cr);
done:
	free(ys);
	free(sorted);
	strbuf_release(&sb);
}

/*
 * Fontconfig (through cairo's toy text) keeps patterns in caches that it
 * never frees, not even after cairo_debug_reset_static_data and FcFini
 * (fontconfig 2.13), so LeakSanitizer reports them at the exit of every
 * program that drew text. They are fontconfig's and bounded; this hook,
 * read only by LeakSanitizer, names them so that a leak of knead's own
 * still fails the sanitizer run.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* ---- formats and output ---- */

static const char *const format_names[CHART_FORMAT_COUNT] = { "png", "svg", "pdf" };
static const char *const format_mimes[CHART_FORMAT_COUNT] = { "image/png", "image/svg+xml",
	                                                      "application/pdf" };

void chart_spec_init(struct chart_spec *spec, enum chart_format format)
{
	spec->format = format;
	spec->width = CHART_WIDTH;
	spec->height = CHART_HEIGHT;
}

const char *chart_format_name(enum chart_format f)
{
	return (unsigned)f < CHART_FORMAT_COUNT ? format_names[f] : "?";
}

const char *chart_format_mime(enum chart_format f)
{
	return (unsigned)f < CHART_FORMAT_COUNT ? format_mimes[f] : "application/octet-stream";
}

enum err_code chart_format_from_path(const char *path, enum chart_format *out, struct err *err)
{
	const char *base = strrchr(path, '/');
	const char *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (!dot || dot == base) {
		return err_set(
		        err, ERR_INPUT,
		        "'%s' has no ending to choose the format: name it .png, .svg or .pdf",
		        path);
	}
	for (int f = 0; f < CHART_FORMAT_COUNT; f++) {
		if (strcasecmp(dot + 1, format_names[f]) == 0) {
			*out = (enum chart_format)f;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT, "'%s': charts are drawn as .png, .svg or .pdf, not '%s'",
	               path, dot);
}

static cairo_status_t write_bytes(void *closure, const unsigned char *data, unsigned int length)
{
	strbuf_add(closure, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* Put <title> and <desc> first inside cairo's <svg> element. */
static void svg_describe(struct strbuf *svg, const char *title, const char *desc)
{
	char *start = strstr(svg->buf, "<svg");
	char *gt = start ? strchr(start, '>') : NULL;
	struct strbuf out = STRBUF_INIT;
	size_t at;

	if (!gt) {
		return;
	}
	at = (size_t)(gt - svg->buf) + 1;
	strbuf_grow(&out, svg->len + strlen(title) + strlen(desc) + 64);
	strbuf_add(&out, svg->buf, at);
	strbuf_adds(&out, "\n<title>");
	strbuf_add_markup_escaped(&out, title);
	strbuf_adds(&out, "</title>\n<desc>");
	strbuf_add_markup_escaped(&out, desc);
	strbuf_adds(&out, "</desc>");
	strbuf_add(&out, svg->buf + at, svg->len - at);
	strbuf_release(svg);
	*svg = out;
}

/* Draw with draw(ctx) on the surface spec asks for and append the bytes
 * to out. title and desc name the chart inside SVG and PDF files. */
static enum err_code render(const struct chart_spec *spec,
                            void (*draw)(struct page *p, const void *ctx), const void *ctx,
                            const char *title, const char *desc, struct strbuf *out,
                            struct err *err)
{
	struct strbuf bytes = STRBUF_INIT;
	cairo_surface_t *surface;
	cairo_status_t st;
	cairo_t *cr;
	struct page p;

	if (spec->width < CHART_MIN_WIDTH || spec->height < CHART_MIN_HEIGHT ||
	    spec->width > CHART_MAX_SIDE || spec->height > CHART_MAX_SIDE) {
		return err_set(err, ERR_INPUT,
		               "a chart of %dx%d cannot be drawn: it takes %dx%d to %dx%d",
		               spec->width, spec->height, CHART_MIN_WIDTH, CHART_MIN_HEIGHT,
		               CHART_MAX_SIDE, CHART_MAX_SIDE);
	}
	switch (spec->format) {
	case CHART_PNG:
		surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, spec->width, spec->height);
		break;
	case CHART_SVG:
		surface = cairo_svg_surface_create_for_stream(write_bytes, &bytes, spec->width,
		                                              spec->height);
		cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX);
		break;
	case CHART_PDF:
		surface = cairo_pdf_surface_create_for_stream(write_bytes, &bytes, spec->width,
		                                              spec->height);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, desc);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "knead");
		break;
	default:
		return err_set(err, ERR_INPUT, "unknown chart format %d", (int)spec->format);
	}
	cr = cairo_create(surface);
	page_init(&p, cr, spec->width, spec->height);
	draw(&p, ctx);
	st = cairo_status(cr);
	cairo_destroy(cr);
	if (st == CAIRO_STATUS_SUCCESS && spec->format == CHART_PNG) {
		st = cairo_surface_write_to_png_stream(surface, write_bytes, &bytes);
	} else {
		cairo_surface_finish(surface);
	}
	if (st == CAIRO_STATUS_SUCCESS) {
		st = cairo_surface_status(surface);
	}
	cairo_surface_destroy(surface);
	if (st != CAIRO_STATUS_SUCCESS) {
		strbuf_release(&bytes);
		return err_set(err, ERR_IO, "drawing the chart failed: %s",
		               cairo_status_to_string(st));
	}
	if (spec->format == CHART_SVG) {
		svg_describe(&bytes, title, desc);
	}
	strbuf_add(out, bytes.buf, bytes.len);
	strbuf_release(&bytes);
	return ERR_OK;
}

enum err_code chart_load(const struct chart_spec *spec, const struct pmc_day *days, size_t n_days,
                         const struct chart_race *races, size_t n_races, struct strbuf *out,
                         struct err *err)
{
	struct load_ctx c = { days, n_days, races, n_races };
	struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
	char d0[DATE_ISO_LEN], d1[DATE_ISO_LEN];
	enum err_code rc;

	strbuf_adds(&title, "Fitness, fatigue and form");
	if (n_days == 0) {
		strbuf_adds(&desc, "No data.");
	} else {
		const struct pmc_day *end = &days[n_days - 1];
		bool first = true;

		date_format(days[0].day, d0);
		date_format(end->day, d1);
		strbuf_addf(&title, ", %s to %s", d0, d1);
		strbuf_addf(&desc,
		            "On %s: fitness (CTL) %.0f, fatigue (ATL) %.0f, form (TSB) %.0f.", d1,
		            end->ctl, end->atl, end->tsb);
		for (size_t i = 0; i < n_races; i++) {
			if (races[i].day < days[0].day || races[i].day > end->day) {
				continue;
			}
			date_format(races[i].day, d0);
			strbuf_adds(&desc, first ? " Races: " : "; ");
			strbuf_addf(&desc, "%s (%s, %s)", races[i].label ? races[i].label : "",
			            race_priority_name(races[i].priority), d0);
			first = false;
		}
		if (!first) {
			strbuf_addch(&desc, '.');
		}
	}
	rc = render(spec, draw_load, &c, title.buf, desc.buf, out, err);
	strbuf_release(&title);
	strbuf_release(&desc);
	return rc;
}

/* The label by a race's line: its name, and DNS or DNF when it was not
 * run through. */
static char *race_label(const struct race *r)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, r->name ? r->name : "");
	if (r->status == RACE_DNS || r->status == RACE_DNF) {
		strbuf_addf(&sb, " (%s)", r->status == RACE_DNS ? "DNS" : "DNF");
	}
	return strbuf_detach(&sb, NULL);
}

enum err_code chart_load_races(const struct chart_spec *spec, const struct pmc_day *days,
                               size_t n_days, const struct race *races, size_t n_races,
                               size_t *n_marked, struct strbuf *out, struct err *err)
{
	struct chart_race *marks = xcalloc(n_races + 1, sizeof(*marks));
	size_t n = 0;
	enum err_code rc;

	for (size_t i = 0; i < n_races; i++) {
		if (n_days && races[i].date >= days[0].day &&
		    races[i].date <= days[n_days - 1].day) {
			marks[n].day = races[i].date;
			marks[n].label = race_label(&races[i]);
			marks[n].priority = races[i].priority;
			n++;
		}
	}
	rc = chart_load(spec, days, n_days, marks, n, out, err);
	for (size_t i = 0; i < n; i++) {
		free((char *)marks[i].label);
	}
	free(marks);
	if (n_marked) {
		*n_marked = n;
	}
	return rc;
}

enum err_code chart_volume(const struct chart_spec *spec, const struct volume_week *weeks,
                           size_t n_weeks, struct strbuf *out, struct err *err)
{
	struct volume_ctx c = { weeks, n_weeks };
	struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
	char d0[DATE_ISO_LEN], d1[DATE_ISO_LEN];
	enum err_code rc;

	strbuf_adds(&title, "Weekly volume by sport");
	if (n_weeks == 0) {
		strbuf_adds(&desc, "No data.");
	} else {
		double total[SPORT_COUNT] = { 0 };
		bool first = true;

		date_format(weeks[0].monday, d0);
		date_format(weeks[n_weeks - 1].monday + 6, d1);
		strbuf_addf(&title, ", %s to %s", d0, d1);
		strbuf_addf(&desc, "Hours over %zu week%s", n_weeks, n_weeks == 1 ? "" : "s");
		for (size_t i = 0; i < n_weeks; i++) {
			for (int s = 0; s < SPORT_COUNT; s++) {
				total[s] += weeks[i].time_s[s];
			}
		}
		for (int s = 0; s < SPORT_COUNT; s++) {
			if (total[s] > 0) {
				strbuf_addf(&desc, "%s %s %.1f", first ? ":" : ",", sport_name(s),
				            total[s] / 3600);
				first = false;
			}
		}
		strbuf_adds(&desc, first ? ": none." : ".");
	}
	rc = render(spec, draw_volume, &c, title.buf, desc.buf, out, err);
	strbuf_release(&title);
	strbuf_release(&desc);
	return rc;
}

enum err_code chart_activity(const struct chart_spec *spec, const struct activity *a,
                             const struct samples *s, enum chart_trace trace, enum units u,
                             struct strbuf *out, struct err *err)
{
	struct trace_ctx c = {
		a, s, trace, u, false, TRACE_PLAIN, units_metres(u), units_metres(u)
	};
	struct strbuf title = STRBUF_INIT, desc = STRBUF_INIT;
	double last_distance = (double)NAN;
	enum err_code rc;

	if ((unsigned)trace >= CHART_TRACE_COUNT) {
		return err_set(err, ERR_INPUT, "unknown activity chart %d", (int)trace);
	}
	for (size_t i = s->n; i-- > 0 && isnan(last_distance);) {
		last_distance = samples_get(s, i, SAMPLE_DISTANCE);
	}
	/* distance when the samples counted it, else time (a treadmill run
	 * without a foot pod, a gym session with a heart rate strap) */
	c.by_distance = last_distance > 0;
	if (trace == CHART_TRACE_PACE) {
		switch (sport_pace(a->sport)) {
		case SPORT_PACE_FOOT:
			c.kind = TRACE_PACE;
			break;
		case SPORT_PACE_SWIM:
			c.kind = TRACE_PACE;
			c.unit_m = 100;
			break;
		default:
			c.kind = TRACE_SPEED;
			break;
		}
	}
	strbuf_adds(&title, trace_titles[trace]);
	if (trace == CHART_TRACE_PACE && c.kind == TRACE_SPEED) {
		strbuf_reset(&title);
		strbuf_adds(&title, "Speed");
	}
	strbuf_adds(&title, c.by_distance ? " over distance" : " over time");
	strbuf_adds(&desc, "Activity: ");
	trace_subtitle(&desc, &c);
	strbuf_addf(&desc, ". %zu samples%s.", s->n,
	            chart_activity_has(s, trace) ? "" : ", none with this measure");
	rc = render(spec, draw_trace, &c, title.buf, desc.buf, out, err);
	strbuf_release(&title);
	strbuf_release(&desc);
	return rc;
}

/* Whether text[0..len) at i starts with word. */
static bool starts_at(const char *text, size_t len, size_t i, const char *word)
{
	size_t n = strlen(word);

	return len - i >= n && !memcmp(text + i, word, n);
}

void chart_svg_inline(const char *svg, size_t len, const char *id_prefix, struct strbuf *out)
{
	/* Where an id is named: after these, the prefix goes in. */
	static const char *const refs[] = { "id=\"", "href=\"#", "url(#" };
	size_t i = 0;

	for (const char *p = id_prefix; *p; p++) {
		if (!isalnum((unsigned char)*p) && *p != '-') {
			BUG("chart_svg_inline: bad prefix \"%s\"", id_prefix);
		}
	}
	if (starts_at(svg, len, 0, "<?xml")) {
		while (i < len && !starts_at(svg, len, i, "?>")) {
			i++;
		}
		i = i < len ? i + 2 : 0;
		while (i < len && (svg[i] == '\n' || svg[i] == '\r')) {
			i++;
		}
	}
	if (starts_at(svg, len, i, "<svg ")) {
		strbuf_adds(out, "<svg class=\"chart\" role=\"img\" ");
		i += strlen("<svg ");
	}
	while (i < len) {
		bool hit = false;

		for (size_t r = 0; r < sizeof(refs) / sizeof(refs[0]); r++) {
			if (starts_at(svg, len, i, refs[r])) {
				strbuf_adds(out, refs[r]);
				strbuf_adds(out, id_prefix);
				i += strlen(refs[r]);
				hit = true;
				break;
			}
		}
		if (!hit) {
			strbuf_addch(out, svg[i++]);
		}
	}
}
