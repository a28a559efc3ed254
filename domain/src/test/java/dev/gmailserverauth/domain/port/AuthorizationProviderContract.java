package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.QueryString;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationCode;
import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.PkceVerifier;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.Scope;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.TokenGrant;
import dev.gmailserverauth.domain.port.AuthorizationProvider.CodeExchange;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Identification;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Refresh;
import dev.gmailserverauth.domain.port.AuthorizationProvider.Revocation;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuthorizationProvider} must do. Each test starts its own authorization, so an
 * adapter may share one provider across tests; but {@link #account()} must be a fresh account for each
 * test instance (JUnit makes one per test), because with {@code include_granted_scopes=true} a grant
 * covers every scope that account granted earlier.
 */
public abstract class AuthorizationProviderContract {

    protected abstract AuthorizationProvider provider();

    /** A redirect URI the provider has registered for this client. */
    protected abstract RedirectUri redirectUri();

    /** The account that {@link #consent} signs in as. */
    protected abstract EmailAddress account();

    /**
     * Plays the person on the consent screen for the URL: signs in as {@link #account()}, grants the
     * sign-in scopes and, when {@code grantGmail}, the Gmail scope; returns the code of the redirect back.
     */
    protected abstract AuthorizationCode consent(AuthorizationUrl url, AuthorizationState state, boolean grantGmail);

    private record Started(AuthorizationRequest request, AuthorizationUrl url) {
    }

    private Started start(boolean forceConsent) {
        AuthorizationRequest request = new AuthorizationRequest(AuthorizationState.random(), PkceVerifier.random(), redirectUri(),
                Scopes.REQUESTED, Optional.of(account()), forceConsent);
        return new Started(request, provider().authorizationUrl(request));
    }

    private TokenGrant authorize(boolean forceConsent, boolean grantGmail) {
        Started started = start(forceConsent);
        AuthorizationCode code = consent(started.url(), started.request().state(), grantGmail);
        CodeExchange exchange = provider().exchange(code, started.request().verifier(), redirectUri());
        assertThat(exchange).isInstanceOf(CodeExchange.Exchanged.class);
        return ((CodeExchange.Exchanged) exchange).grant();
    }

    @Test
    void authorizationUrlAsksForOfflineAccessWithPkceStateAndScopes() {
        Started started = start(false);
        QueryString query = QueryString.of(started.url().value());
        assertThat(query.require("response_type")).isEqualTo("code");
        assertThat(query.require("access_type")).isEqualTo("offline");
        assertThat(query.require("include_granted_scopes")).isEqualTo("true");
        assertThat(query.require("state")).isEqualTo(started.request().state().value());
        assertThat(query.require("code_challenge")).isEqualTo(started.request().verifier().s256Challenge());
        assertThat(query.require("code_challenge_method")).isEqualTo("S256");
        assertThat(query.require("redirect_uri")).isEqualTo(redirectUri().value().toString());
        assertThat(Scopes.parse(query.require("scope")).includes(Scope.GMAIL_READONLY)).isTrue();
        assertThat(query.require("login_hint")).isEqualTo(account().value());
        assertThat(query.get("prompt")).isEmpty();
        assertThat(query.get("approval_prompt")).isEmpty();
    }

    @Test
    void forcedConsentAddsPromptConsent() {
        assertThat(QueryString.of(start(true).url().value()).get("prompt")).contains("consent");
    }

    @Test
    void forcedConsentIssuesARefreshTokenWithTheGmailScope() {
        TokenGrant grant = authorize(true, true);
        assertThat(grant.refreshToken()).isPresent();
        assertThat(grant.grantedScopes().grantsGmailRead()).isTrue();
        assertThat(grant.accessToken().expiresAt()).isAfter(Instant.now().plusSeconds(60));
    }

    @Test
    void repeatedConsentWithoutPromptIssuesNoRefreshToken() {
        authorize(true, true);
        assertThat(authorize(false, true).refreshToken()).isEmpty();
    }

    @Test
    void aCodeCanBeExchangedOnlyOnce() {
        Started started = start(true);
        AuthorizationCode code = consent(started.url(), started.request().state(), true);
        assertThat(provider().exchange(code, started.request().verifier(), redirectUri())).isInstanceOf(CodeExchange.Exchanged.class);
        assertThat(provider().exchange(code, started.request().verifier(), redirectUri())).isInstanceOf(CodeExchange.Rejected.class);
    }

    @Test
    void aWrongPkceVerifierIsRejected() {
        Started started = start(true);
        AuthorizationCode code = consent(started.url(), started.request().state(), true);
        assertThat(provider().exchange(code, PkceVerifier.random(), redirectUri())).isInstanceOf(CodeExchange.Rejected.class);
    }

    @Test
    void consentWithoutTheGmailScopeGrantsNoGmailRead() {
        assertThat(authorize(true, false).grantedScopes().grantsGmailRead()).isFalse();
    }

    @Test
    void identifyNamesTheAccountBehindTheToken() {
        TokenGrant grant = authorize(true, true);
        Identification identification = provider().identify(grant.accessToken().token());
        assertThat(identification).isInstanceOf(Identification.Identified.class);
        assertThat(((Identification.Identified) identification).identity().email()).isEqualTo(account());
    }

    @Test
    void identifyWithAnUnknownTokenIsUnauthorized() {
        assertThat(provider().identify(new AccessToken("ya29.never-issued"))).isInstanceOf(Identification.Unauthorized.class);
    }

    @Test
    void refreshGivesANewWorkingAccessToken() {
        TokenGrant grant = authorize(true, true);
        Refresh refresh = provider().refresh(grant.refreshToken().orElseThrow());
        assertThat(refresh).isInstanceOf(Refresh.Refreshed.class);
        TokenGrant refreshed = ((Refresh.Refreshed) refresh).grant();
        assertThat(refreshed.accessToken().token()).isNotEqualTo(grant.accessToken().token());
        assertThat(provider().identify(refreshed.accessToken().token())).isInstanceOf(Identification.Identified.class);
    }

    @Test
    void afterRevocationRefreshIsRevokedAndTheAccessTokenStopsWorking() {
        TokenGrant grant = authorize(true, true);
        assertThat(provider().revoke(grant.refreshToken().orElseThrow())).isEqualTo(Revocation.REVOKED);
        assertThat(provider().refresh(grant.refreshToken().orElseThrow())).isInstanceOf(Refresh.Revoked.class);
        assertThat(provider().identify(grant.accessToken().token())).isInstanceOf(Identification.Unauthorized.class);
        assertThat(provider().revoke(grant.refreshToken().orElseThrow())).isEqualTo(Revocation.ALREADY_INVALID);
    }
}
