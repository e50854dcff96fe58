#!/bin/sh
# knead predict: Riegel and VDOT predictions from her best recent efforts,
# checked against numbers worked out here (Riegel's formula and Daniels &
# Gilbert's VDOT, in awk) and against Daniels' published table (VDOT 50:
# 5k 19:57, 10k 41:21, half 1:31:35, marathon 3:10:49). "Now" is Tuesday
# 2026-11-24.
. "$(dirname "$0")/lib.sh"

q="'"

# The expected value of an awk expression, and whether a JSON number is
# within a tolerance of it: near FILTER EXPR TOLERANCE.
near() {
	_got=$(jq -r "$1" out)
	awk -v got="$_got" -v tol="$3" "BEGIN {
		want = $2
		d = got - want
		if (got == \"null\" || d > tol || d < -tol) {
			printf \"%s: got %s, want %.6f within %s\\n\", \"$1\", got, want, tol
			exit 1
		}
	}"
}

# Daniels & Gilbert's VDOT of D metres in T seconds, as awk text.
vdot() {
	echo "(-4.60 + 0.182258 * ($1 / ($2 / 60)) + 0.000104 * ($1 / ($2 / 60)) ^ 2) / (0.8 + 0.1894393 * exp(-0.012778 * ($2 / 60)) + 0.2989558 * exp(-0.1932605 * ($2 / 60)))"
}

# tcx_run FILE DAY: a recorded 7 km run on DAY from 08:00 UTC, a sample
# every 5 s: 1 km at 3 m/s, 5 km at 5000/1200 m/s (a 20:00 5k inside
# it), 1 km at 3 m/s.
tcx_run() {
	awk -v day="$2" 'BEGIN {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		print "<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">"
		print "<Activities><Activity Sport=\"Running\"><Id>" day "T08:00:00Z</Id>"
		print "<Lap StartTime=\"" day "T08:00:00Z\"><Track>"
		t = 0; d = 0
		while (d <= 7000) {
			h = 8 + int(t / 3600); m = int(t % 3600 / 60); s = t % 60
			printf "<Trackpoint><Time>%sT%02d:%02d:%02dZ</Time>", day, h, m, s
			printf "<Position><LatitudeDegrees>%.7f</LatitudeDegrees>", 45 + d / 111195
			printf "<LongitudeDegrees>7.0</LongitudeDegrees></Position>"
			printf "<DistanceMeters>%.3f</DistanceMeters></Trackpoint>\n", d
			v = (d < 1000 || d >= 6000) ? 3 : 5000 / 1200
			t += 5; d += 5 * v
		}
		print "</Track></Lap></Activity></Activities></TrainingCenterDatabase>"
	}' >"$1"
}

test_case 'a 10k in 40:00 predicts the half in 1:28:15 by Riegel, VDOT 51.9' '
	knead init >/dev/null
	knead log run 10k 40:00 --date -3d >/dev/null
	expect_ok predict half
	out_has "half (21.10 km): 1:28:15 by Riegel"
	out_has "from effort 1 (VDOT 51.9)"
	out_has "Sat 2026-11-21"
	out_has "whole run"
	expect_ok --json predict half
	jq_is ".efforts | length" 1
	jq_is ".efforts[0] | [.date, .source, .band, .activity_id, .distance_m, .time_s, .pace_s_per_km, .in_range] | map(tostring) | join(\" \")" \
		"2026-11-21 activity 10k 1 10000 2400 240 true"
	near ".efforts[0].vdot" "$(vdot 10000 2400)" 1e-6
	jq_is ".efforts[0].vdot * 10 | round / 10" 51.9
	jq_is ".predictions | length" 1
	jq_is ".predictions[0] | [.name, .distance_m, .from, .in_range] | map(tostring) | join(\" \")" \
		"half 21097.5 0 true"
	near ".predictions[0].riegel_s" "2400 * (21097.5 / 10000) ^ 1.06" 0.001
	near ".predictions[0].riegel_s" "1 * 3600 + 28 * 60 + 15" 0.5
	near ".predictions[0].by_effort[0].riegel_s" "2400 * (21097.5 / 10000) ^ 1.06" 0.001
	jq_is "[.weeks, .from, .to] | map(tostring) | join(\" \")" "12 2026-09-02 2026-11-24"
'

test_case 'a 5k in 19:57 is VDOT 50, and predicts the rest of Daniels'"'"' row' '
	knead init >/dev/null
	knead log run 5k 19:57 --date -3d >/dev/null
	expect_ok --json predict
	jq_is ".predictions | map(.name) | join(\",\")" "5k,10k,half,marathon"
	jq_is ".predictions | map(.from) | join(\",\")" "0,0,0,0"
	jq_is ".predictions[0].vdot | round" 50
	near ".predictions[0].vdot" "$(vdot 5000 1197)" 1e-6
	# each VDOT time is the one whose VDOT is the effort'"'"'s
	for i in 0 1 2 3; do
		d=$(jq -r ".predictions[$i].distance_m" out)
		t=$(jq -r ".predictions[$i].vdot_s" out)
		near ".predictions[0].vdot" "$(vdot "$d" "$t")" 1e-4
	done
	# and they are the table'"'"'s, to the second or so
	near ".predictions[0].vdot_s" 1197 1
	near ".predictions[1].vdot_s" "41 * 60 + 21" 3
	near ".predictions[2].vdot_s" "1 * 3600 + 31 * 60 + 35" 5
	near ".predictions[3].vdot_s" "3 * 3600 + 10 * 60 + 49" 15
	near ".predictions[3].riegel_s" "1197 * (42195 / 5000) ^ 1.06" 0.001
	expect_ok predict
	out_has "marathon (42.20 km)"
	out_has "3:10:49"
	out_has "Efforts:"
	out_has "19:57"
