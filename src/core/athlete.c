/*
 * athlete.c: the profile (see athlete.h).
 */
#include "core/athlete.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void athlete_init(struct athlete *a, int64_t id)
{
	memset(a, 0, sizeof(*a));
	a->id = id;
	a->threshold_pace_s_per_km = (double)NAN;
	a->units = UNITS_KM;
	a->budget_cents = -1;
}

void athlete_release(struct athlete *a)
{
	int64_t id = a->id;

	free(a->name);
	free(a->tz);
	athlete_init(a, id);
}

enum err_code athlete_validate(const struct athlete *a, int this_year, struct err *err)
{
	if (a->max_hr && (a->max_hr < 100 || a->max_hr > 250)) {
		return err_set(err, ERR_INPUT, "a maximum heart rate of %d is outside 100..250",
		               a->max_hr);
	}
	if (a->rest_hr && (a->rest_hr < 25 || a->rest_hr > 120)) {
		return err_set(err, ERR_INPUT, "a resting heart rate of %d is outside 25..120",
		               a->rest_hr);
	}
	if (a->max_hr && a->rest_hr && a->rest_hr >= a->max_hr) {
		return err_set(err, ERR_INPUT,
		               "the resting heart rate %d is not below the maximum %d", a->rest_hr,
		               a->max_hr);
	}
	if (a->birth_year && (a->birth_year < this_year - 110 || a->birth_year > this_year - 5)) {
		return err_set(err, ERR_INPUT, "a birth year of %d is not plausible",
		               a->birth_year);
	}
	if (!isnan(a->threshold_pace_s_per_km) &&
	    (a->threshold_pace_s_per_km < 120 || a->threshold_pace_s_per_km > 900)) {
		return err_set(err, ERR_INPUT,
		               "a threshold pace of %.0f s/km is outside 2:00 to 15:00 per km",
		               a->threshold_pace_s_per_km);
	}
	if (a->currency[0]) {
		for (int i = 0; i < 3; i++) {
			if (!isupper((unsigned char)a->currency[i])) {
				return err_set(
				        err, ERR_INPUT,
				        "'%s' is not a currency code (three capital letters, "
				        "e.g. USD, EUR, CAD)",
				        a->currency);
			}
		}
		if (a->currency[3]) {
			return err_set(err, ERR_INPUT, "'%s' is not a currency code", a->currency);
		}
	}
	if (a->budget_cents < -1) {
		return err_set(err, ERR_INPUT, "a budget cannot be negative");
	}
	return ERR_OK;
}

const char *athlete_sex_name(enum sex s)
{
	return s == SEX_F ? "f" : s == SEX_M ? "m" : "";
}

enum err_code athlete_sex_parse(const char *s, enum sex *out, struct err *err)
{
	static const char *const f[] = { "f", "female", "w", "woman" };
	static const char *const m[] = { "m", "male", "man" };

	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		if (strcasecmp(s, f[i]) == 0) {
			*out = SEX_F;
			return ERR_OK;
		}
	}
	for (size_t i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
		if (strcasecmp(s, m[i]) == 0) {
			*out = SEX_M;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT, "'%s' is not f or m", s);
}

const char *athlete_currency(const struct athlete *a)
{
	return a->currency[0] ? a->currency : ATHLETE_DEFAULT_CURRENCY;
}
