/*
 * page_log.c: GET /log, the forms for logging what was done, and the
 * POSTs they send: /log/activity, /log/recovery, /log/wellness.
 *
 * Each POST reads its fields with advice/logbook.h's parsers, the ones
 * `knead log`, `knead recover` and `knead wellness` use, validates the
 * whole entry (core/), and writes it in one transaction with logbook's
 * writers: an activity with its load computed, a session with its regions
 * and the appointment it fulfils. Then 303 to the entry's day on the
 * calendar (/calendar/day?date=D), which shows the entry and what the
 * advisor's rules say about it. Bad input is a 400 naming the field, and
 * nothing is written. Soreness is logged on the body map (/body) or with
 * the small form here, which posts to /sore (page_sore.c).
 *
 * GET /log?date=D fills D into every form's date (default today).
 *
 * Ids for the browser tests: forms log-activity, log-recovery,
 * log-wellness and log-sore; the activity form's fields sport (a select
 * of sport names), date, distance, duration, treadmill, rpe, note, and
 * its button "Log activity".
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "advice/logbook.h"
#include "base/date.h"
#include "base/parse.h"
#include "base/xalloc.h"
#include "core/activity.h"
#include "core/body.h"
#include "core/recovery.h"
#include "store/store_body.h"
#include "store/store_recovery.h"
#include "web/html.h"
#include "web/routes.h"

/* A field's value, NULL when absent or empty. */
static const char *field(const struct web_call *call, const char *name)
{
	const char *v = web_param(call->req, name);

	return v && *v ? v : NULL;
}

/* The date field: today when empty; a day after today is refused. */
static enum err_code field_day(const struct web_call *call, int32_t today, int32_t *day,
                               struct err *err)
{
	const char *v = field(call, "date");

	*day = today;
	if (v && parse_date(v, today, day, err)) {
		return err_prefix(err, "date");
	}
	if (logbook_check_done(*day, today, err)) {
		return err_prefix(err, "date");
	}
	return ERR_OK;
}

/* An optional level 0..10 field. */
static enum err_code field_level(const struct web_call *call, const char *name, int *out,
                                 struct err *err)
{
	const char *v = field(call, name);

	if (v && level_parse(v, out, err)) {
		return err_prefix(err, "%s", name);
	}
	return ERR_OK;
}

/* The answer to a POST that wrote: 303 to the entry's day. */
static void redirect_to_day(struct web_response *resp, int32_t day)
{
	char iso[DATE_ISO_LEN];
	struct strbuf where = STRBUF_INIT;

	date_format(day, iso);
	strbuf_addf(&where, "/calendar/day?date=%s", iso);
	resp->status = 303;
	web_response_header(resp, "Location", where.buf);
	html_addf(&resp->body, "<p>Logged: <a href=\"%s\">see the day</a>.</p>\n", where.buf);
	strbuf_release(&where);
}

/* Run write(store, ctx, err) in one transaction of the view's store. */
static enum err_code transaction(struct web_view *v,
                                 enum err_code (*write)(struct web_view *v, void *ctx,
                                                        struct err *err),
                                 void *ctx, struct err *err)
{
	if (store_begin(v->store, err)) {
		return err->code;
	}
	if (write(v, ctx, err)) {
		store_rollback(v->store);
		return err->code;
	}
	return store_commit(v->store, err);
}

/* ---- the forms ---- */

static void add_date_input(struct strbuf *sb, const char *form, const char *iso, const char *today)
{
	strbuf_addf(sb,
	            "<p><label for=\"%s-date\">Date</label>\n"
	            "<input type=\"date\" id=\"%s-date\" name=\"date\" value=\"%s\" max=\"%s\" "
	            "required></p>\n",
	            form, form, iso, today);
}

static void add_text_input(struct strbuf *sb, const char *form, const char *name, const char *label,
                           const char *hint)
{
	strbuf_addf(sb,
	            "<p><label for=\"%s-%s\">%s</label>\n"
	            "<input type=\"text\" id=\"%s-%s\" name=\"%s\" placeholder=\"%s\"></p>\n",
	            form, name, label, form, name, name, hint);
}

