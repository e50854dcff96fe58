/*
 * parse.h: what runners type, turned into numbers.
 *
 * Each parser takes the whole argument (no leading or trailing junk is
 * accepted), returns ERR_OK and writes its output, or returns ERR_INPUT
 * with a message that quotes the argument and shows what would have been
 * accepted. Outputs are written only on success. Matching of words is
 * case-insensitive.
 *
 * The grammar (also in docs/knead.1.scd):
 *   dates      2026-11-21, today, yesterday, tomorrow, sat or saturday (the
 *              most recent Saturday, today included), last sat (strictly
 *              before today), next sat (strictly after today), -3d, +2d,
 *              -2w
 *   times      20:30, 8:30pm, 6am, 20:30:15
 *   durations  45min, 200min, 3h, 1.5h, 1h20, 1h20m, 1h20min30s, 90s,
 *              45:00 (minutes:seconds), 3:20:00 (hours:minutes:seconds)
 *   distances  8k, 8km, 6.2mi, 400m, 1500m, 50yd, half, marathon
 *              ("m" is metres; minutes are "min")
 *   paces      5:30/km, 8:50/mi, 5:30 (in the default unit)
 */
#ifndef KNEAD_PARSE_H
#define KNEAD_PARSE_H

#include <stdint.h>

#include "base/err.h"

/* The distances that have names. */
#define PARSE_HALF_MARATHON_M 21097.5
#define PARSE_MARATHON_M      42195.0
#define PARSE_MILE_M          1609.344
#define PARSE_YARD_M          0.9144

/* Parse a date relative to today (a base/date.h day number) into *day.
 * Results outside DATE_MIN_YEAR..DATE_MAX_YEAR are refused. */
enum err_code parse_date(const char *s, int32_t today, int32_t *day, struct err *err);

/* Parse a time of day into seconds after midnight (0..86399). */
enum err_code parse_time_of_day(const char *s, int32_t *sec, struct err *err);

/* Parse a duration into seconds; it must be positive and under 100 hours. */
enum err_code parse_duration(const char *s, double *seconds, struct err *err);

/* Parse a distance into metres; it must be positive and under 100,000 km. */
enum err_code parse_distance(const char *s, double *metres, struct err *err);

/* What parse_figure found. */
enum parse_figure {
	PARSE_FIGURE_DISTANCE, /* *value is metres */
	PARSE_FIGURE_DURATION, /* *value is seconds */
};

/* Parse a figure typed after a sport, which is a distance or a duration
 * ("8k", "200min"): sets *kind and *value. A bare number ("45") is refused
 * with a message asking for a unit; a figure of either kind out of range
 * gets that kind's message. */
enum err_code parse_figure(const char *s, enum parse_figure *kind, double *value, struct err *err);

/* Parse a pace into seconds per kilometre. A pace without a unit is per
 * default_unit_m metres (1000 for km, PARSE_MILE_M for miles). */
enum err_code parse_pace(const char *s, double default_unit_m, double *sec_per_km, struct err *err);

/* Parse a decimal integer in lo..hi into *out. */
enum err_code parse_int(const char *s, long lo, long hi, long *out, struct err *err);

/* Parse an amount of money into cents: "70", "70.5", "89.99", "$90",
 * "€45", "90 USD", "EUR 45". currency gets the code given (upper case),
 * "EUR" for €, "GBP" for £, "$" for a dollar sign (which is too many
 * currencies to mean one), else "". At most 1,000,000.00. */
enum err_code parse_money(const char *s, int64_t *cents, char currency[4], struct err *err);

/* Parse a plain decimal number (digits, at most one '.') in lo..hi. */
enum err_code parse_number(const char *s, double lo, double hi, double *out, struct err *err);

#endif
