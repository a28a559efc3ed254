package dev.gmailserverauth.sandbox;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One push the sandbox's Pub/Sub attempted, and what the endpoint answered.
 *
 * @param messageId the Pub/Sub message id (duplicates and retries repeat it)
 * @param fault the fault this push carried, if any ({@link SandboxPushFault.Kind#DROP}: nothing was sent)
 * @param attempt 1 for the first try, more for Pub/Sub's retries of a push that was not acknowledged
 * @param token the bearer token sent (empty when nothing was sent)
 * @param status the HTTP status (0 when nothing came back)
 * @param failure why nothing came back, if so
 */
public record SandboxPushDelivery(String messageId, String subscription, URI endpoint, String emailAddress, String historyId,
                                  Optional<SandboxPushFault.Kind> fault, int attempt, String token, int status,
                                  Optional<String> failure, Instant at) {
    public SandboxPushDelivery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(failure, "failure");
    }

    /** Pub/Sub's success statuses: 102, 200, 201, 202, 204. */
    public boolean acknowledged() {
        return status == 102 || status == 200 || status == 201 || status == 202 || status == 204;
    }

    @Override
    public String toString() {
        return "SandboxPushDelivery[" + messageId + " to " + endpoint + ", historyId " + historyId + ", fault " + fault
                + ", attempt " + attempt + ", status " + status + failure.map(f -> ", " + f).orElse("") + "]";
    }
}
