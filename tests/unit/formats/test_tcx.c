/*
 * test_tcx.c: the Training Center reader (formats/tcx.c), from inline
 * documents: laps and their summary, multisport sessions, extensions,
 * notes, repairs and damage.
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

#include "base/instant.h"
#include "base/strbuf.h"
#include "formats/format.h"

/* ---- helpers ---- */

static enum err_code decode_n(const char *buf, size_t len, struct recording *rec, struct err *err)
{
	recording_init(rec);
	rec->format = SOURCE_TCX;
	err_clear(err);
	return format_tcx.decode((const uint8_t *)buf, len, rec, err);
}

static enum err_code decode(const char *xml, struct recording *rec, struct err *err)
{
	return decode_n(xml, strlen(xml), rec, err);
}

static double at(const struct recording *rec, size_t act, size_t row, enum sample_field f)
{
	return samples_get(&rec->activities[act].samples, row, f);
}

static double instant(const char *s)
{
	double t = (double)NAN;

	assert_true(instant_parse(s, strlen(s), &t));
	return t;
}

static bool near(double a, double b)
{
	return fabs(a - b) < 1e-9;
}

static bool warned(const struct recording *rec, const char *text)
{
	return strstr(rec->warnings.buf, text) != NULL;
}

#define TCX_HEAD                                                                                   \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                             \
	"<TrainingCenterDatabase "                                                                 \
	"xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\" "                    \
	"xmlns:ns3=\"http://www.garmin.com/xmlschemas/ActivityExtension/v2\">\n"

/* A run of two laps, as Garmin Connect writes it; the second lap's
 * trackpoint is later than the lap's own end. */
static const char run[] = TCX_HEAD
        "<Activities><Activity Sport=\"Running\">\n"
        "<Id>2024-05-01T06:00:00.000Z</Id>\n"
        "<Lap StartTime=\"2024-05-01T06:00:00.000Z\">\n"
        "<TotalTimeSeconds>300.0</TotalTimeSeconds><DistanceMeters>1000.0</DistanceMeters>"
        "<MaximumSpeed>3.9</MaximumSpeed><Calories>70</Calories>"
        "<AverageHeartRateBpm><Value>140</Value></AverageHeartRateBpm>"
        "<MaximumHeartRateBpm><Value>150</Value></MaximumHeartRateBpm>"
        "<Intensity>Active</Intensity><TriggerMethod>Distance</TriggerMethod>\n"
        "<Track>\n"
        "<Trackpoint><Time>2024-05-01T06:00:00.000Z</Time>"
        "<Position><LatitudeDegrees>45.0</LatitudeDegrees>"
        "<LongitudeDegrees>5.0</LongitudeDegrees></Position>"
        "<AltitudeMeters>210.2</AltitudeMeters><DistanceMeters>0.0</DistanceMeters>"
        "<HeartRateBpm><Value>120</Value></HeartRateBpm>"
        "<Extensions><ns3:TPX><ns3:Speed>3.1</ns3:Speed><ns3:RunCadence>84</ns3:RunCadence>"
        "<ns3:Watts>250</ns3:Watts></ns3:TPX></Extensions></Trackpoint>\n"
        "<Trackpoint><Time>2024-05-01T06:05:00.000Z</Time>"
        "<DistanceMeters>1000.0</DistanceMeters></Trackpoint>\n"
        "</Track>\n"
        "<Extensions><ns3:LX><ns3:AvgSpeed>3.33</ns3:AvgSpeed>"
        "<ns3:AvgRunCadence>85</ns3:AvgRunCadence><ns3:AvgWatts>240</ns3:AvgWatts></ns3:LX>"
        "</Extensions></Lap>\n"
        "<Lap StartTime=\"2024-05-01T06:06:00.000Z\">\n"
        "<TotalTimeSeconds>100.0</TotalTimeSeconds><DistanceMeters>250.5</DistanceMeters>"
        "<AverageHeartRateBpm><Value>160</Value></AverageHeartRateBpm>"
        "<MaximumHeartRateBpm><Value>171</Value></MaximumHeartRateBpm>"
        "<Intensity>Resting</Intensity><Cadence>80</Cadence>"
        "<TriggerMethod>Manual</TriggerMethod>\n"
        "<Track><Trackpoint><Time>2024-05-01T06:08:00.000Z</Time>"
        "<Cadence>82</Cadence></Trackpoint></Track>\n"
        "</Lap>\n"
        "<Notes>Legs heavy.\nWindy.</Notes>\n"
        "<Creator xsi:type=\"Device_t\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        "<Name>Forerunner 945</Name><UnitId>1</UnitId></Creator>\n"
        "</Activity></Activities>\n"
        "<Author><Name>Garmin Connect API</Name></Author>\n"
        "</TrainingCenterDatabase>\n";

