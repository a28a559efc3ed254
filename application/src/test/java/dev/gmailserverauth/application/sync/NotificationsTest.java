package dev.gmailserverauth.application.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.application.World;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.HistoryId;
import dev.gmailserverauth.domain.model.MailboxNotification;
import dev.gmailserverauth.domain.model.PulledNotification;
import dev.gmailserverauth.domain.model.PushVerification;
import dev.gmailserverauth.domain.model.SyncStatus;
import dev.gmailserverauth.domain.model.UserIdentity;
import dev.gmailserverauth.domain.port.NotificationSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationsTest {
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");

    private static MailboxNotification notification(String address) {
        return new MailboxNotification(new EmailAddress(address), HistoryId.parse("5000"));
    }

    private static String kind(ReceiveNotification.Outcome outcome) {
        return outcome.fold(scheduled -> "scheduled", notSynced -> "not synced: " + notSynced.status(), unknown -> "unknown");
    }

    @Test
    void aNotificationForAnActiveSyncSchedulesItAndOneForAnUnknownAddressIsOnlyAcknowledged() {
        world.signIn(alice);
        world.runSync.run(alice.userId());
        world.syncJobs.ran(alice.userId());

        assertThat(kind(world.receiveNotification.receive(notification("nobody@example.com")))).isEqualTo("unknown");
        assertThat(world.syncJobs.backlog(world.clock.instant())).isZero();
        assertThat(kind(world.receiveNotification.receive(notification("ALICE@example.com")))).isEqualTo("scheduled");
        assertThat(world.syncJobs.dueAt(alice.userId())).contains(world.clock.instant());

        world.syncStates.setStatus(alice.userId(), SyncStatus.PAUSED);
        assertThat(kind(world.receiveNotification.receive(notification("alice@example.com")))).isEqualTo("not synced: PAUSED");
    }

    @Test
    void aPushIsActedOnOnlyWhenItsTokenIsVerified() {
        world.signIn(alice);
        world.runSync.run(alice.userId());
        world.syncJobs.ran(alice.userId());
        ReceivePush.Body body = new ReceivePush.Body.Notification(notification("alice@example.com"));
        ReceivePush refusing = new ReceivePush(token -> new PushVerification.Refused(PushVerification.Reason.WRONG_AUDIENCE), world.receiveNotification);
        ReceivePush keyless = new ReceivePush(token -> new PushVerification.KeysUnavailable(), world.receiveNotification);
        ReceivePush accepting = new ReceivePush(token -> token.isPresent() ? new PushVerification.Verified()
                : new PushVerification.Refused(PushVerification.Reason.MISSING), world.receiveNotification);

        assertThat(refusing.receive(Optional.of("t"), body).<String>fold(a -> "accepted", r -> "refused " + r.reason(), k -> "keys", m -> "malformed"))
                .isEqualTo("refused WRONG_AUDIENCE");
        assertThat(keyless.receive(Optional.of("t"), body).<String>fold(a -> "accepted", r -> "refused", k -> "keys", m -> "malformed")).isEqualTo("keys");
        assertThat(accepting.receive(Optional.empty(), body).<String>fold(a -> "accepted", r -> "refused " + r.reason(), k -> "keys", m -> "malformed"))
                .isEqualTo("refused MISSING");
        assertThat(world.syncJobs.dueAt(alice.userId())).as("nothing done for a refused push").isEmpty();

        assertThat(accepting.receive(Optional.of("t"), new ReceivePush.Body.Malformed("no data"))
                .<String>fold(a -> "accepted", r -> "refused", k -> "keys", m -> "malformed: " + m.reason())).isEqualTo("malformed: no data");
        assertThat(accepting.receive(Optional.of("t"), body).<String>fold(a -> "accepted", r -> "refused", k -> "keys", m -> "malformed")).isEqualTo("accepted");
        assertThat(world.syncJobs.dueAt(alice.userId())).isPresent();
    }

    @Test
    void pulledNotificationsAreAcknowledgedOnlyAfterTheyAreRecorded() {
        world.signIn(alice);
        world.runSync.run(alice.userId());
        List<String> acknowledged = new ArrayList<>();
        List<Boolean> recordedBeforeAck = new ArrayList<>();
        NotificationSubscription subscription = new NotificationSubscription() {
            @Override
            public List<PulledNotification> pull(int max) {
                return List.of(new PulledNotification("ack-1", Optional.of(notification("alice@example.com"))),
                        new PulledNotification("ack-2", Optional.empty()),
                        new PulledNotification("ack-3", Optional.of(notification("nobody@example.com"))));
            }

            @Override
            public void acknowledge(List<String> ackIds) {
                recordedBeforeAck.add(world.syncStates.find(alice.userId()).orElseThrow().pendingSince().isPresent());
                acknowledged.addAll(ackIds);
            }
        };

        PullNotifications.Pulled pulled = new PullNotifications(subscription, world.receiveNotification).pull(10);

        assertThat(pulled).isEqualTo(new PullNotifications.Pulled(1, 0, 1, 1));
        assertThat(acknowledged).containsExactly("ack-1", "ack-2", "ack-3");
        assertThat(recordedBeforeAck).containsExactly(true);
    }
}
