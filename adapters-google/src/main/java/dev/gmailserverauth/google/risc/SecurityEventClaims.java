package dev.gmailserverauth.google.risc;

import dev.gmailserverauth.domain.model.RefreshTokenPrefix;
import dev.gmailserverauth.domain.model.SecurityEvent;
import dev.gmailserverauth.domain.model.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code events} claim of a verified security event token into domain events, as Google's
 * Cross-Account Protection documents them: account events name the person with an {@code iss-sub}
 * subject, {@code token-revoked} names a refresh token by its first characters ({@code oauth_token},
 * {@code token_identifier_alg: prefix}). An event type not listed there becomes
 * {@link SecurityEvent.Unrecognized} (RFC 8417: ignore what you do not understand); a listed type whose
 * subject cannot be read is malformed.
 */
final class SecurityEventClaims {

    /** A listed event whose payload is not what Google documents. */
    static final class MalformedEvent extends Exception {
        MalformedEvent(String message) {
            super(message);
        }
    }

    private SecurityEventClaims() {
    }

    static List<SecurityEvent> events(Map<String, Object> events) throws MalformedEvent {
        if (events == null || events.isEmpty()) throw new MalformedEvent("the token carries no events");
        List<SecurityEvent> parsed = new ArrayList<>();
        for (Map.Entry<String, Object> entry : events.entrySet()) {
            parsed.add(event(entry.getKey(), object(entry.getValue(), "the payload of " + entry.getKey())));
        }
        return parsed;
    }

    private static SecurityEvent event(String type, Map<String, Object> payload) throws MalformedEvent {
        if (type.isBlank()) throw new MalformedEvent("an event type is blank");
        return switch (type) {
            case SecurityEvent.TokensRevoked.TYPE -> new SecurityEvent.TokensRevoked(account(type, payload));
            case SecurityEvent.TokenRevoked.TYPE -> new SecurityEvent.TokenRevoked(refreshTokenPrefix(type, payload));
            case SecurityEvent.SessionsRevoked.TYPE -> new SecurityEvent.SessionsRevoked(account(type, payload));
            case SecurityEvent.AccountDisabled.TYPE -> new SecurityEvent.AccountDisabled(account(type, payload), text(payload, "reason"));
            case SecurityEvent.AccountEnabled.TYPE -> new SecurityEvent.AccountEnabled(account(type, payload));
            case SecurityEvent.AccountPurged.TYPE -> new SecurityEvent.AccountPurged(account(type, payload));
            case SecurityEvent.AccountCredentialChangeRequired.TYPE -> new SecurityEvent.AccountCredentialChangeRequired(account(type, payload));
            case SecurityEvent.Verification.TYPE -> new SecurityEvent.Verification(text(payload, "state"));
            default -> new SecurityEvent.Unrecognized(type);
        };
    }

    /** {@code {"subject_type": "iss-sub", "iss": …, "sub": "<Google account id>"}}. */
    private static UserId account(String type, Map<String, Object> payload) throws MalformedEvent {
        Map<String, Object> subject = object(payload.get("subject"), "the subject of " + type);
        if (!"iss-sub".equals(subject.get("subject_type"))) {
            throw new MalformedEvent("the subject of " + type + " is not of type iss-sub");
        }
        Optional<String> sub = text(subject, "sub");
        if (sub.isEmpty()) throw new MalformedEvent("the subject of " + type + " has no sub");
        try {
            return new UserId(sub.get());
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("the subject of " + type + " is not a usable account id: " + e.getMessage());
        }
    }

    /** {@code {"subject_type": "oauth_token", "token_type": "refresh_token", "token_identifier_alg": "prefix", "token": …}}. */
    private static RefreshTokenPrefix refreshTokenPrefix(String type, Map<String, Object> payload) throws MalformedEvent {
        Map<String, Object> subject = object(payload.get("subject"), "the subject of " + type);
        if (!"oauth_token".equals(subject.get("subject_type")) || !"refresh_token".equals(subject.get("token_type"))) {
            throw new MalformedEvent("the subject of " + type + " is not a refresh token");
        }
        if (!"prefix".equals(subject.get("token_identifier_alg"))) {
            throw new MalformedEvent("the subject of " + type + " names its token by " + subject.get("token_identifier_alg")
                    + ", only prefix is understood");
        }
        Optional<String> token = text(subject, "token");
        if (token.isEmpty()) throw new MalformedEvent("the subject of " + type + " has no token prefix");
        try {
            return new RefreshTokenPrefix(token.get());
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("the token prefix of " + type + " is malformed: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) throws MalformedEvent {
        if (value instanceof Map<?, ?> map) return (Map<String, Object>) map;
        throw new MalformedEvent(what + " is not a JSON object");
    }

    private static Optional<String> text(Map<String, Object> object, String key) throws MalformedEvent {
        Object value = object.get(key);
        if (value == null) return Optional.empty();
        if (!(value instanceof String text)) throw new MalformedEvent(key + " is not a string");
        return Optional.of(text).filter(t -> !t.isBlank());
    }
}
