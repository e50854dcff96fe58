/*
 * page_settings.c: GET /settings and what it links to.
 *
 *   /settings           the profile form, the login, the downloads, the
 *                       advisor's rules with the runner's overrides
 *   /settings/profile   POST: the profile, read as `knead init` reads it
 *                       (advice/profile.h), loads recomputed with it
 *   /export?format=F    csv (&table=NAME), json or ics: the bytes
 *                       `knead export F` writes (render/export_file.h)
 *   /calendar.ics       the ics export as a calendar to subscribe to
 *   /backup             a consistent copy of the database file
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "advice/profile.h"
#include "base/datafile.h"
#include "base/date.h"
#include "base/tz.h"
#include "base/units.h"
#include "base/xdg.h"
#include "render/export_file.h"
#include "web/auth.h"
#include "web/html.h"
#include "web/routes.h"

/* ---- downloads ---- */

/* "attachment; filename=\"knead-2026-11-24-activities.csv\"" for today. */
static void add_disposition(struct web_response *resp, int32_t today, const char *what,
                            const char *ext)
{
	struct strbuf sb = STRBUF_INIT;
	char day[DATE_ISO_LEN];

	date_format(today, day);
	strbuf_addf(&sb, "attachment; filename=\"knead-%s%s%s.%s\"", day, what ? "-" : "",
	            what ? what : "", ext);
	web_response_header(resp, "Content-Disposition", sb.buf);
	strbuf_release(&sb);
}

/* The export in format f (table t for CSV) as the response body. */
static enum err_code send_export(struct web_call *call, struct web_response *resp,
                                 enum export_format f, enum export_table t, bool attachment,
                                 struct err *err)
{
	static const char *const types[] = {
		[EXPORT_FORMAT_ICS] = "text/calendar; charset=utf-8",
		[EXPORT_FORMAT_CSV] = "text/csv; charset=utf-8",
		[EXPORT_FORMAT_JSON] = "application/json",
	};
	struct web_view v;
	size_t records;
	enum err_code rc = web_view_open(call->app, STORE_READ, &v, err);

	if (!rc) {
		rc = export_file(v.store, &v.profile, v.now, v.today, f, t, &resp->body, &records,
		                 err);
	}
	if (!rc) {
		resp->content_type = types[f];
		if (attachment) {
			add_disposition(resp, v.today,
			                f == EXPORT_FORMAT_CSV ? export_table_name(t) : NULL,
			                export_format_name(f));
		}
	}
	web_view_close(&v);
	return rc;
}

enum err_code web_page_export(struct web_call *call, struct web_response *resp, struct err *err)
{
	const char *format = web_param(call->req, "format"), *table = web_param(call->req, "table");
	enum export_format f;
	enum export_table t = EXPORT_ACTIVITIES;

	if (!format || !*format) {
		return err_set(err, ERR_INPUT, "format: give csv, json or ics");
	}
	if (export_format_parse(format, &f, err)) {
		return err_prefix(err, "format");
	}
	if (table && *table) {
		if (f != EXPORT_FORMAT_CSV) {
			return err_set(err, ERR_INPUT,
			               "table: only the csv export has tables; %s holds everything",
			               format);
		}
		if (export_table_parse(table, &t, err)) {
			return err_prefix(err, "table");
		}
	}
	return send_export(call, resp, f, t, true, err);
}

enum err_code web_page_ics(struct web_call *call, struct web_response *resp, struct err *err)
{
	/* inline: a calendar app subscribes to it, a browser may offer to open it */
	return send_export(call, resp, EXPORT_FORMAT_ICS, EXPORT_ACTIVITIES, false, err);
}

/* Append the file at path to sb. */
static enum err_code read_file(const char *path, struct strbuf *sb, struct err *err)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;

	if (!f) {
		return err_set(err, ERR_IO, "cannot read the copy '%s': %s", path, strerror(errno));
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		strbuf_add(sb, buf, n);
	}
	if (ferror(f)) {
		fclose(f);
		return err_set(err, ERR_IO, "cannot read the copy '%s'", path);
	}
	fclose(f);
	return ERR_OK;
}

