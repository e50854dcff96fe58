/*
 * test_recording.c: decoded files, their samples and laps, and what
 * recording_derive works out from them (core/recording.h).
 *
 * The derive tests run in America/Toronto (UTC-5, UTC-4 in summer), so
 * that a local date differs from the UTC one, and go back to the system's
 * zone after.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "base/date.h"
#include "base/geo.h"
#include "base/tz.h"
#include "core/recording.h"

/* The instant at which UTC reads y-m-d h:mi:s. */
static int64_t utc_at(int y, int m, int d, int h, int mi, int s)
{
	return (int64_t)date_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60 + s;
}

/* A small deterministic noise source: uniform in [-1, 1]. */
static double jitter(uint32_t *seed)
{
	*seed = *seed * 1664525u + 1013904223u;
	return (double)(*seed >> 8) / (double)(1u << 23) - 1;
}

static void check_near(double got, double want, double tolerance, const char *what)
{
	if (!(fabs(got - want) <= tolerance)) {
		fail_msg("%s: got %.6f, expected %.6f (within %g)", what, got, want, tolerance);
	}
}

static void check_nan(double got, const char *what)
{
	if (!isnan(got)) {
		fail_msg("%s: got %.6f, expected unknown", what, got);
	}
}

/* Append a row with the given values; NAN leaves a field out. */
static size_t add_row(struct samples *s, double t, double lat, double lon, double alt, double dist,
                      double hr)
{
	size_t row = samples_add_row(s);

	samples_set(s, row, SAMPLE_TIME, t);
	samples_set(s, row, SAMPLE_LAT, lat);
	samples_set(s, row, SAMPLE_LON, lon);
	samples_set(s, row, SAMPLE_ALTITUDE, alt);
	samples_set(s, row, SAMPLE_DISTANCE, dist);
	samples_set(s, row, SAMPLE_HR, hr);
	return row;
}

/* A recording from a FIT file with one activity of the sport. */
static struct recorded *one_activity(struct recording *rec, enum sport sport)
{
	struct recorded *r;

	recording_init(rec);
	rec->format = SOURCE_FIT;
	r = recording_add(rec);
	r->activity.sport = sport;
	return r;
}

/* n rows at 1 Hz from t0 running north from (lat, lon) at speed m/s,
 * with the device's distance, positions or both. */
static void add_run(struct samples *s, double t0, size_t n, double speed, bool with_distance,
                    bool with_positions)
{
	double lat0 = 43.65, lon0 = -79.38;
	/* metres per degree of latitude near 43.65 N */
	double per_deg = geo_distance(lat0 - 0.5, lon0, lat0 + 0.5, lon0);

	for (size_t i = 0; i < n; i++) {
		double d = speed * (double)i;

		add_row(s, t0 + (double)i, with_positions ? lat0 + d / per_deg : (double)NAN,
		        with_positions ? lon0 : (double)NAN, (double)NAN,
		        with_distance ? d : (double)NAN, (double)NAN);
	}
}

static int use_toronto(void **state)
{
	struct err err = ERR_INIT;

	(void)state;
	if (tz_use("America/Toronto", &err) != ERR_OK) {
		fprintf(stderr, "setup: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int use_system_zone(void **state)
{
	struct err err = ERR_INIT;

	(void)state;
	return tz_use("", &err) == ERR_OK ? 0 : -1;
}

/* ---- samples ---- */

static void test_samples_empty(void **state)
{
	struct samples s;

	(void)state;
	samples_init(&s);
	assert_int_equal(s.n, 0);
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		assert_false(samples_has(&s, (enum sample_field)f));
		assert_null(s.cols[f]);
		check_nan(samples_get(&s, 0, (enum sample_field)f), "empty");
	}
	samples_release(&s);
	samples_release(&s); /* released twice is fine: back to empty */
	assert_int_equal(s.n, 0);
}

static void test_samples_set_and_get(void **state)
{
	struct samples s;

	(void)state;
	samples_init(&s);
	assert_int_equal(samples_add_row(&s), 0);
	assert_int_equal(samples_add_row(&s), 1);
	assert_int_equal(s.n, 2);
	/* rows alone create no column */
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		assert_false(samples_has(&s, (enum sample_field)f));
	}
	samples_set(&s, 1, SAMPLE_HR, 142);
	assert_true(samples_has(&s, SAMPLE_HR));
	assert_false(samples_has(&s, SAMPLE_POWER));
	assert_null(s.cols[SAMPLE_POWER]);
	/* the new column is NAN where no value was set */
	check_nan(samples_get(&s, 0, SAMPLE_HR), "row 0 hr");
	assert_true(samples_get(&s, 1, SAMPLE_HR) == 142);
	/* a later row starts without values */
	assert_int_equal(samples_add_row(&s), 2);
	check_nan(samples_get(&s, 2, SAMPLE_HR), "row 2 hr");
	/* NAN is ignored: it creates nothing and erases nothing */
	samples_set(&s, 0, SAMPLE_POWER, (double)NAN);
	assert_false(samples_has(&s, SAMPLE_POWER));
	samples_set(&s, 1, SAMPLE_HR, (double)NAN);
	assert_true(samples_get(&s, 1, SAMPLE_HR) == 142);
	/* values are replaced, and zero and negatives are values */
	samples_set(&s, 1, SAMPLE_HR, 143);
	assert_true(samples_get(&s, 1, SAMPLE_HR) == 143);
	samples_set(&s, 0, SAMPLE_ALTITUDE, -12.5);
	samples_set(&s, 2, SAMPLE_SPEED, 0);
	assert_true(samples_get(&s, 0, SAMPLE_ALTITUDE) == -12.5);
	assert_true(samples_get(&s, 2, SAMPLE_SPEED) == 0);
	assert_true(samples_has(&s, SAMPLE_SPEED));
	/* every field holds its own value */
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		samples_set(&s, 2, (enum sample_field)f, 1000 + f);
	}
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		assert_true(samples_get(&s, 2, (enum sample_field)f) == 1000 + f);
	}
	/* beyond the last row there is nothing */
	check_nan(samples_get(&s, 3, SAMPLE_HR), "row 3");
	samples_release(&s);
	assert_int_equal(s.n, 0);
	assert_false(samples_has(&s, SAMPLE_HR));
}

