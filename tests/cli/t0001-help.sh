#!/bin/sh
# Every command answers --help; help and the man page agree.
. "$(dirname "$0")/lib.sh"

commands='advise massage
advise race
chart
demo
edit
effects
export
gear add
gear list
gear retire
help
import
init
injury add
injury edit
injury list
injury resolve
injury show
list
load
log
passwd
plan list
plan new
plan rm
plan show
predict
provider add
provider edit
provider list
race add
race list
race result
race status
recover
regions
rm
serve
show
sore
spend
today
week
wellness'

test_case 'every command answers --help on stdout with exit 0' '
	echo "$commands" | while IFS= read -r c; do
		# shellcheck disable=SC2086
		expect_ok $c --help
		out_has "usage: knead $c"
		out_has "options:"
		err_empty
	done
'

test_case '"knead help CMD" is "knead CMD --help"' '
	expect_ok help log
	cp out help.txt
	expect_ok log --help
	same_file out help.txt
	expect_ok help gear add
	out_has "usage: knead gear add NAME"
'

test_case 'a group without a subcommand shows its commands' '
	expect_ok gear --help
	out_has "knead gear add"
	out_has "knead gear retire"
	expect_rc 2 gear
	err_has "which one?"
'

test_case 'the injury and provider groups show their commands too' '
	expect_ok injury --help
	out_has "knead injury add REGION[:SIDE]"
	out_has "knead injury resolve ID"
	expect_rc 2 injury
	err_has "which one?"
	expect_ok provider --help
	out_has "knead provider edit PROVIDER"
	expect_rc 2 provider
	err_has "which one?"
	expect_ok help injury show
	out_has "usage: knead injury show ID"
'

test_case 'knead alone lists the commands on stderr and exits 2' '
	expect_rc 2
	err_has "usage: knead"
	err_has "log "
	expect_ok --help
	out_has "commands:"
	expect_ok --version
	out_has "knead "
'

test_case 'a misspelt command is refused with a suggestion' '
	expect_rc 2 lgo run 5k
	err_has "did you mean '"'"'log'"'"'"
	expect_rc 2 frobnicate
	err_has "is not a command"
	expect_rc 2 l
	err_has "could be any of: list, load, log"
'

test_case 'each synopsis in --help appears in the man page' '
	man=$KNEAD_SOURCE_ROOT/docs/knead.1.scd
	# the man page source without scdoc markup
	sed -e "s/[*_]//g" -e "s/\\\\//g" "$man" > man.txt
	echo "$commands" | while IFS= read -r c; do
		# shellcheck disable=SC2086
		knead $c --help | sed -n "s/^usage: //p" > synopsis
		line=$(cat synopsis)
		grep -qF -- "$line" man.txt || { echo "man page lacks: $line"; exit 1; }
	done
'

test_done
