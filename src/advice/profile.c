/*
 * profile.c: the profile from typed text (see profile.h).
 */
#include "advice/profile.h"

#include <stdlib.h>
#include <string.h>

#include "advice/training.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/tz.h"
#include "base/units.h"
#include "base/xalloc.h"
#include "store/store_athlete.h"

static enum err_code apply_hr(const char *v, const char *prefix, const char *name, int *field,
                              struct err *err)
{
	long n;

	if (v && parse_int(v, 25, 250, &n, err)) {
		return err_prefix(err, "%s%s", prefix, name);
	}
	if (v) {
		*field = (int)n;
	}
	return ERR_OK;
}

/* Money in the profile's currency: a dollar sign is fine in dollars,
 * any other currency is refused rather than converted. */
static enum err_code apply_budget(const char *budget, const char *prefix, struct athlete *a,
                                  struct err *err)
{
	const char *mine = athlete_currency(a);
	char cur[4];

	if (strcmp(budget, "none") == 0) {
		a->budget_cents = -1;
		return ERR_OK;
	}
	if (parse_money(budget, &a->budget_cents, cur, err)) {
		return err_prefix(err, "%sbudget", prefix);
	}
	if (strcmp(cur, "$") == 0 && strcmp(units_currency_symbol(mine), "$") == 0) {
		cur[0] = '\0'; /* a dollar sign in a dollar currency */
	}
	if (cur[0] && strcmp(cur, mine) != 0) {
		return err_set(err, ERR_INPUT,
		               "%sbudget: '%s' is in %s, but knead keeps money in %s "
		               "(change it with 'knead init --currency')",
		               prefix, budget, strcmp(cur, "$") == 0 ? "dollars" : cur, mine);
	}
	return ERR_OK;
}

enum err_code profile_apply(const struct profile_input *in, const char *prefix, int32_t today,
                            struct athlete *a, bool *recompute, struct err *err)
{
	int this_year = date_to_civil(today).year;
	struct athlete before;
	long n;

	/* only the figures loads depend on: the strings are not copied */
	athlete_init(&before, a->id);
	before.max_hr = a->max_hr;
	before.rest_hr = a->rest_hr;
	before.sex = a->sex;
	before.threshold_pace_s_per_km = a->threshold_pace_s_per_km;
	if (in->name) {
		free(a->name);
		a->name = *in->name ? xstrdup(in->name) : NULL;
	}
	if (in->sex && athlete_sex_parse(in->sex, &a->sex, err)) {
		return err_prefix(err, "%ssex", prefix);
	}
	if (in->born) {
		if (parse_int(in->born, DATE_MIN_YEAR, this_year, &n, err)) {
			return err_prefix(err, "%sborn", prefix);
		}
		a->birth_year = (int)n;
	}
	if (apply_hr(in->max_hr, prefix, "max-hr", &a->max_hr, err) ||
	    apply_hr(in->rest_hr, prefix, "rest-hr", &a->rest_hr, err)) {
		return err->code;
	}
	if (in->units && units_parse(in->units, &a->units, err)) {
		return err_prefix(err, "%sunits", prefix);
	}
	if (in->threshold &&
	    parse_pace(in->threshold, units_metres(a->units), &a->threshold_pace_s_per_km, err)) {
		return err_prefix(err, "%sthreshold", prefix);
	}
	if (in->tz) {
		if (*in->tz && !tz_exists(in->tz)) {
			return err_set(err, ERR_INPUT,
			               "%stz: unknown time zone '%s' (an IANA name such as "
			               "'America/Toronto')",
			               prefix, in->tz);
		}
		free(a->tz);
		a->tz = *in->tz ? xstrdup(in->tz) : NULL;
	}
	if (in->currency) {
		const char *c = in->currency;

		if (strlen(c) != 3) {
			return err_set(err, ERR_INPUT,
			               "%scurrency: '%s' is not a three-letter code", prefix, c);
		}
		for (int i = 0; i < 3; i++) {
			a->currency[i] = (char)(c[i] >= 'a' && c[i] <= 'z' ? c[i] - 32 : c[i]);
		}
		a->currency[3] = '\0';
	}
	/* after the currency: the budget is in the profile's currency */
	if (in->budget && apply_budget(in->budget, prefix, a, err)) {
		return err->code;
	}
	if (athlete_validate(a, this_year, err)) {
		return err_prefix(err, "profile");
	}
	if (recompute) {
		*recompute = training_profile_changes_loads(&before, a);
	}
	return ERR_OK;
}

enum err_code profile_store(struct store *s, const struct athlete *a, bool recompute,
                            size_t *n_recomputed, struct err *err)
{
	if (n_recomputed) {
		*n_recomputed = 0;
	}
	if (store_athlete_put(s, a, err)) {
		return err->code;
	}
	if (!recompute) {
		return ERR_OK;
	}
	return training_refresh_loads(s, a, TRAINING_ALL, n_recomputed, err);
}
