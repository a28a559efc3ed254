package dev.gmailserverauth.application;

import dev.gmailserverauth.application.sync.EndSync;
import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.port.CredentialRepository;
import dev.gmailserverauth.domain.port.EnrolledMailboxes;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator stops reading a mailbox through delegation: its sync ends first, while the delegated grant still
 * works (Gmail told to stop pushing, the jobs, the synced mail and the sync state deleted), then the mailbox and its
 * token are forgotten. A person who also consented keeps their own sync.
 */
public final class RemoveEnrolledMailbox {
    private final EnrolledMailboxes mailboxes;
    private final CredentialRepository credentials;
    private final EndSync endSync;

    public RemoveEnrolledMailbox(EnrolledMailboxes mailboxes, CredentialRepository credentials, EndSync endSync) {
        this.mailboxes = Objects.requireNonNull(mailboxes);
        this.credentials = Objects.requireNonNull(credentials);
        this.endSync = Objects.requireNonNull(endSync);
    }

    /**
     * False when that mailbox was not enrolled.
     *
     * @throws dev.gmailserverauth.domain.error.ProviderUnavailableException when Google cannot be reached to stop the
     *         mailbox's push: nothing is deleted
     */
    public boolean remove(EmailAddress email) {
        EmailAddress address = new EmailAddress(email.value().toLowerCase(Locale.ROOT));
        Optional<EnrolledMailbox> enrolled = mailboxes.findByEmail(address);
        if (enrolled.isEmpty()) return false;
        if (credentials.findByUserId(enrolled.get().user()).isEmpty()) endSync.forget(enrolled.get().user());
        return mailboxes.remove(address);
    }
}
