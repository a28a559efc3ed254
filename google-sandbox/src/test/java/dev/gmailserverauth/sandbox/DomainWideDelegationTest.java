package dev.gmailserverauth.sandbox;

import static dev.gmailserverauth.sandbox.SandboxHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.api.services.directory.Directory;
import com.google.api.services.directory.model.User;
import com.google.api.services.directory.model.Users;
import com.google.api.services.gmail.Gmail;
import com.google.auth.http.HttpCredentialsAdapter;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.gson.JsonObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Workspace side over real HTTP: the demo service account, the JWT-bearer grant, the Directory API, the Admin console. */
class DomainWideDelegationTest {
    private static final String GMAIL = "https://www.googleapis.com/auth/gmail.readonly";
    private static final String DIRECTORY = "https://www.googleapis.com/auth/admin.directory.user.readonly";
    private static final String BEN = "ben@northwind.example";
    private static final String CLEO = "cleo@northwind.example";
    private static final String DEV = "dev@northwind.example";

    /** Not NetHttpTransport: HttpURLConnection drops the body of the token endpoint's 401 (unauthorized_client). */
    private static final ApacheHttpTransport APACHE = new ApacheHttpTransport();

    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();

    private SandboxDelegation delegation() {
        return h.sandbox.delegation();
    }

    @AfterEach
    void restoreTheAdminConsole() {
        delegation().setPropagationDelay(Duration.ZERO);
        delegation().delegate(delegation().serviceAccountClientId(), List.of(GMAIL, DIRECTORY));
        delegation().clearGmailMisroutes();
        delegation().setGoogleAudienceAccepted(true);
    }

    @Test
    void theKeyFileIsGooglesFormatReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/service-account.json");

        delegation().writeServiceAccountKey(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        JsonObject key = json(Files.readString(file));
        assertThat(key.get("type").getAsString()).isEqualTo("service_account");
        assertThat(key.get("client_id").getAsString()).isEqualTo(delegation().serviceAccountClientId()).matches("\\d{21}");
        assertThat(key.get("token_uri").getAsString()).isEqualTo(h.sandbox.baseUrl() + "/token");
        assertThat(key.get("private_key").getAsString()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        ServiceAccountCredentials read = ServiceAccountCredentials.fromStream(Files.newInputStream(file));
        assertThat(read.getClientEmail()).isEqualTo(delegation().serviceAccountEmail());
        assertThat(read.getPrivateKeyId()).isEqualTo(key.get("private_key_id").getAsString());
    }

    @Test
    void aDelegatedTokenReadsTheSubjectsMailboxAndNoOtherThroughGooglesLibraries() throws Exception {
        Gmail gmail = gmail(delegated(BEN, GMAIL));

        assertThat(gmail.users().getProfile("me").execute().getEmailAddress()).isEqualTo(BEN);
        assertThat(gmail.users().messages().list(BEN).execute().getMessages()).hasSize(2);
        assertThatThrownBy(() -> gmail.users().messages().list(CLEO).execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(403);
                    assertThat(e.getDetails().getMessage()).isEqualTo("Delegation denied for " + BEN);
                });
    }

    @Test
    void eachRefusalCarriesGooglesErrorBody() {
        assertRefused(delegated(BEN, "https://www.googleapis.com/auth/gmail.modify"), 401, "unauthorized_client",
                "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.");
        assertRefused(delegated("nobody@northwind.example", GMAIL), 400, "invalid_grant", "Invalid email or User ID");
        assertRefused(delegated(DEV, GMAIL), 400, "invalid_grant", "Invalid email or User ID");
        assertRefused(delegated("alice@example.com", GMAIL), 401, "unauthorized_client", "Unauthorized client or scope in request.");

        delegation().removeDelegation(delegation().serviceAccountClientId());
        assertRefused(delegated(BEN, GMAIL), 401, "unauthorized_client",
                "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.");

        delegation().setPropagationDelay(Duration.ofHours(1));
        delegation().delegate(delegation().serviceAccountClientId(), List.of(GMAIL));
        assertRefused(delegated(BEN, GMAIL), 401, "unauthorized_client", "Unauthorized client or scope in request.");

        delegation().setPropagationDelay(Duration.ZERO);
        delegation().delegate(delegation().serviceAccountClientId(), List.of(GMAIL));
        delegation().setGoogleAudienceAccepted(false);
        assertRefused(delegated(BEN, GMAIL), 400, "invalid_grant", "Invalid JWT: Failed audience check.");
    }

