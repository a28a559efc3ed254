package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gmailserverauth.domain.fake.NewAttachment;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.Attachment;
import dev.gmailserverauth.domain.model.AttachmentData;
import dev.gmailserverauth.domain.model.AttachmentId;
import dev.gmailserverauth.domain.model.LabelId;
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
import dev.gmailserverauth.domain.model.ThreadSummary;
import dev.gmailserverauth.domain.model.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link Mailbox} must do. */
public abstract class MailboxContract {
    protected static final Instant JAN_1 = Instant.parse("2026-01-01T09:00:00Z");

    protected abstract Mailbox mailbox();

    /** A fresh account holding exactly these messages; returns its user with a valid access token with the Gmail read scope. */
    protected abstract MailboxAccess mailboxWith(List<NewMessage> messages);

    /** A valid access token of an account whose grant lacks every Gmail scope. */
    protected abstract MailboxAccess tokenWithoutGmailScope();

    private static NewMessage message(int day, String subject, boolean unread) {
        return new NewMessage("Alice Example <alice@example.com>", subject, "Body of " + subject, JAN_1.plusSeconds(86_400L * day), unread);
    }

    private static <T> T ok(MailboxResponse<T> response) {
        assertThat(response).isInstanceOf(MailboxResponse.Ok.class);
        return ((MailboxResponse.Ok<T>) response).value();
    }

    /** A page as the application shows it: the list, then the summaries of what it names. */
    private Page<MessageSummary> summaries(MailboxAccess token, MailQuery query) {
        Page<MessageRef> refs = ok(mailbox().listMessages(token, query));
        List<MessageSummary> items = ok(mailbox().summarize(token, refs.items().stream().map(MessageRef::id).toList())).found();
        return new Page<>(items, refs.nextPageToken(), refs.resultSizeEstimate());
    }

    private static MailQuery all(int size) {
        return MailQuery.firstPage(SearchQuery.ALL, new PageSize(size));
    }

    @Test
    void anEmptyMailboxGivesAnEmptyPage() {
        Page<MessageSummary> page = summaries(mailboxWith(List.of()), all(50));
        assertThat(page.items()).isEmpty();
        assertThat(page.nextPageToken()).isEmpty();
    }

    @Test
    void summariesCarrySubjectSenderDateAndUnreadNewestFirst() {
        MailboxAccess token = mailboxWith(List.of(message(1, "Older", false), message(2, "Newer", true)));
        Page<MessageSummary> page = summaries(token, all(50));
        assertThat(page.items()).extracting(MessageSummary::subject).containsExactly("Newer", "Older");
        MessageSummary newer = page.items().get(0);
        assertThat(newer.from()).contains("alice@example.com");
        assertThat(newer.date()).isEqualTo(JAN_1.plusSeconds(86_400L * 2));
        assertThat(newer.unread()).isTrue();
        assertThat(page.items().get(1).unread()).isFalse();
    }

