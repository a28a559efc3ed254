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
import java.util.Optional;
import java.util.function.Function;

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
        /** Takes this apart: runs the one function for its case. */
        <R> R fold(Function<Exchanged, R> exchanged, Function<Rejected, R> rejected);

        record Exchanged(TokenGrant grant) implements CodeExchange {
            public Exchanged {
                Objects.requireNonNull(grant, "grant");
            }

            @Override
            public <R> R fold(Function<Exchanged, R> exchanged, Function<Rejected, R> rejected) {
                return exchanged.apply(this);
            }
        }

        /** {@code invalid_grant}: the code was used, expired, malformed, or the verifier did not match. */
        record Rejected(String reason) implements CodeExchange {
            @Override
            public <R> R fold(Function<Exchanged, R> exchanged, Function<Rejected, R> rejected) {
                return rejected.apply(this);
            }
        }
    }

    sealed interface Refresh {
        /** Takes this apart: runs the one function for its case. */
        <R> R fold(Function<Refreshed, R> refreshed,
                Function<Revoked, R> revoked,
                Function<ReauthenticationRequired, R> reauthenticationRequired);

        record Refreshed(TokenGrant grant) implements Refresh {
            public Refreshed {
                Objects.requireNonNull(grant, "grant");
            }

            @Override
            public <R> R fold(Function<Refreshed, R> refreshed,
                    Function<Revoked, R> revoked,
                    Function<ReauthenticationRequired, R> reauthenticationRequired) {
                return refreshed.apply(this);
            }
        }

        /** {@code invalid_grant}: the refresh token was revoked or expired; only consent helps. */
        record Revoked(String reason) implements Refresh {
            @Override
            public <R> R fold(Function<Refreshed, R> refreshed,
                    Function<Revoked, R> revoked,
                    Function<ReauthenticationRequired, R> reauthenticationRequired) {
                return revoked.apply(this);
            }
        }

        /**
         * {@code invalid_grant} with {@code reauth related error (invalid_rapt)}: a Workspace policy wants the
         * person to sign in again. The grant is not revoked; the person goes through the authorization endpoint.
         */
        record ReauthenticationRequired(String reason) implements Refresh {
            @Override
            public <R> R fold(Function<Refreshed, R> refreshed,
                    Function<Revoked, R> revoked,
                    Function<ReauthenticationRequired, R> reauthenticationRequired) {
                return reauthenticationRequired.apply(this);
            }
        }
    }

    sealed interface Identification {
        /** Takes this apart: runs the one function for its case. */
        <R> R fold(Function<Identified, R> identified, Function<Anonymous, R> anonymous, Function<Unauthorized, R> unauthorized);

        /**
         * Who the token belongs to, with the hosted domain Google names for a Workspace account ({@code hd}, absent for
         * a consumer account) and whether Google verified the address ({@code verified_email}).
         */
        record Identified(UserIdentity identity, Optional<String> hostedDomain, boolean emailVerified) implements Identification {
            public Identified {
                Objects.requireNonNull(identity, "identity");
                Objects.requireNonNull(hostedDomain, "hostedDomain");
            }

            /** Without a hosted domain, the address not known to be verified (a consent sign-in needs neither). */
            public Identified(UserIdentity identity) {
                this(identity, Optional.empty(), false);
            }

            @Override
            public <R> R fold(Function<Identified, R> identified, Function<Anonymous, R> anonymous, Function<Unauthorized, R> unauthorized) {
                return identified.apply(this);
            }
        }

        /** The identity endpoint answered without a user id (or without an email). */
        record Anonymous() implements Identification {
            @Override
            public <R> R fold(Function<Identified, R> identified, Function<Anonymous, R> anonymous, Function<Unauthorized, R> unauthorized) {
                return anonymous.apply(this);
            }
        }

        /** The access token was not accepted (401). */
        record Unauthorized() implements Identification {
            @Override
            public <R> R fold(Function<Identified, R> identified, Function<Anonymous, R> anonymous, Function<Unauthorized, R> unauthorized) {
                return unauthorized.apply(this);
            }
        }
    }

    enum Revocation {
        REVOKED,
        /** The provider says the token was already invalid: nothing left to revoke. */
        ALREADY_INVALID
    }
}
