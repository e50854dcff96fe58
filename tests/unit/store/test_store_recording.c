/*
 * test_store_recording.c: imported files in the store
 * (store/store_recording.h) and the samples' blob encoding
 * (store/samples_blob.h). The store tests each get a fresh database in its
 * own temporary folder, with athletes 1 and 2; recordings are built by
 * hand, as a decoder would fill them.
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
#include <sqlite3.h>

#include "base/date.h"
#include "core/gear.h"
#include "core/recording.h"
#include "fixture.h"
#include "store/samples_blob.h"
#include "store/store.h"
#include "store/store_activity.h"
#include "store/store_gear.h"
#include "store/store_recording.h"

/* A small deterministic noise source: uniform in [-1, 1]. */
static double jitter(uint32_t *seed)
{
	*seed = *seed * 1664525u + 1013904223u;
	return (double)(*seed >> 8) / (double)(1u << 23) - 1;
}

/* 64 hex digits that differ with seed. */
static void fake_sha256(char sha[65], uint32_t seed)
{
	for (int i = 0; i < 8; i++) {
		seed = seed * 1664525u + 1013904223u;
		snprintf(sha + 8 * i, 9, "%08x", (unsigned)seed);
	}
}

static double round_to(double v, double step)
{
	return nearbyint(v / step) * step;
}

/* n rows of a run recorded at 1 Hz as a watch records it: whole seconds
 * (with now and then a missed one), positions in FIT semicircles, altitude
 * in fifths of a metre, distance in centimetres, whole heart rates and
 * cadences. A ride (bike) has power and speed instead of heart rate. */
static void realistic(struct samples *s, size_t n, uint32_t seed, bool bike)
{
	double semicircle = 180.0 / 2147483648.0;
	double t = 1.7e9, lat = 45.5017, lon = -73.5673, alt = 35, d = 0, heading = 0.4;

	for (size_t i = 0; i < n; i++) {
		size_t row = samples_add_row(s);
		double speed = (bike ? 8 : 3) + 0.4 * sin((double)i / 200) + 0.1 * jitter(&seed);

		heading += 0.02 * jitter(&seed);
		lat += speed * cos(heading) / 111132 + 2e-6 * jitter(&seed);
		lon += speed * sin(heading) / (111320 * cos(lat * M_PI / 180)) +
		       2e-6 * jitter(&seed);
		alt += 0.08 * sin((double)i / 300) + 0.1 * jitter(&seed);
		d += speed;
		samples_set(s, row, SAMPLE_TIME, t);
		samples_set(s, row, SAMPLE_LAT, round_to(lat, semicircle));
		samples_set(s, row, SAMPLE_LON, round_to(lon, semicircle));
		samples_set(s, row, SAMPLE_ALTITUDE, round_to(alt, 0.2));
		samples_set(s, row, SAMPLE_DISTANCE, round_to(d, 0.01));
		if (bike) {
			samples_set(s, row, SAMPLE_CADENCE, round(88 + 4 * jitter(&seed)));
			samples_set(s, row, SAMPLE_POWER, round(230 + 40 * jitter(&seed)));
			samples_set(s, row, SAMPLE_SPEED, round_to(speed, 0.001));
		} else {
			samples_set(s, row, SAMPLE_HR,
			            round(150 + 12 * sin((double)i / 500) + jitter(&seed)));
			samples_set(s, row, SAMPLE_CADENCE, round(172 + 3 * jitter(&seed)));
		}
		t += jitter(&seed) > 0.98 ? 2 : 1;
	}
}

/* got holds want's samples, each value within half its field's step. */
static void check_samples_close(const struct samples *got, const struct samples *want)
{
	if (got->n != want->n) {
		fail_msg("%zu rows, expected %zu", got->n, want->n);
	}
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		enum sample_field field = (enum sample_field)f;
		double half = samples_blob_step(field) / 2;

		if (samples_has(got, field) != samples_has(want, field)) {
			fail_msg("field %s: present %d, expected %d", samples_field_name(field),
			         samples_has(got, field), samples_has(want, field));
		}
		for (size_t i = 0; i < want->n; i++) {
			double g = samples_get(got, i, field), w = samples_get(want, i, field);

			if (isnan(w) ? !isnan(g) : !(fabs(g - w) <= half * (1 + 1e-9))) {
				fail_msg("row %zu %s: got %.10g, expected %.10g (step %g)", i,
				         samples_field_name(field), g, w, samples_blob_step(field));
			}
		}
	}
}

/* Encode s, decode it again and compare; returns the blob's size. */
static size_t round_trip(const struct samples *s)
{
	struct strbuf blob = STRBUF_INIT;
	struct samples back;
	struct err err = ERR_INIT;
	unsigned fields = 12345, want = 0;
	size_t len;

	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		if (samples_has(s, (enum sample_field)f)) {
			want |= 1u << f;
		}
	}
	samples_blob_encode(s, &blob, &fields);
	assert_int_equal(fields, want);
	samples_init(&back);
	if (samples_blob_decode(blob.buf, blob.len, &back, &err) != ERR_OK) {
		fail_msg("decoding: %s", err.msg);
	}
	check_samples_close(&back, s);
	samples_release(&back);
	len = blob.len;
	strbuf_release(&blob);
	return len;
}

