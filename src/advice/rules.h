/*
 * rules.h: the advisor's rules, read from data/rules.ini.
 *
 * Each rule has an id (DESIGN.md's advisor table), numeric parameters
 * (windows in days, thresholds), a one-line reason and a source. Code
 * evaluates the rules; the file says what they are, so a runner or a
 * coach can read and tune them without reading C.
 *
 * The built-in file is complete: every rule and every parameter the code
 * asks for is in it (asking for one that is not is a bug). A runner's
 * $XDG_CONFIG_HOME/knead/rules.ini may override any parameter, or switch
 * a rule off with `enabled = no`; an override that names an unknown rule
 * or parameter, or gives a bad value, is reported with its file and line
 * and the default stays in force (the rest of the file still applies).
 */
#ifndef KNEAD_RULES_H
#define KNEAD_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "base/strbuf.h"

struct rule_param {
	char *key;    /* "from_days" (owned) */
	double value; /* in force: the default or the runner's */
};

struct rule {
	char *id;     /* "massage-post-race" (owned) */
	char *title;  /* one line: what the rule says (owned) */
	char *reason; /* one line: why (owned) */
	char *source; /* where it comes from: citation or "runners' practice" (owned) */
	bool enabled; /* false when the runner switched it off */
	struct rule_param *params;
	size_t n_params;
};

struct rulebook {
	struct rule *rules; /* n_rules, in file order */
	size_t n_rules;
	struct strbuf warnings; /* one line per refused override, "FILE:LINE: ..." */
};

#define RULEBOOK_INIT                                                                              \
	{                                                                                          \
		NULL, 0, STRBUF_INIT                                                               \
	}

/* Parse a complete rules file (the built-in one, or a test's) into rb
 * (RULEBOOK_INIT'ed by the caller). Refuses, naming origin and line: a
 * section without title, reason or source, a bad number, a repeated
 * rule. */
enum err_code rulebook_parse(struct rulebook *rb, const char *text, const char *origin,
                             struct err *err);

/* Apply a runner's override file to rb: known parameters and `enabled`
 * change; anything else adds a line to rb->warnings and changes nothing. */
void rulebook_override(struct rulebook *rb, const char *text, const char *origin);

/* The built-in rules with the runner's override, if there is one, applied
 * (base/datafile.h finds it). Errors only for an unreadable override file
 * or a broken built-in one. */
enum err_code rulebook_load(struct rulebook *rb, struct err *err);

void rulebook_release(struct rulebook *rb);

/* The rule id; a rule the built-in file lacks is a bug. */
const struct rule *rulebook_get(const struct rulebook *rb, const char *id);

/* Parameter key of r; one the built-in file lacks is a bug. */
double rule_param(const struct rule *r, const char *key);

/* rule_param(rulebook_get(rb, id), key), and whether rule id is enabled. */
double rules_param(const struct rulebook *rb, const char *id, const char *key);
bool rules_enabled(const struct rulebook *rb, const char *id);

#endif
