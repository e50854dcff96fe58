#!/bin/sh
# Story 5 of issue 6: a budget of 80 a month with a membership. The
# massage plan stays within the budget every month: the membership's
# included sessions first, a paid therapist while the month has room,
# self-massage beyond, said so under the budget rule.
. "$(dirname "$0")/lib.sh"

# Today is Tuesday 2026-11-24; the half is on Sunday 2026-12-13.
budget() {
	knead init --currency USD --budget 80 >/dev/null
	knead race add "Phoenix Half" 2026-12-13 half --priority A >/dev/null
}

studio() {
	knead provider add "Knead Studio" --kind massage --price 90 \
		--membership 50/month:1 --since 2026-11-01 >/dev/null
}

thrifty() {
	knead provider add "Thrifty Hands" --kind massage --price 60 >/dev/null
}

# Every month's money (spent, booked, suggested) within the budget.
within_budget() {
	jq_is "[.months[] | .spent_cents + .suggested_cents <= .budget_cents] | all" true
	jq_is "[.months[] | .left_cents >= 0] | all" true
}

test_case 'init keeps the budget, and none clears it' '
	knead init --currency USD >/dev/null
	expect_ok init --budget 80
	out_has "budget     \$80.00 a month for recovery"
	expect_ok --json init
	jq_is .athlete.budget_cents 8000
	expect_ok --json init --budget none
	jq_is .athlete.budget_cents null
	cp knead.db before.db
	expect_rc 2 init --budget 80EUR
	err_has "--budget: '"'"'80EUR'"'"' is in EUR, but knead keeps money in USD"
	expect_rc 2 init --budget -5
	same_file knead.db before.db
'

test_case 'the membership first, self-massage when a paid one would pass the budget' '
	budget
	studio
	thrifty
	expect_ok advise massage --why
	out_has "massage plan, Tue 2026-11-24 to Mon 2027-01-04, budget \$80.00 a month"
	out_has "Sat 2026-11-28  advice  massage-pre-race-deep"
	out_has "deep-tissue massage with Knead Studio (membership session): 15 days before Phoenix Half"
	out_has "Knead Studio: included session 1 of 1 in the membership period from 2026-11-01"
	out_has "Fri 2026-12-11  advice  massage-pre-race-light"
	out_has "Swedish massage with Knead Studio (membership session)"
	out_has "Wed 2026-12-16  advice  budget"
	out_has "self-massage (foam roller, stick or ball) instead of a deep-tissue massage, to stay in the budget: 3 days after Phoenix Half"
	out_has "budget: deep-tissue massage at \$60.00 would take the month to \$110.00 of \$80.00"
	out_has "asked for by massage-post-race"
	out_has "2026-12  \$80.00           \$50.00      \$0.00  \$30.00"
	expect_ok --json advise massage
	within_budget
	jq_is ".budget_cents" 8000
	jq_is "[.suggestions[] | select(.membership) | .date] | join(\" \")" "2026-11-28 2026-12-11"
	jq_is ".suggestions[] | select(.rule == \"budget\") | [.date, .modality, .self_massage, .cost_cents, .instead_of.rule, .instead_of.modality] | map(tostring) | join(\" \")" \
		"2026-12-16 roll true 0 massage-post-race massage:deep"
	jq_is ".suggestions[] | select(.rule == \"budget\") | .provider" null
	jq_is "[.months[] | .spent_cents] | map(tostring) | join(\" \")" "5000 5000 5000"
'

test_case 'without a membership: paid while the month has room, then self-massage' '
	budget
	thrifty
	expect_ok --json advise massage
	within_budget
	jq_is "[.suggestions[] | \"\(.date) \(.rule) \(.cost_cents)\"] | join(\", \")" \
		"2026-11-28 massage-pre-race-deep 6000, 2026-12-11 massage-pre-race-light 6000, 2026-12-16 budget 0"
	jq_is "[.months[] | .suggested_cents] | map(tostring) | join(\" \")" "6000 6000 0"
	# without a budget every massage is paid
	knead init --budget none >/dev/null
	expect_ok --json advise massage
	jq_is "[.suggestions[] | .cost_cents] | add" 18000
	jq_is "[.suggestions[] | select(.self_massage)] | length" 0
'

test_case 'what was spent counts, and a month near the budget is warned' '
	budget
	thrifty
	expect_ok recover massage:sports hamstrings --cost 70 --date 2026-11-20
	err_has "knead recover: warning: the recovery spend of 2026-11 is \$70.00 of the \$80.00 budget [budget]"
	expect_ok advise massage
	out_has "Tue 2026-11-24 to Mon 2026-11-30  warning  budget"
	out_has "2026-11: \$70.00 of the \$80.00 budget is already spent or booked"
	expect_ok --json advise massage
	within_budget
	jq_is "[.suggestions[] | select(.date < \"2026-12-01\") | .self_massage] | all" true
'

test_case 'booked appointments count against their month' '
	budget
	thrifty
	expect_ok advise massage --book
	out_has "booked 3 appointments: 1 2 3"
	expect_ok --json advise massage
	within_budget
	jq_is "[.suggestions[] | .status] | unique | join(\" \")" booked
	jq_is "[.months[] | .spent_cents] | map(tostring) | join(\" \")" "6000 6000 0"
	jq_is "[.months[] | .suggested_cents] | add" 0
	jq_is ".booked | length" 0
'

test_done
