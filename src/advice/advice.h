/*
 * advice.h: one piece of advice, and what it rests on.
 *
 * Every piece of advice the advisor gives names its rule (rules.h), says
 * whether it is advice or a warning, the day or days it is about, what to
 * do in plain words, the rule's reason and source, and the facts it used
 * (dates, loads, pain levels) so that `--why` can show them.
 */
#ifndef KNEAD_ADVICE_H
#define KNEAD_ADVICE_H

#include <stddef.h>
#include <stdint.h>

#include "advice/rules.h"

enum advice_kind {
	ADVICE_ADVICE,  /* something to do */
	ADVICE_WARNING, /* something to stop or watch */
};

struct advice {
	const struct rule *rule; /* borrowed from the rulebook: id, reason, source */
	enum advice_kind kind;
	int32_t from; /* first day it is about */
	int32_t to;   /* last day (== from for one day) */
	char *text;   /* what to do, one or two sentences (owned) */
	char **facts; /* n_facts lines: "pain 5 on 2026-11-20" (owned) */
	size_t n_facts;
};

struct advice_list {
	struct advice *items; /* n_items, in the order given */
	size_t n_items;
	size_t alloc;
};

#define ADVICE_LIST_INIT                                                                           \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

/* Append advice under rule r for days from..to with text (printf-style)
 * and return it (owned by list) to add facts to. */
__attribute__((format(printf, 6, 7))) struct advice *advice_add(struct advice_list *list,
                                                                const struct rule *r,
                                                                enum advice_kind kind, int32_t from,
                                                                int32_t to, const char *fmt, ...);

/* Add a fact line (printf-style) to a. */
__attribute__((format(printf, 2, 3))) void advice_fact(struct advice *a, const char *fmt, ...);

/* "advice", "warning". */
const char *advice_kind_name(enum advice_kind k);

/* Whether list holds advice under rule id (for tests and for the faces
 * to avoid saying the same thing twice). */
const struct advice *advice_find(const struct advice_list *list, const char *id);

/* Reorder list: its warnings first, then its advice, each group in the
 * order it was added (so a face reads the most pressing first). */
void advice_list_warnings_first(struct advice_list *list);

void advice_list_release(struct advice_list *list);

#endif
