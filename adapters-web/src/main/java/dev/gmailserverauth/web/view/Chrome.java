package dev.gmailserverauth.web.view;

import java.util.Objects;
import java.util.Optional;

/** What every page shows around its content: the title, the account bar (with CSRF tokens), a banner. */
public record Chrome(String title, boolean signedIn, String email, String csrfToken, Optional<String> banner) {
    public Chrome {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(banner, "banner");
    }
}
