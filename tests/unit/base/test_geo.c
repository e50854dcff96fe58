/*
 * test_geo.c: distances on the WGS84 ellipsoid (base/geo.h), against
 * published values and against points laid out along geodesics by
 * Vincenty's direct formula (written out here, independently of geo.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>

#include "base/geo.h"

#define WGS84_A 6378137.0
#define WGS84_F (1 / 298.257223563)
#define WGS84_B (WGS84_A * (1 - WGS84_F))
#define DEG     (M_PI / 180)

/* Degrees, minutes and seconds to degrees, the sign taken from d. */
static double dms(double d, double m, double s)
{
	double v = fabs(d) + m / 60 + s / 3600;

	return d < 0 ? -v : v;
}

/* Vincenty's direct formula: the point s metres from (lat, lon) along the
 * geodesic leaving at azimuth az (degrees clockwise from north). */
static void direct(double lat, double lon, double az, double s, double *lat2, double *lon2)
{
	double f = WGS84_F, a = WGS84_A, b = WGS84_B;
	double a1 = az * DEG;
	double tu1 = (1 - f) * tan(lat * DEG);
	double cu1 = 1 / sqrt(1 + tu1 * tu1), su1 = tu1 * cu1;
	double sigma1 = atan2(tu1, cos(a1));
	double sa = cu1 * sin(a1);
	double ca2 = 1 - sa * sa;
	double u2 = ca2 * (a * a - b * b) / (b * b);
	double ka = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
	double kb = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
	double sigma = s / (b * ka), prev, c2sm, ss, cs, tmp, lam, c, l;

	for (int i = 0;; i++) {
		double ds;

		c2sm = cos(2 * sigma1 + sigma);
		ss = sin(sigma);
		cs = cos(sigma);
		ds = kb * ss *
		     (c2sm + kb / 4 *
		                     (cs * (-1 + 2 * c2sm * c2sm) -
		                      kb / 6 * c2sm * (-3 + 4 * ss * ss) * (-3 + 4 * c2sm * c2sm)));
		prev = sigma;
		sigma = s / (b * ka) + ds;
		if (fabs(sigma - prev) < 1e-14 || i > 100) {
			break;
		}
	}
	c2sm = cos(2 * sigma1 + sigma);
	ss = sin(sigma);
	cs = cos(sigma);
	tmp = su1 * ss - cu1 * cs * cos(a1);
	*lat2 = atan2(su1 * cs + cu1 * ss * cos(a1), (1 - f) * sqrt(sa * sa + tmp * tmp)) / DEG;
	lam = atan2(ss * sin(a1), cu1 * cs - su1 * ss * cos(a1));
	c = f / 16 * ca2 * (4 + f * (4 - 3 * ca2));
	l = lam - (1 - c) * f * sa * (sigma + c * ss * (c2sm + c * cs * (-1 + 2 * c2sm * c2sm)));
	*lon2 = lon + l / DEG;
	if (*lon2 > 180) {
		*lon2 -= 360;
	} else if (*lon2 < -180) {
		*lon2 += 360;
	}
}

static void check_near(double got, double want, double tolerance, const char *what)
{
	if (!(fabs(got - want) <= tolerance)) {
		fail_msg("%s: got %.6f m, expected %.6f m (within %g)", what, got, want, tolerance);
	}
}

/* ---- tests ---- */

/* The test line of Vincenty (1975): Flinders Peak to Buninyong. */
static void test_vincenty_published_line(void **state)
{
	double lat1 = dms(-37, 57, 3.72030), lon1 = dms(144, 25, 29.52440);
	double lat2 = dms(-37, 39, 10.15610), lon2 = dms(143, 55, 35.38390);
	double lat, lon;

	(void)state;
	check_near(geo_distance(lat1, lon1, lat2, lon2), 54972.271, 0.001, "Flinders-Buninyong");
	check_near(geo_distance(lat2, lon2, lat1, lon1), 54972.271, 0.001, "Buninyong-Flinders");
	/* and the helper above reproduces the forward problem of the same line */
	direct(lat1, lon1, dms(306, 52, 5.37), 54972.271, &lat, &lon);
	check_near(lat, lat2, 1e-8, "direct: latitude");
	check_near(lon, lon2, 1e-8, "direct: longitude");
}

/* The lengths of a degree as tabulated for WGS84: a degree of latitude is
 * 111132.954 - 559.822 cos 2phi + 1.175 cos 4phi metres (so 110574.3 at the
 * equator, 111131.8 at 45 and 111694.0 at the pole; 111132.954 is the
 * constant term, not the value at 45), a degree of longitude about
 * pi/180 N(phi) cos phi. */
