/*
 * fuzz_gpx.c: libFuzzer target for the GPX reader (formats/gpx.c) and the
 * XML driver under it.
 *
 * The input is a whole file. It is probed (with and without a name) and
 * decoded as GPX whatever the probe says, then released. The decoder may
 * refuse it, but must not crash, leak or read out of bounds, must say why
 * it refused, and must leave a recording whose counts agree with its
 * samples.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/recording.h"
#include "formats/format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Files larger than this say nothing new about the parser. */
#define MAX_INPUT (4 << 20)

/* The recording's invariants after a decode that returned rc. */
static void check(const struct recording *rec, enum err_code rc, const struct err *err)
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
		__builtin_trap(); /* every track point is a sample */
	}
	if (rec->warnings.buf[rec->warnings.len] != '\0') {
		__builtin_trap();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct recording rec;
	struct err err = ERR_INIT;
	enum err_code rc;

	if (size > MAX_INPUT) {
		return 0;
	}
	(void)format_gpx.probe(data, size, NULL);
	(void)format_gpx.probe(data, size, "fuzz.gpx");
	recording_init(&rec);
	rec.format = SOURCE_GPX;
	rc = format_gpx.decode(data, size, &rec, &err);
	check(&rec, rc, &err);
	recording_release(&rec);
	return 0;
}
