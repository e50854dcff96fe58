/*
 * xdg.c: XDG base directories (see xdg.h).
 */
#include "base/xdg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static enum err_code base_dir(struct strbuf *out, const char *var, const char *fallback,
                              struct err *err)
{
	const char *v = getenv(var);
	const char *home;

	if (v && v[0] == '/') {
		strbuf_adds(out, v);
	} else {
		home = getenv("HOME");
		if (!home || home[0] != '/') {
			return err_set(err, ERR_IO,
			               "cannot find a home folder: set $%s or $HOME, or use --db",
			               var);
		}
		strbuf_addf(out, "%s/%s", home, fallback);
	}
	strbuf_adds(out, "/knead");
	return ERR_OK;
}

enum err_code xdg_data_dir(struct strbuf *out, struct err *err)
{
	return base_dir(out, "XDG_DATA_HOME", ".local/share", err);
}

enum err_code xdg_config_dir(struct strbuf *out, struct err *err)
{
	return base_dir(out, "XDG_CONFIG_HOME", ".config", err);
}

enum err_code xdg_mkdirs(const char *path, struct err *err)
{
	struct strbuf sb = STRBUF_INIT;
	enum err_code rc = ERR_OK;
	struct stat st;

	strbuf_adds(&sb, path);
	for (size_t i = 1; i <= sb.len; i++) {
		if (sb.buf[i] != '/' && sb.buf[i] != '\0') {
			continue;
		}
		sb.buf[i] = '\0';
		if (mkdir(sb.buf, 0700) != 0 && errno != EEXIST) {
			rc = err_set(err, ERR_IO, "cannot create folder '%s': %s", sb.buf,
			             strerror(errno));
			break;
		}
		if (stat(sb.buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
			rc = err_set(err, ERR_IO, "cannot create folder '%s': %s", sb.buf,
			             "a file of that name is in the way");
			break;
		}
		if (i < sb.len) {
			sb.buf[i] = '/';
		}
	}
	strbuf_release(&sb);
	return rc;
}
