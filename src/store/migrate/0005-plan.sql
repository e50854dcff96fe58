-- 0005: training plans built back from a race, and their workouts.
--
-- A race has at most one plan: a new plan for it replaces the old one
-- (store_plan_replace), and deleting the race deletes its plan. Every day
-- from the plan's first Monday to the race has one workout row, rest days
-- included. Targets are seconds or metres, NULL when the workout has none
-- in that measure. What was done is not stored here: knead matches the
-- activities to the workouts each time a week is shown, so an edited log
-- is always reflected.

CREATE TABLE plan (
	id INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
	race_id INTEGER NOT NULL REFERENCES race (id) ON DELETE CASCADE,
	template TEXT NOT NULL CHECK (length(template) BETWEEN 1 AND 100),
	plan_by TEXT NOT NULL CHECK (plan_by IN ('time', 'distance')),
	weeks INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 52),
	days INTEGER NOT NULL CHECK (days BETWEEN 3 AND 7),
	start_date TEXT NOT NULL CHECK (start_date IS date(start_date)),
	race_date TEXT NOT NULL CHECK (race_date IS date(race_date) AND race_date >= start_date),
	start_volume REAL CHECK (start_volume > 0),
	peak_volume REAL CHECK (peak_volume > 0),
	basis TEXT,
	created_utc INTEGER NOT NULL
);
CREATE UNIQUE INDEX plan_race ON plan (race_id);
CREATE INDEX plan_day ON plan (athlete_id, race_date);

CREATE TABLE workout (
	id INTEGER PRIMARY KEY,
	plan_id INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
	workout_date TEXT NOT NULL CHECK (workout_date IS date(workout_date)),
	week INTEGER NOT NULL CHECK (week BETWEEN 1 AND 52),
	phase TEXT NOT NULL CHECK (phase IN ('base', 'build', 'peak', 'taper')),
	cutback INTEGER NOT NULL DEFAULT 0 CHECK (cutback IN (0, 1)),
	kind TEXT NOT NULL
		CHECK (kind IN ('rest', 'easy', 'long', 'tempo', 'intervals', 'race', 'cross',
		                'strength')),
	target_s REAL CHECK (target_s > 0),
	target_m REAL CHECK (target_m > 0),
	description TEXT NOT NULL
);
CREATE UNIQUE INDEX workout_day ON workout (plan_id, workout_date);
