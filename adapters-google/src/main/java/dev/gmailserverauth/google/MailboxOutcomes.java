package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Turns how a Gmail call ended into the port's {@link MailboxResponse}, or throws. */
final class MailboxOutcomes {
    /** When a call was crowded out by the user's own calls until its deadline: a moment is enough. */
    static final Duration CROWDED_RETRY = Duration.ofSeconds(1);

    private MailboxOutcomes() {
    }

    /**
     * 401 → Unauthorized, 403 scope → InsufficientScope, 404 → NotFound, 400 → BadRequest. Other refusals
     * cannot be helped by the caller: they throw {@link ProviderUnavailableException}.
     */
    static <T> MailboxResponse<T> of(String operation, GoogleFailure failure, Throwable cause) {
        return switch (failure.kind()) {
            case UNAUTHORIZED -> new MailboxResponse.Unauthorized<>();
            case INSUFFICIENT_SCOPE -> new MailboxResponse.InsufficientScope<>();
            case NOT_FOUND -> new MailboxResponse.NotFound<>();
            case BAD_REQUEST -> new MailboxResponse.BadRequest<>(badRequestReason(failure));
            case CONCURRENCY, QUOTA, TRANSIENT -> throw new ProviderUnavailableException(operation + " failed: " + failure.describe(), cause);
            case REFUSED -> throw new ProviderUnavailableException("Gmail refused " + operation + ": " + failure.describe(), cause);
        };
    }

    /**
     * A call that ended without its answer: a failure to map, the user's quota spent until a known time
     * (→ RateLimited), server errors until the tries ran out (→ {@link ProviderUnavailableException}), or
     * calls refused as too many at once until the deadline (→ RateLimited in a moment).
     */
    static <T> MailboxResponse<T> unfinished(String operation, Retrier.Settled<?, ?> settled, Clock clock) {
        if (settled.fatal().isPresent()) return of(operation, settled.fatal().get().failure(), settled.fatal().get().cause());
        if (settled.rateLimitedUntil().isPresent()) return new MailboxResponse.RateLimited<>(settled.rateLimitedUntil().get());
        Optional<? extends Retrier.Part.Failed<?>> last = settled.lastFailure();
        if (last.isPresent() && last.get().failure().kind() == GoogleFailure.Kind.TRANSIENT) {
            throw Retrier.unavailable(operation, settled.attempts(), last.get().failure(), last.get().cause());
        }
        return new MailboxResponse.RateLimited<>(clock.instant().plus(CROWDED_RETRY));
    }

    private static String badRequestReason(GoogleFailure failure) {
        if (!failure.message().isEmpty()) return failure.message();
        if (!failure.reason().isEmpty()) return failure.reason();
        return "HTTP 400";
    }
}
