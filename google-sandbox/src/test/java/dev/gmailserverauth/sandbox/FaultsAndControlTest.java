package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FaultsAndControlTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static final SandboxControl control = h.control();
    private static final String alice = h.firstDemoAccount();

    @BeforeEach
    void reset() {
        control.clearFaults();
        control.setLatency(Duration.ZERO);
        control.resetCounters();
    }

    private static Gmail loggedIn() throws IOException {
        return h.gmail(h.login(alice).getAccessToken());
    }

    @Test
    void rateLimitFaultIs429WithGoogleBodyAndRetryAfterThenRecovers() throws IOException {
        Gmail gmail = loggedIn();
        control.injectFault(Endpoint.MESSAGES_LIST, 2, Fault.rateLimited(Duration.ofSeconds(7)));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> gmail.users().messages().list("me").execute())
                    .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(429);
                        assertThat(e.getHeaders().getFirstHeaderStringValue("Retry-After")).isEqualTo("7");
                        assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("rateLimitExceeded");
                        assertThat(e.getDetails().get("status")).isEqualTo("RESOURCE_EXHAUSTED");
                    });
        }
        assertThat(gmail.users().messages().list("me").execute().getMessages()).isNotEmpty();
    }

    @Test
    void backendErrorAndUnavailableFaultsUseGoogleEnvelopes() throws IOException {
        String token = h.login(alice).getAccessToken();
        control.injectFault(Endpoint.LABELS_LIST, 1, Fault.backendError());
        control.injectFault(Endpoint.PROFILE, 1, Fault.unavailable());
        control.injectFault(Endpoint.MESSAGES_GET, 1, Fault.userRateLimitExceeded());
        control.injectFault(Endpoint.THREADS_LIST, 1, new Fault.HttpError(400, "failedPrecondition", "Precondition check failed.", Optional.empty()));

        HttpResponse<String> backend = h.getWithToken("/gmail/v1/users/me/labels", token);
        HttpResponse<String> unavailable = h.getWithToken("/gmail/v1/users/me/profile", token);
        HttpResponse<String> userRate = h.getWithToken("/gmail/v1/users/me/messages/0000000000000bad", token);

        assertThat(backend.statusCode()).isEqualTo(500);
        assertThat(backend.body()).isEqualTo("{\"error\":{\"code\":500,\"message\":\"Backend Error\",\"errors\":[{\"message\":\"Backend Error\","
                + "\"domain\":\"global\",\"reason\":\"backendError\"}],\"status\":\"INTERNAL\"}}");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).contains("\"status\":\"UNAVAILABLE\"");
        HttpResponse<String> precondition = h.getWithToken("/gmail/v1/users/me/threads", token);
        assertThat(precondition.body()).isEqualTo("{\"error\":{\"code\":400,\"message\":\"Precondition check failed.\",\"errors\":"
                + "[{\"message\":\"Precondition check failed.\",\"domain\":\"global\",\"reason\":\"failedPrecondition\"}],"
                + "\"status\":\"FAILED_PRECONDITION\"}}");
        assertThat(userRate.statusCode()).isEqualTo(403);
        assertThat(userRate.body()).contains("\"domain\":\"usageLimits\"").contains("\"reason\":\"userRateLimitExceeded\"");
    }

    @Test
    void invalidGrantFaultOnTokenEndpointFailsARefresh() throws IOException {
        TokenResponse tokens = h.login(alice);
        control.injectFault(Endpoint.TOKEN, 1, new Fault.InvalidGrant());

        assertThatThrownBy(() -> h.refreshRequest(tokens.getRefreshToken()).execute())
                .isInstanceOfSatisfying(TokenResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
                });
        assertThat(h.refreshRequest(tokens.getRefreshToken()).execute().getAccessToken()).startsWith("ya29.");
    }

    @Test
    void malformedJsonFaultSendsUnparsableJson() throws IOException {
        Gmail gmail = loggedIn();
        control.injectFault(Endpoint.MESSAGES_LIST, 1, new Fault.MalformedJson());

        assertThatThrownBy(() -> gmail.users().messages().list("me").execute()).isInstanceOf(IOException.class)
                .isNotInstanceOf(GoogleJsonResponseException.class);
    }

    @Test
    void delayFaultWaitsThenAnswers() throws IOException {
        Gmail gmail = loggedIn();
        control.injectFault(Endpoint.PROFILE, 1, new Fault.Delay(Duration.ofMillis(400)));

        long start = System.nanoTime();
        gmail.users().getProfile("me").execute();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void dropConnectionFaultClosesTheSocketWithoutAnAnswer() throws IOException {
        Gmail gmail = loggedIn();
        // The JDK transparently retries an idempotent GET once when a kept-alive connection dies: drop both tries.
        control.injectFault(Endpoint.PROFILE, 2, new Fault.DropConnection());

        assertThatThrownBy(() -> gmail.users().getProfile("me").execute()).isInstanceOf(IOException.class)
                .isNotInstanceOf(GoogleJsonResponseException.class);
        assertThat(gmail.users().getProfile("me").execute().getEmailAddress()).isEqualTo(alice);
    }

    @Test
    void latencyIsAddedToEveryRequest() throws IOException {
        Gmail gmail = loggedIn();
        control.setLatency(Duration.ofMillis(150));

        long start = System.nanoTime();
        gmail.users().getProfile("me").execute();
        gmail.users().labels().list("me").execute();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void expiredAccessTokenGets401AndTheJavaCredentialRefreshesOnce() throws IOException {
        TokenResponse tokens = h.login(alice);
        Credential credential = h.credential(tokens);
        Gmail gmail = h.gmail(credential);
        control.expireAccessTokens(alice);

        HttpResponse<String> raw = h.getWithToken("/gmail/v1/users/me/profile", tokens.getAccessToken());
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(raw.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
        assertThat(raw.body()).isEqualTo("{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials. "
                + "Expected OAuth 2 access token, login cookie or other valid authentication credential. "
                + "See https://developers.google.com/identity/sign-in/web/devconsole-project.\",\"errors\":[{\"message\":\"Invalid Credentials\","
                + "\"domain\":\"global\",\"reason\":\"authError\",\"location\":\"Authorization\",\"locationType\":\"header\"}],"
                + "\"status\":\"UNAUTHENTICATED\"}}");

        control.resetCounters();
        assertThat(gmail.users().getProfile("me").execute().getEmailAddress()).isEqualTo(alice);
        assertThat(control.counters().refreshes()).isEqualTo(1);
        assertThat(control.counters().roundTrips(Endpoint.PROFILE)).isEqualTo(2);
        assertThat(credential.getAccessToken()).isNotEqualTo(tokens.getAccessToken());
    }

    @Test
    void accessTokenLifetimeIsConfigurableAndTokensExpireWithTheClock() throws IOException {
        control.setAccessTokenLifetime(Duration.ofSeconds(60));
        try {
            TokenResponse tokens = h.login(alice);
            assertThat(tokens.getExpiresInSeconds()).isEqualTo(60L);
            control.advanceClock(Duration.ofSeconds(61));
            assertThat(h.getWithToken("/gmail/v1/users/me/profile", tokens.getAccessToken()).statusCode()).isEqualTo(401);
        } finally {
            control.setAccessTokenLifetime(Duration.ofSeconds(3599));
        }
    }

    @Test
    void revokedGrantsMakeRefreshFailWithInvalidGrant() throws IOException {
        String email = "revoked" + System.nanoTime() + "@example.net";
        control.addAccount(email, "Rev Oked");
        TokenResponse tokens = h.login(email);

        control.revokeGrants(email);

        assertThat(h.getWithToken("/gmail/v1/users/me/profile", tokens.getAccessToken()).statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> h.refreshRequest(tokens.getRefreshToken()).execute())
                .isInstanceOfSatisfying(TokenResponseException.class, e -> assertThat(e.getDetails().getError()).isEqualTo("invalid_grant"));
    }

    @Test
    void countersCountRoundTripsRefreshesAndExchanges() throws IOException {
        TokenResponse tokens = h.login(alice);
        Gmail gmail = h.gmail(tokens.getAccessToken());
        gmail.users().messages().list("me").execute();
        gmail.users().labels().list("me").execute();
        h.refreshRequest(tokens.getRefreshToken()).execute();

        Counters c = control.counters();

        assertThat(c.roundTrips(Endpoint.AUTHORIZE)).isEqualTo(1);
        assertThat(c.roundTrips(Endpoint.TOKEN)).isEqualTo(2);
        assertThat(c.codeExchanges()).isEqualTo(1);
        assertThat(c.refreshes()).isEqualTo(1);
        assertThat(c.roundTrips(Endpoint.MESSAGES_LIST)).isEqualTo(1);
        assertThat(c.roundTrips(Endpoint.LABELS_LIST)).isEqualTo(1);
        assertThat(c.totalRoundTrips()).isEqualTo(5);
        control.resetCounters();
        assertThat(control.counters().totalRoundTrips()).isZero();
    }

    @Test
    void faultValuesValidateThemselves() {
        assertThatThrownBy(() -> new Fault.HttpError(200, "ok", "fine", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fault.Delay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> control.injectFault(Endpoint.TOKEN, 0, Fault.backendError())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addedAccountsAndMessagesShowUpThroughTheApi() throws IOException {
        String email = "added" + System.nanoTime() + "@example.net";
        String id = control.addAccount(email, "Added Person");
        String messageId = control.addMessage(email, SandboxMessage.of("x@example.org", email, "Hello there",
                java.time.Instant.parse("2025-01-02T03:04:05Z"), "body"));

        Gmail gmail = h.gmail(h.login(email).getAccessToken());

        assertThat(id).matches("\\d{21}");
        assertThat(messageId).matches("[0-9a-f]{16}");
        assertThat(gmail.users().messages().list("me").execute().getMessages()).extracting(m -> m.getId()).containsExactly(messageId);
        assertThat(control.accounts()).contains(email);
    }

    @Test
    void userinfoReturnsV2FieldsAndRejectsMissingTokens() throws IOException {
        var info = h.oauth2(h.login(alice).getAccessToken()).userinfo().get().execute();

        assertThat(info.getId()).isEqualTo(control.userId(alice));
        assertThat(info.getEmail()).isEqualTo(alice);
        assertThat(info.getVerifiedEmail()).isTrue();
        assertThat(info.getName()).isEqualTo("Alice Example");
        assertThat(info.getGivenName()).isEqualTo("Alice");
        assertThat(info.getFamilyName()).isEqualTo("Example");
        assertThat(info.getPicture()).as("no avatar: the app shows none").isNull();
        assertThat(info.getHd()).isNull();

        HttpResponse<String> anonymous = h.get(h.url("/userinfo/v2/me"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
        assertThat(anonymous.body()).contains("Request is missing required authentication credential.");
    }

    @Test
    void userinfoWithOnlyTheEmailScopeOmitsProfileFields() throws IOException {
        var redirect = h.consent(java.util.Map.of("scope", "email"), alice, List.of(), "allow");
        String token = h.exchange(redirect.getCode()).getAccessToken();

        HttpResponse<String> raw = h.getWithToken("/oauth2/v2/userinfo", token);

        assertThat(raw.body()).contains("\"email\":\"" + alice + "\"").doesNotContain("\"name\"").doesNotContain("given_name");
    }
}