/* Growing over many rows keeps every earlier value, in columns made early
 * and late. */
static void test_samples_growth(void **state)
{
	enum {
		N = 100000
	};
	struct samples s;

	(void)state;
	samples_init(&s);
	for (size_t i = 0; i < N; i++) {
		size_t row = samples_add_row(&s);

		assert_true(row == i);
		samples_set(&s, row, SAMPLE_TIME, 1e9 + (double)i);
		if (i >= 300 && i % 3 == 0) {
			samples_set(&s, row, SAMPLE_HR, (double)(100 + i % 90));
		}
		if (i == 70000) {
			samples_set(&s, row, SAMPLE_POWER, 250);
		}
	}
	assert_int_equal(s.n, N);
	assert_true(s.alloc >= s.n);
	for (size_t i = 0; i < N; i++) {
		double hr = samples_get(&s, i, SAMPLE_HR);

		if (samples_get(&s, i, SAMPLE_TIME) != 1e9 + (double)i) {
			fail_msg("row %zu: time %f", i, samples_get(&s, i, SAMPLE_TIME));
		}
		if (i >= 300 && i % 3 == 0 ? hr != (double)(100 + i % 90) : !isnan(hr)) {
			fail_msg("row %zu: hr %f", i, hr);
		}
		if (i == 70000 ? samples_get(&s, i, SAMPLE_POWER) != 250
		               : !isnan(samples_get(&s, i, SAMPLE_POWER))) {
			fail_msg("row %zu: power %f", i, samples_get(&s, i, SAMPLE_POWER));
		}
	}
	samples_release(&s);
}

static void test_samples_move_tail(void **state)
{
	struct samples src, dst;

	(void)state;
	samples_init(&src);
	samples_init(&dst);
	/* dst already has two rows of its own */
	for (int i = 0; i < 2; i++) {
		size_t row = samples_add_row(&dst);

		samples_set(&dst, row, SAMPLE_POWER, 200 + i);
	}
	/* src: time on every row, altitude on the first half, hr on the second */
	for (int i = 0; i < 10; i++) {
		size_t row = samples_add_row(&src);

		samples_set(&src, row, SAMPLE_TIME, 100 + i);
		samples_set(&src, row, i < 5 ? SAMPLE_ALTITUDE : SAMPLE_HR, 50 + i);
	}
	samples_move_tail(&dst, &src, 5);
	assert_int_equal(src.n, 5);
	assert_int_equal(dst.n, 7);
	for (size_t i = 0; i < 5; i++) {
		assert_true(samples_get(&src, i, SAMPLE_TIME) == 100 + (double)i);
		assert_true(samples_get(&src, i, SAMPLE_ALTITUDE) == 50 + (double)i);
		check_nan(samples_get(&src, i, SAMPLE_HR), "src hr");
	}
	for (size_t i = 0; i < 2; i++) {
		assert_true(samples_get(&dst, i, SAMPLE_POWER) == 200 + (double)i);
		check_nan(samples_get(&dst, i, SAMPLE_TIME), "dst's own time");
		check_nan(samples_get(&dst, i, SAMPLE_HR), "dst's own hr");
	}
	for (size_t i = 2; i < 7; i++) {
		assert_true(samples_get(&dst, i, SAMPLE_TIME) == 103 + (double)i);
		assert_true(samples_get(&dst, i, SAMPLE_HR) == 53 + (double)i);
		check_nan(samples_get(&dst, i, SAMPLE_POWER), "moved power");
	}
	/* no moved row had altitude, so dst has none */
	assert_false(samples_has(&dst, SAMPLE_ALTITUDE));
	/* src keeps growing from where it now ends, with empty rows */
	assert_int_equal(samples_add_row(&src), 5);
	check_nan(samples_get(&src, 5, SAMPLE_TIME), "src's new row");
	check_nan(samples_get(&src, 5, SAMPLE_HR), "src's new row hr");
	/* moving from the end moves nothing; from 0 moves all */
	samples_move_tail(&dst, &src, 6);
	assert_int_equal(dst.n, 7);
	assert_int_equal(src.n, 6);
	samples_move_tail(&dst, &src, 0);
	assert_int_equal(src.n, 0);
	assert_int_equal(dst.n, 13);
	assert_true(samples_get(&dst, 7, SAMPLE_ALTITUDE) == 50);
	assert_true(samples_get(&dst, 11, SAMPLE_TIME) == 104);
	check_nan(samples_get(&dst, 12, SAMPLE_TIME), "moved empty row");
	samples_release(&src);
	samples_release(&dst);
}

