package dev.gmailserverauth.web.shared;

import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Expected ways a request ends early, thrown from deep in a route and answered by {@link ErrorResponses}
 * as a page or as JSON, depending on the route. No stack trace is kept: they are not bugs.
 */
public abstract sealed class Failure extends RuntimeException
        permits BadInput, Failure.NotSignedIn, Failure.ConsentNeeded, Failure.NotFound, Failure.Forbidden, Failure.TooLarge,
        Failure.TooManyRequests, Failure.RateLimited {

    Failure(String reason) {
        super(reason, null, false, false);
    }

    /** One answer per kind of failure: adding a kind breaks the build wherever failures are answered. */
    public interface Answers {
        void badInput(BadInput failure);

        void notSignedIn(NotSignedIn failure);

        void consentNeeded(ConsentNeeded failure);

        void notFound(NotFound failure);

        void forbidden(Forbidden failure);

        void tooLarge(TooLarge failure);

        void tooManyRequests(TooManyRequests failure);

        void rateLimited(RateLimited failure);
    }

    /** Hands this failure to the one method of {@code answers} made for its kind. */
    public abstract void answer(Answers answers);

    /** A wait in whole seconds, rounded up, at least one, as {@code Retry-After} wants it. */
    static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The reason, fit to show to the person or the API client. */
    public String reason() {
        return getMessage();
    }

    /** No live session: a page sends the browser to sign in; the API answers 401. */
    public static final class NotSignedIn extends Failure {
        NotSignedIn() {
            super("sign in first");
        }

        @Override
        public void answer(Answers answers) {
            answers.notSignedIn(this);
        }
    }

    /** The stored grant is missing, revoked or lacks Gmail: the person must go through consent again. */
    public static final class ConsentNeeded extends Failure {
        private final transient ConsentRequired consent;

        public ConsentNeeded(ConsentRequired consent) {
            super(ConsentReasons.explain(consent.reason()));
            this.consent = Objects.requireNonNull(consent);
        }

        public ConsentRequired consent() {
            return consent;
        }

        @Override
        public void answer(Answers answers) {
            answers.consentNeeded(this);
        }
    }

    public static final class NotFound extends Failure {
        public NotFound(String reason) {
            super(reason);
        }

        @Override
        public void answer(Answers answers) {
            answers.notFound(this);
        }
    }

    /** The visitor must slow down: answered 429 with {@code Retry-After}. */
    public static final class TooManyRequests extends Failure {
        private final transient Duration retryAfter;

        public TooManyRequests(String reason, Duration retryAfter) {
            super(reason);
            this.retryAfter = Objects.requireNonNull(retryAfter);
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds(retryAfter);
        }

        @Override
        public void answer(Answers answers) {
            answers.tooManyRequests(this);
        }
    }

    public static final class Forbidden extends Failure {
        public Forbidden(String reason) {
            super(reason);
        }

        @Override
        public void answer(Answers answers) {
            answers.forbidden(this);
        }
    }

    /** A file of a message larger than this app hands out. */
    public static final class TooLarge extends Failure {
        private final long sizeBytes;
        private final long limitBytes;

        public TooLarge(String reason, long sizeBytes, long limitBytes) {
            super(reason);
            this.sizeBytes = sizeBytes;
            this.limitBytes = limitBytes;
        }

        public long sizeBytes() {
            return sizeBytes;
        }

        public long limitBytes() {
            return limitBytes;
        }

        @Override
        public void answer(Answers answers) {
            answers.tooLarge(this);
        }
    }

    /**
     * Gmail's per-user limits are spent for this person (not the visitor's own pace, which is {@link TooManyRequests}):
     * try again after {@code retryAfter}, at {@code retryAt}.
     */
    public static final class RateLimited extends Failure {
        private final Instant retryAt;
        private final Duration retryAfter;

        public RateLimited(Instant retryAt, Duration retryAfter) {
            super("Gmail has asked us to slow down for your account.");
            this.retryAt = Objects.requireNonNull(retryAt);
            this.retryAfter = Objects.requireNonNull(retryAfter);
        }

        public Instant retryAt() {
            return retryAt;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds(retryAfter);
        }

        @Override
        public void answer(Answers answers) {
            answers.rateLimited(this);
        }
    }
}
