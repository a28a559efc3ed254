package dev.gmailserverauth.domain.port;

import static dev.gmailserverauth.domain.fake.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.event.AccountEvent;
import dev.gmailserverauth.domain.event.EventOutbox;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.EventType;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.event.ReauthorizationReason;
import dev.gmailserverauth.domain.event.Transactions;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link EventOutbox} must do, and how it shares a {@link Transactions} with the credential store. */
public abstract class EventOutboxContract {
    protected static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    /** An empty outbox. */
    protected abstract EventOutbox outbox();

    /** The transactions the outbox and {@link #credentials()} share. */
    protected abstract Transactions transactions();

    /** A credential store on the same database as the outbox. */
    protected abstract CredentialRepository credentials();

    protected static NewEvent disconnected(String user, Instant at) {
        return new NewEvent(new UserId(user), new EmailAddress(user + "@example.com"), at, new EventPayload.AccountDisconnected());
    }

    @Test
    void numbersEachAccountsEventsFromOneWithoutGaps() {
        EventOutbox outbox = outbox();
        AccountEvent a1 = outbox.append(disconnected("alice", NOW));
        AccountEvent b1 = outbox.append(disconnected("bob", NOW));
        AccountEvent a2 = outbox.append(disconnected("alice", NOW.plusSeconds(1)));
        assertThat(List.of(a1.sequence(), b1.sequence(), a2.sequence())).containsExactly(1L, 1L, 2L);
        assertThat(a2.position()).isGreaterThan(b1.position());
        assertThat(b1.position()).isGreaterThan(a1.position());
        assertThat(a1.id()).isNotEqualTo(a2.id());
    }

    @Test
    void findsWhatItAppendedWithTheSameBody() {
        EventOutbox outbox = outbox();
        AccountEvent appended = outbox.append(new NewEvent(new UserId("carol"), new EmailAddress("carol@example.com"), NOW,
                new EventPayload.ReauthorizationRequired(ReauthorizationReason.REVOKED, "invalid_grant: Token has been expired or revoked.")));
        assertThat(outbox.find(appended.id())).contains(appended);
        assertThat(appended.type()).isEqualTo(EventType.ACCOUNT_REAUTHORIZATION_REQUIRED);
        assertThat(appended.body()).contains("\"type\":\"account.reauthorization_required\"", "\"sequence\":1", appended.id().value(),
                "Token has been expired or revoked.");
    }

    @Test
    void anEventAppendedOnceUnderAKeyIsNotAppendedAgain() {
        EventOutbox outbox = outbox();
        NewEvent ending = new NewEvent(new UserId("judy"), new EmailAddress("judy@example.com"), NOW,
                new EventPayload.AccessEnding(NOW.plusSeconds(3600)));
        AccountEvent first = outbox.appendOnce(ending, "access_ending:judy:1").orElseThrow();
        assertThat(outbox.appendOnce(ending, "access_ending:judy:1")).isEmpty();
        assertThat(outbox.appendOnce(ending, "access_ending:judy:2")).hasValueSatisfying(next -> assertThat(next.sequence()).isEqualTo(2));
        assertThat(outbox.append(disconnected("judy", NOW)).sequence()).isEqualTo(3);
        assertThat(first.sequence()).isEqualTo(1);
    }

    @Test
    void theLastPositionIsZeroWhenEmptyThenTheNewestEvents() {
        EventOutbox outbox = outbox();
        assertThat(outbox.lastPosition()).isZero();
        outbox.append(disconnected("erin", NOW));
        AccountEvent newest = outbox.append(disconnected("frank", NOW));
        assertThat(outbox.lastPosition()).isEqualTo(newest.position());
        assertThat(outbox.after(outbox.lastPosition(), 10)).isEmpty();
    }

    @Test
    void readsEventsAfterAPositionAndSinceATime() {
        EventOutbox outbox = outbox();
        AccountEvent first = outbox.append(disconnected("dave", NOW));
        AccountEvent second = outbox.append(disconnected("dave", NOW.plusSeconds(60)));
        AccountEvent third = outbox.append(disconnected("erin", NOW.plusSeconds(120)));
        assertThat(outbox.after(first.position(), 10)).containsExactly(second, third);
        assertThat(outbox.after(first.position(), 1)).containsExactly(second);
        assertThat(outbox.since(NOW.plusSeconds(60), 10)).containsExactly(second, third);
        assertThat(outbox.after(third.position(), 10)).isEmpty();
    }

    @Test
    void aCommittedChangeKeepsItsEvent() {
        StoredCredential credential = credential("frank", NOW);
        AccountEvent event = transactions().atomically(() -> {
            credentials().save(credential);
            return outbox().append(disconnected("frank", NOW));
        });
        assertThat(credentials().findByUserId(credential.userId())).isPresent();
        assertThat(outbox().find(event.id())).isPresent();
    }

    @Test
    void aChangeRolledBackLeavesNoEvent() {
        StoredCredential credential = credential("grace", NOW);
        List<AccountEvent> appended = new ArrayList<>();
        assertThatThrownBy(() -> transactions().atomically(() -> {
            credentials().save(credential);
            appended.add(outbox().append(disconnected("grace", NOW)));
            throw new IllegalStateException("the change fails after its event was written");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(credentials().findByUserId(credential.userId())).isEmpty();
        assertThat(outbox().find(appended.get(0).id())).isEmpty();
        assertThat(outbox().after(0, 10)).isEmpty();
        // The sequence number given to the lost event is given again: no gap.
        assertThat(outbox().append(disconnected("grace", NOW)).sequence()).isEqualTo(1);
    }

    @Test
    void aDeletionRolledBackLeavesTheCredentialAndNoEvent() {
        StoredCredential credential = credential("heidi", NOW);
        credentials().save(credential);
        assertThatThrownBy(() -> transactions().atomically(() -> {
            credentials().delete(credential.userId());
            outbox().append(disconnected("heidi", NOW));
            throw new IllegalStateException("crash before commit");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(credentials().findByUserId(credential.userId())).isPresent();
        assertThat(outbox().after(0, 10)).isEmpty();
    }

    @Test
    void concurrentAppendsForOneAccountGetDistinctSequences() throws Exception {
        EventOutbox outbox = outbox();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Long>> appends = new ArrayList<>();
            for (int i = 0; i < 20; i++) appends.add(() -> outbox.append(disconnected("ivan", NOW)).sequence());
            List<Long> sequences = new ArrayList<>();
            for (Future<Long> future : pool.invokeAll(appends)) sequences.add(future.get());
            assertThat(sequences).containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
