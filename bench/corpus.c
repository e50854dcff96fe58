/*
 * bench/corpus: distinct, valid FIT activities made from real ones.
 *
 * Usage: corpus -n N -o OUTDIR PATH...
 *
 * Reads the FIT files under PATH (files or folders), keeps those that
 * decode whole to at least one activity, and writes N files to OUTDIR
 * (created), going round the sources: copy k of a source has every
 * date_time moved k days later and its CRCs rewritten, so each output is
 * a different, valid activity on another day, never a byte-identical
 * duplicate. Whole days are a multiple of 32 seconds, so the 5-bit
 * offsets of compressed timestamp headers stay right.
 *
 * Used by bench/import for the end-to-end figures and by tests/cli for
 * the interrupted-import scenario. Prints the number of sources kept.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "core/recording.h"
#include "formats/fit.h"
#include "formats/format.h"

/* The date_time fields other than the timestamp (253) that any message
 * has: file_id.time_created, session/lap start_time, activity
 * local_timestamp, and the timestamps of events and device_info. */
static const struct {
	uint16_t global;
	uint8_t field;
} date_fields[] = {
	{ 0, 4 },  /* file_id.time_created */
	{ 18, 2 }, /* session.start_time */
	{ 19, 2 }, /* lap.start_time */
	{ 34, 5 }, /* activity.local_timestamp */
};

struct source {
	char *path;    /* on disk */
	uint8_t *data; /* its bytes */
	size_t len;
};

struct shift {
	uint8_t *buf;                /* the writable copy being shifted */
	uint32_t by;                 /* seconds to add */
	struct fit_segment segs[16]; /* its segments, for the CRCs */
	size_t n_segs;
};

static void put_u32(uint8_t *p, uint32_t v, bool big)
{
	for (int i = 0; i < 4; i++) {
		p[big ? 3 - i : i] = (uint8_t)(v >> (8 * i));
	}
}

static uint32_t get_u32(const uint8_t *p, bool big)
{
	uint32_t v = 0;

	for (int i = 0; i < 4; i++) {
		v |= (uint32_t)p[big ? 3 - i : i] << (8 * i);
	}
	return v;
}

static void shift_field(struct shift *sh, const struct fit_message *m, unsigned num)
{
	const struct fit_field *f = fit_message_field(m, num);
	uint8_t *p;
	uint32_t v;

	if (!f || f->size != 4 || f->base_type != FIT_UINT32) {
		return;
	}
	p = sh->buf + m->data_offset + f->pos;
	v = get_u32(p, m->big_endian);
	if (v != 0xFFFFFFFFu) {
		put_u32(p, v + sh->by, m->big_endian);
	}
}

static enum err_code on_segment(void *ctx, const struct fit_segment *seg)
{
	struct shift *sh = ctx;

	if (sh->n_segs < sizeof(sh->segs) / sizeof(sh->segs[0])) {
		sh->segs[sh->n_segs++] = *seg;
	}
	return ERR_OK;
}

static enum err_code on_message(void *ctx, const struct fit_message *m)
{
	struct shift *sh = ctx;

	shift_field(sh, m, FIT_FIELD_TIMESTAMP);
	for (size_t i = 0; i < sizeof(date_fields) / sizeof(date_fields[0]); i++) {
		if (m->global == date_fields[i].global) {
			shift_field(sh, m, date_fields[i].field);
		}
	}
	return ERR_OK;
}

static void put_crc(uint8_t *p, uint16_t crc)
{
	p[0] = (uint8_t)crc;
	p[1] = (uint8_t)(crc >> 8);
}

/* Shift a copy of src by days and fix its CRCs. Returns false on damage. */
static bool shifted_copy(const struct source *src, uint32_t days, uint8_t *out)
{
	struct shift sh = { out, days * 86400u, { { 0 } }, 0 };
	struct fit_walker w = { &sh, on_segment, on_message };
	struct err err = ERR_INIT;

	memcpy(out, src->data, src->len);
	if (fit_walk(out, src->len, &w, &err) != ERR_OK) {
		return false;
	}
	for (size_t i = 0; i < sh.n_segs; i++) {
		const struct fit_segment *s = &sh.segs[i];

		if (s->has_header_crc &&
		    (out[s->header_crc_offset] || out[s->header_crc_offset + 1])) {
			put_crc(out + s->header_crc_offset, fit_crc16(0, out + s->offset, 12));
		}
		put_crc(out + s->crc_offset,
		        fit_crc16(0, out + s->offset, s->crc_offset - s->offset));
	}
	return true;
}