    @Test
    void pagesCoverEveryMessageOnceWithoutGaps() {
        MailboxAccess token = mailboxWith(IntStream.range(0, 7).mapToObj(i -> message(i, "Message " + i, false)).toList());
        List<MessageId> seen = new ArrayList<>();
        MailQuery query = all(3);
        int pages = 0;
        while (true) {
            Page<MessageRef> page = ok(mailbox().listMessages(token, query));
            pages++;
            page.items().forEach(ref -> seen.add(ref.id()));
            if (page.nextPageToken().isEmpty()) break;
            query = query.next(page.nextPageToken().get());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void aSearchWordNarrowsTheList() {
        MailboxAccess token = mailboxWith(List.of(message(1, "Invoice for March", false), message(2, "Lunch plans", false)));
        Page<MessageSummary> page = summaries(token, MailQuery.firstPage(new SearchQuery("invoice"), new PageSize(10)));
        assertThat(page.items()).extracting(MessageSummary::subject).containsExactly("Invoice for March");
    }

    @Test
    void getMessageGivesHeadersAndTheTextBody() {
        MailboxAccess token = mailboxWith(List.of(message(1, "Hello there", true)));
        MessageRef summary = ok(mailbox().listMessages(token, all(10))).items().get(0);
        Message message = ok(mailbox().getMessage(token, summary.id()));
        assertThat(message.subject()).isEqualTo("Hello there");
        assertThat(message.from()).contains("alice@example.com");
        assertThat(message.textBody()).hasValueSatisfying(body -> assertThat(body).contains("Body of Hello there"));
        assertThat(message.unread()).isTrue();
    }

    @Test
    void summarizeKeepsTheOrderAskedForAndLeavesOutUnknownIds() {
        MailboxAccess token = mailboxWith(List.of(message(1, "First", false), message(2, "Second", false)));
        List<MessageRef> refs = ok(mailbox().listMessages(token, all(10))).items();
        List<MessageId> asked = List.of(refs.get(1).id(), new MessageId("ffffffffffff0000"), refs.get(0).id());
        Summaries summaries = ok(mailbox().summarize(token, asked));
        assertThat(summaries.found()).extracting(MessageSummary::subject).containsExactly("First", "Second");
        assertThat(summaries.isComplete()).isTrue();
    }

    @Test
    void anUnknownMessageIsNotFound() {
        MailboxAccess token = mailboxWith(List.of(message(1, "Only one", false)));
        assertThat(mailbox().getMessage(token, new MessageId("ffffffffffff0000"))).isInstanceOf(MailboxResponse.NotFound.class);
    }

    @Test
    void labelsIncludeTheInbox() {
        MailboxAccess token = mailboxWith(List.of(message(1, "Labelled", false)));
        assertThat(ok(mailbox().listLabels(token))).anySatisfy(label -> assertThat(label.id()).isEqualTo(LabelId.INBOX));
    }

    @Test
    void threadsListAndOpen() {
        MailboxAccess token = mailboxWith(List.of(message(1, "Thread start", false)));
        Page<ThreadSummary> threads = ok(mailbox().listThreads(token, all(10)));
        assertThat(threads.items()).hasSize(1);
        MailThread thread = ok(mailbox().getThread(token, threads.items().get(0).id()));
        assertThat(thread.messages()).extracting(Message::subject).containsExactly("Thread start");
    }

    @Test
    void aThreadHoldsItsRepliesOldestFirstAndIsListedOnce() {
        MailboxAccess token = mailboxWith(List.of(message(1, "Plans", false), message(2, "Re: Plans", true).asReply(),
                message(3, "Other", false)));
        Page<ThreadSummary> threads = ok(mailbox().listThreads(token, all(10)));
        assertThat(threads.items()).hasSize(2);
        Message reply = ok(mailbox().getMessage(token, summaries(token, all(10)).items().get(1).id()));
        MailThread thread = ok(mailbox().getThread(token, reply.threadId()));
        assertThat(thread.messages()).extracting(Message::subject).containsExactly("Plans", "Re: Plans");
    }

    @Test
    void getMessageGivesTheHtmlBody() {
        MailboxAccess token = mailboxWith(List.of(message(1, "Newsletter", false).withHtml("<p>Hello <b>reader</b></p>")));
        Message message = ok(mailbox().getMessage(token, ok(mailbox().listMessages(token, all(10))).items().get(0).id()));
        assertThat(message.htmlBody()).hasValueSatisfying(html -> assertThat(html).contains("<b>reader</b>"));
    }

    @Test
    void attachmentsAreDescribedAndTheirBytesFetched() {
        byte[] pdf = "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII);
        byte[] csv = "day,amount\n1,2\n".getBytes(StandardCharsets.UTF_8);
        MailboxAccess token = mailboxWith(List.of(message(1, "Files", false).withAttachments(List.of(
                new NewAttachment("report.pdf", "application/pdf", pdf), new NewAttachment("Übersicht März.csv", "text/csv", csv)))));
        MessageId id = ok(mailbox().listMessages(token, all(10))).items().get(0).id();
        Message message = ok(mailbox().getMessage(token, id));

        assertThat(message.textBody()).hasValueSatisfying(body -> assertThat(body).contains("Body of Files"));
        assertThat(message.attachments()).extracting(Attachment::filename, Attachment::mimeType, Attachment::size)
                .containsExactly(tuple("report.pdf", "application/pdf", (long) pdf.length), tuple("Übersicht März.csv", "text/csv", (long) csv.length));
        assertThat(message.attachments()).extracting(Attachment::part).doesNotHaveDuplicates();
        assertThat(ok(mailbox().getAttachment(token, id, message.attachments().get(0).id()))).isEqualTo(new AttachmentData(pdf));
        assertThat(ok(mailbox().getAttachment(token, id, message.attachments().get(1).id()))).isEqualTo(new AttachmentData(csv));
    }

    @Test
    void anAttachmentStaysAtItsPartAcrossReads() {
        MailboxAccess token = mailboxWith(List.of(message(1, "File", false).withAttachments(List.of(
                new NewAttachment("a.txt", "text/plain", "alpha".getBytes(StandardCharsets.UTF_8))))));
        MessageId id = ok(mailbox().listMessages(token, all(10))).items().get(0).id();
        Attachment first = ok(mailbox().getMessage(token, id)).attachments().get(0);
        Attachment second = ok(mailbox().getMessage(token, id)).attachments().get(0);
        assertThat(second.part()).isEqualTo(first.part());
        assertThat(ok(mailbox().getAttachment(token, id, first.id())).bytes()).asString(StandardCharsets.UTF_8).isEqualTo("alpha");
    }

    @Test
    void anInlineImageCarriesItsContentId() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        MailboxAccess token = mailboxWith(List.of(message(1, "Letter", false).withHtml("<p><img src=\"cid:logo@letters.example\"> Hello</p>")
                .withAttachments(List.of(NewAttachment.inline("logo@letters.example", "logo.png", "image/png", png)))));
        MessageId id = ok(mailbox().listMessages(token, all(10))).items().get(0).id();
        Message message = ok(mailbox().getMessage(token, id));
        assertThat(message.htmlBody()).hasValueSatisfying(html -> assertThat(html).contains("cid:logo@letters.example"));
        Attachment logo = message.inlinePart("logo@letters.example").orElseThrow();
        assertThat(logo.inline()).isTrue();
        assertThat(logo.mimeType()).isEqualTo("image/png");
        assertThat(ok(mailbox().getAttachment(token, id, logo.id())).bytes()).isEqualTo(png);
    }

    @Test
    void anUnknownAttachmentIsRefused() {
        MailboxAccess token = mailboxWith(List.of(message(1, "No files", false)));
        MessageId id = ok(mailbox().listMessages(token, all(10))).items().get(0).id();
        assertThat(mailbox().getAttachment(token, id, new AttachmentId("ANGjdJ_never-issued")))
                .isInstanceOfAny(MailboxResponse.NotFound.class, MailboxResponse.BadRequest.class);
    }

    @Test
    void aPageTokenTheMailboxNeverIssuedIsABadRequest() {
        MailboxAccess token = mailboxWith(List.of(message(1, "One", false)));
        MailQuery query = new MailQuery(SearchQuery.ALL, Optional.of(new PageToken("not-a-token-we-issued")), new PageSize(10));
        assertThat(mailbox().listMessages(token, query)).isInstanceOf(MailboxResponse.BadRequest.class);
    }

    @Test
    void anUnknownTokenIsUnauthorized() {
        assertThat(mailbox().listMessages(new MailboxAccess(new UserId("100000000000999"), new AccessToken("ya29.never-issued")), all(10))).isInstanceOf(MailboxResponse.Unauthorized.class);
    }

    @Test
    void aGrantWithoutGmailScopeIsInsufficientScope() {
        assertThat(mailbox().listMessages(tokenWithoutGmailScope(), all(10))).isInstanceOf(MailboxResponse.InsufficientScope.class);
    }
}
