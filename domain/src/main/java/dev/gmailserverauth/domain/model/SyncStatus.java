package dev.gmailserverauth.domain.model;

/** Where a Google account's sync stands. */
public enum SyncStatus {
    /** Following the mailbox's history; the backfill of the newest messages may still be going on. */
    ACTIVE,
    /** Google wants the person to sign in again ({@code invalid_rapt}): nothing is read until they do, nothing is lost. */
    PAUSED,
    /** The grant ended (revoked, time-limited access over, a security event): no more syncing until the person connects again. */
    STOPPED
}
