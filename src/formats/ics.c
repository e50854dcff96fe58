/*
 * ics.c: the runner's calendar as iCalendar (see ics.h).
 *
 * libical builds the components and writes them: it owns the escaping of
 * text values and the folding of long lines, which are the parts of RFC
 * 5545 that hand-written calendars get wrong.
 */
#include "formats/ics.h"

#include <libical/ical.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/xalloc.h"

#define ICS_PRODID "-//knead//knead " KNEAD_VERSION "//EN"

/* Appointments have no length in knead: they show as an hour. */
#define ICS_APPOINTMENT_S 3600

struct ics_calendar {
	icalcomponent *vcal;
	struct icaltimetype stamp; /* DTSTAMP of every event */
	enum units units;
	int n_events;
};

struct ics_calendar *ics_new(int64_t now_utc, enum units units)
{
	struct ics_calendar *cal = xcalloc(1, sizeof(*cal));
	icalproperty *name;

	cal->vcal = icalcomponent_new_vcalendar();
	cal->stamp =
	        icaltime_from_timet_with_zone((time_t)now_utc, 0, icaltimezone_get_utc_timezone());
	cal->units = units;
	icalcomponent_add_property(cal->vcal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal->vcal, icalproperty_new_prodid(ICS_PRODID));
	icalcomponent_add_property(cal->vcal, icalproperty_new_calscale("GREGORIAN"));
	/* the name calendar apps give a subscribed or imported calendar */
	name = icalproperty_new_x("knead");
	icalproperty_set_x_name(name, "X-WR-CALNAME");
	icalcomponent_add_property(cal->vcal, name);
	return cal;
}

void ics_free(struct ics_calendar *cal)
{
	if (cal) {
		icalcomponent_free(cal->vcal);
		free(cal);
	}
}

int ics_count(const struct ics_calendar *cal)
{
	return cal->n_events;
}

static struct icaltimetype ical_date(int32_t day)
{
	struct icaltimetype t = icaltime_null_date();
	struct civil c = date_to_civil(day);

	t.year = c.year;
	t.month = c.month;
	t.day = c.day;
	return t;
}

/* A new VEVENT with its UID, stamp and summary, added to the calendar. */
static icalcomponent *new_event(struct ics_calendar *cal, const char *kind, int64_t id,
                                const char *summary)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	struct strbuf uid = STRBUF_INIT;

	strbuf_addf(&uid, "%s-%lld@knead", kind, (long long)id);
	icalcomponent_add_property(ev, icalproperty_new_uid(uid.buf));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(cal->stamp));
	icalcomponent_add_property(ev, icalproperty_new_summary(summary));
	icalcomponent_add_component(cal->vcal, ev);
	cal->n_events++;
	strbuf_release(&uid);
	return ev;
}

/* An all-day event is from its day to the next, exclusive (RFC 5545
 * 3.6.1), and does not make the runner look busy. */
static void set_all_day(icalcomponent *ev, int32_t day)
{
	icalcomponent_add_property(ev, icalproperty_new_dtstart(ical_date(day)));
	icalcomponent_add_property(ev, icalproperty_new_dtend(ical_date(day + 1)));
	icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
}

static void add_text(icalcomponent *ev, const char *description, const char *category)
{
	if (description && *description) {
		icalcomponent_add_property(ev, icalproperty_new_description(description));
	}
	icalcomponent_add_property(ev, icalproperty_new_categories(category));
}

static const char *workout_title(enum workout_kind k)
{
	switch (k) {
	case WORKOUT_REST:
		return "Rest";
	case WORKOUT_EASY:
		return "Easy run";
	case WORKOUT_LONG:
		return "Long run";
	case WORKOUT_TEMPO:
		return "Tempo run";
	case WORKOUT_INTERVALS:
		return "Intervals";
	case WORKOUT_RACE:
		return "Race";
	case WORKOUT_CROSS:
		return "Cross-training";
	case WORKOUT_STRENGTH:
		return "Strength";
	case WORKOUT_KIND_COUNT:
		break;
	}
	return "Workout";
}

void ics_add_workout(struct ics_calendar *cal, const struct plan *p, const struct workout *w)
{
	struct strbuf summary = STRBUF_INIT;
	bool by_time = p->by == PLAN_BY_TIME;
	icalcomponent *ev;

	if (w->kind == WORKOUT_REST || w->kind == WORKOUT_RACE) {
		return;
	}
	strbuf_adds(&summary, workout_title(w->kind));
	/* the plan's measure first; the other when it is the only one */
	if ((by_time || !isfinite(w->target_m)) && isfinite(w->target_s)) {
		strbuf_addf(&summary, " %.0f min", w->target_s / 60);
	} else if (isfinite(w->target_m)) {
		strbuf_addch(&summary, ' ');
		units_add_distance(&summary, w->target_m, cal->units);
	}
	ev = new_event(cal, "workout", w->id, summary.buf);
	set_all_day(ev, w->date);
	add_text(ev, w->description, "Training");
	strbuf_release(&summary);
}

