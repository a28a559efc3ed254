package dev.gmailserverauth.domain.webhook;

import dev.gmailserverauth.domain.event.AccountEvent;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Driven port for posting one event to one receiver, signed. */
public interface WebhookSender {

    /**
     * One attempt, answered when the receiver answers or the sender's timeouts run out; never completes exceptionally
     * for what the receiver or the network does. Holds no thread while waiting.
     */
    CompletableFuture<Attempt> send(URI url, AccountEvent event, SigningSecrets secrets);

    sealed interface Attempt {
        <R> R fold(Function<Accepted, R> accepted, Function<Failed, R> failed);

        /** The receiver answered 2xx. */
        record Accepted(int status) implements Attempt {
            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Failed, R> failed) {
                return accepted.apply(this);
            }
        }

        /** Any other answer, no answer in time, or an address that is not allowed; {@code reason} says which. */
        record Failed(String reason) implements Attempt {
            public Failed {
                Objects.requireNonNull(reason, "reason");
            }

            @Override
            public <R> R fold(Function<Accepted, R> accepted, Function<Failed, R> failed) {
                return failed.apply(this);
            }
        }
    }
}
