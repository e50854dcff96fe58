#!/bin/sh
# knead gear: shoes and their distance.
. "$(dirname "$0")/lib.sh"

test_case 'gear distance adds up from the activities that name it' '
	expect_ok gear add "Pegasus 40" --limit 700km --since 2026-09-01
	out_has "added gear 1: Pegasus 40 (shoes, 0.00 km of 700.00 km)"
	knead log run 10k --gear "pegasus 40" >/dev/null
	knead log run 8.5k --gear Peg >/dev/null
	knead log run 5k >/dev/null
	expect_ok gear list --json
	jq_is ".gear[0].distance_m" 18500
	jq_is ".gear[0].activities" 2
	jq_is ".gear[0].limit_m" 700000
	jq_is ".gear[0].last_used" 2026-11-24
	expect_ok gear list
	out_has "18.50 km"
	out_has "3%"
'

test_case 'editing or removing an activity keeps gear distance right' '
	knead gear add Kinvara >/dev/null
	knead log run 10k --gear kin >/dev/null
	knead log run 6k --gear kin >/dev/null
	knead edit 1 12k >/dev/null
	knead rm 2 >/dev/null
	expect_ok gear list --json
	jq_is ".gear[0].distance_m" 12000
'

test_case 'gear is found by id, name, or a unique start; else refused' '
	knead gear add "Pegasus 40" >/dev/null
	knead gear add "Pegasus 41" >/dev/null
	knead gear add "Kinvara" >/dev/null
	expect_ok log run 5k --gear 3 --json
	jq_is .gear Kinvara
	expect_rc 2 log run 5k --gear Peg
	err_has "could be any of"
	expect_rc 2 log run 5k --gear Hoka
	err_has "no gear '"'"'Hoka'"'"'"
	expect_rc 1 gear add "kinvara"
	err_has "already"
	expect_rc 2 gear add 42
	err_has "gear id"
'

test_case 'retired gear warns when used after its retirement' '
	knead gear add "Old shoes" >/dev/null
	expect_ok gear retire old --date -2d
	out_has "retired gear 1"
	expect_ok log run 5k --gear old
	err_has "warning"
	err_has "retired on 2026-11-22"
	expect_ok gear list
	out_has "retired Sun 2026-11-22"
'

test_case 'gear past its limit says so' '
	knead gear add Worn --limit 10k >/dev/null
	knead log run 12k --gear worn >/dev/null
	expect_ok gear list
	out_has "past its limit"
	out_has "120%"
'

test_done
