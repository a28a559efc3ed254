package dev.gmailserverauth.bootstrap.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.events.EventRecorder;
import dev.gmailserverauth.domain.event.EventPayload;
import dev.gmailserverauth.domain.event.NewEvent;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.webhook.WebhookSecret;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.persistence.Database;
import dev.gmailserverauth.persistence.PersistenceConfig;
import dev.gmailserverauth.persistence.testing.PostgresServer;
import dev.gmailserverauth.testing.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two application instances on one PostgreSQL database, both running the scheduler's webhook-deliveries job, with the
 * sync off: every event reaches the receiver once, and each account's events arrive in sequence order.
 */
class WebhooksAcrossInstancesTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final List<String> ACCOUNTS = List.of("111", "222", "333");
    private static final int EVENTS_PER_ACCOUNT = 25;

    @Test
    void everyEventReachesTheReceiverOnceAndInOrderPerAccount() {
        String database = POSTGRES.newDatabaseUrl();
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        String secret = WebhookSecret.random().formatted();
        try (LocalReceiver receiver = new LocalReceiver()) {
            Map<String, String> env = Map.of("APP_DATABASE_URL", database, "APP_ENCRYPTION_KEY", key, "APP_SYNC", "off",
                    "APP_WEBHOOK_URL", receiver.url().toString(), "APP_WEBHOOK_SECRET", secret, "APP_WEBHOOK_ALLOW_PRIVATE", "true",
                    "APP_WEBHOOK_POLL_INTERVAL", "PT0.05S");
            try (GmailServerAuth first = TestApps.startSandboxApp(env);
                 GmailServerAuth second = TestApps.startSandboxApp(env);
                 Database events = Database.open(PersistenceConfig.of(database).withEncryptionKey(key))) {
                EventRecorder recorder = new EventRecorder(events.transactions(), events.events());
                // Interleaved across accounts, while both instances deliver.
                for (int n = 0; n < EVENTS_PER_ACCOUNT; n++) {
                    for (String account : ACCOUNTS) {
                        recorder.change(() -> { }, new NewEvent(new UserId(account), new EmailAddress(account + "@example.com"), Instant.now(),
                                new EventPayload.MessageDeleted(new MessageId("m" + n))));
                    }
                }
                int total = ACCOUNTS.size() * EVENTS_PER_ACCOUNT;
                Eventually.await("every event delivered", BOUND,
                        () -> receiver.deliveries().stream().map(LocalReceiver.Delivery::id).distinct().count() == total);

                List<LocalReceiver.Delivery> got = receiver.deliveries();
                assertThat(got).extracting(LocalReceiver.Delivery::id).as("no event sent twice").doesNotHaveDuplicates().hasSize(total);
                Map<String, List<Long>> sequences = got.stream().collect(Collectors.groupingBy(LocalReceiver.Delivery::account,
                        Collectors.mapping(LocalReceiver.Delivery::sequence, Collectors.toList())));
                List<Long> oneToN = IntStream.rangeClosed(1, EVENTS_PER_ACCOUNT).mapToObj(i -> (long) i).toList();
                assertThat(sequences).containsOnlyKeys(ACCOUNTS);
                sequences.forEach((account, arrived) -> assertThat(arrived).as("account " + account + " in arrival order").isEqualTo(oneToN));
                assertThat(got).allSatisfy(delivery -> assertThat(delivery.problem(secret)).isEmpty());
            }
        }
    }
}
