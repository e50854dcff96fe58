/*
 * fuzz_csv.c: libFuzzer target for a Strava export's activities.csv.
 *
 * The input is a CSV file: read it into the table, then look up a few
 * names in whatever came out. Refusals are fine; a crash, a leak, or a
 * refusal without a message is not.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "formats/strava.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Exports hold one row per activity: a few MB at most. */
#define MAX_INPUT (4u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strava_export x;
	struct err err = ERR_INIT;

	if (size > MAX_INPUT) {
		return 0;
	}
	strava_export_init(&x);
	if (strava_export_read((const char *)data, size, &x, &err) == ERR_OK) {
		for (size_t i = 0; i < x.n_entries; i++) {
			/* every row is found by its file's name, gzipped or not */
			struct strbuf name = STRBUF_INIT;

			strbuf_addf(&name, "activities/%s.gz", x.entries[i].file);
			if (strava_export_find(&x, name.buf) == NULL) {
				__builtin_trap();
			}
			strbuf_release(&name);
		}
		(void)strava_export_find(&x, "activities/1.fit.gz");
	} else if (err.msg[0] == '\0') {
		__builtin_trap();
	}
	strava_export_release(&x);
	return 0;
}
