/*
 * test_chart.c: the training charts (render/chart.h).
 *
 * Each format is checked as a file another program can read: PNG by its
 * signature and header and by decoding it again with cairo, SVG by parsing
 * it with expat, PDF by its header and trailer. What a chart shows is
 * checked by colour: the pixels of a race's red or a sport's colour are
 * there when the data has them and absent when it does not.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cmocka.h>
#include <expat.h>
#include <math.h>

#include "analysis/pmc.h"
#include "analysis/volume.h"
#include "base/date.h"
#include "render/chart.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* 2026-03-02, a Monday. */
static const int32_t D0 = 20514;

/* ---- inputs ---- */

/* n days from D0 of a steady week: rest Monday, 60 most days, 150 Sunday. */
static struct pmc_day *make_days(size_t n, double scale)
{
	double *loads = calloc(n ? n : 1, sizeof(*loads));
	struct pmc_day *days = calloc(n ? n : 1, sizeof(*days));

	assert_non_null(loads);
	assert_non_null(days);
	for (size_t i = 0; i < n; i++) {
		size_t wd = i % 7;

		loads[i] = scale * (wd == 0 ? 0 : wd == 6 ? 150 : 60);
	}
	pmc_compute(loads, n, D0, NULL, days);
	free(loads);
	return days;
}

/* n weeks from D0 of running (5 h), with an hour of cycling if bike. */
static struct volume_week *make_weeks(size_t n, bool bike)
{
	struct volume_week *w = calloc(n ? n : 1, sizeof(*w));

	assert_non_null(w);
	for (size_t i = 0; i < n; i++) {
		w[i].monday = D0 + 7 * (int32_t)i;
		w[i].count[SPORT_RUN] = 4;
		w[i].time_s[SPORT_RUN] = 5 * 3600.0;
		w[i].distance_m[SPORT_RUN] = 50000;
		if (bike) {
			w[i].count[SPORT_BIKE] = 1;
			w[i].time_s[SPORT_BIKE] = 3600;
		}
		w[i].time_s_all = w[i].time_s[SPORT_RUN] + w[i].time_s[SPORT_BIKE];
		w[i].run_distance_m = 50000;
		w[i].time_change = (double)NAN;
		w[i].run_distance_change = (double)NAN;
	}
	return w;
}

/* ---- reading the output back ---- */

static uint32_t be32(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	return (uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3];
}

/* The PNG signature, then IHDR first with the asked size. */
static void check_png_header(const struct strbuf *png, int width, int height)
{
	static const char sig[8] = { '\x89', 'P', 'N', 'G', '\r', '\n', '\x1a', '\n' };

	assert_true(png->len > 33);
	assert_memory_equal(png->buf, sig, 8);
	assert_int_equal(be32(png->buf + 8), 13);
	assert_memory_equal(png->buf + 12, "IHDR", 4);
	assert_int_equal(be32(png->buf + 16), (uint32_t)width);
	assert_int_equal(be32(png->buf + 20), (uint32_t)height);
}

struct reader {
	const struct strbuf *sb;
	size_t at;
};

static cairo_status_t read_bytes(void *closure, unsigned char *data, unsigned int length)
{
	struct reader *r = closure;

	if (r->sb->len - r->at < length) {
		return CAIRO_STATUS_READ_ERROR;
	}
	memcpy(data, r->sb->buf + r->at, length);
	r->at += length;
	return CAIRO_STATUS_SUCCESS;
}

