#!/bin/sh
# Story 2 of issue 6: an A race in 8 days. No deep tissue or ART after
# day -5, a Swedish massage offered on days -3..-1, and deep tissue logged
# on day -3 warned (on stderr, exit 0).
. "$(dirname "$0")/lib.sh"

# Today is Tuesday 2026-11-24; the race is on Wednesday 2026-12-02.
half() {
	knead init --currency USD >/dev/null
	knead race add "Phoenix Half" 2026-12-02 half --priority A >/dev/null
	knead provider add "Knead Studio" --kind massage --price 90 >/dev/null
}

# No suggestion of deep work (deep, ART, sports) from day -4 to the race.
no_deep_after_day_minus_5() {
	jq_is "[.suggestions[] | select(.modality == \"massage:deep\" or .modality == \"massage:art\" or .modality == \"massage:sports\") | select(.date > \"2026-11-27\" and .date <= \"2026-12-02\")] | length" 0
}

test_case 'no massage for months: deep tissue now, Swedish on day -2' '
	half
	expect_ok advise massage --why
	out_has "Tue 2026-11-24  advice  massage-pre-race-deep"
	out_has "deep-tissue massage with Knead Studio (\$90.00): 8 days before Phoenix Half (A race, 2026-12-02)"
	out_has "no massage logged yet: the early end of the window"
	out_has "Mon 2026-11-30  advice  massage-pre-race-light"
	out_has "Swedish massage with Knead Studio (\$90.00): 2 days before Phoenix Half (A race, 2026-12-02)"
	expect_ok --json advise massage
	no_deep_after_day_minus_5
	jq_is "[.suggestions[] | select(.rule == \"massage-pre-race-light\") | .date] | join(\" \")" 2026-11-30
	jq_is "[.suggestions[] | select(.rule == \"massage-pre-race-light\") | .modality] | join(\" \")" massage:swedish
	jq_is "[.suggestions[] | select(.rule == \"massage-pre-race-deep\") | .date] | join(\" \")" 2026-11-24
	# after the half: deep tissue on day 3
	jq_is "[.suggestions[] | select(.rule == \"massage-post-race\") | .date] | join(\" \")" 2026-12-05
'

test_case 'a massage two weeks ago: the late end, day -5 and no later' '
	half
	knead recover massage:sports hamstrings --date 2026-11-10 >/dev/null
	expect_ok advise massage --why
	out_has "Fri 2026-11-27  advice  massage-pre-race-deep"
	out_has "last massage 2026-11-10, 14 days ago: the late end of the window"
	expect_ok --json advise massage
	no_deep_after_day_minus_5
	jq_is "[.suggestions[] | select(.rule == \"massage-pre-race-deep\") | .date] | join(\" \")" 2026-11-27
'

test_case 'the taper leaves no day for deep work: said, and Swedish still offered' '
	half
	knead plan new phoenix --weeks 8 >/dev/null
	# the plan has the long run on Wed 2026-11-25 and tempo on Sat 2026-11-28
	expect_ok advise massage --why
	out_has "Tue 2026-11-24 to Fri 2026-11-27  advice  massage-pre-race-deep"
	out_has "no day for deep work before Phoenix Half"
	out_has "not 2026-11-27: within 1 day of a hard day, 2026-11-28 (planned tempo)"
	expect_ok --json advise massage
	no_deep_after_day_minus_5
	jq_is "[.suggestions[] | select(.rule == \"massage-pre-race-deep\")] | length" 0
	jq_is "[.suggestions[] | select(.rule == \"massage-pre-race-light\") | .date >= \"2026-11-29\" and .date <= \"2026-12-01\"] | all" true
	jq_is "[.suggestions[] | select(.rule == \"massage-pre-race-light\")] | length" 1
'

test_case 'deep tissue on day -3 is warned, logged all the same' '
	half
	export KNEAD_NOW=2026-11-29T12:00
	expect_ok recover massage:deep hamstrings 60min
	out_has "recovery 1: deep-tissue massage on Sun 2026-11-29"
	err_has "knead recover: warning: deep-tissue massage on 2026-11-29 is 3 days before Phoenix Half (A race, 2026-12-02): deep work no later than 5 days before an A race [massage-pre-race-deep]"
	expect_ok --json recover --from 2026-11-29
	jq_is ".sessions | length" 1
	# ART too
	expect_ok recover art hamstrings
	err_has "[massage-pre-race-deep]"
'

test_case 'deep tissue on day -5 and Swedish on day -2 are fine' '
	half
	KNEAD_NOW=2026-11-27T12:00 knead recover massage:deep hamstrings >/dev/null 2>err
	err_empty
	export KNEAD_NOW=2026-11-30T12:00
	expect_ok recover massage:swedish
	err_empty
'

test_case 'deep tissue next to a hard session is warned' '
	half
	knead log run 12k 60min --rpe 8 --date 2026-11-23 >/dev/null
	expect_ok recover massage:deep calf
	err_has "warning: deep-tissue massage on 2026-11-24 is within 1 day of a hard day: 2026-11-23 (run, RPE 8) [massage-not-adjacent-hard]"
'

test_done
