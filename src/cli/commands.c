/*
 * commands.c: the table of commands, their synopses, help and options.
 *
 * Both tables and every option table are sorted by name: lookups accept a
 * unique prefix, and tests/cli checks each synopsis against the man page.
 */
#include "cli/cli.h"

/* Options shared by log and edit, spelled once. */
#define OPT_AT                                                                                     \
	{                                                                                          \
		"at", 0, "TIME", "start time in the local zone: 20:30, 8:30pm, 6am"                \
	}
#define OPT_DATE                                                                                   \
	{                                                                                          \
		"date", 'd', "DATE", "the day: 2026-11-21, today, yesterday, sat, last sat, -3d"   \
	}
#define OPT_DISTANCE                                                                               \
	{                                                                                          \
		"distance", 0, "DIST", "distance (as a positional argument; 'none' clears)"        \
	}
#define OPT_DURATION                                                                               \
	{                                                                                          \
		"duration", 0, "TIME", "elapsed time (as a positional argument; 'none' clears)"    \
	}
#define OPT_GEAR                                                                                   \
	{                                                                                          \
		"gear", 'g', "GEAR", "gear used: a name, its start or its id ('none' clears)"      \
	}
#define OPT_HR                                                                                     \
	{                                                                                          \
		"hr", 0, "BPM", "average heart rate, 25 to 250"                                    \
	}
#define OPT_HR_MAX                                                                                 \
	{                                                                                          \
		"hr-max", 0, "BPM", "maximum heart rate, 25 to 250"                                \
	}
#define OPT_NAME                                                                                   \
	{                                                                                          \
		"name", 0, "TEXT", "a title for the activity"                                      \
	}
#define OPT_NOTE                                                                                   \
	{                                                                                          \
		"note", 'n', "TEXT", "a note, e.g. \"3 runs with Lilly\""                          \
	}
#define OPT_RPE                                                                                    \
	{                                                                                          \
		"rpe", 'r', "N", "perceived effort, 1 (very easy) to 10 (maximal)"                 \
	}
#define OPT_TREADMILL                                                                              \
	{                                                                                          \
		"treadmill", 't', NULL, "done on a treadmill (run, walk or hike)"                  \
	}
#define OPT_END                                                                                    \
	{                                                                                          \
		NULL, 0, NULL, NULL                                                                \
	}

static const struct cli_option log_options[] = {
	OPT_AT,     OPT_DATE, OPT_DISTANCE, OPT_DURATION, OPT_GEAR,      OPT_HR,
	OPT_HR_MAX, OPT_NAME, OPT_NOTE,     OPT_RPE,      OPT_TREADMILL, OPT_END,
};

static const struct cli_option edit_options[] = {
	OPT_AT,        OPT_DATE,
	OPT_DISTANCE,  OPT_DURATION,
	OPT_GEAR,      OPT_HR,
	OPT_HR_MAX,    OPT_NAME,
	OPT_NOTE,      { "outdoor", 0, NULL, "not on a treadmill after all" },
	OPT_RPE,       { "sport", 's', "SPORT", "change the sport" },
	OPT_TREADMILL, OPT_END,
};

static const struct cli_option list_options[] = {
	{ "from", 0, "DATE", "first day to list" },
	{ "gear", 'g', "GEAR", "only activities with this gear" },
	{ "last", 0, "N", "only the latest N activities" },
	{ "sport", 's', "SPORT,...", "only these sports, e.g. run,trail" },
	{ "to", 0, "DATE", "last day to list" },
	OPT_END,
};

static const struct cli_option init_options[] = {
	{ "born", 0, "YEAR", "year of birth" },
	{ "budget", 0, "MONEY", "monthly recovery budget, e.g. 80 ('none' clears)" },
	{ "currency", 0, "CODE", "currency for recovery costs: USD, EUR, CAD, ..." },
	{ "max-hr", 0, "BPM", "measured maximum heart rate" },
	{ "name", 0, "NAME", "your name" },
	{ "rest-hr", 0, "BPM", "resting heart rate" },
	{ "sex", 0, "f|m", "for heart-rate load weighting" },
	{ "threshold", 0, "PACE", "threshold pace, e.g. 4:50/km or 7:45/mi" },
	{ "tz", 0, "ZONE", "IANA time zone, e.g. America/Toronto ('' for the system's)" },
	{ "units", 'u', "km|mi", "display units" },
	OPT_END,
};

static const struct cli_option gear_add_options[] = {
	{ "kind", 'k', "KIND", "shoes (the default), bike or other" },
	{ "limit", 'l', "DIST", "distance after which to replace it, e.g. 700km ('none' clears)" },
	{ "note", 'n', "TEXT", "a note" },
	{ "since", 0, "DATE", "first day in use" },
	OPT_END,
};

static const struct cli_option gear_retire_options[] = {
	{ "date", 'd', "DATE", "the day it was retired (default today)" },
	OPT_END,
};

#define OPT_FROM                                                                                   \
	{                                                                                          \
		"from", 0, "DATE", "first day to show"                                             \
	}
#define OPT_TO                                                                                     \
	{                                                                                          \
		"to", 0, "DATE", "last day to show"                                                \
	}

static const struct cli_option passwd_options[] = {
	{ "remove", 0, NULL, "remove the password: knead serve is for this machine only again" },
	OPT_END,
};

static const struct cli_option regions_options[] = {
	{ "raw", 0, NULL, "print the regions.ini in use, to copy and edit" },
	OPT_END,
};

static const struct cli_option serve_options[] = {
	{ "listen", 0, "ADDR:PORT", "where to listen (default 127.0.0.1:8080)" },
	OPT_END,
};

static const struct cli_option sore_options[] = {
	{ "date", 'd', "DATE", "the day (default today)" },
	OPT_FROM,
	{ "note", 'n', "TEXT", "a note, e.g. \"after the long run\"" },
	{ "pain", 'p', NULL, "the level is pain" },
	{ "tight", 't', NULL, "the level is tightness" },
	OPT_TO,
	OPT_END,
};

