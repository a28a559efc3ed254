package dev.gmailserverauth.google;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Turns a {@link GoogleFailure} of a Gmail call into the port's {@link MailboxResponse}, or throws. */
final class MailboxOutcomes {
    private MailboxOutcomes() {
    }

    /**
     * 401 → Unauthorized, 403 scope → InsufficientScope, 404 → NotFound, 400 → BadRequest. Transient
     * failures reach here only when retries are used up, and other refusals cannot be helped by the
     * caller: both throw {@link ProviderUnavailableException}.
     */
    static <T> MailboxResponse<T> of(String operation, GoogleFailure failure, Throwable cause) {
        return switch (failure.kind()) {
            case UNAUTHORIZED -> new MailboxResponse.Unauthorized<>();
            case INSUFFICIENT_SCOPE -> new MailboxResponse.InsufficientScope<>();
            case NOT_FOUND -> new MailboxResponse.NotFound<>();
            case BAD_REQUEST -> new MailboxResponse.BadRequest<>(badRequestReason(failure));
            case TRANSIENT -> throw new ProviderUnavailableException(operation + " failed: " + failure.describe(), cause);
            case REFUSED -> throw new ProviderUnavailableException("Gmail refused " + operation + ": " + failure.describe(), cause);
        };
    }

    /** Of several failed parts, the one the caller must act on first (an expired token before a scope problem, ...). */
    static Optional<GoogleFailure> mostSevere(List<GoogleFailure> failures) {
        return failures.stream().min(Comparator.comparingInt(f -> f.kind().ordinal()));
    }

    private static String badRequestReason(GoogleFailure failure) {
        if (!failure.message().isEmpty()) return failure.message();
        if (!failure.reason().isEmpty()) return failure.reason();
        return "HTTP 400";
    }
}
