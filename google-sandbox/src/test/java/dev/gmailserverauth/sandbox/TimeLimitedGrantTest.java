package dev.gmailserverauth.sandbox;

import static dev.gmailserverauth.sandbox.SandboxHarness.GMAIL_READONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refresh tokens that end on a known date: time-limited access chosen on the consent page, and clients in "Testing". */
class TimeLimitedGrantTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static final SandboxControl control = h.control();

    @AfterEach
    void backToProduction() {
        control.setPublishingStatus(SandboxClient.DEFAULT_ID, SandboxClient.PublishingStatus.IN_PRODUCTION);
        control.observe(SandboxObservation.TESTING_EXPIRY_ANNOUNCED, false);
    }

    private static String freshAccount(String name) {
        return h.freshAccount(name, "Limited " + name);
    }

    private static long expiresIn(GoogleTokenResponse tokens) {
        return ((BigDecimal) tokens.get("refresh_token_expires_in")).longValueExact();
    }

    private static void assertExpiredOrRevoked(String refreshToken) {
        assertThatThrownBy(() -> h.googleRefresh(refreshToken))
                .isInstanceOfSatisfying(TokenResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
                    assertThat(e.getDetails().getErrorDescription()).isEqualTo("Token has been expired or revoked.");
                });
    }

    @Test
    void consentPageOffersTimeLimitedAccessWithUnlimitedPreselected() {
        String page = h.get(h.authorizationUrl(Map.of("access_type", "offline"))).body();

        assertThat(page)
                .contains("name=\"access_duration\" id=\"duration-unlimited\" value=\"unlimited\" checked")
                .contains("name=\"access_duration\" id=\"duration-3600\" value=\"3600\"")
                .contains("name=\"access_duration\" id=\"duration-86400\" value=\"86400\"")
                .contains("name=\"access_duration\" id=\"duration-604800\" value=\"604800\"");
    }

    @Test
    void oneHourOfAccessGivesRefreshTokenExpiresInAndInvalidGrantAfterTheHour() throws IOException {
        String email = freshAccount("hour");
        GoogleTokenResponse tokens = h.googleExchange(h.timeLimitedCode(email, "3600"));

        assertThat(expiresIn(tokens)).isEqualTo(3599);
        control.advanceClock(Duration.ofMinutes(59));
        GoogleTokenResponse refreshed = h.googleRefresh(tokens.getRefreshToken());
        assertThat(refreshed.getAccessToken()).startsWith("ya29.");
        assertThat(refreshed.containsKey("refresh_token_expires_in")).as("only where a refresh token is issued").isFalse();

        control.advanceClock(Duration.ofMinutes(1));
        assertExpiredOrRevoked(tokens.getRefreshToken());
        assertThat(h.getWithToken("/gmail/v1/users/me/profile", refreshed.getAccessToken()).statusCode())
                .as("the grant ended with every token of it").isEqualTo(401);
    }

    @Test
    void afterTimeLimitedAccessEndsTheNextConsentIsAFirstOneAgain() throws IOException {
        String email = freshAccount("again");
        h.googleExchange(h.timeLimitedCode(email, "86400"));
        control.advanceClock(Duration.ofDays(1));

        GoogleTokenResponse again = h.googleExchange(h.code(email, Map.of()));

        assertThat(again.getRefreshToken()).as("no prompt=consent, yet a refresh token: the old grant is gone").startsWith("1//");
        assertThat(again.containsKey("refresh_token_expires_in")).isFalse();
    }

    @Test
    void accessUntilRemovedCarriesNoExpiry() throws IOException {
        GoogleTokenResponse tokens = h.googleExchange(h.timeLimitedCode(freshAccount("forever"), "unlimited"));

        assertThat(tokens.getRefreshToken()).startsWith("1//");
        assertThat(tokens.containsKey("refresh_token_expires_in")).isFalse();
        control.advanceClock(Duration.ofDays(200));
        assertThat(h.googleRefresh(tokens.getRefreshToken()).getAccessToken()).startsWith("ya29.");
    }

    @Test
    void aClientInTestingGetsSevenDayRefreshTokensAnnouncedAsObserved() throws IOException {
        control.setPublishingStatus(SandboxClient.DEFAULT_ID, SandboxClient.PublishingStatus.TESTING);
        control.observe(SandboxObservation.TESTING_EXPIRY_ANNOUNCED, true);
        GoogleTokenResponse tokens = h.googleExchange(h.code(freshAccount("testing"), Map.of("prompt", "consent")));

        assertThat(expiresIn(tokens)).isEqualTo(604799);
        control.advanceClock(Duration.ofDays(7).minusSeconds(2));
        assertThat(h.googleRefresh(tokens.getRefreshToken()).getAccessToken()).startsWith("ya29.");
        control.advanceClock(Duration.ofSeconds(1));
        assertExpiredOrRevoked(tokens.getRefreshToken());
    }

    @Test
    void inTestingTheShorterOfTheTwoLimitsWins() throws IOException {
        control.setPublishingStatus(SandboxClient.DEFAULT_ID, SandboxClient.PublishingStatus.TESTING);
        control.observe(SandboxObservation.TESTING_EXPIRY_ANNOUNCED, true);

        assertThat(expiresIn(h.googleExchange(h.timeLimitedCode(freshAccount("short"), "3600")))).isEqualTo(3599);
    }

    @Test
    void inTestingBasicSignInScopesAloneDoNotExpire() throws IOException {
        control.setPublishingStatus(SandboxClient.DEFAULT_ID, SandboxClient.PublishingStatus.TESTING);
        String email = freshAccount("signin");
        var redirect = h.consent(Map.of("access_type", "offline", "prompt", "consent"), email, List.of(), "allow");

        GoogleTokenResponse tokens = h.googleExchange(redirect.getCode());

        assertThat(tokens.getScope()).doesNotContain(GMAIL_READONLY);
        assertThat(tokens.getRefreshToken()).startsWith("1//");
        assertThat(tokens.containsKey("refresh_token_expires_in")).isFalse();
    }

    @Test
    void aClientConfiguredInTestingStartsThatWay() throws IOException {
        SandboxConfig config = SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT)).withDemoData(false)
                .withClients(List.of(SandboxClient.defaultClient(List.of(SandboxHarness.REDIRECT))
                        .withPublishingStatus(SandboxClient.PublishingStatus.TESTING)))
                .withObserved(SandboxObservation.TESTING_EXPIRY_ANNOUNCED);
        try (GoogleSandbox testing = GoogleSandbox.start(config)) {
            SandboxHarness th = new SandboxHarness(testing);
            testing.control().addAccount("tess@example.net", "Tess Ter");

            assertThat(expiresIn(th.googleExchange(th.code("tess@example.net", Map.of())))).isEqualTo(604799);
        }
    }

    @Test
    void aBadAccessDurationIsAnErrorPageNotARedirect() {
        HttpResponse<String> answer = h.answerConsent(Map.of("access_type", "offline"), freshAccount("bad"), List.of(GMAIL_READONLY),
                "allow", List.of(Map.entry("access_duration", "-5")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.body()).contains("Error 400: invalid_request");
    }
}
