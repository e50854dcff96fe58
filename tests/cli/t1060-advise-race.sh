#!/bin/sh
# knead advise race: before a race, is she ready (register, wait a week,
# or choose the shorter race); after it, the recovery timeline with its
# dates. Today is Tuesday 2026-11-24.
. "$(dirname "$0")/lib.sh"

# A half on Sunday 2026-12-13 (19 days away) with a 12-week plan by time.
half_plan() {
	knead init >/dev/null
	knead race add "Half of the Hills" 2026-12-13 half --status considering >/dev/null
	knead plan new "Half of the Hills" --weeks 12 >/dev/null
}

# Log what the plan asked for before today: every workout, or with
# "long" only the long runs.
follow_plan() {
	for week in 2026-09-21 2026-09-28 2026-10-05 2026-10-12 2026-10-19 \
		2026-10-26 2026-11-02 2026-11-09 2026-11-16; do
		knead --json plan show --week $week |
			jq -r '.workouts[] | select(.kind != "rest" and .date < "2026-11-24")
				| "\(.date) \(.kind) \(.target_s / 60 | floor)"' |
			while read -r day kind min; do
				case $kind in
				long) sport=run ;;
				cross) sport=bike ;;
				strength) sport=strength ;;
				*) sport=run ;;
				esac
				if [ "${1:-all}" = long ] && [ "$kind" != long ]; then
					continue
				fi
				knead log $sport ${min}min --date "$day" --rpe 4 >/dev/null
			done
	done
}

test_case 'a good block before the half says register' '
	half_plan
	follow_plan
	expect_ok advise race half
	out_has "Half of the Hills: Sun 2026-12-13, 21.10 km, considering; 19 days away"
	out_has "recommendation: register"
	out_has "readiness: plan compliance ok, long run ok, load trend ok, injury ok"
	out_has "- register for Half of the Hills: you are ready for it [race-readiness, Tue 2026-11-24]"
	out_has "no active injury (ok)"
	expect_ok --json advise race half
	jq_is .phase before
	jq_is .date 2026-11-24
	jq_is .race.name "Half of the Hills"
	jq_is .readiness.verdict register
	jq_is .readiness.days_to_race 19
	jq_is .readiness.compliance.level ok
	jq_is ".readiness.compliance.runs_missed" 0
	jq_is ".readiness.compliance.share >= 0.8" true
	jq_is .readiness.long_run.level ok
	jq_is .readiness.long_run.distance half
	jq_is .readiness.long_run.need_s 5400
	jq_is .readiness.long_run.need_m 16000
	jq_is .readiness.load.level ok
	jq_is .readiness.injuries.count 0
	jq_is ".advice[0] | [.rule, .kind, .from, .to] | join(\" \")" \
		"race-readiness advice 2026-11-24 2026-11-24"
	jq_is "[.advice[] | .rule] | unique | join(\" \")" race-readiness
'

test_case 'an injury and a skipped plan say the shorter race' '
	half_plan
	knead race add "Hilly 10k" 2026-12-06 10k --status considering --terrain hilly >/dev/null
	follow_plan long
	knead injury add hamstring:right --since -10d >/dev/null
	knead sore hamstring:right 6 --pain --date -10d >/dev/null
	knead sore hamstring:right 5 --pain --date yesterday >/dev/null
	expect_ok advise race half
	out_has "recommendation: shorter race"
	out_has "readiness: plan compliance not ready, long run ok, load trend ok, injury not ready"
	out_has "warning: choose the shorter race: Hilly 10k (10.00 km, Sun 2026-12-06) rather than Half of the Hills (not ready: plan compliance, injury); no running while the injury hurts [race-readiness, Tue 2026-11-24 to Sun 2026-12-13]"
	out_has "warning: right hamstrings injury active since Sat 2026-11-14, pain 5 on Mon 2026-11-23 (not ready)"
	out_has "(not medical advice)"
	expect_ok --json advise race half
	jq_is .readiness.verdict "shorter race"
	jq_is .readiness.shorter_race.name "Hilly 10k"
	jq_is .readiness.shorter_race.date 2026-12-06
	jq_is .readiness.compliance.level "not ready"
	jq_is ".readiness.compliance.share < 0.6" true
	jq_is .readiness.injuries.level "not ready"
	jq_is .readiness.injuries.worst_level 5
	jq_is .readiness.injuries.worst_date 2026-11-23
	jq_is ".advice[0] | [.kind, .from, .to] | join(\" \")" "warning 2026-11-24 2026-12-13"
