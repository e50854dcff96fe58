#!/bin/sh
# Story 1 of issue 6: four days after a marathon the runner asks when to
# book a massage. Deep tissue on days 3 to 5 after the race, never within
# a day of a hard session, and an easy day after it.
. "$(dirname "$0")/lib.sh"

# Thursday 2026-11-26, four days after Sunday's marathon.
KNEAD_NOW_DEFAULT=2026-11-26T12:00

marathon() {
	knead init --currency USD >/dev/null
	knead log run marathon 3:45:00 --date 2026-11-22 --rpe 9 >/dev/null
	knead race add "Phoenix Marathon" 2026-11-22 marathon --priority A >/dev/null
	knead race result phoenix 3:45:00 >/dev/null
	knead provider add "Knead Studio" --kind massage --price 90 >/dev/null
}

test_case 'deep tissue on day 4 after the marathon, then an easy day' '
	marathon
	expect_ok advise massage
	out_has "massage plan, Thu 2026-11-26 to Wed 2027-01-06"
	out_has "Thu 2026-11-26  advice  massage-post-race"
	out_has "deep-tissue massage with Knead Studio (\$90.00): 4 days after Phoenix Marathon (2026-11-22)"
	out_has "why: the first days after a long race belong to the body"
	out_has "Fri 2026-11-27  advice  easy-after-massage"
	out_has "after the deep-tissue massage on 2026-11-26: an easy run or rest, nothing hard"
	out_has "Thu 2026-11-26  advice  hydrate-after-massage"
	err_empty
	expect_ok --json advise massage
	jq_is "[.suggestions[] | select(.rule == \"massage-post-race\")] | length" 1
	jq_is ".suggestions[0] | [.date, .modality, .kind, .status, .provider.name, .cost_cents] | map(tostring) | join(\" \")" \
		"2026-11-26 massage:deep advice suggested Knead Studio 9000"
	# days 3 to 5 after the race
	jq_is ".suggestions[0].date >= \"2026-11-25\" and .suggestions[0].date <= \"2026-11-27\"" true
	jq_is ".advice[] | select(.rule == \"easy-after-massage\") | [.kind, .from, .to] | join(\" \")" \
		"advice 2026-11-27 2026-11-27"
'

test_case 'a hard session the day before moves it to day 5' '
	marathon
	knead log bike 1h --rpe 8 --date 2026-11-25 >/dev/null
	expect_ok advise massage --why
	out_has "Fri 2026-11-27  advice  massage-post-race"
	out_lacks "Thu 2026-11-26  advice  massage-post-race"
	out_has "5 days after Phoenix Marathon"
	out_has "- not 2026-11-26: within 1 day of a hard day, 2026-11-25 (bike, RPE 8) [massage-not-adjacent-hard]"
	out_has "Sat 2026-11-28  advice  easy-after-massage"
	out_has "source: runners"
	expect_ok --json advise massage
	jq_is "[.suggestions[] | select(.modality == \"massage:deep\") | .date] | join(\" \")" 2026-11-27
'

test_case 'no day of the window a day away from hard sessions: a later one, said so' '
	marathon
	knead log bike 1h --rpe 8 --date 2026-11-25 >/dev/null
	export KNEAD_NOW=2026-11-27T18:00
	knead log run 10k 50min --rpe 8 >/dev/null
	expect_ok advise massage
	out_has "Sun 2026-11-29  advice  massage-post-race"
	out_has "7 days after Phoenix Marathon (2026-11-22), later than days 3 to 5: hard days first"
'

test_case 'a massage had after the race is the post-race massage' '
	marathon
	knead recover massage:deep calf,hamstrings --date 2026-11-25 >/dev/null
	expect_ok --json advise massage
	jq_is "[.suggestions[] | select(.rule == \"massage-post-race\")] | length" 0
	# a 10k asks for none
	knead race add "Turkey Trot" 2026-11-22 10k --priority C >/dev/null
	expect_ok --json advise massage
	jq_is "[.suggestions[] | select(.rule == \"massage-post-race\")] | length" 0
'

test_case 'booked, done by the session on its day, and a hard run the day after is warned' '
	marathon
	expect_ok advise massage --book
	out_has "booked 1 appointment: 1"
	expect_ok --json advise massage
	jq_is ".suggestions[0] | [.status, .appointment_id, .date] | map(tostring) | join(\" \")" \
		"booked 1 2026-11-26"
	out_has "booked: deep-tissue massage with Knead Studio"
	# booking again books nothing new
	expect_ok advise massage --book
	out_has "nothing new to book"
	expect_ok recover massage:deep calf,hamstrings 60min --with knead
	out_has "appointment 1 is done"
	err_empty
	expect_ok --json advise massage
	jq_is "[.suggestions[] | select(.rule == \"massage-post-race\")] | length" 0
	export KNEAD_NOW=2026-11-27T18:00
	expect_ok log run 10k 45min --rpe 8
	out_has "logged 2"
	err_has "knead log: warning: a hard run on 2026-11-27 (RPE 8) the day after a deep-tissue massage on 2026-11-26: the day after a massage is for an easy run or rest [easy-after-massage]"
	expect_ok log run 5k 30min --rpe 3
	err_empty
'

test_case 'the massage plan is read-only without --book, and its input is checked' '
	expect_rc 1 advise massage
	err_has "no database"
	marathon
	cp knead.db before.db
	expect_ok advise massage
	same_file knead.db before.db
	expect_rc 2 advise massage --weeks 0
	err_has "--weeks"
	expect_rc 2 advise massage --weeks 27
	expect_rc 2 advise massage --book --date 2026-11-20
	err_has "--book keeps appointments from today on"
	same_file knead.db before.db
	expect_ok advise massage --date 2026-11-20 --weeks 1
	out_has "massage plan, Fri 2026-11-20 to Thu 2026-11-26"
'

test_done
