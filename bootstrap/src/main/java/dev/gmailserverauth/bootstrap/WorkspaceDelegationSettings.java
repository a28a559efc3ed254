package dev.gmailserverauth.bootstrap;

import dev.gmailserverauth.google.delegation.DelegationConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Workspace domain-wide delegation, configured beside the consent flow or alone. Off unless a service account key
 * is configured; in sandbox mode it is on with the sandbox's demo service account, whose key file is written to
 * {@link #sandboxKeyFile()} at every start.
 *
 * @param serviceAccountKey {@code GOOGLE_SERVICE_ACCOUNT_KEY}: the key file downloaded from the Cloud console (owner-only);
 *                          in sandbox mode where the demo key is written
 * @param workspaceDomain   {@code GOOGLE_WORKSPACE_DOMAIN}: the domain whose mailboxes are read
 * @param workspaceAdmin    {@code GOOGLE_WORKSPACE_ADMIN}: an administrator, impersonated to list the domain's users
 * @param adminRootUrl      {@code GOOGLE_ADMIN_ROOT_URL}: the Directory API's root ({@code https://admin.googleapis.com/})
 */
public record WorkspaceDelegationSettings(Optional<Path> serviceAccountKey, Optional<String> workspaceDomain, Optional<String> workspaceAdmin,
                                          URI adminRootUrl) {
    /** Where sandbox mode writes the demo service account's key when {@code GOOGLE_SERVICE_ACCOUNT_KEY} is not set. */
    public static final Path DEFAULT_SANDBOX_KEY = Path.of("data", "sandbox-service-account.json");

    public WorkspaceDelegationSettings {
        Objects.requireNonNull(serviceAccountKey, "serviceAccountKey");
        Objects.requireNonNull(workspaceDomain, "workspaceDomain");
        Objects.requireNonNull(workspaceAdmin, "workspaceAdmin");
        Objects.requireNonNull(adminRootUrl, "adminRootUrl");
    }

    public static WorkspaceDelegationSettings off() {
        return new WorkspaceDelegationSettings(Optional.empty(), Optional.empty(), Optional.empty(), DelegationConfig.GOOGLE_ADMIN_ROOT_URL);
    }

    /** Delegation against Google: a key file is configured. */
    public boolean configured() {
        return serviceAccountKey.isPresent();
    }

    public Path sandboxKeyFile() {
        return serviceAccountKey.orElse(DEFAULT_SANDBOX_KEY);
    }
}
