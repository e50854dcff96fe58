#!/bin/sh
# knead load: each activity's load and its method, fitness, fatigue and
# form day by day, the weekly table, and loads that follow the profile.
. "$(dirname "$0")/lib.sh"

# Five weeks of runs typed with an RPE, so each load is known exactly:
# RPE x minutes / 6 (an hour at RPE 10 is 100). A rest day each week and a
# ride on one day. Writes "N load minutes sport" lines to ./sched, N being
# days before today (Tue 2026-11-24).
five_weeks() {
	knead init >/dev/null
	: >sched
	n=34
	while [ "$n" -ge 0 ]; do
		if [ $((n % 7)) -ne 3 ]; then
			rpe=$((3 + n % 5))
			min=$((30 + (n * 7) % 50))
			if [ "$n" -eq 0 ]; then when=today; else when=-${n}d; fi
			knead log run "${min}min" --rpe "$rpe" --date "$when" >/dev/null
			echo "$n $(awk -v r="$rpe" -v m="$min" "BEGIN { printf \"%.12f\", r * m / 6 }") $min run" >>sched
		fi
		n=$((n - 1))
	done
	knead log bike 60min --rpe 5 --date -10d >/dev/null
	echo "10 50 60 bike" >>sched
}

# The fitness table for the 42 days to today, computed here from ./sched
# with the recurrences of domain.md 1.6 and 1.7: "load ctl atl tsb
# acwr_ewma" per day, oldest first, and the rolling 7:28 ratio of the last.
expected_days() {
	awk '
	{ load[$1] += $2 }
	END {
		ctl = atl = ea = ec = 0
		for (n = 41; n >= 0; n--) {
			l = load[n] + 0
			tsb = ctl - atl
			ctl += (l - ctl) / 42
			atl += (l - atl) / 7
			ea = 0.25 * l + 0.75 * ea
			ec = 2 / 29 * l + (1 - 2 / 29) * ec
			r = ec > 0 ? sprintf("%.9f", ea / ec) : "null"
			printf "%.9f %.9f %.9f %.9f %s\n", l, ctl, atl, tsb, r
		}
		for (n = 0; n < 7; n++) acute += load[n]
		for (n = 7; n < 28; n++) chronic += load[n]
		printf "rolling %.9f\n", acute / (chronic / 3)
	}' sched
}

# Compare two files of numbers field by field within 1e-6 ("null" must
# match "null").
same_numbers() {
	paste -d "|" "$1" "$2" | awk -F "|" '
	{
		ng = split($1, g, " "); nw = split($2, w, " ")
		if (ng != nw) { print "line " NR ": " $1 " vs " $2; bad = 1; next }
		for (i = 1; i <= ng; i++) {
			if (g[i] == "null" || w[i] == "null") {
				if (g[i] != w[i]) { print "line " NR ": " $1 " vs " $2; bad = 1 }
			} else if ((g[i] - w[i]) > 1e-6 || (w[i] - g[i]) > 1e-6) {
				print "line " NR " field " i ": got " g[i] ", expected " w[i]; bad = 1
			}
		}
	}
	END { exit bad }'
}

test_case 'the daily table matches fitness and fatigue computed independently' '
	five_weeks
	expect_ok --json load
	# 42 days, but none before the first activity (34 days ago)
	jq_is ".from" 2026-10-21
	jq_is ".to" 2026-11-24
	jq_is ".days | length" 35
	jq_is ".days[0].date" 2026-10-21
	jq_is ".days[34].date" 2026-11-24
	jq_is ".days[0] | keys | join(\",\")" \
		"acwr_ewma,acwr_rolling,atl,ctl,date,ewma_acute,ewma_chronic,load,tsb"
	jq -r ".days[] | \"\(.load) \(.ctl) \(.atl) \(.tsb) \(.acwr_ewma)\"" out >got
	expected_days >want
	grep -v rolling want | sed -n "8,42p" >want_days
	same_numbers got want_days
	jq -r ".days[34].acwr_rolling" out >got
	sed -n "s/^rolling //p" want >want_rolling
	same_numbers got want_rolling
	# the rolling ratio needs four weeks of days before it has a value
	jq_is ".days[0].acwr_rolling" null
	# form is the day before s fitness minus fatigue
	jq_is "(.days[34].tsb - (.days[33].ctl - .days[33].atl)) | fabs < 1e-6" true

	expect_ok load
	out_has "form: TSB, yesterday"
	out_has "fitness: CTL, the 42-day average of load"
	today=$(sed -n 35p want_days | awk "{ printf \"%.0f %.1f %.1f %+.1f\", \$1, \$2, \$3, \$4 }")
	grep "^Tue 2026-11-24 " out | awk "{ print \$3, \$4, \$5, \$6 }" >got
	[ "$(cat got)" = "$today" ] || { echo "today: got $(cat got), expected $today"; exit 1; }
'

