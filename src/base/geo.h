/*
 * geo.h: distances on the Earth, for tracks recorded by GPS.
 */
#ifndef KNEAD_GEO_H
#define KNEAD_GEO_H

/* The distance in metres between two points given in degrees (WGS84),
 * along the ellipsoid. Consecutive track points are metres apart, so they
 * take a local ellipsoidal approximation (the meridian and prime-vertical
 * radii of curvature at the mean latitude), exact to well under a
 * millimetre per kilometre; points further apart than 20 km, or within
 * ten degrees of a pole, take Vincenty's inverse formula. NAN if any coordinate is NAN or out of
 * range. */
double geo_distance(double lat1, double lon1, double lat2, double lon2);

#endif
