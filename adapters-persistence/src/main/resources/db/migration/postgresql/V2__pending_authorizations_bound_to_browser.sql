-- Schema 2: a pending authorization is bound to the browser that started it (the SHA-256 of a nonce
-- that browser holds in a cookie), against login CSRF. Sign-ins in flight live ten minutes and cannot
-- be bound after the fact, so they are dropped: whoever was signing in starts again.
DELETE FROM pending_authorizations;
ALTER TABLE pending_authorizations ADD COLUMN browser_binding TEXT NOT NULL DEFAULT '';
ALTER TABLE pending_authorizations ALTER COLUMN browser_binding DROP DEFAULT;
