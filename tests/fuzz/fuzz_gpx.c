/*
 * fuzz_gpx.c: libFuzzer target for the GPX reader (formats/gpx.c) and the XML
 * driver under it; the checks are in fuzz_xml.h.
 */
#include "fuzz_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_xml_run(&format_gpx, "fuzz.gpx", data, size);
}