static void check_same_double(double got, double want, const char *what)
{
	if (isnan(want) ? !isnan(got) : got != want) {
		fail_msg("%s: got %.10g, expected %.10g", what, got, want);
	}
}

static void check_same_lap(const struct lap *got, const struct lap *want)
{
	check_same_double(got->start_utc, want->start_utc, "lap start_utc");
	check_same_double(got->elapsed_s, want->elapsed_s, "lap elapsed_s");
	check_same_double(got->moving_s, want->moving_s, "lap moving_s");
	check_same_double(got->distance_m, want->distance_m, "lap distance_m");
	check_same_double(got->ascent_m, want->ascent_m, "lap ascent_m");
	check_same_double(got->descent_m, want->descent_m, "lap descent_m");
	check_same_double(got->speed_max, want->speed_max, "lap speed_max");
	check_same_double(got->cadence_avg, want->cadence_avg, "lap cadence_avg");
	check_same_double(got->power_avg, want->power_avg, "lap power_avg");
	check_same_double(got->calories, want->calories, "lap calories");
	assert_int_equal(got->hr_avg, want->hr_avg);
	assert_int_equal(got->hr_max, want->hr_max);
	assert_string_equal(got->intensity, want->intensity);
	assert_string_equal(got->trigger, want->trigger);
}

/* A FIT file of athlete-to-be holding a run and then a ride, each with
 * laps and samples; seed makes the hash (and so the file) differ. */
static void two_activity_file(struct recording *rec, const char *name, uint32_t seed)
{
	struct recorded *r;
	struct activity *a;
	struct lap *lap;
	int64_t start = (int64_t)date_from_civil(2026, 11, 21) * 86400 + 14 * 3600;

	recording_init(rec);
	rec->format = SOURCE_FIT;
	rec->file_name = strdup(name);
	fake_sha256(rec->sha256, seed);
	rec->size_bytes = 123456;
	rec->device = strdup("Garmin Forerunner 265");
	rec->file_type = strdup("activity");
	rec->n_records = 700;
	rec->n_laps = 3;
	rec->n_sessions = 2;

	r = recording_add(rec);
	a = &r->activity;
	a->sport = SPORT_RUN;
	a->date = date_from_civil(2026, 11, 21);
	a->has_start = true;
	a->start_utc = start;
	a->utc_offset = -5 * 3600;
	a->distance_m = 1234.56;
	a->duration_s = 400.5;
	a->moving_s = 398;
	a->ascent_m = 12.4;
	a->descent_m = 0;
	a->hr_avg = 151;
	a->hr_max = 168;
	a->cadence_avg = 172.5;
	a->power_avg = 265;
	activity_set_str(&a->name, "Lunch 'tempo' run");
	realistic(&r->samples, 400, seed, false);
	lap = recorded_add_lap(r);
	lap->start_utc = (double)start + 0.25;
	lap->elapsed_s = 200.5;
	lap->moving_s = 199;
	lap->distance_m = 617.28;
	lap->ascent_m = 6.2;
	lap->descent_m = 0;
	lap->speed_max = 4.321;
	lap->cadence_avg = 171.25;
	lap->power_avg = 262.5;
	lap->calories = 61;
	lap->hr_avg = 148;
	lap->hr_max = 160;
	snprintf(lap->intensity, sizeof(lap->intensity), "active");
	snprintf(lap->trigger, sizeof(lap->trigger), "distance");
	lap = recorded_add_lap(r); /* a lap the file said little about */
	lap->start_utc = (double)start + 200.75;
	lap->elapsed_s = 200;
	lap->hr_max = 168;
	snprintf(lap->trigger, sizeof(lap->trigger), "session_end");

	r = recording_add(rec);
	a = &r->activity;
	a->sport = SPORT_BIKE;
	a->date = date_from_civil(2026, 11, 21);
	a->has_start = true;
	a->start_utc = start + 600;
	a->utc_offset = -5 * 3600;
	a->distance_m = 2400;
	a->duration_s = 300;
	a->power_avg = 231;
	realistic(&r->samples, 300, seed + 1, true);
	lap = recorded_add_lap(r);
	lap->start_utc = (double)start + 600;
	lap->elapsed_s = 300;
	lap->distance_m = 2400;
	lap->power_avg = 231;
	lap->cadence_avg = 88;
	snprintf(lap->intensity, sizeof(lap->intensity), "warmup");
	snprintf(lap->trigger, sizeof(lap->trigger), "manual");
}

