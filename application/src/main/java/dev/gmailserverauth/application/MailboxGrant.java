package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.MailboxAccess;
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
 * <p>{@link #call} runs one mailbox call with the person and their current token. The grant does not refresh
 * tokens itself: it asks its {@link TokenRenewal}. A 401 gets exactly one refresh and one
 * retry; a second 401 means the grant is gone ("credentials revoked"). A spent Gmail quota is
 * {@link MailOutcome.RateLimited}, with how long until it frees up.
 */
public final class MailboxGrant {
    private final UserId user;
    private final EmailAddress email;
    private final Optional<AccessEnd> accessEnd;
    private final TokenRenewal renewal;
    private final Clock clock;
    private AccessToken token;
    private boolean refreshed;
    /** Why the one refresh of this request was denied, so that every use case of the request hears the same reason. */
    private Optional<ConsentRequired> denial = Optional.empty();

    public MailboxGrant(UserId user, EmailAddress email, Optional<AccessEnd> accessEnd, AccessToken token, TokenRenewal renewal, Clock clock) {
        this.user = Objects.requireNonNull(user);
        this.email = Objects.requireNonNull(email);
        this.accessEnd = Objects.requireNonNull(accessEnd);
        this.token = Objects.requireNonNull(token);
        this.renewal = Objects.requireNonNull(renewal);
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
    public <T> MailOutcome<T> call(Function<MailboxAccess, MailboxResponse<T>> call) {
        MailboxAccess used = currentAccess();
        return translate(call.apply(used), firstRejection -> refreshAfterRejection(used.token())
                .<MailOutcome<T>>map(MailOutcome.ReauthorizationRequired::new)
                .orElseGet(() -> translate(call.apply(currentAccess()), secondRejection -> reconsent(ConsentReason.CREDENTIALS_REVOKED))));
    }

    private synchronized MailboxAccess currentAccess() {
        return new MailboxAccess(user, token);
    }

    /** One refresh per request: a token that was already replaced is not refreshed again. */
    private synchronized Optional<ConsentRequired> refreshAfterRejection(AccessToken rejected) {
        if (!rejected.equals(token)) return Optional.empty();
        if (refreshed) return denial.or(() -> Optional.of(consent(ConsentReason.CREDENTIALS_REVOKED)));
        refreshed = true;
        return renewal.renewAfterRejection(rejected).fold(
                renewed -> {
                    token = renewed.token();
                    return Optional.<ConsentRequired>empty();
                },
                denied -> {
                    denial = Optional.of(denied.consent());
                    return denial;
                });
    }

    /** The port's answer as the use cases see it; what a 401 means depends on whether it is the first. */
    private <T> MailOutcome<T> translate(MailboxResponse<T> response, Function<MailboxResponse.Unauthorized<T>, MailOutcome<T>> unauthorized) {
        return response.fold(
                ok -> new MailOutcome.Success<>(ok.value()),
                unauthorized,
                insufficientScope -> reconsent(ConsentReason.INSUFFICIENT_SCOPE),
                notFound -> new MailOutcome.NotFound<>(),
                badRequest -> new MailOutcome.Invalid<>(badRequest.reason()),
                rateLimited -> {
                    Duration wait = Duration.between(clock.instant(), rateLimited.retryAt());
                    return new MailOutcome.RateLimited<>(rateLimited.retryAt(), wait.isNegative() ? Duration.ZERO : wait);
                });
    }

    private <T> MailOutcome<T> reconsent(ConsentReason reason) {
        return new MailOutcome.ReauthorizationRequired<>(consent(reason));
    }

    private ConsentRequired consent(ConsentReason reason) {
        return new ConsentRequired(reason, Optional.of(email));
    }
}
