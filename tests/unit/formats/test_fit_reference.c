/*
 * test_fit_reference.c: the FIT decoder against Garmin's SDK, file by file.
 *
 * Walks $KNEAD_SHARED_DATA/activities for *.fit (any case), decodes each
 * with format_fit, and compares with the SDK's summary of it in
 * expected.jsonl beside the files (tools/oracle/README.md says how that
 * was made and what each field means). The data sit outside the
 * repository, so without them the test is skipped (exit 77).
 *
 * For every file the SDK read cleanly (ok:true): the same numbers of
 * record, lap and session messages; for activity files with sessions one
 * activity per session, the first session's start (to the second), the
 * sessions' elapsed time (within 1 s) and distance (within 0.5%), and the
 * first record time; other file types decode to their type and no
 * activity. For the files the SDK failed on (ok:false): either ERR_FORMAT
 * with a byte offset in the message, or ERR_OK with rec->repaired and a
 * warning naming the byte; what was kept must be what the SDK kept.
 *
 * One exception: the SDK stops at compressed timestamp headers, so for
 * antfs-dump.63.fit the reference is fit-file-parser's 686 records, every
 * one with a time.
 *
 * Prints one line per file and a total; fails listing every mismatch.
 */
#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <jansson.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "core/recording.h"
#include "formats/format.h"

/* The file the SDK cannot read (compressed timestamps), and what
 * fit-file-parser 6.1.2 reads from it. */
#define COMPRESSED_FILE    "antfs-dump.63.fit"
#define COMPRESSED_RECORDS 686

/* Relative paths of the FIT files under the root, sorted. */
struct file_list {
	char **paths;   /* owned strings */
	size_t n_paths; /* how many */
	size_t alloc;   /* elements allocated */
};

static bool has_fit_suffix(const char *name)
{
	size_t n = strlen(name);

	return n >= 4 && strcasecmp(name + n - 4, ".fit") == 0;
}

