#!/bin/sh
# A runner's autumn, typed the way she would tell it: a sore right
# hamstring after a treadmill run, ice, a week of foam rolling, a
# deep-tissue massage, the injury's course from her pain check-ins, then
# a studio membership, a chiropractor for the hip and what it all cost.
. "$(dirname "$0")/lib.sh"

# 2026-10-10: the run, the pain, the ice; a week of rolling; the massage.
october() {
	knead init --currency USD >/dev/null
	knead log run 8k --treadmill --date 2026-10-10 >/dev/null
	knead sore hamstring:right 5 --pain --date 2026-10-10 >/dev/null
	knead recover ice hamstring:right 15min --date 2026-10-10 >/dev/null
	for d in 10 11 12 13 14 15 16; do
		knead recover roll hamstrings,glutes 10min --date 2026-10-$d >/dev/null
	done
	knead recover deep hamstrings,glutes 60min --pain 8 --relief 9 --cost 90 \
		--found "abductors:right=very tight,semitendinosus:left=tight" \
		--date 2026-10-17 >/dev/null
}

# The injury and her pain check-ins as it eased.
injury() {
	knead injury add hamstring:right --since 2026-10-10 \
		--cause "weak glutes, hamstring over-compensating" >/dev/null
	knead sore hamstring:right 4 --pain --date 2026-10-14 >/dev/null
	knead sore hamstring:right 3 --pain --date 2026-10-20 >/dev/null
	knead sore hamstring:right 2 --pain --date 2026-11-01 >/dev/null
}

# A month later: the studio membership, the chiropractor, the second massage.
november() {
	knead provider add "Knead Studio" --kind massage --price 90 \
		--membership 70/month:1 --since 2026-11-15 >/dev/null
	knead recover chiro hip 30min --cost 60 --date 2026-11-16 >/dev/null
	knead recover deep hamstrings,glutes 60min --with "Knead Studio" --date 2026-11-17 >/dev/null
}

test_case 'the run, the pain and the ice land on 2026-10-10' '
	knead init --currency USD >/dev/null
	expect_ok log run 8k --treadmill --date 2026-10-10
	expect_ok sore hamstring:right 5 --pain --date 2026-10-10
	out_has "right hamstrings: pain 5 on Sat 2026-10-10"
	expect_ok recover ice hamstring:right 15min --date 2026-10-10
	out_has "icing on Sat 2026-10-10, right hamstrings, 15:00"
	expect_ok --json list
	jq_is ".activities | length" 1
	jq_is ".activities[0].treadmill" true
	jq_is ".activities[0].distance_m" 8000
	expect_ok --json sore --from 2026-10-10 --to 2026-10-10
	jq_is ".checkins | length" 1
	jq_is ".checkins[0] | [.date, .region, .side, .pain, .soreness, .tightness] | map(tostring) | join(\" \")" \
		"2026-10-10 hamstrings right 5 null null"
	expect_ok --json recover --from 2026-10-10 --to 2026-10-10
	jq_is ".sessions | length" 1
	jq_is ".sessions[0].modality" ice
	jq_is ".sessions[0].duration_s" 900
	jq_is ".sessions[0].regions | map(.region + \":\" + .side) | join(\",\")" "hamstrings:right"
	jq_is ".sessions[0].cost" null
'

test_case 'a week of foam rolling hamstrings and glutes is seven sessions' '
	october
	expect_ok --json recover --from 2026-10-10 --to 2026-10-16
	jq_is "[.sessions[] | select(.modality == \"roll\")] | length" 7
	jq_is "[.sessions[] | select(.modality == \"roll\") | .date] | join(\" \")" \
		"2026-10-10 2026-10-11 2026-10-12 2026-10-13 2026-10-14 2026-10-15 2026-10-16"
	jq_is "[.sessions[] | select(.modality == \"roll\") | .duration_s] | unique | join(\",\")" 600
	jq_is "[.sessions[] | select(.modality == \"roll\") | .regions | map(.region + \":\" + .side) | join(\",\")] | unique | join(\";\")" \
		"hamstrings:both,glutes:both"
'

