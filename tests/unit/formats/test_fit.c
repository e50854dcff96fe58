/*
 * test_fit.c: the FIT decoder (formats/fit.h, format_fit in format.h).
 *
 * Most cases build their FIT bytes here with a tiny writer (header,
 * definitions, data, CRCs), so each protocol rule is tested on the few
 * bytes that show it: byte order, scale and offset, invalid values,
 * arrays, compressed timestamps, developer fields, several sessions,
 * chained files, and every kind of damage. The rest read the small MIT
 * sample files in tests/data/fit (see its README.md) and expect the
 * numbers Garmin's SDK gives for them.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "core/recording.h"
#include "formats/fit.h"
#include "formats/format.h"

/* Base type bytes as a definition writes them (endian bit included). */
#define BT_ENUM    0x00
#define BT_SINT8   0x01
#define BT_UINT8   0x02
#define BT_SINT16  0x83
#define BT_UINT16  0x84
#define BT_SINT32  0x85
#define BT_UINT32  0x86
#define BT_STRING  0x07
#define BT_FLOAT32 0x88
#define BT_UINT8Z  0x0A
#define BT_UINT16Z 0x8B
#define BT_BYTE    0x0D

/* A FIT time (seconds since 1989-12-31) and the Unix time it is. */
#define T0      1000000000u
#define T0_UNIX (1000000000.0 + FIT_EPOCH_UNIX)

/* Semicircles for 45 and -90 degrees. */
#define LAT_45  0x20000000
#define LON_M90 (-0x40000000)

/* ---- a tiny FIT writer ---- */

/* A FIT file being written: segments of header, messages, CRC. */
struct fw {
	uint8_t buf[1 << 16]; /* the bytes */
	size_t len;           /* bytes written */
	size_t seg;           /* where the current segment's header starts */
	unsigned header_size; /* its size, 12 or 14 */
	bool big;             /* definitions and data are big-endian */
};

static void fw_u8(struct fw *w, unsigned v)
{
	assert_true(w->len < sizeof(w->buf));
	w->buf[w->len++] = (uint8_t)v;
}

/* A value of size bytes in the writer's byte order. */
static void fw_uint(struct fw *w, uint64_t v, unsigned size)
{
	for (unsigned i = 0; i < size; i++) {
		fw_u8(w, (unsigned)(v >> (8 * (w->big ? size - 1 - i : i))) & 0xFF);
	}
}

static void fw_u16(struct fw *w, unsigned v)
{
	fw_uint(w, v, 2);
}

static void fw_u32(struct fw *w, uint32_t v)
{
	fw_uint(w, v, 4);
}

static void put_le16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v & 0xFF);
	p[1] = (uint8_t)(v >> 8);
}

/* Start a segment with a header of header_size (12 or 14) bytes. */
static void fw_begin(struct fw *w, unsigned header_size)
{
	static const uint8_t sig[4] = { '.', 'F', 'I', 'T' };

	w->seg = w->len;
	w->header_size = header_size;
	fw_u8(w, header_size);
	fw_u8(w, 0x20); /* protocol 2.0 */
	fw_u8(w, 0x54); /* profile 21.00, little-endian */
	fw_u8(w, 0x08);
	for (int i = 0; i < 4; i++) {
		fw_u8(w, 0); /* data size, patched by fw_end */
	}
	for (int i = 0; i < 4; i++) {
		fw_u8(w, sig[i]);
	}
	if (header_size == 14) {
		fw_u8(w, 0);
		fw_u8(w, 0);
	}
}

/* End the segment: patch the data size and header CRC, add the CRC. */
static void fw_end(struct fw *w)
{
	uint8_t *h = w->buf + w->seg;
	uint32_t size = (uint32_t)(w->len - w->seg - w->header_size);
	uint16_t crc;

	for (int i = 0; i < 4; i++) {
		h[4 + i] = (uint8_t)(size >> (8 * i));
	}
	if (w->header_size == 14) {
		put_le16(h + 12, fit_crc16(0, h, 12));
	}
	crc = fit_crc16(0, h, w->len - w->seg);
	fw_u8(w, crc & 0xFF);
	fw_u8(w, crc >> 8);
}

/* Recompute the file CRC of a one-segment file after patching it. */
static void fw_recrc(struct fw *w)
{
	put_le16(w->buf + w->len - 2, fit_crc16(0, w->buf, w->len - 2));
}

/* A definition: local type, global number, then n (number, size, base
 * type) triples. */
static void fw_def(struct fw *w, unsigned local, unsigned global, unsigned n, ...)
{
	va_list ap;

	fw_u8(w, 0x40 | local);
	fw_u8(w, 0);
	fw_u8(w, w->big ? 1 : 0);
	fw_u16(w, global);
	fw_u8(w, n);
	va_start(ap, n);
	for (unsigned i = 0; i < 3 * n; i++) {
		fw_u8(w, va_arg(ap, unsigned));
	}
	va_end(ap);
}

static void fw_data(struct fw *w, unsigned local)
{
	fw_u8(w, local);
}

/* A compressed timestamp header: local type 0-3, offset 0-31. */
static void fw_compressed(struct fw *w, unsigned local, unsigned offset)
{
	fw_u8(w, 0x80 | local << 5 | offset);
}

enum {
	L_FILE_ID,
	L_RECORD,
	L_SESSION,
	L_LAP,
	L_EVENT,
	L_OTHER
};

static void fw_file_id(struct fw *w, unsigned type, unsigned manufacturer, unsigned product)
{
	fw_def(w, L_FILE_ID, 0, 4, 0, 1, BT_ENUM, 1, 2, BT_UINT16, 2, 2, BT_UINT16, 4, 4,
	       BT_UINT32);
	fw_data(w, L_FILE_ID);
	fw_u8(w, type);
	fw_u16(w, manufacturer);
	fw_u16(w, product);
	fw_u32(w, T0);
}

/* Raw record values, as the file holds them. */
struct rec_values {
	uint32_t ts;      /* timestamp */
	uint32_t lat;     /* semicircles (sint32 bits) */
	uint32_t lon;     /* semicircles (sint32 bits) */
	unsigned alt;     /* 1/5 m + 500 m */
	unsigned hr;      /* bpm */
	unsigned cadence; /* rpm */
	uint32_t dist;    /* cm */
	unsigned speed;   /* mm/s */
	unsigned power;   /* W */
	unsigned frac;    /* 1/128 of cadence */
};

static const struct rec_values invalid_record = {
	0xFFFFFFFF, 0x7FFFFFFF, 0x7FFFFFFF, 0xFFFF, 0xFF, 0xFF, 0xFFFFFFFF, 0xFFFF, 0xFFFF, 0xFF,
};

static void fw_record_def(struct fw *w)
{
	fw_def(w, L_RECORD, 20, 10, 253, 4, BT_UINT32, 0, 4, BT_SINT32, 1, 4, BT_SINT32, 2, 2,
	       BT_UINT16, 3, 1, BT_UINT8, 4, 1, BT_UINT8, 5, 4, BT_UINT32, 6, 2, BT_UINT16, 7, 2,
	       BT_UINT16, 53, 1, BT_UINT8);
}

static void fw_record(struct fw *w, const struct rec_values *v)
{
	fw_data(w, L_RECORD);
	fw_u32(w, v->ts);
	fw_u32(w, v->lat);
	fw_u32(w, v->lon);
	fw_u16(w, v->alt);
	fw_u8(w, v->hr);
	fw_u8(w, v->cadence);
	fw_u32(w, v->dist);
	fw_u16(w, v->speed);
	fw_u16(w, v->power);
	fw_u8(w, v->frac);
}

/* A record with a time and a heart rate only. */
static void fw_simple_record(struct fw *w, uint32_t ts, unsigned hr)
{
	struct rec_values v = invalid_record;

	v.ts = ts;
	v.hr = hr;
	fw_record(w, &v);
}

