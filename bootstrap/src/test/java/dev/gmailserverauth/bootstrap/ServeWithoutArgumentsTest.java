package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar run with no arguments serves without building picocli's model of the command line (a start-up
 * cost, see docs/decisions/0041), and a bad configuration is still reported exactly as {@code serve} reports it.
 * What the first request does not need stays unloaded until the server has started (docs/decisions/0046): no TLS
 * context, no JDK HTTP client, no zip file system over the jar, no security event verifier.
 */
class ServeWithoutArgumentsTest {
    @TempDir
    Path folder;

    @Test
    @Timeout(120)
    void noArgumentsServesWithoutLoadingAPicocliClass() throws Exception {
        Path classes = folder.resolve("classes.txt");
        Process main = startMain(Map.of("APP_PORT", "0", "APP_MANAGEMENT_PORT", "0", "APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db")),
                classes, ProcessBuilder.Redirect.PIPE, ProcessBuilder.Redirect.DISCARD);
        try (BufferedReader log = new BufferedReader(new InputStreamReader(main.getInputStream(), StandardCharsets.UTF_8))) {
            // The banner is logged once the server listens; the log ends (null) if the process exits first.
            assertThat(log.lines().filter(line -> line.contains("is running in SANDBOX MODE")).findFirst()).as("the server's banner").isPresent();
            main.destroy();
            assertThat(main.waitFor(30, TimeUnit.SECONDS)).as("the server stopped on SIGTERM").isTrue();
        } finally {
            main.destroyForcibly();
        }
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("the class-load log").anyMatch(line -> line.contains(" " + GmailServerAuth.class.getName() + " "));
        assertThat(loaded).noneMatch(line -> line.contains(" picocli."));
        assertThat(loaded).as("loaded lazily").noneMatch(line -> line.contains(" sun.security.ssl.SSLContextImpl")
                || line.contains(" jdk.internal.net.http.HttpClientImpl ") || line.contains(" jdk.nio.zipfs.")
                || line.contains(" dev.gmailserverauth.google.risc.GoogleSecurityEventVerifier "));
    }

    @Test
    void noArgumentsAndABadVariableIsReportedAsServeReportsIt() throws Exception {
        Map<String, String> env = Map.of("APP_ENCRYPTION_KEY", "AAAA", "APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"));
        Path err = folder.resolve("err.txt");
        Process main = startMain(env, folder.resolve("classes.txt"), ProcessBuilder.Redirect.DISCARD, ProcessBuilder.Redirect.to(err.toFile()));
        assertThat(main.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();

        CommandRun serve = CommandRun.of(env, "serve");
        assertThat(main.exitValue()).isEqualTo(serve.exitCode()).isEqualTo(CommandLineApp.USAGE);
        assertThat(Files.readString(err).strip()).isEqualTo(serve.err().strip())
                .isEqualTo("invalid configuration: APP_ENCRYPTION_KEY: must be 32 bytes (AES-256) in base64, this one has 3");
    }

    private static Process startMain(Map<String, String> env, Path classes, ProcessBuilder.Redirect out, ProcessBuilder.Redirect err) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path"), Main.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(out)
                .redirectError(err);
        builder.environment().keySet().removeIf(k -> k.startsWith("APP_") || k.startsWith("GMAIL_") || k.startsWith("GOOGLE_"));
        builder.environment().putAll(env);
        return builder.start();
    }
}