static const struct cli_option wellness_options[] = {
	{ "date", 'd', "DATE", "the day (default today)" },
	{ "fatigue", 0, "N", "how tired, 0 (fresh) to 10 (exhausted)" },
	OPT_FROM,
	{ "hrv", 0, "MS", "heart-rate variability (rMSSD) in ms" },
	{ "mood", 0, "N", "mood, 0 (low) to 10 (great)" },
	{ "note", 'n', "TEXT", "a note" },
	{ "rhr", 0, "BPM", "morning resting heart rate" },
	{ "sleep", 0, "HOURS", "last night's sleep: 7.5, 7h30, 7:30" },
	{ "stress", 0, "N", "stress, 0 (calm) to 10 (overwhelmed)" },
	OPT_TO,
	{ "weight", 0, "KG", "body weight: 61.5, 61.5kg, 135lb" },
	OPT_END,
};

static const struct cli_option injury_add_options[] = {
	{ "cause", 'c', "TEXT", "what you suspect caused it" },
	{ "diagnosis", 0, "TEXT", "a clinician's diagnosis" },
	{ "note", 'n', "TEXT", "a note" },
	{ "since", 0, "DATE", "the day it started (default today)" },
	{ "status", 0, "STATUS", "active (the default) or recovering" },
	OPT_END,
};

static const struct cli_option injury_edit_options[] = {
	{ "cause", 'c', "TEXT", "what you suspect caused it ('' clears)" },
	{ "diagnosis", 0, "TEXT", "a clinician's diagnosis ('' clears)" },
	{ "note", 'n', "TEXT", "a note ('' clears)" },
	{ "since", 0, "DATE", "the day it started" },
	{ "status", 0, "STATUS", "active or recovering (resolve it with 'injury resolve')" },
	OPT_END,
};

static const struct cli_option injury_list_options[] = {
	{ "all", 'a', NULL, "resolved injuries too" },
	OPT_END,
};

static const struct cli_option injury_resolve_options[] = {
	{ "date", 'd', "DATE", "the day it was over (default today)" },
	OPT_END,
};

static const struct cli_option recover_options[] = {
	{ "at", 0, "TIME", "start time in the local zone" },
	{ "cost", 'c', "MONEY", "what you paid, e.g. 90 or 89.99" },
	{ "date", 'd', "DATE", "the day (default today)" },
	{ "found", 'f', "REGION=FINDING,...",
	  "what the therapist found: adductors:right=very tight" },
	OPT_FROM,
	{ "note", 'n', "TEXT", "a note" },
	{ "pain", 'p', "N", "pain during, 0 to 10" },
	{ "relief", 'r', "N", "relief after, 0 (none) to 10 (complete)" },
	OPT_TO,
	{ "with", 'w', "PROVIDER", "who gave it: a provider's name, its start or id" },
	OPT_END,
};

static const struct cli_option provider_add_options[] = {
	{ "kind", 'k', "KIND", "massage, chiro, physio or clinic" },
	{ "membership", 'm', "FEE/month:N", "a monthly fee including N sessions, e.g. 70/month:1" },
	{ "note", 'n', "TEXT", "a note" },
	{ "price", 'p', "MONEY", "pay-per-visit price" },
	{ "since", 0, "DATE", "the day the membership started (default today)" },
	OPT_END,
};

static const struct cli_option provider_edit_options[] = {
	{ "end", 0, "DATE", "the last day of the current membership" },
	{ "kind", 'k', "KIND", "massage, chiro, physio or clinic" },
	{ "membership", 'm', "FEE/month:N",
	  "a new membership from --since (ends the current one)" },
	{ "name", 0, "NAME", "a new name" },
	{ "note", 'n', "TEXT", "a note ('' clears)" },
	{ "price", 'p', "MONEY", "pay-per-visit price ('none' clears)" },
	{ "since", 0, "DATE", "the day the new membership starts (default today)" },
	OPT_END,
};

static const struct cli_option spend_options[] = {
	{ "from", 0, "DATE", "first day (default: the first cost recorded)" },
	{ "to", 0, "DATE", "last day (default today)" },
	OPT_END,
};

static const struct cli_option no_options[] = { OPT_END };

/* ---- training (issue 5): load, chart, race, predict, plan ---- */

static const struct cli_option load_options[] = {
	{ "from", 0, "DATE", "first day to show (default: 6 weeks, or 16 weeks with --weekly)" },
	{ "to", 0, "DATE", "last day to show (default today)" },
	{ "weekly", 'w', NULL, "one row per week (Monday to Sunday) instead of per day" },
	OPT_END,
};

static const struct cli_option chart_options[] = {
	{ "activity", 'a', "ID", "the activity whose pace, hr or elevation to draw" },
	{ "from", 0, "DATE", "first day to draw (default: 26 weeks before --to)" },
	{ "output", 'o', "FILE", "where to write: FILE.png, FILE.svg or FILE.pdf" },
	{ "to", 0, "DATE", "last day to draw (default today)" },
	OPT_END,
};

static const struct cli_option race_add_options[] = {
	{ "goal", 0, "TIME", "goal time, e.g. 1:45:00" },
	{ "note", 'n', "TEXT", "a note" },
	{ "priority", 'p', "A|B|C", "A: the goal race; B: a serious one; C: a training race" },
	{ "status", 's', "STATUS", "considering, registered (the default), done, dns, dnf" },
	{ "terrain", 0, "TERRAIN", "flat, rolling, hilly, net-downhill or trail" },
	OPT_END,
};

static const struct cli_option race_list_options[] = {
	{ "from", 0, "DATE", "first race day to list (default: the first race)" },
	{ "to", 0, "DATE", "last race day to list (default: the last race)" },
	OPT_END,
};