void ics_add_race(struct ics_calendar *cal, const struct race *r)
{
	struct strbuf sb = STRBUF_INIT;
	const char *terrain = race_terrain_name(r->terrain);
	icalcomponent *ev;

	strbuf_addf(&sb, "Race: %s", r->name);
	ev = new_event(cal, "race", r->id, sb.buf);
	set_all_day(ev, r->date);
	strbuf_reset(&sb);
	units_add_distance(&sb, r->distance_m, cal->units);
	strbuf_addf(&sb, ", priority %s", race_priority_name(r->priority));
	if (*terrain) {
		strbuf_addf(&sb, ", %s", terrain);
	}
	strbuf_addf(&sb, ", %s", race_status_name(r->status));
	if (isfinite(r->goal_s)) {
		strbuf_adds(&sb, "; goal ");
		units_add_duration(&sb, r->goal_s);
	}
	if (isfinite(r->result_s)) {
		strbuf_adds(&sb, "; result ");
		units_add_duration(&sb, r->result_s);
	}
	if (r->note) {
		strbuf_addf(&sb, "\n%s", r->note);
	}
	add_text(ev, sb.buf, "Race");
	if (r->status == RACE_DNS) {
		icalcomponent_add_property(ev, icalproperty_new_status(ICAL_STATUS_CANCELLED));
	}
	strbuf_release(&sb);
}

void ics_add_appointment(struct ics_calendar *cal, const struct appointment *a)
{
	struct strbuf sb = STRBUF_INIT;
	enum icalproperty_status status = ICAL_STATUS_CONFIRMED;
	icalcomponent *ev;

	/* "deep-tissue massage" starts a sentence here */
	strbuf_adds(&sb, modality_describe(a->modality));
	if (sb.len && sb.buf[0] >= 'a' && sb.buf[0] <= 'z') {
		sb.buf[0] = (char)(sb.buf[0] - 'a' + 'A');
	}
	if (a->provider_name && *a->provider_name) {
		strbuf_addf(&sb, " with %s", a->provider_name);
	}
	ev = new_event(cal, "appointment", a->id, sb.buf);
	if (a->start_utc == INT64_MIN) {
		set_all_day(ev, a->day);
	} else {
		icaltimezone *utc = icaltimezone_get_utc_timezone();

		icalcomponent_add_property(
		        ev, icalproperty_new_dtstart(
		                    icaltime_from_timet_with_zone((time_t)a->start_utc, 0, utc)));
		icalcomponent_add_property(
		        ev, icalproperty_new_dtend(icaltime_from_timet_with_zone(
		                    (time_t)(a->start_utc + ICS_APPOINTMENT_S), 0, utc)));
	}
	strbuf_reset(&sb);
	if (a->note) {
		strbuf_adds(&sb, a->note);
	}
	if (a->cost_cents >= 0) {
		strbuf_adds(&sb, sb.len ? "\nexpected cost " : "expected cost ");
		units_add_money(&sb, a->cost_cents, a->currency);
	}
	if (a->rule) {
		strbuf_addf(&sb, "%sknead rule %s", sb.len ? "\n" : "", a->rule);
	}
	add_text(ev, sb.buf, "Recovery");
	if (a->status == APPOINTMENT_SUGGESTED) {
		status = ICAL_STATUS_TENTATIVE;
	} else if (a->status == APPOINTMENT_CANCELLED) {
		status = ICAL_STATUS_CANCELLED;
	}
	icalcomponent_add_property(ev, icalproperty_new_status(status));
	strbuf_release(&sb);
}

enum err_code ics_finish(struct ics_calendar *cal, struct strbuf *out, struct err *err)
{
	char *text;

	icalerror_clear_errno();
	text = icalcomponent_as_ical_string_r(cal->vcal);
	if (!text || icalerrno != ICAL_NO_ERROR) {
		enum err_code rc = err_set(err, ERR_FORMAT, "cannot write the calendar: %s",
		                           icalerror_strerror(icalerrno));

		icalmemory_free_buffer(text);
		return rc;
	}
	strbuf_adds(out, text);
	icalmemory_free_buffer(text);
	return ERR_OK;
}
