package dev.gmailserverauth.bootstrap.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.gmailserverauth.bootstrap.ApiClient;
import dev.gmailserverauth.bootstrap.GmailServerAuth;
import dev.gmailserverauth.bootstrap.HttpSignIn;
import dev.gmailserverauth.bootstrap.TestApps;
import dev.gmailserverauth.domain.webhook.WebhookSecret;
import dev.gmailserverauth.sandbox.SandboxControl;
import dev.gmailserverauth.sandbox.SandboxMessage;
import dev.gmailserverauth.testing.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * What a receiver sees, end to end: a person signs in, the sandbox's Gmail gets new mail, the sync brings it in (push,
 * history) and the webhook job sends {@code message.received}, signed so that an independent verifier accepts it, with
 * the summary; a label change and a deletion follow as {@code message.labels_changed} and {@code message.deleted}.
 */
class MessageWebhooksEndToEndTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void newMailALabelChangeAndADeletionReachTheReceiverSignedInOrder() {
        String secret = WebhookSecret.random().formatted();
        try (LocalReceiver receiver = new LocalReceiver();
             GmailServerAuth app = TestApps.startSandboxApp(Map.of("APP_SYNC", "on", "APP_SYNC_POLL_INTERVAL", "PT1H",
                     "APP_WEBHOOK_URL", receiver.url().toString(), "APP_WEBHOOK_SECRET", secret, "APP_WEBHOOK_ALLOW_PRIVATE", "true",
                     "APP_WEBHOOK_POLL_INTERVAL", "PT0.2S"))) {
            SandboxControl control = app.sandbox().orElseThrow().control();
            String carol = control.demoAccounts().stream().filter(a -> a.startsWith("carol")).findFirst().orElseThrow();
            String cookie = new HttpSignIn().signIn(app.baseUrl(), carol);
            ApiClient api = new ApiClient();
            Eventually.await("the first sync has a checkpoint and a watch", BOUND, () -> {
                JsonObject sync = JsonParser.parseString(api.get(app.baseUrl().resolve("/api/sync"), cookie).body()).getAsJsonObject();
                return sync.get("state").getAsString().equals("ACTIVE") && !sync.get("watchExpires").isJsonNull()
                        && !sync.get("backfilling").getAsBoolean();
            });
            assertThat(receiver.ofType("message.received")).as("the backfill tells nothing").isEmpty();

            String id = control.addMessage(carol, SandboxMessage.of("Dora <dora@example.org>", carol, "Webhook me", Instant.now(), "hello there"));

            LocalReceiver.Delivery received = awaitOne(receiver, "message.received", id);
            assertThat(received.problem(secret)).as("an independent verifier accepts the signature").isEmpty();
            assertThat(received.problem(WebhookSecret.random().formatted())).as("another secret does not").isPresent();
            assertThat(received.id()).isEqualTo(received.json().get("id").getAsString());
            JsonObject message = received.data().getAsJsonObject("message");
            assertThat(message.get("subject").getAsString()).isEqualTo("Webhook me");
            assertThat(message.get("from").getAsString()).isEqualTo("Dora <dora@example.org>");
            assertThat(labels(message)).contains("INBOX", "UNREAD");
            assertThat(received.json().getAsJsonObject("account").get("email").getAsString()).isEqualTo(carol);

            control.history().modifyLabels(carol, id, List.of("STARRED"), List.of("UNREAD"));
            Eventually.await("both label changes told", BOUND, () -> ofMessage(receiver, "message.labels_changed", id).size() >= 2);
            List<LocalReceiver.Delivery> relabelled = ofMessage(receiver, "message.labels_changed", id);
            assertThat(relabelled).allSatisfy(delivery -> assertThat(delivery.problem(secret)).isEmpty());
            assertThat(relabelled).extracting(d -> labels(d.data().getAsJsonArray("labelsAdded")) + "/" + labels(d.data().getAsJsonArray("labelsRemoved")))
                    .containsExactlyInAnyOrder("[STARRED]/[]", "[]/[UNREAD]");
            assertThat(labels(relabelled.get(1).data().getAsJsonObject("message"))).contains("STARRED").doesNotContain("UNREAD");

            control.history().deleteMessage(carol, id);
            LocalReceiver.Delivery deleted = awaitOne(receiver, "message.deleted", id);
            assertThat(deleted.problem(secret)).isEmpty();

            List<Long> carolsSequence = receiver.deliveries().stream().filter(d -> d.account().equals(received.account()))
                    .map(LocalReceiver.Delivery::sequence).toList();
            assertThat(carolsSequence).as("in order, each once").isSorted().doesNotHaveDuplicates();
            assertThat(receiver.deliveries()).extracting(LocalReceiver.Delivery::id).doesNotHaveDuplicates();
        }
    }

    private static LocalReceiver.Delivery awaitOne(LocalReceiver receiver, String type, String messageId) {
        Eventually.await(type + " of " + messageId, BOUND, () -> !ofMessage(receiver, type, messageId).isEmpty());
        List<LocalReceiver.Delivery> found = ofMessage(receiver, type, messageId);
        assertThat(found).as("told once").hasSize(1);
        return found.get(0);
    }

    private static List<LocalReceiver.Delivery> ofMessage(LocalReceiver receiver, String type, String messageId) {
        return receiver.ofType(type).stream().filter(delivery -> messageId.equals(messageIdOf(delivery.data()))).toList();
    }

    private static String messageIdOf(JsonObject data) {
        return data.has("messageId") ? data.get("messageId").getAsString() : data.getAsJsonObject("message").get("id").getAsString();
    }

    private static List<String> labels(JsonObject message) {
        return labels(message.getAsJsonArray("labelIds"));
    }

    private static List<String> labels(JsonArray array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonElement::getAsString).sorted().toList();
    }
}
