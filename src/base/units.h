/*
 * units.h: figures formatted for people, in kilometres or miles.
 *
 * Everything inside knead is SI (metres, seconds); these functions are the
 * only place where a figure becomes "8.00 km", "4.97 mi", "3:20:00" or
 * "5:30 /km". They append to a strbuf and never fail; a figure that is
 * not a finite number (unknown) prints as "?".
 */
#ifndef KNEAD_UNITS_H
#define KNEAD_UNITS_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "base/strbuf.h"

/* The runner's display units, a profile setting. */
enum units {
	UNITS_KM, /* kilometres, min/km, km/h */
	UNITS_MI, /* miles, min/mi, mph */
};

/* "km" or "mi". */
const char *units_name(enum units u);

/* Parse "km" or "mi" (also "metric", "imperial", "miles"). */
enum err_code units_parse(const char *s, enum units *out, struct err *err);

/* Metres in one display unit of distance (1000 or 1609.344). */
double units_metres(enum units u);

/* Append a distance: "8.00 km", "4.97 mi". */
void units_add_distance(struct strbuf *sb, double metres, enum units u);

/* Append a duration rounded to the second: "3:20:00", "45:00", "0:08". */
void units_add_duration(struct strbuf *sb, double seconds);

/* Append a pace from seconds per metre: "5:30 /km", "8:51 /mi". */
void units_add_pace(struct strbuf *sb, double sec_per_m, enum units u);

/* Append a speed from metres per second: "25.3 km/h", "15.7 mph". */
void units_add_speed(struct strbuf *sb, double m_per_s, enum units u);

/* Append a pace per 100 metres (swimming): "1:52 /100m". */
void units_add_pace_100m(struct strbuf *sb, double sec_per_m);

/* The symbol knead writes for a currency code: "$", "€", "£", or "" for
 * a currency it writes by its code. */
const char *units_currency_symbol(const char *currency);

/* Append an amount of money: "$70.00", "€45.50", "£12.00", "CHF 80.00"
 * (the code for currencies without a symbol of their own here). */
void units_add_money(struct strbuf *sb, int64_t cents, const char *currency);

#endif
