/*
 * test_xml_reference.c: the GPX and TCX readers against the reference.
 *
 * Every *.gpx and *.tcx under $KNEAD_SHARED_DATA/activities is decoded
 * and compared with its line in expected.jsonl there, which gpxpy (GPX)
 * and a small ElementTree reader (TCX) wrote; ../shared/tools/oracle/
 * README.md defines the fields. Files the reference could not parse
 * strictly (ok: false) must decode after the repair it names, say so in
 * a warning, and give its "lenient" values.
 *
 * Counts and times must match exactly; distances within 0.5%, times
 * within a second. A disagreement explained and accepted is listed in
 * known_deviations with its reason: it is reported, not failed, and
 * reported again if it ever goes away.
 *
 * Prints one line per file and a total; exits 1 listing every mismatch,
 * 77 (skipped) when the shared folder is absent.
 */
#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "base/instant.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "formats/format.h"

/* Disagreements with the reference that are understood and accepted. */
static const struct {
	const char *file;  /* relative to activities/ */
	const char *check; /* the check's name */
	const char *why;   /* the reason */
} known_deviations[] = {
	{ "gpxpy/test_files/track-with-small-floats.gpx", "distance",
	  "gpxpy's length_2d measures on a sphere of the equatorial radius, which is 0.67% "
	  "long north-south at the equator, where this track lies; knead's WGS84 distance "
	  "(9413.3 m) agrees with the meridian arc worked by hand (9413.1 m)" },
};

/* What one file's checks found. */
struct outcome {
	const char *file;       /* relative path */
	struct strbuf problems; /* "; "-separated mismatches */
	struct strbuf accepted; /* known deviations that showed */
	struct strbuf fixed;    /* known deviations that did not show */
};

static const char *deviation(const char *file, const char *check)
{
	for (size_t i = 0; i < sizeof(known_deviations) / sizeof(known_deviations[0]); i++) {
		if (strcmp(known_deviations[i].file, file) == 0 &&
		    strcmp(known_deviations[i].check, check) == 0) {
			return known_deviations[i].why;
		}
	}
	return NULL;
}

/* Record one check: ok, or a mismatch described by fmt. */
__attribute__((format(printf, 4, 5))) static void check(struct outcome *o, const char *name,
                                                        bool ok, const char *fmt, ...)
{
	const char *why = deviation(o->file, name);
	struct strbuf *sb;
	va_list ap;

	if (ok) {
		if (why) {
			strbuf_addf(&o->fixed, "%s%s", o->fixed.len ? "; " : "", name);
		}
		return;
	}
	sb = why ? &o->accepted : &o->problems;
	strbuf_addf(sb, "%s%s: ", sb->len ? "; " : "", name);
	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
	if (why) {
		strbuf_addf(sb, " (known: %s)", why);
	}
}

/* ---- the reference ---- */

static const char *str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static bool has(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return v && !json_is_null(v);
}

static double num(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_number(v) ? json_number_value(v) : (double)NAN;
}

/* Whole seconds of the reference's ISO time, or NAN. */
static double ref_time(json_t *o, const char *key)
{
	const char *s = str(o, key);
	double t;

	return s && instant_parse(s, strlen(s), &t) ? floor(t) : (double)NAN;
}

/* ---- the decoded file ---- */

/* First and last sample times over all activities, in file order. */
static void time_bounds(const struct recording *rec, double *first, double *last)
{
	*first = *last = (double)NAN;
	for (size_t a = 0; a < rec->n_activities; a++) {
		const struct samples *s = &rec->activities[a].samples;

		for (size_t i = 0; i < s->n; i++) {
			double t = samples_get(s, i, SAMPLE_TIME);

			if (!isnan(t)) {
				*first = isnan(*first) ? t : *first;
				*last = t;
			}
		}
	}
}

