/*
 * test_gpx.c: the GPX reader (formats/gpx.c) and the XML driver under it
 * (formats/xml.h), from inline documents and a few gpxpy test files
 * (tests/data/gpx, Apache-2.0).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "base/geo.h"
#include "base/instant.h"
#include "base/strbuf.h"
#include "formats/format.h"
#include "formats/xml.h"

/* ---- helpers ---- */

/* Decode len bytes at buf into rec (initialised here) as GPX. */
static enum err_code decode_n(const char *buf, size_t len, struct recording *rec, struct err *err)
{
	recording_init(rec);
	rec->format = SOURCE_GPX;
	err_clear(err);
	return format_gpx.decode((const uint8_t *)buf, len, rec, err);
}

static enum err_code decode(const char *xml, struct recording *rec, struct err *err)
{
	return decode_n(xml, strlen(xml), rec, err);
}

static double at(const struct recording *rec, size_t row, enum sample_field f)
{
	return samples_get(&rec->activities[0].samples, row, f);
}

static bool near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

static double instant(const char *s)
{
	double t = (double)NAN;

	assert_true(instant_parse(s, strlen(s), &t));
	return t;
}

static bool warned(const struct recording *rec, const char *text)
{
	return strstr(rec->warnings.buf, text) != NULL;
}

#define GPX11_HEAD                                                                                 \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                             \
	"<gpx version=\"1.1\" creator=\"Test Writer\" "                                            \
	"xmlns=\"http://www.topografix.com/GPX/1/1\" "                                             \
	"xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\">\n"

/* A GPX 1.1 run with Garmin TrackPointExtension, as Garmin Connect writes. */
static const char run11[] = GPX11_HEAD
        "<metadata><name>File name</name><time>2024-05-01T06:00:00Z</time></metadata>\n"
        "<trk><name>Morning Run</name><type>running</type><trkseg>\n"
        "<trkpt lat=\"45.0\" lon=\"5.0\"><ele>210.5</ele><time>2024-05-01T06:00:00Z</time>"
        "<extensions><gpxtpx:TrackPointExtension><gpxtpx:atemp>21</gpxtpx:atemp>"
        "<gpxtpx:hr>120</gpxtpx:hr><gpxtpx:cad>84</gpxtpx:cad>"
        "</gpxtpx:TrackPointExtension></extensions></trkpt>\n"
        "<trkpt lat=\"45.001\" lon=\"5.0\"><ele>211</ele><time>2024-05-01T06:00:05.5Z</time>"
        "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>0</gpxtpx:hr>"
        "<gpxtpx:cad>86</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>\n"
        "</trkseg></trk></gpx>\n";

/* ---- GPX 1.1 and 1.0 ---- */

