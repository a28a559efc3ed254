package dev.gmailserverauth.sandbox.internal.gmail;

import dev.gmailserverauth.sandbox.internal.ApiResponse;
import java.util.Optional;
import java.util.function.Function;

/** What a Gmail request becomes before it runs: already answered (a fault, 401, 403, 404), or a call to run. */
public sealed interface Admission {
    /** Takes the admission apart: one function per case. */
    <R> R fold(Function<Answered, R> answered, Function<Ready, R> ready);

    /** The call to run, when there is one. */
    default Optional<GmailCall> toRun() {
        return fold(a -> Optional.empty(), r -> Optional.of(r.call()));
    }

    record Answered(ApiResponse response) implements Admission {
        @Override public <R> R fold(Function<Answered, R> answered, Function<Ready, R> ready) {
            return answered.apply(this);
        }
    }

    record Ready(GmailCall call) implements Admission {
        @Override public <R> R fold(Function<Answered, R> answered, Function<Ready, R> ready) {
            return ready.apply(this);
        }
    }
}
