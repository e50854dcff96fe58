/*
 * import.c: walking paths, archives and exports into a recording sink
 * (see import.h).
 *
 * Archives are read with libarchive: zip and tar (plain or compressed)
 * stream from disk, so a multi-gigabyte export costs no more memory than
 * its largest member; a gzipped single file (Strava's "1234.fit.gz"), and
 * any archive inside an archive, is read from memory. What a file is, is
 * decided by its first bytes, not its name, except that a file with an
 * activity extension that turns out to be nothing is reported rather than
 * silently passed over.
 */
#include "formats/import.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "core/sport.h"
#include "formats/format.h"
#include "formats/strava.h"

/* libarchive reads disk archives in blocks of this size. */
#define ARCHIVE_BLOCK 65536

struct importer {
	const struct recording_sink *sink;  /* where files go */
	const struct import_observer *obs;  /* who hears of them */
	struct import_summary *sum;         /* counts so far */
	const struct strava_export *strava; /* the export being walked, or NULL */
	bool stop;                          /* the sink failed: stop walking */
	struct err stop_err;                /* why */
};

/* ---- reporting ---- */

static void report(struct importer *im, const char *path, enum import_outcome outcome,
                   const char *message, const struct recording *rec)
{
	struct import_result r;

	switch (outcome) {
	case IMPORT_IMPORTED:
		im->sum->imported++;
		im->sum->activities += rec ? rec->n_activities : 0;
		im->sum->repaired += rec && rec->repaired;
		break;
	case IMPORT_DUPLICATE:
		im->sum->duplicates++;
		break;
	case IMPORT_SKIPPED:
		im->sum->skipped++;
		break;
	case IMPORT_FAILED:
		im->sum->failed++;
		break;
	}
	if (im->obs && im->obs->file_done) {
		r.path = path;
		r.outcome = outcome;
		r.repaired = rec && rec->repaired;
		r.message = message ? message : "";
		r.rec = rec;
		im->obs->file_done(im->obs->ctx, &r, im->sum);
	}
}

static void progress(struct importer *im)
{
	if (im->obs && im->obs->progress) {
		im->obs->progress(im->obs->ctx, im->sum);
	}
}

/* ---- one activity file ---- */

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static bool has_extension(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);

	return n > e && name[n - e - 1] == '.' && strcasecmp(name + n - e, ext) == 0;
}

static bool looks_like_activity_name(const char *name)
{
	return has_extension(name, "fit") || has_extension(name, "gpx") ||
	       has_extension(name, "tcx");
}

