package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Google call, retrying {@link GoogleFailure.Kind#TRANSIENT} failures with backoff and
 * jitter within the {@link RetryPolicy}; then gives up with {@link ProviderUnavailableException}.
 * Every other failure is rethrown at once for the caller to map to a domain outcome.
 */
final class Retrier {
    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** One try of a call. Throws what the Google client throws. */
    @FunctionalInterface
    interface Attempt<T> {
        T call() throws IOException;
    }

    private final RetryPolicy policy;

    Retrier(RetryPolicy policy) {
        this.policy = policy;
    }

    RetryPolicy policy() {
        return policy;
    }

    <T> T call(String operation, Attempt<T> attempt) throws IOException {
        RetryBudget budget = new RetryBudget(policy);
        while (true) {
            try {
                return attempt.call();
            } catch (IOException e) {
                GoogleFailure failure = GoogleFailure.of(e);
                if (failure.kind() != GoogleFailure.Kind.TRANSIENT) throw e;
                Optional<Duration> wait = budget.nextWait(failure.retryAfter());
                if (wait.isEmpty()) throw unavailable(operation, budget.attempts(), failure, e);
                LOG.warn("{}: {}; retrying in {} ms (attempt {} of {})", operation, failure.describe(), wait.get().toMillis(),
                        budget.attempts() + 1, policy.maxAttempts());
                budget.await(wait.get());
            } catch (IllegalArgumentException e) {
                // google-http-client reports an unparsable JSON body this way: treat it like a broken connection.
                IOException unparsable = new IOException("unparsable response: " + e.getMessage(), e);
                Optional<Duration> wait = budget.nextWait(Optional.empty());
                if (wait.isEmpty()) throw unavailable(operation, budget.attempts(), GoogleFailure.of(unparsable), unparsable);
                LOG.warn("{}: unparsable response; retrying in {} ms", operation, wait.get().toMillis());
                budget.await(wait.get());
            }
        }
    }

    static ProviderUnavailableException unavailable(String operation, int attempts, GoogleFailure failure, Throwable cause) {
        return new ProviderUnavailableException(
                operation + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + failure.describe(), cause);
    }
}
