package dev.gmailserverauth.domain.webhook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The secrets a delivery is signed with: the current one, and during a rotation's grace period the previous one too. */
public record SigningSecrets(WebhookSecret current, Optional<WebhookSecret> previous) {
    public SigningSecrets {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
    }

    /** Current first. */
    public List<WebhookSecret> all() {
        return previous.map(old -> List.of(current, old)).orElse(List.of(current));
    }

    @Override
    public String toString() {
        return "SigningSecrets[" + all().size() + " secrets]";
    }
}
