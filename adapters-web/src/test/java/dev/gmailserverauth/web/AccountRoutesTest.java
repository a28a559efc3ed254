package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.UserIdentity;
import org.junit.jupiter.api.Test;

class AccountRoutesTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 3);

    @Test
    void logoutWithTheFormTokenEndsTheSession() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            String csrf = browser.get("/messages").csrfToken();
            String session = browser.cookie().orElseThrow();

            Browser.Response logout = browser.post("/logout", "csrf=" + csrf);
            assertThat(logout.status()).isEqualTo(303);
            assertThat(logout.location()).isEqualTo("/?bye=signed-out");
            assertThat(logout.setCookies().get(0)).as("the cookie is deleted").containsPattern("Max-Age=0|Expires=Thu, 01 Jan 1970");
            assertThat(browser.get(logout.location()).body()).contains("id=\"notice\"", "signed out", "id=\"signin\"");

            browser.setCookie(session);
            assertThat(browser.get("/messages").location()).isEqualTo("/login");
            assertThat(world.credentials.findByUserId(alice.userId())).as("offline access stays").isPresent();
        });
    }

    @Test
    void postsWithoutOrWithAWrongTokenAreForbidden() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            for (String body : new String[] {"", "csrf=", "csrf=forged", "other=1"}) {
                assertThat(browser.post("/logout", body).status()).as(body).isEqualTo(403);
                assertThat(browser.post("/disconnect", body).status()).as(body).isEqualTo(403);
            }
            Browser.Response refused = browser.post("/disconnect", "");
            assertThat(refused.body()).contains("id=\"error-reason\"", "anti-forgery token");
            assertThat(browser.get("/messages").status()).as("still signed in").isEqualTo(200);
            assertThat(world.credentials.findByUserId(alice.userId())).as("still connected").isPresent();
        });
    }

    @Test
    void anotherSessionsTokenDoesNotWork() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            String oldToken = browser.get("/messages").csrfToken();
            TestApp.signIn(browser, world, alice);
            assertThat(browser.post("/logout", "csrf=" + oldToken).status()).isEqualTo(403);
        });
    }

    @Test
    void disconnectIsOfferedOnlyOnTheConnectionPageBehindAConfirmationThatSaysWhatIsDeleted() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            assertThat(browser.get("/messages").dom().select("form[action=/disconnect]")).isEmpty();
            Browser.Response account = browser.get("/account");
            var confirmation = account.dom().selectFirst("details#disconnect-confirm");
            assertThat(confirmation).isNotNull();
            assertThat(confirmation.hasAttr("open")).as("closed until the person asks").isFalse();
            assertThat(confirmation.selectFirst("#disconnect-consequences").text())
                    .contains("revokes", "deletes", "tokens", "cached message summaries", "sessions on every browser", "history");
            var form = confirmation.selectFirst("form#disconnect-form");
            assertThat(form.attr("method")).isEqualTo("post");
            assertThat(form.attr("action")).isEqualTo("/disconnect");
            assertThat(form.selectFirst("input[name=csrf]").attr("value")).isEqualTo(account.csrfToken()).isNotEmpty();
            assertThat(form.selectFirst("button#disconnect").text()).isEqualTo("Yes, disconnect and delete");
        });
    }

    @Test
    void disconnectRevokesAtGoogleForgetsTheCredentialAndEndsTheSession() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            String csrf = browser.get("/messages").csrfToken();
            Browser.Response disconnect = browser.post("/disconnect", "csrf=" + Browser.encode(csrf));
            assertThat(disconnect.status()).isEqualTo(303);
            assertThat(disconnect.location()).isEqualTo("/?bye=disconnected");
            assertThat(world.credentials.findByUserId(alice.userId())).isEmpty();
            assertThat(browser.cookie()).isEmpty();
            assertThat(browser.get("/").body()).contains("id=\"signin\"");
            assertThat(browser.get("/messages").location()).isEqualTo("/login");
        });
    }

    @Test
    void postsWithoutASessionJustGoHome() {
        TestApp.run(TestApp.app(world), browser -> {
            assertThat(browser.post("/logout", "").location()).isEqualTo("/");
            assertThat(browser.post("/disconnect", "csrf=x").location()).isEqualTo("/");
        });
    }
}