    @Test
    void anAssertionLongerThan65MinutesOrWithCommaScopesOrAStrangerSignatureIsRefused() throws Exception {
        Instant now = Instant.now();
        JsonObject tooLong = json(postAssertion(signed(claims(BEN, GMAIL, now, now.plusSeconds(3901)), privateKey(), keyId())));
        assertThat(tooLong.get("error").getAsString()).isEqualTo("invalid_grant");
        assertThat(tooLong.get("error_description").getAsString()).startsWith("Invalid JWT: Token must be a short-lived token (60 minutes)");

        JsonObject commas = json(postAssertion(signed(claims(BEN, GMAIL + "," + DIRECTORY, now, now.plusSeconds(3600)), privateKey(), keyId())));
        assertThat(commas.get("error").getAsString()).isEqualTo("invalid_scope");

        RSAKey stranger = new RSAKeyGenerator(2048).generate();
        JsonObject forged = json(postAssertion(signed(claims(BEN, GMAIL, now, now.plusSeconds(3600)), stranger.toRSAPrivateKey(), keyId())));
        assertThat(forged.get("error_description").getAsString()).isEqualTo("Invalid JWT Signature.");

        HttpResponse<String> ownAudience = postAssertion(signed(new JWTClaimsSet.Builder(claims(BEN, GMAIL, now, now.plusSeconds(3600)))
                .audience(h.sandbox.baseUrl() + "/token").build(), privateKey(), keyId()));
        assertThat(ownAudience.statusCode()).isEqualTo(200);
        assertThat(json(ownAudience).has("refresh_token")).isFalse();
        assertThat(json(ownAudience).get("expires_in").getAsLong()).isGreaterThanOrEqualTo(600);
    }