/* samples_has is "any row has f": after a split, a part none of whose rows
 * has a field must not claim it (the treadmill flag and the blob rely on
 * it). */
static void test_samples_move_tail_leaves_no_empty_column(void **state)
{
	struct samples src, dst;

	(void)state;
	samples_init(&src);
	samples_init(&dst);
	for (int i = 0; i < 10; i++) {
		size_t row = samples_add_row(&src);

		samples_set(&src, row, SAMPLE_TIME, 100 + i);
		if (i >= 5) {
			samples_set(&src, row, SAMPLE_LAT, 45 + i * 1e-4);
		}
	}
	samples_move_tail(&dst, &src, 5);
	assert_true(samples_has(&dst, SAMPLE_LAT));
	assert_false(samples_has(&src, SAMPLE_LAT));
	samples_release(&src);
	samples_release(&dst);
}

static void test_samples_field_names(void **state)
{
	static const char *const names[SAMPLE_FIELDS] = {
		[SAMPLE_TIME] = "time",         [SAMPLE_LAT] = "lat",
		[SAMPLE_LON] = "lon",           [SAMPLE_ALTITUDE] = "altitude",
		[SAMPLE_DISTANCE] = "distance", [SAMPLE_HR] = "hr",
		[SAMPLE_CADENCE] = "cadence",   [SAMPLE_POWER] = "power",
		[SAMPLE_SPEED] = "speed",
	};

	(void)state;
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		assert_string_equal(samples_field_name((enum sample_field)f), names[f]);
	}
	assert_non_null(samples_field_name(SAMPLE_FIELDS));
}

/* ---- laps, activities, recordings ---- */

static void check_lap_unknown(const struct lap *lap)
{
	check_nan(lap->start_utc, "start_utc");
	check_nan(lap->elapsed_s, "elapsed_s");
	check_nan(lap->moving_s, "moving_s");
	check_nan(lap->distance_m, "distance_m");
	check_nan(lap->ascent_m, "ascent_m");
	check_nan(lap->descent_m, "descent_m");
	check_nan(lap->speed_max, "speed_max");
	check_nan(lap->cadence_avg, "cadence_avg");
	check_nan(lap->power_avg, "power_avg");
	check_nan(lap->calories, "calories");
	assert_int_equal(lap->hr_avg, 0);
	assert_int_equal(lap->hr_max, 0);
	assert_string_equal(lap->intensity, "");
	assert_string_equal(lap->trigger, "");
}

static void test_lap_init(void **state)
{
	struct lap lap;

	(void)state;
	memset(&lap, 0x5a, sizeof(lap));
	lap_init(&lap);
	check_lap_unknown(&lap);
}

static void test_recorded_laps(void **state)
{
	struct recorded r;

	(void)state;
	recorded_init(&r);
	assert_int_equal(r.n_laps, 0);
	assert_int_equal(r.samples.n, 0);
	assert_true(isnan(r.activity.distance_m));
	for (int i = 0; i < 40; i++) {
		struct lap *lap = recorded_add_lap(&r);

		assert_int_equal(r.n_laps, i + 1);
		assert_ptr_equal(lap, &r.laps[i]);
		check_lap_unknown(lap);
		lap->distance_m = 1000 + i;
		lap->hr_avg = 100 + i;
		snprintf(lap->trigger, sizeof(lap->trigger), "distance");
	}
	for (int i = 0; i < 40; i++) {
		assert_true(r.laps[i].distance_m == 1000 + i);
		assert_int_equal(r.laps[i].hr_avg, 100 + i);
		assert_string_equal(r.laps[i].trigger, "distance");
	}
	recorded_release(&r);
	assert_int_equal(r.n_laps, 0);
	assert_null(r.laps);
}

static void test_recording_add(void **state)
{
	struct recording rec;
	struct recorded *r;

	(void)state;
	recording_init(&rec);
	assert_int_equal(rec.n_activities, 0);
	assert_false(rec.repaired);
	assert_int_equal(rec.warnings.len, 0);
	assert_string_equal(rec.sha256, "");
	rec.format = SOURCE_TCX;
	for (int i = 0; i < 5; i++) {
		r = recording_add(&rec);
		assert_int_equal(rec.n_activities, i + 1);
		assert_ptr_equal(r, &rec.activities[i]);
		assert_int_equal(r->activity.source, SOURCE_TCX);
		assert_int_equal(r->activity.id, 0);
		assert_true(isnan(r->activity.distance_m));
		assert_int_equal(r->n_laps, 0);
		assert_int_equal(r->samples.n, 0);
		/* give each something to own */
		add_row(&r->samples, 1e9 + i, 45, 7, 300, 10, 120);
		recorded_add_lap(r);
		activity_set_str(&r->activity.name, "Morning run");
		r->activity.distance_m = 1000 * (i + 1);
	}
	/* earlier activities survive the array's growth */
	for (int i = 0; i < 5; i++) {
		assert_true(rec.activities[i].activity.distance_m == 1000 * (i + 1));
		assert_true(samples_get(&rec.activities[i].samples, 0, SAMPLE_TIME) == 1e9 + i);
		assert_string_equal(rec.activities[i].activity.name, "Morning run");
	}
	/* the source follows the format at the time of adding */
	rec.format = SOURCE_GPX;
	assert_int_equal(recording_add(&rec)->activity.source, SOURCE_GPX);
	rec.file_name = strdup("run.tcx");
	rec.device = strdup("Forerunner 265");
	rec.file_type = strdup("activity");
	rec.gear = strdup("Pegasus");
	recording_release(&rec);
	assert_int_equal(rec.n_activities, 0);
	assert_null(rec.activities);
	assert_null(rec.file_name);
	assert_null(rec.device);
	assert_null(rec.gear);
}