/* Decode png with cairo (a second reader) and check its size. */
static cairo_surface_t *decode_png(const struct strbuf *png, int width, int height)
{
	struct reader r = { png, 0 };
	cairo_surface_t *img = cairo_image_surface_create_from_png_stream(read_bytes, &r);

	assert_int_equal(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
	assert_int_equal(cairo_image_surface_get_width(img), width);
	assert_int_equal(cairo_image_surface_get_height(img), height);
	return img;
}

/* Pixels within tol of the colour r, g, b (0..255). */
static size_t count_colour(cairo_surface_t *img, int r, int g, int b, int tol)
{
	unsigned char *data;
	int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
	int stride = cairo_image_surface_get_stride(img);
	size_t n = 0;

	cairo_surface_flush(img);
	data = cairo_image_surface_get_data(img);
	for (int y = 0; y < h; y++) {
		const uint32_t *row = (const uint32_t *)(const void *)(data + (size_t)y * stride);

		for (int x = 0; x < w; x++) {
			int pr = (int)(row[x] >> 16 & 0xff), pg = (int)(row[x] >> 8 & 0xff);
			int pb = (int)(row[x] & 0xff);

			if (abs(pr - r) <= tol && abs(pg - g) <= tol && abs(pb - b) <= tol) {
				n++;
			}
		}
	}
	return n;
}

/* Whether something was drawn: a title and a frame at least, more than
 * a thousand pixels that are not the white page. */
static bool has_ink(cairo_surface_t *img)
{
	size_t all = (size_t)cairo_image_surface_get_width(img) *
	             (size_t)cairo_image_surface_get_height(img);

	return all - count_colour(img, 255, 255, 255, 0) > 1000;
}

/* What expat saw in an SVG file. */
struct svg_seen {
	int depth;
	char root[16];
	bool in_title, in_desc;
	struct strbuf title, desc;
};

static void XMLCALL svg_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
	struct svg_seen *s = ud;

	(void)attrs;
	if (s->depth == 0) {
		snprintf(s->root, sizeof(s->root), "%s", name);
	}
	s->in_title = s->depth == 1 && strcmp(name, "title") == 0;
	s->in_desc = s->depth == 1 && strcmp(name, "desc") == 0;
	s->depth++;
}

static void XMLCALL svg_end(void *ud, const XML_Char *name)
{
	struct svg_seen *s = ud;

	(void)name;
	s->depth--;
	s->in_title = s->in_desc = false;
}

static void XMLCALL svg_text(void *ud, const XML_Char *text, int len)
{
	struct svg_seen *s = ud;

	if (s->in_title) {
		strbuf_add(&s->title, text, (size_t)len);
	} else if (s->in_desc) {
		strbuf_add(&s->desc, text, (size_t)len);
	}
}

/* Parse svg as XML (failing the test if it is not) into *seen. */
static void parse_svg(const struct strbuf *svg, struct svg_seen *seen)
{
	XML_Parser p = XML_ParserCreate("UTF-8");

	memset(seen, 0, sizeof(*seen));
	strbuf_init(&seen->title, 0);
	strbuf_init(&seen->desc, 0);
	XML_SetUserData(p, seen);
	XML_SetElementHandler(p, svg_start, svg_end);
	XML_SetCharacterDataHandler(p, svg_text);
	if (XML_Parse(p, svg->buf, (int)svg->len, 1) != XML_STATUS_OK) {
		fail_msg("SVG is not XML: %s at line %lu", XML_ErrorString(XML_GetErrorCode(p)),
		         (unsigned long)XML_GetCurrentLineNumber(p));
	}
	XML_ParserFree(p);
	assert_string_equal(seen->root, "svg");
	assert_int_equal(seen->depth, 0);
}

static void svg_seen_release(struct svg_seen *s)
{
	strbuf_release(&s->title);
	strbuf_release(&s->desc);
}

/* ---- tests ---- */

static void test_format_from_path(void **state)
{
	struct err err = ERR_INIT;
	enum chart_format f = CHART_FORMAT_COUNT;

	(void)state;
	assert_int_equal(chart_format_from_path("load.png", &f, &err), ERR_OK);
	assert_int_equal(f, CHART_PNG);
	assert_int_equal(chart_format_from_path("out/week.v2.svg", &f, &err), ERR_OK);
	assert_int_equal(f, CHART_SVG);
	assert_int_equal(chart_format_from_path("/tmp/LOAD.PDF", &f, &err), ERR_OK);
	assert_int_equal(f, CHART_PDF);
	assert_string_equal(chart_format_name(CHART_SVG), "svg");
	assert_string_equal(chart_format_mime(CHART_PNG), "image/png");
	assert_string_equal(chart_format_mime(CHART_PDF), "application/pdf");

	f = CHART_FORMAT_COUNT;
	assert_int_equal(chart_format_from_path("load.jpg", &f, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "'load.jpg'"));
	assert_non_null(strstr(err.msg, ".png, .svg or .pdf"));
	assert_int_equal(f, CHART_FORMAT_COUNT);
	assert_int_equal(chart_format_from_path("load", &f, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "no ending"));
	/* The ending is the file's, not a folder's. */
	assert_int_equal(chart_format_from_path("charts.png/load", &f, &err), ERR_INPUT);
	assert_int_equal(chart_format_from_path("load.png.tmp", &f, &err), ERR_INPUT);
	assert_int_equal(f, CHART_FORMAT_COUNT);
}

