#!/bin/sh
# Where the database lives, and what happens when it cannot be used.
. "$(dirname "$0")/lib.sh"

test_case '--db wins over $KNEAD_DB, which wins over the XDG default' '
	knead --db a.db log run 5k >/dev/null
	KNEAD_DB=b.db knead log run 6k >/dev/null
	KNEAD_DB=b.db knead --db a.db log run 7k >/dev/null
	unset KNEAD_DB
	knead log run 8k >/dev/null
	[ -f a.db ] && [ -f b.db ]
	[ -f home/.local/share/knead/knead.db ]
	expect_ok --db a.db list --json
	jq_is "[.activities[].distance_m] | join(\",\")" "5000,7000"
	expect_ok list --json --db b.db
	jq_is "[.activities[].distance_m] | join(\",\")" "6000"
'

test_case '$XDG_DATA_HOME is honoured and its folder created' '
	unset KNEAD_DB
	XDG_DATA_HOME=$PWD/data knead log run 5k >/dev/null
	[ -f data/knead/knead.db ]
	[ "$(stat -c %a data/knead)" = 700 ]
'

test_case 'a read command on a missing database says so and creates nothing' '
	expect_rc 1 list
	err_has "no database at"
	err_has "knead.db"
	[ ! -e knead.db ]
	expect_rc 1 show 1
	[ ! -e knead.db ]
'

test_case 'an unusable database path is named with the reason' '
	expect_rc 1 --db /etc/passwd/knead.db log run 5k
	err_has "'"'"'/etc/passwd/knead.db'"'"'"
	err_has "Not a directory"
	expect_rc 1 --db "$PWD/missing/knead.db" log run 5k
	err_has "no folder"
	[ ! -e missing ]
	mkdir folder
	expect_rc 1 --db folder log run 5k
	err_has "it is a folder"
'

test_case 'a folder we may not write to is refused (not as root)' '
	if [ "$(id -u)" -eq 0 ]; then
		echo "# root writes anywhere: checked with /proc instead"
		expect_rc 1 --db /proc/knead.db log run 5k
		err_has "/proc/knead.db"
	else
		mkdir ro && chmod 500 ro
		expect_rc 1 --db ro/knead.db log run 5k
		err_has "not writable"
	fi
'

test_case 'a file that is not a knead database is refused and left alone' '
	echo "my notes" > notes.txt
	cp notes.txt before.txt
	expect_rc 1 --db notes.txt log run 5k
	err_has "not a knead database"
	same_file notes.txt before.txt
	expect_rc 1 --db notes.txt list
'

test_case 'a read-only database still answers read commands (not as root)' '
	knead log run 5k >/dev/null
	if [ "$(id -u)" -ne 0 ]; then
		chmod 444 knead.db
		expect_ok list
		out_has "5.00 km"
		expect_rc 1 log run 6k
		err_has "read-only"
	fi
'

test_case 'knead init reports the database it created, then the one it updates' '
	expect_ok init
	out_has "created $PWD/knead.db"
	expect_ok init --json
	jq_is .created false
	jq_is .database "$PWD/knead.db"
'

test_done
