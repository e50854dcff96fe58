/* Being written for issue 5. */
#include "cli/cli.h"

int cmd_plan_new(struct cli *cli, const struct cli_args *args)
{
	(void)cli;
	(void)args;
	return EXIT_FAIL;
}

int cmd_plan_show(struct cli *cli, const struct cli_args *args)
{
	(void)cli;
	(void)args;
	return EXIT_FAIL;
}
