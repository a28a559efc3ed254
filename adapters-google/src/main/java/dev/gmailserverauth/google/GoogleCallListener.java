package dev.gmailserverauth.google;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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

    /**
     * Every {@code method} this adapter reports: the Gmail methods as Gmail names them, and the calls to
     * Google's OAuth endpoints ({@code code exchange}, {@code token refresh}, {@code userinfo},
     * {@code token revocation}, as {@link GoogleAuthorizationProvider} and {@link Revoker} name them). An
     * observer can show each one from the start, at zero, instead of a series that appears with its first call.
     */
    static List<String> methods() {
        return Stream.concat(Arrays.stream(GmailMethod.values()).map(GmailMethod::label),
                Stream.of("code exchange", "token refresh", "userinfo", "token revocation")).toList();
    }

    /** Every {@code outcome} {@link #call} reports: {@code ok}, and each kind of failure. */
    static List<String> outcomes() {
        return Stream.concat(Stream.of("ok"), Arrays.stream(GoogleFailure.Kind.values()).map(kind -> kind.name().toLowerCase(Locale.ROOT)))
                .distinct().toList();
    }

    /** Every {@code kind} {@link #refused} reports. */
    static List<String> refusalKinds() {
        return List.of("concurrency", "quota", "short_circuit");
    }
}
