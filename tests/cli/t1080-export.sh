#!/bin/sh
# knead export ics | csv | json: the plan, races and appointments in a
# calendar; everything as JSON; one table at a time as CSV.
. "$(dirname "$0")/lib.sh"

# The events of an iCalendar file, one a line: UID|DTSTART|SUMMARY|STATUS
# (folded lines joined, CRs dropped).
ics_events() {
	tr -d '\r' <"$1" | awk '
		/^ / { line = line substr($0, 2); next }
		{ if (NR > 1) print line; line = $0 }
		END { print line }' | awk -F: '
		/^BEGIN:VEVENT/ { uid = ""; start = ""; summary = ""; status = "" }
		/^UID:/ { uid = $2 }
		/^DTSTART/ { start = $NF }
		/^SUMMARY:/ { summary = substr($0, 9) }
		/^STATUS:/ { status = $2 }
		/^END:VEVENT/ { print uid "|" start "|" summary "|" status }'
}

# A half-marathon plan, two more races (one with a name that needs
# escaping) and booked massages.
season() {
	knead init --currency USD >/dev/null
	knead race add "Riverside Half" 2027-03-21 half --priority A >/dev/null
	knead plan new Riverside >/dev/null
	knead race add "Turkey Trot, 5k; for fun" 2026-11-26 5k --priority C >/dev/null
	knead race add "Hill Country 10K" 2027-02-14 10k --terrain hilly >/dev/null
	knead provider add "Knead Studio" --kind massage --price 90 >/dev/null
	knead log run 10k 55min --date -2d >/dev/null
	knead advise massage --book >/dev/null
}

test_case 'export ics holds every workout, race and appointment on its day' '
	season
	expect_ok --json export json
	cp out all.json
	jq -r ".plans[].workouts[] | select(.kind != \"rest\" and .kind != \"race\")
		| \"workout-\(.id)@knead|\(.date | gsub(\"-\"; \"\"))\"" all.json >want
	jq -r ".races[] | \"race-\(.id)@knead|\(.date | gsub(\"-\"; \"\"))\"" all.json >>want
	jq -r ".appointments[] | \"appointment-\(.id)@knead|\(.date | gsub(\"-\"; \"\"))\"" \
		all.json >>want
	# the advisor booked some, and there are plenty of workouts
	[ "$(jq ".appointments | length" all.json)" -ge 1 ]
	[ "$(wc -l <want)" -gt 50 ]

	expect_ok export ics
	head -1 out | grep -q "^BEGIN:VCALENDAR"
	out_has "PRODID:-//knead//knead"
	out_has "DTSTAMP:20261124T120000Z"
	ics_events out >events
	[ "$(wc -l <events)" -eq "$(wc -l <want)" ] ||
		{ echo "$(wc -l <events) events for $(wc -l <want) things planned"; exit 1; }
	while IFS="|" read -r uid day; do
		grep -q "^$uid|$day" events || { echo "no $uid on $day"; cat events; exit 1; }
	done <want
	# summaries say what to do; text with commas and semicolons is escaped
	grep -q "|Easy run [0-9]* min|" events
	grep -q "|Long run [0-9]* min|" events
	out_has "SUMMARY:Race: Turkey Trot\\, 5k\\; for fun"
	grep -q "^race-.*|20270321|Race: Riverside Half|" events
	# booked by the advisor: confirmed, with the therapist by name
	grep -q "^appointment-[0-9]*@knead|[0-9TZ]*|.* massage with Knead Studio|CONFIRMED\$" events
'

test_case 'the calendar depends only on the data, and -o writes it whole' '
	season
	expect_ok export ics
	cp out first.ics
	expect_ok export ics
	same_file out first.ics
	n=$(grep -c "^BEGIN:VEVENT" first.ics)
	expect_ok export ics -o cal.ics
	out_has "wrote cal.ics (ics, $n events)"
	same_file cal.ics first.ics
	# replacing a file leaves no temporary file beside it
	echo old >cal.ics
	expect_ok export ics --output cal.ics
	same_file cal.ics first.ics
	[ "$(ls -a | grep -c tmp)" -eq 0 ]
	expect_ok --json export ics -o cal.ics
	jq_is .file cal.ics
	jq_is .format ics
	jq_is .records "$n"
	expect_rc 1 export ics -o no/such/dir/cal.ics
	err_has "cannot write '\''no/such/dir/cal.ics'\''"
	[ ! -e no ]
'

