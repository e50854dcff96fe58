/*
 * activity.c: activity records, validation and totals (see activity.h).
 */
#include "core/activity.h"

#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "base/units.h"
#include "base/xalloc.h"

void activity_init(struct activity *a)
{
	memset(a, 0, sizeof(*a));
	a->sport = SPORT_RUN;
	a->date = DATE_NONE;
	a->distance_m = (double)NAN;
	a->duration_s = (double)NAN;
	a->moving_s = (double)NAN;
	a->ascent_m = (double)NAN;
	a->descent_m = (double)NAN;
	a->cadence_avg = (double)NAN;
	a->power_avg = (double)NAN;
	a->load = (double)NAN;
	a->load_method[0] = '\0';
	a->source = SOURCE_MANUAL;
}

void activity_release(struct activity *a)
{
	free(a->gear);
	free(a->source_file);
	free(a->source_sha256);
	free(a->device);
	free(a->name);
	free(a->note);
	activity_init(a);
}

void activity_set_str(char **field, const char *value)
{
	free(*field);
	*field = value && *value ? xstrdup(value) : NULL;
}

static enum err_code check_text(const char *what, const char *s, size_t max, struct err *err)
{
	if (s && strlen(s) > max) {
		return err_set(err, ERR_INPUT, "the %s is longer than %zu characters", what, max);
	}
	return ERR_OK;
}

static enum err_code check_speed(const struct activity *a, struct err *err)
{
	double limit = sport_max_speed(a->sport);
	double t = activity_time_s(a);
	struct strbuf d = STRBUF_INIT, tt = STRBUF_INIT, v = STRBUF_INIT;
	enum err_code rc = ERR_OK;

	if (a->source != SOURCE_MANUAL || limit <= 0 || isnan(a->distance_m) || isnan(t) ||
	    a->distance_m / t <= limit) {
		return ERR_OK;
	}
	units_add_distance(&d, a->distance_m, UNITS_KM);
	units_add_duration(&tt, t);
	units_add_speed(&v, a->distance_m / t, UNITS_KM);
	rc = err_set(err, ERR_INPUT,
	             "%s in %s is %s, too fast for %s %s; check the distance and the time", d.buf,
	             tt.buf, v.buf, a->sport == SPORT_OTHER ? "an" : "a", sport_name(a->sport));
	strbuf_release(&d);
	strbuf_release(&tt);
	strbuf_release(&v);
	return rc;
}

enum err_code activity_validate(const struct activity *a, struct err *err)
{
	double max_duration =
	        a->source == SOURCE_MANUAL ? ACTIVITY_MAX_DURATION_S : ACTIVITY_MAX_FILE_DURATION_S;
	enum err_code rc;

