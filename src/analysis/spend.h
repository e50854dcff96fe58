/*
 * spend.h: what recovery costs, and whether a membership pays.
 *
 * Costing a session: a cost typed with it is what was paid. Otherwise a
 * session with a provider whose membership covers the day is one of the
 * month's included sessions while they last, costing nothing at the door
 * and fee / sessions as its share of the fee; past them, and with a
 * provider without a membership, it costs the provider's pay-per-visit
 * price. Self-care with no cost typed is free.
 *
 * Spend is money out: each session's cash in its month, plus each
 * membership fee in the month its period starts (whether or not it was
 * used). A membership paid off when the visits it covered would have cost
 * at least its fees at the provider's pay-per-visit price.
 */
#ifndef KNEAD_SPEND_H
#define KNEAD_SPEND_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "core/recovery.h"

enum cost_basis {
	COST_FREE,       /* nothing typed, no provider price: self-care */
	COST_PAID,       /* the cost typed with the session */
	COST_PRICE,      /* the provider's pay-per-visit price */
	COST_MEMBERSHIP, /* one of a membership's included sessions */
};

struct session_cost {
	enum cost_basis basis;
	int64_t cash_cents;   /* paid at the session */
	int64_t share_cents;  /* what it cost: cash, or its share of the fee */
	char currency[4];     /* "" for a free session */
	int64_t provider_id;  /* 0 for none */
	int period_use;       /* with COST_MEMBERSHIP: the nth included session (1-based) */
	int period_sessions;  /* ... of this many */
	bool beyond_included; /* COST_PRICE because the month's sessions were used up */
};

/* Cost each of sessions (sorted by day, then id) into out[i], given every
 * provider with their memberships. Sessions must include every session
 * with a member provider since its membership began, or the count of
 * included sessions used is wrong. */
void spend_cost_sessions(const struct recovery_list *sessions,
                         const struct provider_list *providers, struct session_cost *out);

struct spend_month {
	int32_t start; /* first day of the month */
	int64_t cents; /* money out that month */
	int sessions;  /* sessions that month */
};

struct spend_modality {
	enum modality modality;
	int sessions;        /* in the range */
	int costed;          /* of which cost something */
	int64_t cash_cents;  /* paid at those sessions */
	int64_t share_cents; /* what they cost, membership shares included */
};

struct spend_membership {
	const struct provider *provider; /* borrowed from the providers given */
	const struct membership *m;      /* ... */
	int periods;                     /* fees charged in the range */
	int64_t fees_cents;              /* their sum */
	int used;                        /* included sessions used in the range */
	int extra;                       /* sessions beyond those, paid per visit */
	int64_t pay_per_visit_cents;     /* used x the provider's price, -1 without a price */
	int64_t saved_cents;             /* pay_per_visit - fees (negative: it cost more) */
};

struct spend_report {
	char currency[4];           /* everything below is in this currency */
	int32_t from, to;           /* the range, inclusive */
	struct spend_month *months; /* every month of the range, oldest first (owned) */
	size_t n_months;
	struct spend_modality *modalities; /* those with sessions, most spent first (owned) */
	size_t n_modalities;
	struct spend_membership *memberships; /* with a fee in the range (owned) */
	size_t n_memberships;
	int sessions;              /* in the range */
	int costed;                /* of which cost something */
	int64_t session_cents;     /* cash paid at sessions */
	int64_t fee_cents;         /* membership fees */
	int64_t total_cents;       /* the two together */
	int64_t per_session_cents; /* total / costed, -1 without one */
	int other_currency;        /* sessions or fees in another currency, left out */
};

/* Build the report of money out from from to to (inclusive; DATE_NONE for
 * from means since the first record) in currency. sessions: every session
 * up to to, sorted by day then id. */
void spend_report(const struct recovery_list *sessions, const struct provider_list *providers,
                  int32_t from, int32_t to, const char *currency, struct spend_report *out);

void spend_report_release(struct spend_report *r);

/* "free", "paid", "price", "membership". */
const char *cost_basis_name(enum cost_basis b);

#endif
