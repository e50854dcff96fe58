/*
 * cli.c: the command line's shared state: the database path, the store,
 * the profile and the clock, and the plumbing the commands share: loads
 * refreshed before reading, the advisor's context, files written whole
 * (see cli.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "advice/advice.h"
#include "advice/context.h"
#include "advice/logbook.h"
#include "advice/training.h"
#include "base/datafile.h"
#include "base/instant.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/tz.h"
#include "base/xalloc.h"
#include "base/xdg.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "store/store_activity.h"
#include "store/store_athlete.h"
#include "store/store_race.h"

enum err_code cli_db_path(struct cli *cli, struct err *err)
{
	const char *env = getenv("KNEAD_DB");

	if (cli->db_path.len) {
		return ERR_OK;
	}
	if (cli->db_opt) {
		if (!*cli->db_opt) {
			return err_set(err, ERR_INPUT, "--db needs a file name");
		}
		strbuf_adds(&cli->db_path, cli->db_opt);
	} else if (env && *env) {
		strbuf_adds(&cli->db_path, env);
	} else {
		if (xdg_data_dir(&cli->db_path, err)) {
			return err->code;
		}
		strbuf_adds(&cli->db_path, "/knead.db");
		cli->db_default = true;
	}
	return ERR_OK;
}

enum err_code cli_store(struct cli *cli, enum store_mode mode, struct err *err)
{
	if (cli_db_path(cli, err)) {
		return err->code;
	}
	if (!cli->store) {
		if (mode == STORE_WRITE && cli->db_default) {
			char *dir = xstrdup(cli->db_path.buf);
			enum err_code rc;

			*strrchr(dir, '/') = '\0';
			rc = xdg_mkdirs(dir, err);
			free(dir);
			if (rc) {
				return rc;
			}
		}
		if (store_open(cli->db_path.buf, mode, &cli->store, err)) {
			if (err->code == ERR_NOT_FOUND) {
				err_set(err, ERR_NOT_FOUND,
				        "no database at '%s' yet ('knead init' or 'knead log' "
				        "creates it)",
				        cli->db_path.buf);
			}
			return err->code;
		}
	}
	if (mode == STORE_WRITE) {
		return store_athlete_ensure(cli->store, ATHLETE_DEFAULT, err);
	}
	return ERR_OK;
}

enum err_code cli_transaction(struct cli *cli,
                              enum err_code (*write)(struct store *s, void *ctx, struct err *err),
                              void *ctx, struct err *err)
{
	enum err_code rc = cli_store(cli, STORE_WRITE, err);

	if (!rc) {
		rc = store_begin(cli->store, err);
	}
	if (rc) {
		return rc;
	}
	rc = write(cli->store, ctx, err);
	if (rc) {
		store_rollback(cli->store);
		return rc;
	}
	return store_commit(cli->store, err);
}

enum err_code cli_profile(struct cli *cli, struct err *err)
{
	struct err zone_err = ERR_INIT;
	enum err_code rc;

	if (cli->have_profile) {
		return ERR_OK;
	}
	athlete_init(&cli->profile, ATHLETE_DEFAULT);
	rc = cli_store(cli, STORE_READ, err);
	if (rc == ERR_OK) {
		rc = store_athlete_get(cli->store, ATHLETE_DEFAULT, &cli->profile, err);
	}
	if (rc != ERR_OK && rc != ERR_NOT_FOUND) {
		return rc;
	}
	err_clear(err);
	if (tz_use(cli->profile.tz, &zone_err)) {
		/* A zone that vanished from the system's database must not lock
		 * the runner out: say so and carry on in the system's zone. */
		out_warning(cli->name.buf, "%s; using %s", zone_err.msg, tz_name());
		tz_use(NULL, NULL);
	}
	if (instant_now(&cli->now, err)) {
		return err->code;
	}
	cli->today = tz_local(cli->now).day;
	cli->have_profile = true;
	return ERR_OK;
}

int cli_fail(const struct cli *cli, const struct err *err)
{
	out_error(cli->name.buf, "%s", err->msg[0] ? err->msg : "failed");
	return err->code == ERR_INPUT ? EXIT_USAGE : EXIT_FAIL;
}