/* Raw session values. */
struct session_values {
	uint32_t start;   /* start_time */
	unsigned sport;   /* FIT sport */
	unsigned sub;     /* FIT sub_sport */
	uint32_t elapsed; /* ms */
	uint32_t timer;   /* ms */
	uint32_t dist;    /* cm */
	unsigned hr_avg;  /* bpm */
	unsigned hr_max;  /* bpm */
	unsigned cadence; /* rpm */
	unsigned ascent;  /* m */
	unsigned descent; /* m */
	unsigned first;   /* first_lap_index */
	unsigned n_laps;  /* num_laps */
};

static const struct session_values invalid_session = {
	0xFFFFFFFF, 0xFF, 0xFF,   0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFF,
	0xFF,       0xFF, 0xFFFF, 0xFFFF,     0xFFFF,     0xFFFF,
};

static void fw_session_def(struct fw *w)
{
	fw_def(w, L_SESSION, 18, 13, 2, 4, BT_UINT32, 5, 1, BT_ENUM, 6, 1, BT_ENUM, 7, 4, BT_UINT32,
	       8, 4, BT_UINT32, 9, 4, BT_UINT32, 16, 1, BT_UINT8, 17, 1, BT_UINT8, 18, 1, BT_UINT8,
	       22, 2, BT_UINT16, 23, 2, BT_UINT16, 25, 2, BT_UINT16, 26, 2, BT_UINT16);
}

static void fw_session(struct fw *w, const struct session_values *v)
{
	fw_data(w, L_SESSION);
	fw_u32(w, v->start);
	fw_u8(w, v->sport);
	fw_u8(w, v->sub);
	fw_u32(w, v->elapsed);
	fw_u32(w, v->timer);
	fw_u32(w, v->dist);
	fw_u8(w, v->hr_avg);
	fw_u8(w, v->hr_max);
	fw_u8(w, v->cadence);
	fw_u16(w, v->ascent);
	fw_u16(w, v->descent);
	fw_u16(w, v->first);
	fw_u16(w, v->n_laps);
}

/* A session with a start, sport and times only. */
static void fw_simple_session(struct fw *w, uint32_t start, unsigned sport, unsigned sub,
                              uint32_t elapsed_ms)
{
	struct session_values v = invalid_session;

	v.start = start;
	v.sport = sport;
	v.sub = sub;
	v.elapsed = elapsed_ms;
	v.timer = elapsed_ms;
	fw_session(w, &v);
}

static void fw_lap_def(struct fw *w)
{
	fw_def(w, L_LAP, 19, 9, 253, 4, BT_UINT32, 2, 4, BT_UINT32, 7, 4, BT_UINT32, 9, 4,
	       BT_UINT32, 15, 1, BT_UINT8, 17, 1, BT_UINT8, 14, 2, BT_UINT16, 23, 1, BT_ENUM, 24, 1,
	       BT_ENUM);
}

/* A lap: start, elapsed ms, distance cm, avg HR and cadence, max speed
 * mm/s, intensity and trigger. */
static void fw_lap(struct fw *w, uint32_t start, uint32_t elapsed, uint32_t dist, unsigned hr,
                   unsigned cadence, unsigned max_speed, unsigned intensity, unsigned trigger)
{
	fw_data(w, L_LAP);
	fw_u32(w, start == 0xFFFFFFFF ? start : start + elapsed / 1000);
	fw_u32(w, start);
	fw_u32(w, elapsed);
	fw_u32(w, dist);
	fw_u8(w, hr);
	fw_u8(w, cadence);
	fw_u16(w, max_speed);
	fw_u8(w, intensity);
	fw_u8(w, trigger);
}

/* ---- decoding helpers ---- */

static enum err_code decode_bytes(const uint8_t *buf, size_t len, struct recording *rec,
                                  struct err *err)
{
	recording_init(rec);
	rec->format = SOURCE_FIT;
	rec->file_name = xstrdup("test.fit");
	rec->size_bytes = len;
	return format_fit.decode(buf, len, rec, err);
}

static enum err_code decode_fw(const struct fw *w, struct recording *rec, struct err *err)
{
	return decode_bytes(w->buf, w->len, rec, err);
}

static struct fw *fw_new(bool big)
{
	struct fw *w = xcalloc(1, sizeof(*w));

	w->big = big;
	return w;
}

static double sample(const struct recording *rec, size_t activity, size_t row, enum sample_field f)
{
	assert_true(activity < rec->n_activities);
	assert_true(row < rec->activities[activity].samples.n);
	return samples_get(&rec->activities[activity].samples, row, f);
}

static void assert_near(double got, double want)
{
	if (!(fabs(got - want) <= 1e-6 * fmax(1, fabs(want)))) {
		fail_msg("got %.9f, want %.9f", got, want);
	}
}

static void assert_contains(const char *text, const char *part)
{
	if (!strstr(text, part)) {
		fail_msg("'%s' does not contain '%s'", text, part);
	}
}

/* ---- the CRC ---- */

/* The CRC bit by bit, as the protocol defines it. */
static uint16_t crc_bitwise(uint16_t crc, const uint8_t *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		crc ^= buf[i];
		for (int b = 0; b < 8; b++) {
			crc = (crc & 1) ? (uint16_t)((crc >> 1) ^ 0xA001) : (uint16_t)(crc >> 1);
		}
	}
	return crc;
}

static void test_crc(void **state)
{
	uint8_t buf[300];
	uint32_t x = 12345;
	uint16_t crc;

	(void)state;
	assert_int_equal(fit_crc16(0, (const uint8_t *)"123456789", 9), 0xBB3D);
	assert_int_equal(fit_crc16(0, buf, 0), 0);
	for (size_t i = 0; i < sizeof(buf); i++) {
		x = x * 1103515245 + 12345;
		buf[i] = (uint8_t)(x >> 16);
	}
	for (size_t len = 0; len <= sizeof(buf); len++) {
		for (size_t cut = 0; cut <= len; cut += 7) {
			uint16_t seed = (uint16_t)(len * 31);

			assert_int_equal(fit_crc16(fit_crc16(seed, buf, cut), buf + cut, len - cut),
			                 crc_bitwise(seed, buf, len));
		}
	}
	/* data followed by its CRC, little-endian, gives 0 */
	crc = fit_crc16(0, buf, 100);
	buf[100] = crc & 0xFF;
	buf[101] = crc >> 8;
	assert_int_equal(fit_crc16(0, buf, 102), 0);
}

/* ---- a whole activity, either byte order ---- */

/* file_id, three records, a lap and a running session. */
static void build_basic(struct fw *w)
{
	struct rec_values r = {
		T0, LAT_45, (uint32_t)LON_M90, 2600, 150, 80, 12345, 3500, 250, 64
	};
	struct session_values s = { T0, 1, 0, 125000, 120000, 50000, 140, 170, 81, 12, 13, 0, 1 };

	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_record_def(w);
	fw_record(w, &r);
	r.ts++;
	r.hr = 151;
	fw_record(w, &r);
	r.ts++;
	r.hr = 152;
	fw_record(w, &r);
	fw_lap_def(w);
	fw_lap(w, T0, 125000, 50000, 140, 81, 4200, 0, 7);
	fw_session_def(w);
	fw_session(w, &s);
	fw_end(w);
}

