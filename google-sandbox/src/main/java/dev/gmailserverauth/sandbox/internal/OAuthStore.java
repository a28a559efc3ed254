package dev.gmailserverauth.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Authorization codes, access and refresh tokens, and who consented to which client. Thread-safe. */
public final class OAuthStore {
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    public static final int MAX_REFRESH_TOKENS_PER_GRANT = 100;

    public record AuthCode(String clientId, String redirectUri, String userId, List<String> scopes,
                           boolean issueRefreshToken, Optional<String> codeChallenge, String challengeMethod, Instant expiresAt) {}

    public record AccessToken(String clientId, String userId, List<String> scopes, Instant expiresAt) {}

    private record RefreshToken(String clientId, String userId, List<String> scopes) {}

    private record Grant(String clientId, String userId) {}

    /** The result of a token request: issued tokens or an OAuth error. */
    public sealed interface TokenOutcome {
        record Issued(String userId, String accessToken, long expiresInSeconds, List<String> scopes,
                      Optional<String> refreshToken) implements TokenOutcome {
            @Override public String toString() { return "Issued[userId=" + userId + ", scopes=" + scopes + "]"; }
        }

        record Failed(int status, String error, String description) implements TokenOutcome {}
    }

    private final SandboxClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AuthCode> codes = new HashMap<>();
    private final Map<String, AccessToken> accessTokens = new HashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
    private final Map<Grant, Set<String>> consents = new HashMap<>();
    private final Map<Grant, List<String>> refreshTokensByGrant = new HashMap<>();
    private Duration accessTokenLifetime = Duration.ofSeconds(3599);

    public OAuthStore(SandboxClock clock) {
        this.clock = clock;
    }

    public synchronized void setAccessTokenLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) throw new IllegalArgumentException("lifetime must be positive");
        accessTokenLifetime = lifetime;
    }

    public synchronized Set<String> grantedScopes(String clientId, String userId) {
        return Set.copyOf(consents.getOrDefault(new Grant(clientId, userId), Set.of()));
    }

    public synchronized boolean hasConsented(String clientId, String userId) {
        return consents.containsKey(new Grant(clientId, userId));
    }

    /** Records the consent (scopes are added to earlier ones) and returns a new code. */
    public synchronized String issueCode(AuthCode code) {
        consents.computeIfAbsent(new Grant(code.clientId(), code.userId()), g -> new LinkedHashSet<>()).addAll(code.scopes());
        String value = "4/0A" + token(54);
        codes.put(value, code);
        return value;
    }

    public synchronized TokenOutcome exchangeCode(String code, String clientId, String redirectUri, Optional<String> verifier) {
        AuthCode stored = codes.remove(code);  // single use: any attempt consumes it
        if (stored == null) {
            return invalidGrant(code.startsWith("4/") ? "Bad Request" : "Malformed auth code.");
        }
        if (clock.now().isAfter(stored.expiresAt()) || !stored.clientId().equals(clientId)) return invalidGrant("Bad Request");
        if (!stored.redirectUri().equals(redirectUri)) return new TokenOutcome.Failed(400, "redirect_uri_mismatch", "Bad Request");
        if (stored.codeChallenge().isPresent()) {
            if (verifier.isEmpty()) return invalidGrant("Missing code verifier.");
            if (!Pkce.matches(stored.codeChallenge().get(), stored.challengeMethod(), verifier.get())) {
                return invalidGrant("Invalid code verifier.");
            }
        }
        Optional<String> refresh = stored.issueRefreshToken()
                ? Optional.of(newRefreshToken(stored.clientId(), stored.userId(), stored.scopes()))
                : Optional.empty();
        return issueAccess(stored.clientId(), stored.userId(), stored.scopes(), refresh);
    }

    public synchronized TokenOutcome refresh(String refreshToken, String clientId) {
        RefreshToken stored = refreshTokens.get(refreshToken);
        if (stored == null) return invalidGrant("Token has been expired or revoked.");
        if (!stored.clientId().equals(clientId)) return new TokenOutcome.Failed(401, "unauthorized_client", "Unauthorized");
        return issueAccess(clientId, stored.userId(), stored.scopes(), Optional.empty());
    }

    /** A live (not expired, not revoked) access token. */
    public synchronized Optional<AccessToken> accessToken(String token) {
        AccessToken t = accessTokens.get(token);
        if (t == null || !clock.now().isBefore(t.expiresAt())) return Optional.empty();
        return Optional.of(t);
    }

    /** Revokes an access or refresh token and with it the whole grant of that client+user. */
    public synchronized boolean revoke(String token) {
        Optional<Grant> grant = Optional.ofNullable(refreshTokens.get(token)).map(r -> new Grant(r.clientId(), r.userId()))
                .or(() -> accessToken(token).map(a -> new Grant(a.clientId(), a.userId())));
        grant.ifPresent(this::revokeGrant);
        return grant.isPresent();
    }

    public synchronized void revokeAllOf(String userId) {
        for (Grant g : new ArrayList<>(consents.keySet())) if (g.userId().equals(userId)) revokeGrant(g);
        accessTokens.values().removeIf(a -> a.userId().equals(userId));
        refreshTokens.values().removeIf(r -> r.userId().equals(userId));
    }

    public synchronized void expireAccessTokensOf(String userId) {
        Instant past = clock.now().minusSeconds(1);
        accessTokens.replaceAll((k, a) -> a.userId().equals(userId) ? new AccessToken(a.clientId(), a.userId(), a.scopes(), past) : a);
    }

    private void revokeGrant(Grant grant) {
        consents.remove(grant);
        refreshTokensByGrant.remove(grant);
        refreshTokens.values().removeIf(r -> r.clientId().equals(grant.clientId()) && r.userId().equals(grant.userId()));
        accessTokens.values().removeIf(a -> a.clientId().equals(grant.clientId()) && a.userId().equals(grant.userId()));
    }

    private String newRefreshToken(String clientId, String userId, List<String> scopes) {
        String value = "1//0" + token(75);
        refreshTokens.put(value, new RefreshToken(clientId, userId, List.copyOf(scopes)));
        List<String> ofGrant = refreshTokensByGrant.computeIfAbsent(new Grant(clientId, userId), g -> new ArrayList<>());
        ofGrant.add(value);
        if (ofGrant.size() > MAX_REFRESH_TOKENS_PER_GRANT) refreshTokens.remove(ofGrant.remove(0));  // Google drops the oldest
        return value;
    }

    private TokenOutcome issueAccess(String clientId, String userId, List<String> scopes, Optional<String> refresh) {
        String value = "ya29.a0" + token(120);
        accessTokens.put(value, new AccessToken(clientId, userId, List.copyOf(scopes), clock.now().plus(accessTokenLifetime)));
        return new TokenOutcome.Issued(userId, value, accessTokenLifetime.toSeconds(), List.copyOf(scopes), refresh);
    }

    private static TokenOutcome invalidGrant(String description) {
        return new TokenOutcome.Failed(400, "invalid_grant", description);
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** RFC 7636 verification. */
    static final class Pkce {
        private Pkce() {}

        static boolean matches(String challenge, String method, String verifier) {
            if (!verifier.matches("[A-Za-z0-9\\-._~]{43,128}")) return false;
            if ("plain".equals(method)) return MessageDigest.isEqual(challenge.getBytes(StandardCharsets.US_ASCII), verifier.getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(challenge.getBytes(StandardCharsets.US_ASCII),
                    s256(verifier).getBytes(StandardCharsets.US_ASCII));
        }

        static String s256(String verifier) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 missing", e);
            }
        }
    }
}
