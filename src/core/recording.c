/*
 * recording.c: decoded files and what can be derived from their samples
 * (see recording.h).
 */
#include "core/recording.h"

#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/geo.h"
#include "base/tz.h"
#include "base/xalloc.h"

/* Slower than this (m/s) is standing still: a slow walk is about 1. */
#define MOVING_MIN_SPEED 0.5
/* A gap between samples longer than this (s) is a pause, not movement. */
#define MOVING_MAX_GAP 30.0
/* Altitude changes up to this (m) are noise, not climbing: GPS altitude
 * wanders a few metres, barometric altitude by its 0.2 m steps. */
#define CLIMB_HYSTERESIS 3.0
/* Moving time over elapsed time by up to this (s) is clock rounding. */
#define MOVING_ROUNDING_S 5.0
/* Moving time over elapsed time by up to this (s) is clock rounding. */
#define MOVING_ROUNDING_S 5.0
/* Samples further apart than this (s) do not weigh more in an average. */
#define AVERAGE_MAX_WEIGHT 10.0

/* ---- samples ---- */

void samples_init(struct samples *s)
{
	memset(s, 0, sizeof(*s));
}

void samples_release(struct samples *s)
{
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		free(s->cols[f]);
	}
	samples_init(s);
}

size_t samples_add_row(struct samples *s)
{
	if (s->n == s->alloc) {
		size_t alloc = s->alloc ? s->alloc * 2 : 256;

		for (int f = 0; f < SAMPLE_FIELDS; f++) {
			if (s->cols[f]) {
				s->cols[f] = xreallocarray(s->cols[f], alloc, sizeof(double));
			}
		}
		s->alloc = alloc;
	}
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		if (s->cols[f]) {
			s->cols[f][s->n] = (double)NAN;
		}
	}
	return s->n++;
}

void samples_set(struct samples *s, size_t row, enum sample_field f, double v)
{
	assert(row < s->n && (unsigned)f < SAMPLE_FIELDS);
	if (isnan(v)) {
		return;
	}
	if (!s->cols[f]) {
		s->cols[f] = xreallocarray(NULL, s->alloc, sizeof(double));
		for (size_t i = 0; i < s->n; i++) {
			s->cols[f][i] = (double)NAN;
		}
	}
	s->cols[f][row] = v;
}

double samples_get(const struct samples *s, size_t row, enum sample_field f)
{
	return s->cols[f] && row < s->n ? s->cols[f][row] : (double)NAN;
}

bool samples_has(const struct samples *s, enum sample_field f)
{
	return s->cols[f] != NULL;
}

void samples_move_tail(struct samples *dst, struct samples *src, size_t from)
{
	for (size_t i = from; i < src->n; i++) {
		size_t row = samples_add_row(dst);

		for (int f = 0; f < SAMPLE_FIELDS; f++) {
			if (src->cols[f]) {
				samples_set(dst, row, (enum sample_field)f, src->cols[f][i]);
			}
		}
	}
	if (from < src->n) {
		src->n = from;
	}
	/* a field that only the moved rows had is gone from src */
	for (int f = 0; f < SAMPLE_FIELDS; f++) {
		bool any = false;

		for (size_t i = 0; src->cols[f] && i < src->n && !any; i++) {
			any = !isnan(src->cols[f][i]);
		}
		if (src->cols[f] && !any) {
			free(src->cols[f]);
			src->cols[f] = NULL;
		}
	}
}

const char *samples_field_name(enum sample_field f)
{
	static const char *const names[SAMPLE_FIELDS] = {
		"time", "lat", "lon", "altitude", "distance", "hr", "cadence", "power", "speed",
	};

	return (unsigned)f < SAMPLE_FIELDS ? names[f] : "?";
}

/* ---- laps, activities, recordings ---- */

void lap_init(struct lap *lap)
{
	memset(lap, 0, sizeof(*lap));
	lap->start_utc = lap->elapsed_s = lap->moving_s = lap->distance_m = (double)NAN;
	lap->ascent_m = lap->descent_m = lap->speed_max = lap->cadence_avg = (double)NAN;
	lap->power_avg = lap->calories = (double)NAN;
}

void recorded_init(struct recorded *r)
{
	memset(r, 0, sizeof(*r));
	activity_init(&r->activity);
	samples_init(&r->samples);
}

