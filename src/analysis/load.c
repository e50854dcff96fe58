/*
 * load.c: training load per activity (see load.h).
 */
#include "analysis/load.h"

#include <math.h>
#include <string.h>

static const char *const method_names[LOAD_METHOD_COUNT] = {
	[LOAD_HR_SAMPLES] = "hr-samples",
	[LOAD_HR_AVG] = "hr-avg",
	[LOAD_PACE] = "pace",
	[LOAD_RPE] = "rpe",
	[LOAD_DEFAULT] = "default",
};

/* Intensity factor of a typical session when nothing else is known, and
 * the speed that times an activity logged by distance alone: conventions
 * [C], chosen so that an easy hour of running is about 55 points. */
static const struct {
	double intensity;
	double speed_m_s;
} sport_defaults[SPORT_COUNT] = {
	[SPORT_RUN] = { 0.75, 2.8 },  [SPORT_TRAIL] = { 0.78, 2.3 }, [SPORT_WALK] = { 0.50, 1.4 },
	[SPORT_HIKE] = { 0.60, 1.2 }, [SPORT_SKI] = { 0.60, 5.0 },   [SPORT_XCSKI] = { 0.75, 3.5 },
	[SPORT_BIKE] = { 0.70, 7.0 }, [SPORT_SWIM] = { 0.75, 0.8 },  [SPORT_STRENGTH] = { 0.60, 0 },
	[SPORT_YOGA] = { 0.45, 0 },   [SPORT_CROSS] = { 0.65, 3.0 }, [SPORT_OTHER] = { 0.60, 0 },
};

const char *load_method_name(enum load_method m)
{
	return (unsigned)m < LOAD_METHOD_COUNT ? method_names[m] : "?";
}

bool load_method_from_name(const char *name, enum load_method *out)
{
	for (int i = 0; i < LOAD_METHOD_COUNT; i++) {
		if (strcmp(name, method_names[i]) == 0) {
			*out = (enum load_method)i;
			return true;
		}
	}
	return false;
}

void load_profile_from_athlete(struct load_profile *p, const struct athlete *a)
{
	p->max_hr = a->max_hr;
	p->rest_hr = a->rest_hr;
	p->sex = a->sex;
	p->threshold_pace_s_per_km = a->threshold_pace_s_per_km;
}

double load_trimp(double minutes, double x, enum sex sex)
{
	double a = sex == SEX_F ? 0.86 : 0.64, b = sex == SEX_F ? 1.67 : 1.92;

	return minutes * x * a * exp(b * x);
}

double load_minetti_cost(double i)
{
	if (i > 0.45) {
		i = 0.45;
	} else if (i < -0.45) {
		i = -0.45;
	}
	return (((((155.4 * i - 30.4) * i - 43.3) * i + 46.3) * i + 19.5) * i) + 3.6;
}

static bool knows_hr(const struct load_profile *p)
{
	return p->max_hr > 0 && p->rest_hr > 0 && p->max_hr > p->rest_hr;
}

