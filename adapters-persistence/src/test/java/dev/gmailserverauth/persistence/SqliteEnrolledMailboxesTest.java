package dev.gmailserverauth.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gmailserverauth.domain.model.AccessToken;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.model.ExpiringAccessToken;
import dev.gmailserverauth.domain.model.UserId;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import dev.gmailserverauth.domain.port.EnrolledMailboxesContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqliteEnrolledMailboxesTest extends EnrolledMailboxesContract {
    @RegisterExtension
    final FreshDatabase persistence = FreshDatabase.sqlite();

    @Override
    protected EnrolledMailboxes mailboxes() {
        return persistence.get().enrolledMailboxes();
    }

    @Test
    void theMintedTokenIsSealedAtRestAndCopiedToAnotherRowDoesNotOpen(@TempDir Path folder) {
        SqliteFiles files = new SqliteFiles(folder.resolve("store.db"));
        try (Database database = Database.open(PersistenceConfig.of(files.jdbcUrl()))) {
            String token = "ya29.delegated-token-value";
            EnrolledMailbox ben = EnrolledMailbox.enrolled(new UserId("104"), new EmailAddress("ben@northwind.example"), NOW)
                    .withToken(new ExpiringAccessToken(new AccessToken(token), NOW.plusSeconds(3600)));
            database.enrolledMailboxes().save(ben);
            database.enrolledMailboxes().save(EnrolledMailbox.enrolled(new UserId("105"), new EmailAddress("cleo@northwind.example"), NOW)
                    .withToken(new ExpiringAccessToken(new AccessToken("ya29.other"), NOW.plusSeconds(3600))));
            byte[] sealed = files.readBlob("SELECT access_token FROM enrolled_mailboxes WHERE user_id = ?", "104");

            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(token);
            assertThat(database.keyStatus().rowsByTable().get("enrolled_mailboxes").values()).containsExactly(2);
            KeyRotationResult rotation = database.rotateEncryptionKey(dev.gmailserverauth.persistence.crypto.EncryptionKey.generate().toBase64());
            assertThat(rotation.reencrypted()).containsEntry("enrolled_mailboxes", 2);
            assertThat(database.enrolledMailboxes().findByUserId(new UserId("104"))).contains(ben);
            sealed = files.readBlob("SELECT access_token FROM enrolled_mailboxes WHERE user_id = ?", "104");
            files.execute("UPDATE enrolled_mailboxes SET access_token = ? WHERE user_id = ?", sealed, "105");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> database.enrolledMailboxes().findByUserId(new UserId("105")))
                    .hasMessageContaining("of 105");
        }
    }
}
