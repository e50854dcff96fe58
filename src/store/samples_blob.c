/*
 * samples_blob.c: the columnar sample encoding (see samples_blob.h).
 */
#include "store/samples_blob.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#define BLOB_VERSION 1

static const double steps[SAMPLE_FIELDS] = {
	[SAMPLE_TIME] = 1e-3,     [SAMPLE_LAT] = 1e-7,      [SAMPLE_LON] = 1e-7,
	[SAMPLE_ALTITUDE] = 1e-2, [SAMPLE_DISTANCE] = 1e-2, [SAMPLE_HR] = 1,
	[SAMPLE_CADENCE] = 1e-1,  [SAMPLE_POWER] = 1,       [SAMPLE_SPEED] = 1e-3,
};

double samples_blob_step(enum sample_field f)
{
	return (unsigned)f < SAMPLE_FIELDS ? steps[f] : 1;
}

static void put_varint(struct strbuf *out, uint64_t v)
{
	unsigned char buf[10];
	size_t n = 0;

	do {
		buf[n++] = (unsigned char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v);
	strbuf_add(out, buf, n);
}

static uint64_t zigzag(int64_t v)
{
	return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63);
}

static int64_t unzigzag(uint64_t v)
{
	return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

/* The quantized value; values beyond what 62 bits hold are clamped, which
 * no real sample reaches (a millisecond clock runs 146 million years). */
static int64_t quantize(double v, double step)
{
	double q = nearbyint(v / step);

	if (q > 4.6e18) {
		return INT64_C(4600000000000000000);
	}
	if (q < -4.6e18) {
		return -INT64_C(4600000000000000000);
	}
	return (int64_t)q;
}

void samples_blob_encode(const struct samples *s, struct strbuf *out, unsigned *fields)
{
	unsigned mask = 0;

	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		if (s->cols[f]) {
			mask |= 1u << f;
		}
	}
	strbuf_add(out, "KS", 2);
	strbuf_addch(out, BLOB_VERSION);
	put_varint(out, s->n);
	put_varint(out, mask);
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		const double *col = s->cols[f];
		size_t n_present = 0;
		int64_t prev = 0;

		if (!col) {
			continue;
		}
		for (size_t i = 0; i < s->n; i++) {
			n_present += !isnan(col[i]);
		}
		if (n_present == s->n) {
			strbuf_addch(out, 0);
		} else {
			size_t start;

			strbuf_addch(out, 1);
			start = out->len;
			strbuf_addchars(out, 0, (s->n + 7) / 8);
			for (size_t i = 0; i < s->n; i++) {
				if (!isnan(col[i])) {
					out->buf[start + i / 8] |= (char)(1u << (i % 8));
				}
			}
		}
		for (size_t i = 0; i < s->n; i++) {
			int64_t q;

			if (isnan(col[i])) {
				continue;
			}
			q = quantize(col[i], steps[f]);
			put_varint(out, zigzag(q - prev));
			prev = q;
		}
	}
	if (fields) {
		*fields = mask;
	}
}

/* A reader over the blob that stops at its end. */
struct reader {
	const unsigned char *p; /* the blob */
	size_t len;             /* its length */
	size_t at;              /* the next byte to read */
};

static bool get_varint(struct reader *r, uint64_t *out)
{
	uint64_t v = 0;

	for (int shift = 0; shift < 64; shift += 7) {
		unsigned char b;

		if (r->at >= r->len) {
			return false;
		}
		b = r->p[r->at++];
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			*out = v;
			return true;
		}
	}
	return false;
}

static enum err_code bad(const struct reader *r, const char *what, struct err *err)
{
	return err_set(err, ERR_FORMAT, "damaged samples: %s at byte %zu", what, r->at);
}

enum err_code samples_blob_decode(const void *data, size_t len, struct samples *out,
                                  struct err *err)
{
	struct reader r = { data, len, 0 };
	uint64_t n, mask;
	enum err_code rc = ERR_OK;

	if (len < 3 || memcmp(data, "KS", 2) != 0) {
		return err_set(err, ERR_FORMAT, "damaged samples: no 'KS' signature");
	}
	if (r.p[2] != BLOB_VERSION) {
		return err_set(err, ERR_FORMAT,
		               "samples in encoding version %d, which this knead does "
		               "not read",
		               r.p[2]);
	}
	r.at = 3;
	if (!get_varint(&r, &n) || n > SAMPLES_BLOB_MAX_ROWS) {
		return bad(&r, "row count", err);
	}
	if (!get_varint(&r, &mask) || mask >= (1u << SAMPLE_FIELDS)) {
		return bad(&r, "field mask", err);
	}
	for (uint64_t i = 0; i < n; i++) {
		samples_add_row(out);
	}
	for (int f = 0; f < SAMPLE_FIELDS && !rc; f++) {
		const unsigned char *bitmap = NULL;
		int64_t prev = 0;

		if (!(mask & (1u << f))) {
			continue;
		}
		if (r.at >= len || r.p[r.at] > 1) {
			rc = bad(&r, "presence byte", err);
			break;
		}
		if (r.p[r.at++] == 1) {
			if (len - r.at < (n + 7) / 8) {
				rc = bad(&r, "presence bitmap", err);
				break;
			}
			bitmap = r.p + r.at;
			r.at += (n + 7) / 8;
		}
		for (size_t i = 0; i < n; i++) {
			uint64_t z;

			if (bitmap && !(bitmap[i / 8] & (1u << (i % 8)))) {
				continue;
			}
			if (!get_varint(&r, &z)) {
				rc = bad(&r, samples_field_name((enum sample_field)f), err);
				break;
			}
			/* unsigned: a damaged blob must not overflow a signed sum */
			prev = (int64_t)((uint64_t)prev + (uint64_t)unzigzag(z));
			samples_set(out, i, (enum sample_field)f, (double)prev * steps[f]);
		}
	}
	if (!rc && r.at != len) {
		rc = bad(&r, "trailing bytes", err);
	}
	if (rc) {
		samples_release(out);
	}
	return rc;
}
