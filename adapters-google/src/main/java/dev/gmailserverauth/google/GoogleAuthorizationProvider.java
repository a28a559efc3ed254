package dev.gmailserverauth.google;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeFlow;
import com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeRequestUrl;
import com.google.api.client.googleapis.auth.oauth2.GoogleRefreshTokenRequest;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.services.oauth2.Oauth2;
import com.google.api.services.oauth2.model.Userinfo;
import dev.gmailserverauth.domain.error.ProviderUnavailableException;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AuthorizationCode;
import dev.gmailserverauth.domain.model.AuthorizationRequest;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.PkceVerifier;
import dev.gmailserverauth.domain.model.RedirectUri;
import dev.gmailserverauth.domain.model.RefreshToken;
import dev.gmailserverauth.domain.model.Scope;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.TokenGrant;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.AuthorizationProvider;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AuthorizationProvider} on Google's OAuth 2.0 endpoints, through google-oauth-client and
 * google-api-client ({@link GoogleAuthorizationCodeFlow}, {@link GoogleRefreshTokenRequest}) and the
 * generated {@link Oauth2} client for userinfo v2.
 *
 * <p>Two pitfalls of the flow are handled here (google-api-client's source shows both): it ignores
 * {@code auth_uri}/{@code token_uri}, so both endpoints are set explicitly; and it drops PKCE
 * ({@code enablePKCE()} has no effect on the Google subclass), so {@code code_challenge} and
 * {@code code_verifier} are added by hand.
 *
 * <p>Scopes are whatever the request carries; the application asks for {@link Scopes#REQUESTED}
 * ({@code gmail.readonly} + {@code userinfo.email}). The userinfo scope rather than {@code openid email
 * profile}: the adapter identifies users with userinfo v2 ({@code id}, {@code email}), as Google's "Implementing server-side authorization" Python sample did,
 * needs no ID token, and {@code userinfo.profile} (name, picture) would ask for more than is used.
 */
public final class GoogleAuthorizationProvider implements AuthorizationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(GoogleAuthorizationProvider.class);
    /** Google's access tokens live about an hour; used only if a response omits {@code expires_in}. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(3600);

    private final GoogleAdapterConfig config;
    private final Clock clock;
    private final HttpTransport transport;
    private final JsonFactory json;
    private final HttpRequestInitializer initializer;
    private final GoogleAuthorizationCodeFlow flow;
    private final Oauth2 oauth2;
    private final Retrier retrier;
    private final Revoker revoker;

    GoogleAuthorizationProvider(GoogleAdapterConfig config, Clock clock, HttpTransport transport, JsonFactory json) {
        this.config = config;
        this.clock = clock;
        this.transport = transport;
        this.json = json;
        this.initializer = HttpSetup.initializer(config.connectTimeout(), config.readTimeout());
        this.retrier = new Retrier(config.retryPolicy(), clock, config.callListener());
        this.flow = new GoogleAuthorizationCodeFlow.Builder(transport, json, config.clientId(), config.clientSecret(),
                scopeValues(Scopes.REQUESTED))
                .setAuthorizationServerEncodedUrl(config.authorizationUrl().toString())
                .setTokenServerUrl(new GenericUrl(config.tokenUrl()))
                .setAccessType("offline")
                .setRequestInitializer(initializer)
                .build();
        this.oauth2 = new Oauth2.Builder(transport, json, initializer)
                .setRootUrl(config.userinfoRootUrl().toString())
                .setApplicationName(config.applicationName())
                .build();
        this.revoker = new Revoker(transport.createRequestFactory(initializer), json, new GenericUrl(config.revokeUrl()), retrier);
    }

    @Override
    public AuthorizationUrl authorizationUrl(AuthorizationRequest request) {
        GoogleAuthorizationCodeRequestUrl url = flow.newAuthorizationUrl()
                .setScopes(scopeValues(request.scopes()))
                .setRedirectUri(request.redirectUri().value().toString())
                .setState(request.state().value())
                .set("code_challenge", request.verifier().s256Challenge())
                .set("code_challenge_method", "S256");
        if (request.offline()) {
            url.set("include_granted_scopes", "true");
        } else {
            // Google sign-in only: no refresh token is wanted, so no access_type=offline (the flow's default) is sent.
            url.setAccessType(null);
        }
        // hd is a hint for Google's account chooser only; the callback checks the hd Google answers for the account.
        request.workspace().ifPresent(domain -> url.set("hd", domain.value()));
        request.loginHint().ifPresent(hint -> url.set("login_hint", hint.value()));
        // prompt=consent is the documented successor of approval_prompt=force; never send both.
        if (!request.prompt().isEmpty()) url.set("prompt", request.prompt());
        return new AuthorizationUrl(URI.create(url.build()));
    }

    @Override
    public CodeExchange exchange(AuthorizationCode code, PkceVerifier verifier, RedirectUri redirectUri) {
        Instant sent = clock.instant();
        // No retries: a code is single-use, so a second try after a lost answer could only fail.
        return tokenCall("code exchange", new Retrier(RetryPolicy.none(), clock, config.callListener()), () -> JsonAnswers.read(
                        flow.newTokenRequest(code.value())
                                .setRedirectUri(redirectUri.value().toString())
                                .setScopes(null) // the grant's scopes are what the consent screen granted; Google ignores scope here
                                .set("code_verifier", verifier.value()),
                        GoogleTokenResponse.class),
                response -> new CodeExchange.Exchanged(grant(response, sent)),
                refused -> {
                    if (!TokenErrors.INVALID_GRANT.equals(TokenErrors.error(refused))) return Optional.empty();
                    LOG.info("code exchange rejected: {}", TokenErrors.describe(refused));
                    return Optional.of(new CodeExchange.Rejected(TokenErrors.describe(refused)));
                });
    }

    @Override
    public Refresh refresh(RefreshToken refreshToken) {
        Instant sent = clock.instant();
        return tokenCall("token refresh", retrier, () -> JsonAnswers.read(new GoogleRefreshTokenRequest(transport, json,
                        refreshToken.value(), config.clientId(), config.clientSecret())
                        .setTokenServerUrl(new GenericUrl(config.tokenUrl()))
                        .setRequestInitializer(initializer), GoogleTokenResponse.class),
                response -> new Refresh.Refreshed(grant(response, sent)),
                refused -> {
                    if (TokenErrors.isReauthenticationRequired(refused)) {
                        LOG.info("refresh needs the person to sign in again: {}", TokenErrors.describe(refused));
                        return Optional.of(new Refresh.ReauthenticationRequired(TokenErrors.describe(refused)));
                    }
                    if (!TokenErrors.INVALID_GRANT.equals(TokenErrors.error(refused))) return Optional.empty();
                    LOG.info("refresh token rejected: {}", TokenErrors.describe(refused));
                    return Optional.of(new Refresh.Revoked(TokenErrors.describe(refused)));
                });
    }

    /**
     * One call to the token endpoint: its answer becomes {@code success}; a refusal Google explains
     * becomes the outcome {@code refusal} makes of it; any other refusal is a configuration problem and an
     * unreachable endpoint an outage, both thrown.
     */
    private <T> T tokenCall(String operation, Retrier retrier, Retrier.Attempt<GoogleTokenResponse> attempt,
            Function<GoogleTokenResponse, T> success, Function<TokenResponseException, Optional<T>> refusal) {
        try {
            return success.apply(retrier.call(operation, attempt));
        } catch (TokenResponseException e) {
            return refusal.apply(e).orElseThrow(() -> TokenErrors.other("the " + operation, e));
        } catch (IOException e) {
            throw new ProviderUnavailableException(operation + " failed: " + GoogleFailure.of(e).describe(), e);
        }
    }

    @Override
    public Identification identify(AccessToken accessToken) {
        try {
            Userinfo userinfo = retrier.call("userinfo", () -> JsonAnswers.read(BearerToken.on(oauth2.userinfo().get(), accessToken)));
            return identification(userinfo);
        } catch (HttpResponseException e) {
            GoogleFailure failure = GoogleFailure.of(e);
            return switch (failure.kind()) {
                case UNAUTHORIZED -> new Identification.Unauthorized();
                // The token works but may not read the identity (no userinfo scope): nobody to name.
                case INSUFFICIENT_SCOPE -> new Identification.Anonymous();
                case NOT_FOUND, BAD_REQUEST, CONCURRENCY, QUOTA, TRANSIENT, REFUSED ->
                        throw new ProviderUnavailableException("userinfo failed: " + failure.describe(), e);
            };
        } catch (IOException e) {
            throw new ProviderUnavailableException("userinfo failed: " + GoogleFailure.of(e).describe(), e);
        }
    }

    @Override
    public Revocation revoke(RefreshToken refreshToken) {
        return revoker.revoke(refreshToken.value());
    }

    private static Identification identification(Userinfo userinfo) {
        String id = userinfo.getId();
        String email = userinfo.getEmail();
        if (id == null || id.isBlank() || email == null || email.isBlank()) return new Identification.Anonymous();
        try {
            return new Identification.Identified(new UserIdentity(new UserId(id), new EmailAddress(email)),
                    Optional.ofNullable(userinfo.getHd()).filter(hd -> !hd.isBlank()), Boolean.TRUE.equals(userinfo.getVerifiedEmail()));
        } catch (IllegalArgumentException e) {
            LOG.warn("userinfo answered an unusable identity: {}", e.getMessage());
            return new Identification.Anonymous();
        }
    }

    private TokenGrant grant(GoogleTokenResponse response, Instant sent) {
        String accessToken = response.getAccessToken();
        if (accessToken == null || accessToken.isBlank()) {
            throw new ProviderUnavailableException("the token endpoint answered without an access_token");
        }
        Long expiresIn = response.getExpiresInSeconds();
        // Counted from when the request left: the token cannot outlive that.
        Instant expiresAt = sent.plus(expiresIn == null ? DEFAULT_LIFETIME : Duration.ofSeconds(expiresIn));
        Optional<RefreshToken> refresh = Optional.ofNullable(response.getRefreshToken()).filter(r -> !r.isBlank()).map(RefreshToken::new);
        Optional<Instant> refreshTokenExpiresAt = RefreshTokenLifetime.of(response).map(sent::plus);
        return new TokenGrant(new ExpiringAccessToken(new AccessToken(accessToken), expiresAt), refresh, Scopes.parse(response.getScope()),
                refreshTokenExpiresAt);
    }

    private static List<String> scopeValues(Scopes scopes) {
        return scopes.values().stream().map(Scope::value).sorted().toList();
    }
}