/* A GPX file with one run and nothing but a distance and time. */
static void small_file(struct recording *rec, const char *name, uint32_t seed, enum sport sport)
{
	struct recorded *r;

	recording_init(rec);
	rec->format = SOURCE_GPX;
	rec->file_name = strdup(name);
	fake_sha256(rec->sha256, seed);
	rec->size_bytes = 2048;
	rec->n_records = 3;
	rec->n_sessions = 1;
	r = recording_add(rec);
	r->activity.sport = sport;
	r->activity.date = date_from_civil(2026, 11, 22);
	r->activity.distance_m = 5000;
	r->activity.duration_s = 1500;
}

static void keep(struct store *s, int64_t athlete_id, struct recording *rec)
{
	struct err err = ERR_INIT;

	if (store_recording_add(s, athlete_id, rec, &err) != ERR_OK) {
		fail_msg("keeping '%s': %s", rec->file_name, err.msg);
	}
}

/* Whether the store has seen the file, asked twice with the answer
 * primed each way so that an answer left unset shows. */
static bool seen(struct store *s, int64_t athlete_id, const char *sha256)
{
	struct err err = ERR_INIT;
	bool yes = true, no = false;

	if (store_source_seen(s, athlete_id, sha256, &yes, &err) != ERR_OK ||
	    store_source_seen(s, athlete_id, sha256, &no, &err) != ERR_OK) {
		fail_msg("looking up %s: %s", sha256, err.msg);
	}
	assert_int_equal(yes, no);
	return yes;
}

static size_t count_activities(struct store *s, int64_t athlete_id)
{
	struct activity_query q;
	struct activity_list l = ACTIVITY_LIST_INIT;
	struct err err = ERR_INIT;
	size_t n;

	activity_query_init(&q, athlete_id);
	if (store_activity_list(s, &q, &l, &err) != ERR_OK) {
		fail_msg("listing: %s", err.msg);
	}
	n = l.n_activities;
	activity_list_release(&l);
	return n;
}

/* Run SQL on a file through SQLite directly, as another program would. */
static void sqlite_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fail_msg("%s: %s", sql, msg);
	}
	sqlite3_close(db);
}

/* ---- the blob ---- */

/* Every field, odd values and signs, with some rows lacking some fields. */
static void test_blob_round_trip_every_field(void **state)
{
	struct samples s;
	uint32_t seed = 1;

	(void)state;
	samples_init(&s);
	for (size_t i = 0; i < 1000; i++) {
		size_t row = samples_add_row(&s);

		samples_set(&s, row, SAMPLE_TIME, 1.7e9 + (double)i * 0.997 + 0.0004);
		if (i % 10 != 3) {
			samples_set(&s, row, SAMPLE_LAT, -33.8688197 + 1e-5 * (double)i);
			samples_set(&s, row, SAMPLE_LON, 151.2092955 - 3e-5 * (double)i);
		}
		samples_set(&s, row, SAMPLE_ALTITUDE, -28.417 + 5 * jitter(&seed));
		samples_set(&s, row, SAMPLE_DISTANCE, 2.71828 * (double)i);
		if (i > 17) { /* the strap connected late */
			samples_set(&s, row, SAMPLE_HR, 100 + (double)(i % 80));
		}
		samples_set(&s, row, SAMPLE_CADENCE, 170 + 9.99 * jitter(&seed));
		if (i % 2) {
			samples_set(&s, row, SAMPLE_POWER, 250.4 + 100 * jitter(&seed));
		}
		samples_set(&s, row, SAMPLE_SPEED, 3.3333 + jitter(&seed));
	}
	/* the first and last rows lack a field, and one row lacks all but time */
	samples_set(&s, samples_add_row(&s), SAMPLE_TIME, 1.7e9 + 1000);
	round_trip(&s);
	samples_release(&s);

	/* extremes: far west and south, high, the epoch, big jumps either way */
	samples_init(&s);
	{
		static const double rows[][SAMPLE_FIELDS] = {
			{ 0, -90, -180, -430.5, 0, 25, 0, 0, 0 },
			{ 4102444800.123, 90, 180, 8848.86, 4.2e6, 250, 255.9, 2500, 27.778 },
			{ 1.7e9, 0, 0, 0, 0.01, 60, 0.1, 1, 0.001 },
			{ 1e6, -45.0000001, 179.9999999, -0.005, 1e6, 200, 99.95, 999, 12.3456 },
		};

		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
			size_t row = samples_add_row(&s);

			for (int f = 0; f < SAMPLE_FIELDS; f++) {
				samples_set(&s, row, (enum sample_field)f, rows[i][f]);
			}
		}
	}
	round_trip(&s);
	samples_release(&s);
}

static void test_blob_steps(void **state)
{
	(void)state;
	assert_true(samples_blob_step(SAMPLE_TIME) == 1e-3);
	assert_true(samples_blob_step(SAMPLE_LAT) == 1e-7);
	assert_true(samples_blob_step(SAMPLE_LON) == 1e-7);
	assert_true(samples_blob_step(SAMPLE_ALTITUDE) == 1e-2);
	assert_true(samples_blob_step(SAMPLE_DISTANCE) == 1e-2);
	assert_true(samples_blob_step(SAMPLE_HR) == 1);
	assert_true(samples_blob_step(SAMPLE_CADENCE) == 1e-1);
	assert_true(samples_blob_step(SAMPLE_POWER) == 1);
	assert_true(samples_blob_step(SAMPLE_SPEED) == 1e-3);
}

