package dev.gmailserverauth.google.pubsub;

import dev.gmailserverauth.domain.model.HttpUrls;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What the push token verifier needs: where Google's signing keys are (a JWKS), the {@code aud} a push token must
 * carry (the push subscription's audience; by default the push endpoint's URL), the {@code email} of the service
 * account the subscription signs as, time-outs, and how the key set is cached.
 *
 * @param keySetRefetchInterval the least time between two fetches of the key set (a token with an unknown key id
 *                              triggers one), so that forged key ids cannot make us hammer Google; zero: no limit
 */
public record GooglePushVerifierConfig(URI certsUrl, String audience, String serviceAccountEmail, Duration connectTimeout,
                                       Duration readTimeout, Duration keySetCacheTtl, Duration keySetRefetchInterval) {
    /** Google's OAuth 2.0 / OpenID signing keys in JWKS form (the {@code jwks_uri} of Google's discovery document). */
    public static final URI GOOGLE_CERTS = URI.create("https://www.googleapis.com/oauth2/v3/certs");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_KEY_SET_CACHE_TTL = Duration.ofMinutes(15);
    public static final Duration DEFAULT_KEY_SET_REFETCH_INTERVAL = Duration.ofSeconds(30);

    public GooglePushVerifierConfig {
        HttpUrls.requireHttp(certsUrl, "OIDC certs URL");
        if (audience == null || audience.isBlank()) throw new IllegalArgumentException("push audience is blank");
        if (serviceAccountEmail == null || !serviceAccountEmail.contains("@")) {
            throw new IllegalArgumentException("push service account is not an email address");
        }
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(readTimeout, "read timeout");
        requirePositive(keySetCacheTtl, "key set cache time-to-live");
        Objects.requireNonNull(keySetRefetchInterval, "key set refetch interval");
        if (keySetRefetchInterval.isNegative() || keySetRefetchInterval.compareTo(keySetCacheTtl) >= 0) {
            throw new IllegalArgumentException("key set refetch interval must be >= 0 and shorter than the cache time-to-live");
        }
    }

    /** Google's keys, for this audience and push service account. */
    public static GooglePushVerifierConfig forGoogle(String audience, String serviceAccountEmail) {
        return new GooglePushVerifierConfig(GOOGLE_CERTS, audience, serviceAccountEmail, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_KEY_SET_CACHE_TTL, DEFAULT_KEY_SET_REFETCH_INTERVAL);
    }

    public GooglePushVerifierConfig withCertsUrl(URI url) {
        return new GooglePushVerifierConfig(url, audience, serviceAccountEmail, connectTimeout, readTimeout, keySetCacheTtl, keySetRefetchInterval);
    }

    public GooglePushVerifierConfig withTimeouts(Duration connect, Duration read) {
        return new GooglePushVerifierConfig(certsUrl, audience, serviceAccountEmail, connect, read, keySetCacheTtl, keySetRefetchInterval);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException(name + " must be positive");
    }
}
