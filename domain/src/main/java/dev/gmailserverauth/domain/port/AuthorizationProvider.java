package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationCode;
import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.PkceVerifier;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.TokenGrant;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.util.Objects;

/**
 * Driven port for authorizing: the OAuth 2.0 authorization server and the identity endpoint.
 *
 * <p>Expected outcomes come back as values. Adapters throw
 * {@link dev.gmailserverauth.domain.error.ProviderUnavailableException} when the provider cannot be
 * reached, and {@link dev.gmailserverauth.domain.error.ProviderConfigurationException} when it
 * rejects the application's own client configuration.
 */
public interface AuthorizationProvider {

    /** The consent URL for this request: code flow, offline access, PKCE S256, incremental scopes. */
    AuthorizationUrl authorizationUrl(AuthorizationRequest request);

    /** Trades a one-time code for tokens, proving possession of the PKCE verifier. */
    CodeExchange exchange(AuthorizationCode code, PkceVerifier verifier, RedirectUri redirectUri);

    /** Gets a new access token with the refresh token. */
    Refresh refresh(RefreshToken refreshToken);

    /** Who the token belongs to (userinfo v2 {@code id} and {@code email}). */
    Identification identify(AccessToken accessToken);

    /** Revokes the grant behind a token; revoking the refresh token also ends its access tokens. */
    Revocation revoke(RefreshToken refreshToken);

    sealed interface CodeExchange {
        record Exchanged(TokenGrant grant) implements CodeExchange {
            public Exchanged {
                Objects.requireNonNull(grant, "grant");
            }
        }

        /** {@code invalid_grant}: the code was used, expired, malformed, or the verifier did not match. */
        record Rejected(String reason) implements CodeExchange {
        }
    }

    sealed interface Refresh {
        record Refreshed(TokenGrant grant) implements Refresh {
            public Refreshed {
                Objects.requireNonNull(grant, "grant");
            }
        }

        /** {@code invalid_grant}: the refresh token was revoked or expired; only consent helps. */
        record Revoked(String reason) implements Refresh {
        }

        /**
         * {@code invalid_grant} with {@code reauth related error (invalid_rapt)}: a Workspace policy wants the
         * person to sign in again. The grant is not revoked; the person goes through the authorization endpoint.
         */
        record ReauthenticationRequired(String reason) implements Refresh {
        }
    }

    sealed interface Identification {
        record Identified(UserIdentity identity) implements Identification {
            public Identified {
                Objects.requireNonNull(identity, "identity");
            }
        }

        /** The identity endpoint answered without a user id (or without an email). */
        record Anonymous() implements Identification {
        }

        /** The access token was not accepted (401). */
        record Unauthorized() implements Identification {
        }
    }

    enum Revocation {
        REVOKED,
        /** The provider says the token was already invalid: nothing left to revoke. */
        ALREADY_INVALID
    }
}
