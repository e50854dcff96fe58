/*
 * main.c: knead's command line: global options, dispatch, exit status.
 *
 *   knead [--db FILE] [--json] COMMAND [ARGS...]
 *
 * Global options may also follow the command. Exit status: 0 done,
 * 1 failed, 2 usage error.
 */
#include <stdio.h>
#include <string.h>

#include "base/strbuf.h"
#include "cli/cli.h"
#include "cli/out.h"
#include "store/store.h"

#ifndef KNEAD_VERSION
#define KNEAD_VERSION "unknown"
#endif

/* Consume leading global options (before a command name). Returns the
 * index of the first other argument, or -1 after a usage error. */
static int leading_globals(struct cli *cli, int argc, char **argv, int i, bool *version)
{
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--json") == 0) {
			cli->json = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			cli->help = true;
		} else if (strcmp(a, "--version") == 0) {
			*version = true;
		} else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
			cli->db_opt = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0) {
			cli->db_opt = a + 5;
		} else {
			out_error("knead", "unknown option '%s' (see 'knead --help')", a);
			return -1;
		}
	}
	return i;
}

static int run(struct cli *cli, int argc, char **argv)
{
	const struct cli_command *cmd;
	struct cli_args args;
	struct err err = ERR_INIT;
	bool version = false;
	int i, rc;

	strbuf_adds(&cli->name, "knead");
	i = leading_globals(cli, argc, argv, 1, &version);
	if (i < 0) {
		return EXIT_USAGE;
	}
	if (version) {
		printf("knead %s (schema %d)\n", KNEAD_VERSION, store_schema_latest());
		return EXIT_OK;
	}
	if (i >= argc) {
		struct strbuf out = STRBUF_INIT;

		if (cli->help) {
			return cli_print_help(cli, NULL);
		}
		cli_list_commands(&out);
		fputs(out.buf, stderr);
		strbuf_release(&out);
		return EXIT_USAGE;
	}
	cmd = cli_find_command(cli_commands, argv[i++], &err);
	while (cmd) {
		strbuf_addf(&cli->name, " %s", cmd->name);
		if (!cmd->subs) {
			break;
		}
		/* a group: "knead gear [--json] list ..." */
		i = leading_globals(cli, argc, argv, i, &version);
		if (i < 0) {
			return EXIT_USAGE;
		}
		if (i >= argc || cli->help) {
			if (cli->help) {
				return cli_print_help(cli, cmd);
			}
			err_set(&err, ERR_INPUT, "which one? (see '%s --help')", cli->name.buf);
			return cli_fail(cli, &err);
		}
		cmd = cli_find_command(cmd->subs, argv[i++], &err);
	}
	if (!cmd) {
		return cli_fail(cli, &err);
	}
	if (cli_parse(cli, cmd, argc - i, argv + i, &args, &err)) {
		rc = cli_fail(cli, &err);
		fprintf(stderr, "(see '%s --help')\n", cli->name.buf);
		return rc;
	}
	if (cli->help) {
		return cli_print_help(cli, cmd);
	}
	return cmd->run(cli, &args);
}

int main(int argc, char **argv)
{
	struct cli cli = { 0 };
	int rc;

	strbuf_init(&cli.name, 0);
	strbuf_init(&cli.db_path, 0);
	strbuf_init(&cli.rules.warnings, 0);
	athlete_init(&cli.profile, 0);
	out_setup();
	rc = run(&cli, argc, argv);
	store_close(cli.store);
	athlete_release(&cli.profile);
	region_catalog_release(&cli.regions);
	rulebook_release(&cli.rules);
	strbuf_release(&cli.name);
	strbuf_release(&cli.db_path);
	if (!out_finish() && rc == EXIT_OK) {
		rc = EXIT_FAIL;
	}
	return rc;
}
