/*
 * tcx.c: the Training Center (TCX v2) reader.
 *
 * Every Activity element is one activity, those inside a
 * MultiSportSession's FirstSport and NextSport included; Courses and
 * Workouts are plans, not activities, and are skipped. Laps become struct
 * lap, trackpoints samples. The activity's summary is what its laps add
 * up to: start at the first lap's StartTime (else the Activity's Id),
 * moving time and distance the sums of the laps', maximum heart rate the
 * highest lap maximum, average heart rate the laps' averages weighted by
 * their time, and elapsed time up to the later of the last lap's end and
 * the last trackpoint. What no lap says stays unknown for
 * recording_derive.
 *
 * Cadence: the schema's <Cadence> is a bike's rpm, but Polar and Suunto
 * put a run's cadence there, and Garmin writes RunCadence in the TPX
 * extension; both count one leg (75 to 90 at running speeds), as FIT
 * does, so for the sports done on foot they are doubled to steps per
 * minute, as are the laps' averages.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "base/instant.h"
#include "base/xalloc.h"
#include "formats/format.h"
#include "formats/xml.h"

/* Most trackpoints read from one file (see GPX_MAX_POINTS in gpx.c). */
#define TCX_MAX_POINTS 5000000
/* Longest device name kept, in bytes. */
#define TCX_MAX_DEVICE 200
/* The longest lap believed, in seconds (as ACTIVITY_MAX_FILE_DURATION_S). */
#define TCX_MAX_LAP_S (400.0 * 86400)

/* What an open element is, as far as the reader cares. */
enum kind {
	K_OTHER,         /* not read, nor anything inside it */
	K_ROOT,          /* TrainingCenterDatabase */
	K_ACTIVITIES,    /* Activities */
	K_MULTISPORT,    /* MultiSportSession */
	K_SPORT,         /* its FirstSport or NextSport */
	K_ACTIVITY,      /* Activity */
	K_ID,            /* Activity/Id */
	K_NOTES,         /* Activity/Notes */
	K_CREATOR,       /* Activity/Creator */
	K_CREATOR_NAME,  /* its Name */
	K_AUTHOR,        /* TrainingCenterDatabase/Author */
	K_AUTHOR_NAME,   /* its Name */
	K_LAP,           /* Lap */
	K_LAP_TIME,      /* TotalTimeSeconds */
	K_LAP_DISTANCE,  /* DistanceMeters */
	K_LAP_MAX_SPEED, /* MaximumSpeed */
	K_LAP_CALORIES,  /* Calories */
	K_LAP_AVG_HR,    /* AverageHeartRateBpm */
	K_LAP_AVG_HR_V,  /* its Value */
	K_LAP_MAX_HR,    /* MaximumHeartRateBpm */
	K_LAP_MAX_HR_V,  /* its Value */
	K_LAP_INTENSITY, /* Intensity */
	K_LAP_CADENCE,   /* Cadence */
	K_LAP_TRIGGER,   /* TriggerMethod */
	K_LAP_EXT,       /* Lap/Extensions */
	K_LX,            /* its LX */
	K_LX_RUN_CAD,    /* LX/AvgRunCadence */
	K_LX_WATTS,      /* LX/AvgWatts */
	K_TRACK,         /* Track */
	K_TP,            /* Trackpoint */
	K_TP_TIME,       /* Time */
	K_TP_POSITION,   /* Position */
	K_TP_LAT,        /* LatitudeDegrees */
	K_TP_LON,        /* LongitudeDegrees */
	K_TP_ALTITUDE,   /* AltitudeMeters */
	K_TP_DISTANCE,   /* DistanceMeters */
	K_TP_HR,         /* HeartRateBpm */
	K_TP_HR_V,       /* its Value */
	K_TP_CADENCE,    /* Cadence */
	K_TP_EXT,        /* Trackpoint/Extensions */
	K_TPX,           /* its TPX */
	K_TPX_SPEED,     /* TPX/Speed */
	K_TPX_RUN_CAD,   /* TPX/RunCadence */
	K_TPX_WATTS,     /* TPX/Watts */
};

