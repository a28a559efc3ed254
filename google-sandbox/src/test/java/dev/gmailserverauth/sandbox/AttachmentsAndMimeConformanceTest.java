package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartBody;
import com.google.api.services.gmail.model.MessagePartHeader;
import com.google.api.services.gmail.model.Thread;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** messages.attachments.get and the MIME trees of the demo mail, read with Google's Java client and model classes. */
class AttachmentsAndMimeConformanceTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static String token;
    private static Gmail gmail;

    @BeforeAll
    static void start() throws IOException {
        token = h.login(h.sandbox.control().demoAccounts().get(0)).getAccessToken();
        gmail = h.gmail(token);
    }

    private static Message only(String q) throws IOException {
        List<Message> found = gmail.users().messages().list("me").setQ(q).execute().getMessages();
        assertThat(found).as(q).hasSize(1);
        return gmail.users().messages().get("me", found.get(0).getId()).execute();
    }

    private static Stream<MessagePart> parts(MessagePart part) {
        Stream<MessagePart> below = part.getParts() == null ? Stream.empty() : part.getParts().stream().flatMap(AttachmentsAndMimeConformanceTest::parts);
        return Stream.concat(Stream.of(part), below);
    }

    private static MessagePart partNamed(Message m, String filename) {
        return parts(m.getPayload()).filter(p -> filename.equals(p.getFilename())).findFirst().orElseThrow();
    }

    private static Optional<String> header(MessagePart part, String name) {
        return part.getHeaders().stream().filter(x -> x.getName().equalsIgnoreCase(name)).map(MessagePartHeader::getValue).findFirst();
    }

    @Test
    void attachmentsGetAnswersAMessagePartBodyWithSizeAndBase64UrlData() throws IOException {
        Message m = only("filename:apollo-src.zip");
        MessagePart zip = partNamed(m, "apollo-src.zip");

        HttpResponse<String> raw = h.getWithToken("/gmail/v1/users/me/messages/" + m.getId() + "/attachments/" + zip.getBody().getAttachmentId(), token);
        MessagePartBody body = gmail.users().messages().attachments().get("me", m.getId(), zip.getBody().getAttachmentId()).execute();

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(body.keySet()).containsExactlyInAnyOrder("size", "data");
        assertThat(body.getData()).matches("[A-Za-z0-9_-]+");
        assertThat(body.getSize()).isEqualTo(zip.getBody().getSize()).isEqualTo(body.decodeData().length);
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(body.decodeData()))) {
            assertThat(entries.getNextEntry().getName()).isEqualTo("apollo/README.md");
        }
    }

    @Test
    void anAttachmentPartCarriesIdSizeFilenameAndGmailsHeadersButNoData() throws IOException {
        Message m = only("subject:(Invoice April 2026)");
        MessagePart pdf = partNamed(m, "invoice-2026-04.pdf");
        MessagePart csv = partNamed(m, "transactions-2026-04.csv");

        assertThat(m.getPayload().getMimeType()).isEqualTo("multipart/mixed");
        assertThat(m.getPayload().getParts()).extracting(MessagePart::getPartId).containsExactly("0", "1", "2");
        assertThat(m.getPayload().getParts().get(0).getMimeType()).isEqualTo("text/plain");
        assertThat(m.getPayload().getParts().get(0).getFilename()).isEmpty();
        assertThat(pdf.getMimeType()).isEqualTo("application/pdf");
        assertThat(pdf.getBody().getAttachmentId()).startsWith("ANGjdJ");
        assertThat(pdf.getBody().getSize()).isPositive();
        assertThat(pdf.getBody().getData()).isNull();
        assertThat(header(pdf, "Content-Type")).hasValue("application/pdf; name=\"invoice-2026-04.pdf\"");
        assertThat(header(pdf, "Content-Disposition")).hasValue("attachment; filename=\"invoice-2026-04.pdf\"");
        assertThat(header(pdf, "Content-Transfer-Encoding")).hasValue("base64");
        assertThat(header(pdf, "X-Attachment-Id")).isPresent();
        assertThat(csv.getMimeType()).isEqualTo("text/csv");
        byte[] csvBytes = gmail.users().messages().attachments().get("me", m.getId(), csv.getBody().getAttachmentId()).execute().decodeData();
        assertThat(new String(csvBytes, StandardCharsets.UTF_8)).startsWith("date,description,amount,currency\n");
        assertThat(new String(gmail.users().messages().attachments().get("me", m.getId(), pdf.getBody().getAttachmentId()).execute()
                .decodeData(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
    }

    @Test
    void aNonAsciiFilenameIsDecodedAndTravelsAsRfc2231() throws IOException {
        Message m = only("filename:pdf subject:(Übersicht März) -subject:Re");
        MessagePart pdf = partNamed(m, "Übersicht März.pdf");

        assertThat(header(pdf, "Content-Disposition")).hasValue("attachment; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz.pdf");
        assertThat(header(pdf, "Content-Type")).hasValue("application/pdf; name=\"Übersicht März.pdf\"");
        String raw = new String(gmail.users().messages().get("me", m.getId()).setFormat("raw").execute().decodeRaw(), StandardCharsets.UTF_8);
        assertThat(raw).contains("Content-Disposition: attachment; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz.pdf")
                .contains("name=\"=?UTF-8?B?");
    }

    @Test
    void attachmentIdsAreNewOnEveryGetAndEachKeepsWorking() throws IOException {
        Message first = only("filename:firmware.bin");
        Message again = gmail.users().messages().get("me", first.getId()).execute();
        String idNow = partNamed(first, "firmware.bin").getBody().getAttachmentId();
        String idLater = partNamed(again, "firmware.bin").getBody().getAttachmentId();

        assertThat(idNow).isNotEqualTo(idLater);
        byte[] a = gmail.users().messages().attachments().get("me", first.getId(), idNow).execute().decodeData();
        byte[] b = gmail.users().messages().attachments().get("me", first.getId(), idLater).execute().decodeData();
        assertThat(a).isEqualTo(b).startsWith(0x7f, 'E', 'L', 'F');
        assertThat(partNamed(again, "firmware.bin").getMimeType()).isEqualTo("application/octet-stream");
    }

    @Test
    void unknownOrForeignAttachmentIdsAre404() throws IOException {
        Message invoice = only("subject:(Invoice April 2026)");
        Message bin = only("filename:firmware.bin");
        String foreign = partNamed(invoice, "invoice-2026-04.pdf").getBody().getAttachmentId();

        for (String id : List.of(foreign, "ANGjdJnothing", "not-an-id", "ANGjdJ" + "A".repeat(48))) {
            assertThatThrownBy(() -> gmail.users().messages().attachments().get("me", bin.getId(), id).execute())
                    .as(id).isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
        }
    }

    @Test
    void theNewsletterIsRelatedAlternativeHtmlWithAnInlineCidImage() throws IOException {
        Message m = only("from:news@letters.example subject:library");
        MessagePart related = m.getPayload();
        MessagePart alternative = related.getParts().get(0);
        MessagePart logo = related.getParts().get(1);

        assertThat(related.getMimeType()).isEqualTo("multipart/related");
        assertThat(related.getBody().getSize()).isZero();
        assertThat(alternative.getMimeType()).isEqualTo("multipart/alternative");
        assertThat(alternative.getParts()).extracting(MessagePart::getPartId).containsExactly("0.0", "0.1");
        assertThat(alternative.getParts()).extracting(MessagePart::getMimeType).containsExactly("text/plain", "text/html");
        assertThat(logo.getPartId()).isEqualTo("1");
        assertThat(logo.getMimeType()).isEqualTo("image/png");
        assertThat(logo.getFilename()).isEqualTo("logo.png");
        assertThat(header(logo, "Content-ID")).hasValue("<logo@letters.example>");
        assertThat(header(logo, "Content-Disposition")).hasValue("inline; filename=\"logo.png\"");
        byte[] png = gmail.users().messages().attachments().get("me", m.getId(), logo.getBody().getAttachmentId()).execute().decodeData();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        String html = new String(Base64.getUrlDecoder().decode(alternative.getParts().get(1).getBody().getData()), StandardCharsets.UTF_8);
        assertThat(html).contains("src=\"cid:logo@letters.example\"")
                .contains("<img src=\"https://tracker.example/pixel.gif")
                .contains("<link rel=\"stylesheet\" href=\"https://tracker.example/")
                .contains("<script>").contains("onclick=").contains("href=\"javascript:").contains("<form ")
                .contains("<base href=").contains("http-equiv=\"refresh\"").contains("expression(");
        assertThat(m.getLabelIds()).contains("UNREAD", "CATEGORY_PROMOTIONS");
    }

    @Test
    void conversationsAreThreadsOfThreeToFiveWithInReplyToAndReferences() throws IOException {
        String threadId = gmail.users().messages().list("me").setQ("subject:(Project Apollo kickoff)").execute().getMessages().get(0).getThreadId();

        Thread thread = gmail.users().threads().get("me", threadId).setFormat("metadata").execute();

        List<Message> messages = thread.getMessages();
        assertThat(messages).hasSize(5);
        List<String> earlier = new ArrayList<>();
        for (Message m : messages) {
            Optional<String> messageId = header(m.getPayload(), "Message-ID");
            if (earlier.isEmpty()) {
                assertThat(header(m.getPayload(), "In-Reply-To")).isEmpty();
                assertThat(header(m.getPayload(), "Subject")).hasValue("Project Apollo kickoff");
            } else {
                assertThat(header(m.getPayload(), "In-Reply-To")).hasValue(earlier.get(earlier.size() - 1));
                assertThat(header(m.getPayload(), "References")).hasValue(String.join(" ", earlier));
                assertThat(header(m.getPayload(), "Subject")).hasValue("Re: Project Apollo kickoff");
            }
            earlier.add(messageId.orElseThrow());
        }
        for (String subject : List.of("Dinner on Saturday?", "Trip to Lisbon", "Übersicht März")) {
            String id = gmail.users().messages().list("me").setQ("subject:(" + subject + ")").execute().getMessages().get(0).getThreadId();
            assertThat(gmail.users().threads().get("me", id).setFormat("minimal").execute().getMessages()).as(subject).hasSizeBetween(3, 5);
        }
    }

    @Test
    void theDemoHasAttachmentsOfSeveralTypesStarredUnreadAndUserLabels() throws IOException {
        List<String> types = new ArrayList<>();
        for (Message ref : gmail.users().messages().list("me").setQ("has:attachment").setMaxResults(500L).execute().getMessages()) {
            parts(gmail.users().messages().get("me", ref.getId()).execute().getPayload())
                    .filter(p -> !p.getFilename().isEmpty()).forEach(p -> types.add(p.getMimeType()));
        }

        assertThat(types).contains("application/pdf", "image/png", "text/csv", "application/zip", "application/octet-stream");
        assertThat(gmail.users().messages().list("me").setQ("is:starred").execute().getMessages()).isNotEmpty();
        assertThat(gmail.users().messages().list("me").setQ("is:unread").execute().getMessages()).isNotEmpty();
        assertThat(gmail.users().messages().list("me").setQ("label:projects-apollo").execute().getMessages()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(gmail.users().labels().list("me").execute().getLabels()).filteredOn(l -> "user".equals(l.getType()))
                .extracting(l -> l.getName()).contains("Receipts", "Travel", "Projects/Apollo", "Family");
    }

    @Test
    void theDemoCountsStay300And12AndEmpty() throws IOException {
        List<String> demo = h.sandbox.control().demoAccounts();

        assertThat(gmail.users().getProfile("me").execute().getMessagesTotal()).isEqualTo(300);
        assertThat(h.gmail(h.login(demo.get(1)).getAccessToken()).users().getProfile("me").execute().getMessagesTotal()).isEqualTo(12);
        assertThat(h.gmail(h.login(demo.get(2)).getAccessToken()).users().getProfile("me").execute().getMessagesTotal()).isZero();
    }

    @Test
    void theControlApiAddsInlinePartsWithAContentId() throws IOException {
        String body = "{\"from\":\"a@example.org\",\"to\":\"alice@example.com\",\"subject\":\"Inline via HTTP\","
                + "\"date\":\"2026-06-03T10:00:00Z\",\"text\":\"logo\",\"html\":\"<img src=\\\"cid:pic@example.org\\\">\","
                + "\"attachments\":[{\"filename\":\"pic.png\",\"mimeType\":\"image/png\",\"base64\":\""
                + Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G'}) + "\",\"contentId\":\"pic@example.org\"}]}";
        HttpResponse<String> added = h.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(h.url("/__sandbox/accounts/alice@example.com/messages")))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(added.statusCode()).isEqualTo(200);
        Message m = only("subject:(Inline via HTTP)");
        assertThat(m.getPayload().getMimeType()).isEqualTo("multipart/related");
        assertThat(header(partNamed(m, "pic.png"), "Content-ID")).hasValue("<pic@example.org>");
    }
}