	if ((unsigned)a->sport >= SPORT_COUNT) {
		return err_set(err, ERR_INPUT, "the activity has no sport");
	}
	if (a->date == DATE_NONE) {
		return err_set(err, ERR_INPUT, "the activity has no date");
	}
	if (isnan(a->distance_m) && isnan(a->duration_s) && isnan(a->moving_s)) {
		return err_set(err, ERR_INPUT,
		               "give a distance, a duration or both (e.g. 8k, 45min, 8k 45min)");
	}
	if (!isnan(a->distance_m)) {
		if (!(a->distance_m > 0) || a->distance_m > ACTIVITY_MAX_DISTANCE_M) {
			return err_set(err, ERR_INPUT, "a distance of %.0f m is out of range",
			               a->distance_m);
		}
		if (a->source == SOURCE_MANUAL && a->distance_m < ACTIVITY_MIN_TYPED_DISTANCE_M) {
			return err_set(
			        err, ERR_INPUT,
			        "a distance of %.0f m is too short for an activity (\"m\" is "
			        "metres: for minutes write %.0fmin)",
			        a->distance_m, a->distance_m);
		}
	}
	if (!isnan(a->duration_s) && (!(a->duration_s > 0) || a->duration_s > max_duration)) {
		return err_set(err, ERR_INPUT, "a duration of %.0f s is out of range",
		               a->duration_s);
	}
	if (!isnan(a->moving_s)) {
		if (!(a->moving_s > 0) || a->moving_s > max_duration) {
			return err_set(err, ERR_INPUT, "a moving time of %.0f s is out of range",
			               a->moving_s);
		}
		if (!isnan(a->duration_s) && a->moving_s > a->duration_s + 1) {
			return err_set(err, ERR_INPUT,
			               "the moving time is longer than the elapsed time");
		}
	}
	if (a->treadmill && !sport_allows_treadmill(a->sport)) {
		return err_set(err, ERR_INPUT,
		               "'%s' is not done on a treadmill (only run, walk and hike are)",
		               sport_name(a->sport));
	}
	if (a->rpe != 0 && (a->rpe < 1 || a->rpe > 10)) {
		return err_set(err, ERR_INPUT, "an RPE of %d is outside 1..10", a->rpe);
	}
	if (a->hr_avg != 0 && (a->hr_avg < 25 || a->hr_avg > 250)) {
		return err_set(err, ERR_INPUT, "an average heart rate of %d is outside 25..250",
		               a->hr_avg);
	}
	if (a->hr_max != 0 && (a->hr_max < 25 || a->hr_max > 250)) {
		return err_set(err, ERR_INPUT, "a maximum heart rate of %d is outside 25..250",
		               a->hr_max);
	}
	if (a->hr_avg && a->hr_max && a->hr_avg > a->hr_max) {
		return err_set(err, ERR_INPUT, "the average heart rate %d is above the maximum %d",
		               a->hr_avg, a->hr_max);
	}
	rc = check_speed(a, err);
	if (rc == ERR_OK) {
		rc = check_text("name", a->name, ACTIVITY_MAX_NAME, err);
	}
	if (rc == ERR_OK) {
		rc = check_text("note", a->note, ACTIVITY_MAX_NOTE, err);
	}
	return rc;
}

double activity_time_s(const struct activity *a)
{
	return !isnan(a->moving_s) ? a->moving_s : a->duration_s;
}

double activity_sec_per_m(const struct activity *a)
{
	double t = activity_time_s(a);

	if (isnan(t) || isnan(a->distance_m) || a->distance_m <= 0) {
		return (double)NAN;
	}
	return t / a->distance_m;
}

static const char *const source_names[SOURCE_COUNT] = {
	[SOURCE_MANUAL] = "manual", [SOURCE_FIT] = "fit", [SOURCE_GPX] = "gpx",
	[SOURCE_TCX] = "tcx",       [SOURCE_CSV] = "csv",
};

const char *activity_source_name(enum activity_source s)
{
	return (unsigned)s < SOURCE_COUNT ? source_names[s] : "?";
}

bool activity_source_from_name(const char *name, enum activity_source *out)
{
	for (int i = 0; i < SOURCE_COUNT; i++) {
		if (strcmp(name, source_names[i]) == 0) {
			*out = (enum activity_source)i;
			return true;
		}
	}
	return false;
}

struct activity *activity_list_push(struct activity_list *list)
{
	struct activity *a;

	xgrow((void **)&list->activities, &list->alloc, list->n_activities + 1,
	      sizeof(*list->activities));
	a = &list->activities[list->n_activities++];
	activity_init(a);
	return a;
}

void activity_list_release(struct activity_list *list)
{
	for (size_t i = 0; i < list->n_activities; i++) {
		activity_release(&list->activities[i]);
	}
	free(list->activities);
	list->activities = NULL;
	list->n_activities = 0;
	list->alloc = 0;
}

void activity_summary_init(struct activity_summary *s)
{
	memset(s, 0, sizeof(*s));
}

static void totals_add(struct activity_totals *t, const struct activity *a)
{
	double time = activity_time_s(a);

	t->count++;
	if (!isnan(a->distance_m)) {
		t->distance_m += a->distance_m;
	}
	if (!isnan(time)) {
		t->time_s += time;
	}
}

void activity_summary_add(struct activity_summary *s, const struct activity *a)
{
	if ((unsigned)a->sport < SPORT_COUNT) {
		totals_add(&s->by_sport[a->sport], a);
	}
	totals_add(&s->all, a);
}
