package dev.gmailserverauth.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.ListMessages;
import dev.gmailserverauth.application.MailOutcome;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.IndexView;
import dev.gmailserverauth.domain.model.IndexWrite;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.SyncProgress;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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
    void searchesAndOwnLabelsNotYetNamedByGmailStillGoToGmail() {
        syncWhole(3);
        int calls = world.google.mailboxCallCount();
        assertThat(list("Message 1", Optional.empty(), 50).indexedAt()).isEmpty();
        assertThat(list("label:Receipts", Optional.empty(), 50).indexedAt()).as("no label list seen yet").isEmpty();
        assertThat(world.google.mailboxCallCount()).isGreaterThan(calls);
        assertThat(ListIndexed.viewOf(new SearchQuery("label:STARRED"))).contains(IndexView.of(LabelId.STARRED));
        assertThat(ListIndexed.viewOf(new SearchQuery("label:TRASH"))).as("the backfill leaves trash out").isEmpty();
        assertThat(ListIndexed.viewOf(new SearchQuery("is:inbox"))).isEmpty();
    }

    @Test
    void anOwnLabelByNameIsServedFromTheIndexOnceGmailListedTheLabels() {
        world.google.addLabel(alice, "Label_7", "Receipts 2026/Q4");
        world.google.addLabel(alice, "Label_8", "Travel");
        IntStream.range(0, 6).forEach(i -> world.google.addMessage(alice, new NewMessage("Shop <shop@example.com>", "Message " + i, "Body",
                World.START.minus(Duration.ofMinutes(10 - i)), false, Optional.empty(), List.of(), false, i % 2 == 0 ? List.of("Label_7") : List.of())));
        world.signIn(alice);
        world.runSync.run(alice.userId());
        world.asUser(alice.userId(), world.listLabels::list);
        int calls = world.google.mailboxCallCount();

        // Gmail's label: form: case aside, spaces and slashes as dashes.
        ListMessages.Listing receipts = list("label:receipts-2026-q4", Optional.empty(), 50);
        ListMessages.Listing travel = list("LABEL:Travel", Optional.empty(), 50);

        assertThat(world.google.mailboxCallCount()).isEqualTo(calls);
        assertThat(receipts.indexedAt()).isPresent();
        assertThat(receipts.page().items()).extracting(MessageSummary::subject).containsExactly("Message 4", "Message 2", "Message 0");
        assertThat(travel.indexedAt()).isPresent();
        assertThat(travel.page().items()).isEmpty();
        assertThat(list("label:receipts", Optional.empty(), 50).indexedAt()).as("another name").isEmpty();
        assertThat(list("label:receipts-2026-q4 subject:x", Optional.empty(), 50).indexedAt()).as("a search").isEmpty();
    }

    @Test
    void anOwnLabelNameIsTrustedOnlyAsLongAsTheIndexCountsAsCurrent() {
        world.google.addLabel(alice, "Label_7", "Receipts");
        syncWhole(2);
        world.asUser(alice.userId(), world.listLabels::list);
        assertThat(list("label:receipts", Optional.empty(), 50).indexedAt()).isPresent();

        world.clock.advance(Duration.ofMinutes(25));
        world.runSync.run(alice.userId());
        assertThat(list("label:receipts", Optional.empty(), 50).indexedAt()).as("the sync is current, the names are 25 minutes old").isEmpty();
        world.asUser(alice.userId(), world.listLabels::list);
        assertThat(list("label:receipts", Optional.empty(), 50).indexedAt()).isPresent();
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
    void aMailboxLargerThanTheBackfillIsServedFromTheIndexUpToItsWindowAndByGmailPastIt() {
        syncWhole(30);
        assertThat(world.messageIndex.count(alice.userId())).isEqualTo(25);
        int calls = world.google.mailboxCallCount();

        ListMessages.Listing first = list("", Optional.empty(), 10);
        ListMessages.Listing second = list("", first.page().nextPageToken(), 10);
        // The 25th newest is the window's edge: the 24 newer are the index's, the page stops short before the edge.
        ListMessages.Listing third = list("", second.page().nextPageToken(), 10);
        assertThat(world.google.mailboxCallCount()).as("three pages from the index").isEqualTo(calls);
        assertThat(List.of(first, second, third)).allSatisfy(page -> assertThat(page.indexedAt()).isPresent());
        assertThat(third.page().items()).hasSize(4);

        ListMessages.Listing fourth = list("", third.page().nextPageToken(), 10);
        assertThat(world.google.mailboxCallCount()).as("past the edge Gmail answers").isGreaterThan(calls);
        assertThat(fourth.indexedAt()).isEmpty();
        assertThat(fourth.page().hasNext()).isFalse();
        assertThat(subjects(first, second, third, fourth)).as("every message once, newest first")
                .containsExactlyElementsOf(IntStream.iterate(29, i -> i >= 0, i -> i - 1).mapToObj(i -> "Message " + i).toList());
    }

    @Test
    void gmailPagesPastTheEdgeCarryTheirOwnTokenInsideThisServersToken() {
        syncWhole(30);
        ListMessages.Listing edge = list("", Optional.empty(), 24);
        assertThat(edge.indexedAt()).isPresent();
        ListMessages.Listing gmail = list("", edge.page().nextPageToken(), 2);
        ListMessages.Listing more = list("", gmail.page().nextPageToken(), 2);
        assertThat(gmail.page().nextPageToken().orElseThrow().value()).as("this server's form: it holds a dot").contains(".");
        // Gmail's list narrowed to before the edge's second holds the last message shown too: it is dropped, the page is short by it.
        assertThat(gmail.page().items()).extracting(MessageSummary::subject).containsExactly("Message 5");
        assertThat(subjects(edge, gmail, more)).containsExactlyElementsOf(IntStream.iterate(29, i -> i >= 3, i -> i - 1).mapToObj(i -> "Message " + i).toList());
    }

    @Test
    void aTokenFromTheIndexStillGivesTheNextPageAfterTheIndexChanged() {
        syncWhole(5);
        ListMessages.Listing first = list("", Optional.empty(), 2);
        MessageSummary last = first.page().items().get(1);
        SyncProgress progress = world.syncStates.find(alice.userId()).orElseThrow().progress();
        assertThat(world.messageIndex.apply(alice.userId(), List.of(new IndexWrite.Remove(last.id())), progress, progress)).isTrue();

        ListMessages.Listing next = list("", first.page().nextPageToken(), 2);
        assertThat(next.indexedAt()).isPresent();
        assertThat(next.page().items()).extracting(MessageSummary::subject).containsExactly("Message 2", "Message 1");
    }

    @Test
    void aTokenFromTheIndexGoesOnAtGmailOnceTheSyncIsNoLongerCurrent() {
        syncWhole(5);
        ListMessages.Listing first = list("", Optional.empty(), 2);
        world.clock.advance(Duration.ofMinutes(21));
        ListMessages.Listing next = list("", first.page().nextPageToken(), 3);
        assertThat(next.indexedAt()).isEmpty();
        assertThat(next.page().items()).as("after the last message shown, without it").extracting(MessageSummary::subject)
                .containsExactly("Message 2", "Message 1");
    }

    @Test
    void tokensThatLookLikeThisServersButAreNotAreRefusedWithoutCallingGmail() {
        syncWhole(3);
        int calls = world.google.mailboxCallCount();
        for (String hostile : List.of("abc.def", "12.bad!id", ".x", "1.", "1.a.", "-5.a", "99999999999999999999.a", "1..2")) {
            MailOutcome<ListMessages.Listing> outcome = world.asUser(alice.userId(), grant -> world.listMessages.list(grant,
                    new ListMessages.Query(SearchQuery.ALL, Optional.of(new PageToken(hostile)), new PageSize(5))));
            assertThat(outcome).as(hostile).isInstanceOf(MailOutcome.Invalid.class);
        }
        assertThat(world.google.mailboxCallCount()).isEqualTo(calls);
    }

    private static List<String> subjects(ListMessages.Listing... pages) {
        return Stream.of(pages).flatMap(page -> page.page().items().stream()).map(MessageSummary::subject).toList();
    }
}
