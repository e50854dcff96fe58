/*
 * args.c: finding commands and parsing their options (see cli.h).
 *
 * Options are looked up in sorted tables: an exact name wins, else a
 * unique prefix ("--tread" for "--treadmill"), else the option is refused
 * with the candidates or the closest spelling. Options may come before,
 * between or after positional arguments; "--" ends them; "--opt=value"
 * and "--opt value" are the same. An argument that starts with "-" and a
 * digit or "+" ("-3d") is a value, never an option.
 */
#include <assert.h>
#include <ctype.h>
#include <string.h>

#include "base/fuzzy.h"
#include "cli/cli.h"
#include "cli/out.h"

static const struct cli_option global_options[] = {
	{ "db", 0, "FILE",
	  "database file (default $KNEAD_DB, else $XDG_DATA_HOME/knead/knead.db)" },
	{ "help", 'h', NULL, "show this help" },
	{ "json", 0, NULL, "print JSON (stable keys, SI units) for scripts" },
	{ NULL, 0, NULL, NULL },
};

static size_t table_len_options(const struct cli_option *t)
{
	size_t n = 0;

	while (t && t[n].name) {
		n++;
	}
	return n;
}

const struct cli_command *cli_find_command(const struct cli_command *table, const char *name,
                                           struct err *err)
{
	size_t len = strlen(name);
	const struct cli_command *match = NULL, *closest = NULL;
	size_t n_matches = 0, best = (size_t)-1;
	char names[256] = "";

	for (const struct cli_command *c = table; c->name; c++) {
		if (strcmp(c->name, name) == 0) {
			return c;
		}
	}
	for (const struct cli_command *c = table; c->name; c++) {
		size_t d;

		if (len && strncmp(c->name, name, len) == 0) {
			match = c;
			n_matches++;
			snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s",
			         n_matches > 1 ? ", " : "", c->name);
		}
		d = fuzzy_distance(name, c->name);
		if (d < best) {
			best = d;
			closest = c;
		}
	}
	if (n_matches == 1) {
		return match;
	}
	if (n_matches > 1) {
		err_set(err, ERR_INPUT, "'%s' could be any of: %s", name, names);
	} else if (closest && best <= fuzzy_threshold(len)) {
		err_set(err, ERR_INPUT, "'%s' is not a command; did you mean '%s'?", name,
		        closest->name);
	} else {
		err_set(err, ERR_INPUT, "'%s' is not a command (see 'knead help')", name);
	}
	return NULL;
}

/* Find an option by exact name or unique prefix among the command's and
 * the global options. *is_global tells which table; *index is its row. */
static enum err_code find_option(const struct cli_option *own, const char *name, size_t len,
                                 bool *is_global, size_t *index, struct err *err)
{
	const struct cli_option *tables[2] = { own, global_options };
	size_t n_matches = 0, best = (size_t)-1;
	const char *closest = NULL;
	char names[256] = "";
	char word[64];

	snprintf(word, sizeof(word), "%.*s", (int)(len < 63 ? len : 63), name);
	for (int t = 0; t < 2; t++) {
		for (size_t i = 0; tables[t] && tables[t][i].name; i++) {
			if (strlen(tables[t][i].name) == len &&
			    strncmp(tables[t][i].name, name, len) == 0) {
				*is_global = t == 1;
				*index = i;
				return ERR_OK;
			}
		}
	}
	for (int t = 0; t < 2; t++) {
		for (size_t i = 0; tables[t] && tables[t][i].name; i++) {
			size_t d;

			if (strncmp(tables[t][i].name, name, len) == 0) {
				*is_global = t == 1;
				*index = i;
				n_matches++;
				snprintf(names + strlen(names), sizeof(names) - strlen(names),
				         "%s--%s", n_matches > 1 ? ", " : "", tables[t][i].name);
			}
			d = fuzzy_distance(word, tables[t][i].name);
			if (d < best) {
				best = d;
				closest = tables[t][i].name;
			}
		}
	}
	if (n_matches == 1) {
		return ERR_OK;
	}
	if (n_matches > 1) {
		return err_set(err, ERR_INPUT, "'--%s' could be any of: %s", word, names);
	}
	if (closest && best <= fuzzy_threshold(len)) {
		return err_set(err, ERR_INPUT, "unknown option '--%s'; did you mean '--%s'?", word,
		               closest);
	}
	return err_set(err, ERR_INPUT, "unknown option '--%s'", word);
}

static enum err_code find_short(const struct cli_option *own, char c, bool *is_global,
                                size_t *index, struct err *err)
{
	const struct cli_option *tables[2] = { own, global_options };

	for (int t = 0; t < 2; t++) {
		for (size_t i = 0; tables[t] && tables[t][i].name; i++) {
			if (tables[t][i].short_name == c) {
				*is_global = t == 1;
				*index = i;
				return ERR_OK;
			}
		}
	}
	return err_set(err, ERR_INPUT, "unknown option '-%c'", c);
}

/* True for "-3d", "+2w", "-": values that look like options but are not. */
static bool is_value(const char *arg)
{
	return arg[0] != '-' || arg[1] == '\0' || isdigit((unsigned char)arg[1]);
}

static void set_global(struct cli *cli, size_t index, const char *value)
{
	const char *name = global_options[index].name;

	if (strcmp(name, "db") == 0) {
		cli->db_opt = value;
	} else if (strcmp(name, "help") == 0) {
		cli->help = true;
	} else if (strcmp(name, "json") == 0) {
		cli->json = true;
	}
}

enum err_code cli_parse(struct cli *cli, const struct cli_command *cmd, int argc, char **argv,
                        struct cli_args *out, struct err *err)
{
	bool options_done = false;

