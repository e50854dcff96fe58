#!/bin/sh
# knead today after a jump in training (issue 6, story 4): five weeks of
# short runs every other day, then a week of long runs every day. The
# acute:chronic ratio climbs above 1.5; with a sore calf that is a
# load-spike warning naming the ratio, without soreness it is not.
. "$(dirname "$0")/lib.sh"

# Session-RPE loads (RPE x minutes / 6): 23 points every other day from
# 2026-10-13 to 2026-11-16, then 70 a day from 2026-11-17 to today.
build_up() {
	knead init >/dev/null
	for n in $(seq 42 -2 8); do
		knead log run 6k 35min --rpe 4 --date -${n}d >/dev/null
	done
	for n in 7 6 5 4 3 2 1 0; do
		knead log run 12k 70min --rpe 6 --date -${n}d >/dev/null
	done
}

test_case 'a load spike with a sore calf is warned, naming the ratio' '
	build_up
	knead sore calf:left 4 --date 2026-11-23 >/dev/null
	expect_ok --json today
	jq_is ".readiness.acwr > 1.5" true
	jq_is .readiness.acwr_settled true
	ratio=$(jq -r .readiness.acwr out)
	# the ratio is the fitness table'"'"'s for today
	knead --json load --from 2026-11-24 >load.json
	[ "$(jq -r ".days[-1].acwr_ewma" load.json)" = "$ratio" ]
	jq_is "[.advice[] | select(.kind == \"warning\") | .rule] | join(\",\")" load-spike
	jq_is ".advice[] | select(.rule == \"load-spike\") | \"\(.from) \(.to)\"" \
		"2026-11-24 2026-11-24"
	want=$(printf "%.2f" "$ratio")
	jq_is ".advice[] | select(.rule == \"load-spike\") | .text | contains(\"acute:chronic ratio is $want (above 1.5)\")" true
	jq_is ".advice[] | select(.rule == \"load-spike\") | .text | contains(\"left calf soreness 4 on Mon 2026-11-23\")" true
	jq_is ".advice[] | select(.rule == \"load-spike\") | .facts | map(select(contains(\"does not predict injury\"))) | length" 1
	jq_is .readiness.level caution
	expect_ok today
	out_has "warning  load-spike  Tue 2026-11-24"
	out_has "Load spike: your acute:chronic ratio is $want (above 1.5) and your running in the last 7 days is up 180 % on the 7 before (84.00 km against 30.00 km)"
	out_has "you are sore: left calf soreness 4 on Mon 2026-11-23"
	out_has "why: a sudden jump in load is when runners most often get sore and hurt"
'

test_case 'the same load without soreness is no warning' '
	build_up
	expect_ok --json today
	jq_is ".readiness.acwr > 1.5" true
	jq_is "[.advice[] | select(.rule == \"load-spike\")] | length" 0
	# still worth a word in readiness
	jq_is .readiness.level caution
	jq_is ".readiness.reasons | map(select(startswith(\"acute:chronic ratio\"))) | length" 1
'

test_case 'soreness below 3, or older than 3 days, is not enough' '
	build_up
	knead sore calf:left 2 --date 2026-11-24 >/dev/null
	knead sore calf:right 6 --date 2026-11-20 >/dev/null
	expect_ok --json today
	jq_is "[.advice[] | select(.rule == \"load-spike\")] | length" 0
	# as of the day after the 6, it was
	expect_ok --json today --date 2026-11-21
	jq_is "[.advice[] | select(.rule == \"load-spike\")] | length" 1
	jq_is ".advice[] | select(.rule == \"load-spike\") | .text | contains(\"right calf soreness 6 on Fri 2026-11-20\")" true
'

test_case 'steady training with a sore calf is no load spike' '
	knead init >/dev/null
	for n in $(seq 42 -1 0); do
		knead log run 6k 35min --rpe 4 --date -${n}d >/dev/null
	done
	knead sore calf:left 5 --date 2026-11-24 >/dev/null
	expect_ok --json today
	jq_is ".readiness.acwr < 1.5" true
	jq_is "[.advice[] | select(.rule == \"load-spike\")] | length" 0
	jq_is "[.advice[].rule] | join(\",\")" self-care
'

test_case 'running up by half on the week before, with soreness, is a spike too' '
	knead init >/dev/null
	for n in 12 9; do knead log run 10k 55min --date -${n}d >/dev/null; done
	for n in 6 3 1; do knead log run 10k 55min --date -${n}d >/dev/null; done
	knead sore quads:right 3 --date 2026-11-24 >/dev/null
	expect_ok --json today
	# under four weeks of history the ratio is left aside
	jq_is .readiness.acwr_settled false
	jq_is ".advice[] | select(.rule == \"load-spike\") | .text | contains(\"running in the last 7 days is up 50 % on the 7 before (30.00 km against 20.00 km)\")" true
'

test_done