/* Fields no row has are absent after the trip, not NAN-filled. */
static void test_blob_absent_columns(void **state)
{
	struct samples s;

	(void)state;
	samples_init(&s);
	for (size_t i = 0; i < 50; i++) {
		size_t row = samples_add_row(&s);

		samples_set(&s, row, SAMPLE_TIME, 1e9 + (double)i);
		if (i % 7) {
			samples_set(&s, row, SAMPLE_HR, 140);
		}
	}
	round_trip(&s);
	samples_release(&s);

	/* rows with no field at all */
	samples_init(&s);
	samples_add_row(&s);
	samples_add_row(&s);
	samples_add_row(&s);
	round_trip(&s);
	samples_release(&s);
}

static void test_blob_empty(void **state)
{
	struct samples s, back;
	struct strbuf blob = STRBUF_INIT;
	struct err err = ERR_INIT;
	unsigned fields = 99;

	(void)state;
	samples_init(&s);
	samples_blob_encode(&s, &blob, &fields);
	assert_int_equal(fields, 0);
	assert_true(blob.len >= 3 && blob.len <= 8);
	assert_memory_equal(blob.buf, "KS", 2);
	samples_init(&back);
	assert_int_equal(samples_blob_decode(blob.buf, blob.len, &back, &err), ERR_OK);
	assert_int_equal(back.n, 0);
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		assert_false(samples_has(&back, (enum sample_field)f));
	}
	/* encoding appends, and the mask pointer may be NULL */
	samples_blob_encode(&s, &blob, NULL);
	assert_memory_equal(blob.buf + blob.len / 2, "KS", 2);
	samples_release(&back);
	strbuf_release(&blob);
}

/* 100,000 rows: a run of 28 hours at 1 Hz. */
static void test_blob_large(void **state)
{
	enum {
		N = 100000
	};
	struct samples s;
	size_t len;

	(void)state;
	samples_init(&s);
	realistic(&s, N, 42, false);
	len = round_trip(&s);
	print_message("samples blob: %zu rows of time, lat, lon, altitude, distance, hr, "
	              "cadence in %zu bytes, %.2f bytes per row\n",
	              (size_t)N, len, (double)len / N);
	if (!((double)len / N < 16)) {
		fail_msg("%.2f bytes per row", (double)len / N);
	}
	samples_release(&s);

	/* every field, a ride */
	samples_init(&s);
	realistic(&s, N, 43, true);
	for (size_t i = 0; i < N; i++) {
		samples_set(&s, i, SAMPLE_HR, 140 + (double)(i % 5));
	}
	len = round_trip(&s);
	print_message("samples blob: %zu rows of all 9 fields in %zu bytes, %.2f bytes per row\n",
	              (size_t)N, len, (double)len / N);
	samples_release(&s);
}

/* Decoding the damaged blob fails with ERR_FORMAT, a message naming where
 * or why, and leaves out empty. */
static void check_damaged(const void *data, size_t len, const char *want_in_msg)
{
	struct samples out;
	struct err err = ERR_INIT;

	samples_init(&out);
	if (samples_blob_decode(data, len, &out, &err) != ERR_FORMAT) {
		fail_msg("%zu bytes decoded as %zu rows (%s)", len, out.n, err.msg);
	}
	if (!strstr(err.msg, want_in_msg)) {
		fail_msg("%zu bytes: message '%s' does not say '%s'", len, err.msg, want_in_msg);
	}
	assert_int_equal(out.n, 0);
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		assert_null(out.cols[f]);
	}
	samples_release(&out);
}

static void put_varint(struct strbuf *sb, uint64_t v)
{
	do {
		strbuf_addch(sb, (int)((v & 0x7f) | (v > 0x7f ? 0x80 : 0)));
		v >>= 7;
	} while (v);
}