static void sha256_hex(const uint8_t *data, size_t len, char out[65])
{
	unsigned char digest[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(digest, data, len);
	sodium_bin2hex(out, 65, digest, sizeof(digest));
}

/* What a Strava export's activities.csv says of the file named name. */
static void apply_strava(const struct importer *im, const char *name, struct recording *rec)
{
	const struct strava_entry *e = strava_export_find(im->strava, name);
	enum sport sport;

	if (!e) {
		return;
	}
	if (e->gear && !rec->gear) {
		rec->gear = xstrdup(e->gear);
	}
	for (size_t i = 0; i < rec->n_activities; i++) {
		struct activity *a = &rec->activities[i].activity;

		if (e->name) {
			activity_set_str(&a->name, e->name);
		}
		if (e->description) {
			activity_set_str(&a->note, e->description);
		}
		/* the file's own sport is better, when it has one */
		if (a->sport == SPORT_OTHER && e->type &&
		    sport_parse(e->type, &sport, NULL) == ERR_OK) {
			a->sport = sport;
		}
	}
}

/* Why an activity cannot go into the log at all, or NULL if it can: a
 * track with no times has no day, and a lone point has no figures. */
static const char *unplaceable(const struct activity *a)
{
	if (a->date == DATE_NONE) {
		return "no times in it, so no day to put it on";
	}
	if (isnan(a->distance_m) && isnan(a->duration_s) && isnan(a->moving_s)) {
		return "no distance and no duration in it (a single point?)";
	}
	return NULL;
}

/* Leave out the activities that cannot go into the log, saying so; the
 * reason for the last one left out goes to *why. */
static void drop_unplaceable(struct recording *rec, const char **why)
{
	size_t kept = 0;

	for (size_t i = 0; i < rec->n_activities; i++) {
		const char *reason = unplaceable(&rec->activities[i].activity);

		if (reason) {
			*why = reason;
			if (rec->n_activities > 1) {
				recording_warn(rec, "activity %zu of %zu left out: %s", i + 1,
				               rec->n_activities, reason);
			}
			recorded_release(&rec->activities[i]);
		} else {
			rec->activities[kept++] = rec->activities[i];
		}
	}
	rec->n_activities = kept;
}

static enum err_code validate_all(const struct recording *rec, struct err *err)
{
	for (size_t i = 0; i < rec->n_activities; i++) {
		if (activity_validate(&rec->activities[i].activity, err)) {
			if (rec->n_activities > 1) {
				err_prefix(err, "activity %zu of %zu", i + 1, rec->n_activities);
			}
			return err->code;
		}
	}
	return ERR_OK;
}

static void import_one(struct importer *im, const char *path, const char *name,
                       const struct format *fmt, const uint8_t *data, size_t len)
{
	struct recording rec;
	struct err err = ERR_INIT;
	bool seen = false;

	recording_init(&rec);
	rec.format = fmt->source;
	rec.file_name = xstrdup(base_name(name));
	rec.size_bytes = len;
	sha256_hex(data, len, rec.sha256);
	if (im->sink->seen(im->sink->ctx, rec.sha256, &seen, &err)) {
		im->stop = true;
		im->stop_err = err;
		goto done;
	}
	if (seen) {
		report(im, path, IMPORT_DUPLICATE, "imported before", NULL);
		goto done;
	}
	if (fmt->decode(data, len, &rec, &err)) {
		report(im, path, IMPORT_FAILED, err.msg, NULL);
		goto done;
	}
	if (rec.n_activities == 0) {
		struct strbuf why = STRBUF_INIT;

		if (rec.file_type) {
			strbuf_addf(&why, "not an activity (a FIT %s file)", rec.file_type);
		} else {
			strbuf_adds(&why, "no activity in it");
		}
		if (rec.warnings.len) {
			strbuf_addf(&why, ": %s", rec.warnings.buf);
		}
		report(im, path, IMPORT_SKIPPED, why.buf, &rec);
		strbuf_release(&why);
		goto done;
	}
	recording_derive(&rec);
	{
		const char *why = NULL;

		drop_unplaceable(&rec, &why);
		if (rec.n_activities == 0) {
			report(im, path, IMPORT_SKIPPED, why, &rec);
			goto done;
		}
	}
	apply_strava(im, name, &rec);
	if (validate_all(&rec, &err)) {
		report(im, path, IMPORT_FAILED, err.msg, &rec);
		goto done;
	}
	if (im->sink->save(im->sink->ctx, &rec, &err)) {
		struct err again = ERR_INIT;

		/* a conflict is a duplicate only if the hash is now known (another
		 * import got there first); otherwise the data broke a rule */
		if (err.code == ERR_CONFLICT &&
		    im->sink->seen(im->sink->ctx, rec.sha256, &seen, &again) == ERR_OK && seen) {
			report(im, path, IMPORT_DUPLICATE, "imported before", NULL);
		} else if (err.code == ERR_CONFLICT || err.code == ERR_FORMAT ||
		           err.code == ERR_INPUT) {
			report(im, path, IMPORT_FAILED, err.msg, &rec);
		} else {
			im->stop = true;
			im->stop_err = err;
		}
		goto done;
	}
	report(im, path, IMPORT_IMPORTED, rec.warnings.buf, &rec);
done:
	recording_release(&rec);
}

/* ---- what a file is ---- */

enum kind {
	KIND_PLAIN,  /* anything else: maybe an activity file */
	KIND_GZIP,   /* a gzipped single file */
	KIND_ARCHIVE /* zip or tar */
};

static enum kind kind_of(const uint8_t *data, size_t len)
{
	if (len >= 4 && data[0] == 'P' && data[1] == 'K' &&
	    ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6))) {
		return KIND_ARCHIVE;
	}
	if (len >= 2 && data[0] == 0x1f && data[1] == 0x8b) {
		return KIND_GZIP;
	}
	if (len >= 262 && memcmp(data + 257, "ustar", 5) == 0) {
		return KIND_ARCHIVE;
	}
	return KIND_PLAIN;
}

static void walk_memory_archive(struct importer *im, const char *path, const uint8_t *data,
                                size_t len, int depth);
static void handle(struct importer *im, const char *path, const char *name, const uint8_t *data,
                   size_t len, int depth, bool named);

/* Read the current entry of a into buf, refusing members over the cap. */
static enum err_code read_entry(struct archive *a, struct archive_entry *e, struct strbuf *buf,
                                struct err *err)
{
	char block[ARCHIVE_BLOCK];
	la_ssize_t n;