static void check_basic(const struct recording *rec)
{
	const struct activity *a;
	const struct lap *lap;

	assert_string_equal(rec->file_type, "activity");
	assert_string_equal(rec->device, "garmin fenix2");
	assert_int_equal(rec->n_records, 3);
	assert_int_equal(rec->n_laps, 1);
	assert_int_equal(rec->n_sessions, 1);
	assert_int_equal(rec->n_activities, 1);
	assert_false(rec->repaired);
	assert_string_equal(rec->warnings.buf, "");

	a = &rec->activities[0].activity;
	assert_int_equal(a->sport, SPORT_RUN);
	assert_false(a->treadmill);
	assert_true(a->has_start);
	assert_int_equal(a->start_utc, (int64_t)T0_UNIX);
	assert_near(a->duration_s, 125);
	assert_near(a->moving_s, 120);
	assert_near(a->distance_m, 500);
	assert_near(a->ascent_m, 12);
	assert_near(a->descent_m, 13);
	assert_int_equal(a->hr_avg, 140);
	assert_int_equal(a->hr_max, 170);
	assert_near(a->cadence_avg, 162); /* 81 strides a minute */
	assert_true(isnan(a->power_avg));
	assert_string_equal(a->device, "garmin fenix2");
	assert_int_equal(a->source, SOURCE_FIT);

	assert_int_equal(rec->activities[0].samples.n, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_near(sample(rec, 0, i, SAMPLE_TIME), T0_UNIX + (double)i);
		assert_near(sample(rec, 0, i, SAMPLE_LAT), 45);
		assert_near(sample(rec, 0, i, SAMPLE_LON), -90);
		assert_near(sample(rec, 0, i, SAMPLE_ALTITUDE), 20); /* 2600 / 5 - 500 */
		assert_near(sample(rec, 0, i, SAMPLE_DISTANCE), 123.45);
		assert_near(sample(rec, 0, i, SAMPLE_SPEED), 3.5);
		assert_near(sample(rec, 0, i, SAMPLE_POWER), 250);
		assert_near(sample(rec, 0, i, SAMPLE_HR), 150 + (double)i);
		assert_near(sample(rec, 0, i, SAMPLE_CADENCE), 161); /* (80 + 64/128) x 2 */
	}

	assert_int_equal(rec->activities[0].n_laps, 1);
	lap = &rec->activities[0].laps[0];
	assert_near(lap->start_utc, T0_UNIX);
	assert_near(lap->elapsed_s, 125);
	assert_near(lap->distance_m, 500);
	assert_int_equal(lap->hr_avg, 140);
	assert_int_equal(lap->hr_max, 0);
	assert_near(lap->cadence_avg, 162);
	assert_near(lap->speed_max, 4.2);
	assert_true(isnan(lap->moving_s));
	assert_string_equal(lap->intensity, "active");
	assert_string_equal(lap->trigger, "session_end");
}

static void test_little_endian(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	build_basic(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	check_basic(&rec);
	recording_release(&rec);
	free(w);
}

static void test_big_endian(void **state)
{
	struct fw *w = fw_new(true);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	build_basic(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	check_basic(&rec);
	recording_release(&rec);
	free(w);
}

/* ---- values ---- */

static void test_invalid_values(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;
	struct rec_values r = invalid_record;
	const struct activity *a;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_record_def(w);
	r.ts = T0;
	fw_record(w, &r);
	/* a latitude without its longitude is no position */
	r.lat = LAT_45;
	fw_record(w, &r);
	fw_session_def(w);
	fw_session(w, &invalid_session);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, 1);
	assert_int_equal(rec.activities[0].samples.n, 2);
	assert_true(samples_has(&rec.activities[0].samples, SAMPLE_TIME));
	for (int f = SAMPLE_LAT; f < SAMPLE_FIELDS; f++) {
		assert_false(samples_has(&rec.activities[0].samples, (enum sample_field)f));
	}
	a = &rec.activities[0].activity;
	assert_false(a->has_start);
	assert_int_equal(a->sport, SPORT_OTHER);
	assert_true(isnan(a->duration_s));
	assert_true(isnan(a->moving_s));
	assert_true(isnan(a->distance_m));
	assert_true(isnan(a->ascent_m));
	assert_true(isnan(a->descent_m));
	assert_true(isnan(a->cadence_avg));
	assert_int_equal(a->hr_avg, 0);
	assert_int_equal(a->hr_max, 0);
	assert_int_equal(rec.activities[0].n_laps, 0);
	recording_release(&rec);
	free(w);
}

/* The heart rate field declared with other base types: each type's own
 * invalid value means none, anything else is read. */
static void test_base_types(void **state)
{
	static const struct {
		unsigned type, size;
		uint32_t bits;
		double want; /* -1: none */
	} cases[] = {
		{ BT_SINT8, 1, 0x7F, -1 },         { BT_SINT8, 1, 100, 100 },
		{ BT_UINT8Z, 1, 0, -1 },           { BT_UINT8Z, 1, 120, 120 },
		{ BT_UINT16, 2, 0xFFFF, -1 },      { BT_UINT16, 2, 130, 130 },
		{ BT_SINT16, 2, 0x7FFF, -1 },      { BT_SINT16, 2, 140, 140 },
		{ BT_UINT16Z, 2, 0, -1 },          { BT_UINT16Z, 2, 145, 145 },
		{ BT_FLOAT32, 4, 0xFFFFFFFF, -1 }, { BT_FLOAT32, 4, 0x42F00000, 120 },
		{ BT_BYTE, 1, 0xFF, -1 },          { BT_BYTE, 1, 90, 90 },
		{ BT_ENUM, 1, 0xFF, -1 },          { BT_UINT32, 4, 0xFFFFFFFF, -1 },
		{ BT_SINT32, 4, 0x7FFFFFFF, -1 },  { BT_SINT32, 4, 155, 155 },
	};
	size_t n = sizeof(cases) / sizeof(cases[0]);

	(void)state;
	for (int big = 0; big < 2; big++) {
		struct fw *w = fw_new(big);
		struct recording rec;
		struct err err = ERR_INIT;

		fw_begin(w, 14);
		fw_file_id(w, 4, 1, 1967);
		for (size_t i = 0; i < n; i++) {
			fw_def(w, L_OTHER, 20, 2, 253, 4, BT_UINT32, 3, cases[i].size,
			       cases[i].type);
			fw_data(w, L_OTHER);
			fw_u32(w, T0 + (uint32_t)i);
			fw_uint(w, cases[i].bits, cases[i].size);
		}
		fw_end(w);
		assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
		assert_int_equal(rec.n_activities, 1);
		for (size_t i = 0; i < n; i++) {
			double hr = sample(&rec, 0, i, SAMPLE_HR);

			if (cases[i].want < 0) {
				if (!isnan(hr)) {
					fail_msg("case %zu: %f where none was expected", i, hr);
				}
			} else {
				assert_near(hr, cases[i].want);
			}
		}
		recording_release(&rec);
		free(w);
	}
}

/* Regression (fuzz_fit, crashes/fit/crash-negative-heart-rate): a heart
 * rate written as a huge negative float or a negative sint8 overflowed
 * the conversion to int; now it is unknown. */
static void test_negative_heart_rate(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_def(w, L_LAP, 19, 3, 2, 4, BT_UINT32, 15, 4, BT_FLOAT32, 16, 1, BT_SINT8);
	fw_data(w, L_LAP);
	fw_u32(w, T0);
	fw_u32(w, 0xFEFFFFFF); /* -1.7e38 */
	fw_u8(w, 0xFB);        /* -5 */
	fw_def(w, L_SESSION, 18, 3, 2, 4, BT_UINT32, 16, 4, BT_FLOAT32, 17, 1, BT_SINT8);
	fw_data(w, L_SESSION);
	fw_u32(w, T0);
	fw_u32(w, 0xFEFFFFFF);
	fw_u8(w, 0xFB);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, 1);
	assert_int_equal(rec.activities[0].activity.hr_avg, 0);
	assert_int_equal(rec.activities[0].activity.hr_max, 0);
	assert_int_equal(rec.activities[0].laps[0].hr_avg, 0);
	assert_int_equal(rec.activities[0].laps[0].hr_max, 0);
	recording_release(&rec);
	free(w);
}

/* A field as big as several values is an array: its first value counts.
 * A field that is no whole number of values cannot be read. */
static void test_arrays(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	/* enhanced_speed as 2 uint32, heart_rate as 3 uint8, speed as 3
	 * bytes of uint16 (unreadable), enhanced_altitude as 2 uint32 */
	fw_def(w, L_RECORD, 20, 5, 253, 4, BT_UINT32, 73, 8, BT_UINT32, 3, 3, BT_UINT8, 6, 3,
	       BT_UINT16, 78, 8, BT_UINT32);
	fw_data(w, L_RECORD);
	fw_u32(w, T0);
	fw_u32(w, 2500);
	fw_u32(w, 9999);
	fw_u8(w, 133);
	fw_u8(w, 1);
	fw_u8(w, 2);
	fw_u8(w, 0x10);
	fw_u8(w, 0x20);
	fw_u8(w, 0x30);
	fw_u32(w, 3000);
	fw_u32(w, 4000);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_near(sample(&rec, 0, 0, SAMPLE_SPEED), 2.5);
	assert_near(sample(&rec, 0, 0, SAMPLE_HR), 133);
	assert_near(sample(&rec, 0, 0, SAMPLE_ALTITUDE), 100); /* 3000 / 5 - 500 */
	recording_release(&rec);
	free(w);
}

