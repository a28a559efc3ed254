package dev.gmailserverauth.application;

import java.time.Instant;
import java.util.Objects;

/** A time-limited grant's end, and whether the person is offered to renew it already ({@link RenewalNotice}). */
public record AccessEnd(Instant at, boolean renewalOffered) {
    public AccessEnd {
        Objects.requireNonNull(at, "at");
    }
}
