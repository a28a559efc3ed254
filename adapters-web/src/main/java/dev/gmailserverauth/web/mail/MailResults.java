package dev.gmailserverauth.web.mail;

import dev.gmailserverauth.application.MailOutcome;
import dev.gmailserverauth.web.shared.BadInput;
import dev.gmailserverauth.web.shared.Failure;
import java.util.function.Function;

/** Unwraps a mail use case's outcome: the value on success, otherwise the {@link Failure} that answers it. */
final class MailResults {
    private MailResults() {
    }

    static <T> T value(MailOutcome<T> outcome, String notFoundReason) {
        return value(outcome, notFoundReason, MailOutcome.Invalid::reason);
    }

    /**
     * The same for a call that names a message, conversation or part by the id in the address: Gmail refusing
     * the id ("Invalid id value") reads as any other malformed address.
     */
    static <T> T byId(MailOutcome<T> outcome, String notFoundReason) {
        return value(outcome, notFoundReason, invalid -> BadInput.MALFORMED_ADDRESS);
    }

    private static <T> T value(MailOutcome<T> outcome, String notFoundReason, Function<MailOutcome.Invalid<T>, String> invalidReason) {
        return outcome.fold(
                MailOutcome.Success::value,
                reauthorize -> {
                    throw new Failure.ConsentNeeded(reauthorize.consent());
                },
                notFound -> {
                    throw new Failure.NotFound(notFoundReason);
                },
                invalid -> {
                    throw new BadInput(invalidReason.apply(invalid));
                },
                limited -> {
                    throw new Failure.RateLimited(limited.retryAt(), limited.retryAfter());
                });
    }
}
