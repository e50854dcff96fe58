/*
 * date.h: civil (proleptic Gregorian) dates as day numbers.
 *
 * A date is an int32_t count of days since 1970-01-01, so date arithmetic
 * is integer arithmetic and dates sort as numbers. These functions know
 * nothing of time zones: a day number is the runner's local calendar day,
 * and base/tz.h turns instants into local days. The conversions are exact
 * for every year from -1,000,000 to 1,000,000; input parsing limits years to
 * DATE_MIN_YEAR..DATE_MAX_YEAR, which is what a training log can mean.
 */
#ifndef KNEAD_DATE_H
#define KNEAD_DATE_H

#include <stdbool.h>
#include <stdint.h>

/* "No date": a value that no valid day number takes. */
#define DATE_NONE INT32_MIN

/* The range of years that knead accepts from input. */
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2199

/* "YYYY-MM-DD" and its terminator. */
#define DATE_ISO_LEN 11

/* A calendar date broken into fields. */
struct civil {
	int year;  /* e.g. 2026 */
	int month; /* 1..12 */
	int day;   /* 1..31 */
};

/* ISO 8601 weekdays: Monday is 1, Sunday is 7. */
enum weekday {
	WEEKDAY_MON = 1,
	WEEKDAY_TUE,
	WEEKDAY_WED,
	WEEKDAY_THU,
	WEEKDAY_FRI,
	WEEKDAY_SAT,
	WEEKDAY_SUN,
};

/* The same day of the month n months later (n may be negative), clamped
 * to the end of a shorter month: Jan 31 plus one month is Feb 28 or 29. */
int32_t date_add_months(int32_t days, int n);

/* True for Gregorian leap years. */
bool date_is_leap(int year);

/* Days in month (1..12) of year; 0 for a month out of range. */
int date_days_in_month(int year, int month);

/* True when year, month and day name a real day (2026-02-30 does not). */
bool date_valid(int year, int month, int day);

/* The day number of a civil date. The fields must be valid (assert). */
int32_t date_from_civil(int year, int month, int day);

/* The civil date of a day number. */
struct civil date_to_civil(int32_t days);

/* The ISO weekday of a day number (1970-01-01 was a Thursday). */
enum weekday date_weekday(int32_t days);

/* The ISO 8601 week of a day number: *iso_year (which differs from the
 * calendar year for some days around New Year) and *week, 1..53. */
void date_iso_week(int32_t days, int *iso_year, int *week);

/* The Monday that starts the ISO week containing days. */
int32_t date_week_start(int32_t days);

/* Format days as "YYYY-MM-DD" into buf, which holds DATE_ISO_LEN bytes. */
void date_format(int32_t days, char buf[DATE_ISO_LEN]);

/* Parse exactly "YYYY-MM-DD" (four-digit year in DATE_MIN_YEAR..
 * DATE_MAX_YEAR, two-digit month and day forming a real date).
 * Returns true and sets *days on success; false leaves *days alone. */
bool date_parse_iso(const char *s, int32_t *days);

/* The three-letter English name of a weekday ("Mon"), and the full one. */
const char *date_weekday_abbr(enum weekday wd);
const char *date_weekday_name(enum weekday wd);

#endif
