package dev.gmailserverauth.google.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.pubsub.model.PubsubMessage;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.MailboxNotification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code data} of a pulled message read as Gmail's notification, with Pub/Sub's model class. */
class GmailNotificationDataTest {
    private static Optional<MailboxNotification> read(String data) {
        PubsubMessage message = new PubsubMessage().setData(Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
        return PubSubNotificationSubscription.notification(message, GsonFactory.getDefaultInstance());
    }

    @Test
    void readsGooglesSampleWithTheHistoryIdAsAString() {
        assertThat(read("{\"emailAddress\": \"user@example.com\", \"historyId\": \"1234567890\"}"))
                .contains(new MailboxNotification(new EmailAddress("user@example.com"), HistoryId.parse("1234567890")));
    }

    @Test
    void readsAHistoryIdSentAsAJsonNumber() {
        assertThat(read("{\"emailAddress\": \"user@example.com\", \"historyId\": 1710}"))
                .contains(new MailboxNotification(new EmailAddress("user@example.com"), HistoryId.parse("1710")));
    }

    @Test
    void anythingElseIsNoNotification() {
        assertThat(read("not json")).isEmpty();
        assertThat(read("{\"emailAddress\": \"user@example.com\"}")).isEmpty();
        assertThat(read("{\"emailAddress\": 5, \"historyId\": \"1\"}")).isEmpty();
        assertThat(read("{\"emailAddress\": \"user@example.com\", \"historyId\": \"-3\"}")).isEmpty();
        assertThat(read("{\"emailAddress\": \"user@example.com\", \"historyId\": 1.5}")).isEmpty();
        assertThat(PubSubNotificationSubscription.notification(new PubsubMessage(), GsonFactory.getDefaultInstance())).isEmpty();
    }
}
