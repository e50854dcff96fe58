#!/bin/sh
# Unix habits: no colour off a terminal, write errors are failures.
. "$(dirname "$0")/lib.sh"

test_case 'no escape sequences when stdout is not a terminal' '
	knead log run 5k >/dev/null
	unset NO_COLOR
	expect_ok list
	if grep -q "$(printf "\033")" out; then echo "colour in a pipe"; exit 1; fi
	expect_ok show 1
	if grep -q "$(printf "\033")" out; then echo "colour in a pipe"; exit 1; fi
'

test_case 'a failed write to stdout is a failure' '
	knead log run 5k >/dev/null
	rc=0
	knead list >/dev/full 2>err || rc=$?
	[ "$rc" -eq 1 ]
	grep -q "cannot write" err
'

test_case 'errors go to stderr, results to stdout' '
	expect_rc 2 log run 8x
	[ ! -s out ]
	err_has 8x
	expect_ok log run 8k
	err_empty
	out_has "logged 1"
'

test_done