static void test_length_of_a_degree(void **state)
{
	(void)state;
	check_near(geo_distance(-0.5, 0, 0.5, 0), 110574.3, 0.2, "1 deg of latitude at 0");
	check_near(geo_distance(44.5, 10, 45.5, 10), 111131.8, 0.2, "1 deg of latitude at 45");
	check_near(geo_distance(-45.5, -70, -44.5, -70), 111131.8, 0.2, "1 deg of latitude at -45");
	/* through the pole: 89.5 N on one side to 89.5 N on the other */
	check_near(geo_distance(89.5, 0, 89.5, 180), 111694.0, 0.2, "1 deg of latitude at 90");
	check_near(geo_distance(60, 0, 60, 1), 55800, 30, "1 deg of longitude at 60");
	check_near(geo_distance(60, -1, 60, 0), 55800, 30, "1 deg of longitude at 60, west");
	check_near(geo_distance(0, 0, 0, 1), 111319.5, 0.2, "1 deg of longitude at 0");
}

/* Steps of 1 m to 5 km, at several latitudes and bearings, match the
 * length of the geodesic they were laid out along. */
static void test_short_steps_match_geodesic(void **state)
{
	static const double lats[] = { 0, 12.5, -33.9, 45, 51.48, 60, -70, 80 };
	static const double bearings[] = { 0, 30, 45, 90, 135, 180, 222, 270, 315, 359 };
	static const double steps[] = { 1, 2.5, 10, 37, 100, 500, 1000, 2500, 5000 };

	(void)state;
	for (size_t i = 0; i < sizeof(lats) / sizeof(lats[0]); i++) {
		for (size_t j = 0; j < sizeof(bearings) / sizeof(bearings[0]); j++) {
			for (size_t k = 0; k < sizeof(steps) / sizeof(steps[0]); k++) {
				double lon = -120 + 37.3 * (double)i, lat2, lon2, d;

				direct(lats[i], lon, bearings[j], steps[k], &lat2, &lon2);
				d = geo_distance(lats[i], lon, lat2, lon2);
				if (!(fabs(d - steps[k]) / steps[k] < 1e-5)) {
					fail_msg("%g m from (%g, %g) at %g deg: got %.9f m",
					         steps[k], lats[i], lon, bearings[j], d);
				}
			}
		}
	}
}

/* A geodesic longer than 20 km (Vincenty's inverse in geo.c) equals the sum
 * of the short steps along it (the local approximation), either side of
 * the 20 km switch too. */
