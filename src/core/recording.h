/*
 * recording.h: what a watch file holds, decoded: one or more activities
 * with their samples and laps, and facts about the file itself.
 *
 * A decoder (src/formats) fills a struct recording from a file's bytes: one
 * struct recorded per session (a multisport FIT file or a TCX
 * MultiSportSession has several), each with its summary as an activity,
 * its samples and its laps. recording_derive then fills in what the file
 * did not say (distance from positions, moving time, climb, heart rate)
 * and a sink (a store, a test) keeps the result.
 *
 * Samples are columnar: one array of doubles per field, created the first
 * time the field gets a value, NAN where a row has none. A recording owns
 * everything in it; recording_release frees it all.
 */
#ifndef KNEAD_RECORDING_H
#define KNEAD_RECORDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "core/activity.h"

/* The fields of a sample, in the order they are stored. */
enum sample_field {
	SAMPLE_TIME,     /* instant, UTC Unix seconds (fractions allowed) */
	SAMPLE_LAT,      /* latitude, degrees (WGS84) */
	SAMPLE_LON,      /* longitude, degrees (WGS84) */
	SAMPLE_ALTITUDE, /* metres above sea level */
	SAMPLE_DISTANCE, /* metres since the start, as the device counted */
	SAMPLE_HR,       /* heart rate, beats per minute */
	SAMPLE_CADENCE,  /* steps per minute running (both feet), rpm cycling */
	SAMPLE_POWER,    /* watts */
	SAMPLE_SPEED,    /* metres per second */
	SAMPLE_FIELDS
};

/* Samples in columns. Invariant: every non-NULL column has n values. */
struct samples {
	size_t n;                    /* rows */
	size_t alloc;                /* rows allocated in each column */
	double *cols[SAMPLE_FIELDS]; /* NULL: no row has this field; NAN: this row has not */
};

/* One lap (or TCX Lap, or FIT lap message). Unknowns are NAN or 0. */
struct lap {
	double start_utc;   /* lap start, UTC Unix seconds */
	double elapsed_s;   /* elapsed time */
	double moving_s;    /* timer (moving) time */
	double distance_m;  /* distance */
	double ascent_m;    /* climb */
	double descent_m;   /* descent */
	double speed_max;   /* metres per second */
	double cadence_avg; /* per minute, as SAMPLE_CADENCE */
	double power_avg;   /* watts */
	double calories;    /* kcal */
	int hr_avg;         /* bpm, 0 if unknown */
	int hr_max;         /* bpm, 0 if unknown */
	char intensity[12]; /* "active", "rest", "warmup", "cooldown" or "" */
	char trigger[16];   /* "manual", "time", "distance", "position", "session_end", ... or "" */
};

/* One activity decoded from a file. */
struct recorded {
	struct activity activity; /* the summary: sport, start, figures (id and athlete unset) */
	struct samples samples;   /* its samples, in time order as the file had them */
	struct lap *laps;         /* n_laps laps */
	size_t n_laps;
	size_t alloc_laps;
};

/* One decoded file. */
struct recording {
	enum activity_source format; /* SOURCE_FIT, SOURCE_GPX or SOURCE_TCX */
	char *file_name;   /* the name the file had (archive members: their path), owned */
	char sha256[65];   /* its content's SHA-256 in hex, "" until computed */
	size_t size_bytes; /* its size */
	char *device;      /* the device or program that wrote it, owned, NULL if unknown */
	char *file_type;   /* FIT file type ("activity", "workout", ...), NULL for XML */
	size_t n_records;  /* FIT record messages, TCX trackpoints, GPX track points */
	size_t n_laps;     /* laps in the file */
	size_t n_sessions; /* FIT session messages, TCX activities, GPX tracks */
	struct recorded *activities; /* n_activities activities */
	size_t n_activities;
	size_t alloc_activities;
	bool repaired;          /* read only after repairing a defect or recovering from damage */
	struct strbuf warnings; /* one line per repair or recovery, each naming what and where */
	char *gear;             /* gear named by export metadata (Strava), owned, NULL */
};

/* ---- samples ---- */

void samples_init(struct samples *s);
void samples_release(struct samples *s);

/* Append a row with no values and return its index. */
size_t samples_add_row(struct samples *s);

/* Set field f of row (which must exist, assert) to v; creates the column,
 * NAN-filled, the first time f gets a value. NAN values are ignored. */
void samples_set(struct samples *s, size_t row, enum sample_field f, double v);

/* The value of field f in row, NAN if it has none. */
double samples_get(const struct samples *s, size_t row, enum sample_field f);

/* True if any row has field f. */
bool samples_has(const struct samples *s, enum sample_field f);

/* Move rows [from, n) of src to the end of dst (used to split a file's
 * samples between its sessions). */
void samples_move_tail(struct samples *dst, struct samples *src, size_t from);

/* "time", "lat", "lon", "altitude", "distance", "hr", "cadence", "power", "speed". */
const char *samples_field_name(enum sample_field f);

/* ---- laps and activities ---- */

/* A lap with every figure unknown. */
void lap_init(struct lap *lap);

void recorded_init(struct recorded *r);
void recorded_release(struct recorded *r);

/* Append a new lap_init'ed lap to r and return it (owned by r). */
struct lap *recorded_add_lap(struct recorded *r);

/* ---- recordings ---- */

void recording_init(struct recording *rec);
void recording_release(struct recording *rec);

/* Append a new recorded_init'ed activity and return it (owned by rec). */
struct recorded *recording_add(struct recording *rec);

/* Add a warning line (printf-style) and mark the recording repaired:
 * for a defect read past or damage recovered from. */
__attribute__((format(printf, 2, 3))) void recording_warn(struct recording *rec, const char *fmt,
                                                          ...);

/* Add a line that is not a repair: what a file without an activity holds,
 * or a fact the runner should know ("times are relative to the device"). */
__attribute__((format(printf, 2, 3))) void recording_note(struct recording *rec, const char *fmt,
                                                          ...);

/* Fill in, for every activity, what the file did not say, from its
 * samples and laps: start (first sample), local date (in the zone
 * selected with base/tz.h), elapsed time (first to last sample), moving
 * time, distance (the device's last cumulative distance if it counted
 * any, else geodesic from positions), climb and descent (changes over 3 m
 * count, smaller ones are noise), average and
 * maximum heart rate, and the treadmill flag for a run with distance but
 * no positions. Values the file gave are kept. */
void recording_derive(struct recording *rec);

/* ---- where recordings go ---- */

/* Something that keeps recordings: the store, or a test. The importer
 * asks seen() before decoding a file, so duplicates cost only a hash,
 * then calls save() once per file that decoded to at least one activity.
 * save() keeps all of the file's activities or none (one transaction) and
 * may change the recording (it sets ids). */
struct recording_sink {
	void *ctx; /* passed back to both functions */
	enum err_code (*seen)(void *ctx, const char *sha256, bool *seen, struct err *err);
	enum err_code (*save)(void *ctx, struct recording *rec, struct err *err);
};

#endif