static void test_recording_warn(void **state)
{
	struct recording rec;

	(void)state;
	recording_init(&rec);
	recording_warn(&rec, "record %d: heart rate %d ignored", 12, 300);
	assert_true(rec.repaired);
	assert_string_equal(rec.warnings.buf, "record 12: heart rate 300 ignored");
	recording_warn(&rec, "lap %s: no end", "3");
	recording_warn(&rec, "%s", "truncated after byte 4096");
	assert_string_equal(rec.warnings.buf, "record 12: heart rate 300 ignored\n"
	                                      "lap 3: no end\n"
	                                      "truncated after byte 4096");
	recording_release(&rec);
	assert_false(rec.repaired);
	assert_int_equal(rec.warnings.len, 0);
}

/* ---- recording_derive ---- */

/* An hour's run starting at 03:00 UTC, a quarter to eleven the evening
 * before in Toronto: start, date and offset come from the first sample. */
static void test_derive_start_and_local_date(void **state)
{
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_RUN);
	int64_t t0 = utc_at(2026, 1, 15, 3, 0, 0);

	(void)state;
	add_run(&r->samples, (double)t0 + 0.7, 3600, 3, true, true);
	recording_derive(&rec);
	assert_true(r->activity.has_start);
	assert_int_equal(r->activity.start_utc, t0); /* whole seconds, rounded down */
	assert_int_equal(r->activity.date, date_from_civil(2026, 1, 14));
	assert_int_equal(r->activity.utc_offset, -5 * 3600);
	check_near(r->activity.duration_s, 3599, 1e-6, "elapsed");
	recording_release(&rec);

	/* in summer the offset is -4 h, and 05:00 UTC is the same day */
	r = one_activity(&rec, SPORT_RUN);
	t0 = utc_at(2026, 7, 1, 3, 59, 59);
	add_run(&r->samples, (double)t0, 60, 3, true, false);
	r = recording_add(&rec);
	add_run(&r->samples, (double)utc_at(2026, 7, 1, 4, 0, 0), 60, 3, true, false);
	recording_derive(&rec);
	assert_int_equal(rec.activities[0].activity.date, date_from_civil(2026, 6, 30));
	assert_int_equal(rec.activities[0].activity.utc_offset, -4 * 3600);
	assert_int_equal(rec.activities[1].activity.date, date_from_civil(2026, 7, 1));
	assert_int_equal(rec.activities[1].activity.utc_offset, -4 * 3600);
	recording_release(&rec);
}

/* The first and last rows need not have a time: elapsed is from the
 * first timed sample to the last. */
static void test_derive_elapsed_from_timed_samples(void **state)
{
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_WALK);
	int64_t t0 = utc_at(2026, 5, 2, 12, 0, 0);

	(void)state;
	add_row(&r->samples, (double)NAN, 45, 7, (double)NAN, (double)NAN, (double)NAN);
	add_row(&r->samples, (double)t0 + 10, 45, 7, (double)NAN, (double)NAN, (double)NAN);
	add_row(&r->samples, (double)t0 + 130.5, 45, 7, (double)NAN, (double)NAN, (double)NAN);
	add_row(&r->samples, (double)NAN, 45, 7, (double)NAN, (double)NAN, (double)NAN);
	recording_derive(&rec);
	assert_int_equal(r->activity.start_utc, t0 + 10);
	check_near(r->activity.duration_s, 120.5, 1e-9, "elapsed");
	recording_release(&rec);

	/* a single timed sample gives a start but no elapsed time */
	r = one_activity(&rec, SPORT_WALK);
	add_row(&r->samples, (double)t0, 45, 7, (double)NAN, (double)NAN, (double)NAN);
	recording_derive(&rec);
	assert_true(r->activity.has_start);
	check_nan(r->activity.duration_s, "elapsed of one sample");
	recording_release(&rec);
}

