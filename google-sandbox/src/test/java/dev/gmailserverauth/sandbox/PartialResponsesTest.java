package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.Thread;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code fields=} partial responses and gzip, as Google's performance guide describes, through Google's Java client. */
class PartialResponsesTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static String token;
    private static Gmail gmail;
    private static List<String> ids;

    @BeforeAll
    static void start() throws IOException {
        SandboxHarness.SignedIn alice = h.signInFirstDemoAccount(5L);
        token = alice.token();
        gmail = alice.gmail();
        ids = alice.ids();
    }

    @Test
    void listWithFieldsGivesOnlyTheSelectedFields() throws IOException {
        ListMessagesResponse page = gmail.users().messages().list("me").setMaxResults(10L)
                .setFields("messages(id),nextPageToken").execute();

        assertThat(page.keySet()).containsExactlyInAnyOrder("messages", "nextPageToken");
        assertThat(page.getMessages()).hasSize(10).allSatisfy(m -> {
            assertThat(m.keySet()).containsExactly("id");
            assertThat(m.getThreadId()).isNull();
        });
    }

    @Test
    void getWithNestedFieldsGivesTheHeadersOnly() throws IOException {
        Message m = gmail.users().messages().get("me", ids.get(0)).setFormat("metadata")
                .setMetadataHeaders(List.of("From", "Subject")).setFields("id,labelIds,payload/headers").execute();

        assertThat(m.keySet()).containsExactlyInAnyOrder("id", "labelIds", "payload");
        assertThat(m.getPayload().keySet()).containsExactly("headers");
        assertThat(m.getPayload().getHeaders()).extracting(h -> h.getName()).containsExactlyInAnyOrder("From", "Subject");
        assertThat(m.getSnippet()).isNull();
    }

    @Test
    void threadWithSubSelectionsAndAStar() throws IOException {
        String threadId = gmail.users().messages().get("me", ids.get(0)).setFormat("minimal").execute().getThreadId();

        Thread t = gmail.users().threads().get("me", threadId).setFormat("minimal").setFields("id,messages(id,labelIds)").execute();
        Message star = gmail.users().messages().get("me", ids.get(0)).setFormat("minimal").setFields("*").execute();

        assertThat(t.keySet()).containsExactlyInAnyOrder("id", "messages");
        assertThat(t.getMessages()).allSatisfy(m -> assertThat(m.keySet()).isSubsetOf("id", "labelIds"));
        assertThat(star.keySet()).contains("id", "threadId", "snippet", "historyId", "internalDate", "sizeEstimate");
    }

    @Test
    void anUnknownOrMalformedSelectionIs400OnTheFieldsParameter() {
        assertThatThrownBy(() -> gmail.users().messages().list("me").setFields("messages(idd)").execute())
                .isInstanceOfSatisfying(GoogleJsonResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getDetails().getMessage()).isEqualTo("Invalid field selection messages(idd)");
                    assertThat(e.getDetails().getErrors().get(0).getLocation()).isEqualTo("fields");
                });
        HttpResponse<String> unclosed = h.getWithToken("/gmail/v1/users/me/labels?fields=labels(id", token);

        assertThat(unclosed.statusCode()).isEqualTo(400);
        assertThat(unclosed.body()).contains("\"status\":\"INVALID_ARGUMENT\"");
    }

    @Test
    void errorsAreNotNarrowedByFields() {
        HttpResponse<String> r = h.getWithToken("/gmail/v1/users/me/messages/0000000000000bad?fields=id", token);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"reason\":\"notFound\"");
    }

    @Test
    void fieldsOnTheInnerRequestLineOfABatchPartAreHonoured() throws IOException {
        Map<String, Message> answers = new ConcurrentHashMap<>();
        BatchRequest batch = gmail.batch();
        for (String id : ids) {
            gmail.users().messages().get("me", id).setFormat("metadata").setMetadataHeaders(List.of("Subject"))
                    .setFields("id,payload/headers").queue(batch, new JsonBatchCallback<Message>() {
                        @Override public void onSuccess(Message m, HttpHeaders headers) {
                            answers.put(m.getId(), m);
                        }

                        @Override public void onFailure(GoogleJsonError e, HttpHeaders headers) {
                            throw new AssertionError(e.getMessage());
                        }
                    });
        }

        batch.execute();

        assertThat(answers).hasSize(ids.size());
        assertThat(answers.values()).allSatisfy(m -> {
            assertThat(m.keySet()).containsExactlyInAnyOrder("id", "payload");
            assertThat(m.getPayload().getHeaders()).hasSize(1);
        });
    }

    @Test
    void aBatchPartWithAFieldsPathOnlyLineIsNarrowedToo() {
        String body = "--b\r\nContent-Type: application/http\r\n\r\n"
                + "GET /gmail/v1/users/me/messages/" + ids.get(0) + "?format=minimal&fields=threadId\r\n\r\n--b--\r\n";

        HttpResponse<String> r = h.send(HttpRequest.newBuilder(URI.create(h.url("/batch/gmail/v1")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/mixed; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(r.body()).contains("HTTP/1.1 200 OK").containsPattern("\\{\"threadId\":\"[0-9a-f]{16}\"\\}").doesNotContain("\"snippet\"");
    }

    @Test
    void googlesJavaClientGetsGzip() throws IOException {
        com.google.api.client.http.HttpResponse response = gmail.users().messages().list("me").setMaxResults(50L).executeUnparsed();
        try {
            assertThat(response.getContentEncoding()).isEqualTo("gzip");
            assertThat(response.getHeaders().getFirstHeaderStringValue("Content-Encoding")).isEqualTo("gzip");
            assertThat(response.parseAs(ListMessagesResponse.class).getMessages()).hasSize(50);
        } finally {
            response.disconnect();
        }
    }

    @Test
    void gzipIsForClientsThatAcceptItAndSayGzipInTheirUserAgent() throws IOException {
        HttpResponse<byte[]> compressed = get("/gmail/v1/users/me/labels", "gzip", "my-app (gzip)");
        HttpResponse<byte[]> noUserAgentWord = get("/gmail/v1/users/me/labels", "gzip", "my-app");
        HttpResponse<byte[]> notAccepted = get("/gmail/v1/users/me/labels", "identity", "my-app (gzip)");

        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(compressed.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzipped).startsWith("{\"labels\":[");
        assertThat(noUserAgentWord.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(noUserAgentWord.body(), StandardCharsets.UTF_8)).isEqualTo(unzipped);
        assertThat(notAccepted.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void aBatchAnswerIsGzippedForTheJavaClient() throws Exception {
        List<Integer> codes = new ArrayList<>();
        BatchRequest batch = gmail.batch();
        for (String id : ids) {
            gmail.users().messages().get("me", id).setFormat("minimal").queue(batch, new JsonBatchCallback<Message>() {
                @Override public void onSuccess(Message m, HttpHeaders headers) {
                    codes.add(200);
                }

                @Override public void onFailure(GoogleJsonError e, HttpHeaders headers) {
                    codes.add(e.getCode());
                }
            });
        }
        String body = "--b\r\nContent-Type: application/http\r\n\r\nGET /gmail/v1/users/me/profile\r\n\r\n--b--\r\n";

        batch.execute();
        HttpResponse<byte[]> raw = h.http.send(HttpRequest.newBuilder(URI.create(h.url("/batch"))).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/mixed; boundary=b").header("Accept-Encoding", "gzip")
                        .header("User-Agent", "x (gzip)").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(codes).hasSize(ids.size()).containsOnly(200);
        assertThat(raw.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }

    private static HttpResponse<byte[]> get(String path, String acceptEncoding, String userAgent) {
        try {
            return h.http.send(HttpRequest.newBuilder(URI.create(h.url(path))).header("Authorization", "Bearer " + token)
                    .header("Accept-Encoding", acceptEncoding).header("User-Agent", userAgent).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            java.lang.Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