static void add_level_select(struct strbuf *sb, const char *form, const char *name,
                             const char *label)
{
	strbuf_addf(sb,
	            "<p><label for=\"%s-%s\">%s</label>\n<select id=\"%s-%s\" name=\"%s\">\n"
	            "<option value=\"\">-</option>\n",
	            form, name, label, form, name, name);
	for (int i = 0; i <= LEVEL_MAX; i++) {
		strbuf_addf(sb, "<option>%d</option>\n", i);
	}
	strbuf_adds(sb, "</select></p>\n");
}

static void add_activity_form(struct web_call *call, struct strbuf *sb, const char *iso,
                              const char *today, enum units u)
{
	strbuf_adds(sb, "<section>\n<h2>Activity</h2>\n"
	                "<form id=\"log-activity\" method=\"post\" action=\"/log/activity\">\n");
	web_add_csrf_field(call, sb);
	strbuf_adds(sb, "<p><label for=\"log-activity-sport\">Sport</label>\n"
	                "<select id=\"log-activity-sport\" name=\"sport\">\n");
	for (int i = 0; i < SPORT_COUNT; i++) {
		html_addf(sb, "<option value=\"%s\">%s</option>\n", sport_name((enum sport)i),
		          sport_name((enum sport)i));
	}
	strbuf_adds(sb, "</select></p>\n");
	add_date_input(sb, "log-activity", iso, today);
	strbuf_addf(sb,
	            "<p><label for=\"log-activity-distance\">Distance (%s)</label>\n"
	            "<input type=\"text\" id=\"log-activity-distance\" name=\"distance\" "
	            "inputmode=\"decimal\" placeholder=\"8k, 5.2, half\"></p>\n",
	            units_name(u));
	add_text_input(sb, "log-activity", "duration", "Duration", "45min, 45:00, 1:20:00");
	strbuf_adds(sb, "<p><input type=\"checkbox\" id=\"log-activity-treadmill\" "
	                "name=\"treadmill\" value=\"1\">\n"
	                "<label for=\"log-activity-treadmill\">On a treadmill</label></p>\n");
	strbuf_adds(sb, "<p><label for=\"log-activity-rpe\">Effort (RPE 1-10)</label>\n"
	                "<select id=\"log-activity-rpe\" name=\"rpe\">\n"
	                "<option value=\"\">-</option>\n");
	for (int i = 1; i <= 10; i++) {
		strbuf_addf(sb, "<option>%d</option>\n", i);
	}
	strbuf_adds(sb,
	            "</select></p>\n"
	            "<p><label for=\"log-activity-note\">Note</label>\n"
	            "<textarea id=\"log-activity-note\" name=\"note\" rows=\"2\"></textarea></p>\n"
	            "<p><button type=\"submit\">Log activity</button></p>\n</form>\n"
	            "</section>\n");
}

static void add_sore_form(struct web_call *call, struct strbuf *sb)
{
	strbuf_adds(sb, "<section>\n<h2>Soreness</h2>\n"
	                "<p>Tap the sore spot on the <a href=\"/body\">body map</a>, or say it "
	                "here (for today):</p>\n"
	                "<form id=\"log-sore\" method=\"post\" action=\"/sore\">\n");
	web_add_csrf_field(call, sb);
	add_text_input(sb, "log-sore", "region", "Region", "hamstring:right");
	strbuf_adds(sb, "<p><label for=\"log-sore-level\">Level (0-10)</label>\n"
	                "<input type=\"number\" id=\"log-sore-level\" name=\"level\" min=\"0\" "
	                "max=\"10\" required></p>\n"
	                "<p><label for=\"log-sore-measure\">Measure</label>\n"
	                "<select id=\"log-sore-measure\" name=\"measure\">\n");
	for (int m = 0; m < MEASURE_COUNT; m++) {
		strbuf_addf(sb, "<option>%s</option>\n", measure_name((enum measure)m));
	}
	strbuf_adds(sb, "</select></p>\n");
	add_text_input(sb, "log-sore", "note", "Note", "");
	strbuf_adds(sb, "<p><button type=\"submit\">Log soreness</button></p>\n</form>\n"
	                "</section>\n");
}

