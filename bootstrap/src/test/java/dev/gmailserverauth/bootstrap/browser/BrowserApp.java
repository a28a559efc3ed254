package dev.gmailserverauth.bootstrap.browser;

import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.sandbox.SandboxControl;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;

/**
 * The whole application in sandbox mode and a headless Chromium, one of each per test class, as
 * {@code @RegisterExtension static final BrowserApp web = new BrowserApp();}: both start before the class's
 * first test (a machine without Chromium skips the class, or fails it when {@code CI=true}), each test starts
 * with no cookies in a 1280×900 window, and both close after the last test. Test instances may take
 * {@link #browser()} and {@link #app()} in field initializers: they are made after the start.
 */
final class BrowserApp implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final Clock clock;
    private final List<String> browserArguments;
    private final Map<String, String> environment;
    private GmailServerAuth app;
    private Browser browser;

    BrowserApp() {
        this(Clock.systemUTC(), List.of(), Map.of());
    }

    private BrowserApp(Clock clock, List<String> browserArguments, Map<String, String> environment) {
        this.clock = clock;
        this.browserArguments = List.copyOf(browserArguments);
        this.environment = Map.copyOf(environment);
    }

    /** The same with the application's clock (the sandbox keeps its own). */
    BrowserApp withClock(Clock appClock) {
        return new BrowserApp(appClock, browserArguments, environment);
    }

    /** The same with these Chromium switches besides the usual ones. */
    BrowserApp withBrowserArguments(List<String> arguments) {
        return new BrowserApp(clock, arguments, environment);
    }

    /** The same with these configuration variables besides the test defaults (for example {@code APP_SYNC=on}). */
    BrowserApp withEnvironment(Map<String, String> variables) {
        return new BrowserApp(clock, browserArguments, variables);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = Browser.start(browserArguments);
        app = TestApps.startSandboxApp(environment, clock);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        browser.forgetCookies();
        browser.resize(1280, 900);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) browser.close();
        if (app != null) app.close();
    }

    GmailServerAuth app() {
        return app;
    }

    Browser browser() {
        return browser;
    }

    SandboxControl sandbox() {
        return app.sandbox().orElseThrow().control();
    }

    String url(String path) {
        return app.baseUrl() + path;
    }

    String sandboxUrl(String path) {
        return app.sandbox().orElseThrow().baseUrl() + path;
    }

    /** Landing page → sign in → the sandbox's consent page. */
    void startSignIn() {
        browser.open(url("/"));
        browser.click("#signin");
        browser.find("#consent");
    }

    /** On the consent page: picks the account. */
    void pickAccount(String email) {
        browser.driver().findElements(By.cssSelector("input[name=account]")).stream()
                .filter(radio -> email.equals(radio.getAttribute("value")))
                .findFirst().orElseThrow(() -> new AssertionError("no account " + email + " on the consent page"))
                .click();
    }

    /** Through the app's sign-in to the sandbox's consent page, with the account picked. */
    void reachConsentAs(String email) {
        startSignIn();
        pickAccount(email);
    }

    /** Waits for the consent page, picks the account and allows. */
    void consentAs(String email) {
        browser.find("#consent");
        pickAccount(email);
        browser.click("#allow");
    }

    /** A whole sign-in, up to the message list. */
    void signInAs(String email) {
        reachConsentAs(email);
        browser.click("#allow");
        browser.find("#messages");
    }
}
