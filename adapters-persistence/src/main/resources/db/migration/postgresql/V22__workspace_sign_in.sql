-- Schema 22 for PostgreSQL: a sign-in started by "Sign in with your Workspace account" records the domain it is for
-- (Google sign-in only, read through delegation); NULL for a consent sign-in. The callback cannot change the kind.
ALTER TABLE pending_authorizations ADD COLUMN workspace_domain VARCHAR(253);
