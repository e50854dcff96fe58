/*
 * bench/load: how long knead takes to recompute every training load and
 * to build the fitness and weekly tables over years of training.
 *
 * Usage: bench/load [--years N] [--passes N] [--db PATH]
 *
 * Generates N years (default 10) of one runner's daily training, through
 * the library, into a scratch database (removed afterwards unless --db
 * names where to keep it): six days a week with a rest day, a weekly long
 * run that builds through each season, intervals and tempo, easy runs,
 * rides, swims, yoga and strength, a two-week break each year and a few
 * days lost to illness or travel. The first years are typed: runs with an
 * RPE or only distance and time, some with an average heart rate; from the
 * fourth year most sessions come from a watch, with 1 Hz samples of time,
 * distance, altitude and heart rate stored as an import stores them. Then
 * it times, each the best of --passes runs (default 3):
 *   1. training_refresh_loads(TRAINING_ALL) in one transaction, as `knead
 *      init --max-hr` does: every activity read, imported ones with their
 *      samples decoded, every load computed and written;
 *   2. training_fitness over every day since the first activity, as
 *      `knead load` does (one query, then the 1/tau recurrences);
 *   3. the weekly table over the same days: every activity listed,
 *      volume_weeks, pmc_weeks, as `knead load --weekly` does.
 * Figures only; nothing here passes or fails on time.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "advice/training.h"
#include "analysis/pmc.h"
#include "analysis/volume.h"
#include "base/date.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "core/activity.h"
#include "core/recording.h"
#include "store/store.h"
#include "store/store_activity.h"
#include "store/store_athlete.h"
#include "store/store_recording.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const struct err *err)
{
	fprintf(stderr, "bench/load: %s: %s\n", what, err ? err->msg : strerror(errno));
	exit(1);
}

/* ---- a deterministic runner ---- */

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

/* Uniform in [0, 1) (xorshift64*). */
static double uniform(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (double)((rng_state * 0x2545f4914f6cdd1du) >> 11) / 9007199254740992.0;
}

static double between(double lo, double hi)
{
	return lo + (hi - lo) * uniform();
}

/* What kind of session, and how hard: fraction of heart-rate reserve and
 * speed relative to threshold speed, for the generated trace. */
enum session {
	EASY,
	LONG,
	INTERVALS,
	TEMPO,
	RIDE,
	SWIM,
	YOGA,
	STRENGTH
};

struct plan_day {
	enum sport sport;
	enum session session;
	double minutes;
	double hrr;   /* mean fraction of heart-rate reserve */
	double speed; /* fraction of threshold speed (foot sports) */
	int rpe;
};

/* The runner: her profile, and the paces the sessions are run at. */
#define MAX_HR             188
#define REST_HR            48
#define THRESHOLD_S_PER_KM 280.0

/* The long run builds from 70 to 150 minutes through each 16-week block. */
static double long_minutes(int32_t day)
{
	int week = (int)((day / 7) % 16);

	return 70 + 80 * week / 15.0 + between(-5, 5);
}

