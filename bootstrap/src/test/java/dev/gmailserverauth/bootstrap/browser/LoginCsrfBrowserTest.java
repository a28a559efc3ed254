package dev.gmailserverauth.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.sandbox.SandboxControl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WindowType;

/**
 * Login CSRF in a real browser: an attacker's callback URL, opened in a signed-in victim's Chromium,
 * signs nobody in and leaves the victim themselves; ordinary sign-ins still work, also two tabs at once.
 */
class LoginCsrfBrowserTest {
    @RegisterExtension
    static final BrowserApp web = new BrowserApp();
    private final Browser browser = web.browser();
    private final SandboxControl sandbox = web.sandbox();

    private String url(String path) {
        return web.url(path);
    }

    /** The attacker, in their own client: starts a sign-in, consents as themselves, keeps the callback URL. */
    private URI attackersCallback(String attacker) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> login = client.send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build(), HttpResponse.BodyHandlers.discarding());
        URI consent = URI.create(login.headers().firstValue("Location").orElseThrow());
        return new HttpSignIn().approve(consent, attacker);
    }

    private void consentAs(String email) {
        web.consentAs(email);
    }

    @Test
    void theAttackersCallbackInTheVictimsBrowserIsRefusedAndTheVictimStaysThemselves() throws Exception {
        List<String> demo = sandbox.demoAccounts();
        String victim = demo.get(0);
        String attacker = demo.get(1);
        URI planted = attackersCallback(attacker);

        browser.open(url("/login"));
        consentAs(victim);
        browser.find("#messages");

        browser.open(planted.toString());
        assertThat(browser.text("#error-reason")).contains("started in another browser");
        browser.screenshot("29-login-csrf-refused");

        browser.open(url("/api/me"));
        assertThat(browser.driver().getPageSource()).contains(victim).doesNotContain(attacker);
        browser.open(url("/messages"));
        assertThat(browser.find("#messages")).isNotNull();
    }

    @Test
    void twoTabsSigningInAtOnceBothArrive() {
        String person = sandbox.demoAccounts().get(0);
        String first = browser.driver().getWindowHandle();
        browser.open(url("/login"));
        browser.find("#consent");

        browser.driver().switchTo().newWindow(WindowType.TAB);
        String second = browser.driver().getWindowHandle();
        browser.open(url("/login"));
        consentAs(person);
        browser.find("#messages");

        browser.driver().switchTo().window(first);
        consentAs(person);
        browser.find("#messages");
        assertThat(browser.currentUrl()).isEqualTo(url("/messages"));

        browser.driver().switchTo().window(second).close();
        browser.driver().switchTo().window(first);
    }
}