/* ---- headers ---- */

static void test_compressed_timestamps(void **state)
{
	static const unsigned offsets[] = { 30, 1, 1, 0 };
	/* base & 31 is 28: 30 is 2 s later, 1 rolls over, 1 again does not,
	 * 0 rolls over again */
	static const uint32_t want[] = { T0 + 30, T0 + 33, T0 + 33, T0 + 64 };
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1436);
	fw_def(w, 2, 20, 1, 3, 1, BT_UINT8);
	fw_compressed(w, 2, 5); /* no full timestamp yet: no time */
	fw_u8(w, 99);
	fw_record_def(w);
	fw_simple_record(w, T0 + 28, 100);
	for (size_t i = 0; i < 4; i++) {
		fw_compressed(w, 2, offsets[i]);
		fw_u8(w, 101 + (unsigned)i);
	}
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_records, 6);
	assert_int_equal(rec.n_activities, 1);
	assert_true(isnan(sample(&rec, 0, 0, SAMPLE_TIME)));
	assert_near(sample(&rec, 0, 0, SAMPLE_HR), 99);
	assert_near(sample(&rec, 0, 1, SAMPLE_TIME), T0_UNIX + 28);
	for (size_t i = 0; i < 4; i++) {
		assert_near(sample(&rec, 0, 2 + i, SAMPLE_TIME), (double)want[i] + FIT_EPOCH_UNIX);
		assert_near(sample(&rec, 0, 2 + i, SAMPLE_HR), 101 + (double)i);
	}
	assert_false(rec.repaired);
	recording_release(&rec);
	free(w);
}

/* Developer fields are described by the definition and skipped by size. */
static void test_developer_fields(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	/* developer_data_id: developer_data_index 0 */
	fw_def(w, L_OTHER, 207, 1, 3, 1, BT_UINT8);
	fw_data(w, L_OTHER);
	fw_u8(w, 0);
	/* field_description: index 0, field 0, uint16, name "doughnuts" */
	fw_def(w, L_OTHER, 206, 4, 0, 1, BT_UINT8, 1, 1, BT_UINT8, 2, 1, BT_UINT8, 3, 10,
	       BT_STRING);
	fw_data(w, L_OTHER);
	fw_u8(w, 0);
	fw_u8(w, 0);
	fw_u8(w, 0x84);
	for (const char *s = "doughnuts"; *s; s++) {
		fw_u8(w, (unsigned char)*s);
	}
	fw_u8(w, 0);
	/* a record with two developer fields (4 and 3 bytes) after its own */
	fw_u8(w, 0x60 | L_RECORD);
	fw_u8(w, 0);
	fw_u8(w, 0);
	fw_u16(w, 20);
	fw_u8(w, 2);
	fw_u8(w, 253);
	fw_u8(w, 4);
	fw_u8(w, BT_UINT32);
	fw_u8(w, 3);
	fw_u8(w, 1);
	fw_u8(w, BT_UINT8);
	fw_u8(w, 2);
	fw_u8(w, 0);
	fw_u8(w, 4);
	fw_u8(w, 0);
	fw_u8(w, 1);
	fw_u8(w, 3);
	fw_u8(w, 0);
	for (unsigned i = 0; i < 3; i++) {
		fw_data(w, L_RECORD);
		fw_u32(w, T0 + i);
		fw_u8(w, 120 + i);
		fw_u32(w, 0xDEADBEEF);
		fw_u8(w, 0x41); /* would be a definition header if misread */
		fw_u8(w, 0x42);
		fw_u8(w, 0x43);
	}
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_false(rec.repaired);
	assert_int_equal(rec.n_records, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_near(sample(&rec, 0, i, SAMPLE_TIME), T0_UNIX + (double)i);
		assert_near(sample(&rec, 0, i, SAMPLE_HR), 120 + (double)i);
	}
	recording_release(&rec);
	free(w);
}

static void test_header_crc(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	build_basic(w);
	/* a header CRC of 0 means "not computed" */
	put_le16(w->buf + 12, 0);
	fw_recrc(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	check_basic(&rec);
	recording_release(&rec);

	/* a wrong one is said, and the file read anyway */
	put_le16(w->buf + 12, 0x1234);
	fw_recrc(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_true(rec.repaired);
	assert_contains(rec.warnings.buf, "header CRC mismatch at byte 12");
	assert_int_equal(rec.n_records, 3);
	assert_int_equal(rec.n_activities, 1);
	recording_release(&rec);
	free(w);
}

static void test_legacy_header(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 12);
	fw_file_id(w, 4, 1, 1967);
	fw_record_def(w);
	fw_simple_record(w, T0, 100);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_false(rec.repaired);
	assert_int_equal(rec.n_records, 1);
	assert_int_equal(rec.n_activities, 1);
	recording_release(&rec);
	free(w);
}

/* ---- sessions, laps, samples ---- */

/* Records go to the session whose [start, next start) holds them, laps
 * by first_lap_index and num_laps. */
static void test_two_sessions(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;
	struct rec_values r = invalid_record;
	struct session_values run = invalid_session, ride = invalid_session;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_record_def(w);
	fw_simple_record(w, T0 - 5, 100); /* before the first start */
	fw_simple_record(w, T0, 101);
	r.cadence = 85;
	r.ts = T0 + 50;
	fw_record(w, &r);
	r.ts = 0xFFFFFFFF; /* no time: goes with the one before */
	fw_record(w, &r);
	fw_simple_record(w, T0 + 100, 102);
	r.ts = T0 + 150;
	fw_record(w, &r);
	fw_lap_def(w);
	fw_lap(w, T0, 100000, 0xFFFFFFFF, 0xFF, 0xFF, 0xFFFF, 0xFF, 0xFF);
	fw_lap(w, T0 + 100, 30000, 0xFFFFFFFF, 0xFF, 0xFF, 0xFFFF, 0xFF, 0xFF);
	fw_lap(w, T0 + 130, 30000, 0xFFFFFFFF, 0xFF, 0xFF, 0xFFFF, 0xFF, 0xFF);
	fw_session_def(w);
	run.start = T0;
	run.sport = 1;
	run.first = 0;
	run.n_laps = 1;
	run.elapsed = 100000;
	fw_session(w, &run);
	ride.start = T0 + 100;
	ride.sport = 2;
	ride.first = 1;
	ride.n_laps = 2;
	ride.elapsed = 60000;
	fw_session(w, &ride);
	fw_end(w);

	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_sessions, 2);
	assert_int_equal(rec.n_activities, 2);
	assert_int_equal(rec.activities[0].activity.sport, SPORT_RUN);
	assert_int_equal(rec.activities[1].activity.sport, SPORT_BIKE);
	assert_int_equal(rec.activities[0].samples.n, 4);
	assert_int_equal(rec.activities[1].samples.n, 2);
	assert_near(sample(&rec, 0, 0, SAMPLE_TIME), T0_UNIX - 5);
	assert_true(isnan(sample(&rec, 0, 3, SAMPLE_TIME)));
	assert_near(sample(&rec, 0, 3, SAMPLE_CADENCE), 170); /* running: doubled */
	assert_near(sample(&rec, 1, 0, SAMPLE_TIME), T0_UNIX + 100);
	assert_near(sample(&rec, 1, 1, SAMPLE_CADENCE), 85); /* cycling: rpm */
	assert_int_equal(rec.activities[0].n_laps, 1);
	assert_int_equal(rec.activities[1].n_laps, 2);
	assert_near(rec.activities[1].laps[1].start_utc, T0_UNIX + 130);
	recording_release(&rec);
	free(w);
}

