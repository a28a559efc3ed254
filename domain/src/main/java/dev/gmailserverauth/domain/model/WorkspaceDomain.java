package dev.gmailserverauth.domain.model;

import java.util.Locale;

/**
 * A Google Workspace domain (Google's hosted domain, the {@code hd} claim), kept in lower case: the domain whose
 * people may sign in with Google sign-in only and read their own mailbox through domain-wide delegation.
 */
public record WorkspaceDomain(String value) {
    public WorkspaceDomain {
        if (value == null || !value.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}") || value.length() > 253) {
            throw new IllegalArgumentException("not a domain name");
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code hostedDomain} (as Google spells it) names this domain. */
    public boolean matches(String hostedDomain) {
        return value.equals(hostedDomain.toLowerCase(Locale.ROOT));
    }

    /** Whether the address is at this domain (the part after its last {@code @}). */
    public boolean holds(EmailAddress email) {
        String address = email.value();
        return matches(address.substring(address.lastIndexOf('@') + 1));
    }
}
