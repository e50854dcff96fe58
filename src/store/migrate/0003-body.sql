-- 0003: the body and recovery. Regions, check-ins, wellness, injuries,
-- recovery sessions with the regions they worked, providers, memberships.
--
-- The region table mirrors the catalogue (data/regions.ini, or the
-- runner's copy) so that every row naming a region names one that exists;
-- knead refreshes it before it writes a region, and never deletes one a
-- row still names. Sides are 'left', 'right' or 'both', NULL for an
-- unsided region. Levels are 0..10. Money is integer cents beside its ISO
-- currency.

CREATE TABLE region (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	parent TEXT,
	sided INTEGER NOT NULL CHECK (sided IN (0, 1))
) WITHOUT ROWID;

CREATE TABLE checkin (
	id INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
	local_date TEXT NOT NULL CHECK (local_date IS date(local_date)),
	region TEXT NOT NULL REFERENCES region (code),
	side TEXT CHECK (side IN ('left', 'right', 'both')),
	soreness INTEGER CHECK (soreness BETWEEN 0 AND 10),
	tightness INTEGER CHECK (tightness BETWEEN 0 AND 10),
	pain INTEGER CHECK (pain BETWEEN 0 AND 10),
	note TEXT,
	created_utc INTEGER NOT NULL,
	CHECK (soreness IS NOT NULL OR tightness IS NOT NULL OR pain IS NOT NULL)
);
CREATE UNIQUE INDEX checkin_day ON checkin (athlete_id, local_date, region, ifnull(side, ''));
CREATE INDEX checkin_region ON checkin (athlete_id, region, local_date);

CREATE TABLE wellness (
	id INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
	local_date TEXT NOT NULL CHECK (local_date IS date(local_date)),
	sleep_s REAL CHECK (sleep_s BETWEEN 0 AND 86400),
	fatigue INTEGER CHECK (fatigue BETWEEN 0 AND 10),
	stress INTEGER CHECK (stress BETWEEN 0 AND 10),
	mood INTEGER CHECK (mood BETWEEN 0 AND 10),
	rest_hr INTEGER CHECK (rest_hr BETWEEN 25 AND 120),
	hrv_ms REAL CHECK (hrv_ms > 0),
	weight_kg REAL CHECK (weight_kg > 0),
	note TEXT,
	created_utc INTEGER NOT NULL
);
CREATE UNIQUE INDEX wellness_day ON wellness (athlete_id, local_date);

CREATE TABLE injury (
	id INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
	region TEXT NOT NULL REFERENCES region (code),
	side TEXT CHECK (side IN ('left', 'right', 'both')),
	onset TEXT NOT NULL CHECK (onset IS date(onset)),
	resolved TEXT CHECK (resolved IS date(resolved) AND resolved >= onset),
	status TEXT NOT NULL DEFAULT 'active'
		CHECK (status IN ('active', 'recovering', 'resolved')),
	cause TEXT,
	diagnosis TEXT,
	note TEXT,
	created_utc INTEGER NOT NULL,
	CHECK ((status = 'resolved') = (resolved IS NOT NULL))
);

CREATE TABLE provider (
	id INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
	name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
	kind TEXT NOT NULL CHECK (kind IN ('massage', 'chiro', 'physio', 'clinic')),
	price_cents INTEGER CHECK (price_cents >= 0),
	currency TEXT CHECK (length(currency) = 3),
	note TEXT,
	created_utc INTEGER NOT NULL,
	CHECK (price_cents IS NULL OR currency IS NOT NULL)
);
CREATE UNIQUE INDEX provider_name ON provider (athlete_id, name COLLATE NOCASE);

CREATE TABLE membership (
	id INTEGER PRIMARY KEY,
	provider_id INTEGER NOT NULL REFERENCES provider (id) ON DELETE CASCADE,
	fee_cents INTEGER NOT NULL CHECK (fee_cents >= 0),
	currency TEXT NOT NULL CHECK (length(currency) = 3),
	sessions INTEGER NOT NULL CHECK (sessions BETWEEN 1 AND 31),
	since TEXT NOT NULL CHECK (since IS date(since)),
	until TEXT CHECK (until IS date(until) AND until >= since)
);
CREATE INDEX membership_provider ON membership (provider_id, since);

CREATE TABLE recovery (
	id INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
	modality TEXT NOT NULL CHECK (modality IN ('massage:deep', 'massage:sports',
		'massage:art', 'massage:swedish', 'roll', 'stick', 'ball', 'ice', 'heat',
		'bath:epsom', 'bath:ice', 'compression', 'stretch', 'yoga', 'chiro', 'physio')),
	local_date TEXT NOT NULL CHECK (local_date IS date(local_date)),
	start_utc INTEGER,
	utc_offset_s INTEGER CHECK ((start_utc IS NULL) = (utc_offset_s IS NULL)),
	duration_s REAL CHECK (duration_s > 0),
	provider_id INTEGER REFERENCES provider (id) ON DELETE SET NULL,
	cost_cents INTEGER CHECK (cost_cents >= 0),
	currency TEXT CHECK (length(currency) = 3),
	pain INTEGER CHECK (pain BETWEEN 0 AND 10),
	relief INTEGER CHECK (relief BETWEEN 0 AND 10),
	note TEXT,
	created_utc INTEGER NOT NULL,
	CHECK (cost_cents IS NULL OR currency IS NOT NULL)
);
CREATE INDEX recovery_day ON recovery (athlete_id, local_date);
CREATE INDEX recovery_provider ON recovery (provider_id) WHERE provider_id IS NOT NULL;

CREATE TABLE recovery_region (
	recovery_id INTEGER NOT NULL REFERENCES recovery (id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	region TEXT NOT NULL REFERENCES region (code),
	side TEXT CHECK (side IN ('left', 'right', 'both')),
	finding TEXT CHECK (finding IN ('tight', 'knot', 'adhesion', 'tender', 'fine')),
	severity INTEGER CHECK (severity BETWEEN 1 AND 3),
	PRIMARY KEY (recovery_id, seq),
	CHECK ((finding IS NULL) = (severity IS NULL))
) WITHOUT ROWID;
CREATE INDEX recovery_region_region ON recovery_region (region);
