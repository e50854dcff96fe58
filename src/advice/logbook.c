/*
 * logbook.c: writing down what was done (see logbook.h).
 */
#include "advice/logbook.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/training.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "core/appointment.h"
#include "store/store_activity.h"
#include "store/store_appointment.h"
#include "store/store_body.h"
#include "store/store_recovery.h"

enum err_code logbook_check_done(int32_t day, int32_t today, struct err *err)
{
	char buf[DATE_ISO_LEN];

	if (day <= today) {
		return ERR_OK;
	}
	date_format(day, buf);
	return err_set(err, ERR_INPUT, "%s is after today; knead logs what was done", buf);
}

enum err_code logbook_figure(struct activity *a, const char *text, bool *seen_distance,
                             bool *seen_duration, struct err *err)
{
	enum parse_figure kind;
	double v;

	if (parse_figure(text, &kind, &v, err)) {
		return err->code;
	}
	if (kind == PARSE_FIGURE_DISTANCE) {
		if (*seen_distance) {
			return err_set(err, ERR_INPUT, "'%s' is a second distance", text);
		}
		*seen_distance = true;
		a->distance_m = v;
	} else {
		if (*seen_duration) {
			return err_set(err, ERR_INPUT, "'%s' is a second duration", text);
		}
		*seen_duration = true;
		a->duration_s = v;
	}
	return ERR_OK;
}

enum err_code logbook_distance_parse(const char *text, enum units u, double *metres,
                                     struct err *err)
{
	double v;

	/* a plain number is in the unit the form shows; activity_validate
	 * judges the range, as it does for "8k" */
	if (parse_number(text, 0, ACTIVITY_MAX_DISTANCE_M / 1000, &v, NULL) == ERR_OK) {
		*metres = v * units_metres(u);
		return ERR_OK;
	}
	return parse_distance(text, metres, err);
}

enum err_code logbook_duration_parse(const char *text, double *seconds, struct err *err)
{
	double v;

	if (parse_number(text, 0, ACTIVITY_MAX_DURATION_S / 60, &v, NULL) == ERR_OK) {
		*seconds = v * 60;
		return ERR_OK;
	}
	return parse_duration(text, seconds, err);
}

enum err_code logbook_sleep_parse(const char *text, double *seconds, struct err *err)
{
	double h;

	if (parse_number(text, 0, 24, &h, NULL) == ERR_OK) {
		*seconds = h * 3600;
		return ERR_OK;
	}
	if (parse_duration(text, seconds, NULL) == ERR_OK && *seconds <= 24 * 3600) {
		return ERR_OK;
	}
	return err_set(err, ERR_INPUT, "'%s' is not hours of sleep (7.5, 7h30, 7:30)", text);
}

enum err_code logbook_weight_parse(const char *text, double *kg, struct err *err)
{
	static const struct {
		const char *suffix;
		double kg;
	} units[] = { { "kg", 1 }, { "lbs", 0.45359237 }, { "lb", 0.45359237 } };
	size_t n = strlen(text);
	char buf[32];
	double factor = 1;

	if (n < sizeof(buf)) {
		memcpy(buf, text, n + 1);
		for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
			size_t k = strlen(units[i].suffix);

			if (n > k && strcmp(buf + n - k, units[i].suffix) == 0) {
				buf[n - k] = '\0';
				factor = units[i].kg;
				break;
			}
		}
		if (parse_number(buf, 1, 1000, kg, NULL) == ERR_OK) {
			*kg *= factor;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT, "'%s' is not a weight (61.5, 61.5kg, 135lb)", text);
}

enum err_code logbook_money_parse(const struct athlete *profile, const char *text, int64_t *cents,
                                  char currency[4], struct err *err)
{
	int64_t v;
	char typed[4];

	if (parse_money(text, &v, typed, err) ||
	    logbook_currency_check(profile, text, typed, err)) {
		return err->code;
	}
	*cents = v;
	memcpy(currency, typed, 4);
	return ERR_OK;
}

enum err_code logbook_currency_check(const struct athlete *profile, const char *text,
                                     char currency[4], struct err *err)
{
	const char *mine = athlete_currency(profile);

	if (strcmp(currency, "$") == 0 && strcmp(units_currency_symbol(mine), "$") == 0) {
		currency[0] = '\0'; /* a dollar sign in a dollar currency */
	}
	if (currency[0] && strcmp(currency, mine) != 0) {
		return err_set(err, ERR_INPUT, "'%s' is in %s, but knead keeps money in %s", text,
		               strcmp(currency, "$") == 0 ? "dollars" : currency, mine);
	}
	memcpy(currency, mine, 4);
	return ERR_OK;
}

/* Call each(cat, item, r, err) for each item of the comma-separated list,
 * spaces before an item skipped and empty items ignored. */
static enum err_code each_item(const struct region_catalog *cat, const char *list,
                               struct recovery *r,
                               enum err_code (*each)(const struct region_catalog *cat, char *item,
                                                     struct recovery *r, struct err *err),
                               struct err *err)
{
	char *copy = xstrdup(list), *p = copy, *comma;
	enum err_code rc = ERR_OK;

	do {
		comma = strchr(p, ',');
		if (comma) {
			*comma = '\0';
		}
		while (*p == ' ') {
			p++;
		}
		if (*p) {
			rc = each(cat, p, r, err);
			if (rc) {
				break;
			}
		}
		p = comma + 1;
	} while (comma);
	free(copy);
	return rc;
}

