/*
 * test_import.c: the importer (formats/import.h) and Strava's
 * activities.csv (formats/strava.h), with an in-memory sink.
 *
 * Inputs are built in a scratch folder: GPX files written here, a FIT
 * sample from tests/data/fit, and archives made with libarchive's writer.
 */
#include <archive.h>
#include <archive_entry.h>
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
#include "base/xalloc.h"
#include "formats/import.h"
#include "formats/strava.h"

/* ---- an in-memory sink ---- */

struct memory_sink {
	struct recording_sink sink;
	char hashes[64][65]; /* kept files' hashes */
	char names[64][128]; /* their first activity's name, "" if none */
	char gear[64][64];   /* their gear, "" if none */
	size_t n;            /* files kept */
	size_t activities;   /* activities kept */
	bool fail_saves;     /* pretend the disk is full */
};

static enum err_code mem_seen(void *ctx, const char *sha256, bool *seen, struct err *err)
{
	struct memory_sink *m = ctx;

	(void)err;
	*seen = false;
	for (size_t i = 0; i < m->n; i++) {
		if (strcmp(m->hashes[i], sha256) == 0) {
			*seen = true;
		}
	}
	return ERR_OK;
}

static enum err_code mem_save(void *ctx, struct recording *rec, struct err *err)
{
	struct memory_sink *m = ctx;
	const char *name = rec->n_activities ? rec->activities[0].activity.name : NULL;

	if (m->fail_saves) {
		return err_set(err, ERR_IO, "disk full");
	}
	assert_true(m->n < 64);
	snprintf(m->hashes[m->n], sizeof(m->hashes[0]), "%s", rec->sha256);
	snprintf(m->names[m->n], sizeof(m->names[0]), "%s", name ? name : "");
	snprintf(m->gear[m->n], sizeof(m->gear[0]), "%s", rec->gear ? rec->gear : "");
	m->activities += rec->n_activities;
	for (size_t i = 0; i < rec->n_activities; i++) {
		rec->activities[i].activity.id =
		        (int64_t)(m->activities - rec->n_activities + i + 1);
	}
	m->n++;
	return ERR_OK;
}

static void mem_init(struct memory_sink *m)
{
	memset(m, 0, sizeof(*m));
	m->sink.ctx = m;
	m->sink.seen = mem_seen;
	m->sink.save = mem_save;
}

/* What the observer heard. */
struct heard {
	char lines[32][512]; /* "outcome path: message" */
	size_t n;
	uint64_t last_done; /* bytes_done at the last call */
	bool went_back;     /* bytes_done ever decreased */
	uint64_t total;     /* bytes_total seen */
};

static const char *outcome_word(enum import_outcome o)
{
	return o == IMPORT_IMPORTED    ? "imported"
	       : o == IMPORT_DUPLICATE ? "duplicate"
	       : o == IMPORT_SKIPPED   ? "skipped"
	                               : "failed";
}

static void heard_progress(void *ctx, const struct import_summary *sum)
{
	struct heard *h = ctx;

	if (sum->bytes_done < h->last_done) {
		h->went_back = true;
	}
	h->last_done = sum->bytes_done;
	h->total = sum->bytes_total;
}

static void heard_file(void *ctx, const struct import_result *r, const struct import_summary *sum)
{
	struct heard *h = ctx;

	if (h->n < 32) {
		snprintf(h->lines[h->n++], sizeof(h->lines[0]), "%s %s: %s",
		         outcome_word(r->outcome), r->path, r->message);
	}
	heard_progress(ctx, sum);
}

static bool heard_has(const struct heard *h, const char *text)
{
	for (size_t i = 0; i < h->n; i++) {
		if (strstr(h->lines[i], text)) {
			return true;
		}
	}
	return false;
}

/* ---- files ---- */

static char scratch[256];

static int setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(scratch, sizeof(scratch), "%s/knead-import-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	return mkdtemp(scratch) ? 0 : -1;
}

static int teardown(void **state)
{
	struct strbuf cmd = STRBUF_INIT;
	int rc;

	(void)state;
	strbuf_addf(&cmd, "rm -rf '%s'", scratch);
	rc = system(cmd.buf);
	strbuf_release(&cmd);
	return rc == 0 ? 0 : -1;
}

static char *path_of(const char *name)
{
	struct strbuf p = STRBUF_INIT;

	strbuf_addf(&p, "%s/%s", scratch, name);
	return strbuf_detach(&p, NULL);
}

