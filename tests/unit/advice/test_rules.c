/*
 * test_rules.c: the advisor's rulebook (advice/rules.h) on the built-in
 * rules.ini and on small files written here, the runner's override
 * (what it changes, what it reports by file and line, and what it leaves
 * alone), rulebook_load through the config folder, and the advice
 * records built on the rules (advice/advice.h, render/json_advice.h).
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

#include "../store/fixture.h"
#include "advice/advice.h"
#include "advice/rules.h"
#include "base/datafile.h"
#include "base/date.h"
#include "render/json_advice.h"

/* Every rule of DESIGN.md's advisor table. */
static const char *const design_ids[] = {
	"massage-not-adjacent-hard",
	"massage-post-race",
	"massage-pre-race-deep",
	"massage-pre-race-light",
	"easy-after-massage",
	"hydrate-after-massage",
	"massage-type",
	"maintenance-cadence",
	"post-marathon-rest",
	"injury-no-run",
	"injury-see-clinician",
	"load-spike",
	"compensation",
	"self-care",
	"shoes",
	"budget",
};
#define N_DESIGN (sizeof(design_ids) / sizeof(design_ids[0]))

static void load_builtin(struct rulebook *rb)
{
	struct err err = ERR_INIT;

	if (rulebook_parse(rb, datafile_builtin("rules.ini", NULL), "built-in rules.ini", &err)) {
		fail_msg("built-in rules.ini refused: %s", err.msg);
	}
}

/* A small complete file the override tests work on. */
static const char small[] = "; two rules\n"
                            "[alpha]\n"
                            "title = alpha says\n"
                            "reason = because\n"
                            "source = nobody\n"
                            "from_days = 3\n"
                            "to_days = 5\n"
                            "share = 0.8\n"
                            "\n"
                            "[beta]\n"
                            "title = beta says\n"
                            "reason = because too\n"
                            "source = somebody (2020; p. 3)\n"
                            "min_pain = 4\n";

static void load_small(struct rulebook *rb)
{
	struct err err = ERR_INIT;

	if (rulebook_parse(rb, small, "small.ini", &err)) {
		fail_msg("small.ini refused: %s", err.msg);
	}
}

/* Whether rb->warnings holds a line starting with prefix and containing
 * words. */
static void assert_warning(const struct rulebook *rb, const char *prefix, const char *words)
{
	const char *line = rb->warnings.buf;

	while (*line) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);

		if (strncmp(line, prefix, strlen(prefix)) == 0) {
			char *copy = strndup(line, n);
			bool has = strstr(copy, words) != NULL;

			free(copy);
			if (has) {
				return;
			}
		}
		line += n + (end ? 1 : 0);
	}
	fail_msg("no warning '%s...%s' in:\n%s", prefix, words, rb->warnings.buf);
}

static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++) {
		n += *s == '\n';
	}
	return n;
}

/* ---- the built-in file ---- */

static void test_builtin_has_every_design_rule(void **state)
{
	struct rulebook rb = RULEBOOK_INIT;

	(void)state;
	load_builtin(&rb);
	/* the helpers' own rules come on top of DESIGN.md's */
	assert_true(rb.n_rules >= N_DESIGN);
	for (size_t i = 0; i < N_DESIGN; i++) {
		const struct rule *r = rulebook_get(&rb, design_ids[i]);

		assert_string_equal(r->id, design_ids[i]);
		assert_true(rules_enabled(&rb, design_ids[i]));
	}
	/* every rule says what, why and from where, and is on */
	for (size_t i = 0; i < rb.n_rules; i++) {
		const struct rule *r = &rb.rules[i];

		assert_ptr_equal(rulebook_get(&rb, r->id), r);
		assert_true(strlen(r->title) > 10);
		assert_true(strlen(r->reason) > 10);
		assert_true(strlen(r->source) > 5);
		assert_true(r->enabled);
		for (size_t j = 0; j < r->n_params; j++) {
			assert_true(rule_param(r, r->params[j].key) == r->params[j].value);
		}
	}
	assert_int_equal(rb.warnings.len, 0);
	rulebook_release(&rb);
	assert_int_equal(rb.n_rules, 0);
	assert_null(rb.rules);
}

