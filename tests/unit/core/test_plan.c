/*
 * test_plan.c: plans, workouts and plan templates (core/plan.h): the
 * built-in templates parse and say what the data files say; broken
 * templates are refused naming the file, the line or section, and the
 * key; a plan is checked before it is stored; the plan to show is picked
 * by its race's day.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "base/datafile.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/strbuf.h"
#include "core/plan.h"

static int32_t day(int y, int m, int d)
{
	return date_from_civil(y, m, d);
}

/* A small template that is valid; the tests break it one piece at a time. */
static const char good[] = "[plan]\n"
                           "name = test race\n"
                           "distance = 10k\n"
                           "weeks = 8\n"
                           "min_weeks = 6\n"
                           "max_weeks = 12\n"
                           "days = 4\n"
                           "longest = 2\n"
                           "cutback_every = 3\n"
                           "cutback = 80%\n"
                           "start = 120 min, 20 km\n"
                           "peak_max = 300 min, 50 km\n"
                           "longest_run = 80 min, 14 km\n"
                           "easy_min = 20 min, 3 km\n"
                           "easy_max = 60 min, 11 km\n"
                           "about_rest = rest\n"
                           "about_easy = easy\n"
                           "about_long = long\n"
                           "about_race = race\n"
                           "[base]\n"
                           "weeks = 40%\n"
                           "volume = 70% to 85%\n"
                           "long = 60% to 75%\n"
                           "hard = tempo\n"
                           "hard_max = 1\n"
                           "strength = gym\n"
                           "[build]\n"
                           "weeks = 35%\n"
                           "volume = 85% to 95%\n"
                           "long = 75% to 90%\n"
                           "hard = tempo, reps\n"
                           "[peak]\n"
                           "weeks = 25%\n"
                           "volume = 95% to 100%\n"
                           "long = 90% to 100%\n"
                           "after_longest = 85%\n"
                           "hard = reps\n"
                           "[taper]\n"
                           "volume = 60%\n"
                           "hard = reps\n"
                           "[session tempo]\n"
                           "kind = tempo\n"
                           "target = 45 min, 8 km\n"
                           "about = 20 min at tempo\n"
                           "[session reps]\n"
                           "kind = intervals\n"
                           "target = 8 km, 40 min\n"
                           "about = 6 x 2 min hard\n"
                           "[session gym]\n"
                           "kind = strength\n"
                           "target = 25 min\n"
                           "about = hips and glutes\n";

/* good with the first `from` replaced by `to`. */
static char *edited(const char *from, const char *to)
{
	const char *at = strstr(good, from);
	struct strbuf sb = STRBUF_INIT;

	assert_non_null(at);
	strbuf_add(&sb, good, (size_t)(at - good));
	strbuf_adds(&sb, to);
	strbuf_adds(&sb, at + strlen(from));
	return strbuf_detach(&sb, NULL);
}

/* Parsing text must fail with ERR_FORMAT and a message holding each of
 * the NULL-terminated words. */
static void refused(const char *text, ...)
{
	struct plan_template t;
	struct err err = ERR_INIT;
	va_list ap;
	const char *word;

	assert_int_equal(plan_template_parse(&t, "test", text, "plans/test.ini", &err), ERR_FORMAT);
	va_start(ap, text);
	while ((word = va_arg(ap, const char *)) != NULL) {
		if (!strstr(err.msg, word)) {
			fail_msg("'%s' lacks '%s'", err.msg, word);
		}
	}
	va_end(ap);
	/* released on failure: nothing to free, and the struct is zero */
	assert_null(t.sessions);
	assert_null(t.name);
}

static void refused_edit(const char *from, const char *to, const char *w1, const char *w2)
{
	char *text = edited(from, to);

	refused(text, w1, w2, (const char *)NULL);
	free(text);
}

