package dev.gmailserverauth.web.signin;

import dev.gmailserverauth.web.shared.Chrome;
import java.util.Objects;
import java.util.Optional;

/**
 * The front page: a sign-in button, a second one for the people of the Workspace domain when delegation is
 * configured, and, after signing out or disconnecting, a notice.
 */
public record LandingPage(Chrome chrome, Optional<String> notice, Optional<String> workspaceDomain) {
    public LandingPage {
        Objects.requireNonNull(chrome, "chrome");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(workspaceDomain, "workspaceDomain");
    }
}
