package dev.gmailserverauth.sandbox.internal.oauth;

import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxObservation;
import dev.gmailserverauth.sandbox.internal.PublishingStatuses;
import dev.gmailserverauth.sandbox.internal.SandboxClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Authorization codes, access and refresh tokens, and who granted which client what, until when. Thread-safe.
 *
 * <p>A grant ends when the person's time-limited access ends (every token of it goes, and the next consent is a
 * first one again). A refresh token also ends on its own date: 7 days after it was issued when its client is in
 * "Testing" and it covers more than basic sign-in. The token response announces the end of time-limited access
 * (documented); the Testing end only when {@link SandboxObservation#TESTING_EXPIRY_ANNOUNCED} is played (observed).
 * Session control ({@code invalid_rapt}) applies to grants with the Cloud Platform scope (documented), or to
 * every grant with {@link SandboxObservation#SESSION_CONTROL_ON_EVERY_GRANT} (observed).
 */
public final class OAuthStore {
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    public static final int MAX_REFRESH_TOKENS_PER_GRANT = 100;
    /** Google's observed {@code refresh_token_expires_in} for a project in "Testing": 7 days less a second. */
    public static final Duration TESTING_REFRESH_TOKEN_LIFETIME = Duration.ofDays(7).minusSeconds(1);
    private static final String EXPIRED_OR_REVOKED = "Token has been expired or revoked.";

    /**
     * A code waiting for its exchange.
     *
     * @param consentShown whether the person answered the consent page (a {@code prompt=none} grant keeps the grant's end)
     * @param accessLimit  the time-limited access the person chose; empty = until they remove it
     */
    public record AuthCode(String clientId, String redirectUri, String userId, List<String> scopes,
                           boolean issueRefreshToken, Optional<String> codeChallenge, String challengeMethod, Instant expiresAt,
                           boolean consentShown, Optional<Duration> accessLimit) {}

    public record AccessToken(String clientId, String userId, List<String> scopes, Instant expiresAt) {}

    /** A grant as the account page shows it. */
    public record GrantView(String clientId, String userId, List<String> scopes, Instant since, Optional<Instant> endsAt) {}

    /**
     * @param expiresAt when it stops working
     * @param announced the end the token response states: time-limited access, and the Testing end only as observed
     */
    private record RefreshToken(String clientId, String userId, List<String> scopes, Optional<Instant> expiresAt,
                                Optional<Instant> announced) {}

    private record Grant(String clientId, String userId) {}

    private static final class GrantRecord {
        final Set<String> scopes = new LinkedHashSet<>();
        final Instant since;
        Optional<Instant> endsAt = Optional.empty();

        GrantRecord(Instant since) {
            this.since = since;
        }
    }

    /** The result of a token request: issued tokens or an OAuth error. */
    public sealed interface TokenOutcome {
        /** Takes the outcome apart: one function per case. */
        <R> R fold(Function<Issued, R> issued, Function<Failed, R> failed);

        /** @param refreshTokenExpiresIn seconds the issued refresh token has left, when it ends on a known date */
        record Issued(String userId, String accessToken, long expiresInSeconds, List<String> scopes,
                      Optional<String> refreshToken, Optional<Long> refreshTokenExpiresIn) implements TokenOutcome {
            @Override public String toString() { return "Issued[userId=" + userId + ", scopes=" + scopes + "]"; }

            @Override public <R> R fold(Function<Issued, R> issued, Function<Failed, R> failed) {
                return issued.apply(this);
            }
        }

        record Failed(int status, String error, String description) implements TokenOutcome {
            @Override public <R> R fold(Function<Issued, R> issued, Function<Failed, R> failed) {
                return failed.apply(this);
            }
        }
    }

    private final SandboxClock clock;
    private final PublishingStatuses publishing;
    private final Observations observations;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AuthCode> codes = new HashMap<>();
    private final Map<String, AccessToken> accessTokens = new HashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
    private final Map<Grant, GrantRecord> grants = new LinkedHashMap<>();
    private final Map<Grant, List<String>> refreshTokensByGrant = new HashMap<>();
    private Duration accessTokenLifetime = Duration.ofSeconds(3599);

    public OAuthStore(SandboxClock clock, PublishingStatuses publishing, Observations observations) {
        this.clock = clock;
        this.publishing = publishing;
        this.observations = observations;
    }

    public Observations observations() {
        return observations;
    }

    public synchronized void setAccessTokenLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) throw new IllegalArgumentException("lifetime must be positive");
        accessTokenLifetime = lifetime;
    }

    public synchronized Set<String> grantedScopes(String clientId, String userId) {
        endElapsedGrants();
        GrantRecord record = grants.get(new Grant(clientId, userId));
        return record == null ? Set.of() : Set.copyOf(record.scopes);
    }

    public synchronized boolean hasConsented(String clientId, String userId) {
        endElapsedGrants();
        return grants.containsKey(new Grant(clientId, userId));
    }

    /** The person's live grants, oldest first. */
    public synchronized List<GrantView> grantsOf(String userId) {
        endElapsedGrants();
        List<GrantView> out = new ArrayList<>();
        grants.forEach((g, r) -> {
            if (g.userId().equals(userId)) out.add(view(g, r));
        });
        return out;
    }

    /** Records the consent (scopes are added to earlier ones; an answered consent page sets the grant's end) and returns a new code. */
    public synchronized String issueCode(AuthCode code) {
        endElapsedGrants();
        Instant now = clock.now();
        GrantRecord record = grants.computeIfAbsent(new Grant(code.clientId(), code.userId()), g -> new GrantRecord(now));
        record.scopes.addAll(code.scopes());
        if (code.consentShown()) record.endsAt = code.accessLimit().map(limit -> now.plus(limit).minusSeconds(1));
        String value = "4/0A" + token(54);
        codes.put(value, code);
        return value;
    }

    public synchronized TokenOutcome exchangeCode(String code, String clientId, String redirectUri, Optional<String> verifier) {
        endElapsedGrants();
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
        Grant grant = new Grant(stored.clientId(), stored.userId());
        if (!grants.containsKey(grant)) return invalidGrant("Bad Request");  // the grant ended or was revoked since
        if (!stored.issueRefreshToken()) return issueAccess(grant, stored.scopes(), Optional.empty());
        return issueAccess(grant, stored.scopes(), Optional.of(newRefreshToken(grant, stored.scopes())));
    }

    /**
     * A refresh: {@code invalid_grant} for an unknown, revoked or ended token, {@code unauthorized_client} for
     * another client's token, and {@code invalid_rapt} when {@code reauthenticationDue} says so for its owner and
     * session control covers the grant.
     */
    public synchronized TokenOutcome refresh(String refreshToken, String clientId, Predicate<String> reauthenticationDue) {
        endElapsedGrants();
        RefreshToken stored = refreshTokens.get(refreshToken);
        if (stored == null) return invalidGrant(EXPIRED_OR_REVOKED);
        if (stored.expiresAt().filter(end -> !clock.now().isBefore(end)).isPresent()) {
            forgetRefreshToken(refreshToken, new Grant(stored.clientId(), stored.userId()));
            return invalidGrant(EXPIRED_OR_REVOKED);
        }
        if (!stored.clientId().equals(clientId)) return new TokenOutcome.Failed(401, "unauthorized_client", "Unauthorized");
        if (sessionControlCovers(stored.scopes()) && reauthenticationDue.test(stored.userId())) return invalidGrant("reauth related error (invalid_rapt)");
        return issueAccess(new Grant(clientId, stored.userId()), stored.scopes(), Optional.empty());
    }

    /** Documented: apps that need the Cloud Platform scope; observed: any grant. */
    private boolean sessionControlCovers(List<String> scopes) {
        return scopes.contains(OAuthScopes.CLOUD_PLATFORM) || observations.plays(SandboxObservation.SESSION_CONTROL_ON_EVERY_GRANT);
    }

    /**
     * An access token for domain-wide delegation: no consent, no grant, no refresh token (the JWT-bearer grant has
     * checked the Admin console's delegation before asking).
     */
    public synchronized TokenOutcome.Issued issueWithoutConsent(String clientId, String userId, List<String> scopes) {
        return issueAccess(new Grant(clientId, userId), scopes, Optional.empty());
    }

    /** A live (not expired, not revoked) access token. */
    public synchronized Optional<AccessToken> accessToken(String token) {
        endElapsedGrants();
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

    /** Revokes the grant of that client+user (every token of it); returns the grant as it was. */
    public synchronized Optional<GrantView> revokeGrant(String clientId, String userId) {
        endElapsedGrants();
        Grant grant = new Grant(clientId, userId);
        GrantRecord record = grants.get(grant);
        if (record == null) return Optional.empty();
        GrantView view = view(grant, record);
        revokeGrant(grant);
        return Optional.of(view);
    }

    public synchronized void revokeAllOf(String userId) {
        for (Grant g : new ArrayList<>(grants.keySet())) if (g.userId().equals(userId)) revokeGrant(g);
        accessTokens.values().removeIf(a -> a.userId().equals(userId));
        refreshTokens.values().removeIf(r -> r.userId().equals(userId));
    }

    public synchronized void expireAccessTokensOf(String userId) {
        Instant past = clock.now().minusSeconds(1);
        accessTokens.replaceAll((k, a) -> a.userId().equals(userId) ? new AccessToken(a.clientId(), a.userId(), a.scopes(), past) : a);
    }

    private void revokeGrant(Grant grant) {
        grants.remove(grant);
        refreshTokensByGrant.remove(grant);
        refreshTokens.values().removeIf(r -> r.clientId().equals(grant.clientId()) && r.userId().equals(grant.userId()));
        accessTokens.values().removeIf(a -> a.clientId().equals(grant.clientId()) && a.userId().equals(grant.userId()));
    }

    /** Time-limited access that has run out ends the whole grant, as if the person had removed the app. */
    private void endElapsedGrants() {
        Instant now = clock.now();
        List<Grant> ended = grants.entrySet().stream()
                .filter(e -> e.getValue().endsAt.filter(end -> !now.isBefore(end)).isPresent())
                .map(Map.Entry::getKey).toList();
        ended.forEach(this::revokeGrant);
    }

    private String newRefreshToken(Grant grant, List<String> scopes) {
        String value = "1//0" + token(75);
        Optional<Instant> end = refreshTokenEnd(grant, scopes);
        Optional<Instant> announced = observations.plays(SandboxObservation.TESTING_EXPIRY_ANNOUNCED) ? end : grants.get(grant).endsAt;
        refreshTokens.put(value, new RefreshToken(grant.clientId(), grant.userId(), List.copyOf(scopes), end, announced));
        List<String> ofGrant = refreshTokensByGrant.computeIfAbsent(grant, g -> new ArrayList<>());
        ofGrant.add(value);
        if (ofGrant.size() > MAX_REFRESH_TOKENS_PER_GRANT) refreshTokens.remove(ofGrant.remove(0));  // Google drops the oldest
        return value;
    }

    /** The earlier of the grant's end (time-limited access) and, for a client in Testing, 7 days. */
    private Optional<Instant> refreshTokenEnd(Grant grant, List<String> scopes) {
        Optional<Instant> grantEnd = grants.get(grant).endsAt;
        boolean beyondSignIn = scopes.stream().anyMatch(s -> !OAuthScopes.isSignIn(s));
        if (publishing.of(grant.clientId()) != SandboxClient.PublishingStatus.TESTING || !beyondSignIn) return grantEnd;
        Instant testingEnd = clock.now().plus(TESTING_REFRESH_TOKEN_LIFETIME);
        return Optional.of(grantEnd.filter(end -> end.isBefore(testingEnd)).orElse(testingEnd));
    }

    private void forgetRefreshToken(String value, Grant grant) {
        refreshTokens.remove(value);
        List<String> ofGrant = refreshTokensByGrant.get(grant);
        if (ofGrant != null) ofGrant.remove(value);
    }

    private TokenOutcome.Issued issueAccess(Grant grant, List<String> scopes, Optional<String> refresh) {
        String value = "ya29.a0" + token(120);
        Instant now = clock.now();
        accessTokens.put(value, new AccessToken(grant.clientId(), grant.userId(), List.copyOf(scopes), now.plus(accessTokenLifetime)));
        Optional<Long> refreshExpiresIn = refresh.flatMap(r -> refreshTokens.get(r).announced())
                .map(end -> secondsUntil(now, end));
        return new TokenOutcome.Issued(grant.userId(), value, accessTokenLifetime.toSeconds(), List.copyOf(scopes), refresh, refreshExpiresIn);
    }

    /** Whole seconds, rounded up: a token made a few microseconds earlier still reports its full lifetime. */
    private static long secondsUntil(Instant now, Instant end) {
        long millis = Math.max(0, Duration.between(now, end).toMillis());
        return (millis + 999) / 1000;
    }

    private static GrantView view(Grant grant, GrantRecord record) {
        return new GrantView(grant.clientId(), grant.userId(), List.copyOf(record.scopes), record.since, record.endsAt);
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
