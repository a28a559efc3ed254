package dev.gmailserverauth.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.MailOutcome;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.IndexView;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListIndexedTest {
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    private void deliver(int count) {
        IntStream.range(0, count).forEach(i -> world.google.addMessage(alice, new NewMessage("Bob <bob@example.com>", "Message " + i, "Body " + i,
                World.START.minus(Duration.ofMinutes(count - i)), i % 2 == 0)));
    }

    private ListMessages.Listing list(String search, Optional<PageToken> page, int size) {
        MailOutcome<ListMessages.Listing> outcome = world.asUser(alice.userId(),
                grant -> world.listMessages.list(grant, new ListMessages.Query(new SearchQuery(search), page, new PageSize(size))));
        return ((MailOutcome.Success<ListMessages.Listing>) outcome).value();
    }

    private void syncWhole(int messages) {
        deliver(messages);
        world.signIn(alice);
        world.runSync.run(alice.userId());
    }

    @Test
    void aCurrentWholeIndexAnswersTheListAndLabelViewsWithoutCallingGmail() {
        syncWhole(5);
        int calls = world.google.mailboxCallCount();

        ListMessages.Listing inbox = list("in:inbox", Optional.empty(), 50);
        ListMessages.Listing unread = list("is:unread", Optional.empty(), 50);
        ListMessages.Listing all = list("", Optional.empty(), 3);
        ListMessages.Listing rest = list("", all.page().nextPageToken(), 3);

        assertThat(world.google.mailboxCallCount()).isEqualTo(calls);
        assertThat(inbox.indexedAt()).isEqualTo(world.syncStates.find(alice.userId()).orElseThrow().lastSynced());
        assertThat(inbox.page().items()).extracting(MessageSummary::subject).containsExactly("Message 4", "Message 3", "Message 2", "Message 1", "Message 0");
        assertThat(unread.page().items()).extracting(MessageSummary::subject).containsExactly("Message 4", "Message 2", "Message 0");
        assertThat(List.of(all.page().items().size(), rest.page().items().size())).containsExactly(3, 2);
        assertThat(rest.page().hasNext()).isFalse();
    }

    @Test
    void searchesAndOwnLabelsByNameStillGoToGmail() {
        syncWhole(3);
        int calls = world.google.mailboxCallCount();
        assertThat(list("Message 1", Optional.empty(), 50).indexedAt()).isEmpty();
        assertThat(list("label:Receipts", Optional.empty(), 50).indexedAt()).isEmpty();
        assertThat(world.google.mailboxCallCount()).isGreaterThan(calls);
        assertThat(ListIndexed.viewOf(new SearchQuery("label:TRASH"))).contains(IndexView.of(new LabelId("TRASH")));
        assertThat(ListIndexed.viewOf(new SearchQuery("is:inbox"))).isEmpty();
    }

    @Test
    void aSyncThatIsNotCurrentOrNotWholeLeavesTheListToGmail() {
        syncWhole(3);
        world.syncStates.recordNotification(alice.userId(), world.clock.instant());
        assertThat(list("", Optional.empty(), 50).indexedAt()).as("a notification waits").isEmpty();
        world.runSync.run(alice.userId());
        assertThat(list("", Optional.empty(), 50).indexedAt()).isPresent();
        world.clock.advance(Duration.ofMinutes(21));
        assertThat(list("", Optional.empty(), 50).indexedAt()).as("older than two polls").isEmpty();
    }

    @Test
    void aMailboxLargerThanTheBackfillIsListedByGmail() {
        syncWhole(30);
        assertThat(world.messageIndex.count(alice.userId())).isEqualTo(25);
        assertThat(list("", Optional.empty(), 50).indexedAt()).isEmpty();
        assertThat(list("", Optional.empty(), 50).page().items()).hasSize(30);
    }
}
