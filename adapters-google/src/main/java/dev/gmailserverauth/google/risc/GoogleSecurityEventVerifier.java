package dev.gmailserverauth.google.risc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gmailserverauth.domain.model.HttpUrls;
import dev.gmailserverauth.domain.model.SecurityEvent;
import dev.gmailserverauth.domain.model.SecurityEventId;
import dev.gmailserverauth.domain.model.SecurityEventToken;
import dev.gmailserverauth.domain.port.SecurityEventVerifier;
import java.io.IOException;
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
 * {@link SecurityEventVerifier} for Google's Cross-Account Protection (RISC) tokens, on nimbus-jose-jwt.
 *
 * <p>What is checked, in this order (Google's "Protect user accounts with Cross-Account Protection",
 * RFC 8417): a compact JWS signed with RS256 ({@code typ}, when present, {@code secevent+jwt} or {@code JWT});
 * a key of the issuer's key set with the header's {@code kid} verifies the signature; {@code iss} is the
 * issuer as its configuration document spells it (which must be the configured one, give or take a trailing slash); {@code aud} names our client id; {@code iat} and {@code jti} are present; {@code exp},
 * which SETs do not carry, is only checked when present. Each failure maps to an RFC 8935 error code.
 *
 * <p>Keys: the key set's URL comes from the issuer's {@code risc-configuration}, read once (and again after
 * a failure). {@link IssuerKeys} caches the set for {@link RiscConfig#keySetCacheTtl()} and fetches it again
 * for a token naming an unknown {@code kid} (a key rotation) at most once per
 * {@link RiscConfig#keySetRefetchInterval()}; a token it cannot decide now is {@link Verification.Unavailable},
 * so that it is delivered again rather than refused.
 */
public final class GoogleSecurityEventVerifier implements SecurityEventVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(GoogleSecurityEventVerifier.class);
    /** Google's tokens are around a kilobyte; anything this long is not one. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<JOSEObjectType> ACCEPTED_TYPES =
            Set.of(new JOSEObjectType("secevent+jwt"), new JOSEObjectType("application/secevent+jwt"), JOSEObjectType.JWT);

    private final RiscConfig config;
    private final Clock clock;
    private final ResourceRetriever retriever;
    private volatile Trusted trusted;
    /** Guarded by {@code this}. */
    private Optional<ConfigurationFailure> lastFailure = Optional.empty();

    private GoogleSecurityEventVerifier(RiscConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.retriever = new DefaultResourceRetriever(millis(config.connectTimeout()), millis(config.readTimeout()), MAX_DOCUMENT_BYTES);
    }

    /** A verifier for the configured issuer; nothing is fetched until the first token arrives. */
    public static GoogleSecurityEventVerifier create(RiscConfig config, Clock clock) {
        return new GoogleSecurityEventVerifier(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Verification verify(String token) {
        if (token == null || token.isBlank()) return invalidRequest("the body is empty: expected a security event token");
        if (token.length() > MAX_TOKEN_LENGTH) return invalidRequest("the token is longer than " + MAX_TOKEN_LENGTH + " characters");
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token.strip());
        } catch (ParseException e) {
            return invalidRequest("not a signed JWT (compact JWS): " + e.getMessage());
        }
        Optional<Verification> badHeader = checkHeader(jwt.getHeader());
        if (badHeader.isPresent()) return badHeader.get();
        Trusted trusted;
        try {
            trusted = trusted();
        } catch (MisconfiguredIssuer e) {
            LOG.error("RISC receiver misconfigured, every security event is deferred until it is fixed: {}", e.getMessage());
            return new Verification.Unavailable(e.getMessage(), config.keySetRefetchInterval());
        } catch (IOException e) {
            LOG.warn("the configuration of RISC issuer {} could not be read: {}", config.issuer(), e.getMessage());
            return new Verification.Unavailable("the issuer's configuration could not be fetched; try again later",
                    config.keySetRefetchInterval());
        }
        Optional<Verification> badSignature = checkSignature(jwt, trusted.keys());
        if (badSignature.isPresent()) return badSignature.get();
        try {
            return checkClaims(jwt.getJWTClaimsSet(), trusted.issuer());
        } catch (ParseException e) {
            return invalidRequest("the claims are not a JSON object: " + e.getMessage());
        }
    }

    private Optional<Verification> checkHeader(JWSHeader header) {
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return Optional.of(rejected(Error.INVALID_REQUEST, "signed with " + header.getAlgorithm() + ", expected RS256"));
        }
        if (header.getType() != null && ACCEPTED_TYPES.stream().noneMatch(t -> t.toString().equalsIgnoreCase(header.getType().toString()))) {
            return Optional.of(rejected(Error.INVALID_REQUEST, "typ is " + header.getType() + ", expected secevent+jwt"));
        }
        return Optional.empty();
    }

    private Optional<Verification> checkSignature(SignedJWT jwt, IssuerKeys keys) {
        String kid = jwt.getHeader().getKeyID();
        IssuerKeys.Lookup lookup;
        try {
            lookup = keys.find(jwt.getHeader());
        } catch (KeySourceException e) {
            LOG.warn("the key set of RISC issuer {} could not be had: {}", config.issuer(), e.getMessage());
            return Optional.of(new Verification.Unavailable("the issuer's key set could not be fetched to check key id " + kid
                    + "; try again later", config.keySetRefetchInterval()));
        }
        return lookup.fold(
                found -> verifiesWithOneOf(jwt, found.keys()) ? Optional.empty()
                        : Optional.of(rejected(Error.INVALID_KEY, "the signature does not verify with key id " + kid)),
                absent -> Optional.of(rejected(Error.INVALID_KEY, absent.description())),
                later -> Optional.of(new Verification.Unavailable(later.description(), positive(later.retryAfter()))));
    }

    private static boolean verifiesWithOneOf(SignedJWT jwt, List<JWK> candidates) {
        for (JWK candidate : candidates) {
            try {
                if (candidate instanceof RSAKey rsa && jwt.verify(new RSASSAVerifier(rsa))) return true;
            } catch (JOSEException e) {
                LOG.debug("key {} cannot check the signature: {}", candidate.getKeyID(), e.getMessage());
            }
        }
        return false;
    }

    private Verification checkClaims(JWTClaimsSet claims, String issuer) throws ParseException {
        if (!issuer.equals(claims.getIssuer())) {
            return rejected(Error.INVALID_ISSUER, "iss is " + claims.getIssuer() + ", expected " + issuer);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(config.audience())) {
            return rejected(Error.INVALID_AUDIENCE, "aud " + claims.getAudience() + " does not name this application's client id");
        }
        if (claims.getIssueTime() == null) return invalidRequest("the token has no iat");
        Instant issuedAt = claims.getIssueTime().toInstant();
        Instant now = clock.instant();
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) return invalidRequest("iat is in the future");
        if (claims.getExpirationTime() != null && !now.minus(CLOCK_SKEW).isBefore(claims.getExpirationTime().toInstant())) {
            return invalidRequest("the token has expired (exp)");
        }
        SecurityEventId id;
        try {
            id = new SecurityEventId(Optional.ofNullable(claims.getJWTID()).orElse(""));
        } catch (IllegalArgumentException e) {
            return invalidRequest("jti: " + e.getMessage());
        }
        try {
            List<SecurityEvent> events = SecurityEventClaims.events(claims.getJSONObjectClaim("events"));
            return new Verification.Verified(new SecurityEventToken(id, issuedAt, events));
        } catch (SecurityEventClaims.MalformedEvent e) {
            return invalidRequest(e.getMessage());
        }
    }

    /** The issuer as its configuration document spells it, and its keys. */
    private record Trusted(String issuer, IssuerKeys keys) {
    }

    /** Why the configuration document could not be used, and when it is worth reading again. */
    private record ConfigurationFailure(boolean misconfigured, String message, Instant retryAt) {
    }

    /** The configuration document names another issuer than the one configured: nothing can be trusted. */
    static final class MisconfiguredIssuer extends Exception {
        MisconfiguredIssuer(String message) {
            super(message);
        }
    }

    /**
     * The issuer and its keys, read from its configuration document on first use (and again after a failure). The
     * document's {@code issuer} must be the configured one, give or take a trailing slash; from then on its spelling
     * is the one every token's {@code iss} must carry.
     */
    private Trusted trusted() throws IOException, MisconfiguredIssuer {
        Trusted known = trusted;
        if (known != null) return known;
        synchronized (this) {
            if (trusted != null) return trusted;
            Instant now = clock.instant();
            if (lastFailure.isPresent() && now.isBefore(lastFailure.get().retryAt())) {
                // Not read again for every token: forged ones must not make us fetch the document over and over.
                ConfigurationFailure failure = lastFailure.get();
                String message = failure.message() + " (read again after " + failure.retryAt() + ")";
                if (failure.misconfigured()) throw new MisconfiguredIssuer(message);
                throw new IOException(message);
            }
            try {
                RiscDiscovery.Document document = RiscDiscovery.fetch(retriever, config.discoveryUrl());
                if (!sameIssuer(config.issuer().toString(), document.issuer())) {
                    throw new MisconfiguredIssuer(config.discoveryUrl() + " names issuer " + document.issuer()
                            + ", not the configured " + config.issuer() + " (GOOGLE_RISC_ISSUER)");
                }
                trusted = new Trusted(document.issuer(), IssuerKeys.at(document.jwksUri(), retriever, clock, config.keySetCacheTtl(),
                        config.keySetRefetchInterval(), config.readTimeout()));
                lastFailure = Optional.empty();
                LOG.info("RISC issuer {}: key set at {}", document.issuer(), document.jwksUri());
                return trusted;
            } catch (MisconfiguredIssuer e) {
                lastFailure = Optional.of(new ConfigurationFailure(true, e.getMessage(), now.plus(config.keySetRefetchInterval())));
                throw e;
            } catch (IOException e) {
                lastFailure = Optional.of(new ConfigurationFailure(false, e.getMessage(), now.plus(config.keySetRefetchInterval())));
                throw e;
            }
        }
    }

    /** Two spellings of one issuer: equal once a trailing slash is set aside ({@code https://accounts.google.com/}). */
    static boolean sameIssuer(String configured, String published) {
        return HttpUrls.withoutTrailingSlash(configured).equals(HttpUrls.withoutTrailingSlash(published));
    }

    /** Retry-After is at least a second. */
    private static Duration positive(Duration retryAfter) {
        return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }

    private static Verification.Rejected invalidRequest(String description) {
        return rejected(Error.INVALID_REQUEST, description);
    }

    private static Verification.Rejected rejected(Error error, String description) {
        return new Verification.Rejected(error, description);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
