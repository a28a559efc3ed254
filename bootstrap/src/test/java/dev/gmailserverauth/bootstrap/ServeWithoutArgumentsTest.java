package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar run with no arguments serves without building picocli's model of the command line (a start-up
 * cost, see docs/decisions/0041), yet answers a bad configuration exactly as {@code serve} through picocli does.
 */
class ServeWithoutArgumentsTest {
    @TempDir
    Path folder;

    @Test
    void noArgumentsLoadsNoPicocliClassAndFailsABadVariableAsServeDoes() throws Exception {
        Map<String, String> env = Map.of("APP_ENCRYPTION_KEY", "AAAA", "APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"));
        Path classes = folder.resolve("classes.txt");
        Path err = folder.resolve("err.txt");
        Process main = startMain(env, classes, err);
        assertThat(main.waitFor(60, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();

        CommandRun serve = CommandRun.of(env, "serve");
        assertThat(main.exitValue()).isEqualTo(serve.exitCode()).isEqualTo(CommandLineApp.USAGE);
        assertThat(Files.readString(err).strip()).isEqualTo(serve.err().strip())
                .isEqualTo("invalid configuration: APP_ENCRYPTION_KEY: must be 32 bytes (AES-256) in base64, this one has 3");
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("the class-load log").anyMatch(line -> line.contains(CommandLineApp.class.getName() + " "));
        assertThat(loaded).noneMatch(line -> line.contains(" picocli."));
    }

    private static Process startMain(Map<String, String> env, Path classes, Path err) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xlog:class+load=info:file=" + classes, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("APP_") || k.startsWith("GMAIL_") || k.startsWith("GOOGLE_"));
        builder.environment().putAll(env);
        return builder.start();
    }
}
