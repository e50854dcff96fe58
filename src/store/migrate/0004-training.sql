-- 0004: training. Races, and plans built back from a race with their
-- workouts.
--
-- Days are 'YYYY-MM-DD' text, times are seconds, distances metres. An
-- activity's load lives on the activity (0001: load, load_method) since it
-- is a property of that session under the current profile.

CREATE TABLE race (
	id INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
	race_date TEXT NOT NULL CHECK (race_date IS date(race_date)),
	distance_m REAL NOT NULL CHECK (distance_m > 0),
	priority TEXT NOT NULL DEFAULT 'B' CHECK (priority IN ('A', 'B', 'C')),
	terrain TEXT CHECK (terrain IN ('flat', 'rolling', 'hilly', 'net-downhill', 'trail')),
	status TEXT NOT NULL DEFAULT 'registered'
		CHECK (status IN ('considering', 'registered', 'done', 'dns', 'dnf')),
	goal_s REAL CHECK (goal_s > 0),
	result_s REAL CHECK (result_s > 0),
	activity_id INTEGER REFERENCES activity (id) ON DELETE SET NULL,
	note TEXT,
	created_utc INTEGER NOT NULL
);
CREATE INDEX race_day ON race (athlete_id, race_date);
-- Names repeat from year to year ("City 10k"), but one race is not entered
-- twice on its day.
CREATE UNIQUE INDEX race_name_day ON race (athlete_id, name COLLATE NOCASE, race_date);
-- One run is the result of one race.
CREATE UNIQUE INDEX race_activity ON race (activity_id) WHERE activity_id IS NOT NULL;
