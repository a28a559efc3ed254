-- Schema 16 for PostgreSQL: people and their linked Google accounts. A person is this application's own
-- user; user_id stays the Google account's id everywhere else (credentials, history, holds). Each Google
-- account belongs to at most one person (the primary key); the link outlives the credential, so an account
-- whose grant ended stays its person's and shows as needing to reconnect.
CREATE TABLE linked_accounts (
    user_id   VARCHAR(255) NOT NULL PRIMARY KEY CHECK (length(user_id) >= 1),
    person_id VARCHAR(64)  NOT NULL CHECK (length(person_id) >= 1),
    email     VARCHAR(320) NOT NULL,
    linked_at BIGINT       NOT NULL
);
CREATE INDEX linked_accounts_by_person ON linked_accounts (person_id, linked_at);

-- The previous release had one Google account per person: every stored credential becomes a person with
-- that one account (a new random id, 32 hex characters), linked since the credential was first stored.
INSERT INTO linked_accounts (user_id, person_id, email, linked_at)
SELECT user_id, replace(gen_random_uuid()::text, '-', ''), email, created_at FROM credentials;

-- Sessions belong to the person; user_id stays the account they signed in with. A session whose account
-- has no credential (its grant ended) keeps its person too: the account is linked without an address
-- from Google, which the next sign-in with it fills in.
INSERT INTO linked_accounts (user_id, person_id, email, linked_at)
SELECT s.user_id, replace(gen_random_uuid()::text, '-', ''), s.user_id || '@unknown.invalid', min(s.created_at)
FROM web_sessions s
WHERE NOT EXISTS (SELECT 1 FROM linked_accounts l WHERE l.user_id = s.user_id)
GROUP BY s.user_id;

ALTER TABLE web_sessions ADD COLUMN person_id VARCHAR(64);
UPDATE web_sessions SET person_id = (SELECT l.person_id FROM linked_accounts l WHERE l.user_id = web_sessions.user_id);
ALTER TABLE web_sessions ALTER COLUMN person_id SET NOT NULL;
CREATE INDEX web_sessions_by_person ON web_sessions (person_id);

-- "Add another Google account": the person the sign-in links to; NULL for a plain sign-in.
ALTER TABLE pending_authorizations ADD COLUMN link_person_id VARCHAR(64);
