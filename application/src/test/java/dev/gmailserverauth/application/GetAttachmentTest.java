package dev.gmailserverauth.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.fake.NewAttachment;
import dev.gmailserverauth.domain.fake.NewMessage;
import dev.gmailserverauth.domain.model.MessageId;
import dev.gmailserverauth.domain.model.PartId;
import dev.gmailserverauth.domain.model.UserIdentity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetAttachmentTest {
    private final World world = new World();
    private final UserIdentity alice = world.google.addAccount("alice@example.com");
    private final byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
    private final MessageId id = world.google.addMessage(alice, new NewMessage("Bob <bob@example.org>", "Figures", "See attached",
            World.START, true).withAttachments(List.of(new NewAttachment("Zahlen März.csv", "text/csv", csv),
            new NewAttachment("big.bin", "application/octet-stream", new byte[(int) World.ATTACHMENT_LIMIT + 1]))));

    private <T> T success(MailOutcome<T> outcome) {
        assertThat(outcome).isInstanceOf(MailOutcome.Success.class);
        return ((MailOutcome.Success<T>) outcome).value();
    }

    @Test
    void aPartIsFetchedWithItsNameTypeAndBytesAlthoughGmailsAttachmentIdsChangeOnEveryRead() {
        world.signIn(alice);
        AttachmentDownload first = success(world.getAttachment.get(world.grant(alice.userId()), id, new PartId("1")));
        AttachmentDownload again = success(world.getAttachment.get(world.grant(alice.userId()), id, new PartId("1")));
        for (AttachmentDownload download : List.of(first, again)) {
            assertThat(download).isInstanceOfSatisfying(AttachmentDownload.Fetched.class, fetched -> {
                assertThat(fetched.attachment().filename()).isEqualTo("Zahlen März.csv");
                assertThat(fetched.attachment().mimeType()).isEqualTo("text/csv");
                assertThat(fetched.data().bytes()).isEqualTo(csv);
            });
        }
        assertThat(((AttachmentDownload.Fetched) first).attachment().id()).isNotEqualTo(((AttachmentDownload.Fetched) again).attachment().id());
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutDownloadingIt() {
        world.signIn(alice);
        MailboxGrant grant = world.grant(alice.userId());
        int before = world.google.mailboxCallCount();
        AttachmentDownload download = success(world.getAttachment.get(grant, id, new PartId("2")));
        assertThat(download).isInstanceOfSatisfying(AttachmentDownload.TooLarge.class, tooLarge -> {
            assertThat(tooLarge.attachment().filename()).isEqualTo("big.bin");
            assertThat(tooLarge.limitBytes()).isEqualTo(World.ATTACHMENT_LIMIT);
        });
        assertThat(world.google.mailboxCallCount() - before).as("messages.get only").isEqualTo(1);
    }

    @Test
    void anUnknownPartOrMessageIsNotFound() {
        world.signIn(alice);
        assertThat(world.getAttachment.get(world.grant(alice.userId()), id, new PartId("9"))).isInstanceOf(MailOutcome.NotFound.class);
        assertThat(world.getAttachment.get(world.grant(alice.userId()), new MessageId("ffffffffffff0000"), new PartId("1")))
                .isInstanceOf(MailOutcome.NotFound.class);
    }

    @Test
    void anExpiredTokenIsRefreshedOnceForBothCalls() {
        world.signIn(alice);
        MailboxGrant grant = world.grant(alice.userId());
        world.google.expireAccessTokens(alice);
        assertThat(success(world.getAttachment.get(grant, id, new PartId("1")))).isInstanceOf(AttachmentDownload.Fetched.class);
        assertThat(world.google.refreshCount()).isEqualTo(1);
    }
}
