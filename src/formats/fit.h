/*
 * fit.h: the FIT protocol underneath the FIT decoder (format_fit).
 *
 * format_fit (format.h) turns a FIT file into a struct recording. This
 * header is the layer below it, for callers that need the bytes rather
 * than the meaning: a generator of benchmark files that shifts every
 * date_time in place and then rewrites the CRCs, a dump tool, a test.
 *
 * Two things are offered:
 *  - fit_crc16, the CRC every FIT file carries (CRC-16/ARC);
 *  - fit_walk, which goes through a file's messages in order and calls
 *    back once per chained file ("segment") and once per data message,
 *    with the position of every field in the buffer.
 *
 * The walk reads only buf[0..len), never writes it, and allocates one
 * fixed decoder state per call, nothing per message. The protocol itself
 * is explained in docs/internals/fit.md.
 */
#ifndef KNEAD_FIT_H
#define KNEAD_FIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"

/* Seconds from the Unix epoch to FIT's, 1989-12-31T00:00:00Z: a FIT
 * date_time d is the Unix time d + FIT_EPOCH_UNIX. */
#define FIT_EPOCH_UNIX 631065600

/* date_time values below this are "system time": seconds since the
 * device was powered up or reset, not dates. */
#define FIT_SYSTEM_TIME_MAX 0x10000000u

/* The number of the timestamp field (a date_time) that any message may
 * carry, whatever its global number. */
#define FIT_FIELD_TIMESTAMP 253

/* The base types, numbered as in a definition's base type byte (its low
 * five bits). */
enum fit_base_type {
	FIT_ENUM,    /* 1 byte, invalid 0xFF */
	FIT_SINT8,   /* invalid 0x7F */
	FIT_UINT8,   /* invalid 0xFF */
	FIT_SINT16,  /* invalid 0x7FFF */
	FIT_UINT16,  /* invalid 0xFFFF */
	FIT_SINT32,  /* invalid 0x7FFFFFFF */
	FIT_UINT32,  /* invalid 0xFFFFFFFF */
	FIT_STRING,  /* UTF-8, NUL-terminated in its field; invalid when empty */
	FIT_FLOAT32, /* invalid: all bits set */
	FIT_FLOAT64, /* invalid: all bits set */
	FIT_UINT8Z,  /* invalid 0 */
	FIT_UINT16Z, /* invalid 0 */
	FIT_UINT32Z, /* invalid 0 */
	FIT_BYTE,    /* invalid when every byte is 0xFF */
	FIT_SINT64,  /* invalid 0x7FFFFFFFFFFFFFFF */
	FIT_UINT64,  /* invalid 0xFFFFFFFFFFFFFFFF */
	FIT_UINT64Z, /* invalid 0 */
	FIT_BASE_TYPES
};

/* One field of a message, as its definition declares it. A field whose
 * size is a multiple of its base type's size is an array; a field whose
 * size is not is unreadable (the SDK calls it invalid). */
struct fit_field {
	uint8_t num;       /* field definition number (0-255, meaning per message) */
	uint8_t base_type; /* enum fit_base_type */
	uint8_t size;      /* bytes in the message */
	uint16_t pos;      /* offset of its first byte from the message's data */
};

/* One chained FIT file inside the buffer. A plain file has one segment at
 * offset 0; a chained file has several, back to back. */
struct fit_segment {
	size_t index;             /* 0 for the first segment */
	size_t offset;            /* byte offset of its header */
	size_t header_size;       /* the header's size byte: 12, 14 (or more) */
	uint32_t data_size;       /* bytes of records the header promises */
	bool has_header_crc;      /* header_size >= 14: a CRC of bytes 0-11 follows */
	size_t header_crc_offset; /* where that CRC is (offset + 12), if has_header_crc */
	bool header_crc_ok;       /* it is 0x0000 (allowed) or matches; true without one */
	size_t data_offset;       /* first record byte: offset + header_size */
	size_t crc_offset;        /* the file CRC: data_offset + data_size, or len if cut */
	bool complete;            /* records and CRC are all inside the buffer */
	bool crc_ok;              /* complete, and the file CRC matches */
};

/* One data message, valid during the callback only. */
struct fit_message {
	uint16_t global;                /* global message number: 0 file_id, 20 record, ... */
	uint8_t local;                  /* local message type, 0-15 */
	bool big_endian;                /* multi-byte values are big-endian */
	bool compressed;                /* its header was a compressed timestamp header */
	bool has_timestamp;             /* a valid field 253, or a compressed header after one */
	uint32_t timestamp;             /* that timestamp, FIT seconds, if has_timestamp */
	size_t offset;                  /* byte offset of its record header in buf */
	size_t data_offset;             /* byte offset of its first field (offset + 1) */
	const uint8_t *data;            /* buf + data_offset */
	size_t size;                    /* data bytes, developer fields included */
	const struct fit_field *fields; /* its fields, in definition order */
	size_t n_fields;                /* how many (developer fields not included) */
	const uint8_t *index; /* 256 entries: field number -> 1 + its index in fields, 0 if none */
};

/* What fit_walk calls. Either function may be NULL. A callback returns
 * ERR_OK to go on; anything else stops the walk, and fit_walk returns
 * that code (the callback fills err itself if it wants a message). */
struct fit_walker {
	void *ctx; /* passed back to both functions */
	/* Called for each segment before its messages, with the CRCs already
	 * checked: a caller may rewrite the segment's bytes in its own
	 * writable copy during the messages that follow. */
	enum err_code (*segment)(void *ctx, const struct fit_segment *seg);
	/* Called for each data message in file order. Definitions are not
	 * reported; their effect is in msg->fields. */
	enum err_code (*message)(void *ctx, const struct fit_message *msg);
};

/* The CRC-16/ARC (polynomial 0x8005 reflected, initial value crc, no final
 * XOR) of buf[0..len), continuing from crc: start with 0, and
 * fit_crc16(fit_crc16(0, a, n), b, m) is the CRC of a then b. A FIT file's
 * header, records and stored CRC (little-endian) give 0. */
uint16_t fit_crc16(uint16_t crc, const uint8_t *buf, size_t len);

/* The field numbered num in msg, or NULL if its definition has none. O(1).
 * Its bytes are msg->data[f->pos .. f->pos + f->size). */
const struct fit_field *fit_message_field(const struct fit_message *msg, unsigned num);

/* Walk the FIT file in buf[0..len): for each segment, check its header and
 * CRCs, call w->segment, then decode its records and call w->message for
 * each data message; go on with the next segment when one follows the
 * CRC. Definitions are reset at each segment. w is required, either
 * callback optional; err may be NULL. One state of about 30 KB is
 * allocated for the call and freed before it returns.
 *
 * Returns ERR_OK when every segment was whole and its file CRC matched
 * (a header CRC that does not match is reported in fit_segment only, as
 * the SDK ignores it too). Returns ERR_FORMAT, with a message naming the
 * damage and its byte offset, at the first damage: an empty or too short
 * buffer, no '.FIT' signature, a header size under 12, an unknown base
 * type in a definition, a data message using an undefined local type, a
 * message running past the records, a truncated file, bytes after the
 * last CRC that are not another FIT file, or a file CRC mismatch. Every
 * message before the damage has been reported by then (with a CRC
 * mismatch, all of that segment's messages), so a caller can keep them.
 * Returns a callback's code when one stops the walk. */
enum err_code fit_walk(const uint8_t *buf, size_t len, const struct fit_walker *w, struct err *err);

#endif
