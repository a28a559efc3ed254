package dev.gmailserverauth.google.pubsub;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.gmailserverauth.domain.model.PushVerification;
import dev.gmailserverauth.domain.model.PushVerification.Reason;
import dev.gmailserverauth.domain.port.PushTokenVerifier;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PushTokenVerifier} for the OIDC token Pub/Sub puts on every authenticated push
 * (https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions), on nimbus-jose-jwt.
 *
 * <p>Checked in this order, each failure its own {@link Reason}: a compact JWS signed with RS256 (an unsigned or
 * otherwise signed token is a bad signature); its {@code kid} is in Google's key set (fetched from the configured
 * certs URL, cached, fetched again for an unknown {@code kid} at most once per refetch interval); the signature
 * verifies; {@code iss} is {@code https://accounts.google.com} or {@code accounts.google.com}; {@code exp} is not
 * past (with {@link #CLOCK_SKEW}); {@code aud} is the configured audience; {@code email} is the configured push
 * service account; {@code email_verified} is {@code true}. The key set unreachable is {@link PushVerification.KeysUnavailable}.
 */
public final class GooglePushTokenVerifier implements PushTokenVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(GooglePushTokenVerifier.class);
    /** Google's ID tokens are about a kilobyte; anything this long is not one. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    static final Set<String> ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");
    private static final int MAX_KEY_SET_BYTES = 64 * 1024;

    private final GooglePushVerifierConfig config;
    private final Clock clock;
    private final JWKSource<SecurityContext> keys;

    private GooglePushTokenVerifier(GooglePushVerifierConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(millis(config.connectTimeout()), millis(config.readTimeout()),
                MAX_KEY_SET_BYTES);
        JWKSourceBuilder<SecurityContext> builder;
        try {
            builder = JWKSourceBuilder.<SecurityContext>create(config.certsUrl().toURL(), retriever)
                    .cache(config.keySetCacheTtl().toMillis(), millis(config.readTimeout()))
                    .refreshAheadCache(false)
                    .retrying(false);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("OIDC certs URL is not a URL: " + config.certsUrl(), e);
        }
        this.keys = config.keySetRefetchInterval().isZero() ? builder.rateLimited(false).build()
                : builder.rateLimited(config.keySetRefetchInterval().toMillis()).build();
    }

    /** A verifier for this audience and service account; nothing is fetched until the first token arrives. */
    public static GooglePushTokenVerifier create(GooglePushVerifierConfig config, Clock clock) {
        return new GooglePushTokenVerifier(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public PushVerification verify(Optional<String> bearerToken) {
        Optional<String> token = bearerToken.map(String::strip).filter(t -> !t.isEmpty());
        if (token.isEmpty()) return refused(Reason.MISSING);
        if (token.get().length() > MAX_TOKEN_LENGTH) return refused(Reason.MALFORMED);
        JWT jwt;
        try {
            jwt = JWTParser.parse(token.get());
        } catch (ParseException e) {
            return refused(Reason.MALFORMED);
        }
        if (!(jwt instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            return refused(Reason.BAD_SIGNATURE);
        }
        return checkSignature(signed).orElseGet(() -> {
            try {
                return checkClaims(signed.getJWTClaimsSet());
            } catch (ParseException e) {
                return refused(Reason.MALFORMED);
            }
        });
    }

    private Optional<PushVerification> checkSignature(SignedJWT jwt) {
        List<JWK> candidates;
        try {
            candidates = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), null);
        } catch (RateLimitReachedException e) {
            return Optional.of(refused(Reason.UNKNOWN_KEY));
        } catch (KeySourceException e) {
            LOG.warn("Google's signing keys could not be fetched from {}: {}", config.certsUrl(), e.getMessage());
            return Optional.of(new PushVerification.KeysUnavailable());
        }
        if (candidates.isEmpty()) return Optional.of(refused(Reason.UNKNOWN_KEY));
        for (JWK candidate : candidates) {
            try {
                if (candidate instanceof RSAKey rsa && jwt.verify(new RSASSAVerifier(rsa))) return Optional.empty();
            } catch (JOSEException e) {
                LOG.debug("key {} cannot check the signature: {}", candidate.getKeyID(), e.getMessage());
            }
        }
        return Optional.of(refused(Reason.BAD_SIGNATURE));
    }

    private PushVerification checkClaims(JWTClaimsSet claims) throws ParseException {
        if (claims.getIssuer() == null || !ISSUERS.contains(claims.getIssuer())) return refused(Reason.WRONG_ISSUER);
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || !now.minus(CLOCK_SKEW).isBefore(claims.getExpirationTime().toInstant())) {
            return refused(Reason.EXPIRED);
        }
        if (claims.getIssueTime() != null && claims.getIssueTime().toInstant().isAfter(now.plus(CLOCK_SKEW))) return refused(Reason.MALFORMED);
        if (claims.getAudience() == null || claims.getAudience().size() != 1 || !config.audience().equals(claims.getAudience().get(0))) {
            return refused(Reason.WRONG_AUDIENCE);
        }
        if (!config.serviceAccountEmail().equals(claims.getStringClaim("email"))) return refused(Reason.WRONG_EMAIL);
        if (!Boolean.TRUE.equals(claims.getBooleanClaim("email_verified"))) return refused(Reason.EMAIL_NOT_VERIFIED);
        return new PushVerification.Verified();
    }

    private static PushVerification refused(Reason reason) {
        return new PushVerification.Refused(reason);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