enum err_code web_page_backup(struct web_call *call, struct web_response *resp, struct err *err)
{
	const char *dir = getenv("TMPDIR");
	struct strbuf path = STRBUF_INIT;
	struct web_view v;
	enum err_code rc = web_view_open(call->app, STORE_READ, &v, err);
	int fd;

	strbuf_addf(&path, "%s/knead-backup-XXXXXX", dir && *dir == '/' ? dir : "/tmp");
	if (!rc) {
		/* an empty file of ours, which VACUUM INTO accepts */
		fd = mkstemp(path.buf);
		if (fd < 0) {
			rc = err_set(err, ERR_IO, "cannot make a temporary file in '%s': %s",
			             dir && *dir == '/' ? dir : "/tmp", strerror(errno));
		} else {
			close(fd);
			rc = store_backup(v.store, path.buf, err);
			if (!rc) {
				rc = read_file(path.buf, &resp->body, err);
			}
			remove(path.buf);
		}
	}
	if (!rc) {
		resp->content_type = STORE_MEDIA_TYPE;
		add_disposition(resp, v.today, NULL, "sqlite");
	}
	web_view_close(&v);
	strbuf_release(&path);
	return rc;
}

/* ---- the profile ---- */

/* A form field: NULL when absent or (unless keep_empty) empty. */
static const char *field(const struct web_call *call, const char *name, bool keep_empty)
{
	const char *v = web_param(call->req, name);

	return v && (*v || keep_empty) ? v : NULL;
}

enum err_code web_post_settings_profile(struct web_call *call, struct web_response *resp,
                                        struct err *err)
{
	const char *budget = field(call, "budget", true);
	struct profile_input in = {
		/* an empty name or zone clears it, as '' does for knead init */
		.name = field(call, "name", true),
		.sex = field(call, "sex", false),
		.born = field(call, "born", false),
		.max_hr = field(call, "max-hr", false),
		.rest_hr = field(call, "rest-hr", false),
		.units = field(call, "units", false),
		.tz = field(call, "tz", true),
		.threshold = field(call, "threshold", false),
		.currency = field(call, "currency", false),
		/* an empty budget is no budget */
		.budget = budget && !*budget ? "none" : budget,
	};
	struct web_view v;
	bool recompute = false;
	enum err_code rc = web_view_open(call->app, STORE_WRITE, &v, err);

	if (!rc) {
		rc = profile_apply(&in, "", v.today, &v.profile, &recompute, err);
	}
	if (!rc) {
		rc = store_begin(v.store, err);
		if (!rc) {
			if (profile_store(v.store, &v.profile, recompute, NULL, err)) {
				store_rollback(v.store);
				rc = err->code;
			} else {
				rc = store_commit(v.store, err);
			}
		}
	}
	web_view_close(&v);
	if (rc) {
		return rc;
	}
	resp->status = 303;
	web_response_header(resp, "Location", "/settings?saved=profile");
	strbuf_adds(&resp->body, "<p>Saved: <a href=\"/settings\">back to the settings</a>.</p>\n");
	return ERR_OK;
}

/* <p><label>..</label> <input ...></p> with value (escaped). */
static void add_input(struct strbuf *sb, const char *name, const char *label, const char *type,
                      const char *value, const char *hint)
{
	html_addf(sb, "<p><label for=\"p-%s\">%s</label>\n", name, label);
	html_addf(sb, "<input id=\"p-%s\" name=\"%s\" type=\"%s\" value=\"%s\"", name, name, type,
	          value ? value : "");
	if (hint) {
		html_addf(sb, " placeholder=\"%s\"", hint);
	}
	strbuf_adds(sb, "></p>\n");
}

static void add_select(struct strbuf *sb, const char *name, const char *label,
                       const char *const *values, const char *const *labels, size_t n,
                       const char *current)
{
	html_addf(sb, "<p><label for=\"p-%s\">%s</label>\n<select id=\"p-%s\" name=\"%s\">\n", name,
	          label, name, name);
	for (size_t i = 0; i < n; i++) {
		html_addf(sb, "<option value=\"%s\"", values[i]);
		if (!strcmp(values[i], current)) {
			strbuf_adds(sb, " selected");
		}
		html_addf(sb, ">%s</option>\n", labels[i]);
	}
	strbuf_adds(sb, "</select></p>\n");
}