static const struct cli_option race_result_options[] = {
	{ "activity", 'a', "ID",
	  "the activity that was the race (default: the run on the day closest in distance)" },
	OPT_END,
};

static const struct cli_option predict_options[] = {
	{ "weeks", 'w', "N", "look for efforts in the last N weeks, 1 to 520 (default 12)" },
	OPT_END,
};

static const struct cli_option plan_new_options[] = {
	{ "by", 0, "time|distance", "workouts in minutes (the default) or in distance" },
	{ "days", 'd', "N", "running days a week, 3 to 7 (default: the template's)" },
	{ "template", 't', "NAME", "5k, 10k, half or marathon (default: nearest the race)" },
	{ "weeks", 'w', "N", "length of the plan in weeks (default: the template's)" },
	OPT_END,
};

static const struct cli_option plan_show_options[] = {
	{ "race", 'r', "RACE", "that race's plan (default: the next race's)" },
	{ "week", 'w', "DATE", "the week holding this day (default this week)" },
	OPT_END,
};

/* ---- the advisor (issue 6): today, week, advise, effects, export, demo ---- */

#define OPT_ASOF                                                                                   \
	{                                                                                          \
		"date", 'd', "DATE", "answer as of this day (default today)"                       \
	}

static const struct cli_option today_options[] = {
	OPT_ASOF,
	{ "why", 0, NULL, "show the facts and the source behind each piece of advice" },
	OPT_END,
};

static const struct cli_option week_options[] = {
	OPT_ASOF,
	{ "why", 0, NULL, "show the facts and the source behind each piece of advice" },
	OPT_END,
};

static const struct cli_option advise_massage_options[] = {
	{ "book", 'b', NULL, "keep the suggestions as appointments" },
	OPT_ASOF,
	{ "weeks", 'w', "N", "how many weeks ahead (default 6, at most 25)" },
	{ "why", 0, NULL, "show the facts and the source behind each suggestion" },
	OPT_END,
};

static const struct cli_option advise_race_options[] = {
	OPT_ASOF,
	{ "why", 0, NULL, "show the facts and the source behind each piece of advice" },
	OPT_END,
};

static const struct cli_option effects_options[] = {
	OPT_ASOF,
	OPT_END,
};

static const struct cli_option export_options[] = {
	{ "output", 'o', "FILE", "write to FILE instead of standard output" },
	{ "table", 0, "NAME", "the table 'export csv' writes (default activities)" },
	OPT_END,
};

static const struct cli_command advise_commands[] = {
	{ "massage", cmd_advise_massage, "[--weeks N] [--book] [--date DATE] [--why]",
	  "when to book which massage",
	  "Suggest dated massages for the weeks ahead: which kind (deep tissue,\n"
	  "ART, sports, Swedish, or self-massage with a roller, stick or ball),\n"
	  "why (the rule and its reason) and with whom, around your races, the\n"
	  "hard days of your plan and log, your memberships and your monthly\n"
	  "budget ('knead init --budget'):\n"
	  "\n"
	  "  massage-post-race        deep tissue 3 to 5 days after a half or longer\n"
	  "  massage-pre-race-deep    deep work 5 to 15 days before an A race\n"
	  "  massage-pre-race-light   a Swedish massage 1 to 3 days before a race\n"
	  "  maintenance-cadence      one every 4 weeks in a training block\n"
	  "  budget                   self-massage when a paid one would pass the budget\n"
	  "\n"
	  "No deep work within a day of a hard day; an easy day after it. A\n"
	  "therapist with a membership session left that month comes first,\n"
	  "else the cheapest. The windows and thresholds are knead's rules.ini;\n"
	  "$XDG_CONFIG_HOME/knead/rules.ini may change any of them.\n"
	  "\n"
	  "--book keeps the new suggestions as booked appointments (one\n"
	  "transaction); they count the next time, and 'knead recover' on their\n"
	  "day marks them done.",
	  advise_massage_options, NULL, 0, 0 },
	{ "race", cmd_advise_race, "RACE [--date DATE] [--why]",
	  "readiness before a race, recovery after it",
	  "Before a race (by id or name), weigh your readiness: plan compliance over\n"
	  "the last 4 weeks, the longest run of the last 6 against what the distance\n"
	  "needs, fitness now against 4 weeks ago and the load ratio, and active\n"
	  "injuries; then recommend registering, waiting a week to decide, or the\n"
	  "shorter race. After it (its day is past, or it is done), give a dated\n"
	  "recovery timeline by distance: days without running, cross-training, the\n"
	  "deep-tissue massage window, the first easy runs, the reverse taper back\n"
	  "to your volume, and when to see a clinician if pain is not better.\n"
	  "\n"
	  "Each line names its rule (data/rules.ini) and days; --why adds the facts\n"
	  "used and each rule's reason and source. Not medical advice.",
	  advise_race_options, NULL, 1, 1 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 },
};

