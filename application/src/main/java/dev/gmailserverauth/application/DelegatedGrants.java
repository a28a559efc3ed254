package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.UserId;
import java.util.Optional;

/**
 * Grants for people who gave no consent of their own: the mailboxes of the Workspace domain enrolled for domain-wide
 * delegation. {@link AuthorizedAccess} asks it when it holds no credential for a person, so the sync, the web front
 * and the commands open a delegated mailbox exactly as a consented one; empty when the person's mailbox is not enrolled.
 */
public interface DelegatedGrants {
    /** No delegation configured: nobody is reached without consent. */
    DelegatedGrants NONE = user -> Optional.empty();

    Optional<AccessOutcome> open(UserId user);
}
