/*
 * test_route.c: an activity's route as SVG: a square block looks square
 * (longitude scaled by the cosine of the latitude), fixes at 0,0 are left
 * out, a long track is thinned to ROUTE_MAX_POINTS, fewer than two
 * positions draw nothing, and the title is escaped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "render/route.h"

static void add(struct samples *s, double lat, double lon)
{
	size_t row = samples_add_row(s);

	samples_set(s, row, SAMPLE_LAT, lat);
	samples_set(s, row, SAMPLE_LON, lon);
}

/* The viewBox's width and height. */
static void view_box(const char *svg, double *w, double *h)
{
	const char *v = strstr(svg, "viewBox=\"");
	double x, y;

	assert_non_null(v);
	assert_int_equal(sscanf(v, "viewBox=\"%lf %lf %lf %lf\"", &x, &y, w, h), 4);
}

/* A square 1 km a side at 60 degrees north is twice as many degrees of
 * longitude as of latitude: drawn square all the same. */
static void test_square_block_looks_square(void **state)
{
	struct samples s;
	struct strbuf out = STRBUF_INIT;
	double dlat = 1000.0 / 111195.0, dlon = 2 * dlat, w, h;

	(void)state;
	samples_init(&s);
	add(&s, 0, 0); /* before the fix */
	add(&s, 60, 10);
	add(&s, 60 + dlat, 10);
	add(&s, 60 + dlat, 10 + dlon);
	add(&s, 60, 10 + dlon);
	add(&s, 60, 10);
	assert_int_equal(route_positions(&s), 5);
	assert_int_equal(route_svg(&s, "Run <b>", &out), 5);
	view_box(out.buf, &w, &h);
	assert_true(w == ROUTE_WIDTH);
	/* square but for the margins, within a few percent */
	assert_true(h > 0.9 * w && h < 1.1 * w);
	assert_non_null(strstr(out.buf, "<svg id=\"route\" class=\"route\""));
	assert_non_null(strstr(out.buf, "route-start"));
	assert_non_null(strstr(out.buf, "route-finish"));
	assert_non_null(strstr(out.buf, "Run &lt;b&gt;"));
	assert_null(strstr(out.buf, "<b>"));
	strbuf_release(&out);
	samples_release(&s);
}

static void test_long_track_is_thinned(void **state)
{
	struct samples s;
	struct strbuf out = STRBUF_INIT;
	const char *p;
	size_t pairs = 0;

	(void)state;
	samples_init(&s);
	for (int i = 0; i < 10000; i++) {
		add(&s, 45 + i * 1e-5, 7 + (i % 100) * 1e-5);
	}
	assert_true(route_svg(&s, "long", &out) <= ROUTE_MAX_POINTS);
	p = strstr(out.buf, "points=\"");
	assert_non_null(p);
	for (p += strlen("points=\""); *p && *p != '"'; p++) {
		pairs += *p == ',';
	}
	assert_true(pairs >= 2 && pairs <= ROUTE_MAX_POINTS);
	strbuf_release(&out);
	samples_release(&s);
}

static void test_too_few_positions_draw_nothing(void **state)
{
	struct samples s;
	struct strbuf out = STRBUF_INIT;

	(void)state;
	samples_init(&s);
	assert_int_equal(route_svg(&s, "none", &out), 0);
	add(&s, 0, 0);
	add(&s, 51.5, -0.1);
	assert_int_equal(route_positions(&s), 1);
	assert_int_equal(route_svg(&s, "one", &out), 0);
	assert_int_equal(out.len, 0);
	strbuf_release(&out);
	samples_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_square_block_looks_square),
		cmocka_unit_test(test_long_track_is_thinned),
		cmocka_unit_test(test_too_few_positions_draw_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
