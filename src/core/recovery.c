/*
 * recovery.c: modalities, findings, sessions, providers and memberships
 * (see recovery.h).
 */
#include "core/recovery.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/date.h"
#include "base/parse.h"
#include "base/xalloc.h"

#define PROVIDER_MAX_NAME 80

static const struct {
	const char *name;
	enum modality_kind kind;
	const char *describe;
} modalities[MODALITY_COUNT] = {
	[MOD_MASSAGE_DEEP] = { "massage:deep", MODALITY_MASSAGE, "deep-tissue massage" },
	[MOD_MASSAGE_SPORTS] = { "massage:sports", MODALITY_MASSAGE, "sports massage" },
	[MOD_MASSAGE_ART] = { "massage:art", MODALITY_MASSAGE, "Active Release Technique" },
	[MOD_MASSAGE_SWEDISH] = { "massage:swedish", MODALITY_MASSAGE, "Swedish massage" },
	[MOD_ROLL] = { "roll", MODALITY_SELF, "foam rolling" },
	[MOD_STICK] = { "stick", MODALITY_SELF, "massage stick" },
	[MOD_BALL] = { "ball", MODALITY_SELF, "lacrosse or tennis ball" },
	[MOD_ICE] = { "ice", MODALITY_SELF, "icing" },
	[MOD_HEAT] = { "heat", MODALITY_SELF, "heat" },
	[MOD_BATH_EPSOM] = { "bath:epsom", MODALITY_SELF, "Epsom salt bath" },
	[MOD_BATH_ICE] = { "bath:ice", MODALITY_SELF, "ice bath" },
	[MOD_COMPRESSION] = { "compression", MODALITY_SELF, "compression" },
	[MOD_STRETCH] = { "stretch", MODALITY_SELF, "stretching" },
	[MOD_YOGA] = { "yoga", MODALITY_SELF, "yoga" },
	[MOD_CHIRO] = { "chiro", MODALITY_CLINICIAN, "chiropractor" },
	[MOD_PHYSIO] = { "physio", MODALITY_CLINICIAN, "physiotherapy" },
};

/* Words runners use, normalised as in modality_parse. */
static const struct {
	const char *word;
	enum modality modality;
} modality_words[] = {
	{ "active release", MOD_MASSAGE_ART },
	{ "active release technique", MOD_MASSAGE_ART },
	{ "art", MOD_MASSAGE_ART },
	{ "bath", MOD_BATH_EPSOM },
	{ "chiropractic", MOD_CHIRO },
	{ "chiropractor", MOD_CHIRO },
	{ "cold bath", MOD_BATH_ICE },
	{ "cold plunge", MOD_BATH_ICE },
	{ "cold water immersion", MOD_BATH_ICE },
	{ "cwi", MOD_BATH_ICE },
	{ "deep", MOD_MASSAGE_DEEP },
	{ "deep massage", MOD_MASSAGE_DEEP },
	{ "deep tissue", MOD_MASSAGE_DEEP },
	{ "deep tissue massage", MOD_MASSAGE_DEEP },
	{ "epsom", MOD_BATH_EPSOM },
	{ "epsom bath", MOD_BATH_EPSOM },
	{ "epsom salt", MOD_BATH_EPSOM },
	{ "epsom salt bath", MOD_BATH_EPSOM },
	{ "foam", MOD_ROLL },
	{ "foam roll", MOD_ROLL },
	{ "foam roller", MOD_ROLL },
	{ "foam rolling", MOD_ROLL },
	{ "foamroll", MOD_ROLL },
	{ "heat pack", MOD_HEAT },
	{ "heating pad", MOD_HEAT },
	{ "ice bath", MOD_BATH_ICE },
	{ "icing", MOD_ICE },
	{ "lacrosse", MOD_BALL },
	{ "lacrosse ball", MOD_BALL },
	{ "massage ball", MOD_BALL },
	{ "massage stick", MOD_STICK },
	{ "physical therapy", MOD_PHYSIO },
	{ "physiotherapist", MOD_PHYSIO },
	{ "physiotherapy", MOD_PHYSIO },
	{ "pt", MOD_PHYSIO },
	{ "roller", MOD_ROLL },
	{ "rolling", MOD_ROLL },
	{ "sleeves", MOD_COMPRESSION },
	{ "sports", MOD_MASSAGE_SPORTS },
	{ "sports massage", MOD_MASSAGE_SPORTS },
	{ "stretching", MOD_STRETCH },
	{ "swedish", MOD_MASSAGE_SWEDISH },
	{ "swedish massage", MOD_MASSAGE_SWEDISH },
	{ "tennis ball", MOD_BALL },
	{ "the stick", MOD_STICK },
};

const char *modality_name(enum modality m)
{
	return (unsigned)m < MODALITY_COUNT ? modalities[m].name : "?";
}

