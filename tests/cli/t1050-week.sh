#!/bin/sh
# knead week (issue 6): the first week of a half-marathon plan, seen on
# its Sunday evening: the plan against what was done, the load and
# volume, soreness by region and day, recovery sessions and what they
# cost, and the advice of the week's days.
. "$(dirname "$0")/lib.sh"

# Sunday 2026-11-29. The plan (17 weeks to 2027-03-21) starts Monday
# 2026-11-23: rest, easy 25, intervals 40, strength 25, easy 25, rest,
# long 60. Session-RPE loads (RPE x minutes / 6): 100/6 + 280/6 + 45/6 +
# 325/6 = 125 points.
first_week() {
	export KNEAD_NOW=2026-11-29T20:00
	knead init --currency USD >/dev/null
	knead race add "Riverside Half" 2027-03-21 half >/dev/null
	knead plan new "Riverside Half" --weeks 17 >/dev/null
	# the week before: two short runs and a chiropractor
	knead log run 6k 35min --rpe 4 --date 2026-11-18 >/dev/null
	knead log run 6k 35min --rpe 4 --date 2026-11-21 >/dev/null
	knead recover chiro hip 30min --cost 60 --date 2026-11-20 >/dev/null
	# this week
	knead log run 5k 25min --rpe 4 --date 2026-11-24 >/dev/null
	knead log run 8k 40min --rpe 7 --date 2026-11-25 >/dev/null
	knead log run 3k 15min --rpe 3 --date 2026-11-27 >/dev/null
	knead log run 12k 65min --rpe 5 --date 2026-11-29 >/dev/null
	knead sore hamstring:right 4 --date 2026-11-26 >/dev/null
	knead sore glutes:right 3 --tight --date 2026-11-27 >/dev/null
	knead sore hamstring:right 2 --pain --date 2026-11-28 >/dev/null
	knead provider add "Knead Studio" --kind massage --price 90 >/dev/null
	knead recover deep hamstrings,glutes 60min --with "Knead Studio" --date 2026-11-26 >/dev/null
	knead recover roll calf 10min --date 2026-11-28 >/dev/null
}

test_case 'the plan against what was done' '
	first_week
	expect_ok week
	out_has "week of Mon 2026-11-23 to Sun 2026-11-29"
	out_lacks "as of"
	out_has "plan: Riverside Half, week 1 of 17, base"
	out_has "partial: 15:00 (60%)"
	out_has "missed"
	out_has "so far: 2:25:00 done of 2:55:00 due (83%); 3 of 5 workouts done, 1 partly, 1 missed"
	expect_ok --json week
	jq_is "[.monday, .sunday, .date] | join(\" \")" "2026-11-23 2026-11-29 2026-11-29"
	jq_is ".plan.week" 1
	jq_is ".plan.workouts | map(.kind + \":\" + .status) | join(\",\")" \
		"rest:rest,easy:done,intervals:done,strength:missed,easy:partial,rest:rest,long:done"
	jq_is ".plan.compliance | [.planned, .done, .partial, .missed] | map(tostring) | join(\" \")" \
		"5 3 1 1"
'

test_case 'the load and volume of the week' '
	first_week
	expect_ok week
	out_has "load: 125 points over 7 days; on Sun 2026-11-29 fitness"
	out_has "monotony"
	out_has "volume: running 28.00 km (+133 % on last week)"
	expect_ok --json week
	jq_is ".load.days | map(.date) | join(\" \")" \
		"2026-11-23 2026-11-24 2026-11-25 2026-11-26 2026-11-27 2026-11-28 2026-11-29"
	jq_is "(.load.week.load * 1000 | round) / 1000" 125
	jq_is ".load.week.days" 7
	jq_is ".load.week.run_distance_m" 28000
	jq_is ".load.week.monotony != null" true
'

