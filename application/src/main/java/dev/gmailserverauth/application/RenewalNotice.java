package dev.gmailserverauth.application;

import dev.gmailserverauth.domain.model.StoredCredential;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long before a time-limited grant ends the person is offered to renew it (go through consent
 * again, choosing a new duration). The one place that rule lives: the pages' notice and the connection
 * page both ask here.
 */
public record RenewalNotice(Duration before) {
    public static final Duration DEFAULT = Duration.ofDays(1);

    public RenewalNotice {
        Objects.requireNonNull(before, "before");
        if (before.isNegative()) throw new IllegalArgumentException("renewal notice is negative");
    }

    /** When the credential's access ends, and whether renewing is offered {@code now}; empty when it never ends. */
    public Optional<AccessEnd> accessEnd(StoredCredential credential, Instant now) {
        return credential.refreshTokenExpiresAt().map(end -> new AccessEnd(end, !now.isBefore(end.minus(before))));
    }
}
