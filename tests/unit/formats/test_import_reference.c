/*
 * test_import_reference.c: every file under ../shared/data/activities,
 * imported through the real importer into a real store, is imported or
 * refused as expected.jsonl says, and what was kept matches it.
 *
 * For each file the reference decodes:
 *  - an activity file (FIT file_type "activity" with a time in it, a GPX
 *    file with track points, a TCX file with trackpoints) is imported;
 *    a valid file without an activity is skipped with a reason;
 *  - what was stored: the first activity's start equals the reference's
 *    start (FIT: the first session's; GPX/TCX: the first point's), the
 *    samples kept add up to the records the file has, the elapsed time
 *    (FIT) is within 1 s, the distance within 0.5 %.
 * For each file the reference refuses: knead refuses it with a message, or
 * imports it marked repaired (what came before the damage, or after a
 * named XML repair; for those, the "lenient" reference values hold).
 * Skipped (exit 77) where ../shared is not there.
 */
#include <jansson.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "base/strbuf.h"
#include "base/tz.h"
#include "base/xalloc.h"
#include "formats/import.h"
#include "store/store.h"
#include "store/store_athlete.h"
#include "store/store_recording.h"

#define MAX_FILES 512

struct outcome {
	char *path; /* relative to the data folder */
	enum import_outcome outcome;
	bool repaired;
	char *message;
	int64_t ids[16]; /* the activities kept */
	size_t n_ids;
};

static struct {
	const char *root; /* the data folder, "/.../activities" */
	struct outcome files[MAX_FILES];
	size_t n_files;
	struct store *store;
	char dir[256];
} t;

static void file_done(void *ctx, const struct import_result *r, const struct import_summary *sum)
{
	struct outcome *o;
	size_t root_len = strlen(t.root);

	(void)ctx;
	(void)sum;
	assert_true(t.n_files < MAX_FILES);
	o = &t.files[t.n_files++];
	o->path =
	        xstrdup(strncmp(r->path, t.root, root_len) == 0 ? r->path + root_len + 1 : r->path);
	o->outcome = r->outcome;
	o->repaired = r->repaired;
	o->message = xstrdup(r->message);
	if (r->outcome == IMPORT_IMPORTED) {
		for (size_t i = 0; i < r->rec->n_activities && i < 16; i++) {
			o->ids[o->n_ids++] = r->rec->activities[i].activity.id;
		}
	}
}

static const struct outcome *find(const char *path)
{
	for (size_t i = 0; i < t.n_files; i++) {
		if (strcmp(t.files[i].path, path) == 0) {
			return &t.files[i];
		}
	}
	return NULL;
}

static double num(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_number(v) ? json_number_value(v) : (double)NAN;
}

