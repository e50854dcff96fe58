/*
 * datafile.c: built-in data files and the runner's overrides (see
 * datafile.h).
 */
#include "base/datafile.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/bug.h"
#include "base/embed.h"
#include "base/xdg.h"

/* Generated from data/ by tools/embed.c (see meson.build). */
extern const struct embed_file data_files[];
extern const size_t data_files_count;

/* Larger than any sensible catalogue: a runaway file is refused, not read. */
#define DATAFILE_MAX (4u << 20)

static const struct embed_file *builtin(const char *name)
{
	for (size_t i = 0; i < data_files_count; i++) {
		if (strcmp(data_files[i].name, name) == 0) {
			return &data_files[i];
		}
	}
	return NULL;
}

static enum err_code read_file(FILE *f, const char *path, struct strbuf *text, struct err *err)
{
	char buf[8192];
	size_t n, start = text->len;

	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (text->len - start + n > DATAFILE_MAX) {
			return err_set(err, ERR_FORMAT, "%s: larger than %u MiB", path,
			               DATAFILE_MAX >> 20);
		}
		strbuf_add(text, buf, n);
	}
	if (ferror(f)) {
		return err_set(err, ERR_IO, "%s: cannot read: %s", path, strerror(errno));
	}
	return ERR_OK;
}

enum err_code datafile_read_override(const char *name, struct strbuf *text, struct strbuf *origin,
                                     bool *found, struct err *err)
{
	struct strbuf path = STRBUF_INIT;
	enum err_code rc = ERR_OK;
	FILE *f;

	if (!builtin(name)) {
		BUG("no built-in data file '%s'", name);
	}
	*found = false;
	/* Without a usable home folder there is no override. */
	if (xdg_config_dir(&path, NULL) != ERR_OK) {
		strbuf_release(&path);
		return ERR_OK;
	}
	strbuf_addf(&path, "/%s", name);
	f = fopen(path.buf, "r");
	if (f) {
		rc = read_file(f, path.buf, text, err);
		fclose(f);
		strbuf_adds(origin, path.buf);
		*found = true;
	} else if (errno != ENOENT) {
		rc = err_set(err, ERR_IO, "%s: cannot open: %s", path.buf, strerror(errno));
	}
	strbuf_release(&path);
	return rc;
}

enum err_code datafile_read(const char *name, struct strbuf *text, struct strbuf *origin,
                            struct err *err)
{
	const struct embed_file *b = builtin(name);
	bool found;
	enum err_code rc;

	if (!b) {
		BUG("no built-in data file '%s'", name);
	}
	rc = datafile_read_override(name, text, origin, &found, err);
	if (rc || found) {
		return rc;
	}
	strbuf_add(text, b->data, b->len);
	strbuf_addf(origin, "built-in %s", name);
	return ERR_OK;
}

const char *datafile_builtin(const char *name, size_t *len)
{
	const struct embed_file *b = builtin(name);

	if (!b) {
		BUG("no built-in data file '%s'", name);
	}
	if (len) {
		*len = b->len;
	}
	return (const char *)b->data;
}

size_t datafile_list(const char *prefix, const char **names, size_t max)
{
	size_t n = 0, len = strlen(prefix);

	for (size_t i = 0; i < data_files_count; i++) {
		if (strncmp(data_files[i].name, prefix, len) == 0) {
			if (n < max) {
				names[n] = data_files[i].name;
			}
			n++;
		}
	}
	return n;
}
