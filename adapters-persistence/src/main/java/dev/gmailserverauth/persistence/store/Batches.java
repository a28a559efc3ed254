package dev.gmailserverauth.persistence.store;

import java.util.function.IntSupplier;

/**
 * The one loop for work done on a table in small batches while the application runs (re-encrypting rows
 * to a new key, filling in a column older rows lack): repeat the batch until one changes no row. A batch
 * changes each row with a compare-and-set, so a row saved meanwhile is skipped, and a batch that changes
 * nothing ends the loop instead of spinning on rows another writer keeps changing.
 */
public final class Batches {
    private Batches() {
    }

    /** Runs {@code batch} (which returns the rows it changed) until it changes none; returns the rows changed in all. */
    public static int untilNoneChanged(IntSupplier batch) {
        int total = 0;
        for (int changed = batch.getAsInt(); changed > 0; changed = batch.getAsInt()) total += changed;
        return total;
    }
}
