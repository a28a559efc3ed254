package dev.gmailserverauth.sandbox.internal.directory;

import java.util.Locale;
import java.util.Objects;

/** A user of the sandbox's demo Workspace domain, as the Admin SDK Directory API describes one. */
public record WorkspaceUser(String id, String primaryEmail, String givenName, String familyName, boolean admin, boolean suspended,
                           String orgUnitPath) {
    public WorkspaceUser {
        Objects.requireNonNull(id, "id");
        if (primaryEmail == null || !primaryEmail.contains("@")) throw new IllegalArgumentException("invalid email: " + primaryEmail);
        primaryEmail = primaryEmail.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(orgUnitPath, "orgUnitPath");
    }

    public String fullName() {
        return familyName.isEmpty() ? givenName : givenName + " " + familyName;
    }

    public WorkspaceUser withSuspended(boolean value) {
        return new WorkspaceUser(id, primaryEmail, givenName, familyName, admin, value, orgUnitPath);
    }
}
