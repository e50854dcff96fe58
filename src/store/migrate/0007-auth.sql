-- 0007: the web app's login (knead serve, knead passwd).
--
-- One row at most. secret is the server's key for session tokens and
-- login cookies (32 random bytes), kept here so that logins and open
-- forms survive a restart; it is drawn afresh whenever the password
-- changes, which ends every login. password_hash is libsodium's
-- crypto_pwhash_str (argon2id, "$argon2id$v=19$..."), NULL while no
-- password is set.

CREATE TABLE auth (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	secret BLOB NOT NULL CHECK (length(secret) = 32),
	password_hash TEXT CHECK (password_hash IS NULL OR password_hash LIKE '$argon2id$%'),
	changed_utc INTEGER NOT NULL
);