static void test_good_template(void **state)
{
	struct plan_template t;
	struct err err = ERR_INIT;

	(void)state;
	if (plan_template_parse(&t, "test", good, "plans/test.ini", &err)) {
		fail_msg("%s", err.msg);
	}
	assert_string_equal(t.code, "test");
	assert_string_equal(t.name, "test race");
	assert_true(fabs(t.distance_m - 10000) < 1e-9);
	assert_int_equal(t.weeks, 8);
	assert_int_equal(t.cutback_every, 3);
	assert_true(fabs(t.cutback - 0.8) < 1e-9);
	assert_true(fabs(t.start.s - 7200) < 1e-9);
	assert_true(fabs(t.start.m - 20000) < 1e-9);
	assert_true(fabs(t.phases[PLAN_BASE].volume_from - 0.7) < 1e-9);
	assert_true(fabs(t.phases[PLAN_BASE].volume_to - 0.85) < 1e-9);
	assert_int_equal(t.phases[PLAN_BASE].hard_max, 1);
	assert_int_equal(t.phases[PLAN_BUILD].hard_max, 2); /* the default */
	assert_int_equal(t.phases[PLAN_TAPER].n_taper, 1);
	assert_true(fabs(t.phases[PLAN_PEAK].after_longest - 0.85) < 1e-9);
	/* sessions resolved, in file order, whatever order they are named in */
	assert_int_equal(t.n_sessions, 3);
	assert_int_equal(t.phases[PLAN_BUILD].n_hard, 2);
	assert_string_equal(t.sessions[t.phases[PLAN_BUILD].hard[1]].code, "reps");
	/* a target's time and distance in either order */
	assert_true(fabs(t.sessions[1].time.s - 2400) < 1e-9);
	assert_true(fabs(t.sessions[1].time.m - 8000) < 1e-9);
	assert_string_equal(t.sessions[t.phases[PLAN_BASE].strength].code, "gym");
	assert_true(isnan(t.sessions[2].time.m));
	assert_int_equal(t.phases[PLAN_PEAK].strength, -1);
	assert_int_equal(plan_template_pre_taper(&t, 8), 7);
	assert_int_equal(plan_template_longest_week(&t, 8), 6);
	plan_template_release(&t);
}

/* The four built-in templates parse, are for their distances, and keep
 * the conventions their comments give. */
static void test_builtin_templates(void **state)
{
	static const struct {
		const char *code;
		double distance_m;
		int weeks, taper, longest;
		double longest_run_s;
	} want[] = {
		{ "5k", 5000, 8, 1, 2, 3600 },
		{ "10k", 10000, 10, 1, 2, 4800 },
		{ "half", PARSE_HALF_MARATHON_M, 16, 2, 2, 7200 },
		{ "marathon", PARSE_MARATHON_M, 18, 3, 3, 12000 },
	};
	const char *names[16];
	size_t n = datafile_list("plans/", names, 16);

	(void)state;
	assert_int_equal(n, 4);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct strbuf name = STRBUF_INIT, text = STRBUF_INIT, origin = STRBUF_INIT;
		struct plan_template t;
		struct err err = ERR_INIT;

		strbuf_addf(&name, "plans/%s.ini", want[i].code);
		assert_int_equal(datafile_read(name.buf, &text, &origin, &err), ERR_OK);
		assert_string_equal(origin.buf + strlen("built-in "), name.buf);
		if (plan_template_parse(&t, want[i].code, text.buf, origin.buf, &err)) {
			fail_msg("%s", err.msg);
		}
		assert_true(fabs(t.distance_m - want[i].distance_m) < 1e-9);
		assert_int_equal(t.weeks, want[i].weeks);
		assert_int_equal(t.phases[PLAN_TAPER].n_taper, want[i].taper);
		assert_int_equal(t.longest, want[i].longest);
		assert_true(fabs(t.longest_run.s - want[i].longest_run_s) < 1e-9);
		/* a cutback every 3rd or 4th week; the taper cuts volume */
		assert_true(t.cutback_every == 3 || t.cutback_every == 4);
		for (int w = 0; w < t.phases[PLAN_TAPER].n_taper; w++) {
			assert_true(t.phases[PLAN_TAPER].taper_volume[w] < 1);
		}
		/* every phase has quality sessions, and descriptions for each day kind */
		for (int ph = 0; ph < PLAN_PHASE_COUNT; ph++) {
			assert_true(t.phases[ph].n_hard >= 1);
		}
		assert_non_null(t.about[WORKOUT_REST]);
		assert_non_null(t.about[WORKOUT_RACE]);
		plan_template_release(&t);
		strbuf_release(&name);
		strbuf_release(&text);
		strbuf_release(&origin);
	}
	/* in name order, found by their folder */
	assert_string_equal(names[0], "plans/10k.ini");
	assert_string_equal(names[2], "plans/half.ini");
	assert_int_equal(datafile_list("plan", NULL, 0), 4);
	assert_int_equal(datafile_list("regions.ini", NULL, 0), 1);
}

