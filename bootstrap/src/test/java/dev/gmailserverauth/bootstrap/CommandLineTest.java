package dev.gmailserverauth.bootstrap;

import static dev.gmailserverauth.domain.fake.Fixtures.credential;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.LinkedAccount;
import dev.gmailserverauth.domain.model.PersonId;
import dev.gmailserverauth.domain.model.StoredCredential;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.PersistenceConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line against a real SQLite file, run as an operator would: arguments, environment, exit code, output. */
class CommandLineTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path folder;
    private Map<String, String> env;

    @BeforeEach
    void environment() {
        env = Map.of("APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"), "APP_PORT", "0");
    }

    @Test
    void everyCommandHasHelpAndExitsZeroWithIt() {
        List<String[]> commands = new ArrayList<>();
        collect(CommandLineApp.build(new CommandContext(env, java.time.Clock.systemUTC()), false), new ArrayList<>(), commands);
        assertThat(commands).extracting(c -> String.join(" ", c)).contains("--help", "users list --help", "keys rotate --help", "db migrate --help", "serve --help");
        for (String[] command : commands) {
            CommandRun run = CommandRun.of(env, command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).as(String.join(" ", command)).contains("Usage:");
        }
    }

    @Test
    void aWrongCommandOrOptionIsUsageExitCode2OnOneLine() {
        CommandRun unknown = CommandRun.of(env, "users", "lst");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).doesNotContain("\n").startsWith("error: ");
        assertThat(CommandRun.of(env, "keys", "generate").exitCode()).as("--out is required").isEqualTo(2);
        assertThat(CommandRun.of(env, "users").exitCode()).as("a group alone").isEqualTo(2);
    }

    @Test
    void aBadVariableIsConfigurationExitCode2NamingIt() {
        CommandRun run = CommandRun.of(Map.of("APP_ENCRYPTION_KEY", "AAAA", "APP_DATABASE_URL", env.get("APP_DATABASE_URL")), "users", "list");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("invalid configuration: APP_ENCRYPTION_KEY: must be 32 bytes (AES-256) in base64, this one has 3");
    }

    @Test
    void dbMigrateCreatesTheSchemaAndDbInfoShowsItCurrent() {
        CommandRun before = CommandRun.of(env, "db", "info");
        assertThat(before.exitCode()).isEqualTo(2);
        assertThat(before.err()).contains("no database");
        assertThat(CommandRun.of(env, "users", "list").exitCode()).isEqualTo(2);

        CommandRun migrate = CommandRun.of(env, "db", "migrate");
        assertThat(migrate.exitCode()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("applied").contains("1 credentials pending authorizations sessions").contains("4 key canary");

        CommandRun info = CommandRun.of(env, "db", "info");
        assertThat(info.exitCode()).isZero();
        assertThat(info.out()).contains("state:          current").containsPattern("4\\s+key canary\\s+applied");
        assertThat(CommandRun.of(env, "db", "migrate").out()).startsWith("nothing to migrate");
    }

    @Test
    void dbCommandsRefuseASchemaNewerThanTheApplicationKnows() throws Exception {
        CommandRun.of(env, "db", "migrate");
        try (var connection = java.sql.DriverManager.getConnection(env.get("APP_DATABASE_URL"));
             var statement = connection.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by,"
                    + " execution_time, success) VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 1, 1)");
        }
        assertThat(CommandRun.of(env, "db", "info").out()).contains("NEWER than this application").containsPattern("99\\s+from the future\\s+newer unknown");
        CommandRun migrate = CommandRun.of(env, "db", "migrate");
        assertThat(migrate.exitCode()).isEqualTo(2);
        assertThat(migrate.err().strip()).doesNotContain("\n").contains("newer than this application knows");
        CommandRun users = CommandRun.of(env, "users", "list");
        assertThat(users.exitCode()).isEqualTo(1);
        assertThat(users.err()).contains("newer than this application knows");
    }

    @Test
    void usersListShowsEveryStoredCredentialAndNoToken() {
        StoredCredential alice = credential("104", NOW);
        try (Database persistence = Database.open(PersistenceConfig.of(env.get("APP_DATABASE_URL")))) {
            persistence.credentials().save(alice);
            StoredCredential limited = credential("105", NOW);
            persistence.credentials().save(new StoredCredential(limited.userId(), limited.email(), limited.refreshToken(), limited.accessToken(),
                    limited.grantedScopes(), limited.createdAt(), limited.updatedAt(), Optional.of(NOW.plusSeconds(3600))));
        }

        CommandRun run = CommandRun.of(env, "users", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out().lines().filter(line -> line.contains("105@example.com")).findFirst().orElseThrow())
                .as("a time-limited grant shows its end, here passed").contains("2026-11-25T11:00:00Z", "time-limited access ended");
        assertThat(run.out().lines().findFirst().orElseThrow()).contains("USER ID", "EMAIL", "SCOPES", "CONNECTED", "LAST REFRESH", "ACCESS ENDS", "STATE");
        assertThat(run.out()).contains("104", alice.email().value(), "gmail.readonly", "2026-11-25T10:00:00Z", "offline access");
        assertThat(run.all()).doesNotContain(alice.refreshToken().value());
        alice.accessToken().ifPresent(token -> assertThat(run.all()).doesNotContain(token.token().value()));
    }

    @Test
    void usersListShowsEachPersonWithTheirAccountsAndDisconnectNamesOneAccountOrOnePerson() {
        PersonId person = new PersonId("person-of-alice");
        try (Database persistence = Database.open(PersistenceConfig.of(env.get("APP_DATABASE_URL")))) {
            for (String id : List.of("201", "202")) {
                StoredCredential stored = credential(id, NOW);
                persistence.credentials().save(stored);
                persistence.linkedAccounts().link(new LinkedAccount(stored.userId(), stored.email(), person, NOW));
            }
            persistence.linkedAccounts().link(new LinkedAccount(new UserId("203"), new EmailAddress("203@example.com"), person, NOW));
        }

        CommandRun run = CommandRun.of(env, "users", "list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).startsWith("PERSON");
        assertThat(run.out().lines().filter(line -> line.startsWith(person.value()))).hasSize(3);
        assertThat(run.out().lines().filter(line -> line.contains("203@example.com")).findFirst().orElseThrow())
                .as("a linked account whose grant ended").contains("needs reconnecting");

        assertThat(CommandRun.of(env, "users", "disconnect").exitCode()).isEqualTo(1);
        assertThat(CommandRun.of(env, "users", "disconnect", "201", "--person", person.value()).exitCode()).isEqualTo(1);
        CommandRun nobody = CommandRun.of(env, "users", "disconnect", "--person", "nobody");
        assertThat(nobody.exitCode()).isEqualTo(1);
        assertThat(nobody.err()).contains("no person nobody");
    }

    @Test
    void keysRotateWithTheKeyFileMovesEveryRowToANewKeyAndSaysSo() throws Exception {
        try (Database persistence = Database.open(PersistenceConfig.of(env.get("APP_DATABASE_URL")))) {
            for (int i = 0; i < 3; i++) persistence.credentials().save(credential("user" + i, NOW));
        }
        Path keyFile = folder.resolve("app.db.key");
        String oldKeyFile = Files.readString(keyFile);
        CommandRun before = CommandRun.of(env, "keys", "status");
        assertThat(before.out()).contains("key source:     the key file").contains("status: every sealed row is under the current key");

        CommandRun rotate = CommandRun.of(env, "keys", "rotate");

        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(rotate.out()).contains("rotated to key").contains("re-encrypted 3 credentials").contains("Nothing to configure");
        String newKeyFile = Files.readString(keyFile);
        assertThat(newKeyFile).isNotEqualTo(oldKeyFile);
        String newKey = newKeyFile.lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        assertThat(rotate.all()).doesNotContain(newKey);
        CommandRun after = CommandRun.of(env, "keys", "status");
        assertThat(after.out()).contains("status: every sealed row is under the current key");
        assertThat(after.out().lines().filter(l -> l.startsWith("readable keys:")).findFirst().orElseThrow()).doesNotContain(",");
        assertThat(CommandRun.of(env, "users", "list").out()).contains("user2");
    }

    @Test
    void keysGenerateWritesAnOwnerOnlyKeyFileAndPrintsTheRollOutButNeverTheKey() throws Exception {
        String current = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        Map<String, String> configured = Map.of("APP_DATABASE_URL", env.get("APP_DATABASE_URL"), "APP_ENCRYPTION_KEY", current);
        Path out = folder.resolve("new.key");

        CommandRun run = CommandRun.of(configured, "keys", "generate", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String key = Files.readString(out).strip();
        assertThat(java.util.Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(run.all()).doesNotContain(key).doesNotContain(current);
        assertThat(run.out()).contains("1. every instance: APP_ENCRYPTION_KEY=<your current key", "4. every instance: APP_ENCRYPTION_KEY=<the key in");
        CommandRun again = CommandRun.of(configured, "keys", "generate", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("never overwritten");
        assertThat(Files.readString(out).strip()).isEqualTo(key);
    }

    private static void collect(CommandLine command, List<String> path, List<String[]> into) {
        List<String> help = new ArrayList<>(path);
        help.add("--help");
        into.add(help.toArray(String[]::new));
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) return;
            List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            collect(sub, deeper, into);
        });
    }
}
