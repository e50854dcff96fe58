/* Being written for issue 6. */
#include "cli/cli.h"

int cmd_today(struct cli *cli, const struct cli_args *args)
{
	(void)cli;
	(void)args;
	return EXIT_FAIL;
}

int cmd_week(struct cli *cli, const struct cli_args *args)
{
	(void)cli;
	(void)args;
	return EXIT_FAIL;
}
