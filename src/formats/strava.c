/*
 * strava.c: Strava's activities.csv (see strava.h).
 */
#include "formats/strava.h"

#include <csv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/xalloc.h"

/* The columns we read; -1 until the header names them. */
enum {
	COL_FILE,
	COL_NAME,
	COL_DESCRIPTION,
	COL_GEAR,
	COL_TYPE,
	N_COLS
};

/* The state of one read: libcsv calls back per field and per row end. */
struct reader {
	struct strava_export *x; /* the table being filled */
	int cols[N_COLS];        /* column index of each field we read */
	char *row[N_COLS];       /* this row's values (owned until moved) */
	size_t field;            /* index of the next field in the row */
	size_t n_rows;           /* rows completed, the header included */
	bool header_done;        /* the header row was read */
};

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The base name without a trailing ".gz": the CSV names "4242.fit.gz",
 * the importer sees 4242.fit once it is unpacked, or either unpacked by
 * hand. Owned by the caller. */
static char *key_of(const char *path)
{
	char *key = xstrdup(base_name(path));
	size_t n = strlen(key);

	if (n > 3 && strcasecmp(key + n - 3, ".gz") == 0) {
		key[n - 3] = '\0';
	}
	return key;
}

void strava_export_init(struct strava_export *x)
{
	memset(x, 0, sizeof(*x));
}

void strava_export_release(struct strava_export *x)
{
	for (size_t i = 0; i < x->n_entries; i++) {
		free(x->entries[i].file);
		free(x->entries[i].name);
		free(x->entries[i].description);
		free(x->entries[i].gear);
		free(x->entries[i].type);
	}
	free(x->entries);
	strava_export_init(x);
}

int strava_is_activities_csv(const char *path)
{
	const char *slash = strchr(path, '/');

	if (strcmp(base_name(path), "activities.csv") != 0) {
		return 0;
	}
	/* at the root, or one folder down (an export unpacked in a folder) */
	return !slash || strchr(slash + 1, '/') == NULL;
}

static int header_column(const char *name)
{
	static const struct {
		const char *name;
		int col;
	} names[] = {
		{ "Filename", COL_FILE },
		{ "Activity Name", COL_NAME },
		{ "Activity Description", COL_DESCRIPTION },
		{ "Activity Gear", COL_GEAR },
		{ "Gear", COL_GEAR },
		{ "Activity Type", COL_TYPE },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcasecmp(name, names[i].name) == 0) {
			return names[i].col;
		}
	}
	return -1;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct reader *r = ctx;
	size_t index = r->field++;

	if (!r->header_done) {
		char *name = xstrndup(data ? data : "", len);
		int col = header_column(name);

		/* Strava repeats some headings; the first occurrence counts */
		if (col >= 0 && r->cols[col] < 0) {
			r->cols[col] = (int)index;
		}
		free(name);
		return;
	}
	for (int c = 0; c < N_COLS; c++) {
		if (r->cols[c] == (int)index && len > 0 && !r->row[c]) {
			r->row[c] = xstrndup(data, len);
		}
	}
}

static void on_row(int terminator, void *ctx)
{
	struct reader *r = ctx;

	(void)terminator;
	r->n_rows++;
	r->field = 0;
	if (!r->header_done) {
		r->header_done = true;
		return;
	}
	if (r->row[COL_FILE]) {
		struct strava_entry *e;
		char *file = key_of(r->row[COL_FILE]);

		free(r->row[COL_FILE]);
		r->row[COL_FILE] = NULL;
		if (!file[0]) {
			/* "activities/": a name no file can have */
			free(file);
			for (int c = 0; c < N_COLS; c++) {
				free(r->row[c]);
			}
			memset(r->row, 0, sizeof(r->row));
			return;
		}
		xgrow((void **)&r->x->entries, &r->x->alloc, r->x->n_entries + 1,
		      sizeof(*r->x->entries));
		e = &r->x->entries[r->x->n_entries++];
		e->file = file;
		e->name = r->row[COL_NAME];
		e->description = r->row[COL_DESCRIPTION];
		e->gear = r->row[COL_GEAR];
		e->type = r->row[COL_TYPE];
	} else {
		for (int c = 0; c < N_COLS; c++) {
			free(r->row[c]);
		}
	}
	memset(r->row, 0, sizeof(r->row));
}

static int by_file(const void *a, const void *b)
{
	return strcmp(((const struct strava_entry *)a)->file,
	              ((const struct strava_entry *)b)->file);
}

enum err_code strava_export_read(const char *data, size_t len, struct strava_export *x,
                                 struct err *err)
{
	struct csv_parser parser;
	struct reader r;
	enum err_code rc = ERR_OK;

	strava_export_release(x);
	/* spreadsheet programs start UTF-8 files with a byte order mark */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	memset(&r, 0, sizeof(r));
	r.x = x;
	for (int c = 0; c < N_COLS; c++) {
		r.cols[c] = -1;
	}
	if (csv_init(&parser, CSV_APPEND_NULL) != 0) {
		return err_set(err, ERR_IO, "out of memory reading activities.csv");
	}
	if (csv_parse(&parser, data, len, on_field, on_row, &r) != len ||
	    csv_fini(&parser, on_field, on_row, &r) != 0) {
		rc = err_set(err, ERR_FORMAT, "activities.csv, row %zu: %s", r.n_rows + 1,
		             csv_strerror(csv_error(&parser)));
	} else if (r.cols[COL_FILE] < 0) {
		rc = err_set(err, ERR_FORMAT, "activities.csv has no 'Filename' column");
	}
	for (int c = 0; c < N_COLS; c++) {
		free(r.row[c]);
	}
	csv_free(&parser);
	if (rc) {
		strava_export_release(x);
		return rc;
	}
	if (x->n_entries) {
		qsort(x->entries, x->n_entries, sizeof(*x->entries), by_file);
	}
	return ERR_OK;
}

static int file_is(const void *key, const void *elem)
{
	return strcmp(key, ((const struct strava_entry *)elem)->file);
}

const struct strava_entry *strava_export_find(const struct strava_export *x, const char *path)
{
	char *key;
	const struct strava_entry *e;

	if (!x || !x->n_entries) {
		return NULL;
	}
	key = key_of(path);
	e = bsearch(key, x->entries, x->n_entries, sizeof(*x->entries), file_is);
	free(key);
	return e;
}