	strbuf_reset(buf);
	if (archive_entry_size_is_set(e) && archive_entry_size(e) > (la_int64_t)IMPORT_MAX_FILE) {
		return err_set(err, ERR_FORMAT, "larger than %u MB, too large for an activity file",
		               IMPORT_MAX_FILE >> 20);
	}
	while ((n = archive_read_data(a, block, sizeof(block))) > 0) {
		if (!strbuf_tryadd(buf, block, (size_t)n)) {
			return err_set(err, ERR_FORMAT,
			               "larger than %u MB, too large for an activity file",
			               IMPORT_MAX_FILE >> 20);
		}
	}
	if (n < 0) {
		return err_set(err, ERR_FORMAT, "cannot read it from the archive: %s",
		               archive_error_string(a));
	}
	return ERR_OK;
}

/* Gunzip data into out (a single gzipped file, not a tar). */
static enum err_code gunzip(const uint8_t *data, size_t len, struct strbuf *out, struct err *err)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	enum err_code rc;

	archive_read_support_filter_gzip(a);
	archive_read_support_format_raw(a);
	if (archive_read_open_memory(a, data, len) != ARCHIVE_OK ||
	    archive_read_next_header(a, &e) != ARCHIVE_OK) {
		rc = err_set(err, ERR_FORMAT, "not a readable gzip file: %s",
		             archive_error_string(a));
	} else {
		rc = read_entry(a, e, out, err);
	}
	archive_read_free(a);
	return rc;
}

/* The bytes of one file (on disk or in an archive), whatever they are.
 * named: the runner named this very file, so say why it is not imported. */
static void handle(struct importer *im, const char *path, const char *name, const uint8_t *data,
                   size_t len, int depth, bool named)
{
	const struct format *fmt;

	if (im->stop) {
		return;
	}
	if (len == 0) {
		if (named || looks_like_activity_name(name)) {
			report(im, path, IMPORT_FAILED, "empty file", NULL);
		}
		return;
	}
	switch (kind_of(data, len)) {
	case KIND_GZIP: {
		struct strbuf inner = STRBUF_INIT;
		struct err err = ERR_INIT;
		char *inner_name = xstrdup(name);
		size_t n = strlen(inner_name);

		if (n > 3 && strcasecmp(inner_name + n - 3, ".gz") == 0) {
			inner_name[n - 3] = '\0';
		}
		inner.max = IMPORT_MAX_FILE;
		if (depth >= IMPORT_MAX_DEPTH) {
			report(im, path, IMPORT_FAILED, "compressed too many times over", NULL);
		} else if (gunzip(data, len, &inner, &err)) {
			report(im, path, IMPORT_FAILED, err.msg, NULL);
		} else {
			handle(im, path, inner_name, (const uint8_t *)inner.buf, inner.len,
			       depth + 1, named);
		}
		free(inner_name);
		strbuf_release(&inner);
		return;
	}
	case KIND_ARCHIVE:
		if (depth >= IMPORT_MAX_DEPTH) {
			report(im, path, IMPORT_FAILED, "archives nested too deep", NULL);
		} else {
			walk_memory_archive(im, path, data, len, depth + 1);
		}
		return;
	case KIND_PLAIN:
		break;
	}
	fmt = format_find(data, len, name);
	if (fmt) {
		import_one(im, path, name, fmt, data, len);
	} else if (named || looks_like_activity_name(name)) {
		report(im, path, IMPORT_FAILED,
		       len == 0 ? "empty file"
		                : "not a FIT, GPX or TCX file (nor an archive of them)",
		       NULL);
	}
	/* anything else in a folder or an export (photos, JSON, CSV) is not ours */
}

/* ---- archives ---- */

static struct archive *archive_reader(void)
{
	struct archive *a = archive_read_new();

	archive_read_support_filter_all(a);
	archive_read_support_format_zip(a);
	archive_read_support_format_tar(a);
	archive_read_support_format_gnutar(a);
	return a;
}

typedef int (*archive_opener)(struct archive *a, const void *src, size_t len);

static int open_file(struct archive *a, const void *path, size_t len)
{
	(void)len;
	return archive_read_open_filename(a, path, ARCHIVE_BLOCK);
}

static int open_memory(struct archive *a, const void *data, size_t len)
{
	return archive_read_open_memory(a, data, len);
}

/* First pass over an archive: the activities.csv of a Strava export. */
static bool read_strava(archive_opener open, const void *src, size_t len, struct strava_export *out,
                        struct err *err)
{
	struct archive *a = archive_reader();
	struct archive_entry *e;
	struct strbuf buf = STRBUF_INIT;
	bool found = false;

