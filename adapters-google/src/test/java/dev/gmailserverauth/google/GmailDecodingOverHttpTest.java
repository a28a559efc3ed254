package dev.gmailserverauth.google;

import static dev.gmailserverauth.google.GoogleRoundTripTest.complete;
import static dev.gmailserverauth.google.GoogleRoundTripTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.AttachmentData;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.PageSize;
import dev.gmailserverauth.domain.model.SearchQuery;
import dev.gmailserverauth.sandbox.SandboxAttachment;
import dev.gmailserverauth.sandbox.SandboxMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Non-ASCII headers, multipart/alternative and attachments, as the sandbox serves them over HTTP. */
class GmailDecodingOverHttpTest {
    /** Started with the class, closed after its last test. */
    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();

    @Test
    void aMultipartMessageWithNonAsciiHeadersReadsBackDecoded() {
        String email = sandbox.newAccount("decode");
        String id = sandbox.control().addMessage(email, SandboxMessage.of("Jürgen Müller <j@example.de>", email,
                        "Grüße aus Köln — 日本 & <tags>", Instant.parse("2026-02-01T10:00:00Z"), "Hallo Welt, schöne Grüße!")
                .withHtmlBody("<p>Hallo <b>Welt</b>, schöne Grüße!</p>")
                .withAttachments(List.of(new SandboxAttachment("notes.txt", "text/plain", "not a body".getBytes(StandardCharsets.UTF_8)))));
        MailboxAccess token = sandbox.access(email, true);

        Message message = ok(sandbox.mailbox().getMessage(token, new MessageId(id)));
        assertThat(message.subject()).isEqualTo("Grüße aus Köln — 日本 & <tags>");
        assertThat(message.from()).isEqualTo("Jürgen Müller <j@example.de>");
        assertThat(message.textBody()).hasValueSatisfying(body -> assertThat(body).contains("Hallo Welt, schöne Grüße!"));
        assertThat(message.htmlBody()).hasValueSatisfying(body -> assertThat(body).contains("<p>Hallo <b>Welt</b>, schöne Grüße!</p>"));
        assertThat(message.date()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
        assertThat(message.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("notes.txt");
            assertThat(a.mimeType()).isEqualTo("text/plain");
            assertThat(a.size()).isEqualTo(10);
            AttachmentData data = ok(sandbox.mailbox().getAttachment(token, new MessageId(id), a.id()));
            assertThat(data.bytes()).asString(StandardCharsets.UTF_8).isEqualTo("not a body");
        });

        List<MessageSummary> summaries = complete(sandbox.mailbox().summarize(token, List.of(new MessageId(id))));
        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("Grüße aus Köln — 日本 & <tags>");
            assertThat(s.from()).isEqualTo("Jürgen Müller <j@example.de>");
            assertThat(s.snippet()).doesNotContain("&amp;");
        });
    }

    @Test
    void searchingForNothingGivesAnEmptyPageNotAnError() {
        MailboxAccess token = sandbox.access(sandbox.newAccount("empty"), true);
        var page = ok(sandbox.mailbox().listMessages(token, MailQuery.firstPage(new SearchQuery("from:nobody@nowhere.example"), new PageSize(50))));
        assertThat(page.items()).isEmpty();
        assertThat(ok(sandbox.mailbox().listThreads(token, MailQuery.firstPage(SearchQuery.ALL, new PageSize(5)))).items()).isEmpty();
        assertThat(complete(sandbox.mailbox().summarize(token, List.of()))).isEmpty();
    }
}