test_case 'the deep-tissue massage reads back with what the therapist found' '
	october
	expect_ok --json recover --from 2026-10-17 --to 2026-10-17
	jq_is ".sessions | length" 1
	jq_is ".sessions[0].modality" massage:deep
	jq_is ".sessions[0].duration_s" 3600
	jq_is ".sessions[0].pain" 8
	jq_is ".sessions[0].relief" 9
	jq_is ".sessions[0].cost.cash_cents" 9000
	jq_is ".sessions[0].cost.basis" paid
	jq_is ".sessions[0].cost.currency" USD
	jq_is "[.sessions[0].regions[] | select(.region == \"hamstrings\" or .region == \"glutes\") | .side] | join(\",\")" \
		"both,both"
	jq_is ".sessions[0].regions[] | select(.region == \"abductors\") | [.side, .finding, .severity] | map(tostring) | join(\" \")" \
		"right tight 3"
	jq_is ".sessions[0].regions[] | select(.region == \"semitendinosus\") | [.side, .finding, .severity] | map(tostring) | join(\" \")" \
		"left tight 2"
	expect_ok recover --from 2026-10-17 --to 2026-10-17
	out_has "massage:deep"
	out_has "\$90.00"
	out_has "right abductors very tight"
'

test_case 'the massage as typed is echoed back in full' '
	knead init --currency USD >/dev/null
	expect_ok recover deep hamstrings,glutes 60min --pain 8 --relief 9 --cost 90 \
		--found "abductors:right=very tight,semitendinosus:left=tight" --date 2026-10-17
	out_has "deep-tissue massage on Sat 2026-10-17, hamstrings, glutes, 1:00:00"
	out_has "cost: \$90.00"
	out_has "pain during 8, relief after 9"
	out_has "found: right abductors very tight, left semitendinosus tight"
'

