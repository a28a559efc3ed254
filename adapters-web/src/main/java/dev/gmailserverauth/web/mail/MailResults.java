package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.application.MailOutcome;
import dev.gmailserverauth.web.shared.BadInput;
import dev.gmailserverauth.web.shared.Failure;

/** Unwraps a mail use case's outcome: the value on success, otherwise the {@link Failure} that answers it. */
final class MailResults {
    private MailResults() {
    }

    static <T> T value(MailOutcome<T> outcome, String notFoundReason) {
        if (outcome instanceof MailOutcome.Success<T> success) return success.value();
        if (outcome instanceof MailOutcome.ReauthorizationRequired<T> reauthorize) throw new Failure.ConsentNeeded(reauthorize.consent());
        if (outcome instanceof MailOutcome.Invalid<T> invalid) throw new BadInput(invalid.reason());
        if (outcome instanceof MailOutcome.RateLimited<T> limited) throw new Failure.RateLimited(limited.retryAt(), limited.retryAfter());
        throw new Failure.NotFound(notFoundReason);
    }
}
