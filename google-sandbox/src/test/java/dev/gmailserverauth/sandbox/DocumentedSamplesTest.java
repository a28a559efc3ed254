package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.auth.oauth2.TokenErrorResponse;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Message;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Field-by-field comparisons with the samples of Google's OAuth 2.0, Gmail API reference and error guide pages. */
class DocumentedSamplesTest {
    private static final String GMAIL_METADATA = "https://www.googleapis.com/auth/gmail.metadata";
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static final String alice = h.firstDemoAccount();

    @Test
    void codeExchangeResponseHasExactlyTheDocumentedFields() {
        String code = h.code(alice, Map.of("prompt", "consent"));
        HttpResponse<String> raw = h.postForm("/token", List.of(Map.entry("code", code), Map.entry("client_id", SandboxClient.DEFAULT_ID),
                Map.entry("client_secret", SandboxClient.DEFAULT_SECRET), Map.entry("redirect_uri", SandboxHarness.REDIRECT),
                Map.entry("grant_type", "authorization_code")));
        JsonObject body = JsonParser.parseString(raw.body()).getAsJsonObject();

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(body.keySet()).containsExactlyInAnyOrder("access_token", "expires_in", "refresh_token", "scope", "token_type");
        assertThat(body.get("expires_in").getAsJsonPrimitive().isNumber()).isTrue();
        assertThat(body.get("expires_in").getAsInt()).isEqualTo(3599);
        assertThat(body.get("token_type").getAsString()).isEqualTo("Bearer");
    }

    @Test
    void refreshResponseHasTheDocumentedFieldsWithoutRefreshToken() throws IOException {
        TokenResponse tokens = h.login(alice);
        HttpResponse<String> raw = h.postForm("/token", List.of(Map.entry("client_id", SandboxClient.DEFAULT_ID),
                Map.entry("client_secret", SandboxClient.DEFAULT_SECRET), Map.entry("refresh_token", tokens.getRefreshToken()),
                Map.entry("grant_type", "refresh_token")));

        assertThat(JsonParser.parseString(raw.body()).getAsJsonObject().keySet())
                .containsExactlyInAnyOrder("access_token", "expires_in", "scope", "token_type");
    }

    @Test
    void tokenErrorsParseAsTokenErrorResponse() throws IOException {
        HttpResponse<String> raw = h.postForm("/token", List.of(Map.entry("client_id", SandboxClient.DEFAULT_ID),
                Map.entry("client_secret", SandboxClient.DEFAULT_SECRET), Map.entry("refresh_token", "1//0gUnknown"),
                Map.entry("grant_type", "refresh_token")));
        TokenErrorResponse error = SandboxHarness.JSON.fromString(raw.body(), TokenErrorResponse.class);

        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(error.getError()).isEqualTo("invalid_grant");
        assertThat(error.getErrorDescription()).isEqualTo("Token has been expired or revoked.");
        assertThat(JsonParser.parseString(raw.body()).getAsJsonObject().keySet()).containsExactly("error", "error_description");
    }

    @Test
    void messageResourceUsesStringsForHistoryIdAndInternalDate() throws IOException {
        String token = h.login(alice).getAccessToken();
        String id = h.gmail(token).users().messages().list("me").setMaxResults(1L).execute().getMessages().get(0).getId();

        JsonObject raw = JsonParser.parseString(h.getWithToken("/gmail/v1/users/me/messages/" + id + "?format=minimal", token).body())
                .getAsJsonObject();

        assertThat(raw.keySet()).containsExactly("id", "threadId", "labelIds", "snippet", "sizeEstimate", "historyId", "internalDate");
        assertThat(raw.get("historyId").getAsJsonPrimitive().isString()).isTrue();
        assertThat(raw.get("internalDate").getAsJsonPrimitive().isString()).isTrue();
        assertThat(raw.get("sizeEstimate").getAsJsonPrimitive().isNumber()).isTrue();
    }

    @Test
    void insufficientScopeBodyMatchesErrorsMd() throws IOException {
        String token = h.exchange(h.consent(Map.of(), alice, List.of(), "allow").getCode()).getAccessToken();

        HttpResponse<String> raw = h.getWithToken("/gmail/v1/users/me/messages", token);

        assertThat(raw.statusCode()).isEqualTo(403);
        assertThat(raw.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"https://accounts.google.com/\", "
                + "error=\"insufficient_scope\", scope=\"https://mail.google.com/ https://www.googleapis.com/auth/gmail.modify "
                + "https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/gmail.metadata\"");
        assertThat(raw.body()).isEqualTo("{\"error\":{\"code\":403,\"message\":\"Request had insufficient authentication scopes.\","
                + "\"errors\":[{\"message\":\"Insufficient Permission\",\"domain\":\"global\",\"reason\":\"insufficientPermissions\"}],"
                + "\"status\":\"PERMISSION_DENIED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                + "\"reason\":\"ACCESS_TOKEN_SCOPE_INSUFFICIENT\",\"domain\":\"googleapis.com\",\"metadata\":{\"service\":\"gmail.googleapis.com\","
                + "\"method\":\"caribou.api.proto.MailboxService.ListMessages\"}}]}}");
    }

    @Test
    void metadataScopeAllowsMetadataButNotQueriesOrFullFormat() throws IOException {
        var redirect = h.consent(Map.of("scope", GMAIL_METADATA + " email"), alice, List.of(GMAIL_METADATA), "allow");
        Gmail gmail = h.gmail(h.exchange(redirect.getCode()).getAccessToken());
        String id = gmail.users().messages().list("me").setMaxResults(1L).execute().getMessages().get(0).getId();

        Message m = gmail.users().messages().get("me", id).setFormat("metadata").execute();

        assertThat(m.getPayload().getHeaders()).isNotEmpty();
        assertThatThrownBy(() -> gmail.users().messages().get("me", id).setFormat("full").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
        assertThatThrownBy(() -> gmail.users().messages().list("me").setQ("is:unread").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
    }
}