/* Without first_lap_index, laps go by their start time. */
static void test_laps_by_time(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_lap_def(w);
	fw_lap(w, T0 + 200, 10000, 0xFFFFFFFF, 0xFF, 0xFF, 0xFFFF, 0xFF, 0xFF);
	fw_lap(w, T0, 10000, 0xFFFFFFFF, 0xFF, 0xFF, 0xFFFF, 0xFF, 0xFF);
	fw_lap(w, T0 + 250, 10000, 0xFFFFFFFF, 0xFF, 0xFF, 0xFFFF, 0xFF, 0xFF);
	fw_session_def(w);
	fw_simple_session(w, T0, 1, 0, 100000);
	fw_simple_session(w, T0 + 200, 5, 17, 100000);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, 2);
	assert_int_equal(rec.activities[0].n_laps, 1);
	assert_int_equal(rec.activities[1].n_laps, 2);
	assert_int_equal(rec.activities[1].activity.sport, SPORT_SWIM);
	assert_near(rec.activities[0].laps[0].start_utc, T0_UNIX);
	recording_release(&rec);
	free(w);
}

static void test_sports(void **state)
{
	static const struct {
		unsigned sport, sub;
		enum sport want;
		bool treadmill;
	} cases[] = {
		{ 1, 0, SPORT_RUN, false },         { 1, 1, SPORT_RUN, true },
		{ 1, 3, SPORT_TRAIL, false },       { 2, 7, SPORT_BIKE, false },
		{ 5, 18, SPORT_SWIM, false },       { 11, 0, SPORT_WALK, false },
		{ 11, 1, SPORT_WALK, true },        { 17, 0, SPORT_HIKE, false },
		{ 12, 42, SPORT_XCSKI, false },     { 13, 0, SPORT_SKI, false },
		{ 14, 0, SPORT_SKI, false },        { 10, 20, SPORT_STRENGTH, false },
		{ 10, 43, SPORT_YOGA, false },      { 10, 26, SPORT_OTHER, false },
		{ 4, 14, SPORT_CROSS, false },      { 0, 0, SPORT_OTHER, false },
		{ 3, 0, SPORT_OTHER, false },       { 6, 0, SPORT_OTHER, false },
		{ 0xFF, 0xFF, SPORT_OTHER, false },
	};
	size_t n = sizeof(cases) / sizeof(cases[0]);
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_session_def(w);
	for (size_t i = 0; i < n; i++) {
		fw_simple_session(w, T0 + 1000 * (uint32_t)i, cases[i].sport, cases[i].sub, 60000);
	}
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, n);
	for (size_t i = 0; i < n; i++) {
		const struct activity *a = &rec.activities[i].activity;

		assert_int_equal(a->sport, cases[i].want);
		assert_int_equal(a->treadmill, cases[i].treadmill);
		if (cases[i].sport == 3) {
			assert_string_equal(a->name, "Transition");
		} else {
			assert_null(a->name);
		}
	}
	recording_release(&rec);
	free(w);
}

/* Timer events give the moving time a session lacks. */
static void test_timer_events(void **state)
{
	static const struct {
		uint32_t at;
		unsigned type;
	} events[] = { { T0, 0 }, { T0 + 30, 1 }, { T0 + 60, 0 }, { T0 + 100, 4 } };
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;
	struct session_values s = invalid_session;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_def(w, L_EVENT, 21, 3, 253, 4, BT_UINT32, 0, 1, BT_ENUM, 1, 1, BT_ENUM);
	for (size_t i = 0; i < 4; i++) {
		fw_data(w, L_EVENT);
		fw_u32(w, events[i].at);
		fw_u8(w, 0);
		fw_u8(w, events[i].type);
	}
	fw_session_def(w);
	s.start = T0;
	s.sport = 1;
	s.elapsed = 100000;
	fw_session(w, &s);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_near(rec.activities[0].activity.moving_s, 70);
	assert_near(rec.activities[0].activity.duration_s, 100);
	recording_release(&rec);
	free(w);
}

/* A file cut before its session: one activity from the records, its
 * sport from the sport message, its summary left to recording_derive. */
static void test_no_session(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;
	struct rec_values r = invalid_record;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_def(w, L_OTHER, 12, 2, 0, 1, BT_ENUM, 1, 1, BT_ENUM);
	fw_data(w, L_OTHER);
	fw_u8(w, 1);
	fw_u8(w, 3);
	fw_record_def(w);
	r.ts = T0;
	r.cadence = 90;
	fw_record(w, &r);
	r.ts = T0 + 1;
	fw_record(w, &r);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_false(rec.repaired);
	assert_int_equal(rec.n_sessions, 0);
	assert_int_equal(rec.n_activities, 1);
	assert_int_equal(rec.activities[0].activity.sport, SPORT_TRAIL);
	assert_false(rec.activities[0].activity.has_start);
	assert_true(isnan(rec.activities[0].activity.duration_s));
	assert_near(sample(&rec, 0, 1, SAMPLE_CADENCE), 180);
	recording_release(&rec);
	free(w);
}

static void test_no_time(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_def(w, L_RECORD, 20, 1, 3, 1, BT_UINT8);
	fw_data(w, L_RECORD);
	fw_u8(w, 100);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_records, 1);
	assert_int_equal(rec.n_activities, 0);
	assert_false(rec.repaired); /* a note on what the file is, not a repair */
	assert_contains(rec.warnings.buf, "none of its 1 records has a time");
	recording_release(&rec);
	free(w);
}

static void test_relative_time(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1436);
	fw_record_def(w);
	fw_simple_record(w, 5000, 100);
	fw_simple_record(w, 5001, 100);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, 1);
	/* kept as the SDK keeps them, but said once */
	assert_near(sample(&rec, 0, 0, SAMPLE_TIME), 5000.0 + FIT_EPOCH_UNIX);
	assert_false(rec.repaired); /* a note: the times are the file's, as the SDK reads them */
	assert_contains(rec.warnings.buf, "relative to the device, not dates: 5000 at byte 79");
	assert_null(strchr(rec.warnings.buf, '\n'));
	recording_release(&rec);
	free(w);
}

/* Files that hold no activity decode to their type and nothing else. */
static void test_other_file_types(void **state)
{
	static const struct {
		unsigned type;
		const char *name;
	} cases[] = { { 2, "settings" }, { 5, "workout" },       { 6, "course" },
		      { 9, "weight" },   { 32, "monitoring_b" }, { 99, "type 99" } };

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fw *w = fw_new(false);
		struct recording rec;
		struct err err = ERR_INIT;

		fw_begin(w, 14);
		fw_file_id(w, cases[i].type, 1, 1561);
		fw_def(w, L_OTHER, 26, 1, 8, 6, BT_STRING); /* workout name */
		fw_data(w, L_OTHER);
		for (const char *s = "Tempo"; *s; s++) {
			fw_u8(w, (unsigned char)*s);
		}
		fw_u8(w, 0);
		fw_record_def(w); /* a course's track */
		fw_simple_record(w, T0, 0xFF);
		fw_end(w);
		assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
		assert_string_equal(rec.file_type, cases[i].name);
		assert_string_equal(rec.device, "garmin edge510");
		assert_int_equal(rec.n_records, 1);
		assert_int_equal(rec.n_activities, 0);
		assert_false(rec.repaired);
		recording_release(&rec);
		free(w);
	}
}