const char *modality_describe(enum modality m)
{
	return (unsigned)m < MODALITY_COUNT ? modalities[m].describe : "?";
}

enum modality_kind modality_kind(enum modality m)
{
	return (unsigned)m < MODALITY_COUNT ? modalities[m].kind : MODALITY_SELF;
}

bool modality_from_name(const char *name, enum modality *out)
{
	for (int i = 0; i < MODALITY_COUNT; i++) {
		if (strcmp(name, modalities[i].name) == 0) {
			*out = (enum modality)i;
			return true;
		}
	}
	return false;
}

/* Lower case, with '-', '_' and spaces folded to one space: "Deep-Tissue"
 * and "deep tissue" are one word. The ':' of a name is kept. */
static void fold(const char *s, char *out, size_t size)
{
	size_t n = 0;
	bool space = false;

	for (; *s && n + 2 < size; s++) {
		if (*s == ' ' || *s == '-' || *s == '_') {
			space = n > 0;
			continue;
		}
		if (space) {
			out[n++] = ' ';
			space = false;
		}
		out[n++] = (char)((*s >= 'A' && *s <= 'Z') ? *s + ('a' - 'A') : *s);
	}
	out[n] = '\0';
}

enum err_code modality_parse(const char *s, enum modality *out, struct err *err)
{
	char key[48];
	struct strbuf sb = STRBUF_INIT;
	enum err_code rc;

	fold(s, key, sizeof(key));
	if (modality_from_name(key, out)) {
		return ERR_OK;
	}
	for (size_t i = 0; i < sizeof(modality_words) / sizeof(modality_words[0]); i++) {
		if (strcmp(key, modality_words[i].word) == 0) {
			*out = modality_words[i].modality;
			return ERR_OK;
		}
	}
	if (strcmp(key, "massage") == 0) {
		return err_set(err, ERR_INPUT,
		               "which massage? massage:deep, massage:sports, massage:art "
		               "(Active Release) or massage:swedish");
	}
	for (int i = 0; i < MODALITY_COUNT; i++) {
		strbuf_addf(&sb, "%s%s", i ? ", " : "", modalities[i].name);
	}
	rc = err_set(err, ERR_INPUT, "'%s' is not a recovery modality (one of: %s)", s, sb.buf);
	strbuf_release(&sb);
	return rc;
}

static const char *const finding_names[FINDING_COUNT] = {
	NULL, "tight", "knot", "adhesion", "tender", "fine",
};

const char *finding_name(enum finding f)
{
	return (unsigned)f < FINDING_COUNT ? finding_names[f] : NULL;
}

enum err_code finding_parse(const char *s, enum finding *out, int *severity, struct err *err)
{
	static const struct {
		const char *word;
		int severity;
	} qualifiers[] = {
		{ "a bit ", 1 },    { "a little ", 1 }, { "extremely ", 3 }, { "mildly ", 1 },
		{ "quite ", 2 },    { "really ", 3 },   { "slightly ", 1 },  { "super ", 3 },
		{ "somewhat ", 1 }, { "very ", 3 },
	};
	static const struct {
		const char *word;
		enum finding finding;
	} words[] = {
		{ "adhesion", FINDING_ADHESION },   { "adhesions", FINDING_ADHESION },
		{ "fine", FINDING_FINE },           { "knot", FINDING_KNOT },
		{ "knots", FINDING_KNOT },          { "knotted", FINDING_KNOT },
		{ "loose", FINDING_FINE },          { "ok", FINDING_FINE },
		{ "sore", FINDING_TENDER },         { "tender", FINDING_TENDER },
		{ "tight", FINDING_TIGHT },         { "trigger point", FINDING_KNOT },
		{ "trigger points", FINDING_KNOT },
	};
	char key[48];
	const char *p = key;

	fold(s, key, sizeof(key));
	*severity = 2;
	for (size_t i = 0; i < sizeof(qualifiers) / sizeof(qualifiers[0]); i++) {
		size_t n = strlen(qualifiers[i].word);

		if (strncmp(p, qualifiers[i].word, n) == 0) {
			*severity = qualifiers[i].severity;
			p += n;
			break;
		}
	}
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strcmp(p, words[i].word) == 0) {
			*out = words[i].finding;
			if (*out == FINDING_FINE) {
				*severity = 1;
			}
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT,
	               "'%s' is not a finding (tight, knot, adhesion, tender or fine, "
	               "optionally 'slightly' or 'very')",
	               s);
}

void finding_describe(struct strbuf *sb, enum finding f, int severity)
{
	if (f == FINDING_NONE) {
		return;
	}
	if (f != FINDING_FINE && severity == 1) {
		strbuf_adds(sb, "slightly ");
	} else if (f != FINDING_FINE && severity == 3) {
		strbuf_adds(sb, "very ");
	}
	strbuf_adds(sb, finding_names[f]);
}