/* Fraction of heart-rate reserve, clamped to 0..1. */
static double reserve(const struct load_profile *p, double hr)
{
	double x = (hr - p->rest_hr) / (double)(p->max_hr - p->rest_hr);

	return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* TRIMP of an hour at threshold heart rate: HRSS's 100. */
static double threshold_hour(const struct load_profile *p)
{
	return load_trimp(60, reserve(p, LOAD_LTHR_OF_MAX * p->max_hr), p->sex);
}

static double duration_of(const struct activity *a)
{
	double speed = (unsigned)a->sport < SPORT_COUNT ? sport_defaults[a->sport].speed_m_s : 0;

	if (!isnan(a->moving_s) && a->moving_s > 0) {
		return a->moving_s;
	}
	if (!isnan(a->duration_s) && a->duration_s > 0) {
		return a->duration_s;
	}
	if (!isnan(a->distance_m) && speed > 0) {
		return a->distance_m / speed;
	}
	return 0;
}

/* HRSS over the trace; NAN if it has too little heart rate to go on. */
static double hr_samples(const struct samples *s, const struct load_profile *p)
{
	double trimp = 0, counted = 0;
	const double *t, *hr;

	if (!s || !s->cols[SAMPLE_TIME] || !s->cols[SAMPLE_HR] || s->n < 2) {
		return (double)NAN;
	}
	t = s->cols[SAMPLE_TIME];
	hr = s->cols[SAMPLE_HR];
	for (size_t i = 1; i < s->n; i++) {
		double dt = t[i] - t[i - 1];

		if (isnan(dt) || dt <= 0 || dt > LOAD_MAX_SAMPLE_GAP_S || isnan(hr[i - 1])) {
			continue;
		}
		trimp += load_trimp(dt / 60, reserve(p, hr[i - 1]), p->sex);
		counted += dt;
	}
	/* a few beats do not make a session: fall back to the average */
	if (counted < 300) {
		return (double)NAN;
	}
	return 100 * trimp / threshold_hour(p);
}

/* Flat-equivalent speed over the trace by Minetti's cost of each stretch
 * between samples; NAN without distance and altitude. */
static double grade_adjusted_speed(const struct samples *s)
{
	const double *t, *d, *alt;
	double flat = 0, moving = 0;

	if (!s || !s->cols[SAMPLE_TIME] || !s->cols[SAMPLE_DISTANCE] || !s->cols[SAMPLE_ALTITUDE] ||
	    s->n < 2) {
		return (double)NAN;
	}
	t = s->cols[SAMPLE_TIME];
	d = s->cols[SAMPLE_DISTANCE];
	alt = s->cols[SAMPLE_ALTITUDE];
	for (size_t i = 1; i < s->n; i++) {
		double dt = t[i] - t[i - 1], dd = d[i] - d[i - 1], da = alt[i] - alt[i - 1];

		if (isnan(dt) || isnan(dd) || isnan(da) || dt <= 0 || dt > LOAD_MAX_SAMPLE_GAP_S ||
		    dd <= 0) {
			continue;
		}
		flat += dd * load_minetti_cost(da / dd) / load_minetti_cost(0);
		moving += dt;
	}
	return moving >= 300 ? flat / moving : (double)NAN;
}

static double from_intensity(double seconds, double intensity)
{
	return seconds / 3600 * intensity * intensity * 100;
}

struct load_result load_compute(const struct activity *a, const struct samples *s,
                                const struct load_profile *p)
{
	struct load_result r = { 0, LOAD_DEFAULT };
	double seconds = duration_of(a), v;

	if (knows_hr(p)) {
		v = hr_samples(s, p);
		if (!isnan(v)) {
			r.points = v;
			r.method = LOAD_HR_SAMPLES;
			return r;
		}
		if (a->hr_avg > 0 && seconds > 0) {
			r.points = 100 * load_trimp(seconds / 60, reserve(p, a->hr_avg), p->sex) /
			           threshold_hour(p);
			r.method = LOAD_HR_AVG;
			return r;
		}
	}
	if (sport_is_running(a->sport) && !isnan(p->threshold_pace_s_per_km) &&
	    p->threshold_pace_s_per_km > 0 && !isnan(a->distance_m) && seconds > 0) {
		double speed = a->treadmill ? (double)NAN : grade_adjusted_speed(s);

		if (isnan(speed)) {
			speed = a->distance_m / seconds;
		}
		r.points = from_intensity(seconds, speed * p->threshold_pace_s_per_km / 1000);
		r.method = LOAD_PACE;
		return r;
	}
	if (a->rpe > 0 && seconds > 0) {
		r.points = a->rpe * (seconds / 60) / 6;
		r.method = LOAD_RPE;
		return r;
	}
	if ((unsigned)a->sport < SPORT_COUNT) {
		r.points = from_intensity(seconds, sport_defaults[a->sport].intensity);
	}
	return r;
}