static void test_gpx11_run(void **state)
{
	struct recording rec;
	struct err err;
	const struct activity *a;

	(void)state;
	assert_int_equal(decode(run11, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, 1);
	assert_int_equal(rec.n_records, 2);
	assert_int_equal(rec.n_sessions, 1);
	assert_int_equal(rec.n_laps, 0);
	assert_string_equal(rec.device, "Test Writer");
	assert_null(rec.file_type);
	assert_false(rec.repaired);
	a = &rec.activities[0].activity;
	assert_int_equal(a->sport, SPORT_RUN);
	assert_int_equal(a->source, SOURCE_GPX);
	assert_string_equal(a->name, "Morning Run"); /* the track's, not the file's */
	assert_true(isnan(a->distance_m));           /* left to recording_derive */
	assert_true(at(&rec, 0, SAMPLE_TIME) == instant("2024-05-01T06:00:00Z"));
	assert_true(at(&rec, 1, SAMPLE_TIME) == instant("2024-05-01T06:00:05.5Z"));
	assert_true(at(&rec, 0, SAMPLE_LAT) == 45.0);
	assert_true(at(&rec, 1, SAMPLE_LAT) == 45.001);
	assert_true(at(&rec, 0, SAMPLE_ALTITUDE) == 210.5);
	assert_true(at(&rec, 0, SAMPLE_HR) == 120);
	assert_true(isnan(at(&rec, 1, SAMPLE_HR))); /* 0 is "no reading" */
	/* strides per minute in the file, steps per minute in knead */
	assert_true(at(&rec, 0, SAMPLE_CADENCE) == 168);
	assert_true(at(&rec, 1, SAMPLE_CADENCE) == 172);
	assert_false(samples_has(&rec.activities[0].samples, SAMPLE_POWER));
	assert_true(at(&rec, 0, SAMPLE_DISTANCE) == 0);
	assert_true(near(at(&rec, 1, SAMPLE_DISTANCE), geo_distance(45, 5, 45.001, 5)));
	recording_release(&rec);
}

static void test_gpx10(void **state)
{
	static const char xml[] =
	        "<?xml version=\"1.0\"?>\n"
	        "<gpx version=\"1.0\" creator=\"GPSBabel\" "
	        "xmlns=\"http://www.topografix.com/GPX/1/0\">\n"
	        "<name>Old file</name><time>2010-08-05T14:00:00Z</time>\n"
	        "<trk><trkseg>\n"
	        "<trkpt lat=\"46.0\" lon=\"14.0\"><ele>500</ele>"
	        "<time>2010-08-05T14:23:59Z</time><speed>2.5</speed></trkpt>\n"
	        "<trkpt lat=\"46.0001\" lon=\"14.0001\"><time>2010-08-05T16:24:00+02:00</time>"
	        "<speed>3</speed><course>12</course></trkpt>\n"
	        "</trkseg></trk></gpx>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_records, 2);
	assert_string_equal(rec.activities[0].activity.name, "Old file");
	assert_int_equal(rec.activities[0].activity.sport, SPORT_OTHER); /* no <type> */
	assert_true(at(&rec, 0, SAMPLE_SPEED) == 2.5);
	assert_true(at(&rec, 1, SAMPLE_SPEED) == 3);
	assert_true(at(&rec, 1, SAMPLE_TIME) - at(&rec, 0, SAMPLE_TIME) == 1);
	assert_true(isnan(at(&rec, 1, SAMPLE_ALTITUDE)));
	recording_release(&rec);
}

static void test_no_namespace_and_misspelled_namespace(void **state)
{
	/* gpxpy's track_with_speed.gpx has no namespace at all; some writers
	 * misspell the URI: both are still GPX */
	static const char *const docs[] = {
		"<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>",
		"<gpx xmlns=\"http://www.topografix.com/GPX/1/1/\"><trk><trkseg>"
		"<trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>",
	};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct recording rec;
		struct err err;

		assert_int_equal(decode(docs[i], &rec, &err), ERR_OK);
		assert_int_equal(rec.n_records, 1);
		assert_true(at(&rec, 0, SAMPLE_LON) == 2);
		recording_release(&rec);
	}
}

static void test_foreign_elements_ignored(void **state)
{
	/* a trkpt or trkseg in another namespace is not GPX's */
	static const char xml[] =
	        GPX11_HEAD "<trk><trkseg><trkpt lat=\"1\" lon=\"2\"><extensions>"
	                   "<x:trkpt xmlns:x=\"urn:other\" lat=\"3\" lon=\"4\"/><x:hr "
	                   "xmlns:x=\"urn:o\">99</x:hr>"
	                   "</extensions></trkpt></trkseg>"
	                   "<x:trkseg xmlns:x=\"urn:other\"><trkpt lat=\"5\" lon=\"6\"/></x:trkseg>"
	                   "</trk></gpx>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_records, 1);
	/* extension values are matched by local name in any namespace */
	assert_true(at(&rec, 0, SAMPLE_HR) == 99);
	recording_release(&rec);
}

/* ---- extensions ---- */

static void test_cluetrust(void **state)
{
	static const char xml[] =
	        "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
	        "xmlns:gpxdata=\"http://www.cluetrust.com/XML/GPXDATA/1/0\">"
	        "<trk><type>Biking</type><trkseg><trkpt lat=\"47.2\" lon=\"9.0\"><extensions>"
	        "<gpxdata:hr>141</gpxdata:hr><gpxdata:cadence>88</gpxdata:cadence>"
	        "<gpxdata:power>250</gpxdata:power><gpxdata:temp>20.5</gpxdata:temp>"
	        "<gpxdata:distance>10</gpxdata:distance>"
	        "</extensions></trkpt></trkseg></trk></gpx>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.activities[0].activity.sport, SPORT_BIKE);
	assert_true(at(&rec, 0, SAMPLE_HR) == 141);
	assert_true(at(&rec, 0, SAMPLE_CADENCE) == 88); /* rpm: not doubled on a bike */
	assert_true(at(&rec, 0, SAMPLE_POWER) == 250);
	assert_true(at(&rec, 0, SAMPLE_DISTANCE) == 0); /* ours, not gpxdata's */
	recording_release(&rec);
}

