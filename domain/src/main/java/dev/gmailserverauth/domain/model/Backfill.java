package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How far the first fill of the index has come: the next page of the mailbox's newest messages to take
 * (none yet: start from the newest), how many were taken, and how many are wanted in all.
 */
public record Backfill(Optional<PageToken> nextPage, int taken, int wanted) {
    public Backfill {
        Objects.requireNonNull(nextPage, "nextPage");
        if (taken < 0) throw new IllegalArgumentException("taken is negative");
        if (wanted < 0) throw new IllegalArgumentException("wanted is negative");
    }

    /** A backfill that has taken nothing yet. */
    public static Backfill of(int wanted) {
        return new Backfill(Optional.empty(), 0, wanted);
    }

    /** How many more messages this backfill takes. */
    public int remaining() {
        return Math.max(0, wanted - taken);
    }
}
