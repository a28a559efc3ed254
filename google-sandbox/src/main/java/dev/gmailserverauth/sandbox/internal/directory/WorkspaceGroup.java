package dev.gmailserverauth.sandbox.internal.directory;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Google Group of the sandbox's demo domain: its address, id, name and direct members, each an address (a user of
 * the domain, another group of the domain, or an address outside the domain).
 */
public record WorkspaceGroup(String email, String id, String name, List<String> members) {
    public WorkspaceGroup {
        if (email == null || !email.contains("@")) throw new IllegalArgumentException("invalid group email: " + email);
        email = email.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        members = members.stream().map(m -> m.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
