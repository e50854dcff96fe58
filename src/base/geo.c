/*
 * geo.c: ellipsoidal distances (see geo.h).
 *
 * Vincenty (1975), "Direct and inverse solutions of geodesics on the
 * ellipsoid with application of nested equations", Survey Review 23:88.
 */
#include "base/geo.h"

#include <math.h>

#define WGS84_A 6378137.0
#define WGS84_F (1 / 298.257223563)
#define WGS84_B (WGS84_A * (1 - WGS84_F))
#define DEG     (M_PI / 180)

/* Beyond this, the local approximation's error starts to matter. */
#define LOCAL_LIMIT_M 20000.0
/* Nearer the poles than this (degrees of latitude), meridians converge too
 * fast for a flat approximation; Vincenty handles them. */
#define LOCAL_LIMIT_LAT 80.0

static double wrap_pi(double x)
{
	while (x > M_PI) {
		x -= 2 * M_PI;
	}
	while (x < -M_PI) {
		x += 2 * M_PI;
	}
	return x;
}

static double local_distance(double phi1, double lam1, double phi2, double lam2)
{
	double e2 = WGS84_F * (2 - WGS84_F);
	double phi = (phi1 + phi2) / 2;
	double s = sin(phi);
	double w = sqrt(1 - e2 * s * s);
	double m = WGS84_A * (1 - e2) / (w * w * w); /* meridian radius */
	double n = WGS84_A / w;                      /* prime-vertical radius */
	double dn = m * (phi2 - phi1);
	double de = n * cos(phi) * wrap_pi(lam2 - lam1);

	return sqrt(dn * dn + de * de);
}

/* Vincenty's inverse; NAN when it does not converge (nearly antipodal). */
static double vincenty(double phi1, double lam1, double phi2, double lam2)
{
	double f = WGS84_F, a = WGS84_A, b = WGS84_B;
	double l = wrap_pi(lam2 - lam1);
	double u1 = atan((1 - f) * tan(phi1)), u2 = atan((1 - f) * tan(phi2));
	double su1 = sin(u1), cu1 = cos(u1), su2 = sin(u2), cu2 = cos(u2);
	double lam = l, prev;
	double ss = 0, cs = 0, sigma = 0, ca2 = 0, c2sm = 0;

	for (int i = 0; i < 200; i++) {
		double sl = sin(lam), cl = cos(lam), sa, c;

		ss = sqrt((cu2 * sl) * (cu2 * sl) +
		          (cu1 * su2 - su1 * cu2 * cl) * (cu1 * su2 - su1 * cu2 * cl));
		if (ss == 0) {
			return 0; /* the same point */
		}
		cs = su1 * su2 + cu1 * cu2 * cl;
		sigma = atan2(ss, cs);
		sa = cu1 * cu2 * sl / ss;
		ca2 = 1 - sa * sa;
		c2sm = ca2 != 0 ? cs - 2 * su1 * su2 / ca2 : 0; /* on the equator */
		c = f / 16 * ca2 * (4 + f * (4 - 3 * ca2));
		prev = lam;
		lam = l + (1 - c) * f * sa *
		                  (sigma + c * ss * (c2sm + c * cs * (-1 + 2 * c2sm * c2sm)));
		if (fabs(lam - prev) < 1e-12) {
			double u2b = ca2 * (a * a - b * b) / (b * b);
			double ka =
			        1 + u2b / 16384 * (4096 + u2b * (-768 + u2b * (320 - 175 * u2b)));
			double kb = u2b / 1024 * (256 + u2b * (-128 + u2b * (74 - 47 * u2b)));
			double ds = kb * ss *
			            (c2sm + kb / 4 *
			                            (cs * (-1 + 2 * c2sm * c2sm) -
			                             kb / 6 * c2sm * (-3 + 4 * ss * ss) *
			                                     (-3 + 4 * c2sm * c2sm)));

			return b * ka * (sigma - ds);
		}
	}
	return (double)NAN;
}

double geo_distance(double lat1, double lon1, double lat2, double lon2)
{
	double phi1 = lat1 * DEG, lam1 = lon1 * DEG, phi2 = lat2 * DEG, lam2 = lon2 * DEG;
	double d;

	if (!(fabs(lat1) <= 90) || !(fabs(lat2) <= 90) || !(fabs(lon1) <= 360) ||
	    !(fabs(lon2) <= 360)) {
		return (double)NAN;
	}
	if (fabs(lat1) < LOCAL_LIMIT_LAT && fabs(lat2) < LOCAL_LIMIT_LAT) {
		d = local_distance(phi1, lam1, phi2, lam2);
		if (d < LOCAL_LIMIT_M) {
			return d;
		}
	}
	d = vincenty(phi1, lam1, phi2, lam2);
	if (isnan(d)) {
		/* nearly antipodal: a sphere of the mean radius is close enough */
		double h = sin((phi2 - phi1) / 2) * sin((phi2 - phi1) / 2) +
		           cos(phi1) * cos(phi2) * sin((lam2 - lam1) / 2) * sin((lam2 - lam1) / 2);

		d = 2 * 6371008.8 * asin(fmin(1, sqrt(h)));
	}
	return d;
}
