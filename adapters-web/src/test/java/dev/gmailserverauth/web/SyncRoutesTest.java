package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.application.sync.ReceivePush;
import dev.gmailserverauth.domain.model.PushVerification;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.web.sync.SyncWeb;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Pub/Sub push receiver and {@code /api/sync} over HTTP, with a stand-in token verifier (the real one is Google's adapter's). */
class SyncRoutesTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 3);

    /** Tokens by what the verifier makes of them. */
    private static PushVerification verify(Optional<String> token) {
        return switch (token.orElse("")) {
            case "" -> new PushVerification.Refused(PushVerification.Reason.MISSING);
            case "google-signed" -> new PushVerification.Verified();
            case "other-project" -> new PushVerification.Refused(PushVerification.Reason.WRONG_AUDIENCE);
            case "keys-down" -> new PushVerification.KeysUnavailable();
            default -> new PushVerification.Refused(PushVerification.Reason.BAD_SIGNATURE);
        };
    }

    private Javalin app() {
        SyncWeb sync = new SyncWeb(Optional.of(new ReceivePush(SyncRoutesTest::verify, world.receiveNotification)), world.describeSync, "/gmail/push", world.clock);
        return TestApp.builder(world, () -> true).config(WebConfig.of(TestApp.BASE_URL)).sync(sync).build();
    }

    private static String pushOf(String notificationJson, boolean urlSafe) {
        byte[] bytes = notificationJson.getBytes(StandardCharsets.UTF_8);
        String data = urlSafe ? Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) : Base64.getEncoder().encodeToString(bytes);
        return "{\"message\":{\"data\":\"" + data + "\",\"messageId\":\"2070443601311540\",\"message_id\":\"2070443601311540\","
                + "\"publishTime\":\"2021-02-26T19:13:55.749Z\",\"attributes\":{}},\"subscription\":\"projects/p/subscriptions/s\"}";
    }

    private static Browser.Response push(Browser browser, Optional<String> token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.origin() + "/gmail/push"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return browser.send(request);
    }

    private void syncAlice() {
        world.signIn(alice);
        world.runSync.run(alice.userId());
        world.syncJobs.ran(alice.userId());
    }

    @Test
    void aVerifiedPushSchedulesTheSyncAndAnswers204WithHistoryIdsAsStringsOrNumbers() {
        syncAlice();
        TestApp.run(app(), browser -> {
            Browser.Response answer = push(browser, Optional.of("google-signed"),
                    pushOf("{\"emailAddress\": \"alice@example.com\", \"historyId\": \"1234567890\"}", false));
            assertThat(answer.status()).isEqualTo(204);
            assertThat(world.syncJobs.dueAt(alice.userId())).isPresent();
            assertThat(push(browser, Optional.of("google-signed"), pushOf("{\"emailAddress\":\"alice@example.com\",\"historyId\":1710}", true))
                    .status()).isEqualTo(204);
            assertThat(world.syncJobs.backlog(world.clock.instant())).as("a burst is one run").isEqualTo(1);
        });
    }

    @Test
    void aPushForAnAddressNobodyConnectedIsAcknowledged() {
        TestApp.run(app(), browser -> {
            assertThat(push(browser, Optional.of("google-signed"), pushOf("{\"emailAddress\":\"nobody@example.com\",\"historyId\":\"5\"}", false))
                    .status()).isEqualTo(204);
            assertThat(world.syncJobs.backlog(world.clock.instant().plus(Duration.ofDays(1)))).isZero();
        });
    }

    @Test
    void pushesThatAreNotGooglesForUsAreRefusedAndNothingIsDone() {
        syncAlice();
        String body = pushOf("{\"emailAddress\":\"alice@example.com\",\"historyId\":\"99\"}", false);
        TestApp.run(app(), browser -> {
            Browser.Response missing = push(browser, Optional.empty(), body);
            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.header("WWW-Authenticate")).contains("Bearer");
            assertThat(missing.body()).contains("MISSING");
            assertThat(push(browser, Optional.of("forged"), body).status()).isEqualTo(401);
            assertThat(push(browser, Optional.of("other-project"), body).status()).isEqualTo(403);
            Browser.Response keys = push(browser, Optional.of("keys-down"), body);
            assertThat(keys.status()).isEqualTo(503);
            assertThat(keys.header("Retry-After")).contains("30");
            assertThat(push(browser, Optional.of("forged"), "not json at all").status()).as("the token is checked first").isEqualTo(401);
        });
        assertThat(world.syncJobs.dueAt(alice.userId())).isEmpty();
        assertThat(world.syncStates.find(alice.userId()).orElseThrow().lastNotification()).isEmpty();
    }

    @Test
    void aMalformedBodyWithAGoodTokenIs400() {
        TestApp.run(app(), browser -> {
            for (String body : new String[] {"not json", "[]", "{}", "{\"message\":{}}", "{\"message\":{\"data\":\"%%%\"}}",
                    pushOf("{\"historyId\":\"1\"}", false), pushOf("{\"emailAddress\":\"alice@example.com\",\"historyId\":\"-4\"}", false),
                    pushOf("{\"emailAddress\":\"alice@example.com\",\"historyId\":1.5}", false), pushOf("not json", false)}) {
                Browser.Response answer = push(browser, Optional.of("google-signed"), body);
                assertThat(answer.status()).as(body).isEqualTo(400);
                assertThat(answer.body()).contains("not a Gmail notification");
            }
        });
    }

    @Test
    void withoutAReceiverThePushPathIsNotFound() {
        SyncWeb pulled = new SyncWeb(Optional.empty(), world.describeSync, "/gmail/push", world.clock);
        TestApp.run(TestApp.builder(world, () -> true).config(WebConfig.of(TestApp.BASE_URL)).sync(pulled).build(),
                browser -> assertThat(push(browser, Optional.of("google-signed"), "{}").status()).isEqualTo(404));
    }

    @Test
    void apiSyncDescribesTheSignedInPersonsSyncWithoutCallingGoogle() {
        TestApp.run(app(), browser -> {
            assertThat(browser.get("/api/sync").status()).isEqualTo(401);
            TestApp.signIn(browser, world, alice);
            assertThat(browser.get("/api/sync").body()).contains("\"state\":\"NOT_SYNCED\"");
            world.runSync.run(alice.userId());
            world.renewWatch.renew(alice.userId());
            world.clock.advance(Duration.ofSeconds(42));
            int calls = world.google.mailboxCallCount();
            Browser.Response answer = browser.get("/api/sync");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"state\":\"ACTIVE\"", "\"checkpointAgeSeconds\":42", "\"watchExpires\":\"2026-12-02T10:00:00Z\"",
                    "\"gapsFilled\":0");
            assertThat(world.google.mailboxCallCount()).isEqualTo(calls);
        });
    }

    @Test
    void theApiListIsReadFromTheIndexOfACurrentSyncAndSaysHowFresh() {
        TestApp.run(app(), browser -> {
            TestApp.signIn(browser, world, alice);
            assertThat(browser.get("/api/messages").body()).contains("\"indexedAt\":null");
            world.runSync.run(alice.userId());
            int calls = world.google.mailboxCallCount();
            Browser.Response page = browser.get("/api/messages?q=in:inbox");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("\"indexedAt\":\"2026-11-25T10:00:00Z\"", "Subject 2", "Subject 0");
            assertThat(world.google.mailboxCallCount()).as("no Gmail call").isEqualTo(calls);
        });
    }

    @Test
    void theListPageSaysHowFreshTheIndexIsAndNothingWhenGmailAnswered() {
        Javalin app = TestApp.builder(world, () -> true).config(WebConfig.of(TestApp.BASE_URL)).clock(world.clock).build();
        TestApp.run(app, browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response live = browser.get("/messages");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.body()).contains("Subject 0").doesNotContain("id=\"freshness\"");
            world.runSync.run(alice.userId());
            world.clock.advance(Duration.ofSeconds(12));
            Browser.Response indexed = browser.get("/messages");
            assertThat(indexed.body()).contains("id=\"freshness\"", "synced <time datetime=\"2026-11-25T10:00:00Z\">12 s ago</time>", "Subject 0");
        });
    }
}