static void test_blob_damaged(void **state)
{
	struct samples s;
	struct strbuf blob = STRBUF_INIT, bad = STRBUF_INIT;

	(void)state;
	/* time on every row, hr on some (a bitmap), power on all */
	samples_init(&s);
	for (size_t i = 0; i < 20; i++) {
		size_t row = samples_add_row(&s);

		samples_set(&s, row, SAMPLE_TIME, 1.7e9 + (double)i);
		if (i % 3) {
			samples_set(&s, row, SAMPLE_HR, 150);
		}
		samples_set(&s, row, SAMPLE_POWER, 200 + (double)i * 30);
	}
	samples_blob_encode(&s, &blob, NULL);
	samples_release(&s);

	/* cut short anywhere: in the signature, the version, the row count,
	 * the mask, a presence byte, a bitmap or a field's values */
	for (size_t len = 0; len < blob.len; len++) {
		check_damaged(blob.buf, len, len < 3 ? "signature" : "byte");
	}
	/* one byte too many */
	strbuf_add(&bad, blob.buf, blob.len);
	strbuf_addch(&bad, 0);
	check_damaged(bad.buf, bad.len, "trailing");
	/* not our signature */
	strbuf_reset(&bad);
	strbuf_add(&bad, blob.buf, blob.len);
	bad.buf[1] = 'X';
	check_damaged(bad.buf, bad.len, "signature");
	/* a version from the future */
	bad.buf[1] = 'S';
	bad.buf[2] = 2;
	check_damaged(bad.buf, bad.len, "version");
	bad.buf[2] = 0;
	check_damaged(bad.buf, bad.len, "version");
	/* more rows than any recording */
	strbuf_reset(&bad);
	strbuf_add(&bad, "KS\1", 3);
	put_varint(&bad, SAMPLES_BLOB_MAX_ROWS + 1);
	put_varint(&bad, 0);
	check_damaged(bad.buf, bad.len, "row count");
	strbuf_reset(&bad);
	strbuf_add(&bad, "KS\1", 3);
	put_varint(&bad, UINT64_MAX);
	put_varint(&bad, 0);
	check_damaged(bad.buf, bad.len, "row count");
	/* a varint that never ends */
	strbuf_reset(&bad);
	strbuf_add(&bad, "KS\1", 3);
	strbuf_addchars(&bad, 0xff, 12);
	check_damaged(bad.buf, bad.len, "row count");
	/* a field knead does not know */
	strbuf_reset(&bad);
	strbuf_add(&bad, "KS\1", 3);
	put_varint(&bad, 1);
	put_varint(&bad, 1u << SAMPLE_FIELDS);
	strbuf_add(&bad, "\0\0", 2);
	check_damaged(bad.buf, bad.len, "field mask");
	strbuf_reset(&bad);
	strbuf_add(&bad, "KS\1", 3);
	put_varint(&bad, 1);
	put_varint(&bad, UINT64_C(1) << 40 | 1);
	strbuf_add(&bad, "\0\0", 2);
	check_damaged(bad.buf, bad.len, "field mask");
	/* a presence byte other than 0 or 1 */
	strbuf_reset(&bad);
	strbuf_add(&bad, "KS\1", 3);
	put_varint(&bad, 1);
	put_varint(&bad, 1u << SAMPLE_HR);
	strbuf_add(&bad, "\2\1", 2);
	check_damaged(bad.buf, bad.len, "presence");
	/* the largest row count allowed, with nothing behind it */
	strbuf_reset(&bad);
	strbuf_add(&bad, "KS\1", 3);
	put_varint(&bad, SAMPLES_BLOB_MAX_ROWS);
	put_varint(&bad, 1u << SAMPLE_TIME);
	strbuf_addch(&bad, 0);
	strbuf_addch(&bad, 2);
	check_damaged(bad.buf, bad.len, "byte");
	strbuf_release(&bad);
	strbuf_release(&blob);
}

/* ---- the store ---- */

static void test_source_seen(void **state)
{
	struct fixture *f = *state;
	struct recording rec;

	two_activity_file(&rec, "Morning.fit", 1);
	assert_false(seen(f->s, 1, rec.sha256));
	keep(f->s, 1, &rec);
	assert_true(seen(f->s, 1, rec.sha256));
	assert_false(seen(f->s, 2, rec.sha256)); /* hers is not his */
	{
		char other[65];

		fake_sha256(other, 2);
		assert_false(seen(f->s, 1, other));
	}
	recording_release(&rec);
}

/* One call keeps a whole multisport file and says where each went. */
static void test_add_sets_ids(void **state)
{
	struct fixture *f = *state;
	struct recording rec;

	two_activity_file(&rec, "Duathlon.fit", 3);
	keep(f->s, 1, &rec);
	for (size_t i = 0; i < 2; i++) {
		assert_true(rec.activities[i].activity.id > 0);
		assert_int_equal(rec.activities[i].activity.athlete_id, 1);
		assert_true(rec.activities[i].activity.source_id > 0);
		assert_int_equal(rec.activities[i].activity.source_id,
		                 rec.activities[0].activity.source_id);
	}
	assert_true(rec.activities[0].activity.id != rec.activities[1].activity.id);
	assert_int_equal(count_activities(f->s, 1), 2);
	assert_int_equal(count_activities(f->s, 2), 0);
	recording_release(&rec);
}

