/*
 * test_region.c: the body-region catalogue (core/region.h), on the
 * built-in regions.ini as datafile_read gives it, and on small malformed
 * catalogues written here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/datafile.h"
#include "base/strbuf.h"
#include "core/region.h"

/* The built-in catalogue, read once for the whole group. */
static struct region_catalog cat = REGION_CATALOG_INIT;

/* The empty config folder $XDG_CONFIG_HOME points at. */
static char config_dir[512];

static int group_setup(void **state)
{
	struct strbuf text = STRBUF_INIT, origin = STRBUF_INIT;
	struct err err = ERR_INIT;
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(config_dir, sizeof(config_dir), "%s/knead-region-XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(config_dir) || setenv("XDG_CONFIG_HOME", config_dir, 1)) {
		return -1;
	}
	if (datafile_read("regions.ini", &text, &origin, &err) ||
	    strcmp(origin.buf, "built-in regions.ini") != 0 ||
	    region_catalog_parse(&cat, text.buf, origin.buf, &err)) {
		fprintf(stderr, "setup: %s (from %s)\n", err.msg, origin.buf ? origin.buf : "?");
		strbuf_release(&text);
		strbuf_release(&origin);
		return -1;
	}
	strbuf_release(&text);
	strbuf_release(&origin);
	return 0;
}

