#!/bin/sh
# knead plan new | show | list | rm: a plan built back from her race, by
# minutes or by distance, and each week matched to what she logged. "Now"
# is Tuesday 2026-11-24; the half is on Sunday 2027-03-21, 16 weeks from
# next Monday.
. "$(dirname "$0")/lib.sh"

q="'"

half() {
	knead init "$@" >/dev/null
	knead race add "Riverside Half" 2027-03-21 half --priority A >/dev/null
}

snapshot() {
	cp knead.db before.db
	sqlite3 knead.db .dump >before.sql
}

# No write at all: the file and its contents are as they were.
unchanged() {
	same_file knead.db before.db
	sqlite3 knead.db .dump >after.sql
	same_file after.sql before.sql
}

test_case 'a 16-week half by time: race on its Sunday, longest run two weeks out, a taper' '
	half
	expect_ok --json plan new riverside --weeks 16 --days 4
	jq_is ".plan.weeks" 16
	jq_is ".plan.by" time
	jq_is ".plan.start" 2026-11-30
	jq_is ".plan.template" half
	jq_is ".replaced" false
	# one workout a day, the race last on the race day
	jq_is ".workouts | length" 112
	jq_is ".workouts[-1] | [.date, .weekday, .kind, .target_m] | map(tostring) | join(\" \")" \
		"2027-03-21 Sun race 21097.5"
	# the longest run: 120 minutes on Sunday 2027-03-07, two weeks before
	jq_is "[.workouts[] | select(.kind == \"long\")] | max_by(.target_s) | [.date, .weekday, .target_s] | map(tostring) | join(\" \")" \
		"2027-03-07 Sun 7200"
	jq_is "[.workouts[] | select(.kind == \"long\") | .weekday] | unique | join(\" \")" Sun
	# the taper: the last two weeks below the peak week
	jq_is "(.weeks[0:14] | map(.volume_s) | max) as \$peak | [.weeks[14:][] | .volume_s < \$peak] | all" true
	jq_is "[.weeks[14:][] | .phase] | unique | join(\" \")" taper
	jq_is "[.weeks[] | select(.longest) | .week] | join(\" \")" 14
	# --days 4: four runs in every full week, and the race week no more
	jq_is "[.weeks[0:15][] | .runs] | unique | map(tostring) | join(\" \")" 4
	jq_is ".weeks[15].runs <= 4" true
	# by minutes: the runs have times, not distances (the race has both)
	jq_is "[.workouts[0:-1][] | select(.kind != \"rest\") | .target_m] | unique | map(tostring) | join(\" \")" null
	expect_ok plan list
	out_has "Riverside Half"
	out_has "current"
'

test_case 'plan new prints the weeks and how it chose the volume' '
	half
	expect_ok plan new "Riverside Half"
	out_has "plan 1 for Riverside Half (half marathon on Sun 2027-03-21): 16 weeks by time from Mon 2026-11-30, 4 running days a week"
	out_has "volume: no running in the last 4 weeks, so the half marathon plan${q}"
	out_has "longest run"
	out_has "cutback week"
	out_has "race week"
	err_empty
'

test_case 'logging the week'"'"'s runs marks them done' '
	half
	knead plan new riverside --days 4 >/dev/null
	export KNEAD_NOW=2027-01-31T20:00
	# week 9: Tue easy 30, Wed tempo 50, Fri easy 30, Sun long 100 minutes
	expect_ok --json plan show
	jq_is "[.week, .of, .phase, .monday, .sunday] | map(tostring) | join(\" \")" \
		"9 16 build 2027-01-25 2027-01-31"
	jq_is "[.workouts[] | select(.kind != \"rest\" and .kind != \"strength\") | \"\(.weekday) \(.kind) \(.target_s / 60)\"] | join(\", \")" \
		"Tue easy 30, Wed tempo 50, Fri easy 30, Sun long 100"
	# Sunday evening: the long run of today is still to come
	jq_is "[.workouts[] | select(.kind != \"rest\") | .status] | unique | join(\" \")" "missed upcoming"
	knead log run 32min --date 2027-01-26 >/dev/null
	knead log run 50min --date 2027-01-27 >/dev/null
	knead log run 6k 30min --date 2027-01-29 >/dev/null
	knead log run 1:41:00 --date 2027-01-31 >/dev/null
	expect_ok --json plan show
	jq_is "[.workouts[] | select(.kind != \"rest\" and .kind != \"strength\") | .status] | unique | join(\" \")" done
	jq_is "[.workouts[] | select(.kind == \"long\") | .activity_ids[]] | map(tostring) | join(\" \")" 4
	jq_is ".compliance | [.done, .planned, .missed] | map(tostring) | join(\" \")" "4 5 1"
	expect_ok plan show
	out_has "Riverside Half (21.10 km on Sun 2027-03-21): week 9 of 16, build, by time"
	out_has "Tue 2027-01-26  easy"
	out_has "done"
	out_has "so far: 3:33:00 done of 3:55:00 due (91%); 4 of 5 workouts done, 1 missed"