/* What the file said wins over what the samples suggest. */
static void test_derive_keeps_file_values(void **state)
{
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_RUN);
	struct activity *a = &r->activity;
	int64_t start = utc_at(2026, 3, 20, 14, 0, 0);
	uint32_t seed = 7;

	(void)state;
	a->has_start = true;
	a->start_utc = start;
	a->duration_s = 4000;
	a->distance_m = 10500;
	a->moving_s = 3700;
	a->ascent_m = 55;
	a->descent_m = 60;
	a->hr_avg = 151;
	a->hr_max = 178;
	for (int i = 0; i < 3600; i++) {
		add_row(&r->samples, (double)start + 30 + i, 43.6 + i * 2e-5, -79.4,
		        100 + i * 0.05 + jitter(&seed), 3.0 * i, 120 + i % 40);
	}
	recording_derive(&rec);
	assert_int_equal(a->start_utc, start);
	assert_int_equal(a->date, date_from_civil(2026, 3, 20));
	assert_int_equal(a->utc_offset, -4 * 3600); /* EDT from 8 March 2026 */
	assert_true(a->duration_s == 4000);
	assert_true(a->distance_m == 10500);
	assert_true(a->moving_s == 3700);
	assert_true(a->ascent_m == 55);
	assert_true(a->descent_m == 60);
	assert_int_equal(a->hr_avg, 151);
	assert_int_equal(a->hr_max, 178);
	assert_false(rec.repaired);
	recording_release(&rec);

	/* only the missing half of a pair is filled in */
	r = one_activity(&rec, SPORT_RUN);
	a = &r->activity;
	a->ascent_m = 12;
	a->hr_max = 190;
	for (int i = 0; i < 100; i++) {
		add_row(&r->samples, 1e9 + i, (double)NAN, (double)NAN, 100 - i * 0.5, (double)NAN,
		        150);
	}
	recording_derive(&rec);
	assert_true(a->ascent_m == 12);
	check_near(a->descent_m, 49.5, 2.5, "descent");
	assert_int_equal(a->hr_avg, 150);
	assert_int_equal(a->hr_max, 190);
	recording_release(&rec);
}

/* A file with no samples keeps what it said and gains nothing. */
static void test_derive_without_samples(void **state)
{
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_RUN);

	(void)state;
	r->activity.date = date_from_civil(2026, 2, 1);
	r->activity.distance_m = 5000;
	r->activity.duration_s = 1500;
	recording_derive(&rec);
	assert_false(r->activity.has_start);
	assert_int_equal(r->activity.date, date_from_civil(2026, 2, 1));
	assert_true(r->activity.distance_m == 5000);
	check_nan(r->activity.moving_s, "moving");
	check_nan(r->activity.ascent_m, "ascent");
	assert_int_equal(r->activity.hr_avg, 0);
	assert_false(r->activity.treadmill); /* no samples: no evidence either way */
	assert_false(rec.repaired);
	recording_release(&rec);
}

/* The device's cumulative distance is used as it counted: its maximum,
 * even when a last glitch reads lower; positions then do not count. */
static void test_derive_distance_from_device(void **state)
{
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_RUN);
	size_t last;

	(void)state;
	add_run(&r->samples, 1.7e9, 1000, 3, true, true); /* 2997 m */
	for (size_t i = 0; i < r->samples.n; i++) {
		/* the device counted 5 % more than the positions show */
		samples_set(&r->samples, i, SAMPLE_DISTANCE, 3.15 * (double)i);
	}
	last = add_row(&r->samples, 1.7e9 + 1000, (double)NAN, (double)NAN, (double)NAN, 12.5,
	               (double)NAN);
	assert_int_equal(last, 1000);
	recording_derive(&rec);
	check_near(r->activity.distance_m, 3.15 * 999, 1e-6, "distance");
	assert_false(r->activity.treadmill);
	recording_release(&rec);
}

static void test_derive_distance_from_positions(void **state)
{
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_RUN);
	double want = 0, lat = 0, lon = 0;
	bool have = false;

	(void)state;
	/* a wandering track, with some rows lacking a position */
	for (int i = 0; i < 2000; i++) {
		double la = 51.5 + 0.01 * sin(i / 300.0), lo = -0.12 + 0.015 * cos(i / 250.0);

		if (i % 97 == 5) {
			add_row(&r->samples, 1e9 + i, (double)NAN, (double)NAN, 20, (double)NAN,
			        (double)NAN);
			continue;
		}
		add_row(&r->samples, 1e9 + i, la, lo, 20, (double)NAN, (double)NAN);
		if (have) {
			want += geo_distance(lat, lon, la, lo);
		}
		lat = la;
		lon = lo;
		have = true;
	}
	recording_derive(&rec);
	assert_true(want > 3000);
	check_near(r->activity.distance_m, want, 1e-6, "distance");
	assert_false(r->activity.treadmill);
	recording_release(&rec);

	/* a straight line north (24 km): the sum is the distance end to end */
	r = one_activity(&rec, SPORT_BIKE);
	add_run(&r->samples, 1e9, 3001, 8, false, true);
	want = geo_distance(samples_get(&r->samples, 0, SAMPLE_LAT),
	                    samples_get(&r->samples, 0, SAMPLE_LON),
	                    samples_get(&r->samples, 3000, SAMPLE_LAT),
	                    samples_get(&r->samples, 3000, SAMPLE_LON));
	check_near(want, 24000, 1, "north: end to end");
	recording_derive(&rec);
	check_near(r->activity.distance_m, want, 0.01, "distance north");
	recording_release(&rec);
}

/* A device that wrote a distance of zero on every record of a GPS track
 * counted nothing: the positions still tell the distance. */
