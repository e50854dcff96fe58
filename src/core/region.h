/*
 * region.h: the body-region catalogue, and the words runners use for it.
 *
 * The catalogue comes from data/regions.ini (see that file for the
 * format): each region has a code ("semitendinosus"), a display name, a
 * parent (semitendinosus is part of hamstrings, which are part of the
 * thigh), whether it comes in a left and a right, and aliases: plurals,
 * common names ("hammy", "ITB") and the misspellings real runners write
 * ("piraformis"). Lookup is exact on a normalised key: case, hyphens,
 * underscores, repeated spaces and apostrophes do not matter. A word that
 * is none of these is refused with the closest regions by edit distance;
 * knead never guesses a body part.
 *
 * Parsing checks what makes the catalogue safe to look things up in:
 * every parent exists and comes first (so there are no cycles), a child of
 * a sided region is sided, and no key names two regions.
 */
#ifndef KNEAD_REGION_H
#define KNEAD_REGION_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "base/strbuf.h"

/* Longest region code, with its NUL: codes are short words like "it-band". */
#define REGION_CODE_MAX 40

enum side {
	SIDE_NONE,  /* an unsided region: neck, lower back */
	SIDE_LEFT,  /* ... */
	SIDE_RIGHT, /* ... */
	SIDE_BOTH,  /* both sides at once */
	SIDE_COUNT
};

struct region {
	char code[REGION_CODE_MAX]; /* [a-z0-9-], unique */
	char *name;                 /* display name (owned) */
	char *about;                /* one line for the runner, NULL if none (owned) */
	int parent;                 /* index in the catalogue, -1 for a top-level region */
	int depth;                  /* 0 for a top-level region */
	bool sided;                 /* has a left and a right */
	char **aliases;             /* other words for it, as written (owned) */
	size_t n_aliases;           /* count */
};

struct region_key;

struct region_catalog {
	struct region *regions;  /* in file order: a parent before its children */
	size_t n_regions;        /* count */
	struct region_key *keys; /* normalised lookup keys, sorted */
	size_t n_keys;           /* count */
};

#define REGION_CATALOG_INIT                                                                        \
	{                                                                                          \
		NULL, 0, NULL, 0                                                                   \
	}

/* A region with a side, as typed: "hamstring:right", "left calf". */
struct region_ref {
	const struct region *region; /* borrowed from the catalogue */
	enum side side;              /* SIDE_NONE exactly when the region is unsided */
};

/* Parse the catalogue text (regions.ini) into cat, which must be
 * REGION_CATALOG_INIT. origin names the text in messages ("regions.ini").
 * A malformed catalogue is ERR_FORMAT naming the line or the section and
 * leaves cat empty. */
enum err_code region_catalog_parse(struct region_catalog *cat, const char *text, const char *origin,
                                   struct err *err);

/* Free what cat holds and leave it REGION_CATALOG_INIT. */
void region_catalog_release(struct region_catalog *cat);

/* The region whose code, name or alias is word (normalised), else NULL. */
const struct region *region_find(const struct region_catalog *cat, const char *word);

/* The region with this exact code, else NULL. */
const struct region *region_by_code(const struct region_catalog *cat, const char *code);

/* Like region_find, but an unknown word is ERR_INPUT naming it and
 * suggesting the closest regions ("did you mean hamstrings?"). */
enum err_code region_lookup(const struct region_catalog *cat, const char *word,
                            const struct region **out, struct err *err);

/* The regions any of whose words (code, name, aliases) contain query
 * (normalised), in catalogue order, into out (at most max); returns how
 * many matched in all. */
size_t region_search(const struct region_catalog *cat, const char *query, const struct region **out,
                     size_t max);

/* Parse "REGION[:SIDE]" as a runner types it: "hamstring:right",
 * "hammy:r", "glutes:both", "my left calf", "lower back". With
 * side_required, a sided region without a side is ERR_INPUT; without it,
 * a missing side means both. A side on an unsided region is ERR_INPUT. */
enum err_code region_ref_parse(const struct region_catalog *cat, const char *text,
                               bool side_required, struct region_ref *out, struct err *err);

/* Append "right hamstrings", "glutes (both sides)" or "lower back". */
void region_ref_describe(struct strbuf *sb, const struct region_ref *ref);

/* Whether r is ancestor or ancestor's descendant (a region is within
 * itself): semitendinosus is within hamstrings and within thigh. */
bool region_within(const struct region_catalog *cat, const struct region *r,
                   const struct region *ancestor);

/* Whether two regions overlap: one is within the other. */
bool region_overlaps(const struct region_catalog *cat, const struct region *a,
                     const struct region *b);

/* Whether a side recorded as b concerns side a: equal, or either is both. */
bool side_overlaps(enum side a, enum side b);

/* Append the normalised lookup key of word: lower case, one space between
 * words, no apostrophes. */
void region_normalise(struct strbuf *sb, const char *word);

/* "left", "right", "both", or NULL for SIDE_NONE; and back ("l", "r" and
 * "b" too). */
const char *side_name(enum side s);
enum err_code side_parse(const char *s, enum side *out, struct err *err);

#endif
