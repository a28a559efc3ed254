-- Schema 3 for SQLite: a grant's whole life (time-limited grants, Google's security events, the
-- person's connection page). Instants are epoch milliseconds (UTC), as in schema 1.

-- When Google announced an end for the refresh token (refresh_token_expires_in); NULL: none announced.
ALTER TABLE credentials ADD COLUMN refresh_token_expires_at INTEGER;
-- SHA-256 (hex) of the refresh token's first 16 characters, how a token-revoked event names it.
-- NULL only for rows written before this schema, until the adapter fills them in at start.
ALTER TABLE credentials ADD COLUMN refresh_token_prefix_sha256 TEXT CHECK (length(refresh_token_prefix_sha256) = 64);
CREATE INDEX credentials_by_refresh_token_prefix ON credentials (refresh_token_prefix_sha256);

-- Ids (jti) of the security event tokens received, to act on each once; purged after 30 days.
CREATE TABLE seen_security_events (
    jti         TEXT    NOT NULL PRIMARY KEY CHECK (length(jti) BETWEEN 1 AND 256),
    received_at INTEGER NOT NULL
) STRICT;
CREATE INDEX seen_security_events_by_received_at ON seen_security_events (received_at);

-- What happened to each person's grant, newest last; the adapter keeps the latest 50 per person.
-- No tokens, codes or secrets: a kind and a short detail.
CREATE TABLE account_history (
    entry_id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    user_id  TEXT    NOT NULL CHECK (length(user_id) BETWEEN 1 AND 255),
    at       INTEGER NOT NULL,
    kind     TEXT    NOT NULL,
    detail   TEXT    CHECK (length(detail) <= 200)
) STRICT;
CREATE INDEX account_history_by_user ON account_history (user_id, entry_id);

-- Accounts Google reported hijacked: sign-in refused until Google enables them again.
CREATE TABLE sign_in_holds (
    user_id TEXT    NOT NULL PRIMARY KEY CHECK (length(user_id) BETWEEN 1 AND 255),
    reason  TEXT    NOT NULL,
    since   INTEGER NOT NULL
) STRICT;