/* The numbers the issue and DESIGN.md state are the ones in force. */
static void test_builtin_values(void **state)
{
	struct rulebook rb = RULEBOOK_INIT;

	(void)state;
	load_builtin(&rb);
	assert_true(rules_param(&rb, "massage-post-race", "from_days") == 3);
	assert_true(rules_param(&rb, "massage-post-race", "to_days") == 5);
	assert_true(rules_param(&rb, "massage-post-race", "min_distance_km") == 21);
	assert_true(rules_param(&rb, "massage-pre-race-deep", "min_days") == 5);
	assert_true(rules_param(&rb, "massage-pre-race-deep", "max_days") == 15);
	assert_true(rules_param(&rb, "massage-pre-race-deep", "long_gap_days") == 28);
	assert_true(rules_param(&rb, "massage-pre-race-light", "from_days") == 1);
	assert_true(rules_param(&rb, "massage-pre-race-light", "to_days") == 3);
	assert_true(rules_param(&rb, "massage-not-adjacent-hard", "days") == 1);
	assert_true(rules_param(&rb, "post-marathon-rest", "rest_from_days") == 7);
	assert_true(rules_param(&rb, "post-marathon-rest", "rest_to_days") == 14);
	assert_true(rules_param(&rb, "injury-no-run", "min_pain") == 4);
	assert_true(rules_param(&rb, "injury-see-clinician", "days") == 14);
	assert_true(rules_param(&rb, "load-spike", "acwr") == 1.5);
	assert_true(rules_param(&rb, "load-spike", "weekly_increase") == 0.30);
	assert_true(rule_param(rulebook_get(&rb, "budget"), "warn_share") == 0.8);
	rulebook_release(&rb);
}

/* Comments after a value, colons as separators and indented keys read as
 * inih reads them; the source keeps its semicolon when not spaced. */
static void test_parse_small(void **state)
{
	struct rulebook rb = RULEBOOK_INIT;
	const struct rule *a, *b;

	(void)state;
	load_small(&rb);
	assert_int_equal(rb.n_rules, 2);
	a = &rb.rules[0];
	b = &rb.rules[1];
	assert_string_equal(a->id, "alpha");
	assert_string_equal(a->title, "alpha says");
	assert_int_equal(a->n_params, 3);
	assert_string_equal(a->params[2].key, "share");
	assert_true(a->params[2].value == 0.8);
	assert_string_equal(b->source, "somebody (2020; p. 3)");
	rulebook_release(&rb);

	assert_int_equal(rulebook_parse(&rb,
	                                "[r]\n  title: t ; a comment\nreason = r\nsource = s\n"
	                                "   days = 2 ; two days\nenabled = no\n",
	                                "x.ini", NULL),
	                 ERR_OK);
	assert_string_equal(rb.rules[0].title, "t");
	assert_true(rule_param(&rb.rules[0], "days") == 2);
	assert_false(rb.rules[0].enabled);
	rulebook_release(&rb);
}

static void check_refused(const char *text, const char *message)
{
	struct rulebook rb = RULEBOOK_INIT;
	struct err err = ERR_INIT;

	assert_int_equal(rulebook_parse(&rb, text, "bad.ini", &err), ERR_FORMAT);
	if (strcmp(err.msg, message) != 0) {
		fail_msg("got '%s', expected '%s'", err.msg, message);
	}
	/* nothing is left behind on failure */
	assert_int_equal(rb.n_rules, 0);
	assert_null(rb.rules);
}

#define HEAD "[r]\ntitle = t\nreason = r\nsource = s\n"

