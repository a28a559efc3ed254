package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.fake.NewAttachment;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The reading routes of the JSON API; every answer here is also checked against the OpenAPI document (see {@link Browser}). */
class MailApiTest {
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    private static JsonObject json(Browser.Response response) {
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    @Test
    void aMessageComesWithTextSanitizedHtmlLabelNamesAndFiles() {
        world.google.addLabel(alice, "Label_42", "Receipts");
        MessageId id = world.google.addMessage(alice, new NewMessage("News <news@news.example>", "Sale", "", World.START, true)
                .withHtml(ReadingPagesTest.NEWSLETTER).withLabels(List.of("Label_42", "STARRED"))
                .withAttachments(List.of(NewAttachment.inline("logo@news.example", "logo.png", "image/png", ReadingPagesTest.PNG))));
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            JsonObject message = json(browser.get("/api/messages/" + id.value()));
            assertThat(message.get("subject").getAsString()).isEqualTo("Sale");
            assertThat(message.get("unread").getAsBoolean()).isTrue();
            assertThat(message.get("starred").getAsBoolean()).isTrue();
            assertThat(message.get("text").getAsString()).contains("Autumn sale", "see the sale").doesNotContain("<");
            assertThat(message.get("remoteImagesBlocked").getAsInt()).isEqualTo(2);
            var html = Jsoup.parse(message.get("html").getAsString());
            assertThat(html.select("script, form, [onclick]")).isEmpty();
            assertThat(html.selectFirst("img").attr("src")).isEqualTo("/messages/" + id.value() + "/attachments/1?inline=1");
            assertThat(names(message.getAsJsonArray("labels"))).contains("Receipts", "Starred", "Inbox", "Unread");
            JsonObject file = message.getAsJsonArray("attachments").get(0).getAsJsonObject();
            assertThat(file.get("partId").getAsString()).isEqualTo("1");
            assertThat(file.get("contentId").getAsString()).isEqualTo("logo@news.example");
            assertThat(file.get("downloadUrl").getAsString()).isEqualTo("/messages/" + id.value() + "/attachments/1");
        });
    }

    @Test
    void threadsListAndOpenWithTheirMessagesOldestFirst() {
        MessageId first = world.google.addMessage(alice, new NewMessage("Bob <bob@example.org>", "Plans", "Saturday?", World.START.minus(Duration.ofHours(2)), false));
        world.google.addMessage(alice, new NewMessage("Carol <carol@example.org>", "Re: Plans", "Yes!", World.START, true).asReply());
        world.google.addMessage(alice, new NewMessage("Dan <dan@example.org>", "Other", "Hi", World.START.minus(Duration.ofHours(1)), false));
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            JsonObject page = json(browser.get("/api/threads?maxResults=1"));
            assertThat(page.getAsJsonArray("threads")).hasSize(1);
            assertThat(page.getAsJsonArray("threads").get(0).getAsJsonObject().get("id").getAsString()).isEqualTo(first.value());
            JsonObject rest = json(browser.get("/api/threads?maxResults=5&pageToken=" + Browser.encode(page.get("nextPageToken").getAsString())));
            assertThat(rest.getAsJsonArray("threads")).hasSize(1);
            assertThat(rest.get("nextPageToken").isJsonNull()).isTrue();
            assertThat(json(browser.get("/api/threads?q=Other")).getAsJsonArray("threads")).hasSize(1);

            JsonObject thread = json(browser.get("/api/threads/" + first.value()));
            assertThat(thread.getAsJsonArray("messages")).extracting(m -> m.getAsJsonObject().get("subject").getAsString())
                    .containsExactly("Plans", "Re: Plans");
        });
    }

    @Test
    void labelsAreListedByNameInGmailsOrder() {
        world.google.addLabel(alice, "Label_42", "Receipts");
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            JsonArray labels = json(browser.get("/api/labels")).getAsJsonArray("labels");
            assertThat(names(labels)).containsExactly("Inbox", "Starred", "Unread", "Receipts");
            assertThat(labels.get(3).getAsJsonObject().get("type").getAsString()).isEqualTo("user");
        });
    }

    @Test
    void everyRouteSharesTheSessionRulesAndTheErrorShape() {
        TestApp.run(TestApp.app(world), browser -> {
            for (String path : List.of("/api/messages/abc", "/api/threads", "/api/threads/abc", "/api/labels", "/api/messages/abc/attachments/1")) {
                Browser.Response response = browser.get(path);
                assertThat(response.status()).as(path).isEqualTo(401);
                assertThat(json(response).get("loginUrl").getAsString()).isEqualTo("/login");
            }
            TestApp.signIn(browser, world, alice);
            JsonObject notFound = json(browser.get("/api/messages/ffffffffffff0000"));
            assertThat(notFound.get("error").getAsString()).isEqualTo("not_found");
            assertThat(notFound.get("message").getAsString()).contains("no message");
            assertThat(json(browser.get("/api/threads/bad.id")).get("error").getAsString()).isEqualTo("bad_request");
            assertThat(json(browser.get("/api/threads?maxResults=0")).get("error").getAsString()).isEqualTo("bad_request");
            world.google.revokeGrants(alice);
            JsonObject revoked = json(browser.get("/api/threads"));
            assertThat(revoked.get("error").getAsString()).isEqualTo("reauthorization_required");
            assertThat(revoked.get("authorizationUrl").getAsString()).endsWith("/login?prompt=consent&login_hint=alice%40example.com");
        });
    }

    private static List<String> names(JsonArray labels) {
        return labels.asList().stream().map(JsonElement::getAsJsonObject).map(l -> l.get("name").getAsString()).toList();
    }
}