static enum err_code add_region(const struct region_catalog *cat, char *item, struct recovery *r,
                                struct err *err)
{
	struct region_ref ref;

	if (region_ref_parse(cat, item, false, &ref, err)) {
		return err->code;
	}
	recovery_add_region(r, ref.region->code, ref.side);
	return ERR_OK;
}

enum err_code logbook_regions_parse(const struct region_catalog *cat, const char *list,
                                    struct recovery *r, struct err *err)
{
	return each_item(cat, list, r, add_region, err);
}

static enum err_code add_finding(const struct region_catalog *cat, char *item, struct recovery *r,
                                 struct err *err)
{
	struct region_ref ref;
	struct recovery_region *rr;
	enum finding finding;
	int severity;
	char *eq = strchr(item, '=');

	if (!eq) {
		return err_set(err, ERR_INPUT,
		               "'%s' needs REGION=FINDING, e.g. adductors:right=tight", item);
	}
	*eq = '\0';
	if (region_ref_parse(cat, item, false, &ref, err) ||
	    finding_parse(eq + 1, &finding, &severity, err)) {
		return err->code;
	}
	rr = recovery_add_region(r, ref.region->code, ref.side);
	rr->finding = finding;
	rr->severity = severity;
	return ERR_OK;
}

enum err_code logbook_findings_parse(const struct region_catalog *cat, const char *list,
                                     struct recovery *r, struct err *err)
{
	return each_item(cat, list, r, add_finding, err);
}

/* The activity was stored without a load: compute it (with any other
 * activity still lacking one), and read it back into a. */
static enum err_code store_load(struct store *s, const struct athlete *profile, struct activity *a,
                                struct err *err)
{
	struct activity stored;
	enum err_code rc;

	rc = training_refresh_loads(s, profile, TRAINING_MISSING, NULL, err);
	if (rc) {
		return rc;
	}
	rc = store_activity_get(s, a->athlete_id, a->id, &stored, err);
	if (!rc) {
		a->load = stored.load;
		memcpy(a->load_method, stored.load_method, sizeof(a->load_method));
	}
	activity_release(&stored);
	return rc;
}

static void forget_load(struct activity *a)
{
	a->load = (double)NAN;
	a->load_method[0] = '\0';
}

enum err_code logbook_activity_add(struct store *s, const struct athlete *profile,
                                   struct activity *a, struct err *err)
{
	forget_load(a);
	if (store_activity_add(s, a, err)) {
		return err->code;
	}
	return store_load(s, profile, a, err);
}

enum err_code logbook_activity_update(struct store *s, const struct athlete *profile,
                                      struct activity *a, struct err *err)
{
	forget_load(a);
	if (store_activity_update(s, a, err)) {
		return err->code;
	}
	return store_load(s, profile, a, err);
}

enum err_code logbook_session_provider(struct store *s, int64_t athlete_id, const char *key,
                                       struct recovery *r, struct err *err)
{
	struct provider p;
	enum err_code rc;

	rc = store_provider_find(s, athlete_id, key, &p, err);
	if (rc == ERR_NOT_FOUND) {
		err->code = rc = ERR_INPUT;
	}
	if (!rc) {
		r->provider_id = p.id;
		free(r->provider_name);
		r->provider_name = xstrdup(p.name);
		recovery_price_from(r, &p);
	}
	provider_release(&p);
	return rc;
}

/* The open appointment of the session's day that it fulfils is done, and
 * points at it. */
static enum err_code complete_appointment(struct store *s, const struct recovery *r,
                                          int64_t *appointment_id, struct err *err)
{
	struct appointment_list list = APPOINTMENT_LIST_INIT;
	enum err_code rc;
	long match;

	rc = store_appointment_list(s, r->athlete_id, r->day, r->day, &list, err);
	match = rc ? -1 : appointment_match_session(&list, r);
	if (match >= 0) {
		*appointment_id = list.items[match].id;
		rc = store_appointment_set_status(s, r->athlete_id, *appointment_id,
		                                  APPOINTMENT_DONE, r->id, err);
	}
	appointment_list_release(&list);
	return rc;
}

enum err_code logbook_session_add(struct store *s, const struct region_catalog *cat,
                                  struct recovery *r, int64_t *appointment_id, struct err *err)
{
	*appointment_id = 0;
	if (store_regions_sync(s, cat, err) || store_recovery_add(s, r, err) ||
	    complete_appointment(s, r, appointment_id, err)) {
		return err->code;
	}
	return ERR_OK;
}

enum err_code logbook_session_cost(struct store *s, const struct recovery *r,
                                   struct session_cost *out, struct err *err)
{
	struct recovery_list all = RECOVERY_LIST_INIT;
	struct provider_list providers = PROVIDER_LIST_INIT;
	struct session_cost *costs = NULL;
	enum err_code rc;

	memset(out, 0, sizeof(*out));
	rc = store_recovery_list(s, r->athlete_id, DATE_NONE, r->day, &all, err);
	if (!rc) {
		rc = store_provider_list(s, r->athlete_id, &providers, err);
	}
	if (!rc) {
		costs = xcalloc(all.n + 1, sizeof(*costs));
		spend_cost_sessions(&all, &providers, costs);
		for (size_t i = 0; i < all.n; i++) {
			if (all.items[i].id == r->id) {
				*out = costs[i];
			}
		}
	}
	free(costs);
	provider_list_release(&providers);
	recovery_list_release(&all);
	return rc;
}
