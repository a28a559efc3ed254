package dev.gmailserverauth.web;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.UserIdentity;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The web app over a {@link World}: real use cases, FakeGoogle, in-memory stores. */
final class TestApp {
    static final URI BASE_URL = URI.create("http://localhost:8080");

    private TestApp() {
    }

    static WebUseCases useCases(World world, BooleanSupplier databaseHealthy) {
        return new WebUseCases(world.access, world.begin, world.complete, world.listMessages, world.getMessage, world.listLabels,
                world.listThreads, world.getThread, world.getAttachment, world.disconnect,
                world.startSession, world.resolveSession, world.endSession, world.describeUser, world.viewAccount, world.handleSecurityEvent,
                databaseHealthy);
    }

    static Javalin app(World world) {
        return app(world, WebConfig.of(BASE_URL));
    }

    static Javalin app(World world, WebConfig config) {
        return WebApp.create(config, useCases(world, () -> true));
    }

    /** Runs the test against a started app; the browser starts signed out. */
    static void run(Javalin app, Scenario scenario) {
        JavalinTest.test(app, (server, client) -> scenario.run(new Browser(client.getOrigin())));
    }

    interface Scenario {
        void run(Browser browser) throws Exception;
    }

    /** Plays the whole sign-in in the browser: /login, Google's consent screen (FakeGoogle), the callback. */
    static Browser.Response signIn(Browser browser, World world, UserIdentity account, Scopes granted) {
        Browser.Response login = browser.get("/login");
        AuthorizationUrl consentUrl = new AuthorizationUrl(URI.create(login.location()));
        var state = World.stateOf(consentUrl);
        String code = world.google.approve(state, account, granted).value();
        return browser.get("/oauth2/callback?state=" + state.value() + "&code=" + Browser.encode(code));
    }

    /** The same, the person granting time-limited access on the consent screen. */
    static Browser.Response signInTimeLimited(Browser browser, World world, UserIdentity account, Duration limit) {
        Browser.Response login = browser.get("/login");
        var state = World.stateOf(new AuthorizationUrl(URI.create(login.location())));
        String code = world.google.approveTimeLimited(state, account, limit).value();
        return browser.get("/oauth2/callback?state=" + state.value() + "&code=" + Browser.encode(code) + "&iss="
                + Browser.encode(World.ISSUER.value()));
    }

    static Browser.Response signIn(Browser browser, World world, UserIdentity account) {
        return signIn(browser, world, account, Scopes.REQUESTED);
    }

    /** An account with {@code count} messages, one minute apart, the newest first in the list; every third unread. */
    static UserIdentity accountWithMail(World world, String email, int count) {
        UserIdentity account = world.google.addAccount(email);
        for (int i = 0; i < count; i++) {
            world.google.addMessage(account, new NewMessage("Sender " + i + " <sender" + i + "@example.org>", "Subject " + i,
                    "Body of message " + i, World.START.minus(Duration.ofMinutes(count - i)), i % 3 == 0));
        }
        return account;
    }
}