static void add_profile(struct web_call *call, struct strbuf *sb, const struct athlete *a)
{
	static const char *const sexes[] = { "", "f", "m" };
	static const char *const sex_labels[] = { "not said", "female", "male" };
	static const char *const units[] = { "km", "mi" };
	char num[32];
	struct strbuf pace = STRBUF_INIT;

	strbuf_adds(sb,
	            "<section id=\"profile\">\n<h2>Profile</h2>\n"
	            "<form id=\"profile-form\" method=\"post\" action=\"/settings/profile\">\n");
	web_add_csrf_field(call, sb);
	add_input(sb, "name", "Name", "text", a->name, NULL);
	add_select(sb, "sex", "Sex (for heart-rate load)", sexes, sex_labels, 3,
	           athlete_sex_name(a->sex));
	snprintf(num, sizeof(num), "%d", a->birth_year);
	add_input(sb, "born", "Year of birth", "number", a->birth_year ? num : "", NULL);
	snprintf(num, sizeof(num), "%d", a->max_hr);
	add_input(sb, "max-hr", "Maximum heart rate (bpm)", "number", a->max_hr ? num : "", NULL);
	snprintf(num, sizeof(num), "%d", a->rest_hr);
	add_input(sb, "rest-hr", "Resting heart rate (bpm)", "number", a->rest_hr ? num : "", NULL);
	if (!isnan(a->threshold_pace_s_per_km)) {
		units_add_pace(&pace, a->threshold_pace_s_per_km / 1000, a->units);
	}
	add_input(sb, "threshold", "Threshold pace", "text", pace.buf, "4:40/km");
	add_select(sb, "units", "Units", units, units, 2, units_name(a->units));
	add_input(sb, "tz", "Time zone (empty: the system's)", "text", a->tz, "America/Toronto");
	add_input(sb, "currency", "Currency", "text", athlete_currency(a), "USD");
	if (a->budget_cents >= 0) {
		snprintf(num, sizeof(num), "%lld.%02lld", (long long)(a->budget_cents / 100),
		         (long long)(a->budget_cents % 100));
	}
	add_input(sb, "budget", "Recovery budget a month (empty: none)", "text",
	          a->budget_cents >= 0 ? num : "", NULL);
	strbuf_adds(sb, "<p><button type=\"submit\">Save the profile</button></p>\n</form>\n"
	                "<p class=\"hint\">As <code>knead init</code>: a change to the heart "
	                "rates, sex or threshold computes every activity's load again.</p>\n"
	                "</section>\n");
	strbuf_release(&pace);
}

/* ---- the rest of the page ---- */

static void add_login(struct web_call *call, struct strbuf *sb)
{
	strbuf_adds(sb, "<section id=\"login\">\n<h2>Login</h2>\n");
	if (store_auth_has_password(&call->app->auth)) {
		strbuf_adds(sb, "<p>A password is set: other browsers log in with it. Change it, "
		                "or remove it, with <code>knead passwd</code> (or <code>knead "
		                "passwd --remove</code>) where knead runs; either logs every "
		                "browser out.</p>\n"
		                "<form id=\"logout-form\" method=\"post\" action=\"/logout\">\n");
		web_add_csrf_field(call, sb);
		strbuf_adds(sb, "<button type=\"submit\">Log out</button>\n</form>\n");
	} else {
		strbuf_adds(sb, "<p>No password is set: only this machine can open knead. To open "
		                "it from your phone or another computer, set one with <code>knead "
		                "passwd</code>, then serve on your network "
		                "(<code>knead serve --listen 0.0.0.0:8080</code>).</p>\n");
	}
	strbuf_adds(sb, "</section>\n");
}

/* Whether host (a Host header) is a name or address with a port and
 * nothing else: letters, digits, '.', '-', ':' and IPv6 brackets. */