test_case 'soreness by region and day' '
	first_week
	expect_ok week
	out_has "soreness (each day'"'"'s highest: s soreness, t tightness, p pain):"
	out_has "right glutes"
	out_has "right hamstrings"
	grep "right hamstrings" out | grep -q "s4 .* p2"
	grep "right glutes" out | grep -q "t3"
	expect_ok --json week
	jq_is ".soreness | map(.region + \":\" + .side) | join(\",\")" "glutes:right,hamstrings:right"
	jq_is ".soreness[1].days | map(\"\(.date) \(.soreness) \(.pain)\") | join(\",\")" \
		"2026-11-26 4 null,2026-11-28 null 2"
	jq_is ".soreness[1].worst | \"\(.soreness) \(.tightness) \(.pain)\"" "4 null 2"
'

test_case 'recovery sessions and spend of the week, not the week before' '
	first_week
	expect_ok week
	out_has "recovery: 2 sessions"
	out_has "massage:deep"
	out_has "Knead Studio"
	out_lacks "chiro"
	out_has "spend: \$90.00, 1 session costed"
	expect_ok --json week
	jq_is ".sessions | map(\"\(.date) \(.modality)\") | join(\",\")" \
		"2026-11-26 massage:deep,2026-11-28 roll"
	jq_is ".spend.total_cents" 9000
	jq_is "[.spend.from, .spend.to] | join(\" \")" "2026-11-23 2026-11-29"
'

test_case 'the advice of the week, each rule once with its days' '
	first_week
	expect_ok week
	out_has "advice this week:"
	out_has "warning  load-spike  Thu 2026-11-26 to Sun 2026-11-29"
	out_has "advice  self-care  Thu 2026-11-26 to Sun 2026-11-29"
	out_has "advice  compensation  Fri 2026-11-27 to Sun 2026-11-29"
	expect_ok --json week
	jq_is ".advice | map(\"\(.rule) \(.kind) \(.from) \(.to)\") | join(\",\")" \
		"load-spike warning 2026-11-26 2026-11-29,self-care advice 2026-11-26 2026-11-29,compensation advice 2026-11-27 2026-11-29"
	expect_ok week --why
	out_has "source: Gabbett 2016"
'

test_case 'as of Wednesday the rest of the week is still to come' '
	first_week
	expect_ok --json week --date 2026-11-25
	jq_is .date 2026-11-25
	jq_is ".plan.workouts | map(.status) | join(\",\")" \
		"rest,done,done,upcoming,upcoming,rest,upcoming"
	jq_is ".load.days | length" 3
	jq_is ".sessions | length" 0
	jq_is ".spend.total_cents" 0
	jq_is ".soreness | length" 0
	expect_ok week --date wed
	out_has "week of Mon 2026-11-23 to Sun 2026-11-29, as of Wed 2026-11-25"
'

test_case 'a week before the plan, and a runner without one' '
	first_week
	expect_ok --json week --date 2026-11-22
	jq_is .monday 2026-11-16
	jq_is .plan.week null
	jq_is ".plan.workouts | length" 0
	jq_is ".load.week.run_distance_m" 12000
	jq_is ".sessions | map(.modality) | join(\",\")" chiro
	jq_is ".spend.total_cents" 6000
	expect_ok week --date 2026-11-22
	out_has "plan: no workouts this week (Riverside Half'"'"'s plan runs from Mon 2026-11-23"
	knead init >/dev/null
	knead plan rm "Riverside Half" >/dev/null
	expect_ok week
	out_has "plan: no plan (build one with '"'"'knead plan new RACE'"'"')"
	expect_ok --json week
	jq_is .plan null
'

test_case 'an empty log says so; no database fails' '
	expect_rc 1 week
	knead init >/dev/null
	expect_ok week
	out_has "load: no training logged yet"
	out_has "soreness: nothing checked in"
	out_has "recovery: no sessions"
	out_has "spend: \$0.00"
	out_has "  nothing to add"
	expect_rc 2 week --date someday
	err_has "--date"
'

test_done
