package dev.gmailserverauth.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.http.HttpHeaders;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.Message;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BatchTest {
    @RegisterExtension
    static final SandboxHarness h = SandboxHarness.start();
    private static String token;
    private static Gmail gmail;
    private static List<String> ids;

    @BeforeAll
    static void start() throws IOException {
        SandboxHarness.SignedIn alice = h.signInFirstDemoAccount(50L);
        token = alice.token();
        gmail = alice.gmail();
        ids = alice.ids();
    }

    @BeforeEach
    void reset() {
        h.sandbox.control().resetCounters();
        h.sandbox.control().clearFaults();
    }

    @Test
    void javaClientBatchOfFiftyGetsIsAnsweredInOrderInOneRoundTrip() throws IOException {
        assertThat(gmail.batch().getBatchUrl().build()).isEqualTo(h.sandbox.baseUrl() + "/batch");
        Map<String, Message> answers = new ConcurrentHashMap<>();
        List<String> order = new ArrayList<>();
        BatchRequest batch = gmail.batch();
        for (String id : ids) {
            gmail.users().messages().get("me", id).setFormat("metadata").setMetadataHeaders(List.of("From", "Subject", "Date"))
                    .queue(batch, new JsonBatchCallback<Message>() {
                        @Override public void onSuccess(Message m, HttpHeaders headers) {
                            answers.put(m.getId(), m);
                            order.add(m.getId());
                        }

                        @Override public void onFailure(GoogleJsonError e, HttpHeaders headers) {
                            throw new AssertionError("part failed: " + e.getMessage());
                        }
                    });
        }

        batch.execute();

        assertThat(order).containsExactlyElementsOf(ids);
        assertThat(answers.values()).allSatisfy(m -> assertThat(m.getPayload().getHeaders()).hasSize(3));
        Counters c = h.sandbox.control().counters();
        assertThat(c.roundTrips(Endpoint.BATCH)).isEqualTo(1);
        assertThat(c.totalRoundTrips()).isEqualTo(1);
        assertThat(c.batchParts()).isEqualTo(50);
        assertThat(c.calls(Endpoint.MESSAGES_GET)).isEqualTo(50);
        assertThat(c.roundTrips(Endpoint.MESSAGES_GET)).isZero();
    }

    @Test
    void failedPartsFailAloneWithTheirGoogleError() throws IOException {
        List<Integer> failures = new ArrayList<>();
        List<String> successes = new ArrayList<>();
        BatchRequest batch = gmail.batch();
        for (String id : List.of(ids.get(0), "0000000000000bad", ids.get(1))) {
            gmail.users().messages().get("me", id).setFormat("minimal").queue(batch, new JsonBatchCallback<Message>() {
                @Override public void onSuccess(Message m, HttpHeaders headers) {
                    successes.add(m.getId());
                }

                @Override public void onFailure(GoogleJsonError e, HttpHeaders headers) {
                    failures.add(e.getCode());
                    assertThat(e.getErrors().get(0).getReason()).isEqualTo("notFound");
                }
            });
        }

        batch.execute();

        assertThat(successes).containsExactly(ids.get(0), ids.get(1));
        assertThat(failures).containsExactly(404);
    }

    @Test
    void documentedRequestFormatWithPathOnlyLinesAndOuterAuthorizationWorks() {
        String body = "--batch_b7f3\r\nContent-Type: application/http\r\nContent-ID: <item1:alice@example.com>\r\n\r\n"
                + "GET /gmail/v1/users/me/messages/" + ids.get(0) + "?format=metadata&metadataHeaders=Subject\r\n\r\n"
                + "--batch_b7f3\r\nContent-Type: application/http\r\nContent-ID: <item2:alice@example.com>\r\n\r\n"
                + "GET /gmail/v1/users/me/messages/0000000000000bad?format=minimal\r\n\r\n"
                + "--batch_b7f3--\r\n";

        HttpResponse<String> response = h.send(HttpRequest.newBuilder(URI.create(h.url("/batch/gmail/v1")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/mixed; boundary=batch_b7f3")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        String boundary = response.headers().firstValue("Content-Type").orElseThrow().replaceAll(".*boundary=", "");
        assertThat(response.body()).startsWith("--" + boundary + "\r\n").endsWith("--" + boundary + "--\r\n")
                .contains("Content-ID: <response-item1:alice@example.com>")
                .contains("Content-ID: <response-item2:alice@example.com>")
                .contains("HTTP/1.1 200 OK").contains("HTTP/1.1 404 Not Found")
                .contains("{\"name\":\"Subject\"");
        assertThat(response.body().indexOf("response-item1")).isLessThan(response.body().indexOf("response-item2"));
    }

    @Test
    void partsWithoutAnyTokenGet401WithTheRefreshChallenge() {
        String body = "--b\r\nContent-Type: application/http\r\n\r\nGET /gmail/v1/users/me/profile HTTP/1.1\r\n\r\n--b--\r\n";

        HttpResponse<String> response = h.send(HttpRequest.newBuilder(URI.create(h.url("/batch")))
                .header("Content-Type", "multipart/mixed; boundary=b").POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("HTTP/1.1 401 Unauthorized")
                .contains("WWW-Authenticate: Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
    }

    @Test
    void moreThanOneHundredPartsIsRejected() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            body.append("--b\r\nContent-Type: application/http\r\n\r\nGET /gmail/v1/users/me/profile HTTP/1.1\r\n\r\n");
        }
        body.append("--b--\r\n");

        HttpResponse<String> response = h.send(HttpRequest.newBuilder(URI.create(h.url("/batch")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/mixed; boundary=b").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"status\":\"INVALID_ARGUMENT\"");
    }

    @Test
    void notMultipartIsRejected() {
        HttpResponse<String> response = h.send(HttpRequest.newBuilder(URI.create(h.url("/batch")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void faultOnAnEndpointHitsTheBatchPartThatCallsIt() throws IOException {
        h.sandbox.control().injectFault(Endpoint.MESSAGES_GET, 1, Fault.rateLimited(java.time.Duration.ofSeconds(3)));
        List<Integer> codes = new ArrayList<>();
        BatchRequest batch = gmail.batch();
        for (String id : ids.subList(0, 3)) {
            gmail.users().messages().get("me", id).setFormat("minimal").queue(batch, new JsonBatchCallback<Message>() {
                @Override public void onSuccess(Message m, HttpHeaders headers) {
                    codes.add(200);
                }

                @Override public void onFailure(GoogleJsonError e, HttpHeaders headers) {
                    codes.add(e.getCode());
                }
            });
        }

        batch.execute();

        assertThat(codes).containsExactly(429, 200, 200);
    }
}