/* Values refused, per field, for one warning each. */
enum bad {
	BAD_TIME,
	BAD_POSITION,
	BAD_ALTITUDE,
	BAD_DISTANCE,
	BAD_HR,
	BAD_CADENCE,
	BAD_SPEED,
	BAD_POWER,
	BAD_LAP_TIME,
	BAD_LAP_DISTANCE,
	BAD_LAP_SPEED,
	BAD_LAP_CALORIES,
	BAD_LAP_HR,
	BAD_LAP_CADENCE,
	BAD_LAP_POWER,
	BAD_COUNT
};

static const char *const bad_names[BAD_COUNT] = {
	"time",
	"position",
	"altitude",
	"distance",
	"heart rate",
	"cadence",
	"speed",
	"power",
	"lap time",
	"lap distance",
	"lap maximum speed",
	"lap calories",
	"lap heart rate",
	"lap cadence",
	"lap power",
};

/* Element names that map straight to a kind under a given parent. */
struct child {
	enum kind parent; /* the open element */
	const char *name; /* the child's local name */
	enum kind kind;   /* what it is */
	bool any_ns;      /* matched in any namespace (inside Extensions) */
};

/* Grouped by parent, for reading rather than searching: the lists are
 * short, and kind_of stops at the first match. */
static const struct child children[] = {
	{ K_ROOT, "Activities", K_ACTIVITIES, false },
	{ K_ROOT, "Author", K_AUTHOR, false },
	{ K_ACTIVITIES, "Activity", K_ACTIVITY, false },
	{ K_ACTIVITIES, "MultiSportSession", K_MULTISPORT, false },
	{ K_MULTISPORT, "FirstSport", K_SPORT, false },
	{ K_MULTISPORT, "NextSport", K_SPORT, false },
	{ K_SPORT, "Activity", K_ACTIVITY, false },
	{ K_ACTIVITY, "Id", K_ID, false },
	{ K_ACTIVITY, "Lap", K_LAP, false },
	{ K_ACTIVITY, "Notes", K_NOTES, false },
	{ K_ACTIVITY, "Creator", K_CREATOR, false },
	{ K_CREATOR, "Name", K_CREATOR_NAME, false },
	{ K_AUTHOR, "Name", K_AUTHOR_NAME, false },
	{ K_LAP, "TotalTimeSeconds", K_LAP_TIME, false },
	{ K_LAP, "DistanceMeters", K_LAP_DISTANCE, false },
	{ K_LAP, "MaximumSpeed", K_LAP_MAX_SPEED, false },
	{ K_LAP, "Calories", K_LAP_CALORIES, false },
	{ K_LAP, "AverageHeartRateBpm", K_LAP_AVG_HR, false },
	{ K_LAP, "MaximumHeartRateBpm", K_LAP_MAX_HR, false },
	{ K_LAP, "Intensity", K_LAP_INTENSITY, false },
	{ K_LAP, "Cadence", K_LAP_CADENCE, false },
	{ K_LAP, "TriggerMethod", K_LAP_TRIGGER, false },
	{ K_LAP, "Track", K_TRACK, false },
	{ K_LAP, "Extensions", K_LAP_EXT, false },
	{ K_LAP_AVG_HR, "Value", K_LAP_AVG_HR_V, false },
	{ K_LAP_MAX_HR, "Value", K_LAP_MAX_HR_V, false },
	{ K_LAP_EXT, "LX", K_LX, true },
	{ K_LX, "AvgRunCadence", K_LX_RUN_CAD, true },
	{ K_LX, "AvgWatts", K_LX_WATTS, true },
	{ K_TRACK, "Trackpoint", K_TP, false },
	{ K_TP, "Time", K_TP_TIME, false },
	{ K_TP, "Position", K_TP_POSITION, false },
	{ K_TP, "AltitudeMeters", K_TP_ALTITUDE, false },
	{ K_TP, "DistanceMeters", K_TP_DISTANCE, false },
	{ K_TP, "HeartRateBpm", K_TP_HR, false },
	{ K_TP, "Cadence", K_TP_CADENCE, false },
	{ K_TP, "Extensions", K_TP_EXT, false },
	{ K_TP_POSITION, "LatitudeDegrees", K_TP_LAT, false },
	{ K_TP_POSITION, "LongitudeDegrees", K_TP_LON, false },
	{ K_TP_HR, "Value", K_TP_HR_V, false },
	{ K_TP_EXT, "TPX", K_TPX, true },
	{ K_TPX, "Speed", K_TPX_SPEED, true },
	{ K_TPX, "RunCadence", K_TPX_RUN_CAD, true },
	{ K_TPX, "Watts", K_TPX_WATTS, true },
};

