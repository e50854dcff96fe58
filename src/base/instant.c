/*
 * instant.c: ISO 8601 instants (see instant.h).
 */
#include "base/instant.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/date.h"
#include "base/parse.h"
#include "base/tz.h"

static bool digits(const char *s, size_t len, size_t at, int n, int *out)
{
	int v = 0;

	if (at + (size_t)n > len) {
		return false;
	}
	for (int i = 0; i < n; i++) {
		char c = s[at + (size_t)i];

		if (c < '0' || c > '9') {
			return false;
		}
		v = v * 10 + (c - '0');
	}
	*out = v;
	return true;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool instant_parse(const char *s, size_t len, double *utc)
{
	int y, mo, d, h, mi, sec, oh = 0, om = 0, sign = 0;
	double frac = 0, scale = 0.1;
	size_t i;

	while (len && is_space(*s)) {
		s++;
		len--;
	}
	while (len && is_space(s[len - 1])) {
		len--;
	}
	if (!digits(s, len, 0, 4, &y) || len < 19 || s[4] != '-' || !digits(s, len, 5, 2, &mo) ||
	    s[7] != '-' || !digits(s, len, 8, 2, &d) ||
	    (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s, len, 11, 2, &h) ||
	    s[13] != ':' || !digits(s, len, 14, 2, &mi) || s[16] != ':' ||
	    !digits(s, len, 17, 2, &sec)) {
		return false;
	}
	i = 19;
	if (i < len && (s[i] == '.' || s[i] == ',')) {
		i++;
		if (i >= len || s[i] < '0' || s[i] > '9') {
			return false;
		}
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			frac += (s[i] - '0') * scale;
			scale /= 10;
		}
	}
	if (i < len && (s[i] == 'Z' || s[i] == 'z')) {
		i++;
	} else if (i < len && (s[i] == '+' || s[i] == '-')) {
		sign = s[i] == '+' ? 1 : -1;
		i++;
		if (!digits(s, len, i, 2, &oh)) {
			return false;
		}
		i += 2;
		if (i < len && s[i] == ':') {
			i++;
		}
		if (!digits(s, len, i, 2, &om)) {
			return false;
		}
		i += 2;
	}
	if (i != len || !date_valid(y, mo, d) || h > 24 || mi > 59 || sec > 60 || oh > 23 ||
	    om > 59 || (h == 24 && (mi || sec || frac > 0))) {
		return false;
	}
	*utc = (double)date_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec + frac -
	       sign * (oh * 3600 + om * 60);
	return true;
}

enum err_code instant_now(int64_t *now, struct err *err)
{
	const char *env = getenv("KNEAD_NOW");
	int32_t day, sec;
	long v;
	char date[DATE_ISO_LEN];

	if (!env || !*env) {
		*now = (int64_t)time(NULL);
		return ERR_OK;
	}
	if (parse_int(env, 0, 7258118400L, &v, NULL) == ERR_OK) {
		*now = v;
		return ERR_OK;
	}
	if (strlen(env) > 11 && env[10] == 'T') {
		memcpy(date, env, 10);
		date[10] = '\0';
		if (date_parse_iso(date, &day) &&
		    parse_time_of_day(env + 11, &sec, NULL) == ERR_OK) {
			*now = tz_utc(day, sec, NULL);
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT,
	               "$KNEAD_NOW '%s' is neither Unix seconds nor YYYY-MM-DDTHH:MM", env);
}