static const struct cli_command race_commands[] = {
	{ "add", cmd_race_add,
	  "NAME DATE DISTANCE [--priority A|B|C] [--terrain TERRAIN] [--status STATUS] "
	  "[--goal TIME] [--note TEXT]",
	  "add a race",
	  "Add a race you are considering, are registered for, or have run:\n"
	  "\n"
	  "  knead race add \"Phoenix Marathon\" 2027-02-27 marathon --priority A \\\n"
	  "      --terrain net-downhill --goal 3:45:00\n"
	  "  knead race add \"Turkey Trot\" 2026-11-26 5k --priority C --status considering\n"
	  "  knead race add \"Bay Half\" 2026-10-18 13.1mi --status done\n"
	  "\n"
	  "DISTANCE is 5k, 10k, half, marathon, 13.1mi, 8km... Priority: A, the\n"
	  "race the season builds to; B (the default), a serious effort inside it;\n"
	  "C, a training race. Terrain: flat, rolling, hilly, net-downhill or\n"
	  "trail. Status: considering, registered (the default), done, dns (did\n"
	  "not start) or dnf (did not finish); done, dns and dnf only once the\n"
	  "day has come. Goal times faster than anyone has run the distance, or\n"
	  "slower than walking it, are refused as typos.",
	  race_add_options, NULL, 3, 3 },
	{ "list", cmd_race_list, "[--from DATE] [--to DATE]", "list races",
	  "List races by day with their distance, priority, terrain, status, goal,\n"
	  "result and the activity that was the race; upcoming races show the\n"
	  "days to go, and \"passed\" once their day has gone by without a result:\n"
	  "\n"
	  "  knead race list\n"
	  "  knead race list --from today --json",
	  race_list_options, NULL, 0, 0 },
	{ "result", cmd_race_result, "RACE TIME [--activity ID]", "record a race's result",
	  "Record the finishing time of a race and mark it done:\n"
	  "\n"
	  "  knead race result \"Bay Half\" 1:45:10\n"
	  "  knead race result 3 41:12 --activity 212\n"
	  "\n"
	  "RACE is a race's id, its name or the start of its name. The activity\n"
	  "that was the race is linked: the one given with --activity (on foot,\n"
	  "within a day of the race), the one already linked, or else the run on\n"
	  "the race's day whose distance is closest to the race's; the result\n"
	  "says which, or that none was found. A race still ahead has no result,\n"
	  "and a time faster than anyone has run the distance is refused.\n"
	  "'knead predict' prefers race results to training runs.",
	  race_result_options, NULL, 2, 2 },
	{ "status", cmd_race_status, "RACE STATUS", "change a race's status",
	  "Set a race's status: considering, registered, done, dns (did not\n"
	  "start) or dnf (did not finish), or a unique start of one:\n"
	  "\n"
	  "  knead race status \"Turkey Trot\" registered\n"
	  "  knead race status phoenix dnf\n"
	  "\n"
	  "Done, dns and dnf need the race's day to have come. A race that is no\n"
	  "longer done loses its result time, and one that is neither done nor\n"
	  "dnf its activity; the output says what was dropped.",
	  no_options, NULL, 2, 2 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 },
};

static const struct cli_command plan_commands[] = {
	{ "list", cmd_plan_list, "", "list plans",
	  "List the plans with their race, length and first day; the current one\n"
	  "(the next race's) is marked.",
	  no_options, NULL, 0, 0 },
	{ "new", cmd_plan_new, "RACE [--by time|distance] [--weeks N] [--days N] [--template NAME]",
	  "build a plan back from a race",
	  "Build a training plan that ends with the race on its day:\n"
	  "\n"
	  "  knead race add \"Riverside Half\" 2027-03-21 half\n"
	  "  knead plan new \"Riverside Half\" --weeks 16 --days 4\n"
	  "\n"
	  "The plan has whole weeks (Monday to Sunday) of base, build, peak and\n"
	  "taper from a template in data/plans/ (5k, 10k, half, marathon: the one\n"
	  "nearest the race's distance unless --template says). The long run is on\n"
	  "the race's weekday and peaks two or three weeks before it; a cutback week\n"
	  "comes every third or fourth week. Workouts are in minutes, as many runners\n"
	  "now train, or with --by distance in kilometres or miles. Week 1 starts near\n"
	  "your weekly running of the last 4 weeks, or at the template's beginner\n"
	  "level if you logged none. Without --weeks the plan starts next Monday and\n"
	  "has the template's length, or fewer weeks if the race is nearer. A new\n"
	  "plan for a race replaces its old one. To change a template, copy it to\n"
	  "~/.config/knead/plans/ and edit it.",
	  plan_new_options, NULL, 1, 1 },
	{ "rm", cmd_plan_rm, "RACE", "delete a race's plan",
	  "Delete the plan of a race (the race and your activities stay).", no_options, NULL, 1,
	  1 },
	{ "show", cmd_plan_show, "[--week DATE] [--race RACE]",
	  "show a week of the plan against what was done",
	  "Show a week (Monday to Sunday) of the current plan, each workout matched\n"
	  "to what you logged:\n"
	  "\n"
	  "  knead plan show --week 2027-01-25\n"
	  "\n"
	  "The current plan is the one whose race is the first on or after the week's\n"
	  "Monday, else the latest one. A workout is done when the runs of its day\n"
	  "reach 80% of its target, partial below that, moved when it was done up to\n"
	  "2 days away on a day without a workout of its own, missed when its day is\n"
	  "past, upcoming otherwise. Compliance counts the workouts due so far.\n"
	  "Nothing about what was done is stored: edit the log and the plan follows.",
	  plan_show_options, NULL, 0, 0 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 },
};

static const struct cli_command injury_commands[] = {
	{ "add", cmd_injury_add,
	  "REGION[:SIDE] [--since DATE] [--cause TEXT] [--diagnosis TEXT] [--status STATUS] "
	  "[--note TEXT]",
	  "start an injury",
	  "Record an injury: a region and side with the day it started, what you\n"
	  "suspect caused it and, once a clinician has seen it, the diagnosis:\n"
	  "\n"
	  "  knead injury add hamstring:right --since -3d \\\n"
	  "      --cause \"weak glutes, hamstring over-compensating\"\n"
	  "\n"
	  "Its trend comes from your check-ins ('knead sore') on that region.",
	  injury_add_options, NULL, 1, 1 },
	{ "edit", cmd_injury_edit,
	  "ID [--since DATE] [--cause TEXT] [--diagnosis TEXT] [--status STATUS] [--note TEXT]",
	  "change an injury", "Change an injury's onset, cause, diagnosis, status or note.",
	  injury_edit_options, NULL, 1, 1 },
	{ "list", cmd_injury_list, "[--all]", "list injuries with their trend",
	  "List the open injuries (with --all, the resolved ones too) with their\n"
	  "days since onset, latest level and trend.",
	  injury_list_options, NULL, 0, 0 },
	{ "resolve", cmd_injury_resolve, "ID [--date DATE]", "mark an injury as over",
	  "Mark an injury as resolved on a day (default today).", injury_resolve_options, NULL, 1,
	  1 },
	{ "show", cmd_injury_show, "ID", "show an injury's course",
	  "Show an injury with its trend from the check-ins: first, last and worst\n"
	  "level, slope per week, whether it is improving, flat or worse, the days\n"
	  "since onset, every check-in, and the recovery sessions that touched the\n"
	  "region.",
	  no_options, NULL, 1, 1 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 },
};

