#!/bin/sh
# knead today with an injury (issue 6, story 3): a right hamstring that
# has hurt at 5 for 16 days and is not getting better. Today (Tuesday
# 2026-11-24) she must not run, may cross-train if it does not hurt more,
# and should see a clinician; a planned run is to be replaced.
. "$(dirname "$0")/lib.sh"

# Onset Sunday 2026-11-08, 16 days before today; pain 5 at every check-in.
injured() {
	knead init >/dev/null
	knead injury add hamstring:right --since 2026-11-08 >/dev/null
	for d in 08 11 14 17 20 23; do
		knead sore hamstring:right 5 --pain --date 2026-11-$d >/dev/null
	done
}

test_case 'an injury hurting at 5: no running today, cross-train if painless' '
	injured
	expect_ok today
	out_has "Tuesday 2026-11-24 (today)"
	out_has "readiness: rest"
	out_has "right hamstrings injured for 16 days, pain 5 on Mon 2026-11-23, flat"
	out_has "warning  injury-no-run  Tue 2026-11-24"
	out_has "No running today (right hamstrings: pain 5 on Mon 2026-11-23)."
	out_has "Cross-train instead (swim, bike, pool running) only if that does not hurt more"
	out_has "why: running on a painful injury prolongs it"
	err_empty
'

test_case '16 days and not improving: see a clinician, not medical advice' '
	injured
	expect_ok today
	out_has "warning  injury-see-clinician  Tue 2026-11-24"
	out_has "See a doctor or physio about your right hamstrings: it has not improved in 16 days (pain 5, flat). This is not medical advice."
'

test_case 'the advice in --json: rule ids, kinds, dates, reason and source' '
	injured
	expect_ok --json today
	jq_is .date 2026-11-24
	jq_is .readiness.level rest
	jq_is ".readiness.injuries | map(\"\(.region):\(.side) \(.days) \(.latest_level) \(.trend)\") | join(\",\")" \
		"hamstrings:right 16 5 flat"
	jq_is "[.advice[] | select(.kind == \"warning\") | .rule] | join(\",\")" \
		"injury-no-run,injury-see-clinician"
	jq_is ".advice[] | select(.rule == \"injury-no-run\") | \"\(.from) \(.to)\"" \
		"2026-11-24 2026-11-24"
	jq_is ".advice[] | select(.rule == \"injury-see-clinician\") | \"\(.from) \(.to)\"" \
		"2026-11-24 2026-11-24"
	jq_is ".advice[] | select(.rule == \"injury-see-clinician\") | .text | test(\"not medical advice\")" true
	jq_is ".advice[] | select(.rule == \"injury-no-run\") | .source | test(\"not medical advice\")" true
	jq_is ".advice[] | select(.rule == \"injury-no-run\") | .reason | length > 0" true
	jq_is ".advice[] | select(.rule == \"injury-see-clinician\") | .facts | map(select(test(\"trend flat\"))) | length" 1
	jq_is .workout null
	jq_is .plan null
'

test_case 'a run planned today is to be replaced with cross-training or rest' '
	injured
	knead race add "Riverside Half" 2027-03-21 half >/dev/null
	knead plan new "Riverside Half" --weeks 17 >/dev/null
	expect_ok today
	out_has "plan: easy run, 25 min (Riverside Half, week 1 of 17, base)"
	out_has "Today'"'"'s plan has easy run, 25 min: replace it with pain-free cross-training or rest."
	expect_ok --json today
	jq_is ".workout | \"\(.date) \(.kind) \(.target_s)\"" "2026-11-24 easy 1500"
	jq_is ".plan.race" "Riverside Half"
	# Monday 2026-11-23 is a rest day: nothing to replace
	expect_ok today --date 2026-11-23
	out_has "plan: rest"
	out_has "No running today"
	out_lacks "replace it"
'

test_case '--why shows the facts and the source' '
	injured
	expect_ok today --why
	out_has "    - right hamstrings injured since Sun 2026-11-08 (16 days, active)"
	out_has "    - latest pain 5 on Mon 2026-11-23 (the rule: 4 or more within 7 days)"
	out_has "    - pain: first 5 on Sun 2026-11-08, last 5 on Mon 2026-11-23"
	out_has "    - the rule: active 14 days or more and not improving"
	out_has "    source: domain.md 3.1"
	expect_ok today
	out_lacks "source:"
'

test_case 'as of day 12 it is too soon for a clinician, not for resting' '
	injured
	expect_ok --json today --date 2026-11-20
	jq_is .date 2026-11-20
	jq_is "[.advice[].rule] | map(select(startswith(\"injury\"))) | join(\",\")" "injury-no-run"
	jq_is ".readiness.injuries[0].days" 12
	expect_ok today --date 2026-11-20
	out_has "Friday 2026-11-20"
	out_lacks "(today)"
'

test_case 'pain easing to 3 allows running; an improving injury needs no clinician' '
	knead init >/dev/null
	knead injury add hamstring:right --since 2026-11-04 >/dev/null
	knead sore hamstring:right 6 --pain --date 2026-11-04 >/dev/null
	knead sore hamstring:right 5 --pain --date 2026-11-12 >/dev/null
	knead sore hamstring:right 3 --pain --date 2026-11-22 >/dev/null
	expect_ok --json today
	jq_is .readiness.level caution
	jq_is ".readiness.injuries[0].trend" improving
	jq_is "[.advice[].rule] | map(select(startswith(\"injury\"))) | length" 0
	jq_is "[.advice[].rule] | join(\",\")" self-care
'

test_case 'a resolved injury no longer stops her; before it was resolved it did' '
	injured
	knead injury resolve 1 --date 2026-11-24 >/dev/null
	expect_ok --json today
	jq_is ".readiness.injuries | length" 0
	jq_is "[.advice[].rule] | map(select(startswith(\"injury\"))) | length" 0
	expect_ok --json today --date 2026-11-23
	jq_is "[.advice[].rule] | map(select(startswith(\"injury\"))) | join(\",\")" \
		"injury-no-run,injury-see-clinician"
'

test_case 'a runner may switch the clinician rule off in her rules.ini' '
	injured
	mkdir -p home/.config/knead
	printf "[injury-see-clinician]\nenabled = no\n[injury-no-run]\nmin_pain = six\n" \
		>home/.config/knead/rules.ini
	expect_ok --json today
	jq_is "[.advice[].rule] | map(select(startswith(\"injury\"))) | join(\",\")" injury-no-run
	err_has "rules.ini:4"
'

test_case 'a bad --date is a usage error; no database is a failure' '
	expect_rc 1 today
	err_has "knead today"
	knead init >/dev/null
	expect_rc 2 today --date 2026-13-40
	err_has "--date"
	expect_rc 2 today --date 2026-11-25
	err_has "knead today: --date 2026-11-25 is after today"
	expect_rc 2 week --date tomorrow
	err_has "after today"
'

test_done
