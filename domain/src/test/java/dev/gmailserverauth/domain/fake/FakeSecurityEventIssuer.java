package dev.gmailserverauth.domain.fake;

import dev.gmailserverauth.domain.model.SecurityEvent;
import dev.gmailserverauth.domain.model.SecurityEventId;
import dev.gmailserverauth.domain.model.SecurityEventToken;
import dev.gmailserverauth.domain.port.SecurityEventVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for Google's RISC transmitter in use-case tests: "signs" events into opaque tokens, and its
 * {@link #verifier()} accepts exactly the tokens it signed. Any other string is rejected as a bad key,
 * and {@link #spoiled} makes tokens the verifier rejects for a chosen reason.
 */
public final class FakeSecurityEventIssuer {
    private final Clock clock;
    private final Map<String, SecurityEventVerifier.Verification> issued = new ConcurrentHashMap<>();
    private final Map<String, RuntimeException> failures = new ConcurrentHashMap<>();

    public FakeSecurityEventIssuer(Clock clock) {
        this.clock = clock;
    }

    /** A token with a fresh {@code jti}, issued now. */
    public String sign(SecurityEvent... events) {
        return sign(new SecurityEventId(UUID.randomUUID().toString()), clock.instant(), events);
    }

    public String sign(SecurityEventId id, Instant issuedAt, SecurityEvent... events) {
        String token = "set." + UUID.randomUUID();
        issued.put(token, new SecurityEventVerifier.Verification.Verified(new SecurityEventToken(id, issuedAt, List.of(events))));
        return token;
    }

    /** A token the verifier rejects with this error, as a wrongly signed or addressed one would be. */
    public String spoiled(SecurityEventVerifier.Error error, String description) {
        String token = "spoiled." + UUID.randomUUID();
        issued.put(token, new SecurityEventVerifier.Verification.Rejected(error, description));
        return token;
    }

    /** A token the verifier can decide nothing about now, as when the issuer's key set is out of reach. */
    public String undecidable(String description, Duration retryAfter) {
        String token = "undecidable." + UUID.randomUUID();
        issued.put(token, new SecurityEventVerifier.Verification.Unavailable(description, retryAfter));
        return token;
    }

    /** A token whose handling fails with this exception, as when a store is down while it is handled. */
    public String failing(RuntimeException failure) {
        String token = "failing." + UUID.randomUUID();
        failures.put(token, failure);
        return token;
    }

    public SecurityEventVerifier verifier() {
        return token -> {
            RuntimeException failure = failures.get(token);
            if (failure != null) throw failure;
            return issued.getOrDefault(token,
                    new SecurityEventVerifier.Verification.Rejected(SecurityEventVerifier.Error.INVALID_KEY, "not signed by the fake issuer"));
        };
    }
}