static void test_device_names(void **state)
{
	static const struct {
		unsigned manufacturer, product;
		const char *want;
	} cases[] = {
		{ 1, 3113, "garmin fr945" },
		{ 15, 1, "dynastream hrm1" },
		{ 32, 31, "wahoo_fitness product 31" },
		{ 9999, 5, "manufacturer 9999 product 5" },
		{ 1, 0xFFFF, "garmin" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fw *w = fw_new(false);
		struct recording rec;
		struct err err = ERR_INIT;

		fw_begin(w, 14);
		fw_file_id(w, 4, cases[i].manufacturer, cases[i].product);
		fw_end(w);
		assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
		assert_string_equal(rec.device, cases[i].want);
		recording_release(&rec);
		free(w);
	}
}

/* Without a manufacturer in file_id, the creator's device_info names the
 * device; other devices' device_info (sensors) do not. */
static void test_device_info(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 0, 0);
	fw_def(w, L_OTHER, 23, 4, 0, 1, BT_UINT8, 2, 2, BT_UINT16, 4, 2, BT_UINT16, 27, 8,
	       BT_STRING);
	fw_data(w, L_OTHER);
	fw_u8(w, 1);
	fw_u16(w, 1);
	fw_u16(w, 1752);
	fw_uint(w, 0, 8);
	fw_data(w, L_OTHER);
	fw_u8(w, 0);
	fw_u16(w, 23);
	fw_u16(w, 34);
	for (const char *s = "Suunto\x01!"; *s; s++) {
		fw_u8(w, (unsigned char)*s);
	}
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	/* control bytes are not passed on */
	assert_string_equal(rec.device, "suunto Suunto?!");
	recording_release(&rec);
	free(w);
}

/* ---- chained files ---- */

static void build_chained(struct fw *w)
{
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_record_def(w);
	fw_simple_record(w, T0, 100);
	fw_simple_record(w, T0 + 1, 101);
	fw_session_def(w);
	fw_simple_session(w, T0, 1, 0, 10000);
	fw_end(w);
	fw_begin(w, 12);
	fw_file_id(w, 2, 1, 1561);
	fw_record_def(w);
	fw_simple_record(w, T0 + 2, 102);
	fw_end(w);
}

static void test_chained(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	build_chained(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_false(rec.repaired);
	/* the first file_id decides the type and device */
	assert_string_equal(rec.file_type, "activity");
	assert_string_equal(rec.device, "garmin fenix2");
	assert_int_equal(rec.n_records, 3);
	assert_int_equal(rec.n_sessions, 1);
	assert_int_equal(rec.activities[0].samples.n, 3);
	assert_near(sample(&rec, 0, 2, SAMPLE_HR), 102);
	recording_release(&rec);
	free(w);
}

/* Definitions do not carry over into the next file. */
static void test_chained_definitions_reset(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;
	size_t second;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_record_def(w);
	fw_simple_record(w, T0, 100);
	fw_end(w);
	second = w->len;
	fw_begin(w, 14);
	fw_simple_record(w, T0 + 1, 101);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_true(rec.repaired);
	{
		char want[80];

		snprintf(want, sizeof(want), "data message at byte %zu uses undefined local type 1",
		         second + 14);
		assert_contains(rec.warnings.buf, want);
	}
	assert_int_equal(rec.n_records, 1);
	assert_int_equal(rec.n_activities, 1);
	recording_release(&rec);
	free(w);
}

static void test_chained_garbage(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;
	size_t first;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_record_def(w);
	fw_simple_record(w, T0, 100);
	fw_end(w);
	first = w->len;
	for (int i = 0; i < 20; i++) {
		fw_u8(w, 0);
	}
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_true(rec.repaired);
	{
		char want[80];

		snprintf(want, sizeof(want),
		         "chained file at byte %zu: no '.FIT' signature at byte %zu", first,
		         first + 8);
		assert_contains(rec.warnings.buf, want);
	}
	assert_int_equal(rec.n_records, 1);
	recording_release(&rec);

	/* a stray byte after the CRC */
	w->len = first + 1;
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_contains(rec.warnings.buf, "inside its header");
	assert_int_equal(rec.n_activities, 1);
	recording_release(&rec);
	free(w);
}

/* ---- damage ---- */

static void test_bad_file_crc(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;
	char want[40];

	(void)state;
	build_basic(w);
	w->buf[w->len - 1] ^= 0x40;
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_true(rec.repaired);
	snprintf(want, sizeof(want), "CRC mismatch at byte %zu", w->len - 2);
	assert_contains(rec.warnings.buf, want);
	/* what it covered is all kept */
	assert_int_equal(rec.n_records, 3);
	assert_int_equal(rec.n_activities, 1);
	recording_release(&rec);
	free(w);
}

static void test_truncated(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;
	size_t full;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_record_def(w);
	fw_simple_record(w, T0, 100);
	fw_simple_record(w, T0 + 1, 101);
	fw_simple_record(w, T0 + 2, 102);
	fw_end(w);
	full = w->len;

	/* cut inside the last record */
	assert_int_equal(decode_bytes(w->buf, full - 10, &rec, &err), ERR_OK);
	assert_true(rec.repaired);
	{
		char want[80];

		snprintf(want, sizeof(want), "truncated at byte %zu: the header at byte 0 promises",
		         full - 10);
		assert_contains(rec.warnings.buf, want);
	}
	assert_int_equal(rec.n_records, 2);
	assert_int_equal(rec.n_activities, 1);
	assert_int_equal(rec.activities[0].samples.n, 2);
	recording_release(&rec);

	/* cut in the CRC */
	assert_int_equal(decode_bytes(w->buf, full - 1, &rec, &err), ERR_OK);
	assert_contains(rec.warnings.buf, "2-byte CRC");
	assert_int_equal(rec.n_records, 3);
	recording_release(&rec);

	/* cut before any message: nothing to keep */
	assert_int_equal(decode_bytes(w->buf, 20, &rec, &err), ERR_FORMAT);
	assert_contains(err.msg, "truncated at byte 20");
	recording_release(&rec);

	/* cut in the header */
	assert_int_equal(decode_bytes(w->buf, 10, &rec, &err), ERR_FORMAT);
	assert_string_equal(err.msg, "not a FIT file: the file ends at byte 10, inside its header");
	recording_release(&rec);
	free(w);
}

static void test_undefined_local_type(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;
	size_t at;

	(void)state;
	fw_begin(w, 14);
	fw_data(w, 5);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_FORMAT);
	assert_string_equal(err.msg, "data message at byte 14 uses undefined local type 5");
	recording_release(&rec);

	w->len = 0;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_record_def(w);
	fw_simple_record(w, T0, 100);
	at = w->len;
	fw_compressed(w, 3, 0);
	fw_simple_record(w, T0, 100);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_true(rec.repaired);
	{
		char want[80];

		snprintf(want, sizeof(want),
		         "compressed-timestamp message at byte %zu uses undefined local type 3",
		         at);
		assert_contains(rec.warnings.buf, want);
	}
	assert_int_equal(rec.n_records, 1);
	recording_release(&rec);
	free(w);
}

static void test_unknown_base_type(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 14);
	fw_def(w, L_RECORD, 20, 2, 253, 4, BT_UINT32, 3, 1, 0x1F);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_FORMAT);
	assert_string_equal(err.msg, "definition at byte 14: field 3 has unknown base type 0x1f");
	recording_release(&rec);
	free(w);
}

/* A message longer than the records the header promised. */
static void test_message_overrun(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;
	size_t at;

	(void)state;
	fw_begin(w, 14);
	fw_file_id(w, 4, 1, 1967);
	fw_record_def(w);
	at = w->len;
	fw_simple_record(w, T0, 100);
	fw_end(w);
	/* the header now promises 5 bytes fewer: the CRC moves into the
	 * record */
	w->buf[4] = (uint8_t)(w->buf[4] - 5);
	put_le16(w->buf + 12, fit_crc16(0, w->buf, 12));
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	{
		char want[80];

		snprintf(want, sizeof(want), "data message at byte %zu runs past the end", at);
		assert_contains(rec.warnings.buf, want);
	}
	assert_contains(rec.warnings.buf, "does not match");
	assert_int_equal(rec.n_records, 0);
	assert_int_equal(rec.n_activities, 0);
	recording_release(&rec);
	free(w);
}

static void test_not_fit(void **state)
{
	static const char text[] = "hello, this is not a FIT file at all";
	struct recording rec;
	struct err err = ERR_INIT;
	uint8_t header[14] = { 8, 0x20, 0, 0, 0, 0, 0, 0, '.', 'F', 'I', 'T', 0, 0 };

	(void)state;
	assert_int_equal(decode_bytes((const uint8_t *)text, sizeof(text) - 1, &rec, &err),
	                 ERR_FORMAT);
	assert_string_equal(err.msg, "not a FIT file: no '.FIT' signature at byte 8");
	recording_release(&rec);

	assert_int_equal(decode_bytes((const uint8_t *)"", 0, &rec, &err), ERR_FORMAT);
	assert_string_equal(err.msg, "empty file");
	recording_release(&rec);

	assert_int_equal(decode_bytes(header, sizeof(header), &rec, &err), ERR_FORMAT);
	assert_string_equal(err.msg, "not a FIT file: header size 8 at byte 0 is under 12");
	recording_release(&rec);
}

