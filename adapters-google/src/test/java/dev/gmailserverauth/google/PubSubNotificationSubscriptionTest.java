package dev.gmailserverauth.google;

import static dev.gmailserverauth.google.GoogleRoundTripTest.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gmailserverauth.domain.error.ProviderConfigurationException;
import dev.gmailserverauth.domain.model.MailboxAccess;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.MailboxNotification;
import dev.gmailserverauth.domain.model.MailboxWatch;
import dev.gmailserverauth.domain.model.PulledNotification;
import dev.gmailserverauth.google.pubsub.PubSubNotificationSubscription;
import dev.gmailserverauth.google.pubsub.PubSubPullConfig;
import dev.gmailserverauth.sandbox.Counters;
import dev.gmailserverauth.sandbox.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PubSubNotificationSubscription} against the sandbox's Pub/Sub REST API over real HTTP: google-api-services-pubsub,
 * authenticated by google-auth-library with the sandbox's service account key file (its {@code token_uri} is the sandbox).
 */
class PubSubNotificationSubscriptionTest {
    private static final String TOPIC = "projects/sandbox-project/topics/pulled";
    private static final String SUBSCRIPTION = "projects/sandbox-project/subscriptions/gmail-pull";
    @RegisterExtension
    static final Sandbox sandbox = new Sandbox();
    @TempDir
    static Path dir;
    private static PubSubNotificationSubscription subscription;

    @BeforeAll
    static void subscribe() throws IOException {
        sandbox.control().pubSub().createPullSubscription(SUBSCRIPTION, TOPIC, Duration.ofSeconds(10));
        Path key = Files.writeString(dir.resolve("service-account.json"), sandbox.control().pubSub().serviceAccountKeyFile());
        subscription = sandbox.adapters.notificationSubscription(new PubSubPullConfig(SUBSCRIPTION,
                URI.create(sandbox.sandbox.baseUrl() + "/"), java.util.Optional.of(key)));
    }

    /** Pulls until something arrives (publishing runs on the sandbox's own thread), for at most 10 s. */
    private static List<PulledNotification> pullSome() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        List<PulledNotification> pulled = subscription.pull(10);
        while (pulled.isEmpty()) {
            assertThat(Instant.now()).as("a message to pull").isBefore(deadline);
            synchronized (PubSubNotificationSubscriptionTest.class) {
                PubSubNotificationSubscriptionTest.class.wait(20);
            }
            pulled = subscription.pull(10);
        }
        return pulled;
    }

    @Test
    void aNotificationIsPulledRedeliveredAfterItsAckDeadlineAndGoneOnceAcknowledged() throws InterruptedException {
        String email = sandbox.newAccount("pull");
        MailboxAccess token = sandbox.access(email, true);
        MailboxWatch watch = ok(sandbox.adapters.mailboxChanges().watch(token, TOPIC));

        List<PulledNotification> first = pullSome();
        assertThat(first).singleElement().satisfies(p -> assertThat(p.notification())
                .contains(new MailboxNotification(new EmailAddress(email), watch.historyId())));
        assertThat(subscription.pull(10)).as("leased until the ack deadline").isEmpty();

        sandbox.control().advanceClock(Duration.ofSeconds(11));
        List<PulledNotification> again = subscription.pull(10);
        assertThat(again).singleElement().satisfies(p -> {
            assertThat(p.notification()).isEqualTo(first.get(0).notification());
            assertThat(p.ackId()).isNotEqualTo(first.get(0).ackId());
        });

        subscription.acknowledge(List.of(again.get(0).ackId()));
        sandbox.control().advanceClock(Duration.ofSeconds(11));
        assertThat(subscription.pull(10)).isEmpty();
        assertThat(sandbox.control().pubSub().unacknowledged(SUBSCRIPTION)).isZero();
        Counters counters = sandbox.control().counters();
        assertThat(counters.roundTrips(Endpoint.PUBSUB_ACKNOWLEDGE)).isEqualTo(1);
    }

    @Test
    void anEmptySubscriptionPullsNothing() {
        assertThat(subscription.pull(5)).isEmpty();
        subscription.acknowledge(List.of());
    }

    @Test
    void anUnknownSubscriptionNeedsAnOperator() {
        PubSubNotificationSubscription unknown = sandbox.adapters.notificationSubscription(new PubSubPullConfig(
                "projects/sandbox-project/subscriptions/nobody", URI.create(sandbox.sandbox.baseUrl() + "/"),
                java.util.Optional.of(dir.resolve("service-account.json"))));

        assertThatThrownBy(() -> unknown.pull(1)).isInstanceOf(ProviderConfigurationException.class);
    }

    @Test
    void aKeyTheSandboxNeverIssuedGetsNoToken() throws IOException {
        String forged = sandbox.control().pubSub().serviceAccountKeyFile().replaceAll("\"client_email\":\"[^\"]+\"",
                "\"client_email\":\"intruder@sandbox-project.iam.gserviceaccount.com\"");
        Path key = Files.writeString(dir.resolve("intruder.json"), forged);
        PubSubNotificationSubscription intruder = sandbox.adapters.notificationSubscription(new PubSubPullConfig(SUBSCRIPTION,
                URI.create(sandbox.sandbox.baseUrl() + "/"), java.util.Optional.of(key)));

        assertThatThrownBy(() -> intruder.pull(1)).isInstanceOf(ProviderConfigurationException.class);
    }
}
