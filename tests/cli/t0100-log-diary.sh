#!/bin/sh
# The week of "Massage Hurts But Feels So Good" and the 200-minute long
# run of "Treat Yo Self", typed the way the runners wrote them.
. "$(dirname "$0")/lib.sh"

diary() {
	knead init --tz America/Toronto >/dev/null
	knead log run 8k --treadmill --date sat --at 20:30 >/dev/null
	knead log ski 3h --date sun --note "3 runs with Lilly" >/dev/null
	knead log run 6k --treadmill --date yesterday >/dev/null
	knead log run 200min --rpe 6 >/dev/null
}

test_case 'the diary week lands as written, on the right local days' '
	diary
	expect_ok list --json
	jq_is ".activities | length" 4
	jq_is "[.activities[] | .date] | join(\" \")" "2026-11-21 2026-11-22 2026-11-23 2026-11-24"
	jq_is "[.activities[] | .sport] | join(\" \")" "run ski run run"
	jq_is "[.activities[] | .treadmill] | join(\" \")" "true false true false"
	jq_is ".activities[0].start" "2026-11-21T20:30:00-05:00"
	jq_is ".activities[0].distance_m" 8000
	jq_is ".activities[0].duration_s" null
	jq_is ".activities[1].duration_s" 10800
	jq_is ".activities[1].note" "3 runs with Lilly"
	jq_is ".activities[1].start" null
	jq_is ".activities[2].distance_m" 6000
	jq_is ".activities[3].duration_s" 12000
	jq_is ".activities[3].rpe" 6
	jq_is ".activities[3].source.format" manual
'

test_case 'every activity has the documented keys' '
	diary
	expect_ok list --json
	jq_is ".activities[0] | has(\"id\") and has(\"sport\") and has(\"treadmill\") and has(\"date\")
		and has(\"start\") and has(\"distance_m\") and has(\"duration_s\") and has(\"moving_s\")
		and has(\"rpe\") and has(\"hr_avg\") and has(\"gear\") and has(\"source\") and has(\"name\")
		and has(\"note\")" true
'

test_case 'totals per sport and overall are right' '
	diary
	expect_ok list --json
	jq_is ".totals.by_sport | map(.sport) | join(\",\")" "run,ski"
	jq_is ".totals.by_sport[0].count" 3
	jq_is ".totals.by_sport[0].distance_m" 14000
	jq_is ".totals.by_sport[0].time_s" 12000
	jq_is ".totals.by_sport[1].count" 1
	jq_is ".totals.by_sport[1].time_s" 10800
	jq_is ".totals.all.count" 4
	jq_is ".totals.all.distance_m" 14000
	jq_is ".totals.all.time_s" 22800
	expect_ok list
	out_has "Sat 2026-11-21  20:30  run (treadmill)   8.00 km"
	grep -q "^run  *3  *14.00 km  *3:20:00$" out
	grep -q "^ski  *1  *3:00:00$" out
	grep -q "^all  *4  *14.00 km  *6:20:00$" out
'

test_case 'a late evening run keeps its local day though UTC has moved on' '
	knead init --tz America/Los_Angeles >/dev/null
	expect_ok log run 5k --date yesterday --at 23:30 --json
	jq_is .date 2026-11-23
	jq_is .start 2026-11-23T23:30:00-08:00
'

test_case "the system's zone is used when the profile names none" '
	export TZ=Asia/Tokyo
	expect_ok log run 5k --at 07:00 --json
	jq_is .start 2026-11-24T07:00:00+09:00
'

test_case 'a start time in the spring-forward gap moves past the jump' '
	export KNEAD_NOW=2026-04-01T12:00
	knead init --tz Europe/Berlin >/dev/null
	expect_ok log run 10k --date 2026-03-29 --at 02:30 --json
	jq_is .start 2026-03-29T03:30:00+02:00
'

test_case 'a start time in the repeated autumn hour is its first occurrence' '
	knead init --tz Europe/Berlin >/dev/null
	expect_ok log run 10k --date 2026-10-25 --at 02:30 --json
	jq_is .start 2026-10-25T02:30:00+02:00
	expect_ok log run 10k --date 2026-10-25 --at 03:30 --json
	jq_is .start 2026-10-25T03:30:00+01:00
'

test_case 'figures come in any order and every documented form' '
	expect_ok log run 45:00 10k --json
	jq_is ".distance_m, .duration_s" "10000
2700"
	expect_ok log run half 1h52 --json
	jq_is ".distance_m, .duration_s" "21097.5
6720"
	expect_ok log run 6.2mi --json
	jq_is ".distance_m | floor" 9977
	expect_ok log run marathon 3:59:59 --json
	jq_is .distance_m 42195
	expect_ok log swim 1500m 32min --json
	jq_is .sport swim
	expect_ok log bike 40km 1h20m --json
	jq_is .duration_s 4800
	expect_ok log strength 30min --json
	jq_is .distance_m null
'

test_case 'sports take aliases and unique prefixes' '
	expect_ok log running 5k --json
	jq_is .sport run
	expect_ok log str 30min --json
	jq_is .sport strength
	expect_ok log Trail-Run 12k --json
	jq_is .sport trail
	expect_ok log nordic 2h --json
	jq_is .sport xcski
'

test_case 'every option of log is stored' '
	knead gear add "Pegasus 40" >/dev/null
	expect_ok log run 10k 50:00 --rpe 7 --hr 152 --hr-max 171 --gear peg --name "Tempo" --note "felt good" --date -2d --at 6:15am --json
	jq_is ".rpe, .hr_avg, .hr_max, .gear, .name, .note, .date, .start" "7
152
171
Pegasus 40
Tempo
felt good
2026-11-22
2026-11-22T06:15:00+00:00"
	expect_ok show 1 --json
	jq_is ".gear_id" 1
'

test_done
