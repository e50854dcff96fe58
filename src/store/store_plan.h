/*
 * store_plan.h: training plans and their workouts in the store.
 *
 * A race has at most one plan; a plan is written whole, with all its
 * workouts, in one transaction, and read with its race's name and
 * distance. What was done against the workouts is not stored (see
 * advice/plan.h).
 */
#ifndef KNEAD_STORE_PLAN_H
#define KNEAD_STORE_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "base/err.h"
#include "core/plan.h"
#include "store/store.h"

/* Store p (validated by the caller) with its workouts, replacing the plan
 * the same race had, if any, in one transaction (nested in the caller's
 * if there is one). Sets p->id and each workout's id; *replaced (may be
 * NULL) says whether an older plan was replaced. A race that is not one of
 * the athlete's is ERR_NOT_FOUND. */
enum err_code store_plan_replace(struct store *s, struct plan *p, bool *replaced, struct err *err);

/* Append athlete_id's plans, without their workouts, to out, by race day
 * then id. */
enum err_code store_plan_list(struct store *s, int64_t athlete_id, struct plan_list *out,
                              struct err *err);

/* Read plan id of athlete_id into *out (initialised here; the caller
 * releases it) with its workouts from `from` to `to` (inclusive;
 * DATE_NONE for an open end). ERR_NOT_FOUND if there is none. */
enum err_code store_plan_get(struct store *s, int64_t athlete_id, int64_t id, int32_t from,
                             int32_t to, struct plan *out, struct err *err);

/* Delete plan id of athlete_id and its workouts. ERR_NOT_FOUND if there
 * is none. */
enum err_code store_plan_remove(struct store *s, int64_t athlete_id, int64_t id, struct err *err);

#endif
