package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.FakeGoogle;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.AttachmentData;
import dev.gmailserverauth.domain.model.AttachmentId;
import dev.gmailserverauth.domain.model.ConsentReason;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.domain.model.Summaries;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.ThreadSummary;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ListMessagesTest {
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    private void fill(UserIdentity account, int count) {
        IntStream.range(0, count).forEach(i -> world.google.addMessage(account,
                new NewMessage("Bob <bob@example.com>", "Message " + i, "Body " + i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i), i % 2 == 0)));
    }

    private ListMessages.Query query(String search, Optional<PageToken> token, int size) {
        return new ListMessages.Query(new SearchQuery(search), token, new PageSize(size));
    }

    private MailOutcome<ListMessages.Listing> list(ListMessages.Query query) {
        return world.asUser(alice.userId(), grant -> world.listMessages.list(grant, query));
    }

    private List<MessageSummary> listAll(int max) {
        return success(listAll(max, progress -> { }));
    }

    private MailOutcome<List<MessageSummary>> listAll(int max, Consumer<ListAllMessages.Progress> progress) {
        return world.asUser(alice.userId(), grant -> world.listAllMessages.listAll(grant, new ListAllMessages.Query(SearchQuery.ALL, max), progress));
    }

    /** The page of a complete listing. */
    private static Page<MessageSummary> page(MailOutcome<ListMessages.Listing> outcome) {
        ListMessages.Listing listing = success(outcome);
        assertThat(listing.missing()).as("missing ids").isEmpty();
        return listing.page();
    }

    private static <T> T success(MailOutcome<T> outcome) {
        assertThat(outcome).isInstanceOf(MailOutcome.Success.class);
        return ((MailOutcome.Success<T>) outcome).value();
    }

    private static ConsentReason reauthorization(MailOutcome<?> outcome) {
        assertThat(outcome).isInstanceOf(MailOutcome.ReauthorizationRequired.class);
        return ((MailOutcome.ReauthorizationRequired<?>) outcome).consent().reason();
    }

    @Test
    void anEmptyMailboxIsAnEmptyPageNotACrash() {
        world.signIn(alice);
        Page<MessageSummary> page = page(list(query("", Optional.empty(), 50)));
        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void followsPageTokensToTheEnd() {
        world.signIn(alice);
        fill(alice, 5);
        Page<MessageSummary> first = page(list(query("", Optional.empty(), 3)));
        assertThat(first.items()).extracting(MessageSummary::subject).containsExactly("Message 4", "Message 3", "Message 2");
        Page<MessageSummary> second = page(list(query("", first.nextPageToken(), 3)));
        assertThat(second.items()).extracting(MessageSummary::subject).containsExactly("Message 1", "Message 0");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void aSearchNarrowsThePage() {
        world.signIn(alice);
        fill(alice, 12);
        assertThat(page(list(query("message 11", Optional.empty(), 50))).items())
                .extracting(MessageSummary::subject).containsExactly("Message 11");
    }

    @Test
    void a401IsRefreshedOnceAndRetried() {
        world.signIn(alice);
        fill(alice, 2);
        world.google.expireAccessTokens(alice);
        assertThat(page(list(query("", Optional.empty(), 50))).items()).hasSize(2);
        assertThat(world.google.refreshCount()).isEqualTo(1);
    }

    @Test
    void a401WithARevokedGrantEndsInReauthorization() {
        world.signIn(alice);
        world.google.revokeGrants(alice);
        assertThat(reauthorization(list(query("", Optional.empty(), 50)))).isEqualTo(ConsentReason.CREDENTIALS_REVOKED);
        assertThat(world.google.refreshCount()).isEqualTo(1);
        assertThat(world.credentials.findByUserId(alice.userId())).isEmpty();
    }

    @Test
    void a401AgainAfterTheRefreshMeansRevokedWithoutASecondRefresh() {
        World rejecting = new World(new AlwaysUnauthorized());
        UserIdentity bob = rejecting.google.addAccount("bob@example.com");
        rejecting.signIn(bob);
        MailOutcome<ListMessages.Listing> outcome = rejecting.asUser(bob.userId(), grant -> rejecting.listMessages.list(
                grant, new ListMessages.Query(SearchQuery.ALL, Optional.empty(), PageSize.DEFAULT)));
        assertThat(reauthorization(outcome)).isEqualTo(ConsentReason.CREDENTIALS_REVOKED);
        assertThat(rejecting.google.refreshCount()).isEqualTo(1);
    }

    @Test
    void aGrantWithoutGmailScopeAsksForConsent() {
        world.signIn(alice);
        world.credentials.save(world.credentials.findByUserId(alice.userId()).map(c -> new dev.gmailserverauth.domain.model.StoredCredential(
                c.userId(), c.email(), c.refreshToken(),
                Optional.of(new dev.gmailserverauth.domain.model.ExpiringAccessToken(world.google.issueAccessToken(alice, FakeGoogle.withoutGmail()),
                        world.clock.instant().plusSeconds(3000))),
                c.grantedScopes(), c.createdAt(), c.updatedAt())).orElseThrow());
        assertThat(reauthorization(list(query("", Optional.empty(), 50)))).isEqualTo(ConsentReason.INSUFFICIENT_SCOPE);
    }

    @Test
    void aForeignPageTokenIsInvalid() {
        world.signIn(alice);
        assertThat(list(query("", Optional.of(new PageToken("forged")), 50))).isInstanceOf(MailOutcome.Invalid.class);
    }

    @Test
    void aUserWhoNeverSignedInMustAuthorize() {
        assertThat(reauthorization(list(query("", Optional.empty(), 50)))).isEqualTo(ConsentReason.NOT_AUTHORIZED);
    }

    @Test
    void showingTheSamePageAgainCostsOnlyTheListCall() {
        world.signIn(alice);
        fill(alice, 5);
        list(query("", Optional.empty(), 50));
        int callsAfterFirstView = world.google.mailboxCallCount();
        assertThat(callsAfterFirstView).isEqualTo(2);
        assertThat(page(list(query("", Optional.empty(), 50))).items()).hasSize(5);
        assertThat(world.google.mailboxCallCount() - callsAfterFirstView).isEqualTo(1);
    }

    @Test
    void listAllFollowsPagesUpToTheCap() {
        world.signIn(alice);
        fill(alice, 7);
        assertThat(listAll(5)).hasSize(5);
        assertThat(listAll(100)).hasSize(7);
    }

    @Test
    void listAllOfAnEmptyMailboxIsEmpty() {
        world.signIn(alice);
        assertThat(listAll(100)).isEmpty();
    }

    @Test
    void getsOneMessageAndSaysWhenThereIsNone() {
        world.signIn(alice);
        MessageId id = world.google.addMessage(alice, new NewMessage("Bob <bob@example.com>", "Hi", "Hello Alice", Instant.parse("2026-01-01T00:00:00Z"), true));
        Message message = success(world.asUser(alice.userId(), grant -> world.getMessage.get(grant, id)));
        assertThat(message.textBody()).contains("Hello Alice");
        assertThat(world.asUser(alice.userId(), grant -> world.getMessage.get(grant, new MessageId("ffff000000000000")))).isInstanceOf(MailOutcome.NotFound.class);
    }

    @Test
    void listsLabelsSystemFirst() {
        world.signIn(alice);
        List<Label> labels = success(world.asUser(alice.userId(), world.listLabels::list));
        assertThat(labels).extracting(Label::name).containsExactly("INBOX", "STARRED", "UNREAD");
    }

    @Test
    void listsAndOpensThreads() {
        world.signIn(alice);
        fill(alice, 2);
        Page<ThreadSummary> threads = success(world.asUser(alice.userId(), grant -> world.listThreads.list(grant, MailQuery.firstPage(SearchQuery.ALL, PageSize.DEFAULT))));
        assertThat(threads.items()).hasSize(2);
        MailThread thread = success(world.asUser(alice.userId(), grant -> world.getThread.get(grant, threads.items().get(0).id())));
        assertThat(thread.messages()).hasSize(1);
        assertThat(world.asUser(alice.userId(), grant -> world.getThread.get(grant, new ThreadId("ffff000000000000")))).isInstanceOf(MailOutcome.NotFound.class);
    }

    // ---- at Gmail's per-user limits ----

    @Test
    void aPageWithSummariesGmailDidNotGiveInTimeNamesThemAndKeepsTheRest() {
        world.signIn(alice);
        fill(alice, 5);
        world.google.withholdNextSummaries(2);

        ListMessages.Listing listing = success(list(query("", Optional.empty(), 50)));

        assertThat(listing.complete()).isFalse();
        assertThat(listing.page().items()).extracting(MessageSummary::subject).containsExactly("Message 4", "Message 3", "Message 2");
        assertThat(listing.missing()).hasSize(2);
        int calls = world.google.mailboxCallCount();
        assertThat(page(list(query("", Optional.empty(), 50))).items()).hasSize(5);
        assertThat(world.google.mailboxCallCount() - calls).as("the list, and one summarize of the two missing").isEqualTo(2);
    }

    @Test
    void whenTheQuotaIsSpentThePageIsRateLimitedWithWhenToTryAgain() {
        world.signIn(alice);
        fill(alice, 3);
        Instant freesAt = world.clock.instant().plusSeconds(42);
        world.google.spendQuotaUntil(freesAt);

        assertThat(list(query("", Optional.empty(), 50)))
                .isEqualTo(new MailOutcome.RateLimited<ListMessages.Listing>(freesAt, Duration.ofSeconds(42)));
        assertThat(world.credentials.findByUserId(alice.userId())).as("no reconsent for a spent quota").isPresent();
    }

    @Test
    void rowsAlreadyCachedStillShowWhenTheQuotaIsSpent() {
        world.signIn(alice);
        fill(alice, 2);
        page(list(query("", Optional.empty(), 50)));
        MessageId newest = world.google.addMessage(alice, new NewMessage("Bob <bob@example.com>", "Newest", "Body",
                Instant.parse("2026-02-01T00:00:00Z"), true));
        // The same cache, through a mailbox that still lists but whose quota is spent for summaries.
        ListMessages spent = new ListMessages(new SummariesRateLimited(world.google.mailbox(), world.clock.instant().plusSeconds(30)), world.cache);

        ListMessages.Listing listing = success(world.asUser(alice.userId(), grant -> spent.list(grant, query("", Optional.empty(), 50))));

        assertThat(listing.page().items()).extracting(MessageSummary::subject).containsExactly("Message 1", "Message 0");
        assertThat(listing.missing()).containsExactly(newest);
    }

    @Test
    void listAllWaitsOutASpentQuotaAndCarriesOnWhereItWas() {
        world.signIn(alice);
        fill(alice, 7);
        Instant freesAt = world.clock.instant().plusSeconds(50);
        world.google.spendQuotaUntil(freesAt);
        List<ListAllMessages.Progress> progress = new CopyOnWriteArrayList<>();

        assertThat(success(listAll(100, progress::add))).hasSize(7);

        assertThat(world.pauses).containsExactly(freesAt);
        assertThat(progress).containsExactly(new ListAllMessages.Progress(0, 0, Optional.of(freesAt)), new ListAllMessages.Progress(7, 1, Optional.empty()));
    }

    @Test
    void listAllAsksAgainForAPartialPageAndReportsEveryPage() {
        world.signIn(alice);
        fill(alice, 600);
        world.google.withholdNextSummaries(10);
        List<ListAllMessages.Progress> progress = new CopyOnWriteArrayList<>();

        List<MessageSummary> all = success(listAll(600, progress::add));

        assertThat(all).hasSize(600).doesNotHaveDuplicates();
        assertThat(world.pauses).hasSize(1);
        assertThat(progress).extracting(ListAllMessages.Progress::messages).containsExactly(0, 500, 600);
        assertThat(progress.get(0).waitingUntil()).isPresent();
    }

    @Test
    void listAllGivesUpRateLimitedWhenTheQuotaDoesNotFreeUp() {
        world.signIn(alice);
        fill(alice, 3);
        Instant freesAt = world.clock.instant().plus(Duration.ofDays(1));
        world.google.spendQuotaUntil(freesAt);
        // A pause that returns without the clock moving: every try meets the same spent quota.
        ListAllMessages listAll = new ListAllMessages(world.listMessages, world.clock, world.pauses::add);

        MailOutcome<List<MessageSummary>> outcome = world.asUser(alice.userId(),
                grant -> listAll.listAll(grant, new ListAllMessages.Query(SearchQuery.ALL, 10), progress -> { }));

        assertThat(outcome).isInstanceOfSatisfying(MailOutcome.RateLimited.class, limited -> assertThat(limited.retryAt()).isEqualTo(freesAt));
        assertThat(world.pauses).hasSize(ListAllMessages.MAX_WAITS_PER_PAGE);
    }

    /** Lists through {@code delegate}; every summarize answers "rate limited" until {@code freesAt}. */
    private record SummariesRateLimited(Mailbox delegate, Instant freesAt) implements Mailbox {
        @Override
        public MailboxResponse<Page<MessageRef>> listMessages(MailboxAccess token, MailQuery query) {
            return delegate.listMessages(token, query);
        }

        @Override
        public MailboxResponse<Summaries> summarize(MailboxAccess token, List<MessageId> ids) {
            return new MailboxResponse.RateLimited<>(freesAt);
        }

        @Override
        public MailboxResponse<Message> getMessage(MailboxAccess token, MessageId id) {
            return delegate.getMessage(token, id);
        }

        @Override
        public MailboxResponse<AttachmentData> getAttachment(MailboxAccess token, MessageId message, AttachmentId attachment) {
            return delegate.getAttachment(token, message, attachment);
        }

        @Override
        public MailboxResponse<Page<ThreadSummary>> listThreads(MailboxAccess token, MailQuery query) {
            return delegate.listThreads(token, query);
        }

        @Override
        public MailboxResponse<MailThread> getThread(MailboxAccess token, ThreadId id) {
            return delegate.getThread(token, id);
        }

        @Override
        public MailboxResponse<List<Label>> listLabels(MailboxAccess token) {
            return delegate.listLabels(token);
        }
    }

    /** A mailbox whose every call answers 401, to show the retry happens once. */
    private static final class AlwaysUnauthorized implements Mailbox {
        @Override
        public MailboxResponse<Page<MessageRef>> listMessages(MailboxAccess token, MailQuery query) {
            return new MailboxResponse.Unauthorized<>();
        }

        @Override
        public MailboxResponse<Summaries> summarize(MailboxAccess token, List<MessageId> ids) {
            return new MailboxResponse.Unauthorized<>();
        }

        @Override
        public MailboxResponse<Message> getMessage(MailboxAccess token, MessageId id) {
            return new MailboxResponse.Unauthorized<>();
        }

        @Override
        public MailboxResponse<AttachmentData> getAttachment(MailboxAccess token, MessageId message, AttachmentId attachment) {
            return new MailboxResponse.Unauthorized<>();
        }

        @Override
        public MailboxResponse<Page<ThreadSummary>> listThreads(MailboxAccess token, MailQuery query) {
            return new MailboxResponse.Unauthorized<>();
        }

        @Override
        public MailboxResponse<MailThread> getThread(MailboxAccess token, ThreadId id) {
            return new MailboxResponse.Unauthorized<>();
        }

        @Override
        public MailboxResponse<List<Label>> listLabels(MailboxAccess token) {
            return new MailboxResponse.Unauthorized<>();
        }
    }
}