static void add_recovery_form(struct web_call *call, struct strbuf *sb, const char *iso,
                              const char *today, const struct provider_list *providers)
{
	strbuf_adds(sb, "<section>\n<h2>Recovery session</h2>\n"
	                "<form id=\"log-recovery\" method=\"post\" action=\"/log/recovery\">\n");
	web_add_csrf_field(call, sb);
	strbuf_adds(sb, "<p><label for=\"log-recovery-modality\">What</label>\n"
	                "<select id=\"log-recovery-modality\" name=\"modality\">\n");
	for (int i = 0; i < MODALITY_COUNT; i++) {
		html_addf(sb, "<option value=\"%s\">%s</option>\n", modality_name((enum modality)i),
		          modality_describe((enum modality)i));
	}
	strbuf_adds(sb, "</select></p>\n");
	add_date_input(sb, "log-recovery", iso, today);
	add_text_input(sb, "log-recovery", "regions", "Regions worked", "hamstring:right, glutes");
	add_text_input(sb, "log-recovery", "duration", "Duration", "60min");
	strbuf_adds(sb, "<p><label for=\"log-recovery-provider\">With (provider)</label>\n"
	                "<input type=\"text\" id=\"log-recovery-provider\" name=\"provider\" "
	                "list=\"log-recovery-providers\">\n"
	                "<datalist id=\"log-recovery-providers\">\n");
	for (size_t i = 0; i < providers->n; i++) {
		html_addf(sb, "<option value=\"%s\">\n", providers->items[i].name);
	}
	strbuf_adds(sb, "</datalist></p>\n");
	add_text_input(sb, "log-recovery", "cost", "Cost (blank: the provider's price)", "80");
	add_level_select(sb, "log-recovery", "pain", "Pain during (0-10)");
	add_level_select(sb, "log-recovery", "relief", "Relief after (0-10)");
	add_text_input(sb, "log-recovery", "found", "Findings",
	               "adductors:right=tight, calves=knots");
	strbuf_adds(sb,
	            "<p><label for=\"log-recovery-note\">Note</label>\n"
	            "<textarea id=\"log-recovery-note\" name=\"note\" rows=\"2\"></textarea></p>\n"
	            "<p><button type=\"submit\">Log session</button></p>\n</form>\n"
	            "</section>\n");
}

static void add_wellness_form(struct web_call *call, struct strbuf *sb, const char *iso,
                              const char *today)
{
	strbuf_adds(sb, "<section>\n<h2>Wellness</h2>\n"
	                "<form id=\"log-wellness\" method=\"post\" action=\"/log/wellness\">\n");
	web_add_csrf_field(call, sb);
	add_date_input(sb, "log-wellness", iso, today);
	add_text_input(sb, "log-wellness", "sleep", "Sleep (hours)", "7.5, 7h30");
	add_level_select(sb, "log-wellness", "fatigue", "Fatigue (0 fresh - 10 exhausted)");
	add_level_select(sb, "log-wellness", "stress", "Stress (0 calm - 10 overwhelmed)");
	add_level_select(sb, "log-wellness", "mood", "Mood (0 low - 10 great)");
	add_text_input(sb, "log-wellness", "rhr", "Resting heart rate", "48");
	add_text_input(sb, "log-wellness", "hrv", "HRV (ms)", "65");
	add_text_input(sb, "log-wellness", "weight", "Weight", "61.5kg, 135lb");
	strbuf_adds(sb,
	            "<p><label for=\"log-wellness-note\">Note</label>\n"
	            "<textarea id=\"log-wellness-note\" name=\"note\" rows=\"2\"></textarea></p>\n"
	            "<p><button type=\"submit\">Log wellness</button></p>\n</form>\n"
	            "</section>\n");
}