enum err_code cli_regions(struct cli *cli, struct err *err)
{
	struct strbuf text = STRBUF_INIT, origin = STRBUF_INIT;
	enum err_code rc = ERR_OK;

	if (cli->regions.n_regions) {
		return ERR_OK;
	}
	rc = datafile_read("regions.ini", &text, &origin, err);
	if (!rc) {
		rc = region_catalog_parse(&cli->regions, text.buf, origin.buf, err);
	}
	strbuf_release(&text);
	strbuf_release(&origin);
	return rc;
}

enum err_code cli_rules(struct cli *cli, struct err *err)
{
	const char *line, *end;

	if (cli->have_rules) {
		return ERR_OK;
	}
	if (rulebook_load(&cli->rules, err)) {
		return err->code;
	}
	cli->have_rules = true;
	for (line = cli->rules.warnings.buf; line && *line; line = end + 1) {
		end = strchr(line, '\n');
		if (!end) {
			out_warning(cli->name.buf, "%s", line);
			break;
		}
		out_warning(cli->name.buf, "%.*s", (int)(end - line), line);
	}
	return ERR_OK;
}

static enum err_code refresh_missing(struct store *s, void *profile, struct err *err)
{
	return training_refresh_loads(s, profile, TRAINING_MISSING, NULL, err);
}

enum err_code cli_refresh_loads(struct cli *cli, struct err *err)
{
	struct err write_err = ERR_INIT;
	size_t missing = 0;

	if (cli_store(cli, STORE_READ, err) ||
	    store_activity_count_missing_load(cli->store, ATHLETE_DEFAULT, &missing, err)) {
		return err->code;
	}
	if (missing && cli_transaction(cli, refresh_missing, &cli->profile, &write_err)) {
		out_warning(cli->name.buf, "%zu %s no load yet and count 0 (%s)", missing,
		            missing == 1 ? "activity has" : "activities have", write_err.msg);
	}
	return ERR_OK;
}

enum err_code cli_as_of(struct cli *cli, const struct cli_args *args, enum cli_as_of_days days,
                        int32_t *day, struct err *err)
{
	const char *date = cli_opt(args, "date");
	char iso[DATE_ISO_LEN];

	if (cli_profile(cli, err)) {
		return err->code;
	}
	*day = cli->today;
	if (date && parse_date(date, cli->today, day, err)) {
		return err_prefix(err, "--date");
	}
	if (days == CLI_AS_OF_TODAY && *day > cli->today) {
		date_format(*day, iso);
		return err_set(err, ERR_INPUT,
		               "--date %s is after today (see what is planned with 'knead plan "
		               "show --week %s')",
		               iso, iso);
	}
	return ERR_OK;
}

enum err_code cli_advice_context(struct cli *cli, int32_t day, struct advice_context *ctx,
                                 struct err *err)
{
	advice_context_init(ctx, &cli->profile, &cli->rules, &cli->regions, day);
	if (cli_profile(cli, err) || cli_regions(cli, err) || cli_rules(cli, err) ||
	    cli_refresh_loads(cli, err)) {
		return err->code;
	}
	if (advice_context_read(cli->store, &cli->profile, &cli->rules, &cli->regions, day, ctx,
	                        err)) {
		/* the read released what it had: leave ctx empty, not freed */
		advice_context_init(ctx, &cli->profile, &cli->rules, &cli->regions, day);
		return err->code;
	}
	return ERR_OK;
}

void cli_warn_rules(struct cli *cli,
                    void (*check)(const struct advice_context *ctx, const void *what,
                                  struct advice_list *out),
                    const void *what)
{
	struct advice_context ctx;
	struct advice_list out = ADVICE_LIST_INIT;
	struct err err = ERR_INIT;

	if (cli_advice_context(cli, cli->today, &ctx, &err)) {
		out_warning(cli->name.buf, "the advisor's rules were not checked: %s", err.msg);
	} else {
		check(&ctx, what, &out);
		for (size_t i = 0; i < out.n_items; i++) {
			out_warning(cli->name.buf, "%s [%s]", out.items[i].text,
			            out.items[i].rule->id);
		}
	}
	advice_list_release(&out);
	advice_context_release(&ctx);
}

