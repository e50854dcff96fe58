-- 0002: imported files, their laps and samples.
--
-- An imported file is a source: its content hash is unique per athlete, so
-- importing the same bytes again is a no-op however the file is named. One
-- file may hold several activities (a multisport FIT file), so activities
-- point at their source rather than carrying its hash. Samples are one row
-- per activity with a compact columnar blob (see store_samples.c for its
-- layout); laps are rows.

CREATE TABLE source (
	id INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
	format TEXT NOT NULL CHECK (format IN ('fit', 'gpx', 'tcx')),
	file_name TEXT NOT NULL,
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
	device TEXT,
	file_type TEXT,
	n_records INTEGER NOT NULL CHECK (n_records >= 0),
	n_laps INTEGER NOT NULL CHECK (n_laps >= 0),
	n_sessions INTEGER NOT NULL CHECK (n_sessions >= 0),
	n_activities INTEGER NOT NULL CHECK (n_activities >= 1),
	warnings TEXT,
	imported_utc INTEGER NOT NULL
);
CREATE UNIQUE INDEX source_hash ON source (athlete_id, sha256);

DROP INDEX activity_source_hash;
ALTER TABLE activity DROP COLUMN source_file;
ALTER TABLE activity DROP COLUMN source_sha256;
ALTER TABLE activity ADD COLUMN source_id INTEGER REFERENCES source (id) ON DELETE CASCADE;
ALTER TABLE activity ADD COLUMN cadence_avg REAL CHECK (cadence_avg > 0);
ALTER TABLE activity ADD COLUMN power_avg REAL CHECK (power_avg > 0);
CREATE INDEX activity_source ON activity (source_id) WHERE source_id IS NOT NULL;

CREATE TABLE lap (
	activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
	seq INTEGER NOT NULL CHECK (seq >= 1),
	start_utc REAL,
	elapsed_s REAL,
	moving_s REAL,
	distance_m REAL,
	ascent_m REAL,
	descent_m REAL,
	speed_max REAL,
	cadence_avg REAL,
	power_avg REAL,
	calories REAL,
	hr_avg INTEGER,
	hr_max INTEGER,
	intensity TEXT,
	trigger TEXT,
	PRIMARY KEY (activity_id, seq)
) WITHOUT ROWID;

CREATE TABLE samples (
	activity_id INTEGER PRIMARY KEY REFERENCES activity (id) ON DELETE CASCADE,
	n INTEGER NOT NULL CHECK (n >= 1),
	fields INTEGER NOT NULL,
	data BLOB NOT NULL
);
