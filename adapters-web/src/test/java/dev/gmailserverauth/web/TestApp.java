package dev.gmailserverauth.web;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.AuthorizationUrl;
import dev.gmailserverauth.domain.model.Scopes;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.web.account.AccountUseCases;
import dev.gmailserverauth.web.mail.MailUseCases;
import dev.gmailserverauth.web.shared.SessionUseCases;
import dev.gmailserverauth.web.signin.SignInUseCases;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The web app over a {@link World}: real use cases, FakeGoogle, in-memory stores. */
final class TestApp {
    static final URI BASE_URL = URI.create("http://localhost:8080");

    private TestApp() {
    }

    /** The app over this world's use cases, each feature given its own. */
    static WebApp.Builder builder(World world, BooleanSupplier databaseHealthy) {
        return WebApp.builder()
                .clock(Clock.systemUTC())
                .sessions(new SessionUseCases(world.startSession, world.resolveSession, world.endSession, world.listAccounts))
                .signIn(new SignInUseCases(world.begin, world.complete))
                .mail(new MailUseCases(world.access, world.listMessages, world.getMessage, world.listLabels, world.listThreads, world.getThread,
                        world.getAttachment))
                .account(new AccountUseCases(world.viewAccount, world.describeUser, world.disconnect, world.listAccounts))
                .securityEvents(world.handleSecurityEvent)
                .databaseHealthy(databaseHealthy);
    }

    static Javalin app(World world) {
        return app(world, WebConfig.of(BASE_URL));
    }

    static Javalin app(World world, WebConfig config) {
        return builder(world, () -> true).config(config).build();
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
