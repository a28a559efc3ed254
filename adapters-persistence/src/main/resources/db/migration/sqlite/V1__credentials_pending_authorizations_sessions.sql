-- Schema 1 for SQLite. Instants are epoch milliseconds (UTC); sealed values are
-- version | key id | nonce | AES-256-GCM ciphertext + tag (see TokenCipher).

-- Every key that ever sealed a value here, with a value sealed by it to prove a configured key right.
CREATE TABLE encryption_keys (
    key_id     TEXT    NOT NULL PRIMARY KEY CHECK (length(key_id) = 16),
    key_check  BLOB    NOT NULL,
    created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE credentials (
    user_id                 TEXT    NOT NULL PRIMARY KEY CHECK (length(user_id) BETWEEN 1 AND 255),
    email                   TEXT    NOT NULL,
    -- Never NULL: a stored credential always keeps a refresh token.
    refresh_token           BLOB    NOT NULL CHECK (length(refresh_token) > 0),
    access_token            BLOB,
    access_token_expires_at INTEGER,
    granted_scopes          TEXT    NOT NULL,
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL,
    key_id                  TEXT    NOT NULL REFERENCES encryption_keys (key_id),
    CHECK ((access_token IS NULL) = (access_token_expires_at IS NULL))
) STRICT;
CREATE INDEX credentials_by_key ON credentials (key_id);

CREATE TABLE pending_authorizations (
    state        TEXT    NOT NULL PRIMARY KEY,
    verifier     BLOB    NOT NULL,
    redirect_uri TEXT    NOT NULL,
    login_hint   TEXT,
    created_at   INTEGER NOT NULL,
    key_id       TEXT    NOT NULL REFERENCES encryption_keys (key_id)
) STRICT;
CREATE INDEX pending_authorizations_by_created_at ON pending_authorizations (created_at);
CREATE INDEX pending_authorizations_by_key ON pending_authorizations (key_id);

-- session_key is the SHA-256 of the cookie, never the cookie.
CREATE TABLE web_sessions (
    session_key  TEXT    NOT NULL PRIMARY KEY CHECK (length(session_key) = 64),
    user_id      TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX web_sessions_by_user ON web_sessions (user_id);
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at);
