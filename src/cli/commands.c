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

static const struct cli_option no_options[] = { OPT_END };

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
	  "[--threshold PACE] [--units km|mi] [--tz ZONE] [--currency CODE]",
	  "create the database and set your profile",
	  "Create the database if there is none and set the profile fields given.\n"
	  "Run it again to change any of them; the others stay as they are.\n"
	  "Without --tz, the system's time zone decides local dates.",
	  init_options, NULL, 0, 0 },
	{ "list", cmd_list,
	  "[--from DATE] [--to DATE] [--sport SPORT,...] [--gear GEAR] [--last N]",
	  "list activities with totals per sport",
	  "List activities in diary order, then the count, distance and time per\n"
	  "sport. Time is moving time where a file recorded it, else elapsed time.",
	  list_options, NULL, 0, 0 },
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
	{ "rm", cmd_rm, "ID...", "remove activities",
	  "Remove the activities with these ids, all or none.", no_options, NULL, 1,
	  CLI_MAX_POSITIONALS },
	{ "show", cmd_show, "ID", "show one activity in full",
	  "Show everything knead knows of one activity.", no_options, NULL, 1, 1 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 },
};
