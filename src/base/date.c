/*
 * date.c: civil-date arithmetic (see date.h).
 *
 * date_from_civil and date_to_civil are Howard Hinnant's algorithms
 * ("chrono-Compatible Low-Level Date Algorithms"): shift the year to start
 * on 1 March so the leap day is the last day of the year, then count whole
 * 400-year eras of 146097 days. They need no tables and no loops.
 */
#include "base/date.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

bool date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12) {
		return 0;
	}
	if (month == 2 && date_is_leap(year)) {
		return 29;
	}
	return days[month - 1];
}

bool date_valid(int year, int month, int day)
{
	return month >= 1 && month <= 12 && day >= 1 && day <= date_days_in_month(year, month);
}

int32_t date_from_civil(int year, int month, int day)
{
	int era, yoe, doy, doe;

	assert(date_valid(year, month, day));
	assert(year > -1000000 && year < 1000000);
	year -= month <= 2;
	era = (year >= 0 ? year : year - 399) / 400;
	yoe = year - era * 400;                                              /* [0, 399] */
	doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1; /* [0, 365] */
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                         /* [0, 146096] */
	return (int32_t)(era * 146097 + doe - 719468);
}

struct civil date_to_civil(int32_t days)
{
	struct civil c;
	int z, era, doe, yoe, doy, mp;

	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;                                      /* [0, 146096] */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* [0, 365] */
	mp = (5 * doy + 2) / 153;                                    /* [0, 11] */
	c.day = doy - (153 * mp + 2) / 5 + 1;
	c.month = mp < 10 ? mp + 3 : mp - 9;
	c.year = yoe + era * 400 + (c.month <= 2);
	return c;
}

enum weekday date_weekday(int32_t days)
{
	/* Day 0 was a Thursday (4); the +3 keeps the dividend non-negative for
	 * every day after 1969-12-29, and the second modulo handles the rest. */
	int wd = (int)(((int64_t)days + 3) % 7);

	if (wd < 0) {
		wd += 7;
	}
	return (enum weekday)(wd + 1);
}

int32_t date_week_start(int32_t days)
{
	return days - (int32_t)(date_weekday(days) - WEEKDAY_MON);
}

void date_iso_week(int32_t days, int *iso_year, int *week)
{
	/* The ISO week belongs to the year of its Thursday. */
	int32_t thursday = date_week_start(days) + 3;
	struct civil c = date_to_civil(thursday);
	int32_t jan1 = date_from_civil(c.year, 1, 1);

	*iso_year = c.year;
	*week = (int)((thursday - jan1) / 7) + 1;
}

void date_format(int32_t days, char buf[DATE_ISO_LEN])
{
	struct civil c = date_to_civil(days);

	/* Years outside 0..9999 never come from validated input; clamp the
	 * width rather than overflow the buffer if one ever does. */
	if (c.year < 0 || c.year > 9999) {
		snprintf(buf, DATE_ISO_LEN, "%s", "invalid");
		return;
	}
	snprintf(buf, DATE_ISO_LEN, "%04u-%02u-%02u", (unsigned)c.year % 10000u,
	         (unsigned)c.month % 100u, (unsigned)c.day % 100u);
}

static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return -1;
		}
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool date_parse_iso(const char *s, int32_t *days)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
		return false;
	}
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR || m < 0 || d < 0 || !date_valid(y, m, d)) {
		return false;
	}
	*days = date_from_civil(y, m, d);
	return true;
}

static const char *const weekday_names[8][2] = {
	{ "?", "?" },          { "Mon", "Monday" }, { "Tue", "Tuesday" },  { "Wed", "Wednesday" },
	{ "Thu", "Thursday" }, { "Fri", "Friday" }, { "Sat", "Saturday" }, { "Sun", "Sunday" },
};

const char *date_weekday_abbr(enum weekday wd)
{
	return weekday_names[wd >= WEEKDAY_MON && wd <= WEEKDAY_SUN ? wd : 0][0];
}

const char *date_weekday_name(enum weekday wd)
{
	return weekday_names[wd >= WEEKDAY_MON && wd <= WEEKDAY_SUN ? wd : 0][1];
}

int32_t date_add_months(int32_t days, int n)
{
	struct civil c = date_to_civil(days);
	long m = (long)c.year * 12 + (c.month - 1) + n;
	int year = (int)(m >= 0 ? m / 12 : -((-m + 11) / 12));
	int month = (int)(m - (long)year * 12) + 1;
	int dim = date_days_in_month(year, month);

	return date_from_civil(year, month, c.day < dim ? c.day : dim);
}