static const struct cli_command provider_commands[] = {
	{ "add", cmd_provider_add,
	  "NAME --kind KIND [--price MONEY] [--membership FEE/month:N] [--since DATE] "
	  "[--note TEXT]",
	  "add a therapist, chiropractor, physio or clinic",
	  "Add someone who gives you recovery sessions, with their pay-per-visit\n"
	  "price and, if you have one, a membership: a monthly fee that includes\n"
	  "some sessions.\n"
	  "\n"
	  "  knead provider add \"Knead Studio\" --kind massage --price 90 \\\n"
	  "      --membership 70/month:1 --since 2026-10-20\n"
	  "\n"
	  "A session 'knead recover --with' a member provider is costed from the\n"
	  "membership while its sessions last, and at the price after that.",
	  provider_add_options, NULL, 1, 1 },
	{ "edit", cmd_provider_edit,
	  "PROVIDER [--name NAME] [--kind KIND] [--price MONEY] [--membership FEE/month:N] "
	  "[--since DATE] [--end DATE] [--note TEXT]",
	  "change a provider or their membership",
	  "Change a provider. --membership starts a new membership on --since\n"
	  "(default today), ending the current one the day before; --end ends the\n"
	  "current one.",
	  provider_edit_options, NULL, 1, 1 },
	{ "list", cmd_provider_list, "", "list providers and memberships",
	  "List providers with their price and memberships.", no_options, NULL, 0, 0 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 },
};

static const struct cli_command gear_commands[] = {
	{ "add", cmd_gear_add, "NAME [--kind KIND] [--limit DIST] [--since DATE] [--note TEXT]",
	  "add shoes or other gear",
	  "Add a piece of gear. Name it on 'knead log --gear' and its distance\n"
	  "adds up from the activities that name it.",
	  gear_add_options, NULL, 1, 1 },
	{ "list", cmd_gear_list, "", "show gear with its distance and limit",
	  "Show every piece of gear: distance so far, its limit and how much of it\n"
	  "is used, the number of activities and the last day it was used.",
	  no_options, NULL, 0, 0 },
	{ "retire", cmd_gear_retire, "GEAR [--date DATE]", "retire gear",
	  "Mark gear as retired. Activities logged with it after that day get a\n"
	  "warning; its history stays.",
	  gear_retire_options, NULL, 1, 1 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 },
};

