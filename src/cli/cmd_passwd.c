/*
 * cmd_passwd.c: knead passwd [--remove], the web app's password.
 *
 *   knead passwd              asks twice, without echo, on a terminal
 *   echo "$PW" | knead passwd one line from standard input otherwise
 *   knead passwd --remove
 *
 * The password is kept only as an argon2id hash (store/store_auth.h);
 * setting or removing it draws a new server secret, which logs every
 * browser out. With a password, `knead serve --listen` may listen beyond
 * this machine.
 */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "store/store_auth.h"

/* Wipe the password's bytes before freeing them. */
static void wipe(struct strbuf *sb)
{
	if (sb->len) {
		sodium_memzero(sb->buf, sb->len);
	}
	strbuf_release(sb);
}

/* Read one line of at most STORE_AUTH_PASSWORD_MAX bytes from f into sb,
 * without its line end. ERR_INPUT at end of input with nothing read. */
static enum err_code read_line(FILE *f, struct strbuf *sb, struct err *err)
{
	int c;

	strbuf_reset(sb);
	while ((c = fgetc(f)) != EOF && c != '\n') {
		if (sb->len > STORE_AUTH_PASSWORD_MAX) {
			continue; /* store_auth_password_check says it is too long */
		}
		strbuf_addch(sb, c);
	}
	if (c == EOF && ferror(f)) {
		return err_set(err, ERR_IO, "cannot read the password: %s", strerror(errno));
	}
	if (c == EOF && !sb->len) {
		return err_set(err, ERR_INPUT, "no password given (standard input is empty)");
	}
	if (sb->len && sb->buf[sb->len - 1] == '\r') {
		strbuf_setlen(sb, sb->len - 1);
	}
	return ERR_OK;
}

/* Ask with prompt on the terminal and read a line without echoing it. */
static enum err_code ask(const char *prompt, struct strbuf *sb, struct err *err)
{
	struct termios old, quiet;
	enum err_code rc;
	bool echo_off;

	fputs(prompt, stderr);
	fflush(stderr);
	echo_off = tcgetattr(STDIN_FILENO, &old) == 0;
	if (echo_off) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		echo_off = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
	}
	rc = read_line(stdin, sb, err);
	if (echo_off) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	}
	return rc;
}

/* The new password into pw: twice on a terminal, else one line. */
static enum err_code read_password(struct strbuf *pw, struct err *err)
{
	struct strbuf again = STRBUF_INIT;
	enum err_code rc;

	if (!isatty(STDIN_FILENO)) {
		return read_line(stdin, pw, err);
	}
	rc = ask("New password: ", pw, err);
	if (!rc) {
		rc = store_auth_password_check(pw->buf, err);
	}
	if (!rc) {
		rc = ask("The same again: ", &again, err);
	}
	if (!rc && strcmp(pw->buf, again.buf) != 0) {
		rc = err_set(err, ERR_INPUT, "the two passwords differ: nothing changed");
	}
	wipe(&again);
	return rc;
}

static enum err_code put_password(struct store *s, void *ctx, struct err *err)
{
	return store_auth_set_password(s, ctx, err);
}

int cmd_passwd(struct cli *cli, const struct cli_args *args)
{
	bool remove = cli_opt(args, "remove") != NULL;
	struct strbuf pw = STRBUF_INIT;
	struct store_auth before;
	struct err err = ERR_INIT;
	bool had = false;

	if (!remove && (read_password(&pw, &err) || store_auth_password_check(pw.buf, &err))) {
		wipe(&pw);
		return cli_fail(cli, &err);
	}
	if (remove) {
		if (cli_store(cli, STORE_READ, &err)) {
			if (err.code != ERR_NOT_FOUND) {
				return cli_fail(cli, &err);
			}
			/* no database: no password to remove */
			printf("no password is set\n");
			return EXIT_OK;
		}
		if (store_auth_get(cli->store, &before, &err)) {
			return cli_fail(cli, &err);
		}
		had = store_auth_has_password(&before);
	}
	if (cli_transaction(cli, put_password, remove ? NULL : pw.buf, &err)) {
		wipe(&pw);
		return cli_fail(cli, &err);
	}
	wipe(&pw);
	if (remove) {
		printf("%s\n",
		       had ? "password removed: knead serve is for this machine only again, "
		             "and every browser is logged out"
		           : "no password is set");
	} else {
		printf("password set for %s: every browser logged in before must log in again\n",
		       cli->db_path.buf);
	}
	return EXIT_OK;
}