void recorded_release(struct recorded *r)
{
	activity_release(&r->activity);
	samples_release(&r->samples);
	free(r->laps);
	recorded_init(r);
}

struct lap *recorded_add_lap(struct recorded *r)
{
	struct lap *lap;

	xgrow((void **)&r->laps, &r->alloc_laps, r->n_laps + 1, sizeof(*r->laps));
	lap = &r->laps[r->n_laps++];
	lap_init(lap);
	return lap;
}

void recording_init(struct recording *rec)
{
	memset(rec, 0, sizeof(*rec));
	strbuf_init(&rec->warnings, 0);
}

void recording_release(struct recording *rec)
{
	for (size_t i = 0; i < rec->n_activities; i++) {
		recorded_release(&rec->activities[i]);
	}
	free(rec->activities);
	free(rec->file_name);
	free(rec->device);
	free(rec->file_type);
	free(rec->gear);
	strbuf_release(&rec->warnings);
	recording_init(rec);
}

struct recorded *recording_add(struct recording *rec)
{
	struct recorded *r;

	xgrow((void **)&rec->activities, &rec->alloc_activities, rec->n_activities + 1,
	      sizeof(*rec->activities));
	r = &rec->activities[rec->n_activities++];
	recorded_init(r);
	r->activity.source = rec->format;
	return r;
}

__attribute__((format(printf, 2, 0))) static void add_line(struct recording *rec, const char *fmt,
                                                           va_list ap)
{
	if (rec->warnings.len) {
		strbuf_addch(&rec->warnings, '\n');
	}
	strbuf_vaddf(&rec->warnings, fmt, ap);
}

void recording_warn(struct recording *rec, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_line(rec, fmt, ap);
	va_end(ap);
	rec->repaired = true;
}

void recording_note(struct recording *rec, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_line(rec, fmt, ap);
	va_end(ap);
}

/* ---- deriving summaries ---- */

/* The first and last sample times, NAN if none. */
static void time_bounds(const struct samples *s, double *first, double *last)
{
	*first = *last = (double)NAN;
	for (size_t i = 0; i < s->n; i++) {
		double t = samples_get(s, i, SAMPLE_TIME);

		if (!isnan(t)) {
			if (isnan(*first)) {
				*first = t;
			}
			*last = t;
		}
	}
}

static void derive_times(struct activity *a, const struct samples *s)
{
	double first, last;

	time_bounds(s, &first, &last);
	if (!a->has_start && !isnan(first)) {
		a->has_start = true;
		a->start_utc = (int64_t)floor(first);
	}
	if (isnan(a->duration_s) && !isnan(first) && last > first) {
		a->duration_s = last - first;
	}
	if (a->has_start) {
		struct tz_local local = tz_local(a->start_utc);

		a->date = local.day;
		a->utc_offset = local.offset;
	}
}

/* Metres between rows i and j by position, NAN if either has none. */
static double step_by_position(const struct samples *s, size_t i, size_t j)
{
	return geo_distance(samples_get(s, i, SAMPLE_LAT), samples_get(s, i, SAMPLE_LON),
	                    samples_get(s, j, SAMPLE_LAT), samples_get(s, j, SAMPLE_LON));
}

static void derive_distance(struct activity *a, const struct samples *s)
{
	double total = 0, last_device = (double)NAN;
	size_t prev = (size_t)-1;

	if (!isnan(a->distance_m)) {
		return;
	}
	for (size_t i = 0; i < s->n; i++) {
		double d = samples_get(s, i, SAMPLE_DISTANCE);

		if (!isnan(d) && (isnan(last_device) || d > last_device)) {
			last_device = d;
		}
	}
	/* a device that counted nothing (no sensor) leaves it to the GPS */
	if (last_device > 0) {
		a->distance_m = last_device;
		return;
	}
	if (!samples_has(s, SAMPLE_LAT) || !samples_has(s, SAMPLE_LON)) {
		return;
	}
	for (size_t i = 0; i < s->n; i++) {
		if (isnan(samples_get(s, i, SAMPLE_LAT)) || isnan(samples_get(s, i, SAMPLE_LON))) {
			continue;
		}
		if (prev != (size_t)-1) {
			double d = step_by_position(s, prev, i);

			if (!isnan(d)) {
				total += d;
			}
		}
		prev = i;
	}
	a->distance_m = total;
}

