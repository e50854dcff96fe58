/*
 * cmd_help.c: knead help [COMMAND [SUBCOMMAND]].
 */
#include "cli/cli.h"
#include "cli/out.h"

int cmd_help(struct cli *cli, const struct cli_args *args)
{
	const struct cli_command *table = cli_commands, *cmd = NULL;
	struct err err = ERR_INIT;

	strbuf_reset(&cli->name);
	strbuf_adds(&cli->name, "knead");
	for (size_t i = 0; i < args->n_pos; i++) {
		if (!table) {
			err_set(&err, ERR_INPUT, "'%s' has no subcommands", cli->name.buf);
			return cli_fail(cli, &err);
		}
		cmd = cli_find_command(table, args->pos[i], &err);
		if (!cmd) {
			return cli_fail(cli, &err);
		}
		strbuf_addf(&cli->name, " %s", cmd->name);
		table = cmd->subs;
	}
	return cli_print_help(cli, cmd);
}
