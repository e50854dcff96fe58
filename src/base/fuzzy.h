/*
 * fuzzy.h: how far apart two words are, for "did you mean" suggestions.
 *
 * Used wherever a runner may misspell a name: commands, options, and (in
 * the body catalogue) regions such as "hamsting".
 */
#ifndef KNEAD_FUZZY_H
#define KNEAD_FUZZY_H

#include <stddef.h>

/* The optimal-string-alignment distance between a and b, ignoring ASCII
 * letter case: insertions, deletions, substitutions and swaps of adjacent
 * letters each cost 1. Words longer than 63 bytes compare as far apart
 * (the result is then at least 64). */
size_t fuzzy_distance(const char *a, const char *b);

/* The largest distance still worth suggesting for a word of len bytes:
 * 1 for short words, 2 from 5 letters, 3 from 9. */
size_t fuzzy_threshold(size_t len);

#endif