/* Fill the sessions of one day (at most two); returns how many. */
static int sessions_of(int32_t day, struct plan_day out[2])
{
	enum weekday wd = date_weekday(day);
	struct civil c = date_to_civil(day);
	int n = 0;

	/* two weeks off each year, from the first of December */
	if (c.month == 12 && c.day <= 14) {
		return 0;
	}
	if (uniform() < 0.06) {
		return 0; /* ill, travelling, or just not today */
	}
	switch (wd) {
	case WEEKDAY_MON:
		return 0;
	case WEEKDAY_TUE:
		out[n++] =
		        (struct plan_day){ SPORT_RUN, INTERVALS, between(50, 65), 0.78, 0.98, 8 };
		break;
	case WEEKDAY_WED:
		if (uniform() < 0.3) {
			out[n++] =
			        (struct plan_day){ SPORT_BIKE, RIDE, between(60, 120), 0.62, 0, 5 };
		} else {
			out[n++] = (struct plan_day){ SPORT_RUN, EASY, between(40, 55),
				                      0.62,      0.78, 4 };
		}
		break;
	case WEEKDAY_THU:
		out[n++] = (struct plan_day){ SPORT_RUN, TEMPO, between(45, 60), 0.80, 0.95, 7 };
		break;
	case WEEKDAY_FRI:
		if (uniform() < 0.5) {
			out[n++] = uniform() < 0.5
			                   ? (struct plan_day){ SPORT_SWIM, SWIM, between(30, 45),
				                                0.6,        0,    5 }
			                   : (struct plan_day){ SPORT_YOGA, YOGA, between(45, 60),
				                                0.3,        0,    2 };
		} else {
			return 0;
		}
		break;
	case WEEKDAY_SAT:
		out[n++] = (struct plan_day){ uniform() < 0.25 ? SPORT_TRAIL : SPORT_RUN,
			                      EASY,
			                      between(40, 60),
			                      0.64,
			                      0.8,
			                      4 };
		if (uniform() < 0.35) {
			out[n++] = (struct plan_day){
				SPORT_STRENGTH, STRENGTH, between(25, 40), 0.4, 0, 6
			};
		}
		break;
	case WEEKDAY_SUN:
		out[n++] = (struct plan_day){ SPORT_RUN, LONG, long_minutes(day), 0.68, 0.8, 6 };
		break;
	}
	return n;
}

/* The activity a session makes; speed is NAN for sports without distance. */
static void fill_activity(struct activity *a, int32_t day, const struct plan_day *p, double *speed)
{
	static const double sport_speed[SPORT_COUNT] = {
		[SPORT_BIKE] = 7.5,
		[SPORT_SWIM] = 0.85,
	};
	double seconds = round(p->minutes * 60);

	a->athlete_id = 1;
	a->sport = p->sport;
	a->date = day;
	a->duration_s = seconds;
	*speed = (double)NAN;
	if (sport_is_running(p->sport)) {
		*speed = 1000 / THRESHOLD_S_PER_KM * p->speed * between(0.96, 1.04);
		if (p->sport == SPORT_TRAIL) {
			*speed *= 0.85;
		}
	} else if (sport_speed[p->sport] > 0) {
		*speed = sport_speed[p->sport] * between(0.9, 1.1);
	}
	if (!isnan(*speed)) {
		a->distance_m = round(*speed * seconds);
	}
}

/* 1 Hz samples of a session with heart rate that follows its effort:
 * a warm-up, drift through the session, repeats for intervals, noise;
 * distance and rolling altitude for foot sports. */
static void fill_samples(struct recorded *r, const struct plan_day *p, double speed, int64_t start)
{
	size_t n = (size_t)r->activity.duration_s;
	double dist = 0, alt = 120 + between(0, 200), phase = between(0, 6.28);
	double ascent = 0, descent = 0, hr_sum = 0;
	int hr_max = 0;

	for (size_t i = 0; i < n; i++) {
		size_t row = samples_add_row(&r->samples);
		double t = (double)i / (double)n, x = p->hrr, hr, v = speed, prev = alt;

		if (p->session == INTERVALS) {
			bool on = t > 0.2 && t < 0.8 && ((i / 180) % 2 == 0);

			x = on ? 0.9 : 0.6;
			v = isnan(speed) ? speed : speed * (on ? 1.15 : 0.8);
		}
		x = x * (i < 600 ? 0.75 + 0.25 * (double)i / 600 : 1) + 0.05 * t;
		hr = round(REST_HR + x * (MAX_HR - REST_HR) + between(-2, 2));
		samples_set(&r->samples, row, SAMPLE_TIME, (double)(start + (int64_t)i));
		samples_set(&r->samples, row, SAMPLE_HR, hr);
		hr_sum += hr;
		if (hr > hr_max) {
			hr_max = (int)hr;
		}
		if (!isnan(v)) {
			dist += v * between(0.97, 1.03);
			alt = 120 + 30 * sin(dist / 900 + phase) + 8 * sin(dist / 170);
			if (i) {
				ascent += alt > prev ? alt - prev : 0;
				descent += alt < prev ? prev - alt : 0;
			}
			samples_set(&r->samples, row, SAMPLE_DISTANCE, round(dist * 100) / 100);
			samples_set(&r->samples, row, SAMPLE_ALTITUDE, round(alt * 10) / 10);
		}
	}
	if (!isnan(speed)) {
		r->activity.distance_m = round(dist);
		r->activity.ascent_m = round(ascent);
		r->activity.descent_m = round(descent);
	}
	r->activity.moving_s = r->activity.duration_s;
	r->activity.hr_avg = (int)lround(hr_sum / (double)n);
	r->activity.hr_max = hr_max;
}

