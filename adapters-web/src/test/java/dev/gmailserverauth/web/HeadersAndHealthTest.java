package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.AttachmentData;
import dev.gmailserverauth.domain.model.AttachmentId;
import dev.gmailserverauth.domain.model.Label;
import dev.gmailserverauth.domain.model.MailQuery;
import dev.gmailserverauth.domain.model.MailThread;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.Message;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.MessageRef;
import dev.gmailserverauth.domain.model.Page;
import dev.gmailserverauth.domain.model.Summaries;
import dev.gmailserverauth.domain.model.ThreadId;
import dev.gmailserverauth.domain.model.ThreadSummary;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.Mailbox;
import dev.gmailserverauth.domain.port.MailboxResponse;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadersAndHealthTest {
    private final World world = new World();

    private static void assertSecurityHeaders(Browser.Response response) {
        assertThat(response.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'self'", "form-action 'self'").doesNotContain("unsafe-inline"));
        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("X-Frame-Options")).contains("DENY");
        assertThat(response.header("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        TestApp.run(TestApp.app(world), browser -> {
            assertSecurityHeaders(browser.get("/"));
            assertSecurityHeaders(browser.get("/no/such/page"));
            assertSecurityHeaders(browser.get("/login?login_hint=bad"));
            assertSecurityHeaders(browser.get("/api/me"));
            assertSecurityHeaders(browser.get("/static/app.css"));
            assertSecurityHeaders(browser.get("/health"));
            assertThat(browser.get("/").header("Cache-Control")).contains("no-store");
            assertThat(browser.get("/").header("Strict-Transport-Security")).isEmpty();
        });
    }

    @Test
    void stylesheetIsServed() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response css = browser.get("/static/app.css");
            assertThat(css.status()).isEqualTo(200);
            assertThat(css.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
            assertThat(css.body()).contains(".message.unread");
            assertThat(css.header("Cache-Control")).contains("public, max-age=3600");
        });
    }

    @Test
    void stylesheetIsRevalidatedByItsEntityTag() {
        TestApp.run(TestApp.app(world), browser -> {
            String etag = browser.get("/static/app.css").header("ETag").orElseThrow();
            Browser.Response again = browser.send(HttpRequest.newBuilder(URI.create(browser.origin() + "/static/app.css"))
                    .header("If-None-Match", "\"other\", W/" + etag).GET());
            assertThat(again.status()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            Browser.Response changed = browser.send(HttpRequest.newBuilder(URI.create(browser.origin() + "/static/app.css"))
                    .header("If-None-Match", "\"other\"").GET());
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.body()).contains(".message.unread");
            Browser.Response head = browser.send(HttpRequest.newBuilder(URI.create(browser.origin() + "/static/app.css"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("ETag")).contains(etag);
            assertThat(browser.get("/static/other.css").status()).isEqualTo(404);
        });
    }

    @Test
    void unknownPageIsAn404Page() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response page = browser.get("/no/such/page");
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("id=\"error-reason\"", "There is nothing at this address.");
        });
    }

    @Test
    void wrongMethodIs405EvenWhenSignedIn() {
        UserIdentity alice = world.google.addAccount("alice@example.com");
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            assertThat(browser.post("/messages", "").status()).isEqualTo(405);
            assertThat(browser.post("/nowhere", "").status()).isEqualTo(404);
            assertThat(browser.get("/logout").status()).isEqualTo(405);
        });
    }

    @Test
    void healthReportsTheDatabase() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response health = browser.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"database\":\"UP\"}");
        });
        TestApp.run(TestApp.builder(world, () -> false).config(WebConfig.of(TestApp.BASE_URL)).build(), browser -> {
            Browser.Response health = browser.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"database\":\"DOWN\"");
        });
        TestApp.run(TestApp.builder(world, () -> {
            throw new IllegalStateException("connection refused");
        }).config(WebConfig.of(TestApp.BASE_URL)).build(), browser -> assertThat(browser.get("/health").status()).isEqualTo(503));
    }

    @Test
    void unexpectedFailureIsAGeneric500WithoutDetails() {
        World broken = new World(new ExplodingMailbox());
        UserIdentity alice = broken.google.addAccount("alice@example.com");
        TestApp.run(TestApp.app(broken), browser -> {
            TestApp.signIn(browser, broken, alice);
            Browser.Response page = browser.get("/messages");
            assertThat(page.status()).isEqualTo(500);
            assertThat(page.body()).contains("id=\"error-reason\"", "Something went wrong").doesNotContain("secret-detail", "Exception", "at dev.");
            assertSecurityHeaders(page);

            Browser.Response api = browser.get("/api/messages");
            assertThat(api.status()).isEqualTo(500);
            assertThat(api.body()).contains("\"error\":\"internal_error\"").doesNotContain("secret-detail", "Exception");
        });
    }

    @Test
    void exposeErrorsShowsTheExceptionForLocalDebugging() {
        World broken = new World(new ExplodingMailbox());
        UserIdentity alice = broken.google.addAccount("alice@example.com");
        TestApp.run(TestApp.app(broken, WebConfig.of(TestApp.BASE_URL).withExposeErrors(true)), browser -> {
            TestApp.signIn(browser, broken, alice);
            assertThat(browser.get("/messages").body()).contains("IllegalStateException: secret-detail");
        });
    }

    @Test
    void bannerIsShownOnEveryPage() {
        TestApp.run(TestApp.app(world, WebConfig.of(TestApp.BASE_URL).withBanner("Sandbox mode")), browser -> {
            assertThat(browser.get("/").body()).contains("id=\"banner\">Sandbox mode<");
            assertThat(browser.get("/nowhere").body()).contains("id=\"banner\">Sandbox mode<");
        });
    }

    /** A mailbox with a bug: every call throws. */
    private static final class ExplodingMailbox implements Mailbox {
        private static <T> T boom() {
            throw new IllegalStateException("secret-detail");
        }

        @Override
        public MailboxResponse<Page<MessageRef>> listMessages(MailboxAccess access, MailQuery query) {
            return boom();
        }

        @Override
        public MailboxResponse<Summaries> summarize(MailboxAccess access, List<MessageId> ids) {
            return boom();
        }

        @Override
        public MailboxResponse<Message> getMessage(MailboxAccess access, MessageId id) {
            return boom();
        }

        @Override
        public MailboxResponse<AttachmentData> getAttachment(MailboxAccess access, MessageId message, AttachmentId attachment) {
            return boom();
        }

        @Override
        public MailboxResponse<Page<ThreadSummary>> listThreads(MailboxAccess access, MailQuery query) {
            return boom();
        }

        @Override
        public MailboxResponse<MailThread> getThread(MailboxAccess access, ThreadId id) {
            return boom();
        }

        @Override
        public MailboxResponse<List<Label>> listLabels(MailboxAccess access) {
            return boom();
        }
    }
}