	buf.max = IMPORT_MAX_FILE;
	if (open(a, src, len) == ARCHIVE_OK) {
		while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
			const char *name = archive_entry_pathname(e);

			if (name && archive_entry_filetype(e) == AE_IFREG &&
			    strava_is_activities_csv(name)) {
				found = read_entry(a, e, &buf, err) == ERR_OK &&
				        strava_export_read(buf.buf, buf.len, out, err) == ERR_OK;
				break;
			}
		}
	}
	archive_read_free(a);
	strbuf_release(&buf);
	return found;
}

/* Walk the members of an archive, opened by open from src. For an archive
 * read from disk, progress is its bytes read so far on top of base; for
 * one in memory (progress < 0), its outer file's progress stands. */
static void walk_archive(struct importer *im, const char *path, archive_opener open,
                         const void *src, size_t len, int depth, int64_t base)
{
	struct strava_export strava;
	const struct strava_export *outer = im->strava;
	struct archive *a;
	struct archive_entry *e;
	struct strbuf buf = STRBUF_INIT, member = STRBUF_INIT;
	struct err err = ERR_INIT;
	int r;

	strava_export_init(&strava);
	if (read_strava(open, src, len, &strava, &err)) {
		im->strava = &strava;
	} else if (err.code) {
		report(im, path, IMPORT_FAILED, err.msg, NULL);
	}
	a = archive_reader();
	buf.max = IMPORT_MAX_FILE;
	if (open(a, src, len) != ARCHIVE_OK) {
		report(im, path, IMPORT_FAILED, archive_error_string(a), NULL);
		goto done;
	}
	while (!im->stop && (r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(e);

		if (!name || archive_entry_filetype(e) != AE_IFREG ||
		    strava_is_activities_csv(name)) {
			continue;
		}
		strbuf_reset(&member);
		strbuf_addf(&member, "%s:%s", path, name);
		err_clear(&err);
		if (read_entry(a, e, &buf, &err)) {
			if (looks_like_activity_name(name)) {
				report(im, member.buf, IMPORT_FAILED, err.msg, NULL);
			}
		} else {
			handle(im, member.buf, name, (const uint8_t *)buf.buf, buf.len, depth,
			       false);
		}
		if (base >= 0) {
			im->sum->bytes_done =
			        (uint64_t)base + (uint64_t)archive_filter_bytes(a, -1);
			progress(im);
		}
	}
	if (!im->stop && r != ARCHIVE_EOF && r != ARCHIVE_OK) {
		report(im, path, IMPORT_FAILED, archive_error_string(a), NULL);
	}
done:
	archive_read_free(a);
	strbuf_release(&buf);
	strbuf_release(&member);
	strava_export_release(&strava);
	im->strava = outer;
}

static void walk_memory_archive(struct importer *im, const char *path, const uint8_t *data,
                                size_t len, int depth)
{
	walk_archive(im, path, open_memory, data, len, depth, -1);
}

/* ---- files and folders on disk ---- */

static void walk_path(struct importer *im, const char *path, bool named);

static enum err_code read_file(const char *path, struct strbuf *buf, struct err *err)
{
	FILE *f = fopen(path, "rb");
	char block[ARCHIVE_BLOCK];
	size_t n;

	strbuf_reset(buf);
	if (!f) {
		return err_set(err, ERR_IO, "cannot read it: %s", strerror(errno));
	}
	while ((n = fread(block, 1, sizeof(block), f)) > 0) {
		if (!strbuf_tryadd(buf, block, n)) {
			fclose(f);
			return err_set(err, ERR_FORMAT,
			               "larger than %u MB, too large for an activity file",
			               IMPORT_MAX_FILE >> 20);
		}
	}
	if (ferror(f)) {
		fclose(f);
		return err_set(err, ERR_IO, "cannot read it: %s", strerror(errno));
	}
	fclose(f);
	return ERR_OK;
}

/* The first bytes of a file, to tell an archive from the rest. */
static size_t peek(const char *path, uint8_t *head, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f) {
		return 0;
	}
	n = fread(head, 1, size, f);
	fclose(f);
	return n;
}

static bool is_tar_gz_name(const char *name)
{
	return has_extension(name, "tgz") || has_extension(name, "tar.gz") ||
	       has_extension(name, "tar.bz2") || has_extension(name, "tar.xz") ||
	       has_extension(name, "tar.zst");
}