test_case 'a range shows its days, carrying the history before it' '
	five_weeks
	expect_ok --json load --from 2026-11-20 --to 2026-11-22
	jq_is ".days | length" 3
	jq_is ".days | map(.date) | join(\" \")" "2026-11-20 2026-11-21 2026-11-22"
	expected_days | sed -n "38,40p" | awk "{ print \$2, \$3 }" >want
	jq -r ".days[] | \"\(.ctl) \(.atl)\"" out >got
	same_numbers got want
	# only --from: to today
	expect_ok --json load --from 2026-11-23
	jq_is ".days | map(.date) | join(\" \")" "2026-11-23 2026-11-24"
'

test_case 'the weekly table sums weeks, with monotony, strain and volume' '
	five_weeks
	expect_ok --json load --weekly
	# 16 weeks, but none before the week of the first activity
	jq_is ".weeks | length" 6
	jq_is ".from" 2026-10-19
	jq_is ".weeks[5].week" 2026-11-23
	jq_is ".weeks[5].days" 2
	jq_is ".weeks[5].monotony" null
	jq_is ".weeks[4].days" 7
	jq_is ".weeks[0].time_change" null
	expect_ok --json load --weekly --from 2026-08-10
	jq_is ".weeks | length" 16
	jq_is ".weeks[0].load" 0
	jq_is ".weeks[0].time_s" 0
	expect_ok --json load --weekly
	# last full week: Mon 2026-11-16 (N = 8) to Sun 2026-11-22 (N = 2)
	awk "\$1 >= 2 && \$1 <= 8 { d[\$1] += \$2; t += \$3 * 60 }
		\$1 >= 9 && \$1 <= 15 { p += \$3 * 60 }
		END {
			for (n = 2; n <= 8; n++) { s += d[n]; ss += d[n] * d[n] }
			m = s / 7; sd = sqrt(ss / 7 - m * m)
			printf \"%.9f %.9f %.9f %.9f %.9f\n\", s, m / sd, s * m / sd, t, t / p - 1
		}" sched >want
	jq -r ".weeks[4] | \"\(.load) \(.monotony) \(.strain) \(.time_s) \(.time_change)\"" out >got
	same_numbers got want
	jq_is ".weeks[3].by_sport | map(.sport) | join(\",\")" "run,bike"
	jq_is ".weeks[3].by_sport[1] | \"\(.count) \(.time_s)\"" "1 3600"
	jq_is "(.weeks[5].load - $(awk "\$1 <= 1 { s += \$2 } END { printf \"%.9f\", s }" sched)) | fabs < 1e-6" true

	week=$(awk "{ printf \"%.0f\", \$1 }" want)
	expect_ok load --weekly
	out_has "monotony: the week"
	grep -q "^2026-11-16  *7  *$week " out
	grep "^2026-11-09 " out | grep -q "bike 1:00:00"
'

# The load of a run at an average heart rate, computed here: Banister
# TRIMP with the weights for men (sex unset), over that of an hour at 90 %
# of the maximum.
hr_load() {
	awk -v max="$1" -v rest="$2" -v hr="$3" -v min="$4" "BEGIN {
		x = (hr - rest) / (max - rest); t = (0.9 * max - rest) / (max - rest)
		printf \"%.6f\", 100 * min * x * exp(1.92 * x) / (60 * t * exp(1.92 * t))
	}"
}

test_case 'each logged run gets the method its figures allow' '
	knead init --max-hr 190 --rest-hr 50 >/dev/null
	expect_ok --json log run 10k 50min --hr 150
	jq_is .load_method hr-avg
	jq_is "(.load - $(hr_load 190 50 150 50)) | fabs < 1e-5" true
	expect_ok --json log run 50min --rpe 6
	jq_is .load_method rpe
	jq_is .load 50
	expect_ok --json log run 10k 50min
	jq_is .load_method default
	knead init --threshold 4:30/km >/dev/null
	expect_ok --json log run 9k 45min
	jq_is .load_method pace
	# 9 km in 45 min at threshold 4:30/km: IF 0.9, 0.75 h x 0.81 x 100
	jq_is "(.load - 60.75) | fabs < 1e-9" true
	expect_ok show 1
	out_has "load      $(hr_load 190 50 150 50 | awk "{ printf \"%.0f\", \$1 }") (hr-avg)"
	expect_ok --json list
	# the new threshold pace recomputed the run that had only its figures
	jq_is ".activities | map(.load_method) | join(\",\")" "hr-avg,rpe,pace,pace"
'

test_case 'without heart rates in the profile an HR run falls back to RPE' '
	knead init >/dev/null
	expect_ok --json log run 50min --hr 150 --rpe 6
	jq_is .load_method rpe
	jq_is .load 50
'

test_case 'a new maximum or resting heart rate recomputes loads, keeping methods' '
	knead init --max-hr 190 --rest-hr 50 >/dev/null
	knead log run 50min --hr 150 >/dev/null
	knead log run 50min --rpe 6 >/dev/null
	expect_ok init --max-hr 180
	out_has "recomputed the load of 2 activities"
	expect_ok --json show 1
	jq_is .load_method hr-avg
	jq_is "(.load - $(hr_load 180 50 150 50)) | fabs < 1e-5" true
	expect_ok --json show 2
	jq_is .load 50
	expect_ok --json init --rest-hr 60
	jq_is .loads_recomputed 2
	expect_ok --json show 1
	jq_is .load_method hr-avg
	jq_is "(.load - $(hr_load 180 60 150 50)) | fabs < 1e-5" true
	# a change loads do not depend on recomputes nothing
	expect_ok --json init --name Ana
	jq_is .loads_recomputed 0
	expect_ok init --units mi
	out_lacks "recomputed"
