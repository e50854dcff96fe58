/*
 * region.c: the body-region catalogue (see region.h).
 */
#include "core/region.h"

#include <ini.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/fuzzy.h"
#include "base/xalloc.h"

/* Suggestions offered for an unknown word. */
#define MAX_SUGGESTIONS 3

struct region_key {
	char *key;     /* normalised (owned) */
	size_t region; /* index in the catalogue */
};

struct parse_ctx {
	struct region_catalog *cat;
	size_t alloc;           /* regions allocated */
	struct region *current; /* the section being read, NULL before the first */
	bool have_sided;        /* current has a sided = line */
	bool *sided_set;        /* per region: sided given (grown with regions) */
	struct err *err;        /* where the first problem goes */
	const char *origin;     /* for messages */
	bool failed;            /* a problem was recorded */
};

void region_normalise(struct strbuf *sb, const char *word)
{
	bool space = false;
	size_t start = sb->len;

	for (const unsigned char *p = (const unsigned char *)word; *p; p++) {
		if (*p == '\'') {
			continue;
		}
		if (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0x99) { /* ’ */
			p += 2;
			continue;
		}
		if (*p == ' ' || *p == '\t' || *p == '-' || *p == '_' || *p == '\n') {
			space = true;
			continue;
		}
		if (space && sb->len > start) {
			strbuf_addch(sb, ' ');
		}
		space = false;
		strbuf_addch(sb, (*p >= 'A' && *p <= 'Z') ? *p + ('a' - 'A') : *p);
	}
}

static bool valid_code(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= REGION_CODE_MAX || s[0] == '-' || s[n - 1] == '-') {
		return false;
	}
	for (; *s; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-')) {
			return false;
		}
	}
	return true;
}

static int code_index(const struct region_catalog *cat, const char *code)
{
	for (size_t i = 0; i < cat->n_regions; i++) {
		if (strcmp(cat->regions[i].code, code) == 0) {
			return (int)i;
		}
	}
	return -1;
}

__attribute__((format(printf, 3, 4))) static int fail(struct parse_ctx *ctx, const char *section,
                                                      const char *fmt, ...)
{
	if (!ctx->failed) {
		char msg[256];
		va_list ap;

		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		err_set(ctx->err, ERR_FORMAT, "[%s]: %s", section, msg);
		ctx->failed = true;
	}
	return 0;
}

static struct region *start_region(struct parse_ctx *ctx, const char *code)
{
	struct region_catalog *cat = ctx->cat;
	struct region *r;

	if (cat->n_regions == ctx->alloc) {
		size_t old = ctx->alloc;

		ctx->alloc = old ? 2 * old : 64;
		cat->regions = xreallocarray(cat->regions, ctx->alloc, sizeof(*cat->regions));
		ctx->sided_set = xreallocarray(ctx->sided_set, ctx->alloc, sizeof(bool));
	}
	r = &cat->regions[cat->n_regions];
	memset(r, 0, sizeof(*r));
	memcpy(r->code, code, strlen(code) + 1);
	r->parent = -1;
	ctx->sided_set[cat->n_regions] = false;
	cat->n_regions++;
	return r;
}

static void add_aliases(struct region *r, const char *list)
{
	const char *p = list;

	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		while (len && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t')) {
			len--;
		}
		if (len) {
			r->aliases = xreallocarray(r->aliases, r->n_aliases + 1, sizeof(char *));
			r->aliases[r->n_aliases++] = xstrndup(p, len);
		}
		if (!end) {
			break;
		}
		p = end + 1;
	}
}

static bool has_key(const char *word)
{
	struct strbuf norm = STRBUF_INIT;
	bool any;

	region_normalise(&norm, word);
	any = norm.len > 0;
	strbuf_release(&norm);
	return any;
}