static void list_files(const char *root, const char *rel, struct file_list *out)
{
	struct strbuf path = STRBUF_INIT;
	DIR *dir;
	struct dirent *e;

	strbuf_addf(&path, "%s%s%s", root, rel[0] ? "/" : "", rel);
	dir = opendir(path.buf);
	strbuf_release(&path);
	if (!dir) {
		return;
	}
	while ((e = readdir(dir)) != NULL) {
		struct strbuf child = STRBUF_INIT, full = STRBUF_INIT;
		struct stat st;

		if (e->d_name[0] == '.') {
			continue;
		}
		strbuf_addf(&child, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
		strbuf_addf(&full, "%s/%s", root, child.buf);
		if (stat(full.buf, &st) == 0 && S_ISDIR(st.st_mode)) {
			list_files(root, child.buf, out);
		} else if (has_fit_suffix(e->d_name)) {
			xgrow((void **)&out->paths, &out->alloc, out->n_paths + 1,
			      sizeof(*out->paths));
			out->paths[out->n_paths++] = strbuf_detach(&child, NULL);
		}
		strbuf_release(&child);
		strbuf_release(&full);
	}
	closedir(dir);
}

static int compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool read_file(const char *path, uint8_t **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char chunk[65536];
	size_t n;

	if (!f) {
		return false;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		strbuf_add(&sb, chunk, n);
	}
	fclose(f);
	*buf = (uint8_t *)strbuf_detach(&sb, len);
	return true;
}

/* Unix seconds of "YYYY-MM-DDTHH:MM:SSZ", or NAN. */
static double parse_iso(const char *s)
{
	int y, mo, d, h, mi, sec;
	long days;
	int era, yoe, doy, doe;

	if (!s || sscanf(s, "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &sec) != 6) {
		return (double)NAN;
	}
	/* days from civil (Howard Hinnant's algorithm) */
	y -= mo <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	days = (long)era * 146097 + doe - 719468;
	return (double)days * 86400 + h * 3600 + mi * 60 + sec;
}

/* The SDK's camelCase file types in the profile's snake_case, as the
 * decoder names them: "monitoringB" is "monitoring_b". */
static void snake_case(const char *in, char *out, size_t n)
{
	size_t k = 0;

	for (; *in && k + 2 < n; in++) {
		if (isupper((unsigned char)*in)) {
			out[k++] = '_';
			out[k++] = (char)tolower((unsigned char)*in);
		} else {
			out[k++] = *in;
		}
	}
	out[k] = '\0';
}

/* Mismatches of the current file, and of the whole run. */
struct check {
	struct strbuf file_problems; /* "; "-separated, for the current file */
	struct strbuf all;           /* one line per mismatch, every file */
	const char *path;            /* the current file */
};

__attribute__((format(printf, 2, 3))) static void mismatch(struct check *c, const char *fmt, ...)
{
	struct strbuf line = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&line, fmt, ap);
	va_end(ap);
	strbuf_addf(&c->file_problems, "%s%s", c->file_problems.len ? "; " : "", line.buf);
	strbuf_addf(&c->all, "  %s: %s\n", c->path, line.buf);
	strbuf_release(&line);
}

static size_t json_size(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? (size_t)json_integer_value(v) : 0;
}

static double json_num(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_number(v) ? json_number_value(v) : (double)NAN;
}

/* True if text names a byte offset: "byte 771". */
static bool names_offset(const char *text)
{
	const char *p = text;

	while ((p = strstr(p, "byte ")) != NULL) {
		p += 5;
		if (isdigit((unsigned char)*p)) {
			return true;
		}
	}
	return false;
}

static void check_counts(struct check *c, const struct recording *rec, const json_t *ref,
                         bool compressed)
{
	size_t records = compressed ? COMPRESSED_RECORDS : json_size(ref, "n_records");

	if (rec->n_records != records) {
		mismatch(c, "%zu records, expected %zu", rec->n_records, records);
	}
	if (rec->n_laps != json_size(ref, "n_laps")) {
		mismatch(c, "%zu laps, expected %zu", rec->n_laps, json_size(ref, "n_laps"));
	}
	if (rec->n_sessions != json_size(ref, "n_sessions")) {
		mismatch(c, "%zu sessions, expected %zu", rec->n_sessions,
		         json_size(ref, "n_sessions"));
	}
}

/* The first sample time in activity order, NAN if none. */
static double first_sample_time(const struct recording *rec)
{
	for (size_t k = 0; k < rec->n_activities; k++) {
		const struct samples *s = &rec->activities[k].samples;

		for (size_t i = 0; i < s->n; i++) {
			double t = samples_get(s, i, SAMPLE_TIME);

			if (!isnan(t)) {
				return t;
			}
		}
	}
	return (double)NAN;
}

static void check_activities(struct check *c, const struct recording *rec, const json_t *ref,
                             bool compressed)
{
	const char *type = json_string_value(json_object_get(ref, "file_type"));
	size_t sessions = json_size(ref, "n_sessions");
	double start = parse_iso(json_string_value(json_object_get(ref, "start_time")));
	double first = parse_iso(json_string_value(json_object_get(ref, "first_record_time")));
	double elapsed = json_num(ref, "total_elapsed_time_s");
	double distance = json_num(ref, "total_distance_m");
	double sum_elapsed = 0, sum_distance = 0, t;
	char snake[64];

	if (type) {
		snake_case(type, snake, sizeof(snake));
		if (!rec->file_type || strcmp(rec->file_type, snake) != 0) {
			mismatch(c, "file type '%s', expected '%s'",
			         rec->file_type ? rec->file_type : "(none)", snake);
		}
	} else if (rec->file_type) {
		mismatch(c, "file type '%s', expected none", rec->file_type);
	}
	if (type && strcmp(type, "activity") != 0) {
		if (rec->n_activities) {
			mismatch(c, "%zu activities in a %s file", rec->n_activities, type);
		}
		return;
	}
	if (sessions == 0) {
		return;
	}
	if (rec->n_activities != sessions) {
		mismatch(c, "%zu activities for %zu sessions", rec->n_activities, sessions);
		return;
	}
	if (isnan(start) != !rec->activities[0].activity.has_start ||
	    (!isnan(start) && (double)rec->activities[0].activity.start_utc != start)) {
		mismatch(c, "first session starts at %lld (known: %d), expected %.0f",
		         (long long)rec->activities[0].activity.start_utc,
		         rec->activities[0].activity.has_start, start);
	}
	for (size_t k = 0; k < rec->n_activities; k++) {
		const struct activity *a = &rec->activities[k].activity;

		sum_elapsed += isnan(a->duration_s) ? 0 : a->duration_s;
		sum_distance += isnan(a->distance_m) ? 0 : a->distance_m;
	}
	if (fabs(sum_elapsed - (isnan(elapsed) ? 0 : elapsed)) > 1) {
		mismatch(c, "elapsed %.3f s, expected %.3f s", sum_elapsed, elapsed);
	}
	distance = isnan(distance) ? 0 : distance;
	if (fabs(sum_distance - distance) > 0.005 * distance + 1e-9) {
		mismatch(c, "distance %.2f m, expected %.2f m", sum_distance, distance);
	}
	t = first_sample_time(rec);
	if (compressed) {
		for (size_t k = 0; k < rec->n_activities; k++) {
			const struct samples *s = &rec->activities[k].samples;

			for (size_t i = 0; i < s->n; i++) {
				if (isnan(samples_get(s, i, SAMPLE_TIME))) {
					mismatch(c, "record %zu has no time", i);
					return;
				}
			}
		}
	} else if (isnan(first) != isnan(t) || (!isnan(first) && floor(t) != first)) {
		mismatch(c, "first record at %.0f, expected %.0f", t, first);
	}
}

/* Decode one file and compare; returns the status word printed. */
static const char *check_file(struct check *c, const char *root, const json_t *ref)
{
	struct strbuf full = STRBUF_INIT;
	struct recording rec;
	struct err err = ERR_INIT;
	uint8_t *buf = NULL;
	size_t len = 0;
	const char *base = strrchr(c->path, '/') ? strrchr(c->path, '/') + 1 : c->path;
	bool compressed = strcmp(base, COMPRESSED_FILE) == 0;
	bool ok = json_is_true(json_object_get(ref, "ok"));
	enum err_code rc;
	const char *status;

	strbuf_addf(&full, "%s/%s", root, c->path);
	if (!read_file(full.buf, &buf, &len)) {
		mismatch(c, "cannot read");
		strbuf_release(&full);
		return "unreadable";
	}
	recording_init(&rec);
	rec.format = SOURCE_FIT;
	rec.file_name = xstrdup(c->path);
	rec.size_bytes = len;
	rc = format_fit.decode(buf, len, &rec, &err);
	if (ok || compressed) {
		if (rc != ERR_OK) {
			mismatch(c, "refused: %s", err.msg);
		} else {
			check_counts(c, &rec, ref, compressed);
			check_activities(c, &rec, ref, compressed);
		}
		status = rec.repaired ? "ok (with warnings)" : "ok";
	} else if (rc == ERR_FORMAT) {
		if (!names_offset(err.msg) && !(len == 0 && strcmp(err.msg, "empty file") == 0)) {
			mismatch(c, "the error names no byte offset: %s", err.msg);
		}
		if (json_size(ref, "n_records") || json_size(ref, "n_laps") ||
		    json_size(ref, "n_sessions")) {
			mismatch(c, "refused (%s) where the SDK kept messages", err.msg);
		}
		status = "refused as expected";
	} else if (rc == ERR_OK) {
		if (!rec.repaired || !names_offset(rec.warnings.buf)) {
			mismatch(c, "damage not reported with its byte offset: '%s'",
			         rec.warnings.buf);
		}
		check_counts(c, &rec, ref, false);
		check_activities(c, &rec, ref, false);
		status = "recovered as expected";
	} else {
		mismatch(c, "unexpected error %d: %s", (int)rc, err.msg);
		status = "failed";
	}
	printf("%-24s %s (%zu records, %zu laps, %zu sessions, %zu activities, %s)%s%s%s%s\n",
	       c->file_problems.len ? "MISMATCH" : status, c->path, rec.n_records, rec.n_laps,
	       rec.n_sessions, rec.n_activities, rec.device ? rec.device : "no device",
	       rc == ERR_OK ? "" : "\n    error: ", rc == ERR_OK ? "" : err.msg,
	       rec.warnings.len ? "\n    warnings: " : "", rec.warnings.buf);
	recording_release(&rec);
	free(buf);
	strbuf_release(&full);
	return status;
}

int main(void)
{
	const char *shared = getenv("KNEAD_SHARED_DATA");
	struct strbuf root = STRBUF_INIT, expected_path = STRBUF_INIT;
	struct file_list files = { NULL, 0, 0 };
	struct check c = { STRBUF_INIT, STRBUF_INIT, NULL };
	json_t *expected;
	FILE *f;
	char line[1 << 16];
	size_t checked = 0, bad = 0;
	struct stat st;

	strbuf_addf(&root, "%s/activities", shared ? shared : "../shared/data");
	strbuf_addf(&expected_path, "%s/expected.jsonl", root.buf);
	if (stat(root.buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("skipped: no ../shared\n");
		strbuf_release(&root);
		strbuf_release(&expected_path);
		return 77;
	}
	f = fopen(expected_path.buf, "r");
	if (!f) {
		printf("cannot read %s\n", expected_path.buf);
		return 1;
	}
	expected = json_object();
	while (fgets(line, sizeof(line), f)) {
		json_t *o = json_loads(line, 0, NULL);
		const char *file = json_string_value(json_object_get(o, "file"));

		if (file && strcmp(json_string_value(json_object_get(o, "format")), "fit") == 0) {
			json_object_set(expected, file, o);
		}
		json_decref(o);
	}
	fclose(f);

	list_files(root.buf, "", &files);
	qsort(files.paths, files.n_paths, sizeof(*files.paths), compare_paths);
	for (size_t i = 0; i < files.n_paths; i++) {
		const json_t *ref = json_object_get(expected, files.paths[i]);

		c.path = files.paths[i];
		strbuf_reset(&c.file_problems);
		if (!ref) {
			mismatch(&c, "not in expected.jsonl");
			printf("%-24s %s\n", "MISMATCH", c.path);
		} else {
			check_file(&c, root.buf, ref);
		}
		checked++;
		bad += c.file_problems.len > 0;
		free(files.paths[i]);
	}
	free(files.paths);
	printf("\n%zu FIT files checked against the SDK's reference, %zu mismatched\n", checked,
	       bad);
	if (bad) {
		printf("mismatches:\n%s", c.all.buf);
	}
	if (checked == 0) {
		printf("no FIT files found under %s\n", root.buf);
		bad = 1;
	}
	json_decref(expected);
	strbuf_release(&c.file_problems);
	strbuf_release(&c.all);
	strbuf_release(&root);
	strbuf_release(&expected_path);
	return bad ? 1 : 0;
}