'

test_case 'a race result beats a faster run in its band, and stands for its own run' '
	knead init >/dev/null
	knead race add "City 10k" 2026-11-01 10k >/dev/null
	knead log run 10.25k 41:10 --date 2026-11-01 >/dev/null
	knead log run 10k 39:00 --date 2026-11-08 >/dev/null
	knead race result city 40:00 >/dev/null
	expect_ok --json predict 10k
	jq_is ".efforts | length" 1
	jq_is ".efforts[0] | [.source, .race, .race_id, .activity_id, .distance_m, .time_s] | map(tostring) | join(\" \")" \
		"race City 10k 1 1 10000 2400"
	jq_is ".predictions[0].from" 0
	near ".predictions[0].riegel_s" 2400 0.001
	expect_ok predict 10k
	out_has "race ${q}City 10k${q}"
'

test_case 'treadmill and trail runs and a net-downhill race are left out' '
	knead init >/dev/null
	knead log run 5k 18:00 --treadmill --date 2026-11-10 >/dev/null
	knead log trail 10k 45:00 --date 2026-11-11 >/dev/null
	knead race add "Downhill Half" 2026-11-08 half --terrain net-downhill >/dev/null
	knead log run 21.1k 1:20:00 --date 2026-11-08 >/dev/null
	knead race result downhill 1:20:00 >/dev/null
	knead log run 5k 22:00 --date 2026-11-12 >/dev/null
	expect_ok --json predict
	jq_is ".efforts | length" 1
	jq_is ".efforts[0] | [.activity_id, .time_s] | map(tostring) | join(\" \")" "4 1320"
'

test_case 'the fastest 5k inside a recorded run is an effort' '
	knead init >/dev/null
	tcx_run run.tcx 2026-11-15
	knead import run.tcx >/dev/null
	expect_ok --json predict 5k
	jq_is ".efforts | map(.band) | join(\",\")" "mile,5k"
	jq_is ".efforts | map(.source) | join(\",\")" "segment,segment"
	jq_is ".efforts[1] | [.activity_id, .date, .distance_m] | map(tostring) | join(\" \")" \
		"1 2026-11-15 5000"
	near ".efforts[1].time_s" 1200 0.001
	# the fast kilometres start at the first sample past 1000 m: 335 s in
	near ".efforts[1].start_s" 335 0.001
	near ".efforts[1].vdot" "$(vdot 5000 1200)" 1e-6
	near ".efforts[0].time_s" "1609.344 * 1200 / 5000" 0.001
	jq_is ".predictions[0].from" 1
	near ".predictions[0].riegel_s" 1200 0.001
	expect_ok predict 5k
	out_has "segment from 5:35"
'

test_case '--weeks sets how far back efforts are looked for' '
	knead init >/dev/null
	knead log run 10k 40:00 --date 2026-08-20 >/dev/null
	expect_rc 1 predict
	err_has "no efforts in the last 12 weeks (since Wed 2026-09-02)"
	out_lacks "VDOT"
	expect_ok --json predict --weeks 14
	jq_is "[.weeks, .from, (.efforts | length)] | map(tostring) | join(\" \")" "14 2026-08-19 1"
'

test_case 'an effort outside the models'"'"' range is shown but not chosen' '
	knead init >/dev/null
	knead race add "Slow Marathon" 2026-11-08 marathon >/dev/null
	knead race result slow 4:30:00 >/dev/null
	expect_ok --json predict half
	jq_is ".efforts[0] | [.source, .in_range] | map(tostring) | join(\" \")" "race false"
	jq_is ".predictions[0] | [.from, .in_range] | map(tostring) | join(\" \")" "null false"
	# what it says is still shown, effort by effort
	near ".predictions[0].by_effort[0].riegel_s" "16200 * (21097.5 / 42195) ^ 1.06" 0.001
	expect_ok predict half
	out_has "4:30:00*"
	out_has "not chosen"
	out_has "no effort in range"
	knead log run 5k 25:00 --date 2026-11-15 >/dev/null
	expect_ok --json predict half
	jq_is ".efforts | map(.band) | join(\",\")" "5k,marathon"
	jq_is ".predictions[0].from" 0
'

test_case 'a prediction beyond the models'"'"' range is marked' '
	knead init >/dev/null
	knead log run 5k 30:00 --date -1d >/dev/null
	expect_ok --json predict marathon
	jq_is ".predictions[0].in_range" false
	near ".predictions[0].riegel_s" "1800 * (42195 / 5000) ^ 1.06" 0.001
	expect_ok predict marathon
	out_has "~"
	out_has "extrapolation"
'

test_case 'bad input exits 2; no database or no efforts exits 1' '
	expect_rc 1 predict
	[ ! -e knead.db ]
	knead init >/dev/null
	expect_rc 2 predict 10x
	err_has "distance: ${q}10x${q}"
	expect_rc 2 predict --weeks 0
	err_has "--weeks"
	expect_rc 2 predict --weeks 521
	expect_rc 2 predict 5k 10k
	expect_rc 1 predict
	err_has "no efforts in the last 12 weeks"
	knead log bike 40k 1:20:00 --date -1d >/dev/null
	expect_rc 1 predict 10k
'

test_done