static void test_parse_refuses(void **state)
{
	(void)state;
	check_refused("", "bad.ini: no rules");
	check_refused("; nothing\n", "bad.ini: no rules");
	check_refused("days = 1\n", "bad.ini:1: 'days' comes before any [rule]");
	check_refused("[r]\ntitle = t\nreason = r\n",
	              "bad.ini: [r]: needs a title, a reason and a source");
	check_refused(HEAD "days = 1x\n", "bad.ini:5: [r] days: '1x' is not a number");
	check_refused(HEAD "days = \n", "bad.ini:5: [r] days: '' is not a number");
	check_refused(HEAD "days = 1.5\n",
	              "bad.ini:5: [r] days: '1.5' is not a whole number of days");
	check_refused(HEAD "share = -1\n",
	              "bad.ini:5: [r] share: '-1' is out of range (0 to 100000)");
	check_refused(HEAD "share = nan\n", "bad.ini:5: [r] share: 'nan' is not a number");
	check_refused(HEAD "share = inf\n", "bad.ini:5: [r] share: 'inf' is not a number");
	check_refused(HEAD "share = 0x10\n", "bad.ini:5: [r] share: '0x10' is not a number");
	check_refused(HEAD "share = 1e3\n", "bad.ini:5: [r] share: '1e3' is not a number");
	check_refused(HEAD "share = .5\n", "bad.ini:5: [r] share: '.5' is not a number");
	check_refused(HEAD "share = 0,5\n", "bad.ini:5: [r] share: '0,5' is not a number");
	check_refused(HEAD "share = 100001\n",
	              "bad.ini:5: [r] share: '100001' is out of range (0 to 100000)");
	check_refused(HEAD "days = 1\ndays = 2\n", "bad.ini:6: [r] days: given twice");
	check_refused(HEAD "title = again\n", "bad.ini:5: [r] title: given twice");
	check_refused(HEAD "enabled = maybe\n", "bad.ini:5: [r] enabled: 'maybe' is not yes or no");
	check_refused(HEAD "Days = 1\n",
	              "bad.ini:5: [r] 'Days': a key is 1 to 39 of a-z, 0-9 and '_'");
	check_refused(HEAD "\n" HEAD, "bad.ini:6: [r]: this rule appears twice");
	check_refused("[Rule]\ntitle = t\n",
	              "bad.ini:1: [Rule]: a rule id is 1 to 39 of a-z, 0-9 and '-'");
	check_refused(HEAD "just words\n",
	              "bad.ini:5: not 'key = value', '[rule]' or a ';' comment");
	check_refused(HEAD "[unclosed\n", "bad.ini:5: a section header needs its ']'");
	check_refused(HEAD "= 3\n", "bad.ini:5: no key before the '='");
	check_refused(HEAD "from_days = 5\nto_days = 3\n",
	              "bad.ini: [r]: from_days 5 is above to_days 3");
	check_refused(HEAD "rest_from_days = 5\nrest_to_days = 3\n",
	              "bad.ini: [r]: rest_from_days 5 is above rest_to_days 3");
	check_refused(HEAD "min_x = 2\nmax_x = 1\n", "bad.ini: [r]: min_x 2 is above max_x 1");
}

/* A source may be long (inih would stop at 200 characters); a window
 * whose bounds are equal is a window of one day. */
static void test_parse_long_and_equal(void **state)
{
	struct rulebook rb = RULEBOOK_INIT;
	char source[1200], text[1400];

	(void)state;
	memset(source, 'x', sizeof(source) - 1);
	source[sizeof(source) - 1] = '\0';
	snprintf(text, sizeof(text), "[r]\ntitle = t\nreason = r\nsource = %s\n", source);
	assert_int_equal(rulebook_parse(&rb, text, "x.ini", NULL), ERR_OK);
	assert_int_equal(strlen(rb.rules[0].source), sizeof(source) - 1);
	rulebook_release(&rb);

	assert_int_equal(rulebook_parse(&rb, HEAD "from_days = 3\nto_days = 3\nmin_pain = 9\n",
	                                "x.ini", NULL),
	                 ERR_OK);
	rulebook_release(&rb);
}

/* ---- the runner's override ---- */

static void test_override_applies(void **state)
{
	struct rulebook rb = RULEBOOK_INIT;

	(void)state;
	load_small(&rb);
	rulebook_override(&rb,
	                  "; mine\n"
	                  "[alpha]\n"
	                  "to_days = 7\n"
	                  "share = 0.5 ; half\n"
	                  "[beta]\n"
	                  "enabled = no\n",
	                  "/home/k/.config/knead/rules.ini");
	assert_int_equal(rb.warnings.len, 0);
	assert_true(rules_param(&rb, "alpha", "to_days") == 7);
	assert_true(rules_param(&rb, "alpha", "from_days") == 3);
	assert_true(rules_param(&rb, "alpha", "share") == 0.5);
	assert_true(rules_enabled(&rb, "alpha"));
	assert_false(rules_enabled(&rb, "beta"));
	/* the rule's words stay the built-in ones */
	assert_string_equal(rulebook_get(&rb, "beta")->reason, "because too");

	/* and back on */
	rulebook_override(&rb, "[beta]\nenabled = yes\n", "again.ini");
	assert_true(rules_enabled(&rb, "beta"));
	rulebook_release(&rb);
}