/* The activity being read. */
struct open_activity {
	size_t index;      /* in rec->activities */
	bool on_foot;      /* its sport is done on foot: cadence is doubled */
	double id;         /* its Id as an instant, NAN if none */
	double last_point; /* latest trackpoint time, NAN if none */
	char *note;        /* its Notes, owned until handed over */
};

/* The reader's state while expat runs. */
struct tcx {
	struct recording *rec;           /* what is filled */
	enum kind kinds[XML_MAX_DEPTH];  /* each open element */
	bool in_activity;                /* act is open */
	struct open_activity act;        /* the activity being read */
	bool in_lap;                     /* a lap of it is open: the last in its laps */
	bool in_point;                   /* a trackpoint is open */
	size_t row;                      /* its sample row */
	double lat, lon;                 /* its Position so far, NAN if not given */
	double lap_run_cadence;          /* the open lap's LX AvgRunCadence, NAN if none */
	char *author;                    /* Author/Name, owned: the device if no Creator */
	size_t n_courses;                /* Courses seen */
	size_t n_workouts;               /* Workouts seen */
	bool note_cut;                   /* a note was longer than an activity keeps */
	unsigned long note_line;         /* where */
	struct xml_tally bad[BAD_COUNT]; /* values refused */
};

/* ---- activities and laps ---- */

static struct recorded *current(struct tcx *t)
{
	return &t->rec->activities[t->act.index];
}

static struct lap *current_lap(struct tcx *t)
{
	struct recorded *r = current(t);

	return &r->laps[r->n_laps - 1];
}

static void start_activity(struct tcx *t, const char **attrs)
{
	const char *sport = xml_attr(attrs, "Sport");
	struct recorded *r = recording_add(t->rec);
	enum sport s = sport ? xml_sport(sport) : SPORT_OTHER;

	t->rec->n_sessions++;
	r->activity.sport = s;
	memset(&t->act, 0, sizeof(t->act));
	t->act.index = t->rec->n_activities - 1;
	t->act.on_foot = sport_pace(s) == SPORT_PACE_FOOT;
	t->act.id = (double)NAN;
	t->act.last_point = (double)NAN;
	t->in_activity = true;
}