const struct cli_command cli_commands[] = {
	{ "advise", NULL, "", "the advisor: massage, race",
	  "Plan massages around races and hard days; get ready for a race and recover from it.",
	  no_options, advise_commands, 0, 0 },
	{ "chart", cmd_chart,
	  "load|volume -o FILE [--from DATE] [--to DATE] | pace|hr|elevation --activity ID -o FILE",
	  "draw fitness, weekly volume or an activity to PNG, SVG or PDF",
	  "Draw a chart to a file; its name's ending chooses PNG, SVG or PDF\n"
	  "(1000x500). 'load' draws fitness (CTL), fatigue (ATL) and form (TSB)\n"
	  "with each day's load below and races marked (A races in red); 'volume'\n"
	  "draws hours per week (Monday to Sunday) stacked by sport. 'pace', 'hr'\n"
	  "and 'elevation' draw one imported activity's samples over distance (or\n"
	  "time when it has no distance): pace on foot, speed on wheels. The file\n"
	  "is replaced only once the chart is complete.\n"
	  "\n"
	  "  knead chart load -o load.png\n"
	  "  knead chart volume -o volume.svg --from 2026-01-01\n"
	  "  knead chart hr --activity 12 -o hr.svg\n"
	  "\n"
	  "Without --from, the chart shows the 26 weeks up to --to (today unless\n"
	  "given), starting no earlier than the first activity.",
	  chart_options, NULL, 1, 1 },
	{ "demo", cmd_demo, "", "fill a fresh database with a realistic season",
	  "Fill a fresh database with a generated season of training, soreness and\n"
	  "recovery that ends today: a half-marathon build with a hamstring strain\n"
	  "from weak glutes, foam rolling and monthly massages, a hilly 10k, a\n"
	  "marathon, then a hip and hamstring problem with a chiropractor and a\n"
	  "physio, and a comeback plan under way. The same day gives the same\n"
	  "season. Then try today, week, advise massage, effects and spend on it.\n"
	  "\n"
	  "A database that already holds activities (or races, check-ins,\n"
	  "recovery sessions, providers or gear) is refused: give a new one with\n"
	  "--db FILE, e.g. knead --db demo.db demo.",
	  no_options, NULL, 0, 0 },
	{ "edit", cmd_edit,
	  "ID [DISTANCE] [DURATION] [--sport SPORT] [--date DATE] [--at TIME] "
	  "[--treadmill|--outdoor] "
	  "[--rpe N] [--hr BPM] [--hr-max BPM] [--gear GEAR] [--name TEXT] [--note TEXT]",
	  "change a logged activity",
	  "Change an activity. Figures and options are those of 'knead log'; give\n"
	  "only what changes. 'none' clears --rpe, --hr, --hr-max, --gear, --at,\n"
	  "--distance and --duration; an empty --name or --note clears it. A new\n"
	  "--date keeps the start time's wall clock.",
	  edit_options, NULL, 1, 3 },
	{ "effects", cmd_effects, "[MODALITY] [--date DATE]", "what has helped you",
	  "For each recovery modality and region worked, the change in soreness over\n"
	  "the 3 days after a session against days as sore without it, with the\n"
	  "number of cases and a 90 % bootstrap interval of the difference (\"not\n"
	  "enough data\" below 5 cases); and for races run, the days until soreness\n"
	  "fell to 2 or below with and without a massage in the week after. MODALITY\n"
	  "limits it to one (roll, ice, massage:deep; \"massage\" for every kind).\n"
	  "An observational comparison from your own log, not a trial.",
	  effects_options, NULL, 0, 1 },
	{ "export", cmd_export, "ics|csv|json [-o FILE] [--table NAME]",
	  "export to a calendar, CSV or JSON",
	  "Export what is planned as an iCalendar file, or your data as CSV or JSON.\n"
	  "\n"
	  "  ics   planned workouts and races as all-day events, and recovery\n"
	  "        appointments at their time; a calendar that imports the file\n"
	  "        again updates its events rather than doubling them\n"
	  "  json  everything: profile, activities, check-ins, wellness, injuries,\n"
	  "        recovery sessions with their costs, providers, gear, races,\n"
	  "        plans with their workouts, and appointments\n"
	  "  csv   one table, since a spreadsheet holds one: activities unless\n"
	  "        --table names another (activities, checkins, wellness, injuries,\n"
	  "        recovery, providers, gear, races, plans, workouts, appointments)\n"
	  "\n"
	  "Figures are in SI units with the keys of --json (distance_m,\n"
	  "duration_s). Without -o the export goes to standard output; with it,\n"
	  "the file is replaced only once the export is complete.",
	  export_options, NULL, 1, 1 },
	{ "gear", NULL, "", "shoes and other gear: add, list, retire",
	  "Keep track of shoes and other gear and the distance they carried.", no_options,
	  gear_commands, 0, 0 },
	{ "help", cmd_help, "[COMMAND]", "show help for a command",
	  "Show the list of commands, or the help of one.", no_options, NULL, 0, 2 },
	{ "import", cmd_import, "PATH...", "import watch files, folders, archives and exports",
	  "Import FIT, GPX and TCX files, folders of them, .gz and .zip archives, and\n"
	  "the bulk exports of Strava and Garmin Connect (a Strava export's\n"
	  "activities.csv supplies names, descriptions and gear). Each file is kept\n"
	  "whole or not at all, in its own transaction; a file imported before\n"
	  "(the same content under any name) is skipped. Files with small defects\n"
	  "are read after a named repair; damaged ones keep what came before the\n"
	  "damage, with a warning. Refused files are listed on standard error with\n"
	  "the reason, and the import exits 1 if any was refused, everything good\n"
	  "still imported. A progress bar shows on a terminal.",
	  no_options, NULL, 1, CLI_MAX_POSITIONALS },
	{ "init", cmd_init,
	  "[--name NAME] [--sex f|m] [--born YEAR] [--max-hr BPM] [--rest-hr BPM] "
	  "[--threshold PACE] [--units km|mi] [--tz ZONE] [--currency CODE] [--budget MONEY]",
	  "create the database and set your profile",
	  "Create the database if there is none and set the profile fields given.\n"
	  "Run it again to change any of them; the others stay as they are.\n"
	  "Without --tz, the system's time zone decides local dates.\n"
	  "\n"
	  "  knead init --max-hr 188 --rest-hr 48 --threshold 4:40/km\n"
	  "\n"
	  "With both heart rates the profile shows five Karvonen heart-rate zones.\n"
	  "A change to the heart rates, --sex or --threshold computes every\n"
	  "activity's load again (see 'knead load').\n"
	  "\n"
	  "--budget is what you mean to spend on recovery a month, in the\n"
	  "profile's currency, membership fees included; 'knead advise massage'\n"
	  "keeps its suggestions within it.",
	  init_options, NULL, 0, 0 },
	{ "injury", NULL, "", "injuries as episodes: add, list, show, edit, resolve",
	  "Track an injury from onset to resolution, with its trend from your\n"
	  "check-ins.",
	  no_options, injury_commands, 0, 0 },
	{ "list", cmd_list,
	  "[--from DATE] [--to DATE] [--sport SPORT,...] [--gear GEAR] [--last N]",
	  "list activities with totals per sport",
	  "List activities in diary order, then the count, distance and time per\n"
	  "sport. Time is moving time where a file recorded it, else elapsed time.",
	  list_options, NULL, 0, 0 },
	{ "load", cmd_load, "[--from DATE] [--to DATE] [--weekly]",
	  "training load, fitness, fatigue and form",
	  "Show each day's training load with fitness (CTL, 42 days), fatigue (ATL,\n"
	  "7 days), form (TSB: yesterday's fitness - fatigue, as TrainingPeaks\n"
	  "shows it) and the acute:chronic workload ratio (EWMA, and rolling 7:28).\n"
	  "With --weekly, one row per week (Monday to Sunday): load, monotony,\n"
	  "strain, time and running distance with their change, and time by sport.\n"
	  "\n"
	  "  knead load --from 2026-09-01 --to 2026-10-31\n"
	  "  knead load --weekly --json\n"
	  "\n"
	  "Without --from, the daily table shows the 6 weeks (42 days) to --to and\n"
	  "the weekly one the 16 weeks to it, from the first activity at the\n"
	  "earliest; --to is today unless given, and cannot be later. Fitness\n"
	  "counts every activity since the first, so the first row shown carries\n"
	  "the history before it. Each activity's load is\n"
	  "in points, an hour at threshold being 100, found from its heart-rate\n"
	  "samples, its average heart rate, its pace against threshold pace, its\n"
	  "RPE, or the sport's usual intensity, the best its data allows ('knead\n"
	  "show ID' tells which). Set heart rates and threshold pace with 'knead\n"
	  "init'.",
	  load_options, NULL, 0, 0 },
	{ "log", cmd_log,
	  "SPORT [DISTANCE] [DURATION] [--date DATE] [--at TIME] [--treadmill] [--rpe N] "
	  "[--hr BPM] [--hr-max BPM] [--gear GEAR] [--name TEXT] [--note TEXT]",
	  "log an activity",
	  "Log an activity by distance, by time, or both, in any order:\n"
	  "\n"
	  "  knead log run 8k --treadmill --date sat --at 20:30\n"
	  "  knead log ski 3h --date sun --note \"3 runs with Lilly\"\n"
	  "  knead log run 200min --rpe 6\n"
	  "\n"
	  "Sports: run, trail, walk, hike, ski, xcski, bike, swim, strength, yoga,\n"
	  "cross, other (or a unique start of one). Distances: 8k, 8km, 6.2mi,\n"
	  "400m, half, marathon ('m' is metres). Durations: 45min, 200min, 3h,\n"
	  "1h20, 45:00, 3:20:00. The day is today unless --date says otherwise;\n"
	  "future days are refused.",
	  log_options, NULL, 1, 3 },
	{ "passwd", cmd_passwd, "[--remove]", "set the web app's password",
	  "Set the password that opens knead serve's pages from other machines.\n"
	  "On a terminal it asks twice without echo; otherwise it reads one line\n"
	  "from standard input:\n"
	  "\n"
	  "  knead passwd\n"
	  "  printf '%s\\n' \"$PASSWORD\" | knead passwd\n"
	  "\n"
	  "At least 8 characters. Only an argon2id hash is kept, in the database.\n"
	  "Setting, changing or removing it (--remove) logs every browser out.\n"
	  "With a password, 'knead serve --listen 0.0.0.0:8080' serves your\n"
	  "network, and every page asks for it once per browser (for 30 days).",
	  passwd_options, NULL, 0, 0 },
	{ "plan", NULL, "", "training plans built back from a race: new, show, list, rm",
	  "Build a plan back from a race, by time or by distance, and follow it\n"
	  "week by week against what you logged.",
	  no_options, plan_commands, 0, 0 },
	{ "predict", cmd_predict, "[DISTANCE] [--weeks N]",
	  "predict race times from recent best efforts",
	  "Predict race times with Riegel's formula and Daniels' VDOT from your\n"
	  "best recent efforts, and show the efforts they came from:\n"
	  "\n"
	  "  knead predict                  5k, 10k, half and marathon\n"
	  "  knead predict half             what each effort says for a half\n"
	  "  knead predict 15k --weeks 26 --json\n"
	  "\n"
	  "Efforts are looked for in the last 12 weeks (one training block)\n"
	  "unless --weeks says otherwise, and the best one is kept for each of\n"
	  "the mile, 5k, 10k, 15k, 10 miles, half and marathon: race results\n"
	  "first (their distance and time are measured), else whole outdoor runs\n"
	  "of about that distance, else the fastest stretch of it inside a\n"
	  "recorded run. Treadmill and trail runs, and trail or net-downhill\n"
	  "races, are left out: their pace says little about a flat road. Each\n"
	  "prediction comes from the effort with the highest VDOT among those of\n"
	  "3.5 to 230 minutes, the range both models were fitted on.",
	  predict_options, NULL, 0, 1 },
	{ "provider", NULL, "", "therapists and clinics, prices and memberships",
	  "Keep the people you pay for recovery, their prices and memberships.", no_options,
	  provider_commands, 0, 0 },
	{ "race", NULL, "", "races: add, list, result, status",
	  "Keep the races you consider, enter and run.", no_options, race_commands, 0, 0 },
	{ "recover", cmd_recover,
	  "[MODALITY [REGION,...] [DURATION]] [--date DATE] [--at TIME] [--with PROVIDER] "
	  "[--cost MONEY] [--pain N] [--relief N] [--found REGION=FINDING,...] [--note TEXT] "
	  "[--from DATE] [--to DATE]",
	  "record a massage, foam rolling, ice, a chiropractor... or list them",
	  "Record a recovery session: what, on which regions, how long, with whom,\n"
	  "what it cost, how much it hurt (--pain, 0 to 10) and how much it helped\n"
	  "(--relief, 0 to 10), and what the therapist found per region:\n"
	  "\n"
	  "  knead recover deep hamstrings,glutes 60min --with \"Knead Studio\" \\\n"
	  "      --pain 8 --relief 9 \\\n"
	  "      --found \"abductors:right=very tight,semitendinosus:left=tight\"\n"
	  "  knead recover roll hamstrings,glutes 10min\n"
	  "  knead recover ice hamstring:right 15min\n"
	  "\n"
	  "Modalities: massage:deep, massage:sports, massage:art, massage:swedish,\n"
	  "roll, stick, ball, ice, heat, bath:epsom, bath:ice, compression,\n"
	  "stretch, yoga, chiro, physio (also: deep, sports, art, swedish, foam,\n"
	  "epsom, ice bath, chiropractor, pt). Regions without a side mean both.\n"
	  "Findings: tight, knot, adhesion, tender, fine, optionally 'slightly' or\n"
	  "'very'. A cost is in the profile's currency; without one, a session with\n"
	  "a provider is costed from their membership or price. Without a modality,\n"
	  "list the sessions (the last 30 days unless --from/--to say otherwise).",
	  recover_options, NULL, 0, 3 },
	{ "regions", cmd_regions, "[QUERY] [--raw]",
	  "the body regions knead knows, or those matching",
	  "Show the body-region catalogue as a tree, with the words each region\n"
	  "answers to, or the regions matching QUERY. The catalogue is built in; to\n"
	  "change it, start from a copy of the one in use:\n"
	  "\n"
	  "  knead regions --raw > ~/.config/knead/regions.ini\n"
	  "\n"
	  "A regions.ini in $XDG_CONFIG_HOME/knead/ replaces the built-in one whole.",
	  regions_options, NULL, 0, 1 },
	{ "rm", cmd_rm, "ID...", "remove activities",
	  "Remove the activities with these ids, all or none.", no_options, NULL, 1,
	  CLI_MAX_POSITIONALS },
	{ "serve", cmd_serve, "[--listen ADDR:PORT]", "the web app in a browser",
	  "Serve knead's web app until Ctrl-C or SIGTERM: Today, Calendar, Log,\n"
	  "Body, Training, Recovery, Import and Settings, and the JSON API that\n"
	  "/api/v1/ lists (each route answers what the matching --json command\n"
	  "prints):\n"
	  "\n"
	  "  knead serve                        then open http://127.0.0.1:8080/\n"
	  "  knead serve --listen 127.0.0.1:9000\n"
	  "\n"
	  "Without a password only this machine can connect (127.0.0.1, ::1 or\n"
	  "localhost). To listen on another address, set a password with\n"
	  "'knead passwd' first; every browser then logs in once:\n"
	  "\n"
	  "  knead passwd && knead serve --listen 0.0.0.0:8080\n"
	  "\n"
	  "The database is created if there is none; every form carries an\n"
	  "anti-forgery token.",
	  serve_options, NULL, 0, 0 },
	{ "show", cmd_show, "ID", "show one activity in full",
	  "Show everything knead knows of one activity.", no_options, NULL, 1, 1 },
	{ "sore", cmd_sore,
	  "[REGION[:SIDE] LEVEL] [--tight|--pain] [--date DATE] [--note TEXT] [--from DATE] "
	  "[--to DATE]",
	  "check in how a body region feels, or list check-ins",
	  "Record how sore (or, with --tight or --pain, how tight or painful) a\n"
	  "region is, 0 (not at all) to 10 (worst):\n"
	  "\n"
	  "  knead sore hamstring:right 5 --pain\n"
	  "  knead sore calves:both 3 --tight --date yesterday\n"
	  "\n"
	  "Regions are named as you would say them: hammy, glutes, ITB, piraformis\n"
	  "('knead regions' lists them). A region with a left and a right needs a\n"
	  "side: :left, :right, :l, :r or :both. Another level for the same day,\n"
	  "region and side completes that check-in. Without a region, list the\n"
	  "check-ins (the last 14 days unless --from/--to say otherwise).",
	  sore_options, NULL, 0, 2 },
	{ "spend", cmd_spend, "[--from DATE] [--to DATE]", "what recovery costs",
	  "Show money spent on recovery by month and by modality, the cost per\n"
	  "session, and for each membership whether it paid off against the\n"
	  "provider's pay-per-visit price. Money out counts each session's\n"
	  "payment and each membership fee in the month it falls due.",
	  spend_options, NULL, 0, 0 },
	{ "today", cmd_today, "[--date DATE] [--why]", "what to do today, and why",
	  "Today's planned workout (or rest, or no plan), how ready you are, the\n"
	  "massages the planner has for the week, and the advisor's advice and\n"
	  "warnings, each with its rule and reason:\n"
	  "\n"
	  "  knead today\n"
	  "  knead today --why                 the facts and the source of each\n"
	  "  knead today --date sat --json     as of Saturday, for scripts\n"
	  "\n"
	  "Readiness is ready, caution or rest, from your form (fitness minus\n"
	  "fatigue), the acute:chronic load ratio (once four weeks are logged),\n"
	  "soreness and pain of the last days, active injuries with their latest\n"
	  "pain and trend, and recent races. The rules (data/rules.ini; change one\n"
	  "in ~/.config/knead/rules.ini): no running after a marathon or on an\n"
	  "injury that hurts at 4 or more; see a clinician about an injury not\n"
	  "improving after 14 days; a load spike with soreness; glute work for\n"
	  "hamstring trouble; rolling and ice; worn or new shoes. Not medical\n"
	  "advice.",
	  today_options, NULL, 0, 0 },
	{ "week", cmd_week, "[--date DATE] [--why]",
	  "the week: plan, load, soreness, recovery, spend",
	  "The week (Monday to Sunday) holding today, or the day --date names, as\n"
	  "it stood that day:\n"
	  "\n"
	  "  knead week\n"
	  "  knead week --date 2026-11-18 --why\n"
	  "  knead week --json\n"
	  "\n"
	  "It shows the plan's workouts against what you logged (done, partial,\n"
	  "moved, missed), the week's load, fitness, form and volume against the\n"
	  "week before, the soreness, tightness and pain you checked in by region\n"
	  "and day, the recovery sessions and what they cost, and the advice of\n"
	  "each day so far, every rule once with the days it spoke on.",
	  week_options, NULL, 0, 0 },
	{ "wellness", cmd_wellness,
	  "[--sleep HOURS] [--fatigue N] [--stress N] [--mood N] [--rhr BPM] [--hrv MS] "
	  "[--weight KG] [--date DATE] [--note TEXT] [--from DATE] [--to DATE]",
	  "record sleep, fatigue, stress, mood, resting HR, HRV, weight, or list them",
	  "Record how you are as a whole on a day; anything given again the same day\n"
	  "replaces what was there, the rest stays:\n"
	  "\n"
	  "  knead wellness --sleep 6h30 --fatigue 7 --rhr 52\n"
	  "\n"
	  "Without a measure, list the days (the last 14 unless --from/--to say\n"
	  "otherwise).",
	  wellness_options, NULL, 0, 0 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 },
};