/* Keep path as a source if it is a whole FIT activity file. */
static void consider(struct source **sources, size_t *n, size_t *alloc, const char *path)
{
	FILE *f = fopen(path, "rb");
	struct recording rec;
	struct err err = ERR_INIT;
	struct source s;
	long len;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET)) {
		if (f) {
			fclose(f);
		}
		return;
	}
	s.len = (size_t)len;
	s.data = xmalloc(s.len);
	if (fread(s.data, 1, s.len, f) != s.len) {
		fclose(f);
		free(s.data);
		return;
	}
	fclose(f);
	recording_init(&rec);
	rec.format = SOURCE_FIT;
	if (format_fit.decode(s.data, s.len, &rec, &err) == ERR_OK && !rec.repaired &&
	    rec.n_activities > 0 && rec.n_records > 0) {
		s.path = xstrdup(path);
		xgrow((void **)sources, alloc, *n + 1, sizeof(**sources));
		(*sources)[(*n)++] = s;
	} else {
		free(s.data);
	}
	recording_release(&rec);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void collect(struct source **sources, size_t *n, size_t *alloc, const char *path)
{
	struct stat st;
	struct dirent **entries;
	int count;

	if (stat(path, &st) != 0) {
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		size_t len = strlen(path);

		if (len > 4 && strcasecmp(path + len - 4, ".fit") == 0) {
			consider(sources, n, alloc, path);
		}
		return;
	}
	count = scandir(path, &entries, NULL, by_name);
	for (int i = 0; i < count; i++) {
		if (entries[i]->d_name[0] != '.') {
			struct strbuf child = STRBUF_INIT;

			strbuf_addf(&child, "%s/%s", path, entries[i]->d_name);
			collect(sources, n, alloc, child.buf);
			strbuf_release(&child);
		}
		free(entries[i]);
	}
	free(entries);
}

int main(int argc, char **argv)
{
	struct source *sources = NULL;
	size_t n_sources = 0, alloc = 0;
	long n = 0;
	const char *out = NULL;
	int first_path = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
			n = strtol(argv[++i], NULL, 10);
		} else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			out = argv[++i];
		} else {
			first_path = i;
			break;
		}
	}
	if (n <= 0 || !out || !first_path) {
		fprintf(stderr, "usage: corpus -n N -o OUTDIR PATH...\n");
		return 2;
	}
	for (int i = first_path; i < argc; i++) {
		collect(&sources, &n_sources, &alloc, argv[i]);
	}
	if (!n_sources) {
		fprintf(stderr, "corpus: no whole FIT activity files found\n");
		return 1;
	}
	if (mkdir(out, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "corpus: cannot create %s: %s\n", out, strerror(errno));
		return 1;
	}
	for (long i = 0; i < n; i++) {
		const struct source *s = &sources[(size_t)i % n_sources];
		uint32_t days = (uint32_t)(i / (long)n_sources) + 1;
		uint8_t *buf = xmalloc(s->len);
		struct strbuf path = STRBUF_INIT;
		const char *base = strrchr(s->path, '/');
		FILE *f;

		if (!shifted_copy(s, days, buf)) {
			fprintf(stderr, "corpus: %s changed under us\n", s->path);
			return 1;
		}
		strbuf_addf(&path, "%s/%06ld_%s", out, i, base ? base + 1 : s->path);
		f = fopen(path.buf, "wb");
		if (!f || fwrite(buf, 1, s->len, f) != s->len || fclose(f) != 0) {
			fprintf(stderr, "corpus: cannot write %s\n", path.buf);
			return 1;
		}
		strbuf_release(&path);
		free(buf);
	}
	printf("%zu sources, %ld files\n", n_sources, n);
	for (size_t i = 0; i < n_sources; i++) {
		free(sources[i].path);
		free(sources[i].data);
	}
	free(sources);
	return 0;
}