'

test_case 'editing an activity computes its load again' '
	knead init >/dev/null
	knead log run 60min --rpe 6 >/dev/null
	expect_ok --json edit 1 --rpe 3
	jq_is .load 30
	jq_is .load_method rpe
	expect_ok --json edit 1 --rpe none
	jq_is .load_method default
'

test_case 'an imported heart-rate trace gives the load its method' '
	knead init --max-hr 190 --rest-hr 50 >/dev/null
	# 20 minutes at 5 s, heart rate 140 to 160, 1 km every 5 minutes
	awk "BEGIN {
		print \"<?xml version=\\\"1.0\\\"?>\"
		print \"<gpx version=\\\"1.1\\\" creator=\\\"t\\\" xmlns=\\\"http://www.topografix.com/GPX/1/1\\\" xmlns:gpxtpx=\\\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\\\"><trk><type>running</type><trkseg>\"
		for (i = 0; i <= 240; i++) {
			s = i * 5
			printf \"<trkpt lat=\\\"%.6f\\\" lon=\\\"14\\\"><time>2026-11-20T12:%02d:%02dZ</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>%d</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>\n\", 46 + s * 3.333 / 111195, int(s / 60), s % 60, 140 + i / 12
		}
		print \"</trkseg></trk></gpx>\"
	}" >run.gpx
	expect_ok import run.gpx
	expect_ok --json show 1
	jq_is .load_method hr-samples
	jq_is ".load > 10 and .load < 40" true
	expect_ok show 1
	out_has "(hr-samples)"
	# a profile change reads the samples back and keeps the method
	expect_ok init --max-hr 185
	out_has "recomputed the load of 1 activity"
	expect_ok --json show 1
	jq_is .load_method hr-samples
'

test_case 'heart-rate zones show with the profile' '
	expect_ok init --max-hr 190 --rest-hr 50
	out_has "zones      Karvonen, % of heart-rate reserve"
	out_has "1 recovery   50-60 %   120-133 bpm"
	out_has "5 maximum    90-100 %  176-190 bpm"
	expect_ok --json init
	jq_is ".hr_zones.method" karvonen
	jq_is ".hr_zones.zones | map(\"\(.low_bpm)-\(.high_bpm)\") | join(\" \")" \
		"120-133 134-147 148-161 162-175 176-190"
	jq_is ".hr_zones.zones[3] | \"\(.zone) \(.name) \(.low_hrr) \(.high_hrr)\"" "4 threshold 0.8 0.9"
'

test_case 'zones need both heart rates' '
	expect_ok --json init --max-hr 190
	jq_is .hr_zones null
	expect_ok init
	out_lacks "zones"
'

test_case 'heart rates and threshold are validated, and nothing is written' '
	knead init --max-hr 190 --rest-hr 50 >/dev/null
	expect_rc 2 init --max-hr 90
	err_has "maximum heart rate"
	expect_rc 2 init --rest-hr 200
	err_has "resting heart rate of 200"
	expect_rc 2 init --rest-hr 195
	expect_rc 2 init --max-hr abc
	err_has "--max-hr"
	expect_rc 2 init --max-hr 110 --rest-hr 115
	err_has "resting heart rate 115 is not below the maximum 110"
	expect_rc 2 init --threshold 1:00/km
	err_has "threshold"
	expect_ok --json init
	jq_is ".athlete.max_hr" 190
	jq_is ".athlete.rest_hr" 50
	jq_is ".athlete.threshold_pace_s_per_km" null
'

test_case 'a range that ends before it starts, or after today, is refused' '
	knead init >/dev/null
	expect_rc 2 load --from 2026-11-20 --to 2026-11-10
	err_has "--from"
	expect_rc 2 load --weekly --from 2026-11-20 --to 2026-11-10
	expect_rc 2 load --to 2026-12-01
	err_has "after today"
	expect_rc 2 load --from tomorrowish
	err_has "--from"
'

test_case 'loads missing from an older database are computed before the table' '
	knead init >/dev/null
	knead log run 60min --rpe 6 --date -1d >/dev/null
	knead log run 30min --rpe 4 >/dev/null
	sqlite3 knead.db "UPDATE activity SET load = NULL, load_method = NULL"
	expect_ok --json load --from -1d
	jq_is ".days | map(.load) | join(\" \")" "60 20"
	[ "$(sqlite3 knead.db "SELECT count(*) FROM activity WHERE load IS NULL")" = 0 ]
	[ "$(sqlite3 knead.db "SELECT group_concat(load_method) FROM activity")" = rpe,rpe ]
'

test_case 'without a database there is nothing to show' '
	expect_rc 1 load
	[ ! -e knead.db ]
'

test_done