static int on_value(void *user, const char *section, const char *key, const char *value)
{
	struct parse_ctx *ctx = user;
	struct region_catalog *cat = ctx->cat;
	struct region *r;
	size_t idx;

	if (ctx->failed) {
		return 1; /* the first problem is the one reported */
	}
	if (!*section) {
		return fail(ctx, "", "'%s' comes before any [region]", key);
	}
	if (!ctx->current || strcmp(ctx->current->code, section) != 0) {
		if (!valid_code(section)) {
			return fail(ctx, section, "%s",
			            "a code is 1 to 39 of a-z, 0-9 and '-', as in [hip-flexors]");
		}
		if (code_index(cat, section) >= 0) {
			return fail(ctx, section, "%s", "this region appears twice");
		}
		ctx->current = start_region(ctx, section);
	}
	r = ctx->current;
	idx = (size_t)(r - cat->regions);
	if (strcmp(key, "name") == 0) {
		if (r->name) {
			return fail(ctx, section, "%s", "name given twice");
		}
		/* a name is also a lookup key: it must have something to type */
		if (!has_key(value)) {
			return fail(ctx, section, "%s", "empty name");
		}
		r->name = xstrdup(value);
	} else if (strcmp(key, "about") == 0) {
		if (r->about) {
			return fail(ctx, section, "%s", "about given twice");
		}
		r->about = xstrdup(value);
	} else if (strcmp(key, "aliases") == 0) {
		add_aliases(r, value);
	} else if (strcmp(key, "sided") == 0) {
		if (strcmp(value, "yes") == 0) {
			r->sided = true;
		} else if (strcmp(value, "no") == 0) {
			r->sided = false;
		} else {
			return fail(ctx, section, "sided is 'yes' or 'no', not '%s'", value);
		}
		ctx->sided_set[idx] = true;
	} else if (strcmp(key, "parent") == 0) {
		int p = code_index(cat, value);

		if (r->parent >= 0) {
			return fail(ctx, section, "%s", "parent given twice");
		}
		if (p < 0) {
			return fail(ctx, section,
			            "parent '%s' is not a region above this one in the file",
			            value);
		}
		if ((size_t)p == idx) {
			return fail(ctx, section, "%s", "a region cannot be its own parent");
		}
		r->parent = p;
		r->depth = cat->regions[p].depth + 1;
	} else {
		return fail(ctx, section, "unknown key '%s' (name, parent, sided, aliases, about)",
		            key);
	}
	return 1;
}

static int by_key(const void *a, const void *b)
{
	const struct region_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c) {
		return c;
	}
	return (x->region > y->region) - (x->region < y->region);
}

static void push_key(struct region_catalog *cat, size_t *alloc, const char *word, size_t region)
{
	struct strbuf sb = STRBUF_INIT;

	region_normalise(&sb, word);
	if (!sb.len) {
		strbuf_release(&sb);
		return;
	}
	if (cat->n_keys == *alloc) {
		*alloc = *alloc ? 2 * *alloc : 256;
		cat->keys = xreallocarray(cat->keys, *alloc, sizeof(*cat->keys));
	}
	cat->keys[cat->n_keys].key = strbuf_detach(&sb, NULL);
	cat->keys[cat->n_keys].region = region;
	cat->n_keys++;
}

/* Index every code, name and alias; a key naming two regions is refused,
 * the same key twice for one region kept once. */
static enum err_code build_keys(struct region_catalog *cat, const char *origin, struct err *err)
{
	size_t alloc = 0, out = 0;

	for (size_t i = 0; i < cat->n_regions; i++) {
		const struct region *r = &cat->regions[i];

		push_key(cat, &alloc, r->code, i);
		push_key(cat, &alloc, r->name, i);
		for (size_t j = 0; j < r->n_aliases; j++) {
			push_key(cat, &alloc, r->aliases[j], i);
		}
	}
	qsort(cat->keys, cat->n_keys, sizeof(*cat->keys), by_key);
	for (size_t i = 0; i < cat->n_keys; i++) {
		struct region_key *k = &cat->keys[i];

		if (out && strcmp(cat->keys[out - 1].key, k->key) == 0) {
			if (cat->keys[out - 1].region != k->region) {
				enum err_code rc =
				        err_set(err, ERR_FORMAT,
				                "%s: '%s' names both [%s] and [%s]", origin, k->key,
				                cat->regions[cat->keys[out - 1].region].code,
				                cat->regions[k->region].code);

				/* keep the array whole for the release: kept keys, then
				 * the rest, with the freed repeats gone */
				for (size_t j = i; j < cat->n_keys; j++) {
					free(cat->keys[j].key);
				}
				cat->n_keys = out;
				return rc;
			}
			free(k->key);
			continue;
		}
		cat->keys[out++] = *k;
	}
	cat->n_keys = out;
	return ERR_OK;
}

static enum err_code check_regions(struct region_catalog *cat, const bool *sided_set,
                                   const char *origin, struct err *err)
{
	if (cat->n_regions == 0) {
		return err_set(err, ERR_FORMAT, "%s: no regions", origin);
	}
	for (size_t i = 0; i < cat->n_regions; i++) {
		const struct region *r = &cat->regions[i];

		if (!r->name) {
			return err_set(err, ERR_FORMAT, "%s: [%s]: no name", origin, r->code);
		}
		if (!sided_set[i]) {
			return err_set(err, ERR_FORMAT, "%s: [%s]: say sided = yes or no", origin,
			               r->code);
		}
		if (r->parent >= 0 && cat->regions[r->parent].sided && !r->sided) {
			return err_set(err, ERR_FORMAT,
			               "%s: [%s]: part of [%s], which has sides, so it has too",
			               origin, r->code, cat->regions[r->parent].code);
		}
	}
	return ERR_OK;
}