/* The summary of the open activity, from its laps. */
static void finish_activity(struct tcx *t)
{
	struct recorded *r = current(t);
	struct activity *a = &r->activity;
	double start = (double)NAN, end = t->act.last_point, moving = 0, distance = 0;
	double hr_sum = 0, hr_weight = 0, hr_plain = 0;
	int hr_max = 0, n_hr = 0;
	bool any_moving = false, any_distance = false, weighted = true;

	for (size_t i = 0; i < r->n_laps; i++) {
		const struct lap *lap = &r->laps[i];

		if (isnan(start) && !isnan(lap->start_utc)) {
			start = lap->start_utc;
		}
		if (!isnan(lap->moving_s)) {
			moving += lap->moving_s;
			any_moving = true;
			if (!isnan(lap->start_utc) && !(lap->start_utc + lap->moving_s <= end)) {
				end = lap->start_utc + lap->moving_s;
			}
		}
		if (!isnan(lap->distance_m)) {
			distance += lap->distance_m;
			any_distance = true;
		}
		if (lap->hr_max > hr_max) {
			hr_max = lap->hr_max;
		}
		if (lap->hr_avg) {
			n_hr++;
			hr_plain += lap->hr_avg;
			if (lap->moving_s > 0) {
				hr_sum += lap->hr_avg * lap->moving_s;
				hr_weight += lap->moving_s;
			} else {
				weighted = false; /* a lap without time cannot be weighed */
			}
		}
	}
	if (isnan(start)) {
		start = t->act.id;
	}
	if (!isnan(start)) {
		a->has_start = true;
		a->start_utc = (int64_t)floor(start);
		if (end > start) {
			a->duration_s = end - start;
		}
	}
	a->moving_s = any_moving ? moving : (double)NAN;
	a->distance_m = any_distance ? distance : (double)NAN;
	a->hr_max = hr_max;
	if (n_hr) {
		a->hr_avg = (int)lround(weighted ? hr_sum / hr_weight : hr_plain / n_hr);
	}
	a->note = t->act.note;
	t->act.note = NULL;
	t->in_activity = false;
}

static void start_lap(struct tcx *t, struct xml *x, const char **attrs)
{
	const char *start = xml_attr(attrs, "StartTime");
	struct lap *lap = recorded_add_lap(current(t));
	double v;

	t->rec->n_laps++;
	t->in_lap = true;
	t->lap_run_cadence = (double)NAN;
	if (start && instant_parse(start, strlen(start), &v)) {
		lap->start_utc = v;
	} else if (start && t->bad[BAD_TIME].count++ == 0) {
		t->bad[BAD_TIME].first_line = xml_line(x);
	}
}

static void finish_lap(struct tcx *t)
{
	struct lap *lap = current_lap(t);

	/* the running dynamics' average is the better one when both exist */
	if (!isnan(t->lap_run_cadence)) {
		lap->cadence_avg = 2 * t->lap_run_cadence;
	}
	t->in_lap = false;
}

static void start_point(struct tcx *t, struct xml *x)
{
	if (t->rec->n_records == TCX_MAX_POINTS) {
		xml_stop(x, "more than %d trackpoints, at line %lu", TCX_MAX_POINTS, xml_line(x));
		return;
	}
	t->row = samples_add_row(&current(t)->samples);
	t->rec->n_records++;
	t->in_point = true;
}

/* ---- elements ---- */

/* TCX's own elements: in its namespace, in the document's, or in none. */
static bool is_tcx(const struct xml_elem *el)
{
	return el->ns == XML_NS_TCX || el->ns == XML_NS_NONE || el->ns == XML_NS_UNDECLARED ||
	       el->in_root_ns;
}

static enum kind kind_of(enum kind parent, const struct xml_elem *el)
{
	for (size_t i = 0; i < sizeof(children) / sizeof(children[0]); i++) {
		const struct child *c = &children[i];

		if (c->parent == parent && strcmp(c->name, el->local) == 0 &&
		    (c->any_ns || is_tcx(el))) {
			return c->kind;
		}
	}
	return K_OTHER;
}

static bool wants_text(enum kind k)
{
	switch (k) {
	case K_OTHER:
	case K_ROOT:
	case K_ACTIVITIES:
	case K_MULTISPORT:
	case K_SPORT:
	case K_ACTIVITY:
	case K_CREATOR:
	case K_AUTHOR:
	case K_LAP:
	case K_LAP_AVG_HR:
	case K_LAP_MAX_HR:
	case K_LAP_EXT:
	case K_LX:
	case K_TRACK:
	case K_TP:
	case K_TP_POSITION:
	case K_TP_HR:
	case K_TP_EXT:
	case K_TPX:
		return false;
	default:
		return true;
	}
}

