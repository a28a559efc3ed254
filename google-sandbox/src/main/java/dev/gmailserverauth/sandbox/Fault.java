package dev.gmailserverauth.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A failure the sandbox serves instead of the normal answer, see {@link SandboxControl#injectFault}. */
public sealed interface Fault {

    /**
     * An HTTP error. On Google API endpoints the body is Google's JSON error envelope with
     * {@code errors[0].reason = reason}; on the token and revoke endpoints it is the flat
     * {@code {"error": reason, "error_description": message}} shape.
     */
    record HttpError(int status, String reason, String message, Optional<Duration> retryAfter) implements Fault {
        public HttpError {
            if (status < 400 || status > 599) throw new IllegalArgumentException("status must be 4xx or 5xx: " + status);
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason is blank");
            if (message == null || message.isBlank()) throw new IllegalArgumentException("message is blank");
            Objects.requireNonNull(retryAfter, "retryAfter");
            retryAfter.ifPresent(d -> {
                if (d.isNegative()) throw new IllegalArgumentException("retryAfter is negative");
            });
        }
    }

    /** Token endpoint: 400 {@code invalid_grant}. Elsewhere: 401 {@code invalid_token}, as for a revoked token. */
    record InvalidGrant() implements Fault {}

    /** 200 with {@code Content-Type: application/json} and a truncated, unparsable body. */
    record MalformedJson() implements Fault {}

    /** Waits this long, then answers normally. */
    record Delay(Duration duration) implements Fault {
        public Delay {
            if (duration == null || duration.isNegative()) throw new IllegalArgumentException("delay must be >= 0");
        }
    }

    /** Closes the TCP connection without sending a response. */
    record DropConnection() implements Fault {}

    /**
     * Authorization endpoint only: after the client and redirect URI check out, 302 back to the client with
     * {@code error=<error>}, {@code state} and {@code iss}, as Google answers with the errors it redirects.
     */
    record RedirectError(String error) implements Fault {
        /** The codes Google returns to the redirect URI besides {@code access_denied} (which the consent page's Cancel gives). */
        public static final java.util.Set<String> CODES = java.util.Set.of("access_denied", "invalid_scope", "unauthorized_client",
                "server_error", "temporarily_unavailable", "invalid_request", "login_required", "consent_required", "interaction_required");

        public RedirectError {
            if (error == null || !CODES.contains(error)) throw new IllegalArgumentException("not a redirect error code: " + error);
        }
    }

    /** Authorization endpoint only: see {@link RedirectError}. */
    static Fault redirectError(String error) {
        return new RedirectError(error);
    }

    /**
     * Token endpoint: 400 {@code invalid_grant} / {@code reauth related error (invalid_rapt)}, what Google answers a
     * refresh when a Workspace policy wants the person to sign in again.
     */
    static Fault reauthRequired() {
        return new HttpError(400, "invalid_grant", "reauth related error (invalid_rapt)", Optional.empty());
    }

    /** 429 {@code rateLimitExceeded} (Google's "Resource has been exhausted" body) with a Retry-After header. */
    static Fault rateLimited(Duration retryAfter) {
        return new HttpError(429, "rateLimitExceeded", "Resource has been exhausted (e.g. check quota).", Optional.of(retryAfter));
    }

    /** 403 {@code userRateLimitExceeded} (domain usageLimits). */
    static Fault userRateLimitExceeded() {
        return new HttpError(403, "userRateLimitExceeded", "User Rate Limit Exceeded", Optional.empty());
    }

    /** 500 {@code backendError}. */
    static Fault backendError() {
        return new HttpError(500, "backendError", "Backend Error", Optional.empty());
    }

    /** 503 {@code backendError} ("The service is currently unavailable."). */
    static Fault unavailable() {
        return new HttpError(503, "backendError", "The service is currently unavailable.", Optional.empty());
    }
}
