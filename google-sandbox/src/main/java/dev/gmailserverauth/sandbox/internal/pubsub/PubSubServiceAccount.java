package dev.gmailserverauth.sandbox.internal.pubsub;

import com.google.gson.JsonObject;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gmailserverauth.sandbox.internal.ApiRequest;
import dev.gmailserverauth.sandbox.internal.ApiResponse;
import dev.gmailserverauth.sandbox.internal.GoogleErrors;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import dev.gmailserverauth.sandbox.internal.risc.SandboxIssuer;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's one service account (the app's own, for pulling Pub/Sub) and the OAuth 2.0 JWT-bearer grant
 * (RFC 7523) of its key, as Google's token endpoint answers it for
 * <a href="https://developers.google.com/identity/protocols/oauth2/service-account">service accounts</a>: the
 * assertion is RS256 by the account's key ({@code kid} = the key file's {@code private_key_id}), {@code iss} the
 * account's address, {@code aud} Google's token URL, at most an hour between {@code iat} and {@code exp}, and a
 * {@code scope}. Minimal on purpose: Workspace delegation ({@code sub}) is not played here.
 */
public final class PubSubServiceAccount {
    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public static final String PUBSUB_SCOPE = "https://www.googleapis.com/auth/pubsub";
    public static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    /** Google: the assertion's {@code aud} "is always https://oauth2.googleapis.com/token" (the sandbox's own URL is accepted too). */
    static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3599);
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final SandboxClock clock;
    private final SandboxIssuer issuer;
    private final String email;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();
    private RSAKey key;

    /** An access token this grant handed out. */
    record Issued(String email, List<String> scopes, Instant expires) {
        boolean allowsPubSub() {
            return scopes.contains(PUBSUB_SCOPE) || scopes.contains(CLOUD_PLATFORM_SCOPE);
        }
    }

    public PubSubServiceAccount(SandboxClock clock, SandboxIssuer issuer, String project) {
        this.clock = clock;
        this.issuer = issuer;
        this.email = "gmail-sync@" + project + ".iam.gserviceaccount.com";
    }

    public String email() {
        return email;
    }

    /** The key file as the Cloud console downloads it, with the sandbox's token endpoint as {@code token_uri}. */
    public String keyFile() {
        RSAKey rsa = key();
        JsonObject o = new JsonObject();
        o.addProperty("type", "service_account");
        o.addProperty("project_id", email.substring(email.indexOf('@') + 1, email.indexOf('.')));
        o.addProperty("private_key_id", rsa.getKeyID());
        try {
            String pem = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(rsa.toPrivateKey().getEncoded());
            o.addProperty("private_key", "-----BEGIN PRIVATE KEY-----\n" + pem + "\n-----END PRIVATE KEY-----\n");
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        o.addProperty("client_email", email);
        o.addProperty("client_id", PushTokens.numericId(email));
        o.addProperty("auth_uri", issuer.oidc() + "/o/oauth2/auth");
        o.addProperty("token_uri", tokenUrl());
        return o.toString();
    }

    /** {@code POST /token} with {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}. */
    public ApiResponse token(ApiRequest request) {
        Optional<String> assertion = request.formParam("assertion");
        if (assertion.isEmpty()) return GoogleErrors.oauthError(400, "invalid_request", "Missing required parameter: assertion");
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion.get());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalidGrant("Invalid JWT: not a signed JWT.");
        }
        RSAKey rsa = key();
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !email.equals(claims.getIssuer())) {
            return invalidGrant("Invalid JWT Signature.");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa))) return invalidGrant("Invalid JWT Signature.");
        } catch (JOSEException e) {
            return invalidGrant("Invalid JWT Signature.");
        }
        Instant now = clock.now();
        if (claims.getIssueTime() == null || claims.getExpirationTime() == null
                || claims.getIssueTime().toInstant().isAfter(now.plus(SKEW))
                || !claims.getExpirationTime().toInstant().isAfter(now.minus(SKEW))
                || Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()).compareTo(Duration.ofHours(1)) > 0) {
            return invalidGrant("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. "
                    + "Check your iat and exp values in the JWT claim.");
        }
        if (claims.getAudience() == null || claims.getAudience().stream().noneMatch(a -> a.equals(GOOGLE_TOKEN_AUDIENCE) || a.equals(tokenUrl()))) {
            return invalidGrant("Invalid JWT: Failed audience check. The right audience is " + GOOGLE_TOKEN_AUDIENCE);
        }
        Object scope = claims.getClaim("scope");
        if (!(scope instanceof String scopes) || scopes.isBlank()) {
            return GoogleErrors.oauthError(400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.");
        }
        String accessToken = "ya29.c." + HexFormat.of().formatHex(bytes(32));
        tokens.put(accessToken, new Issued(email, Arrays.asList(scopes.trim().split("\\s+")), now.plus(TOKEN_LIFETIME)));
        JsonObject body = new JsonObject();
        body.addProperty("access_token", accessToken);
        body.addProperty("expires_in", TOKEN_LIFETIME.toSeconds());
        body.addProperty("token_type", "Bearer");
        return ApiResponse.json(200, body).withHeader("Cache-Control", "no-store");
    }

    /** The grant behind a bearer token, if this grant issued it and it has not expired. */
    Optional<Issued> accessToken(String token) {
        return Optional.ofNullable(tokens.get(token)).filter(i -> i.expires().isAfter(clock.now()));
    }

    private String tokenUrl() {
        return issuer.oidc() + "/token";
    }

    private synchronized RSAKey key() {
        if (key == null) {
            try {
                key = new RSAKeyGenerator(2048).keyID(HexFormat.of().formatHex(bytes(20))).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException("RSA key generation failed", e);
            }
        }
        return key;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static ApiResponse invalidGrant(String description) {
        return GoogleErrors.oauthError(400, "invalid_grant", description);
    }
}
