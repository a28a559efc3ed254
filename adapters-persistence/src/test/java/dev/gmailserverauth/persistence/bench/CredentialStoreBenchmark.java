package dev.gmailserverauth.persistence.bench;

import dev.gmailserverauth.domain.fake.Fixtures;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.PersistenceConfig;
import dev.gmailserverauth.persistence.crypto.EncryptionKey;
import dev.gmailserverauth.persistence.testing.PostgresBinaries;
import dev.gmailserverauth.persistence.testing.PostgresProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Credential read and write latency, p50/p99 over 10,000 operations each, single-threaded, against a
 * SQLite file (WAL, synchronous=FULL) and a local PostgreSQL 15 with fsync on. Encryption included.
 * A measurement to print, not a test: see this module's README for the command.
 */
public final class CredentialStoreBenchmark {
    private static final int OPERATIONS = 10_000;
    private static final int WARM_UP = 1_000;
    private static final int USERS = 1_000;

    private CredentialStoreBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        System.out.printf(Locale.ROOT, "credential store latency, %,d operations each, %d users, single thread%n", OPERATIONS, USERS);
        Path folder = Files.createTempDirectory("credential-bench");
        try {
            measure("sqlite", PersistenceConfig.of("jdbc:sqlite:" + folder.resolve("bench.db")));
        } finally {
            deleteRecursively(folder);
        }
        PostgresBinaries binaries = PostgresBinaries.find().orElse(null);
        if (binaries == null) {
            System.out.println("postgresql: skipped, no PostgreSQL binaries found");
            return;
        }
        try (PostgresProcess server = PostgresProcess.start(binaries, true)) {
            String url = server.createDatabase("bench");
            measure("postgresql", PersistenceConfig.of(url).withEncryptionKey(EncryptionKey.generate().toBase64()));
        }
    }

    private static void measure(String name, PersistenceConfig config) {
        try (Database persistence = Database.open(config)) {
            CredentialRepository credentials = persistence.credentials();
            List<StoredCredential> saved = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < USERS; i++) saved.add(Fixtures.credential("bench-user-" + i, now));
            for (int i = 0; i < WARM_UP; i++) {
                credentials.save(saved.get(i % USERS));
                credentials.findByUserId(saved.get(i % USERS).userId());
            }
            long[] writes = new long[OPERATIONS];
            for (int i = 0; i < OPERATIONS; i++) {
                StoredCredential credential = saved.get(i % USERS);
                long start = System.nanoTime();
                credentials.save(credential);
                writes[i] = System.nanoTime() - start;
            }
            long[] reads = new long[OPERATIONS];
            for (int i = 0; i < OPERATIONS; i++) {
                UserId user = saved.get((i * 7) % USERS).userId();
                long start = System.nanoTime();
                if (credentials.findByUserId(user).isEmpty()) throw new IllegalStateException("lost " + user);
                reads[i] = System.nanoTime() - start;
            }
            report(name, "write", writes);
            report(name, "read", reads);
        }
    }

    private static void report(String store, String operation, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-10s %-5s p50 %8.3f ms   p99 %8.3f ms   max %8.3f ms%n", store, operation,
                millis(percentile(sorted, 50)), millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