/* What store_recorded_get returns for a kept activity. */
static void check_read_back(struct store *s, const struct recording *rec, size_t index)
{
	const struct recorded *want = &rec->activities[index];
	const struct activity *a = &want->activity;
	struct recorded got;
	struct err err = ERR_INIT;

	if (store_recorded_get(s, 1, a->id, &got, &err) != ERR_OK) {
		fail_msg("reading activity %lld: %s", (long long)a->id, err.msg);
	}
	assert_int_equal(got.activity.id, a->id);
	assert_int_equal(got.activity.athlete_id, 1);
	assert_int_equal(got.activity.sport, a->sport);
	assert_int_equal(got.activity.date, a->date);
	assert_int_equal(got.activity.has_start, a->has_start);
	assert_int_equal(got.activity.start_utc, a->start_utc);
	assert_int_equal(got.activity.utc_offset, a->utc_offset);
	check_same_double(got.activity.distance_m, a->distance_m, "distance_m");
	check_same_double(got.activity.duration_s, a->duration_s, "duration_s");
	check_same_double(got.activity.moving_s, a->moving_s, "moving_s");
	check_same_double(got.activity.ascent_m, a->ascent_m, "ascent_m");
	check_same_double(got.activity.descent_m, a->descent_m, "descent_m");
	check_same_double(got.activity.cadence_avg, a->cadence_avg, "cadence_avg");
	check_same_double(got.activity.power_avg, a->power_avg, "power_avg");
	assert_int_equal(got.activity.hr_avg, a->hr_avg);
	assert_int_equal(got.activity.hr_max, a->hr_max);
	if (a->name) {
		assert_string_equal(got.activity.name, a->name);
	} else {
		assert_null(got.activity.name);
	}
	/* the file's facts come from its source row */
	assert_int_equal(got.activity.source, rec->format);
	assert_int_equal(got.activity.source_id, a->source_id);
	assert_string_equal(got.activity.source_file, rec->file_name);
	assert_string_equal(got.activity.source_sha256, rec->sha256);
	if (rec->device) {
		assert_string_equal(got.activity.device, rec->device);
	} else {
		assert_null(got.activity.device);
	}
	/* laps in order, every field */
	assert_int_equal(got.n_laps, want->n_laps);
	for (size_t i = 0; i < want->n_laps; i++) {
		check_same_lap(&got.laps[i], &want->laps[i]);
	}
	check_samples_close(&got.samples, &want->samples);
	recorded_release(&got);
}

static void test_recorded_get(void **state)
{
	struct fixture *f = *state;
	struct recording rec, small;
	struct recorded got;
	struct err err = ERR_INIT;

	two_activity_file(&rec, "Duathlon.fit", 5);
	keep(f->s, 1, &rec);
	check_read_back(f->s, &rec, 0);
	check_read_back(f->s, &rec, 1);
	/* no laps, no samples, no device */
	small_file(&small, "walk.gpx", 6, SPORT_WALK);
	keep(f->s, 1, &small);
	check_read_back(f->s, &small, 0);
	/* and after reopening the database */
	store_close(f->s);
	f->s = NULL;
	assert_int_equal(store_open(f->db, STORE_READ, &f->s, &err), ERR_OK);
	check_read_back(f->s, &rec, 1);
	/* someone else's activity, or none */
	assert_int_equal(store_recorded_get(f->s, 2, rec.activities[0].activity.id, &got, &err),
	                 ERR_NOT_FOUND);
	recorded_release(&got);
	assert_int_equal(store_recorded_get(f->s, 1, 9999, &got, &err), ERR_NOT_FOUND);
	assert_int_equal(got.n_laps, 0);
	assert_int_equal(got.samples.n, 0);
	recorded_release(&got);
	recording_release(&small);
	recording_release(&rec);
}

static void test_same_file_again(void **state)
{
	struct fixture *f = *state;
	struct recording rec, again, other;
	struct err err = ERR_INIT;

	two_activity_file(&rec, "Morning.fit", 7);
	keep(f->s, 1, &rec);
	/* the same bytes under another name */
	two_activity_file(&again, "Copy of Morning.fit", 7);
	assert_int_equal(store_recording_add(f->s, 1, &again, &err), ERR_CONFLICT);
	assert_non_null(strstr(err.msg, "Copy of Morning.fit"));
	assert_int_equal(count_activities(f->s, 1), 2);
	/* inside a transaction: roll back and carry on */
	err_clear(&err);
	assert_int_equal(store_begin(f->s, &err), ERR_OK);
	assert_int_equal(store_recording_add(f->s, 1, &again, &err), ERR_CONFLICT);
	store_rollback(f->s);
	assert_false(store_in_transaction(f->s));
	assert_true(seen(f->s, 1, rec.sha256));
	small_file(&other, "Evening.gpx", 8, SPORT_RUN);
	assert_int_equal(store_begin(f->s, &err), ERR_OK);
	keep(f->s, 1, &other);
	assert_int_equal(store_commit(f->s, &err), ERR_OK);
	assert_true(seen(f->s, 1, other.sha256));
	assert_int_equal(count_activities(f->s, 1), 3);
	recording_release(&other);
	recording_release(&again);
	recording_release(&rec);
}

