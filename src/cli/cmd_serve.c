/*
 * cmd_serve.c: knead serve [--listen ADDR:PORT], the web app.
 *
 *   knead serve                          http://127.0.0.1:8080/
 *   knead serve --listen 127.0.0.1:9000
 *
 * Creates the database if there is none (so the pages have one to read
 * and migrations never race between requests), gives old activities
 * their loads, then serves (web/server.h) until SIGINT or SIGTERM and
 * stops cleanly: the requests in progress finish, the socket closes.
 * Only this machine may connect unless a password is set (`knead
 * passwd`): another address is refused without one. With one, every
 * browser logs in (web/auth.h).
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/out.h"
#include "store/store_auth.h"
#include "web/app.h"
#include "web/server.h"

#define SERVE_DEFAULT_LISTEN "127.0.0.1:8080"

/* Print the rules file's refused override lines as warnings, as
 * cli_rules does for the other commands. */
static void warn_rules(const struct cli *cli, const struct web_app *app)
{
	const char *line = app->rules.warnings.buf, *end;

	for (; line && *line; line = end + 1) {
		end = strchr(line, '\n');
		if (!end) {
			out_warning(cli->name.buf, "%s", line);
			break;
		}
		out_warning(cli->name.buf, "%.*s", (int)(end - line), line);
	}
}

/* "localhost:PORT" as "127.0.0.1:PORT": the one name taken, since it
 * means this machine everywhere (web_listen_parse looks no names up). */
static void resolve_localhost(const char *listen, struct strbuf *out)
{
	static const char name[] = "localhost:";

	if (!strncmp(listen, name, sizeof(name) - 1)) {
		strbuf_addf(out, "127.0.0.1:%s", listen + sizeof(name) - 1);
	} else {
		strbuf_adds(out, listen);
	}
}

/* Whether the database has a password (no database: no password). */
static enum err_code has_password(struct cli *cli, bool *out, struct err *err)
{
	struct store_auth a;

	*out = false;
	if (cli_store(cli, STORE_READ, err)) {
		if (err->code != ERR_NOT_FOUND) {
			return err->code;
		}
		err_clear(err);
		return ERR_OK;
	}
	if (!store_auth_get(cli->store, &a, err)) {
		*out = store_auth_has_password(&a);
	}
	/* opened again for writing below */
	store_close(cli->store);
	cli->store = NULL;
	return err->code;
}

int cmd_serve(struct cli *cli, const struct cli_args *args)
{
	const char *listen = cli_opt(args, "listen");
	struct web_listen l;
	struct web_app app;
	struct web_server *srv = NULL;
	struct strbuf url = STRBUF_INIT, where = STRBUF_INIT;
	struct err err = ERR_INIT;
	bool password = false;
	sigset_t stop;
	int sig = 0;

	resolve_localhost(listen ? listen : SERVE_DEFAULT_LISTEN, &where);
	if (web_listen_parse(where.buf, &l, &err)) {
		strbuf_release(&where);
		return cli_fail(cli, &err);
	}
	strbuf_release(&where);
	if (!l.loopback) {
		if (has_password(cli, &password, &err)) {
			return cli_fail(cli, &err);
		}
		if (!password) {
			err_set(&err, ERR_INPUT,
			        "listening on %s needs a password: run 'knead passwd' first, or "
			        "listen on this machine only (127.0.0.1, the default)",
			        l.host);
			return cli_fail(cli, &err);
		}
	}
	if (cli_store(cli, STORE_WRITE, &err) || cli_profile(cli, &err) ||
	    cli_refresh_loads(cli, &err)) {
		return cli_fail(cli, &err);
	}
	/* each request opens its own connection (web/app.h) */
	store_close(cli->store);
	cli->store = NULL;
	if (web_app_init(&app, cli->db_path.buf, &err)) {
		return cli_fail(cli, &err);
	}
	warn_rules(cli, &app);
	web_listen_url(&l, &url);
	app.network = !l.loopback;
	app.base_url = strbuf_detach(&url, NULL);

	/* Block the stop signals before MHD starts its threads, which inherit
	 * the mask, so that sigwait below is the one to take them. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	if (web_server_start(&app, &l, &srv, &err)) {
		web_app_release(&app);
		return cli_fail(cli, &err);
	}
	printf("knead: serving %s on %s (Ctrl-C stops it)\n", cli->db_path.buf, app.base_url);
	fflush(stdout);
	sigwait(&stop, &sig);
	fprintf(stderr, "%s: stopping (%s)\n", cli->name.buf, sig == SIGINT ? "SIGINT" : "SIGTERM");
	web_server_stop(srv);
	web_app_release(&app);
	return EXIT_OK;
}
