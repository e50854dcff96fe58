#!/bin/sh
# knead chart: fitness, weekly volume and one activity's pace, heart rate
# and elevation drawn to PNG, SVG and PDF files.
. "$(dirname "$0")/lib.sh"

# Ten weeks of running up to the fixed today (Tuesday 2026-11-24): the
# first run on Tuesday 2026-09-15, then every other day, the long one on
# Sundays, and a ride each Saturday.
some_weeks() {
	knead init --max-hr 190 --rest-hr 50 >/dev/null
	d=0
	while [ "$d" -le 70 ]; do
		day=$(date -u -d "2026-09-15 + $d days" +%F)
		if [ "$(date -u -d "$day" +%u)" = 7 ]; then
			knead log run 18k 1:45:00 --date "$day" --rpe 5 >/dev/null
		else
			knead log run 8k 45min --date "$day" --rpe 4 >/dev/null
		fi
		d=$((d + 2))
	done
	for day in 2026-10-03 2026-10-17 2026-10-31 2026-11-14; do
		knead log bike 1:30:00 --date "$day" >/dev/null
	done
}

# The first bytes of a file in hex, one string: "89504e47".
hex_head() {
	od -An -tx1 -N"$2" "$1" | tr -d ' \n'
}

# A big-endian 32-bit number at byte offset $2 of file $1.
be32() {
	printf '%d\n' "0x$(od -An -tx1 -j"$2" -N4 "$1" | tr -d ' \n')"
}

file_lacks() {
	if grep -qF -- "$2" "$1"; then
		echo "$1 has '$2'"
		return 1
	fi
}

no_temp_files() {
	_left=$(ls -A | grep -c '\.tmp-' || true)
	[ "$_left" = 0 ] || { echo "temporary files left:"; ls -A; return 1; }
}

test_case 'with no activities there is nothing to draw' '
	knead init >/dev/null
	expect_rc 1 chart load -o load.png
	err_has "no activities yet"
	[ ! -e load.png ]
	expect_rc 1 chart volume -o volume.png
	err_has "no activities yet"
	[ ! -e volume.png ]
'

test_case 'chart load writes a real PNG of the last weeks' '
	some_weeks
	expect_ok chart load -o load.png
	out_has "wrote load.png (PNG, 1000x500, 71 days from 2026-09-15 to 2026-11-24)"
	[ "$(hex_head load.png 8)" = 89504e470d0a1a0a ]
	[ "$(od -An -c -j12 -N4 load.png | tr -d " ")" = IHDR ]
	[ "$(be32 load.png 16)" = 1000 ]
	[ "$(be32 load.png 20)" = 500 ]
	[ "$(wc -c <load.png)" -gt 20000 ]
	no_temp_files
'

test_case 'the ending picks SVG or PDF' '
	some_weeks
	expect_ok chart load -o load.svg
	out_has "(SVG, 1000x500"
	head -c 5 load.svg | grep -q "^<?xml"
	grep -q "<svg" load.svg
	grep -q "</svg>" load.svg
	grep -q "<title>Fitness, fatigue and form, 2026-09-15 to 2026-11-24</title>" load.svg
	expect_ok chart volume -o Volume.PDF
	out_has "(PDF, 1000x500"
	[ "$(head -c 5 Volume.PDF)" = "%PDF-" ]
	tail -c 8 Volume.PDF | grep -q "%%EOF"
'

test_case 'a race is marked on the load chart' '
	some_weeks
	knead race add "Autumn Half" 2026-10-18 half --priority A >/dev/null
	knead race add "Spring Marathon" 2027-03-21 marathon >/dev/null
	expect_ok chart load -o load.svg
	out_has "1 race marked"
	grep -q "Autumn Half (A, 2026-10-18)" load.svg
	file_lacks load.svg "Spring Marathon"
	expect_ok --json chart load -o load.png
	jq_is .races 1
'

test_case 'a bad ending or chart is a usage error and writes nothing' '
	some_weeks
	expect_rc 2 chart load -o load.jpg
	err_has "load.jpg"
	err_has ".png, .svg or .pdf"
	[ ! -e load.jpg ]
	expect_rc 2 chart load -o load
	err_has "no ending"
	expect_rc 2 chart speed -o speed.png
	err_has "unknown chart '"'"'speed'"'"'"
	[ ! -e speed.png ]
	expect_rc 2 chart load
	err_has "-o FILE"
	expect_rc 2 chart load -o load.png --to 2026-12-01
	err_has "after today"
	[ ! -e load.png ]
	no_temp_files
