package dev.gmailserverauth.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.fake.QueryString;
import dev.gmailserverauth.domain.model.AuthorizationState;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Login CSRF (a sign-in completes only in the browser that began it) and the bounds on starting sign-ins. */
class LoginBindingAndBoundsTest {
    private final World world = new World();
    private final UserIdentity alice = TestApp.accountWithMail(world, "alice@example.com", 3);
    private final UserIdentity mallory = TestApp.accountWithMail(world, "mallory@example.com", 1);

    /** What an attacker does in their own browser: start a sign-in, consent as themselves, stop before the callback. */
    private String attackersCallback(Browser attacker) {
        AuthorizationState state = new AuthorizationState(QueryString.of(URI.create(attacker.get("/login").location())).require("state"));
        String code = world.google.approve(state, mallory).value();
        return "/oauth2/callback?state=" + state.value() + "&code=" + Browser.encode(code);
    }

    @Test
    void anAttackersCallbackOpenedInTheVictimsBrowserIsRefusedAndTheVictimStaysThemselves() {
        TestApp.run(TestApp.app(world), victim -> {
            Browser attacker = new Browser(victim.origin());
            String planted = attackersCallback(attacker);
            TestApp.signIn(victim, world, alice);
            String victimsSession = victim.cookie().orElseThrow();
            int exchanges = world.google.exchangeCount();

            Browser.Response forced = victim.get(planted);

            assertThat(forced.status()).isEqualTo(400);
            assertThat(forced.body()).contains("id=\"error-reason\"", "started in another browser");
            assertThat(world.google.exchangeCount()).as("no code exchange").isEqualTo(exchanges);
            assertThat(world.credentials.findByUserId(mallory.userId())).isEmpty();
            assertThat(victim.cookie()).contains(victimsSession);
            assertThat(victim.get("/api/me").body()).contains("alice@example.com");
        });
    }

    @Test
    void aCallbackWithoutTheSignInCookieIsRefused() {
        TestApp.run(TestApp.app(world), browser -> {
            String callback = attackersCallback(browser);
            browser.clearCookie();
            assertThat(browser.get(callback).status()).isEqualTo(400);
            assertThat(world.google.exchangeCount()).isZero();
        });
    }

    @Test
    void theSignInCookieIsHttpOnlyAndLaxAndTwoTabsSigningInAtOnceBothComplete() {
        TestApp.run(TestApp.app(world), browser -> {
            Browser.Response firstTab = browser.get("/login");
            String nonce = browser.cookie("signin").orElseThrow();
            assertThat(firstTab.setCookies()).anySatisfy(c -> assertThat(c).startsWith("signin=").contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=600"));
            Browser.Response secondTab = browser.get("/login");
            assertThat(browser.cookie("signin")).contains(nonce);

            for (Browser.Response tab : java.util.List.of(secondTab, firstTab)) {
                AuthorizationState state = new AuthorizationState(QueryString.of(URI.create(tab.location())).require("state"));
                String code = world.google.approve(state, alice).value();
                Browser.Response callback = browser.get("/oauth2/callback?state=" + state.value() + "&code=" + Browser.encode(code));
                assertThat(callback.status()).isEqualTo(302);
                assertThat(callback.location()).isEqualTo("/messages");
            }
        });
    }

    @Test
    void oneClientLoopingOnLoginIsRefusedWith429BeforeItFillsTheStore() {
        TestApp.run(TestApp.app(world, WebConfig.of(TestApp.BASE_URL).withSignInsPerClient(5)), browser -> {
            HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            for (int i = 0; i < 5; i++) assertThat(send(anonymous, browser.origin() + "/login").statusCode()).isEqualTo(302);

            HttpResponse<String> refused = send(anonymous, browser.origin() + "/login");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 3));
            assertThat(refused.body()).contains("Too many sign-ins");
            assertThat(world.pending.size()).isEqualTo(5);
        });
    }

    @Test
    void beyondTheCapOfSignInsInFlightLoginAnswers429() {
        TestApp.run(TestApp.app(world, WebConfig.of(TestApp.BASE_URL).withSignInsPerClient(1_000)), browser -> {
            for (int i = 0; i < World.MAX_IN_FLIGHT; i++) assertThat(browser.get("/login").status()).isEqualTo(302);
            Browser.Response refused = browser.get("/login");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).contains("Too many people are signing in");
            assertThat(world.pending.size()).isEqualTo(World.MAX_IN_FLIGHT);
        });
    }

    private static HttpResponse<String> send(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