static bool on_start(void *ctx, struct xml *x, const struct xml_elem *el, const char **attrs)
{
	struct tcx *t = ctx;
	enum kind parent, k;

	if (el->depth == 0) {
		if (strcmp(el->local, "TrainingCenterDatabase") != 0) {
			xml_stop(x,
			         "not a TCX file: the document element is <%.40s>, not "
			         "<TrainingCenterDatabase>",
			         el->local);
			return false;
		}
		t->kinds[0] = K_ROOT;
		return false;
	}
	parent = t->kinds[el->depth - 1];
	k = kind_of(parent, el);
	if (parent == K_ROOT && is_tcx(el)) {
		t->n_courses += strcmp(el->local, "Courses") == 0;
		t->n_workouts += strcmp(el->local, "Workouts") == 0;
	}
	t->kinds[el->depth] = k;
	switch (k) {
	case K_ACTIVITY:
		start_activity(t, attrs);
		break;
	case K_LAP:
		start_lap(t, x, attrs);
		break;
	case K_TP:
		start_point(t, x);
		break;
	case K_TP_POSITION:
		t->lat = t->lon = (double)NAN;
		break;
	default:
		break;
	}
	return wants_text(k);
}

/* The number in text, if in lo..hi; NAN otherwise (counted in bad). */
static double number(struct tcx *t, struct xml *x, const struct xml_text *text, double lo,
                     double hi, enum bad b)
{
	double v;

	return xml_value(x, text, lo, hi, &v, &t->bad[b]) ? v : (double)NAN;
}

/* Set field f of the open trackpoint (NAN leaves it unset). */
static void point_set(struct tcx *t, enum sample_field f, double v)
{
	samples_set(&current(t)->samples, t->row, f, v);
}