enum err_code web_page_log(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct provider_list providers = PROVIDER_LIST_INIT;
	struct strbuf *sb = &resp->body;
	struct web_view v;
	char iso[DATE_ISO_LEN], today[DATE_ISO_LEN];
	const char *date = field(call, "date");
	int32_t day;
	enum err_code rc;

	rc = web_view_open(call->app, STORE_READ, &v, err);
	if (!rc) {
		day = v.today;
		if (date && parse_date(date, v.today, &day, err)) {
			rc = err_prefix(err, "date");
		}
	}
	if (!rc) {
		rc = store_provider_list(v.store, ATHLETE_DEFAULT, &providers, err);
	}
	if (!rc) {
		date_format(day > v.today ? v.today : day, iso);
		date_format(v.today, today);
		html_page_begin(sb, "Log", HTML_NAV_LOG);
		strbuf_addf(sb,
		            "<p>Everything you log shows on the <a href=\"/calendar/day?date=%s\">"
		            "calendar</a>.</p>\n",
		            iso);
		add_activity_form(call, sb, iso, today, v.profile.units);
		add_sore_form(call, sb);
		add_recovery_form(call, sb, iso, today, &providers);
		add_wellness_form(call, sb, iso, today);
		html_page_end(sb);
	}
	provider_list_release(&providers);
	web_view_close(&v);
	return rc;
}

/* ---- POST /log/activity ---- */

/* The activity the form describes, validated, into *a. */
static enum err_code parse_activity(const struct web_call *call, const struct web_view *v,
                                    struct activity *a, struct err *err)
{
	const char *sport = field(call, "sport"), *distance = field(call, "distance");
	const char *duration = field(call, "duration"), *rpe = field(call, "rpe");
	const char *note = field(call, "note"), *treadmill = field(call, "treadmill");
	long n;

	a->athlete_id = ATHLETE_DEFAULT;
	if (!sport) {
		return err_set(err, ERR_INPUT, "sport: say what was done (run, bike, ...)");
	}
	if (sport_parse(sport, &a->sport, err)) {
		return err_prefix(err, "sport");
	}
	if (field_day(call, v->today, &a->date, err)) {
		return err->code;
	}
	if (distance && logbook_distance_parse(distance, v->profile.units, &a->distance_m, err)) {
		return err_prefix(err, "distance");
	}
	if (duration && logbook_duration_parse(duration, &a->duration_s, err)) {
		return err_prefix(err, "duration");
	}
	if (rpe) {
		if (parse_int(rpe, 1, 10, &n, err)) {
			return err_prefix(err, "rpe");
		}
		a->rpe = (int)n;
	}
	a->treadmill = treadmill && strcmp(treadmill, "0") != 0;
	activity_set_str(&a->note, note);
	return activity_validate(a, err);
}

static enum err_code write_activity(struct web_view *v, void *ctx, struct err *err)
{
	return logbook_activity_add(v->store, &v->profile, ctx, err);
}

enum err_code web_post_log_activity(struct web_call *call, struct web_response *resp,
                                    struct err *err)
{
	struct web_view v;
	struct activity a;
	enum err_code rc;

	activity_init(&a);
	rc = web_view_open(call->app, STORE_WRITE, &v, err);
	if (!rc) {
		rc = parse_activity(call, &v, &a, err);
	}
	if (!rc) {
		rc = transaction(&v, write_activity, &a, err);
	}
	if (!rc) {
		redirect_to_day(resp, a.date);
	}
	activity_release(&a);
	web_view_close(&v);
	return rc;
}

/* ---- POST /log/recovery ---- */

static enum err_code parse_session(const struct web_call *call, struct web_view *v,
                                   struct recovery *r, struct err *err)
{
	const struct region_catalog *cat = &call->app->regions;
	const char *modality = field(call, "modality"), *regions = field(call, "regions");
	const char *duration = field(call, "duration"), *found = field(call, "found");
	const char *cost = field(call, "cost"), *provider = field(call, "provider");
	const char *note = field(call, "note");