/* Rows (over all activities) that have field f. */
static size_t rows_with(const struct recording *rec, enum sample_field f)
{
	size_t n = 0;

	for (size_t a = 0; a < rec->n_activities; a++) {
		const struct samples *s = &rec->activities[a].samples;

		for (size_t i = 0; i < s->n; i++) {
			n += !isnan(samples_get(s, i, f));
		}
	}
	return n;
}

static bool same_text(const char *device, const char *creator)
{
	struct strbuf t = STRBUF_INIT;
	bool same;

	while (*creator == ' ') {
		creator++;
	}
	strbuf_adds(&t, creator);
	strbuf_rtrim(&t);
	same = device && strcmp(device, t.buf) == 0;
	strbuf_release(&t);
	return same;
}

static void check_repairs(struct outcome *o, json_t *line, const struct recording *rec)
{
	json_t *fixes = json_object_get(json_object_get(line, "lenient"), "fixes");
	size_t i;
	json_t *fix;

	check(o, "repaired", rec->repaired, "not marked repaired");
	json_array_foreach(fixes, i, fix)
	{
		const char *f = json_string_value(fix);
		const char *p = f ? strstr(f, "prefixes: ") : NULL;

		if (f && strstr(f, "whitespace")) {
			check(o, "repair warning",
			      strstr(rec->warnings.buf, "white space before the XML declaration"),
			      "no warning for '%s': '%s'", f, rec->warnings.buf);
		}
		for (p = p ? p + 10 : NULL; p && *p;) {
			size_t n = strcspn(p, ",");
			struct strbuf want = STRBUF_INIT;

			strbuf_addf(&want, "undeclared namespace prefix '%.*s'", (int)n, p);
			check(o, "repair warning", strstr(rec->warnings.buf, want.buf),
			      "no warning '%s': '%s'", want.buf, rec->warnings.buf);
			strbuf_release(&want);
			p += n + (p[n] == ',');
		}
	}
}

static void check_gpx(struct outcome *o, json_t *e, const struct recording *rec)
{
	double first, last, start = ref_time(e, "start_time"), end = ref_time(e, "end_time");
	double length = num(e, "length_2d_m"), d = (double)NAN;
	size_t points = (size_t)num(e, "n_points");
	json_t *first_deg = json_object_get(e, "first_point_deg");

	check(o, "n_points", rec->n_records == points, "%zu, reference %zu", rec->n_records,
	      points);
	check(o, "n_tracks", rec->n_sessions == (size_t)num(e, "n_tracks"), "%zu, reference %.0f",
	      rec->n_sessions, num(e, "n_tracks"));
	check(o, "activities", rec->n_activities == (points ? 1u : 0u),
	      "%zu activities for %zu points", rec->n_activities, points);
	if (!points) {
		check(o, "empty warning", strstr(rec->warnings.buf, "no track points: only"),
		      "no warning saying why there is no activity");
		return;
	}
	check(o, "n_points_with_time",
	      rows_with(rec, SAMPLE_TIME) == (size_t)num(e, "n_points_with_time"),
	      "%zu, reference %.0f", rows_with(rec, SAMPLE_TIME), num(e, "n_points_with_time"));
	check(o, "n_points_with_elevation",
	      rows_with(rec, SAMPLE_ALTITUDE) == (size_t)num(e, "n_points_with_elevation"),
	      "%zu, reference %.0f", rows_with(rec, SAMPLE_ALTITUDE),
	      num(e, "n_points_with_elevation"));
	time_bounds(rec, &first, &last);
	if (isnan(start)) {
		check(o, "start_time", isnan(first), "%.0f, reference none", first);
	} else {
		check(o, "start_time", floor(first) == start, "%.0f, reference %.0f (%s)",
		      floor(first), start, str(e, "start_time"));
	}
	if (!isnan(start) && !isnan(end)) {
		check(o, "elapsed", fabs((last - first) - (end - start)) <= 1,
		      "%.3f s, reference %.0f s", last - first, end - start);
	}
	for (size_t i = 0; i < rec->activities[0].samples.n; i++) {
		double v = samples_get(&rec->activities[0].samples, i, SAMPLE_DISTANCE);

		d = isnan(d) || v > d ? v : d;
	}
	if (length > 0) {
		check(o, "distance", fabs(d - length) <= 0.005 * length,
		      "%.3f m, reference %.3f m (%+.2f%%)", d, length, 100 * (d - length) / length);
	}
	if (json_array_size(first_deg) == 2) {
		double lat = samples_get(&rec->activities[0].samples, 0, SAMPLE_LAT);
		double lon = samples_get(&rec->activities[0].samples, 0, SAMPLE_LON);

		check(o, "first_point_deg",
		      fabs(lat - json_number_value(json_array_get(first_deg, 0))) < 1e-6 &&
		              fabs(lon - json_number_value(json_array_get(first_deg, 1))) < 1e-6,
		      "%.7f,%.7f", lat, lon);
	}
	if (str(e, "creator")) {
		check(o, "creator", same_text(rec->device, str(e, "creator")),
		      "'%s', reference '%s'", rec->device ? rec->device : "(none)",
		      str(e, "creator"));
	}
}

