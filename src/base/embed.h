/*
 * embed.h: files compiled into the binary.
 *
 * tools/embed.c turns files from the source tree (schema migrations, and
 * later the data files and the web assets) into C arrays at build time, so the
 * binary needs nothing installed beside it. Each generated table is an
 * array of struct embed_file sorted by name, with its count.
 */
#ifndef KNEAD_EMBED_H
#define KNEAD_EMBED_H

#include <stddef.h>

struct embed_file {
	const char *name;          /* its path below the inputs' common folder: "plans/half.ini" */
	const unsigned char *data; /* its bytes, followed by a NUL not counted in len */
	size_t len;                /* its length in bytes */
};

#endif
