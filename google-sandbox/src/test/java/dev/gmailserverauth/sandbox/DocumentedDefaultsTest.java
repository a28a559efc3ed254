package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Out of the box the sandbox plays what Google documents; what is only observed ({@link SandboxObservation}) is
 * off until switched on: session control for Cloud Platform grants only, and a Testing client's 7-day refresh
 * tokens that end without {@code refresh_token_expires_in}.
 */
class DocumentedDefaultsTest {
    private static final String DANA = SandboxWorkspacePolicy.DEMO_ACCOUNT;
    private static final Duration EVERY = Duration.ofMinutes(10);
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start(SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT)).withWorkspaceReauthEvery(EVERY));
    private static final SandboxControl control = h.control();

    @AfterEach
    void documentedAgain() {
        control.setPublishingStatus(SandboxClient.DEFAULT_ID, SandboxClient.PublishingStatus.IN_PRODUCTION);
        control.observe(SandboxObservation.SESSION_CONTROL_ON_EVERY_GRANT, false);
        control.observe(SandboxObservation.TESTING_EXPIRY_ANNOUNCED, false);
    }

    private static GoogleTokenResponse gmailGrant(String email) throws IOException {
        return h.googleExchange(h.code(email, Map.of("prompt", "consent")));
    }

    @Test
    void nothingObservedIsPlayedByDefault() {
        assertThat(control.observations()).isEmpty();
        assertThat(SandboxConfig.defaults(List.of()).observed()).isEmpty();
    }

    @Test
    void sessionControlLeavesAGmailOnlyGrantAloneAsDocumented() throws IOException {
        GoogleTokenResponse tokens = gmailGrant(DANA);
        control.advanceClock(EVERY.plusMinutes(1));

        assertThat(h.googleRefresh(tokens.getRefreshToken()).getAccessToken()).startsWith("ya29.");
    }

    @Test
    void sessionControlAsksACloudPlatformGrantToSignInAgain() throws IOException {
        GoogleTokenResponse tokens = h.googleExchange(h.cloudPlatformCode(DANA));
        control.advanceClock(EVERY.plusMinutes(1));

        h.assertInvalidRapt(tokens.getRefreshToken());
    }

    @Test
    void aForcedReauthenticationTouchesOnlyTheCloudPlatformGrantUnlessObserved() throws IOException {
        String email = h.freshAccount("forced", "Forced Again");
        GoogleTokenResponse gmail = gmailGrant(email);
        GoogleTokenResponse cloud = h.googleExchange(h.cloudPlatformCode(email));
        control.requireReauthentication(email);

        assertThat(h.googleRefresh(gmail.getRefreshToken()).getAccessToken()).startsWith("ya29.");
        h.assertInvalidRapt(cloud.getRefreshToken());
        control.observe(SandboxObservation.SESSION_CONTROL_ON_EVERY_GRANT, true);
        h.assertInvalidRapt(gmail.getRefreshToken());
    }

    @Test
    void aTestingClientsRefreshTokensEndAfterSevenDaysWithoutSayingSo() throws IOException {
        control.setPublishingStatus(SandboxClient.DEFAULT_ID, SandboxClient.PublishingStatus.TESTING);
        GoogleTokenResponse tokens = gmailGrant(h.freshAccount("quiet", "Quiet Testing"));

        assertThat(tokens.containsKey("refresh_token_expires_in")).as("documented for time-based access only").isFalse();
        control.advanceClock(Duration.ofDays(7));
        assertThatThrownBy(() -> h.googleRefresh(tokens.getRefreshToken())).isInstanceOfSatisfying(TokenResponseException.class,
                e -> assertThat(e.getDetails().getErrorDescription()).isEqualTo("Token has been expired or revoked."));
    }

    @Test
    void theObservedTestingAnnouncementIsASwitch() throws IOException {
        control.setPublishingStatus(SandboxClient.DEFAULT_ID, SandboxClient.PublishingStatus.TESTING);
        control.observe(SandboxObservation.TESTING_EXPIRY_ANNOUNCED, true);
        GoogleTokenResponse tokens = gmailGrant(h.freshAccount("loud", "Loud Testing"));

        assertThat(((BigDecimal) tokens.get("refresh_token_expires_in")).longValueExact()).isEqualTo(604_799);
    }

    @Test
    void timeBasedAccessIsAnnouncedAsDocumented() throws IOException {
        GoogleTokenResponse tokens = h.googleExchange(h.timeLimitedCode(h.freshAccount("timed", "Timed Access"), "3600"));

        assertThat(((BigDecimal) tokens.get("refresh_token_expires_in")).longValueExact()).isEqualTo(3599);
    }
}
