#!/bin/sh
# knead provider and knead spend: who she pays, their memberships, and
# what recovery cost her month by month.
. "$(dirname "$0")/lib.sh"

studio() {
	knead init --currency USD >/dev/null
	knead provider add "Knead Studio" --kind massage --price 90 \
		--membership 70/month:1 --since 2026-11-15 >/dev/null
}

test_case 'provider add keeps the price and the membership' '
	knead init --currency USD >/dev/null
	expect_ok provider add "Knead Studio" --kind massage --price 90 \
		--membership 70/month:1 --since 2026-11-15
	out_has "added provider 1: Knead Studio (massage, \$90.00 a visit)"
	out_has "membership: \$70.00/month for 1 session, from Sun 2026-11-15"
	expect_ok --json provider list
	jq_is ".providers | length" 1
	jq_is ".providers[0] | [.id, .name, .kind, .price_cents, .currency] | join(\" \")" \
		"1 Knead Studio massage 9000 USD"
	jq_is ".providers[0].memberships | length" 1
	jq_is ".providers[0].memberships[0] | [.fee_cents, .sessions, .since, .until] | map(tostring) | join(\" \")" \
		"7000 1 2026-11-15 null"
	expect_ok provider list
	out_has "Knead Studio"
	out_has "\$90.00"
	out_has "\$70.00/month for 1 session"
'

test_case 'a new membership ends the old one the day before it starts' '
	studio
	expect_ok provider edit knead --membership 80/month:2 --since 2026-11-20
	out_has "from Sun 2026-11-15 to Thu 2026-11-19"
	out_has "\$80.00/month for 2 sessions, from Fri 2026-11-20"
	expect_ok --json provider list
	jq_is ".providers[0].memberships | map(\"\(.fee_cents)/\(.sessions) \(.since)..\(.until)\") | join(\" \")" \
		"7000/1 2026-11-15..2026-11-19 8000/2 2026-11-20..null"
	expect_ok provider list
	out_has "\$80.00/month for 2 sessions, from Fri 2026-11-20"
	out_lacks "\$70.00/month"
'

test_case 'the new membership costs the sessions from its first day' '
	studio
	knead provider edit knead --membership 80/month:2 --since 2026-11-20 >/dev/null
	expect_ok recover deep hamstrings 60min --with knead --date 2026-11-17
	out_has "\$70.00 (membership 1/1)"
	expect_ok recover deep hamstrings 60min --with knead --date 2026-11-20
	out_has "\$40.00 (membership 1/2)"
	expect_ok --json spend
	jq_is .fee_cents 15000
	jq_is ".memberships | map(\"\(.fee_cents):\(.used)\") | join(\" \")" "7000:1 8000:1"
'

test_case 'provider edit --end ends the current membership' '
	studio
	expect_ok provider edit knead --end 2026-11-30
	out_has "from Sun 2026-11-15 to Mon 2026-11-30"
	expect_ok --json provider list
	jq_is ".providers[0].memberships[0].until" 2026-11-30
'

test_case 'a membership cannot end before it starts' '
	studio
	cp knead.db before.db
	expect_rc 2 provider edit knead --end 2026-11-01
	err_has "cannot end before it starts"
	same_file knead.db before.db
'

test_case 'a session after the membership ended is at the price' '
	studio
	knead provider edit knead --end 2026-11-18 >/dev/null
	expect_ok recover deep hamstrings 60min --with knead --date 2026-11-20
	out_has "cost: \$90.00"
	expect_ok --json recover --from 2026-11-20 --to 2026-11-20
	# outside a membership the price is fixed when the session is recorded
	jq_is ".sessions[0].cost | [.basis, .cash_cents] | join(\" \")" "paid 9000"
	knead provider edit knead --price 120 >/dev/null
	expect_ok --json recover --from 2026-11-20 --to 2026-11-20
	jq_is ".sessions[0].cost.cash_cents" 9000
'

test_case 'provider edit --price none clears the price' '
	studio
	expect_ok provider edit "Knead Studio" --price none
	out_has "Knead Studio (massage)"
	out_lacks "\$90.00"
	expect_ok --json provider list
	jq_is ".providers[0].price_cents" null
	jq_is ".providers[0].memberships | length" 1
	expect_ok provider edit knead --price 95.50
	expect_ok --json provider list
	jq_is ".providers[0].price_cents" 9550
'

