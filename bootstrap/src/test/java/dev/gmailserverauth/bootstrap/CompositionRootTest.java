package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the composition root binds its port and what its {@code google} readiness check looks at. */
class CompositionRootTest {
    private static final String BASE_URL = "http://app.test";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theGoogleCheckGoesDownWhenTheClientSecretsFileIsGoneOrNamesAnotherClientAndUpWhenItIsBack(@TempDir Path folder) throws Exception {
        Path secrets = TestApps.clientSecretsFor(URI.create("http://127.0.0.1:9"), List.of(BASE_URL + "/oauth2/callback"));
        String original = Files.readString(secrets);
        try (GoogleSandbox sandbox = GoogleSandbox.start(SandboxConfig.defaults(List.of(BASE_URL + "/oauth2/callback")));
             GmailServerAuth app = GmailServerAuth.start(AppConfig.fromEnvironment(realModeAgainst(sandbox, secrets, folder)))) {
            URI ready = URI.create("http://127.0.0.1:" + app.port() + "/health/ready");
            assertThat(get(ready).body()).contains("\"google\":\"UP\"");

            Files.delete(secrets);
            HttpResponse<String> gone = get(ready);
            assertThat(gone.statusCode()).isEqualTo(503);
            assertThat(gone.body()).contains("\"google\":\"DOWN\"").contains("\"database\":\"UP\"");

            Files.writeString(secrets, original.replace("\"client_id\": \"", "\"client_id\": \"another-project-"));
            assertThat(get(ready).body()).as("another project's client").contains("\"google\":\"DOWN\"");

            Files.writeString(secrets, original);
            HttpResponse<String> back = get(ready);
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(back.body()).contains("\"google\":\"UP\"");
        }
    }

    @Test
    void theGoogleCheckInSandboxModeIsUpWhileTheEmbeddedSandboxListens() throws Exception {
        try (GmailServerAuth app = TestApps.startSandboxApp()) {
            HttpResponse<String> ready = get(app.baseUrl().resolve("/health/ready"));
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"google\":\"UP\"");
        }
    }

    @Test
    void thePublicPortListensOnlyOnTheConfiguredBindAddress() throws Exception {
        // All of 127.0.0.0/8 is loopback on Linux: 127.0.0.2 is an address of this host that 127.0.0.1 is not.
        try (GmailServerAuth app = TestApps.startSandboxApp(Map.of("APP_BIND_ADDRESS", "127.0.0.2"))) {
            assertThat(get(URI.create("http://127.0.0.2:" + app.port() + "/health")).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), app.port()), 2_000);
                }
            }).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void byDefaultThePublicPortListensOnEveryInterface() throws Exception {
        try (GmailServerAuth app = TestApps.startSandboxApp()) {
            assertThat(get(URI.create("http://127.0.0.1:" + app.port() + "/health")).statusCode()).isEqualTo(200);
            assertThat(get(URI.create("http://127.0.0.2:" + app.port() + "/health")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPortAlreadyTakenOrAnAddressOfAnotherHostIsAClearStartupError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> TestApps.startSandboxApp(Map.of("APP_PORT", String.valueOf(taken.getLocalPort()))))
                    .hasMessageContaining("cannot listen on 0.0.0.0:" + taken.getLocalPort());
        }
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this host.
        assertThatThrownBy(() -> TestApps.startSandboxApp(Map.of("APP_BIND_ADDRESS", "192.0.2.1")))
                .hasMessageContaining("cannot listen on 192.0.2.1:0");
    }

    private static Map<String, String> realModeAgainst(GoogleSandbox sandbox, Path secrets, Path folder) {
        Map<String, String> env = new HashMap<>(TestApps.againstSandbox(sandbox, secrets, 0, "jdbc:sqlite:" + folder.resolve("app.db"),
                java.util.Base64.getEncoder().encodeToString(new byte[32])));
        env.put("APP_BASE_URL", BASE_URL);
        return env;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
