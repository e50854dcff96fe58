/*
 * spend.c: costing sessions and the spend report (see spend.h).
 */
#include "analysis/spend.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/xalloc.h"

struct period_use {
	const struct membership *m;
	int32_t start;
	int used;
};

static const struct provider *provider_by_id(const struct provider_list *providers, int64_t id)
{
	for (size_t i = 0; i < providers->n; i++) {
		if (providers->items[i].id == id) {
			return &providers->items[i];
		}
	}
	return NULL;
}

static int *period_counter(struct period_use **uses, size_t *n, const struct membership *m,
                           int32_t start)
{
	for (size_t i = 0; i < *n; i++) {
		if ((*uses)[i].m == m && (*uses)[i].start == start) {
			return &(*uses)[i].used;
		}
	}
	*uses = xreallocarray(*uses, *n + 1, sizeof(**uses));
	(*uses)[*n] = (struct period_use){ m, start, 0 };
	return &(*uses)[(*n)++].used;
}

void spend_cost_sessions(const struct recovery_list *sessions,
                         const struct provider_list *providers, struct session_cost *out)
{
	struct period_use *uses = NULL;
	size_t n_uses = 0;

	for (size_t i = 0; i < sessions->n; i++) {
		const struct recovery *r = &sessions->items[i];
		const struct provider *p =
		        r->provider_id ? provider_by_id(providers, r->provider_id) : NULL;
		const struct membership *m = p ? provider_membership_on(p, r->day) : NULL;
		struct session_cost *c = &out[i];

		memset(c, 0, sizeof(*c));
		c->provider_id = r->provider_id;
		if (r->cost_cents >= 0) {
			c->basis = COST_PAID;
			c->cash_cents = c->share_cents = r->cost_cents;
			memcpy(c->currency, r->currency, sizeof(c->currency));
			continue;
		}
		if (m) {
			int *used = period_counter(&uses, &n_uses, m,
			                           membership_period_start(m, r->day));

			if (*used < m->sessions) {
				++*used;
				c->basis = COST_MEMBERSHIP;
				c->share_cents = m->fee_cents / m->sessions;
				c->period_use = *used;
				c->period_sessions = m->sessions;
				memcpy(c->currency, m->currency, sizeof(c->currency));
				continue;
			}
			c->beyond_included = true;
		}
		if (p && p->price_cents >= 0) {
			c->basis = COST_PRICE;
			c->cash_cents = c->share_cents = p->price_cents;
			memcpy(c->currency, p->currency, sizeof(c->currency));
		} else {
			c->basis = COST_FREE;
			c->beyond_included = false;
		}
	}
	free(uses);
}

static struct spend_month *month_of(struct spend_report *r, int32_t day)
{
	struct civil c = date_to_civil(day);
	int32_t start = date_from_civil(c.year, c.month, 1);

	for (size_t i = 0; i < r->n_months; i++) {
		if (r->months[i].start == start) {
			return &r->months[i];
		}
	}
	return NULL;
}

static struct spend_modality *modality_of(struct spend_report *r, enum modality m)
{
	for (size_t i = 0; i < r->n_modalities; i++) {
		if (r->modalities[i].modality == m) {
			return &r->modalities[i];
		}
	}
	r->modalities = xreallocarray(r->modalities, r->n_modalities + 1, sizeof(*r->modalities));
	memset(&r->modalities[r->n_modalities], 0, sizeof(*r->modalities));
	r->modalities[r->n_modalities].modality = m;
	return &r->modalities[r->n_modalities++];
}

static int32_t earliest(const struct recovery_list *sessions, const struct provider_list *providers,
                        int32_t to)
{
	int32_t first = to;

	for (size_t i = 0; i < sessions->n; i++) {
		if (sessions->items[i].day < first) {
			first = sessions->items[i].day;
		}
	}
	for (size_t i = 0; i < providers->n; i++) {
		for (size_t j = 0; j < providers->items[i].n_memberships; j++) {
			if (providers->items[i].memberships[j].since < first) {
				first = providers->items[i].memberships[j].since;
			}
		}
	}
	return first;
}

static void add_months(struct spend_report *r)
{
	struct civil c = date_to_civil(r->from);
	int32_t start = date_from_civil(c.year, c.month, 1);

	for (; start <= r->to; start = date_add_months(start, 1)) {
		r->months = xreallocarray(r->months, r->n_months + 1, sizeof(*r->months));
		r->months[r->n_months++] = (struct spend_month){ start, 0, 0 };
	}
}