static void test_power_spellings(void **state)
{
	static const char xml[] =
	        "<gpx xmlns=\"http://www.topografix.com/GPX/1/1\" "
	        "xmlns:pwr=\"http://www.garmin.com/xmlschemas/PowerExtension/v1\" "
	        "xmlns:gpxdata=\"http://www.cluetrust.com/XML/GPXDATA/1/0\" "
	        "xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v2\">"
	        "<trk><trkseg>"
	        "<trkpt lat=\"1\" lon=\"1\"><extensions><power>200</power></extensions></trkpt>"
	        "<trkpt lat=\"1\" lon=\"1\"><extensions><pwr:PowerInWatts>210</pwr:PowerInWatts>"
	        "</extensions></trkpt>"
	        "<trkpt lat=\"1\" lon=\"1\"><extensions><gpxdata:power>220</gpxdata:power>"
	        "</extensions></trkpt>"
	        "<trkpt lat=\"1\" lon=\"1\"><extensions><gpxtpx:TrackPointExtension>"
	        "<gpxtpx:speed>4.5</gpxtpx:speed><gpxtpx:hr>150</gpxtpx:hr>"
	        "</gpxtpx:TrackPointExtension><heartrate>151</heartrate><cadence>80</cadence>"
	        "<mytrails:speed xmlns:mytrails=\"urn:mytrails\">99</mytrails:speed>"
	        "</extensions></trkpt>"
	        "</trkseg></trk></gpx>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_records, 4);
	assert_true(at(&rec, 0, SAMPLE_POWER) == 200);
	assert_true(at(&rec, 1, SAMPLE_POWER) == 210);
	assert_true(at(&rec, 2, SAMPLE_POWER) == 220);
	assert_true(at(&rec, 3, SAMPLE_SPEED) == 4.5); /* TrackPointExtension v2's, m/s */
	assert_true(at(&rec, 3, SAMPLE_HR) == 151);    /* Amazfit's bare heartrate, last */
	assert_true(at(&rec, 3, SAMPLE_CADENCE) == 80);
	recording_release(&rec);
}

static void test_sport_words(void **state)
{
	static const struct {
		const char *type;
		enum sport sport;
	} cases[] = {
		{ "running", SPORT_RUN },
		{ "Running", SPORT_RUN },
		{ "9", SPORT_RUN },
		{ "1", SPORT_BIKE },
		{ "road_biking", SPORT_BIKE },
		{ "trail_running", SPORT_TRAIL },
		{ "Hike", SPORT_HIKE },
		{ "lap_swimming", SPORT_SWIM },
		{ "t", SPORT_OTHER },
		{ "Workout", SPORT_OTHER },
		{ "", SPORT_OTHER },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf xml = STRBUF_INIT;
		struct recording rec;
		struct err err;

		strbuf_addf(&xml,
		            "<gpx><trk><type>%s</type><trkseg><trkpt lat=\"1\" lon=\"1\">"
		            "<extensions><cad>80</cad></extensions></trkpt></trkseg></trk></gpx>",
		            cases[i].type);
		assert_int_equal(decode(xml.buf, &rec, &err), ERR_OK);
		assert_int_equal(rec.activities[0].activity.sport, cases[i].sport);
		assert_true(at(&rec, 0, SAMPLE_CADENCE) ==
		            (sport_pace(cases[i].sport) == SPORT_PACE_FOOT ? 160 : 80));
		recording_release(&rec);
		strbuf_release(&xml);
	}
}

/* ---- tracks, segments, missing values ---- */

