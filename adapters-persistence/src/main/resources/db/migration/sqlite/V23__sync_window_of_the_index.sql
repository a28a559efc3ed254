-- The window of the mailbox the index holds when it does not hold all of it: every message dated after
-- complete_after (epoch milliseconds; the oldest message the backfill took). NULL: no known window (or the whole
-- mailbox, which whole_mailbox says). Moved with the rest of the progress, in the index's transaction.
ALTER TABLE sync_states ADD COLUMN complete_after INTEGER;
