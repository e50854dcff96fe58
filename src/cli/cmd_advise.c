/* Being written for issue 6. */
#include "cli/cli.h"

int cmd_advise_massage(struct cli *cli, const struct cli_args *args)
{
	(void)cli;
	(void)args;
	return EXIT_FAIL;
}
