package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.fake.InMemoryEventOutbox;
import dev.gmailserverauth.domain.fake.InMemoryTransactions;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRecorderTest {
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
    private final EventRecorder recorder = new EventRecorder(transactions, outbox);

    private static NewEvent deleted(String id) {
        return new NewEvent(new UserId("alice"), new EmailAddress("alice@example.com"), Instant.EPOCH, new EventPayload.MessageDeleted(new MessageId(id)));
    }

    @Test
    void aChangeAndAllItsEventsShareOneTransactionInOrder() {
        String result = recorder.change(() -> "checkpoint saved", List.of(deleted("a1"), deleted("b2")));
        assertThat(result).isEqualTo("checkpoint saved");
        assertThat(transactions.opened()).isEqualTo(1);
        assertThat(outbox.appended()).containsExactly(deleted("a1"), deleted("b2"));
        assertThat(outbox.after(0, 10)).extracting(event -> event.sequence()).containsExactly(1L, 2L);
    }

    @Test
    void aNoticeToldOnceIsNotAppendedAgain() {
        recorder.once(deleted("a1"), "key");
        recorder.once(deleted("a1"), "key");
        assertThat(outbox.appended()).hasSize(1);
    }

    @Test
    void aCompareAndSetThatFailsTellsNothing() {
        assertThat(recorder.changeIf(() -> false, List.of(deleted("a1")))).isFalse();
        assertThat(outbox.appended()).isEmpty();
        assertThat(recorder.changeIf(() -> true, List.of(deleted("a1")))).isTrue();
        assertThat(outbox.appended()).containsExactly(deleted("a1"));
    }
}
