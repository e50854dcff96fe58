/*
 * logbook.h: writing down what was done (an activity, a recovery
 * session, a wellness day) the same way from both faces.
 *
 * `knead log`, `knead recover` and the web app's Log forms read what the
 * runner typed with these parsers and store it with these writers, so the
 * two faces accept and refuse the same things with the same words and
 * write the same rows. Messages name the value, not the field: each face
 * prefixes its own name for it ("--date", "date").
 *
 * Writers run inside the caller's transaction (store_begin): a refused
 * write leaves the caller to roll back, and nothing remains. What the
 * advisor's rules say about an entry once stored is advice/warn.h's.
 */
#ifndef KNEAD_ADVICE_LOGBOOK_H
#define KNEAD_ADVICE_LOGBOOK_H

#include <stdbool.h>
#include <stdint.h>

#include "analysis/spend.h"
#include "base/err.h"
#include "base/units.h"
#include "core/activity.h"
#include "core/athlete.h"
#include "core/recovery.h"
#include "core/region.h"
#include "store/store.h"

/* ---- what was typed ---- */

/* Refuse a day after today: knead logs what was done ("2026-11-30 is
 * after today; knead logs what was done"). */
enum err_code logbook_check_done(int32_t day, int32_t today, struct err *err);

/* Set a's distance or its duration from one figure typed without saying
 * which ("8k", "45min": parse_figure). *seen_distance and *seen_duration
 * carry over between the figures of one entry: a second one of a kind is
 * refused. */
enum err_code logbook_figure(struct activity *a, const char *text, bool *seen_distance,
                             bool *seen_duration, struct err *err);

/* A distance typed where one is asked for: parse_distance's forms ("8k",
 * "6.2mi", "half"), or a plain number in the runner's unit u ("5.2" is
 * 5.2 km or 5.2 mi), since the field says which. */
enum err_code logbook_distance_parse(const char *text, enum units u, double *metres,
                                     struct err *err);

/* A duration typed where one is asked for: parse_duration's forms
 * ("45min", "45:00", "1h20"), or a plain number of minutes ("45"). */
enum err_code logbook_duration_parse(const char *text, double *seconds, struct err *err);

/* Hours of sleep: "7.5", or a duration of at most a day ("7h30", "7:30"). */
enum err_code logbook_sleep_parse(const char *text, double *seconds, struct err *err);

/* A body weight: "61.5" or "61.5kg" in kilograms, "135lb" or "135lbs". */
enum err_code logbook_weight_parse(const char *text, double *kg, struct err *err);

/* The currency typed with an amount (text, for the message), as
 * parse_money gives it in currency ("" for none, "$", "EUR"): the profile's
 * is accepted, and so is a dollar sign in a dollar currency; any other is
 * refused. Then currency is the profile's. */
enum err_code logbook_currency_check(const struct athlete *profile, const char *text,
                                     char currency[4], struct err *err);

/* Money typed for the runner: parse_money's forms in the profile's
 * currency. A dollar sign in a dollar currency is that currency; any
 * other currency is refused. Sets *cents and currency (the profile's). */
enum err_code logbook_money_parse(const struct athlete *profile, const char *text, int64_t *cents,
                                  char currency[4], struct err *err);

/* The regions a session worked, "hamstrings:right, glutes" (a region
 * without a side is both sides), added to r through the catalogue. An
 * unknown region is ERR_INPUT suggesting the closest names. */
enum err_code logbook_regions_parse(const struct region_catalog *cat, const char *list,
                                    struct recovery *r, struct err *err);

/* What the therapist found, "adductors:right=tight, calves=knots", added
 * to r's regions with the finding and its severity. */
enum err_code logbook_findings_parse(const struct region_catalog *cat, const char *list,
                                     struct recovery *r, struct err *err);

/* ---- writing (inside the caller's transaction) ---- */

/* Store the new activity a (validated) and compute its load (with that of
 * any other activity still lacking one) from profile. Afterwards a holds
 * its id, load and load method. */
enum err_code logbook_activity_add(struct store *s, const struct athlete *profile,
                                   struct activity *a, struct err *err);

/* Replace the stored activity a->id with a and compute its load again:
 * any change (sport, time, heart rate) may change it. */
enum err_code logbook_activity_update(struct store *s, const struct athlete *profile,
                                      struct activity *a, struct err *err);

/* Give session r the provider named by key (an id or a name): its id,
 * its name, and its price when no cost was typed (recovery_price_from).
 * An unknown provider is ERR_INPUT naming key. */
enum err_code logbook_session_provider(struct store *s, int64_t athlete_id, const char *key,
                                       struct recovery *r, struct err *err);

/* Store the new session r (validated), its regions made known to the
 * store first (cat), and mark done the open appointment of its day that it
 * fulfils (appointment_match_session): *appointment_id gets that
 * appointment's id, 0 if none. r gets its id. */
enum err_code logbook_session_add(struct store *s, const struct region_catalog *cat,
                                  struct recovery *r, int64_t *appointment_id, struct err *err);

/* What the stored session r cost, worked out among all the sessions up
 * to its day (a membership's sessions are shared out by month:
 * analysis/spend.h) into *out. */
enum err_code logbook_session_cost(struct store *s, const struct recovery *r,
                                   struct session_cost *out, struct err *err);

#endif
