package dev.gmailserverauth.bootstrap.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.sandbox.SandboxClient;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxObservation;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a grant ends, through the whole app in sandbox mode over real HTTP: Testing status, re-authentication, iss. */
class GrantEndingsTest {
    private static final Pattern ACCESS_ENDS_AT = Pattern.compile("\"accessEndsAt\":\"([^\"]+)\"");
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static GmailServerAuth app;
    private static SandboxControl sandbox;
    private final HttpSignIn signIn = new HttpSignIn();
    private final ApiClient api = new ApiClient();

    @BeforeAll
    static void start() {
        app = TestApps.startSandboxApp();
        sandbox = app.sandbox().orElseThrow().control();
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
    }

    @AfterEach
    void backInProduction() {
        sandbox.setPublishingStatus(SandboxClient.DEFAULT_ID, SandboxClient.PublishingStatus.IN_PRODUCTION);
        sandbox.observe(SandboxObservation.TESTING_EXPIRY_ANNOUNCED, false);
        sandbox.observe(SandboxObservation.SESSION_CONTROL_ON_EVERY_GRANT, false);
    }

    private static String newAccount() {
        String email = "ending-" + ACCOUNTS.incrementAndGet() + "@example.com";
        sandbox.addAccount(email, "Ending");
        return email;
    }

    private HttpResponse<String> get(String path, String cookie) {
        return api.get(app.baseUrl().resolve(path), cookie);
    }

    @Test
    void aClientInTestingGetsASevenDayGrantThatThePagesAnnounce() {
        sandbox.setPublishingStatus(SandboxClient.DEFAULT_ID, SandboxClient.PublishingStatus.TESTING);
        sandbox.observe(SandboxObservation.TESTING_EXPIRY_ANNOUNCED, true);  // observed at Google: the page can announce the end
        Instant before = Instant.now();
        String cookie = signIn.signIn(app.baseUrl(), newAccount());
        String account = get("/api/account", cookie).body();
        assertThat(account).contains("\"timeLimited\":true");
        Matcher end = ACCESS_ENDS_AT.matcher(account);
        assertThat(end.find()).isTrue();
        assertThat(Instant.parse(end.group(1))).isBetween(before.plusSeconds(604_799 - 5), Instant.now().plusSeconds(604_799 + 5));
        assertThat(get("/messages", cookie).body()).contains("id=\"access-notice\"", "Access ends on");
    }

    @Test
    void aWorkspaceReauthenticationKeepsTheGrantAndSigningInAgainIsEnough() {
        String email = newAccount();
        String cookie = signIn.signIn(app.baseUrl(), email);
        sandbox.observe(SandboxObservation.SESSION_CONTROL_ON_EVERY_GRANT, true);  // the app's grant is Gmail-only
        sandbox.requireReauthentication(email);
        sandbox.expireAccessTokens(email);
        HttpResponse<String> page = get("/messages", cookie);
        assertThat(page.statusCode()).as(page.headers().firstValue("Location").orElse("") + " " + page.body()).isEqualTo(200);
        assertThat(page.body()).contains("data-reason=\"REAUTHENTICATION_REQUIRED\"", "sign in to Google again");
        assertThat(get("/api/account", cookie).body()).contains("\"connected\":true", "\"kind\":\"REAUTHENTICATION_REQUIRED\"", "invalid_rapt");

        String again = signIn.signIn(app.baseUrl(), email);
        assertThat(get("/messages", again).statusCode()).isEqualTo(200);
        assertThat(get("/api/account", again).body()).contains("\"kind\":\"RECONSENTED\"");
    }

    @Test
    void aCallbackNamingAnotherIssuerIsRefused() {
        String email = newAccount();
        HttpResponse<String> login = get("/login", "");
        String bindingCookie = login.headers().allValues("Set-Cookie").get(0).split(";", 2)[0];
        URI redirect = signIn.approve(URI.create(login.headers().firstValue("Location").orElseThrow()), email);
        assertThat(redirect.getRawQuery()).contains("iss=");
        URI forged = URI.create(redirect.toString().replaceAll("iss=[^&]*", "iss=https%3A%2F%2Fevil.example"));
        HttpResponse<String> callback = api.get(forged, bindingCookie);
        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.body()).contains("another authorization server");
    }
}
