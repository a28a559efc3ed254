package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A person's authorized access to their mailbox, resolved once per request by {@link AuthorizedAccess#open}
 * and shared by every use case that request runs: the credential is read and decrypted once, the page
 * chrome takes the person's address from here, and a refresh after a 401 is done at most once for the
 * whole request.
 *
 * <p>{@link #call} runs one mailbox call with the current token. A 401 gets exactly one refresh and one
 * retry; a second 401 means the grant is gone ("credentials revoked"). A spent Gmail quota is
 * {@link MailOutcome.RateLimited}, with how long until it frees up.
 */
public final class MailboxGrant {
    private final UserId user;
    private final EmailAddress email;
    private final Optional<AccessEnd> accessEnd;
    private final AuthorizedAccess access;
    private final Clock clock;
    private AccessToken token;
    private boolean refreshed;
    /** Why the one refresh of this request was denied, so that every use case of the request hears the same reason. */
    private Optional<ConsentRequired> denial = Optional.empty();

    MailboxGrant(UserId user, EmailAddress email, Optional<AccessEnd> accessEnd, AccessToken token, AuthorizedAccess access, Clock clock) {
        this.user = Objects.requireNonNull(user);
        this.email = Objects.requireNonNull(email);
        this.accessEnd = Objects.requireNonNull(accessEnd);
        this.token = Objects.requireNonNull(token);
        this.access = Objects.requireNonNull(access);
        this.clock = Objects.requireNonNull(clock);
    }

    public UserId user() {
        return user;
    }

    public EmailAddress email() {
        return email;
    }

    /** When the person's time-limited access ends (for the pages' "access ends on" notice); empty when it does not. */
    public Optional<AccessEnd> accessEnd() {
        return accessEnd;
    }

    /** Runs {@code call} with a valid token, applying the 401 rule, and says how it ended. */
    public <T> MailOutcome<T> call(Function<AccessToken, MailboxResponse<T>> call) {
        AccessToken used = currentToken();
        MailboxResponse<T> response = call.apply(used);
        if (response instanceof MailboxResponse.Unauthorized<T>) {
            Optional<ConsentRequired> denied = refreshAfterRejection(used);
            if (denied.isPresent()) return new MailOutcome.ReauthorizationRequired<>(denied.get());
            response = call.apply(currentToken());
            if (response instanceof MailboxResponse.Unauthorized<T>) return reconsent(ConsentReason.CREDENTIALS_REVOKED);
        }
        return translate(response);
    }

    synchronized AccessToken currentToken() {
        return token;
    }

    /** One refresh per request: a token that was already replaced is not refreshed again. */
    private synchronized Optional<ConsentRequired> refreshAfterRejection(AccessToken rejected) {
        if (!rejected.equals(token)) return Optional.empty();
        if (refreshed) return denial.or(() -> Optional.of(consent(ConsentReason.CREDENTIALS_REVOKED)));
        refreshed = true;
        AccessOutcome outcome = access.refreshAfterRejection(user, rejected);
        if (outcome instanceof AccessOutcome.Denied denied) {
            denial = Optional.of(denied.consent());
            return denial;
        }
        token = ((AccessOutcome.Granted) outcome).grant().currentToken();
        return Optional.empty();
    }

    private <T> MailOutcome<T> translate(MailboxResponse<T> response) {
        if (response instanceof MailboxResponse.Ok<T> ok) return new MailOutcome.Success<>(ok.value());
        if (response instanceof MailboxResponse.InsufficientScope<T>) return reconsent(ConsentReason.INSUFFICIENT_SCOPE);
        if (response instanceof MailboxResponse.NotFound<T>) return new MailOutcome.NotFound<>();
        if (response instanceof MailboxResponse.BadRequest<T> bad) return new MailOutcome.Invalid<>(bad.reason());
        if (response instanceof MailboxResponse.RateLimited<T> limited) {
            Duration wait = Duration.between(clock.instant(), limited.retryAt());
            return new MailOutcome.RateLimited<>(limited.retryAt(), wait.isNegative() ? Duration.ZERO : wait);
        }
        return reconsent(ConsentReason.CREDENTIALS_REVOKED);
    }

    private <T> MailOutcome<T> reconsent(ConsentReason reason) {
        return new MailOutcome.ReauthorizationRequired<>(consent(reason));
    }

    private ConsentRequired consent(ConsentReason reason) {
        return new ConsentRequired(reason, Optional.of(email));
    }
}
