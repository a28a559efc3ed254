package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.fake.QueryString;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.net.URI;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Several Google accounts for one person, over HTTP: adding one, reading each, the attacks on linking, disconnecting one. */
class LinkedAccountsRoutesTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 3);
    private final UserIdentity bob = TestApp.accountWithMail(world, "bob@example.com", 2);
    private final UserIdentity mallory = TestApp.accountWithMail(world, "mallory@example.com", 1);

    private static JsonObject json(Browser.Response response) {
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** "Add another Google account" from a signed-in page: the consent URL it redirects to. */
    private static AuthorizationUrl startAdding(Browser browser) {
        String href = browser.get("/messages").hrefOf("add-account");
        assertThat(href).startsWith("/accounts/add?csrf=");
        Browser.Response add = browser.get(href);
        assertThat(add.status()).isEqualTo(302);
        return new AuthorizationUrl(URI.create(add.location()));
    }

    private Browser.Response comeBack(Browser browser, AuthorizationUrl consent, UserIdentity chosen) {
        AuthorizationState state = World.stateOf(consent);
        String code = world.google.approve(state, chosen).value();
        return browser.get("/oauth2/callback?state=" + state.value() + "&code=" + Browser.encode(code));
    }

    private static List<String> emails(Browser.Response accounts) {
        JsonArray list = json(accounts).getAsJsonArray("accounts");
        return StreamSupport.stream(list.spliterator(), false)
                .map(a -> a.getAsJsonObject().get("email").getAsString() + " " + a.getAsJsonObject().get("state").getAsString()
                        + (a.getAsJsonObject().get("primary").getAsBoolean() ? " primary" : ""))
                .toList();
    }

    @Test
    void addingAnAccountUsesGooglesChooserKeepsTheSessionAndOpensTheNewAccount() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            String session = browser.cookie().orElseThrow();
            AuthorizationUrl consent = startAdding(browser);
            assertThat(QueryString.of(consent.value()).get("prompt")).contains("select_account");

            Browser.Response back = comeBack(browser, consent, bob);

            assertThat(back.status()).isEqualTo(302);
            assertThat(back.location()).isEqualTo("/messages?account=" + bob.userId().value());
            assertThat(browser.cookie()).as("still the same session").contains(session);
            assertThat(emails(browser.get("/api/accounts"))).containsExactly("alice@example.com connected primary", "bob@example.com connected");
        });
    }

    @Test
    void eachAccountIsReadByItsParameterAndEveryLinkOnThePageKeepsIt() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            comeBack(browser, startAdding(browser), bob);

            assertThat(json(browser.get("/api/messages")).getAsJsonArray("messages")).as("alice's, by default").hasSize(3);
            assertThat(json(browser.get("/api/messages?account=bob%40example.com")).getAsJsonArray("messages")).hasSize(2);
            assertThat(json(browser.get("/api/messages?account=" + bob.userId().value())).getAsJsonArray("messages")).hasSize(2);
            assertThat(json(browser.get("/api/me")).get("email").getAsString()).isEqualTo("alice@example.com");
            String bobsFirst = json(browser.get("/api/messages?account=" + bob.userId().value())).getAsJsonArray("messages").get(0)
                    .getAsJsonObject().get("id").getAsString();
            assertThat(browser.get("/api/messages/" + bobsFirst).status()).as("bob's message is not alice's").isEqualTo(404);
            assertThat(browser.get("/api/messages/" + bobsFirst + "?account=bob%40example.com").status()).isEqualTo(200);

            Browser.Response bobsPage = browser.get("/messages?account=" + bob.userId().value());
            assertThat(bobsPage.status()).isEqualTo(200);
            assertThat(bobsPage.dom().getElementById("account-email").text()).isEqualTo("bob@example.com");
            List<String> ownLinks = bobsPage.dom().select("main a[href^=/messages/], main a[href^=/threads]").eachAttr("href");
            assertThat(ownLinks).isNotEmpty().allSatisfy(href -> assertThat(href).contains("account=" + bob.userId().value()));
            Element search = bobsPage.dom().selectFirst("form[method=get][action=/messages]");
            if (search != null) assertThat(search.select("input[name=account]").attr("value")).isEqualTo(bob.userId().value());
            String firstMessage = bobsPage.dom().selectFirst("main a[href^=/messages/]").attr("href");
            assertThat(browser.get(firstMessage).body()).contains("Subject 1");

            Browser.Response switcher = browser.get("/messages");
            assertThat(switcher.dom().select("#accounts li[data-account]").eachAttr("data-account"))
                    .containsExactly(alice.userId().value(), bob.userId().value());
            assertThat(switcher.dom().select("#accounts li.current").attr("data-account")).isEqualTo(alice.userId().value());
        });
    }

    @Test
    void anAccountOfSomeoneElseIsA404LikeOneThatDoesNotExist() {
        world.signIn(mallory);
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response foreign = browser.get("/api/messages?account=" + mallory.userId().value());
            Browser.Response missing = browser.get("/api/messages?account=nobody%40example.com");
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(json(foreign).get("error")).isEqualTo(json(missing).get("error"));
            assertThat(browser.get("/messages?account=mallory%40example.com").status()).isEqualTo(404);
            assertThat(browser.get("/account?account=" + mallory.userId().value()).status()).isEqualTo(404);
        });
    }

    @Test
    void anAccountLinkedToAnotherPersonIsRefusedWithAClearPage() {
        world.signIn(mallory);
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response refused = comeBack(browser, startAdding(browser), mallory);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("mallory@example.com is already linked to someone else");
            assertThat(emails(browser.get("/api/accounts"))).containsExactly("alice@example.com connected primary");
        });
    }

    @Test
    void anAddedAccountThatNeedsANewConsentGoesBackThroughAddingNotThroughAPlainSignIn() {
        // Bob granted this app before, but nothing of his is stored any more: Google issues no new refresh token.
        world.signIn(bob);
        world.credentials.delete(bob.userId());
        world.links.unlink(bob.userId());
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            Browser.Response consent = comeBack(browser, startAdding(browser), bob);
            assertThat(consent.body()).contains("NO_REFRESH_TOKEN");
            String wayBack = consent.hrefOf("consent-link");
            assertThat(wayBack).startsWith("/accounts/add?csrf=").endsWith("&prompt=consent");

            Browser.Response again = browser.get(wayBack);
            assertThat(QueryString.of(URI.create(again.location())).get("prompt")).contains("select_account consent");
            comeBack(browser, new AuthorizationUrl(URI.create(again.location())), bob);
            assertThat(emails(browser.get("/api/accounts"))).containsExactly("alice@example.com connected primary", "bob@example.com connected");
        });
    }

    @Test
    void addingNeedsTheSessionsTokenAndASession() {
        TestApp.run(TestApp.app(world), browser -> {
            assertThat(browser.get("/accounts/add").location()).isEqualTo("/login");
            TestApp.signIn(browser, world, alice);
            assertThat(browser.get("/accounts/add").status()).as("a cross-site link cannot start it").isEqualTo(403);
            assertThat(browser.get("/accounts/add?csrf=forged").status()).isEqualTo(403);
            assertThat(world.pending.countCreatedSince(java.time.Instant.EPOCH)).as("no sign-in started").isZero();
        });
    }

    @Test
    void aLinkCompletedAfterAnotherPersonSignedInOnTheBrowserIsRejected() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            AuthorizationUrl consent = startAdding(browser);
            TestApp.signIn(browser, world, mallory);

            Browser.Response back = comeBack(browser, consent, bob);

            assertThat(back.status()).isEqualTo(400);
            assertThat(world.links.find(bob.userId())).isEmpty();
            assertThat(emails(browser.get("/api/accounts"))).containsExactly("mallory@example.com connected primary");
        });
    }

    @Test
    void aLinkCallbackReplayedInAnotherBrowserIsRejected() {
        TestApp.run(TestApp.app(world), attacker -> {
            TestApp.signIn(attacker, world, mallory);
            AuthorizationUrl consent = startAdding(attacker);
            AuthorizationState state = World.stateOf(consent);
            String callback = "/oauth2/callback?state=" + state.value() + "&code=" + Browser.encode(world.google.approve(state, mallory).value());

            Browser victim = new Browser(attacker.origin());
            TestApp.signIn(victim, world, alice);
            assertThat(victim.get(callback).status()).isEqualTo(400);
            assertThat(emails(victim.get("/api/accounts"))).containsExactly("alice@example.com connected primary");
        });
    }

    @Test
    void disconnectingOneAccountKeepsThePersonSignedInWithTheOthers() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            comeBack(browser, startAdding(browser), bob);
            Browser.Response bobsConnection = browser.get("/account?account=" + bob.userId().value());
            assertThat(bobsConnection.dom().getElementById("connection-email").text()).isEqualTo("bob@example.com");
            String action = bobsConnection.dom().getElementById("disconnect-form").attr("action");
            assertThat(action).isEqualTo("/disconnect?account=" + bob.userId().value());

            Browser.Response disconnected = browser.post(action, "csrf=" + bobsConnection.csrfToken());

            assertThat(disconnected.status()).isEqualTo(303);
            assertThat(disconnected.location()).isEqualTo("/messages");
            assertThat(world.credentials.findByUserId(bob.userId())).isEmpty();
            assertThat(emails(browser.get("/api/accounts"))).containsExactly("alice@example.com connected primary");
            assertThat(browser.get("/messages").status()).isEqualTo(200);

            Browser.Response last = browser.post("/disconnect", "csrf=" + browser.get("/account").csrfToken());
            assertThat(last.location()).isEqualTo("/?bye=disconnected");
            assertThat(browser.get("/messages").location()).isEqualTo("/login");
        });
    }
}