static void test_load_png(void **state)
{
	struct pmc_day *days = make_days(182, 1);
	struct chart_spec spec;
	struct strbuf out = STRBUF_INIT;
	struct err err = ERR_INIT;
	cairo_surface_t *img;

	(void)state;
	chart_spec_init(&spec, CHART_PNG);
	assert_int_equal(spec.width, CHART_WIDTH);
	assert_int_equal(spec.height, CHART_HEIGHT);
	assert_int_equal(chart_load(&spec, days, 182, NULL, 0, &out, &err), ERR_OK);
	check_png_header(&out, 1000, 500);
	assert_true(out.len > 10000);
	img = decode_png(&out, 1000, 500);
	assert_true(has_ink(img));
	cairo_surface_destroy(img);

	/* Another size, appended after what out held. */
	strbuf_reset(&out);
	strbuf_adds(&out, "xyz");
	spec.width = 640;
	spec.height = 360;
	assert_int_equal(chart_load(&spec, days, 182, NULL, 0, &out, &err), ERR_OK);
	assert_memory_equal(out.buf, "xyz", 3);
	{
		struct strbuf png = STRBUF_INIT;

		strbuf_add(&png, out.buf + 3, out.len - 3);
		check_png_header(&png, 640, 360);
		strbuf_release(&png);
	}
	strbuf_release(&out);
	free(days);
}

/* An A race puts its red on the chart (line and label); without it, or
 * with the race outside the days drawn, there is none of that red. */
static void test_load_race_marked(void **state)
{
	struct pmc_day *days = make_days(120, 1);
	struct chart_race inside[] = {
		{ D0 + 60, "Spring Marathon", RACE_A },
		{ D0 + 30, "Club 10k", RACE_C },
	};
	struct chart_race outside[] = { { D0 + 200, "Autumn Marathon", RACE_A } };
	struct chart_spec spec;
	struct strbuf out = STRBUF_INIT;
	struct err err = ERR_INIT;
	cairo_surface_t *img;

	(void)state;
	chart_spec_init(&spec, CHART_PNG);
	assert_int_equal(chart_load(&spec, days, 120, inside, N(inside), &out, &err), ERR_OK);
	img = decode_png(&out, 1000, 500);
	/* race_a_ink is (0.80, 0.10, 0.12): 204, 26, 31. */
	assert_true(count_colour(img, 204, 26, 31, 12) > 300);
	cairo_surface_destroy(img);

	strbuf_reset(&out);
	assert_int_equal(chart_load(&spec, days, 120, outside, N(outside), &out, &err), ERR_OK);
	img = decode_png(&out, 1000, 500);
	assert_int_equal(count_colour(img, 204, 26, 31, 12), 0);
	cairo_surface_destroy(img);

	strbuf_reset(&out);
	assert_int_equal(chart_load(&spec, days, 120, NULL, 0, &out, &err), ERR_OK);
	img = decode_png(&out, 1000, 500);
	assert_int_equal(count_colour(img, 204, 26, 31, 12), 0);
	cairo_surface_destroy(img);
	strbuf_release(&out);
	free(days);
}

