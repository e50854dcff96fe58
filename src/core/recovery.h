/*
 * recovery.h: recovery sessions, the people who give them, and what they
 * cost.
 *
 * A session is one modality on one day (a deep-tissue massage, ten
 * minutes on the foam roller, an Epsom bath) with the regions it worked,
 * and, per region, what the therapist found ("tight", "knot", ...). A
 * provider is a therapist, clinic, chiropractor or physio with a
 * pay-per-visit price; a membership is a monthly fee that includes some
 * sessions with one provider. Money is integer cents of one ISO currency.
 *
 * Unknown levels are -1, unknown amounts of money -1, unknown durations
 * (double)NAN; strings are owned and NULL when unset.
 */
#ifndef KNEAD_RECOVERY_H
#define KNEAD_RECOVERY_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "core/region.h"

enum modality {
	MOD_MASSAGE_DEEP,
	MOD_MASSAGE_SPORTS,
	MOD_MASSAGE_ART,
	MOD_MASSAGE_SWEDISH,
	MOD_ROLL,
	MOD_STICK,
	MOD_BALL,
	MOD_ICE,
	MOD_HEAT,
	MOD_BATH_EPSOM,
	MOD_BATH_ICE,
	MOD_COMPRESSION,
	MOD_STRETCH,
	MOD_YOGA,
	MOD_CHIRO,
	MOD_PHYSIO,
	MODALITY_COUNT
};

/* Who gives a modality: a therapist or clinician, or the runner alone. */
enum modality_kind {
	MODALITY_MASSAGE,   /* a massage therapist */
	MODALITY_CLINICIAN, /* chiropractor or physio */
	MODALITY_SELF,      /* self-care: rollers, ice, baths, stretching */
};

/* "massage:deep", "roll", "bath:epsom", ... and a line for the runner. */
const char *modality_name(enum modality m);
const char *modality_describe(enum modality m);
enum modality_kind modality_kind(enum modality m);
bool modality_from_name(const char *name, enum modality *out);

/* Parse a modality as runners write it: its name, or "deep", "deep
 * tissue", "foam roll", "epsom", "ice bath", "chiropractor", "pt", "art"
 * and such. A bare "massage" is refused with the kinds to choose from. */
enum err_code modality_parse(const char *s, enum modality *out, struct err *err);

enum finding {
	FINDING_NONE, /* the region was worked, nothing noted */
	FINDING_TIGHT,
	FINDING_KNOT,
	FINDING_ADHESION,
	FINDING_TENDER,
	FINDING_FINE,
	FINDING_COUNT
};

/* Severity of a finding: "slightly tight" 1, "tight" 2, "very tight" 3. */
#define SEVERITY_MAX 3

const char *finding_name(enum finding f);

/* Parse "tight", "very tight", "slightly tender", "knots", "adhesions",
 * "fine" into a finding and severity (1..3). */
enum err_code finding_parse(const char *s, enum finding *out, int *severity, struct err *err);

/* Append "very tight", "tight", "slightly tender", "fine". */
void finding_describe(struct strbuf *sb, enum finding f, int severity);

/* One region a session worked, with what was found there. */
struct recovery_region {
	char region[REGION_CODE_MAX]; /* region code */
	enum side side;               /* SIDE_NONE for an unsided region */
	enum finding finding;         /* FINDING_NONE when nothing was noted */
	int severity;                 /* 1..3 with a finding, 0 without */
};

struct recovery {
	int64_t id;                      /* database id; 0 until stored */
	int64_t athlete_id;              /* owner */
	enum modality modality;          /* what */
	int32_t day;                     /* local day */
	int64_t start_utc;               /* when it started, INT64_MIN if unknown */
	int32_t utc_offset_s;            /* local offset at start_utc */
	double duration_s;               /* NAN if not given */
	int64_t provider_id;             /* 0 for none */
	char *provider_name;             /* filled by the store when reading (owned) */
	int64_t cost_cents;              /* paid at the session, -1 if not given */
	char currency[4];                /* of cost_cents, "" without one */
	int pain;                        /* during, 0..10, -1 */
	int relief;                      /* after, 0..10, -1 */
	char *note;                      /* owned, NULL */
	struct recovery_region *regions; /* worked, in the order given (owned) */
	size_t n_regions;                /* count */
};