static void walk_file(struct importer *im, const char *path, off_t size, bool named)
{
	uint8_t head[512];
	size_t n = peek(path, head, sizeof(head));
	uint64_t base = im->sum->bytes_done;
	enum kind kind = kind_of(head, n);

	if (kind == KIND_ARCHIVE || (kind == KIND_GZIP && is_tar_gz_name(path))) {
		/* streamed from disk: an export may be gigabytes */
		walk_archive(im, path, open_file, path, 0, 1, (int64_t)base);
	} else {
		struct strbuf buf = STRBUF_INIT;
		struct err err = ERR_INIT;

		buf.max = IMPORT_MAX_FILE;
		if (read_file(path, &buf, &err)) {
			report(im, path, IMPORT_FAILED, err.msg, NULL);
		} else {
			handle(im, path, path, (const uint8_t *)buf.buf, buf.len, 0, named);
		}
		strbuf_release(&buf);
	}
	im->sum->bytes_done = base + (uint64_t)size;
	progress(im);
}

static int entry_order(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void walk_dir(struct importer *im, const char *dir)
{
	struct dirent **entries = NULL;
	const struct strava_export *outer = im->strava;
	struct strava_export strava;
	struct strbuf child = STRBUF_INIT;
	int n = scandir(dir, &entries, NULL, entry_order);

	strava_export_init(&strava);
	if (n < 0) {
		struct strbuf why = STRBUF_INIT;

		strbuf_addf(&why, "cannot read the folder: %s", strerror(errno));
		report(im, dir, IMPORT_FAILED, why.buf, NULL);
		strbuf_release(&why);
		return;
	}
	/* an unpacked Strava export: its activities.csv describes the files */
	strbuf_addf(&child, "%s/activities.csv", dir);
	{
		struct strbuf csv = STRBUF_INIT;
		struct err err = ERR_INIT;

		csv.max = IMPORT_MAX_FILE;
		if (access(child.buf, R_OK) == 0) {
			if (read_file(child.buf, &csv, &err) == ERR_OK &&
			    strava_export_read(csv.buf, csv.len, &strava, &err) == ERR_OK) {
				im->strava = &strava;
			} else {
				report(im, child.buf, IMPORT_FAILED, err.msg, NULL);
			}
		}
		strbuf_release(&csv);
	}
	for (int i = 0; i < n; i++) {
		const char *name = entries[i]->d_name;

		if (!im->stop && name[0] != '.' && strcmp(name, "activities.csv") != 0) {
			strbuf_reset(&child);
			strbuf_addf(&child, "%s/%s", dir, name);
			walk_path(im, child.buf, false);
		}
		free(entries[i]);
	}
	free(entries);
	strbuf_release(&child);
	strava_export_release(&strava);
	im->strava = outer;
}

static void walk_path(struct importer *im, const char *path, bool named)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		struct strbuf why = STRBUF_INIT;

		strbuf_addf(&why, "cannot open it: %s", strerror(errno));
		report(im, path, IMPORT_FAILED, why.buf, NULL);
		strbuf_release(&why);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		walk_dir(im, path);
	} else if (S_ISREG(st.st_mode)) {
		walk_file(im, path, st.st_size, named);
	} else if (named) {
		report(im, path, IMPORT_FAILED, "not a file or a folder", NULL);
	}
}

/* The bytes under path, for the progress bar. */
static uint64_t size_of(const char *path)
{
	struct stat st;
	uint64_t total = 0;
	DIR *d;
	struct dirent *e;

	if (stat(path, &st) != 0) {
		return 0;
	}
	if (S_ISREG(st.st_mode)) {
		return (uint64_t)st.st_size;
	}
	if (!S_ISDIR(st.st_mode) || !(d = opendir(path))) {
		return 0;
	}
	while ((e = readdir(d)) != NULL) {
		struct strbuf child = STRBUF_INIT;

		if (e->d_name[0] != '.') {
			strbuf_addf(&child, "%s/%s", path, e->d_name);
			total += size_of(child.buf);
		}
		strbuf_release(&child);
	}
	closedir(d);
	return total;
}

enum err_code import_paths(const char *const *paths, size_t n_paths,
                           const struct recording_sink *sink, const struct import_observer *obs,
                           struct import_summary *sum, struct err *err)
{
	struct importer im;

	memset(sum, 0, sizeof(*sum));
	if (sodium_init() < 0) {
		return err_set(err, ERR_IO, "cannot initialise libsodium");
	}
	memset(&im, 0, sizeof(im));
	im.sink = sink;
	im.obs = obs;
	im.sum = sum;
	for (size_t i = 0; i < n_paths; i++) {
		sum->bytes_total += size_of(paths[i]);
	}
	for (size_t i = 0; i < n_paths && !im.stop; i++) {
		walk_path(&im, paths[i], true);
	}
	if (im.stop) {
		*err = im.stop_err;
		return err->code ? err->code : ERR_IO;
	}
	return ERR_OK;
}
