package dev.gmailserverauth.application.sync;

import dev.gmailserverauth.application.MailOutcome;
import dev.gmailserverauth.domain.model.AuthorizationOutcome.ConsentRequired;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/** What one Google call of a background sync came to, as the sync acts on it. */
sealed interface Step<T> {

    <R> R fold(Function<Got<T>, R> got, Function<Wait<T>, R> wait, Function<Gone<T>, R> gone, Function<Ended<T>, R> ended);

    /** The call answered. */
    record Got<T>(T value) implements Step<T> {
        @Override
        public <R> R fold(Function<Got<T>, R> got, Function<Wait<T>, R> wait, Function<Gone<T>, R> gone, Function<Ended<T>, R> ended) {
            return got.apply(this);
        }
    }

    /** The person's quota is spent until {@code until}: try again then. */
    record Wait<T>(Instant until) implements Step<T> {
        @Override
        public <R> R fold(Function<Got<T>, R> got, Function<Wait<T>, R> wait, Function<Gone<T>, R> gone, Function<Ended<T>, R> ended) {
            return wait.apply(this);
        }
    }

    /** Not found (for history: the start is too old), or an argument Gmail refused; {@code detail} says which. */
    record Gone<T>(String detail) implements Step<T> {
        @Override
        public <R> R fold(Function<Got<T>, R> got, Function<Wait<T>, R> wait, Function<Gone<T>, R> gone, Function<Ended<T>, R> ended) {
            return gone.apply(this);
        }
    }

    /** The grant no longer works: consent (or a new sign-in) is needed. */
    record Ended<T>(ConsentRequired consent) implements Step<T> {
        @Override
        public <R> R fold(Function<Got<T>, R> got, Function<Wait<T>, R> wait, Function<Gone<T>, R> gone, Function<Ended<T>, R> ended) {
            return ended.apply(this);
        }
    }

    /** Chains a step that runs only after this one answered; any other outcome passes through. */
    default <U> Step<U> flatMap(Function<T, Step<U>> next) {
        return fold(got -> next.apply(got.value()), wait -> new Wait<>(wait.until()), gone -> new Gone<>(gone.detail()),
                ended -> new Ended<>(ended.consent()));
    }

    default <U> Step<U> map(Function<T, U> mapper) {
        return flatMap(value -> new Got<>(mapper.apply(value)));
    }

    /** Reads a mail outcome, every case by its fold. */
    static <T> Step<T> of(MailOutcome<T> outcome) {
        return Objects.requireNonNull(outcome, "outcome").<Step<T>>fold(
                success -> new Got<>(success.value()),
                reauthorization -> new Ended<>(reauthorization.consent()),
                notFound -> new Gone<>("not found"),
                invalid -> new Gone<>(invalid.reason()),
                limited -> new Wait<>(limited.retryAt()));
    }
}
