package dev.gmailserverauth.sandbox;

import static dev.gmailserverauth.sandbox.SandboxHarness.GMAIL_READONLY;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.auth.oauth2.AuthorizationCodeResponseUrl;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import com.google.api.services.oauth2.model.Userinfo;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workspace re-authentication: refresh answers invalid_rapt until the person signs in again; the grant stays. These
 * tests use Gmail-only grants, so they play the observed {@link SandboxObservation#SESSION_CONTROL_ON_EVERY_GRANT};
 * {@link DocumentedDefaultsTest} holds what Google documents (Cloud Platform grants only).
 */
class ReauthenticationTest {
    private static final String DANA = SandboxWorkspacePolicy.DEMO_ACCOUNT;
    private static final Duration EVERY = Duration.ofMinutes(10);
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start(SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT))
            .withWorkspaceReauthEvery(EVERY).withObserved(SandboxObservation.SESSION_CONTROL_ON_EVERY_GRANT));
    private static final SandboxControl control = h.control();

    @BeforeEach
    void clear() {
        control.clearFaults();
    }

    private static GoogleTokenResponse login(String email) throws IOException {
        return h.googleExchange(h.code(email, Map.of("prompt", "consent")));
    }

    @Test
    void theManagedDemoAccountIsSeededButNotAmongTheConsumerDemoAccounts() {
        assertThat(control.accounts()).contains(DANA);
        assertThat(control.demoAccounts()).doesNotContain(DANA);
        assertThat(control.workspacePolicy(DANA)).hasValueSatisfying(p -> {
            assertThat(p.hostedDomain()).isEqualTo("corp.example");
            assertThat(p.reauthEvery()).contains(EVERY);
        });
        assertThat(h.get(h.authorizationUrl(Map.of())).body()).contains("managed by corp.example");
    }

    @Test
    void afterTheSessionControlIntervalRefreshAnswersInvalidRaptAndConsentClearsIt() throws IOException {
        GoogleTokenResponse tokens = login(DANA);
        control.advanceClock(EVERY.minusSeconds(5));
        assertThat(h.googleRefresh(tokens.getRefreshToken()).getAccessToken()).startsWith("ya29.");

        control.advanceClock(Duration.ofSeconds(5));
        h.assertInvalidRapt(tokens.getRefreshToken());
        h.assertInvalidRapt(tokens.getRefreshToken());

        AuthorizationCodeResponseUrl again = h.consent(Map.of("access_type", "offline"), DANA, List.of(GMAIL_READONLY), "allow");
        assertThat(h.googleExchange(again.getCode()).getRefreshToken())
                .as("not a first consent: the grant was never revoked").isNull();
        assertThat(h.googleRefresh(tokens.getRefreshToken()).getAccessToken()).as("the old refresh token works again").startsWith("ya29.");
    }

    @Test
    void promptNoneCannotSatisfyReauthenticationAndAnswersLoginRequired() throws IOException {
        login(DANA);
        control.advanceClock(EVERY);

        var redirect = new AuthorizationCodeResponseUrl(h.get(h.authorizationUrl(Map.of("prompt", "none", "login_hint", DANA,
                "state", "st"))).headers().firstValue("Location").orElseThrow());

        assertThat(redirect.getError()).isEqualTo("login_required");
        assertThat(redirect.getState()).isEqualTo("st");
    }

    @Test
    void theReauthFaultAnswersInvalidRaptOnceAndRevokesNothing() throws IOException {
        String alice = control.demoAccounts().get(0);
        GoogleTokenResponse tokens = login(alice);
        control.injectFault(Endpoint.TOKEN, 1, Fault.reauthRequired());

        h.assertInvalidRapt(tokens.getRefreshToken());
        assertThat(h.googleRefresh(tokens.getRefreshToken()).getAccessToken()).startsWith("ya29.");
    }

    @Test
    void requireReauthenticationHoldsForAnyAccountUntilItsNextConsent() throws IOException {
        String bob = control.demoAccounts().get(1);
        GoogleTokenResponse tokens = login(bob);
        control.requireReauthentication(bob);

        h.assertInvalidRapt(tokens.getRefreshToken());
        assertThat(h.getWithToken("/gmail/v1/users/me/profile", tokens.getAccessToken()).statusCode())
                .as("access tokens live on").isEqualTo(200);
        h.code(bob, Map.of());
        assertThat(h.googleRefresh(tokens.getRefreshToken()).getAccessToken()).startsWith("ya29.");
    }

    @Test
    void managedAccountsCarryTheirHostedDomainInTheRedirectAndUserinfo() throws IOException {
        AuthorizationCodeResponseUrl redirect = h.consent(Map.of("access_type", "offline"), DANA, List.of(GMAIL_READONLY), "allow");
        GoogleTokenResponse tokens = h.googleExchange(redirect.getCode());

        assertThat(redirect.get("hd")).isEqualTo(List.of("corp.example"));
        Userinfo me = h.oauth2(tokens.getAccessToken()).userinfo().get().execute();
        assertThat(me.getHd()).isEqualTo("corp.example");
        assertThat(me.getEmail()).isEqualTo(DANA);
    }

    @Test
    void consumerAccountsHaveNoHostedDomain() throws IOException {
        GoogleTokenResponse tokens = login(control.demoAccounts().get(0));

        assertThat(tokens.getIdToken()).as("the sandbox issues no ID tokens").isNull();
        assertThat(h.oauth2(tokens.getAccessToken()).userinfo().get().execute().getHd()).isNull();
    }

    @Test
    void aPolicyCanBeGivenToAnyAccount() throws IOException {
        String email = "pat" + System.nanoTime() + "@branch.example";
        control.addAccount(email, "Pat Branch");
        control.setWorkspacePolicy(email, SandboxWorkspacePolicy.managedBy("branch.example").withReauthEvery(Duration.ofMinutes(3)));
        GoogleTokenResponse tokens = login(email);

        control.advanceClock(Duration.ofMinutes(3));
        h.assertInvalidRapt(tokens.getRefreshToken());
        control.setWorkspacePolicy(email, control.workspacePolicy(email).orElseThrow().withoutReauth());
        assertThat(h.googleRefresh(tokens.getRefreshToken()).getAccessToken()).startsWith("ya29.");
    }
}
