/*
 * export_file.c: a whole export as bytes (see export_file.h).
 */
#include "render/export_file.h"

#include <stdlib.h>
#include <string.h>

#include "base/tz.h"

static const char *const format_names[] = { "ics", "csv", "json" };

const char *export_format_name(enum export_format f)
{
	return format_names[f];
}

enum err_code export_format_parse(const char *word, enum export_format *out, struct err *err)
{
	for (size_t i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++) {
		if (strcmp(word, format_names[i]) == 0) {
			*out = (enum export_format)i;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT, "unknown format '%s': export 'ics', 'csv' or 'json'", word);
}

static size_t count_json_records(const struct export_data *d)
{
	size_t n = d->activities.n_activities + d->checkins.n + d->wellness.n + d->injuries.n +
	           d->sessions.n + d->providers.n + d->gear.n_gears + d->races.n_races +
	           d->plans.n_plans + d->appointments.n;

	for (size_t i = 0; i < d->plans.n_plans; i++) {
		n += d->plans.plans[i].n_workouts;
	}
	return n;
}

enum err_code export_file(struct store *s, const struct athlete *profile, int64_t now,
                          int32_t today, enum export_format f, enum export_table t,
                          struct strbuf *text, size_t *records, struct err *err)
{
	struct export_data d;
	enum err_code rc;
	int events = 0;

	*records = 0;
	rc = export_read(s, profile->id, today, &d, err);
	if (!rc) {
		switch (f) {
		case EXPORT_FORMAT_ICS:
			rc = export_ics(&d, now, profile->units, text, &events, err);
			*records = (size_t)events;
			break;
		case EXPORT_FORMAT_CSV:
			export_csv(&d, t, text, records);
			break;
		case EXPORT_FORMAT_JSON: {
			json_t *all = export_json(&d, profile, now, tz_name());
			/* as out_json prints it */
			char *dump = json_dumps(all, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
			                                     JSON_REAL_PRECISION(10));

			if (dump) {
				strbuf_adds(text, dump);
				strbuf_addch(text, '\n');
				free(dump);
			} else {
				rc = err_set(err, ERR_IO, "cannot write the JSON export");
			}
			json_decref(all);
			*records = count_json_records(&d);
			break;
		}
		}
	}
	export_release(&d);
	return rc;
}
