package dev.gmailserverauth.web.shared;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every page shows around its content: the title, the account bar (with CSRF tokens), a banner,
 * and, for a time-limited grant, when access ends (with an offer to renew it near the end). {@code accounts} is
 * the switcher: every Google account of the signed-in person, the one this page shows marked current.
 */
public record Chrome(String title, boolean signedIn, String email, String csrfToken, Optional<String> banner,
                     Optional<AccessNotice> accessNotice, List<AccountSwitch> accounts) {
    public Chrome {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(banner, "banner");
        Objects.requireNonNull(accessNotice, "accessNotice");
        accounts = List.copyOf(accounts);
    }
}
