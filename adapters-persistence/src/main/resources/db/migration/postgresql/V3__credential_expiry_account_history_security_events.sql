-- Schema 3 for PostgreSQL: a grant's whole life (time-limited grants, Google's security events, the
-- person's connection page). Instants are epoch milliseconds (UTC), as in schema 1.

-- When Google announced an end for the refresh token (refresh_token_expires_in); NULL: none announced.
ALTER TABLE credentials ADD COLUMN refresh_token_expires_at BIGINT;
-- SHA-256 (hex) of the refresh token's first 16 characters, how a token-revoked event names it.
-- NULL only for rows written before this schema, until the adapter fills them in at start.
ALTER TABLE credentials ADD COLUMN refresh_token_prefix_sha256 CHAR(64);
CREATE INDEX credentials_by_refresh_token_prefix ON credentials (refresh_token_prefix_sha256);

-- Ids (jti) of the security event tokens received, to act on each once; purged after 30 days.
CREATE TABLE seen_security_events (
    jti         VARCHAR(256) NOT NULL PRIMARY KEY CHECK (length(jti) >= 1),
    received_at BIGINT       NOT NULL
);
CREATE INDEX seen_security_events_by_received_at ON seen_security_events (received_at);

-- What happened to each person's grant, newest last; the adapter keeps the latest 50 per person.
-- No tokens, codes or secrets: a kind and a short detail.
CREATE TABLE account_history (
    entry_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id  VARCHAR(255) NOT NULL CHECK (length(user_id) >= 1),
    at       BIGINT       NOT NULL,
    kind     VARCHAR(64)  NOT NULL,
    detail   VARCHAR(200)
);
CREATE INDEX account_history_by_user ON account_history (user_id, entry_id);

-- Accounts Google reported hijacked: sign-in refused until Google enables them again.
CREATE TABLE sign_in_holds (
    user_id VARCHAR(255) NOT NULL PRIMARY KEY CHECK (length(user_id) >= 1),
    reason  VARCHAR(200) NOT NULL,
    since   BIGINT       NOT NULL
);