struct counts {
	size_t typed, imported, samples, days;
};

static void add_typed(struct store *s, int32_t day, const struct plan_day *p, int year,
                      struct counts *c)
{
	struct activity a;
	struct err err = ERR_INIT;
	double speed, u = uniform();

	activity_init(&a);
	fill_activity(&a, day, p, &speed);
	/* early on RPE or nothing; a chest strap from the third year */
	if (year >= 2 && u < 0.5) {
		a.hr_avg = (int)lround(REST_HR + p->hrr * (MAX_HR - REST_HR) + between(-4, 4));
	} else if (u < 0.8) {
		a.rpe = p->rpe;
	}
	if (activity_validate(&a, &err) || store_activity_add(s, &a, &err)) {
		die("adding a typed activity", &err);
	}
	activity_release(&a);
	c->typed++;
}

static void add_imported(struct store *s, int32_t day, const struct plan_day *p, int seq,
                         struct counts *c)
{
	struct recording rec;
	struct recorded *r;
	struct err err = ERR_INIT;
	double speed;
	int64_t start = (int64_t)day * 86400 + 7 * 3600 + seq * 5 * 3600;

	recording_init(&rec);
	rec.format = SOURCE_FIT;
	rec.file_name = xstrdup("bench.fit");
	for (int i = 0; i < 8; i++) {
		snprintf(rec.sha256 + 8 * i, 9, "%08x", (unsigned)(uniform() * 4294967296.0));
	}
	r = recording_add(&rec);
	fill_activity(&r->activity, day, p, &speed);
	r->activity.source = SOURCE_FIT;
	r->activity.has_start = true;
	r->activity.start_utc = start;
	r->activity.utc_offset = 0;
	fill_samples(r, p, speed, start);
	rec.n_records = r->samples.n;
	rec.n_sessions = 1;
	if (activity_validate(&r->activity, &err) || store_recording_add(s, 1, &rec, &err)) {
		die("adding an imported activity", &err);
	}
	c->samples += r->samples.n;
	c->imported++;
	recording_release(&rec);
}

static void generate(struct store *s, int32_t first, int32_t last, struct counts *c)
{
	struct err err = ERR_INIT;

	if (store_begin(s, &err)) {
		die("beginning", &err);
	}
	for (int32_t day = first; day <= last; day++) {
		struct plan_day p[2];
		int n = sessions_of(day, p), year = (day - first) / 365;

		for (int i = 0; i < n; i++) {
			bool watch = year >= 3 && uniform() < 0.75;

			if (watch) {
				add_imported(s, day, &p[i], i, c);
			} else {
				add_typed(s, day, &p[i], year, c);
			}
		}
	}
	if (store_commit(s, &err)) {
		die("committing", &err);
	}
	c->days = (size_t)(last - first) + 1;
}

/* ---- what is timed ---- */

static double time_refresh(struct store *s, const struct athlete *p, size_t *n)
{
	struct err err = ERR_INIT;
	double t0 = now();

	if (store_begin(s, &err) || training_refresh_loads(s, p, TRAINING_ALL, n, &err) ||
	    store_commit(s, &err)) {
		die("recomputing loads", &err);
	}
	return now() - t0;
}