static void test_long_line_split_into_steps(void **state)
{
	static const struct {
		double lat, lon, az, len, step;
	} lines[] = {
		{ 0, 10, 90, 60000, 100 },
		{ 0, 10, 0, 60000, 100 },
		{ 45, 7, 30, 42195, 5 },
		{ -33.9, 151.2, 250, 100000, 1000 },
		{ 60, 25, 90, 50000, 250 },
		{ 78, 15, 135, 30000, 10 },
		{ 51.5, -0.1, 300, 21000, 3000 },
		{ 40.7, -74, 45, 19999, 1 },
		{ -54.8, -68.3, 180, 25000, 5000 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		double lat = lines[i].lat, lon = lines[i].lon, lat2, lon2, sum = 0, whole;
		size_t n = (size_t)lrint(lines[i].len / lines[i].step);

		for (size_t k = 1; k <= n; k++) {
			double plat, plon;

			direct(lines[i].lat, lines[i].lon, lines[i].az, (double)k * lines[i].step,
			       &plat, &plon);
			sum += geo_distance(lat, lon, plat, plon);
			lat = plat;
			lon = plon;
		}
		direct(lines[i].lat, lines[i].lon, lines[i].az, lines[i].len, &lat2, &lon2);
		whole = geo_distance(lines[i].lat, lines[i].lon, lat2, lon2);
		/* Vincenty within a millimetre; the local approximation within
		 * the millimetre per kilometre geo.h promises */
		if (!(fabs(whole - lines[i].len) < fmax(0.001, lines[i].len * 1e-6))) {
			fail_msg("line %zu: whole %.6f m, expected %.3f m", i, whole, lines[i].len);
		}
		if (!(fabs(sum - whole) / whole < 1e-5)) {
			fail_msg("line %zu: %zu steps sum to %.6f m, the whole is %.6f m", i, n,
			         sum, whole);
		}
	}
}

/* Near a pole a short step can span many degrees of longitude: the
 * North Pole Marathon is run on the ice within a degree of it. */
static void test_short_steps_near_pole(void **state)
{
	static const double lats[] = { 85, 88, 89, 89.9, 89.99, -89.95 };
	static const double bearings[] = { 0, 60, 90, 180, 270 };
	static const double steps[] = { 1, 100, 1000, 5000 };
	int bad = 0;

	(void)state;
	check_near(geo_distance(89.99, 0, 89.99, 180), 2233.9, 0.1, "over the North Pole");
	check_near(geo_distance(-89.999, 45, -89.999, -135), 223.4, 0.1, "over the South Pole");
	for (size_t i = 0; i < sizeof(lats) / sizeof(lats[0]); i++) {
		for (size_t j = 0; j < sizeof(bearings) / sizeof(bearings[0]); j++) {
			for (size_t k = 0; k < sizeof(steps) / sizeof(steps[0]); k++) {
				double lat2, lon2, d;

				direct(lats[i], 20, bearings[j], steps[k], &lat2, &lon2);
				d = geo_distance(lats[i], 20, lat2, lon2);
				if (!(fabs(d - steps[k]) / steps[k] < 1e-5)) {
					print_message("%g m from (%g, 20) at %g deg: got %.6f m\n",
					              steps[k], lats[i], bearings[j], d);
					bad++;
				}
			}
		}
	}
	assert_int_equal(bad, 0);
}

static void test_longitude_wraps(void **state)
{
	double step = geo_distance(0, 0, 0, 0.001);
	double d;

	(void)state;
	check_near(step, 111.3195, 0.001, "0.001 deg at the equator");
	check_near(geo_distance(0, 179.9995, 0, -179.9995), step, 1e-6, "across 180");
	check_near(geo_distance(0, -179.9995, 0, 179.9995), step, 1e-6, "across -180");
	check_near(geo_distance(50, 179.999, 50.001, -179.999),
	           geo_distance(50, -0.001, 50.001, 0.001), 1e-6, "across 180 at 50 N");
	/* far apart too (Vincenty) */
	d = geo_distance(10, -10, 10, 10);
	check_near(geo_distance(10, 170, 10, -170), d, 1e-6, "20 deg across 180");
	check_near(geo_distance(10, -170, 10, 170), d, 1e-6, "20 deg across -180");
	/* 180 and -180 are one meridian */
	check_near(geo_distance(33, 180, 33, -180), 0, 1e-9, "180 is -180");
}

static void test_same_point(void **state)
{
	static const double points[][2] = {
		{ 0, 0 }, { 45, 7 }, { -37.95, 144.42 }, { 89.9, -30 }, { -90, 0 }, { 0, 180 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(points) / sizeof(points[0]); i++) {
		double d = geo_distance(points[i][0], points[i][1], points[i][0], points[i][1]);

		if (d != 0) {
			fail_msg("(%g, %g) to itself: %g m", points[i][0], points[i][1], d);
		}
	}
	/* every longitude at a pole is the pole */
	assert_true(geo_distance(90, 0, 90, 123) < 1e-6);
	assert_true(geo_distance(-90, -45, -90, 170) < 1e-6);
}

/* Vincenty's iteration does not converge for nearly antipodal points; the
 * answer must still be a distance of about half the meridian (20,004 km). */
static void test_nearly_antipodal(void **state)
{
	static const double pairs[][4] = {
		{ 0, 0, 0, 180 },        { 0, 0, 0.5, 179.5 },  { 0, 0, 0, 179.9 },
		{ 10, 20, -10, -160 },   { 45, 10, -45, -170 }, { -33.9, 151.2, 33.9, -28.8 },
		{ 0.1, 0, -0.1, 179.7 }, { 89, 0, -89, 180 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		double d = geo_distance(pairs[i][0], pairs[i][1], pairs[i][2], pairs[i][3]);

		if (!isfinite(d) || d < 19.9e6 || d > 20.1e6) {
			fail_msg("(%g, %g) to (%g, %g): %g m", pairs[i][0], pairs[i][1],
			         pairs[i][2], pairs[i][3], d);
		}
	}
}

static void test_unknown_and_out_of_range(void **state)
{
	static const double bad[] = { (double)NAN, (double)INFINITY, -(double)INFINITY };

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_true(isnan(geo_distance(bad[i], 0, 1, 1)));
		assert_true(isnan(geo_distance(0, bad[i], 1, 1)));
		assert_true(isnan(geo_distance(0, 0, bad[i], 1)));
		assert_true(isnan(geo_distance(0, 0, 1, bad[i])));
	}
	assert_true(isnan(geo_distance(90.0001, 0, 0, 0)));
	assert_true(isnan(geo_distance(0, 0, -90.0001, 0)));
	assert_true(isnan(geo_distance(91, 0, 91, 0)));
	assert_true(isnan(geo_distance(0, 361, 0, 0)));
	assert_true(isnan(geo_distance(0, 0, 0, -400)));
	/* the edges themselves are places */
	assert_false(isnan(geo_distance(90, 0, -90, 0)));
	assert_false(isnan(geo_distance(0, -180, 0, 180)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vincenty_published_line),
		cmocka_unit_test(test_length_of_a_degree),
		cmocka_unit_test(test_short_steps_match_geodesic),
		cmocka_unit_test(test_long_line_split_into_steps),
		cmocka_unit_test(test_short_steps_near_pole),
		cmocka_unit_test(test_longitude_wraps),
		cmocka_unit_test(test_same_point),
		cmocka_unit_test(test_nearly_antipodal),
		cmocka_unit_test(test_unknown_and_out_of_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