/* Speed between rows i-1 and i: the device's, else from its distance
 * (when it counted any), else from positions; NAN when nothing tells. */
static double step_speed(const struct samples *s, size_t i, double dt, bool device_distance)
{
	double v = samples_get(s, i, SAMPLE_SPEED);
	double d0, d1;

	if (!isnan(v)) {
		return v;
	}
	d0 = samples_get(s, i - 1, SAMPLE_DISTANCE);
	d1 = samples_get(s, i, SAMPLE_DISTANCE);
	if (device_distance && !isnan(d0) && !isnan(d1)) {
		return (d1 - d0) / dt;
	}
	return step_by_position(s, i - 1, i) / dt;
}

/* True if the device's cumulative distance counted anything. */
static bool device_counted(const struct samples *s)
{
	for (size_t i = 0; i < s->n; i++) {
		if (samples_get(s, i, SAMPLE_DISTANCE) > 0) {
			return true;
		}
	}
	return false;
}

static void derive_moving(struct activity *a, const struct samples *s)
{
	double moving = 0;
	bool known = false, device_distance;

	if (!isnan(a->moving_s) || !samples_has(s, SAMPLE_TIME)) {
		return;
	}
	device_distance = device_counted(s);
	for (size_t i = 1; i < s->n; i++) {
		double dt = samples_get(s, i, SAMPLE_TIME) - samples_get(s, i - 1, SAMPLE_TIME);
		double v;

		if (!(dt > 0) || dt > MOVING_MAX_GAP) {
			continue;
		}
		v = step_speed(s, i, dt, device_distance);
		if (isnan(v)) {
			continue;
		}
		known = true;
		if (v >= MOVING_MIN_SPEED) {
			moving += dt;
		}
	}
	if (known && moving > 0) {
		a->moving_s = moving;
	}
}

/* Climb and descent by hysteresis between pivots: a rise or fall counts
 * once the altitude turns back from its extreme by more than the noise
 * band, and then counts in full, from pivot to extreme; wandering inside
 * the band never counts. */
struct climb {
	double pivot;    /* the last turning point counted to */
	double extreme;  /* the highest (rising) or lowest (falling) since */
	int dir;         /* +1 rising, -1 falling, 0 not yet out of the band */
	double up, down; /* totals */
};

static void climb_add(struct climb *c, double alt)
{
	if (isnan(c->pivot)) {
		c->pivot = c->extreme = alt;
		return;
	}
	if (c->dir == 0) {
		if (fabs(alt - c->pivot) > CLIMB_HYSTERESIS) {
			c->dir = alt > c->pivot ? 1 : -1;
			c->extreme = alt;
		}
	} else if (c->dir * (alt - c->extreme) > 0) {
		c->extreme = alt;
	} else if (fabs(alt - c->extreme) > CLIMB_HYSTERESIS) {
		if (c->dir > 0) {
			c->up += c->extreme - c->pivot;
		} else {
			c->down += c->pivot - c->extreme;
		}
		c->pivot = c->extreme;
		c->extreme = alt;
		c->dir = -c->dir;
	}
}

static void climb_end(struct climb *c)
{
	if (c->dir > 0) {
		c->up += c->extreme - c->pivot;
	} else if (c->dir < 0) {
		c->down += c->pivot - c->extreme;
	}
}

static void derive_climb(struct activity *a, const struct samples *s)
{
	struct climb c = { (double)NAN, (double)NAN, 0, 0, 0 };
	double prev2 = (double)NAN, prev1 = (double)NAN;

	if ((!isnan(a->ascent_m) && !isnan(a->descent_m)) || !samples_has(s, SAMPLE_ALTITUDE)) {
		return;
	}
	for (size_t i = 0; i < s->n; i++) {
		double alt = samples_get(s, i, SAMPLE_ALTITUDE);

		if (isnan(alt)) {
			continue;
		}
		/* a short moving average takes out single-sample jitter */
		climb_add(&c, isnan(prev2) ? alt : 0.25 * prev2 + 0.35 * prev1 + 0.4 * alt);
		prev2 = isnan(prev1) ? alt : prev1;
		prev1 = alt;
	}
	climb_end(&c);
	if (isnan(a->ascent_m)) {
		a->ascent_m = c.up;
	}
	if (isnan(a->descent_m)) {
		a->descent_m = c.down;
	}
}

