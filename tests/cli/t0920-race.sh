#!/bin/sh
# knead race add | list | result | status: the races she considers, enters
# and runs, each result linked to the run that was the race, and bad input
# refused with exit 2 and no write. "Now" is Tuesday 2026-11-24.
. "$(dirname "$0")/lib.sh"

q="'"

# Two races ahead and one behind, and the database's copy.
season() {
	knead init >/dev/null
	knead race add "Phoenix Marathon" 2027-02-27 marathon --priority A \
		--terrain net-downhill --goal 3:45:00 >/dev/null
	knead race add "Turkey Trot" 2026-11-26 5k --priority C --status considering >/dev/null
	knead race add "Bay Half" 2026-10-18 13.1mi --terrain rolling >/dev/null
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

test_case 'race add keeps every field and says how far off the race is' '
	knead init >/dev/null
	expect_ok race add "Phoenix Marathon" 2027-02-27 marathon --priority A \
		--terrain net-downhill --goal 3:45:00 --note "qualifier?"
	out_has "added race 1: Phoenix Marathon, Sat 2027-02-27, 42.20 km, A, net-downhill, registered, goal 3:45:00, in 95 days"
	expect_ok --json race add "Turkey Trot" thu 5k -p c --status consid
	jq_is "[.id, .name, .date, .distance_m, .priority, .status, .days_to_go] | map(tostring) | join(\" \")" \
		"2 Turkey Trot 2026-11-19 5000 C considering null"
	expect_ok --json race add "Bay Half" 2026-12-13 13.1mi
	jq_is ".distance_m" 21082.4064
	jq_is "[.priority, .terrain, .status, .goal_s, .result_s, .activity_id, .note] | map(tostring) | join(\" \")" \
		"B null registered null null null null"
	jq_is ".days_to_go" 19
'

test_case 'race list shows races by day, with the days to go for those ahead' '
	season
	knead race add "Jingle Bell" 2026-11-24 5k >/dev/null
	expect_ok race list
	out_has "Bay Half"
	out_has "Sun 2026-10-18"
	out_has "21.08 km"
	out_has "passed"
	out_has "in 2 days"
	out_has "in 95 days"
	out_has "today"
	# by day
	[ "$(sed -n "2p" out | grep -c "Bay Half")" = 1 ]
	[ "$(sed -n "5p" out | grep -c "Phoenix Marathon")" = 1 ]
	expect_ok --json race list
	jq_is ".races | map(.name) | join(\",\")" "Bay Half,Jingle Bell,Turkey Trot,Phoenix Marathon"
	jq_is ".races | map(.days_to_go | tostring) | join(\",\")" "null,0,2,95"
	jq_is ".races[3] | [.priority, .terrain, .goal_s] | map(tostring) | join(\" \")" \
		"A net-downhill 13500"
	expect_ok --json race list --from 2026-11-01 --to 2026-12-31
	jq_is ".races | map(.name) | join(\",\")" "Jingle Bell,Turkey Trot"
	expect_ok race list --from 2030-01-01
	out_has "no races in that range"
'

test_case 'race list with no races says how to add one' '
	knead init >/dev/null
	expect_ok race list
	out_has "knead race add"
	expect_ok --json race list
	jq_is ".races | length" 0
'

test_case 'a result links the run on the day closest in distance, and says so' '
	season
	knead log run 3k 15:00 --date 2026-10-18 >/dev/null
	knead log run 21.3k 1:46:00 --date 2026-10-18 >/dev/null
	knead log bike 21k 40min --date 2026-10-18 >/dev/null
	knead log run 21.1k 1:40:00 --date 2026-10-19 >/dev/null
	expect_ok race result bay 1:45:10
	out_has "race 3: Bay Half, Sun 2026-10-18, 21.08 km, B, rolling, done, result 1:45:10 (4:59 /km)"
	out_has "linked the closest run on the day, activity 2: Sun 2026-10-18  run  21.30 km  1:46:00"
	err_empty
	expect_ok --json race list
	jq_is ".races[0] | [.status, .result_s, .activity_id] | map(tostring) | join(\" \")" \
		"done 6310 2"
	# the activity knows which race it was
	expect_ok show 2
	out_has "race      Bay Half (B, race 3)"
	expect_ok --json show 2
	jq_is ".race_id" 3
	expect_ok --json show 1
	jq_is ".race_id" null
'

test_case 'a result with no run on the day says none was linked' '
	season
	knead log run 21.1k 1:40:00 --date 2026-10-19 >/dev/null
	expect_ok race result "Bay Half" 1:45:10
	out_has "no run on Sun 2026-10-18 to link"
	expect_ok --json race result "Bay Half" 1:44:59
	jq_is "[.status, .result_s, .activity_id, .link] | map(tostring) | join(\" \")" \
		"done 6299 null none"
'

test_case 'a result with --activity links that one; again, it keeps it' '
	season
	knead log run 3k 15:00 --date 2026-10-18 >/dev/null
	knead log run 21.3k 1:46:00 --date 2026-10-18 >/dev/null
	expect_ok --json race result 3 1:45:10 --activity 1
	jq_is "[.activity_id, .link] | map(tostring) | join(\" \")" "1 given"
	# the 3k took 15:00, far from the result
	err_has "activity 1 took 15:00 but the result is 1:45:10"
	expect_ok race result bay 1:45:00
	out_has "replaced the result 1:45:10"
	out_has "still linked to activity 1"
'

test_case 'status changes drop what the new status cannot hold' '
	season
	knead log run 21.3k 1:46:00 --date 2026-10-18 >/dev/null
	knead race result bay 1:45:10 >/dev/null
	expect_ok race status bay dnf
	out_has "race 3: Bay Half, dnf (was done)"
	out_has "dropped the result 1:45:10"
	expect_ok --json race list
	jq_is ".races[0] | [.status, .result_s, .activity_id] | map(tostring) | join(\" \")" \
		"dnf null 1"
	expect_ok --json race status bay registered
	jq_is "[.status, .was, .activity_id] | map(tostring) | join(\" \")" "registered dnf null"
	expect_ok race status "Bay Half" done
	out_has "record the time with ${q}knead race result 3 TIME${q}"
	expect_ok race status turkey reg
	out_has "race 2: Turkey Trot, registered (was considering)"
	expect_ok race status bay dns
	out_has "dns (was done)"
'

test_case 'races are found by id, name or unique start; the same name twice needs the id' '
	season
	knead race add "Phoenix Half" 2027-02-27 half >/dev/null
	expect_rc 2 race status phoenix considering
	err_has "${q}phoenix${q} could be any of: ${q}Phoenix Marathon${q}, ${q}Phoenix Half${q}"
	expect_ok race status "phoenix h" considering
	out_has "race 4: Phoenix Half"
	knead race add "Bay Half" 2027-10-17 13.1mi >/dev/null
	expect_rc 2 race result "bay half" 1:45:00
	err_has "there are 2 races named ${q}bay half${q}; give the id: 3 (2026-10-18), 5 (2027-10-17)"
	expect_ok race result 3 1:45:00
'

# Each line: arguments to knead, then after " | " text the message has.
cases='race add X 2026-02-30 10k | race day: '"'"'2026-02-30'"'"' is not a date
race add X 2026-12-01 10x | race distance: '"'"'10x'"'"'
race add X 2026-12-01 50m | 100 m to 5000 km
race add X 2026-12-01 10k --priority D | '"'"'D'"'"' is not a race priority (A, B or C)
race add X 2026-12-01 10k --terrain mountain | (flat, rolling, hilly, net-downhill or trail)
race add X 2026-12-01 10k --status finished | (considering, registered, done, dns or dnf)
race add X 2026-12-01 10k --status d | could be more than one race status
race add X 2026-12-01 10k --status done | 7 days from now: it cannot be done, dns or dnf yet
race add X 2026-12-01 10k --goal 15:00 | a goal of 15:00 for 10.00 km is faster than anyone has run it
race add X 2026-12-01 5k --goal 50:00:00 | slower than walking it
race add X 2026-12-01 10k --goal fast | --goal: '"'"'fast'"'"'
race add 2026 2026-12-01 10k | would read as a race id
race result phoenix 3:30:00 | race '"'"'Phoenix Marathon'"'"' is on Sat 2027-02-27, 95 days from now
race result bay 45:00 | a result of 45:00 for 21.08 km is faster than anyone has run it
race result bay 1:45 | a result of 1:45 for 21.08 km
race result bay 26:00:00 | slower than walking it
race result bay 1:45:00 --activity 1 | activity 1 is on Sat 2026-10-10, not on the race'"'"'s day
race result bay 1:45:00 --activity 2 | activity 2 is a bike, not a race on foot
race result bay 1:45:00 --activity 99 | no activity 99
race result bay 1:45:00 --activity x | --activity: '"'"'x'"'"' is not an activity id
race status bay finished | status: '"'"'finished'"'"' is not a race status
race status phoenix dnf | 95 days from now: it cannot be done, dns or dnf yet'

test_case 'each bad input is named, exits 2 and writes nothing' '
	season
	knead log run 21k 1:50:00 --date 2026-10-10 >/dev/null
	knead log bike 40k 1:20:00 --date 2026-10-18 >/dev/null
	snapshot
	echo "$cases" | while IFS= read -r line; do
		args=${line%% | *}
		want=${line#* | }
		# shellcheck disable=SC2086 # split the case into arguments
		expect_rc 2 $args
		err_has "$want"
		unchanged
	done
'

test_case 'an unknown race fails (exit 1), naming the races there are' '
	season
	snapshot
	expect_rc 1 race result nothing 1:45:00
	err_has "no race ${q}nothing${q} (there is ${q}Bay Half${q}, ${q}Turkey Trot${q}, ${q}Phoenix Marathon${q})"
	expect_rc 1 race status nothing done
	err_has "no race ${q}nothing${q}"
	unchanged
'

test_case 'the same race twice on its day is refused and writes nothing' '
	season
	snapshot
	expect_rc 1 race add "bay half" 2026-10-18 half
	err_has "there is already a race ${q}bay half${q} on 2026-10-18"
	unchanged
'

test_case 'one run is the result of one race' '
	season
	knead race add "Bay Half Relay" 2026-10-18 half >/dev/null
	knead log run 21.2k 1:46:00 --date 2026-10-18 >/dev/null
	knead race result "bay half" 1:45:10 >/dev/null
	snapshot
	expect_rc 2 race result "bay half r" 1:45:10 --activity 1
	err_has "activity 1 is already another race${q}s result"
	unchanged
	# found by day, it is passed over: no other run that day
	expect_ok race result "bay half r" 1:45:10
	out_has "no run on Sun 2026-10-18 to link"
'

test_case 'a refused race command creates no database' '
	for args in "race add X 2026-02-30 10k" "race add X 2026-12-01 10k --priority D" \
		"race result X 1:00:00" "race status X done" "race list"; do
		# shellcheck disable=SC2086
		run $args
		[ "$rc" != 0 ] || { echo "knead $args succeeded"; exit 1; }
		[ -s err ] || { echo "knead $args said nothing"; exit 1; }
		[ ! -e knead.db ] || { echo "knead $args created the database"; exit 1; }
	done
'

test_done
