/*
 * cli.h: what the command-line face's files share.
 *
 * main.c finds the command in the table (commands.c), args.c parses its
 * options, and cmd_<name>.c does the work by calling the library and
 * printing through out.h. A command returns its exit status: 0 done,
 * 1 failed, 2 usage error (something typed was wrong).
 *
 * The database is opened on demand. A command that only reads opens it
 * with STORE_READ, so a missing database is reported and not created; a
 * command that writes validates everything first and only then opens with
 * STORE_WRITE, so a refused command creates and changes nothing.
 */
#ifndef KNEAD_CLI_H
#define KNEAD_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "advice/rules.h"
#include "base/err.h"
#include "base/strbuf.h"
#include "core/athlete.h"
#include "core/region.h"
#include "store/store.h"

#define CLI_MAX_OPTIONS     24
#define CLI_MAX_POSITIONALS 64

/* Exit statuses. */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,
	EXIT_USAGE = 2,
};

/* One option of a command; a command's table is sorted by name and ends
 * with an entry whose name is NULL. */
struct cli_option {
	const char *name; /* long name without the dashes */
	char short_name;  /* single-letter alias, 0 for none */
	const char *arg;  /* placeholder for its value ("DATE"), NULL for a flag */
	const char *help; /* one line */
};

struct cli;
struct cli_args;

/* One command or subcommand; tables are sorted by name and end with an
 * entry whose name is NULL. */
struct cli_command {
	const char *name;                                         /* "log", or "add" under "gear" */
	int (*run)(struct cli *cli, const struct cli_args *args); /* NULL if it has subs */
	const char *usage;                /* what follows "knead NAME" in the synopsis */
	const char *summary;              /* one line for the command list */
	const char *help;                 /* paragraphs for --help */
	const struct cli_option *options; /* its own options (the global ones are added) */
	const struct cli_command *subs;   /* subcommands, or NULL */
	size_t min_pos;                   /* fewest positional arguments */
	size_t max_pos;                   /* most positional arguments */
};

/* A parsed command line for one (sub)command. */
struct cli_args {
	const struct cli_command *cmd;        /* the command being run */
	const char *pos[CLI_MAX_POSITIONALS]; /* positional arguments, borrowed from argv */
	size_t n_pos;                         /* how many */
	const char *values[CLI_MAX_OPTIONS];  /* per cmd->options index: the value, "" for
	                                         a flag that was given, NULL if absent */
};

/* The state of one run of knead. */
struct cli {
	const char *db_opt;            /* --db, NULL if not given */
	bool json;                     /* --json */
	bool help;                     /* --help or -h was given */
	struct strbuf name;            /* "knead gear add", for messages and help */
	struct strbuf db_path;         /* the database path, once resolved */
	bool db_default;               /* the path is the XDG default: create its folder */
	struct store *store;           /* the open database, NULL until needed */
	struct athlete profile;        /* the profile, once cli_profile has run */
	bool have_profile;             /* profile, now and today are set */
	int64_t now;                   /* the current instant: $KNEAD_NOW or the clock */
	int32_t today;                 /* the local day of now in the runner's zone */
	struct region_catalog regions; /* the body catalogue, once cli_regions has run */
	struct rulebook rules;         /* the advisor's rules, once cli_rules has run */
	bool have_rules;               /* rules is loaded */
};

/* The command table (commands.c). */
extern const struct cli_command cli_commands[];

/* Look name up in a command table: exact, else a unique prefix. NULL if
 * none or ambiguous, with err saying which (and suggesting a close name). */
const struct cli_command *cli_find_command(const struct cli_command *table, const char *name,
                                           struct err *err);

/* Parse argv (after the command's name) for cmd into *out, recording the
 * global options in cli. Usage problems are ERR_INPUT. */
enum err_code cli_parse(struct cli *cli, const struct cli_command *cmd, int argc, char **argv,
                        struct cli_args *out, struct err *err);

/* The value of option name, or NULL if it was not given ("" for a flag
 * that was). name must be in the command's table (assert). */
const char *cli_opt(const struct cli_args *args, const char *name);

/* Append the help text of cmd (its synopsis, help and options). */
void cli_help(const struct cli *cli, const struct cli_command *cmd, struct strbuf *out);

/* Append the top-level usage line and the list of commands. */
void cli_list_commands(struct strbuf *out);

/* Print the help of cmd on stdout, or the list of commands for NULL;
 * returns EXIT_OK. */
int cli_print_help(const struct cli *cli, const struct cli_command *cmd);

/* Append the synopsis lines of cmd ("usage: knead log ..."), one per leaf. */
void cli_synopsis(const char *prefix, const struct cli_command *cmd, struct strbuf *out,
                  bool first);