static void derive_heart_rate(struct activity *a, const struct samples *s)
{
	double sum = 0, weight = 0, max = 0;

	if ((a->hr_avg && a->hr_max) || !samples_has(s, SAMPLE_HR)) {
		return;
	}
	for (size_t i = 0; i < s->n; i++) {
		double hr = samples_get(s, i, SAMPLE_HR);
		double w = 1;

		if (!(hr >= 25 && hr <= 250)) {
			continue;
		}
		if (i + 1 < s->n) {
			double dt =
			        samples_get(s, i + 1, SAMPLE_TIME) - samples_get(s, i, SAMPLE_TIME);

			/* time-weighted: smart recording writes unevenly */
			if (dt > 0) {
				w = fmin(dt, AVERAGE_MAX_WEIGHT);
			}
		}
		sum += hr * w;
		weight += w;
		if (hr > max) {
			max = hr;
		}
	}
	if (!a->hr_avg && weight > 0) {
		a->hr_avg = (int)lround(sum / weight);
	}
	if (!a->hr_max && max > 0) {
		a->hr_max = (int)lround(max);
	}
}

/* Figures a file may carry that knead cannot keep as they are: fixed, and
 * said, rather than the whole file refused. */
static void sanitize(struct recording *rec, struct activity *a, size_t index)
{
	if (!isnan(a->distance_m) && !(a->distance_m > 0)) {
		a->distance_m = (double)NAN; /* a zero distance is no distance */
	}
	if (!isnan(a->duration_s) && !(a->duration_s > 0)) {
		a->duration_s = (double)NAN;
	}
	if (!isnan(a->moving_s) && !(a->moving_s > 0)) {
		a->moving_s = (double)NAN;
	}
	if (!isnan(a->moving_s) && !isnan(a->duration_s) && a->moving_s > a->duration_s) {
		/* Devices round the two clocks differently: a few seconds over is
		 * rounding, more is a broken clock. */
		if (a->moving_s - a->duration_s <= fmax(MOVING_ROUNDING_S, 0.01 * a->duration_s)) {
			a->moving_s = a->duration_s;
		} else {
			recording_warn(
			        rec,
			        "activity %zu: moving time %.0f s is longer than elapsed %.0f s; "
			        "kept the elapsed time only",
			        index + 1, a->moving_s, a->duration_s);
			a->moving_s = (double)NAN;
		}
	}
	if (!isnan(a->cadence_avg) && !(a->cadence_avg > 0)) {
		a->cadence_avg = (double)NAN; /* devices write 0 for "no sensor" */
	}
	if (!isnan(a->power_avg) && !(a->power_avg > 0)) {
		a->power_avg = (double)NAN;
	}
	if (a->hr_avg && (a->hr_avg < 25 || a->hr_avg > 250)) {
		a->hr_avg = 0;
	}
	if (a->hr_max && (a->hr_max < 25 || a->hr_max > 250)) {
		a->hr_max = 0;
	}
	if (a->hr_avg && a->hr_max && a->hr_avg > a->hr_max) {
		a->hr_max = 0;
	}
	if (!isnan(a->ascent_m) && a->ascent_m < 0) {
		a->ascent_m = (double)NAN;
	}
	if (!isnan(a->descent_m) && a->descent_m < 0) {
		a->descent_m = (double)NAN;
	}
	if (a->treadmill && !sport_allows_treadmill(a->sport)) {
		a->treadmill = false;
	}
}

void recording_derive(struct recording *rec)
{
	for (size_t i = 0; i < rec->n_activities; i++) {
		struct recorded *r = &rec->activities[i];
		struct activity *a = &r->activity;

		derive_times(a, &r->samples);
		derive_distance(a, &r->samples);
		derive_moving(a, &r->samples);
		derive_climb(a, &r->samples);
		derive_heart_rate(a, &r->samples);
		if (!a->treadmill && sport_allows_treadmill(a->sport) && !isnan(a->distance_m) &&
		    a->distance_m > 0 && r->samples.n > 0 &&
		    !samples_has(&r->samples, SAMPLE_LAT)) {
			a->treadmill = true; /* distance came from a foot pod or the belt */
		}
		sanitize(rec, a, i);
	}
}
