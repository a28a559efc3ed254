package dev.gmailserverauth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void returnsAsSoonAsTheConditionHolds() {
        AtomicInteger looks = new AtomicInteger();
        Eventually.await("the third look", Duration.ofSeconds(10), () -> looks.incrementAndGet() == 3);
        assertThat(looks).hasValue(3);
    }

    @Test
    void failsAtTheBoundNamingWhatWasAwaitedWithTheLastFailureAsCause() {
        assertThatThrownBy(() -> Eventually.await("the server listens", Duration.ofMillis(100), () -> {
            throw new IOException("connection refused");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("the server listens").hasRootCauseMessage("connection refused");
    }

    @Test
    void anAssertionErrorFromTheConditionEndsTheWaitAtOnce() {
        AtomicInteger looks = new AtomicInteger();
        assertThatThrownBy(() -> Eventually.await("never", Duration.ofSeconds(30), () -> {
            looks.incrementAndGet();
            throw new AssertionError("the process died");
        })).hasMessage("the process died");
        assertThat(looks).hasValue(1);
    }

    @Test
    void withinTellsWhetherItHeldInsteadOfFailing() {
        assertThat(Eventually.within(Duration.ofMillis(50), Duration.ofMillis(5), () -> false)).isFalse();
        assertThat(Eventually.within(Duration.ofSeconds(5), Duration.ofMillis(5), () -> true)).isTrue();
    }
}