static void test_derive_zero_device_distance_with_positions(void **state)
{
	struct recording rec;
	struct recorded *r;

	(void)state;
	r = one_activity(&rec, SPORT_RUN);
	add_run(&r->samples, 1.7e9, 1000, 3, false, true);
	for (size_t i = 0; i < r->samples.n; i++) {
		samples_set(&r->samples, i, SAMPLE_DISTANCE, 0);
	}
	recording_derive(&rec);
	check_near(r->activity.distance_m, 2997, 1, "distance");
	check_near(r->activity.moving_s, 999, 1e-6, "moving");
	recording_release(&rec);
}

/* Moving time leaves out pauses (gaps over 30 s) and standing still
 * (slower than 0.5 m/s). */
static void test_derive_moving_time(void **state)
{
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_RUN);
	double t = 1.7e9, d = 0;

	(void)state;
	/* 600 s running at 3 m/s: 599 steps of 1 s */
	for (int i = 0; i < 600; i++, t += 1, d += 3) {
		add_row(&r->samples, t, (double)NAN, (double)NAN, (double)NAN, d, (double)NAN);
	}
	/* paused for five minutes: the next sample is 300 s later */
	t += 299;
	/* 120 s standing at the lights, creeping 0.2 m/s */
	for (int i = 0; i < 120; i++, t += 1, d += 0.2) {
		add_row(&r->samples, t, (double)NAN, (double)NAN, (double)NAN, d, (double)NAN);
	}
	/* 400 s running again, sampled every 5 s (smart recording) */
	for (int i = 0; i < 80; i++, t += 5, d += 15) {
		add_row(&r->samples, t, (double)NAN, (double)NAN, (double)NAN, d, (double)NAN);
	}
	recording_derive(&rec);
	/* the pause, the standing and the step from standing to the first
	 * running sample (0.2 m) do not count: 599 s + 79 steps of 5 s */
	check_near(r->activity.moving_s, 599 + 79 * 5, 1e-6, "moving");
	check_near(r->activity.duration_s, t - 5 - 1.7e9, 1e-6, "elapsed");
	assert_true(r->activity.moving_s < r->activity.duration_s);
	recording_release(&rec);

	/* the device's own speed decides before distance or positions */
	r = one_activity(&rec, SPORT_BIKE);
	add_run(&r->samples, 1.7e9, 100, 5, true, true);
	for (size_t i = 0; i < 100; i++) {
		samples_set(&r->samples, i, SAMPLE_SPEED, i < 50 ? 0.1 : 6);
	}
	recording_derive(&rec);
	check_near(r->activity.moving_s, 50, 1e-6, "moving by device speed");
	recording_release(&rec);

	/* positions alone serve too */
	r = one_activity(&rec, SPORT_RUN);
	add_run(&r->samples, 1.7e9, 301, 2.5, false, true);
	add_run(&r->samples, 1.7e9 + 301, 100, 0.1, false, false);
	recording_derive(&rec);
	check_near(r->activity.moving_s, 300, 1e-6, "moving by positions");
	recording_release(&rec);
}

/* Climb on a flat track with 1 m of altitude noise is about nothing. */
static void test_derive_climb_ignores_noise(void **state)
{
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_RUN);
	uint32_t seed = 12345;

	(void)state;
	for (int i = 0; i < 3600; i++) {
		add_row(&r->samples, 1e9 + i, (double)NAN, (double)NAN, 250 + jitter(&seed),
		        (double)NAN, (double)NAN);
	}
	recording_derive(&rec);
	if (!(r->activity.ascent_m < 5 && r->activity.descent_m < 5)) {
		fail_msg("flat hour with +-1 m noise: ascent %.1f m, descent %.1f m",
		         r->activity.ascent_m, r->activity.descent_m);
	}
	recording_release(&rec);

	/* the worst case: flipping up and down a metre at every sample */
	r = one_activity(&rec, SPORT_RUN);
	for (int i = 0; i < 3600; i++) {
		add_row(&r->samples, 1e9 + i, (double)NAN, (double)NAN, i % 2 ? 251 : 249,
		        (double)NAN, (double)NAN);
	}
	recording_derive(&rec);
	check_near(r->activity.ascent_m, 0, 2, "alternating: ascent");
	check_near(r->activity.descent_m, 0, 2, "alternating: descent");
	recording_release(&rec);
}

/* Altitudes flipping between two levels 2 m apart (whole-metre GPX
 * altitudes that read 249 or 251 on the flat) are noise too. */
static void test_derive_climb_ignores_two_level_noise(void **state)
{
	struct recording rec;
	struct recorded *r;
	uint32_t seed = 12345;

	(void)state;
	r = one_activity(&rec, SPORT_RUN);
	for (int i = 0; i < 3600; i++) {
		add_row(&r->samples, 1e9 + i, (double)NAN, (double)NAN,
		        jitter(&seed) > 0 ? 251 : 249, (double)NAN, (double)NAN);
	}
	recording_derive(&rec);
	check_near(r->activity.ascent_m, 0, 5, "two levels: ascent");
	check_near(r->activity.descent_m, 0, 5, "two levels: descent");
	recording_release(&rec);
}

/* A steady 100 m climb counts about 100 m, noisy or not, and the way down
 * counts as descent. */
