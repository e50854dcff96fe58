#!/bin/sh
# knead serve (issue 7): only this machine without a password; on
# 127.0.0.1 it serves the Today page and its JSON, and stops cleanly on
# SIGTERM.
. "$(dirname "$0")/lib.sh"

test_case 'listening beyond this machine needs a password' '
	expect_rc 2 serve --listen 0.0.0.0:8080
	err_has "listening on 0.0.0.0 needs a password: run '"'"'knead passwd'"'"' first"
	expect_rc 2 serve --listen 192.168.1.10:8080
	err_has "needs a password"
	expect_rc 2 serve --listen example.org:8080
	err_has "is not an IPv4 address"
	expect_rc 2 serve --listen 127.0.0.1:99999
	err_has "is not a port"
'

# Start the server, fetch, stop.
serve_and_fetch() {
	serve_start "${host:-127.0.0.1}" || return 1
	curl -s -i "$url/" >page.out &&
	curl -s "$url/api/v1/today" >api.json &&
	curl -s -i -X POST "$url/sore" -d "region=calf:left&level=3" >post.out
	rc=$?
	serve_stop
	echo "exit $serve_rc" >serve.rc
	return $rc
}

test_case 'serves Today and /api/v1/today on 127.0.0.1, stops on SIGTERM' '
	knead sore calf:left 2 >/dev/null
	serve_and_fetch || { echo "# the server did not answer"; false; } &&
	grep -q "^knead: serving .* on http://127.0.0.1:$port/" serve.out &&
	grep -q "HTTP/1.1 200" page.out &&
	grep -q "<h1>Tuesday 2026-11-24</h1>" page.out &&
	grep -q "Set-Cookie: knead_session=.*HttpOnly; SameSite=Strict" page.out &&
	[ "$(jq -r .date api.json)" = 2026-11-24 ] &&
	[ "$(jq -r .readiness.level api.json)" = "$(knead --json today | jq -r .readiness.level)" ] &&
	[ "$(jq -c .advice api.json)" = "$(knead --json today | jq -c .advice)" ] &&
	grep -q "HTTP/1.1 403" post.out &&
	[ "$(knead --json sore | jq length)" = 1 ] &&
	grep -q "stopping (SIGTERM)" serve.err &&
	[ "$(cat serve.rc)" = "exit 0" ]
'

test_case 'localhost is this machine too' '
	host=localhost
	serve_and_fetch || { echo "# the server did not answer"; false; } &&
	grep -q "^knead: serving .* on http://127.0.0.1:$port/" serve.out &&
	grep -q "HTTP/1.1 200" page.out
'

test_done
