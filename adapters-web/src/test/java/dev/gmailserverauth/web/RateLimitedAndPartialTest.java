package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How pages and the JSON API answer at Gmail's per-user limits: 429 with when to try again, or a partial page. */
class RateLimitedAndPartialTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 12);

    private static JsonObject json(Browser.Response response) {
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private void spendQuotaForSeconds(long seconds) {
        world.google.spendQuotaUntil(world.clock.instant().plusSeconds(seconds));
    }

    @Test
    void theApiAnswers429WithRetryAfterWhenTheQuotaIsSpent() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            spendQuotaForSeconds(42);

            Browser.Response response = browser.get("/api/messages");

            assertThat(response.status()).isEqualTo(429);
            assertThat(response.header("Retry-After")).contains("42");
            JsonObject body = json(response);
            assertThat(body.get("error").getAsString()).isEqualTo("rate_limited");
            assertThat(body.get("retryAfterSeconds").getAsLong()).isEqualTo(42);
            assertThat(body.get("message").getAsString()).contains("slow down");
        });
    }

    @Test
    void aPageSaysInWordsWhenToTryAgain() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Instant freesAt = world.clock.instant().plusSeconds(42);
            world.google.spendQuotaUntil(freesAt);

            Browser.Response response = browser.get("/messages");

            assertThat(response.status()).isEqualTo(429);
            assertThat(response.header("Retry-After")).contains("42");
            assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(response.body()).contains("<h1>Please wait a moment</h1>", "data-status=\"429\"")
                    .contains("slow down for your account", "try again in 42 seconds", "after 10:00:42 UTC");
            assertThat(world.credentials.findByUserId(alice.userId())).as("still signed in and authorized").isPresent();
        });
    }

    @Test
    void aPartialPageShowsWhatArrivedWithANoticeAndARetryLink() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            world.google.withholdNextSummaries(3);

            Browser.Response response = browser.get("/messages?q=subject&maxResults=10");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.count("message")).isEqualTo(7);
            assertThat(response.body()).contains("id=\"partial-notice\"", "did not send 3 of the messages").doesNotContain("id=\"empty\"");
            String retry = response.hrefOf("retry-page");
            assertThat(retry).isEqualTo("/messages?q=subject&maxResults=10");

            Browser.Response again = browser.get(retry);
            assertThat(again.count("message")).isEqualTo(10);
            assertThat(again.body()).doesNotContain("partial-notice");
        });
    }

    @Test
    void aPartialJsonPageSaysSoAndNamesTheMissingIds() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            JsonObject complete = json(browser.get("/api/messages?maxResults=5"));
            assertThat(complete.get("partial").getAsBoolean()).isFalse();
            assertThat(complete.getAsJsonArray("missingIds")).isEmpty();

            world.google.withholdNextSummaries(2);
            JsonObject body = json(browser.get("/api/messages?maxResults=10"));

            assertThat(body.get("partial").getAsBoolean()).isTrue();
            assertThat(body.getAsJsonArray("messages")).as("five cached, three of the five fetched").hasSize(8);
            assertThat(body.getAsJsonArray("missingIds")).hasSize(2);
        });
    }
}