enum err_code region_catalog_parse(struct region_catalog *cat, const char *text, const char *origin,
                                   struct err *err)
{
	struct parse_ctx ctx = { cat, 0, NULL, false, NULL, err, origin, false };
	enum err_code rc = ERR_OK;
	int line = ini_parse_string(text, on_value, &ctx);

	if (ctx.failed) {
		rc = err->code;
		if (line > 0) {
			err_prefix(err, "%s: line %d", origin, line);
		} else {
			err_prefix(err, "%s", origin);
		}
	} else if (line != 0) {
		rc = err_set(err, ERR_FORMAT, "%s: line %d: not 'key = value' or '[region]'",
		             origin, line);
	}
	if (!rc) {
		rc = check_regions(cat, ctx.sided_set, origin, err);
	}
	if (!rc) {
		rc = build_keys(cat, origin, err);
	}
	free(ctx.sided_set);
	if (rc) {
		region_catalog_release(cat);
	}
	return rc;
}

void region_catalog_release(struct region_catalog *cat)
{
	for (size_t i = 0; i < cat->n_regions; i++) {
		struct region *r = &cat->regions[i];

		free(r->name);
		free(r->about);
		for (size_t j = 0; j < r->n_aliases; j++) {
			free(r->aliases[j]);
		}
		free(r->aliases);
	}
	for (size_t i = 0; i < cat->n_keys; i++) {
		free(cat->keys[i].key);
	}
	free(cat->regions);
	free(cat->keys);
	*cat = (struct region_catalog)REGION_CATALOG_INIT;
}

static int by_key_only(const void *k, const void *elem)
{
	return strcmp(k, ((const struct region_key *)elem)->key);
}

const struct region *region_find(const struct region_catalog *cat, const char *word)
{
	struct strbuf sb = STRBUF_INIT;
	const struct region_key *k = NULL;

	region_normalise(&sb, word);
	if (sb.len && cat->n_keys) {
		k = bsearch(sb.buf, cat->keys, cat->n_keys, sizeof(*cat->keys), by_key_only);
	}
	strbuf_release(&sb);
	return k ? &cat->regions[k->region] : NULL;
}

const struct region *region_by_code(const struct region_catalog *cat, const char *code)
{
	int i = code_index(cat, code);

	return i < 0 ? NULL : &cat->regions[i];
}

enum err_code region_lookup(const struct region_catalog *cat, const char *word,
                            const struct region **out, struct err *err)
{
	struct strbuf key = STRBUF_INIT, names = STRBUF_INIT;
	size_t best = SIZE_MAX, found[MAX_SUGGESTIONS], n_found = 0;
	enum err_code rc;

	*out = region_find(cat, word);
	if (*out) {
		return ERR_OK;
	}
	region_normalise(&key, word);
	for (size_t i = 0; i < cat->n_keys; i++) {
		size_t d = fuzzy_distance(key.buf, cat->keys[i].key);

		if (d < best) {
			best = d;
		}
	}
	if (key.len && best <= fuzzy_threshold(key.len)) {
		for (size_t i = 0; i < cat->n_keys && n_found < MAX_SUGGESTIONS; i++) {
			size_t r = cat->keys[i].region, j;

			if (fuzzy_distance(key.buf, cat->keys[i].key) != best) {
				continue;
			}
			for (j = 0; j < n_found && found[j] != r; j++) {
			}
			if (j == n_found) {
				found[n_found++] = r;
			}
		}
	}
	for (size_t i = 0; i < n_found; i++) {
		strbuf_addf(&names, "%s%s",
		            i == 0             ? ""
		            : i + 1 == n_found ? " or "
		                               : ", ",
		            cat->regions[found[i]].code);
	}
	if (n_found) {
		rc = err_set(err, ERR_INPUT, "'%s' is not a body region; did you mean %s?", word,
		             names.buf);
	} else {
		rc = err_set(err, ERR_INPUT,
		             "'%s' is not a body region ('knead regions' lists them)", word);
	}
	strbuf_release(&key);
	strbuf_release(&names);
	return rc;
}

