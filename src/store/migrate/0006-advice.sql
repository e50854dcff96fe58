-- 0006: the advisor. Appointments: recovery sessions on the calendar, as
-- the massage planner suggested them or the runner booked them.
--
-- An appointment moves from suggested to booked to done (its session is
-- then in the recovery table, recovery_id) or cancelled. rule is the id
-- of the advisor's rule that suggested it (data/rules.ini), NULL for one
-- booked by hand. cost_cents is the cash expected at the session: 0 for
-- one of a membership's included sessions, NULL when unknown.

CREATE TABLE appointment (
	id INTEGER PRIMARY KEY,
	athlete_id INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
	local_date TEXT NOT NULL CHECK (local_date IS date(local_date)),
	start_utc INTEGER,
	utc_offset_s INTEGER CHECK ((start_utc IS NULL) = (utc_offset_s IS NULL)),
	modality TEXT NOT NULL CHECK (modality IN ('massage:deep', 'massage:sports',
		'massage:art', 'massage:swedish', 'roll', 'stick', 'ball', 'ice', 'heat',
		'bath:epsom', 'bath:ice', 'compression', 'stretch', 'yoga', 'chiro', 'physio')),
	provider_id INTEGER REFERENCES provider (id) ON DELETE SET NULL,
	cost_cents INTEGER CHECK (cost_cents >= 0),
	currency TEXT CHECK (length(currency) = 3),
	status TEXT NOT NULL DEFAULT 'suggested'
		CHECK (status IN ('suggested', 'booked', 'done', 'cancelled')),
	rule TEXT CHECK (length(rule) BETWEEN 1 AND 64),
	note TEXT,
	recovery_id INTEGER REFERENCES recovery (id) ON DELETE SET NULL,
	created_utc INTEGER NOT NULL,
	CHECK (cost_cents IS NULL OR currency IS NOT NULL),
	CHECK (recovery_id IS NULL OR status = 'done')
);
CREATE INDEX appointment_day ON appointment (athlete_id, local_date);
-- The calendar holds one open appointment of a kind a day: booking the
-- same suggestion twice is refused, not doubled.
CREATE UNIQUE INDEX appointment_open ON appointment (athlete_id, local_date, modality)
	WHERE status IN ('suggested', 'booked');
