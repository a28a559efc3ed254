package dev.gmailserverauth.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What came of asking for an access token to one person's mailbox through Workspace domain-wide delegation (the
 * service account acting as that person): a token, or why not, in words an administrator can act on.
 */
public sealed interface Impersonation {

    /** A token that opens {@code subject}'s mailbox, checked to be theirs (never another person's). */
    record Granted(EmailAddress subject, ExpiringAccessToken token) implements Impersonation {
        public Granted {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(token, "token");
        }

        @Override
        public <R> R fold(Function<Granted, R> granted, Function<NotDelegated, R> notDelegated, Function<UnknownUser, R> unknownUser,
                                Function<ClockSkew, R> clockSkew, Function<KeyRejected, R> keyRejected, Function<WrongMailbox, R> wrongMailbox,
                                Function<Refused, R> refused) {
            return granted.apply(this);
        }
    }

    /**
     * The Workspace administrator has not (or not yet: it takes up to 24 hours) delegated this client ID for exactly
     * these scopes ({@code unauthorized_client}, {@code access_denied}).
     */
    record NotDelegated(String clientId, List<Scope> scopes) implements Impersonation {
        public NotDelegated {
            Objects.requireNonNull(clientId, "clientId");
            scopes = List.copyOf(scopes);
        }

        @Override
        public <R> R fold(Function<Granted, R> granted, Function<NotDelegated, R> notDelegated, Function<UnknownUser, R> unknownUser,
                                Function<ClockSkew, R> clockSkew, Function<KeyRejected, R> keyRejected, Function<WrongMailbox, R> wrongMailbox,
                                Function<Refused, R> refused) {
            return notDelegated.apply(this);
        }

        /** What the administrator enters under Domain-wide delegation: the scopes, comma-delimited. */
        public String scopeList() {
            return String.join(",", scopes.stream().map(Scope::value).toList());
        }
    }

    /** Google knows no active user of that address in the domain: unknown, deleted or suspended. */
    record UnknownUser(EmailAddress subject, String googleSays) implements Impersonation {
        public UnknownUser {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(googleSays, "googleSays");
        }

        @Override
        public <R> R fold(Function<Granted, R> granted, Function<NotDelegated, R> notDelegated, Function<UnknownUser, R> unknownUser,
                                Function<ClockSkew, R> clockSkew, Function<KeyRejected, R> keyRejected, Function<WrongMailbox, R> wrongMailbox,
                                Function<Refused, R> refused) {
            return unknownUser.apply(this);
        }
    }

    /** The assertion's {@code iat}/{@code exp} were refused: this machine's clock is off. */
    record ClockSkew(String googleSays) implements Impersonation {
        public ClockSkew {
            Objects.requireNonNull(googleSays, "googleSays");
        }

        @Override
        public <R> R fold(Function<Granted, R> granted, Function<NotDelegated, R> notDelegated, Function<UnknownUser, R> unknownUser,
                                Function<ClockSkew, R> clockSkew, Function<KeyRejected, R> keyRejected, Function<WrongMailbox, R> wrongMailbox,
                                Function<Refused, R> refused) {
            return clockSkew.apply(this);
        }
    }

    /**
     * Google no longer accepts the service account's key (deleted, disabled, another account's, or the account
     * itself disabled): delegation stops until the key file is replaced; nothing else is affected.
     */
    record KeyRejected(String clientEmail, String googleSays) implements Impersonation {
        public KeyRejected {
            Objects.requireNonNull(clientEmail, "clientEmail");
            Objects.requireNonNull(googleSays, "googleSays");
        }

        @Override
        public <R> R fold(Function<Granted, R> granted, Function<NotDelegated, R> notDelegated, Function<UnknownUser, R> unknownUser,
                                Function<ClockSkew, R> clockSkew, Function<KeyRejected, R> keyRejected, Function<WrongMailbox, R> wrongMailbox,
                                Function<Refused, R> refused) {
            return keyRejected.apply(this);
        }
    }

    /** Gmail answered from another mailbox than the one impersonated: the read is refused and nothing is kept. */
    record WrongMailbox(EmailAddress subject, EmailAddress answeredFor) implements Impersonation {
        public WrongMailbox {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(answeredFor, "answeredFor");
        }

        @Override
        public <R> R fold(Function<Granted, R> granted, Function<NotDelegated, R> notDelegated, Function<UnknownUser, R> unknownUser,
                                Function<ClockSkew, R> clockSkew, Function<KeyRejected, R> keyRejected, Function<WrongMailbox, R> wrongMailbox,
                                Function<Refused, R> refused) {
            return wrongMailbox.apply(this);
        }
    }

    /** Any other refusal (a wrong audience, an invalid scope, an admin policy), with Google's words. */
    record Refused(String error, String googleSays) implements Impersonation {
        public Refused {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(googleSays, "googleSays");
        }

        @Override
        public <R> R fold(Function<Granted, R> granted, Function<NotDelegated, R> notDelegated, Function<UnknownUser, R> unknownUser,
                                Function<ClockSkew, R> clockSkew, Function<KeyRejected, R> keyRejected, Function<WrongMailbox, R> wrongMailbox,
                                Function<Refused, R> refused) {
            return refused.apply(this);
        }
    }

    /** Takes the outcome apart: exactly one function runs, the one of this case. */
    <R> R fold(Function<Granted, R> granted, Function<NotDelegated, R> notDelegated, Function<UnknownUser, R> unknownUser,
                Function<ClockSkew, R> clockSkew, Function<KeyRejected, R> keyRejected, Function<WrongMailbox, R> wrongMailbox,
                Function<Refused, R> refused);

    /** One sentence for an operator or a log line: what happened and what to do. Never holds a token. */
    default String explanation() {
        return fold(
                g -> "access to " + g.subject().value() + " granted",
                n -> "the service account's client ID " + n.clientId() + " is not delegated for these scopes: in the Admin console "
                        + "(admin.google.com) go to Security > Access and data control > API controls > Manage Domain Wide Delegation, "
                        + "add client ID " + n.clientId() + " with the OAuth scopes " + n.scopeList()
                        + " (a new entry can take up to 24 hours to take effect)",
                u -> u.subject().value() + " is not an active user of the Workspace domain (unknown, deleted or suspended): " + u.googleSays(),
                c -> "Google refused the assertion's time (iat/exp): check this machine's clock. Google says: " + c.googleSays(),
                k -> "Google no longer accepts the key of service account " + k.clientEmail()
                        + " (deleted, disabled or not this account's): domain-wide delegation is stopped until a new key file is installed. Google says: "
                        + k.googleSays(),
                w -> "Gmail answered for " + w.answeredFor().value() + " when asked for " + w.subject().value()
                        + ": the read was refused and nothing was stored",
                r -> "Google refused the token request: " + r.error() + " (" + r.googleSays() + ")");
    }
}