static void test_tracks_and_segments(void **state)
{
	static const char xml[] = GPX11_HEAD
	        "<trk><name>First</name><trkseg>"
	        "<trkpt lat=\"45.0\" lon=\"5.0\"/><trkpt lat=\"45.01\" lon=\"5.0\"/>"
	        "</trkseg></trk>"
	        "<trk><name>Second</name><trkseg></trkseg><trkseg>"
	        "<trkpt lat=\"46.0\" lon=\"6.0\"/><trkpt lat=\"46.0\" lon=\"6.01\"/>"
	        "</trkseg><trkseg><trkpt lat=\"47.0\" lon=\"6.0\"/></trkseg></trk></gpx>";
	struct recording rec;
	struct err err;
	double d1 = geo_distance(45, 5, 45.01, 5), d2 = geo_distance(46, 6, 46, 6.01);

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, 1); /* one file, one activity */
	assert_int_equal(rec.n_sessions, 2);
	assert_int_equal(rec.n_records, 5);
	assert_string_equal(rec.activities[0].activity.name, "First");
	assert_true(near(at(&rec, 1, SAMPLE_DISTANCE), d1));
	/* a new segment starts where the last ended: the gap is no distance */
	assert_true(near(at(&rec, 2, SAMPLE_DISTANCE), d1));
	assert_true(near(at(&rec, 3, SAMPLE_DISTANCE), d1 + d2));
	assert_true(near(at(&rec, 4, SAMPLE_DISTANCE), d1 + d2));
	recording_release(&rec);
}

static void test_points_without_time_or_elevation(void **state)
{
	static const char xml[] = GPX11_HEAD "<trk><trkseg>"
	                                     "<trkpt lat=\"45\" lon=\"5\"></trkpt>"
	                                     "<trkpt lat=\"45.001\" lon=\"5\"><ele></ele><time> "
	                                     "</time></trkpt>"
	                                     "</trkseg></trk></gpx>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_records, 2);
	assert_false(samples_has(&rec.activities[0].samples, SAMPLE_TIME));
	assert_false(samples_has(&rec.activities[0].samples, SAMPLE_ALTITUDE));
	assert_false(rec.repaired); /* empty is absent, not damaged */
	recording_derive(&rec);
	assert_false(rec.activities[0].activity.has_start);
	assert_true(rec.activities[0].activity.distance_m > 100);
	recording_release(&rec);
}

static void test_bad_values_counted(void **state)
{
	static const char xml[] = GPX11_HEAD "<trk><trkseg>"
	                                     "<trkpt lat=\"95\" lon=\"5\"><ele>1,5</ele></trkpt>\n"
	                                     "<trkpt lon=\"5\"><time>yesterday</time></trkpt>\n"
	                                     "<trkpt lat=\"45\" lon=\"5\"><ele>NaN</ele></trkpt>\n"
	                                     "<trkpt lat=\"45\" lon=\"5\"><ele>1e3</ele></trkpt>\n"
	                                     "</trkseg></trk></gpx>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_records, 4); /* rows kept, values dropped */
	assert_true(isnan(at(&rec, 0, SAMPLE_LAT)));
	assert_true(at(&rec, 2, SAMPLE_LAT) == 45);
	assert_true(at(&rec, 3, SAMPLE_ALTITUDE) == 1000);
	assert_true(rec.repaired);
	assert_true(warned(&rec, "ignored 2 position values that are unreadable or out of range, "
	                         "first at line 3"));
	assert_true(warned(&rec, "ignored 2 elevation values"));
	assert_true(warned(&rec, "ignored 1 time value that is unreadable or out of range, "
	                         "first at line 4"));
	recording_release(&rec);
}

/* ---- files without activities ---- */

static void test_without_track_points(void **state)
{
	static const struct {
		const char *xml;
		const char *warning;
	} cases[] = {
		{ "<gpx><rte><rtept lat=\"1\" lon=\"2\"/></rte><wpt lat=\"1\" lon=\"2\"/></gpx>",
		  "no track points: only a route" },
		{ "<gpx><wpt lat=\"1\" lon=\"2\"><name>Hut</name></wpt></gpx>",
		  "no track points: only waypoints" },
		{ "<gpx><metadata><name>x</name></metadata><trk><trkseg/></trk></gpx>",
		  "no track points: only metadata" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct recording rec;
		struct err err;

		assert_int_equal(decode(cases[i].xml, &rec, &err), ERR_OK);
		assert_int_equal(rec.n_activities, 0);
		assert_int_equal(rec.n_records, 0);
		assert_string_equal(rec.warnings.buf, cases[i].warning);
		assert_false(rec.repaired); /* information, not a repair */
		recording_release(&rec);
	}
}

/* ---- repairs ---- */

static void test_whitespace_before_declaration(void **state)
{
	static const char *const docs[] = {
		"   <?xml version=\"1.0\"?>\n<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"/>"
		"</trkseg></trk></gpx>",
		"\xEF\xBB\xBF\n\n <?xml version=\"1.0\"?>\n<gpx><trk><trkseg><trkpt lat=\"1\" "
		"lon=\"2\"/></trkseg></trk></gpx>",
	};
	static const char *const warnings[] = {
		"skipped 3 bytes of white space before the XML declaration at line 1",
		"skipped 3 bytes of white space before the XML declaration at line 3",
	};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct recording rec;
		struct err err;

		assert_int_equal(decode(docs[i], &rec, &err), ERR_OK);
		assert_int_equal(rec.n_records, 1);
		assert_true(rec.repaired);
		assert_string_equal(rec.warnings.buf, warnings[i]);
		recording_release(&rec);
	}
}

