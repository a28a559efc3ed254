package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.fake.FakeGoogle;
import dev.gmailserverauth.domain.fake.QueryString;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SignInRoutesTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 3);

    @Test
    void landingPageOffersSignInWithGoogle() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response landing = browser.get("/");
            assertThat(landing.status()).isEqualTo(200);
            assertThat(landing.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(landing.body()).contains("id=\"signin\"", "href=\"/login\"", "Sign in with Google", "name=\"viewport\"",
                    "/static/app.css");
            assertThat(landing.body()).doesNotContain("<script", "style=");
        });
    }

    @Test
    void withoutAWorkspaceDomainThereIsNoWorkspaceSignIn() {
        TestApp.run(TestApp.app(world), browser -> {
            assertThat(browser.get("/").body()).doesNotContain("signin-workspace", "/login/workspace");
            Browser.Response login = browser.get("/login/workspace");
            assertThat(login.status()).isEqualTo(404);
            assertThat(login.header("Location")).isEmpty();
            assertThat(world.pending.size()).isZero();
        });
    }

    @Test
    void loginRedirectsToTheConsentScreenWithStateAndPkce() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response login = browser.get("/login");
            assertThat(login.status()).isEqualTo(302);
            QueryString query = QueryString.of(URI.create(login.location()));
            assertThat(login.location()).startsWith("https://accounts.fake.example/");
            assertThat(query.get("state")).isPresent();
            assertThat(query.get("code_challenge")).isPresent();
            assertThat(query.get("code_challenge_method")).contains("S256");
            assertThat(query.get("access_type")).contains("offline");
            assertThat(query.get("login_hint")).isEmpty();
        });
    }

    @Test
    void loginPassesAValidLoginHintOn() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response login = browser.get("/login?login_hint=" + Browser.encode("alice@example.com"));
            assertThat(QueryString.of(URI.create(login.location())).get("login_hint")).contains("alice@example.com");
        });
    }

    @Test
    void loginRefusesALoginHintThatIsNotAnEmailAddress() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response login = browser.get("/login?login_hint=not-an-address");
            assertThat(login.status()).isEqualTo(400);
            assertThat(login.header("Location")).isEmpty();
            assertThat(login.body()).contains("id=\"error-reason\"", "login_hint must be an email address");
        });
    }

    @Test
    void loginRefusesALoginHintWithControlCharacters() {
        TestApp.run(TestApp.app(world), browser -> {
            for (String hint : java.util.List.of("alice%00@example.com", "alice@example.com%0D%0ALocation:%20x", "al%07ice@example.com")) {
                Browser.Response login = browser.get("/login?login_hint=" + hint);
                assertThat(login.status()).as(hint).isEqualTo(400);
                assertThat(login.header("Location")).isEmpty();
            }
            assertThat(world.pending.size()).isZero();
        });
    }

    @Test
    void callbackSignsInWithAFreshSessionCookieAndGoesToMessages() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response callback = TestApp.signIn(browser, world, alice);
            assertThat(callback.status()).isEqualTo(302);
            assertThat(callback.location()).isEqualTo("/messages");
            String cookie = callback.setCookies().get(0);
            assertThat(cookie).startsWith("sid=").contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
            assertThat(browser.get("/messages").status()).isEqualTo(200);
            assertThat(browser.get("/").location()).isEqualTo("/messages");
        });
    }

    @Test
    void signingInAgainIssuesANewSessionAndEndsTheOldOne() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            String first = browser.cookie().orElseThrow();
            TestApp.signIn(browser, world, alice);
            String second = browser.cookie().orElseThrow();
            assertThat(second).isNotEqualTo(first);
            assertThat(browser.get("/messages").status()).isEqualTo(200);
            browser.setCookie(first);
            assertThat(browser.get("/messages").location()).isEqualTo("/login");
        });
    }

    @Test
    void secureBaseUrlMakesTheCookieSecureWithTheHostPrefix() {
        WebConfig https = WebConfig.of(URI.create("https://mail.example.com"));
        TestApp.run(TestApp.app(world, https), browser -> {
            Browser.Response callback = TestApp.signIn(browser, world, alice);
            assertThat(callback.setCookies().get(0)).startsWith("__Host-sid=").contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/");
            assertThat(callback.header("Strict-Transport-Security")).isPresent();
        });
    }

    @Test
    void declinedConsentExplainsAndOffersToTryAgain() {
        TestApp.run(TestApp.app(world), browser -> {
            String state = QueryString.of(URI.create(browser.get("/login").location())).require("state");
            Browser.Response page = browser.get("/oauth2/callback?state=" + state + "&error=access_denied");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"error-reason\" data-reason=\"ACCESS_DENIED\"", "You chose not to let this app read your mail");
            assertThat(page.hrefOf("consent-link")).isEqualTo("/login");
            assertThat(browser.get(page.hrefOf("consent-link")).location()).startsWith("https://accounts.fake.example/");
            assertThat(browser.cookie()).isEmpty();
        });
    }

    @Test
    void untickedGmailScopeExplainsAndOffersConsentAgain() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response page = TestApp.signIn(browser, world, alice, FakeGoogle.withoutGmail());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("data-reason=\"INSUFFICIENT_SCOPE\"", "left unticked");
            QueryString consent = QueryString.of(URI.create(page.hrefOf("consent-link")));
            assertThat(consent.get("prompt")).contains("consent");
            assertThat(browser.cookie()).isEmpty();
        });
    }

    @Test
    void replayedStateIsRejectedWithoutASecondCodeExchange() {
        TestApp.run(TestApp.app(world), browser -> {
            String state = QueryString.of(URI.create(browser.get("/login").location())).require("state");
            String code = world.google.approve(new dev.gmailserverauth.domain.model.AuthorizationState(state), alice).value();
            String callback = "/oauth2/callback?state=" + state + "&code=" + Browser.encode(code);
            assertThat(browser.get(callback).status()).isEqualTo(302);
            int exchanges = world.google.exchangeCount();
            browser.clearCookie();

            Browser.Response replay = browser.get(callback);
            assertThat(replay.status()).isEqualTo(400);
            assertThat(replay.body()).contains("id=\"error-reason\"", "already completed");
            assertThat(world.google.exchangeCount()).isEqualTo(exchanges);
            assertThat(browser.cookie()).isEmpty();
        });
    }

    @Test
    void missingOrMalformedStateIsRejectedWithoutAnyCodeExchange() {
        TestApp.run(TestApp.app(world), browser -> {
            assertThat(browser.get("/oauth2/callback?code=4/abc").status()).isEqualTo(400);
            assertThat(browser.get("/oauth2/callback?state=short&code=4/abc").status()).isEqualTo(400);
            assertThat(browser.get("/oauth2/callback").status()).isEqualTo(400);
            assertThat(world.google.exchangeCount()).isZero();
        });
    }
}
