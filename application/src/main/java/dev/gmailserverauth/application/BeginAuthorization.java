package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.model.PkceVerifier;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The user starts signing in: remember a fresh state and PKCE verifier, and build the consent URL.
 *
 * <p>{@code prompt=consent} (the modern {@code approval_prompt=force}) is asked for when the caller
 * needs a new refresh token, or when the user is known but nothing usable is stored for them. For
 * an unknown user it is left out: Google issues a refresh token on first consent anyway, and if it
 * does not, the callback answers {@code NO_REFRESH_TOKEN} with a way back that forces consent, as Google's original guide does.
 */
public final class BeginAuthorization {
    private final AuthorizationProvider provider;
    private final PendingAuthorizationStore pending;
    private final CredentialRepository credentials;
    private final RedirectUri redirectUri;
    private final Clock clock;

    public BeginAuthorization(AuthorizationProvider provider, PendingAuthorizationStore pending, CredentialRepository credentials,
            RedirectUri redirectUri, Clock clock) {
        this.provider = Objects.requireNonNull(provider);
        this.pending = Objects.requireNonNull(pending);
        this.credentials = Objects.requireNonNull(credentials);
        this.redirectUri = Objects.requireNonNull(redirectUri);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Who is signing in, as far as we know, and whether a new refresh token must be forced. */
    public record Command(Optional<UserId> knownUser, Optional<EmailAddress> loginHint, boolean forceConsent) {
        public Command {
            Objects.requireNonNull(knownUser, "knownUser");
            Objects.requireNonNull(loginHint, "loginHint");
        }

        public static Command anonymous() {
            return new Command(Optional.empty(), Optional.empty(), false);
        }

        public static Command withLoginHint(EmailAddress hint) {
            return new Command(Optional.empty(), Optional.of(hint), false);
        }

        /** Send this user through consent again, forcing a new refresh token. */
        public static Command reconsent(UserId user, Optional<EmailAddress> hint) {
            return new Command(Optional.of(user), hint, true);
        }
    }

    public AuthorizationUrl begin(Command command) {
        Optional<StoredCredential> stored = command.knownUser().flatMap(credentials::findByUserId);
        boolean force = command.forceConsent() || command.knownUser().isPresent() && stored.isEmpty();
        Optional<EmailAddress> hint = command.loginHint().or(() -> stored.map(StoredCredential::email));

        PendingAuthorization authorization = new PendingAuthorization(
                AuthorizationState.random(), PkceVerifier.random(), redirectUri, hint, clock.instant());
        pending.put(authorization);
        return provider.authorizationUrl(new AuthorizationRequest(
                authorization.state(), authorization.verifier(), redirectUri, Scopes.REQUESTED, hint, force));
    }
}