struct recovery_list {
	struct recovery *items;
	size_t n, alloc;
};

#define RECOVERY_LIST_INIT                                                                         \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void recovery_init(struct recovery *r);
void recovery_release(struct recovery *r);

/* Add a region worked; a region and side already listed keeps one entry,
 * taking the finding when this one has it. Returns the entry. */
struct recovery_region *recovery_add_region(struct recovery *r, const char *code, enum side side);

/* Levels 0..10, a positive duration of at most 12 hours, a cost of zero
 * or more with its currency. */
enum err_code recovery_validate(const struct recovery *r, struct err *err);

struct recovery *recovery_list_push(struct recovery_list *list);
void recovery_list_release(struct recovery_list *list);

enum provider_kind {
	PROVIDER_MASSAGE,
	PROVIDER_CHIRO,
	PROVIDER_PHYSIO,
	PROVIDER_CLINIC,
	PROVIDER_KIND_COUNT
};

const char *provider_kind_name(enum provider_kind k);
enum err_code provider_kind_parse(const char *s, enum provider_kind *out, struct err *err);

/* A monthly fee that includes some sessions with one provider. Periods run
 * from the start day to the same day next month (clamped to the month's
 * end): a membership from Jan 31 renews Feb 28, Mar 31, ... */
struct membership {
	int64_t id;          /* database id; 0 until stored */
	int64_t provider_id; /* whose */
	int64_t fee_cents;   /* per month */
	char currency[4];    /* of the fee */
	int sessions;        /* included per month, >= 1 */
	int32_t since;       /* first day */
	int32_t until;       /* last day, DATE_NONE while it runs */
};

struct provider {
	int64_t id;                     /* database id; 0 until stored */
	int64_t athlete_id;             /* owner */
	char *name;                     /* unique per athlete, any letter case (owned) */
	enum provider_kind kind;        /* what they do */
	int64_t price_cents;            /* pay-per-visit price, -1 if unknown */
	char currency[4];               /* of the price */
	char *note;                     /* owned, NULL */
	struct membership *memberships; /* oldest first (owned) */
	size_t n_memberships;           /* count */
};

struct provider_list {
	struct provider *items;
	size_t n, alloc;
};

#define PROVIDER_LIST_INIT                                                                         \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void provider_init(struct provider *p);
void provider_release(struct provider *p);
struct membership *provider_add_membership(struct provider *p);
/* A name of 1..80 characters that is not just digits; prices and fees of
 * zero or more; memberships that do not overlap. */
enum err_code provider_validate(const struct provider *p, struct err *err);
/* The membership of p that covers day, or NULL. */
const struct membership *provider_membership_on(const struct provider *p, int32_t day);
struct provider *provider_list_push(struct provider_list *list);
void provider_list_release(struct provider_list *list);

/* Give a session with provider p and no cost typed p's pay-per-visit
 * price, fixed now so that a later change of price leaves its history be;
 * unless a membership of p covers its day, in which case its cost depends
 * on the month's other sessions and is worked out when needed
 * (analysis/spend.h). */
void recovery_price_from(struct recovery *r, const struct provider *p);

/* Parse a membership as typed: "70/month:1", "70/mo:2", "70:1", "70/month"
 * (one session), with the amount as parse_money reads it. */
enum err_code membership_parse(const char *s, struct membership *out, struct err *err);

/* The start of the period of m that contains day (m->since <= day). */
int32_t membership_period_start(const struct membership *m, int32_t day);

/* The start of the period after the one starting at start. */
int32_t membership_next_period(const struct membership *m, int32_t start);

#endif