static bool host_plausible(const char *host)
{
	if (!host || !*host || strlen(host) > 255) {
		return false;
	}
	for (const char *p = host; *p; p++) {
		if (!isalnum((unsigned char)*p) && !strchr(".-:[]", *p)) {
			return false;
		}
	}
	return true;
}

static void add_downloads(struct web_call *call, struct strbuf *sb)
{
	const char *base = call->app->base_url;
	char key[CSRF_HEX_LEN + 1];
	struct strbuf url = STRBUF_INIT;

	strbuf_adds(sb, "<section id=\"downloads\">\n<h2>Export and backup</h2>\n<ul>\n"
	                "<li><a id=\"export-json\" href=\"/export?format=json\">everything as "
	                "JSON</a></li>\n"
	                "<li><a id=\"export-ics\" href=\"/export?format=ics\">the plan, races "
	                "and appointments as a calendar file</a></li>\n"
	                "<li><a id=\"backup\" href=\"/backup\">a backup of the database</a> "
	                "(SQLite: use it with <code>knead --db FILE</code>)</li>\n</ul>\n"
	                "<form id=\"export-form\" method=\"get\" action=\"/export\">\n"
	                "<input type=\"hidden\" name=\"format\" value=\"csv\">\n"
	                "<p><label for=\"export-table\">A table as CSV</label>\n"
	                "<select id=\"export-table\" name=\"table\">\n");
	for (int t = 0; t < EXPORT_TABLE_COUNT; t++) {
		html_addf(sb, "<option>%s</option>\n", export_table_name((enum export_table)t));
	}
	strbuf_adds(sb, "</select>\n<button type=\"submit\">Download</button></p>\n</form>\n");
	/* the full address for a calendar app, which also has no cookie: the
	 * one this browser reached us at (on a phone, not 0.0.0.0) if it
	 * looks like a host name and port */
	if (host_plausible(call->req->host)) {
		strbuf_addf(&url, "http://%s/", call->req->host);
	} else {
		strbuf_adds(&url, base ? base : "/");
	}
	if (url.len && url.buf[url.len - 1] == '/') {
		strbuf_setlen(&url, url.len - 1);
	}
	strbuf_adds(&url, "/calendar.ics");
	if (store_auth_has_password(&call->app->auth)) {
		auth_calendar_key(call->app, key);
		strbuf_addf(&url, "?key=%s", key);
	}
	html_addf(sb,
	          "<p>Calendar: <a id=\"ics-link\" href=\"%s\">subscribe</a> to the plan, "
	          "races and appointments in your calendar app with this address:</p>\n"
	          "<p><code id=\"ics-url\">%s</code></p>\n",
	          url.buf, url.buf);
	if (store_auth_has_password(&call->app->auth)) {
		strbuf_adds(sb, "<p class=\"hint\">The address holds a key that opens the "
		                "calendar without the password; a new password changes "
		                "it.</p>\n");
	}
	strbuf_adds(sb, "</section>\n");
	strbuf_release(&url);
}

/* The value in force, marked when the runner's file changed it. */
static void add_rule(struct strbuf *sb, const struct rule *r, const struct rule *builtin)
{
	bool changed = builtin && builtin->enabled != r->enabled;

	html_addf(sb, "<tr><th scope=\"row\"><code>%s</code></th><td>%s", r->id, r->title);
	html_addf(sb, "<br><span class=\"hint\">%s</span></td>\n<td>", r->reason);
	if (!r->enabled) {
		html_addf(sb, "<span class=\"%s\">off</span> ", changed ? "overridden" : "");
	}
	for (size_t i = 0; i < r->n_params; i++) {
		const struct rule_param *p = &r->params[i];
		bool over = false;
		char value[32];

		for (size_t j = 0; builtin && j < builtin->n_params; j++) {
			if (!strcmp(builtin->params[j].key, p->key)) {
				over = builtin->params[j].value != p->value;
			}
		}
		snprintf(value, sizeof(value), "%g", p->value);
		if (over) {
			html_addf(sb, "<span class=\"overridden\">%s = %s (yours)</span><br>",
			          p->key, value);
		} else {
			html_addf(sb, "%s = %s<br>", p->key, value);
		}
	}
	strbuf_adds(sb, "</td></tr>\n");
}

