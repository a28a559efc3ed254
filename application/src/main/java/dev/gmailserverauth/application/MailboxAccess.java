package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a mailbox call for a user with a valid token. A 401 gets exactly one refresh and one retry;
 * a second 401 means the grant is gone ("credentials revoked").
 */
final class MailboxAccess {
    private final AuthorizedAccess access;
    private final BeginAuthorization begin;

    MailboxAccess(AuthorizedAccess access, BeginAuthorization begin) {
        this.access = Objects.requireNonNull(access);
        this.begin = Objects.requireNonNull(begin);
    }

    <T> MailOutcome<T> call(UserId user, Function<AccessToken, MailboxResponse<T>> call) {
        AccessOutcome first = access.accessFor(user);
        if (first instanceof AccessOutcome.Denied denied) return new MailOutcome.ReauthorizationRequired<>(denied.consent());
        AccessToken token = ((AccessOutcome.Granted) first).token();
        MailboxResponse<T> response = call.apply(token);
        if (response instanceof MailboxResponse.Unauthorized<T>) {
            AccessOutcome second = access.refreshAfterRejection(user, token);
            if (second instanceof AccessOutcome.Denied denied) return new MailOutcome.ReauthorizationRequired<>(denied.consent());
            response = call.apply(((AccessOutcome.Granted) second).token());
            if (response instanceof MailboxResponse.Unauthorized<T>) return reconsent(user, ConsentReason.CREDENTIALS_REVOKED);
        }
        return translate(user, response);
    }

    private <T> MailOutcome<T> translate(UserId user, MailboxResponse<T> response) {
        if (response instanceof MailboxResponse.Ok<T> ok) return new MailOutcome.Success<>(ok.value());
        if (response instanceof MailboxResponse.InsufficientScope<T>) return reconsent(user, ConsentReason.INSUFFICIENT_SCOPE);
        if (response instanceof MailboxResponse.NotFound<T>) return new MailOutcome.NotFound<>();
        if (response instanceof MailboxResponse.BadRequest<T> bad) return new MailOutcome.Invalid<>(bad.reason());
        if (response instanceof MailboxResponse.RateLimited<T> limited) {
            throw new ProviderUnavailableException("Gmail quota spent until " + limited.retryAt());
        }
        return reconsent(user, ConsentReason.CREDENTIALS_REVOKED);
    }

    private <T> MailOutcome<T> reconsent(UserId user, ConsentReason reason) {
        return new MailOutcome.ReauthorizationRequired<>(
                new ConsentRequired(begin.begin(BeginAuthorization.Command.reconsent(user, Optional.empty())), reason));
    }
}