	r->athlete_id = ATHLETE_DEFAULT;
	if (!modality) {
		return err_set(err, ERR_INPUT,
		               "modality: say what it was (massage:deep, roll, ...)");
	}
	if (modality_parse(modality, &r->modality, err)) {
		return err_prefix(err, "modality");
	}
	if (field_day(call, v->today, &r->day, err)) {
		return err->code;
	}
	if (regions && logbook_regions_parse(cat, regions, r, err)) {
		return err_prefix(err, "regions");
	}
	if (duration && logbook_duration_parse(duration, &r->duration_s, err)) {
		return err_prefix(err, "duration");
	}
	if (found && logbook_findings_parse(cat, found, r, err)) {
		return err_prefix(err, "findings");
	}
	if (cost && logbook_money_parse(&v->profile, cost, &r->cost_cents, r->currency, err)) {
		return err_prefix(err, "cost");
	}
	if (field_level(call, "pain", &r->pain, err) ||
	    field_level(call, "relief", &r->relief, err)) {
		return err->code;
	}
	if (note) {
		r->note = xstrdup(note);
	}
	if (provider && logbook_session_provider(v->store, ATHLETE_DEFAULT, provider, r, err)) {
		return err_prefix(err, "provider");
	}
	return recovery_validate(r, err);
}

struct session_write {
	const struct region_catalog *cat;
	struct recovery *r;
};

static enum err_code write_session(struct web_view *v, void *ctx, struct err *err)
{
	struct session_write *w = ctx;
	int64_t appointment_id;

	return logbook_session_add(v->store, w->cat, w->r, &appointment_id, err);
}

enum err_code web_post_log_recovery(struct web_call *call, struct web_response *resp,
                                    struct err *err)
{
	struct web_view v;
	struct recovery r;
	struct session_write w = { &call->app->regions, &r };
	enum err_code rc;

	recovery_init(&r);
	rc = web_view_open(call->app, STORE_WRITE, &v, err);
	if (!rc) {
		rc = parse_session(call, &v, &r, err);
	}
	if (!rc) {
		rc = transaction(&v, write_session, &w, err);
	}
	if (!rc) {
		redirect_to_day(resp, r.day);
	}
	recovery_release(&r);
	web_view_close(&v);
	return rc;
}

/* ---- POST /log/wellness ---- */

static enum err_code parse_wellness(const struct web_call *call, const struct web_view *v,
                                    struct wellness *w, struct err *err)
{
	const char *sleep = field(call, "sleep"), *rhr = field(call, "rhr");
	const char *hrv = field(call, "hrv"), *weight = field(call, "weight");
	const char *note = field(call, "note");
	long bpm;

	w->athlete_id = ATHLETE_DEFAULT;
	if (field_day(call, v->today, &w->day, err)) {
		return err->code;
	}
	if (sleep && logbook_sleep_parse(sleep, &w->sleep_s, err)) {
		return err_prefix(err, "sleep");
	}
	if (field_level(call, "fatigue", &w->fatigue, err) ||
	    field_level(call, "stress", &w->stress, err) ||
	    field_level(call, "mood", &w->mood, err)) {
		return err->code;
	}
	if (rhr) {
		if (parse_int(rhr, 25, 120, &bpm, err)) {
			return err_prefix(err, "rhr");
		}
		w->rest_hr = (int)bpm;
	}
	if (hrv && parse_number(hrv, 1, 300, &w->hrv_ms, err)) {
		return err_prefix(err, "hrv");
	}
	if (weight && logbook_weight_parse(weight, &w->weight_kg, err)) {
		return err_prefix(err, "weight");
	}
	if (note) {
		w->note = xstrdup(note);
	}
	return wellness_validate(w, err);
}

static enum err_code write_wellness(struct web_view *v, void *ctx, struct err *err)
{
	bool merged;

	return store_wellness_put(v->store, ctx, &merged, err);
}

enum err_code web_post_log_wellness(struct web_call *call, struct web_response *resp,
                                    struct err *err)
{
	struct web_view v;
	struct wellness w;
	enum err_code rc;

	wellness_init(&w);
	rc = web_view_open(call->app, STORE_WRITE, &v, err);
	if (!rc) {
		rc = parse_wellness(call, &v, &w, err);
	}
	if (!rc) {
		rc = transaction(&v, write_wellness, &w, err);
	}
	if (!rc) {
		redirect_to_day(resp, w.day);
	}
	wellness_release(&w);
	web_view_close(&v);
	return rc;
}
