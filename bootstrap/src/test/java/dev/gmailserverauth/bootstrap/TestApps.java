package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.sandbox.GoogleSandbox;
import dev.gmailserverauth.sandbox.SandboxClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts the whole application the way {@code ./run} does, for tests and benchmarks. */
public final class TestApps {
    /** Tests and benchmarks play many people from one loopback address: the per-address sign-in bound is raised for them. */
    private static final String MANY_PEOPLE_ON_LOOPBACK = "100000";

    private TestApps() {
    }

    /** Sandbox mode, SQLite in a new temp folder, any free port; {@code extra} variables override. */
    public static GmailServerAuth startSandboxApp(Map<String, String> extra) {
        return startSandboxApp(extra, Clock.systemUTC());
    }

    /** The same with the application's clock (the sandbox keeps its own: move both to move time). */
    public static GmailServerAuth startSandboxApp(Map<String, String> extra, Clock clock) {
        try {
            Path folder = Files.createTempDirectory("gmail-server-auth-test");
            Map<String, String> env = new HashMap<>();
            env.put("APP_PORT", "0");
            env.put("APP_MANAGEMENT_PORT", "0");
            env.put("APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"));
            env.put("APP_SIGNINS_PER_CLIENT", MANY_PEOPLE_ON_LOOPBACK);
            // The background sync reads Gmail on its own schedule; tests of other things count Google's calls and
            // revoke grants under their own control, so they run without it. Tests of the sync turn it on.
            env.put("APP_SYNC", "off");
            env.putAll(extra);
            return GmailServerAuth.start(AppConfig.fromEnvironment(env), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GmailServerAuth startSandboxApp() {
        return startSandboxApp(Map.of());
    }

    /**
     * The variables of an instance that talks to an already running sandbox as if it were Google:
     * client secrets from a file, every endpoint pointed at the sandbox.
     */
    public static Map<String, String> againstSandbox(GoogleSandbox sandbox, Path secrets, int port, String databaseUrl, String key) {
        String root = sandbox.baseUrl() + "/";
        Map<String, String> env = new HashMap<>();
        env.put("GMAIL_CLIENT_SECRETS", secrets.toString());
        env.put("APP_PORT", String.valueOf(port));
        env.put("APP_MANAGEMENT_PORT", "0");
        env.put("APP_DATABASE_URL", databaseUrl);
        env.put("APP_ENCRYPTION_KEY", key);
        env.put("APP_SIGNINS_PER_CLIENT", MANY_PEOPLE_ON_LOOPBACK);
        env.put("APP_SYNC", "off");
        env.put("GOOGLE_API_ROOT_URL", root);
        env.put("GOOGLE_USERINFO_ROOT_URL", root);
        env.put("GOOGLE_REVOKE_URL", root + "revoke");
        // The sandbox names itself in iss (RFC 9207) and in its security event tokens, as Google does.
        env.put("GOOGLE_ISSUER", sandbox.control().issuer());
        env.put("GOOGLE_RISC_ISSUER", sandbox.control().riscIssuer());
        return env;
    }

    /** A client_secrets.json ("web" client) for the sandbox's default client. */
    public static Path clientSecretsFor(URI sandbox, List<String> redirectUris) {
        try {
            Path file = Files.createTempFile("client_secrets", ".json");
            String uris = String.join("\", \"", redirectUris);
            Files.writeString(file, """
                    {"web": {"client_id": "%s", "client_secret": "%s", "project_id": "sandbox",
                      "auth_uri": "%s/o/oauth2/v2/auth", "token_uri": "%s/token", "redirect_uris": ["%s"]}}
                    """.formatted(SandboxClient.DEFAULT_ID, SandboxClient.DEFAULT_SECRET, sandbox, sandbox, uris));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