static void test_other_athlete_same_file(void **state)
{
	struct fixture *f = *state;
	struct recording mine, hers;

	two_activity_file(&mine, "Relay.fit", 9);
	two_activity_file(&hers, "Relay.fit", 9);
	keep(f->s, 1, &mine);
	keep(f->s, 2, &hers);
	assert_int_equal(hers.activities[0].activity.athlete_id, 2);
	assert_true(hers.activities[0].activity.source_id != mine.activities[0].activity.source_id);
	assert_int_equal(count_activities(f->s, 1), 2);
	assert_int_equal(count_activities(f->s, 2), 2);
	recording_release(&hers);
	recording_release(&mine);
}

/* The gear a file names, found in any letter case or added once. */
static void test_gear(void **state)
{
	struct fixture *f = *state;
	struct recording first, second, ride;
	struct gear_list l = { NULL, 0, 0 };
	struct activity got;
	struct err err = ERR_INIT;
	int64_t shoes;

	small_file(&first, "a.gpx", 10, SPORT_RUN);
	first.gear = strdup("Pegasus 40");
	keep(f->s, 1, &first);
	shoes = first.activities[0].activity.gear_id;
	assert_true(shoes > 0);
	small_file(&second, "b.gpx", 11, SPORT_RUN);
	second.gear = strdup("PEGASUS 40");
	keep(f->s, 1, &second);
	assert_int_equal(second.activities[0].activity.gear_id, shoes);
	small_file(&ride, "c.gpx", 12, SPORT_BIKE);
	ride.gear = strdup("Canyon Endurace");
	keep(f->s, 1, &ride);
	assert_true(ride.activities[0].activity.gear_id != shoes);

	assert_int_equal(store_gear_list(f->s, 1, &l, &err), ERR_OK);
	assert_int_equal(l.n_gears, 2);
	for (size_t i = 0; i < l.n_gears; i++) {
		if (l.gears[i].id == shoes) {
			assert_string_equal(l.gears[i].name, "Pegasus 40");
			assert_int_equal(l.gears[i].kind, GEAR_SHOES);
			assert_int_equal(l.gears[i].n_activities, 2);
			assert_true(l.gears[i].distance_m == 10000);
		} else {
			assert_string_equal(l.gears[i].name, "Canyon Endurace");
			assert_int_equal(l.gears[i].kind, GEAR_BIKE);
			assert_int_equal(l.gears[i].n_activities, 1);
		}
	}
	gear_list_release(&l);
	assert_int_equal(store_activity_get(f->s, 1, second.activities[0].activity.id, &got, &err),
	                 ERR_OK);
	assert_int_equal(got.gear_id, shoes);
	assert_string_equal(got.gear, "Pegasus 40");
	activity_release(&got);
	/* athlete 2's shoes of the same name are her own */
	recording_release(&second);
	small_file(&second, "b.gpx", 11, SPORT_RUN);
	second.gear = strdup("Pegasus 40");
	keep(f->s, 2, &second);
	assert_true(second.activities[0].activity.gear_id != shoes);
	assert_int_equal(store_gear_list(f->s, 2, &l, &err), ERR_OK);
	assert_int_equal(l.n_gears, 1);
	gear_list_release(&l);
	recording_release(&ride);
	recording_release(&second);
	recording_release(&first);
}

/* A file none of whose activities remain is forgotten, so that importing
 * it again brings them back. */
static void test_remove_forgets_source(void **state)
{
	struct fixture *f = *state;
	struct recording rec, again;
	struct recorded got;
	struct err err = ERR_INIT;
	int64_t first, second;

	two_activity_file(&rec, "Duathlon.fit", 13);
	keep(f->s, 1, &rec);
	first = rec.activities[0].activity.id;
	second = rec.activities[1].activity.id;
	assert_int_equal(store_activity_remove(f->s, 1, first, &err), ERR_OK);
	assert_true(seen(f->s, 1, rec.sha256)); /* the ride remains */
	assert_int_equal(store_recorded_get(f->s, 1, first, &got, &err), ERR_NOT_FOUND);
	recorded_release(&got);
	check_read_back(f->s, &rec, 1);
	assert_int_equal(store_activity_remove(f->s, 1, second, &err), ERR_OK);
	assert_false(seen(f->s, 1, rec.sha256));
	assert_int_equal(count_activities(f->s, 1), 0);
	/* and the file comes back whole */
	two_activity_file(&again, "Duathlon.fit", 13);
	keep(f->s, 1, &again);
	assert_true(seen(f->s, 1, rec.sha256));
	check_read_back(f->s, &again, 0);
	check_read_back(f->s, &again, 1);
	/* removing what is not there is still an error, and forgets nothing */
	assert_int_equal(
	        store_activity_remove(f->s, 1, again.activities[1].activity.id + 100, &err),
	        ERR_NOT_FOUND);
	assert_int_equal(store_activity_remove(f->s, 2, again.activities[1].activity.id, &err),
	                 ERR_NOT_FOUND);
	assert_true(seen(f->s, 1, rec.sha256));
	recording_release(&again);
	recording_release(&rec);
}

