package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.BrowserBinding;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.PkceVerifier;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.WorkspaceDomain;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.PendingAuthorizationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

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
    private final int maxInFlight;
    private final Clock clock;

    /** At most {@code maxInFlight} sign-ins may be in flight at once (started, not come back, not expired), on all instances. */
    public BeginAuthorization(AuthorizationProvider provider, PendingAuthorizationStore pending, CredentialRepository credentials,
            RedirectUri redirectUri, int maxInFlight, Clock clock) {
        this.provider = Objects.requireNonNull(provider);
        this.pending = Objects.requireNonNull(pending);
        this.credentials = Objects.requireNonNull(credentials);
        this.redirectUri = Objects.requireNonNull(redirectUri);
        if (maxInFlight < 1) throw new IllegalArgumentException("maxInFlight must be at least 1");
        this.maxInFlight = maxInFlight;
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Who is signing in, as far as we know, whether a new refresh token must be forced, and the browser
     * the sign-in is bound to: only a callback from that browser will complete it. With {@code linkTo}, a
     * signed-in person adds another Google account: Google's account chooser is shown, and only a callback
     * completed in that person's session links the account that comes back.
     */
    public record Command(Optional<UserId> knownUser, Optional<EmailAddress> loginHint, boolean forceConsent, BrowserBinding browser,
                          Optional<PersonId> linkTo) {
        public Command {
            Objects.requireNonNull(knownUser, "knownUser");
            Objects.requireNonNull(loginHint, "loginHint");
            Objects.requireNonNull(browser, "browser");
            Objects.requireNonNull(linkTo, "linkTo");
        }

        /** A sign-in. */
        public Command(Optional<UserId> knownUser, Optional<EmailAddress> loginHint, boolean forceConsent, BrowserBinding browser) {
            this(knownUser, loginHint, forceConsent, browser, Optional.empty());
        }

        public static Command anonymous(BrowserBinding browser) {
            return new Command(Optional.empty(), Optional.empty(), false, browser);
        }

        /** "Add another Google account" for this signed-in person; {@code forceConsent} when a refresh token is needed. */
        public static Command link(PersonId person, boolean forceConsent, BrowserBinding browser) {
            return new Command(Optional.empty(), Optional.empty(), forceConsent, browser, Optional.of(person));
        }
    }

    /** How starting a sign-in ended. */
    public sealed interface Start {

        /** Takes this outcome apart: exactly one function runs, the one for its case. */
        <R> R fold(Function<Started, R> started, Function<TooManyInFlight, R> tooManyInFlight);

        /** Send the browser to this consent URL. */
        record Started(AuthorizationUrl url) implements Start {
            public Started {
                Objects.requireNonNull(url, "url");
            }

            @Override
            public <R> R fold(Function<Started, R> started, Function<TooManyInFlight, R> tooManyInFlight) {
                return started.apply(this);
            }
        }

        /** Too many sign-ins are in flight; the oldest of them expire within {@code retryAfter}. */
        record TooManyInFlight(Duration retryAfter) implements Start {
            public TooManyInFlight {
                Objects.requireNonNull(retryAfter, "retryAfter");
            }

            @Override
            public <R> R fold(Function<Started, R> started, Function<TooManyInFlight, R> tooManyInFlight) {
                return tooManyInFlight.apply(this);
            }
        }
    }

    public Start begin(Command command) {
        Instant now = clock.instant();
        if (tooManyInFlight(now)) return new Start.TooManyInFlight(Duration.ofMinutes(1));
        Optional<StoredCredential> stored = command.knownUser().flatMap(credentials::findByUserId);
        boolean force = command.forceConsent() || command.knownUser().isPresent() && stored.isEmpty();
        Optional<EmailAddress> hint = command.loginHint().or(() -> stored.map(StoredCredential::email));

        PendingAuthorization authorization = new PendingAuthorization(
                AuthorizationState.random(), PkceVerifier.random(), redirectUri, hint, command.browser(), now, command.linkTo());
        pending.put(authorization);
        return new Start.Started(provider.authorizationUrl(new AuthorizationRequest(
                authorization.state(), authorization.verifier(), redirectUri, Scopes.REQUESTED, hint, force, command.linkTo().isPresent())));
    }

    /**
     * "Sign in with your Workspace account": Google sign-in only ({@code openid email}, no offline access, no
     * consent forced), {@code hd} naming the domain as a hint, bound to the browser like a consent sign-in. The
     * domain is stored with the pending authorization, so only its callback completes it as a Workspace sign-in.
     */
    public Start beginWorkspace(WorkspaceDomain domain, BrowserBinding browser) {
        Instant now = clock.instant();
        if (tooManyInFlight(now)) return new Start.TooManyInFlight(Duration.ofMinutes(1));
        PendingAuthorization authorization = new PendingAuthorization(AuthorizationState.random(), PkceVerifier.random(), redirectUri,
                Optional.empty(), browser, now, Optional.empty(), Optional.of(domain));
        pending.put(authorization);
        return new Start.Started(provider.authorizationUrl(
                AuthorizationRequest.workspaceSignIn(authorization.state(), authorization.verifier(), redirectUri, domain)));
    }

    private boolean tooManyInFlight(Instant now) {
        return pending.countCreatedSince(now.minus(PendingAuthorization.TIME_TO_LIVE)) >= maxInFlight;
    }
}
