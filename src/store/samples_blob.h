/*
 * samples_blob.h: a compact columnar encoding of an activity's samples,
 * the form in which the store keeps them (one blob per activity).
 *
 * Each field is quantized to a fixed step (a millisecond, 1e-7 degree,
 * a centimetre, a beat, a tenth of a step, a watt, a millimetre per
 * second), delta-encoded against the previous value of the same field,
 * zigzagged and written as a varint, with a bitmap only for fields that
 * some rows lack. A second of running at 1 Hz costs about ten bytes.
 * Layout (docs/internals/samples.md): "KS", version 1, varint rows,
 * varint field mask, then per field a presence byte (0 all rows, 1 bitmap
 * follows), the bitmap if any, and the varints.
 */
#ifndef KNEAD_SAMPLES_BLOB_H
#define KNEAD_SAMPLES_BLOB_H

#include <stddef.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "core/recording.h"

/* Most rows a blob may claim: a day at 10 Hz is 864,000. */
#define SAMPLES_BLOB_MAX_ROWS 4000000

/* The quantization step of field f, in its unit. */
double samples_blob_step(enum sample_field f);

/* Append the encoding of s to out; *fields (if not NULL) receives the mask
 * of fields present (bit f for enum sample_field f). */
void samples_blob_encode(const struct samples *s, struct strbuf *out, unsigned *fields);

/* Decode len bytes at data into out (samples_init'ed by the caller, left
 * empty on failure). A blob that is truncated, overlong or inconsistent is
 * ERR_FORMAT naming the byte where decoding stopped. */
enum err_code samples_blob_decode(const void *data, size_t len, struct samples *out,
                                  struct err *err);

#endif
