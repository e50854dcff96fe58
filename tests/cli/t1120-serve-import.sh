#!/bin/sh
# knead serve (issue 7): a watch file uploaded through the import form
# over real HTTP (multipart/form-data read by libmicrohttpd's post
# processor, the anti-CSRF token in the multipart body) lands in the log,
# and the JSON API lists it.
. "$(dirname "$0")/lib.sh"

data=$KNEAD_SOURCE_ROOT/tests/data

# Start the server, upload, stop.
serve_and_upload() {
	serve_start || return 1
	curl -s -c jar -b jar "$url/import" >form.html &&
	token=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' form.html) &&
	printf 'not a watch file\n' >broken.gpx &&
	curl -s -i -c jar -b jar -F "csrf=$token" \
		-F "files=@$data/fit/activity-small-fenix2-run.fit" -F "files=@broken.gpx" \
		"$url/import" >result.html &&
	curl -s -i -b jar -F "files=@$data/fit/Activity.fit" "$url/import" >notoken.html &&
	curl -s "$url/api/v1/activities" >list.json &&
	curl -s "$url/api/v1/activity?id=1" >show.json &&
	curl -s "$url/activity?id=1" >page.html
	rc=$?
	serve_stop
	return $rc
}

test_case 'uploads through the import form, then lists the activity' '
	serve_and_upload || { echo "# the server did not answer"; false; } &&
	[ -n "$token" ] &&
	grep -q "id=\"import-form\"" form.html &&
	grep -q "HTTP/1.1 200" result.html &&
	grep -q "<b>activity-small-fenix2-run.fit</b>: <span class=\"outcome\">imported" result.html &&
	grep -q "<a class=\"activity-link\" href=\"/activity?id=1\">" result.html &&
	grep -q "<b>broken.gpx</b>: <span class=\"outcome\">failed" result.html &&
	grep -q "HTTP/1.1 403" notoken.html &&
	[ "$(jq ".activities | length" list.json)" = 1 ] &&
	[ "$(jq -r ".activities[0].source.file" list.json)" = activity-small-fenix2-run.fit ] &&
	[ "$(jq -c . list.json)" = "$(knead --json list | jq -c .)" ] &&
	[ "$(jq -c . show.json)" = "$(knead --json show 1 | jq -c .)" ] &&
	grep -q "<svg class=\"chart\"" page.html &&
	grep -q "<svg id=\"route\" class=\"route\"" page.html
'

test_done
