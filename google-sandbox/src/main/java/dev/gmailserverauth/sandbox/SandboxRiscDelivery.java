package dev.gmailserverauth.sandbox;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP POST of a security event token to the registered receiver.
 *
 * @param jti          the token's {@code jti} (a replay sends the same one again)
 * @param token        the compact JWS that was posted (a signed event, not a credential)
 * @param status       the receiver's HTTP status, 0 when no response came (see {@code failure})
 * @param responseBody the first 2,000 characters of the receiver's answer
 * @param failure      why no response came (connection refused, timeout)
 */
public record SandboxRiscDelivery(String jti, SandboxSecurityEvent.Type type, String audience, URI receiver,
                                  SandboxSecurityEvent.Tampering tampering, boolean replay, String token, int status,
                                  String responseBody, Optional<String> failure, Instant at) {
    public SandboxRiscDelivery {
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(tampering, "tampering");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(responseBody, "responseBody");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(at, "at");
        if (status != 0 && (status < 100 || status > 599)) throw new IllegalArgumentException("bad status " + status);
    }

    /** The receiver answered 202 Accepted (RFC 8935), as a receiver does for a token it accepts. */
    public boolean accepted() {
        return status == 202;
    }
}
