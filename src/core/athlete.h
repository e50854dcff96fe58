/*
 * athlete.h: the runner's profile.
 *
 * One database may hold several athletes (a club, a coach), so every stored
 * record carries an athlete id; the command line works on ATHLETE_DEFAULT.
 * Unknown numbers are 0 (heart rates, birth year), (double)NAN (threshold pace) or
 * -1 (budget); strings are owned and NULL when unset.
 */
#ifndef KNEAD_ATHLETE_H
#define KNEAD_ATHLETE_H

#include <stdint.h>

#include "base/err.h"
#include "base/units.h"

/* The athlete the command line and the web app act for. */
#define ATHLETE_DEFAULT 1

enum sex {
	SEX_UNKNOWN,
	SEX_F,
	SEX_M,
};

struct athlete {
	int64_t id;                     /* database id */
	char *name;                     /* display name, NULL if unset (owned) */
	enum sex sex;                   /* used by TRIMP weighting */
	int birth_year;                 /* 0 if unknown */
	int max_hr;                     /* measured maximum heart rate, 0 if unknown */
	int rest_hr;                    /* resting heart rate, 0 if unknown */
	double threshold_pace_s_per_km; /* lactate-threshold pace, (double)NAN if unknown */
	enum units units;               /* display units */
	char *tz;                       /* IANA zone, NULL for the system's (owned) */
	char currency[4];               /* ISO 4217 code, "" if unset */
	int64_t budget_cents;           /* monthly recovery budget, -1 if unset */
};

/* The currency of recovery costs when the profile names none. */
#define ATHLETE_DEFAULT_CURRENCY "USD"

/* The profile's currency, or ATHLETE_DEFAULT_CURRENCY. */
const char *athlete_currency(const struct athlete *a);

/* An athlete with every field unset and the given id. */
void athlete_init(struct athlete *a, int64_t id);

/* Free the strings and re-initialise with the same id. */
void athlete_release(struct athlete *a);

/* Check the profile: maximum heart rate within 100..250, resting within
 * 25..120 and below the maximum, a birth year plausible for this_year (the
 * current year), a threshold pace between 2:00 and 15:00 per km, a
 * currency of three capital letters, a non-negative budget. */
enum err_code athlete_validate(const struct athlete *a, int this_year, struct err *err);

/* "f", "m" or "" and back ("f", "female", "w", "woman"; "m", "male", "man"). */
const char *athlete_sex_name(enum sex s);
enum err_code athlete_sex_parse(const char *s, enum sex *out, struct err *err);

#endif