'

test_case 'a file that cannot be written fails and leaves nothing' '
	some_weeks
	expect_rc 1 chart load -o missing/load.png
	err_has "cannot write '"'"'missing/load.png'"'"'"
	[ ! -e missing ]
	mkdir charts
	expect_ok chart load -o charts/load.png
	cp charts/load.png before.png
	mkdir charts/x.png
	expect_rc 1 chart load -o charts/x.png
	same_file charts/load.png before.png
	(cd charts && no_temp_files)
'

test_case 'chart volume stacks the weeks and --json says what it drew' '
	some_weeks
	expect_ok chart volume -o volume.png
	out_has "wrote volume.png (PNG, 1000x500, 11 weeks from 2026-09-14 to 2026-11-29)"
	[ "$(hex_head volume.png 8)" = 89504e470d0a1a0a ]
	[ "$(wc -c <volume.png)" -gt 10000 ]
	expect_ok --json chart volume -o volume.svg
	jq_is .file volume.svg
	jq_is .format svg
	jq_is .chart volume
	jq_is .weeks 11
	jq_is .from 2026-09-14
	jq_is .to 2026-11-29
	grep -q "Hours over 11 weeks: run .*, bike 6.0." volume.svg
'

test_case '--from and --to choose the days' '
	some_weeks
	expect_ok --json chart load -o october.png --from 2026-10-01 --to 2026-10-31
	jq_is .days 31
	jq_is .from 2026-10-01
	jq_is .to 2026-10-31
	jq_is .width 1000
	[ "$(be32 october.png 16)" = 1000 ]
	expect_ok --json chart volume -o october.png --from 2026-10-01 --to 2026-10-31
	jq_is .weeks 5
	jq_is .from 2026-09-28
	jq_is .to 2026-11-01
'

test_case 'a range longer than the log still draws' '
	some_weeks
	expect_ok chart load -o long.png --from 2017-01-01
	out_has "3615 days from 2017-01-01 to 2026-11-24"
	[ "$(hex_head long.png 8)" = 89504e470d0a1a0a ]
'

test_case 'chart --help gives the default range and an example' '
	expect_ok chart --help
	out_has "knead chart load -o load.png"
	out_has "26 weeks"
'

fit=$KNEAD_SOURCE_ROOT/tests/data/fit/activity-small-fenix2-run.fit

test_case 'an imported activity draws pace, heart rate and elevation' '
	knead import "$fit" >/dev/null
	expect_ok chart hr --activity 1 -o hr.svg
	out_has "wrote hr.svg (SVG, 1000x500, hr of activity 1, 2809 samples)"
	grep -q "<title>Heart rate over distance</title>" hr.svg
	expect_ok --json chart pace -a 1 -o pace.png
	jq_is .chart pace
	jq_is .activity 1
	jq_is .samples 2809
	[ "$(hex_head pace.png 8)" = 89504e470d0a1a0a ]
	expect_ok chart elevation --activity 1 -o elevation.pdf
	[ "$(hex_head elevation.pdf 4)" = 25504446 ]
'

test_case 'an activity chart needs an activity with samples' '
	knead log run 8k 45min >/dev/null
	expect_rc 2 chart hr -o hr.svg
	err_has "say whose hr to draw: --activity ID"
	expect_rc 2 chart load --activity 1 -o load.svg
	err_has "--activity goes with"
	expect_rc 2 chart pace --activity 1 --from 2026-01-01 -o pace.svg
	err_has "--from and --to go with"
	expect_rc 2 chart pace --activity x -o pace.svg
	err_has "is not an activity id"
	expect_rc 1 chart hr --activity 1 -o hr.svg
	err_has "activity 1 has no heart rate recorded to draw: it was logged by hand"
	expect_rc 1 chart hr --activity 9 -o hr.svg
	[ ! -e hr.svg ] && [ ! -e pace.svg ]
'

test_done
