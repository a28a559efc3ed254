package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.AttachmentData;
import dev.gmailserverauth.domain.model.AttachmentId;
import dev.gmailserverauth.domain.model.Header;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.LabelId;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.MessageSummary;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.ThreadSummary;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A message with only an HTML part is shown as text: no markup of the mail reaches the page. */
class HtmlBodyTest {
    private static final MessageId ID = new MessageId("html0001");

    @Test
    void htmlOnlyMessageIsShownAsEscapedText() {
        World world = new World(new HtmlOnlyMailbox());
        UserIdentity alice = world.google.addAccount("alice@example.com");
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response page = browser.get("/messages/" + ID.value());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"body-note\"", "id=\"message-body\">Hi Alice\nClick here &lt;now&gt;</div>")
                    .doesNotContain("<a href=\"https://evil.example", "onerror", "<img");
        });
    }

    /** Only getMessage matters here; it answers one HTML-only message. */
    private static final class HtmlOnlyMailbox implements Mailbox {
        @Override
        public MailboxResponse<Message> getMessage(AccessToken token, MessageId id) {
            return new MailboxResponse.Ok<>(new Message(ID, new ThreadId("html0001"), List.of(new Header("Subject", "HTML"), new Header("From", "x@example.org")),
                    Optional.empty(), Optional.of("<p>Hi <i>Alice</i></p><a href=\"https://evil.example\">Click here</a> &lt;now&gt;<img src=x onerror=alert(1)>"),
                    Set.of(LabelId.INBOX), "Hi Alice", Instant.parse("2026-01-01T00:00:00Z"), List.of()));
        }

        @Override
        public MailboxResponse<Page<MessageRef>> listMessages(AccessToken token, MailQuery query) {
            return new MailboxResponse.Ok<>(Page.empty());
        }

        @Override
        public MailboxResponse<List<MessageSummary>> summarize(AccessToken token, List<MessageId> ids) {
            return new MailboxResponse.Ok<>(List.of());
        }

        @Override
        public MailboxResponse<AttachmentData> getAttachment(AccessToken token, MessageId message, AttachmentId attachment) {
            return new MailboxResponse.NotFound<>();
        }

        @Override
        public MailboxResponse<Page<ThreadSummary>> listThreads(AccessToken token, MailQuery query) {
            return new MailboxResponse.Ok<>(Page.empty());
        }

        @Override
        public MailboxResponse<MailThread> getThread(AccessToken token, ThreadId id) {
            return new MailboxResponse.NotFound<>();
        }

        @Override
        public MailboxResponse<List<Label>> listLabels(AccessToken token) {
            return new MailboxResponse.Ok<>(List.of());
        }
    }
}
