/*
 * fuzzy.c: edit distance (see fuzzy.h).
 */
#include "base/fuzzy.h"

#include <ctype.h>
#include <string.h>

#define FUZZY_MAX 63

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

size_t fuzzy_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	size_t d[FUZZY_MAX + 1][FUZZY_MAX + 1];

	if (n > FUZZY_MAX || m > FUZZY_MAX) {
		return FUZZY_MAX + 1 + (n > m ? n - m : m - n);
	}
	for (size_t i = 0; i <= n; i++) {
		d[i][0] = i;
	}
	for (size_t j = 0; j <= m; j++) {
		d[0][j] = j;
	}
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[j - 1]);
			size_t cost = ca != cb;

			d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb &&
			    d[i - 2][j - 2] + 1 < d[i][j]) {
				d[i][j] = d[i - 2][j - 2] + 1;
			}
		}
	}
	return d[n][m];
}

size_t fuzzy_threshold(size_t len)
{
	return len >= 9 ? 3 : len >= 5 ? 2 : 1;
}
