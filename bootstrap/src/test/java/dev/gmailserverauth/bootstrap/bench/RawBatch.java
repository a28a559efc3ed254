package dev.gmailserverauth.bootstrap.bench;

import dev.gmailserverauth.domain.model.MessageId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * A Gmail batch of metadata gets, written and read as plain text with the JDK's HttpClient: the floor
 * that the sandbox and the wire alone cost, to compare Google's client library against. Benchmark only;
 * the application itself uses Google's {@code BatchRequest}.
 */
final class RawBatch {
    private static final String BOUNDARY = "benchmark_boundary";

    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpRequest request;

    RawBatch(URI sandbox, String accessToken, List<MessageId> ids) {
        StringBuilder body = new StringBuilder();
        for (MessageId id : ids) {
            body.append("--").append(BOUNDARY).append("\r\nContent-Type: application/http\r\nContent-ID: <").append(id.value()).append(">\r\n\r\n")
                    .append("GET /gmail/v1/users/me/messages/").append(id.value())
                    .append("?format=metadata&metadataHeaders=Subject&metadataHeaders=From&metadataHeaders=Date\r\n")
                    .append("Authorization: Bearer ").append(accessToken).append("\r\n\r\n");
        }
        body.append("--").append(BOUNDARY).append("--\r\n");
        this.request = HttpRequest.newBuilder(URI.create(sandbox + "/batch/gmail/v1"))
                .header("Content-Type", "multipart/mixed; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    void send() {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException("raw batch answered " + response.statusCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
