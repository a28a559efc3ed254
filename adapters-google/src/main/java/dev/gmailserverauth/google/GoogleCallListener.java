package dev.gmailserverauth.google;

import java.time.Duration;

/**
 * What the Gmail adapter tells an observer about its calls, for metrics. Called on the calling thread;
 * implementations must be quick and thread-safe. The adapter depends on no metrics library: bootstrap
 * plugs one in through {@link GoogleAdapterConfig#withCallListener}.
 */
public interface GoogleCallListener {
    /** A listener that does nothing. */
    GoogleCallListener NONE = new GoogleCallListener() {
    };

    /**
     * One Gmail call came back (each part of a batch counts as one call): {@code method} as Gmail names it
     * ({@code messages.get}), {@code outcome} one of {@code ok}, {@code not_found}, {@code unauthorized},
     * {@code insufficient_scope}, {@code bad_request}, {@code concurrency}, {@code quota}, {@code transient},
     * {@code refused}; {@code took} is the round trip it was part of.
     */
    default void call(String method, String outcome, Duration took) {
    }

    /** Quota units the adapter spent on {@code method} (Gmail's per-method cost times the calls sent). */
    default void quotaUnits(String method, int units) {
    }

    /**
     * A call was refused: {@code concurrency} (Google: too many at once), {@code quota} (Google: quota spent),
     * or {@code short_circuit} (the adapter answered "rate limited" itself, without asking Google, because it
     * remembers the user's quota is spent until later than the request's deadline).
     */
    default void refused(String kind) {
    }
}
