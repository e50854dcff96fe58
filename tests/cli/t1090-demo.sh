#!/bin/sh
# knead demo: a realistic season in a fresh database, and what every
# command then has to say about it. The clock is Tuesday 2026-11-24: the
# marathon was on Sunday 2026-10-25, the comeback plan for the spring half
# began on Monday 2026-11-16.
. "$(dirname "$0")/lib.sh"

test_case 'demo fills a fresh database and says what it wrote' '
	expect_ok demo
	out_has "a demo season from 2026-02-09 to 2026-11-24 in $KNEAD_DB:"
	out_has "4 races, 3 plans"
	out_has "try: knead today"
	err_empty
	expect_ok --json --db second.db demo
	jq_is .races 4
	jq_is .plans 3
	jq_is .injuries 3
	jq_is .providers 3
	jq_is .appointments 1
	jq_is .from 2026-02-09
	jq_is .to 2026-11-24
	n=$(jq .activities out)
	[ "$n" -gt 150 ]
	expect_ok --json list
	jq_is ".activities | length" "$n"
	# the same day, the same season
	knead export json >first.json
	knead --db second.db export json >second.json
	same_file first.json second.json
'

test_case 'demo refuses a database in use and changes nothing' '
	knead log run 5k 30min >/dev/null
	expect_rc 1 demo
	err_has "already holds activities: the demo fills a fresh one"
	expect_ok --json list
	jq_is ".activities | length" 1
	expect_ok --json race list
	jq_is ".races | length" 0
	expect_ok --db fresh.db demo
	expect_rc 1 --db fresh.db demo
	err_has "already holds activities"
'

test_case 'demo keeps the units and zone the runner chose' '
	knead init --name Sam --units mi --tz America/Toronto >/dev/null
	expect_ok demo
	out_has "a demo season"
	expect_ok --json export json
	jq_is .athlete.name Sam
	jq_is .athlete.units mi
	jq_is .athlete.tz America/Toronto
	jq_is .athlete.max_hr 188
	jq_is ".recovery | map(select(.modality == \"physio\"))[0].start | test(\"T18:00:00-0[45]:00$\")" true
	expect_ok list
	out_has " mi "
'

test_case 'after the demo, races, plans, injuries, gear and spend tell the season' '
	knead demo >/dev/null
	expect_ok race list
	out_has "Riverside Half Marathon"
	out_has "Hill Country 10K"
	out_has "hilly"
	out_has "City Marathon"
	out_has "Spring Half Marathon"
	expect_ok --json race list
	jq_is "[.races[] | .status] | join(\" \")" "done done done registered"
	jq_is "[.races[] | .result_s != null] | join(\" \")" "true true true false"
	jq_is ".races | map(select(.name == \"City Marathon\"))[0].date" 2026-10-25
	expect_ok plan show
	out_has "Spring Half Marathon (21.10 km on Sun 2027-01-31): week 2 of 11"
	expect_ok plan show --race City --week 2026-09-14
	out_has "City Marathon"
	out_has "done"
	expect_ok injury list
	out_has "left hamstrings"
	out_has "active"
	out_has "left hip flexors"
	expect_ok injury list --all
	out_has "right hamstrings"
	out_has "resolved"
	out_has "weak glutes"
	expect_ok gear list
	out_has "Pegasus 40"
	out_has "retired"
	expect_ok provider list
	out_has "Kneaded Relief"
	out_has "\$70.00/month for 1 session"
	out_has "Align Chiropractic"
	out_has "Stride Physiotherapy"
	expect_ok spend
	out_has "membership with Kneaded Relief"
	out_has "physio"
	out_has "chiro"
	out_has "roll"
	expect_ok --json spend
	[ "$(jq .total_cents out)" -gt 100000 ]
	jq_is ".memberships[0].provider" "Kneaded Relief"
	expect_ok load
	out_has "Tue 2026-11-24"
	out_has "fitness: CTL"
	expect_ok --json load
	[ "$(jq "[.days[] | select(.load > 0)] | length" out)" -ge 10 ]
	expect_ok --json load --from 2026-02-09
	[ "$(jq "[.days[] | select(.load > 0)] | length" out)" -gt 150 ]
	expect_ok list --last 5
	out_has "run"
'

test_case 'today, week, advise massage and effects have something to say' '
	knead demo >/dev/null
	expect_ok today
	out_has "Tuesday 2026-11-24 (today)"
	out_has "plan: easy run, 25 min (Spring Half Marathon, week 2 of 11, base)"
	out_has "left hamstrings injured"
	out_has "compensation"
	out_has "self-care"
	expect_ok --json today
	jq_is .date 2026-11-24
	jq_is "[.advice[].rule] | any(. == \"compensation\")" true
	jq_is "[.advice[].rule] | any(. == \"shoes\")" true
	jq_is ".advice | all(.rule != null and (.kind == \"advice\" or .kind == \"warning\") and .from != null and .reason != null and .source != null)" true

	expect_ok week
	out_has "week of Mon 2026-11-23 to Sun 2026-11-29"
	out_has "plan: Spring Half Marathon, week 2 of 11"
	out_has "soreness"
	out_has "left hamstrings"
	expect_ok --json week
	jq_is ".advice | length > 0" true
	jq_is ".advice | all(.rule != null)" true

	expect_ok advise massage
	out_has "massage plan, Tue 2026-11-24"
	out_has "maintenance-cadence"
	out_has "Kneaded Relief"
	expect_ok --json advise massage
	jq_is ".suggestions | length > 0" true
	jq_is "[.advice[].rule] | any(. == \"maintenance-cadence\")" true
	jq_is ".budget_cents" 15000

	expect_ok effects
	out_has "roll"
	out_has "calf"
	out_has "helped"
	out_has "City Marathon"
	expect_ok --json effects
	jq_is ".effects | length > 5" true
'

test_done
