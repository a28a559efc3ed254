package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 12);

    private static JsonObject json(Browser.Response response) {
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    @Test
    void messagesAnswerTheDocumentedShape() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response response = browser.get("/api/messages?maxResults=5");
            assertThat(response.status()).isEqualTo(200);
            JsonObject body = json(response);
            JsonArray messages = body.getAsJsonArray("messages");
            assertThat(messages).hasSize(5);
            JsonObject first = messages.get(0).getAsJsonObject();
            assertThat(first.keySet()).contains("id", "threadId", "subject", "from", "date", "snippet");
            assertThat(first.get("subject").getAsString()).isEqualTo("Subject 11");
            assertThat(first.get("date").getAsString()).isEqualTo("2026-11-25T09:59:00Z");
            String next = body.get("nextPageToken").getAsString();

            JsonObject last = json(browser.get("/api/messages?maxResults=10&pageToken=" + Browser.encode(next)));
            assertThat(last.getAsJsonArray("messages")).hasSize(7);
            assertThat(last.get("nextPageToken").isJsonNull()).isTrue();
        });
    }

    @Test
    void messagesSearchWithQ() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            JsonObject body = json(browser.get("/api/messages?q=" + Browser.encode("Subject 3")));
            assertThat(body.getAsJsonArray("messages")).hasSize(1);
        });
    }

    @Test
    void outOfRangeOrNonNumericMaxResultsIsABadRequest() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            for (String bad : new String[] {"0", "501", "-1", "abc", "1e3", "99999999999999999999"}) {
                Browser.Response response = browser.get("/api/messages?maxResults=" + Browser.encode(bad));
                assertThat(response.status()).as(bad).isEqualTo(400);
                JsonObject body = json(response);
                assertThat(body.get("error").getAsString()).isEqualTo("bad_request");
                assertThat(body.get("message").getAsString()).contains("between 1 and 500");
            }
            assertThat(browser.get("/api/messages?maxResults=500").status()).isEqualTo(200);
        });
    }

    @Test
    void tooLongQueryIsABadRequest() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response response = browser.get("/api/messages?q=" + "x".repeat(1025));
            assertThat(response.status()).isEqualTo(400);
            assertThat(json(response).get("message").getAsString()).contains("longer than 1024");
        });
    }

    @Test
    void meAnswersUserIdAndEmail() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            JsonObject me = json(browser.get("/api/me"));
            assertThat(me.get("userId").getAsString()).isEqualTo(alice.userId().value());
            assertThat(me.get("email").getAsString()).isEqualTo("alice@example.com");
        });
    }

    @Test
    void signedOutClientsGet401Json() {
        TestApp.run(TestApp.app(world), browser -> {
            for (String path : new String[] {"/api/messages", "/api/me"}) {
                Browser.Response response = browser.get(path);
                assertThat(response.status()).isEqualTo(401);
                assertThat(json(response).get("error").getAsString()).isEqualTo("unauthenticated");
            }
        });
    }

    @Test
    void revokedGrantAnswers401WithTheConsentUrl() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            world.google.revokeGrants(alice);
            Browser.Response response = browser.get("/api/messages");
            assertThat(response.status()).isEqualTo(401);
            JsonObject body = json(response);
            assertThat(body.get("error").getAsString()).isEqualTo("reauthorization_required");
            String authorizationUrl = body.get("authorizationUrl").getAsString();
            assertThat(authorizationUrl).isEqualTo(TestApp.BASE_URL + "/login?prompt=consent&login_hint=alice%40example.com");
            assertThat(browser.get(URI.create(authorizationUrl).getRawPath() + "?" + URI.create(authorizationUrl).getRawQuery()).location())
                    .startsWith("https://accounts.fake.example/").contains("prompt=consent");

            Browser.Response me = browser.get("/api/me");
            assertThat(me.status()).isEqualTo(401);
            assertThat(json(me).get("error").getAsString()).isEqualTo("reauthorization_required");
        });
    }

    @Test
    void unavailableGoogleIs503WithoutDetails() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            world.google.goOffline(true);
            Browser.Response api = browser.get("/api/messages");
            assertThat(api.status()).isEqualTo(503);
            assertThat(json(api).get("error").getAsString()).isEqualTo("unavailable");
            assertThat(api.body()).doesNotContain("Exception", "offline");

            Browser.Response page = browser.get("/messages");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).contains("id=\"error-reason\"", "Google could not be reached").doesNotContain("Exception");
        });
    }

    @Test
    void unknownApiPathIsJson404() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response response = browser.get("/api/nothing-here");
            assertThat(response.status()).isEqualTo(404);
            assertThat(json(response).get("error").getAsString()).isEqualTo("not_found");
        });
    }
}
