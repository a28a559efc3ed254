package dev.gmailserverauth.domain.port;

import dev.gmailserverauth.domain.model.EmailAddress;
import dev.gmailserverauth.domain.model.GroupMembership;

/** Driven port for the Workspace domain's groups: who is a member of one (read as the domain's administrator). */
public interface DomainGroups {

    /**
     * The addresses of the people in {@code group}, the members of groups nested in it included, each once; or why the
     * group cannot be read (unknown group, scope not delegated, not an administrator).
     *
     * @throws dev.gmailserverauth.domain.error.ProviderUnavailableException when the directory cannot be reached
     */
    GroupMembership members(EmailAddress group);
}
