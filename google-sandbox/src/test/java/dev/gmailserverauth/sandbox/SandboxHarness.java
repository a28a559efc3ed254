package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.AuthorizationCodeResponseUrl;
import com.google.api.client.auth.oauth2.AuthorizationCodeTokenRequest;
import com.google.api.client.auth.oauth2.BearerToken;
import com.google.api.client.auth.oauth2.ClientParametersAuthentication;
import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.RefreshTokenRequest;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.auth.oauth2.TokenResponseException;
import com.google.api.client.googleapis.auth.oauth2.GoogleAuthorizationCodeTokenRequest;
import com.google.api.client.googleapis.auth.oauth2.GoogleRefreshTokenRequest;
import com.google.api.client.googleapis.auth.oauth2.GoogleTokenResponse;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.JsonFactory;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.oauth2.Oauth2;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drives a sandbox the way a browser and Google's Java client would. One sandbox per test class, as
 * {@code @RegisterExtension static final SandboxHarness h = SandboxHarness.start();}: as a JUnit extension on a
 * static field it closes the sandbox after the class's last test.
 */
final class SandboxHarness implements AfterAllCallback {
    static final String REDIRECT = "http://localhost:8080/oauth2callback";
    static final String GMAIL_READONLY = "https://www.googleapis.com/auth/gmail.readonly";
    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    static final String EMAIL = "https://www.googleapis.com/auth/userinfo.email";
    static final String PROFILE = "https://www.googleapis.com/auth/userinfo.profile";
    static final List<String> SEED_SCOPES = List.of(GMAIL_READONLY, EMAIL, PROFILE);
    static final HttpTransport TRANSPORT = new NetHttpTransport();
    static final JsonFactory JSON = GsonFactory.getDefaultInstance();
    private static final Pattern AUTH_REQUEST = Pattern.compile("name=\"auth_request\" id=\"auth_request\" value=\"([^\"]+)\"");

    final GoogleSandbox sandbox;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    SandboxHarness(GoogleSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** The default sandbox: demo data, the default client, {@link #REDIRECT} registered. */
    static SandboxHarness start() {
        return start(SandboxConfig.defaults(List.of(REDIRECT)));
    }

    static SandboxHarness start(SandboxConfig config) {
        return new SandboxHarness(GoogleSandbox.start(config));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sandbox.close();
    }

    SandboxControl control() {
        return sandbox.control();
    }

    /** The first demo account (alice). */
    String firstDemoAccount() {
        return control().demoAccounts().get(0);
    }

    /** A new account whose address is the prefix and a unique number. */
    String freshAccount(String prefix, String displayName) {
        String email = prefix + System.nanoTime() + "@example.net";
        control().addAccount(email, displayName);
        return email;
    }

    String url(String path) {
        return sandbox.baseUrl() + path;
    }

    /** Builds an authorization URL with these parameters on top of client_id, redirect_uri, response_type. */
    String authorizationUrl(Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", SandboxClient.DEFAULT_ID);
        params.put("redirect_uri", REDIRECT);
        params.put("response_type", "code");
        params.put("scope", String.join(" ", SEED_SCOPES));
        params.putAll(extra);
        return url("/o/oauth2/v2/auth?" + form(params));
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String authRequestId(String html) {
        Matcher m = AUTH_REQUEST.matcher(html);
        if (!m.find()) throw new AssertionError("no auth_request field in consent page:\n" + html);
        return m.group(1);
    }

    /** Opens the consent page and answers it; returns the parsed redirect. */
    AuthorizationCodeResponseUrl consent(Map<String, String> params, String account, List<String> tickedScopes, String decision) {
        return consent(params, account, tickedScopes, decision, List.of());
    }

    /** The same, with more form fields (e.g. {@code access_duration}). */
    AuthorizationCodeResponseUrl consent(Map<String, String> params, String account, List<String> tickedScopes, String decision,
                                         List<Map.Entry<String, String>> extraFields) {
        HttpResponse<String> answer = answerConsent(params, account, tickedScopes, decision, extraFields);
        if (answer.statusCode() != 302) throw new AssertionError("decision status " + answer.statusCode() + ": " + answer.body());
        return new AuthorizationCodeResponseUrl(answer.headers().firstValue("Location").orElseThrow());
    }

    /** Opens the consent page and posts the answer; returns the raw answer (a redirect or an error page). */
    HttpResponse<String> answerConsent(Map<String, String> params, String account, List<String> tickedScopes, String decision,
                                       List<Map.Entry<String, String>> extraFields) {
        HttpResponse<String> page = get(authorizationUrl(params));
        if (page.statusCode() != 200) throw new AssertionError("consent page status " + page.statusCode() + ": " + page.body());
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("auth_request", authRequestId(page.body())));
        fields.add(Map.entry("account", account));
        tickedScopes.forEach(s -> fields.add(Map.entry("scope", s)));
        fields.add(Map.entry("decision", decision));
        fields.addAll(extraFields);
        return postForm("/o/oauth2/v2/auth/decision", fields);
    }

    /**
     * Offline consent to sign-in and the Cloud Platform scope, the grants Google documents session control
     * ({@code invalid_rapt}) for; returns the code.
     */
    String cloudPlatformCode(String account) {
        return consent(Map.of("access_type", "offline", "prompt", "consent", "state", "s1", "scope", "email " + CLOUD_PLATFORM),
                account, List.of(CLOUD_PLATFORM), "allow").getCode();
    }

    /** Offline consent with Gmail ticked and this access duration; returns the code. */
    String timeLimitedCode(String account, String accessDuration) {
        return consent(Map.of("access_type", "offline", "prompt", "consent", "state", "s1"), account, List.of(GMAIL_READONLY), "allow",
                List.of(Map.entry("access_duration", accessDuration))).getCode();
    }

    /** The code exchange as Google's own client for Google's endpoints sends it. */
    GoogleTokenResponse googleExchange(String code) throws IOException {
        return new GoogleAuthorizationCodeTokenRequest(TRANSPORT, JSON, url("/token"), SandboxClient.DEFAULT_ID,
                SandboxClient.DEFAULT_SECRET, code, REDIRECT).execute();
    }

    /** A refresh as Google's own client sends it. */
    /** A refresh of this token fails as Google's session control answers it: 400 invalid_grant, invalid_rapt. */
    void assertInvalidRapt(String refreshToken) {
        assertThatThrownBy(() -> googleRefresh(refreshToken)).isInstanceOfSatisfying(TokenResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(400);
            assertThat(e.getDetails().getError()).isEqualTo("invalid_grant");
            assertThat(e.getDetails().getErrorDescription()).isEqualTo("reauth related error (invalid_rapt)");
        });
    }

    GoogleTokenResponse googleRefresh(String refreshToken) throws IOException {
        return new GoogleRefreshTokenRequest(TRANSPORT, JSON, refreshToken, SandboxClient.DEFAULT_ID,
                SandboxClient.DEFAULT_SECRET).setTokenServerUrl(new GenericUrl(url("/token"))).execute();
    }

    /** Consents with every scope ticked, offline access; returns the code. */
    String code(String account, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("access_type", "offline", "state", "s1"));
        all.putAll(params);
        AuthorizationCodeResponseUrl redirect = consent(all, account, List.of(GMAIL_READONLY), "allow");
        return redirect.getCode();
    }

