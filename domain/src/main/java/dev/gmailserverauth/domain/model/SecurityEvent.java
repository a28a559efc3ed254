package dev.gmailserverauth.domain.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One event of a Cross-Account Protection (RISC) security event token, as Google sends them
 * (<a href="https://developers.google.com/identity/protocols/risc">Protect user accounts with
 * Cross-Account Protection</a>). Account events name the person ({@link AccountSubject}: their Google account id,
 * the same id userinfo gives, and perhaps their email); {@link TokenRevoked} names one refresh token instead
 * ({@link RefreshTokenIdentifier}).
 */
public sealed interface SecurityEvent {
    /** Takes this apart: runs the one function for its case. */
    <R> R fold(Function<TokensRevoked, R> tokensRevoked,
            Function<TokenRevoked, R> tokenRevoked,
            Function<SessionsRevoked, R> sessionsRevoked,
            Function<AccountDisabled, R> accountDisabled,
            Function<AccountEnabled, R> accountEnabled,
            Function<AccountPurged, R> accountPurged,
            Function<AccountCredentialChangeRequired, R> accountCredentialChangeRequired,
            Function<Verification, R> verification,
            Function<Unrecognized, R> unrecognized);

    /** The event type URI, as in the token's {@code events} claim. */
    String type();

    /** Every token Google issued to this application for the person was revoked. */
    record TokensRevoked(AccountSubject subject) implements SecurityEvent {
        public static final String TYPE = "https://schemas.openid.net/secevent/oauth/event-type/tokens-revoked";

        public TokensRevoked {
            Objects.requireNonNull(subject, "subject");
        }

        /** About the account with this Google id ({@code iss-sub}). */
        public TokensRevoked(UserId id) {
            this(AccountSubject.of(id));
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public <R> R fold(Function<TokensRevoked, R> tokensRevoked,
                Function<TokenRevoked, R> tokenRevoked,
                Function<SessionsRevoked, R> sessionsRevoked,
                Function<AccountDisabled, R> accountDisabled,
                Function<AccountEnabled, R> accountEnabled,
                Function<AccountPurged, R> accountPurged,
                Function<AccountCredentialChangeRequired, R> accountCredentialChangeRequired,
                Function<Verification, R> verification,
                Function<Unrecognized, R> unrecognized) {
            return tokensRevoked.apply(this);
        }
    }

    /** One refresh token was revoked; Google names it by its first characters or by a hash of it. */
    record TokenRevoked(RefreshTokenIdentifier token) implements SecurityEvent {
        public static final String TYPE = "https://schemas.openid.net/secevent/oauth/event-type/token-revoked";

        public TokenRevoked {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public <R> R fold(Function<TokensRevoked, R> tokensRevoked,
                Function<TokenRevoked, R> tokenRevoked,
                Function<SessionsRevoked, R> sessionsRevoked,
                Function<AccountDisabled, R> accountDisabled,
                Function<AccountEnabled, R> accountEnabled,
                Function<AccountPurged, R> accountPurged,
                Function<AccountCredentialChangeRequired, R> accountCredentialChangeRequired,
                Function<Verification, R> verification,
                Function<Unrecognized, R> unrecognized) {
            return tokenRevoked.apply(this);
        }
    }

    /** Google ended the person's sessions (for example after a password change): end ours too. */
    record SessionsRevoked(AccountSubject subject) implements SecurityEvent {
        public static final String TYPE = "https://schemas.openid.net/secevent/risc/event-type/sessions-revoked";

        public SessionsRevoked {
            Objects.requireNonNull(subject, "subject");
        }

        /** About the account with this Google id ({@code iss-sub}). */
        public SessionsRevoked(UserId id) {
            this(AccountSubject.of(id));
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public <R> R fold(Function<TokensRevoked, R> tokensRevoked,
                Function<TokenRevoked, R> tokenRevoked,
                Function<SessionsRevoked, R> sessionsRevoked,
                Function<AccountDisabled, R> accountDisabled,
                Function<AccountEnabled, R> accountEnabled,
                Function<AccountPurged, R> accountPurged,
                Function<AccountCredentialChangeRequired, R> accountCredentialChangeRequired,
                Function<Verification, R> verification,
                Function<Unrecognized, R> unrecognized) {
            return sessionsRevoked.apply(this);
        }
    }

    /** Google disabled the account; {@code reason} is {@value #HIJACKING}, {@code bulk-account}, or absent. */
    record AccountDisabled(AccountSubject subject, Optional<String> reason) implements SecurityEvent {
        public static final String TYPE = "https://schemas.openid.net/secevent/risc/event-type/account-disabled";
        public static final String HIJACKING = "hijacking";

        public AccountDisabled {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(reason, "reason");
        }

        /** About the account with this Google id ({@code iss-sub}). */
        public AccountDisabled(UserId id, Optional<String> reason) {
            this(AccountSubject.of(id), reason);
        }

        /** The account was taken over: Google advises suspending sign-in with it until it is enabled again. */
        public boolean isHijacking() {
            return reason.filter(HIJACKING::equals).isPresent();
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public <R> R fold(Function<TokensRevoked, R> tokensRevoked,
                Function<TokenRevoked, R> tokenRevoked,
                Function<SessionsRevoked, R> sessionsRevoked,
                Function<AccountDisabled, R> accountDisabled,
                Function<AccountEnabled, R> accountEnabled,
                Function<AccountPurged, R> accountPurged,
                Function<AccountCredentialChangeRequired, R> accountCredentialChangeRequired,
                Function<Verification, R> verification,
                Function<Unrecognized, R> unrecognized) {
            return accountDisabled.apply(this);
        }
    }