/* ---- one activity ---- */

static void test_laps_and_summary(void **state)
{
	struct recording rec;
	struct err err;
	const struct activity *a;
	const struct lap *l;

	(void)state;
	assert_int_equal(decode(run, &rec, &err), ERR_OK);
	assert_false(rec.repaired);
	assert_int_equal(rec.n_activities, 1);
	assert_int_equal(rec.n_sessions, 1);
	assert_int_equal(rec.n_laps, 2);
	assert_int_equal(rec.n_records, 3);
	assert_string_equal(rec.device, "Forerunner 945"); /* the Creator, not the Author */
	a = &rec.activities[0].activity;
	assert_int_equal(a->sport, SPORT_RUN);
	assert_int_equal(a->source, SOURCE_TCX);
	assert_true(a->has_start);
	assert_int_equal(a->start_utc, (int64_t)instant("2024-05-01T06:00:00Z"));
	assert_true(near(a->moving_s, 400));
	assert_true(near(a->distance_m, 1250.5));
	/* the last trackpoint (06:08) is after the last lap's end (06:07:40) */
	assert_true(near(a->duration_s, 480));
	assert_int_equal(a->hr_max, 171);
	assert_int_equal(a->hr_avg, 145); /* (140 * 300 + 160 * 100) / 400 */
	assert_string_equal(a->note, "Legs heavy.\nWindy.");
	assert_null(a->name);

	assert_int_equal(rec.activities[0].n_laps, 2);
	l = &rec.activities[0].laps[0];
	assert_true(l->start_utc == instant("2024-05-01T06:00:00Z"));
	assert_true(near(l->moving_s, 300));
	assert_true(isnan(l->elapsed_s));
	assert_true(near(l->distance_m, 1000));
	assert_true(near(l->speed_max, 3.9));
	assert_true(near(l->calories, 70));
	assert_int_equal(l->hr_avg, 140);
	assert_int_equal(l->hr_max, 150);
	assert_true(near(l->cadence_avg, 170)); /* AvgRunCadence, doubled */
	assert_true(near(l->power_avg, 240));
	assert_string_equal(l->intensity, "active");
	assert_string_equal(l->trigger, "distance");
	l = &rec.activities[0].laps[1];
	assert_true(near(l->cadence_avg, 160)); /* a run's <Cadence>, doubled */
	assert_string_equal(l->intensity, "rest");
	assert_string_equal(l->trigger, "manual");
	assert_true(isnan(l->power_avg));

	assert_true(at(&rec, 0, 0, SAMPLE_TIME) == instant("2024-05-01T06:00:00Z"));
	assert_true(at(&rec, 0, 0, SAMPLE_LAT) == 45.0);
	assert_true(at(&rec, 0, 0, SAMPLE_LON) == 5.0);
	assert_true(at(&rec, 0, 0, SAMPLE_ALTITUDE) == 210.2);
	assert_true(at(&rec, 0, 0, SAMPLE_DISTANCE) == 0);
	assert_true(at(&rec, 0, 1, SAMPLE_DISTANCE) == 1000);
	assert_true(at(&rec, 0, 0, SAMPLE_HR) == 120);
	assert_true(at(&rec, 0, 0, SAMPLE_SPEED) == 3.1);
	assert_true(at(&rec, 0, 0, SAMPLE_CADENCE) == 168); /* RunCadence, per leg */
	assert_true(at(&rec, 0, 0, SAMPLE_POWER) == 250);
	assert_true(isnan(at(&rec, 0, 1, SAMPLE_LAT)));
	assert_true(at(&rec, 0, 2, SAMPLE_CADENCE) == 164);
	recording_release(&rec);
}