/* knead's sport for a TCX Sport attribute in the reference. */
static enum sport tcx_sport(const char *word)
{
	if (word && strcmp(word, "Running") == 0) {
		return SPORT_RUN;
	}
	if (word && strcmp(word, "Biking") == 0) {
		return SPORT_BIKE;
	}
	return SPORT_OTHER;
}

static void check_tcx(struct outcome *o, json_t *e, const struct recording *rec)
{
	double first, last, distance = 0, moving = 0;
	double ref_distance = num(e, "laps_total_distance_m"),
	       ref_time_s = num(e, "laps_total_time_s");
	int hr_max = 0;
	json_t *sports = json_object_get(e, "sports");

	check(o, "n_trackpoints", rec->n_records == (size_t)num(e, "n_trackpoints"),
	      "%zu, reference %.0f", rec->n_records, num(e, "n_trackpoints"));
	check(o, "n_laps", rec->n_laps == (size_t)num(e, "n_laps"), "%zu, reference %.0f",
	      rec->n_laps, num(e, "n_laps"));
	check(o, "n_activities",
	      rec->n_sessions == (size_t)num(e, "n_activities") &&
	              rec->n_activities == rec->n_sessions,
	      "%zu sessions, %zu activities, reference %.0f", rec->n_sessions, rec->n_activities,
	      num(e, "n_activities"));
	check(o, "n_trackpoints_with_position",
	      rows_with(rec, SAMPLE_LAT) == (size_t)num(e, "n_trackpoints_with_position"),
	      "%zu, reference %.0f", rows_with(rec, SAMPLE_LAT),
	      num(e, "n_trackpoints_with_position"));
	check(o, "n_trackpoints_with_hr",
	      rows_with(rec, SAMPLE_HR) == (size_t)num(e, "n_trackpoints_with_hr"),
	      "%zu, reference %.0f", rows_with(rec, SAMPLE_HR), num(e, "n_trackpoints_with_hr"));
	for (size_t a = 0; a < rec->n_activities; a++) {
		const struct activity *act = &rec->activities[a].activity;
		enum sport want = tcx_sport(json_string_value(json_array_get(sports, a)));

		check(o, "sports", act->sport == want, "activity %zu is %s, reference %s", a + 1,
		      sport_name(act->sport), sport_name(want));
		distance += isnan(act->distance_m) ? 0 : act->distance_m;
		moving += isnan(act->moving_s) ? 0 : act->moving_s;
		hr_max = act->hr_max > hr_max ? act->hr_max : hr_max;
	}
	time_bounds(rec, &first, &last);
	if (has(e, "first_trackpoint_time")) {
		check(o, "first_trackpoint_time",
		      floor(first) == ref_time(e, "first_trackpoint_time"), "%.0f, reference %s",
		      floor(first), str(e, "first_trackpoint_time"));
		check(o, "last_trackpoint_time", floor(last) == ref_time(e, "last_trackpoint_time"),
		      "%.0f, reference %s", floor(last), str(e, "last_trackpoint_time"));
	}
	if (ref_distance > 0) {
		check(o, "laps_total_distance_m",
		      fabs(distance - ref_distance) <= 0.005 * ref_distance,
		      "%.3f m, reference %.3f m", distance, ref_distance);
	}
	if (!isnan(ref_time_s)) {
		check(o, "laps_total_time_s", fabs(moving - ref_time_s) <= 1,
		      "%.3f s, reference %.3f s", moving, ref_time_s);
	}
	if (has(e, "laps_max_heart_rate")) {
		check(o, "laps_max_heart_rate", hr_max == (int)num(e, "laps_max_heart_rate"),
		      "%d, reference %.0f", hr_max, num(e, "laps_max_heart_rate"));
	}
	if (str(e, "creator")) {
		check(o, "creator", same_text(rec->device, str(e, "creator")),
		      "'%s', reference '%s'", rec->device ? rec->device : "(none)",
		      str(e, "creator"));
	}
}

