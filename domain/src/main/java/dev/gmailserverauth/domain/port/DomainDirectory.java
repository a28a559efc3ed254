package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.DirectoryListing;

/** Driven port for the Workspace domain's list of users (read as the domain's administrator). */
public interface DomainDirectory {

    /**
     * Every user of the domain, suspended and archived ones marked as such.
     *
     * @throws dev.gmailserverauth.domain.error.ProviderUnavailableException when the directory cannot be reached
     */
    DirectoryListing users();
}