static int group_teardown(void **state)
{
	char path[700];

	(void)state;
	region_catalog_release(&cat);
	/* what test_override leaves behind if it fails half-way (it removes
	 * the folder when it passes, so a later test that crashes leaks
	 * nothing) */
	snprintf(path, sizeof(path), "%s/knead/regions.ini", config_dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/knead", config_dir);
	rmdir(path);
	rmdir(config_dir);
	return 0;
}

static const struct region *code(const char *c)
{
	const struct region *r = region_by_code(&cat, c);

	if (!r) {
		fail_msg("no region [%s] in the catalogue", c);
	}
	return r;
}

static void check_word(const char *word, const char *expected)
{
	const struct region *r = region_find(&cat, word);

	if (!r) {
		fail_msg("'%s' does not resolve (expected %s)", word, expected);
	}
	if (strcmp(r->code, expected) != 0) {
		fail_msg("'%s' resolves to %s, expected %s", word, r->code, expected);
	}
}

static void check_parent(const char *child, const char *parent)
{
	const struct region *c = code(child);

	if (c->parent < 0 || strcmp(cat.regions[c->parent].code, parent) != 0) {
		fail_msg("[%s]'s parent is %s, expected %s", child,
		         c->parent < 0 ? "none" : cat.regions[c->parent].code, parent);
	}
	assert_true(region_within(&cat, c, code(parent)));
	assert_false(region_within(&cat, code(parent), c));
}

static void test_size(void **state)
{
	(void)state;
	assert_true(cat.n_regions >= 45);
	assert_true(cat.n_keys >= cat.n_regions);
	assert_null(region_find(&cat, ""));
	assert_null(region_find(&cat, "   "));
}

/* Every code, name and alias leads back to its own region. */
static void test_every_word_resolves(void **state)
{
	(void)state;
	for (size_t i = 0; i < cat.n_regions; i++) {
		const struct region *r = &cat.regions[i];

		assert_ptr_equal(region_find(&cat, r->code), r);
		assert_ptr_equal(region_by_code(&cat, r->code), r);
		assert_non_null(r->name);
		assert_ptr_equal(region_find(&cat, r->name), r);
		for (size_t j = 0; j < r->n_aliases; j++) {
			const struct region *got = region_find(&cat, r->aliases[j]);

			if (got != r) {
				fail_msg("alias '%s' of [%s] resolves to %s", r->aliases[j],
				         r->code, got ? got->code : "nothing");
			}
		}
	}
}

/* Parents come first, so walking up always ends, and depths agree. */
static void test_tree(void **state)
{
	(void)state;
	for (size_t i = 0; i < cat.n_regions; i++) {
		const struct region *r = &cat.regions[i];
		size_t steps = 0;
		int at = (int)i;

		if (r->parent >= 0) {
			assert_true((size_t)r->parent < i);
			assert_int_equal(r->depth, cat.regions[r->parent].depth + 1);
			if (cat.regions[r->parent].sided) {
				assert_true(r->sided);
			}
		} else {
			assert_int_equal(r->parent, -1);
			assert_int_equal(r->depth, 0);
		}
		while (at >= 0) {
			assert_true(at < (int)cat.n_regions);
			at = cat.regions[at].parent;
			if (++steps > cat.n_regions) {
				fail_msg("[%s] is in a cycle", r->code);
			}
		}
		assert_int_equal(steps, (size_t)r->depth + 1);
		assert_true(region_within(&cat, r, r));
	}
}

static void test_hierarchy(void **state)
{
	static const char *const present[] = {
		"plantar-fascia", "it-band",    "psoas",     "hip-flexors", "achilles", "shin",
		"knee",           "lower-back", "adductors", "abductors",   "neck",
	};

	(void)state;
	check_parent("semitendinosus", "hamstrings");
	check_parent("semimembranosus", "hamstrings");
	check_parent("biceps-femoris", "hamstrings");
	check_parent("hamstrings", "thigh");
	assert_true(region_within(&cat, code("semitendinosus"), code("thigh")));
	check_parent("piriformis", "glutes");
	check_parent("gluteus-medius", "glutes");
	check_parent("glutes", "hip");
	assert_true(region_within(&cat, code("piriformis"), code("hip")));
	check_parent("soleus", "calf");
	check_parent("gastrocnemius", "calf");
	assert_int_equal(code("thigh")->parent, -1);
	assert_int_equal(code("hip")->parent, -1);
	for (size_t i = 0; i < sizeof(present) / sizeof(present[0]); i++) {
		code(present[i]);
	}
	assert_ptr_not_equal(code("adductors"), code("abductors"));
	assert_false(region_overlaps(&cat, code("adductors"), code("abductors")));
	assert_true(code("calf")->sided);
	assert_false(code("neck")->sided);
	assert_false(code("lower-back")->sided);
}

static void test_runner_words(void **state)
{
	static const char *const words[][2] = {
		{ "piraformis", "piriformis" },
		{ "semintendinous", "semitendinosus" },
		{ "semintendinosus", "semitendinosus" },
		{ "hammy", "hamstrings" },
		{ "hamstring", "hamstrings" },
		{ "hamstirng", "hamstrings" }, /* listed as a misspelling */
		{ "glutes", "glutes" },
		{ "calves", "calf" },
		{ "ITB", "it-band" },
		{ "IT band", "it-band" },
		{ "psoas", "psoas" },
		{ "Hip-Flexors", "hip-flexors" },
		{ "hip_flexors", "hip-flexors" },
		{ "HIP   flexors", "hip-flexors" },
		{ " hip flexor ", "hip-flexors" },
		{ "achilles’", "achilles" },
		{ "achilles'", "achilles" },
		{ "Achilles’ tendon", "achilles" },
		{ "lower back", "lower-back" },
		{ "lower-back", "lower-back" },
		{ "plantar fascia", "plantar-fascia" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		check_word(words[i][0], words[i][1]);
	}
	assert_null(region_find(&cat, "elbowz"));
}

static void test_normalise(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	region_normalise(&sb, "  Hip--Flexors__Left ");
	assert_string_equal(sb.buf, "hip flexors left");
	strbuf_reset(&sb);
	region_normalise(&sb, "Achilles’ Tendon");
	assert_string_equal(sb.buf, "achilles tendon");
	strbuf_reset(&sb);
	region_normalise(&sb, "runner's\tknee");
	assert_string_equal(sb.buf, "runners knee");
	strbuf_release(&sb);
}

static void test_lookup(void **state)
{
	const struct region *r = NULL;
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(region_lookup(&cat, "Hammy", &r, &err), ERR_OK);
	assert_string_equal(r->code, "hamstrings");

	assert_int_equal(region_lookup(&cat, "hamstrng", &r, &err), ERR_INPUT);
	assert_null(r);
	assert_non_null(strstr(err.msg, "'hamstrng'"));
	assert_non_null(strstr(err.msg, "did you mean"));
	assert_non_null(strstr(err.msg, "hamstrings"));

	err_clear(&err);
	assert_int_equal(region_lookup(&cat, "hamsting", &r, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "'hamsting'"));
	assert_non_null(strstr(err.msg, "did you mean hamstrings"));

	err_clear(&err);
	assert_int_equal(region_lookup(&cat, "pirformus", &r, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "piriformis"));

	err_clear(&err);
	assert_int_equal(region_lookup(&cat, "xyzzyplugh", &r, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "'xyzzyplugh'"));
	assert_null(strstr(err.msg, "did you mean"));

	assert_int_equal(region_lookup(&cat, "xyzzyplugh", &r, NULL), ERR_INPUT);
}

static void check_ref(const char *text, bool side_required, const char *region, enum side side)
{
	struct region_ref ref = { NULL, SIDE_COUNT };
	struct err err = ERR_INIT;

	if (region_ref_parse(&cat, text, side_required, &ref, &err) != ERR_OK) {
		fail_msg("'%s' refused: %s", text, err.msg);
	}
	if (strcmp(ref.region->code, region) != 0 || ref.side != side) {
		fail_msg("'%s' parsed as %s side %d, expected %s side %d", text, ref.region->code,
		         ref.side, region, side);
	}
}

static void check_ref_refused(const char *text, bool side_required, const char *word)
{
	struct region_ref ref = { NULL, SIDE_COUNT };
	struct err err = ERR_INIT;

	if (region_ref_parse(&cat, text, side_required, &ref, &err) != ERR_INPUT) {
		fail_msg("'%s' accepted, but should be refused naming '%s'", text, word);
	}
	if (!strstr(err.msg, word)) {
		fail_msg("message \"%s\" for '%s' lacks '%s'", err.msg, text, word);
	}
}

static void test_ref_parse(void **state)
{
	(void)state;
	check_ref("hamstring:right", true, "hamstrings", SIDE_RIGHT);
	check_ref("hammy:r", true, "hamstrings", SIDE_RIGHT);
	check_ref("hammy:L", true, "hamstrings", SIDE_LEFT);
	check_ref("my left calf", true, "calf", SIDE_LEFT);
	check_ref("right hamstring", true, "hamstrings", SIDE_RIGHT);
	check_ref("Left IT band", true, "it-band", SIDE_LEFT);
	check_ref("glutes:both", true, "glutes", SIDE_BOTH);
	check_ref("glutes:b", true, "glutes", SIDE_BOTH);
	check_ref("hamstring", false, "hamstrings", SIDE_BOTH);
	check_ref("lower back", true, "lower-back", SIDE_NONE);
	check_ref("neck", false, "neck", SIDE_NONE);

	check_ref_refused("hamstring", true, "hamstrings:left");
	check_ref_refused("neck:left", false, "neck");
	check_ref_refused("left lower back", false, "lower back");
	check_ref_refused("calf:sideways", false, "sideways");
	check_ref_refused("left calf:right", false, "twice");
	check_ref_refused("elbowz:left", false, "elbowz");
}

static void test_ref_describe(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct region_ref ref;

	(void)state;
	ref = (struct region_ref){ code("hamstrings"), SIDE_RIGHT };
	region_ref_describe(&sb, &ref);
	assert_string_equal(sb.buf, "right hamstrings");
	strbuf_reset(&sb);
	ref = (struct region_ref){ code("glutes"), SIDE_BOTH };
	region_ref_describe(&sb, &ref);
	assert_string_equal(sb.buf, "glutes (both sides)");
	strbuf_reset(&sb);
	ref = (struct region_ref){ code("lower-back"), SIDE_NONE };
	region_ref_describe(&sb, &ref);
	assert_string_equal(sb.buf, "lower back");
	strbuf_release(&sb);
}

static void test_within_overlaps(void **state)
{
	const struct region *semi = code("semitendinosus"), *ham = code("hamstrings");
	const struct region *thigh = code("thigh"), *quads = code("quads"), *calf = code("calf");

	(void)state;
	assert_true(region_within(&cat, semi, ham));
	assert_true(region_within(&cat, semi, thigh));
	assert_true(region_within(&cat, ham, ham));
	assert_false(region_within(&cat, ham, semi));
	assert_false(region_within(&cat, semi, quads));
	assert_false(region_within(&cat, calf, thigh));

	assert_true(region_overlaps(&cat, semi, thigh));
	assert_true(region_overlaps(&cat, thigh, semi));
	assert_true(region_overlaps(&cat, ham, ham));
	assert_false(region_overlaps(&cat, semi, code("biceps-femoris")));
	assert_false(region_overlaps(&cat, ham, quads));
	assert_false(region_overlaps(&cat, calf, code("shin")));
}

static void test_sides(void **state)
{
	struct err err = ERR_INIT;
	enum side s;

	(void)state;
	assert_true(side_overlaps(SIDE_LEFT, SIDE_LEFT));
	assert_true(side_overlaps(SIDE_LEFT, SIDE_BOTH));
	assert_true(side_overlaps(SIDE_BOTH, SIDE_RIGHT));
	assert_true(side_overlaps(SIDE_BOTH, SIDE_BOTH));
	assert_true(side_overlaps(SIDE_NONE, SIDE_NONE));
	assert_false(side_overlaps(SIDE_LEFT, SIDE_RIGHT));
	assert_false(side_overlaps(SIDE_RIGHT, SIDE_LEFT));

	assert_null(side_name(SIDE_NONE));
	assert_string_equal(side_name(SIDE_LEFT), "left");
	assert_string_equal(side_name(SIDE_RIGHT), "right");
	assert_string_equal(side_name(SIDE_BOTH), "both");
	for (int i = SIDE_LEFT; i <= SIDE_BOTH; i++) {
		assert_int_equal(side_parse(side_name((enum side)i), &s, &err), ERR_OK);
		assert_int_equal(s, i);
	}
	assert_int_equal(side_parse("R", &s, &err), ERR_OK);
	assert_int_equal(s, SIDE_RIGHT);
	assert_int_equal(side_parse("l", &s, &err), ERR_OK);
	assert_int_equal(s, SIDE_LEFT);
	assert_int_equal(side_parse("", &s, &err), ERR_INPUT);
	assert_int_equal(side_parse("middle", &s, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "'middle'"));
}

/* A well-formed small catalogue, to see the malformed ones fail for their
 * own reason. */
static void test_small_catalogue(void **state)
{
	static const char text[] = "; a comment\n"
	                           "[leg]\nname = leg\nsided = yes\naliases = legs, limb\n"
	                           "[shin]\nname = shin\nparent = leg\nsided = yes\n"
	                           "aliases = shins\naliases = tibia\n"
	                           "[neck]\nname = neck\nsided = no\nabout = up top\n";
	struct region_catalog c = REGION_CATALOG_INIT;
	struct err err = ERR_INIT;
	const struct region *shin;

	(void)state;
	assert_int_equal(region_catalog_parse(&c, text, "small.ini", &err), ERR_OK);
	assert_int_equal(c.n_regions, 3);
	shin = region_find(&c, "Tibia");
	assert_non_null(shin);
	assert_string_equal(shin->code, "shin");
	assert_int_equal(shin->n_aliases, 2);
	assert_string_equal(shin->aliases[0], "shins");
	assert_string_equal(shin->aliases[1], "tibia");
	assert_int_equal(shin->parent, 0);
	assert_int_equal(shin->depth, 1);
	assert_ptr_equal(region_find(&c, "limb"), &c.regions[0]);
	assert_string_equal(c.regions[2].about, "up top");
	assert_null(c.regions[0].about);
	region_catalog_release(&c);
	assert_int_equal(c.n_regions, 0);
	assert_null(c.regions);
	assert_null(c.keys);
}

static void check_malformed(const char *text, const char *word1, const char *word2)
{
	struct region_catalog c = REGION_CATALOG_INIT;
	struct err err = ERR_INIT;

	if (region_catalog_parse(&c, text, "bad.ini", &err) != ERR_FORMAT) {
		fail_msg("accepted, but should be refused naming '%s':\n%s", word1, text);
	}
	if (!strstr(err.msg, word1) || (word2 && !strstr(err.msg, word2))) {
		fail_msg("message \"%s\" lacks '%s' or '%s'", err.msg, word1, word2 ? word2 : "");
	}
	assert_non_null(strstr(err.msg, "bad.ini"));
	assert_int_equal(c.n_regions, 0);
	assert_null(c.regions);
	assert_int_equal(c.n_keys, 0);
	assert_null(c.keys);
	assert_null(region_find(&c, "leg"));
}

static void test_malformed(void **state)
{
	(void)state;
	check_malformed("[leg]\nname = leg\nsided = yes\n"
	                "[shin]\nname = shin\nparent = arm\nsided = yes\n",
	                "'arm'", "[shin]");
	/* the parent exists, but after its child */
	check_malformed("[shin]\nname = shin\nparent = leg\nsided = yes\n"
	                "[leg]\nname = leg\nsided = yes\n",
	                "'leg'", "[shin]");
	check_malformed("[leg]\nname = leg\nsided = yes\nparent = leg\n", "own parent", NULL);
	/* a key naming two regions (no key here is given twice for one
	 * region: see test_conflict_after_duplicate for that) */
	check_malformed("[leg]\nname = lower limb\nsided = yes\naliases = pin\n"
	                "[arm]\nname = upper limb\nsided = yes\naliases = Pin\n",
	                "[leg]", "[arm]");
	check_malformed("[leg]\nname = lower limb\nsided = yes\n"
	                "[arm]\nname = upper limb\nsided = yes\naliases = lower_limb\n",
	                "'lower limb'", "[arm]");
	check_malformed("[leg]\nname = leg\n", "[leg]", "sided");
	check_malformed("[leg]\nsided = yes\n", "[leg]", "name");
	check_malformed("[leg]\nname = \nsided = yes\n", "[leg]", "name");
	check_malformed("[leg]\nname = leg\nname = limb\nsided = yes\n", "[leg]", "twice");
	check_malformed("[leg]\nname = leg\nsided = maybe\n", "[leg]", "'maybe'");
	check_malformed("[leg]\nname = leg\nsided = yes\n"
	                "[shin]\nname = shin\nparent = leg\nsided = no\n",
	                "[shin]", "[leg]");
	check_malformed("[Hip Flexors]\nname = hip flexors\nsided = yes\n", "[Hip Flexors]",
	                "code");
	check_malformed("[-leg]\nname = leg\nsided = yes\n", "[-leg]", "code");
	check_malformed("[leg]\nname = leg\nsided = yes\ncolour = red\n", "'colour'", "[leg]");
	check_malformed("name = leg\n[leg]\nname = leg\nsided = yes\n", "'name'", "before any");
	check_malformed("[leg]\nname = leg\nsided = yes\n"
	                "[arm]\nname = arm\nsided = yes\n"
	                "[leg]\nname = leg2\nsided = yes\n",
	                "[leg]", "twice");
	check_malformed("[leg]\nname = leg\nsided = yes\nthis line is not a pair\n", "line 4",
	                NULL);
	check_malformed("; nothing but a comment\n", "no regions", NULL);
	check_malformed("", "no regions", NULL);
}

/* The first problem is reported with its line. */
static void test_malformed_line(void **state)
{
	struct region_catalog c = REGION_CATALOG_INIT;
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(region_catalog_parse(&c,
	                                      "[leg]\nname = leg\nsided = yes\n"
	                                      "[shin]\nname = shin\nparent = foot\nsided = yes\n"
	                                      "bogus = 1\n",
	                                      "bad.ini", &err),
	                 ERR_FORMAT);
	assert_non_null(strstr(err.msg, "line 6"));
	assert_non_null(strstr(err.msg, "'foot'"));
	assert_null(strstr(err.msg, "bogus"));
	assert_int_equal(c.n_regions, 0);
}

/* Regression, currently failing: a key naming two regions after a key
 * that one region gives twice (here each region's code is also its name,
 * as in most of regions.ini). build_keys() in core/region.c compacts the
 * keys as it goes, freeing the repeated key, and returns the error
 * without setting n_keys to what it kept, so region_catalog_release()
 * frees the repeated key again and the moved ones twice: a double free.
 * This test is last because the double free aborts the program. */
static void test_conflict_after_duplicate(void **state)
{
	(void)state;
	check_malformed("[leg]\nname = leg\nsided = yes\naliases = limb\n"
	                "[arm]\nname = arm\nsided = yes\naliases = Limb\n",
	                "[leg]", "[arm]");
	/* a name equal to another region's code */
	check_malformed("[leg]\nname = leg\nsided = yes\n"
	                "[arm]\nname = leg\nsided = yes\n",
	                "[leg]", "[arm]");
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* A runner's copy in $XDG_CONFIG_HOME/knead/ wins over the built-in one. */
static void test_override(void **state)
{
	static const char mine[] = "[leg]\nname = leg\nsided = yes\naliases = pin\n";
	char dir[600], path[700];
	struct strbuf text = STRBUF_INIT, origin = STRBUF_INIT;
	struct region_catalog c = REGION_CATALOG_INIT;
	struct err err = ERR_INIT;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/knead", config_dir);
	snprintf(path, sizeof(path), "%s/regions.ini", dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	write_file(path, mine);

	assert_int_equal(datafile_read("regions.ini", &text, &origin, &err), ERR_OK);
	assert_string_equal(text.buf, mine);
	assert_string_equal(origin.buf, path);
	assert_int_equal(region_catalog_parse(&c, text.buf, origin.buf, &err), ERR_OK);
	assert_int_equal(c.n_regions, 1);
	assert_string_equal(region_find(&c, "pin")->code, "leg");
	assert_null(region_find(&c, "hamstrings"));
	region_catalog_release(&c);

	/* a broken copy is reported naming the copy, not silently replaced */
	write_file(path, "[leg]\nname = leg\n");
	strbuf_reset(&text);
	strbuf_reset(&origin);
	assert_int_equal(datafile_read("regions.ini", &text, &origin, &err), ERR_OK);
	assert_int_equal(region_catalog_parse(&c, text.buf, origin.buf, &err), ERR_FORMAT);
	assert_non_null(strstr(err.msg, path));

	/* removed again, the built-in copy is back */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	strbuf_reset(&text);
	strbuf_reset(&origin);
	assert_int_equal(datafile_read("regions.ini", &text, &origin, &err), ERR_OK);
	assert_string_equal(origin.buf, "built-in regions.ini");
	assert_non_null(strstr(text.buf, "[semitendinosus]"));
	strbuf_release(&text);
	strbuf_release(&origin);

	/* the empty config folder too: so is a missing one */
	assert_int_equal(rmdir(config_dir), 0);
	strbuf_reset(&text);
	assert_int_equal(datafile_read("regions.ini", &text, &origin, &err), ERR_OK);
	assert_string_equal(origin.buf, "built-in regions.ini");
	strbuf_release(&text);
	strbuf_release(&origin);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_every_word_resolves),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_hierarchy),
		cmocka_unit_test(test_runner_words),
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_ref_parse),
		cmocka_unit_test(test_ref_describe),
		cmocka_unit_test(test_within_overlaps),
		cmocka_unit_test(test_sides),
		cmocka_unit_test(test_small_catalogue),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_malformed_line),
		cmocka_unit_test(test_override),
		cmocka_unit_test(test_conflict_after_duplicate),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
