package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.application.MailOutcome;
import dev.gmailserverauth.web.shared.BadInput;
import dev.gmailserverauth.web.shared.Failure;

/** Unwraps a mail use case's outcome: the value on success, otherwise the {@link Failure} that answers it. */
final class MailResults {
    private MailResults() {
    }

    static <T> T value(MailOutcome<T> outcome, String notFoundReason) {
        return outcome.fold(
                MailOutcome.Success::value,
                reauthorize -> {
                    throw new Failure.ConsentNeeded(reauthorize.consent());
                },
                notFound -> {
                    throw new Failure.NotFound(notFoundReason);
                },
                invalid -> {
                    throw new BadInput(invalid.reason());
                },
                limited -> {
                    throw new Failure.RateLimited(limited.retryAt(), limited.retryAfter());
                });
    }
}