/* Resolve the database path (--db, else $KNEAD_DB, else the XDG default). */
enum err_code cli_db_path(struct cli *cli, struct err *err);

/* Open the database if it is not open. STORE_READ reports ERR_NOT_FOUND
 * when there is no database yet and creates nothing; STORE_WRITE creates
 * it (and the default folder) and makes sure the profile row exists. */
enum err_code cli_store(struct cli *cli, enum store_mode mode, struct err *err);

/* Open the database for writing (creating it if needed) and run
 * write(cli->store, ctx, err) inside one transaction: committed if write
 * returns ERR_OK, else rolled back so that nothing it did remains. */
enum err_code cli_transaction(struct cli *cli,
                              enum err_code (*write)(struct store *s, void *ctx, struct err *err),
                              void *ctx, struct err *err);

/* Load the profile (defaults when there is no database), select its time
 * zone, and set now and today. Idempotent. */
enum err_code cli_profile(struct cli *cli, struct err *err);

/* Load the body-region catalogue into cli->regions (the runner's
 * regions.ini if there is one, else the built-in one). Idempotent. */
enum err_code cli_regions(struct cli *cli, struct err *err);

/* Load the advisor's rules into cli->rules (the built-in ones with the
 * runner's rules.ini applied) and print each refused override line as a
 * warning on stderr: the default stays in force and the command goes on.
 * Idempotent. */
enum err_code cli_rules(struct cli *cli, struct err *err);

/* Open the database to read and give every activity stored without a
 * training load (by an older knead) its load, in a transaction of its
 * own, so that fitness counts every activity. A database that cannot be
 * written still answers: a warning on stderr says how many activities
 * count 0. Needs cli_profile. */
enum err_code cli_refresh_loads(struct cli *cli, struct err *err);

/* Which days --date may name. */
enum cli_as_of_days {
	CLI_AS_OF_ANY,   /* any day, past or to come */
	CLI_AS_OF_TODAY, /* not after today: a day to come has no log yet */
};

/* The day an advice command answers as of: --date of args, else today.
 * A day after today is ERR_INPUT under CLI_AS_OF_TODAY. Loads the
 * profile (cli_profile). */
enum err_code cli_as_of(struct cli *cli, const struct cli_args *args, enum cli_as_of_days days,
                        int32_t *day, struct err *err);

struct advice_context;

/* Everything the advisor knows on day, read into *ctx: loads the
 * profile, the regions and the rules (cli_rules, which reports refused
 * overrides), refreshes missing loads (cli_refresh_loads) and reads the
 * context from the store. *ctx is initialised here whatever happens and
 * points into cli (profile, rules, regions); the caller releases it. */
enum err_code cli_advice_context(struct cli *cli, int32_t day, struct advice_context *ctx,
                                 struct err *err);

struct advice_list;

/* After something was stored (an activity, a recovery session): check it
 * against the advisor's rules on today and print what check(ctx, what,
 * out) adds as warnings on stderr, "TEXT [RULE-ID]". What was stored
 * stays: the log records what happened. Not being able to check is
 * itself only a warning. */
void cli_warn_rules(struct cli *cli,
                    void (*check)(const struct advice_context *ctx, const void *what,
                                  struct advice_list *out),
                    const void *what);

/* Write len bytes of data to path whole or not at all: into a new file
 * beside it, renamed over it once complete, so a full disk never leaves
 * half a file where the last good one was. On failure nothing is left
 * behind and err (ERR_IO) names path. */
enum err_code cli_write_file_atomically(const char *path, const void *data, size_t len,
                                        struct err *err);

/* Parse an amount of money typed for option (e.g. "--cost") in the
 * profile's currency; another currency is refused. Needs cli_profile. */
enum err_code cli_money(struct cli *cli, const char *option, const char *text, int64_t *cents,
                        char currency[4], struct err *err);

/* Check the currency parse_money found in text against the profile's:
 * none, the same, or "$" for a dollar currency is fine, and currency
 * becomes the profile's; another is ERR_INPUT. */
enum err_code cli_currency(struct cli *cli, const char *option, const char *text, char currency[4],
                           struct err *err);

/* Parse the --from and --to of args (either may be absent: DATE_NONE),
 * refusing a range that ends before it starts. Needs cli_profile. */
enum err_code cli_range(struct cli *cli, const struct cli_args *args, int32_t *from, int32_t *to,
                        struct err *err);

/* cli_range for what has happened: --to may not be after today and is
 * today when absent; --from (DATE_NONE when absent) may not be after it. */
enum err_code cli_range_to_today(struct cli *cli, const struct cli_args *args, int32_t *from,
                                 int32_t *to, struct err *err);