static void test_positions_after_skipped_whitespace(void **state)
{
	/* errors after the repair still name the line and column in the file */
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode("\n\n  <?xml version=\"1.0\"?><gpx></gpy>", &rec, &err),
	                 ERR_FORMAT);
	assert_string_equal(err.msg, "XML error at line 3, column 31: mismatched tag");
	recording_release(&rec);
	assert_int_equal(decode("  <?xml version=\"1.0\"?><gpx></gpy>", &rec, &err), ERR_FORMAT);
	assert_string_equal(err.msg, "XML error at line 1, column 31: mismatched tag");
	recording_release(&rec);
}

static void test_undeclared_prefix(void **state)
{
	/* as in Strava exports: gpxdata: used, never declared */
	static const char xml[] =
	        "<?xml version=\"1.0\"?>\n"
	        "<gpx creator=\"StravaGPX\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
	        "<trk><type>9</type><trkseg>\n"
	        "<trkpt lat=\"45\" lon=\"5\"><extensions><gpxdata:cadence>43</gpxdata:cadence>"
	        "<cadence>43</cadence><gpxx:Temperature>22</gpxx:Temperature></extensions></"
	        "trkpt>\n"
	        "<trkpt lat=\"45\" lon=\"5\" foo:bar=\"1\"><extensions>"
	        "<gpxdata:cadence>44</gpxdata:cadence></extensions></trkpt>\n"
	        "</trkseg></trk></gpx>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_records, 2);
	assert_true(at(&rec, 0, SAMPLE_CADENCE) == 86);
	assert_true(at(&rec, 1, SAMPLE_CADENCE) == 88);
	assert_true(rec.repaired);
	assert_string_equal(rec.warnings.buf,
	                    "undeclared namespace prefix 'gpxdata' at line 4: matched its "
	                    "elements by local name\n"
	                    "undeclared namespace prefix 'gpxx' at line 4: matched its elements "
	                    "by local name\n"
	                    "undeclared namespace prefix 'foo' at line 5: matched its elements "
	                    "by local name");
	recording_release(&rec);
}

static void test_many_undeclared_prefixes(void **state)
{
	struct strbuf xml = STRBUF_INIT;
	struct recording rec;
	struct err err;
	size_t lines = 0;

	(void)state;
	strbuf_adds(&xml, "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"1\"><extensions>");
	for (int i = 0; i < 100; i++) {
		strbuf_addf(&xml, "<p%d:x/>", i);
	}
	strbuf_adds(&xml, "</extensions></trkpt></trkseg></trk></gpx>");
	assert_int_equal(decode(xml.buf, &rec, &err), ERR_OK);
	for (const char *p = rec.warnings.buf; *p; p++) {
		lines += *p == '\n';
	}
	assert_int_equal(lines + 1, 9); /* eight named, then one line for the rest */
	assert_true(warned(&rec, "more undeclared namespace prefixes from line 1; not named"));
	recording_release(&rec);
	strbuf_release(&xml);
}

/* ---- damage ---- */

