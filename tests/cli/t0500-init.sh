#!/bin/sh
# knead init: the profile.
. "$(dirname "$0")/lib.sh"

test_case 'init sets the profile and a second init changes only what it is given' '
	expect_ok init --name Hollie --sex f --born 1990 --max-hr 188 --rest-hr 52 --threshold 4:50/km --tz America/Phoenix --currency usd --json
	jq_is ".athlete.name, .athlete.sex, .athlete.birth_year, .athlete.max_hr, .athlete.rest_hr, .athlete.threshold_pace_s_per_km, .athlete.tz, .athlete.currency" "Hollie
f
1990
188
52
290
America/Phoenix
USD"
	expect_ok init --units mi --json
	jq_is ".athlete.name, .athlete.units, .athlete.max_hr" "Hollie
mi
188"
'

test_case 'bad profile values are refused and change nothing' '
	knead init --name A >/dev/null
	cp knead.db before.db
	expect_rc 2 init --tz Mars/Olympus
	err_has "unknown time zone '"'"'Mars/Olympus'"'"'"
	expect_rc 2 init --max-hr 60 --rest-hr 70
	expect_rc 2 init --units furlongs
	expect_rc 2 init --born 1800
	expect_rc 2 init --threshold fast
	expect_rc 2 init --currency dollars
	same_file knead.db before.db
'

test_case 'the profile zone decides what today is' '
	export KNEAD_NOW=1764070200 # 2025-11-25 11:30 UTC
	knead init --tz Pacific/Auckland >/dev/null
	expect_ok log run 5k --json
	jq_is .date 2025-11-26
	knead init --tz America/Los_Angeles >/dev/null
	expect_ok log run 5k --json
	jq_is .date 2025-11-25
'

test_done