static void add_fees(struct spend_report *r, const struct provider *p, const struct membership *m)
{
	struct spend_membership sm = { p, m, 0, 0, 0, 0, -1, 0 };
	int32_t last = m->until != DATE_NONE && m->until < r->to ? m->until : r->to;

	if (strcmp(m->currency, r->currency) != 0) {
		r->other_currency++;
		return;
	}
	for (int32_t start = m->since; start <= last; start = membership_next_period(m, start)) {
		if (start >= r->from) {
			sm.periods++;
			sm.fees_cents += m->fee_cents;
			month_of(r, start)->cents += m->fee_cents;
		}
	}
	if (sm.periods == 0) {
		return;
	}
	r->fee_cents += sm.fees_cents;
	r->memberships = xreallocarray(r->memberships, r->n_memberships + 1, sizeof(sm));
	r->memberships[r->n_memberships++] = sm;
}

static struct spend_membership *membership_entry(struct spend_report *r, int64_t provider_id,
                                                 int32_t day)
{
	for (size_t i = 0; i < r->n_memberships; i++) {
		struct spend_membership *sm = &r->memberships[i];

		if (sm->provider->id == provider_id && sm->m->since <= day &&
		    (sm->m->until == DATE_NONE || day <= sm->m->until)) {
			return sm;
		}
	}
	return NULL;
}

static int by_share(const void *a, const void *b)
{
	const struct spend_modality *x = a, *y = b;

	if (x->share_cents != y->share_cents) {
		return x->share_cents < y->share_cents ? 1 : -1;
	}
	return (x->modality > y->modality) - (x->modality < y->modality);
}

void spend_report(const struct recovery_list *sessions, const struct provider_list *providers,
                  int32_t from, int32_t to, const char *currency, struct spend_report *out)
{
	struct session_cost *costs = xcalloc(sessions->n ? sessions->n : 1, sizeof(*costs));

	memset(out, 0, sizeof(*out));
	memcpy(out->currency, currency, strnlen(currency, 3));
	out->to = to;
	out->from = from != DATE_NONE ? from : earliest(sessions, providers, to);
	add_months(out);
	for (size_t i = 0; i < providers->n; i++) {
		for (size_t j = 0; j < providers->items[i].n_memberships; j++) {
			add_fees(out, &providers->items[i], &providers->items[i].memberships[j]);
		}
	}
	spend_cost_sessions(sessions, providers, costs);
	for (size_t i = 0; i < sessions->n; i++) {
		const struct recovery *s = &sessions->items[i];
		const struct session_cost *c = &costs[i];
		struct spend_modality *sm;
		struct spend_membership *mem;

		if (s->day < out->from || s->day > out->to) {
			continue;
		}
		if (c->basis != COST_FREE && strcmp(c->currency, out->currency) != 0) {
			out->other_currency++;
			continue;
		}
		sm = modality_of(out, s->modality);
		sm->sessions++;
		out->sessions++;
		month_of(out, s->day)->sessions++;
		if (c->basis == COST_FREE) {
			continue;
		}
		sm->costed++;
		out->costed++;
		sm->cash_cents += c->cash_cents;
		sm->share_cents += c->share_cents;
		out->session_cents += c->cash_cents;
		month_of(out, s->day)->cents += c->cash_cents;
		mem = c->provider_id ? membership_entry(out, c->provider_id, s->day) : NULL;
		if (mem && c->basis == COST_MEMBERSHIP) {
			mem->used++;
		} else if (mem && c->beyond_included) {
			mem->extra++;
		}
	}
	for (size_t i = 0; i < out->n_memberships; i++) {
		struct spend_membership *m = &out->memberships[i];

		if (m->provider->price_cents >= 0 &&
		    strcmp(m->provider->currency, out->currency) == 0) {
			m->pay_per_visit_cents = m->used * m->provider->price_cents;
			m->saved_cents = m->pay_per_visit_cents - m->fees_cents;
		}
	}
	if (out->n_modalities > 1) {
		qsort(out->modalities, out->n_modalities, sizeof(*out->modalities), by_share);
	}
	out->total_cents = out->session_cents + out->fee_cents;
	out->per_session_cents = out->costed ? out->total_cents / out->costed : -1;
	free(costs);
}

void spend_report_release(struct spend_report *r)
{
	free(r->months);
	free(r->modalities);
	free(r->memberships);
	memset(r, 0, sizeof(*r));
}

const char *cost_basis_name(enum cost_basis b)
{
	switch (b) {
	case COST_PAID:
		return "paid";
	case COST_PRICE:
		return "price";
	case COST_MEMBERSHIP:
		return "membership";
	default:
		return "free";
	}
}
