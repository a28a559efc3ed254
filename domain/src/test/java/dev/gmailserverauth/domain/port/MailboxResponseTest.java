package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.Summaries;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxResponseTest {
    private static final Instant RETRY_AT = Instant.parse("2026-06-01T10:00:30Z");

    @Test
    void aRateLimitedOutcomePassesThroughFlatMapWithItsRetryTime() {
        MailboxResponse<String> limited = new MailboxResponse.RateLimited<>(RETRY_AT);
        MailboxResponse<Integer> chained = limited.flatMap(value -> new MailboxResponse.Ok<>(value.length()));
        assertThat(chained).isEqualTo(new MailboxResponse.RateLimited<Integer>(RETRY_AT));
        assertThat(limited.map(String::length)).isEqualTo(new MailboxResponse.RateLimited<Integer>(RETRY_AT));
    }

    @Test
    void aRateLimitedOutcomeNeedsItsRetryTime() {
        assertThatThrownBy(() -> new MailboxResponse.RateLimited<>(null)).hasMessageContaining("retryAt");
    }

    @Test
    void summariesAreCompleteOnlyWhenNoIdIsMissing() {
        assertThat(Summaries.complete(List.of()).isComplete()).isTrue();
        Summaries partial = new Summaries(List.of(), List.of(new MessageId("18f2c1a2b3c4d5e6")));
        assertThat(partial.isComplete()).isFalse();
        assertThat(partial.missing()).containsExactly(new MessageId("18f2c1a2b3c4d5e6"));
    }
}
