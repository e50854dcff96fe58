/*
 * test_text.c: records as short text (render/text.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "base/date.h"
#include "render/text.h"

/* An activity on 2026-11-21; at 20:30 -05:00 when timed. */
static struct activity make(enum sport sport, double distance_m, double duration_s, bool timed)
{
	struct activity a;

	activity_init(&a);
	a.sport = sport;
	a.date = date_from_civil(2026, 11, 21);
	a.distance_m = distance_m;
	a.duration_s = duration_s;
	if (timed) {
		a.has_start = true;
		a.start_utc = (int64_t)date_from_civil(2026, 11, 22) * 86400 + 5400; /* 01:30Z */
		a.utc_offset = -18000;
	}
	return a;
}

enum what {
	DAY,
	CLOCK,
	SPORT,
	PACE_KM,
	PACE_MI,
	LINE_KM,
	LINE_MI
};

static void check(enum what what, const struct activity *a, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_adds(&sb, "|"); /* each appends */
	switch (what) {
	case DAY:
		render_day(&sb, a->date);
		break;
	case CLOCK:
		render_start_clock(&sb, a);
		break;
	case SPORT:
		render_sport(&sb, a);
		break;
	case PACE_KM:
		render_pace(&sb, a, UNITS_KM);
		break;
	case PACE_MI:
		render_pace(&sb, a, UNITS_MI);
		break;
	case LINE_KM:
		render_activity_line(&sb, a, UNITS_KM);
		break;
	case LINE_MI:
		render_activity_line(&sb, a, UNITS_MI);
		break;
	}
	if (sb.buf[0] != '|' || strcmp(sb.buf + 1, want) != 0) {
		fail_msg("case %d: got '%s', expected '%s'", (int)what, sb.buf + 1, want);
	}
	strbuf_release(&sb);
}

static void test_day(void **state)
{
	struct activity a = make(SPORT_RUN, 8000, (double)NAN, false);

	(void)state;
	check(DAY, &a, "Sat 2026-11-21");
	a.date = date_from_civil(2026, 11, 24);
	check(DAY, &a, "Tue 2026-11-24");
	a.date = 0;
	check(DAY, &a, "Thu 1970-01-01");
	a.date = DATE_NONE;
	check(DAY, &a, "");
}

static void test_start_clock(void **state)
{
	struct activity a = make(SPORT_RUN, 8000, (double)NAN, true);

	(void)state;
	check(CLOCK, &a, "20:30"); /* the local time, though UTC is the next day */
	a.utc_offset = 3600 + 1800;
	check(CLOCK, &a, "03:00");
	a.utc_offset = 0;
	check(CLOCK, &a, "01:30");
	a.start_utc = -3600; /* before 1970 */
	check(CLOCK, &a, "23:00");
	a.start_utc = 59;
	check(CLOCK, &a, "00:00"); /* minutes, not rounded */
	a.has_start = false;
	check(CLOCK, &a, "");
}

static void test_sport(void **state)
{
	struct activity a = make(SPORT_RUN, 8000, (double)NAN, false);

	(void)state;
	check(SPORT, &a, "run");
	a.treadmill = true;
	check(SPORT, &a, "run (treadmill)");
	a.sport = SPORT_XCSKI;
	a.treadmill = false;
	check(SPORT, &a, "xcski");
}

static void test_pace(void **state)
{
	struct activity a;

	(void)state;
	/* on foot: min/km or min/mi */
	a = make(SPORT_RUN, 8000, 2640, false);
	check(PACE_KM, &a, "5:30 /km");
	check(PACE_MI, &a, "8:51 /mi");
	a.sport = SPORT_TRAIL;
	check(PACE_KM, &a, "5:30 /km");
	a.sport = SPORT_WALK;
	check(PACE_KM, &a, "5:30 /km");
	/* moving time counts when known */
	a.sport = SPORT_RUN;
	a.moving_s = 2400;
	check(PACE_KM, &a, "5:00 /km");
	/* wheels and skis: speed */
	a = make(SPORT_BIKE, 40000, 3600, false);
	check(PACE_KM, &a, "40.0 km/h");
	check(PACE_MI, &a, "24.9 mph");
	a.sport = SPORT_SKI;
	check(PACE_KM, &a, "40.0 km/h");
	a.sport = SPORT_XCSKI;
	a.distance_m = 15000;
	check(PACE_KM, &a, "15.0 km/h");
	/* water: per 100 m, whatever the units */
	a = make(SPORT_SWIM, 1500, 1680, false);
	check(PACE_KM, &a, "1:52 /100m");
	check(PACE_MI, &a, "1:52 /100m");
	/* time-only sports: nothing */
	a = make(SPORT_YOGA, 1000, 3600, false);
	check(PACE_KM, &a, "");
	a.sport = SPORT_STRENGTH;
	check(PACE_KM, &a, "");
	a.sport = SPORT_OTHER;
	check(PACE_KM, &a, "");
	/* nothing without distance or time */
	a = make(SPORT_RUN, (double)NAN, 2700, false);
	check(PACE_KM, &a, "");
	a = make(SPORT_BIKE, 40000, (double)NAN, false);
	check(PACE_KM, &a, "");
}

static void test_activity_line(void **state)
{
	struct activity a;

	(void)state;
	a = make(SPORT_RUN, 8000, 2700, true);
	a.treadmill = true;
	check(LINE_KM, &a, "Sat 2026-11-21 20:30  run (treadmill)  8.00 km  45:00");
	check(LINE_MI, &a, "Sat 2026-11-21 20:30  run (treadmill)  4.97 mi  45:00");
	a = make(SPORT_RUN, 8000, (double)NAN, false);
	check(LINE_KM, &a, "Sat 2026-11-21  run  8.00 km");
	a = make(SPORT_SKI, (double)NAN, 3 * 3600, false);
	check(LINE_KM, &a, "Sat 2026-11-21  ski  3:00:00");
	a = make(SPORT_RUN, (double)NAN, 200 * 60, true);
	check(LINE_KM, &a, "Sat 2026-11-21 20:30  run  3:20:00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day),           cmocka_unit_test(test_start_clock),
		cmocka_unit_test(test_sport),         cmocka_unit_test(test_pace),
		cmocka_unit_test(test_activity_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
