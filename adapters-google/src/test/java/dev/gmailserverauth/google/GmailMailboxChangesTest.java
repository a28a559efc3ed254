package dev.gmailserverauth.google;

import static dev.gmailserverauth.google.GoogleRoundTripTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.ChangesPage;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MailboxChange;
import dev.gmailserverauth.domain.model.MailboxWatch;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.PageToken;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.port.MailboxResponse;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link GmailMailboxChanges} against the sandbox over real HTTP, with Google's Gmail client. */
class GmailMailboxChangesTest {
    private static final String TOPIC = "projects/sandbox-project/topics/gmail";
    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    private record Person(String email, MailboxAccess token) {}

    private static Person person() {
        String email = sandbox.newAccount("changes");
        return new Person(email, sandbox.access(email, true));
    }

    private static GmailMailboxChanges changes() {
        return sandbox.adapters.mailboxChanges();
    }

    private static String deliver(Person p, String subject) {
        return sandbox.control().addMessage(p.email(), SandboxMessage.of("Bob <bob@example.org>", p.email(), subject, Instant.now(), "hi"));
    }

    /** Every change after {@code start}, every page followed; the pages it took and the last page's history id. */
    private record Followed(List<MailboxChange> changes, int pages, HistoryId last) {}

    private static Followed follow(Person p, HistoryId start) {
        List<MailboxChange> all = new ArrayList<>();
        Optional<PageToken> token = Optional.empty();
        int pages = 0;
        ChangesPage page;
        do {
            page = ok(changes().changesSince(p.token(), start, token));
            all.addAll(page.changes());
            token = page.nextPage();
            pages++;
        } while (token.isPresent());
        return new Followed(all, pages, page.historyId());
    }

    @Test
    void currentHistoryIdIsTheProfilesHistoryId() {
        Person p = person();
        deliver(p, "one");

        HistoryId current = ok(changes().currentHistoryId(p.token()));

        assertThat(current.toString()).isEqualTo(sandbox.control().history().historyId(p.email()));
    }

    @Test
    void everyKindOfChangeIsMappedInOrder() {
        Person p = person();
        HistoryId start = ok(changes().currentHistoryId(p.token()));
        String id = deliver(p, "arrives");
        sandbox.control().history().modifyLabels(p.email(), id, List.of("STARRED"), List.of("UNREAD"));
        sandbox.control().history().deleteMessage(p.email(), id);

        Followed followed = follow(p, start);

        MessageId message = new MessageId(id);
        assertThat(followed.changes()).containsExactly(
                new MailboxChange.MessageAdded(message, new ThreadId(id), Set.of(LabelId.INBOX, LabelId.UNREAD)),
                new MailboxChange.LabelsAdded(message, Set.of(LabelId.STARRED)),
                new MailboxChange.LabelsRemoved(message, Set.of(LabelId.UNREAD)),
                new MailboxChange.MessageDeleted(message));
        assertThat(followed.last().toString()).isEqualTo(sandbox.control().history().historyId(p.email()));
    }

    @Test
    void noChangesIsAnEmptyPageAtTheSameHistoryId() {
        Person p = person();
        HistoryId start = ok(changes().currentHistoryId(p.token()));

        ChangesPage page = ok(changes().changesSince(p.token(), start, Optional.empty()));

        assertThat(page.changes()).isEmpty();
        assertThat(page.historyId()).isEqualTo(start);
        assertThat(page.nextPage()).isEmpty();
    }

    @Test
    void historyPagesAreFollowedToTheEnd() {
        Person p = person();
        HistoryId start = ok(changes().currentHistoryId(p.token()));
        int count = (int) GmailMailboxChanges.HISTORY_PAGE + 20;
        for (int i = 0; i < count; i++) deliver(p, "n" + i);

        Followed followed = follow(p, start);

        assertThat(followed.pages()).isEqualTo(2);
        assertThat(followed.changes()).hasSize(count).allSatisfy(c -> assertThat(c).isInstanceOf(MailboxChange.MessageAdded.class));
        assertThat(followed.changes().stream().map(MailboxChange::message).distinct()).hasSize(count);
    }

    @Test
    void aHistoryIdGmailNoLongerKeepsIsNotFound() {
        Person p = person();
        HistoryId start = ok(changes().currentHistoryId(p.token()));
        deliver(p, "gone from history");
        sandbox.control().history().expireHistoryBelow(p.email(), sandbox.control().history().historyId(p.email()));

        assertThat(changes().changesSince(p.token(), start, Optional.empty())).isInstanceOf(MailboxResponse.NotFound.class);
    }

    @Test
    void anExpiredTokenIsUnauthorized() {
        Person p = person();
        sandbox.control().expireAccessTokens(p.email());

        assertThat(changes().currentHistoryId(p.token())).isInstanceOf(MailboxResponse.Unauthorized.class);
    }

    @Test
    void watchAnswersGooglesExpirationAndStopEndsTheWatch() {
        Person p = person();
        Instant before = Instant.now();

        MailboxWatch watch = ok(changes().watch(p.token(), TOPIC));

        assertThat(watch.expiration()).isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));
        assertThat(watch.historyId().toString()).isEqualTo(sandbox.control().history().historyId(p.email()));
        assertThat(sandbox.control().history().watchedTopic(p.email())).contains(TOPIC);
        assertThat(ok(changes().stopWatch(p.token()))).isTrue();
        assertThat(sandbox.control().history().watchedTopic(p.email())).isEmpty();
        assertThat(ok(changes().stopWatch(p.token()))).as("stopping without a watch is not an error").isTrue();
    }

    @Test
    void aTopicOfAnotherProjectIsABadRequest() {
        Person p = person();

        assertThat(changes().watch(p.token(), "projects/someone-else/topics/gmail")).isInstanceOf(MailboxResponse.BadRequest.class);
    }

    @Test
    void eachCallIsChargedAsGmailsUnitTableSays() {
        Person p = person();
        HistoryId start = ok(changes().currentHistoryId(p.token()));

        assertThat(unitsOf(p, () -> changes().currentHistoryId(p.token()))).isEqualTo(1);
        assertThat(unitsOf(p, () -> changes().changesSince(p.token(), start, Optional.empty()))).isEqualTo(2);
        assertThat(unitsOf(p, () -> changes().watch(p.token(), TOPIC))).isEqualTo(100);
        assertThat(unitsOf(p, () -> changes().stopWatch(p.token()))).isEqualTo(50);
    }

    private static long unitsOf(Person p, Supplier<MailboxResponse<?>> call) {
        long before = sandbox.control().limitUsage(p.email()).unitsTotal();
        assertThat(call.get()).isInstanceOf(MailboxResponse.Ok.class);
        return sandbox.control().limitUsage(p.email()).unitsTotal() - before;
    }
}
