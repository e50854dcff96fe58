/*
 * zones.c: Karvonen heart-rate zones (see zones.h).
 */
#include "analysis/zones.h"

#include <math.h>

static const struct {
	const char *name;
	double low; /* fraction of the reserve where the zone starts */
} karvonen[ZONES_COUNT] = {
	{ "recovery", 0.5 },  { "aerobic", 0.6 }, { "tempo", 0.7 },
	{ "threshold", 0.8 }, { "maximum", 0.9 },
};

bool zones_karvonen(int max_hr, int rest_hr, struct hr_zone out[ZONES_COUNT])
{
	int reserve = max_hr - rest_hr;

	if (max_hr <= 0 || rest_hr <= 0 || reserve <= 0) {
		return false;
	}
	for (int i = 0; i < ZONES_COUNT; i++) {
		struct hr_zone *z = &out[i];

		z->number = i + 1;
		z->name = karvonen[i].name;
		z->low_hrr = karvonen[i].low;
		z->high_hrr = i + 1 < ZONES_COUNT ? karvonen[i + 1].low : 1.0;
		z->low_bpm = rest_hr + (int)lround(z->low_hrr * reserve);
	}
	for (int i = 0; i < ZONES_COUNT; i++) {
		out[i].high_bpm = i + 1 < ZONES_COUNT ? out[i + 1].low_bpm - 1 : max_hr;
	}
	return true;
}

int zones_find(const struct hr_zone zones[ZONES_COUNT], int hr)
{
	for (int i = ZONES_COUNT - 1; i >= 0; i--) {
		if (hr >= zones[i].low_bpm) {
			return zones[i].number;
		}
	}
	return 0;
}
