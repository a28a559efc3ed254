package dev.gmailserverauth.web.shared;

import java.util.Objects;

/** A 4xx or 5xx page: the status, a heading and a reason that is safe to show. */
public record ErrorPage(Chrome chrome, int status, String heading, String reason) {
    public ErrorPage {
        Objects.requireNonNull(chrome, "chrome");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(reason, "reason");
    }
}
