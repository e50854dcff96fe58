/*
 * test_bodymap.c: the body map's figures (render/bodymap.h), drawn over
 * the built-in region catalogue.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/datafile.h"
#include "render/bodymap.h"

static struct region_catalog cat = REGION_CATALOG_INIT;
static char config_dir[512];

static int group_setup(void **state)
{
	struct strbuf text = STRBUF_INIT, origin = STRBUF_INIT;
	struct err err = ERR_INIT;
	const char *tmp = getenv("TMPDIR");
	int rc = 0;

	(void)state;
	/* an empty config folder: the built-in catalogue, not the tester's */
	snprintf(config_dir, sizeof(config_dir), "%s/knead-bodymap-XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(config_dir) || setenv("XDG_CONFIG_HOME", config_dir, 1)) {
		return -1;
	}
	if (datafile_read("regions.ini", &text, &origin, &err) ||
	    region_catalog_parse(&cat, text.buf, origin.buf, &err)) {
		fprintf(stderr, "setup: %s\n", err.msg);
		rc = -1;
	}
	strbuf_release(&text);
	strbuf_release(&origin);
	return rc;
}

static int group_teardown(void **state)
{
	(void)state;
	region_catalog_release(&cat);
	rmdir(config_dir);
	return 0;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
		n++;
	}
	return n;
}

static void draw(struct strbuf *sb, enum bodymap_view view, const struct bodymap_spot *spots,
                 size_t n)
{
	strbuf_reset(sb);
	bodymap_svg(sb, view, &cat, spots, n, "/body/region");
}

/* Every region of the catalogue has a shape on at least one view, and
 * the figure names no region the catalogue lacks. */