void recovery_init(struct recovery *r)
{
	memset(r, 0, sizeof(*r));
	r->day = DATE_NONE;
	r->start_utc = INT64_MIN;
	r->duration_s = (double)NAN;
	r->cost_cents = -1;
	r->pain = r->relief = -1;
}

void recovery_release(struct recovery *r)
{
	free(r->provider_name);
	free(r->note);
	free(r->regions);
	recovery_init(r);
}

struct recovery_region *recovery_add_region(struct recovery *r, const char *code, enum side side)
{
	struct recovery_region *rr;

	for (size_t i = 0; i < r->n_regions; i++) {
		if (strcmp(r->regions[i].region, code) == 0 && r->regions[i].side == side) {
			return &r->regions[i];
		}
	}
	r->regions = xreallocarray(r->regions, r->n_regions + 1, sizeof(*r->regions));
	rr = &r->regions[r->n_regions++];
	memset(rr, 0, sizeof(*rr));
	memcpy(rr->region, code, strnlen(code, REGION_CODE_MAX - 1));
	rr->side = side;
	return rr;
}

enum err_code recovery_validate(const struct recovery *r, struct err *err)
{
	if ((unsigned)r->modality >= MODALITY_COUNT || r->day == DATE_NONE) {
		return err_set(err, ERR_INPUT, "a recovery session needs a modality and a day");
	}
	if (!isnan(r->duration_s) && !(r->duration_s >= 60 && r->duration_s <= 12 * 3600)) {
		return err_set(err, ERR_INPUT, "a session lasts 1 minute to 12 hours");
	}
	if (r->pain < -1 || r->pain > 10 || r->relief < -1 || r->relief > 10) {
		return err_set(err, ERR_INPUT, "pain and relief are levels from 0 to 10");
	}
	if (r->cost_cents >= 0 && strlen(r->currency) != 3) {
		return err_set(err, ERR_INPUT, "a cost needs its currency");
	}
	for (size_t i = 0; i < r->n_regions; i++) {
		const struct recovery_region *rr = &r->regions[i];

		if (rr->finding != FINDING_NONE &&
		    (rr->severity < 1 || rr->severity > SEVERITY_MAX)) {
			return err_set(err, ERR_INPUT, "a finding's severity is 1 to 3");
		}
	}
	return ERR_OK;
}

struct recovery *recovery_list_push(struct recovery_list *list)
{
	if (list->n == list->alloc) {
		list->alloc = list->alloc ? 2 * list->alloc : 16;
		list->items = xreallocarray(list->items, list->alloc, sizeof(*list->items));
	}
	recovery_init(&list->items[list->n]);
	return &list->items[list->n++];
}

void recovery_list_release(struct recovery_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		recovery_release(&list->items[i]);
	}
	free(list->items);
	*list = (struct recovery_list)RECOVERY_LIST_INIT;
}

static const char *const provider_kinds[PROVIDER_KIND_COUNT] = { "massage", "chiro", "physio",
	                                                         "clinic" };

const char *provider_kind_name(enum provider_kind k)
{
	return (unsigned)k < PROVIDER_KIND_COUNT ? provider_kinds[k] : "?";
}

enum err_code provider_kind_parse(const char *s, enum provider_kind *out, struct err *err)
{
	static const struct {
		const char *word;
		enum provider_kind kind;
	} words[] = {
		{ "chiropractor", PROVIDER_CHIRO },
		{ "massage therapist", PROVIDER_MASSAGE },
		{ "physiotherapist", PROVIDER_PHYSIO },
		{ "pt", PROVIDER_PHYSIO },
		{ "rmt", PROVIDER_MASSAGE },
		{ "therapist", PROVIDER_MASSAGE },
	};
	char key[48];

	fold(s, key, sizeof(key));
	for (int i = 0; i < PROVIDER_KIND_COUNT; i++) {
		if (strcmp(key, provider_kinds[i]) == 0) {
			*out = (enum provider_kind)i;
			return ERR_OK;
		}
	}
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strcmp(key, words[i].word) == 0) {
			*out = words[i].kind;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT,
	               "'%s' is not a kind of provider (massage, chiro, physio, clinic)", s);
}

void provider_init(struct provider *p)
{
	memset(p, 0, sizeof(*p));
	p->price_cents = -1;
}

void provider_release(struct provider *p)
{
	free(p->name);
	free(p->note);
	free(p->memberships);
	provider_init(p);
}

struct membership *provider_add_membership(struct provider *p)
{
	struct membership *m;

	p->memberships = xreallocarray(p->memberships, p->n_memberships + 1, sizeof(*m));
	m = &p->memberships[p->n_memberships++];
	memset(m, 0, sizeof(*m));
	m->provider_id = p->id;
	m->since = m->until = DATE_NONE;
	return m;
}