static double time_fitness(struct store *s, size_t *n_days, double *last_ctl)
{
	struct err err = ERR_INIT;
	struct pmc_day *days;
	double t0 = now(), t;

	if (training_fitness(s, 1, DATE_NONE, DATE_NONE, &days, n_days, &err)) {
		die("building the fitness table", &err);
	}
	t = now() - t0;
	*last_ctl = *n_days ? days[*n_days - 1].ctl : 0;
	free(days);
	return t;
}

static double time_weekly(struct store *s, size_t *n_weeks)
{
	struct err err = ERR_INIT;
	struct activity_list list = ACTIVITY_LIST_INIT;
	struct activity_query q;
	struct pmc_day *days;
	struct pmc_week *weeks;
	struct volume_week *volume;
	double *loads, t0 = now(), t;
	size_t n_days;
	int32_t from;

	if (training_fitness(s, 1, DATE_NONE, DATE_NONE, &days, &n_days, &err) || !n_days) {
		die("building the weekly table", &err);
	}
	from = days[0].day;
	activity_query_init(&q, 1);
	if (store_activity_list(s, &q, &list, &err)) {
		die("listing activities", &err);
	}
	loads = xreallocarray(NULL, n_days, sizeof(*loads));
	for (size_t i = 0; i < n_days; i++) {
		loads[i] = days[i].load;
	}
	*n_weeks = pmc_weeks(loads, n_days, from, NULL, 0);
	weeks = xreallocarray(NULL, *n_weeks, sizeof(*weeks));
	volume = xreallocarray(NULL, *n_weeks, sizeof(*volume));
	pmc_weeks(loads, n_days, from, weeks, *n_weeks);
	volume_weeks(list.activities, list.n_activities, from, days[n_days - 1].day, volume,
	             *n_weeks);
	t = now() - t0;
	activity_list_release(&list);
	free(days);
	free(loads);
	free(weeks);
	free(volume);
	return t;
}

/* How many loads each method found: that the generated data exercise
 * them all is part of what the figures mean. */
static void print_methods(struct store *s)
{
	struct err err = ERR_INIT;
	struct activity_list list = ACTIVITY_LIST_INIT;
	struct activity_query q;
	size_t count[LOAD_METHOD_COUNT] = { 0 };

	activity_query_init(&q, 1);
	if (store_activity_list(s, &q, &list, &err)) {
		die("listing activities", &err);
	}
	for (size_t i = 0; i < list.n_activities; i++) {
		enum load_method m;

		if (load_method_from_name(list.activities[i].load_method, &m)) {
			count[m]++;
		}
	}
	printf("  loads by method:");
	for (int m = 0; m < LOAD_METHOD_COUNT; m++) {
		printf("%s %s %zu", m ? "," : "", load_method_name((enum load_method)m), count[m]);
	}
	printf("\n");
	activity_list_release(&list);
}

static long parse_count(const char *opt, const char *v)
{
	char *end;
	long n = strtol(v ? v : "", &end, 10);

	if (!v || *end || n < 1 || n > 100) {
		fprintf(stderr, "bench/load: %s wants a number from 1 to 100\n", opt);
		exit(2);
	}
	return n;
}