/* A valid file with nothing in it at all. */
static void test_empty_fit(void **state)
{
	struct fw *w = fw_new(false);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	fw_begin(w, 14);
	fw_end(w);
	assert_int_equal(decode_fw(w, &rec, &err), ERR_OK);
	assert_null(rec.file_type);
	assert_int_equal(rec.n_activities, 0);
	assert_contains(rec.warnings.buf, "no session and no record");
	recording_release(&rec);
	free(w);
}

static void test_probe(void **state)
{
	struct fw *w = fw_new(false);

	(void)state;
	build_basic(w);
	assert_true(format_fit.probe(w->buf, w->len, "a.bin"));
	assert_true(format_fit.probe(w->buf, 12, NULL));
	assert_true(format_fit.probe((const uint8_t *)"\x0e\x10", 2, "RUN.FIT"));
	assert_true(format_fit.probe((const uint8_t *)"", 0, "x.fit"));
	assert_false(format_fit.probe((const uint8_t *)"\x0e\x10", 2, "run.gpx"));
	assert_false(format_fit.probe((const uint8_t *)"<?xml", 5, "wrongly named.fit"));
	assert_false(format_fit.probe((const uint8_t *)"fit", 3, "fit"));
	w->buf[8] = 'X';
	assert_false(format_fit.probe(w->buf, w->len, "a.bin"));
	free(w);
}

/* ---- the walker ---- */

/* Counts what the walk reports, and shifts every timestamp in a copy. */
struct shift {
	uint8_t *copy;           /* a writable copy of the file */
	int32_t by;              /* seconds to add */
	size_t segments;         /* segments seen */
	size_t messages;         /* data messages seen */
	size_t crc_at[4];        /* each segment's CRC offset */
	size_t seg_at[4];        /* each segment's offset */
	uint16_t global_seen[8]; /* the first global numbers */
};

static enum err_code shift_segment(void *ctx, const struct fit_segment *seg)
{
	struct shift *s = ctx;

	assert_true(seg->complete);
	assert_true(seg->crc_ok);
	assert_true(seg->header_crc_ok);
	assert_int_equal(seg->index, s->segments);
	assert_int_equal(seg->data_offset, seg->offset + seg->header_size);
	assert_int_equal(seg->crc_offset, seg->data_offset + seg->data_size);
	s->crc_at[s->segments] = seg->crc_offset;
	s->seg_at[s->segments++] = seg->offset;
	return ERR_OK;
}

static enum err_code shift_message(void *ctx, const struct fit_message *m)
{
	struct shift *s = ctx;
	const struct fit_field *f = fit_message_field(m, FIT_FIELD_TIMESTAMP);

	if (s->messages < 8) {
		s->global_seen[s->messages] = m->global;
	}
	s->messages++;
	assert_int_equal(m->data_offset, m->offset + 1);
	assert_null(fit_message_field(m, 999));
	if (f) {
		uint8_t *p = s->copy + m->data_offset + f->pos;
		uint32_t v;

		assert_int_equal(f->base_type, FIT_UINT32);
		assert_int_equal(f->size, 4);
		v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
		    (uint32_t)p[3] << 24;
		assert_true(m->has_timestamp);
		assert_int_equal(v, m->timestamp);
		v += (uint32_t)s->by;
		for (int i = 0; i < 4; i++) {
			p[i] = (uint8_t)(v >> (8 * i));
		}
	}
	return ERR_OK;
}

static void test_walk(void **state)
{
	struct fw *w = fw_new(false);
	struct shift s;
	struct fit_walker walker = { &s, shift_segment, shift_message };
	struct err err = ERR_INIT;
	struct recording rec;

	(void)state;
	build_chained(w);
	memset(&s, 0, sizeof(s));
	s.copy = xmalloc(w->len);
	memcpy(s.copy, w->buf, w->len);
	s.by = 3600;
	assert_int_equal(fit_walk(w->buf, w->len, &walker, &err), ERR_OK);
	assert_int_equal(s.segments, 2);
	assert_int_equal(s.messages, 6);
	assert_int_equal(s.global_seen[0], 0);
	assert_int_equal(s.global_seen[1], 20);
	assert_int_equal(s.global_seen[3], 18);
	/* rewrite the CRCs of the shifted copy, as a corpus generator would */
	for (size_t i = 0; i < s.segments; i++) {
		put_le16(s.copy + s.crc_at[i],
		         fit_crc16(0, s.copy + s.seg_at[i], s.crc_at[i] - s.seg_at[i]));
	}
	assert_int_equal(decode_bytes(s.copy, w->len, &rec, &err), ERR_OK);
	assert_false(rec.repaired);
	assert_near(sample(&rec, 0, 0, SAMPLE_TIME), T0_UNIX + 3600);
	assert_near(sample(&rec, 0, 2, SAMPLE_TIME), T0_UNIX + 3602);
	/* start_time is a date_time too, but not field 253 */
	assert_int_equal(rec.activities[0].activity.start_utc, (int64_t)T0_UNIX);
	recording_release(&rec);

	/* damage is an error for the walk */
	s.copy[w->len - 1] ^= 1;
	walker.segment = NULL;
	assert_int_equal(fit_walk(s.copy, w->len, &walker, &err), ERR_FORMAT);
	assert_contains(err.msg, "CRC mismatch");
	free(s.copy);
	free(w);
}

static enum err_code stop_at_first(void *ctx, const struct fit_message *m)
{
	(void)m;
	(*(int *)ctx)++;
	return ERR_CONFLICT;
}

static void test_walk_stop(void **state)
{
	struct fw *w = fw_new(false);
	int calls = 0;
	struct fit_walker walker = { &calls, NULL, stop_at_first };
	struct err err = ERR_INIT;

	(void)state;
	build_basic(w);
	assert_int_equal(fit_walk(w->buf, w->len, &walker, &err), ERR_CONFLICT);
	assert_int_equal(calls, 1);
	free(w);
}

/* ---- the sample files ---- */

static uint8_t *read_data(const char *name, size_t *len)
{
	const char *dir = getenv("KNEAD_TEST_DATA");
	struct strbuf path = STRBUF_INIT, sb = STRBUF_INIT;
	char chunk[8192];
	size_t n;
	FILE *f;

	strbuf_addf(&path, "%s/fit/%s", dir ? dir : "tests/data", name);
	f = fopen(path.buf, "rb");
	if (!f) {
		fail_msg("cannot open %s", path.buf);
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		strbuf_add(&sb, chunk, n);
	}
	fclose(f);
	strbuf_release(&path);
	return (uint8_t *)strbuf_detach(&sb, len);
}

