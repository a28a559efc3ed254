package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.FakeGoogle;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AuthorizedAccessTest {
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    /** The token a granted request's mailbox calls carry. */
    private AccessToken granted(AccessOutcome outcome) {
        assertThat(outcome).isInstanceOf(AccessOutcome.Granted.class);
        MailOutcome<AccessToken> used = ((AccessOutcome.Granted) outcome).grant().call(access -> new MailboxResponse.Ok<>(access.token()));
        return ((MailOutcome.Success<AccessToken>) used).value();
    }

    private static AccessToken renewed(Renewal renewal) {
        assertThat(renewal).isInstanceOf(Renewal.Renewed.class);
        return ((Renewal.Renewed) renewal).token();
    }

    @Test
    void reusesTheStoredTokenUntilSixtySecondsBeforeExpiry() {
        world.signIn(alice);
        AccessToken first = granted(world.access.open(alice.userId()));
        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME.minusSeconds(61));
        assertThat(granted(world.access.open(alice.userId()))).isEqualTo(first);
        assertThat(world.google.refreshCount()).isZero();

        world.clock.advance(Duration.ofSeconds(2));
        AccessToken second = granted(world.access.open(alice.userId()));
        assertThat(second).isNotEqualTo(first);
        assertThat(world.google.refreshCount()).isEqualTo(1);
        assertThat(world.credentials.findByUserId(alice.userId()).orElseThrow().accessToken().orElseThrow().token()).isEqualTo(second);
    }

    @Test
    void fiftyConcurrentCallersShareExactlyOneRefresh() throws Exception {
        world.signIn(alice);
        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME);
        world.google.slowDownRefreshes(Duration.ofMillis(200));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AccessOutcome>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return world.access.open(alice.userId());
                }));
            }
            start.countDown();
            List<AccessToken> tokens = new ArrayList<>();
            for (Future<AccessOutcome> result : results) tokens.add(granted(result.get()));
            assertThat(world.google.refreshCount()).isEqualTo(1);
            assertThat(tokens).containsOnly(tokens.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRevokedGrantDeletesTheCredentialAndAsksForConsent() {
        world.signIn(alice);
        world.google.revokeGrants(alice);
        world.clock.advance(FakeGoogle.ACCESS_TOKEN_LIFETIME);
        AccessOutcome outcome = world.access.open(alice.userId());
        assertThat(outcome).isInstanceOf(AccessOutcome.Denied.class);
        assertThat(((AccessOutcome.Denied) outcome).consent().reason()).isEqualTo(ConsentReason.CREDENTIALS_REVOKED);
        assertThat(world.credentials.findByUserId(alice.userId())).isEmpty();
    }

    @Test
    void aUserWithoutCredentialIsNotAuthorized() {
        AccessOutcome outcome = world.access.open(new UserId("nobody"));
        assertThat(((AccessOutcome.Denied) outcome).consent().reason()).isEqualTo(ConsentReason.NOT_AUTHORIZED);
    }

    @Test
    void aRejectedTokenIsRefreshedEvenBeforeItExpires() {
        world.signIn(alice);
        AccessToken first = granted(world.access.open(alice.userId()));
        AccessToken second = renewed(world.access.renewalFor(alice.userId()).renewAfterRejection(first));
        assertThat(second).isNotEqualTo(first);
        assertThat(world.google.refreshCount()).isEqualTo(1);
    }

    @Test
    void aRejectionOfAnAlreadyReplacedTokenReusesTheReplacement() {
        world.signIn(alice);
        AccessToken first = granted(world.access.open(alice.userId()));
        AccessToken second = renewed(world.access.renewalFor(alice.userId()).renewAfterRejection(first));
        assertThat(renewed(world.access.renewalFor(alice.userId()).renewAfterRejection(first))).isEqualTo(second);
        assertThat(world.google.refreshCount()).isEqualTo(1);
    }
}
