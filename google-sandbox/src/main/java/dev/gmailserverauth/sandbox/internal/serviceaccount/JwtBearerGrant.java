package dev.gmailserverauth.sandbox.internal.serviceaccount;

import com.google.gson.JsonObject;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gmailserverauth.sandbox.internal.Account;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.oauth.OAuthStore;
import dev.gmailserverauth.sandbox.internal.SandboxState;
import dev.gmailserverauth.sandbox.internal.directory.WorkspaceDirectory;
import dev.gmailserverauth.sandbox.internal.directory.WorkspaceUser;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JWT-bearer grant of {@code POST /token} (RFC 7523), as Google's token endpoint plays it for service accounts
 * (<a href="https://developers.google.com/identity/protocols/oauth2/service-account">server-to-server</a>): the
 * assertion is verified (RS256 against the service account's current key, {@code iss}, {@code aud}, {@code iat} and
 * {@code exp}, {@code scope}) and {@code sub} is honoured only for a user of the demo domain whose Admin console has
 * delegated the service account's client ID for every requested scope. Each refusal carries Google's error body.
 */
public final class JwtBearerGrant {
    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    static final String GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
    /** Google refuses an assertion whose {@code exp} is more than 65 minutes after its {@code iat}. */
    static final Duration MAX_ASSERTION_LIFETIME = Duration.ofSeconds(3900);
    /** How far ahead of the sandbox's clock an {@code iat} may be (the caller's clock runs a little fast). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final String NOT_AUTHORIZED_FOR_SCOPES = "Client is unauthorized to retrieve access tokens using this method, "
            + "or client not authorized for any of the scopes requested.";
    static final String NOT_YET_PROPAGATED = "Unauthorized client or scope in request.";
    static final String INVALID_SIGNATURE = "Invalid JWT Signature.";
    static final String BAD_TIMEFRAME = "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. "
            + "Check your 'iat' and 'exp' values and use a clock with skew to account for clock differences between systems.";
    static final String UNKNOWN_USER = "Invalid email or User ID";
    static final String INVALID_SCOPE = "Invalid OAuth scope or ID token audience provided.";
    private static final Logger LOG = LoggerFactory.getLogger(JwtBearerGrant.class);

    private final SandboxState state;
    private final WorkspaceDelegation delegation;
    private final SecureRandom random = new SecureRandom();

    public JwtBearerGrant(SandboxState state, WorkspaceDelegation delegation) {
        this.state = state;
        this.delegation = delegation;
    }

    public ApiResponse token(ApiRequest request) {
        Optional<String> assertion = request.formParam("assertion");
        if (assertion.isEmpty()) return GoogleErrors.oauthError(400, "invalid_request", "Missing required parameter: assertion");
        ApiResponse response = verify(request, assertion.get());
        if (response.status() != 200) LOG.debug("JWT-bearer grant refused: {}", response.bodyText());
        return response;
    }

    private ApiResponse verify(ApiRequest request, String assertion) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalidGrant(INVALID_SIGNATURE);
        }
        DemoServiceAccount account = delegation.serviceAccount();
        if (!account.clientEmail().equals(claims.getIssuer())) return invalidGrant("Invalid JWT: No valid verifier found for issuer.");
        if (!signedBy(jwt, account)) return invalidGrant(INVALID_SIGNATURE);
        if (account.disabled()) return GoogleErrors.oauthError(400, "disabled_client", "The OAuth client was disabled.");
        if (!audienceAccepted(request, claims.getAudience())) return invalidGrant("Invalid JWT: Failed audience check.");
        if (!inTimeframe(claims.getIssueTime(), claims.getExpirationTime())) return invalidGrant(BAD_TIMEFRAME);
        List<String> scopes = scopes(claims);
        if (scopes.isEmpty() || scopes.stream().anyMatch(s -> s.contains(",") || !s.startsWith("https://"))) {
            return GoogleErrors.oauthError(400, "invalid_scope", INVALID_SCOPE);
        }
        Optional<String> subject = Optional.ofNullable(claims.getSubject());
        if (subject.isEmpty()) return serviceAccountToken(scopes);
        return impersonate(account, subject.get(), scopes);
    }

    private ApiResponse impersonate(DemoServiceAccount account, String subject, List<String> scopes) {
        if (!subject.matches("[^@\\s]+@[^@\\s]+")) return invalidGrant("Not a valid email");
        if (!WorkspaceDirectory.inDomain(subject)) return unauthorizedClient(NOT_YET_PROPAGATED);
        Optional<WorkspaceDelegation.Entry> entry = delegation.entry(account.clientId());
        if (entry.isEmpty() || !entry.get().scopes().containsAll(scopes)) return unauthorizedClient(NOT_AUTHORIZED_FOR_SCOPES);
        if (state.clock().now().isBefore(entry.get().effectiveAt())) return unauthorizedClient(NOT_YET_PROPAGATED);
        Optional<WorkspaceUser> user = delegation.directory().byEmail(subject);
        // Google's answer for a suspended user is not documented; the sandbox answers as for an unknown one.
        if (user.isEmpty() || user.get().suspended()) return invalidGrant(UNKNOWN_USER);
        Optional<Account> mailboxOwner = state.accounts().byEmail(user.get().primaryEmail());
        if (mailboxOwner.isEmpty()) return invalidGrant(UNKNOWN_USER);
        OAuthStore.TokenOutcome.Issued issued = state.oauth().issueWithoutConsent(account.clientId(), mailboxOwner.get().id(), scopes);
        return issued(issued.accessToken(), issued.expiresInSeconds(), scopes);
    }

    /** No {@code sub}: a token for the service account itself, which has no mailbox. */
    private ApiResponse serviceAccountToken(List<String> scopes) {
        byte[] bytes = new byte[90];
        random.nextBytes(bytes);
        String token = "ya29.c." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long lifetime = 3599;
        delegation.rememberServiceAccountToken(token, state.clock().now().plusSeconds(lifetime));
        return issued(token, lifetime, scopes);
    }

