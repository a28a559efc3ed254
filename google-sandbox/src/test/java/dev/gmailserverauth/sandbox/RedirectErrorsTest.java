package dev.gmailserverauth.sandbox;

import static dev.gmailserverauth.sandbox.SandboxHarness.GMAIL_READONLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.AuthorizationCodeResponseUrl;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the authorization endpoint sends back: {@code iss} on every redirect, the redirect errors, and Google's own error pages. */
class RedirectErrorsTest {
    private static final String INTERNAL_CLIENT = "internal-app.apps.googleusercontent.com";
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start(SandboxConfig.defaults(List.of(SandboxHarness.REDIRECT))
            .withClients(List.of(SandboxClient.defaultClient(List.of(SandboxHarness.REDIRECT)),
                    new SandboxClient(INTERNAL_CLIENT, "internal-secret", List.of(SandboxHarness.REDIRECT)).internalTo("corp.example"))));
    private static final SandboxControl control = h.control();
    private static final String alice = h.firstDemoAccount();

    @BeforeEach
    void clear() {
        control.clearFaults();
    }

    private static AuthorizationCodeResponseUrl redirectOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return new AuthorizationCodeResponseUrl(response.headers().firstValue("Location").orElseThrow());
    }

    private static String iss(AuthorizationCodeResponseUrl redirect) {
        return ((List<?>) redirect.get("iss")).get(0).toString();
    }

    private static void assertErrorPage(HttpResponse<String> page, int status, String error) {
        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.headers().firstValue("Location")).as("never a redirect").isEmpty();
        assertThat(page.body()).contains("<p id=\"error\">Error " + status + ": " + error + "</p>");
    }

    @Test
    void theIssuerIsTheBaseUrlEverywhere() {
        assertThat(control.issuer()).isEqualTo(h.sandbox.baseUrl().toString());
        assertThat(h.get(h.url("/.well-known/openid-configuration")).statusCode()).as("no OpenID discovery: nothing reads it").isEqualTo(404);
        assertThat(control.riscIssuer()).isEqualTo(control.issuer() + "/");
    }

    @Test
    void successAndAccessDeniedRedirectsCarryIss() {
        AuthorizationCodeResponseUrl success = h.consent(Map.of("state", "a"), alice, List.of(GMAIL_READONLY), "allow");
        AuthorizationCodeResponseUrl denied = h.consent(Map.of("state", "b"), alice, List.of(GMAIL_READONLY), "cancel");

        assertThat(success.getCode()).startsWith("4/");
        assertThat(iss(success)).isEqualTo(control.issuer());
        assertThat(denied.getError()).isEqualTo("access_denied");
        assertThat(denied.getState()).isEqualTo("b");
        assertThat(iss(denied)).isEqualTo(control.issuer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_scope", "unauthorized_client", "server_error", "temporarily_unavailable"})
    void theConsentPageCanAnswerWithEachRedirectError(String error) {
        String page = h.get(h.authorizationUrl(Map.of())).body();
        assertThat(page).contains("id=\"error-" + error + "\"");

        AuthorizationCodeResponseUrl redirect = h.consent(Map.of("state", "st-" + error), alice, List.of(GMAIL_READONLY), "error:" + error);

        assertThat(redirect.getError()).isEqualTo(error);
        assertThat(redirect.getState()).isEqualTo("st-" + error);
        assertThat(redirect.getCode()).isNull();
        assertThat(iss(redirect)).isEqualTo(control.issuer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_scope", "unauthorized_client", "server_error", "temporarily_unavailable",
        "login_required", "consent_required", "interaction_required"})
    void aFaultOnTheAuthorizationEndpointRedirectsWithThatError(String error) {
        control.injectFault(Endpoint.AUTHORIZE, 1, Fault.redirectError(error));

        AuthorizationCodeResponseUrl redirect = redirectOf(h.get(h.authorizationUrl(Map.of("state", "f"))));

        assertThat(redirect.getError()).isEqualTo(error);
        assertThat(redirect.getState()).isEqualTo("f");
        assertThat(iss(redirect)).isEqualTo(control.issuer());
        assertThat(h.get(h.authorizationUrl(Map.of())).statusCode()).as("used up").isEqualTo(200);
    }

    @Test
    void aRedirectFaultStillShowsThePageForABadRedirectUri() {
        control.injectFault(Endpoint.AUTHORIZE, 1, Fault.redirectError("server_error"));

        assertErrorPage(h.get(h.authorizationUrl(Map.of("redirect_uri", "http://evil.example/cb"))), 400, "redirect_uri_mismatch");
    }

    @Test
    void aRedirectErrorIsAFaultOfTheAuthorizationEndpointOnly() {
        assertThatThrownBy(() -> control.injectFault(Endpoint.TOKEN, 1, Fault.redirectError("server_error")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.redirectError("made_up")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void promptNoneRedirectsWithConsentRequiredLoginRequiredOrInteractionRequired() {
        String fresh = "silent" + System.nanoTime() + "@example.net";
        control.addAccount(fresh, "Silent Fresh");

        AuthorizationCodeResponseUrl consent = redirectOf(h.get(h.authorizationUrl(Map.of("prompt", "none", "login_hint", fresh))));
        AuthorizationCodeResponseUrl login = redirectOf(h.get(h.authorizationUrl(Map.of("prompt", "none"))));
        AuthorizationCodeResponseUrl interaction = redirectOf(h.get(h.authorizationUrl(Map.of("prompt", "none consent", "login_hint", fresh))));

        assertThat(consent.getError()).isEqualTo("consent_required");
        assertThat(login.getError()).isEqualTo("login_required");
        assertThat(interaction.getError()).isEqualTo("interaction_required");
        assertThat(List.of(iss(consent), iss(login), iss(interaction))).containsOnly(control.issuer());
    }

    @Test
    void promptNoneAskingForMoreThanWasGrantedIsConsentRequired() {
        String email = "more" + System.nanoTime() + "@example.net";
        control.addAccount(email, "More Scopes");
        h.consent(Map.of(), email, List.of(), "allow");  // Gmail unticked

        AuthorizationCodeResponseUrl redirect = redirectOf(h.get(h.authorizationUrl(Map.of("prompt", "none", "login_hint", email))));

        assertThat(redirect.getError()).isEqualTo("consent_required");
    }

    @Test
    void anAdminsBlockIsGooglesOwnPageAtTheStartAndAfterTheAccountIsChosen() {
        String email = "blocked" + System.nanoTime() + "@corp.example";
        control.addAccount(email, "Blocked Worker");
        control.setWorkspacePolicy(email, SandboxWorkspacePolicy.managedBy("corp.example").blocking(SandboxClient.DEFAULT_ID));

        assertErrorPage(h.get(h.authorizationUrl(Map.of("login_hint", email))), 400, "admin_policy_enforced");
        assertErrorPage(h.answerConsent(Map.of(), email, List.of(GMAIL_READONLY), "allow", List.of()), 400, "admin_policy_enforced");
        assertErrorPage(h.get(h.authorizationUrl(Map.of("login_hint", email, "prompt", "none"))), 400, "admin_policy_enforced");
    }

    @Test
    void anInternalAppRefusesAccountsOutsideItsOrganisation() {
        String insider = SandboxWorkspacePolicy.DEMO_ACCOUNT;
        Map<String, String> internalApp = Map.of("client_id", INTERNAL_CLIENT);

        assertErrorPage(h.get(h.authorizationUrl(Map.of("client_id", INTERNAL_CLIENT, "login_hint", alice))), 403, "org_internal");
        assertErrorPage(h.answerConsent(internalApp, alice, List.of(), "allow", List.of()), 403, "org_internal");
        assertThat(h.consent(internalApp, insider, List.of(), "allow").getCode()).startsWith("4/");
    }

    @Test
    void anEmbeddedBrowserGetsDisallowedUseragent() {
        HttpResponse<String> page = h.send(HttpRequest.newBuilder(URI.create(h.authorizationUrl(Map.of())))
                .header("User-Agent", "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/UQ1A; wv) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36")
                .GET().build());

        assertErrorPage(page, 403, "disallowed_useragent");
    }

    @Test
    void pageFaultsShowTheirOwnStatus() {
        control.injectFault(Endpoint.AUTHORIZE, 1, new Fault.HttpError(400, "admin_policy_enforced", "Blocked by the admin.", java.util.Optional.empty()));

        assertErrorPage(h.get(h.authorizationUrl(Map.of())), 400, "admin_policy_enforced");
    }

    @Test
    void clientAndRedirectErrorsAreStillPages() {
        assertErrorPage(h.get(h.authorizationUrl(Map.of("client_id", "nobody.apps.googleusercontent.com"))), 401, "invalid_client");
        assertErrorPage(h.get(h.authorizationUrl(Map.of("redirect_uri", SandboxHarness.REDIRECT + "/"))), 400, "redirect_uri_mismatch");
    }
}