'

test_case 'a long run short of the need says wait a week' '
	knead init >/dev/null
	knead race add "Half of the Hills" 2026-12-13 half --status considering >/dev/null
	# 40 minutes every other day for two months, the long run 75
	d=60
	while [ $d -ge 2 ]; do
		min=40
		[ $d -eq 6 ] && min=75
		knead log run ${min}min --date -${d}d --rpe 4 >/dev/null
		d=$((d - 2))
	done
	expect_ok advise race half
	out_has "recommendation: wait"
	out_has "warning: wait a week: decide on Tue 2026-12-01 whether to register for Half of the Hills (borderline: long run) [race-readiness, Tue 2026-11-24 to Tue 2026-12-01]"
	out_has "longest run in the last 6 weeks: 1:15:00 on Wed 2026-11-18; a half marathon needs 90 min or 16.00 km by race day (borderline)"
	expect_ok --json advise race half
	jq_is .readiness.verdict wait
	jq_is .readiness.decide_by 2026-12-01
	jq_is .readiness.compliance.level unknown
	jq_is .readiness.long_run.duration_s 4500
	jq_is .readiness.long_run.date 2026-11-18
'

test_case '--why shows the facts and the source' '
	knead init >/dev/null
	knead race add "Half of the Hills" 2026-12-13 half --status registered >/dev/null
	expect_ok advise race half --why
	out_has "recommendation: shorter race"
	out_has "choose a shorter race than Half of the Hills, or a later one (not ready: long run)"
	out_has "    race: Half of the Hills, Sun 2026-12-13, 21.10 km, 19 days away, registered"
	out_has "    plan compliance not counted: no plan to compare with"
	out_has "    load trend not counted: no training load yet"
	out_has "race-readiness: before registering"
	out_has "  source: coaching convention"
'

# A marathon on Friday 2026-11-20, run in 4:05: today is day 4.
marathon() {
	knead init >/dev/null
	knead race add "City Marathon" 2026-11-20 marathon --priority A >/dev/null
	knead race result "City Marathon" 4:05:00 >/dev/null 2>&1
	# a peak week of 5 x 60 min, 10 km, six weeks before
	for d in 2026-10-05 2026-10-06 2026-10-07 2026-10-08 2026-10-09; do
		knead log run 10k 60min --date $d >/dev/null
	done
}