    private static ApiResponse issued(String token, long expiresIn, List<String> scopes) {
        JsonObject body = new JsonObject();
        body.addProperty("access_token", token);
        body.addProperty("expires_in", expiresIn);
        body.addProperty("scope", String.join(" ", scopes));
        body.addProperty("token_type", "Bearer");
        return ApiResponse.json(200, body);
    }

    private static boolean signedBy(SignedJWT jwt, DemoServiceAccount account) {
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) return false;
        String kid = jwt.getHeader().getKeyID();
        if (kid != null && !kid.equals(account.privateKeyId())) return false;
        try {
            return jwt.verify(new RSASSAVerifier(account.publicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    private boolean audienceAccepted(ApiRequest request, List<String> audience) {
        Set<String> accepted = request.header("Host").map(host -> "http://" + host + "/token").map(own ->
                delegation.googleAudienceAccepted() ? Set.of(own, GOOGLE_TOKEN_URL) : Set.of(own))
                .orElse(delegation.googleAudienceAccepted() ? Set.of(GOOGLE_TOKEN_URL) : Set.of());
        return audience.size() == 1 && accepted.contains(audience.get(0));
    }

    private boolean inTimeframe(Date issued, Date expires) {
        if (issued == null || expires == null) return false;
        Instant iat = issued.toInstant();
        Instant exp = expires.toInstant();
        Instant now = state.clock().now();
        return !exp.isBefore(iat) && Duration.between(iat, exp).compareTo(MAX_ASSERTION_LIFETIME) <= 0
                && !iat.isAfter(now.plus(CLOCK_SKEW)) && exp.isAfter(now);
    }

    private static List<String> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope");
        if (!(scope instanceof String text) || text.isBlank()) return List.of();
        return Arrays.stream(text.trim().split(" +")).toList();
    }

    private static ApiResponse invalidGrant(String description) {
        return GoogleErrors.oauthError(400, "invalid_grant", description);
    }

    private static ApiResponse unauthorizedClient(String description) {
        return GoogleErrors.oauthError(401, "unauthorized_client", description);
    }
}
