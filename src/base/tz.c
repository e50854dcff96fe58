/*
 * tz.c: local time through the C library's zone database (see tz.h).
 */
#include "base/tz.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/date.h"

/* The file's private state: the zone name in force, and $TZ as the
 * process found it, to return to when the system's zone is asked for. */
static struct {
	char name[128];   /* zone given to tz_use, or "" for the system's */
	char system[128]; /* the system zone's name, found on first use */
	bool saved;       /* env_tz and had_env_tz hold $TZ as found */
	bool had_env_tz;  /* $TZ was set */
	char env_tz[256]; /* its value */
} tz;

static bool name_syntax_ok(const char *zone)
{
	size_t len = strlen(zone);

	if (len == 0 || len >= sizeof(tz.name) || zone[0] == '/' || zone[0] == '.' ||
	    zone[len - 1] == '/' || strstr(zone, "..") || strstr(zone, "//")) {
		return false;
	}
	for (const char *p = zone; *p; p++) {
		if (!isalnum((unsigned char)*p) && !strchr("/_+-", *p)) {
			return false;
		}
	}
	return true;
}

int tz_exists(const char *zone)
{
	const char *dir = getenv("TZDIR");
	char path[512];
	char magic[4];
	FILE *f;
	size_t n;

	if (!name_syntax_ok(zone)) {
		return 0;
	}
	snprintf(path, sizeof(path), "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone);
	f = fopen(path, "rb");
	if (!f) {
		return 0;
	}
	n = fread(magic, 1, sizeof(magic), f);
	fclose(f);
	return n == sizeof(magic) && memcmp(magic, "TZif", 4) == 0;
}

/* Remember $TZ as the process found it, once, before changing it. */
static void save_env_tz(void)
{
	const char *env = getenv("TZ");

	if (tz.saved) {
		return;
	}
	tz.saved = true;
	tz.had_env_tz = env != NULL;
	snprintf(tz.env_tz, sizeof(tz.env_tz), "%s", env ? env : "");
}

enum err_code tz_use(const char *zone, struct err *err)
{
	if (!zone || !*zone) {
		if (tz.name[0]) {
			if (tz.had_env_tz) {
				setenv("TZ", tz.env_tz, 1);
			} else {
				unsetenv("TZ");
			}
		}
		tz.name[0] = '\0';
		tzset();
		return ERR_OK;
	}
	if (!tz_exists(zone)) {
		return err_set(err, ERR_INPUT,
		               "unknown time zone '%s' (use an IANA name such as 'Europe/Berlin')",
		               zone);
	}
	save_env_tz();
	snprintf(tz.name, sizeof(tz.name), "%s", zone);
	setenv("TZ", zone, 1);
	tzset();
	return ERR_OK;
}

static const char *system_zone(void)
{
	const char *env = tz.saved ? (tz.had_env_tz ? tz.env_tz : NULL) : getenv("TZ");
	char link[256];
	ssize_t n;
	const char *p;

	if (env && *env) {
		return env[0] == ':' ? env + 1 : env;
	}
	if (tz.system[0]) {
		return tz.system;
	}
	n = readlink("/etc/localtime", link, sizeof(link) - 1);
	if (n > 0) {
		link[n] = '\0';
		p = strstr(link, "zoneinfo/");
		if (p) {
			snprintf(tz.system, sizeof(tz.system), "%s", p + strlen("zoneinfo/"));
			return tz.system;
		}
	}
	snprintf(tz.system, sizeof(tz.system), "%s", "UTC");
	return tz.system;
}

const char *tz_name(void)
{
	return tz.name[0] ? tz.name : system_zone();
}

struct tz_local tz_local(int64_t utc)
{
	time_t t = (time_t)utc;
	struct tm tm;
	struct tz_local out;

	if (!localtime_r(&t, &tm)) {
		/* Only instants beyond year 2^31 fail; treat them as UTC. */
		out.offset = 0;
	} else {
		out.offset = (int32_t)tm.tm_gmtoff;
	}
	{
		int64_t local = utc + out.offset;
		int64_t day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);

		out.day = (int32_t)day;
		out.sec = (int32_t)(local - day * 86400);
	}
	return out;
}

static int32_t offset_at(int64_t utc)
{
	return tz_local(utc).offset;
}

int64_t tz_utc(int32_t day, int32_t sec, int32_t *offset)
{
	/* The wall time read as if it were UTC; the true instant is this minus
	 * the offset in force then. Zones change offset at most a few times a
	 * year, so the offsets a day either side bracket every candidate. */
	int64_t wall = (int64_t)day * 86400 + sec;
	int32_t before = offset_at(wall - 86400);
	int32_t after = offset_at(wall + 86400);
	int64_t t_before = wall - before;
	int64_t t_after = wall - after;
	bool ok_before = offset_at(t_before) == before;
	bool ok_after = offset_at(t_after) == after;
	int64_t t;

	if (ok_before && ok_after) {
		t = t_before < t_after ? t_before : t_after;
	} else if (ok_before) {
		t = t_before;
	} else if (ok_after) {
		t = t_after;
	} else {
		/* In the gap of a forward jump: keep the old offset, which lands
		 * the instant as far past the jump as the wall time was. */
		t = t_before;
	}
	if (offset) {
		*offset = offset_at(t);
	}
	return t;
}

void tz_add_rfc3339(struct strbuf *sb, int64_t utc, int32_t offset)
{
	int64_t local = utc + offset;
	int64_t day = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
	int64_t sec = local - day * 86400;
	char date[DATE_ISO_LEN];
	int32_t off = offset < 0 ? -offset : offset;

	date_format((int32_t)day, date);
	strbuf_addf(sb, "%sT%02d:%02d:%02d%c%02d:%02d", date, (int)(sec / 3600),
	            (int)(sec / 60 % 60), (int)(sec % 60), offset < 0 ? '-' : '+',
	            (int)(off / 3600), (int)(off / 60 % 60));
}