'

test_case 'partial, moved, missed and upcoming, and an edited log is followed' '
	half
	knead plan new riverside --days 4 >/dev/null
	export KNEAD_NOW=2027-01-30T20:00
	knead log run 20min --date 2027-01-27 >/dev/null
	knead log run 100min --date 2027-01-30 >/dev/null
	knead log bike 1h --date 2027-01-29 >/dev/null
	expect_ok --json plan show
	# Tue nothing, Wed 20 of 50 minutes, Fri only a ride, Sat the long run
	jq_is "[.workouts[] | select(.kind != \"rest\") | \"\(.weekday) \(.status)\"] | join(\", \")" \
		"Tue missed, Wed partial, Thu missed, Fri missed, Sun moved"
	jq_is "[.workouts[] | select(.kind == \"long\") | .done_on] | join(\" \")" 2027-01-30
	expect_ok plan show
	out_has "partial (40%)"
	out_has "moved (to Sat)"
	# the Wednesday run was longer after all: the plan follows the log
	knead edit 1 50min >/dev/null
	expect_ok --json plan show
	jq_is "[.workouts[] | select(.kind == \"tempo\") | .status] | join(\" \")" done
	# next week has not begun
	expect_ok --json plan show --week 2027-02-03
	jq_is "[.workouts[] | select(.kind != \"rest\") | .status] | unique | join(\" \")" upcoming
	jq_is ".compliance.planned" 0
	expect_ok plan show --week 2027-02-03
	out_has "so far: nothing due yet"
'

test_case 'by distance: the targets in her miles' '
	half --units mi
	expect_ok plan new riverside --by distance --days 5
	out_has "16 weeks by distance"
	out_has " mi"
	out_lacks " km"
	expect_ok --json plan show --week 2027-03-01
	jq_is ".plan.by" distance
	# the longest run: 20 km in the template, 12.5 miles to her
	jq_is "[.workouts[] | select(.kind == \"long\") | .target_m] | map(tostring) | join(\" \")" 20116.8
	jq_is "[.workouts[] | select(.kind == \"easy\") | .target_s] | unique | map(tostring) | join(\" \")" null
	expect_ok plan show --week 2027-03-01
	out_has "12.50 mi"
	out_has "longest run of the plan"
'

test_case 'a 5k on three days, and a marathon' '
	knead init >/dev/null
	knead race add "Park 5k" 2027-03-20 5k >/dev/null
	knead race add "Spring Marathon" 2027-04-18 marathon --goal 3:59:00 >/dev/null
	expect_ok --json plan new park --by distance --days 3
	jq_is ".plan.template" 5k
	jq_is ".plan.weeks" 8
	jq_is "[.weeks[0:7][] | .runs] | unique | map(tostring) | join(\" \")" 3
	jq_is ".workouts[-1] | [.date, .weekday, .kind] | join(\" \")" "2027-03-20 Sat race"
	jq_is "[.workouts[] | select(.kind == \"long\")] | max_by(.target_m) | .date" 2027-03-06
	expect_ok --json plan new spring
	jq_is ".plan.template" marathon
	jq_is ".plan.weeks" 18
	# 200 minutes, three weeks before the race; the goal is the race target
	jq_is "[.workouts[] | select(.kind == \"long\")] | max_by(.target_s) | [.date, .target_s] | map(tostring) | join(\" \")" \
		"2027-03-28 12000"
	jq_is ".workouts[-1].target_s" 14340
	jq_is "[.weeks[15:][] | .phase] | unique | join(\" \")" taper
	expect_ok plan list
	out_has "Park 5k"
	out_has "Spring Marathon"
