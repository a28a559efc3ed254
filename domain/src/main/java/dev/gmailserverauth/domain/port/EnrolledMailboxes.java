package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.EnrolledMailbox;
import dev.gmailserverauth.domain.model.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Driven port for the mailboxes enrolled for domain-wide delegation, one per person (keyed by Google's user id), with
 * the access token last minted for each (a secret: adapters keep it encrypted at rest).
 */
public interface EnrolledMailboxes {

    /** Enrols the mailbox, or replaces what is stored for that person (address, token). */
    void save(EnrolledMailbox mailbox);

    Optional<EnrolledMailbox> findByEmail(EmailAddress email);

    Optional<EnrolledMailbox> findByUserId(UserId user);

    /** Every enrolled mailbox, by address. */
    List<EnrolledMailbox> all();

    /** Forgets the mailbox and its token; false when it was not enrolled. */
    boolean remove(EmailAddress email);
}