/* ---- files ---- */

static char *slurp(const char *path, size_t *len)
{
	struct strbuf data = STRBUF_INIT;
	char buf[65536];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f) {
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		strbuf_add(&data, buf, n);
	}
	fclose(f);
	return strbuf_detach(&data, len);
}

/* Paths, relative to root, of the GPX and TCX files under root/rel. */
static void walk(const char *root, const char *rel, char ***paths, size_t *n, size_t *alloc)
{
	struct strbuf dir = STRBUF_INIT;
	DIR *d;
	struct dirent *ent;

	strbuf_addf(&dir, "%s/%s", root, rel);
	d = opendir(dir.buf);
	while (d && (ent = readdir(d)) != NULL) {
		struct strbuf child = STRBUF_INIT, full = STRBUF_INIT;
		struct stat st;
		size_t len = strlen(ent->d_name);

		if (ent->d_name[0] == '.') {
			continue;
		}
		strbuf_addf(&child, "%s%s%s", rel, *rel ? "/" : "", ent->d_name);
		strbuf_addf(&full, "%s/%s", root, child.buf);
		if (stat(full.buf, &st) == 0 && S_ISDIR(st.st_mode)) {
			walk(root, child.buf, paths, n, alloc);
		} else if (len > 4 && (strcasecmp(ent->d_name + len - 4, ".gpx") == 0 ||
		                       strcasecmp(ent->d_name + len - 4, ".tcx") == 0)) {
			xgrow((void **)paths, alloc, *n + 1, sizeof(**paths));
			(*paths)[(*n)++] = strbuf_detach(&child, NULL);
		}
		strbuf_release(&child);
		strbuf_release(&full);
	}
	if (d) {
		closedir(d);
	}
	strbuf_release(&dir);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Decode one file and check it against its reference line; prints its
 * line and returns whether it matched. */
static bool run_file(const char *root, const char *rel, json_t *line, struct strbuf *all,
                     size_t *n_known)
{
	struct outcome o = { rel, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT };
	struct strbuf path = STRBUF_INIT;
	const char *base = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
	bool is_gpx = strcasecmp(rel + strlen(rel) - 4, ".gpx") == 0;
	const struct format *want = is_gpx ? &format_gpx : &format_tcx;
	struct recording rec;
	struct err err = ERR_INIT;
	enum err_code rc = ERR_FORMAT;
	size_t len = 0;
	char *buf;
	bool ok;

	strbuf_addf(&path, "%s/%s", root, rel);
	buf = slurp(path.buf, &len);
	recording_init(&rec);
	rec.format = is_gpx ? SOURCE_GPX : SOURCE_TCX;
	if (!line) {
		check(&o, "reference", false, "no line in expected.jsonl");
	} else if (!buf) {
		check(&o, "read", false, "cannot read '%s'", path.buf);
	} else {
		json_t *e = json_is_true(json_object_get(line, "ok"))
		                    ? line
		                    : json_object_get(line, "lenient");

		check(&o, "probe", format_find((const uint8_t *)buf, len, base) == want,
		      "not taken for %s", want->name);
		rc = want->decode((const uint8_t *)buf, len, &rec, &err);
		check(&o, "decode", rc == ERR_OK, "%s", err.msg);
		if (rc == ERR_OK && !json_is_true(json_object_get(line, "ok"))) {
			check_repairs(&o, line, &rec);
		}
		if (rc == ERR_OK && e && is_gpx) {
			check_gpx(&o, e, &rec);
		} else if (rc == ERR_OK && e) {
			check_tcx(&o, e, &rec);
		}
	}
	ok = o.problems.len == 0;
	printf("%s %s %s (%zu %s, %zu laps, %zu sessions%s)%s%s\n", ok ? "ok  " : "FAIL",
	       want->name, rel, rec.n_records, is_gpx ? "points" : "trackpoints", rec.n_laps,
	       rec.n_sessions, rec.repaired ? ", repaired" : "", ok ? "" : ": ", o.problems.buf);
	if (o.accepted.len) {
		printf("     known deviation: %s\n", o.accepted.buf);
		(*n_known)++;
	}
	if (o.fixed.len) {
		printf("     known deviation no longer seen (%s): remove it from the list\n",
		       o.fixed.buf);
	}
	if (!ok) {
		strbuf_addf(all, "  %s: %s\n", rel, o.problems.buf);
	}
	recording_release(&rec);
	strbuf_release(&o.problems);
	strbuf_release(&o.accepted);
	strbuf_release(&o.fixed);
	strbuf_release(&path);
	free(buf);
	return ok;
}

int main(void)
{
	const char *shared = getenv("KNEAD_SHARED_DATA");
	struct strbuf root = STRBUF_INIT, expected = STRBUF_INIT, all = STRBUF_INIT;
	json_t *lines = json_object();
	char **paths = NULL, *text, *save = NULL;
	size_t n = 0, alloc = 0, len, failed = 0, n_gpx = 0, n_known = 0;
	struct stat st;

	strbuf_addf(&root, "%s/activities", shared ? shared : "../shared/data");
	strbuf_addf(&expected, "%s/expected.jsonl", root.buf);
	if (stat(root.buf, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    !(text = slurp(expected.buf, &len))) {
		printf("skipped: no ../shared\n");
		return 77;
	}
	for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		json_t *o = json_loads(l, 0, NULL);
		const char *file = o ? str(o, "file") : NULL;

		if (file) {
			json_object_set(lines, file, o);
		}
		json_decref(o);
	}
	free(text);
	walk(root.buf, "", &paths, &n, &alloc);
	qsort(paths, n, sizeof(*paths), by_name);
	for (size_t i = 0; i < n; i++) {
		failed += !run_file(root.buf, paths[i], json_object_get(lines, paths[i]), &all,
		                    &n_known);
		n_gpx += strcasecmp(paths[i] + strlen(paths[i]) - 4, ".gpx") == 0;
		free(paths[i]);
	}
	printf("checked %zu files (%zu GPX, %zu TCX): %zu matched, %zu mismatched, %zu with a "
	       "known deviation\n",
	       n, n_gpx, n - n_gpx, n - failed, failed, n_known);
	if (failed) {
		printf("mismatches:\n%s", all.buf);
	}
	free(paths);
	json_decref(lines);
	strbuf_release(&root);
	strbuf_release(&expected);
	strbuf_release(&all);
	return failed || n == 0 ? 1 : 0;
}
