#!/bin/sh
# knead import: watch files, folders, archives and exports, each file once.
. "$(dirname "$0")/lib.sh"

data=$KNEAD_SOURCE_ROOT/tests/data
run_fit=$data/fit/garmin-fenix-5-run.fit

# A GPX run written inline: three points 100 m apart, a minute apart.
write_gpx() {
	cat >"$1" <<'GPX'
<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
 <trk><name>Lunch run</name><type>running</type><trkseg>
  <trkpt lat="46.0000" lon="14.0000"><ele>300</ele><time>2026-11-20T12:00:00Z</time></trkpt>
  <trkpt lat="46.0009" lon="14.0000"><ele>301</ele><time>2026-11-20T12:01:00Z</time></trkpt>
  <trkpt lat="46.0018" lon="14.0000"><ele>302</ele><time>2026-11-20T12:02:00Z</time></trkpt>
 </trkseg></trk>
</gpx>
GPX
}

count_activities() {
	knead list --json | jq '.activities | length'
}

test_case 'a FIT file lands with its samples, laps and source' '
	expect_ok import "$run_fit"
	out_has "imported 1 file (1 activity), 0 duplicates, 0 repaired, 0 skipped, 0 failed"
	out_has "(garmin-fenix-5-run.fit)"
	expect_ok show 1 --json
	jq_is .source.format fit
	jq_is .source.file garmin-fenix-5-run.fit
	jq_is ".source.sha256 | length" 64
	jq_is ".source.device | test(\"garmin\"; \"i\")" true
	jq_is .sport run
	jq_is ".samples.n > 0" true
	jq_is ".samples.time_s[0]" 0
	jq_is ".laps | length >= 1" true
	jq_is ".distance_m > 0" true
	expect_ok show 1
	out_has "samples"
	out_has "source    fit garmin-fenix-5-run.fit"
'

test_case 'importing the same content again adds nothing, under any name' '
	knead import "$run_fit" >/dev/null
	cp "$run_fit" renamed.fit
	expect_ok import "$run_fit" renamed.fit
	out_has "imported 0 files (0 activities), 2 duplicates"
	[ "$(count_activities)" -eq 1 ]
'

test_case 'a folder: activity files imported, others passed over or skipped' '
	mkdir -p dir/sub
	cp "$data/fit/Activity.fit" "$run_fit" dir/
	cp "$data/fit/Settings.fit" dir/sub/
	write_gpx dir/sub/lunch.gpx
	echo "notes" > dir/notes.txt
	expect_ok import dir
	out_has "imported 3 files (3 activities), 0 duplicates, 0 repaired, 1 skipped, 0 failed"
	err_has "skipped: dir/sub/Settings.fit: not an activity (a FIT settings file)"
	expect_ok import dir
	out_has "imported 0 files (0 activities), 3 duplicates"
'

test_case '.gz files and zips, with zips inside zips, are opened' '
	gzip -c "$run_fit" > run.fit.gz
	expect_ok import run.fit.gz
	out_has "imported 1 file"
	expect_ok import "$run_fit"
	out_has "1 duplicate"
	mkdir inner && cp "$data/fit/Activity.fit" inner/ && write_gpx inner/lunch.gpx
	(cd inner && zip -q ../inner.zip Activity.fit lunch.gpx)
	mkdir outer && cp inner.zip outer/ && gzip -c "$data/fit/activity-settings.fit" > outer/chained.fit.gz
	(cd outer && zip -q -r ../export.zip .)
	expect_ok import export.zip
	out_has "imported 3 files (3 activities)"
	[ "$(count_activities)" -eq 4 ]
'

test_case 'a Strava export names its activities and their gear' '
	mkdir -p strava/activities
	gzip -c "$run_fit" > strava/activities/4242.fit.gz
	write_gpx strava/activities/4343.gpx
	gzip strava/activities/4343.gpx
	cat > strava/activities.csv <<CSV
Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename,Activity Gear,Distance
4242,"Nov 1, 2026",Tempo Tuesday,Run,"felt strong, legs ok
even the hamstring",2000,5.0,activities/4242.fit.gz,Pegasus 40,5000
4343,"Nov 20, 2026",Lunch run,Run,,120,0.2,activities/4343.gpx.gz,Pegasus 40,200
4444,"Nov 21, 2026",Manual entry,Run,,120,0.2,,,
CSV
	(cd strava && zip -q -r ../export_123.zip .)
	expect_ok import export_123.zip
	out_has "imported 2 files (2 activities)"
	expect_ok list --json
	jq_is "[.activities[].name] | sort | join(\",\")" "Lunch run,Tempo Tuesday"
	jq_is "[.activities[] | select(.name == \"Tempo Tuesday\") | .note][0]" "felt strong, legs ok