test_case 'provider edit renames and changes the kind and note' '
	studio
	expect_ok provider edit 1 --name "Knead Studio East" --kind clinic --note "on Main St"
	out_has "Knead Studio East (clinic"
	expect_ok --json provider list
	jq_is ".providers[0] | [.name, .kind, .note] | join(\"|\")" "Knead Studio East|clinic|on Main St"
	expect_ok recover deep calves 30min --with "knead studio e" --date 2026-11-20
	out_has "with Knead Studio East"
'

test_case 'membership months run from the day it started' '
	knead init --currency USD >/dev/null
	knead provider add Studio --kind massage --price 90 --membership 70/month:1 --since 2026-10-20 >/dev/null
	expect_ok recover deep calves 60min --with studio --date 2026-10-20
	out_has "(membership 1/1)"
	expect_ok recover deep calves 60min --with studio --date 2026-10-25
	out_has "\$90.00 (the provider'"'"'s price: this month'"'"'s membership sessions are used)"
	expect_ok recover deep calves 60min --with studio --date 2026-11-19
	out_has "\$90.00"
	expect_ok recover deep calves 60min --with studio --date 2026-11-20
	out_has "(membership 1/1)"
	expect_ok --json spend
	jq_is .total_cents 32000
	jq_is .session_cents 18000
	jq_is .fee_cents 14000
	jq_is ".by_month | map(\"\(.month)=\(.cents)\") | join(\" \")" "2026-10=16000 2026-11=16000"
	jq_is ".memberships[0] | [.periods, .fees_cents, .used, .extra, .pay_per_visit_cents, .saved_cents] | join(\" \")" \
		"2 14000 2 2 18000 4000"
'

test_case 'a membership of two sessions shares its fee between them' '
	knead init --currency USD >/dev/null
	knead provider add Studio --kind massage --price 90 --membership 80/month:2 --since 2026-10-05 >/dev/null
	for d in 06 07 08; do knead recover sports calves 60min --with studio --date 2026-10-$d >/dev/null; done
	expect_ok --json recover --from 2026-10-01
	jq_is "[.sessions[] | \"\(.cost.basis):\(.cost.share_cents)\"] | join(\" \")" \
		"membership:4000 membership:4000 price:9000"
	expect_ok --json spend
	jq_is ".memberships[0] | [.used, .extra, .pay_per_visit_cents, .saved_cents, .paid_off] | map(tostring) | join(\" \")" \
		"2 1 18000 2000 true"
'

test_case 'a typed cost beats the membership and keeps its session' '
	studio
	expect_ok recover deep calves 60min --with knead --cost 50 --date 2026-11-16
	out_has "cost: \$50.00"
	out_lacks membership
	expect_ok recover deep calves 60min --with knead --date 2026-11-17
	out_has "(membership 1/1)"
	expect_ok --json spend
	jq_is .total_cents 12000
'

test_case 'an unused membership did not pay off' '
	studio
	expect_ok --json spend
	jq_is .total_cents 7000
	jq_is ".memberships[0] | [.used, .pay_per_visit_cents, .saved_cents, .paid_off] | map(tostring) | join(\" \")" \
		"0 0 -7000 false"
	expect_ok spend
	out_has "\$70.00"
	out_lacks "paid off"
'

test_case 'spend --to stops at its day' '
	studio
	knead recover chiro hip 30min --cost 60 --date 2026-11-10 >/dev/null
	knead recover deep calves 60min --with knead --date 2026-11-17 >/dev/null
	expect_ok --json spend --to 2026-11-14
	jq_is .to 2026-11-14
	jq_is .total_cents 6000
	jq_is ".memberships | length" 0
	expect_ok --json spend --from 2026-11-15 --to 2026-11-24
	jq_is .total_cents 7000
	expect_rc 2 spend --from 2026-11-20 --to 2026-11-10
	err_has "--from '"'"'2026-11-20'"'"' is after --to '"'"'2026-11-10'"'"'"
'

test_case 'with nothing spent, spend says so and exits 0' '
	knead init --currency USD >/dev/null
	knead recover roll calves 10min --date 2026-11-20 >/dev/null
	expect_ok --json spend
	jq_is .total_cents 0
	jq_is ".by_modality[0] | [.modality, .sessions, .per_session_cents] | map(tostring) | join(\" \")" \
		"roll 1 null"
	expect_ok spend
	out_has "\$0.00"
'

test_case 'money in another currency is left out with a warning' '
	studio
	knead recover chiro hip 30min --cost 60 --date 2026-11-16 >/dev/null
	knead init --currency EUR >/dev/null
	expect_ok --json spend
	jq_is .currency EUR
	jq_is .total_cents 0
	jq_is .other_currency 2
	err_has "another currency"
'

test_done
