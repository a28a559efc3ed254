-- Schema 1 for PostgreSQL. Instants are epoch milliseconds (UTC), as in the SQLite schema, so both
-- dialects share their SQL; sealed values are version | key id | nonce | AES-256-GCM ciphertext + tag.

-- Every key that ever sealed a value here, with a value sealed by it to prove a configured key right.
CREATE TABLE encryption_keys (
    key_id     VARCHAR(16) NOT NULL PRIMARY KEY CHECK (length(key_id) = 16),
    key_check  BYTEA       NOT NULL,
    created_at BIGINT      NOT NULL
);

CREATE TABLE credentials (
    user_id                 VARCHAR(255) NOT NULL PRIMARY KEY CHECK (length(user_id) >= 1),
    email                   VARCHAR(320) NOT NULL,
    -- Never NULL: a stored credential always keeps a refresh token.
    refresh_token           BYTEA        NOT NULL CHECK (octet_length(refresh_token) > 0),
    access_token            BYTEA,
    access_token_expires_at BIGINT,
    granted_scopes          TEXT         NOT NULL,
    created_at              BIGINT       NOT NULL,
    updated_at              BIGINT       NOT NULL,
    key_id                  VARCHAR(16)  NOT NULL REFERENCES encryption_keys (key_id),
    CHECK ((access_token IS NULL) = (access_token_expires_at IS NULL))
);
CREATE INDEX credentials_by_key ON credentials (key_id);

CREATE TABLE pending_authorizations (
    state        VARCHAR(128)  NOT NULL PRIMARY KEY,
    verifier     BYTEA         NOT NULL,
    redirect_uri VARCHAR(2048) NOT NULL,
    login_hint   VARCHAR(320),
    created_at   BIGINT        NOT NULL,
    key_id       VARCHAR(16)   NOT NULL REFERENCES encryption_keys (key_id)
);
CREATE INDEX pending_authorizations_by_created_at ON pending_authorizations (created_at);
CREATE INDEX pending_authorizations_by_key ON pending_authorizations (key_id);

-- session_key is the SHA-256 of the cookie, never the cookie.
CREATE TABLE web_sessions (
    session_key  CHAR(64)     NOT NULL PRIMARY KEY,
    user_id      VARCHAR(255) NOT NULL,
    created_at   BIGINT       NOT NULL,
    last_seen_at BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL
);
CREATE INDEX web_sessions_by_user ON web_sessions (user_id);
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at);