static void test_every_region_drawn(void **state)
{
	const char *codes[128];
	size_t n = bodymap_codes(codes, 128);

	(void)state;
	assert_true(n <= 128);
	for (size_t i = 0; i < cat.n_regions; i++) {
		const char *code = cat.regions[i].code;

		if (!bodymap_draws(code, BODYMAP_FRONT) && !bodymap_draws(code, BODYMAP_BACK)) {
			fail_msg("region %s has no shape", code);
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (!region_by_code(&cat, codes[i])) {
			fail_msg("the figure draws %s, which the catalogue lacks", codes[i]);
		}
	}
	assert_int_equal(n, cat.n_regions);
	assert_true(bodymap_draws("hamstrings", BODYMAP_BACK));
	assert_false(bodymap_draws("hamstrings", BODYMAP_FRONT));
	assert_true(bodymap_draws("quads", BODYMAP_FRONT));
	assert_false(bodymap_draws("nose", BODYMAP_FRONT));
}

/* Each region and side has exactly one id across both views, and every
 * drawn shape of a region is a link to its page. */
static void test_links_and_ids(void **state)
{
	struct strbuf front = STRBUF_INIT, back = STRBUF_INIT, id = STRBUF_INIT;

	(void)state;
	draw(&front, BODYMAP_FRONT, NULL, 0);
	draw(&back, BODYMAP_BACK, NULL, 0);
	for (size_t i = 0; i < cat.n_regions; i++) {
		const struct region *r = &cat.regions[i];
		static const char *const sides[] = { "left", "right" };

		for (int s = 0; s < (r->sided ? 2 : 1); s++) {
			size_t links = 0;

			strbuf_reset(&id);
			if (r->sided) {
				strbuf_addf(&id, "id=\"region-%s-%s\"", r->code, sides[s]);
			} else {
				strbuf_addf(&id, "id=\"region-%s\"", r->code);
			}
			if (count(front.buf, id.buf) + count(back.buf, id.buf) != 1) {
				fail_msg("%s: not exactly one", id.buf);
			}
			strbuf_reset(&id);
			if (r->sided) {
				strbuf_addf(&id, "href=\"/body/region?region=%s&amp;side=%s\"",
				            r->code, sides[s]);
			} else {
				strbuf_addf(&id, "href=\"/body/region?region=%s\"", r->code);
			}
			links = count(front.buf, id.buf) + count(back.buf, id.buf);
			assert_int_equal(links,
			                 (size_t)bodymap_draws(r->code, BODYMAP_FRONT) +
			                         (size_t)bodymap_draws(r->code, BODYMAP_BACK));
		}
	}
	/* the hamstrings' ids are on the back view, the shoulders' on the front */
	assert_non_null(strstr(back.buf, "id=\"region-hamstrings-right\""));
	assert_non_null(strstr(front.buf, "id=\"region-shoulder-left\""));
	assert_null(strstr(back.buf, "id=\"region-shoulder-left\""));
	/* an unsided region's link carries no side */
	assert_non_null(strstr(front.buf, "href=\"/body/region?region=neck\" id=\"region-neck\""));
	strbuf_release(&front);
	strbuf_release(&back);
	strbuf_release(&id);
}

/* Well-formed: one svg, balanced links, titles and shapes closed. */
static void test_well_formed(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	for (int v = 0; v < BODYMAP_VIEW_COUNT; v++) {
		draw(&sb, (enum bodymap_view)v, NULL, 0);
		assert_int_equal(count(sb.buf, "<svg"), 1);
		assert_int_equal(count(sb.buf, "</svg>"), 1);
		assert_int_equal(strncmp(sb.buf, "<svg", 4), 0);
		assert_int_equal(count(sb.buf, "<a "), count(sb.buf, "</a>"));
		assert_int_equal(count(sb.buf, "<title"), count(sb.buf, "</title>"));
		assert_int_equal(count(sb.buf, "<ellipse") + count(sb.buf, "<polygon"),
		                 count(sb.buf, "/>") - count(sb.buf, "<rect"));
		assert_true(count(sb.buf, "<a ") > 40);
	}
	strbuf_release(&sb);
}

/* The side labels: from behind the runner's left is on the left. */
static void test_side_labels(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const char *l, *r;

	(void)state;
	draw(&sb, BODYMAP_BACK, NULL, 0);
	l = strstr(sb.buf, ">L</text>");
	r = strstr(sb.buf, ">R</text>");
	assert_non_null(l);
	assert_non_null(r);
	assert_true(l < r); /* L written first, at x=14 */
	assert_non_null(
	        strstr(sb.buf, "<text x=\"14\" y=\"22\" class=\"bm-side\" font-size=\"18\">L"));
	draw(&sb, BODYMAP_FRONT, NULL, 0);
	assert_non_null(
	        strstr(sb.buf, "<text x=\"14\" y=\"22\" class=\"bm-side\" font-size=\"18\">R"));
	strbuf_release(&sb);
}

/* A spot shades its shape; its label is escaped in the title; others
 * stay unshaded. */
static void test_shading_and_escaping(void **state)
{
	struct bodymap_spot spots[] = {
		{ "hamstrings", SIDE_LEFT, 4.5, "pain <5> & \"worse\"" },
		{ "neck", SIDE_NONE, 0, "soreness 0" },
	};
	struct strbuf sb = STRBUF_INIT;
	const char *a, *end;

	(void)state;
	draw(&sb, BODYMAP_BACK, spots, 2);
	a = strstr(sb.buf, "id=\"region-hamstrings-left\"");
	assert_non_null(a);
	end = strstr(a, "</a>");
	assert_non_null(end);
	assert_non_null(strstr(a, "data-level=\"4.5\""));
	assert_true(strstr(a, "data-level=\"4.5\"") < end);
	assert_true(strstr(a, bodymap_fill(3)) < end);
	assert_non_null(strstr(a, "left hamstrings: pain &lt;5&gt; &amp; &quot;worse&quot;"));
	assert_null(strstr(sb.buf, "<5>"));
	a = strstr(sb.buf, "id=\"region-hamstrings-right\"");
	assert_non_null(a);
	assert_true(strstr(a, "class=\"bm-region bm-l0\"") < strstr(a, "</a>"));
	draw(&sb, BODYMAP_FRONT, spots, 2);
	a = strstr(sb.buf, "id=\"region-neck\"");
	assert_non_null(a);
	assert_true(strstr(a, "bm-l0") < strstr(a, "</a>"));
	assert_non_null(strstr(a, "neck: soreness 0"));
	strbuf_release(&sb);
}

static void test_steps(void **state)
{
	(void)state;
	assert_int_equal(bodymap_step(0), 0);
	assert_int_equal(bodymap_step(-1), 0);
	assert_int_equal(bodymap_step(0.2), 1);
	assert_int_equal(bodymap_step(2), 1);
	assert_int_equal(bodymap_step(2.1), 2);
	assert_int_equal(bodymap_step(8), 4);
	assert_int_equal(bodymap_step(10), 5);
	assert_int_equal(bodymap_step(12), 5);
	assert_string_not_equal(bodymap_fill(0), bodymap_fill(1));
}

static void test_legend_and_sparkline(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const int values[] = { -1, 0, 3, 10, -1 };

	(void)state;
	bodymap_legend(&sb);
	assert_int_equal(count(sb.buf, "<rect"), BODYMAP_STEPS + 1);
	assert_non_null(strstr(sb.buf, ">9-10</text>"));
	strbuf_reset(&sb);
	bodymap_sparkline(&sb, values, 5, "pain <last 5 days>");
	assert_int_equal(count(sb.buf, "<rect"), 3);
	assert_non_null(strstr(sb.buf, "pain &lt;last 5 days&gt;"));
	assert_int_equal(count(sb.buf, "<svg"), 1);
	assert_int_equal(count(sb.buf, "</svg>"), 1);
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_region_drawn),   cmocka_unit_test(test_links_and_ids),
		cmocka_unit_test(test_well_formed),          cmocka_unit_test(test_side_labels),
		cmocka_unit_test(test_shading_and_escaping), cmocka_unit_test(test_steps),
		cmocka_unit_test(test_legend_and_sparkline),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
