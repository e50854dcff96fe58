#!/bin/sh
# Bad input is refused with a message that names it, exit status 2, and
# no write: not to an existing database, and no database file is created.
. "$(dirname "$0")/lib.sh"

# Each line: arguments to `knead log`, then after " | " text the message has.
cases='run 8x | '"'"'8x'"'"' is not a distance or a duration
run 8k --date 2026-02-30 | '"'"'2026-02-30'"'"' is not a date: 2026-02 has 28 days
run 8k --date 2026-13-01 | no month 13
run 8k --date 1899-12-31 | outside the years
run 8k --date tomorrow | is after today
run 8k --rpe 11 | --rpe: '"'"'11'"'"' is out of range (1 to 10)
run 8k --rpe 0 | --rpe
run 8k --hr 300 | --hr
run 45 | '"'"'45'"'"' has no unit
run 45m | for minutes write 45min
run 8k 2min | too fast for a run
run 8k 9k | second distance
run | give a distance, a duration or both
s 5k | could be any of: ski, swim, strength
skating 5k | '"'"'skating'"'"' is not a sport
ski 3h --treadmill | not done on a treadmill
run 8k --at 25:00 | --at: '"'"'25:00'"'"' is not a time of day
run 8k --gear nope | --gear: no gear '"'"'nope'"'"'
run 8k --rp 5 --bogus | unknown option '"'"'--bogus'"'"'
run 8k --rpe | needs a value
run 8k --treadmill=yes | takes no value
run 150h | longer than 100 hours'

test_case 'each bad input is named, exits 2 and writes nothing' '
	knead init >/dev/null
	knead log run 5k >/dev/null
	cp knead.db before.db
	echo "$cases" | while IFS= read -r line; do
		args=${line%% | *}
		want=${line#* | }
		# shellcheck disable=SC2086 # split the case into arguments
		expect_rc 2 log $args
		err_has "$want"
		same_file knead.db before.db
	done
	expect_ok list --json
	jq_is ".activities | length" 1
'

test_case 'a refused command creates no database' '
	expect_rc 2 log run 8x
	[ ! -e knead.db ]
	expect_rc 2 log run 8k --gear pegasus
	[ ! -e knead.db ]
	expect_rc 2 log run 8k --date 2026-02-30
	[ ! -e knead.db ]
'

test_case 'a bad --date in edit or list is refused too' '
	knead log run 5k >/dev/null
	expect_rc 2 edit 1 --date 2026-02-30
	err_has 2026-02-30
	expect_rc 2 list --from yesterdy
	err_has yesterdy
	expect_rc 2 list --from today --to -3d
	err_has "is after --to"
'

test_done
