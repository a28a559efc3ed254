package dev.gmailserverauth.sandbox.internal;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * ID tokens shaped like Google's (JWT with Google's claims). The signature is random bytes: the sandbox
 * publishes no keys, so these tokens parse but cannot be verified.
 */
public final class IdTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final SandboxClock clock;
    private final SecureRandom random = new SecureRandom();

    public IdTokens(SandboxClock clock) {
        this.clock = clock;
    }

    public String create(Account account, String clientId, List<String> scopes, String accessToken) {
        JsonObject header = new JsonObject();
        header.addProperty("alg", "RS256");
        header.addProperty("kid", "sandbox");
        header.addProperty("typ", "JWT");
        long now = clock.now().getEpochSecond();
        JsonObject claims = new JsonObject();
        claims.addProperty("iss", "https://accounts.google.com");
        claims.addProperty("azp", clientId);
        claims.addProperty("aud", clientId);
        claims.addProperty("sub", account.id());
        if (scopes.contains(OAuthScopes.EMAIL)) {
            claims.addProperty("email", account.email());
            claims.addProperty("email_verified", true);
        }
        claims.addProperty("at_hash", atHash(accessToken));
        if (scopes.contains(OAuthScopes.PROFILE)) {
            claims.addProperty("name", account.displayName());
            claims.addProperty("given_name", account.givenName());
            if (!account.familyName().isEmpty()) claims.addProperty("family_name", account.familyName());
        }
        claims.addProperty("iat", now);
        claims.addProperty("exp", now + 3600);
        byte[] signature = new byte[256];
        random.nextBytes(signature);
        return encode(ApiResponse.toJson(header)) + "." + encode(ApiResponse.toJson(claims)) + "." + B64.encodeToString(signature);
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return B64.encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing", e);
        }
    }
}