int main(int argc, char **argv)
{
	struct strbuf dir = STRBUF_INIT, path = STRBUF_INIT;
	const char *keep = NULL;
	long years = 10, passes = 3;
	struct store *s = NULL;
	struct err err = ERR_INIT;
	struct athlete profile;
	struct counts c = { 0, 0, 0, 0 };
	double best_refresh = (double)INFINITY, best_fitness = (double)INFINITY, best_weekly = (double)INFINITY;
	double t0, gen, last_ctl = 0;
	size_t n_loads = 0, n_days = 0, n_weeks = 0;
	int32_t last = date_from_civil(2026, 11, 22), first;
	struct stat st;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--years") == 0) {
			years = parse_count("--years", i + 1 < argc ? argv[++i] : NULL);
		} else if (strcmp(argv[i], "--passes") == 0) {
			passes = parse_count("--passes", i + 1 < argc ? argv[++i] : NULL);
		} else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			keep = argv[++i];
		} else {
			fprintf(stderr, "usage: bench/load [--years N] [--passes N] [--db PATH]\n");
			return 2;
		}
	}
	first = last - (int32_t)(years * 365 + years / 4) + 1;
	if (keep) {
		strbuf_adds(&path, keep);
	} else {
		strbuf_addf(&dir, "%s/knead-bench-load.XXXXXX",
		            getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
		if (!mkdtemp(dir.buf)) {
			die("creating a scratch folder", NULL);
		}
		strbuf_addf(&path, "%s/knead.db", dir.buf);
	}
	if (store_open(path.buf, STORE_WRITE, &s, &err)) {
		die("opening the database", &err);
	}
	athlete_init(&profile, 1);
	profile.sex = SEX_F;
	profile.max_hr = MAX_HR;
	profile.rest_hr = REST_HR;
	profile.threshold_pace_s_per_km = THRESHOLD_S_PER_KM;
	if (store_athlete_put(s, &profile, &err)) {
		die("storing the profile", &err);
	}

	t0 = now();
	generate(s, first, last, &c);
	gen = now() - t0;
	printf("knead load benchmark: %ld years of generated daily training\n\n", years);
	printf("  %zu days, %zu activities (%zu typed, %zu imported with %zu samples at 1 Hz)\n",
	       c.days, c.typed + c.imported, c.typed, c.imported, c.samples);
	if (stat(path.buf, &st) == 0) {
		double bytes = (double)st.st_size;
		size_t len = path.len;

		strbuf_adds(&path, "-wal"); /* what is not checkpointed yet */
		if (stat(path.buf, &st) == 0) {
			bytes += (double)st.st_size;
		}
		strbuf_setlen(&path, len);
		printf("  database %.1f MB, generated in %.1f s\n", bytes / 1e6, gen);
	}

	for (long i = 0; i < passes; i++) {
		double t = time_refresh(s, &profile, &n_loads);

		best_refresh = t < best_refresh ? t : best_refresh;
		t = time_fitness(s, &n_days, &last_ctl);
		best_fitness = t < best_fitness ? t : best_fitness;
		t = time_weekly(s, &n_weeks);
		best_weekly = t < best_weekly ? t : best_weekly;
	}
	print_methods(s);
	printf("\nbest of %ld passes:\n", passes);
	printf("  1. recompute every load (TRAINING_ALL, one transaction)\n"
	       "     %zu loads        %9.1f ms  %7.1f us per activity\n",
	       n_loads, best_refresh * 1e3, best_refresh * 1e6 / (double)(n_loads ? n_loads : 1));
	printf("  2. fitness table over every day\n"
	       "     %zu days         %9.2f ms  %7.2f us per day (fitness on the last: %.1f)\n",
	       n_days, best_fitness * 1e3, best_fitness * 1e6 / (double)(n_days ? n_days : 1),
	       last_ctl);
	printf("  3. weekly table (load, monotony, strain, volume by sport)\n"
	       "     %zu weeks         %9.2f ms  %7.2f us per activity\n",
	       n_weeks, best_weekly * 1e3,
	       best_weekly * 1e6 / (double)(c.typed + c.imported ? c.typed + c.imported : 1));

	store_close(s);
	if (!keep) {
		static const char *const suffixes[] = { "", "-wal", "-shm" };
		size_t len = path.len;

		for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
			strbuf_setlen(&path, len);
			strbuf_adds(&path, suffixes[i]);
			unlink(path.buf);
		}
		if (rmdir(dir.buf) != 0) {
			fprintf(stderr, "bench/load: could not remove %s\n", dir.buf);
		}
	}
	athlete_release(&profile);
	strbuf_release(&dir);
	strbuf_release(&path);
	return 0;
}
