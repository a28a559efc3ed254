package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.MutableClock;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The numbers the cache reports for metrics: hits, misses (an expired entry is a miss) and its size. */
class SummaryCacheStatsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final UserId ALICE = new UserId("alice");

    @Test
    void countsHitsAndMissesPerSummaryAskedFor() {
        MutableClock clock = new MutableClock(NOW);
        SummaryCache cache = new SummaryCache(10, Duration.ofMinutes(5), clock);
        cache.store(ALICE, List.of(summary("aaaa1111"), summary("bbbb2222")));

        cache.find(ALICE, List.of(new MessageId("aaaa1111"), new MessageId("cccc3333")));
        clock.advance(Duration.ofMinutes(6));
        cache.find(ALICE, List.of(new MessageId("bbbb2222")));

        assertThat(cache.stats()).isEqualTo(new SummaryCache.Stats(1, 2, 1));
    }

    private static MessageSummary summary(String id) {
        return new MessageSummary(new MessageId(id), new ThreadId(id), "subject", "from", NOW, "snippet", Set.of());
    }
}
