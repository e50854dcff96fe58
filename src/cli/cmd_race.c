/* Being written for issue 5. */
#include "cli/cli.h"

int cmd_race_add(struct cli *cli, const struct cli_args *args)
{
	(void)cli;
	(void)args;
	return EXIT_FAIL;
}

int cmd_race_list(struct cli *cli, const struct cli_args *args)
{
	(void)cli;
	(void)args;
	return EXIT_FAIL;
}

int cmd_race_result(struct cli *cli, const struct cli_args *args)
{
	(void)cli;
	(void)args;
	return EXIT_FAIL;
}

int cmd_race_status(struct cli *cli, const struct cli_args *args)
{
	(void)cli;
	(void)args;
	return EXIT_FAIL;
}

int cmd_predict(struct cli *cli, const struct cli_args *args)
{
	(void)cli;
	(void)args;
	return EXIT_FAIL;
}