/* Every bad line is reported with file and line; each leaves its value
 * as it was, and the good lines around it still apply. */
static void test_override_reports(void **state)
{
	struct rulebook rb = RULEBOOK_INIT;

	(void)state;
	load_small(&rb);
	rulebook_override(&rb,
	                  "stray = 1\n"         /* 1 */
	                  "[alpha]\n"           /* 2 */
	                  "to_days = seven\n"   /* 3 */
	                  "share = 0.25\n"      /* 4 */
	                  "colour = red\n"      /* 5 */
	                  "from_days = 2.5\n"   /* 6 */
	                  "title = mine\n"      /* 7 */
	                  "enabled = perhaps\n" /* 8 */
	                  "[gamma]\n"           /* 9 */
	                  "days = 3\n"          /* 10 */
	                  "more = 4\n"          /* 11 */
	                  "[beta]\n"            /* 12 */
	                  "min_pain = -2\n"     /* 13 */
	                  "what is this\n"      /* 14 */
	                  "min_pain = 6\n",     /* 15 */
	                  "my.ini");
	assert_warning(&rb, "my.ini:1: ", "'stray' comes before any [rule]");
	assert_warning(&rb, "my.ini:3: ", "[alpha] to_days: 'seven' is not a number; it stays 5");
	assert_warning(&rb, "my.ini:5: ", "[alpha] colour: no such setting");
	assert_warning(&rb, "my.ini:6: ", "[alpha] from_days: '2.5' is not a whole number");
	assert_warning(&rb, "my.ini:7: ", "[alpha] title: only numbers and 'enabled'");
	assert_warning(&rb, "my.ini:8: ", "[alpha] enabled: 'perhaps' is not yes or no");
	assert_warning(&rb, "my.ini:9: ", "[gamma]: no such rule");
	assert_warning(&rb, "my.ini:13: ", "[beta] min_pain: '-2' is out of range");
	assert_warning(&rb, "my.ini:14: ", "not 'key = value'");
	/* one line per problem: the unknown rule is reported once */
	assert_int_equal(count_lines(rb.warnings.buf), 9);

	assert_true(rules_param(&rb, "alpha", "to_days") == 5);
	assert_true(rules_param(&rb, "alpha", "from_days") == 3);
	assert_true(rules_param(&rb, "alpha", "share") == 0.25);
	assert_string_equal(rulebook_get(&rb, "alpha")->title, "alpha says");
	assert_true(rules_enabled(&rb, "alpha"));
	assert_true(rules_param(&rb, "beta", "min_pain") == 6);
	rulebook_release(&rb);
	assert_int_equal(rb.warnings.len, 0);
}

/* Values fine one by one that invert a window together: both go back. */
static void test_override_inverted_window(void **state)
{
	struct rulebook rb = RULEBOOK_INIT;

	(void)state;
	load_small(&rb);
	rulebook_override(&rb, "[alpha]\nfrom_days = 6\n\nshare = 1\n", "o.ini");
	assert_warning(&rb,
	               "o.ini:2: ", "[alpha] from_days 6 is above to_days 5; both stay 3 and 5");
	assert_int_equal(count_lines(rb.warnings.buf), 1);
	assert_true(rules_param(&rb, "alpha", "from_days") == 3);
	assert_true(rules_param(&rb, "alpha", "to_days") == 5);
	assert_true(rules_param(&rb, "alpha", "share") == 1);
	rulebook_release(&rb);

	/* moving both together, in either order, is fine */
	load_small(&rb);
	rulebook_override(&rb, "[alpha]\nfrom_days = 8\nto_days = 10\n", "o.ini");
	assert_int_equal(rb.warnings.len, 0);
	assert_true(rules_param(&rb, "alpha", "from_days") == 8);
	assert_true(rules_param(&rb, "alpha", "to_days") == 10);
	rulebook_release(&rb);

	/* the line named is the later of the two set */
	load_small(&rb);
	rulebook_override(&rb, "[alpha]\nto_days = 1\nfrom_days = 2\n", "o.ini");
	assert_warning(&rb, "o.ini:3: ", "from_days 2 is above to_days 1; both stay 3 and 5");
	rulebook_release(&rb);
}