'

test_case 'bad --weeks, --days and --by are refused with exit 2 and no write' '
	half
	knead plan new riverside >/dev/null
	snapshot
	expect_rc 2 plan new riverside --weeks 30
	err_has "30 weeks: a half marathon plan has 8 to 24 (--weeks)"
	expect_rc 2 plan new riverside --weeks 4
	expect_rc 2 plan new riverside --days 9
	err_has "9 running days a week: a plan has 3 to 7 (--days)"
	expect_rc 2 plan new riverside --days 2
	expect_rc 2 plan new riverside --days two
	err_has "--days"
	expect_rc 2 plan new riverside --by pace
	err_has "--by: ${q}"
	expect_rc 2 plan new riverside --template ultra
	err_has "there are 10k, 5k, half, marathon"
	unchanged
'

test_case 'an unknown race is exit 1; races behind her or too near are refused' '
	half
	snapshot
	expect_rc 1 plan new "Nowhere 10k"
	err_has "Nowhere 10k"
	knead race add "Old 10k" 2026-10-04 10k --status dns >/dev/null
	knead race add "Soon 10k" 2026-12-06 10k >/dev/null
	snapshot
	expect_rc 2 plan new old
	err_has "plans are for races ahead"
	expect_rc 2 plan new soon
	err_has "needs 6 to 20 (--weeks 6 starts it before today)"
	unchanged
	# asked for, a plan may begin in the past: she has started already
	expect_ok plan new soon --weeks 6
	out_has "it began before today"
'

test_case 'a new plan for the race replaces the old one' '
	half
	knead plan new riverside --days 3 >/dev/null
	expect_ok plan new riverside --days 5 --weeks 12
	out_has "it replaces the race${q}"
	expect_ok --json plan list
	jq_is ".plans | length" 1
	jq_is ".plans[0] | [.days, .weeks, .current] | map(tostring) | join(\" \")" "5 12 true"
	expect_ok plan rm riverside
	out_has "removed the plan for Riverside Half"
	expect_rc 1 plan rm riverside
	err_has "has no plan"
	expect_rc 1 plan show
	err_has "no plan yet"
'

test_case 'recent running sets where week 1 starts' '
	half
	for d in 2026-10-27 2026-10-30 2026-11-01 2026-11-04 2026-11-06 2026-11-08 \
		2026-11-11 2026-11-13 2026-11-15 2026-11-18 2026-11-20 2026-11-22; do
		knead log run 50min --date $d >/dev/null
	done
	expect_ok --json plan new riverside --days 4
	jq_is ".plan.basis | test(\"^from your running in the last 4 weeks [(]12 runs, 2:30:00 a week[)]\")" true
	jq_is ".plan.start_volume_s >= 9000" true
'

test_case 'her own copy of a template is used, and a broken one refused' '
	half
	mkdir -p home/.config/knead/plans
	sed "s/^weeks = 16/weeks = 12/" "$KNEAD_SOURCE_ROOT/data/plans/half.ini" \
		>home/.config/knead/plans/half.ini
	expect_ok --json plan new riverside
	jq_is ".plan.weeks" 12
	echo "[plan]" >home/.config/knead/plans/half.ini
	echo "weeks = many" >>home/.config/knead/plans/half.ini
	expect_rc 1 plan new riverside
	err_has "knead/plans/half.ini: line 2: [plan] weeks"
'

test_case 'plan --help explains with an example' '
	expect_ok plan new --help
	out_has "usage: knead plan new RACE"
	out_has "knead plan new \"Riverside Half\" --weeks 16 --days 4"
	expect_ok plan show --help
	out_has "80%"
	expect_ok plan --help
	out_has "knead plan list"
'

test_done