enum err_code cli_write_file_atomically(const char *path, const void *data, size_t len,
                                        struct err *err)
{
	const char *slash = strrchr(path, '/');
	const char *bytes = data;
	struct strbuf tmp = STRBUF_INIT;
	size_t done = 0;
	int fd, saved = 0;

	if (slash) {
		strbuf_add(&tmp, path, (size_t)(slash - path) + 1);
	}
	strbuf_addf(&tmp, ".%s.tmp-%ld", slash ? slash + 1 : path, (long)getpid());
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0) {
		err_set(err, ERR_IO, "cannot write '%s': %s", path, strerror(errno));
		strbuf_release(&tmp);
		return ERR_IO;
	}
	while (done < len) {
		ssize_t n = write(fd, bytes + done, len - done);

		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			/* write(2) returning 0 for a non-empty buffer: nothing fits */
			saved = n < 0 ? errno : ENOSPC;
			break;
		}
		done += (size_t)n;
	}
	if (done == len && fsync(fd) != 0) {
		saved = errno;
	}
	if (close(fd) != 0 && !saved) {
		saved = errno;
	}
	if (!saved && rename(tmp.buf, path) != 0) {
		saved = errno;
	}
	if (saved) {
		err_set(err, ERR_IO, "cannot write '%s': %s", path, strerror(saved));
		unlink(tmp.buf);
		strbuf_release(&tmp);
		return ERR_IO;
	}
	strbuf_release(&tmp);
	return ERR_OK;
}

enum err_code cli_money(struct cli *cli, const char *option, const char *text, int64_t *cents,
                        char currency[4], struct err *err)
{
	if (parse_money(text, cents, currency, err)) {
		return err_prefix(err, "%s", option);
	}
	return cli_currency(cli, option, text, currency, err);
}

enum err_code cli_currency(struct cli *cli, const char *option, const char *text, char currency[4],
                           struct err *err)
{
	if (logbook_currency_check(&cli->profile, text, currency, err)) {
		char why[sizeof(err->msg)];

		memcpy(why, err->msg, sizeof(why));
		return err_set(err, ERR_INPUT, "%s: %s (change it with 'knead init --currency')",
		               option, why);
	}
	return ERR_OK;
}

enum err_code cli_range(struct cli *cli, const struct cli_args *args, int32_t *from, int32_t *to,
                        struct err *err)
{
	const char *f = cli_opt(args, "from"), *t = cli_opt(args, "to");

	*from = *to = DATE_NONE;
	if (f && parse_date(f, cli->today, from, err)) {
		return err_prefix(err, "--from");
	}
	if (t && parse_date(t, cli->today, to, err)) {
		return err_prefix(err, "--to");
	}
	if (*from != DATE_NONE && *to != DATE_NONE && *to < *from) {
		return err_set(err, ERR_INPUT, "--from '%s' is after --to '%s'", f, t);
	}
	return ERR_OK;
}

enum err_code cli_range_to_today(struct cli *cli, const struct cli_args *args, int32_t *from,
                                 int32_t *to, struct err *err)
{
	char buf[DATE_ISO_LEN];

	if (cli_range(cli, args, from, to, err)) {
		return err->code;
	}
	if (*to != DATE_NONE && *to > cli->today) {
		date_format(*to, buf);
		return err_set(err, ERR_INPUT, "--to: %s is after today", buf);
	}
	if (*to == DATE_NONE) {
		*to = cli->today;
	}
	if (*from != DATE_NONE && *from > *to) {
		date_format(*from, buf);
		return err_set(err, ERR_INPUT, "--from: %s is after today", buf);
	}
	return ERR_OK;
}

enum err_code cli_find_race(struct cli *cli, const char *key, struct race *r, struct err *err)
{
	enum err_code rc = cli_store(cli, STORE_READ, err);

	if (rc) {
		race_init(r);
		return rc;
	}
	return store_race_find(cli->store, ATHLETE_DEFAULT, key, r, err);
}