static void test_bike_cadence_not_doubled(void **state)
{
	static const char xml[] =
	        TCX_HEAD "<Activities><Activity Sport=\"Biking\"><Id>2024-05-01T06:00:00Z</Id>"
	                 "<Lap StartTime=\"2024-05-01T06:00:00Z\"><TotalTimeSeconds>60"
	                 "</TotalTimeSeconds><Cadence>90</Cadence><Track><Trackpoint>"
	                 "<Time>2024-05-01T06:00:01Z</Time><Cadence>91</Cadence></Trackpoint>"
	                 "</Track></Lap></Activity></Activities></TrainingCenterDatabase>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.activities[0].activity.sport, SPORT_BIKE);
	assert_true(near(rec.activities[0].laps[0].cadence_avg, 90));
	assert_true(at(&rec, 0, 0, SAMPLE_CADENCE) == 91);
	recording_release(&rec);
}

static void test_laps_without_trackpoints(void **state)
{
	/* a pool swim as Garmin writes it: laps only, no lap has a distance,
	 * the first lap no start, so the Id stands in */
	static const char xml[] =
	        TCX_HEAD "<Activities><Activity Sport=\"Other\">"
	                 "<Id>2024-05-01T06:00:00Z</Id>"
	                 "<Lap><TotalTimeSeconds>120.5</TotalTimeSeconds>"
	                 "<MaximumHeartRateBpm><Value>150</Value></MaximumHeartRateBpm></Lap>"
	                 "<Lap StartTime=\"2024-05-01T06:03:00Z\"><TotalTimeSeconds>60"
	                 "</TotalTimeSeconds><AverageHeartRateBpm><Value>130</Value>"
	                 "</AverageHeartRateBpm></Lap>"
	                 "</Activity></Activities></TrainingCenterDatabase>";
	struct recording rec;
	struct err err;
	const struct activity *a;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_records, 0);
	assert_int_equal(rec.n_laps, 2);
	assert_int_equal(rec.activities[0].samples.n, 0);
	a = &rec.activities[0].activity;
	assert_int_equal(a->sport, SPORT_OTHER);
	assert_int_equal(a->start_utc, (int64_t)instant("2024-05-01T06:03:00Z"));
	assert_true(near(a->moving_s, 180.5));
	assert_true(isnan(a->distance_m)); /* no lap says: recording_derive's job */
	assert_true(near(a->duration_s, 60));
	assert_int_equal(a->hr_max, 150);
	assert_int_equal(a->hr_avg, 130);
	assert_null(rec.device);
	recording_release(&rec);
}

static void test_start_from_id(void **state)
{
	static const char xml[] =
	        TCX_HEAD "<Activities><Activity Sport=\"Walking\">"
	                 "<Id>2024-05-01T06:00:00.5Z</Id>"
	                 "<Lap><TotalTimeSeconds>60</TotalTimeSeconds>"
	                 "<AverageHeartRateBpm><Value>100</Value></AverageHeartRateBpm></Lap>"
	                 "<Lap><AverageHeartRateBpm><Value>121</Value></AverageHeartRateBpm></Lap>"
	                 "<Lap><Track><Trackpoint><Time>2024-05-01T06:02:00.5Z</Time>"
	                 "<Cadence>55</Cadence></Trackpoint></Track></Lap>"
	                 "</Activity></Activities>"
	                 "<Author><Name>  Some App  </Name></Author></TrainingCenterDatabase>";
	struct recording rec;
	struct err err;
	const struct activity *a;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	a = &rec.activities[0].activity;
	assert_int_equal(a->sport, SPORT_WALK);
	assert_true(a->has_start);
	assert_int_equal(a->start_utc, (int64_t)instant("2024-05-01T06:00:00Z"));
	assert_true(near(a->duration_s, 120)); /* to the last trackpoint */
	assert_int_equal(a->hr_avg, 111);      /* a lap without time: unweighted */
	assert_true(at(&rec, 0, 0, SAMPLE_CADENCE) == 110);
	assert_string_equal(rec.device, "Some App"); /* no Creator: the Author */
	recording_release(&rec);
}

