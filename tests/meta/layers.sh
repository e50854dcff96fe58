#!/bin/sh
# The architecture of DESIGN.md, checked on the source tree:
#   - includes point down the layers: base <- core <- {store, formats,
#     analysis} <- advice <- render <- {cli, web}; siblings do not include
#     each other (one exception: cli/cmd_serve.c, `knead serve`, starts
#     the web face);
#   - SQL (sqlite3) appears only in src/store;
#   - nothing prints outside src/cli and src/web, except base/bug.c and
#     base/xalloc.c, which report a bug or exhausted memory and end the
#     process.
# Prints TAP.
set -u
root=${KNEAD_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root/src" || exit 1
n=0
failed=0

check() {
	n=$((n + 1))
	if [ -z "$2" ]; then
		echo "ok $n - $1"
	else
		failed=$((failed + 1))
		echo "not ok $n - $1"
		echo "$2" | sed 's/^/# /'
	fi
}

allowed() {
	case $1 in
	base) echo "base" ;;
	core) echo "base core" ;;
	store | formats | analysis) echo "base core $1" ;;
	advice) echo "base core store formats analysis advice" ;;
	render) echo "base core store formats analysis advice render" ;;
	cli) echo "base core store formats analysis advice render cli" ;;
	web) echo "base core store formats analysis advice render web" ;;
	esac
}

bad=
for dir in */; do
	layer=${dir%/}
	ok=$(allowed "$layer")
	[ -n "$ok" ] || { bad="$bad
$layer: a folder that is not a layer of DESIGN.md"; continue; }
	for f in $(find "$layer" -name '*.[ch]'); do
		for inc in $(sed -n 's/^#include "\([a-z]*\)\/.*/\1/p' "$f" | sort -u); do
			case " $ok " in
			*" $inc "*) ;;
			*)
				# knead serve: the one command that starts the other face
				[ "$f:$inc" = "cli/cmd_serve.c:web" ] && continue
				bad="$bad
$f includes $inc/, which is not below $layer" ;;
			esac
		done
	done
done
check "includes point down the layers" "${bad#?}"

sql=$(grep -rln 'sqlite3' --include='*.[ch]' . | grep -v '^\./store/' || true)
check "SQLite is used only in src/store" "$sql"

printing=$(grep -rnE '(^|[^a-z_])(printf|fprintf|vfprintf|vprintf|puts|fputs|putchar|fputc|perror|fwrite)[[:space:]]*\(' \
	--include='*.c' base core store formats analysis advice render 2>/dev/null |
	grep -v '^base/bug\.c:' | grep -v '^base/xalloc\.c:' || true)
check "nothing prints outside src/cli and src/web" "$printing"

echo "1..$n"
[ "$failed" -eq 0 ]