    @Test
    void withoutASubjectTheTokenIsTheServiceAccountsOwnAndGmailAnswersFailedPrecondition() throws Exception {
        GoogleCredentials own = ServiceAccountCredentials.fromStream(keyStream(), () -> APACHE).createScoped(List.of(GMAIL));

        assertThatThrownBy(() -> gmail(own).users().getProfile("me").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getErrors().get(0).getReason()).isEqualTo("failedPrecondition");
                });
    }

    @Test
    void theMisrouteSwitchMakesGmailAnswerFromAnotherMailbox() throws Exception {
        delegation().answerGmailFor(BEN, CLEO);

        assertThat(gmail(delegated(BEN, GMAIL)).users().getProfile("me").execute().getEmailAddress()).isEqualTo(CLEO);
    }

    @Test
    void theDirectoryListsTheDomainsUsersInPagesToAnAdministratorOnly() throws Exception {
        Directory directory = directory(delegated(delegation().workspaceAdmin(), DIRECTORY));
        List<User> users = new ArrayList<>();
        String pageToken = null;
        int pages = 0;
        do {
            Users page = directory.users().list().setCustomer("my_customer").setMaxResults(3).setOrderBy("email").setPageToken(pageToken).execute();
            users.addAll(page.getUsers());
            pageToken = page.getNextPageToken();
            pages++;
        } while (pageToken != null);

        assertThat(pages).isEqualTo(2);
        assertThat(users).extracting(User::getPrimaryEmail).containsExactlyElementsOf(delegation().workspaceUsers());
        assertThat(users).filteredOn(User::getSuspended).extracting(User::getPrimaryEmail).containsExactly(DEV);
        assertThat(directory.users().list().setDomain(delegation().workspaceDomain()).setQuery("isSuspended=false email:c*").execute()
                .getUsers()).extracting(User::getPrimaryEmail).containsExactly(CLEO);
        assertThatThrownBy(() -> directory(delegated(BEN, DIRECTORY)).users().list().setCustomer("my_customer").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
        assertThatThrownBy(() -> directory(delegated(delegation().workspaceAdmin(), GMAIL)).users().list().setCustomer("my_customer").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
        assertThatThrownBy(() -> directory.users().list().setCustomer("my_customer").setPageToken("forged").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void theAdminConsolePageDelegatesAClientForCommaDelimitedScopes() {
        String clientId = delegation().serviceAccountClientId();
        HttpResponse<String> saved = h.send(HttpRequest.newBuilder(URI.create(h.url("/__sandbox/admin-console")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxHarness.form(Map.of("clientId", clientId, "scopes", GMAIL + ", " + DIRECTORY))))
                .build());
        HttpResponse<String> email = h.send(HttpRequest.newBuilder(URI.create(h.url("/__sandbox/admin-console")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxHarness.form(Map.of("clientId", delegation().serviceAccountEmail(), "scopes", GMAIL))))
                .build());

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(h.get(h.url("/__sandbox/admin-console")).body()).contains(clientId).contains(GMAIL + ", " + DIRECTORY);
        assertThat(email.statusCode()).isEqualTo(400);
        assertThat(email.body()).contains("numeric");
        assertThat(json(h.controlApi("GET", "/delegation", "")).getAsJsonArray("delegations")).hasSize(1);
    }

    @Test
    void aReplacedKeyAndAnAdvancedClockAreRefused() throws Exception {
        try (GoogleSandbox own = GoogleSandbox.start(SandboxConfig.defaults(List.of()))) {
            String oldKey = own.delegation().serviceAccountKeyJson();
            own.delegation().replaceServiceAccountKey();
            assertRefused(credentials(oldKey).createScoped(List.of(GMAIL)).createDelegated(BEN), 400, "invalid_grant", "Invalid JWT Signature.");

            GoogleCredentials current = credentials(own.delegation().serviceAccountKeyJson()).createScoped(List.of(GMAIL)).createDelegated(BEN);
            own.control().advanceClock(Duration.ofHours(2));
            assertRefused(current, 400, "invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable "
                    + "timeframe. Check your 'iat' and 'exp' values and use a clock with skew to account for clock differences between systems.");

            own.delegation().setServiceAccountDisabled(true);
            assertRefused(credentials(own.delegation().serviceAccountKeyJson()).createScoped(List.of(GMAIL)).createDelegated(BEN),
                    400, "disabled_client", "The OAuth client was disabled.");
        }
    }

    private static void assertRefused(GoogleCredentials credentials, int status, String error, String description) {
        assertThatThrownBy(credentials::refresh)
                .hasMessageContaining(String.valueOf(status))
                .hasMessageContaining("\"error\":\"" + error + "\"")
                .hasMessageContaining("\"error_description\":\"" + description + "\"");
    }

    private GoogleCredentials delegated(String subject, String scope) {
        try {
            return ServiceAccountCredentials.fromStream(keyStream(), () -> APACHE).createScoped(List.of(scope)).createDelegated(subject);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ServiceAccountCredentials credentials(String keyJson) throws java.io.IOException {
        return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(keyJson.getBytes(StandardCharsets.UTF_8)), () -> APACHE);
    }

    private ByteArrayInputStream keyStream() {
        return new ByteArrayInputStream(delegation().serviceAccountKeyJson().getBytes(StandardCharsets.UTF_8));
    }

    private static Gmail gmail(GoogleCredentials credentials) {
        return new Gmail.Builder(SandboxHarness.TRANSPORT, SandboxHarness.JSON, new HttpCredentialsAdapter(credentials))
                .setRootUrl(h.sandbox.baseUrl() + "/").setApplicationName("sandbox-test").build();
    }

    private static Directory directory(GoogleCredentials credentials) {
        return new Directory.Builder(SandboxHarness.TRANSPORT, SandboxHarness.JSON, new HttpCredentialsAdapter(credentials))
                .setRootUrl(h.sandbox.baseUrl() + "/").setApplicationName("sandbox-test").build();
    }

    private JWTClaimsSet claims(String subject, String scope, Instant iat, Instant exp) {
        return new JWTClaimsSet.Builder().issuer(delegation().serviceAccountEmail()).subject(subject).claim("scope", scope)
                .audience("https://oauth2.googleapis.com/token").issueTime(Date.from(iat)).expirationTime(Date.from(exp)).build();
    }

    private String keyId() {
        return json(delegation().serviceAccountKeyJson()).get("private_key_id").getAsString();
    }

    private RSAPrivateKey privateKey() throws Exception {
        String pem = json(delegation().serviceAccountKeyJson()).get("private_key").getAsString()
                .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String signed(JWTClaimsSet claims, java.security.PrivateKey key, String keyId) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static HttpResponse<String> postAssertion(String assertion) {
        return h.postForm("/token", List.of(Map.entry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), Map.entry("assertion", assertion)));
    }
}