static void test_load_svg(void **state)
{
	struct pmc_day *days = make_days(90, 1);
	struct chart_race races[] = {
		{ D0 + 40, "Bob & Sue's <10k>", RACE_B },
		{ D0 + 89, "Spring Half", RACE_A },
		{ D0 + 400, "Far Away", RACE_A },
	};
	struct chart_spec spec;
	struct strbuf out = STRBUF_INIT;
	struct err err = ERR_INIT;
	struct svg_seen seen;

	(void)state;
	chart_spec_init(&spec, CHART_SVG);
	assert_int_equal(chart_load(&spec, days, 90, races, N(races), &out, &err), ERR_OK);
	assert_true(strncmp(out.buf, "<?xml", 5) == 0 || strncmp(out.buf, "<svg", 4) == 0);
	assert_non_null(strstr(out.buf, "width=\"1000"));
	parse_svg(&out, &seen);
	assert_string_equal(seen.title.buf, "Fitness, fatigue and form, 2026-03-02 to 2026-05-30");
	assert_non_null(strstr(seen.desc.buf, "On 2026-05-30: fitness (CTL) "));
	assert_non_null(strstr(seen.desc.buf, "Bob & Sue's <10k> (B, 2026-04-11)"));
	assert_non_null(strstr(seen.desc.buf, "Spring Half (A, 2026-05-30)"));
	assert_null(strstr(seen.desc.buf, "Far Away"));
	svg_seen_release(&seen);
	strbuf_release(&out);
	free(days);
}

static void test_pdf(void **state)
{
	struct pmc_day *days = make_days(60, 1);
	struct volume_week *weeks = make_weeks(8, true);
	struct chart_spec spec;
	struct strbuf out = STRBUF_INIT;
	struct err err = ERR_INIT;

	(void)state;
	chart_spec_init(&spec, CHART_PDF);
	assert_int_equal(chart_load(&spec, days, 60, NULL, 0, &out, &err), ERR_OK);
	assert_memory_equal(out.buf, "%PDF-", 5);
	assert_non_null(strstr(out.buf + out.len - 16, "%%EOF"));
	assert_true(out.len > 2000);
	strbuf_reset(&out);
	assert_int_equal(chart_volume(&spec, weeks, 8, &out, &err), ERR_OK);
	assert_memory_equal(out.buf, "%PDF-", 5);
	strbuf_release(&out);
	free(days);
	free(weeks);
}

/* No days, one day, nothing but rest, ten years: each draws. */
static void test_load_edges(void **state)
{
	static const size_t sizes[] = { 0, 1, 2, 3653 };
	struct chart_spec spec;
	struct strbuf out = STRBUF_INIT;
	struct err err = ERR_INIT;

	(void)state;
	chart_spec_init(&spec, CHART_PNG);
	for (size_t i = 0; i < N(sizes); i++) {
		for (int zero = 0; zero <= 1; zero++) {
			struct pmc_day *days = make_days(sizes[i], zero ? 0 : 1);
			cairo_surface_t *img;

			strbuf_reset(&out);
			assert_int_equal(chart_load(&spec, days, sizes[i], NULL, 0, &out, &err),
			                 ERR_OK);
			check_png_header(&out, 1000, 500);
			img = decode_png(&out, 1000, 500);
			assert_true(has_ink(img));
			cairo_surface_destroy(img);
			free(days);
		}
	}

	/* The empty chart says so. */
	spec.format = CHART_SVG;
	strbuf_reset(&out);
	assert_int_equal(chart_load(&spec, NULL, 0, NULL, 0, &out, &err), ERR_OK);
	{
		struct svg_seen seen;

		parse_svg(&out, &seen);
		assert_string_equal(seen.title.buf, "Fitness, fatigue and form");
		assert_string_equal(seen.desc.buf, "No data.");
		svg_seen_release(&seen);
	}
	strbuf_release(&out);
}

