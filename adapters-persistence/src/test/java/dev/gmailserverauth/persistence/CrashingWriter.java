package dev.gmailserverauth.persistence;

import dev.gmailserverauth.domain.fake.Fixtures;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Child JVM of {@link SqliteCrashDurabilityTest}: saves credentials to the SQLite file given as argument,
 * forever, printing {@code saved <user id>} after each save returns, until it is killed.
 */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Database persistence = Database.open(PersistenceConfig.of("jdbc:sqlite:" + args[0]));
        out.println("open");
        for (long i = 0; ; i++) {
            String userId = "user-" + (i % 500);
            persistence.credentials().save(Fixtures.credential(userId, Instant.now()));
            out.println("saved " + userId);
        }
    }
}