/* An override on the real rules: the example of rules.ini's header. */
static void test_override_builtin(void **state)
{
	struct rulebook rb = RULEBOOK_INIT;

	(void)state;
	load_builtin(&rb);
	rulebook_override(&rb,
	                  "[massage-pre-race-deep]\nmin_days = 7\n\n"
	                  "[maintenance-cadence]\nenabled = no\n"
	                  "[massage-post-race]\nfrom_days = 6\n",
	                  "u.ini");
	assert_true(rules_param(&rb, "massage-pre-race-deep", "min_days") == 7);
	assert_false(rules_enabled(&rb, "maintenance-cadence"));
	assert_warning(&rb, "u.ini:7: ", "[massage-post-race] from_days 6 is above to_days 5");
	assert_true(rules_param(&rb, "massage-post-race", "from_days") == 3);
	rulebook_release(&rb);
}

/* ---- rulebook_load, through the config folder ---- */

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void test_load(void **state)
{
	struct fixture *fx = *state;
	struct rulebook rb = RULEBOOK_INIT;
	struct err err = ERR_INIT;
	char dir[700], path[800], expect[900];

	assert_int_equal(setenv("XDG_CONFIG_HOME", fx->dir, 1), 0);

	/* no override: the built-in rules */
	assert_int_equal(rulebook_load(&rb, &err), ERR_OK);
	assert_true(rb.n_rules >= N_DESIGN);
	assert_int_equal(rb.warnings.len, 0);
	assert_true(rules_param(&rb, "injury-see-clinician", "days") == 14);
	rulebook_release(&rb);

	/* an override, applied on top of the built-in file */
	snprintf(dir, sizeof(dir), "%s/knead", fx->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/rules.ini", dir);
	write_file(path, "[injury-see-clinician]\ndays = 10\n[self-care]\nenabled = no\n"
	                 "[shoes]\nnear_limit = lots\n");
	assert_int_equal(rulebook_load(&rb, &err), ERR_OK);
	assert_true(rb.n_rules >= N_DESIGN);
	assert_true(rules_param(&rb, "injury-see-clinician", "days") == 10);
	assert_false(rules_enabled(&rb, "self-care"));
	assert_true(rules_param(&rb, "shoes", "near_limit") == 0.9);
	snprintf(expect, sizeof(expect), "%s:6: ", path);
	assert_warning(&rb, expect, "[shoes] near_limit: 'lots' is not a number; it stays 0.9");
	assert_int_equal(count_lines(rb.warnings.buf), 1);
	rulebook_release(&rb);

	/* an override that cannot be read is an error naming it */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(rulebook_load(&rb, &err), ERR_IO);
	assert_non_null(strstr(err.msg, path));
	assert_int_equal(rb.n_rules, 0);
	assert_int_equal(rmdir(path), 0);
}

/* ---- advice records ---- */

static void test_advice_list(void **state)
{
	struct rulebook rb = RULEBOOK_INIT;
	struct advice_list list = ADVICE_LIST_INIT;
	const struct rule *post, *spike;
	struct advice *a;
	int32_t day;

	(void)state;
	load_builtin(&rb);
	post = rulebook_get(&rb, "massage-post-race");
	spike = rulebook_get(&rb, "load-spike");
	assert_true(date_parse_iso("2026-11-24", &day));

	assert_null(advice_find(&list, "massage-post-race"));
	a = advice_add(&list, post, ADVICE_ADVICE, day + 3, day + 5, "deep tissue on day %d to %d",
	               3, 5);
	advice_fact(a, "race %s on %s", "Marathon", "2026-11-20");
	advice_fact(a, "distance %.1f km", 42.2);
	/* enough to make the list grow more than once */
	for (int i = 0; i < 20; i++) {
		advice_add(&list, spike, ADVICE_WARNING, day, day, "spike %d", i);
	}
	assert_int_equal(list.n_items, 21);
	a = &list.items[0];
	assert_ptr_equal(a->rule, post);
	assert_int_equal(a->kind, ADVICE_ADVICE);
	assert_int_equal(a->from, day + 3);
	assert_int_equal(a->to, day + 5);
	assert_string_equal(a->text, "deep tissue on day 3 to 5");
	assert_int_equal(a->n_facts, 2);
	assert_string_equal(a->facts[0], "race Marathon on 2026-11-20");
	assert_string_equal(a->facts[1], "distance 42.2 km");
	assert_string_equal(list.items[20].text, "spike 19");
	assert_int_equal(list.items[20].n_facts, 0);
	assert_ptr_equal(advice_find(&list, "massage-post-race"), &list.items[0]);
	assert_ptr_equal(advice_find(&list, "load-spike"), &list.items[1]);
	assert_null(advice_find(&list, "shoes"));
	assert_string_equal(advice_kind_name(ADVICE_ADVICE), "advice");
	assert_string_equal(advice_kind_name(ADVICE_WARNING), "warning");

	advice_list_release(&list);
	assert_int_equal(list.n_items, 0);
	assert_null(list.items);
	rulebook_release(&rb);
}

static void test_advice_json(void **state)
{
	struct rulebook rb = RULEBOOK_INIT;
	struct advice_list list = ADVICE_LIST_INIT;
	struct advice *a;
	const struct rule *r;
	json_t *arr, *o, *rule;
	int32_t day;
	char *dump;

	(void)state;
	load_builtin(&rb);
	assert_true(date_parse_iso("2026-11-24", &day));
	a = advice_add(&list, rulebook_get(&rb, "massage-pre-race-deep"), ADVICE_WARNING, day,
	               day + 2, "no deep tissue now");
	advice_fact(a, "A race in 3 days");
	advice_add(&list, rulebook_get(&rb, "hydrate-after-massage"), ADVICE_ADVICE, day, day,
	           "drink");

	arr = render_json_advice_list(&list);
	assert_int_equal(json_array_size(arr), 2);
	o = json_array_get(arr, 0);
	assert_string_equal(json_string_value(json_object_get(o, "rule")), "massage-pre-race-deep");
	assert_string_equal(json_string_value(json_object_get(o, "kind")), "warning");
	assert_string_equal(json_string_value(json_object_get(o, "from")), "2026-11-24");
	assert_string_equal(json_string_value(json_object_get(o, "to")), "2026-11-26");
	assert_string_equal(json_string_value(json_object_get(o, "text")), "no deep tissue now");
	assert_string_equal(json_string_value(json_object_get(o, "reason")),
	                    rulebook_get(&rb, "massage-pre-race-deep")->reason);
	assert_string_equal(json_string_value(json_object_get(o, "source")),
	                    rulebook_get(&rb, "massage-pre-race-deep")->source);
	assert_int_equal(json_array_size(json_object_get(o, "facts")), 1);
	assert_string_equal(json_string_value(json_array_get(json_object_get(o, "facts"), 0)),
	                    "A race in 3 days");
	assert_int_equal(json_object_size(o), 8);
	o = json_array_get(arr, 1);
	assert_string_equal(json_string_value(json_object_get(o, "kind")), "advice");
	assert_true(json_is_array(json_object_get(o, "facts")));
	assert_int_equal(json_array_size(json_object_get(o, "facts")), 0);
	json_decref(arr);

	r = rulebook_get(&rb, "massage-post-race");
	rule = render_json_rule(r);
	dump = json_dumps(rule, JSON_SORT_KEYS | JSON_COMPACT);
	assert_non_null(strstr(dump, "\"id\":\"massage-post-race\""));
	assert_non_null(strstr(dump, "\"enabled\":true"));
	assert_non_null(strstr(dump, "\"from_days\":3"));
	assert_non_null(strstr(dump, "\"to_days\":5"));
	assert_string_equal(json_string_value(json_object_get(rule, "reason")), r->reason);
	assert_int_equal(json_object_size(json_object_get(rule, "params")), r->n_params);
	free(dump);
	json_decref(rule);
	advice_list_release(&list);
	rulebook_release(&rb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_has_every_design_rule),
		cmocka_unit_test(test_builtin_values),
		cmocka_unit_test(test_parse_small),
		cmocka_unit_test(test_parse_refuses),
		cmocka_unit_test(test_parse_long_and_equal),
		cmocka_unit_test(test_override_applies),
		cmocka_unit_test(test_override_reports),
		cmocka_unit_test(test_override_inverted_window),
		cmocka_unit_test(test_override_builtin),
		cmocka_unit_test_setup_teardown(test_load, fixture_setup_folder, fixture_teardown),
		cmocka_unit_test(test_advice_list),
		cmocka_unit_test(test_advice_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