static void test_derive_climb_steady(void **state)
{
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_TRAIL);
	uint32_t seed = 99;

	(void)state;
	for (int i = 0; i <= 1000; i++) {
		add_row(&r->samples, 1e9 + i, (double)NAN, (double)NAN, 300 + i * 0.1, (double)NAN,
		        (double)NAN);
	}
	recording_derive(&rec);
	check_near(r->activity.ascent_m, 100, 2, "steady climb");
	check_near(r->activity.descent_m, 0, 1e-9, "steady climb: descent");
	recording_release(&rec);

	r = one_activity(&rec, SPORT_TRAIL);
	for (int i = 0; i <= 2000; i++) {
		double alt = i <= 1000 ? 300 + i * 0.1 : 400 - (i - 1000) * 0.06;

		add_row(&r->samples, 1e9 + i, (double)NAN, (double)NAN, alt + jitter(&seed),
		        (double)NAN, (double)NAN);
	}
	recording_derive(&rec);
	check_near(r->activity.ascent_m, 100, 5, "noisy climb");
	check_near(r->activity.descent_m, 60, 5, "noisy descent");
	recording_release(&rec);
}

/* Smart recording writes a sample when something changes: the average
 * weighs each heart rate by how long it held. */
static void test_derive_heart_rate_time_weighted(void **state)
{
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_RUN);
	double t = 1e9;

	(void)state;
	/* 120 bpm held for 9 samples of 1 s, then 180 bpm in three 3 s steps */
	for (int i = 0; i < 9; i++, t += 1) {
		add_row(&r->samples, t, (double)NAN, (double)NAN, (double)NAN, (double)NAN, 120);
	}
	for (int i = 0; i < 3; i++, t += 3) {
		add_row(&r->samples, t, (double)NAN, (double)NAN, (double)NAN, (double)NAN, 180);
	}
	/* the last sample, at the average, ends the record */
	add_row(&r->samples, t, (double)NAN, (double)NAN, (double)NAN, (double)NAN, 150);
	recording_derive(&rec);
	/* (120 * 9 + 180 * 9) / 18 = 150 (unweighted: 136) */
	assert_int_equal(r->activity.hr_avg, 150);
	assert_int_equal(r->activity.hr_max, 180);
	recording_release(&rec);

	/* uneven in the other direction: long samples at a low rate */
	r = one_activity(&rec, SPORT_RUN);
	t = 1e9;
	for (int i = 0; i < 10; i++, t += 1) {
		add_row(&r->samples, t, (double)NAN, (double)NAN, (double)NAN, (double)NAN, 170);
	}
	for (int i = 0; i < 10; i++, t += 8) {
		add_row(&r->samples, t, (double)NAN, (double)NAN, (double)NAN, (double)NAN, 110);
	}
	recording_derive(&rec);
	/* (170 * 10 + 110 * (9 * 8 + 1)) / 83 = 117.2 (unweighted: 140) */
	assert_int_equal(r->activity.hr_avg, 117);
	assert_int_equal(r->activity.hr_max, 170);
	recording_release(&rec);
}

/* Readings outside 25..250 bpm are strap errors, not heart rates. */
static void test_derive_heart_rate_ignores_impossible(void **state)
{
	static const double readings[] = { 0, 150, 255, 150, 24, 150, 251, 20, 150, 300, 150 };
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_RUN);

	(void)state;
	for (size_t i = 0; i < sizeof(readings) / sizeof(readings[0]); i++) {
		add_row(&r->samples, 1e9 + (double)i, (double)NAN, (double)NAN, (double)NAN,
		        (double)NAN, readings[i]);
	}
	recording_derive(&rec);
	assert_int_equal(r->activity.hr_avg, 150);
	assert_int_equal(r->activity.hr_max, 150);
	recording_release(&rec);

	/* the edges are heart rates */
	r = one_activity(&rec, SPORT_RUN);
	add_row(&r->samples, 1e9, (double)NAN, (double)NAN, (double)NAN, (double)NAN, 25);
	add_row(&r->samples, 1e9 + 1, (double)NAN, (double)NAN, (double)NAN, (double)NAN, 250);
	recording_derive(&rec);
	assert_int_equal(r->activity.hr_max, 250);
	recording_release(&rec);

	/* nothing believable: still unknown */
	r = one_activity(&rec, SPORT_RUN);
	add_row(&r->samples, 1e9, (double)NAN, (double)NAN, (double)NAN, (double)NAN, 0);
	add_row(&r->samples, 1e9 + 1, (double)NAN, (double)NAN, (double)NAN, (double)NAN, 255);
	recording_derive(&rec);
	assert_int_equal(r->activity.hr_avg, 0);
	assert_int_equal(r->activity.hr_max, 0);
	recording_release(&rec);
}

/* A run with a distance but no positions was on a treadmill (the distance
 * came from a foot pod or the belt); not so a ride on a trainer, nor a run
 * with positions. */
