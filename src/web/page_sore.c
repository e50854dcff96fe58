/*
 * page_sore.c: POST /sore, a check-in of how a body region feels, as
 * `knead sore REGION[:SIDE] LEVEL [--tight|--pain] [--note TEXT]` does
 * it: the region read through the runner's catalogue, the level 0..10,
 * stored for today in one transaction (a second check-in of the day for
 * the region updates it). Then back (303) to the page the form names, the
 * Today page by default.
 *
 * Fields: region ("hamstring:right"), level, measure (soreness |
 * tightness | pain, default soreness), note (optional), back (optional:
 * a path on this site to return to, "/body/region?region=neck").
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "core/body.h"
#include "store/store_body.h"
#include "web/html.h"
#include "web/routes.h"

static enum err_code parse_measure(const char *text, enum measure *m, struct err *err)
{
	for (int i = 0; i < MEASURE_COUNT; i++) {
		if (!strcmp(text, measure_name((enum measure)i))) {
			*m = (enum measure)i;
			return ERR_OK;
		}
	}
	return err_set(err, ERR_INPUT, "measure: '%s' is not soreness, tightness or pain", text);
}

/* The page to go back to: a local path ("/..." but not "//...", which a
 * browser reads as another host, nor a backslash, which some read as a
 * slash), printable ASCII only so that it cannot break the header.
 * Anything else is refused rather than followed: an open redirect would
 * let another site send the runner anywhere through a form of ours. */
static enum err_code parse_back(const char *back, const char **out, struct err *err)
{
	*out = "/";
	if (!back || !*back) {
		return ERR_OK;
	}
	if (back[0] != '/' || back[1] == '/' || back[1] == '\\') {
		return err_set(err, ERR_INPUT, "back: only a path on this site is allowed");
	}
	for (const char *p = back; *p; p++) {
		if (*p <= ' ' || *p > '~' || *p == '\\') {
			return err_set(err, ERR_INPUT, "back: only a path on this site is allowed");
		}
	}
	*out = back;
	return ERR_OK;
}

/* The check-in the form describes, for today, into *c. */
static enum err_code parse_form(struct web_call *call, int32_t today, struct checkin *c,
                                struct err *err)
{
	const char *region = web_param(call->req, "region"), *level = web_param(call->req, "level");
	const char *measure = web_param(call->req, "measure"), *note = web_param(call->req, "note");
	enum measure m = MEASURE_SORENESS;
	struct region_ref ref;
	int n;

	if (!region || !*region || !level || !*level) {
		return err_set(err, ERR_INPUT, "give a region and a level");
	}
	if (region_ref_parse(&call->app->regions, region, true, &ref, err) ||
	    level_parse(level, &n, err)) {
		return err->code;
	}
	if (measure && *measure && parse_measure(measure, &m, err)) {
		return err->code;
	}
	c->athlete_id = ATHLETE_DEFAULT;
	c->day = today;
	memcpy(c->region, ref.region->code, sizeof(c->region));
	c->side = ref.side;
	c->level[m] = n;
	if (note && *note) {
		c->note = xstrdup(note);
	}
	return checkin_validate(c, err);
}

enum err_code web_post_sore(struct web_call *call, struct web_response *resp, struct err *err)
{
	struct web_view v;
	struct checkin c;
	bool merged = false;
	const char *back;
	enum err_code rc;

	checkin_init(&c);
	if (parse_back(web_param(call->req, "back"), &back, err)) {
		return err->code;
	}
	rc = web_view_open(call->app, STORE_WRITE, &v, err);
	if (!rc) {
		rc = parse_form(call, v.today, &c, err);
	}
	if (!rc) {
		rc = store_begin(v.store, err);
		if (!rc) {
			if (store_regions_sync(v.store, &call->app->regions, err) ||
			    store_checkin_put(v.store, &c, &merged, err)) {
				store_rollback(v.store);
				rc = err->code;
			} else {
				rc = store_commit(v.store, err);
			}
		}
	}
	checkin_release(&c);
	web_view_close(&v);
	if (rc) {
		return rc;
	}
	resp->status = 303;
	web_response_header(resp, "Location", back);
	html_addf(&resp->body, "<p>Checked in: <a href=\"%s\">back</a>.</p>\n", back);
	return ERR_OK;
}
