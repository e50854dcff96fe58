#!/bin/sh
# knead passwd (issue 7): the web app's password, read from standard
# input when it is not a terminal; with it, knead serve may listen beyond
# this machine and every page asks for a login, which a new password
# ends.
. "$(dirname "$0")/lib.sh"

test_case 'a password is read from standard input and kept only as an argon2id hash' '
	echo "correct horse" | knead passwd >out 2>err
	grep -q "password set for" out
	[ "$(sqlite3 "$KNEAD_DB" "SELECT count(*) FROM auth WHERE password_hash LIKE '"'"'\$argon2id\$%'"'"'")" = 1 ]
	[ "$(sqlite3 "$KNEAD_DB" "SELECT count(*) FROM auth WHERE password_hash LIKE '"'"'%horse%'"'"'")" = 0 ]
	[ "$(sqlite3 "$KNEAD_DB" "SELECT length(secret) FROM auth")" = 32 ]
'

test_case 'an empty or short password is refused and nothing is stored' '
	rc=0; echo "short" | knead passwd >out 2>err || rc=$?
	[ $rc = 2 ] && grep -q "the password is too short: 5 characters, at least 8 needed" err
	rc=0; printf "\n" | knead passwd >out 2>err || rc=$?
	[ $rc = 2 ] && grep -q "the password is empty" err
	rc=0; knead passwd </dev/null >out 2>err || rc=$?
	[ $rc = 2 ] && grep -q "no password given" err
	[ ! -e "$KNEAD_DB" ] || [ "$(sqlite3 "$KNEAD_DB" "SELECT count(*) FROM auth WHERE password_hash IS NOT NULL")" = 0 ]
'

test_case 'a new password draws a new secret; --remove removes it' '
	echo "correct horse" | knead passwd >/dev/null
	first=$(sqlite3 "$KNEAD_DB" "SELECT hex(secret) FROM auth")
	echo "battery staple" | knead passwd >/dev/null
	[ "$(sqlite3 "$KNEAD_DB" "SELECT hex(secret) FROM auth")" != "$first" ]
	expect_ok passwd --remove
	out_has "password removed"
	[ "$(sqlite3 "$KNEAD_DB" "SELECT count(*) FROM auth WHERE password_hash IS NULL")" = 1 ]
	expect_ok passwd --remove
	out_has "no password is set"
'

# The anti-CSRF token of the login form in file $1.
token() {
	sed -n "s/.*name=\"csrf\" value=\"\([0-9a-f]*\)\".*/\1/p" "$1" | head -n 1
}

test_case 'serve on 0.0.0.0 is refused without a password' '
	expect_rc 2 serve --listen 0.0.0.0:8080
	err_has "listening on 0.0.0.0 needs a password: run '"'"'knead passwd'"'"' first"
'

test_case 'with a password, serve on 0.0.0.0 asks for a login; a new password ends it' '
	knead sore calf:left 2 >/dev/null
	echo "correct horse" | knead passwd >/dev/null
	serve_start 0.0.0.0
	grep -q "^knead: serving .* on http://0.0.0.0:$port/" serve.out
	code=$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" "http://127.0.0.1:$port/calendar")
	[ "$code" = "303 http://127.0.0.1:$port/login?next=/calendar" ] || { echo "$code"; false; }
	[ "$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port/api/v1/today")" = 401 ]
	curl -s -c jar -b jar "http://127.0.0.1:$port/login" >login.html
	grep -q "id=\"login-form\"" login.html
	tok=$(token login.html)
	[ "$(curl -s -o /dev/null -w "%{http_code}" -c jar -b jar -d "csrf=$tok&password=wrong+horse" "http://127.0.0.1:$port/login")" = 403 ]
	[ "$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" -c jar -b jar -d "csrf=$tok&password=correct+horse&next=/api/v1/today" "http://127.0.0.1:$port/login")" = "303 http://127.0.0.1:$port/api/v1/today" ]
	grep -q knead_login jar
	curl -s -b jar "http://127.0.0.1:$port/api/v1/today" >api.json
	[ "$(jq -r .date api.json)" = 2026-11-24 ]
	echo "battery staple" | knead passwd >/dev/null
	[ "$(curl -s -o /dev/null -w "%{http_code}" -b jar "http://127.0.0.1:$port/api/v1/today")" = 401 ]
	serve_stop
'

test_done
