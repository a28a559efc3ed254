package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Label;
import com.google.api.services.gmail.model.ListLabelsResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.ListThreadsResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartHeader;
import com.google.api.services.gmail.model.Profile;
import com.google.api.services.gmail.model.Thread;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GmailConformanceTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static String aliceToken;
    private static Gmail gmail;

    @BeforeAll
    static void start() throws IOException {
        aliceToken = h.login(h.sandbox.control().demoAccounts().get(0)).getAccessToken();
        gmail = h.gmail(aliceToken);
    }

    private static List<String> allIds(Gmail client, long pageSize) throws IOException {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            ListMessagesResponse page = client.users().messages().list("me").setMaxResults(pageSize).setPageToken(token).execute();
            page.getMessages().forEach(m -> ids.add(m.getId()));
            token = page.getNextPageToken();
        } while (token != null);
        return ids;
    }

    @Test
    void listReturnsIdAndThreadIdOnlyNewestFirstWithNextPageToken() throws IOException {
        ListMessagesResponse page = gmail.users().messages().list("me").execute();

        assertThat(page.getMessages()).hasSize(100);
        assertThat(page.getMessages().get(0).keySet()).containsExactlyInAnyOrder("id", "threadId");
        assertThat(page.getMessages()).allSatisfy(m -> assertThat(m.getId()).matches("[0-9a-f]{16}"));
        assertThat(page.getNextPageToken()).isNotBlank();
        assertThat(page.getResultSizeEstimate()).as("an estimate, not the count of ~290 (see ResultSizeEstimateTest)").isEqualTo(201L);
        List<String> ids = page.getMessages().stream().map(Message::getId).toList();
        assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void paginationCoversEveryMessageOnceWithoutGaps() throws IOException {
        List<String> bySmallPages = allIds(gmail, 37);
        List<String> inOnePage = allIds(gmail, 500);

        assertThat(bySmallPages).doesNotHaveDuplicates().containsExactlyElementsOf(inOnePage);
        assertThat(inOnePage.size()).isBetween(250, 300);
    }

    @Test
    void lastPageHasNoNextPageToken() throws IOException {
        ListMessagesResponse page = gmail.users().messages().list("me").setMaxResults(500L).execute();

        assertThat(page.getNextPageToken()).isNull();
    }

    @Test
    void emptyResultOmitsTheMessagesKey() throws IOException {
        HttpResponse<String> raw = h.getWithToken("/gmail/v1/users/me/messages?q=subject%3Anothing-matches-this", aliceToken);
        ListMessagesResponse parsed = gmail.users().messages().list("me").setQ("subject:nothing-matches-this").execute();

        assertThat(raw.body()).isEqualTo("{\"resultSizeEstimate\":0}");
        assertThat(parsed.getMessages()).isNull();
        assertThat(parsed.getResultSizeEstimate()).isZero();
    }

    @Test
    void emptyMailboxListsNothing() throws IOException {
        List<String> demo = h.sandbox.control().demoAccounts();
        Gmail carol = h.gmail(h.login(demo.get(demo.size() - 1)).getAccessToken());

        ListMessagesResponse page = carol.users().messages().list("me").execute();

        assertThat(page.getMessages()).isNull();
        assertThat(carol.users().getProfile("me").execute().getMessagesTotal()).isZero();
    }

    @Test
    void metadataFormatReturnsOnlyTheAskedHeaders() throws IOException {
        String id = gmail.users().messages().list("me").setMaxResults(1L).execute().getMessages().get(0).getId();

        Message m = gmail.users().messages().get("me", id).setFormat("metadata")
                .setMetadataHeaders(List.of("From", "Subject", "Date")).execute();

        assertThat(m.getPayload().getHeaders()).extracting(MessagePartHeader::getName).containsExactly("Date", "Subject", "From");
        assertThat(m.getPayload().getParts()).isNull();
        assertThat(m.getPayload().getBody()).isNull();
        assertThat(m.getSnippet()).isNotBlank();
        assertThat(m.getInternalDate()).isPositive();
        assertThat(m.getHistoryId()).isPositive();
        assertThat(m.getSizeEstimate()).isPositive();
        assertThat(m.getLabelIds()).isNotEmpty();
    }

    @Test
    void minimalFormatHasNoPayload() throws IOException {
        String id = gmail.users().messages().list("me").setMaxResults(1L).execute().getMessages().get(0).getId();

        Message m = gmail.users().messages().get("me", id).setFormat("minimal").execute();

        assertThat(m.getPayload()).isNull();
        assertThat(m.getRaw()).isNull();
        assertThat(m.getThreadId()).isNotBlank();
    }

    @Test
    void fullFormatIsAMimeTreeWithDecodableBodies() throws IOException {
        String id = h.sandbox.control().addMessage(h.sandbox.control().demoAccounts().get(0),
                SandboxMessage.of("Bob <bob@example.org>", "alice@example.com", "Quarterly report",
                        Instant.parse("2024-05-29T16:26:40Z"), "Hi Alice, the report is attached")
                        .withHtmlBody("<p>Hi Alice, the report is attached</p>"));

        Message m = gmail.users().messages().get("me", id).execute();

        MessagePart payload = m.getPayload();
        assertThat(payload.getPartId()).isEmpty();
        assertThat(payload.getMimeType()).isEqualTo("multipart/alternative");
        assertThat(payload.getBody().getSize()).isZero();
        assertThat(payload.getHeaders()).extracting(MessagePartHeader::getName).contains("From", "To", "Subject", "Date");
        assertThat(header(payload, "Date")).isEqualTo("Wed, 29 May 2024 16:26:40 +0000");
        assertThat(payload.getParts()).extracting(MessagePart::getPartId).containsExactly("0", "1");
        assertThat(payload.getParts()).extracting(MessagePart::getMimeType).containsExactly("text/plain", "text/html");
        MessagePart text = payload.getParts().get(0);
        assertThat(text.getBody().getData()).isEqualTo("SGkgQWxpY2UsIHRoZSByZXBvcnQgaXMgYXR0YWNoZWQ");
        assertThat(new String(text.getBody().decodeData(), StandardCharsets.UTF_8)).isEqualTo("Hi Alice, the report is attached");
        assertThat(text.getBody().getSize()).isEqualTo(32);
        assertThat(new String(payload.getParts().get(1).getBody().decodeData(), StandardCharsets.UTF_8))
                .isEqualTo("<p>Hi Alice, the report is attached</p>");
        assertThat(m.getInternalDate()).isEqualTo(1717000000000L);
    }

    @Test
    void rawFormatIsTheWholeRfc2822MessageWithEncodedWords() throws IOException {
        String id = h.sandbox.control().addMessage(h.sandbox.control().demoAccounts().get(0),
                SandboxMessage.of("Zoë Müller <zoe@example.de>", "alice@example.com", "Grüße aus München ☕",
                        Instant.parse("2024-05-30T10:00:00Z"), "Servus!"));

        Message raw = gmail.users().messages().get("me", id).setFormat("raw").execute();
        Message full = gmail.users().messages().get("me", id).execute();

        String rfc2822 = new String(raw.decodeRaw(), StandardCharsets.UTF_8);
        assertThat(raw.getPayload()).isNull();
        assertThat(rfc2822).contains("Subject: =?UTF-8?B?").contains("From: =?UTF-8?B?").contains("\r\n\r\nServus!");
        assertThat(header(full.getPayload(), "Subject")).isEqualTo("Grüße aus München ☕");
        assertThat(header(full.getPayload(), "From")).isEqualTo("Zoë Müller <zoe@example.de>");
        assertThat(raw.getSizeEstimate()).isEqualTo(raw.decodeRaw().length);
    }

    @Test
    void attachmentsHaveIdsAndCanBeFetched() throws IOException {
        byte[] pdf = "%PDF-1.4 sandbox".getBytes(StandardCharsets.US_ASCII);
        String id = h.sandbox.control().addMessage(h.sandbox.control().demoAccounts().get(0),
                SandboxMessage.of("a@example.org", "alice@example.com", "With file", Instant.parse("2024-06-01T10:00:00Z"), "see file")
                        .withAttachments(List.of(new SandboxAttachment("report.pdf", "application/pdf", pdf))));

        Message m = gmail.users().messages().get("me", id).execute();
        MessagePart file = m.getPayload().getParts().get(1);

        assertThat(m.getPayload().getMimeType()).isEqualTo("multipart/mixed");
        assertThat(file.getFilename()).isEqualTo("report.pdf");
        assertThat(file.getBody().getData()).isNull();
        assertThat(file.getBody().getSize()).isEqualTo(pdf.length);
        byte[] fetched = gmail.users().messages().attachments().get("me", id, file.getBody().getAttachmentId()).execute().decodeData();
        assertThat(fetched).isEqualTo(pdf);
    }

    @Test
    void malformedIdIs400InvalidIdValueAndUnknownIdIs404() {
        assertThatThrownBy(() -> gmail.users().messages().get("me", "not-hex!").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getMessage()).isEqualTo("Invalid id value");
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("invalidArgument");
                });
        HttpResponse<String> missing = h.getWithToken("/gmail/v1/users/me/messages/0000000000000bad", aliceToken);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\",\"errors\":"
                + "[{\"message\":\"Requested entity was not found.\",\"domain\":\"global\",\"reason\":\"notFound\"}],\"status\":\"NOT_FOUND\"}}");
    }

    @Test
    void labelsListHasSystemAndUserLabelsAndGetHasCounts() throws IOException {
        ListLabelsResponse labels = gmail.users().labels().list("me").execute();

        assertThat(labels.getLabels()).extracting(Label::getId).contains("INBOX", "UNREAD", "SENT", "SPAM", "TRASH", "STARRED");
        Label user = labels.getLabels().stream().filter(l -> "user".equals(l.getType())).findFirst().orElseThrow();
        assertThat(user.getId()).matches("Label_\\d+");
        assertThat(user.getLabelListVisibility()).isEqualTo("labelShow");
        assertThat(user.getColor().getBackgroundColor()).startsWith("#");
        assertThat(labels.getLabels()).allSatisfy(l -> assertThat(l.getMessagesTotal()).isNull());

        Label inbox = gmail.users().labels().get("me", "INBOX").execute();
        assertThat(inbox.getType()).isEqualTo("system");
        assertThat(inbox.getMessagesTotal()).isPositive();
        assertThat(inbox.getMessagesUnread()).isPositive().isLessThan(inbox.getMessagesTotal());
        assertThat(inbox.getThreadsTotal()).isPositive();
    }

    @Test
    void unknownLabelIs404() {
        assertThatThrownBy(() -> gmail.users().labels().get("me", "Label_0").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    void profileCountsTheMailbox() throws IOException {
        Profile profile = gmail.users().getProfile("me").execute();

        assertThat(profile.getEmailAddress()).isEqualTo(h.sandbox.control().demoAccounts().get(0));
        assertThat(profile.getMessagesTotal()).isGreaterThanOrEqualTo(300);
        assertThat(profile.getThreadsTotal()).isPositive().isLessThan(profile.getMessagesTotal());
        assertThat(profile.getHistoryId()).isPositive();
    }

    @Test
    void threadsListHasNoMessagesAndThreadGetHasThemOldestFirst() throws IOException {
        ListThreadsResponse threads = gmail.users().threads().list("me").setMaxResults(500L).execute();
        assertThat(threads.getThreads()).allSatisfy(t -> assertThat(t.getMessages()).isNull());
        assertThat(threads.getThreads()).extracting(Thread::getId).doesNotHaveDuplicates();

        String multi = null;
        for (Thread t : threads.getThreads()) {
            Thread full = gmail.users().threads().get("me", t.getId()).setFormat("minimal").execute();
            if (full.getMessages().size() > 1) {
                multi = t.getId();
                assertThat(full.getMessages()).extracting(Message::getInternalDate).isSorted();
                assertThat(full.getMessages().get(0).getId()).isEqualTo(t.getId());
                break;
            }
        }
        assertThat(multi).as("the demo has threads with replies").isNotNull();
    }

    @Test
    void spamAndTrashAreExcludedUnlessAskedFor() throws IOException {
        List<String> normal = allIdsMatching(Optional.empty(), false);
        List<String> withSpamTrash = allIdsMatching(Optional.empty(), true);
        List<String> spam = allIdsMatching(Optional.of("in:spam"), false);

        assertThat(withSpamTrash.size()).isGreaterThan(normal.size());
        assertThat(spam).isNotEmpty().doesNotContainAnyElementsOf(normal);
    }

    @Test
    void labelIdsMustAllBePresent() throws IOException {
        ListMessagesResponse both = gmail.users().messages().list("me").setLabelIds(List.of("INBOX", "UNREAD")).setMaxResults(500L).execute();
        ListMessagesResponse inbox = gmail.users().messages().list("me").setLabelIds(List.of("INBOX")).setMaxResults(500L).execute();

        assertThat(both.getMessages().size()).isPositive().isLessThan(inbox.getMessages().size());
        for (Message ref : both.getMessages().subList(0, 5)) {
            assertThat(gmail.users().messages().get("me", ref.getId()).setFormat("minimal").execute().getLabelIds()).contains("INBOX", "UNREAD");
        }
    }

    @Test
    void anotherUsersMailboxIsForbidden() {
        assertThatThrownBy(() -> gmail.users().messages().list("bob@example.com").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
    }

    private static List<String> allIdsMatching(Optional<String> q, boolean includeSpamTrash) throws IOException {
        ListMessagesResponse page = gmail.users().messages().list("me").setQ(q.orElse(null))
                .setIncludeSpamTrash(includeSpamTrash).setMaxResults(500L).execute();
        return page.getMessages() == null ? List.of() : page.getMessages().stream().map(Message::getId).toList();
    }

    private static String header(MessagePart part, String name) {
        return part.getHeaders().stream().filter(x -> x.getName().equals(name)).map(MessagePartHeader::getValue).findFirst().orElseThrow();
    }

    @Test
    void sameSeedGivesTheSameMailbox() throws IOException {
        try (GoogleSandbox other = GoogleSandbox.start(SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT)))) {
            SandboxHarness h2 = new SandboxHarness(other);
            Gmail otherGmail = h2.gmail(h2.login(other.control().demoAccounts().get(0)).getAccessToken());
            List<String> theirs = allIds(otherGmail, 500);
            assertThat(theirs).hasSizeGreaterThan(250);
            assertThat(new HashSet<>(allIds(gmail, 500))).containsAll(theirs);
            assertThat(other.control().userId(other.control().demoAccounts().get(0)))
                    .isEqualTo(h.sandbox.control().userId(h.sandbox.control().demoAccounts().get(0)));
        }
    }
}