static void write_file(const char *name, const void *data, size_t len)
{
	char *p = path_of(name);
	FILE *f = fopen(p, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(p);
}

/* A GPX track of three points; distinct per day, so per content. */
static void gpx_text(struct strbuf *sb, int day)
{
	strbuf_addf(
	        sb,
	        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"t\" "
	        "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>running</type><trkseg>\n"
	        "<trkpt lat=\"46.0\" lon=\"14.0\"><time>2026-11-%02dT12:00:00Z</time></trkpt>\n"
	        "<trkpt lat=\"46.0009\" lon=\"14.0\"><time>2026-11-%02dT12:01:00Z</time></trkpt>\n"
	        "<trkpt lat=\"46.0018\" lon=\"14.0\"><time>2026-11-%02dT12:02:00Z</time></trkpt>\n"
	        "</trkseg></trk></gpx>\n",
	        day, day, day);
}

static void write_gpx(const char *name, int day)
{
	struct strbuf sb = STRBUF_INIT;

	gpx_text(&sb, day);
	write_file(name, sb.buf, sb.len);
	strbuf_release(&sb);
}

/* An archive in memory: zip, or a gzip'd single file (raw). */
struct member {
	const char *name;
	const void *data;
	size_t len;
};

static void make_archive(struct strbuf *out, bool gzip_raw, const struct member *m, size_t n)
{
	struct archive *a = archive_write_new();
	size_t used = 0;
	size_t cap = 1 << 22;

	strbuf_grow(out, cap);
	if (gzip_raw) {
		archive_write_add_filter_gzip(a);
		archive_write_set_format_raw(a);
	} else {
		archive_write_set_format_zip(a);
	}
	assert_int_equal(archive_write_open_memory(a, out->buf, cap, &used), ARCHIVE_OK);
	for (size_t i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();

		archive_entry_set_pathname(e, m[i].name);
		archive_entry_set_size(e, (la_int64_t)m[i].len);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		assert_int_equal(archive_write_data(a, m[i].data, m[i].len), (la_ssize_t)m[i].len);
		archive_entry_free(e);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	strbuf_setlen(out, used);
}

static void read_sample_fit(struct strbuf *sb)
{
	const char *dir = getenv("KNEAD_TEST_DATA");
	struct strbuf p = STRBUF_INIT;
	FILE *f;
	char buf[4096];
	size_t n;

	assert_non_null(dir);
	strbuf_addf(&p, "%s/fit/garmin-fenix-5-run.fit", dir);
	f = fopen(p.buf, "rb");
	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		strbuf_add(sb, buf, n);
	}
	fclose(f);
	strbuf_release(&p);
}

static enum err_code run_import(struct memory_sink *m, struct heard *h, const char *const *paths,
                                size_t n, struct import_summary *sum)
{
	struct import_observer obs = { h, heard_file, heard_progress };
	struct err err = ERR_INIT;

	return import_paths(paths, n, &m->sink, &obs, sum, &err);
}

/* ---- strava ---- */

static void test_strava_csv(void **state)
{
	static const char csv[] =
	        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
	        "Distance,Filename,Activity Gear,Distance\r\n"
	        "1,\"Nov 1, 2026\",Tempo,Run,\"felt strong, legs ok\nnext line\",5.0,"
	        "activities/100.fit.gz,Pegasus 40,5000\r\n"
	        "2,\"Nov 2, 2026\",Lunch,Ride,,20,activities/200.gpx,,20000\r\n"
	        "3,\"Nov 3, 2026\",Manual,Run,,3,,,3000\r\n";
	struct strava_export x;
	struct err err = ERR_INIT;
	const struct strava_entry *e;

	(void)state;
	strava_export_init(&x);
	assert_int_equal(strava_export_read(csv, sizeof(csv) - 1, &x, &err), ERR_OK);
	assert_int_equal(x.n_entries, 2); /* the manual entry has no file */
	e = strava_export_find(&x, "export/activities/100.fit.gz");
	assert_non_null(e);
	assert_string_equal(e->name, "Tempo");
	assert_string_equal(e->description, "felt strong, legs ok\nnext line");
	assert_string_equal(e->gear, "Pegasus 40");
	assert_string_equal(e->type, "Run");
	assert_ptr_equal(strava_export_find(&x, "100.fit"), e); /* unpacked by hand */
	e = strava_export_find(&x, "200.gpx.gz");
	assert_non_null(e);
	assert_null(e->gear);
	assert_null(e->description);
	assert_null(strava_export_find(&x, "300.fit"));
	strava_export_release(&x);
}

static void test_strava_csv_refusals(void **state)
{
	static const char no_file[] = "Activity ID,Activity Name\n1,Run\n";
	struct strava_export x;
	struct err err = ERR_INIT;

	(void)state;
	strava_export_init(&x);
	assert_int_equal(strava_export_read(no_file, sizeof(no_file) - 1, &x, &err), ERR_FORMAT);
	assert_non_null(strstr(err.msg, "Filename"));
	assert_int_equal(x.n_entries, 0);
	assert_int_equal(strava_export_read("", 0, &x, &err), ERR_FORMAT);
	/* a name that is only a folder names no file (found by fuzzing) */
	assert_int_equal(strava_export_read("Filename\nactivities/\n", 22, &x, &err), ERR_OK);
	assert_int_equal(x.n_entries, 0);
	strava_export_release(&x);
}

static void test_strava_csv_bom(void **state)
{
	static const char csv[] = "\xef\xbb\xbf"
	                          "Filename,Activity Name\nactivities/7.fit,Easy\n";
	struct strava_export x;
	struct err err = ERR_INIT;

	(void)state;
	strava_export_init(&x);
	assert_int_equal(strava_export_read(csv, sizeof(csv) - 1, &x, &err), ERR_OK);
	assert_non_null(strava_export_find(&x, "7.fit"));
	strava_export_release(&x);
}

static void test_strava_csv_name(void **state)
{
	(void)state;
	assert_true(strava_is_activities_csv("activities.csv"));
	assert_true(strava_is_activities_csv("export_123/activities.csv"));
	assert_false(strava_is_activities_csv("a/b/activities.csv"));
	assert_false(strava_is_activities_csv("activities.csv.bak"));
	assert_false(strava_is_activities_csv("my-activities.csv"));
}

/* ---- the walk ---- */

static void test_folder_and_duplicates(void **state)
{
	struct memory_sink m;
	struct heard h = { 0 };
	struct import_summary sum;
	char *dir = path_of("runs");
	const char *paths[] = { dir };

	(void)state;
	mem_init(&m);
	assert_int_equal(mkdir(dir, 0755), 0);
	write_gpx("runs/b.gpx", 2);
	write_gpx("runs/a.gpx", 1);
	write_gpx("runs/copy-of-a.gpx", 1);
	write_file("runs/photo.jpg", "\xff\xd8\xff", 3);
	assert_int_equal(run_import(&m, &h, paths, 1, &sum), ERR_OK);
	assert_int_equal(sum.imported, 2);
	assert_int_equal(sum.duplicates, 1);
	assert_int_equal(sum.failed, 0);
	assert_int_equal(sum.activities, 2);
	/* name order: a.gpx first, then b.gpx, then the copy of a */
	assert_true(strstr(h.lines[0], "imported") && strstr(h.lines[0], "/a.gpx"));
	assert_true(heard_has(&h, "duplicate"));
	assert_false(heard_has(&h, "photo.jpg")); /* not ours: passed over silently */
	assert_false(h.went_back);
	assert_int_equal(h.last_done, h.total);
	/* and again: all duplicates */
	assert_int_equal(run_import(&m, &h, paths, 1, &sum), ERR_OK);
	assert_int_equal(sum.imported, 0);
	assert_int_equal(sum.duplicates, 3);
	free(dir);
}

static void test_named_failures(void **state)
{
	struct memory_sink m;
	struct heard h = { 0 };
	struct import_summary sum;
	char *junk = path_of("junk.txt"), *empty = path_of("empty.fit"),
	     *missing = path_of("no.fit");
	const char *paths[] = { junk, empty, missing };

	(void)state;
	mem_init(&m);
	write_file("junk.txt", "hello", 5);
	write_file("empty.fit", "", 0);
	assert_int_equal(run_import(&m, &h, paths, 3, &sum), ERR_OK);
	assert_int_equal(sum.failed, 3);
	assert_true(heard_has(&h, "junk.txt: not a FIT, GPX or TCX file"));
	assert_true(heard_has(&h, "empty.fit: empty file"));
	assert_true(heard_has(&h, "no.fit: cannot open it"));
	free(junk);
	free(empty);
	free(missing);
}

static void test_archives(void **state)
{
	struct memory_sink m;
	struct heard h = { 0 };
	struct import_summary sum;
	struct strbuf gpx1 = STRBUF_INIT, gpx2 = STRBUF_INIT, fit = STRBUF_INIT;
	struct strbuf gz = STRBUF_INIT, inner = STRBUF_INIT, outer = STRBUF_INIT;
	char *p = path_of("export.zip");
	const char *paths[] = { p };

	(void)state;
	mem_init(&m);
	gpx_text(&gpx1, 3);
	gpx_text(&gpx2, 4);
	read_sample_fit(&fit);
	{
		struct member one = { "data", fit.buf, fit.len };

		make_archive(&gz, true, &one, 1);
	}
	{
		struct member members[] = {
			{ "inner/day4.gpx", gpx2.buf, gpx2.len },
			{ "inner/readme.txt", "hi", 2 },
		};

		make_archive(&inner, false, members, 2);
	}
	{
		struct member members[] = {
			{ "activities/day3.gpx", gpx1.buf, gpx1.len },
			{ "activities/run.fit.gz", gz.buf, gz.len },
			{ "nested.zip", inner.buf, inner.len },
		};

		make_archive(&outer, false, members, 3);
	}
	write_file("export.zip", outer.buf, outer.len);
	assert_int_equal(run_import(&m, &h, paths, 1, &sum), ERR_OK);
	assert_int_equal(sum.imported, 3);
	assert_int_equal(sum.failed, 0);
	assert_true(heard_has(&h, "export.zip:activities/run.fit.gz"));
	assert_true(heard_has(&h, "export.zip:nested.zip:inner/day4.gpx"));
	assert_int_equal(h.last_done, h.total);
	free(p);
	strbuf_release(&gpx1);
	strbuf_release(&gpx2);
	strbuf_release(&fit);
	strbuf_release(&gz);
	strbuf_release(&inner);
	strbuf_release(&outer);
}

static void test_nesting_limit(void **state)
{
	struct memory_sink m;
	struct heard h = { 0 };
	struct import_summary sum;
	struct strbuf level = STRBUF_INIT, next = STRBUF_INIT;
	char *p = path_of("deep.zip");
	const char *paths[] = { p };

	(void)state;
	mem_init(&m);
	gpx_text(&level, 5);
	for (int i = 0; i < IMPORT_MAX_DEPTH + 1; i++) {
		struct member one = { i == 0 ? "run.gpx" : "deeper.zip", level.buf, level.len };

		strbuf_reset(&next);
		make_archive(&next, false, &one, 1);
		strbuf_reset(&level);
		strbuf_add(&level, next.buf, next.len);
	}
	write_file("deep.zip", level.buf, level.len);
	assert_int_equal(run_import(&m, &h, paths, 1, &sum), ERR_OK);
	assert_int_equal(sum.imported, 0);
	assert_int_equal(sum.failed, 1);
	assert_true(heard_has(&h, "nested too deep"));
	free(p);
	strbuf_release(&level);
	strbuf_release(&next);
}

static void test_strava_export(void **state)
{
	struct memory_sink m;
	struct heard h = { 0 };
	struct import_summary sum;
	struct strbuf gpx = STRBUF_INIT, zip = STRBUF_INIT;
	static const char csv[] = "Activity ID,Activity Name,Activity Type,Filename,Activity Gear\n"
	                          "9,Morning shakeout,Run,activities/9.gpx,Kinvara\n";
	char *p = path_of("strava.zip");
	const char *paths[] = { p };

	(void)state;
	mem_init(&m);
	gpx_text(&gpx, 6);
	{
		/* the CSV after the file: a first pass must find it anyway */
		struct member members[] = {
			{ "activities/9.gpx", gpx.buf, gpx.len },
			{ "activities.csv", csv, sizeof(csv) - 1 },
		};

		make_archive(&zip, false, members, 2);
	}
	write_file("strava.zip", zip.buf, zip.len);
	assert_int_equal(run_import(&m, &h, paths, 1, &sum), ERR_OK);
	assert_int_equal(sum.imported, 1);
	assert_string_equal(m.names[0], "Morning shakeout");
	assert_string_equal(m.gear[0], "Kinvara");
	free(p);
	strbuf_release(&gpx);
	strbuf_release(&zip);
}

static void test_sink_failure_stops(void **state)
{
	struct memory_sink m;
	struct heard h = { 0 };
	struct import_summary sum;
	struct err err = ERR_INIT;
	char *a = path_of("a.gpx"), *b = path_of("b.gpx");
	const char *paths[] = { a, b };
	struct import_observer obs = { &h, heard_file, heard_progress };

	(void)state;
	mem_init(&m);
	m.fail_saves = true;
	write_gpx("a.gpx", 7);
	write_gpx("b.gpx", 8);
	assert_int_equal(import_paths(paths, 2, &m.sink, &obs, &sum, &err), ERR_IO);
	assert_non_null(strstr(err.msg, "disk full"));
	assert_int_equal(sum.imported, 0);
	assert_int_equal(m.n, 0);
	assert_int_equal(h.n, 0); /* it stopped at the first file */
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strava_csv),
		cmocka_unit_test(test_strava_csv_refusals),
		cmocka_unit_test(test_strava_csv_bom),
		cmocka_unit_test(test_strava_csv_name),
		cmocka_unit_test_setup_teardown(test_folder_and_duplicates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_named_failures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_archives, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nesting_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strava_export, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sink_failure_stops, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