struct race;

/* The race named by key (an id, a name or the start of one) into *r
 * (initialised here; the caller releases it). An unknown race is
 * ERR_NOT_FOUND (exit 1), like an unknown injury or provider: the
 * command's subject is missing. Opens the database to read. */
enum err_code cli_find_race(struct cli *cli, const char *key, struct race *r, struct err *err);

struct recovery_list;
struct session_cost;
struct checkin_list;

/* Append "right hamstrings" for a stored region code and side, using the
 * catalogue's name (the code for a region the catalogue no longer has). */
void cli_add_region(struct strbuf *sb, const struct cli *cli, const char *code, int side);

/* Print check-ins as a table: all of list, or those at the indices in
 * only (n of them) when only is not NULL. */
void cli_print_checkins(const struct cli *cli, const struct checkin_list *list, const size_t *only,
                        size_t n);

/* Print sessions as a table: all of list, or those at the indices in only
 * (n of them) when only is not NULL; costs (one per session of list) may
 * be NULL. */
void cli_print_sessions(const struct cli *cli, const struct recovery_list *list,
                        const struct session_cost *costs, const size_t *only, size_t n);

/* Report err on stderr, prefixed with the command's name, and return the
 * exit status for its code (2 for ERR_INPUT, else 1). */
int cli_fail(const struct cli *cli, const struct err *err);

/* Parse an activity id ("12") typed on the command line. */
enum err_code cli_activity_id(const char *arg, int64_t *id, struct err *err);

/* Commands (cmd_<name>.c). */
int cmd_edit(struct cli *cli, const struct cli_args *args);
int cmd_injury_add(struct cli *cli, const struct cli_args *args);
int cmd_injury_edit(struct cli *cli, const struct cli_args *args);
int cmd_injury_list(struct cli *cli, const struct cli_args *args);
int cmd_injury_resolve(struct cli *cli, const struct cli_args *args);
int cmd_injury_show(struct cli *cli, const struct cli_args *args);
int cmd_provider_add(struct cli *cli, const struct cli_args *args);
int cmd_provider_edit(struct cli *cli, const struct cli_args *args);
int cmd_provider_list(struct cli *cli, const struct cli_args *args);
int cmd_recover(struct cli *cli, const struct cli_args *args);
int cmd_regions(struct cli *cli, const struct cli_args *args);
int cmd_sore(struct cli *cli, const struct cli_args *args);
int cmd_spend(struct cli *cli, const struct cli_args *args);
int cmd_wellness(struct cli *cli, const struct cli_args *args);
int cmd_gear_add(struct cli *cli, const struct cli_args *args);
int cmd_gear_list(struct cli *cli, const struct cli_args *args);
int cmd_gear_retire(struct cli *cli, const struct cli_args *args);
int cmd_help(struct cli *cli, const struct cli_args *args);
int cmd_import(struct cli *cli, const struct cli_args *args);
int cmd_init(struct cli *cli, const struct cli_args *args);
int cmd_list(struct cli *cli, const struct cli_args *args);
int cmd_log(struct cli *cli, const struct cli_args *args);
int cmd_rm(struct cli *cli, const struct cli_args *args);
int cmd_passwd(struct cli *cli, const struct cli_args *args);
int cmd_serve(struct cli *cli, const struct cli_args *args);
int cmd_show(struct cli *cli, const struct cli_args *args);
int cmd_load(struct cli *cli, const struct cli_args *args);
int cmd_chart(struct cli *cli, const struct cli_args *args);
int cmd_race_add(struct cli *cli, const struct cli_args *args);
int cmd_race_list(struct cli *cli, const struct cli_args *args);
int cmd_race_result(struct cli *cli, const struct cli_args *args);
int cmd_race_status(struct cli *cli, const struct cli_args *args);
int cmd_predict(struct cli *cli, const struct cli_args *args);
int cmd_plan_new(struct cli *cli, const struct cli_args *args);
int cmd_plan_list(struct cli *cli, const struct cli_args *args);
int cmd_today(struct cli *cli, const struct cli_args *args);
int cmd_week(struct cli *cli, const struct cli_args *args);
int cmd_advise_massage(struct cli *cli, const struct cli_args *args);
int cmd_advise_race(struct cli *cli, const struct cli_args *args);
int cmd_effects(struct cli *cli, const struct cli_args *args);
int cmd_export(struct cli *cli, const struct cli_args *args);
int cmd_demo(struct cli *cli, const struct cli_args *args);
int cmd_plan_rm(struct cli *cli, const struct cli_args *args);
int cmd_plan_show(struct cli *cli, const struct cli_args *args);

#endif
