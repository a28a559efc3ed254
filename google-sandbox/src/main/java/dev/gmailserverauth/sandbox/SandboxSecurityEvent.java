package dev.gmailserverauth.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cross-Account Protection (RISC) security event the sandbox can push, see
 * {@link SandboxLifecycleControl#pushSecurityEvent}. Build one with the factories.
 *
 * @param email        the account the event is about (subject {@code iss-sub} with its Google user id); empty for
 *                     {@code token-revoked} and {@code verification}
 * @param refreshToken for {@code token-revoked}: the token, of which only the first 16 characters are sent
 * @param reason       for {@code account-disabled}: {@code hijacking} or {@code bulk-account} (or none)
 * @param state        for {@code verification}: echoed back
 * @param audience     the client id in {@code aud}; empty = the sandbox's first client
 * @param subjectFormat how the subject is written: {@code iss-sub} or {@code id_token_claims} for account events,
 *                     {@code prefix} or {@code hash_base64_sha512_sha512} for {@code token-revoked}
 */
public record SandboxSecurityEvent(Type type, Optional<String> email, Optional<String> refreshToken, Optional<String> reason,
                                   Optional<String> state, Optional<String> audience, SubjectFormat subjectFormat) {

    /** The subject shapes Google documents ("RISC subject formats"). */
    public enum SubjectFormat {
        /** {@code {"subject_type": "iss-sub", "iss", "sub"}}: the account's Google id. */
        ISS_SUB("iss-sub"),
        /** {@code {"subject_type": "id_token_claims", "iss", "sub", "email"}}: the id and the email address. */
        ID_TOKEN_CLAIMS("id_token_claims"),
        /** {@code token-revoked}: {@code token_identifier_alg} {@code prefix}, the first 16 characters of the token. */
        PREFIX("prefix"),
        /** {@code token-revoked}: {@code hash_base64_sha512_sha512}, Base64 of SHA-512 applied twice to the token. */
        HASH_BASE64_SHA512_SHA512("hash_base64_sha512_sha512");

        private final String wireName;

        SubjectFormat(String wireName) {
            this.wireName = wireName;
        }

        /** As the token spells it: {@code iss-sub}, {@code id_token_claims}, {@code prefix}, {@code hash_base64_sha512_sha512}. */
        public String wireName() {
            return wireName;
        }

        /** By its wire name or constant name. */
        public static SubjectFormat parse(String name) {
            return Arrays.stream(values())
                    .filter(f -> f.wireName.equals(name) || f.name().equals(name.toUpperCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown subject format: " + name));
        }

        private boolean namesAToken() {
            return this == PREFIX || this == HASH_BASE64_SHA512_SHA512;
        }

        private static SubjectFormat defaultFor(Type type) {
            return type == Type.TOKEN_REVOKED ? PREFIX : ISS_SUB;
        }
    }

    /** The event types Google sends, with their URIs. */
    public enum Type {
        SESSIONS_REVOKED("https://schemas.openid.net/secevent/risc/event-type/sessions-revoked"),
        TOKENS_REVOKED("https://schemas.openid.net/secevent/oauth/event-type/tokens-revoked"),
        TOKEN_REVOKED("https://schemas.openid.net/secevent/oauth/event-type/token-revoked"),
        ACCOUNT_DISABLED("https://schemas.openid.net/secevent/risc/event-type/account-disabled"),
        ACCOUNT_ENABLED("https://schemas.openid.net/secevent/risc/event-type/account-enabled"),
        ACCOUNT_PURGED("https://schemas.openid.net/secevent/risc/event-type/account-purged"),
        ACCOUNT_CREDENTIAL_CHANGE_REQUIRED("https://schemas.openid.net/secevent/risc/event-type/account-credential-change-required"),
        VERIFICATION("https://schemas.openid.net/secevent/risc/event-type/verification");

        private final String uri;

        Type(String uri) {
            this.uri = uri;
        }

        public String uri() {
            return uri;
        }

        /** The last path segment of the URI, e.g. {@code tokens-revoked}. */
        public String shortName() {
            return uri.substring(uri.lastIndexOf('/') + 1);
        }

        /** By URI, short name ({@code tokens-revoked}) or constant name ({@code TOKENS_REVOKED}). */
        public static Type parse(String name) {
            return Arrays.stream(values())
                    .filter(t -> t.uri.equals(name) || t.shortName().equals(name) || t.name().equals(name.toUpperCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown security event type: " + name));
        }
    }

    /** How a pushed token is spoiled, for testing a receiver's checks. */
    public enum Tampering {
        /** Signed with the published key, as Google would. */
        NONE,
        /** Signed with a key that is not in the JWKS, under the {@code kid} of one that is. */
        BAD_SIGNATURE,
        /** Signed with the next key, whose {@code kid} the JWKS does not list until {@link SandboxLifecycleControl#rotateSigningKey()}. */
        UNKNOWN_KEY_ID,
        /** {@code iss} is not the sandbox's RISC issuer. */
        WRONG_ISSUER,
        /** {@code aud} is a client id that is not the sandbox's. */
        WRONG_AUDIENCE
    }

    /** The {@code aud} that {@link Tampering#WRONG_AUDIENCE} puts in. */
    public static final String FOREIGN_AUDIENCE = "another-project.apps.googleusercontent.com";
    /** The {@code iss} that {@link Tampering#WRONG_ISSUER} puts in. */
    public static final String FOREIGN_ISSUER = "https://issuer.invalid/";

    /** With the subject format Google uses most: {@code iss-sub}, or {@code prefix} for {@code token-revoked}. */
    public SandboxSecurityEvent(Type type, Optional<String> email, Optional<String> refreshToken, Optional<String> reason,
                                Optional<String> state, Optional<String> audience) {
        this(type, email, refreshToken, reason, state, audience, SubjectFormat.defaultFor(Objects.requireNonNull(type, "type")));
    }

    public SandboxSecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectFormat, "subjectFormat");
        if (type != Type.VERIFICATION && subjectFormat.namesAToken() != (type == Type.TOKEN_REVOKED)) {
            throw new IllegalArgumentException(type.shortName() + " cannot name its subject by " + subjectFormat.wireName());
        }
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(audience, "audience");
        switch (type) {
            case TOKEN_REVOKED -> {
                if (refreshToken.filter(t -> t.length() >= 16).isEmpty()) {
                    throw new IllegalArgumentException("token-revoked needs a refresh token of at least 16 characters");
                }
            }
            case VERIFICATION -> {
                if (state.isEmpty()) throw new IllegalArgumentException("verification needs a state");
            }
            default -> {
                if (email.filter(e -> e.contains("@")).isEmpty()) throw new IllegalArgumentException(type.shortName() + " needs an account email");
            }
        }
        if (reason.isPresent() && type != Type.ACCOUNT_DISABLED) throw new IllegalArgumentException("only account-disabled has a reason");
        reason.ifPresent(r -> {
            if (!r.equals("hijacking") && !r.equals("bulk-account")) throw new IllegalArgumentException("reason must be hijacking or bulk-account: " + r);
        });
    }

    public static SandboxSecurityEvent sessionsRevoked(String email) {
        return about(Type.SESSIONS_REVOKED, email);
    }

    public static SandboxSecurityEvent tokensRevoked(String email) {
        return about(Type.TOKENS_REVOKED, email);
    }

    /**
     * Subject {@code oauth_token} with {@code token_identifier_alg: prefix}: the first 16 characters of this token
     * ({@link #withSubjectFormat} {@link SubjectFormat#HASH_BASE64_SHA512_SHA512} for its double SHA-512 instead).
     */
    public static SandboxSecurityEvent tokenRevoked(String refreshToken) {
        return new SandboxSecurityEvent(Type.TOKEN_REVOKED, Optional.empty(), Optional.of(refreshToken), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** {@code account-disabled} with {@code reason} {@code hijacking} or {@code bulk-account}. */
    public static SandboxSecurityEvent accountDisabled(String email, String reason) {
        return new SandboxSecurityEvent(Type.ACCOUNT_DISABLED, Optional.of(email), Optional.empty(), Optional.of(reason),
                Optional.empty(), Optional.empty());
    }

    /** {@code account-disabled} without a reason. */
    public static SandboxSecurityEvent accountDisabled(String email) {
        return about(Type.ACCOUNT_DISABLED, email);
    }

    public static SandboxSecurityEvent accountEnabled(String email) {
        return about(Type.ACCOUNT_ENABLED, email);
    }

    public static SandboxSecurityEvent accountPurged(String email) {
        return about(Type.ACCOUNT_PURGED, email);
    }

    public static SandboxSecurityEvent accountCredentialChangeRequired(String email) {
        return about(Type.ACCOUNT_CREDENTIAL_CHANGE_REQUIRED, email);
    }

    public static SandboxSecurityEvent verification(String state) {
        return new SandboxSecurityEvent(Type.VERIFICATION, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(state), Optional.empty());
    }

    private static SandboxSecurityEvent about(Type type, String email) {
        return new SandboxSecurityEvent(type, Optional.of(email), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The same event addressed to another client id. */
    public SandboxSecurityEvent withAudience(String clientId) {
        return new SandboxSecurityEvent(type, email, refreshToken, reason, state, Optional.of(clientId), subjectFormat);
    }

    /** The same event with its subject written another documented way. */
    public SandboxSecurityEvent withSubjectFormat(SubjectFormat format) {
        return new SandboxSecurityEvent(type, email, refreshToken, reason, state, audience, format);
    }

    @Override
    public String toString() {
        return "SandboxSecurityEvent[type=" + type.shortName() + ", email=" + email + ", refreshToken=" + refreshToken.map(t -> "***")
                + ", reason=" + reason + ", state=" + state + ", audience=" + audience + ", subjectFormat=" + subjectFormat.wireName() + "]";
    }
}
