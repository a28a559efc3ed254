package dev.gmailserverauth.sandbox;

import static dev.gmailserverauth.sandbox.SandboxHarness.EMAIL;
import static dev.gmailserverauth.sandbox.SandboxHarness.GMAIL_READONLY;
import static dev.gmailserverauth.sandbox.SandboxHarness.PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.AuthorizationCodeResponseUrl;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuthFlowTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static final String alice = h.firstDemoAccount();
    private static final String bob = h.control().demoAccounts().get(1);

    private static String freshAccount(String name) {
        return h.freshAccount(name, "Fresh " + name);
    }

    @Test
    void consentPageIsAFormWithAccountsScopeCheckboxesAndButtons() {
        HttpResponse<String> page = h.get(h.authorizationUrl(Map.of("login_hint", bob)));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        assertThat(page.body())
                .contains("<form id=\"consent\" method=\"post\" action=\"/o/oauth2/v2/auth/decision\">")
                .contains("name=\"account\" id=\"account-1\" value=\"" + bob + "\" checked")
                .doesNotContain("value=\"" + alice + "\" checked")
                .contains("type=\"checkbox\" name=\"scope\" id=\"scope-gmail.readonly\" value=\"" + GMAIL_READONLY + "\" checked")
                .doesNotContain("name=\"scope\" id=\"scope-userinfo.email\"")
                .contains("id=\"allow\"").contains("id=\"cancel\"");
    }

    @Test
    void allowRedirectsWithCodeStateAndGrantedScopes() {
        AuthorizationCodeResponseUrl redirect = h.consent(Map.of("state", "k3J9xQ"), alice, List.of(GMAIL_READONLY), "allow");

        assertThat(redirect.getCode()).startsWith("4/");
        assertThat(redirect.getState()).isEqualTo("k3J9xQ");
        assertThat(redirect.getError()).isNull();
        assertThat(List.of(((List<?>) redirect.get("scope")).get(0).toString().split(" "))).containsExactlyInAnyOrder(GMAIL_READONLY, EMAIL, PROFILE);
        assertThat(redirect.build()).startsWith(SandboxHarness.REDIRECT + "?");
    }

    @Test
    void cancelRedirectsWithAccessDeniedAndState() {
        AuthorizationCodeResponseUrl redirect = h.consent(Map.of("state", "xyz"), alice, List.of(GMAIL_READONLY), "cancel");

        assertThat(redirect.getError()).isEqualTo("access_denied");
        assertThat(redirect.getState()).isEqualTo("xyz");
        assertThat(redirect.getCode()).isNull();
    }

    @Test
    void untickingGmailGrantsOnlySignInScopesAndGmailThenAnswers403() throws IOException {
        AuthorizationCodeResponseUrl redirect = h.consent(Map.of(), alice, List.of(), "allow");
        TokenResponse tokens = h.exchange(redirect.getCode());

        assertThat(tokens.getScope()).doesNotContain("gmail").contains(EMAIL).contains(PROFILE);
        assertThatThrownBy(() -> h.gmail(tokens.getAccessToken()).users().messages().list("me").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("insufficientPermissions");
                    assertThat(e.getHeaders().getAuthenticate()).contains("error=\"insufficient_scope\"");
                });
    }

    @Test
    void unknownClientShowsAnErrorPageInsteadOfRedirecting() {
        HttpResponse<String> page = h.get(h.authorizationUrl(Map.of("client_id", "nobody.apps.googleusercontent.com")));

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("invalid_client");
    }

    @Test
    void unregisteredRedirectUriShowsRedirectUriMismatchPage() {
        HttpResponse<String> page = h.get(h.authorizationUrl(Map.of("redirect_uri", SandboxHarness.REDIRECT + "/")));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("redirect_uri_mismatch");
    }

    @Test
    void exchangeReturnsGoogleShapedTokens() throws IOException {
        TokenResponse tokens = h.exchange(h.code(freshAccount("shape"), Map.of()));

        assertThat(tokens.getAccessToken()).startsWith("ya29.");
        assertThat(tokens.getRefreshToken()).startsWith("1//");
        assertThat(tokens.getExpiresInSeconds()).isEqualTo(3599L);
        assertThat(tokens.getTokenType()).isEqualTo("Bearer");
        assertThat(tokens.get("id_token")).as("the app reads identity from userinfo; the sandbox issues no ID tokens").isNull();
    }

    @Test
    void codeIsSingleUse() throws IOException {
        String code = h.code(alice, Map.of());
        h.exchange(code);

        assertThatThrownBy(() -> h.exchange(code)).isInstanceOfSatisfying(TokenResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
        });
    }

    @Test
    void codeExpiresAfterFiveMinutes() {
        String code = h.code(alice, Map.of());
        h.sandbox.control().advanceClock(Duration.ofMinutes(5).plusSeconds(1));

        assertThatThrownBy(() -> h.exchange(code)).isInstanceOfSatisfying(TokenResponseException.class,
                e -> assertThat(e.getDetails().getError()).isEqualTo("invalid_grant"));
    }

    @Test
    void doubleEncodedCodeIsMalformed() {
        String code = h.code(alice, Map.of()).replace("/", "%2F");

        assertThatThrownBy(() -> h.exchange(code)).isInstanceOfSatisfying(TokenResponseException.class, e -> {
            assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
            assertThat(e.getDetails().getErrorDescription()).isEqualTo("Malformed auth code.");
        });
    }

    @Test
    void exchangeWithAnotherRedirectUriIsRedirectUriMismatch() {
        String code = h.code(alice, Map.of());

        assertThatThrownBy(() -> h.exchangeRequest(code).setRedirectUri("http://localhost:8080/other").execute())
                .isInstanceOfSatisfying(TokenResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getError()).isEqualTo("redirect_uri_mismatch");
                });
    }

    @Test
    void pkceS256VerifierIsChecked() throws Exception {
        String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        assertThat(challenge).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        Map<String, String> pkce = Map.of("code_challenge", challenge, "code_challenge_method", "S256");

        TokenResponse ok = h.exchangeRequest(h.code(alice, pkce)).set("code_verifier", verifier).execute();
        assertThat(ok.getAccessToken()).startsWith("ya29.");

        String wrong = "x".repeat(43);
        assertThatThrownBy(() -> h.exchangeRequest(h.code(alice, pkce)).set("code_verifier", wrong).execute())
                .isInstanceOfSatisfying(TokenResponseException.class, e -> assertThat(e.getDetails().getError()).isEqualTo("invalid_grant"));
        assertThatThrownBy(() -> h.exchange(h.code(alice, pkce)))
                .isInstanceOfSatisfying(TokenResponseException.class, e -> assertThat(e.getDetails().getError()).isEqualTo("invalid_grant"));
    }

    @Test
    void pkcePlainVerifierMustEqualTheChallenge() throws IOException {
        String verifier = "plain-verifier-0123456789-0123456789-0123456789";
        Map<String, String> pkce = Map.of("code_challenge", verifier, "code_challenge_method", "plain");

        assertThat(h.exchangeRequest(h.code(alice, pkce)).set("code_verifier", verifier).execute().getAccessToken()).isNotBlank();
    }

    @Test
    void refreshTokenOnlyOnFirstOfflineConsentOrWithPromptConsent() throws IOException {
        String email = freshAccount("rules");

        assertThat(h.exchange(h.code(email, Map.of("access_type", "online"))).getRefreshToken())
                .as("online access").isNull();
        assertThat(h.exchange(h.code(email, Map.of())).getRefreshToken())
                .as("offline, but the user already consented (online) before").isNull();
        assertThat(h.exchange(h.code(email, Map.of("prompt", "consent"))).getRefreshToken())
                .as("offline with prompt=consent").startsWith("1//");
        assertThat(h.exchange(h.code(email, Map.of("approval_prompt", "force"))).getRefreshToken())
                .as("legacy approval_prompt=force").startsWith("1//");

        String other = freshAccount("first");
        assertThat(h.exchange(h.code(other, Map.of())).getRefreshToken()).as("first offline consent").startsWith("1//");
    }

    @Test
    void refreshIssuesANewAccessTokenWithoutARefreshToken() throws IOException {
        TokenResponse tokens = h.login(alice);
        TokenResponse refreshed = h.refreshRequest(tokens.getRefreshToken()).execute();

        assertThat(refreshed.getAccessToken()).startsWith("ya29.").isNotEqualTo(tokens.getAccessToken());
        assertThat(refreshed.getRefreshToken()).isNull();
        assertThat(refreshed.getScope()).isEqualTo(tokens.getScope());
    }

    @Test
    void clientCanAuthenticateWithHttpBasic() {
        String code = h.code(alice, Map.of());
        String basic = Base64.getEncoder().encodeToString((SandboxClient.DEFAULT_ID + ":" + SandboxClient.DEFAULT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = h.send(HttpRequest.newBuilder(URI.create(h.url("/token")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + SandboxHarness.enc(code)
                        + "&redirect_uri=" + SandboxHarness.enc(SandboxHarness.REDIRECT))).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"access_token\":\"ya29.");
    }

    @Test
    void wrongClientSecretIsInvalidClient401() {
        HttpResponse<String> response = h.postForm("/token", List.of(Map.entry("grant_type", "authorization_code"),
                Map.entry("code", h.code(alice, Map.of())), Map.entry("redirect_uri", SandboxHarness.REDIRECT),
                Map.entry("client_id", SandboxClient.DEFAULT_ID), Map.entry("client_secret", "nope")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}");
    }

    @Test
    void unknownGrantTypeIsUnsupportedGrantType() {
        HttpResponse<String> response = h.postForm("/token", List.of(Map.entry("grant_type", "password"),
                Map.entry("client_id", SandboxClient.DEFAULT_ID), Map.entry("client_secret", SandboxClient.DEFAULT_SECRET)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"unsupported_grant_type\",\"error_description\":\"Invalid grant_type: password\"}");
    }

    @Test
    void revokingTheRefreshTokenKillsItsAccessTokens() throws IOException {
        String email = freshAccount("revoke");
        TokenResponse tokens = h.exchange(h.code(email, Map.of()));

        HttpResponse<String> revoke = h.postForm("/revoke", List.of(Map.entry("token", tokens.getRefreshToken())));

        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(h.getWithToken("/gmail/v1/users/me/profile", tokens.getAccessToken()).statusCode()).isEqualTo(401);
        assertThatThrownBy(() -> h.refreshRequest(tokens.getRefreshToken()).execute())
                .isInstanceOfSatisfying(TokenResponseException.class, e -> {
                    assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
                    assertThat(e.getDetails().getErrorDescription()).isEqualTo("Token has been expired or revoked.");
                });
        assertThat(h.exchange(h.code(email, Map.of())).getRefreshToken()).as("consent starts over after revoke").startsWith("1//");
    }

    @Test
    void revokingAnAccessTokenByQueryAlsoRevokesTheRefreshToken() throws IOException {
        String email = freshAccount("revokeq");
        TokenResponse tokens = h.exchange(h.code(email, Map.of()));

        HttpResponse<String> revoke = h.send(HttpRequest.newBuilder(URI.create(h.url("/revoke?token=" + SandboxHarness.enc(tokens.getAccessToken()))))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> h.refreshRequest(tokens.getRefreshToken()).execute()).isInstanceOf(TokenResponseException.class);
    }

    @Test
    void revokingAnUnknownTokenIs400InvalidToken() {
        HttpResponse<String> revoke = h.postForm("/revoke", List.of(Map.entry("token", "garbage")));

        assertThat(revoke.statusCode()).isEqualTo(400);
        assertThat(revoke.body()).isEqualTo("{\"error\":\"invalid_token\",\"error_description\":\"Token expired or revoked\"}");
    }

    @Test
    void includeGrantedScopesAddsEarlierGrants() throws IOException {
        String email = freshAccount("incremental");
        h.exchange(h.code(email, Map.of()));
        Map<String, String> onlyEmail = Map.of("scope", "email", "include_granted_scopes", "true");

        TokenResponse tokens = h.exchange(h.consent(onlyEmail, email, List.of(), "allow").getCode());

        assertThat(tokens.getScope()).contains(GMAIL_READONLY).contains(EMAIL);
    }

    @Test
    void promptNoneSucceedsSilentlyOnlyAfterConsent() {
        String email = freshAccount("silent");
        Map<String, String> silent = Map.of("prompt", "none", "login_hint", email, "state", "st");
        HttpResponse<String> before = h.get(h.authorizationUrl(silent));
        assertThat(before.statusCode()).isEqualTo(302);
        assertThat(before.headers().firstValue("Location").orElseThrow()).contains("error=consent_required").contains("state=st");

        h.code(email, Map.of());
        HttpResponse<String> after = h.get(h.authorizationUrl(silent));
        assertThat(new AuthorizationCodeResponseUrl(after.headers().firstValue("Location").orElseThrow()).getCode()).startsWith("4/");
    }

    @Test
    void googleAuthorizationCodeFlowWorksAgainstTheSandboxUrls() throws IOException {
        var flow = new com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeFlow.Builder(SandboxHarness.TRANSPORT,
                SandboxHarness.JSON, SandboxClient.DEFAULT_ID, SandboxClient.DEFAULT_SECRET, SandboxHarness.SEED_SCOPES)
                .setAccessType("offline")
                .setAuthorizationServerEncodedUrl(h.url("/o/oauth2/auth"))
                .setTokenServerUrl(new com.google.api.client.http.GenericUrl(h.url("/token")))
                .build();
        String authUrl = flow.newAuthorizationUrl().setRedirectUri(SandboxHarness.REDIRECT).setState("st8")
                .set("prompt", "consent").set("login_hint", alice).build();
        HttpResponse<String> page = h.get(authUrl);
        HttpResponse<String> decision = h.postForm("/o/oauth2/v2/auth/decision", List.of(
                Map.entry("auth_request", SandboxHarness.authRequestId(page.body())), Map.entry("account", alice),
                Map.entry("scope", GMAIL_READONLY), Map.entry("decision", "allow")));
        AuthorizationCodeResponseUrl redirect = new AuthorizationCodeResponseUrl(decision.headers().firstValue("Location").orElseThrow());

        var tokens = flow.newTokenRequest(redirect.getCode()).setRedirectUri(SandboxHarness.REDIRECT).execute();

        assertThat(redirect.getState()).isEqualTo("st8");
        assertThat(tokens.getRefreshToken()).startsWith("1//");
        assertThat(tokens.getScope()).contains(GMAIL_READONLY);
    }
}
