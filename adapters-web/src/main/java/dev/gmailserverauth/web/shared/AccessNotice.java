package dev.gmailserverauth.web.shared;

import java.util.Objects;

/**
 * "Access ends on …" for a time-limited grant: the end as read on the page and as an ISO instant (for the
 * {@code datetime} attribute), and, from the configured notice before the end, the link to renew it.
 */
public record AccessNotice(String endsOn, String endsAt, boolean renewalOffered, String renewUrl) {
    public AccessNotice {
        Objects.requireNonNull(endsOn, "endsOn");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(renewUrl, "renewUrl");
    }
}
