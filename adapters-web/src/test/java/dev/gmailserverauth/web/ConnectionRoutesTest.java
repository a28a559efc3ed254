package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.RenewalNotice;
import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.SignInHold;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The connection page, its JSON, the pages' "access ends on" notice, and how sign-in answers a grant's ends. */
class ConnectionRoutesTest {
    private static final Duration SEVEN_DAYS = Duration.ofDays(7);
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 2);

    @Test
    void aTimeLimitedGrantShowsWhenAccessEndsOnEveryMailPage() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signInTimeLimited(browser, world, alice, SEVEN_DAYS);
            Browser.Response messages = browser.get("/messages");
            assertThat(messages.body()).contains("id=\"access-notice\"", "Access ends on", "Wed 2 Dec 2026, 10:00 UTC",
                    "datetime=\"2026-12-02T10:00:00Z\"").doesNotContain("id=\"renew-access\"");
        });
    }

    @Test
    void renewalIsOfferedFromTheNoticeBeforeTheEnd() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signInTimeLimited(browser, world, alice, SEVEN_DAYS);
            world.clock.advance(SEVEN_DAYS.minus(RenewalNotice.DEFAULT));
            assertThat(browser.get("/messages").body()).contains("id=\"renew-access\"",
                    "href=\"/login?prompt=consent&amp;login_hint=alice%40example.com\"");
        });
    }

    @Test
    void anOrdinaryGrantShowsNoNotice() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signIn(browser, world, alice);
            assertThat(browser.get("/messages").body()).doesNotContain("access-notice").contains("href=\"/account\"");
        });
    }

    @Test
    void afterTheEndTheNextPageSaysTheTimeLimitedAccessEnded() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signInTimeLimited(browser, world, alice, SEVEN_DAYS);
            // Two steps, so the session (idle for at most 7 days) stays alive; the first one refreshes once.
            world.clock.advance(Duration.ofDays(4));
            assertThat(browser.get("/messages").status()).isEqualTo(200);
            world.clock.advance(Duration.ofDays(3));
            int refreshes = world.google.refreshCount();
            Browser.Response page = browser.get("/messages");
            assertThat(page.body()).contains("data-reason=\"TIME_LIMITED_ACCESS_ENDED\"", "Your time-limited access has ended",
                    "href=\"/login?prompt=consent&amp;login_hint=alice%40example.com\"");
            assertThat(world.google.refreshCount()).isEqualTo(refreshes);
        });
    }

    @Test
    void theConnectionPageShowsTheGrantAndItsHistory() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signInTimeLimited(browser, world, alice, SEVEN_DAYS);
            Browser.Response page = browser.get("/account");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"connection-email\">alice@example.com", "id=\"connected-since\">Wed 25 Nov 2026, 10:00 UTC",
                    "Read your mail: messages, conversations, labels and attachments", "See your email address", "data-time-limited=\"true\"", "access ends on Wed 2 Dec 2026",
                    "data-kind=\"CONNECTED\"", "not since you connected");
        });
    }

    @Test
    void theConnectionJsonSaysTheSame() {
        TestApp.run(TestApp.app(world), browser -> {
            TestApp.signInTimeLimited(browser, world, alice, SEVEN_DAYS);
            Browser.Response json = browser.get("/api/account");
            assertThat(json.status()).isEqualTo(200);
            assertThat(json.body()).contains("\"connected\":true", "\"email\":\"alice@example.com\"", "\"timeLimited\":true",
                    "\"accessEndsAt\":\"2026-12-02T10:00:00Z\"", "\"renewalOffered\":false", "\"lastRenewed\":null",
                    "\"connectedSince\":\"2026-11-25T10:00:00Z\"", "\"kind\":\"CONNECTED\"", "\"signInHold\":null");
            assertThat(json.body()).doesNotContain("ya29.", "1//");
        });
    }

    @Test
    void theConnectionPageNeedsASession() {
        TestApp.run(TestApp.app(world), browser -> {
            assertThat(browser.get("/account").status()).isEqualTo(302);
            assertThat(browser.get("/api/account").status()).isEqualTo(401);
        });
    }

    @Test
    void aResponseFromAnotherIssuerIsRefusedWithoutSigningIn() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response login = browser.get("/login");
            var state = World.stateOf(new AuthorizationUrl(URI.create(login.location())));
            String code = world.google.approve(state, alice).value();
            Browser.Response callback = browser.get("/oauth2/callback?state=" + state.value() + "&code=" + Browser.encode(code)
                    + "&iss=" + Browser.encode("https://evil.example"));
            assertThat(callback.status()).isEqualTo(400);
            assertThat(callback.body()).contains("another authorization server");
            assertThat(world.google.exchangeCount()).isZero();
        });
    }

    @Test
    void aRedirectErrorGetsItsOwnPage() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response login = browser.get("/login");
            var state = World.stateOf(new AuthorizationUrl(URI.create(login.location())));
            Browser.Response callback = browser.get("/oauth2/callback?state=" + state.value() + "&error=temporarily_unavailable");
            assertThat(callback.body()).contains("data-reason=\"TEMPORARILY_UNAVAILABLE\"", "Google is busy right now")
                    .doesNotContain("CODE_EXCHANGE_FAILED");
        });
    }

    @Test
    void aHeldAccountIsRefusedWith403() {
        world.holds.hold(new SignInHold(alice.userId(), "account-disabled (hijacking)", World.START));
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response callback = TestApp.signIn(browser, world, alice);
            assertThat(callback.status()).isEqualTo(403);
            assertThat(callback.body()).contains("Sign-in suspended", "hijacked");
            assertThat(browser.get("/messages").status()).isEqualTo(302);
        });
    }
}
