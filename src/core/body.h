/*
 * body.h: how the body feels: check-ins, wellness, injuries.
 *
 * A check-in is one day's soreness, tightness and pain (each 0 to 10) in
 * one region and side; typing a second measure for the same day, region
 * and side completes that check-in rather than adding another. Wellness is
 * one row per day for the whole body. An injury is an episode on a region
 * and side, from onset until resolved; its trend is read from the
 * check-ins on that region (and the regions within it), not stored.
 *
 * Unknown levels and counts are -1, unknown quantities (double)NAN, unset
 * strings NULL (owned).
 */
#ifndef KNEAD_BODY_H
#define KNEAD_BODY_H

#include <stdint.h>

#include "base/err.h"
#include "core/region.h"

#define LEVEL_MAX 10

enum measure {
	MEASURE_SORENESS,
	MEASURE_TIGHTNESS,
	MEASURE_PAIN,
	MEASURE_COUNT
};

struct checkin {
	int64_t id;                   /* database id; 0 until stored */
	int64_t athlete_id;           /* owner */
	int32_t day;                  /* local day */
	char region[REGION_CODE_MAX]; /* region code */
	enum side side;               /* SIDE_NONE for an unsided region */
	int level[MEASURE_COUNT];     /* 0..10, -1 if not given */
	char *note;                   /* owned, NULL if none */
};

struct checkin_list {
	struct checkin *items;
	size_t n, alloc;
};

#define CHECKIN_LIST_INIT                                                                          \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void checkin_init(struct checkin *c);
void checkin_release(struct checkin *c);
/* Levels 0..10 and at least one given. */
enum err_code checkin_validate(const struct checkin *c, struct err *err);
struct checkin *checkin_list_push(struct checkin_list *list);
void checkin_list_release(struct checkin_list *list);

/* "soreness", "tightness", "pain". */
const char *measure_name(enum measure m);

/* Parse a 0..10 level typed by the runner ("5", "5/10"). */
enum err_code level_parse(const char *s, int *out, struct err *err);

struct wellness {
	int64_t id;         /* database id; 0 until stored */
	int64_t athlete_id; /* owner */
	int32_t day;        /* local day */
	double sleep_s;     /* last night's sleep, NAN if not given */
	int fatigue;        /* 0 fresh .. 10 exhausted, -1 */
	int stress;         /* 0 calm .. 10 overwhelmed, -1 */
	int mood;           /* 0 low .. 10 great, -1 */
	int rest_hr;        /* morning resting heart rate, 0 if not given */
	double hrv_ms;      /* heart-rate variability (rMSSD), NAN */
	double weight_kg;   /* NAN */
	char *note;         /* owned, NULL */
};

void wellness_init(struct wellness *w);
void wellness_release(struct wellness *w);
/* Overlay the fields given in from onto into (a later entry the same day
 * completes an earlier one). The note is replaced when from has one. */
void wellness_merge(struct wellness *into, const struct wellness *from);
/* Ranges, and at least one field given. */
enum err_code wellness_validate(const struct wellness *w, struct err *err);
/* Whether any measure is given. */
bool wellness_any(const struct wellness *w);

struct wellness_list {
	struct wellness *items;
	size_t n, alloc;
};

#define WELLNESS_LIST_INIT                                                                         \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

struct wellness *wellness_list_push(struct wellness_list *list);
void wellness_list_release(struct wellness_list *list);

enum injury_status {
	INJURY_ACTIVE,
	INJURY_RECOVERING,
	INJURY_RESOLVED,
	INJURY_STATUS_COUNT
};

struct injury {
	int64_t id;                   /* database id; 0 until stored */
	int64_t athlete_id;           /* owner */
	char region[REGION_CODE_MAX]; /* region code */
	enum side side;               /* SIDE_NONE for an unsided region */
	int32_t onset;                /* first day */
	int32_t resolved;             /* DATE_NONE until resolved */
	enum injury_status status;    /* resolved exactly when resolved is set */
	char *cause;                  /* suspected cause, owned or NULL */
	char *diagnosis;              /* a clinician's diagnosis, owned or NULL */
	char *note;                   /* owned or NULL */
};

struct injury_list {
	struct injury *items;
	size_t n, alloc;
};

#define INJURY_LIST_INIT                                                                           \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void injury_init(struct injury *inj);
void injury_release(struct injury *inj);
/* Status and dates agree, resolution not before onset. */
enum err_code injury_validate(const struct injury *inj, struct err *err);
struct injury *injury_list_push(struct injury_list *list);
void injury_list_release(struct injury_list *list);

/* "active", "recovering", "resolved" and back. */
const char *injury_status_name(enum injury_status s);
enum err_code injury_status_parse(const char *s, enum injury_status *out, struct err *err);

#endif
