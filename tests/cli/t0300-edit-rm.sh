#!/bin/sh
# knead show, edit and rm.
. "$(dirname "$0")/lib.sh"

test_case 'show prints one activity in full' '
	knead init --tz America/Toronto >/dev/null
	knead log run 8k 45:30 --treadmill --date sat --at 20:30 --rpe 5 --hr 150 --note "easy" >/dev/null
	expect_ok show 1
	out_has "activity 1  run (treadmill)"
	out_has "Sat 2026-11-21, 20:30 (UTC-05:00)"
	out_has "8.00 km"
	out_has "5:41 /km"
	out_has "5 of 10"
	out_has "avg 150"
	out_has "easy"
	expect_rc 1 show 2
	err_has "no activity 2"
	expect_rc 2 show two
	err_has "is not an activity id"
'

test_case 'edit changes only what is given' '
	knead log run 8k --date sat --at 20:30 --rpe 5 --note "first" >/dev/null
	expect_ok edit 1 45:00 --json
	jq_is ".distance_m, .duration_s, .rpe, .note, .start" "8000
2700
5
first
2026-11-21T20:30:00+00:00"
'

test_case 'edit clears with none and empty text' '
	knead gear add Pegasus >/dev/null
	knead log run 8k 45:00 --rpe 5 --hr 150 --gear peg --at 07:00 --note n --name x >/dev/null
	expect_ok edit 1 --rpe none --hr none --gear none --at none --note "" --name "" --duration none --json
	jq_is "[.rpe, .hr_avg, .gear, .start, .note, .name, .duration_s] | map(tostring) | join(\",\")" "null,null,null,null,null,null,null"
	jq_is .distance_m 8000
	expect_rc 2 edit 1 --distance none
	err_has "give a distance, a duration or both"
'

test_case 'a new date keeps the wall-clock start; sport and treadmill change' '
	knead init --tz Europe/Berlin >/dev/null
	knead log run 8k --date 2026-10-20 --at 18:00 --treadmill >/dev/null
	expect_ok edit 1 --date 2026-10-27 --json
	jq_is .start 2026-10-27T18:00:00+01:00
	expect_ok edit 1 --sport walk --json
	jq_is ".sport, .treadmill" "walk
true"
	expect_ok edit 1 --outdoor --sport trail --json
	jq_is ".sport, .treadmill" "trail
false"
	expect_rc 2 edit 1 --treadmill --outdoor
'

test_case 'a refused edit changes nothing' '
	knead log run 8k >/dev/null
	cp knead.db before.db
	expect_rc 2 edit 1 2min
	err_has "too fast"
	expect_rc 1 edit 7 9k
	err_has "no activity 7"
	same_file knead.db before.db
'

test_case 'rm removes all the ids or none of them' '
	knead log run 5k >/dev/null
	knead log run 6k >/dev/null
	knead log run 7k >/dev/null
	expect_rc 1 rm 1 9
	err_has "no activity 9"
	expect_ok list --json
	jq_is ".activities | length" 3
	expect_ok rm 1 3
	out_has "removed 1:"
	out_has "removed 3:"
	expect_ok list --json
	jq_is "[.activities[].id] | join(\",\")" 2
	expect_ok rm 2 --json
	jq_is ".removed | join(\",\")" 2
'

test_done