/* Run is drawn in its blue; the bike's orange only when there is cycling. */
static void test_volume(void **state)
{
	struct volume_week *run = make_weeks(26, false), *both = make_weeks(26, true);
	struct chart_spec spec;
	struct strbuf out = STRBUF_INIT;
	struct err err = ERR_INIT;
	cairo_surface_t *img;
	struct svg_seen seen;

	(void)state;
	chart_spec_init(&spec, CHART_PNG);
	assert_int_equal(chart_volume(&spec, run, 26, &out, &err), ERR_OK);
	check_png_header(&out, 1000, 500);
	img = decode_png(&out, 1000, 500);
	/* Run (0.16, 0.44, 0.73) is 41, 112, 186; bike (0.94, 0.56, 0.16) 240, 143, 41. */
	assert_true(count_colour(img, 41, 112, 186, 3) > 10000);
	assert_int_equal(count_colour(img, 240, 143, 41, 3), 0);
	cairo_surface_destroy(img);

	strbuf_reset(&out);
	assert_int_equal(chart_volume(&spec, both, 26, &out, &err), ERR_OK);
	img = decode_png(&out, 1000, 500);
	assert_true(count_colour(img, 240, 143, 41, 3) > 2000);
	cairo_surface_destroy(img);

	spec.format = CHART_SVG;
	strbuf_reset(&out);
	assert_int_equal(chart_volume(&spec, both, 26, &out, &err), ERR_OK);
	parse_svg(&out, &seen);
	assert_string_equal(seen.title.buf, "Weekly volume by sport, 2026-03-02 to 2026-08-30");
	assert_string_equal(seen.desc.buf, "Hours over 26 weeks: run 130.0, bike 26.0.");
	svg_seen_release(&seen);
	strbuf_release(&out);
	free(run);
	free(both);
}

/* No weeks, one week, weeks with nothing logged, ten years: each draws. */
static void test_volume_edges(void **state)
{
	struct volume_week *weeks = make_weeks(522, true), empty[3];
	struct chart_spec spec;
	struct strbuf out = STRBUF_INIT;
	struct err err = ERR_INIT;
	cairo_surface_t *img;

	(void)state;
	memset(empty, 0, sizeof(empty));
	for (size_t i = 0; i < N(empty); i++) {
		empty[i].monday = D0 + 7 * (int32_t)i;
	}
	chart_spec_init(&spec, CHART_PNG);
	assert_int_equal(chart_volume(&spec, NULL, 0, &out, &err), ERR_OK);
	check_png_header(&out, 1000, 500);
	strbuf_reset(&out);
	assert_int_equal(chart_volume(&spec, weeks, 1, &out, &err), ERR_OK);
	check_png_header(&out, 1000, 500);
	strbuf_reset(&out);
	assert_int_equal(chart_volume(&spec, empty, N(empty), &out, &err), ERR_OK);
	img = decode_png(&out, 1000, 500);
	assert_true(has_ink(img));
	assert_int_equal(count_colour(img, 41, 112, 186, 3), 0);
	cairo_surface_destroy(img);
	strbuf_reset(&out);
	assert_int_equal(chart_volume(&spec, weeks, 522, &out, &err), ERR_OK);
	img = decode_png(&out, 1000, 500);
	assert_true(count_colour(img, 41, 112, 186, 40) > 10000);
	cairo_surface_destroy(img);
	strbuf_release(&out);
	free(weeks);
}

/* A size that cannot hold the chart is refused and out is untouched. */
static void test_size_refused(void **state)
{
	struct pmc_day *days = make_days(30, 1);
	struct chart_spec spec;
	struct strbuf out = STRBUF_INIT;
	struct err err = ERR_INIT;

	(void)state;
	chart_spec_init(&spec, CHART_PNG);
	strbuf_adds(&out, "kept");
	spec.width = 100;
	assert_int_equal(chart_load(&spec, days, 30, NULL, 0, &out, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "100x500"));
	assert_string_equal(out.buf, "kept");
	spec.width = CHART_WIDTH;
	spec.height = CHART_MAX_SIDE + 1;
	assert_int_equal(chart_volume(&spec, NULL, 0, &out, &err), ERR_INPUT);
	assert_string_equal(out.buf, "kept");
	strbuf_release(&out);
	free(days);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_from_path),
		cmocka_unit_test(test_load_png),
		cmocka_unit_test(test_load_race_marked),
		cmocka_unit_test(test_load_svg),
		cmocka_unit_test(test_pdf),
		cmocka_unit_test(test_load_edges),
		cmocka_unit_test(test_volume),
		cmocka_unit_test(test_volume_edges),
		cmocka_unit_test(test_size_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
