/*
 * advice.c: pieces of advice and their lists (see advice.h).
 */
#include "advice/advice.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/bug.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

struct advice *advice_add(struct advice_list *list, const struct rule *r, enum advice_kind kind,
                          int32_t from, int32_t to, const char *fmt, ...)
{
	struct strbuf text = STRBUF_INIT;
	struct advice *a;
	va_list ap;

	if (!r) {
		BUG("advice without a rule");
	}
	if (to < from) {
		BUG("advice under '%s' ends (%d) before it starts (%d)", r->id, (int)to, (int)from);
	}
	va_start(ap, fmt);
	strbuf_vaddf(&text, fmt, ap);
	va_end(ap);
	xgrow((void **)&list->items, &list->alloc, list->n_items + 1, sizeof(*list->items));
	a = &list->items[list->n_items++];
	memset(a, 0, sizeof(*a));
	a->rule = r;
	a->kind = kind;
	a->from = from;
	a->to = to;
	a->text = strbuf_detach(&text, NULL);
	return a;
}

void advice_fact(struct advice *a, const char *fmt, ...)
{
	struct strbuf fact = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&fact, fmt, ap);
	va_end(ap);
	a->facts = xreallocarray(a->facts, a->n_facts + 1, sizeof(*a->facts));
	a->facts[a->n_facts++] = strbuf_detach(&fact, NULL);
}

const char *advice_kind_name(enum advice_kind k)
{
	switch (k) {
	case ADVICE_ADVICE:
		return "advice";
	case ADVICE_WARNING:
		return "warning";
	}
	BUG("advice kind %d", (int)k);
}

const struct advice *advice_find(const struct advice_list *list, const char *id)
{
	for (size_t i = 0; i < list->n_items; i++) {
		if (strcmp(list->items[i].rule->id, id) == 0) {
			return &list->items[i];
		}
	}
	return NULL;
}

void advice_list_release(struct advice_list *list)
{
	for (size_t i = 0; i < list->n_items; i++) {
		struct advice *a = &list->items[i];

		free(a->text);
		for (size_t j = 0; j < a->n_facts; j++) {
			free(a->facts[j]);
		}
		free(a->facts);
	}
	free(list->items);
	*list = (struct advice_list)ADVICE_LIST_INIT;
}

void advice_list_warnings_first(struct advice_list *list)
{
	struct advice *sorted;
	size_t k = 0;

	if (list->n_items < 2) {
		return;
	}
	sorted = xcalloc(list->n_items, sizeof(*sorted));
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < list->n_items; i++) {
			if ((list->items[i].kind == ADVICE_WARNING) == (pass == 0)) {
				sorted[k++] = list->items[i];
			}
		}
	}
	memcpy(list->items, sorted, list->n_items * sizeof(*sorted));
	free(sorted);
}
