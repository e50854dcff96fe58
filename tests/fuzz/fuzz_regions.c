/*
 * fuzz_regions.c: libFuzzer target for the body-region catalogue.
 *
 * A runner may replace data/regions.ini with their own, so the parser
 * meets hand-edited text. The input is a catalogue: it may be refused,
 * but never with a crash, a leak or an empty message; an accepted one
 * must answer every lookup of its own words with a region.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "core/region.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A catalogue is a few kilobytes; more only slows the search down. */
#define MAX_INPUT 65536

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct region_catalog cat = REGION_CATALOG_INIT;
	struct err err = ERR_INIT;
	const struct region *found[4];
	struct region_ref ref;
	char *s;

	if (size > MAX_INPUT) {
		return 0;
	}
	s = xstrndup((const char *)data, size);
	if (region_catalog_parse(&cat, s, "fuzz.ini", &err)) {
		if (err.msg[0] == '\0' || cat.n_regions != 0) {
			__builtin_trap(); /* a refusal says why and keeps nothing */
		}
		free(s);
		return 0;
	}
	for (size_t i = 0; i < cat.n_regions; i++) {
		const struct region *r = &cat.regions[i];

		if (region_find(&cat, r->code) != r || region_find(&cat, r->name) != r) {
			__builtin_trap();
		}
		for (size_t j = 0; j < r->n_aliases; j++) {
			struct strbuf key = STRBUF_INIT;

			/* an alias of only spaces and apostrophes names nothing */
			region_normalise(&key, r->aliases[j]);
			if (key.len && region_find(&cat, r->aliases[j]) != r) {
				__builtin_trap();
			}
			strbuf_release(&key);
		}
		(void)region_ref_parse(&cat, r->code, true, &ref, &err);
	}
	(void)region_lookup(&cat, "hamsting", &found[0], &err);
	(void)region_search(&cat, "a", found, 4);
	region_catalog_release(&cat);
	free(s);
	return 0;
}