    /** Google enabled the account again, ending a hold that {@link AccountDisabled} put on it. */
    record AccountEnabled(AccountSubject subject) implements SecurityEvent {
        public static final String TYPE = "https://schemas.openid.net/secevent/risc/event-type/account-enabled";

        public AccountEnabled {
            Objects.requireNonNull(subject, "subject");
        }

        /** About the account with this Google id ({@code iss-sub}). */
        public AccountEnabled(UserId id) {
            this(AccountSubject.of(id));
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public <R> R fold(Function<TokensRevoked, R> tokensRevoked,
                Function<TokenRevoked, R> tokenRevoked,
                Function<SessionsRevoked, R> sessionsRevoked,
                Function<AccountDisabled, R> accountDisabled,
                Function<AccountEnabled, R> accountEnabled,
                Function<AccountPurged, R> accountPurged,
                Function<AccountCredentialChangeRequired, R> accountCredentialChangeRequired,
                Function<Verification, R> verification,
                Function<Unrecognized, R> unrecognized) {
            return accountEnabled.apply(this);
        }
    }

    /** The account was deleted for good. */
    record AccountPurged(AccountSubject subject) implements SecurityEvent {
        public static final String TYPE = "https://schemas.openid.net/secevent/risc/event-type/account-purged";

        public AccountPurged {
            Objects.requireNonNull(subject, "subject");
        }

        /** About the account with this Google id ({@code iss-sub}). */
        public AccountPurged(UserId id) {
            this(AccountSubject.of(id));
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public <R> R fold(Function<TokensRevoked, R> tokensRevoked,
                Function<TokenRevoked, R> tokenRevoked,
                Function<SessionsRevoked, R> sessionsRevoked,
                Function<AccountDisabled, R> accountDisabled,
                Function<AccountEnabled, R> accountEnabled,
                Function<AccountPurged, R> accountPurged,
                Function<AccountCredentialChangeRequired, R> accountCredentialChangeRequired,
                Function<Verification, R> verification,
                Function<Unrecognized, R> unrecognized) {
            return accountPurged.apply(this);
        }
    }

    /** Google asks that the person's credentials be checked: end their sessions so they sign in again. */
    record AccountCredentialChangeRequired(AccountSubject subject) implements SecurityEvent {
        public static final String TYPE = "https://schemas.openid.net/secevent/risc/event-type/account-credential-change-required";

        public AccountCredentialChangeRequired {
            Objects.requireNonNull(subject, "subject");
        }

        /** About the account with this Google id ({@code iss-sub}). */
        public AccountCredentialChangeRequired(UserId id) {
            this(AccountSubject.of(id));
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public <R> R fold(Function<TokensRevoked, R> tokensRevoked,
                Function<TokenRevoked, R> tokenRevoked,
                Function<SessionsRevoked, R> sessionsRevoked,
                Function<AccountDisabled, R> accountDisabled,
                Function<AccountEnabled, R> accountEnabled,
                Function<AccountPurged, R> accountPurged,
                Function<AccountCredentialChangeRequired, R> accountCredentialChangeRequired,
                Function<Verification, R> verification,
                Function<Unrecognized, R> unrecognized) {
            return accountCredentialChangeRequired.apply(this);
        }
    }

    /** A test token the receiver's owner asked Google for; {@code state} echoes what they sent. */
    record Verification(Optional<String> state) implements SecurityEvent {
        public static final String TYPE = "https://schemas.openid.net/secevent/risc/event-type/verification";

        public Verification {
            Objects.requireNonNull(state, "state");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public <R> R fold(Function<TokensRevoked, R> tokensRevoked,
                Function<TokenRevoked, R> tokenRevoked,
                Function<SessionsRevoked, R> sessionsRevoked,
                Function<AccountDisabled, R> accountDisabled,
                Function<AccountEnabled, R> accountEnabled,
                Function<AccountPurged, R> accountPurged,
                Function<AccountCredentialChangeRequired, R> accountCredentialChangeRequired,
                Function<Verification, R> verification,
                Function<Unrecognized, R> unrecognized) {
            return verification.apply(this);
        }
    }

    /** An event type this application does not act on; RFC 8417 asks receivers to accept and ignore it. */
    record Unrecognized(String type) implements SecurityEvent {
        public Unrecognized {
            if (type == null || type.isBlank()) throw new IllegalArgumentException("event type is blank");
        }

        @Override
        public <R> R fold(Function<TokensRevoked, R> tokensRevoked,
                Function<TokenRevoked, R> tokenRevoked,
                Function<SessionsRevoked, R> sessionsRevoked,
                Function<AccountDisabled, R> accountDisabled,
                Function<AccountEnabled, R> accountEnabled,
                Function<AccountPurged, R> accountPurged,
                Function<AccountCredentialChangeRequired, R> accountCredentialChangeRequired,
                Function<Verification, R> verification,
                Function<Unrecognized, R> unrecognized) {
            return unrecognized.apply(this);
        }
    }
}
