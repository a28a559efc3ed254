package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.Impersonation;

/**
 * Driven port for acting as a person of the Workspace domain without their consent: a service account whose client
 * ID the domain's administrator has delegated (Google Workspace domain-wide delegation).
 */
public interface DelegatedAuthority {

    /**
     * A new access token to {@code subject}'s mailbox, proven to open that mailbox and no other; or why not.
     *
     * @throws dev.gmailserverauth.domain.error.ProviderUnavailableException when Google cannot be reached
     */
    Impersonation impersonate(EmailAddress subject);
}