	assert(table_len_options(cmd->options) <= CLI_MAX_OPTIONS);
	memset(out, 0, sizeof(*out));
	out->cmd = cmd;
	for (int i = 0; i < argc; i++) {
		const char *arg = argv[i];
		const char *value = NULL, *name;
		const struct cli_option *opt;
		bool is_global = false;
		size_t index = 0, len;

		if (options_done || is_value(arg)) {
			if (out->n_pos == CLI_MAX_POSITIONALS) {
				return err_set(err, ERR_INPUT, "too many arguments");
			}
			out->pos[out->n_pos++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			options_done = true;
			continue;
		}
		if (arg[1] == '-') {
			name = arg + 2;
			len = strcspn(name, "=");
			if (name[len] == '=') {
				value = name + len + 1;
			}
			if (find_option(cmd->options, name, len, &is_global, &index, err)) {
				return err->code;
			}
		} else {
			if (arg[2] != '\0') {
				return err_set(err, ERR_INPUT,
				               "unknown option '%s' (long options take two dashes)",
				               arg);
			}
			if (find_short(cmd->options, arg[1], &is_global, &index, err)) {
				return err->code;
			}
		}
		opt = is_global ? &global_options[index] : &cmd->options[index];
		if (opt->arg && !value) {
			if (i + 1 >= argc) {
				return err_set(err, ERR_INPUT, "option '--%s' needs a value (%s)",
				               opt->name, opt->arg);
			}
			value = argv[++i];
		} else if (!opt->arg && value) {
			return err_set(err, ERR_INPUT, "option '--%s' takes no value", opt->name);
		} else if (!opt->arg) {
			value = "";
		}
		if (is_global) {
			set_global(cli, index, value);
		} else {
			out->values[index] = value;
		}
	}
	if (cli->help) {
		return ERR_OK;
	}
	if (out->n_pos < cmd->min_pos) {
		return err_set(err, ERR_INPUT, "missing arguments: usage: %s %s", cli->name.buf,
		               cmd->usage);
	}
	if (out->n_pos > cmd->max_pos) {
		return err_set(err, ERR_INPUT, "unexpected argument '%s'", out->pos[cmd->max_pos]);
	}
	return ERR_OK;
}

const char *cli_opt(const struct cli_args *args, const char *name)
{
	for (size_t i = 0; args->cmd->options && args->cmd->options[i].name; i++) {
		if (strcmp(args->cmd->options[i].name, name) == 0) {
			return args->values[i];
		}
	}
	assert(!"option not in the command's table");
	return NULL;
}

static void add_options(struct strbuf *out, const struct cli_option *opts)
{
	for (size_t i = 0; opts && opts[i].name; i++) {
		size_t start = out->len;

		if (opts[i].short_name) {
			strbuf_addf(out, "  -%c, --%s", opts[i].short_name, opts[i].name);
		} else {
			strbuf_addf(out, "      --%s", opts[i].name);
		}
		if (opts[i].arg) {
			strbuf_addf(out, " %s", opts[i].arg);
		}
		if (out->len - start < 24) {
			strbuf_addchars(out, ' ', 24 - (out->len - start));
		} else {
			strbuf_addf(out, "\n%24s", "");
		}
		strbuf_addf(out, "%s\n", opts[i].help);
	}
}

void cli_synopsis(const char *prefix, const struct cli_command *cmd, struct strbuf *out, bool first)
{
	if (cmd->subs) {
		for (const struct cli_command *s = cmd->subs; s->name; s++) {
			struct strbuf p = STRBUF_INIT;

			strbuf_addf(&p, "%s %s", prefix, s->name);
			cli_synopsis(p.buf, s, out, first && s == cmd->subs);
			strbuf_release(&p);
		}
		return;
	}
	strbuf_addf(out, "%s%s%s%s\n", first ? "usage: " : "       ", prefix,
	            cmd->usage[0] ? " " : "", cmd->usage);
}

void cli_help(const struct cli *cli, const struct cli_command *cmd, struct strbuf *out)
{
	cli_synopsis(cli->name.buf, cmd, out, true);
	strbuf_addf(out, "\n%s\n", cmd->help);
	if (cmd->subs) {
		strbuf_adds(out, "\ncommands:\n");
		for (const struct cli_command *s = cmd->subs; s->name; s++) {
			strbuf_addf(out, "  %-10s  %s\n", s->name, s->summary);
		}
		strbuf_addf(out, "\nSee '%s COMMAND --help' for each one's options.\n",
		            cli->name.buf);
		return;
	}
	strbuf_adds(out, "\noptions:\n");
	add_options(out, cmd->options);
	add_options(out, global_options);
}

void cli_list_commands(struct strbuf *out)
{
	strbuf_adds(out,
	            "usage: knead [--db FILE] [--json] COMMAND [ARGS...]\n\n"
	            "knead keeps a runner's training, body and recovery in one SQLite file.\n\n"
	            "commands:\n");
	for (const struct cli_command *c = cli_commands; c->name; c++) {
		strbuf_addf(out, "  %-8s  %s\n", c->name, c->summary);
	}
	strbuf_adds(out,
	            "\nSee 'knead help COMMAND' or 'knead COMMAND --help', and 'man knead'.\n");
}

int cli_print_help(const struct cli *cli, const struct cli_command *cmd)
{
	struct strbuf out = STRBUF_INIT;

	if (cmd) {
		cli_help(cli, cmd, &out);
	} else {
		cli_list_commands(&out);
	}
	out_buf(&out);
	strbuf_release(&out);
	return EXIT_OK;
}
