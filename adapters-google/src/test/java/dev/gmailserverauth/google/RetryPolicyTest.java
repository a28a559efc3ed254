package dev.gmailserverauth.google;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final RetryPolicy POLICY =
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(250), Duration.ZERO, Duration.ofSeconds(5));

    @Test
    void backoffDoublesUpToTheMaximum() {
        assertThat(POLICY.backoff(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(POLICY.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(POLICY.backoff(2)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void jitterStaysWithinItsBound() {
        RetryPolicy jittery = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofSeconds(5));
        for (int i = 0; i < 50; i++) assertThat(jittery.backoff(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(150));
    }

    @Test
    void aBudgetAllowsThreeTriesInAll() {
        RetryBudget budget = new RetryBudget(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5)));
        budget.await(budget.nextWait(Optional.empty()).orElseThrow());
        budget.await(budget.nextWait(Optional.empty()).orElseThrow());
        assertThat(budget.attempts()).isEqualTo(3);
        assertThat(budget.nextWait(Optional.empty())).isEmpty();
    }

    @Test
    void aRetryAfterLongerThanTheBackoffWins() {
        assertThat(new RetryBudget(POLICY).nextWait(Optional.of(Duration.ofSeconds(2)))).contains(Duration.ofSeconds(2));
    }

    @Test
    void aWaitPastTheDeadlineIsNotTaken() {
        assertThat(new RetryBudget(POLICY).nextWait(Optional.of(Duration.ofSeconds(60)))).isEmpty();
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(GoogleFailure.retryAfter(new HttpHeaders().setRetryAfter("7"))).contains(Duration.ofSeconds(7));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(GoogleFailure.retryAfter(new HttpHeaders().setRetryAfter(inTenSeconds)).orElseThrow())
                .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(GoogleFailure.retryAfter(new HttpHeaders().setRetryAfter("soon"))).isEmpty();
        assertThat(GoogleFailure.retryAfter(new HttpHeaders())).isEmpty();
    }
}
