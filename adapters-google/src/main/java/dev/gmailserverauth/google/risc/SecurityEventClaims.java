package dev.gmailserverauth.google.risc;

import dev.gmailserverauth.domain.model.AccountSubject;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.RefreshTokenHash;
import dev.gmailserverauth.domain.model.RefreshTokenIdentifier;
import dev.gmailserverauth.domain.model.RefreshTokenPrefix;
import dev.gmailserverauth.domain.model.SecurityEvent;
import dev.gmailserverauth.domain.model.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code events} claim of a verified security event token into domain events, as Google's
 * Cross-Account Protection documents them: account events name the person with an {@code iss-sub} or an
 * {@code id_token_claims} subject, {@code token-revoked} names a refresh token ({@code oauth_token}) by its first
 * characters ({@code token_identifier_alg: prefix}) or its double SHA-512 ({@code hash_base64_sha512_sha512}). An event type not listed there becomes
 * {@link SecurityEvent.Unrecognized} (RFC 8417: ignore what you do not understand); a listed type whose
 * subject cannot be read is malformed.
 */
final class SecurityEventClaims {
    private static final Set<String> ISS_SUB = Set.of("iss-sub", "iss_sub");
    private static final String ID_TOKEN_CLAIMS = "id_token_claims";
    private static final String PREFIX = "prefix";
    private static final String HASH = "hash_base64_sha512_sha512";

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
            case SecurityEvent.TokenRevoked.TYPE -> new SecurityEvent.TokenRevoked(refreshToken(type, payload));
            case SecurityEvent.SessionsRevoked.TYPE -> new SecurityEvent.SessionsRevoked(account(type, payload));
            case SecurityEvent.AccountDisabled.TYPE -> new SecurityEvent.AccountDisabled(account(type, payload), text(payload, "reason"));
            case SecurityEvent.AccountEnabled.TYPE -> new SecurityEvent.AccountEnabled(account(type, payload));
            case SecurityEvent.AccountPurged.TYPE -> new SecurityEvent.AccountPurged(account(type, payload));
            case SecurityEvent.AccountCredentialChangeRequired.TYPE -> new SecurityEvent.AccountCredentialChangeRequired(account(type, payload));
            case SecurityEvent.Verification.TYPE -> new SecurityEvent.Verification(text(payload, "state"));
            default -> new SecurityEvent.Unrecognized(type);
        };
    }

    /**
     * {@code {"subject_type": "iss-sub", "iss": …, "sub": "<Google account id>"}} (also spelt {@code iss_sub}, as
     * RFC 9493 does), or {@code {"subject_type": "id_token_claims", "sub": …, "email": …}}, which has a {@code sub},
     * an {@code email}, or both.
     */
    private static AccountSubject account(String type, Map<String, Object> payload) throws MalformedEvent {
        Map<String, Object> subject = object(payload.get("subject"), "the subject of " + type);
        Object subjectType = subject.get("subject_type");
        if (ISS_SUB.contains(subjectType)) {
            return AccountSubject.of(accountId(type, text(subject, "sub")
                    .orElseThrow(() -> new MalformedEvent("the subject of " + type + " has no sub"))));
        }
        if (ID_TOKEN_CLAIMS.equals(subjectType)) {
            Optional<String> sub = text(subject, "sub");
            Optional<String> email = text(subject, "email");
            if (sub.isEmpty() && email.isEmpty()) throw new MalformedEvent("the subject of " + type + " has neither sub nor email");
            return new AccountSubject(sub.isPresent() ? Optional.of(accountId(type, sub.get())) : Optional.empty(),
                    email.isPresent() ? Optional.of(emailAddress(type, email.get())) : Optional.empty());
        }
        throw new MalformedEvent("the subject of " + type + " is of type " + subjectType + ", expected iss-sub or id_token_claims");
    }

    private static UserId accountId(String type, String sub) throws MalformedEvent {
        try {
            return new UserId(sub);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("the subject of " + type + " is not a usable account id: " + e.getMessage());
        }
    }

    private static EmailAddress emailAddress(String type, String email) throws MalformedEvent {
        try {
            return new EmailAddress(email);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("the email of the subject of " + type + " is malformed: " + e.getMessage());
        }
    }

    /**
     * {@code {"subject_type": "oauth_token", "token_type": "refresh_token", "token_identifier_alg": …, "token": …}},
     * the token named by its first 16 characters ({@code prefix}) or by Base64 of its double SHA-512
     * ({@code hash_base64_sha512_sha512}).
     */
    private static RefreshTokenIdentifier refreshToken(String type, Map<String, Object> payload) throws MalformedEvent {
        Map<String, Object> subject = object(payload.get("subject"), "the subject of " + type);
        if (!"oauth_token".equals(subject.get("subject_type")) || !"refresh_token".equals(subject.get("token_type"))) {
            throw new MalformedEvent("the subject of " + type + " is not a refresh token");
        }
        Object algorithm = subject.get("token_identifier_alg");
        Optional<String> token = text(subject, "token");
        if (token.isEmpty()) throw new MalformedEvent("the subject of " + type + " has no token");
        try {
            if (PREFIX.equals(algorithm)) return new RefreshTokenPrefix(token.get());
            if (HASH.equals(algorithm)) return new RefreshTokenHash(token.get());
        } catch (IllegalArgumentException e) {
            throw new MalformedEvent("the token of " + type + " is malformed: " + e.getMessage());
        }
        throw new MalformedEvent("the subject of " + type + " names its token by " + algorithm + ", expected " + PREFIX + " or " + HASH);
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