static void test_derive_treadmill(void **state)
{
	static const struct {
		enum sport sport;
		bool with_positions;
		bool treadmill;
	} cases[] = {
		{ SPORT_RUN, false, true },   { SPORT_WALK, false, true },
		{ SPORT_HIKE, false, true },  { SPORT_RUN, true, false },
		{ SPORT_BIKE, false, false }, { SPORT_TRAIL, false, false },
		{ SPORT_SWIM, false, false }, { SPORT_XCSKI, false, false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct recording rec;
		struct recorded *r = one_activity(&rec, cases[i].sport);

		add_run(&r->samples, 1.7e9, 600, 3, true, cases[i].with_positions);
		recording_derive(&rec);
		if (r->activity.treadmill != cases[i].treadmill) {
			fail_msg("case %zu (%s, %s positions): treadmill %d", i,
			         sport_name(cases[i].sport),
			         cases[i].with_positions ? "with" : "no", r->activity.treadmill);
		}
		check_near(r->activity.distance_m, 1797, 1e-6, "distance");
		recording_release(&rec);
	}
}

/* A multisport file split into sessions: the run on the treadmill first,
 * then outdoors with GPS. */
static void test_derive_treadmill_after_split(void **state)
{
	struct recording rec;
	struct recorded *indoor, *outdoor;

	(void)state;
	indoor = one_activity(&rec, SPORT_RUN);
	add_run(&indoor->samples, 1.7e9, 600, 3, true, false);
	add_run(&indoor->samples, 1.7e9 + 900, 600, 3, true, true);
	outdoor = recording_add(&rec);
	indoor = &rec.activities[0];
	samples_move_tail(&outdoor->samples, &indoor->samples, 600);
	recording_derive(&rec);
	assert_false(rec.activities[1].activity.treadmill);
	assert_true(rec.activities[0].activity.treadmill);
	recording_release(&rec);
}

/* Figures knead cannot keep as they are are fixed, and said. */
static void test_derive_sanitizes(void **state)
{
	struct recording rec;
	struct recorded *r = one_activity(&rec, SPORT_RUN);

	(void)state;
	/* the device counted no distance at all: unknown, not zero */
	for (int i = 0; i < 100; i++) {
		add_row(&r->samples, 1e9 + i, (double)NAN, (double)NAN, (double)NAN, 0, 140);
	}
	/* a file that says zero means unknown too */
	r = recording_add(&rec);
	r->activity.distance_m = 0;
	r->activity.duration_s = 3600;
	recording_derive(&rec);
	check_nan(rec.activities[0].activity.distance_m, "counted zero");
	assert_false(rec.activities[0].activity.treadmill);
	check_nan(rec.activities[1].activity.distance_m, "said zero");
	assert_false(rec.repaired);
	recording_release(&rec);

	/* moving time longer than elapsed: a few seconds over is clamped, more
	 * is dropped with a warning naming the activity; an average above the
	 * maximum drops the maximum */
	recording_init(&rec);
	rec.format = SOURCE_FIT;
	r = recording_add(&rec);
	r->activity.duration_s = 3600;
	r->activity.moving_s = 3604; /* clocks rounding apart: clamped, silently */
	r = recording_add(&rec);
	r->activity.duration_s = 3600;
	r->activity.moving_s = 4000;
	r->activity.hr_avg = 160;
	r->activity.hr_max = 150;
	recording_derive(&rec);
	assert_true(rec.activities[0].activity.moving_s == 3600);
	check_nan(rec.activities[1].activity.moving_s, "moving above elapsed");
	assert_true(rec.activities[1].activity.duration_s == 3600);
	assert_true(rec.repaired);
	assert_non_null(strstr(rec.warnings.buf, "activity 2"));
	assert_null(strstr(rec.warnings.buf, "activity 1"));
	assert_null(strchr(rec.warnings.buf, '\n'));
	assert_int_equal(rec.activities[1].activity.hr_avg, 160);
	assert_int_equal(rec.activities[1].activity.hr_max, 0);
	recording_release(&rec);

	/* a treadmill flag on a sport without one is dropped */
	r = one_activity(&rec, SPORT_BIKE);
	r->activity.treadmill = true;
	r->activity.duration_s = 3600;
	recording_derive(&rec);
	assert_false(r->activity.treadmill);
	recording_release(&rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples_empty),
		cmocka_unit_test(test_samples_set_and_get),
		cmocka_unit_test(test_samples_growth),
		cmocka_unit_test(test_samples_move_tail),
		cmocka_unit_test(test_samples_move_tail_leaves_no_empty_column),
		cmocka_unit_test(test_samples_field_names),
		cmocka_unit_test(test_lap_init),
		cmocka_unit_test(test_recorded_laps),
		cmocka_unit_test(test_recording_add),
		cmocka_unit_test(test_recording_warn),
		cmocka_unit_test_setup_teardown(test_derive_start_and_local_date, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_elapsed_from_timed_samples, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_keeps_file_values, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_without_samples, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_distance_from_device, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_distance_from_positions, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_zero_device_distance_with_positions,
		                                use_toronto, use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_moving_time, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_climb_ignores_noise, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_climb_ignores_two_level_noise,
		                                use_toronto, use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_climb_steady, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_heart_rate_time_weighted, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_heart_rate_ignores_impossible,
		                                use_toronto, use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_treadmill, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_treadmill_after_split, use_toronto,
		                                use_system_zone),
		cmocka_unit_test_setup_teardown(test_derive_sanitizes, use_toronto,
		                                use_system_zone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
