package dev.gmailserverauth.persistence.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The folder holding PostgreSQL's server programs ({@code initdb}, {@code pg_ctl}, {@code postgres}). */
public record PostgresBinaries(Path folder) {
    /** The version tests are written for; another version found is used when 15 is not there. */
    static final String PREFERRED_VERSION = "15";
    static final String NOT_FOUND = "PostgreSQL server binaries (initdb, pg_ctl, postgres) were found neither on PATH nor under"
            + " /usr/lib/postgresql/*/bin; install them (Debian: apt-get install postgresql-15)";

    public Path initdb() {
        return folder.resolve("initdb");
    }

    public Path pgCtl() {
        return folder.resolve("pg_ctl");
    }

    /** The first complete set of binaries: version 15 first, then PATH, then the newest under /usr/lib/postgresql. */
    public static Optional<PostgresBinaries> find() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) realFolderOf(Path.of(entry).resolve("initdb")).ifPresent(candidates::add);
        }
        Path installed = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(installed)) {
            try (Stream<Path> versions = Files.list(installed)) {
                versions.sorted(Comparator.comparing(PostgresBinaries::majorVersion).reversed())
                        .map(version -> version.resolve("bin"))
                        .forEach(candidates::add);
            } catch (IOException e) {
                // Nothing usable there.
            }
        }
        List<PostgresBinaries> complete = candidates.stream().distinct().map(PostgresBinaries::new).filter(PostgresBinaries::isComplete).toList();
        return complete.stream().filter(b -> b.folder.toString().contains("/" + PREFERRED_VERSION + "/")).findFirst()
                .or(() -> complete.stream().findFirst());
    }

    private boolean isComplete() {
        return Stream.of("initdb", "pg_ctl", "postgres").map(folder::resolve).allMatch(Files::isExecutable);
    }

    private static Optional<Path> realFolderOf(Path program) {
        try {
            return Files.isExecutable(program) ? Optional.of(program.toRealPath().getParent()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path folder) {
        try {
            return Integer.parseInt(folder.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
