package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/** How a mail use case ended. */
public sealed interface MailOutcome<T> {
    /** Takes this apart: runs the one function for its case. */
    <R> R fold(Function<Success<T>, R> success,
            Function<ReauthorizationRequired<T>, R> reauthorizationRequired,
            Function<NotFound<T>, R> notFound,
            Function<Invalid<T>, R> invalid,
            Function<RateLimited<T>, R> rateLimited);

    record Success<T>(T value) implements MailOutcome<T> {
        public Success {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R fold(Function<Success<T>, R> success,
                Function<ReauthorizationRequired<T>, R> reauthorizationRequired,
                Function<NotFound<T>, R> notFound,
                Function<Invalid<T>, R> invalid,
                Function<RateLimited<T>, R> rateLimited) {
            return success.apply(this);
        }
    }

    /** The user must go (back) through consent: revoked, never authorized, or the Gmail scope missing. */
    record ReauthorizationRequired<T>(ConsentRequired consent) implements MailOutcome<T> {
        public ReauthorizationRequired {
            Objects.requireNonNull(consent, "consent");
        }

        @Override
        public <R> R fold(Function<Success<T>, R> success,
                Function<ReauthorizationRequired<T>, R> reauthorizationRequired,
                Function<NotFound<T>, R> notFound,
                Function<Invalid<T>, R> invalid,
                Function<RateLimited<T>, R> rateLimited) {
            return reauthorizationRequired.apply(this);
        }
    }

    record NotFound<T>() implements MailOutcome<T> {
        @Override
        public <R> R fold(Function<Success<T>, R> success,
                Function<ReauthorizationRequired<T>, R> reauthorizationRequired,
                Function<NotFound<T>, R> notFound,
                Function<Invalid<T>, R> invalid,
                Function<RateLimited<T>, R> rateLimited) {
            return notFound.apply(this);
        }
    }

    /** The mailbox refused an argument (for example a page token from elsewhere). */
    record Invalid<T>(String reason) implements MailOutcome<T> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R fold(Function<Success<T>, R> success,
                Function<ReauthorizationRequired<T>, R> reauthorizationRequired,
                Function<NotFound<T>, R> notFound,
                Function<Invalid<T>, R> invalid,
                Function<RateLimited<T>, R> rateLimited) {
            return invalid.apply(this);
        }
    }

    /**
     * Gmail's quota for this person is spent (or too many of their requests ran at once) and will not free
     * up in time: try again at {@code retryAt}, which is {@code retryAfter} from when this was decided.
     */
    record RateLimited<T>(Instant retryAt, Duration retryAfter) implements MailOutcome<T> {
        public RateLimited {
            Objects.requireNonNull(retryAt, "retryAt");
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) throw new IllegalArgumentException("retryAfter is negative");
        }

        @Override
        public <R> R fold(Function<Success<T>, R> success,
                Function<ReauthorizationRequired<T>, R> reauthorizationRequired,
                Function<NotFound<T>, R> notFound,
                Function<Invalid<T>, R> invalid,
                Function<RateLimited<T>, R> rateLimited) {
            return rateLimited.apply(this);
        }
    }
}
