package dev.gmailserverauth.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A failed Google API call, read from Google's JSON error envelope (errors.md) and sorted into what
 * the caller does about it.
 */
record GoogleFailure(Kind kind, int status, String reason, String message, Optional<Duration> retryAfter) {

    enum Kind {
        /** 401: token expired or revoked. */
        UNAUTHORIZED,
        /** 403 insufficientPermissions / ACCESS_TOKEN_SCOPE_INSUFFICIENT / insufficient_scope. */
        INSUFFICIENT_SCOPE,
        /** 404. */
        NOT_FOUND,
        /** 400: an argument was rejected. */
        BAD_REQUEST,
        /** 429 "Too many concurrent requests for user.": fewer calls at once for this user, then again soon. */
        CONCURRENCY,
        /**
         * The user's quota is spent: 403 {@code usageLimits} {@code rateLimitExceeded} / {@code userRateLimitExceeded},
         * or any other 429. It frees up as the per-minute window rolls on.
         */
        QUOTA,
        /** 500, 502, 503, 504, I/O errors, time-outs: back off and try again. */
        TRANSIENT,
        /** Anything else (403 dailyLimitExceeded, domainPolicy, 409, ...): retrying unchanged does not help. */
        REFUSED
    }

    private static final Set<Integer> SERVER_ERRORS = Set.of(500, 502, 503, 504);
    private static final Set<String> RATE_LIMIT_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded");
    private static final Set<String> SCOPE_REASONS = Set.of("insufficientPermissions", "ACCESS_TOKEN_SCOPE_INSUFFICIENT");

    /** A failure from any call: an HTTP error with or without Google's JSON, or an I/O error. */
    static GoogleFailure of(IOException e) {
        if (e instanceof GoogleJsonResponseException json) return of(json.getStatusCode(), json.getDetails(), json.getHeaders());
        if (e instanceof HttpResponseException http) return of(http.getStatusCode(), null, http.getHeaders());
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new GoogleFailure(Kind.TRANSIENT, 0, "io", what, Optional.empty());
    }

    /** A failure from a batch part: its parsed error and its own response headers. */
    static GoogleFailure of(int status, GoogleJsonError error, HttpHeaders headers) {
        String reason = error == null ? "" : firstReason(error);
        String message = error == null || error.getMessage() == null ? "" : error.getMessage();
        Optional<Duration> retryAfter = retryAfter(headers);
        return new GoogleFailure(kindOf(status, reason, error, headers), status, reason, message, retryAfter);
    }

    /** For logs and exception messages: status and reason, never a token. */
    String describe() {
        if (status == 0) return message;
        return status + (reason.isEmpty() ? "" : " " + reason) + (message.isEmpty() ? "" : " (" + message + ")");
    }

    private static Kind kindOf(int status, String reason, GoogleJsonError error, HttpHeaders headers) {
        if (status == 401) return Kind.UNAUTHORIZED;
        if (status == 403 && isInsufficientScope(reason, error, headers)) return Kind.INSUFFICIENT_SCOPE;
        if (status == 404) return Kind.NOT_FOUND;
        if (status == 429) return isConcurrencyLimit(error) ? Kind.CONCURRENCY : Kind.QUOTA;
        if (status == 403 && RATE_LIMIT_REASONS.contains(reason)) return Kind.QUOTA;
        if (SERVER_ERRORS.contains(status)) return Kind.TRANSIENT;
        if (status == 400) return Kind.BAD_REQUEST;
        return Kind.REFUSED;
    }

    /** Gmail's observed 429 for too many calls of one user at once: "Too many concurrent requests for user." */
    private static boolean isConcurrencyLimit(GoogleJsonError error) {
        if (error == null) return false;
        if (mentionsConcurrency(error.getMessage())) return true;
        return error.getErrors() != null && error.getErrors().stream().anyMatch(e -> mentionsConcurrency(e.getMessage()));
    }

    private static boolean mentionsConcurrency(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("concurrent");
    }

    /**
     * Which of two failures no retry fixes a call reports when its parts failed differently: the one that tells the
     * caller most about what to do. A 401 first (one refresh may fix every part), then a missing scope (consent
     * fixes it), then not found, a rejected argument, and last a refusal nobody can act on.
     */
    boolean moreTellingThan(GoogleFailure other) {
        return rank(kind) < rank(other.kind);
    }

    private static int rank(Kind kind) {
        return switch (kind) {
            case UNAUTHORIZED -> 0;
            case INSUFFICIENT_SCOPE -> 1;
            case NOT_FOUND -> 2;
            case BAD_REQUEST -> 3;
            case REFUSED -> 4;
            // Retryable: they end a call only when nothing better is known.
            case CONCURRENCY, QUOTA, TRANSIENT -> 5;
        };
    }

    /** Retrying helps: the call may succeed later without any change. */
    boolean retryable() {
        return kind == Kind.CONCURRENCY || kind == Kind.QUOTA || kind == Kind.TRANSIENT;
    }

    private static boolean isInsufficientScope(String reason, GoogleJsonError error, HttpHeaders headers) {
        if (SCOPE_REASONS.contains(reason)) return true;
        if (error != null && error.getDetails() != null
                && error.getDetails().stream().anyMatch(d -> SCOPE_REASONS.contains(d.getReason()))) {
            return true;
        }
        String challenge = headers == null ? null : headers.getAuthenticate();
        return challenge != null && challenge.contains("insufficient_scope");
    }

    private static String firstReason(GoogleJsonError error) {
        List<GoogleJsonError.ErrorInfo> errors = error.getErrors();
        if (errors == null || errors.isEmpty() || errors.get(0).getReason() == null) return "";
        return errors.get(0).getReason();
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; absent or unreadable means none. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        String value = headers == null ? null : headers.getRetryAfter();
        if (value == null || value.isBlank()) return Optional.empty();
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT));
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
