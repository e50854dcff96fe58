#!/bin/sh
# Bad body, recovery and provider input is refused with a message that
# names it, exit status 2, and no write: the database stays byte for byte
# the same, and a refused command creates no database.
. "$(dirname "$0")/lib.sh"

# A database with a little of everything in it, and its copy.
setup() {
	knead init --currency USD >/dev/null
	knead log run 8k --date 2026-11-20 >/dev/null
	knead sore hamstring:right 5 --pain --date 2026-11-20 >/dev/null
	knead injury add hamstring:right --since 2026-11-20 >/dev/null
	knead provider add "Knead Studio" --kind massage --price 90 \
		--membership 70/month:1 --since 2026-11-15 >/dev/null
	knead recover deep hamstrings 60min --with knead --date 2026-11-21 >/dev/null
	knead wellness --sleep 7h --date 2026-11-21 >/dev/null
	cp knead.db before.db
	sqlite3 knead.db .dump > before.sql
}

# No write at all: the file and its contents are as they were.
unchanged() {
	same_file knead.db before.db
	sqlite3 knead.db .dump > after.sql
	same_file after.sql before.sql
}

# Each line: arguments to knead, then after " | " text the message has.
cases='sore hamsting:right 4 | '"'"'hamsting'"'"' is not a body region; did you mean hamstrings
sore hamstring 4 | which side? write hamstrings:left
sore hamstring:right 11 | '"'"'11'"'"' is not a level from 0
sore hamstring:right -1 | -1
sore hamstring:sideways 3 | '"'"'sideways'"'"' is not a side
sore neck:left 3 | neck has no left and right
sore hamstring:right 3 --date 2030-01-01 | 2030-01-01 is in the future
sore hamstring:right 3 --tight --pain | not both
recover massage hamstrings | which massage? massage:deep
recover deep hamstrings --found adductors:right | '"'"'adductors:right'"'"' needs REGION=FINDING
recover deep --found adductors:right=wobbly | '"'"'wobbly'"'"' is not a finding
recover deep --found adductrs:right=tight | adductrs
recover deep --with Nobody | no provider '"'"'Nobody'"'"'
recover deep --cost 90EUR | '"'"'90EUR'"'"' is in EUR
recover deep --cost -5 | '"'"'-5'"'"' is not an amount of money
recover deep --relief 11 | --relief: '"'"'11'"'"'
recover deep --pain 11 | --pain: '"'"'11'"'"'
recover deep --date 2030-01-01 | 2030-01-01
recover knitting 30min | knitting
injury add hamstring | which side?
injury add hamstring:right --since 2030-01-01 | --since 2030-01-01 is in the future
injury add hamstring:right --status resolved | injury resolve
injury resolve 1 --date 2026-11-01 | before its onset
provider add X | --kind
provider add X --kind plumber | '"'"'plumber'"'"' is not a kind of provider
provider add X --kind massage --membership 70/month:0 | '"'"'70/month:0'"'"'
provider add X --kind massage --price abc | abc
provider edit knead --end 2026-11-01 | cannot end before it starts
wellness --fatigue 11 | --fatigue: '"'"'11'"'"'
wellness --sleep 30h | '"'"'30h'"'"' is not hours of sleep
wellness --weight 61.5st | '"'"'61.5st'"'"' is not a weight
wellness --rhr 52 --date 2030-01-01 | 2030-01-01'

test_case 'each bad input is named, exits 2 and writes nothing' '
	setup
	echo "$cases" | while IFS= read -r line; do
		args=${line%% | *}
		want=${line#* | }
		# shellcheck disable=SC2086 # split the case into arguments
		expect_rc 2 $args
		err_has "$want"
		unchanged
	done
'

test_case 'an injury or provider that does not exist exits 1 and writes nothing' '
	setup
	expect_rc 1 injury show 99
	err_has "no injury 99"
	expect_rc 1 injury edit 99 --cause x
	err_has "no injury 99"
	expect_rc 1 injury resolve 99
	err_has "no injury 99"
	expect_rc 1 provider edit Nobody --price 80
	err_has "no provider '"'"'Nobody'"'"'"
	unchanged
'

test_case 'the brief tells which side to write' '
	setup
	expect_rc 2 sore hamstring 4
	err_has "hamstrings:left"
	err_has "hamstrings:right"
	err_has "hamstrings:both"
	unchanged
'

test_case 'a misspelt region in a list of regions is named' '
	setup
	expect_rc 2 recover roll hamstrings,gluts,calfs,quadz 10min
	err_has quadz
	unchanged
'

test_case 'a provider already there is refused' '
	setup
	expect_rc 1 provider add "knead studio" --kind massage
	err_has "already"
	unchanged
'

test_case 'a second membership that would overlap is refused' '
	setup
	expect_rc 1 provider edit knead --membership 80/month:2 --since 2026-11-01
	err_has "two memberships would run at once"
	unchanged
'

test_case 'a refused command creates no database' '
	for args in "sore hamsting:right 4" "sore hamstring 4" "recover massage hamstrings" \
		"recover deep --with Nobody" "recover deep --cost 90EUR" "injury add hamstring" \
		"provider add X" "wellness --fatigue 11" "injury show 99"; do
		# shellcheck disable=SC2086
		run $args
		[ "$rc" != 0 ] || { echo "knead $args succeeded"; exit 1; }
		[ -s err ] || { echo "knead $args said nothing"; exit 1; }
		[ ! -e knead.db ] || { echo "knead $args created the database"; exit 1; }
	done
'

test_done