test_case 'after a marathon: rest, massage on days 3-5, easy runs, clinician' '
	marathon
	expect_ok advise race city
	out_has "City Marathon: Fri 2026-11-20, 42.20 km, done in 4:05:00; today is day 4 after it"
	out_has "* warning: no running on days 1-7 (Sat 2026-11-21 to Fri 2026-11-27), or up to day 14 (Fri 2026-12-04) if your legs still ache: rest and walk [post-marathon-rest, Sat 2026-11-21 to Fri 2026-11-27, now]"
	out_has "* a deep-tissue massage on days 3-5 (Mon 2026-11-23 to Wed 2026-11-25), once the worst tenderness has passed; drink extra water after it [massage-post-race, Mon 2026-11-23 to Wed 2026-11-25, now]"
	out_has "- first runs from day 8 (Sat 2026-11-28): short and easy, at most 30 min on the flat"
	out_has "- warning: easy running only until day 26 (Wed 2026-12-16): no speed work, hills or races"
	out_has "- reverse taper, week 1 from Sat 2026-11-28: about 30 % of your peak week, 1:30:00 (15.00 km)"
	out_has "- if pain from the race is not better by Fri 2026-12-04 (day 14), see a doctor or physio [injury-see-clinician, Fri 2026-12-04]"
	out_has "not medical advice"
	expect_ok --json advise race city
	jq_is .phase after
	jq_is .day 4
	jq_is .recovery.marathon true
	jq_is .recovery.rest_until 2026-11-27
	jq_is .recovery.massage_from 2026-11-23
	jq_is .recovery.massage_to 2026-11-25
	jq_is .recovery.first_run 2026-11-28
	jq_is .recovery.easy_until 2026-12-16
	jq_is .recovery.clinician 2026-12-04
	jq_is .recovery.peak_week_s 18000
	jq_is "[.recovery.reverse_taper[] | .share] | map(tostring) | join(\" \")" "0.3 0.6 0.9"
	jq_is "[.advice[] | select(.rule == \"massage-post-race\") | .from, .to, .kind] | join(\" \")" \
		"2026-11-23 2026-11-25 advice"
	jq_is "[.advice[] | select(.rule == \"injury-see-clinician\") | .from] | join(\" \")" 2026-12-04
	jq_is "[.advice[] | select(.rule == \"post-marathon-rest\")] | length" 3
	# dated items, in order
	jq_is "[.advice[] | .from] == ([.advice[] | .from] | sort)" true
	jq_is "[.advice[] | select(.from == null or .to == null or .reason == null or .source == null)] | length" 0
'

test_case 'after a marathon an injury gets its own clinician date' '
	marathon
	knead injury add hip:right --since 2026-11-22 >/dev/null
	knead sore hip:right 4 --pain --date 2026-11-22 >/dev/null
	expect_ok advise race city
	out_has "warning: see a doctor or physio on Sun 2026-12-06 if your right hip injury is not better by then [injury-see-clinician, Sun 2026-12-06]"
	expect_ok --json advise race city
	jq_is "[.advice[] | select(.rule == \"injury-see-clinician\") | .from] | join(\" \")" \
		"2026-12-04 2026-12-06"
'

test_case 'after a 10k: no massage window, a shorter rest' '
	knead init >/dev/null
	knead race add "Hilly 10k" 2026-11-22 10k >/dev/null
	expect_ok --json advise race hilly
	jq_is .phase after
	jq_is .recovery.marathon false
	jq_is .recovery.rest_days 2
	jq_is .recovery.massage_from null
	jq_is "[.advice[] | select(.rule == \"massage-post-race\")] | length" 0
	jq_is "[.advice[] | .rule] | unique | join(\" \")" "injury-see-clinician race-recovery"
'

test_case '--date before the race asks about readiness' '
	marathon
	expect_ok --json advise race city --date 2026-11-01
	jq_is .phase before
	jq_is .date 2026-11-01
	jq_is .readiness.days_to_race 19
	expect_ok --json advise race city --date 2026-11-20
	jq_is .phase after
	jq_is .day 0
'

test_case 'the runner'"'"'s rules.ini moves the massage window' '
	marathon
	mkdir -p home/.config/knead
	printf "[massage-post-race]\nfrom_days = 4\nto_days = 6\n[massage-post-race]\nbogus = 1\n" \
		>home/.config/knead/rules.ini
	expect_ok --json advise race city
	jq_is .recovery.massage_from 2026-11-24
	jq_is .recovery.massage_to 2026-11-26
	err_has "rules.ini"
'

test_case 'a race not started has nothing to recover from' '
	knead init >/dev/null
	knead race add "Frosty 5k" 2026-11-21 5k --status dns >/dev/null
	expect_ok advise race frosty
	out_has "Frosty 5k: Sat 2026-11-21, 5.00 km, dns: not started, so nothing to recover from"
	expect_ok --json advise race frosty
	jq_is .phase "not run"
	jq_is ".advice | length" 0
'

test_case 'an unknown race or a bad date is refused' '
	knead init >/dev/null
	knead race add "Half of the Hills" 2026-12-13 half >/dev/null
	expect_rc 1 advise race nosuch
	err_has "nosuch"
	expect_rc 2 advise race half --date 2026-13-45
	err_has "--date"
	expect_rc 2 advise race
'

test_done
