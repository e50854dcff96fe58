/*
 * fuzz_xml.h: the body the GPX and TCX fuzz targets share.
 *
 * The input is a whole file. It is probed (with and without a name) and
 * decoded with the given format whatever the probe says, then released.
 * The decoder may refuse it, but must not crash, leak or read out of
 * bounds, must say why it refused, and must leave a recording whose counts
 * agree with its samples: every point read is a sample.
 *
 * Included by exactly one .c file per target, which defines the entry.
 */
#ifndef KNEAD_FUZZ_XML_H
#define KNEAD_FUZZ_XML_H

#include <stddef.h>
#include <stdint.h>

#include "core/recording.h"
#include "formats/format.h"

/* Files larger than this say nothing new about the parser. */
#define FUZZ_XML_MAX_INPUT (4 << 20)

/* The recording's invariants after a decode that returned rc. */
static void fuzz_xml_check(const struct recording *rec, enum err_code rc, const struct err *err)
{
	size_t rows = 0;

	if (rc != ERR_OK && (err->msg[0] == '\0' || rec->n_activities != 0)) {
		__builtin_trap(); /* a refusal says why and keeps nothing */
	}
	for (size_t a = 0; a < rec->n_activities; a++) {
		const struct samples *s = &rec->activities[a].samples;

		if (s->n > s->alloc) {
			__builtin_trap();
		}
		rows += s->n;
	}
	if (rc == ERR_OK && rows != rec->n_records) {
		__builtin_trap();
	}
	if (rec->warnings.buf[rec->warnings.len] != '\0') {
		__builtin_trap();
	}
}

/* Probe and decode data with fmt; name is a file name that fmt claims. */
static int fuzz_xml_run(const struct format *fmt, const char *name, const uint8_t *data,
                        size_t size)
{
	struct recording rec;
	struct err err = ERR_INIT;
	enum err_code rc;

	if (size > FUZZ_XML_MAX_INPUT) {
		return 0;
	}
	(void)fmt->probe(data, size, NULL);
	(void)fmt->probe(data, size, name);
	recording_init(&rec);
	rec.format = fmt->source;
	rc = fmt->decode(data, size, &rec, &err);
	fuzz_xml_check(&rec, rc, &err);
	recording_release(&rec);
	return 0;
}

#endif
