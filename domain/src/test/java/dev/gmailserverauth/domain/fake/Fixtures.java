package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.BrowserNonce;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.PendingAuthorization;
import dev.gmailserverauth.domain.model.PkceVerifier;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Ready-made domain values for tests of every module. */
public final class Fixtures {
    public static final RedirectUri REDIRECT_URI = RedirectUri.of("http://localhost:8080/oauth2/callback");

    private Fixtures() {
    }

    /** A credential with fresh random tokens; instants are truncated to milliseconds, as stores keep them. */
    public static StoredCredential credential(String userId, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return new StoredCredential(
                new UserId(userId),
                new EmailAddress(userId + "@example.com"),
                new RefreshToken("1//refresh-" + userId + "-" + PkceVerifier.random().value()),
                Optional.of(new ExpiringAccessToken(new AccessToken("ya29.access-" + PkceVerifier.random().value()), at.plusSeconds(3599))),
                Scopes.REQUESTED,
                at,
                at);
    }

    public static PendingAuthorization pending(Instant createdAt) {
        return new PendingAuthorization(
                AuthorizationState.random(),
                PkceVerifier.random(),
                REDIRECT_URI,
                Optional.of(new EmailAddress("alice@example.com")),
                BrowserNonce.random().binding(),
                createdAt.truncatedTo(ChronoUnit.MILLIS));
    }
}
