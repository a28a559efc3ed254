package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.domain.model.MailboxNotification;
import dev.gmailserverauth.domain.model.PushVerification;
import dev.gmailserverauth.domain.port.PushTokenVerifier;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Pub/Sub push arrived: its OIDC token is checked first (nothing is read from a push that is not Google's, for
 * us, from the configured service account), then the notification it carries is handed to {@link ReceiveNotification}.
 */
public final class ReceivePush {
    private final PushTokenVerifier verifier;
    private final ReceiveNotification receive;

    public ReceivePush(PushTokenVerifier verifier, ReceiveNotification receive) {
        this.verifier = Objects.requireNonNull(verifier);
        this.receive = Objects.requireNonNull(receive);
    }

    /** What the push body held, as the receiving adapter read it. */
    public sealed interface Body {
        <R> R fold(Function<Notification, R> notification, Function<Malformed, R> malformed);

        record Notification(MailboxNotification notification) implements Body {
            public Notification {
                Objects.requireNonNull(notification, "notification");
            }

            @Override
            public <R> R fold(Function<Notification, R> notification, Function<Malformed, R> malformed) {
                return notification.apply(this);
            }
        }

        /** Not a Pub/Sub push of a Gmail notification; {@code reason} says what is wrong. */
        record Malformed(String reason) implements Body {
            public Malformed {
                Objects.requireNonNull(reason, "reason");
            }

            @Override
            public <R> R fold(Function<Notification, R> notification, Function<Malformed, R> malformed) {
                return malformed.apply(this);
            }
        }
    }

    /** What the push led to. */
    public sealed interface Outcome {
        <R> R fold(Function<Accepted, R> accepted, Function<Refused, R> refused, Function<KeysUnavailable, R> keysUnavailable,
                Function<Malformed, R> malformed);

        record Accepted(ReceiveNotification.Outcome outcome) implements Outcome {
            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Refused, R> refused, Function<KeysUnavailable, R> keysUnavailable,
                    Function<Malformed, R> malformed) {
                return accepted.apply(this);
            }
        }

        record Refused(PushVerification.Reason reason) implements Outcome {
            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Refused, R> refused, Function<KeysUnavailable, R> keysUnavailable,
                    Function<Malformed, R> malformed) {
                return refused.apply(this);
            }
        }

        record KeysUnavailable() implements Outcome {
            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Refused, R> refused, Function<KeysUnavailable, R> keysUnavailable,
                    Function<Malformed, R> malformed) {
                return keysUnavailable.apply(this);
            }
        }

        record Malformed(String reason) implements Outcome {
            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Refused, R> refused, Function<KeysUnavailable, R> keysUnavailable,
                    Function<Malformed, R> malformed) {
                return malformed.apply(this);
            }
        }
    }

    public Outcome receive(Optional<String> bearerToken, Body body) {
        return verifier.verify(bearerToken).fold(
                verified -> body.<Outcome>fold(
                        notification -> new Outcome.Accepted(receive.receive(notification.notification())),
                        malformed -> new Outcome.Malformed(malformed.reason())),
                refused -> new Outcome.Refused(refused.reason()),
                unavailable -> new Outcome.KeysUnavailable());
    }
}