static void test_malformed(void **state)
{
	static const struct {
		const char *xml;
		const char *msg;
	} cases[] = {
		{ "<?xml version=\"1.0\"?>\n<gpx>\n<trk></trkk>",
		  "XML error at line 3, column 8: mismatched tag" },
		{ "", "XML error at line 1, column 1: no element found" },
		{ "<gpx><metadata><name>&bogus;</name></metadata></gpx>",
		  "XML error at line 1, column 22: undefined entity" },
		{ "<TrainingCenterDatabase/>",
		  "not a GPX file: the document element is <TrainingCenterDatabase>, not <gpx>" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct recording rec;
		struct err err;

		assert_int_equal(decode(cases[i].xml, &rec, &err), ERR_FORMAT);
		assert_string_equal(err.msg, cases[i].msg);
		assert_int_equal(rec.n_activities, 0);
		recording_release(&rec);
	}
}

static void test_truncated(void **state)
{
	struct recording rec;
	struct err err;
	const char *cut = strstr(run11, "<trkpt lat=\"45.001\"") + 30;

	(void)state;
	assert_int_equal(decode_n(run11, (size_t)(cut - run11), &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, 1);
	assert_int_equal(rec.n_records, 2); /* the second had begun */
	assert_int_equal(rec.activities[0].activity.sport, SPORT_RUN);
	assert_true(at(&rec, 0, SAMPLE_HR) == 120);
	assert_true(rec.repaired);
	assert_string_equal(rec.warnings.buf,
	                    "damaged or truncated file: XML error at line 6, column 31: no element "
	                    "found; kept the 2 track points read before it");
	recording_release(&rec);
}

static void test_nesting_capped(void **state)
{
	struct strbuf xml = STRBUF_INIT;
	struct recording rec;
	struct err err;

	(void)state;
	strbuf_adds(&xml, "<gpx>");
	for (int i = 0; i < 100; i++) {
		strbuf_adds(&xml, "<a>");
	}
	assert_int_equal(decode(xml.buf, &rec, &err), ERR_FORMAT);
	assert_string_equal(err.msg, "XML error at line 1, column 195: elements nested deeper "
	                             "than 64 levels");
	recording_release(&rec);
	strbuf_release(&xml);
}

/* ---- encodings and caps ---- */

static void test_bom(void **state)
{
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(
	        decode("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	               "<gpx><trk><name>\xC5\xA1</name><trkseg><trkpt lat=\"1\" lon=\"2\"/>"
	               "</trkseg></trk></gpx>",
	               &rec, &err),
	        ERR_OK);
	assert_false(rec.repaired);
	assert_string_equal(rec.activities[0].activity.name, "\xC5\xA1");
	recording_release(&rec);
}

static void test_single_byte_encodings(void **state)
{
	static const struct {
		const char *encoding;
		const char *name;     /* in that encoding */
		const char *expected; /* in UTF-8 */
	} cases[] = {
		{ "ISO-8859-1", "Caf\xE9", "Caf\xC3\xA9" },
		{ "windows-1252", "\x80 \xE9", "\xE2\x82\xAC \xC3\xA9" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf xml = STRBUF_INIT;
		struct recording rec;
		struct err err;

		strbuf_addf(&xml,
		            "<?xml version=\"1.0\" encoding=\"%s\"?>\n<gpx><trk><name>%s</name>"
		            "<trkseg><trkpt lat=\"1\" lon=\"2\"/></trkseg></trk></gpx>",
		            cases[i].encoding, cases[i].name);
		assert_int_equal(decode(xml.buf, &rec, &err), ERR_OK);
		assert_string_equal(rec.activities[0].activity.name, cases[i].expected);
		recording_release(&rec);
		strbuf_release(&xml);
	}
}

static void test_unknown_encoding(void **state)
{
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><gpx/>", &rec, &err),
	                 ERR_FORMAT);
	assert_string_equal(err.msg, "XML error at line 1, column 31: unknown encoding");
	recording_release(&rec);
}

static void test_huge_text_capped(void **state)
{
	struct strbuf xml = STRBUF_INIT;
	struct recording rec;
	struct err err;

	(void)state;
	strbuf_adds(&xml, "<gpx><trk><name>");
	for (int i = 0; i < 100000; i++) {
		strbuf_adds(&xml, "\xC3\xA9 "); /* "é ", so a cut could split a character */
	}
	strbuf_adds(&xml, "</name><trkseg><trkpt lat=\"1\" lon=\"2\"><ele>");
	strbuf_addchars(&xml, '1', 1000000);
	strbuf_adds(&xml, "</ele></trkpt></trkseg></trk></gpx>");
	assert_int_equal(decode(xml.buf, &rec, &err), ERR_OK);
	assert_true(strlen(rec.activities[0].activity.name) <= ACTIVITY_MAX_NAME);
	assert_true(strlen(rec.activities[0].activity.name) > ACTIVITY_MAX_NAME - 3);
	assert_memory_equal(rec.activities[0].activity.name, "\xC3\xA9 \xC3\xA9", 5);
	assert_true(warned(&rec, "name at line 1 cut to 200 bytes"));
	assert_true(isnan(at(&rec, 0, SAMPLE_ALTITUDE)));
	assert_true(warned(&rec, "ignored 1 elevation value"));
	recording_release(&rec);
	strbuf_release(&xml);
}

static void test_many_points_chunks(void **state)
{
	/* more than one expat chunk, and a row per point */
	struct strbuf xml = STRBUF_INIT;
	struct recording rec;
	struct err err;

	(void)state;
	strbuf_adds(&xml, GPX11_HEAD "<trk><trkseg>\n");
	for (int i = 0; i < 20000; i++) {
		strbuf_addf(&xml,
		            "<trkpt lat=\"%d.%04d\" lon=\"5\"><time>2024-05-01T06:%02d:%02dZ</time>"
		            "</trkpt>\n",
		            45, i % 10000, (i / 60) % 60, i % 60);
	}
	strbuf_adds(&xml, "</trkseg></trk></gpx>\n");
	assert_true(xml.len > 3 * 65536);
	assert_int_equal(decode(xml.buf, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_records, 20000);
	assert_true(at(&rec, 19999, SAMPLE_LAT) == 45.9999);
	recording_release(&rec);
	strbuf_release(&xml);
}

/* ---- probing ---- */

static void test_probe(void **state)
{
	static const char tcx[] = "<?xml version=\"1.0\"?><TrainingCenterDatabase/>";
	static const uint8_t fit[16] = { 14, 16, 0, 0, 0, 0, 0, 0, '.', 'F', 'I', 'T' };

	(void)state;
	assert_true(format_gpx.probe((const uint8_t *)run11, strlen(run11), NULL));
	assert_true(format_gpx.probe((const uint8_t *)"\xEF\xBB\xBF \n<gpx>", 11, "x"));
	assert_true(format_gpx.probe((const uint8_t *)"<?xml?><gpx ", 12, NULL)); /* short */
	assert_false(format_gpx.probe((const uint8_t *)"<gpxdata/>", 10, NULL));
	assert_false(format_gpx.probe((const uint8_t *)"hello <gpx>", 11, NULL));
	assert_true(format_gpx.probe((const uint8_t *)"garbage", 7, "RUN.GPX"));
	assert_false(format_gpx.probe((const uint8_t *)tcx, strlen(tcx), "mislabelled.gpx"));
	assert_false(format_gpx.probe(fit, sizeof(fit), "mislabelled.gpx"));
	assert_true(format_tcx.probe((const uint8_t *)tcx, strlen(tcx), "mislabelled.gpx"));
	assert_ptr_equal(format_find((const uint8_t *)run11, strlen(run11), "a.tcx"), &format_gpx);
}

/* ---- the driver's helpers ---- */

static void test_xml_number(void **state)
{
	static const struct {
		const char *s;
		double v;
	} good[] = {
		{ "0", 0 },
		{ "-0.5", -0.5 },
		{ " 46.434981000 ", 46.434981 },
		{ "+3", 3 },
		{ ".25", 0.25 },
		{ "7.", 7 },
		{ "1e3", 1000 },
		{ "2.5E-2", 0.025 },
		{ "0.000091697", 0.000091697 },
		{ "60.272281646728516", 60.272281646728516 },
		{ "12345678901234567890123", 12345678901234567890123.0 },
		{ "0.00000000000000000000000000001", 1e-29 },
	};
	static const char *const bad[] = {
		"",    " ",   "-",   ".",    "e5",  "1e",    "1e+", "1.2.3",
		"1,5", "NaN", "inf", "0x10", "1 2", "1e400", "--1",
	};
	double v;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_true(xml_number(good[i].s, strlen(good[i].s), &v));
		assert_true(fabs(v - good[i].v) <= fabs(good[i].v) * 4e-16);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		v = 42;
		assert_false(xml_number(bad[i], strlen(bad[i]), &v));
		assert_true(v == 42);
	}
	/* the length bounds the number, not a NUL */
	assert_true(xml_number("12345", 2, &v));
	assert_true(v == 12);
}

static void test_xml_strdup(void **state)
{
	struct xml_text t = { "  ab\xC3\xA9  ", 8, false };
	bool cut;
	char *s;

	(void)state;
	s = xml_strdup(&t, 100, &cut);
	assert_string_equal(s, "ab\xC3\xA9");
	assert_false(cut);
	free(s);
	s = xml_strdup(&t, 3, &cut); /* would split the é */
	assert_string_equal(s, "ab");
	assert_true(cut);
	free(s);
	t.s = " \n ";
	t.len = 3;
	assert_null(xml_strdup(&t, 100, NULL));
}

/* ---- real files (gpxpy's, in tests/data/gpx) ---- */

static char *slurp(const char *name, size_t *len)
{
	const char *dir = getenv("KNEAD_TEST_DATA");
	struct strbuf path = STRBUF_INIT, data = STRBUF_INIT;
	char buf[8192];
	size_t n;
	FILE *f;

	strbuf_addf(&path, "%s/gpx/%s", dir ? dir : "tests/data", name);
	f = fopen(path.buf, "rb");
	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		strbuf_add(&data, buf, n);
	}
	fclose(f);
	strbuf_release(&path);
	return strbuf_detach(&data, len);
}

static void test_gpxpy_files(void **state)
{
	static const struct {
		const char *name;
		size_t points, tracks;
	} files[] = {
		{ "cerknicko-jezero.gpx", 296, 8 },
		{ "track-with-empty-segment.gpx", 9, 1 },
		{ "track_with_speed.gpx", 3, 1 },
		{ "unicode_with_bom.gpx", 0, 0 },
		{ "route.gpx", 0, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		size_t len;
		char *buf = slurp(files[i].name, &len);
		struct recording rec;
		struct err err;

		assert_true(format_gpx.probe((const uint8_t *)buf, len, files[i].name));
		assert_int_equal(decode_n(buf, len, &rec, &err), ERR_OK);
		assert_int_equal(rec.n_records, files[i].points);
		assert_int_equal(rec.n_sessions, files[i].tracks);
		assert_int_equal(rec.n_activities, files[i].points ? 1 : 0);
		if (files[i].points) {
			assert_true(samples_has(&rec.activities[0].samples, SAMPLE_TIME));
		}
		recording_release(&rec);
		free(buf);
	}
}

static void test_gpxpy_cerknicko_distance(void **state)
{
	/* gpxpy's length_2d is 4580.137 m; ours is on the ellipsoid */
	size_t len;
	char *buf = slurp("cerknicko-jezero.gpx", &len);
	struct recording rec;
	struct err err;
	double d;

	(void)state;
	assert_int_equal(decode_n(buf, len, &rec, &err), ERR_OK);
	d = at(&rec, rec.n_records - 1, SAMPLE_DISTANCE);
	assert_true(fabs(d - 4580.137) / 4580.137 < 0.005);
	recording_release(&rec);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gpx11_run),
		cmocka_unit_test(test_gpx10),
		cmocka_unit_test(test_no_namespace_and_misspelled_namespace),
		cmocka_unit_test(test_foreign_elements_ignored),
		cmocka_unit_test(test_cluetrust),
		cmocka_unit_test(test_power_spellings),
		cmocka_unit_test(test_sport_words),
		cmocka_unit_test(test_tracks_and_segments),
		cmocka_unit_test(test_points_without_time_or_elevation),
		cmocka_unit_test(test_bad_values_counted),
		cmocka_unit_test(test_without_track_points),
		cmocka_unit_test(test_whitespace_before_declaration),
		cmocka_unit_test(test_positions_after_skipped_whitespace),
		cmocka_unit_test(test_undeclared_prefix),
		cmocka_unit_test(test_many_undeclared_prefixes),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_nesting_capped),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_single_byte_encodings),
		cmocka_unit_test(test_unknown_encoding),
		cmocka_unit_test(test_huge_text_capped),
		cmocka_unit_test(test_many_points_chunks),
		cmocka_unit_test(test_probe),
		cmocka_unit_test(test_xml_number),
		cmocka_unit_test(test_xml_strdup),
		cmocka_unit_test(test_gpxpy_files),
		cmocka_unit_test(test_gpxpy_cerknicko_distance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
