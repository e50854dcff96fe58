#!/bin/sh
# knead regions: the body catalogue, runner words for its regions, and a
# runner's own catalogue in $XDG_CONFIG_HOME/knead/regions.ini.
. "$(dirname "$0")/lib.sh"

# Each line: a word as a runner types it, then the region code it names.
words='piraformis piriformis
semintendinous semitendinosus
hammy hamstrings
Hammy hamstrings
hamstring hamstrings
glutes glutes
calves calf
ITB it-band
IT-band it-band
psoas psoas
quads quads
achilles achilles'

test_case 'runner words name the right region' '
	echo "$words" | while read -r word code; do
		expect_ok --json regions "$word"
		jq_is ".regions | length" 1
		jq_is ".regions[0].code" "$code"
	done
'

test_case 'a word of several words names its region' '
	expect_ok --json regions "back of thigh"
	jq_is ".regions[0].code" hamstrings
	expect_ok --json regions "iliotibial band"
	jq_is ".regions[0].code" it-band
'

test_case 'a check-in on a runner word is stored under the region code' '
	echo "$words" | while read -r word code; do
		expect_ok sore "$word:left" 1
	done
	expect_ok --json sore
	jq_is "[.checkins[] | .region] | unique | sort | join(\" \")" \
		"achilles calf glutes hamstrings it-band piriformis psoas quads semitendinosus"
	jq_is "[.checkins[] | .side] | unique | join(\" \")" left
	# hammy, Hammy and hamstring are one region, so one check-in
	jq_is "[.checkins[] | select(.region == \"hamstrings\")] | length" 1
'

test_case 'regions alone prints the whole tree, hamstrings under thigh' '
	expect_ok regions
	err_empty
	grep -q "^thigh  " out
	grep -q "^  hamstrings  " out
	grep -q "^    semitendinosus  " out
	# the nearest top-level region above hamstrings is thigh
	parent=$(awk "/^  hamstrings / { print top; exit } /^[^ ]/ { top = \$1 }" out)
	[ "$parent" = thigh ] || { echo "hamstrings is under '"'"'$parent'"'"'"; cat out; exit 1; }
	expect_ok --json regions
	jq_is ".regions[] | select(.code == \"hamstrings\") | [.parent, .depth, .sided] | map(tostring) | join(\" \")" \
		"thigh 1 true"
	jq_is ".regions[] | select(.code == \"neck\") | [.parent, .depth, .sided] | map(tostring) | join(\" \")" \
		"null 0 false"
	jq_is "[.regions[] | select(.code == \"calf\" or .code == \"psoas\" or .code == \"piriformis\")] | length" 3
'

test_case 'regions glute shows the glutes and the muscles in them' '
	expect_ok regions glute
	out_has "glutes (glutes), left and right"
	out_has "part of: hip"
	out_has "gluteus maximus"
	out_has "gluteus medius"
	out_has "gluteus minimus"
	out_has "piriformis"
	expect_ok --json regions glu
	jq_is "[.regions[] | .code] | (index(\"glutes\") != null and index(\"gluteus-maximus\") != null and index(\"gluteus-medius\") != null)" true
	jq_is ".regions | length > 1" true
'

test_case 'a misspelt region exits 1 with a suggestion' '
	expect_rc 1 regions hamsting
	err_has "did you mean hamstrings"
	expect_rc 1 regions zzzzzz
	err_has "zzzzzz"
'

write_override() {
	mkdir -p "$XDG_CONFIG_HOME/knead"
	cat > "$XDG_CONFIG_HOME/knead/regions.ini"
}

test_case 'a runner'"'"'s own regions.ini replaces the catalogue' '
	export XDG_CONFIG_HOME=$PWD/config
	write_override <<-EOF
	[leg]
	name = leg
	sided = yes
	aliases = legs

	[back-of-leg]
	name = back of leg
	parent = leg
	sided = yes
	aliases = hammy, hamstrings
	EOF
	expect_ok regions
	out_has "leg"
	grep -q "^  back of leg  " out
	out_lacks "thigh"
	out_lacks "glutes"
	expect_ok --json regions
	jq_is "[.regions[] | .code] | join(\" \")" "leg back-of-leg"
	expect_ok sore hammy:right 3
	out_has "right back of leg"
	expect_rc 2 sore glutes:left 3
	err_has "glutes"
'

test_case 'the override is found in ~/.config without XDG_CONFIG_HOME' '
	mkdir -p "$HOME/.config/knead"
	printf "[leg]\nname = leg\nsided = yes\n" > "$HOME/.config/knead/regions.ini"
	expect_ok --json regions
	jq_is "[.regions[] | .code] | join(\" \")" leg
'

# Each line: a malformed regions.ini (printf format), " | " and what the
# message says besides the file's name.
bad='[leg]\nname = leg\nsided = maybe\n | sided is
[Leg Bad]\nname = leg\nsided = yes\n | a code is
[a]\nname = a\nsided = no\nparent = nope\n | parent
[a]\nname = a\n | sided
[a]\nname = a\nsided = yes\n[b]\nname = b\nparent = a\nsided = no\n | which has sides
[a]\nname = a\nsided = no\nbogus = 1\n | unknown key
name = a\n | before any
[a]\nsided = no\n | no name
this is not ini\n | line 1
 | no regions'

test_case 'a malformed regions.ini is refused with exit 1, naming the file' '
	export XDG_CONFIG_HOME=$PWD/config
	mkdir -p config/knead
	printf "%s\n" "$bad" | while IFS= read -r line; do
		text=${line%% | *}
		want=${line#* | }
		# shellcheck disable=SC2059 # the case is a printf format
		printf "$text" > config/knead/regions.ini
		expect_rc 1 regions
		err_has "config/knead/regions.ini"
		err_has "$want"
		expect_rc 1 sore leg:left 3
		err_has "config/knead/regions.ini"
	done
	[ ! -e knead.db ]
'

test_case 'a word naming two regions in regions.ini is refused' '
	export XDG_CONFIG_HOME=$PWD/config
	write_override <<-EOF
	[calf]
	name = calf
	sided = yes
	aliases = calves, lower leg

	[shin]
	name = shin
	sided = yes
	aliases = shins, lower leg
	EOF
	expect_rc 1 regions
	err_has "config/knead/regions.ini"
	err_has "'"'"'lower leg'"'"' names both [calf] and [shin]"
'

test_done