static void test_bad_values_name_line_and_key(void **state)
{
	(void)state;
	/* a value: the line (of the text), the section and the key */
	refused_edit("volume = 85% to 95%", "volume = 85% to 195%", "line 29", "[build] volume");
	refused_edit("cutback = 80%", "cutback = lots", "plans/test.ini: line 10",
	             "[plan] cutback");
	refused_edit("start = 120 min, 20 km", "start = 120 min", "line 11",
	             "a time and a distance");
	refused_edit("days = 4", "days = 9", "[plan] days", "3..7");
	refused_edit("kind = tempo", "kind = long", "[session tempo] kind", "not tempo");
	refused_edit("weeks = 8\n", "weeks = 8\nweeks = 9\n", "[plan] weeks", "given twice");
	refused_edit("[base]\n", "[base]\ncolour = red\n", "[base] colour", "unknown key");
	refused_edit("[taper]\n", "[tapir]\n", "[tapir]", "unknown section");
	refused_edit("name = test race\n", "name = test race\nno equals sign\n", "line 3",
	             "not 'key = value'");
}

static void test_bad_wholes_name_the_section(void **state)
{
	(void)state;
	refused_edit("hard = tempo, reps", "hard = tempo, repz", "[build] hard",
	             "no [session repz]");
	refused_edit("strength = gym", "strength = tempo", "[base] strength", "kind strength");
	refused_edit("weeks = 25%", "weeks = 35%", "add up to 110%", "plans/test.ini");
	refused_edit("long = 90% to 100%", "long = 90% to 95%", "[peak]", "100%");
	refused_edit("volume = 60%", "volume = 60%, 40%", "[taper] long", "one share");
	refused_edit("after_longest = 85%\n", "", "[peak] after_longest", "the longest");
	refused_edit("min_weeks = 6", "min_weeks = 4", "[plan] min_weeks", "at least 5");
	refused_edit("weeks = 8\n", "weeks = 13\n", "[plan] weeks", "6..12");
	refused_edit("about_race = race\n", "", "[plan]", "no about_race");
	refused_edit("[taper]\nvolume = 60%\nhard = reps\n", "", "no [taper]", "plans/test.ini");
	refused_edit("target = 8 km, 40 min", "target = 40 min", "[session reps] target",
	             "a time and a distance");
}

/* A plan of one week ending on a Sunday race: rest Mon..Sat, race Sun. */
static void small_plan(struct plan *p)
{
	plan_init(p);
	p->race_id = 1;
	p->athlete_id = 1;
	p->template_name = strdup("5k");
	p->weeks = 1;
	p->days = 3;
	p->start = day(2027, 3, 15);
	p->race_date = day(2027, 3, 21);
	for (int32_t d = p->start; d <= p->race_date; d++) {
		struct workout *w = plan_push_workout(p);

		w->date = d;
		w->week = 1;
		w->phase = PLAN_TAPER;
		w->kind = d == p->race_date ? WORKOUT_RACE : WORKOUT_REST;
		if (w->kind == WORKOUT_RACE) {
			w->target_m = 5000;
		}
		w->description = strdup("x");
	}
}

static void test_plan_validate(void **state)
{
	struct plan p;
	struct err err = ERR_INIT;

	(void)state;
	small_plan(&p);
	assert_int_equal(plan_validate(&p, &err), ERR_OK);
	p.workouts[2].kind = WORKOUT_EASY;
	assert_int_equal(plan_validate(&p, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "2027-03-17"));
	assert_non_null(strstr(err.msg, "needs a target"));
	p.workouts[2].target_s = 1800;
	assert_int_equal(plan_validate(&p, &err), ERR_OK);
	p.workouts[2].kind = WORKOUT_REST;
	assert_int_equal(plan_validate(&p, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "rest day has no target"));
	p.workouts[2].target_s = (double)NAN;
	p.workouts[6].kind = WORKOUT_LONG;
	assert_int_equal(plan_validate(&p, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "the race"));
	p.workouts[6].kind = WORKOUT_RACE;
	p.days = 2;
	assert_int_equal(plan_validate(&p, &err), ERR_INPUT);
	p.days = 3;
	p.start += 1; /* not a Monday */
	assert_int_equal(plan_validate(&p, &err), ERR_INPUT);
	p.start -= 1;
	p.n_workouts--; /* a day missing */
	assert_int_equal(plan_validate(&p, &err), ERR_INPUT);
	p.n_workouts++;
	assert_int_equal(plan_validate(&p, &err), ERR_OK);
	plan_release(&p);
}

