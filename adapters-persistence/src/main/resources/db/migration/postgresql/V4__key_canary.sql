-- Schema 4 for PostgreSQL: the readiness canary. One row holding a known value sealed with the current
-- key (written by the application at start, re-encrypted with every key rotation like any sealed row):
-- an instance is ready only when its keys open it, so an instance left behind by a rotation is not.
CREATE TABLE key_canary (
    id         SMALLINT    NOT NULL PRIMARY KEY CHECK (id = 1),
    sealed     BYTEA       NOT NULL,
    key_id     VARCHAR(16) NOT NULL REFERENCES encryption_keys (key_id),
    written_at BIGINT      NOT NULL
);