/* ---- several activities ---- */

static void test_multisport(void **state)
{
	static const char xml[] =
	        TCX_HEAD "<Activities><MultiSportSession><Id>2024-05-01T06:00:00Z</Id>"
	                 "<FirstSport><Activity Sport=\"Biking\"><Id>2024-05-01T06:00:00Z</Id>"
	                 "<Lap StartTime=\"2024-05-01T06:00:00Z\"><TotalTimeSeconds>3600"
	                 "</TotalTimeSeconds><DistanceMeters>30000</DistanceMeters><Track>"
	                 "<Trackpoint><Time>2024-05-01T06:00:00Z</Time></Trackpoint></Track></Lap>"
	                 "<Creator><Name>Edge</Name></Creator></Activity></FirstSport>"
	                 "<NextSport><Transition StartTime=\"2024-05-01T07:00:00Z\">"
	                 "<TotalTimeSeconds>60</TotalTimeSeconds><Track><Trackpoint>"
	                 "<Time>2024-05-01T07:00:30Z</Time></Trackpoint></Track></Transition>"
	                 "<Activity Sport=\"Running\"><Id>2024-05-01T07:01:00Z</Id>"
	                 "<Lap StartTime=\"2024-05-01T07:01:00Z\"><TotalTimeSeconds>1200"
	                 "</TotalTimeSeconds><DistanceMeters>4000</DistanceMeters><Track>"
	                 "<Trackpoint><Time>2024-05-01T07:01:00Z</Time></Trackpoint>"
	                 "<Trackpoint><Time>2024-05-01T07:11:00Z</Time></Trackpoint></Track></Lap>"
	                 "<Creator><Name>Other device</Name></Creator></Activity></NextSport>"
	                 "</MultiSportSession>"
	                 "<Activity Sport=\"Running\"><Id>2024-05-02T07:00:00Z</Id></Activity>"
	                 "</Activities></TrainingCenterDatabase>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, 3);
	assert_int_equal(rec.n_sessions, 3);
	assert_int_equal(rec.n_laps, 2);    /* the transition is no activity's lap */
	assert_int_equal(rec.n_records, 3); /* nor are its trackpoints */
	assert_string_equal(rec.device, "Edge");
	assert_int_equal(rec.activities[0].activity.sport, SPORT_BIKE);
	assert_true(near(rec.activities[0].activity.distance_m, 30000));
	assert_int_equal(rec.activities[0].samples.n, 1);
	assert_int_equal(rec.activities[1].activity.sport, SPORT_RUN);
	assert_int_equal(rec.activities[1].activity.start_utc,
	                 (int64_t)instant("2024-05-01T07:01:00Z"));
	assert_true(near(rec.activities[1].activity.moving_s, 1200));
	assert_int_equal(rec.activities[1].samples.n, 2);
	/* an Activity with only an Id is still one */
	assert_int_equal(rec.activities[2].activity.start_utc,
	                 (int64_t)instant("2024-05-02T07:00:00Z"));
	assert_true(isnan(rec.activities[2].activity.moving_s));
	assert_true(isnan(rec.activities[2].activity.duration_s));
	recording_release(&rec);
}

