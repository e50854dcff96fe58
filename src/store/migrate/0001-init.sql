-- 0001: the training log. The athlete profile, gear, and activities.
--
-- Units are SI (metres, seconds, bpm); money is integer cents. Local
-- calendar days are 'YYYY-MM-DD' text so they sort and compare as dates;
-- instants are UTC Unix seconds with the local offset beside them. Every
-- table carries athlete_id so one file can hold several athletes.

CREATE TABLE athlete (
	id INTEGER PRIMARY KEY,
	name TEXT,
	sex TEXT CHECK (sex IN ('f', 'm')),
	birth_year INTEGER,
	max_hr INTEGER CHECK (max_hr BETWEEN 100 AND 250),
	rest_hr INTEGER CHECK (rest_hr BETWEEN 25 AND 120),
	threshold_pace_s_per_km REAL CHECK (threshold_pace_s_per_km > 0),
	units TEXT NOT NULL DEFAULT 'km' CHECK (units IN ('km', 'mi')),
	tz TEXT,
	currency TEXT CHECK (length(currency) = 3),
	budget_cents INTEGER CHECK (budget_cents >= 0),
	created_utc INTEGER NOT NULL
);

CREATE TABLE gear (
	id INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
	kind TEXT NOT NULL DEFAULT 'shoes' CHECK (kind IN ('shoes', 'bike', 'other')),
	since TEXT CHECK (since IS date(since)),
	retired TEXT CHECK (retired IS date(retired)),
	limit_m REAL CHECK (limit_m > 0),
	note TEXT,
	created_utc INTEGER NOT NULL
);
CREATE UNIQUE INDEX gear_name ON gear (athlete_id, name COLLATE NOCASE);

CREATE TABLE activity (
	id INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
	sport TEXT NOT NULL CHECK (sport IN ('run', 'trail', 'walk', 'hike', 'ski', 'xcski',
		'bike', 'swim', 'strength', 'yoga', 'cross', 'other')),
	treadmill INTEGER NOT NULL DEFAULT 0 CHECK (treadmill IN (0, 1)),
	local_date TEXT NOT NULL CHECK (local_date IS date(local_date)),
	start_utc INTEGER,
	utc_offset_s INTEGER CHECK ((start_utc IS NULL) = (utc_offset_s IS NULL)),
	distance_m REAL CHECK (distance_m > 0),
	elapsed_s REAL CHECK (elapsed_s > 0),
	moving_s REAL CHECK (moving_s > 0),
	ascent_m REAL CHECK (ascent_m >= 0),
	descent_m REAL CHECK (descent_m >= 0),
	hr_avg INTEGER CHECK (hr_avg BETWEEN 25 AND 250),
	hr_max INTEGER CHECK (hr_max BETWEEN 25 AND 250),
	rpe INTEGER CHECK (rpe BETWEEN 1 AND 10),
	load REAL,
	load_method TEXT,
	gear_id INTEGER REFERENCES gear (id) ON DELETE SET NULL,
	source TEXT NOT NULL DEFAULT 'manual'
		CHECK (source IN ('manual', 'fit', 'gpx', 'tcx', 'csv')),
	source_file TEXT,
	source_sha256 TEXT,
	name TEXT,
	note TEXT,
	created_utc INTEGER NOT NULL,
	CHECK (distance_m IS NOT NULL OR elapsed_s IS NOT NULL OR moving_s IS NOT NULL)
);
CREATE INDEX activity_day ON activity (athlete_id, local_date);
CREATE INDEX activity_gear ON activity (gear_id) WHERE gear_id IS NOT NULL;
CREATE UNIQUE INDEX activity_source_hash ON activity (athlete_id, source_sha256)
	WHERE source_sha256 IS NOT NULL;
