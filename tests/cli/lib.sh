# lib.sh: the harness for knead's end-to-end CLI scenarios.
#
# A scenario script sources this file, declares cases with test_case and
# ends with test_done; it prints TAP for `meson test`. Each case runs in a
# fresh folder with its own database, home and config, the clock fixed by
# $KNEAD_NOW (default: Tuesday 2026-11-24, noon), TZ=UTC and NO_COLOR set,
# and `set -e`, so any failing line fails the case.
#
#   test_case 'a treadmill run lands on its day' '
#       knead init --tz America/Toronto >/dev/null
#       expect_ok log run 8k --treadmill --date sat
#       out_has "Sat 2026-11-21"
#   '
#
# Helpers run knead with its stdout in ./out and stderr in ./err:
#   run ARGS...            run knead; its exit status is left in $rc
#   expect_ok ARGS...      run, and fail unless it exits 0
#   expect_rc N ARGS...    run, and fail unless it exits N
#   out_has TEXT / err_has TEXT / out_lacks TEXT / err_empty
#   jq_is FILTER VALUE     jq -r FILTER of ./out must print VALUE
#   same_file A B          the two files are byte for byte equal
#
# $KNEAD_WRAPPER (e.g. valgrind) is put in front of every knead.

set -u
: "${KNEAD_BIN:?set KNEAD_BIN to the knead binary}"
: "${KNEAD_SOURCE_ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"

TEST_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/knead-cli.XXXXXX")
trap 'rm -rf "$TEST_ROOT"' EXIT
n_tests=0
n_failed=0

knead() {
	${KNEAD_WRAPPER:-} "$KNEAD_BIN" "$@"
}

run() {
	rc=0
	knead "$@" >out 2>err || rc=$?
}

show_output() {
	echo "--- stdout:"
	cat out
	echo "--- stderr:"
	cat err
}

# Helper variables start with an underscore: shell functions share the
# caller's variables, and a case may well have its own $want.
expect_rc() {
	_want=$1
	shift
	run "$@"
	if [ "$rc" != "$_want" ]; then
		echo "expected exit $_want, got $rc from: knead $*"
		show_output
		return 1
	fi
}

expect_ok() {
	expect_rc 0 "$@"
}

out_has() {
	grep -qF -- "$1" out || { echo "stdout lacks '$1'"; show_output; return 1; }
}

out_lacks() {
	if grep -qF -- "$1" out; then
		echo "stdout has '$1'"
		show_output
		return 1
	fi
}

err_has() {
	grep -qF -- "$1" err || { echo "stderr lacks '$1'"; show_output; return 1; }
}

err_empty() {
	[ ! -s err ] || { echo "stderr is not empty"; show_output; return 1; }
}

jq_is() {
	_got=$(jq -r "$1" out) || { echo "jq '$1' failed on:"; cat out; return 1; }
	[ "$_got" = "$2" ] || { echo "jq '$1': expected '$2', got '$_got'"; return 1; }
}

same_file() {
	cmp -s "$1" "$2" || { echo "$1 and $2 differ"; return 1; }
}

# Start `knead serve` on the test's database, listening on host $1
# (default 127.0.0.1) at a free port: sets port, pid and url (always over
# 127.0.0.1). Tests run side by side, so a port may be taken: knead then
# exits at once and the next port is tried. Ready once it has said it is
# serving (it says so after binding). Output in serve.out and serve.err.
serve_start() {
	port=$((20000 + ($$ * 37) % 20000))
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		"$KNEAD_BIN" serve --listen "${1:-127.0.0.1}:$port" >serve.out 2>serve.err &
		pid=$!
		i=0
		while [ $i -lt 100 ] && kill -0 $pid 2>/dev/null; do
			if grep -q "^knead: serving" serve.out; then
				url=http://127.0.0.1:$port
				return 0
			fi
			i=$((i + 1))
			sleep 0.05
		done
		kill $pid 2>/dev/null
		wait $pid 2>/dev/null
		port=$((port + 1))
	done
	cat serve.err >&2
	return 1
}

# Stop the server serve_start started with SIGTERM; serve_rc is its exit status.
serve_stop() {
	kill -TERM $pid
	serve_rc=0
	wait $pid || serve_rc=$?
}

test_case() {
	n_tests=$((n_tests + 1))
	dir=$TEST_ROOT/$n_tests
	mkdir -p "$dir/home"
	(
		cd "$dir"
		export HOME="$dir/home" KNEAD_DB="$dir/knead.db" TZ=UTC NO_COLOR=1
		export KNEAD_NOW="${KNEAD_NOW_DEFAULT:-2026-11-24T12:00}"
		unset XDG_DATA_HOME XDG_CONFIG_HOME
		set -e
		eval "$2"
	) >"$dir/log" 2>&1
	status=$?
	if [ "$status" -eq 0 ]; then
		echo "ok $n_tests - $1"
	else
		n_failed=$((n_failed + 1))
		echo "not ok $n_tests - $1"
		sed 's/^/# /' "$dir/log"
	fi
}

test_done() {
	echo "1..$n_tests"
	[ "$n_failed" -eq 0 ]
}