static void copy_word(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

/* TriggerMethod's values and knead's words for them. */
static const char *const triggers[][2] = {
	{ "Manual", "manual" }, { "Distance", "distance" },    { "Location", "position" },
	{ "Time", "time" },     { "HeartRate", "heart_rate" },
};

static void end_lap_field(struct tcx *t, struct xml *x, enum kind k, const struct xml_text *text)
{
	struct lap *lap = current_lap(t);
	double v;

	switch (k) {
	case K_LAP_TIME:
		lap->moving_s = number(t, x, text, 0, TCX_MAX_LAP_S, BAD_LAP_TIME);
		break;
	case K_LAP_DISTANCE:
		lap->distance_m = number(t, x, text, 0, ACTIVITY_MAX_DISTANCE_M, BAD_LAP_DISTANCE);
		break;
	case K_LAP_MAX_SPEED:
		lap->speed_max = number(t, x, text, 0, 200, BAD_LAP_SPEED);
		break;
	case K_LAP_CALORIES:
		lap->calories = number(t, x, text, 0, 1e5, BAD_LAP_CALORIES);
		break;
	case K_LAP_AVG_HR_V:
		v = number(t, x, text, 0, 255, BAD_LAP_HR);
		lap->hr_avg = isnan(v) ? 0 : (int)lround(v);
		break;
	case K_LAP_MAX_HR_V:
		v = number(t, x, text, 0, 255, BAD_LAP_HR);
		lap->hr_max = isnan(v) ? 0 : (int)lround(v);
		break;
	case K_LAP_CADENCE:
		v = number(t, x, text, 0, 255, BAD_LAP_CADENCE);
		lap->cadence_avg = t->act.on_foot ? 2 * v : v;
		break;
	case K_LX_RUN_CAD:
		t->lap_run_cadence = number(t, x, text, 0, 255, BAD_LAP_CADENCE);
		break;
	case K_LX_WATTS:
		lap->power_avg = number(t, x, text, 0, 4000, BAD_LAP_POWER);
		break;
	case K_LAP_INTENSITY:
		if (strstr(text->s, "Active")) {
			copy_word(lap->intensity, sizeof(lap->intensity), "active");
		} else if (strstr(text->s, "Resting")) {
			copy_word(lap->intensity, sizeof(lap->intensity), "rest");
		}
		break;
	case K_LAP_TRIGGER:
		for (size_t i = 0; i < sizeof(triggers) / sizeof(triggers[0]); i++) {
			if (strstr(text->s, triggers[i][0])) {
				copy_word(lap->trigger, sizeof(lap->trigger), triggers[i][1]);
				break;
			}
		}
		break;
	default:
		break;
	}
}

static void end_point_field(struct tcx *t, struct xml *x, enum kind k, const struct xml_text *text)
{
	double v;

	switch (k) {
	case K_TP_TIME:
		if (xml_blank(text)) {
			break;
		}
		if (!text->capped && instant_parse(text->s, text->len, &v)) {
			point_set(t, SAMPLE_TIME, v);
			if (!(v <= t->act.last_point)) {
				t->act.last_point = v;
			}
		} else if (t->bad[BAD_TIME].count++ == 0) {
			t->bad[BAD_TIME].first_line = xml_line(x);
		}
		break;
	case K_TP_LAT:
		t->lat = number(t, x, text, -90, 90, BAD_POSITION);
		break;
	case K_TP_LON:
		t->lon = number(t, x, text, -180, 180, BAD_POSITION);
		break;
	case K_TP_POSITION:
		if (!isnan(t->lat) && !isnan(t->lon)) {
			point_set(t, SAMPLE_LAT, t->lat);
			point_set(t, SAMPLE_LON, t->lon);
		}
		break;
	case K_TP_ALTITUDE:
		point_set(t, SAMPLE_ALTITUDE, number(t, x, text, -1000, 12000, BAD_ALTITUDE));
		break;
	case K_TP_DISTANCE:
		point_set(t, SAMPLE_DISTANCE,
		          number(t, x, text, 0, ACTIVITY_MAX_DISTANCE_M, BAD_DISTANCE));
		break;
	case K_TP_HR_V:
		v = number(t, x, text, 0, 255, BAD_HR);
		if (v > 0) {
			point_set(t, SAMPLE_HR, v); /* 0 means no reading */
		}
		break;
	case K_TP_CADENCE:
		v = number(t, x, text, 0, 255, BAD_CADENCE);
		point_set(t, SAMPLE_CADENCE, t->act.on_foot ? 2 * v : v);
		break;
	case K_TPX_RUN_CAD:
		point_set(t, SAMPLE_CADENCE, 2 * number(t, x, text, 0, 255, BAD_CADENCE));
		break;
	case K_TPX_SPEED:
		point_set(t, SAMPLE_SPEED, number(t, x, text, 0, 200, BAD_SPEED));
		break;
	case K_TPX_WATTS:
		point_set(t, SAMPLE_POWER, number(t, x, text, 0, 4000, BAD_POWER));
		break;
	default:
		break;
	}
}

/* Keep the first non-empty string met for *field. */
static void keep_first(char **field, const struct xml_text *text, size_t max)
{
	if (!*field) {
		*field = xml_strdup(text, max, NULL);
	}
}

static void end_activity_field(struct tcx *t, struct xml *x, enum kind k,
                               const struct xml_text *text)
{
	bool cut;

	switch (k) {
	case K_ACTIVITY:
		finish_activity(t);
		break;
	case K_ID:
		if (!text->capped && !instant_parse(text->s, text->len, &t->act.id) &&
		    !xml_blank(text) && t->bad[BAD_TIME].count++ == 0) {
			t->bad[BAD_TIME].first_line = xml_line(x);
		}
		break;
	case K_NOTES:
		if (!t->act.note) {
			t->act.note = xml_strdup(text, ACTIVITY_MAX_NOTE, &cut);
			if (cut && !t->note_cut) {
				t->note_cut = true;
				t->note_line = xml_line(x);
			}
		}
		break;
	case K_CREATOR_NAME:
		keep_first(&t->rec->device, text, TCX_MAX_DEVICE);
		break;
	case K_AUTHOR_NAME:
		keep_first(&t->author, text, TCX_MAX_DEVICE);
		break;
	default:
		break;
	}
}

static void on_end(void *ctx, struct xml *x, const struct xml_elem *el, const struct xml_text *text)
{
	struct tcx *t = ctx;
	enum kind k = t->kinds[el->depth];

	if (t->in_point) {
		if (k == K_TP) {
			t->in_point = false;
		} else {
			end_point_field(t, x, k, text);
		}
	} else if (t->in_lap) {
		if (k == K_LAP) {
			finish_lap(t);
		} else {
			end_lap_field(t, x, k, text);
		}
	} else {
		end_activity_field(t, x, k, text);
	}
}

/* ---- the decoder ---- */

/* Why a file has no activity: information, not a repair, so the
 * repaired flag stays as it was. */
static void warn_empty(struct tcx *t)
{
	bool repaired = t->rec->repaired;

	if (t->n_courses) {
		recording_note(t->rec, "no activities: only courses");
	} else if (t->n_workouts) {
		recording_note(t->rec, "no activities: only workouts");
	} else {
		recording_note(t->rec, "no activities: only metadata");
	}
	t->rec->repaired = repaired;
}

/* Forget the activities of a file refused as a whole. */
static void drop_activities(struct recording *rec)
{
	for (size_t i = 0; i < rec->n_activities; i++) {
		recorded_release(&rec->activities[i]);
	}
	rec->n_activities = 0;
}

static enum err_code decode(const uint8_t *buf, size_t len, struct recording *rec, struct err *err)
{
	struct tcx t;
	struct xml_handler h = { &t, on_start, on_end };
	struct xml_error xe;
	enum err_code rc = ERR_OK;

	memset(&t, 0, sizeof(t));
	t.rec = rec;
	if (!xml_parse(buf, len, &h, rec, &xe)) {
		char kept[80];

		/* what was open when the file broke off is kept as far as it went */
		if (t.in_lap) {
			finish_lap(&t);
		}
		if (t.in_activity) {
			finish_activity(&t);
		}
		snprintf(kept, sizeof(kept), "%zu trackpoint%s and %zu lap%s", rec->n_records,
		         rec->n_records == 1 ? "" : "s", rec->n_laps, rec->n_laps == 1 ? "" : "s");
		rc = xml_finish(&xe, rec->n_records > 0 || rec->n_laps > 0, kept, rec, err);
	}
	if (t.note_cut) {
		recording_note(rec, "note at line %lu cut to %d bytes", t.note_line,
		               ACTIVITY_MAX_NOTE);
	}
	for (int b = 0; b < BAD_COUNT; b++) {
		xml_tally_warn(rec, &t.bad[b], bad_names[b]);
	}
	if (!rec->device && t.author) {
		rec->device = t.author;
		t.author = NULL;
	}
	if (rc != ERR_OK) {
		drop_activities(rec);
	} else if (rec->n_activities == 0) {
		warn_empty(&t);
	}
	free(t.author);
	free(t.act.note);
	return rc;
}

/* ---- probing ---- */

static bool probe(const uint8_t *buf, size_t len, const char *name)
{
	if (xml_probe_root(buf, len, "TrainingCenterDatabase")) {
		return true;
	}
	/* the name breaks ties only: content plainly of another format wins */
	return xml_name_has_ext(name, ".tcx") && !xml_probe_root(buf, len, "gpx") &&
	       !(len >= 12 && memcmp(buf + 8, ".FIT", 4) == 0);
}

const struct format format_tcx = { "tcx", SOURCE_TCX, probe, decode };
