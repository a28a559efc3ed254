package dev.gmailserverauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.UserId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL mid-stream leaves a database that opens, with every committed row readable. */
class SqliteCrashDurabilityTest {
    private static final int SAVES_BEFORE_KILL = 300;

    @TempDir
    Path folder;

    @Test
    void aWriterKilledMidStreamLeavesEveryCommittedRowReadable() throws Exception {
        Path database = folder.resolve("crash.db");
        Set<String> committed = new LinkedHashSet<>();
        Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), database.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int saves = 0;
            while ((line = out.readLine()) != null && saves < SAVES_BEFORE_KILL) {
                if (line.startsWith("saved ")) {
                    committed.add(line.substring("saved ".length()));
                    saves++;
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close, mid-write
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(committed).as("the child wrote before it was killed").isNotEmpty();

        SqliteFiles files = new SqliteFiles(database);
        try (Database reopened = Database.open(PersistenceConfig.of(files.jdbcUrl()))) {
            assertThat(files.strings("PRAGMA integrity_check")).containsExactly("ok");
            for (String userId : committed) {
                assertThat(reopened.credentials().findByUserId(new UserId(userId))).as(userId).isPresent();
            }
            List<String> everyRow = files.strings("SELECT user_id FROM credentials");
            assertThat(everyRow).containsAll(committed);
            for (String userId : everyRow) {
                // Decrypts every token of the row, or throws: a half-written row would fail here.
                assertThat(reopened.credentials().findByUserId(new UserId(userId))).isPresent();
            }
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
