/*
 * chart.h: the training charts, drawn with cairo into memory.
 *
 * Three kinds: fitness, fatigue and form over time with the daily load
 * and the races marked (chart_load), weekly volume stacked by sport
 * (chart_volume), and one activity's pace, heart rate or elevation
 * (chart_activity). Each is drawn into a strbuf as PNG, SVG or PDF bytes, so
 * that the command line writes them to a file and the web app serves the
 * same bytes. The picture is the same in every format; PNG is in pixels,
 * SVG and PDF in points of the same number.
 *
 * Empty input still draws a chart (title, frame and "no data"): a page
 * that shows a chart should not have to special-case a new runner.
 *
 * SVG output carries a <title> and <desc> and PDF output a title, naming
 * the chart, its range and the races, for screen readers and search.
 */
#ifndef KNEAD_CHART_H
#define KNEAD_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/pmc.h"
#include "analysis/volume.h"
#include "base/err.h"
#include "base/strbuf.h"
#include "base/units.h"
#include "core/activity.h"
#include "core/race.h"
#include "core/recording.h"

/* The default size: readable on a laptop screen and in a page. */
#define CHART_WIDTH  1000
#define CHART_HEIGHT 500

/* The sizes a chart may be drawn at; smaller cannot hold the axes. */
#define CHART_MIN_WIDTH  320
#define CHART_MIN_HEIGHT 240
#define CHART_MAX_SIDE   8000

enum chart_format {
	CHART_PNG,
	CHART_SVG,
	CHART_PDF,
	CHART_FORMAT_COUNT
};

/* How to draw: the format and the size. */
struct chart_spec {
	enum chart_format format;
	int width;  /* pixels (PNG) or points (SVG, PDF) */
	int height; /* the same */
};

/* A race to mark on the load chart. Borrowed strings: render does not
 * know the store, so the caller makes these from its races. */
struct chart_race {
	int32_t day;                 /* race day (base/date.h) */
	const char *label;           /* what to write by the mark (borrowed) */
	enum race_priority priority; /* A races are drawn stronger */
};

/* Fill spec with format and the default size. */
void chart_spec_init(struct chart_spec *spec, enum chart_format format);

/* "png", "svg", "pdf"; and the media type for serving it ("image/png"). */
const char *chart_format_name(enum chart_format f);
const char *chart_format_mime(enum chart_format f);

/* The format a file name asks for by its ending (.png, .svg, .pdf in any
 * letter case). Any other ending, or none, is ERR_INPUT naming the file
 * and the endings that work. */
enum err_code chart_format_from_path(const char *path, enum chart_format *out, struct err *err);

/*
 * Draw fitness (CTL), fatigue (ATL) and form (TSB) as lines over the days
 * of days[0..n_days-1] (consecutive, oldest first, as pmc_compute gives
 * them), with each day's load as thin bars in a panel below and the races
 * among races[0..n_races-1] that fall inside those days marked by a
 * vertical line and their label. Appends the file's bytes to out; on
 * failure out is left as it was. A size outside CHART_MIN_* ..
 * CHART_MAX_SIDE is ERR_INPUT; a cairo failure is ERR_IO.
 */
enum err_code chart_load(const struct chart_spec *spec, const struct pmc_day *days, size_t n_days,
                         const struct chart_race *races, size_t n_races, struct strbuf *out,
                         struct err *err);

/*
 * chart_load with the races among races[0..n_races-1] that fall inside the
 * days marked, labelled by name (and DNS or DNF when a race was not run
 * through, since the line alone would suggest a race effort). *n_marked
 * (if not NULL) gets how many were marked.
 */
enum err_code chart_load_races(const struct chart_spec *spec, const struct pmc_day *days,
                               size_t n_days, const struct race *races, size_t n_races,
                               size_t *n_marked, struct strbuf *out, struct err *err);

/*
 * Draw weeks[0..n_weeks-1] (consecutive, oldest first, as volume_weeks
 * gives them) as bars of hours per week stacked by sport. Time rather than
 * distance because it is the one measure every sport has and adds up
 * fairly: a kilometre on a bike is not a kilometre run, and strength or
 * yoga has no distance. Appends to out as chart_load does.
 */
enum err_code chart_volume(const struct chart_spec *spec, const struct volume_week *weeks,
                           size_t n_weeks, struct strbuf *out, struct err *err);

/* The traces of one activity's samples. */
enum chart_trace {
	CHART_TRACE_PACE,      /* pace on foot and swimming, speed on wheels and skis */
	CHART_TRACE_HR,        /* heart rate */
	CHART_TRACE_ELEVATION, /* altitude, as a filled profile */
	CHART_TRACE_COUNT
};

/* "pace", "hr", "elevation"; and back (false for any other word). */
const char *chart_trace_name(enum chart_trace t);
bool chart_trace_parse(const char *word, enum chart_trace *out);

/* Whether samples s hold what trace draws (pace needs the device's speed,
 * or times and distances). */
bool chart_activity_has(const struct samples *s, enum chart_trace trace);

/*
 * Draw one trace of activity a's samples s over distance (in u's units,
 * when the samples counted distance) or else minutes since the start.
 * Samples are averaged over 2-unit columns of the plot, which smooths a
 * GPS pace and keeps the file small; pace is drawn with faster higher and
 * its slowest twentieth (stops) running off the bottom, speed for the
 * sports measured in it (sport_pace), elevation in metres (feet for
 * miles). Samples without the trace draw the "no data" chart. Appends to
 * out as chart_load does.
 */
enum err_code chart_activity(const struct chart_spec *spec, const struct activity *a,
                             const struct samples *s, enum chart_trace trace, enum units u,
                             struct strbuf *out, struct err *err);

/*
 * Append the SVG document svg (len bytes, as chart_* drew it) to out as an
 * element for an HTML page: the XML declaration dropped, class="chart"
 * and role="img" on the <svg>, and every id and reference to one (cairo
 * names its glyphs "glyph0-1" in every chart) prefixed with id_prefix, so
 * that several charts can share one page. id_prefix must be letters,
 * digits and '-' (a bug otherwise).
 */
void chart_svg_inline(const char *svg, size_t len, const char *id_prefix, struct strbuf *out);

#endif