# Least-squares slope of the pain check-ins against days since onset:
# x = 0 4 10 22 (mean 9), y = 5 4 3 2 (mean 3.5);
# Sxy = -9*1.5 + -5*0.5 + 1*-0.5 + 13*-1.5 = -36, Sxx = 81+25+1+169 = 276;
# slope = -36/276 = -0.1304 a day, * 7 = -0.913 a week, so -0.91.
test_case 'the injury trends down with her pain check-ins' '
	october
	injury
	knead recover chiro hip 30min --cost 60 --date 2026-11-16 >/dev/null
	want=$(printf "0 5\n4 4\n10 3\n22 2\n" | awk "{ n++; sx += \$1; sy += \$2; sxy += \$1 * \$2; sxx += \$1 * \$1 }
		END { printf \"%.2f\", 7 * (n * sxy - sx * sy) / (n * sxx - sx * sx) }")
	[ "$want" = -0.91 ]
	expect_ok --json injury show 1
	jq_is ".region, .side, .onset, .status" "hamstrings
right
2026-10-10
active"
	jq_is .cause "weak glutes, hamstring over-compensating"
	jq_is .course.measure pain
	jq_is .course.days 45
	jq_is ".course.trend.first | \"\(.date) \(.level)\"" "2026-10-10 5"
	jq_is ".course.trend.last | \"\(.date) \(.level)\"" "2026-11-01 2"
	jq_is .course.trend.worst.level 5
	jq_is .course.trend.verdict improving
	jq_is .course.trend.slope_per_week "$want"
	jq_is ".course.checkins | map(.pain) | join(\",\")" "5,4,3,2"
	# the ice (1), seven rolls (2-8) and the massage (9); not the hip (10)
	jq_is ".course.sessions | join(\",\")" "1,2,3,4,5,6,7,8,9"
	expect_ok injury show 1
	out_has "improving"
	out_has "since onset: 45 days"
	out_has "first 5 (Sat 2026-10-10), last 2 (Sun 2026-11-01), worst 5 (Sat 2026-10-10)"
	out_lacks "chiro"
'

test_case 'injury list gives the days, the last level and the trend' '
	october
	injury
	expect_ok --json injury list
	jq_is ".injuries | length" 1
	jq_is ".injuries[0].course.days" 45
	jq_is ".injuries[0].course.trend.verdict" improving
	expect_ok injury list
	out_has "right hamstrings"
	out_has "pain 2"
	out_has "improving"
'

test_case 'a membership session is costed from the membership' '
	october
	injury
	knead provider add "Knead Studio" --kind massage --price 90 \
		--membership 70/month:1 --since 2026-11-15 >/dev/null
	expect_ok recover chiro hip 30min --cost 60 --date 2026-11-16
	out_has "cost: \$60.00"
	expect_ok recover deep hamstrings,glutes 60min --with "Knead Studio" --date 2026-11-17
	out_has "with Knead Studio"
	out_has "\$70.00 (membership 1/1)"
	expect_ok --json recover --from 2026-11-17 --to 2026-11-17
	jq_is ".sessions[0].provider" "Knead Studio"
	jq_is ".sessions[0].provider_id" 1
	jq_is ".sessions[0].cost.basis" membership
	jq_is ".sessions[0].cost.share_cents" 7000
	jq_is ".sessions[0].cost.cash_cents" 0
'

test_case 'spend adds up sessions, fees, months, modalities and the membership' '
	october
	injury
	november
	expect_ok --json spend
	jq_is .currency USD
	jq_is .total_cents 22000
	jq_is .session_cents 15000
	jq_is .fee_cents 7000
	jq_is ".by_month | map(\"\(.month)=\(.cents)\") | join(\" \")" "2026-10=9000 2026-11=13000"
	jq_is ".by_modality[] | select(.modality == \"massage:deep\") | [.sessions, .cash_cents, .share_cents] | join(\" \")" \
		"2 9000 16000"
	jq_is ".by_modality[] | select(.modality == \"chiro\") | [.sessions, .cash_cents] | join(\" \")" \
		"1 6000"
	jq_is ".by_modality[] | select(.modality == \"roll\") | [.sessions, .cash_cents, .share_cents] | join(\" \")" \
		"7 0 0"
	jq_is ".by_modality[] | select(.modality == \"ice\") | .sessions" 1
	jq_is ".memberships | length" 1
	jq_is ".memberships[0] | [.provider, .used, .periods, .pay_per_visit_cents, .saved_cents, .paid_off] | map(tostring) | join(\" \")" \
		"Knead Studio 1 1 9000 2000 true"
'

test_case 'spend --from leaves October out' '
	october
	injury
	november
	expect_ok --json spend --from 2026-11-01
	jq_is .from 2026-11-01
	jq_is .total_cents 13000
	jq_is .session_cents 6000
	jq_is .fee_cents 7000
	jq_is ".by_month | map(.month) | join(\" \")" 2026-11
	jq_is "[.by_modality[] | .modality] | index(\"roll\")" null
	jq_is ".by_modality[] | select(.modality == \"massage:deep\") | [.sessions, .cash_cents, .share_cents] | join(\" \")" \
		"1 0 7000"
'

test_case 'spend in words: the total and a membership that paid off' '
	october
	injury
	november
	expect_ok spend
	out_has "\$220.00"
	out_has "paid off"
	out_has "saving \$20.00"
'

test_case 'the second massage touches the injury too, with its membership cost' '
	october
	injury
	november
	expect_ok --json injury show 1
	jq_is ".course.sessions | join(\",\")" "1,2,3,4,5,6,7,8,9,11"
	expect_ok injury show 1
	out_lacks chiro
	# the table has a cost column: the membership session cost $70.00,
	# as "knead recover" shows it
	grep "^11 " out > row
	grep -qF "\$70.00" row || { echo "session 11 has no cost in injury show:"; cat out; exit 1; }
'

test_case 'what touches an injury: its parts and parents, its side, since onset' '
	knead injury add hamstring:right --since 2026-11-01 >/dev/null
	knead recover roll thigh:right 10min --date 2026-11-02 >/dev/null          # 1 yes: parent
	knead recover roll semitendinosus:right 10min --date 2026-11-03 >/dev/null # 2 yes: part
	knead recover roll hamstring:left 10min --date 2026-11-04 >/dev/null       # 3 no: other side
	knead recover roll calves 10min --date 2026-11-05 >/dev/null               # 4 no: elsewhere
	knead recover roll hamstrings 10min --date 2026-10-30 >/dev/null           # 5 no: before onset
	knead recover deep calves 30min --found hamstring:right=knot --date 2026-11-06 >/dev/null # 6 yes
	knead sore semitendinosus:right 6 --date 2026-11-02 >/dev/null
	knead sore hamstring:left 9 --date 2026-11-03 >/dev/null
	knead sore hamstring:both 4 --date 2026-11-04 >/dev/null
	knead sore hamstring:right 7 --date 2026-10-31 >/dev/null
	expect_ok --json injury show 1
	jq_is ".course.sessions | join(\",\")" "1,2,6"
	jq_is "[.course.checkins[] | \"\(.region):\(.side)=\(.soreness)\"] | join(\" \")" \
		"semitendinosus:right=6 hamstrings:both=4"
	# no pain given: the trend follows soreness
	jq_is .course.measure soreness
	jq_is ".course.trend | [.first.level, .last.level, .worst.level, .verdict] | join(\" \")" "6 4 6 improving"
'

test_case 'a worsening, a flat and an unchecked injury say so' '
	knead injury add calf:left --since 2026-11-01 >/dev/null
	knead injury add achilles:right --since 2026-11-01 >/dev/null
	knead injury add knee:left --since 2026-11-20 >/dev/null
	for x in "01 2" "08 4" "15 6"; do
		set -- $x
		knead sore calf:left "$2" --pain --date "2026-11-$1" >/dev/null
		knead sore achilles:right 3 --pain --date "2026-11-$1" >/dev/null
	done
	expect_ok --json injury show 1
	jq_is ".course.trend | [.slope_per_week, .verdict, .worst.level] | join(\" \")" "2 worse 6"
	expect_ok --json injury show 2
	jq_is ".course.trend | [.slope_per_week, .verdict] | join(\" \")" "0 flat"
	expect_ok --json injury show 3
	jq_is ".course.trend | [.verdict, .first, .slope_per_week] | map(tostring) | join(\" \")" "unknown null null"
	jq_is .course.days 4
	expect_ok injury list
	grep -q "left calf .* worse" out
	grep -q "right Achilles .* flat" out
	expect_ok injury show 3
	out_has "no check-ins yet"
'

test_case 'a resolved injury'"'"'s course ends on the day it was over' '
	october
	injury
	november
	expect_ok injury resolve 1 --date 2026-11-10
	expect_ok --json injury show 1
	jq_is ".status, .resolved" "resolved
2026-11-10"
	jq_is ".course | [.days, .end] | join(\" \")" "31 2026-11-10"
	# the second massage came after it was over
	jq_is ".course.sessions | join(\",\")" "1,2,3,4,5,6,7,8,9"
	expect_ok injury show 1
	out_has "lasted 31 days"
	expect_ok injury list
	out_lacks "hamstrings"
	expect_ok --json injury list --all
	jq_is ".injuries | map(.status) | join(\" \")" resolved
	expect_rc 2 injury resolve 1 --date 2026-10-01
	err_has "before its onset"
'

test_case 'a resolved injury is not "resolved since" its onset' '
	october
	injury
	expect_ok injury resolve 1 --date 2026-11-10
	out_has "resolved Tue 2026-11-10"
	# "injury 1: right hamstrings, resolved since Sat 2026-10-10, resolved
	# Tue 2026-11-10" says it was resolved from the day it started
	out_lacks "resolved since"
'

test_case 'injury edit changes the diagnosis, status and note' '
	october
	injury
	expect_ok injury edit 1 --status recovering --diagnosis "grade 1 strain" --note "PT twice a week"
	expect_ok --json injury show 1
	jq_is "[.status, .diagnosis, .note, .cause] | join(\"|\")" \
		"recovering|grade 1 strain|PT twice a week|weak glutes, hamstring over-compensating"
	expect_ok injury edit 1 --cause ""
	expect_ok --json injury show 1
	jq_is .cause null
'

test_case 'a second level the same day completes the check-in' '
	october
	injury
	expect_ok sore hamstring:right 2 --tight --date 2026-11-01
	out_has "tightness 2, pain 2"
	expect_ok --json sore --from 2026-11-01 --to 2026-11-01
	jq_is ".checkins | length" 1
	jq_is ".checkins[0] | [.region, .side, .tightness, .pain, .soreness] | map(tostring) | join(\" \")" \
		"hamstrings right 2 2 null"
	expect_ok --json injury show 1
	jq_is ".course.checkins | length" 4
	jq_is .course.trend.last.level 2
'

test_case 'wellness given twice the same day merges into one day' '
	expect_ok wellness --sleep 7h30 --fatigue 6 --rhr 52
	out_has "fatigue 6"
	expect_ok wellness --weight 61.5
	out_has "61.5 kg"
	out_has "fatigue 6"
	expect_ok --json wellness
	jq_is ".wellness | length" 1
	jq_is ".wellness[0] | [.date, .sleep_s, .fatigue, .rest_hr, .weight_kg] | join(\" \")" \
		"2026-11-24 27000 6 52 61.5"
	jq_is ".wellness[0].stress" null
	expect_ok wellness
	out_has "Tue 2026-11-24"
	out_has "resting HR 52"
	out_has "61.5 kg"
'

test_done