enum err_code provider_validate(const struct provider *p, struct err *err)
{
	size_t n = p->name ? strlen(p->name) : 0;

	if (n == 0 || n > PROVIDER_MAX_NAME) {
		return err_set(err, ERR_INPUT, "a provider's name is 1 to %d characters",
		               PROVIDER_MAX_NAME);
	}
	if (strspn(p->name, "0123456789") == n) {
		return err_set(err, ERR_INPUT, "'%s': a name of only digits would read as an id",
		               p->name);
	}
	if (p->price_cents >= 0 && strlen(p->currency) != 3) {
		return err_set(err, ERR_INPUT, "a price needs its currency");
	}
	for (size_t i = 0; i < p->n_memberships; i++) {
		const struct membership *m = &p->memberships[i];

		if (m->fee_cents < 0 || m->sessions < 1 || m->since == DATE_NONE ||
		    strlen(m->currency) != 3) {
			return err_set(
			        err, ERR_INPUT,
			        "a membership needs a fee, a start and at least one session");
		}
		if (m->until != DATE_NONE && m->until < m->since) {
			return err_set(err, ERR_INPUT, "a membership cannot end before it starts");
		}
		for (size_t j = 0; j < i; j++) {
			const struct membership *o = &p->memberships[j];

			if ((o->until == DATE_NONE || o->until >= m->since) &&
			    (m->until == DATE_NONE || m->until >= o->since)) {
				return err_set(err, ERR_CONFLICT,
				               "%s: two memberships would run at once; end the "
				               "first with 'knead provider edit --end'",
				               p->name);
			}
		}
	}
	return ERR_OK;
}

const struct membership *provider_membership_on(const struct provider *p, int32_t day)
{
	for (size_t i = 0; i < p->n_memberships; i++) {
		const struct membership *m = &p->memberships[i];

		if (m->since <= day && (m->until == DATE_NONE || day <= m->until)) {
			return m;
		}
	}
	return NULL;
}

struct provider *provider_list_push(struct provider_list *list)
{
	if (list->n == list->alloc) {
		list->alloc = list->alloc ? 2 * list->alloc : 8;
		list->items = xreallocarray(list->items, list->alloc, sizeof(*list->items));
	}
	provider_init(&list->items[list->n]);
	return &list->items[list->n++];
}

void provider_list_release(struct provider_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		provider_release(&list->items[i]);
	}
	free(list->items);
	*list = (struct provider_list)PROVIDER_LIST_INIT;
}

void recovery_price_from(struct recovery *r, const struct provider *p)
{
	if (r->cost_cents >= 0 || p->price_cents < 0 || provider_membership_on(p, r->day)) {
		return;
	}
	r->cost_cents = p->price_cents;
	memcpy(r->currency, p->currency, sizeof(r->currency));
}

enum err_code membership_parse(const char *s, struct membership *out, struct err *err)
{
	static const char *const per_month[] = { "/month", "/mo", "/m", " a month", "/mon" };
	char amount[64];
	const char *colon = strrchr(s, ':'), *end = colon ? colon : s + strlen(s);
	size_t n = (size_t)(end - s);
	long sessions = 1;

	for (size_t i = 0; i < sizeof(per_month) / sizeof(per_month[0]); i++) {
		size_t k = strlen(per_month[i]);

		if (n > k && strncasecmp(end - k, per_month[i], k) == 0) {
			n -= k;
			break;
		}
	}
	if (n == 0 || n >= sizeof(amount)) {
		return err_set(
		        err, ERR_INPUT,
		        "'%s' is not a membership: write FEE/month:SESSIONS, e.g. 70/month:1", s);
	}
	memcpy(amount, s, n);
	amount[n] = '\0';
	if (parse_money(amount, &out->fee_cents, out->currency, err)) {
		return err_prefix(err, "membership '%s'", s);
	}
	if (colon && parse_int(colon + 1, 1, 31, &sessions, err)) {
		return err_prefix(err, "membership '%s': sessions a month", s);
	}
	out->sessions = (int)sessions;
	return ERR_OK;
}

int32_t membership_period_start(const struct membership *m, int32_t day)
{
	struct civil a = date_to_civil(m->since), b = date_to_civil(day);
	int k = (b.year - a.year) * 12 + (b.month - a.month);
	int32_t start;

	if (k < 0) {
		k = 0;
	}
	start = date_add_months(m->since, k);
	while (k > 0 && start > day) {
		start = date_add_months(m->since, --k);
	}
	return start;
}

int32_t membership_next_period(const struct membership *m, int32_t start)
{
	struct civil a = date_to_civil(m->since), b = date_to_civil(start);
	int k = (b.year - a.year) * 12 + (b.month - a.month);

	return date_add_months(m->since, k + 1);
}