static void add_rules(struct web_call *call, struct strbuf *sb)
{
	const struct rulebook *rb = &call->app->rules;
	struct rulebook builtin = RULEBOOK_INIT;
	struct strbuf text = STRBUF_INIT, origin = STRBUF_INIT, dir = STRBUF_INIT;
	struct err err = ERR_INIT;
	bool found = false;
	const char *path;

	if (rulebook_parse(&builtin, datafile_builtin("rules.ini", NULL), "built-in rules.ini",
	                   &err)) {
		rulebook_release(&builtin);
		builtin = (struct rulebook)RULEBOOK_INIT;
	}
	if (datafile_read_override("rules.ini", &text, &origin, &found, &err) || !found) {
		err_clear(&err);
		if (!xdg_config_dir(&dir, &err)) {
			strbuf_adds(&dir, "/rules.ini");
		}
	}
	path = found ? origin.buf : dir.buf;
	strbuf_adds(sb, "<section id=\"rules\">\n<h2>The advisor's rules</h2>\n");
	html_addf(sb,
	          "<p>Your overrides %s in <code id=\"rules-path\">%s</code>: a section per "
	          "rule, <code>key = value</code> to change a parameter, <code>enabled = "
	          "no</code> to switch a rule off. Values marked <span "
	          "class=\"overridden\">(yours)</span> are yours. Restart knead serve after "
	          "editing it.</p>\n",
	          found ? "are" : "would go", path);
	if (rb->warnings.len) {
		strbuf_adds(sb, "<p>Lines of your file that were refused:</p>\n<ul "
		                "class=\"warnings\">\n");
		for (const char *line = rb->warnings.buf, *end; *line; line = end + 1) {
			end = strchr(line, '\n');
			if (!end) {
				end = line + strlen(line) - 1;
			}
			strbuf_adds(sb, "<li>");
			{
				struct strbuf one = STRBUF_INIT;

				strbuf_add(&one, line,
				           (size_t)(end - line) + (*end == '\n' ? 0 : 1));
				html_escape(sb, one.buf);
				strbuf_release(&one);
			}
			strbuf_adds(sb, "</li>\n");
			if (!end[1]) {
				break;
			}
		}
		strbuf_adds(sb, "</ul>\n");
	}
	strbuf_adds(sb, "<div class=\"scroll\"><table class=\"rules\">\n<thead><tr><th "
	                "scope=\"col\">Rule</th><th scope=\"col\">What and why</th><th "
	                "scope=\"col\">Parameters</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < rb->n_rules; i++) {
		const struct rule *b = NULL;

		for (size_t j = 0; j < builtin.n_rules; j++) {
			if (!strcmp(builtin.rules[j].id, rb->rules[i].id)) {
				b = &builtin.rules[j];
			}
		}
		add_rule(sb, &rb->rules[i], b);
	}
	strbuf_adds(sb, "</tbody>\n</table></div>\n</section>\n");
	rulebook_release(&builtin);
	strbuf_release(&text);
	strbuf_release(&origin);
	strbuf_release(&dir);
}

enum err_code web_page_settings(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct strbuf *sb = &resp->body;
	const char *saved = web_param(call->req, "saved");
	struct web_view v;

	if (web_view_open(call->app, STORE_READ, &v, err)) {
		web_view_close(&v);
		return err->code;
	}
	html_page_begin(sb, "Settings", HTML_NAV_SETTINGS);
	if (saved && !strcmp(saved, "profile")) {
		strbuf_adds(sb, "<p class=\"notice\" role=\"status\">The profile is saved.</p>\n");
	}
	add_profile(call, sb, &v.profile);
	add_login(call, sb);
	add_downloads(call, sb);
	add_rules(call, sb);
	html_page_end(sb);
	web_view_close(&v);
	return ERR_OK;
}
