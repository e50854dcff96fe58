#!/bin/sh
# Layout is the tool's job: every C file must be as clang-format leaves it
# (.clang-format). Skipped where clang-format is not installed. Prints TAP.
set -u
root=${KNEAD_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 1
if ! command -v clang-format >/dev/null 2>&1; then
	echo "1..0 # SKIP clang-format is not installed"
	exit 0
fi
files=$(find src tools tests -name '*.[ch]' | sort)
bad=
for f in $files; do
	if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
		bad="$bad $f"
	fi
done
if [ -z "$bad" ]; then
	echo "ok 1 - every C file is formatted"
else
	echo "not ok 1 - every C file is formatted"
	for f in $bad; do
		echo "# $f (run: clang-format -i $f)"
	done
fi
echo "1..1"
[ -z "$bad" ]
