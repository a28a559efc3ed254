package dev.gmailserverauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhooks commands against a real SQLite file, as an operator runs them. */
class WebhooksCommandsTest {
    private static final Pattern ADDED = Pattern.compile("added (ep_[0-9a-f]{16}) .*\\R.*(whsec_\\S+)");

    @TempDir
    Path folder;
    private Map<String, String> env;

    @BeforeEach
    void migrated() {
        env = Map.of("APP_DATABASE_URL", "jdbc:sqlite:" + folder.resolve("app.db"), "APP_PORT", "0");
        assertThat(CommandRun.of(env, "db", "migrate").exitCode()).isZero();
    }

    private String[] added(CommandRun run) {
        Matcher matcher = ADDED.matcher(run.out());
        assertThat(matcher.find()).as(run.out()).isTrue();
        return new String[] {matcher.group(1), matcher.group(2)};
    }

    @Test
    void addPrintsTheSecretOnceAndListNeverShowsIt() {
        CommandRun add = CommandRun.of(env, "webhooks", "add", "https://receiver.example/hooks", "--events", "account.connected,account.disconnected");
        assertThat(add.exitCode()).as(add.err()).isZero();
        String[] endpoint = added(add);
        CommandRun list = CommandRun.of(env, "webhooks", "list");
        assertThat(list.out()).contains(endpoint[0], "https://receiver.example/hooks", "account.connected,account.disconnected", "active");
        assertThat(list.all()).doesNotContain(endpoint[1]).doesNotContain("whsec_");
    }

    @Test
    void aPrivateOrPlainHttpReceiverIsRefusedUnlessAllowed() {
        CommandRun loopback = CommandRun.of(env, "webhooks", "add", "https://127.0.0.1/hooks");
        assertThat(loopback.exitCode()).isEqualTo(2);
        assertThat(loopback.err()).contains("loopback");
        assertThat(CommandRun.of(env, "webhooks", "add", "http://receiver.example/").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of(env, "webhooks", "add", "https://[fd00::1]/").err()).contains("unique-local");
        Map<String, String> permissive = new HashMap<>(env);
        permissive.put("APP_WEBHOOK_ALLOW_PRIVATE", "true");
        assertThat(CommandRun.of(permissive, "webhooks", "add", "http://localhost:9000/hooks").exitCode()).isZero();
    }

    @Test
    void anUnknownEventTypeIsAUsageError() {
        CommandRun run = CommandRun.of(env, "webhooks", "add", "https://receiver.example/", "--events", "message.recieved");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown event type message.recieved", "message.received");
    }

    @Test
    void rotateSecretPrintsANewSecretAndRemoveForgetsTheEndpoint() {
        String[] endpoint = added(CommandRun.of(env, "webhooks", "add", "https://receiver.example/"));
        CommandRun rotate = CommandRun.of(env, "webhooks", "rotate-secret", endpoint[0], "--grace", "PT1H");
        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(rotate.out()).contains("whsec_").doesNotContain(endpoint[1]);
        assertThat(CommandRun.of(env, "webhooks", "remove", endpoint[0]).exitCode()).isZero();
        assertThat(CommandRun.of(env, "webhooks", "list").out()).contains("no webhook endpoints");
        assertThat(CommandRun.of(env, "webhooks", "remove", endpoint[0]).exitCode()).isEqualTo(1);
        assertThat(CommandRun.of(env, "webhooks", "remove", "nonsense").exitCode()).isEqualTo(2);
    }

    @Test
    void deliveriesAndReplayWorkOnAnEmptyQueue() {
        assertThat(CommandRun.of(env, "webhooks", "deliveries").out()).contains("no deliveries");
        assertThat(CommandRun.of(env, "webhooks", "deliveries", "--failed").out()).contains("no failing deliveries");
        CommandRun since = CommandRun.of(env, "webhooks", "replay", "--since", "2026-12-01T00:00:00Z");
        assertThat(since.exitCode()).as(since.err()).isZero();
        assertThat(since.out()).contains("queued 0 deliveries again");
        assertThat(CommandRun.of(env, "webhooks", "replay", "evt_AAAAAAAAAAAAAAAAAAAAAA").exitCode()).isEqualTo(1);
        assertThat(CommandRun.of(env, "webhooks", "replay", "--since", "yesterday").exitCode()).isEqualTo(2);
        assertThat(CommandRun.of(env, "webhooks", "replay").exitCode()).isEqualTo(2);
    }

    @Test
    void deliveriesListsTheQueueAndReplayQueuesADeliveredEventAgain() {
        added(CommandRun.of(env, "webhooks", "add", "https://receiver.example/hooks"));
        dev.gmailserverauth.domain.event.AccountEvent event;
        try (dev.gmailserverauth.persistence.Database database = dev.gmailserverauth.persistence.Database.open(
                dev.gmailserverauth.persistence.PersistenceConfig.of(env.get("APP_DATABASE_URL")))) {
            event = database.events().append(new dev.gmailserverauth.domain.event.NewEvent(new dev.gmailserverauth.domain.model.UserId("108"),
                    new dev.gmailserverauth.domain.model.EmailAddress("alice@example.com"), java.time.Instant.parse("2026-12-06T08:00:00Z"),
                    new dev.gmailserverauth.domain.event.EventPayload.AccountDisconnected()));
        }
        CommandRun deliveries = CommandRun.of(env, "webhooks", "deliveries");
        assertThat(deliveries.exitCode()).as(deliveries.err()).isZero();
        assertThat(deliveries.out()).contains(event.id().value(), "account.disconnected", "108", "pending");
        CommandRun replay = CommandRun.of(env, "webhooks", "replay", event.id().value());
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("queued 1 delivery again");
    }
}