static void test_without_activities(void **state)
{
	static const struct {
		const char *xml;
		const char *warning;
	} cases[] = {
		{ "<TrainingCenterDatabase><Courses><Course><Name>Loop</Name><Track><Trackpoint>"
		  "<Time>2024-05-01T06:00:00Z</Time></Trackpoint></Track></Course></Courses>"
		  "</TrainingCenterDatabase>",
		  "no activities: only courses" },
		{ "<TrainingCenterDatabase><Workouts><Workout Sport=\"Running\"/></Workouts>"
		  "</TrainingCenterDatabase>",
		  "no activities: only workouts" },
		{ "<TrainingCenterDatabase><Activities/></TrainingCenterDatabase>",
		  "no activities: only metadata" },
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

/* ---- values, notes, caps ---- */

static void test_bad_values(void **state)
{
	/* Movescount and others write MaximumSpeed in units of their own */
	static const char xml[] =
	        TCX_HEAD "<Activities><Activity Sport=\"Running\"><Id>x</Id>\n"
	                 "<Lap StartTime=\"2024-05-01T06:00:00Z\">\n"
	                 "<MaximumSpeed>18720.0</MaximumSpeed><TotalTimeSeconds>-5"
	                 "</TotalTimeSeconds>\n"
	                 "<Track><Trackpoint><Time>2024-05-01T06:00:00Z</Time><Position>"
	                 "<LatitudeDegrees>91</LatitudeDegrees><LongitudeDegrees>5"
	                 "</LongitudeDegrees></Position><HeartRateBpm><Value>0</Value>"
	                 "</HeartRateBpm></Trackpoint></Track></Lap>\n"
	                 "</Activity></Activities></TrainingCenterDatabase>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_true(isnan(rec.activities[0].laps[0].speed_max));
	assert_true(isnan(rec.activities[0].laps[0].moving_s));
	assert_false(samples_has(&rec.activities[0].samples, SAMPLE_LAT));
	assert_false(samples_has(&rec.activities[0].samples, SAMPLE_LON));
	assert_false(samples_has(&rec.activities[0].samples, SAMPLE_HR)); /* 0: no reading */
	assert_true(warned(&rec, "ignored 1 time value that is unreadable or out of range, first "
	                         "at line 3"));
	assert_true(warned(&rec, "ignored 1 lap maximum speed value that is unreadable or out of "
	                         "range, first at line 5"));
	assert_true(warned(&rec, "ignored 1 lap time value"));
	assert_true(warned(&rec, "ignored 1 position value"));
	recording_release(&rec);
}

static void test_long_note_cut(void **state)
{
	struct strbuf xml = STRBUF_INIT;
	struct recording rec;
	struct err err;

	(void)state;
	strbuf_adds(&xml,
	            "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Notes>");
	strbuf_addchars(&xml, 'a', ACTIVITY_MAX_NOTE + 5000);
	strbuf_adds(&xml, "</Notes></Activity></Activities></TrainingCenterDatabase>");
	assert_int_equal(decode(xml.buf, &rec, &err), ERR_OK);
	assert_int_equal(strlen(rec.activities[0].activity.note), ACTIVITY_MAX_NOTE);
	assert_true(warned(&rec, "note at line 1 cut to 10000 bytes"));
	recording_release(&rec);
	strbuf_release(&xml);
}

static void test_foreign_namespace(void **state)
{
	/* TCX elements in another namespace are not TCX's; extensions are
	 * matched by name in any namespace */
	static const char xml[] =
	        TCX_HEAD "<Activities><x:Activity xmlns:x=\"urn:x\" Sport=\"Running\"/>"
	                 "<Activity Sport=\"Running\"><Lap><Track><Trackpoint><Extensions>"
	                 "<TPX xmlns=\"urn:someone-else\"><Speed>2</Speed></TPX></Extensions>"
	                 "</Trackpoint></Track></Lap></Activity>"
	                 "</Activities></TrainingCenterDatabase>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, 1);
	assert_true(at(&rec, 0, 0, SAMPLE_SPEED) == 2);
	recording_release(&rec);
}

/* ---- repairs and damage ---- */

static void test_whitespace_before_declaration(void **state)
{
	struct strbuf xml = STRBUF_INIT;
	struct recording rec;
	struct err err;

	(void)state;
	strbuf_adds(&xml, "          ");
	strbuf_adds(&xml, run);
	assert_int_equal(decode(xml.buf, &rec, &err), ERR_OK);
	assert_int_equal(rec.n_records, 3);
	assert_true(rec.repaired);
	assert_string_equal(rec.warnings.buf,
	                    "skipped 10 bytes of white space before the XML declaration at line 1");
	recording_release(&rec);
	strbuf_release(&xml);
}

static void test_undeclared_prefix(void **state)
{
	static const char xml[] =
	        "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/"
	        "TrainingCenterDatabase/v2\">\n<Activities><Activity Sport=\"Running\"><Lap>"
	        "<Track><Trackpoint><Extensions><ns3:TPX><ns3:RunCadence>90</ns3:RunCadence>"
	        "</ns3:TPX></Extensions></Trackpoint></Track></Lap></Activity></Activities>"
	        "</TrainingCenterDatabase>";
	struct recording rec;
	struct err err;

	(void)state;
	assert_int_equal(decode(xml, &rec, &err), ERR_OK);
	assert_true(at(&rec, 0, 0, SAMPLE_CADENCE) == 180);
	assert_string_equal(rec.warnings.buf, "undeclared namespace prefix 'ns3' at line 2: "
	                                      "matched its elements by local name");
	recording_release(&rec);
}

static void test_truncated(void **state)
{
	struct recording rec;
	struct err err;
	const char *cut = strstr(run, "<Cadence>82");
	const struct activity *a;

	(void)state;
	assert_int_equal(decode_n(run, (size_t)(cut - run), &rec, &err), ERR_OK);
	assert_int_equal(rec.n_activities, 1);
	assert_int_equal(rec.n_laps, 2);
	assert_int_equal(rec.n_records, 3);
	a = &rec.activities[0].activity;
	assert_true(near(a->moving_s, 400)); /* the open activity's summary was made */
	assert_int_equal(a->hr_max, 171);
	assert_null(a->note);
	assert_true(rec.repaired);
	assert_string_equal(rec.warnings.buf, "damaged or truncated file: XML error at line 14, "
	                                      "column 57: no element found; kept the 3 "
	                                      "trackpoints and 2 laps read before it");
	recording_release(&rec);
}

static void test_malformed(void **state)
{
	static const struct {
		const char *xml;
		const char *msg;
	} cases[] = {
		{ "<TrainingCenterDatabase>\n<Activities><Activity></Activities>",
		  "XML error at line 2, column 25: mismatched tag" },
		{ "<gpx/>", "not a TCX file: the document element is <gpx>, not "
		            "<TrainingCenterDatabase>" },
		{ "<TrainingCenterDatabase><Activities><Activity><Id>x</Id>",
		  "XML error at line 1, column 57: no element found" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct recording rec;
		struct err err;

		assert_int_equal(decode(cases[i].xml, &rec, &err), ERR_FORMAT);
		assert_string_equal(err.msg, cases[i].msg);
		assert_int_equal(rec.n_activities, 0); /* nothing half-made is left */
		recording_release(&rec);
	}
}

static void test_probe(void **state)
{
	static const char gpx[] = "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\">";

	(void)state;
	assert_true(format_tcx.probe((const uint8_t *)run, strlen(run), NULL));
	assert_true(format_tcx.probe((const uint8_t *)"junk", 4, "ride.TCX"));
	assert_false(format_tcx.probe((const uint8_t *)"junk", 4, "ride.gpx"));
	assert_false(format_tcx.probe((const uint8_t *)gpx, strlen(gpx), "ride.tcx"));
	assert_false(format_gpx.probe((const uint8_t *)run, strlen(run), "ride.gpx"));
	assert_ptr_equal(format_find((const uint8_t *)run, strlen(run), "x.gpx"), &format_tcx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_laps_and_summary),
		cmocka_unit_test(test_bike_cadence_not_doubled),
		cmocka_unit_test(test_laps_without_trackpoints),
		cmocka_unit_test(test_start_from_id),
		cmocka_unit_test(test_multisport),
		cmocka_unit_test(test_without_activities),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_long_note_cut),
		cmocka_unit_test(test_foreign_namespace),
		cmocka_unit_test(test_whitespace_before_declaration),
		cmocka_unit_test(test_undeclared_prefix),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_probe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
