package dev.gmailserverauth.domain.model;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A point in a mailbox's change history (Gmail's {@code historyId}, an unsigned 64-bit number sent as a
 * string). Ids only grow, with gaps; comparing two of them says which came first.
 */
public record HistoryId(BigInteger value) implements Comparable<HistoryId> {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    public HistoryId {
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0 || value.compareTo(MAX) > 0) throw new IllegalArgumentException("history id is out of range");
    }

    /** Reads the decimal form Gmail sends. */
    public static HistoryId parse(String decimal) {
        if (decimal == null || decimal.isEmpty() || decimal.length() > 20 || !decimal.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("history id is malformed");
        }
        return new HistoryId(new BigInteger(decimal));
    }

    public boolean isAfter(HistoryId other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(HistoryId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