static void test_plan_pick(void **state)
{
	struct plan_list list = PLAN_LIST_INIT;
	struct plan *a = plan_list_push(&list), *b = plan_list_push(&list);

	(void)state;
	a->id = 1;
	a->race_date = day(2027, 3, 21);
	b->id = 2;
	b->race_date = day(2027, 2, 7);
	/* the next race's plan */
	assert_int_equal(plan_pick(&list, day(2027, 1, 1)), 1);
	assert_int_equal(plan_pick(&list, day(2027, 2, 7)), 1);
	assert_int_equal(plan_pick(&list, day(2027, 2, 8)), 0);
	/* after every race, the last one's */
	assert_int_equal(plan_pick(&list, day(2027, 4, 1)), 0);
	plan_list_release(&list);
	assert_int_equal(plan_pick(&list, day(2027, 4, 1)), -1);
}

static void test_plan_range(void **state)
{
	struct plan p;
	size_t first, end;

	(void)state;
	small_plan(&p);
	plan_range(&p, day(2027, 3, 17), day(2027, 3, 18), &first, &end);
	assert_int_equal(first, 2);
	assert_int_equal(end, 4);
	plan_range(&p, day(2027, 3, 22), day(2027, 3, 28), &first, &end);
	assert_int_equal(first, end);
	plan_release(&p);
}

static void test_names_and_kinds(void **state)
{
	enum workout_kind k;
	enum plan_by by;
	enum plan_phase ph;
	struct err err = ERR_INIT;

	(void)state;
	for (int i = 0; i < WORKOUT_KIND_COUNT; i++) {
		assert_int_equal(
		        workout_kind_parse(workout_kind_name((enum workout_kind)i), &k, &err),
		        ERR_OK);
		assert_int_equal(k, i);
	}
	assert_int_equal(workout_kind_parse("jog", &k, &err), ERR_INPUT);
	assert_non_null(strstr(err.msg, "intervals"));
	assert_int_equal(plan_by_parse("dist", &by, &err), ERR_OK);
	assert_int_equal(by, PLAN_BY_DISTANCE);
	assert_int_equal(plan_by_parse("T", &by, &err), ERR_OK);
	assert_int_equal(by, PLAN_BY_TIME);
	assert_int_equal(plan_by_parse("pace", &by, &err), ERR_INPUT);
	assert_int_equal(plan_phase_parse("Peak", &ph, &err), ERR_OK);
	assert_int_equal(ph, PLAN_PEAK);
	/* which days count as running and as hard */
	assert_true(workout_kind_is_run(WORKOUT_RACE));
	assert_false(workout_kind_is_run(WORKOUT_STRENGTH));
	assert_true(workout_kind_is_hard(WORKOUT_LONG));
	assert_false(workout_kind_is_hard(WORKOUT_EASY));
	/* which sports do which workouts */
	assert_true(workout_kind_matches(WORKOUT_EASY, SPORT_TRAIL));
	assert_false(workout_kind_matches(WORKOUT_EASY, SPORT_BIKE));
	assert_true(workout_kind_matches(WORKOUT_CROSS, SPORT_BIKE));
	assert_true(workout_kind_matches(WORKOUT_STRENGTH, SPORT_YOGA));
	assert_false(workout_kind_matches(WORKOUT_REST, SPORT_RUN));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_template),
		cmocka_unit_test(test_builtin_templates),
		cmocka_unit_test(test_bad_values_name_line_and_key),
		cmocka_unit_test(test_bad_wholes_name_the_section),
		cmocka_unit_test(test_plan_validate),
		cmocka_unit_test(test_plan_pick),
		cmocka_unit_test(test_plan_range),
		cmocka_unit_test(test_names_and_kinds),
	};

	/* the built-in templates, not a runner's copies */
	setenv("XDG_CONFIG_HOME", "/nonexistent/knead-test-config", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