/* Samples damaged on disk are ERR_FORMAT naming the activity; the
 * activity itself still reads. */
static void test_damaged_samples_in_store(void **state)
{
	struct fixture *f = *state;
	struct recording rec;
	struct recorded got;
	struct activity a;
	struct err err = ERR_INIT;
	char sql[200], id[40];

	two_activity_file(&rec, "Duathlon.fit", 16);
	keep(f->s, 1, &rec);
	store_close(f->s);
	f->s = NULL;
	snprintf(sql, sizeof(sql),
	         "UPDATE samples SET data = substr(data, 1, 40) WHERE activity_id = %lld",
	         (long long)rec.activities[1].activity.id);
	sqlite_exec(f->db, sql);
	assert_int_equal(store_open(f->db, STORE_WRITE, &f->s, &err), ERR_OK);
	assert_int_equal(store_recorded_get(f->s, 1, rec.activities[1].activity.id, &got, &err),
	                 ERR_FORMAT);
	snprintf(id, sizeof(id), "activity %lld", (long long)rec.activities[1].activity.id);
	assert_non_null(strstr(err.msg, id));
	assert_non_null(strstr(err.msg, "byte"));
	recorded_release(&got);
	assert_int_equal(store_activity_get(f->s, 1, rec.activities[1].activity.id, &a, &err),
	                 ERR_OK);
	activity_release(&a);
	check_read_back(f->s, &rec, 0);
	recording_release(&rec);
}

static void test_sink(void **state)
{
	struct fixture *f = *state;
	struct store_sink ss;
	struct recording rec, dup, broken;
	struct err err = ERR_INIT;
	bool yes = true;
	struct gear g;

	store_sink_init(&ss, f->s, 1);
	two_activity_file(&rec, "Duathlon.fit", 14);
	assert_int_equal(ss.sink.seen(ss.sink.ctx, rec.sha256, &yes, &err), ERR_OK);
	assert_false(yes);
	assert_int_equal(ss.sink.save(ss.sink.ctx, &rec, &err), ERR_OK);
	assert_false(store_in_transaction(f->s));
	assert_int_equal(ss.sink.seen(ss.sink.ctx, rec.sha256, &yes, &err), ERR_OK);
	assert_true(yes);
	check_read_back(f->s, &rec, 0);

	/* a duplicate fails and changes nothing */
	two_activity_file(&dup, "Duathlon (1).fit", 14);
	assert_int_equal(ss.sink.save(ss.sink.ctx, &dup, &err), ERR_CONFLICT);
	assert_false(store_in_transaction(f->s));
	assert_int_equal(count_activities(f->s, 1), 2);

	/* a file that fails half way (its second activity names someone
	 * else's gear) leaves nothing: no source, no first activity */
	gear_init(&g);
	g.athlete_id = 2;
	g.name = strdup("Her bike");
	assert_int_equal(store_gear_add(f->s, &g, &err), ERR_OK);
	two_activity_file(&broken, "Broken.fit", 15);
	broken.activities[1].activity.gear_id = g.id;
	err_clear(&err);
	assert_int_equal(ss.sink.save(ss.sink.ctx, &broken, &err), ERR_CONFLICT);
	assert_true(err.msg[0] != '\0');
	assert_false(store_in_transaction(f->s));
	assert_int_equal(ss.sink.seen(ss.sink.ctx, broken.sha256, &yes, &err), ERR_OK);
	assert_false(yes);
	assert_int_equal(count_activities(f->s, 1), 2);
	/* and the store takes the next file */
	broken.activities[1].activity.gear_id = 0;
	assert_int_equal(ss.sink.save(ss.sink.ctx, &broken, &err), ERR_OK);
	assert_int_equal(count_activities(f->s, 1), 4);
	check_read_back(f->s, &broken, 1);

	/* another athlete's sink sees her files only */
	store_sink_init(&ss, f->s, 2);
	assert_int_equal(ss.sink.seen(ss.sink.ctx, rec.sha256, &yes, &err), ERR_OK);
	assert_false(yes);
	gear_release(&g);
	recording_release(&broken);
	recording_release(&dup);
	recording_release(&rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blob_round_trip_every_field),
		cmocka_unit_test(test_blob_steps),
		cmocka_unit_test(test_blob_absent_columns),
		cmocka_unit_test(test_blob_empty),
		cmocka_unit_test(test_blob_large),
		cmocka_unit_test(test_blob_damaged),
		cmocka_unit_test_setup_teardown(test_source_seen, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_add_sets_ids, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_recorded_get, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_same_file_again, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_other_athlete_same_file, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_gear, fixture_setup_store, fixture_teardown),
		cmocka_unit_test_setup_teardown(test_remove_forgets_source, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_damaged_samples_in_store, fixture_setup_store,
		                                fixture_teardown),
		cmocka_unit_test_setup_teardown(test_sink, fixture_setup_store, fixture_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
