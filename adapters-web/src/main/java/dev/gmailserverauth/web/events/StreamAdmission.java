package dev.gmailserverauth.web.events;

import java.util.Objects;
import java.util.function.Function;

/** Whether one more stream may open: a reserved place, or a refusal with its HTTP status and reason. */
sealed interface StreamAdmission {

    <R> R fold(Function<Admitted, R> admitted, Function<Refused, R> refused);

    /** The stream holds its place from now on; it is freed when the stream ends or is abandoned. */
    record Admitted(EventStream stream) implements StreamAdmission {
        public Admitted {
            Objects.requireNonNull(stream, "stream");
        }

        @Override
        public <R> R fold(Function<Admitted, R> admitted, Function<Refused, R> refused) {
            return admitted.apply(this);
        }
    }

    /** 429 when the person holds all their streams, 503 when the instance holds all of its. */
    record Refused(int status, String error, String message) implements StreamAdmission {
        public Refused {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public <R> R fold(Function<Admitted, R> admitted, Function<Refused, R> refused) {
            return refused.apply(this);
        }
    }
}
