/*
 * fuzz_tcx.c: libFuzzer target for the TCX reader (formats/tcx.c) and the XML
 * driver under it; the checks are in fuzz_xml.h.
 */
#include "fuzz_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_xml_run(&format_tcx, "fuzz.tcx", data, size);
}