even the hamstring"
	jq_is "[.activities[].gear] | unique | join(\",\")" "Pegasus 40"
	expect_ok gear list --json
	jq_is ".gear | length" 1
	jq_is ".gear[0].activities" 2
	jq_is ".gear[0].kind" shoes
'

test_case 'an unpacked Strava export folder works the same' '
	mkdir -p strava/activities
	cp "$run_fit" strava/activities/77.fit
	printf "Activity ID,Activity Name,Filename,Activity Gear\n77,Hill repeats,activities/77.fit,Kinvara\n" > strava/activities.csv
	expect_ok import strava
	expect_ok show 1 --json
	jq_is ".name, .gear" "Hill repeats
Kinvara"
'

test_case 'damaged and foreign files: named, the rest still imported, exit 1' '
	printf "not a watch file" > garbage.fit
	: > empty.gpx
	expect_rc 1 import "$run_fit" garbage.fit empty.gpx missing.fit "$data/fit/activity-filecrc.fit"
	err_has "failed: garbage.fit: not a FIT file: no '"'"'.FIT'"'"' signature at byte 8"
	err_has "failed: empty.gpx: empty file"
	err_has "failed: missing.fit: cannot open it: No such file or directory"
	err_has "repaired: $data/fit/activity-filecrc.fit:"
	err_has "byte"
	out_has "imported 2 files (2 activities), 0 duplicates, 1 repaired, 0 skipped, 3 failed"
	[ "$(count_activities)" -eq 2 ]
'

test_case 'XML with a small defect is read after a named repair' '
	write_gpx clean.gpx
	{ printf "  \n"; sed "s/<trk>/<trk><gpxdata:lap>1<\/gpxdata:lap>/" clean.gpx; } > defects.gpx
	expect_ok import defects.gpx
	out_has "1 repaired"
	err_has "repaired: defects.gpx:"
	err_has "gpxdata"
'

test_case 'imported activities take the local day of the profile zone' '
	knead init --tz Pacific/Auckland >/dev/null
	write_gpx lunch.gpx
	expect_ok import lunch.gpx
	expect_ok list --json
	jq_is ".activities[0].date" 2026-11-21
	jq_is ".activities[0].start" 2026-11-21T01:00:00+13:00
	jq_is ".activities[0].sport" run
	jq_is ".activities[0].name" "Lunch run"
'

test_case 'removing an imported activity lets the file be imported again' '
	knead import "$run_fit" >/dev/null
	knead rm 1 >/dev/null
	expect_ok import "$run_fit"
	out_has "imported 1 file"
'

test_case '--json lists every file with its outcome' '
	printf "x" > bad.fit
	expect_rc 1 import "$run_fit" bad.fit "$data/fit/Settings.fit" --json
	jq_is "[.files[].outcome] | join(\",\")" "imported,failed,skipped"
	jq_is ".files[0].activities | length" 1
	jq_is ".summary.imported, .summary.failed, .summary.skipped" "1
1
1"
'

test_case 'an import killed half way leaves whole activities, and a rerun completes it' '
	"$KNEAD_CORPUS" -n 1500 -o corpus "$data/fit" >/dev/null
	knead init >/dev/null
	# the binary itself, not the knead function: a backgrounded function is a
	# subshell, and killing it would leave knead running
	"$KNEAD_BIN" import corpus >/dev/null 2>&1 &
	pid=$!
	# wait until it has kept something, then kill it outright
	n=0
	while [ "$(sqlite3 knead.db "SELECT count(*) FROM source" 2>/dev/null || echo 0)" -lt 50 ]; do
		n=$((n + 1))
		[ $n -lt 400 ] || break
		sleep 0.02
	done
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	[ "$(sqlite3 knead.db "PRAGMA integrity_check")" = ok ]
	before=$(sqlite3 knead.db "SELECT count(*) FROM source")
	echo "# killed after $before of 1500 files"
	[ "$before" -gt 0 ] && [ "$before" -lt 1500 ]
	# every kept file is whole: all its activities, and samples for each
	[ "$(sqlite3 knead.db "SELECT count(*) FROM source s WHERE s.n_activities !=
		(SELECT count(*) FROM activity a WHERE a.source_id = s.id)")" -eq 0 ]
	[ "$(sqlite3 knead.db "SELECT count(*) FROM activity a WHERE a.source_id IS NOT NULL
		AND NOT EXISTS (SELECT 1 FROM samples m WHERE m.activity_id = a.id)")" -eq 0 ]
	expect_ok import corpus
	out_has "$before duplicates"
	[ "$(sqlite3 knead.db "SELECT count(*) FROM source")" -eq 1500 ]
'

test_done