test_case 'export csv writes the activities, quoted only where needed' '
	knead init >/dev/null
	knead log run 10k 55:00 --date 2026-11-22 --rpe 4 --note "sore calf, \"tight\"" >/dev/null
	knead log bike 1h --date 2026-11-23 >/dev/null
	expect_ok export csv
	head -1 out | grep -q "^id,date,start,sport,treadmill,name,distance_m,duration_s,moving_s,"
	head -1 out | grep -q ",load,load_method,gear,gear_id,utc_offset_s,source_format,source_file,source_sha256,source_device,note\$"
	[ "$(wc -l <out)" -eq 3 ]
	grep -q "^1,2026-11-22,,run,false,,10000,3300,,,,4," out
	out_has ",manual,,,,\"sore calf, \"\"tight\"\"\""
	grep -q "^2,2026-11-23,,bike,false,,,3600,.*,manual,,,,\$" out
	expect_ok export csv -o runs.csv
	out_has "wrote runs.csv (csv of activities, 2 rows)"
'

test_case 'export csv --table picks another table; a wrong one is refused' '
	knead init >/dev/null
	knead sore calf:left 4 --date 2026-11-23 >/dev/null
	expect_ok export csv --table checkins
	head -1 out | grep -q "^id,date,region,side,soreness,tightness,pain,note\$"
	grep -q "^1,2026-11-23,calf,left,4,,," out
	expect_ok export csv --table check
	grep -q "^1,2026-11-23,calf,left,4,,," out
	expect_ok export csv --table races
	[ "$(cat out)" = "id,name,date,distance_m,priority,terrain,status,goal_s,result_s,activity_id,days_to_go,note" ]
	expect_rc 2 export csv --table bogus
	err_has "no table '\''bogus'\'': choose one of activities, checkins, wellness, injuries, recovery, providers, gear, races, plans, workouts, appointments"
	expect_rc 2 export csv --table p
	err_has "ambiguous table '\''p'\''"
	expect_rc 2 export ics --table races
	err_has "--table chooses the table of '\''export csv'\''"
	expect_rc 2 export xml
	err_has "unknown format '\''xml'\''"
'

test_case 'export json holds everything, with the keys of --json' '
	knead demo >/dev/null
	expect_ok export json
	cp out all.json
	jq_is .format knead-export
	jq_is .version 1
	jq_is .exported 2026-11-24T12:00:00+00:00
	jq_is .athlete.name "Demo runner"
	jq_is .athlete.budget_cents 15000
	knead --json list >list.json
	[ "$(jq ".activities | length" all.json)" -eq "$(jq ".activities | length" list.json)" ]
	jq_is "[.activities[0].id, .activities[0].date] | join(\" \")" \
		"$(jq -r "[.activities[0].id, .activities[0].date] | join(\" \")" list.json)"
	jq_is ".races | length" 4
	jq_is ".plans | length" 3
	jq_is ".injuries | length" 3
	jq_is ".providers | length" 3
	jq_is ".gear | length" 3
	jq_is ".appointments | length" 1
	[ "$(jq ".plans[0].workouts | length" all.json)" -gt 50 ]
	[ "$(jq ".checkins | length" all.json)" -gt 200 ]
	[ "$(jq ".wellness | length" all.json)" -gt 150 ]
	[ "$(jq ".recovery | map(select(.cost != null)) | length" all.json)" -ge 10 ]
	# each CSV table has the columns of its JSON records, nested ones
	# joined with "_"
	flat="to_entries | map(if (.value | type) == \"object\"
		then (.key as \$k | .value | keys_unsorted | map(\$k + \"_\" + .))
		else [.key] end) | add | sort | join(\",\")"
	for t in activities checkins wellness injuries recovery providers gear races appointments; do
		knead export csv --table $t | head -1 | tr "," "\n" | sort | paste -sd, - >got
		jq -r ".$t | map(select(.cost != null or (has(\"cost\") | not)))[0] | $flat" all.json >want
		same_file got want || { echo "$t: $(cat got) against $(cat want)"; exit 1; }
	done
	knead export csv --table plans | head -1 | tr "," "\n" | sort | paste -sd, - >got
	jq -r ".plans[0] | del(.workouts) | $flat" all.json >want
	same_file got want
	knead export csv --table workouts | head -1 | tr "," "\n" | sort | paste -sd, - >got
	jq -r ".plans[0].workouts[0] + {plan_id: 0, race: \"\"} | $flat" all.json >want
	same_file got want
	[ "$(knead export csv --table workouts | wc -l)" -eq "$(jq "[.plans[].workouts[]] | length + 1" all.json)" ]
'

test_case 'without a database there is nothing to export' '
	expect_rc 1 export json
	err_has "no database"
	[ ! -e knead.db ]
'

test_done
