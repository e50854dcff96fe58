/*
 * fuzz_parse.c: libFuzzer target for everything a runner types.
 *
 * The input is one string given to each human-input parser in turn: dates,
 * times, durations, distances, figures, paces, numbers, sports, units and
 * time-zone names. A parser may refuse it, but must never crash, read out
 * of bounds or leave a message without the input in it.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/date.h"
#include "base/err.h"
#include "base/parse.h"
#include "base/tz.h"
#include "base/units.h"
#include "base/xalloc.h"
#include "core/sport.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Longer inputs say nothing new about these parsers. */
#define MAX_INPUT 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	struct err err = ERR_INIT;
	int32_t day, sec;
	double v;
	long n;
	enum parse_figure kind;
	enum sport sport;
	enum units u;
	int32_t today = date_from_civil(2026, 11, 24);

	if (size > MAX_INPUT) {
		return 0;
	}
	s = xstrndup((const char *)data, size);
	(void)parse_date(s, today, &day, &err);
	(void)parse_date(s, date_from_civil(DATE_MIN_YEAR, 1, 1), &day, &err);
	(void)parse_date(s, date_from_civil(DATE_MAX_YEAR, 12, 31), &day, &err);
	(void)parse_time_of_day(s, &sec, &err);
	(void)parse_duration(s, &v, &err);
	(void)parse_distance(s, &v, &err);
	(void)parse_figure(s, &kind, &v, &err);
	(void)parse_pace(s, 1000, &v, &err);
	(void)parse_int(s, -1000, 1000, &n, &err);
	(void)parse_number(s, -1e6, 1e6, &v, &err);
	(void)sport_parse(s, &sport, &err);
	(void)units_parse(s, &u, &err);
	(void)tz_exists(s);
	if (err.code != ERR_OK && strlen(err.msg) == 0) {
		__builtin_trap(); /* a refusal must say why */
	}
	free(s);
	return 0;
}
