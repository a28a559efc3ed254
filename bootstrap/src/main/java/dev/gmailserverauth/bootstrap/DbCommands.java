package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.persistence.DatabaseSchema;
import dev.gmailserverauth.persistence.PersistenceConfig;
import dev.gmailserverauth.persistence.SchemaStatus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code db info} and {@code db migrate}. */
final class DbCommands {
    private DbCommands() {
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "The database, its schema version and every migration; changes nothing.")
    static final class Info implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;

        Info(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PersistenceConfig config = context.persistenceConfig();
            SchemaStatus schema = DatabaseSchema.inspect(config);
            PrintWriter out = spec.commandLine().getOut();
            out.println("database:       " + config.redactedJdbcUrl());
            out.println("schema version: " + schema.current().orElse("none") + " (this application knows up to " + schema.latestKnown() + ")");
            out.println("state:          " + verdict(schema));
            out.println();
            TextTable table = new TextTable("VERSION", "DESCRIPTION", "STATE", "INSTALLED");
            schema.migrations().forEach(m -> table.row(m.version(), m.description(), m.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    m.installedOn().map(UsersCommands::time).orElse("-")));
            table.print(out);
            return CommandLineApp.OK;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = {
            "Applies the pending migrations (Flyway), as the server does at start. Refuses a schema newer than this",
            "application knows: run the newer application instead."})
    static final class Migrate implements Callable<Integer> {
        private final CommandContext context;
        @Spec
        CommandSpec spec;

        Migrate(CommandContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PersistenceConfig config = context.persistenceConfig();
            Optional<List<SchemaStatus.Migration>> before = pendingBefore(config);
            SchemaStatus after = DatabaseSchema.migrate(config);
            List<SchemaStatus.Migration> pending = before.orElse(after.in(SchemaStatus.State.APPLIED));
            PrintWriter out = spec.commandLine().getOut();
            if (pending.isEmpty()) {
                out.println("nothing to migrate: the schema of " + config.redactedJdbcUrl() + " is at version " + after.current().orElse("none"));
            } else {
                out.println("applied " + pending.size() + " migration(s): " + String.join(", ", pending.stream().map(m -> m.version() + " " + m.description()).toList()));
                out.println("the schema of " + config.redactedJdbcUrl() + " is at version " + after.current().orElse("none"));
            }
            out.flush();
            return CommandLineApp.OK;
        }

        /** The pending migrations; empty when there is no SQLite file yet (migrate creates it and applies them all). */
        private static Optional<List<SchemaStatus.Migration>> pendingBefore(PersistenceConfig config) {
            if (config.jdbcUrl().startsWith("jdbc:sqlite:") && !Files.exists(Path.of(config.jdbcUrl().substring("jdbc:sqlite:".length()).split("\\?")[0]))) {
                return Optional.empty();
            }
            return Optional.of(DatabaseSchema.inspect(config).in(SchemaStatus.State.PENDING));
        }
    }

    private static String verdict(SchemaStatus schema) {
        if (!schema.in(SchemaStatus.State.NEWER_UNKNOWN).isEmpty()) return "NEWER than this application: run the newer application";
        if (!schema.in(SchemaStatus.State.FAILED).isEmpty()) return "a migration FAILED: see the table";
        if (!schema.in(SchemaStatus.State.PENDING).isEmpty()) return schema.in(SchemaStatus.State.PENDING).size() + " migration(s) pending: run db migrate";
        return "current";
    }
}
