package dev.gmailserverauth.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link EnrolledMailboxes} must do. */
public abstract class EnrolledMailboxesContract {
    protected static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final EnrolledMailbox BEN = EnrolledMailbox.enrolled(new UserId("104"), new EmailAddress("ben@northwind.example"), NOW);
    private static final EnrolledMailbox ADA = EnrolledMailbox.enrolled(new UserId("101"), new EmailAddress("ada@northwind.example"), NOW);

    /** An empty store. */
    protected abstract EnrolledMailboxes mailboxes();

    @Test
    void nothingIsEnrolledAtFirst() {
        EnrolledMailboxes mailboxes = mailboxes();
        assertThat(mailboxes.all()).isEmpty();
        assertThat(mailboxes.findByEmail(BEN.email())).isEmpty();
        assertThat(mailboxes.findByUserId(BEN.user())).isEmpty();
    }

    @Test
    void findsAnEnrolledMailboxByAddressAndByUserAndListsThemByAddress() {
        EnrolledMailboxes mailboxes = mailboxes();
        mailboxes.save(BEN);
        mailboxes.save(ADA);

        assertThat(mailboxes.findByEmail(BEN.email())).contains(BEN);
        assertThat(mailboxes.findByUserId(ADA.user())).contains(ADA);
        assertThat(mailboxes.all()).containsExactly(ADA, BEN);
    }

    @Test
    void keepsTheMintedTokenWithItsExpiryAndReplacesItOnTheNextSave() {
        EnrolledMailboxes mailboxes = mailboxes();
        mailboxes.save(BEN);
        EnrolledMailbox withToken = BEN.withToken(new ExpiringAccessToken(new AccessToken("ya29.first"), NOW.plusSeconds(3600)));
        mailboxes.save(withToken);
        assertThat(mailboxes.findByEmail(BEN.email())).contains(withToken);

        EnrolledMailbox renewed = BEN.withToken(new ExpiringAccessToken(new AccessToken("ya29.second"), NOW.plusSeconds(7200)));
        mailboxes.save(renewed);
        assertThat(mailboxes.findByUserId(BEN.user())).contains(renewed);
        assertThat(mailboxes.all()).hasSize(1);
    }

    @Test
    void removeForgetsTheMailboxAndItsTokenAndSaysWhetherItWasEnrolled() {
        EnrolledMailboxes mailboxes = mailboxes();
        mailboxes.save(BEN.withToken(new ExpiringAccessToken(new AccessToken("ya29.token"), NOW.plusSeconds(3600))));

        assertThat(mailboxes.remove(BEN.email())).isTrue();
        assertThat(mailboxes.findByUserId(BEN.user())).isEmpty();
        assertThat(mailboxes.remove(BEN.email())).isFalse();
    }
}
