/*
 * json_body.h: the body and recovery records as JSON (see json.h for the
 * conventions: stable snake_case keys, SI units, money as integer cents
 * beside its currency, null for unknown, every key always present).
 */
#ifndef KNEAD_RENDER_JSON_BODY_H
#define KNEAD_RENDER_JSON_BODY_H

#include <jansson.h>

#include "analysis/bodystate.h"
#include "analysis/injury.h"
#include "analysis/spend.h"
#include "core/body.h"
#include "core/recovery.h"
#include "core/region.h"

/* code, name, parent, sided, depth, aliases [...], about. */
json_t *render_json_region(const struct region_catalog *cat, const struct region *r);

/* id, date, region, side, soreness, tightness, pain, note. */
json_t *render_json_checkin(const struct checkin *c);

/* {"checkins": [each as render_json_checkin]}: `knead --json sore`. */
json_t *render_json_checkins(const struct checkin_list *list);

/* The body now and lately (GET /api/v1/body): date, window_days,
 * regions [{region, side, level, measure, raw, date}] (each spot of st:
 * level the faded level the body map shades, rounded to 0.1; raw the
 * level as checked in on date), and checkins [...] of recent as
 * render_json_checkins. */
json_t *render_json_body_state(const struct body_state *st, const struct checkin_list *recent);

/* id, date, sleep_s, fatigue, stress, mood, rest_hr, hrv_ms, weight_kg, note. */
json_t *render_json_wellness(const struct wellness *w);

/* id, region, side, onset, resolved, status, cause, diagnosis, note. */
json_t *render_json_injury(const struct injury *inj);

/* The injury's keys plus "course": {measure, days, end, trend {days,
 * first {date, level}, last, worst, slope_per_week, verdict}, checkins
 * [...], sessions [ids]}. */
json_t *render_json_injury_course(const struct injury *inj, const struct injury_course *course,
                                  const struct checkin_list *checkins,
                                  const struct recovery_list *sessions);

/* {"injuries": [each as render_json_injury_course]}: `knead --json
 * injury list`, the course of each injury read from checkins and
 * sessions as of today. */
json_t *render_json_injuries(const struct region_catalog *cat, const struct injury_list *list,
                             const struct checkin_list *checkins,
                             const struct recovery_list *sessions, int32_t today);

/* id, modality, date, start, duration_s, provider, provider_id, pain,
 * relief, note, regions [{region, side, finding, severity}], and with a
 * cost: cost {basis, cash_cents, share_cents, currency}, else cost null. */
json_t *render_json_recovery(const struct recovery *r, const struct session_cost *cost);

/* id, name, kind, price_cents, currency, note, memberships [{fee_cents,
 * currency, sessions, since, until}]. */
json_t *render_json_provider(const struct provider *p);

/* The spend report: currency, from, to, total_cents, session_cents,
 * fee_cents, sessions, costed, per_session_cents, by_month [{month,
 * cents, sessions}], by_modality [{modality, sessions, costed,
 * cash_cents, share_cents, per_session_cents}], memberships [{provider,
 * fee_cents, sessions, periods, fees_cents, used, extra,
 * pay_per_visit_cents, saved_cents, paid_off}], other_currency. */
json_t *render_json_spend(const struct spend_report *r);

#endif