    TokenResponse exchange(String code) throws IOException {
        return exchangeRequest(code).execute();
    }

    AuthorizationCodeTokenRequest exchangeRequest(String code) {
        return new AuthorizationCodeTokenRequest(TRANSPORT, JSON, new GenericUrl(url("/token")), code)
                .setRedirectUri(REDIRECT)
                .setClientAuthentication(new ClientParametersAuthentication(SandboxClient.DEFAULT_ID, SandboxClient.DEFAULT_SECRET));
    }

    RefreshTokenRequest refreshRequest(String refreshToken) {
        return new RefreshTokenRequest(TRANSPORT, JSON, new GenericUrl(url("/token")), refreshToken)
                .setClientAuthentication(new ClientParametersAuthentication(SandboxClient.DEFAULT_ID, SandboxClient.DEFAULT_SECRET));
    }

    /** A full login of that account with the scopes of Google's "Implementing server-side authorization" Python sample. */
    TokenResponse login(String account) throws IOException {
        return exchange(code(account, Map.of("prompt", "consent")));
    }

    /** A Credential that refreshes itself against the sandbox, as the adapters will use. */
    Credential credential(TokenResponse tokens) {
        Credential credential = new Credential.Builder(BearerToken.authorizationHeaderAccessMethod())
                .setTransport(TRANSPORT).setJsonFactory(JSON)
                .setTokenServerUrl(new GenericUrl(url("/token")))
                .setClientAuthentication(new ClientParametersAuthentication(SandboxClient.DEFAULT_ID, SandboxClient.DEFAULT_SECRET))
                .build();
        return credential.setFromTokenResponse(tokens);
    }

    Gmail gmail(Credential credential) {
        return new Gmail.Builder(TRANSPORT, JSON, credential).setApplicationName("sandbox-test")
                .setRootUrl(sandbox.baseUrl() + "/").build();
    }

    Gmail gmail(String accessToken) {
        return new Gmail.Builder(TRANSPORT, JSON, r -> r.getHeaders().setAuthorization("Bearer " + accessToken))
                .setApplicationName("sandbox-test").setRootUrl(sandbox.baseUrl() + "/").build();
    }

    Oauth2 oauth2(String accessToken) {
        return new Oauth2.Builder(TRANSPORT, JSON, r -> r.getHeaders().setAuthorization("Bearer " + accessToken))
                .setApplicationName("sandbox-test").setRootUrl(sandbox.baseUrl() + "/").build();
    }

    /** An account signed in through Google's Java client: its access token, Gmail on it, the ids of its newest messages. */
    record SignedIn(String account, String token, Gmail gmail, List<String> ids) {}

    /** Signs the first demo account in and lists its newest {@code messages} message ids. */
    SignedIn signInFirstDemoAccount(long messages) throws IOException {
        String account = firstDemoAccount();
        String token = login(account).getAccessToken();
        Gmail gmail = gmail(token);
        List<String> ids = gmail.users().messages().list("me").setMaxResults(messages).execute().getMessages().stream()
                .map(Message::getId).toList();
        return new SignedIn(account, token, gmail, ids);
    }

    /** A call to the sandbox's control API ({@code /__sandbox...}) with a JSON body. */
    HttpResponse<String> controlApi(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url("/__sandbox" + path)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static JsonObject json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonObject json(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    HttpResponse<String> getWithToken(String path, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + accessToken).GET().build());
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
