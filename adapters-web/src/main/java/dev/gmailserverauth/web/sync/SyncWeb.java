package dev.gmailserverauth.web.sync;

import dev.gmailserverauth.application.sync.DescribeSync;
import dev.gmailserverauth.application.sync.ReceivePush;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the sync's routes need: the push receiver's use case and path (no receiver: pushes are not received here,
 * the path answers 404), and the description of a person's sync.
 *
 * @param pushPath where Pub/Sub pushes arrive ({@code GMAIL_PUSH_PATH})
 */
public record SyncWeb(Optional<ReceivePush> receivePush, DescribeSync describeSync, String pushPath, Clock clock) {
    public SyncWeb {
        Objects.requireNonNull(receivePush, "receivePush");
        Objects.requireNonNull(describeSync, "describeSync");
        Objects.requireNonNull(pushPath, "pushPath");
        Objects.requireNonNull(clock, "clock");
    }
}
