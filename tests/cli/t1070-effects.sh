#!/bin/sh
# knead effects: what has helped her, from her own log. Rolling the left
# calf is followed by soreness 2 lower the next day, days without it
# stay where they were; ice was tried only four times. Today is Tuesday
# 2026-11-24.
. "$(dirname "$0")/lib.sh"

# Sixteen blocks of five days from 100 days ago: soreness on the first
# day (4, 5 or 6) and the second (2 lower after rolling on the first day,
# the same without, give or take 1); ice on four of the blocks without
# rolling.
history() {
	knead init >/dev/null
	i=0
	while [ $i -lt 16 ]; do
		d=$((100 - 5 * i))
		base=$((4 + i % 3))
		wobble=$(((i / 2) % 3 - 1))
		knead sore calf:left $base --date -${d}d >/dev/null
		if [ $((i % 2)) -eq 0 ]; then
			knead recover roll calf:left 10min --date -${d}d >/dev/null
			next=$((base - 2 + wobble))
		else
			next=$((base + wobble))
		fi
		if [ $((i % 4)) -eq 1 ]; then
			knead recover ice calf:left 15min --date -${d}d >/dev/null
		fi
		knead sore calf:left $next --date -$((d - 1))d >/dev/null
		i=$((i + 1))
	done
}

test_case 'rolling that helps: n, means and an interval that excludes 0' '
	history
	expect_ok effects
	out_has "what has helped you, from your log up to Tue 2026-11-24"
	out_has "90 % interval"
	out_has "helped"
	out_has "not enough data"
	expect_ok --json effects
	jq_is .date 2026-11-24
	jq_is .window_days 3
	jq_is .min_cases 5
	jq_is .interval 0.9
	jq_is .resamples 2000
	jq_is "[.effects[] | .modality] | join(\" \")" "roll ice"
	jq_is ".effects[0] | [.region, .region_name, .with.n, .without.n] | map(tostring) | join(\" \")" \
		"calf calf 8 8"
	jq_is ".effects[0].with.mean" -2.125
	jq_is ".effects[0].without.mean" -0.125
	jq_is ".effects[0].difference.mean" -2
	jq_is ".effects[0].difference.hi < 0" true
	jq_is ".effects[0].difference.lo < .effects[0].difference.hi" true
	jq_is ".effects[0].enough" true
	jq_is ".effects[0].verdict" helped
	jq_is ".effects[0] | [.baseline_min, .baseline_max] | map(tostring) | join(\" \")" "4 6"
'

test_case 'a rare modality is not enough data' '
	history
	expect_ok --json effects ice
	jq_is ".effects | length" 1
	jq_is ".effects[0].modality" ice
	jq_is ".effects[0].with.n" 4
	jq_is ".effects[0].enough" false
	jq_is ".effects[0].verdict" "not enough data"
	jq_is ".effects[0].difference.lo" null
	jq_is ".effects[0].with.lo" null
	expect_ok effects ice
	out_has "not enough data"
	out_lacks "roll"
'

test_case 'the same log gives the same numbers' '
	history
	expect_ok --json effects
	mv out first
	expect_ok --json effects
	same_file first out
'

test_case '--date answers from the log up to that day' '
	history
	expect_ok --json effects roll --date -60d
	jq_is .date 2026-09-25
	# blocks from 100 to 65 days ago: eight, four with rolling
	jq_is ".effects[0] | [.with.n, .without.n] | map(tostring) | join(\" \")" "4 4"
	jq_is ".effects[0].verdict" "not enough data"
'

test_case 'massage stands for every kind; none logged says so' '
	history
	expect_ok effects massage
	out_has "no such recovery sessions logged"
	knead recover deep hamstrings 60min --date -20d >/dev/null
	knead recover swedish 60min --date -10d >/dev/null
	expect_ok --json effects massage
	jq_is "[.effects[] | .modality + \":\" + .region_name] | join(\" \")" \
		"massage:deep:hamstrings massage:swedish:whole body"
	jq_is ".effects[1].region" null
'

test_case 'after races: days until soreness was 2, with and without a massage' '
	knead init >/dev/null
	knead race add "Spring Half" 2026-05-10 half >/dev/null
	knead race result "Spring Half" 1:55:00 >/dev/null 2>&1
	knead sore quads:both 6 --date 2026-05-11 >/dev/null
	knead recover sports quads 60min --date 2026-05-12 >/dev/null
	knead sore quads:both 2 --date 2026-05-13 >/dev/null
	knead race add "Fall Half" 2026-09-13 half >/dev/null
	knead race result "Fall Half" 1:52:00 >/dev/null 2>&1
	knead sore quads:both 7 --date 2026-09-14 >/dev/null
	knead sore quads:both 4 --date 2026-09-16 >/dev/null
	knead sore quads:both 2 --date 2026-09-19 >/dev/null
	knead race add "Quiet 10k" 2026-10-04 10k >/dev/null
	knead race result "Quiet 10k" 50:00 >/dev/null 2>&1
	knead race add "Next Half" 2026-12-13 half >/dev/null
	expect_ok effects
	out_has "Sun 2026-05-10  Spring Half: 3 days, with a massage"
	out_has "Sun 2026-09-13  Fall Half: 6 days, without a massage"
	out_has "(1 race without check-ins to tell)"
	out_has "with a massage: 3.0 days (n 1); without: 6.0 days (n 1)"
	out_has "not enough data (5 races of each needed)"
	expect_ok --json effects
	jq_is ".races.cases | map(\"\(.name) \(.days) \(.massage) \(.recovered)\") | join(\", \")" \
		"Spring Half 3 true 2026-05-13, Fall Half 6 false 2026-09-19"
	jq_is .races.unknown 1
	jq_is .races.difference.mean -3
	jq_is .races.enough false
	jq_is .races.verdict "not enough data"
'

test_case 'an unknown modality or date is refused' '
	history
	expect_rc 2 effects bogus
	err_has "'"'"'bogus'"'"' is not a recovery modality"
	expect_rc 2 effects --date 2026-02-30
	err_has "--date"
'

test_done
