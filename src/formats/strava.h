/*
 * strava.h: the activities.csv of a Strava bulk export.
 *
 * Strava's export is a zip (or its unpacked folder) with activities.csv at
 * its root and the original files under activities/, many gzipped. The CSV
 * is the only place that holds what the runner typed on Strava: the
 * activity's name, its description, its gear and its type. This module
 * reads it (with libcsv) into a table keyed by file name.
 */
#ifndef KNEAD_STRAVA_H
#define KNEAD_STRAVA_H

#include <stddef.h>

#include "base/err.h"

/* What activities.csv says of one file. Strings are owned by the table. */
struct strava_entry {
	char *file;        /* the file's base name without ".gz", e.g. "4827120.fit" */
	char *name;        /* "Activity Name", NULL if empty */
	char *description; /* "Activity Description", NULL if empty */
	char *gear;        /* "Activity Gear" (older exports: "Gear"), NULL if empty */
	char *type;        /* "Activity Type", e.g. "Run", "Ride", NULL if empty */
};

struct strava_export {
	struct strava_entry *entries; /* n_entries rows with a file, sorted by file */
	size_t n_entries;
	size_t alloc;
};

void strava_export_init(struct strava_export *x);
void strava_export_release(struct strava_export *x);

/* True if name is the path of an export's activities.csv ("activities.csv"
 * at the root, or under one top folder). */
int strava_is_activities_csv(const char *path);

/* Read len bytes of activities.csv into x (emptied first). A file without
 * a "Filename" column is ERR_FORMAT; malformed CSV is ERR_FORMAT naming
 * the row. Rows without a file (manual Strava entries) are ignored. */
enum err_code strava_export_read(const char *data, size_t len, struct strava_export *x,
                                 struct err *err);

/* The entry for a file at path (compared by base name, a trailing ".gz"
 * ignored on either side), or NULL. */
const struct strava_entry *strava_export_find(const struct strava_export *x, const char *path);

#endif