static const char *str(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* "2018-10-03T12:45:28Z" from a Unix time. */
static void iso_utc(int64_t utc, char out[32])
{
	struct strbuf sb = STRBUF_INIT;

	tz_add_rfc3339(&sb, utc, 0);
	snprintf(out, 32, "%.19sZ", sb.buf);
	strbuf_release(&sb);
}

/* The totals of what was stored for a file. */
struct kept {
	char start[32];  /* the first activity's start, "" if none */
	double elapsed;  /* summed elapsed time */
	double distance; /* summed distance, unknown counting as 0 */
	size_t samples;  /* summed sample rows */
};

static void load_kept(const struct outcome *o, struct kept *k)
{
	memset(k, 0, sizeof(*k));
	for (size_t i = 0; i < o->n_ids; i++) {
		struct recorded r;
		struct err err = ERR_INIT;

		assert_int_equal(store_recorded_get(t.store, 1, o->ids[i], &r, &err), ERR_OK);
		if (i == 0 && r.activity.has_start) {
			iso_utc(r.activity.start_utc, k->start);
		}
		k->elapsed += isnan(r.activity.duration_s) ? 0 : r.activity.duration_s;
		k->distance += isnan(r.activity.distance_m) ? 0 : r.activity.distance_m;
		k->samples += r.samples.n;
		recorded_release(&r);
	}
}

/* Note a mismatch: problems counts them, and each is printed. */
static int problems;

__attribute__((format(printf, 2, 3))) static void mismatch(const char *file, const char *fmt, ...)
{
	va_list ap;

	printf("MISMATCH %s: ", file);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	problems++;
}

static void check_close(const char *file, const char *what, double got, double want, double tol)
{
	if (isnan(want)) {
		return;
	}
	if (isnan(got) || fabs(got - want) > tol) {
		mismatch(file, "%s %.3f, reference %.3f", what, got, want);
	}
}

static void check_values(const char *file, const json_t *ref, const struct outcome *o)
{
	const char *format = str(ref, "format");
	struct kept k;
	double distance = (double)NAN;
	const char *start = NULL;
	double records = (double)NAN;

	load_kept(o, &k);
	if (strcmp(format, "fit") == 0) {
		start = str(ref, "start_time") ? str(ref, "start_time")
		                               : str(ref, "first_record_time");
		records = num(ref, "n_records");
		distance = num(ref, "total_distance_m");
		check_close(file, "elapsed", k.elapsed, num(ref, "total_elapsed_time_s"), 1.0);
	} else if (strcmp(format, "gpx") == 0) {
		start = str(ref, "start_time");
		records = num(ref, "n_points");
		distance = num(ref, "length_2d_m");
	} else {
		const json_t *ids = json_object_get(ref, "activity_ids");
		const char *id =
		        json_is_array(ids) ? json_string_value(json_array_get(ids, 0)) : NULL;
		const char *first = str(ref, "first_trackpoint_time");
		char id_s[32] = "";

		records = num(ref, "n_trackpoints");
		distance = num(ref, "laps_total_distance_m");
		/* The session starts at its Id (some exports round the Id to the
		 * minute) and no later than its first trackpoint. */
		if (id && first && strlen(id) >= 19) {
			snprintf(id_s, sizeof(id_s), "%.19sZ", id);
			if (strcmp(k.start, strcmp(id_s, first) < 0 ? id_s : first) < 0 ||
			    strcmp(k.start, strcmp(id_s, first) < 0 ? first : id_s) > 0) {
				mismatch(file,
				         "start %s, not between its Id %s and first trackpoint %s",
				         k.start, id_s, first);
			}
		}
	}
	if (start && strcmp(start, k.start) != 0) {
		mismatch(file, "start %s, reference %s", k.start, start);
	}
	if (!isnan(records) && (double)k.samples != records) {
		mismatch(file, "%zu samples, reference %.0f records", k.samples, records);
	}
	if (!isnan(distance) && distance > 0) {
		check_close(file, "distance", k.distance, distance, 0.005 * distance);
	}
}

/* Does the reference describe a file holding an activity knead can date? */
static bool holds_activity(const json_t *ref)
{
	const char *format = str(ref, "format");

	if (strcmp(format, "fit") == 0) {
		const char *type = str(ref, "file_type");

		/* a file without a file_id message but with sessions is one too */
		return (!type || strcmp(type, "activity") == 0) &&
		       (str(ref, "start_time") || str(ref, "first_record_time"));
	}
	if (strcmp(format, "gpx") == 0) {
		/* points with times, and a duration or a distance between them */
		return num(ref, "n_points_with_time") > 0 &&
		       (num(ref, "duration_s") > 0 || num(ref, "length_2d_m") > 0);
	}
	return num(ref, "n_trackpoints") > 0;
}

static void test_every_file(void **state)
{
	struct strbuf path = STRBUF_INIT, db = STRBUF_INIT;
	struct import_observer obs = { NULL, file_done, NULL };
	struct import_summary sum;
	struct store_sink sink;
	struct err err = ERR_INIT;
	const char *paths[1];
	FILE *f;
	char line[1 << 16];
	size_t n_checked = 0, n_imported = 0, n_refused = 0, n_skipped = 0;

	(void)state;
	assert_int_equal(tz_use("UTC", &err), ERR_OK);
	strbuf_addf(&db, "%s/knead.db", t.dir);
	assert_int_equal(store_open(db.buf, STORE_WRITE, &t.store, &err), ERR_OK);
	assert_int_equal(store_athlete_ensure(t.store, 1, &err), ERR_OK);
	store_sink_init(&sink, t.store, 1);
	paths[0] = t.root;
	assert_int_equal(import_paths(paths, 1, &sink.sink, &obs, &sum, &err), ERR_OK);

	strbuf_addf(&path, "%s/expected.jsonl", t.root);
	f = fopen(path.buf, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		json_error_t jerr;
		json_t *ref = json_loads(line, 0, &jerr);
		const char *file = str(ref, "file");
		const struct outcome *o = find(file);
		bool ok = json_is_true(json_object_get(ref, "ok"));

		assert_non_null(ref);
		n_checked++;
		if (!o) {
			mismatch(file, "the importer said nothing of it");
		} else if (!ok &&
		           strstr(line,
		                  "compressed timestamp messages are not currently supported")) {
			/* the SDK cannot read compressed timestamp headers; knead must,
			 * fully: every record kept (fit-file-parser agrees on them) */
			struct kept k;

			if (o->outcome != IMPORT_IMPORTED) {
				mismatch(file, "compressed timestamps: not imported (%s)",
				         o->message);
			} else {
				load_kept(o, &k);
				if (k.samples == 0) {
					mismatch(file, "compressed timestamps: no samples kept");
				}
			}
			n_imported++;
		} else if (!ok) {
			/* refused by the reference: refused here, or kept as repaired */
			json_t *lenient = json_object_get(ref, "lenient");

			if (o->outcome == IMPORT_IMPORTED && !o->repaired) {
				mismatch(file,
				         "imported without a word, but the reference refuses it");
			} else if (o->outcome == IMPORT_IMPORTED && json_is_object(lenient)) {
				json_object_set(lenient, "format", json_object_get(ref, "format"));
				check_values(file, lenient, o);
			} else if (o->outcome == IMPORT_FAILED && o->message[0] == '\0') {
				mismatch(file, "refused without a message");
			}
			n_refused += o->outcome != IMPORT_IMPORTED;
			n_imported += o->outcome == IMPORT_IMPORTED;
		} else if (holds_activity(ref)) {
			if (o->outcome != IMPORT_IMPORTED) {
				mismatch(file, "%s (%s), but it holds an activity",
				         o->outcome == IMPORT_FAILED ? "failed" : "not imported",
				         o->message);
			} else {
				check_values(file, ref, o);
				n_imported++;
			}
		} else {
			if (o->outcome != IMPORT_SKIPPED || o->message[0] == '\0') {
				mismatch(file,
				         "expected skipped with a reason, got outcome %d (%s)",
				         (int)o->outcome, o->message);
			}
			n_skipped++;
		}
		json_decref(ref);
	}
	fclose(f);
	printf("%zu files against expected.jsonl: %zu imported, %zu refused, %zu skipped; "
	       "%d mismatches\n",
	       n_checked, n_imported, n_refused, n_skipped, problems);
	assert_int_equal(problems, 0);
	assert_true(n_checked >= 100);
	store_close(t.store);
	strbuf_release(&path);
	strbuf_release(&db);
}

int main(void)
{
	const char *shared = getenv("KNEAD_SHARED_DATA");
	const char *tmp = getenv("TMPDIR");
	struct strbuf root = STRBUF_INIT, cmd = STRBUF_INIT;
	struct stat st;
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_every_file) };
	int rc;

	strbuf_addf(&root, "%s/activities", shared ? shared : "../shared/data");
	if (stat(root.buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
		printf("skipped: no ../shared (%s)\n", root.buf);
		strbuf_release(&root);
		return 77;
	}
	t.root = root.buf;
	snprintf(t.dir, sizeof(t.dir), "%s/knead-ref-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(t.dir)) {
		return 1;
	}
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	strbuf_addf(&cmd, "rm -rf '%s'", t.dir);
	if (system(cmd.buf) != 0) {
		rc = 1;
	}
	for (size_t i = 0; i < t.n_files; i++) {
		free(t.files[i].path);
		free(t.files[i].message);
	}
	strbuf_release(&cmd);
	strbuf_release(&root);
	return rc;
}
