#!/bin/sh
# knead list: filters, order, totals.
. "$(dirname "$0")/lib.sh"

season() {
	knead gear add "Pegasus 40" >/dev/null
	knead gear add "Trail shoes" >/dev/null
	knead log run 10k 55:00 --date 2026-11-01 --gear peg >/dev/null
	knead log trail 14k 1h40 --date 2026-11-08 --gear trail >/dev/null
	knead log yoga 45min --date 2026-11-08 --at 07:00 >/dev/null
	knead log run 8k --date 2026-11-15 --gear peg >/dev/null
	knead log swim 1500m 35min --date 2026-11-20 >/dev/null
	knead log run 5k 27:30 --date 2026-11-20 --at 06:00 >/dev/null
}

test_case 'activities come in diary order: day, timed before untimed, then id' '
	season
	expect_ok list --json
	jq_is "[.activities[].id] | join(\",\")" "1,3,2,4,6,5"
'

test_case '--from and --to bound the days, inclusive' '
	season
	expect_ok list --from 2026-11-08 --to 2026-11-15 --json
	jq_is "[.activities[].id] | join(\",\")" "3,2,4"
	expect_ok list --from -4d --json
	jq_is "[.activities[].date] | unique | join(\",\")" "2026-11-20"
'

test_case '--sport takes a list; totals follow the filter' '
	season
	expect_ok list --sport run,trail --json
	jq_is "[.activities[].sport] | unique | join(\",\")" "run,trail"
	jq_is .totals.all.count 4
	jq_is .totals.all.distance_m 37000
	jq_is .totals.all.time_s 10950
	expect_rc 2 list --sport run,skating
	err_has skating
'

test_case '--gear and --last narrow the list' '
	season
	expect_ok list --gear pegasus --json
	jq_is "[.activities[].id] | join(\",\")" "1,4"
	expect_ok list --last 2 --json
	jq_is "[.activities[].id] | join(\",\")" "6,5"
	expect_rc 2 list --last 0
'

test_case 'an empty log says so' '
	knead init >/dev/null
	expect_ok list
	out_has "no activities"
	expect_ok list --json
	jq_is ".activities | length" 0
	jq_is .totals.all.count 0
'

test_case 'the text list shows pace in each sport'"'"'s own form' '
	season
	knead log bike 40k 1h20 --date 2026-11-21 >/dev/null
	expect_ok list
	out_has "5:30 /km"
	out_has "2:20 /100m"
	out_has "30.0 km/h"
'

test_case 'miles as display units; JSON stays in metres' '
	knead init --units mi >/dev/null
	knead log run 10mi 1h30 >/dev/null
	expect_ok list
	out_has "10.00 mi"
	out_has "9:00 /mi"
	expect_ok list --json
	jq_is .activities[0].distance_m 16093.44
'

test_done
