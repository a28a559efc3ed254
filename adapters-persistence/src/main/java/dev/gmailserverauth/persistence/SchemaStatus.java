package dev.gmailserverauth.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The database's schema as Flyway sees it.
 *
 * @param current      the version the database is at; empty for an empty database
 * @param latestKnown  the newest version this application ships
 * @param migrations   every migration, applied or not, oldest first
 */
public record SchemaStatus(Optional<String> current, String latestKnown, List<Migration> migrations) {

    /** One migration and where it stands in this database. */
    public record Migration(String version, String description, State state, Optional<Instant> installedOn) {
        public Migration {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(installedOn, "installedOn");
        }
    }

    public enum State {
        APPLIED,
        PENDING,
        /** Applied by a newer version of the application: this one does not know it. */
        NEWER_UNKNOWN,
        FAILED
    }

    public SchemaStatus {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(latestKnown, "latestKnown");
        migrations = List.copyOf(migrations);
    }

    public List<Migration> in(State state) {
        return migrations.stream().filter(m -> m.state() == state).toList();
    }

    /** The schema is the one this application expects: nothing pending, nothing newer, nothing failed. */
    public boolean isCurrent() {
        return in(State.PENDING).isEmpty() && in(State.NEWER_UNKNOWN).isEmpty() && in(State.FAILED).isEmpty();
    }
}
