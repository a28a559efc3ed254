package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.port.MailboxResponse;

/** Turns a Gmail call that failed into the port's {@link MailboxResponse}, or throws. */
final class MailboxOutcomes {

    private MailboxOutcomes() {
    }

    /**
     * 401 → Unauthorized, 403 scope → InsufficientScope, 404 → NotFound, 400 → BadRequest. Other refusals
     * cannot be helped by the caller: retryable ones that outlasted the tries, and refusals nobody can act on,
     * throw {@link ProviderUnavailableException}.
     */
    static <T> MailboxResponse<T> failed(String operation, Retrier.Refusal refusal, int attempts) {
        GoogleFailure failure = refusal.failure();
        return switch (failure.kind()) {
            case UNAUTHORIZED -> new MailboxResponse.Unauthorized<>();
            case INSUFFICIENT_SCOPE -> new MailboxResponse.InsufficientScope<>();
            case NOT_FOUND -> new MailboxResponse.NotFound<>();
            case BAD_REQUEST -> new MailboxResponse.BadRequest<>(badRequestReason(failure));
            case CONCURRENCY, QUOTA, TRANSIENT -> throw Retrier.unavailable(operation, attempts, failure, refusal.cause());
            case REFUSED -> throw new ProviderUnavailableException("Gmail refused " + operation + ": " + failure.describe(), refusal.cause());
        };
    }

    private static String badRequestReason(GoogleFailure failure) {
        if (!failure.message().isEmpty()) return failure.message();
        if (!failure.reason().isEmpty()) return failure.reason();
        return "HTTP 400";
    }
}