static void test_sample_files(void **state)
{
	/* counts and types from the SDK (expected.jsonl), except the
	 * records of antfs-dump.63.fit, which it cannot read */
	static const struct {
		const char *file;
		size_t records, laps, sessions, activities;
		const char *type, *device, *warning; /* warning NULL: none */
	} cases[] = {
		{ "Activity.fit", 14, 1, 1, 1, "activity", "dynastream hrm1", NULL },
		{ "activity-filecrc.fit", 14, 1, 1, 1, "activity", "dynastream hrm1",
		  "CRC mismatch at byte 769" },
		{ "activity-settings.fit", 14, 1, 1, 1, "activity", "dynastream hrm1", NULL },
		{ "activity-settings-corruptheader.fit", 14, 1, 1, 1, "activity", "dynastream hrm1",
		  "chained file at byte 771: no '.FIT' signature at byte 779" },
		{ "activity-settings-nodata.fit", 14, 1, 1, 1, "activity", "dynastream hrm1",
		  "truncated at byte 786: the header at byte 771 promises 68 bytes" },
		{ "antfs-dump.63.fit", 686, 1, 1, 1, "activity", "garmin fr70",
		  "relative to the device" },
		{ "DeveloperData.fit", 3, 0, 0, 0, "activity", "dynastream product 9001",
		  "none of its 3 records has a time" },
		{ "garmin-fenix-5-run.fit", 21, 1, 1, 1, "activity", "garmin fenix5", NULL },
		{ "MonitoringFile.fit", 0, 0, 0, 0, "monitoring_b", "garmin vivo_fit", NULL },
		{ "sample_mulitple_header.fit", 1773, 5, 5, 5, "activity", "garmin fr920xt", NULL },
		{ "Settings.fit", 0, 0, 0, 0, "settings", "garmin edge510", NULL },
		{ "WeightScaleSingleUser.fit", 0, 0, 0, 0, "weight",
		  "dynastream hrm_fit_single_byte_product_id", NULL },
		{ "WorkoutRepeatSteps.fit", 0, 0, 0, 0, "workout",
		  "dynastream hrm_fit_single_byte_product_id", NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len;
		uint8_t *buf = read_data(cases[i].file, &len);
		struct recording rec;
		struct err err = ERR_INIT;

		print_message("%s\n", cases[i].file);
		assert_int_equal(decode_bytes(buf, len, &rec, &err), ERR_OK);
		assert_int_equal(rec.n_records, cases[i].records);
		assert_int_equal(rec.n_laps, cases[i].laps);
		assert_int_equal(rec.n_sessions, cases[i].sessions);
		assert_int_equal(rec.n_activities, cases[i].activities);
		assert_string_equal(rec.file_type, cases[i].type);
		assert_string_equal(rec.device, cases[i].device);
		if (cases[i].warning) {
			/* damage is a repair; what a file is, or relative times, a note */
			assert_true(rec.repaired == (strstr(cases[i].warning, "byte") != NULL &&
			                             strstr(cases[i].warning, "relative") == NULL));
			assert_contains(rec.warnings.buf, cases[i].warning);
		} else {
			assert_false(rec.repaired);
		}
		assert_true(format_fit.probe(buf, len, cases[i].file));
		recording_release(&rec);
		free(buf);
	}
}

static void test_triathlon(void **state)
{
	static const size_t records[] = { 349, 38, 854, 14, 518 };
	static const enum sport sports[] = { SPORT_SWIM, SPORT_OTHER, SPORT_BIKE, SPORT_OTHER,
		                             SPORT_RUN };
	size_t len;
	uint8_t *buf = read_data("sample_mulitple_header.fit", &len);
	struct recording rec;
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(decode_bytes(buf, len, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, 5);
	for (size_t k = 0; k < 5; k++) {
		const struct activity *a = &rec.activities[k].activity;

		assert_int_equal(rec.activities[k].samples.n, records[k]);
		assert_int_equal(rec.activities[k].n_laps, 1);
		assert_int_equal(a->sport, sports[k]);
		assert_true(a->has_start);
		if (sports[k] == SPORT_OTHER) {
			assert_string_equal(a->name, "Transition");
		}
	}
	/* 2018-05-27T08:08:58Z, 4422.14 s, 40909.42 m */
	assert_int_equal(rec.activities[2].activity.start_utc, 1527408538);
	assert_near(rec.activities[2].activity.duration_s, 4422.14);
	assert_near(rec.activities[2].activity.distance_m, 40909.42);
	assert_int_equal(rec.activities[2].activity.hr_avg, 172);
	assert_near(rec.activities[2].activity.cadence_avg, 85.5); /* cycling: rpm */
	recording_release(&rec);
	free(buf);
}

static void test_fenix5_run(void **state)
{
	size_t len;
	uint8_t *buf = read_data("garmin-fenix-5-run.fit", &len);
	struct recording rec;
	struct err err = ERR_INIT;
	const struct activity *a;

	(void)state;
	assert_int_equal(decode_bytes(buf, len, &rec, &err), ERR_OK);
	a = &rec.activities[0].activity;
	assert_int_equal(a->sport, SPORT_RUN);
	assert_int_equal(a->start_utc, 1497191649); /* 2017-06-11T14:34:09Z */
	assert_near(a->duration_s, 56.887);
	assert_near(a->distance_m, 157.56);
	assert_near(a->ascent_m, 2);
	assert_int_equal(a->hr_avg, 90);
	assert_int_equal(a->hr_max, 112);
	assert_near(a->cadence_avg, 2 * (83 + 0.671875));
	/* the SDK's record 5: 2017-06-11T14:34:16Z, 89.5 strides a minute */
	assert_near(sample(&rec, 0, 5, SAMPLE_TIME), 1497191656);
	assert_near(sample(&rec, 0, 5, SAMPLE_CADENCE), 179);
	assert_near(sample(&rec, 0, 5, SAMPLE_HR), 63);
	assert_near(sample(&rec, 0, 5, SAMPLE_DISTANCE), 17.97);
	assert_near(sample(&rec, 0, 5, SAMPLE_SPEED), 3.378);
	assert_near(sample(&rec, 0, 5, SAMPLE_ALTITUDE), 3.2);
	assert_near(sample(&rec, 0, 5, SAMPLE_LAT), 456097397 * (180.0 / 2147483648.0));
	assert_string_equal(rec.activities[0].laps[0].trigger, "session_end");
	recording_release(&rec);
	free(buf);
}

static void test_antfs_compressed(void **state)
{
	size_t len;
	uint8_t *buf = read_data("antfs-dump.63.fit", &len);
	struct recording rec;
	struct err err = ERR_INIT;
	const struct samples *s;

	(void)state;
	assert_int_equal(decode_bytes(buf, len, &rec, &err), ERR_OK);
	s = &rec.activities[0].samples;
	assert_int_equal(s->n, 686);
	for (size_t i = 0; i < s->n; i++) {
		assert_false(isnan(samples_get(s, i, SAMPLE_TIME)));
	}
	/* fit-file-parser: first 1990-07-09T07:00:42Z, last 07:57:47Z */
	assert_near(samples_get(s, 0, SAMPLE_TIME), 647506842);
	assert_near(samples_get(s, 685, SAMPLE_TIME), 647510267);
	assert_near(samples_get(s, 685, SAMPLE_HR), 115);
	assert_int_equal(rec.activities[0].activity.hr_max, 195);
	recording_release(&rec);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crc),
		cmocka_unit_test(test_little_endian),
		cmocka_unit_test(test_big_endian),
		cmocka_unit_test(test_invalid_values),
		cmocka_unit_test(test_base_types),
		cmocka_unit_test(test_negative_heart_rate),
		cmocka_unit_test(test_arrays),
		cmocka_unit_test(test_compressed_timestamps),
		cmocka_unit_test(test_developer_fields),
		cmocka_unit_test(test_header_crc),
		cmocka_unit_test(test_legacy_header),
		cmocka_unit_test(test_two_sessions),
		cmocka_unit_test(test_laps_by_time),
		cmocka_unit_test(test_sports),
		cmocka_unit_test(test_timer_events),
		cmocka_unit_test(test_no_session),
		cmocka_unit_test(test_no_time),
		cmocka_unit_test(test_relative_time),
		cmocka_unit_test(test_other_file_types),
		cmocka_unit_test(test_device_names),
		cmocka_unit_test(test_device_info),
		cmocka_unit_test(test_chained),
		cmocka_unit_test(test_chained_definitions_reset),
		cmocka_unit_test(test_chained_garbage),
		cmocka_unit_test(test_bad_file_crc),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_undefined_local_type),
		cmocka_unit_test(test_unknown_base_type),
		cmocka_unit_test(test_message_overrun),
		cmocka_unit_test(test_not_fit),
		cmocka_unit_test(test_empty_fit),
		cmocka_unit_test(test_probe),
		cmocka_unit_test(test_walk),
		cmocka_unit_test(test_walk_stop),
		cmocka_unit_test(test_sample_files),
		cmocka_unit_test(test_triathlon),
		cmocka_unit_test(test_fenix5_run),
		cmocka_unit_test(test_antfs_compressed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
