/*
 * fuzz_fit.c: libFuzzer target for the FIT decoder (formats/fit.h).
 *
 * The input is a whole file, given to format_fit's probe and decode and
 * to the bare walker. Either may refuse it, but neither may crash, read
 * outside it, leak, refuse without saying why, or recover without saying
 * what it recovered from. recording_derive runs on what decoded, since
 * the importer always calls it next.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/err.h"
#include "core/recording.h"
#include "formats/fit.h"
#include "formats/format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Larger inputs only repeat what smaller ones reach, more slowly. */
#define MAX_INPUT (4u << 20)

/* Touches every field of every message, as a corpus generator would. */
static enum err_code visit(void *ctx, const struct fit_message *m)
{
	size_t *bytes = ctx;

	for (size_t i = 0; i < m->n_fields; i++) {
		const struct fit_field *f = &m->fields[i];

		if (f->pos + (size_t)f->size > m->size || fit_message_field(m, f->num) == NULL) {
			__builtin_trap(); /* a field outside its message */
		}
		for (size_t k = 0; k < f->size; k++) {
			*bytes += m->data[f->pos + k];
		}
	}
	return ERR_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct recording rec;
	struct err err = ERR_INIT;
	struct fit_walker walker;
	size_t bytes = 0;
	enum err_code rc;

	if (size > MAX_INPUT) {
		return 0;
	}
	(void)format_fit.probe(data, size, "fuzz.fit");
	(void)format_fit.probe(data, size, NULL);

	recording_init(&rec);
	rec.format = SOURCE_FIT;
	rc = format_fit.decode(data, size, &rec, &err);
	if (rc != ERR_OK && strlen(err.msg) == 0) {
		__builtin_trap(); /* a refusal must say why */
	}
	if (rc == ERR_OK && rec.repaired && rec.warnings.len == 0) {
		__builtin_trap(); /* a repair must be said */
	}
	if (rc == ERR_OK) {
		recording_derive(&rec);
	}
	recording_release(&rec);

	memset(&walker, 0, sizeof(walker));
	walker.ctx = &bytes;
	walker.message = visit;
	err_clear(&err);
	rc = fit_walk(data, size, &walker, &err);
	if (rc != ERR_OK && strlen(err.msg) == 0) {
		__builtin_trap();
	}
	return 0;
}
