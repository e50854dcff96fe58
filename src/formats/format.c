/*
 * format.c: the table of formats (see format.h).
 */
#include "formats/format.h"

const struct format *const formats[] = { &format_fit, &format_gpx, &format_tcx, NULL };

const struct format *format_find(const uint8_t *buf, size_t len, const char *name)
{
	for (size_t i = 0; formats[i]; i++) {
		if (formats[i]->probe(buf, len, name)) {
			return formats[i];
		}
	}
	return NULL;
}