size_t region_search(const struct region_catalog *cat, const char *query, const struct region **out,
                     size_t max)
{
	struct strbuf q = STRBUF_INIT;
	bool *hit = xcalloc(cat->n_regions + 1, sizeof(bool));
	size_t n = 0;

	region_normalise(&q, query);
	for (size_t i = 0; q.len && i < cat->n_keys; i++) {
		if (strstr(cat->keys[i].key, q.buf)) {
			hit[cat->keys[i].region] = true;
		}
	}
	for (size_t i = 0; i < cat->n_regions; i++) {
		if (hit[i]) {
			if (n < max) {
				out[n] = &cat->regions[i];
			}
			n++;
		}
	}
	free(hit);
	strbuf_release(&q);
	return n;
}

static const char *const side_names[SIDE_COUNT] = { NULL, "left", "right", "both" };

const char *side_name(enum side s)
{
	return (unsigned)s < SIDE_COUNT ? side_names[s] : NULL;
}

enum err_code side_parse(const char *s, enum side *out, struct err *err)
{
	static const struct {
		const char *word;
		enum side side;
	} words[] = {
		{ "b", SIDE_BOTH },      { "both", SIDE_BOTH }, { "l", SIDE_LEFT },
		{ "left", SIDE_LEFT },   { "lt", SIDE_LEFT },   { "r", SIDE_RIGHT },
		{ "right", SIDE_RIGHT }, { "rt", SIDE_RIGHT },
	};

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strcasecmp(s, words[i].word) == 0) {
			*out = words[i].side;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT, "'%s' is not a side (left, right, both, l or r)", s);
}

/* "my left calf" and "right hamstring": the side may lead, as said aloud. */
static const char *leading_side(const char *s, enum side *side)
{
	static const struct {
		const char *word;
		enum side side;
	} words[] = { { "left ", SIDE_LEFT }, { "right ", SIDE_RIGHT }, { "both ", SIDE_BOTH } };

	if (strncasecmp(s, "my ", 3) == 0) {
		s += 3;
	}
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t n = strlen(words[i].word);

		if (strncasecmp(s, words[i].word, n) == 0) {
			*side = words[i].side;
			return s + n;
		}
	}
	return s;
}

enum err_code region_ref_parse(const struct region_catalog *cat, const char *text,
                               bool side_required, struct region_ref *out, struct err *err)
{
	enum side side = SIDE_COUNT; /* not given */
	const char *colon = strrchr(text, ':'), *word;
	char *name;
	enum err_code rc;

	word = leading_side(text, &side);
	if (colon) {
		if (side != SIDE_COUNT) {
			return err_set(err, ERR_INPUT, "'%s' gives the side twice", text);
		}
		if (side_parse(colon + 1, &side, err)) {
			return err_prefix(err, "'%s'", text);
		}
		name = xstrndup(word, (size_t)(colon - word));
	} else {
		name = xstrdup(word);
	}
	rc = region_lookup(cat, name, &out->region, err);
	free(name);
	if (rc) {
		return rc;
	}
	if (!out->region->sided) {
		if (side != SIDE_COUNT) {
			return err_set(err, ERR_INPUT, "%s has no left and right: write just '%s'",
			               out->region->name, out->region->code);
		}
		out->side = SIDE_NONE;
		return ERR_OK;
	}
	if (side == SIDE_COUNT) {
		if (side_required) {
			return err_set(err, ERR_INPUT,
			               "which side? write %s:left, %s:right or %s:both",
			               out->region->code, out->region->code, out->region->code);
		}
		side = SIDE_BOTH;
	}
	out->side = side;
	return ERR_OK;
}

void region_ref_describe(struct strbuf *sb, const struct region_ref *ref)
{
	switch (ref->side) {
	case SIDE_LEFT:
	case SIDE_RIGHT:
		strbuf_addf(sb, "%s %s", side_name(ref->side), ref->region->name);
		break;
	case SIDE_BOTH:
		strbuf_addf(sb, "%s (both sides)", ref->region->name);
		break;
	default:
		strbuf_adds(sb, ref->region->name);
		break;
	}
}

bool region_within(const struct region_catalog *cat, const struct region *r,
                   const struct region *ancestor)
{
	while (r) {
		if (r == ancestor) {
			return true;
		}
		r = r->parent >= 0 ? &cat->regions[r->parent] : NULL;
	}
	return false;
}

bool region_overlaps(const struct region_catalog *cat, const struct region *a,
                     const struct region *b)
{
	return region_within(cat, a, b) || region_within(cat, b, a);
}

bool side_overlaps(enum side a, enum side b)
{
	return a == b || a == SIDE_BOTH || b == SIDE_BOTH || a == SIDE_NONE || b == SIDE_NONE;
}
