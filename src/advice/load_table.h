/*
 * load_table.h: the spans and weekly figures `knead load` shows, shared
 * by the command line and the web (GET /api/v1/load, the Training page).
 *
 * The daily table is advice/training.h's training_fitness over the days
 * chosen here; the weekly one adds Foster's figures (analysis/pmc.h) and
 * the volume by sport (analysis/volume.h) for each Monday-to-Sunday week.
 */
#ifndef KNEAD_ADVICE_LOAD_TABLE_H
#define KNEAD_ADVICE_LOAD_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "analysis/pmc.h"
#include "analysis/volume.h"
#include "base/err.h"
#include "store/store.h"

/* Default spans: six weeks of days show a full ATL cycle and most of the
 * way CTL moved; sixteen weeks are a training block. */
#define LOAD_DEFAULT_DAYS  42
#define LOAD_DEFAULT_WEEKS 16

/* The first day of the table ending on `to`: from when the runner gave
 * one, else the default span (days, or weeks from a Monday when weekly),
 * cut so that it does not reach back before first, the first activity's
 * day (its Monday when weekly; DATE_NONE when there is none): rows of
 * zeros before the log began say nothing. */
int32_t load_table_from(int32_t from, int32_t to, bool weekly, int32_t first);

/* The weeks holding from..to. */
struct load_weeks {
	int32_t from;               /* the first week's Monday */
	int32_t to;                 /* the last day counted */
	struct pmc_week *weeks;     /* n (owned): load, monotony, strain */
	struct volume_week *volume; /* n (owned): volume, change on the week before */
	size_t n;
};

/* Read athlete_id's weeks holding from..to into *out (the caller releases
 * it, also on failure): Foster's figures from the daily loads up to `to`
 * (a week still under way counts only its days so far) and the volume
 * from the activities, the week before included for the change. */
enum err_code load_table_weeks(struct store *s, int64_t athlete_id, int32_t from, int32_t to,
                               struct load_weeks *out, struct err *err);

void load_weeks_release(struct load_weeks *w);

#endif
