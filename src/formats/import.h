/*
 * import.h: bringing watch files into knead.
 *
 * A runner points knead at files, folders, .gz and .zip archives, or the
 * bulk exports Strava and Garmin Connect hand out (zips of gzipped files,
 * zips of zips). The importer walks them all, recognises activity files by
 * content, and for each one: hashes it (a file seen before is skipped
 * without decoding), decodes it (format.h), derives what the file lacks
 * (recording_derive), adds what a Strava export's activities.csv says of
 * it, validates every activity, and hands it to a sink (the store) that
 * keeps the whole file or none of it. A bad file costs only itself; the
 * walk goes on and reports it.
 *
 * The importer prints nothing: an observer hears of every file and of the
 * progress through the input bytes, and the face decides what to show.
 */
#ifndef KNEAD_IMPORT_H
#define KNEAD_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "core/recording.h"

/* The largest single file or archive member read: no activity file comes
 * near it, and a hostile archive cannot make the importer allocate more. */
#define IMPORT_MAX_FILE (64u << 20)

/* Archives inside archives deeper than this are not opened. */
#define IMPORT_MAX_DEPTH 4

enum import_outcome {
	IMPORT_IMPORTED,  /* its activities are kept */
	IMPORT_DUPLICATE, /* the same content was imported before */
	IMPORT_SKIPPED,   /* a valid file holding no activity (a workout, a route) */
	IMPORT_FAILED,    /* refused: damaged, unreadable, or not an activity file */
};

/* What became of one file. Pointers are valid during the callback only. */
struct import_result {
	const char *path;            /* "a.fit", "export.zip:activities/1.fit.gz" */
	enum import_outcome outcome; /* see above */
	bool repaired;               /* read after a repair, or recovered from damage */
	const char *message;         /* why it failed or was skipped, or its warnings; "" if none */
	const struct recording *rec; /* the decoded file, NULL if it never decoded; when
	                                imported, its activities carry their new ids */
};

/* Counts so far, and the progress through the input. */
struct import_summary {
	size_t imported;      /* files imported */
	size_t activities;    /* activities they held */
	size_t duplicates;    /* files seen before */
	size_t repaired;      /* imported files that needed a repair or recovery */
	size_t skipped;       /* valid files without an activity */
	size_t failed;        /* files refused */
	uint64_t bytes_done;  /* input bytes consumed */
	uint64_t bytes_total; /* input bytes to consume (the sizes of the paths given) */
};

/* Who hears what happens. Either function may be NULL. */
struct import_observer {
	void *ctx; /* passed back */
	void (*file_done)(void *ctx, const struct import_result *r,
	                  const struct import_summary *sum);
	void (*progress)(void *ctx, const struct import_summary *sum);
};

/* Import everything at paths into sink, as described above, filling *sum
 * (zeroed first). Files that cannot be read, are not activity files, or
 * are damaged are reported as IMPORT_FAILED and counted, and the walk goes
 * on; a path that does not exist is such a failure too. Returns ERR_OK
 * when the walk completed, or the sink's error when keeping a file failed
 * (a full disk, a broken database): then the import stops, with every
 * file kept before it intact. */
enum err_code import_paths(const char *const *paths, size_t n_paths,
                           const struct recording_sink *sink, const struct import_observer *obs,
                           struct import_summary *sum, struct err *err);

#endif
